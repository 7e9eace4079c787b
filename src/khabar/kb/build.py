"""Build the KB file from its offline sources (see scripts/build_kb.py and docs/kb.md)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from pathlib import Path

from khabar.kb import sources
from khabar.kb.keys import alias_key
from khabar.kb.loader import KB_FILE
from khabar.kb.model import CURATED_SOURCES, KBEntry
from khabar.kb.translit import name_words


def merge_into(entries: dict[str, KBEntry], new: Iterable[KBEntry]) -> None:
    """Add entries; an id seen before gains the new names and fills the fields it lacked."""
    for entry in new:
        old = entries.get(entry.id)
        if old is None:
            entries[entry.id] = entry
        else:
            old.absorb(entry)


def merge_new_names(entries: dict[str, KBEntry], new: Iterable[KBEntry], known: set[str]) -> None:
    """Add the entries of a secondary source whose Arabic name no earlier source has. One whose id the
    same source took before (two spellings transliterated alike: ديفيد بتراوس، ديفيد باتريوس) adds its
    name when it has two words or more (one word alone, "مدينة", is rarely a name)."""
    for entry in new:
        key = alias_key(entry.name_ar)
        old = entries.get(entry.id)
        if key in known or (old is not None and (old.source != entry.source or " " not in key)):
            continue
        known.add(key)
        if old is None:
            entries[entry.id] = entry
        else:
            old.absorb(entry)


def words_like_cities(entries: Iterable[KBEntry]) -> set[str]:
    """Keys of world cities (sources.world_cities) that are also given names ("جورج", George in South Africa)
    or written with the article, as Arabic words are and foreign cities are not ("البسيط" Albacete, "the
    simple"): not to be matched on their own."""
    entries = list(entries)
    given = {
        alias_key(name).split(" ")[0] for e in entries if e.type == "PER" for name in e.arabic_names() if " " in name.strip()
    }
    keys = set()
    for entry in entries:
        if entry.source == sources.WORLD_CITIES:
            key = alias_key(entry.name_ar)
            if key in given or entry.name_ar.startswith("ال"):
                keys.add(key)
    return keys


def given_names_only(entries: Iterable[KBEntry]) -> set[str]:
    """Keys of the derived sources' person names made of given names only ("محمد علي" is Muhammad Ali for
    arwikicats, and the start of many other names in the news): not to be matched on their own."""
    given = {key for key, english in name_words().items() if english[:1].isupper() and english not in ("Abu", "Al")}
    keys = set()
    for entry in entries:
        if entry.type == "PER" and entry.source not in CURATED_SOURCES:
            keys |= {k for k in map(alias_key, entry.arabic_names()) if set(k.split(" ")) <= given}
    return keys


def without_kind_forms(entries: Iterable[KBEntry], new: Iterable[KBEntry], descriptors: set[str]) -> list[KBEntry]:
    """The new entries less those named by their kind and a known entry's name ("حركة حماس", "تنظيم القاعدة"):
    the same body under a second id and a worse English name (Hamas Movement), which the gazetteer would prefer
    for being longer. Only for the same type: "حزب البشير" is not Omar al-Bashir."""
    types = {alias_key(name): e.type for e in entries for name in e.arabic_names()}
    kept = []
    for entry in new:
        head, _, rest = entry.name_ar.partition(" ")
        if not (rest and head in descriptors and types.get(alias_key(rest)) == entry.type):
            kept.append(entry)
    return kept


def drop_descriptor_forms(entry: KBEntry, descriptors: set[str]) -> list[str]:
    """Aliases without "وكالة تاس" when "تاس" is one: the descriptor is not part of the name."""
    keys = {alias_key(n) for n in entry.arabic_names()}
    kept = []
    for alias in entry.aliases_ar:
        head, _, rest = alias.partition(" ")
        if not (head in descriptors and alias_key(rest) in keys):
            kept.append(alias)
    return kept


def build(
    arwikicats_dir: Path | None, up_dir: Path | None, anergazet_dir: Path | None, anercorp_train: Path | None = None
) -> dict:
    """The KB as a JSON-ready dict; the optional source folders are skipped when None."""
    entries: dict[str, KBEntry] = {}
    merge_into(entries, sources.countries())
    iso3_by_name = {}
    for e in entries.values():
        for name in e.arabic_names():
            iso3_by_name.setdefault(alias_key(name), e.country)
        for name in [e.name_en, *e.aliases_en]:
            iso3_by_name.setdefault(name.casefold(), e.country)
    merge_into(entries, sources.curated_entries("historical.yaml", "GPE", "former_country"))
    merge_into(entries, sources.curated_entries("igos.yaml", "ORG", "igo", default_country="IGO"))
    merge_into(entries, sources.curated_entries("agencies.yaml", "ORG", "agency"))
    merge_into(entries, sources.officeholders())
    merge_into(entries, sources.places())
    merge_into(entries, sources.organisations())
    merge_into(entries, sources.institutions())
    roles = sources.roles(up_dir)
    known = {alias_key(name) for e in entries.values() for name in e.arabic_names()}
    if arwikicats_dir is not None:
        merge_new_names(entries, sources.arwikicats_people(arwikicats_dir), known)
        if anergazet_dir is not None:
            merge_new_names(entries, sources.anergazet_cities(anergazet_dir, arwikicats_dir, iso3_by_name), known)
        english = {sources.english_key(n) for e in entries.values() for n in [e.name_en, *e.aliases_en]}
        # a city named like a known place is mostly a namesake of it (St. Petersburg, Florida: "سان بطرسبرج")
        cities = [c for c in sources.world_cities(arwikicats_dir) if sources.english_key(c.name_en) not in english]
        merge_new_names(entries, cities, known)
    nationalities = sources.nationalities(iso3_by_name, arwikicats_dir)
    rules = sources.read_yaml("name_rules.yaml")
    descriptors = set(rules["descriptors"])
    if up_dir is not None:
        iso3 = {e.country for e in entries.values() if e.kind == "country"}
        actors = sources.up_actors(up_dir / "actor_dict_ar_v4.txt", set(roles), set(nationalities), iso3)
        merge_new_names(entries, without_kind_forms(entries.values(), actors, descriptors), known)
    for entry in entries.values():
        if entry.kind in ("agency", "media") and not entry.sector:
            entry.sector = "MED"
        entry.aliases_ar = drop_descriptor_forms(entry, descriptors)
        entry.absorb(entry)  # drops repeated aliases and those equal to the name
    ambiguous_alone = {alias_key(w) for w in rules["ambiguous_alone"]}
    ambiguous_alone |= given_names_only(entries.values()) | words_like_cities(entries.values())
    if anercorp_train is not None:
        one_word_aliases = {alias_key(n) for e in entries.values() for n in e.arabic_names() if " " not in alias_key(n)}
        ambiguous_alone |= sources.mostly_common_words(anercorp_train) & one_word_aliases
    return {
        "entries": [e.to_dict() for e in entries.values()],
        "nationalities": nationalities,
        "roles": roles,
        "role_names": sources.read_yaml("role_names.yaml"),
        "ambiguous_alone": sorted(ambiguous_alone),
        "descriptors": sorted({alias_key(w) for w in descriptors}),
        "not_in_names": sorted({alias_key(w) for w in rules["not_in_names"]}),
    }


def write(kb: dict, path: Path = KB_FILE) -> None:
    # mtime=0: the same sources give the same bytes, so rebuilding does not dirty the repository.
    data = json.dumps(kb, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as f:
        f.write(data)
