"""What the words around a mention say: titles (role nouns), nationality adjectives, countries.

Works on the normalised words of a window of text, so that it needs nothing but `Document.text`.
`describe` reads what it can from any window (the linker's context); `read_title` reads a whole
description as an office and whose office it is, or nothing (resolve_description's precision).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from khabar.document import Document
from khabar.kb import KBEntry, KnowledgeBase, load_kb
from khabar.kb.keys import COMPOUND_HEADS, alias_key, without_proclitics
from khabar.kb.sources import read_yaml
from khabar.text.normalize import normalize

WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u064b-\u065f\u0670\u0640]+|\w+")
MAX_ROLE_WORDS = 4


def words(text: str) -> list[str]:
    return WORD.findall(text)


@dataclass(frozen=True, slots=True)
class Description:
    """ "أول رئيس لجمهورية كازاخستان": role head_of_state, country KAZ, first=True."""

    role: str | None
    sector: str | None
    country: str | None
    first: bool = False
    org_id: str | None = None  # the organisation named in it: "الأمين العام للأمم المتحدة" -> igo:un


def describe(kb: KnowledgeBase, text: str) -> Description:
    """Role, sector and country that a title or description states."""
    tokens = words(text)
    keys = [alias_key(w) for w in tokens]
    role = sector = country = org_id = None
    nationality = None  # a nationality adjective says more than a place named nearby ("في مدريد ... الأرجنتيني")
    first = False
    i = 0
    while i < len(tokens):
        if keys[i] in ("اول", "اولى"):
            first = True
            i += 1
            continue
        found = _longest_role(kb, keys, i)
        if found and role is None:
            entry, length = found
            role, sector = entry.get("role") or None, entry.get("sector") or None
            i += length
            continue
        iso3 = kb.nationality(tokens[i])
        if iso3 and nationality is None:
            nationality = iso3
            i += 1
            continue
        named, length = _longest_name(kb, tokens, i)
        if named is not None:
            if named.kind in ("country", "territory"):
                country = country or named.country
            else:  # "المتحدث باسم الكرملين": the Kremlin, and Russia
                org_id = org_id or named.id
                country = country or (named.country if named.country != "IGO" else None)
            i += length
            continue
        i += 1
    return Description(role, sector, nationality or country, first, org_id)


def _longest_role(kb: KnowledgeBase, keys: list[str], i: int) -> tuple[dict[str, str], int] | None:
    """The longest role noun at token i, looked up by the tokens' own keys (no role noun holds a compound)."""
    for length in range(min(MAX_ROLE_WORDS, len(keys) - i), 0, -1):
        entry = kb.roles.get(" ".join(keys[i : i + length]))
        if entry:
            return entry, length
    return None


@lru_cache(maxsize=4)
def _name_first_words(kb: KnowledgeBase) -> frozenset[str]:
    """The first words (keys) of every state's and organisation's name."""
    return frozenset(
        alias_key(name).split(" ")[0]
        for entry in kb.entries.values()
        if entry.type in ("GPE", "ORG")
        for name in entry.arabic_names()
    )


@lru_cache(maxsize=1 << 16)  # words repeat across articles; most start no name
def _may_start_name(kb: KnowledgeBase, token: str) -> bool:
    keys = [alias_key(token), *(alias_key(form) for form, _ in without_proclitics(token))]
    return any(key in _name_first_words(kb) or key in COMPOUND_HEADS for key in keys)


def _longest_name(kb: KnowledgeBase, tokens: list[str], i: int, max_words: int = 6):
    if not _may_start_name(kb, tokens[i]):
        return None, 0
    for length in range(min(max_words, len(tokens) - i), 0, -1):
        found = _named_phrase(kb, " ".join(tokens[i : i + length]))
        if found is not None:
            return found, length
    return None, 0


