"""Demonyms ("الروسي", "اليابانية") to countries, and to the document's own GPE entity for that country.

The knowledge base (`khabar.kb.load_kb().nationality`) is the authority; when it is not installed, or does not
know the word, a demonym is matched against the names of the document's GPE entities by stem ("الروسي" →
"روسيا", "الأردني" → "الأردن").
"""

from __future__ import annotations

from functools import lru_cache

from khabar.document import Document, Entity
from khabar.text import normalize

DEMONYM_ENDINGS = ("يون", "يين", "يه", "ي")
MIN_STEM = 3
COUNTRY_KB_PREFIX = "country:"  # the knowledge base's ids of sovereign states
PLACE_KB_PREFIX = "place:"  # and of cities, regions and other places


@lru_cache(maxsize=1)
def _kb():
    try:
        from khabar.kb import load_kb
    except ImportError:
        return None
    return load_kb()


def _strip(word: str) -> str:
    """Without an attached conjunction and article: "والروسي" → "روسي"."""
    word = normalize(word)
    if word[:1] in "وف" and len(word) > 4:
        word = word[1:]
    if word.startswith("لل"):
        word = word[2:]
    return word[2:] if word.startswith("ال") else word


def is_country(entity: Entity) -> bool:
    return bool(entity.kb_id and entity.kb_id.startswith(COUNTRY_KB_PREFIX))


def is_place(entity: Entity) -> bool:
    """A location that is not a state: a LOC, or a GPE the knowledge base knows as a city or region."""
    return entity.type == "LOC" or bool(entity.kb_id and entity.kb_id.startswith(PLACE_KB_PREFIX))


def demonym_stem(word: str) -> str | None:
    stem = _strip(word)
    for ending in DEMONYM_ENDINGS:
        if stem.endswith(ending) and len(stem) - len(ending) >= MIN_STEM:
            return stem[: -len(ending)]
    return None


def nationality(word: str) -> str | None:
    """The ISO3 code of the state a demonym names ("الفلسطينيين" → PSE), whether or not the document names it."""
    kb = _kb()
    return (kb.nationality(_strip(word)) or kb.nationality(word)) if kb is not None else None


def country_entity(doc: Document, word: str) -> Entity | None:
    """The document's GPE entity that the demonym `word` refers to."""
    iso3 = nationality(word)
    gpes = [e for e in doc.entities if e.type == "GPE" and e.named]
    if iso3:
        # the country itself, never one of its cities ("الرئيس الفرنسي" is not the president of Paris)
        same = [e for e in gpes if e.country == iso3 and not is_place(e)]
        if same:
            return min(same, key=lambda e: (not is_country(e), e.kb_id is None, len(e.name)))
    stem = demonym_stem(word)
    if not stem:
        return None
    for entity in gpes:
        if is_place(entity):
            continue
        names = {entity.name} | {m.text for m in entity.mentions}
        if any(_strip(n).startswith(stem) and len(_strip(n)) - len(stem) <= 2 for n in names):
            return entity
    return None
