"""What the words around a mention say: titles (role nouns), nationality adjectives, countries.

Works on the normalised words of a window of text, so that it needs nothing but `Document.text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from khabar.kb import KnowledgeBase
from khabar.kb.keys import alias_key, without_proclitics

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
    first = False
    i = 0
    while i < len(tokens):
        if keys[i] in ("اول", "اولى"):
            first = True
            i += 1
            continue
        found = _longest_role(kb, tokens, i)
        if found and role is None:
            entry, length = found
            role, sector = entry.get("role") or None, entry.get("sector") or None
            i += length
            continue
        iso3 = kb.nationality(tokens[i])
        if iso3 and country is None:
            country = iso3
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
    return Description(role, sector, country, first, org_id)


def _longest_role(kb: KnowledgeBase, tokens: list[str], i: int) -> tuple[dict[str, str], int] | None:
    for length in range(min(MAX_ROLE_WORDS, len(tokens) - i), 0, -1):
        entry = kb.role(" ".join(tokens[i : i + length]))
        if entry:
            return entry, length
    return None


def _longest_name(kb: KnowledgeBase, tokens: list[str], i: int, max_words: int = 6):
    for length in range(min(max_words, len(tokens) - i), 0, -1):
        phrase = " ".join(tokens[i : i + length])
        for form in (phrase, *(f for f, _ in without_proclitics(phrase))):
            found = [e for e in kb.exact(form) if e.type in ("GPE", "ORG") and e.kind != "institution"]
            if found:
                return found[0], length
    return None, 0
