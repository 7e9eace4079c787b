"""In-document coreference of names: mentions of one entity become one cluster.

Same KB entry -> same cluster. Then a short name joins the fuller name it is part of, nearest first:
"نزارباييف" -> "نور سلطان نزارباييف" (people: the surname, i.e. a suffix), "المرصد السوري" ->
"المرصد السوري لحقوق الإنسان" (organisations: a prefix of two words or more). What the article spells
out beats what the KB guesses from a bare surname, so a one-word KB match joins the article's full name.
Unknown names that differ only in transliteration (شهباز / شاهباز) are merged by their skeleton.
"""

from __future__ import annotations

import re
from collections import Counter

from khabar.kb.keys import alias_key, skeleton_key
from khabar.link.candidates import COMPATIBLE, Mention

_PARTICLES = {"بن", "ابن", "بنت", "ال", "ابو", "عبد"}
MIN_SURNAME_LETTERS = 3


def _family(entity_type: str) -> str:
    return "GPE" if entity_type == "LOC" else entity_type


def cluster(mentions: list[Mention]) -> list[list[Mention]]:
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        key = m.entry.id if m.entry else f"nil:{_family(m.type)}:{skeleton_key(m.text)}"
        groups.setdefault(key, []).append(m)
    ordered = sorted(groups.values(), key=lambda g: -max(len(m.key.split()) for m in g))
    merged: list[list[Mention]] = []
    for group in ordered:
        target = next((big for big in _by_distance(merged, group) if _part_of(group, big)), None)
        if target is None:
            merged.append(group)
        else:
            target.extend(group)
    return sorted(merged, key=lambda g: min(m.start for m in g))


def _by_distance(groups: list[list[Mention]], group: list[Mention]) -> list[list[Mention]]:
    first = min(m.start for m in group)
    # the fuller name written before the short one, nearest first; then those written after it
    return sorted(groups, key=lambda g: min((abs(first - m.start) + (m.start > first) * 10**6) for m in g))


def _part_of(short: list[Mention], full: list[Mention]) -> bool:
    s = short[0]
    if _family(s.type) != _family(full[0].type) and s.type not in COMPATIBLE.get(full[0].type, ()):
        return False
    s_entry, f_entry = s.entry, full[0].entry
    s_words = s.key.split()
    if s_entry is not None and f_entry is not None and s_entry.id != f_entry.id and len(s_words) > 1:
        return False  # two different full names the KB knows
    for m in full:
        f_words = m.key.split()
        if len(f_words) <= len(s_words):
            continue
        if s.type == "PER" and f_words[-len(s_words) :] == s_words:
            return True
        if s.type == "ORG" and len(s_words) >= 2 and f_words[: len(s_words)] == s_words:
            return True
    return False


def add_surname_mentions(text: str, groups: list[list[Mention]]) -> None:
    """Add the bare surnames the recogniser missed: after "عمران خان", a later "خان" is a mention of him.

    Only for a surname that one person of the article has (two Sharifs make "شريف" ambiguous), found as a
    whole word, possibly after a proclitic (و ف ب ل), outside every span already taken.
    """
    surnames: dict[str, list[Mention]] = {}
    owners: Counter[str] = Counter()
    for group in groups:
        if group[0].type != "PER":
            continue
        words = max(group, key=lambda m: len(m.key.split())).text.split()
        if len(words) < 2 or alias_key(words[-2]) in _PARTICLES:
            continue
        surname = words[-1].strip("#_")
        if len(alias_key(surname)) >= MIN_SURNAME_LETTERS and alias_key(surname) not in _PARTICLES:
            surnames[surname] = group
            owners[surname] += 1
    taken = sorted((m.start, m.end) for g in groups for m in g)
    for surname, group in surnames.items():
        if owners[surname] > 1:
            continue
        for match in re.finditer(rf"(?<![\w\u0600-\u06ff])[وفبل]?({re.escape(surname)})(?![\w\u0600-\u06ff])", text):
            start, end = match.span(1)
            if any(s < end and start < e for s, e in taken):
                continue
            group.append(Mention(start, end, surname, "PER", "coref", how="surname", entry=group[0].entry))
            taken.append((start, end))