@lru_cache(maxsize=1 << 16)  # the same phrases recur in every article's context windows
def _named_phrase(kb: KnowledgeBase, phrase: str) -> KBEntry | None:
    """The state or organisation a phrase names, with or without its proclitics."""
    for form in (phrase, *(f for f, _ in without_proclitics(phrase))):
        found = [e for e in kb.exact(form) if e.type in ("GPE", "ORG") and e.kind != "institution"
                 and _written_alike(form, e) and (e.kind in ("country", "igo") or kb.safe_alone(form))]
        if found:
            return found[0]
    return None


def _written_alike(form: str, entry: KBEntry) -> bool:
    """Whether the form has the article if the entry's names all have it (the KB's keys leave it out): "سويس إنفو"
    is not Suez ("السويس"), "فرقة" a squad, not ف + "رقة" for "الرقة" (after a proclitic it stays: "فالرقة")."""
    return form.startswith("ال") or not all(n.startswith("ال") for n in entry.arabic_names())


def _longest_person(kb: KnowledgeBase, tokens: list[str], i: int, max_words: int = 4):
    """A person's name the KB knows ("عادل الجبير", "روحاني")."""
    for length in range(min(max_words, len(tokens) - i), 0, -1):
        found = [e for e in kb.exact(" ".join(tokens[i : i + length])) if e.type == "PER"]
        if found:
            return found[0], length
    return None, 0


@dataclass(frozen=True, slots=True)
class Office:
    """An office of curated/offices.yaml: the KB role, its titles and where the title names it."""

    role: str
    bare: frozenset[str]  # the titles (normalised) that alone mean the article's country's officeholder
    only_in: frozenset[str]
    not_in: frozenset[str]
    needs_organisation: bool
    organisation_role: str | None
    first_role: str | None  # the KB role of whoever held it first: first_president
    words: frozenset[str]

    def exists_in(self, country: str) -> bool:
        return (not self.only_in or country in self.only_in) and country not in self.not_in


@dataclass(frozen=True, slots=True)
class Offices:
    by_title: dict[str, Office]  # title key -> office
    not_current: frozenset[str]
    any_office_words: frozenset[str]
    time_words: frozenset[str]


@lru_cache(maxsize=1)
def offices() -> Offices:
    data = read_yaml("offices.yaml")
    groups = data["groups"]

    def countries(names: list[str]) -> frozenset[str]:
        return frozenset(c for name in names for c in groups.get(name, [name]))

    def keys(phrases: list[str]) -> frozenset[str]:
        return frozenset(alias_key(p) for p in phrases)

    by_title = {}
    for spec in data["offices"]:
        office = Office(
            role=spec["role"],
            bare=frozenset(normalize(t) for t in spec.get("bare", [])),
            only_in=countries(spec.get("only_in", [])),
            not_in=countries(spec.get("not_in", [])),
            needs_organisation=spec.get("needs") == "organisation",
            organisation_role=spec.get("organisation_role"),
            first_role=spec.get("first"),
            words=keys(spec.get("words", [])),
        )
        by_title.update((alias_key(t), office) for t in spec["titles"])
    return Offices(by_title, *(keys(data[k]) for k in ("not_current", "any_office_words", "time_words")))


@dataclass(frozen=True, slots=True)
class Title:
    """ "أول رئيس لجمهورية كازاخستان": the head-of-state office, KAZ, first=True."""

    office: Office
    written: str  # the title as written, normalised: "الرئيس" (a bare title) is not "رئيس"
    first: bool = False
    current: bool = True  # False for "الرئيس السابق", "رئيس الوزراء المكلف"
    country: str | None = None
    organisation: KBEntry | None = None
    person: KBEntry | None = None  # a name in apposition: "وزير الخارجية السعودي عادل الجبير"


