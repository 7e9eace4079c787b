"""Descriptions and anaphors -> entities: "أول رئيس لجمهورية كازاخستان", "الرئيس الروسي" -> the
officeholder on the article's date; "بلاده", "الجمهورية", "هذا الاتحاد" -> the entity named before.

The quotes and events components call `resolve_description` for a speaker or actor that is not a name.
It returns the id of an entity of `doc.entities`, adding the entity (without mentions: descriptions are
not name mentions) when the article has not named it.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from khabar.document import Document, Entity
from khabar.kb import KBEntry, KnowledgeBase, load_kb
from khabar.kb.keys import alias_key
from khabar.kb.sources import read_yaml
from khabar.link.context import Title, article_country, in_apposition, read_title, words


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
    person = _person_in_apposition(doc, start, end)
    if person is not None:
        return person.id
    entry = officeholder_described(kb, text, doc.published, article_country(doc, kb))
    return _entity_for(doc, entry, start, end) if entry else None


def officeholder_described(
    kb: KnowledgeBase, text: str, on_date: dt.date | None, country_of_article: str | None = None
) -> KBEntry | None:
    """Who the description means, from its words, the date and the article's one country (for a bare
    "الرئيس"); None unless the title is an office the KB records and its country or organisation is
    clear (khabar.link.context.read_title, curated/offices.yaml). Without a date only a name in the
    description or the first holder can be told: today's holder is not who a 2018 article meant."""
    title = read_title(kb, text)
    if title is None:
        return None
    if title.person is not None:
        return title.person
    if not title.current:
        return None
    found = _role_and_where(title, country_of_article)
    if found is None:
        return None
    role, where = found
    if title.first:  # only where the KB records who was first: its list of holders may start late
        firsts = kb.holders(title.office.first_role, where) if title.office.first_role else []
        return firsts[0] if len(firsts) == 1 else None
    return kb.officeholder(role, where, on_date) if on_date else None


def _role_and_where(title: Title, country_of_article: str | None) -> tuple[str, str] | None:
    """(role, where the KB files it: a country's ISO3 or an organisation's id) for the title."""
    office, organisation = title.office, title.organisation
    if office.needs_organisation:
        return (office.role, organisation.id) if organisation is not None and title.country is None else None
    if organisation is not None:  # "رئيس المفوضية الأوروبية"; "رئيس منظمة ..." has no holder in the KB
        return (office.organisation_role, organisation.id) if office.organisation_role and not title.country else None
    country = title.country
    if country is None and len(office.only_in) == 1:  # "خادم الحرمين الشريفين" is Saudi Arabia's alone
        country = next(iter(office.only_in))
    if country is None and title.written in office.bare:
        country = country_of_article
    if country is None or not office.exists_in(country):
        return None
    return office.role, country


def _person_in_apposition(doc: Document, start: int, end: int) -> Entity | None:
    """A person the description names after its title: "رئيس بلدية تشاتانوغا أندي بيرك" is Andy Berke
    whatever the title; "محامي كلينتون" is not Clinton."""
    for entity in doc.entities:
        if entity.type != "PER":
            continue
        for m in entity.mentions:
            if start < m.start < end:
                before = words(doc.text[start : m.start])
                preceded_by_name = any(
                    start <= n.start and n.end <= m.start and doc.text[n.end : m.start].strip() == ""
                    for e in doc.entities
                    if e.type != "PER"
                    for n in e.mentions
                )
                if before and (in_apposition(before[-1]) or preceded_by_name):
                    return entity
    return None


def set_from_entry(entity: Entity, entry: KBEntry, doc: Document) -> None:
    entity.name, entity.name_en = entry.name_ar, entry.name_en
    entity.kb_id, entity.wikidata, entity.country = entry.id, entry.wikidata, entry.country
    entity.actor_code = entry.actor_code(doc.published)


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
