"""Descriptions and anaphors -> entities: "أول رئيس لجمهورية كازاخستان", "الرئيس الروسي" -> the
officeholder on the article's date; "بلاده", "الجمهورية", "هذا الاتحاد" -> the entity named before.

The quotes and events components call `resolve_description` for a speaker or actor that is not a name.
It returns the id of an entity of `doc.entities`, adding the entity (without mentions: descriptions are
not name mentions) when the article has not named it.
"""

from __future__ import annotations

from functools import lru_cache

from khabar.document import Document, Entity
from khabar.kb import KBEntry, KnowledgeBase, load_kb
from khabar.kb.keys import alias_key
from khabar.kb.sources import read_yaml
from khabar.link.context import describe, words


@lru_cache(maxsize=1)
def _anaphora() -> dict[str, set[str]]:
    return {k: {alias_key(w) for w in v} for k, v in read_yaml("anaphora.yaml").items()}


def resolve_description(doc: Document, start: int, end: int, kb: KnowledgeBase | None = None) -> str | None:
    kb = kb or load_kb()
    text = doc.text[start:end]
    key = alias_key(_without_demonstrative(text))
    anaphora = _anaphora()
    if key in anaphora["country_of_person"]:
        person = _nearest_before(doc, start, lambda e: e.type == "PER" and e.country not in (None, "IGO"))
        return _country_entity(doc, kb, person.country, start, end) if person else None
    if key in anaphora["any_country"]:
        country = _nearest_before(doc, start, lambda e: e.kb_id is not None and e.kb_id.startswith("country:"))
        return country.id if country else None
    if key.split(" ")[0] in anaphora["head_nouns"]:
        # "هذا الاتحاد الاقتصادي": the nearest name that starts with these words (its head noun first, so
        # "الاتحاد" is the EAEU, not "مجلس الاتحاد ..."); one named later when none was named before
        def named_so(e: Entity) -> bool:
            return any(alias_key(n).startswith(key) for n in _names(e, kb))

        found = _nearest_before(doc, start, named_so) or _nearest_before(doc, len(doc.text), named_so)
        if found:
            return found.id
    entry = officeholder_described(kb, text, doc)
    return _entity_for(doc, entry, start, end) if entry else None


def officeholder_described(kb: KnowledgeBase, text: str, doc: Document) -> KBEntry | None:
    d = describe(kb, text)
    if d.role is None:
        return None
    # posts of organisations are filed under the organisation (igo:un), envoys under where they are sent
    for where in dict.fromkeys(w for w in (d.org_id, d.country or _main_country(doc)) if w):
        if d.first:
            starts = [
                (p.start, e) for e in kb.holders(d.role, where) for p in e.positions if p.role == d.role and p.start
            ]
            if starts:
                return min(starts, key=lambda s: s[0])[1]
        elif holder := kb.officeholder(d.role, where, doc.published):
            return holder
    return None


def set_from_entry(entity: Entity, entry: KBEntry, doc: Document) -> None:
    entity.name, entity.name_en = entry.name_ar, entry.name_en
    entity.kb_id, entity.wikidata, entity.country = entry.id, entry.wikidata, entry.country
    entity.actor_code = entry.actor_code(doc.published)


def _main_country(doc: Document) -> str | None:
    """The country most mentioned in the article: whose "الرئيس" or "الملك" a bare title means."""
    counts: dict[str, int] = {}
    for entity in doc.entities:
        if entity.kb_id and entity.kb_id.startswith("country:"):
            counts[entity.country] = len(entity.mentions)
    return max(counts, key=counts.get) if counts else None


def _without_demonstrative(text: str) -> str:
    tokens = words(text)
    if tokens and alias_key(tokens[0]) in ("هذا", "هذه", "تلك", "ذلك"):
        tokens = tokens[1:]
    return " ".join(tokens)


def _names(entity: Entity, kb: KnowledgeBase) -> list[str]:
    """What the entity is called in the article and, if the KB knows it, elsewhere: "الجمهورية" may stand
    for "مصر" because the KB knows it as "جمهورية مصر العربية"."""
    entry = kb.get(entity.kb_id) if entity.kb_id else None
    return [entity.name, *(m.text for m in entity.mentions), *(entry.aliases_ar if entry else ())]


def _nearest_before(doc: Document, offset: int, wanted) -> Entity | None:
    best, best_start = None, -1
    for entity in doc.entities:
        if not wanted(entity):
            continue
        for m in entity.mentions:
            if best_start < m.start < offset:
                best, best_start = entity, m.start
    return best


def _country_entity(doc: Document, kb: KnowledgeBase, iso3: str, start: int, end: int) -> str | None:
    entry = kb.get(f"country:{iso3}")
    return _entity_for(doc, entry, start, end) if entry else None


def _new_id(doc: Document) -> str:
    """ "e" + a number no entity of the document has (other components may have added some)."""
    numbers = [int(e.id[1:]) for e in doc.entities if e.id[:1] == "e" and e.id[1:].isdigit()]
    return f"e{max(numbers, default=0) + 1}"


def _entity_for(doc: Document, entry: KBEntry, start: int, end: int) -> str:
    """The document's entity for `entry`; one the article never names is added, unnamed, with the description
    [start, end) as its mention (its evidence), since descriptions are not name mentions."""
    for entity in doc.entities:
        if entity.kb_id == entry.id:
            return entity.id
    entity = Entity(id=_new_id(doc), type=entry.type, name=entry.name_ar, named=False, mentions=[doc.span(start, end)])
    set_from_entry(entity, entry, doc)
    doc.entities.append(entity)
    return entity.id
