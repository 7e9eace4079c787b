"""Compiles the pattern templates of src/khabar/data/dates/patterns.yaml, once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from khabar.dates.lexicon import Lexicon, alternation, lexicon, load_data

PLACEHOLDER = re.compile(r"<<([A-Z_]+)>>")


@dataclass(frozen=True)
class Pattern:
    name: str
    resolver: str
    priority: int
    regex: re.Pattern[str]
    left: str = "word"  # what may stand before the match (see patterns.yaml)
    extend_left: str | None = None  # the kind of words before the match that join its span (see patterns.yaml)
    needs: re.Pattern[str] | None = None  # the pattern can only match a text where this one is found


@dataclass(frozen=True)
class Grammar:
    patterns: tuple[Pattern, ...]
    leads: dict[str, re.Pattern[str]]  # extend_left kind -> regex ending where a match starts


def lexicon_fragments(lex: Lexicon) -> dict[str, str]:
    counted = [form for form, (_, count) in lex.units.items() if count]
    return {
        "MONTH": alternation(lex.months),
        "HIJRI_MONTH": alternation(lex.hijri_months),
        "WEEKDAY": alternation(lex.weekdays),
        "DAY_ORDINAL": alternation(lex.day_ordinals),
        "SEASON": alternation(lex.seasons),
        "POD": alternation(lex.parts_of_day),
        "RELATIVE_DAY": alternation(lex.relative_days),
        "TONIGHT": alternation(lex.tonight),
        "MODIFIER": alternation(lex.modifiers),
        "THIS": alternation(lex.this),
        "UNIT": alternation(lex.units),
        "UNIT_COUNTED": alternation(counted),
        "UNIT_DUAL": alternation(form for form, (_, count) in lex.units.items() if count == 2),
        "UNIT_PLURAL": alternation(form for form, (_, count) in lex.units.items() if count == 0),
        "CLOCK_HOUR": alternation(lex.clock_hours),
        "NUMBER_WORD_FIRST": alternation([*lex.number_units, *lex.number_tens, *lex.number_hundreds]),
        "TEEN": alternation(lex.teen_suffix),
        "TENS": alternation(lex.number_tens),
        "DECADE_WORD": alternation(
            f"{article}{tens}{suffix}" for tens in lex.decades for article in ("", "ال") for suffix in ("ات", "يات")
        ),
        "CLOCK_PART": alternation(lex.clock_am | lex.clock_pm),
        "DEFINITE_UNIT": alternation(lex.definite_units),
        "APPROXIMATOR": alternation(lex.approximators),
        "DECADE": alternation(lex.decades),
        "CENTURY_ORDINAL": alternation(lex.century_ordinals),
        "VAGUE": alternation(lex.vague),
        "SET": alternation(lex.sets),
    }


def expand(template: str, fragments: dict[str, str]) -> str:
    """Replace <<NAME>> placeholders until none is left (fragments may use other fragments)."""
    for _ in range(5):
        if "<<" not in template:
            return template
        template = PLACEHOLDER.sub(lambda m: fragments[m.group(1)], template)
    raise ValueError(f"unresolved placeholders in {template[:80]}")


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    spec = load_data("patterns.yaml")
    fragments = lexicon_fragments(lexicon()) | spec["fragments"]
    needs = {name: re.compile(fragments[name]) for name in {p["needs"] for p in spec["patterns"] if "needs" in p}}
    patterns = tuple(
        Pattern(
            p["name"],
            p["resolver"],
            priority,
            re.compile(expand(p["regex"], fragments)),
            p.get("left", "word"),
            p.get("extend_left"),
            needs.get(p.get("needs")),
        )
        for priority, p in enumerate(spec["patterns"])
    )
    return Grammar(patterns, {kind: re.compile(expand(lead, fragments)) for kind, lead in spec["leads"].items()})


def patterns() -> tuple[Pattern, ...]:
    return grammar().patterns
