"""English names of organisations and places the KB does not know, from their Arabic words.

"حرس الحدود اليمني" is the Yemeni Border Guard, not "Yemeni Hars al-Hudud": the words of
curated/name_translations.tsv are translated and the others (the proper name) transliterated by the
caller; Arabic puts the head first and its modifiers after it, English the other way round, so each
phrase is read backwards with the proper name kept as one unit ("مجلس مدينة أبو حماد" -> Abu Hammad City
Council). "لـ" starts a phrase of its own after "for" ("المرصد السوري لحقوق الإنسان" -> Syrian
Observatory for Human Rights), "و" joins two ("البحوث العلمية والإفتاء" -> Scientific Research and
Ifta), a unit number comes first as an ordinal ("اللواء 84 مشاة" -> 84th Infantry Brigade), and a name in
quotation marks that closes the name is one unit, read part by part around a dash, before the body ('جمعية
الصداقة "روسيا - مصر"' -> Russia - Egypt Friendship Association).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from khabar.kb.keys import alias_key
from khabar.kb.sources import CURATED, tsv_rows

_PUNCT = re.compile(r"[-–—\"'«»()]+")
_QUOTE_MARKS = frozenset('"«»“”')


@lru_cache(maxsize=1)
def translations() -> dict[str, str]:
    return {alias_key(arabic): english for arabic, english in tsv_rows(CURATED / "name_translations.tsv")}


@dataclass(slots=True)
class _Unit:
    english: str
    kind: str  # "word" (translated), "adjective" (of nationality), "name", "number"
    joins: str = ""  # "for" or "and": the unit starts a new phrase or part
    relative: bool = False  # a translated relative adjective ("الميداني"): a run of them keeps its order


def _relative_adjective(word: str) -> bool:
    """An adjective in -ي/-ية whose other gender the table knows too ("المركزية"/"المركزي"; "الرؤية" is a noun)."""
    key = alias_key(word)
    masculine = key[:-1] if key.endswith("يه") else key
    return masculine.endswith("ي") and masculine in translations() and masculine + "ه" in translations()


def _translate(word: str) -> tuple[str | None, str]:
    """The translation of a word, and the conjunction or preposition it carries ("for", "and", "")."""
    table = translations()
    if (english := table.get(alias_key(word))) is not None:
        return english, ""
    if word.startswith("لل") and (english := table.get(alias_key("ال" + word[2:]))) is not None:
        return english, "for"
    for clitic, joins in (("و", "and"), ("ل", "for")):
        if word.startswith(clitic) and len(word) > 3 and (english := table.get(alias_key(word[1:]))) is not None:
            return english, joins
    return None, ""


def _quoted_segment(words: list[str]) -> tuple[int, int] | None:
    """(first, last) word of a name in quotation marks that closes the name, or None."""
    opening = next((i for i, w in enumerate(words) if w[:1] in _QUOTE_MARKS), None)
    if opening is None or not words[-1] or words[-1][-1:] not in _QUOTE_MARKS:
        return None
    return opening, len(words) - 1


def _dash_parts(words: list[str]) -> list[list[str]]:
    """The quoted name's parts around a dash ("روسيا - العالم الإسلامي"), each read on its own."""
    parts: list[list[str]] = [[]]
    for raw in words:
        word = _PUNCT.sub("", raw)
        if not word:
            if raw.strip("\"'«»") and parts[-1]:  # a dash between parts
                parts.append([])
            continue
        parts[-1].append(word)
    return [p for p in parts if p]


def _ordinal(number: str) -> str:
    n = int(number)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{number}{suffix}"


def translate_name(
    words: list[str],
    adjective: Callable[[str], str | None],
    spell: Callable[[str], str],
) -> str | None:
    """The English name, or None when no word of it is translated (a proper name only: the caller
    transliterates it). `adjective`: the English of a nationality adjective; `spell`: of a name word."""
    units: list[_Unit] = []
    quoted = _quoted_segment(words)
    if quoted is not None:  # 'مجموعة الرؤية الاستراتيجية "روسيا - العالم الإسلامي"': the quoted name is one unit
        first, last = quoted
        inner = " - ".join(translate_name(part, adjective, spell) or " ".join(spell(w) for w in part)
                           for part in _dash_parts(words[first : last + 1]))
        head = translate_name(words[:first], adjective, spell) if first else None
        return f"{inner} {head}" if head else None
    cleaned = [w for w in (_PUNCT.sub("", raw) for raw in words) if w]
    i = 0
    while i < len(cleaned):
        word = cleaned[i]
        i += 1
        if i < len(cleaned) and (pair := _translate(f"{word} {cleaned[i]}"))[0] is not None:  # "كرة القدم"
            english, joins = pair
            i += 1
        else:
            english, joins = _translate(word)
        if english is not None:
            units.append(_Unit(english, "word", joins, relative=" " not in english and _relative_adjective(word)))
        elif word.isdigit():
            units.append(_Unit(word, "number"))
        elif demonym := adjective(word):
            units.append(_Unit(demonym, "adjective"))
        else:
            units.append(_Unit(spell(word), "name"))
    if not any(u.kind == "word" for u in units):
        return None
    phrases: list[list[_Unit]] = [[]]
    for unit in units:
        if unit.joins == "for" and phrases[-1]:
            phrases.append([])
        phrases[-1].append(unit)
    english = " for ".join(_phrase(p) for p in phrases if p)
    return english[:1].upper() + english[1:]


def _phrase(units: list[_Unit]) -> str:
    parts: list[list[_Unit]] = [[]]
    for unit in units:
        if unit.joins == "and" and parts[-1]:
            parts.append([])
        parts[-1].append(unit)
    return " and ".join(_part(p) for p in parts)


def _part(units: list[_Unit]) -> str:
    """One head-first Arabic part read backwards, the proper name and a run of relative adjectives kept in their
    order ("الجيش الثاني الميداني" -> Second Field Army), a number first."""
    numbers = [_ordinal(u.english) for u in units if u.kind == "number"]
    blocks: list[str] = []
    previous = None
    for unit in units:
        if unit.kind == "number":
            continue
        if previous is not None and ((unit.kind == "name" and previous.kind == "name") or (unit.relative and previous.relative)):
            blocks[-1] += " " + unit.english
        else:
            blocks.append(unit.english)
        previous = unit
    return " ".join([*numbers, *reversed(blocks)])


def generic_name(words: list[str], adjective: Callable[[str], str | None]) -> bool:
    """Whether every word of the name is translated and none is a nationality: a body's kind, not its proper
    name ("الجيش الثاني الميداني"), which the country it belongs to tells apart."""
    table = translations()
    cleaned = [alias_key(w) for w in (_PUNCT.sub("", raw) for raw in words) if w]
    if not cleaned or any(adjective(w) for w in words):
        return False
    return all(w in table or w.isdigit() or f"{w} {n}" in table or f"{p} {w}" in table
               for p, w, n in zip(["", *cleaned], cleaned, [*cleaned[1:], ""]))
