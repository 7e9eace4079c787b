"""The date lexicon: month, weekday and unit names, modifiers and cue words from src/khabar/data/dates/*.yaml,
normalised once (khabar.text.normalize) so they can be looked up in normalised text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from khabar.text.normalize import normalize

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "dates"


def load_data(name: str) -> dict[str, Any]:
    with open(DATA_DIR / name, encoding="utf-8") as f:
        return yaml.safe_load(f)


def _norm(phrase: str) -> str:
    return " ".join(normalize(phrase).split())


def _by_name(groups: dict[Any, list[str]]) -> dict[str, Any]:
    """{key: [names]} -> {normalised name: key}."""
    return {_norm(name): key for key, names in groups.items() for name in names}


def _norm_keys(table: dict[str, Any]) -> dict[str, Any]:
    return {_norm(k): v for k, v in table.items()}


def _norm_set(words: list[str]) -> frozenset[str]:
    return frozenset(_norm(w) for w in words)


def alternation(phrases) -> str:
    """A regex matching any of the phrases, built as a trie (one branch per next character, so "تشرين" is
    tested once for "تشرين الاول" and "تشرين الثاني"): the regex engine then tries one branch per character
    instead of every phrase at every position. Longer phrases are tried first."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    branches = [
        (r"\s+" if ch == " " else re.escape(ch)) + _trie_regex(child) for ch, child in sorted(node.items()) if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?" if len(branches) == 1 else body + "?"
    return body


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    ambiguous_months: frozenset[str]
    hijri_months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    season_months: dict[str, tuple[int, int]]
    relative_days: dict[str, int]
    parts_of_day: dict[str, str]
    tonight: frozenset[str]
    modifiers: dict[str, str]
    this: frozenset[str]
    month_prepositions: frozenset[str]
    units: dict[str, tuple[str, int]]
    definite_units: dict[str, str]
    number_units: dict[str, int]
    number_tens: dict[str, int]
    number_hundreds: dict[str, int]
    teen_suffix: frozenset[str]
    day_ordinals: dict[str, int]
    clock_hours: dict[str, int]
    clock_pm: frozenset[str]
    clock_am: frozenset[str]
    approximators: frozenset[str]
    decades: dict[str, int]
    century_ordinals: dict[str, int]
    vague: dict[str, str]
    sets: dict[str, str]
    weekday_blockers_before: frozenset[str]
    today_blockers_before: frozenset[str]
    today_blockers_after: frozenset[str]
    year_blockers_after: frozenset[str]
    year_blockers_before: frozenset[str]
    future_cues: frozenset[str]
    future_cue_nouns: frozenset[str]
    future_verb_openers: frozenset[str]
    past_markers: frozenset[str]
    not_future_stems: tuple[str, ...]

    def parse_number(self, phrase: str) -> int | None:
        """Digits or number words ("ثلاثه", "خمسه وعشرين", "احد عشر", "مئه") -> int."""
        phrase = " ".join(phrase.split())
        if phrase.isdigit():
            return int(phrase)
        words = phrase.replace(" و", " و ").split()
        total, i = 0, 0
        while i < len(words):
            w = words[i]
            if w == "و":
                i += 1
                continue
            if w in self.number_units and i + 1 < len(words) and words[i + 1] in self.teen_suffix:
                total += 10 + self.number_units[w]
                i += 2
                continue
            value = self.number_units.get(w) or self.number_tens.get(w) or self.number_hundreds.get(w)
            if value is None:
                return None
            total += value
            i += 1
        return total or None


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    cal = load_data("calendar.yaml")
    lex = load_data("lexicon.yaml")
    modifiers = {_norm(w): direction for direction, words in lex["modifiers"].items() for w in words}
    units = {_norm(form): (code, count) for code, forms in lex["units"].items() for form, count in forms.items()}
    vague = {_norm(w): value for value, words in lex["vague"].items() for w in words}
    return Lexicon(
        months=_by_name(cal["months"]),
        ambiguous_months=_norm_set(cal["ambiguous_months"]),
        hijri_months=_by_name(cal["hijri_months"]),
        weekdays=_by_name(cal["weekdays"]),
        seasons=_by_name(cal["seasons"]),
        season_months={code: (first, last) for code, (first, last) in cal["season_months"].items()},
        relative_days=_norm_keys(lex["relative_days"]),
        parts_of_day=_norm_keys(lex["parts_of_day"]),
        tonight=_norm_set(lex["tonight"]),
        modifiers=modifiers,
        this=_norm_set(lex["this"]),
        month_prepositions=_norm_set(lex["month_prepositions"]),
        units=units,
        definite_units=_by_name(lex["definite_units"]),
        number_units=_norm_keys(lex["numbers"]["units"]),
        number_tens=_norm_keys(lex["numbers"]["tens"]),
        number_hundreds=_norm_keys(lex["numbers"]["hundreds"]),
        teen_suffix=_norm_set(lex["numbers"]["teen_suffix"]),
        day_ordinals=_norm_keys(lex["day_ordinals"]),
        clock_hours=_norm_keys(lex["clock_hours"]),
        clock_pm=_norm_set(lex["clock_pm"]),
        clock_am=_norm_set(lex["clock_am"]),
        approximators=_norm_set(lex["approximators"]),
        decades=_norm_keys(lex["decades"]),
        century_ordinals=_norm_keys(lex["century_ordinals"]),
        vague=vague,
        sets=_norm_keys(lex["sets"]),
        weekday_blockers_before=_norm_set(lex["weekday_blockers_before"]),
        today_blockers_before=_norm_set(lex["today_blockers_before"]),
        today_blockers_after=_norm_set(lex["today_blockers_after"]),
        year_blockers_after=_norm_set(lex["year_blockers_after"]),
        year_blockers_before=_norm_set(lex["year_blockers_before"]),
        future_cues=_norm_set(lex["future_cues"]),
        future_cue_nouns=_norm_set(lex["future_cue_nouns"]),
        future_verb_openers=_norm_set(lex["future_verb_openers"]),
        past_markers=_norm_set(lex["past_markers"]),
        not_future_stems=tuple(sorted(_norm_set(lex["not_future_stems"]))),
    )