def read_title(kb: KnowledgeBase, text: str) -> Title | None:
    """The office a description names and whose it is, if every word of it is accounted for; None for
    a title with words the office does not cover ("رئيس بلدية تشاتانوغا", "المستشار الأمني") or for two
    countries. A time word ends the description ("وزير الخارجية السعودي الخميس")."""
    table = offices()
    tokens = words(text)
    keys = [alias_key(w) for w in tokens]
    first = bool(keys) and keys[0] in ("اول", "اولى")
    i = int(first)
    found = _longest_title(table, keys, i)
    if found is None:
        return None
    office, length = found
    written = normalize(" ".join(tokens[i : i + length]))
    i += length
    countries: set[str] = set()
    organisation = person = None
    current = True
    after_name = False  # "رئيس كازاخستان قاسم توكاييف": a name may follow a name too
    while i < len(tokens) and keys[i] not in table.time_words:
        if keys[i] in table.not_current:
            current = False
            i += 1
            continue
        if keys[i] in office.words or keys[i] in table.any_office_words:
            i += 1
            continue
        iso3, length = _longest_nationality(kb, tokens, i)
        if iso3:
            countries.add(iso3)
            after_name = False
            i += length
            continue
        named, length = _longest_name(kb, tokens, i)
        if named is not None and named.kind in ("country", "territory"):
            countries.add(named.country)
        elif named is not None:
            if organisation not in (None, named):
                return None
            organisation = named
        else:
            named, length = _longest_person(kb, tokens, i)
            if named is None or person is not None or not (after_name or in_apposition(tokens[i - 1])):
                return None
            person = named
        after_name = named.type != "PER"
        i += length
    if len(countries) > 1 and person is None:
        return None
    return Title(office, written, first, current, next(iter(countries), None), organisation, person)


def _longest_title(table: Offices, keys: list[str], i: int) -> tuple[Office, int] | None:
    for length in range(min(MAX_ROLE_WORDS, len(keys) - i), 0, -1):
        office = table.by_title.get(" ".join(keys[i : i + length]))
        if office is not None:
            return office, length
    return None


def _longest_nationality(kb: KnowledgeBase, tokens: list[str], i: int) -> tuple[str | None, int]:
    """ "الكوري الشمالي" is North Korean, not Korean and a word more."""
    for length in (2, 1):
        iso3 = kb.nationality(" ".join(tokens[i : i + length])) if i + length <= len(tokens) else None
        if iso3:
            return iso3, length
    return None, 0


def in_apposition(previous_word: str) -> bool:
    """A name right after a definite word or a name is the person the title describes ("الرئيس الروسي
    فلاديمير بوتين", "رئيس كازاخستان قاسم توكاييف"); after an indefinite noun or "باسم" it is the
    person the title belongs to ("محامي كلينتون", "المتحدث باسم ماي")."""
    bare = normalize(previous_word)
    return bare.startswith("ال") or bare.startswith("وال")



DOMINANCE = 2  # the article's country outnumbers every other country at least this many times
DATELINE_VOTES = 2  # "موسكو -": where the article was filed counts as much as two mentions


def article_country(doc: Document, kb: KnowledgeBase | None = None, min_votes: int = DOMINANCE) -> str | None:
    """The one country the article is about, if there is one: its mentions of places, people and
    organisations of that country (and the dateline) outnumber any other country's twice over. A bare
    "الرئيس" or "الملك" means that country's; in a story between two countries it means nothing.
    Only entities the KB knows vote: the country of an unknown name is the linker's guess from the
    title before it, and a wrong guess would decide whose "المستشار" is meant. `min_votes`: how many votes
    a country needs when no other has any."""
    votes: Counter[str] = Counter()
    for entity in doc.entities:
        if entity.kb_id and entity.country and entity.country != "IGO" and entity.mentions:
            votes[entity.country] += len(entity.mentions)
    if doc.source.dateline:
        kb = kb or load_kb()
        place = next((e for e in kb.exact(doc.source.dateline) if e.type in ("GPE", "LOC") and e.country), None)
        if place is not None:
            votes[place.country] += DATELINE_VOTES
    ranked = votes.most_common(2)
    if not ranked:
        return None
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    return ranked[0][0] if ranked[0][1] >= max(DOMINANCE * runner_up, min_votes) else None
