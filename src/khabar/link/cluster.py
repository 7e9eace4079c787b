"""In-document coreference of names: mentions of one entity become one cluster.

Same KB entry -> same cluster (a generic institution: same entry and same last word, its country's adjective). Then a short name joins the fuller name it is part of, nearest first:
"نزارباييف" -> "نور سلطان نزارباييف" (people: the surname, i.e. a suffix; the first word of Chinese and Korean
names, "كيم" -> "كيم جونغ أون"), "المرصد السوري" ->
"المرصد السوري لحقوق الإنسان" (organisations: a prefix of two words or more). What the article spells
out beats what the KB guesses from a bare surname, so a one-word KB match joins the article's full name.
Unknown names that differ only in transliteration (شهباز / شاهباز) are merged by their skeleton.
"""

from __future__ import annotations

from collections import Counter

from khabar.kb import KnowledgeBase
from khabar.kb.keys import alias_key, skeleton_key
from khabar.link.candidates import COMPATIBLE, Mention

_PARTICLES = {"بن", "ابن", "بنت", "ال", "ابو", "عبد"}
MIN_SURNAME_LETTERS = 3
FAMILY_NAME_FIRST = frozenset({"CHN", "PRK", "KOR", "TWN", "VNM", "HKG"})  # "كيم جونغ أون" is "كيم" for short


def _family_name_first(group: list[Mention]) -> bool:
    entry = next((m.entry for m in group if m.entry is not None), None)
    return entry is not None and entry.type == "PER" and entry.country in FAMILY_NAME_FIRST


def _family(entity_type: str) -> str:
    return "GPE" if entity_type == "LOC" else entity_type


def cluster(mentions: list[Mention]) -> list[list[Mention]]:
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        groups.setdefault(_group_key(m), []).append(m)
    ordered = sorted(groups.values(), key=lambda g: -max(len(m.key.split()) for m in g))
    merged: list[list[Mention]] = []
    for group in ordered:
        targets = [big for big in _by_distance(merged, group) if _part_of(group, big)]
        if len(targets) > 1 and all(_family_name_first(big) for big in targets):
            targets = []  # "كيم" in an article on Kim Jong-il and Kim Jong-un: either
        target = targets[0] if targets else None
        if target is None:
            merged.append(group)
        else:
            target.extend(group)
    return sorted(merged, key=lambda g: min(m.start for m in g))


def _group_key(m: Mention) -> str:
    if m.entry is None:
        return f"nil:{_family(m.type)}:{skeleton_key(m.text)}"
    if m.entry.kind == "institution":  # one per country: "الخارجية الإسرائيلية" is not "الخارجية الفلسطينية"
        return f"{m.entry.id}:{m.key.split()[-1]}"
    return m.entry.id


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
        if s.type == "PER" and len(s_words) == 1 and f_words[0] == s_words[0] and _family_name_first(full):
            return True
        if s.type == "ORG" and len(s_words) >= 2 and f_words[: len(s_words)] == s_words:
            return True
    return False


def add_short_forms(kb: KnowledgeBase, text: str, groups: list[list[Mention]], bare_heads: set[str]) -> None:
    """Add the short forms of names the recogniser missed, as mentions of the entity named in full.

    People: the surname ("خان" after "عمران خان"). Organisations: the first two words of a longer name
    ("المرصد السوري" after "المرصد السوري لحقوق الإنسان"), or the bare head noun where news use it as
    the name (`bare_heads`: "التحالف" after "التحالف العربي"). Only a short form that one entity of the
    article has (two Sharifs make "شريف" ambiguous), found as a whole word, possibly after و or ف (not
    after ب or ل: "لصالح" is "in favour of", not "to Saleh"), outside every span already taken, and not
    a common word ("علي" of "محمد علي").
    """
    forms: dict[str, list[Mention]] = {}
    owners: Counter[str] = Counter()
    for group in groups:
        words = max(group, key=lambda m: len(m.key.split())).text.split()
        if group[0].type == "PER" and len(words) >= 2 and _family_name_first(group):
            words = [*words[1:], words[0]]  # the family name stands first: read it as the surname
        form = _short_form(group[0].type, words, bare_heads)
        if form and kb.safe_alone(form):
            forms[form] = group
            owners[form] += 1
    taken = [(m.start, m.end) for g in groups for m in g]
    for form, group in forms.items():
        if owners[form] > 1:
            continue
        first = min(m.start for m in group)
        for start in _whole_word_occurrences(text, form):
            end = start + len(form)
            if start < first or any(s < end and start < e for s, e in taken):
                continue
            group.append(Mention(start, end, form, group[0].type, "coref", how="short form", entry=group[0].entry))
            taken.append((start, end))


def _wordish(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or "\u0600" <= ch <= "\u06ff"


def _whole_word_occurrences(text: str, form: str):
    """Starts of `form` as a whole word, possibly after و or ف (a regular expression per form costs more to
    compile than to run on one article)."""
    start = text.find(form)
    while start >= 0:
        before = start
        if before and text[before - 1] in "وف":
            before -= 1
        end = start + len(form)
        if (before == 0 or not _wordish(text[before - 1])) and (end == len(text) or not _wordish(text[end])):
            yield start
        start = text.find(form, start + 1)


def _short_form(entity_type: str, words: list[str], bare_heads: set[str]) -> str | None:
    if entity_type == "PER" and len(words) >= 2 and alias_key(words[-2]) not in _PARTICLES:
        surname = words[-1].strip("#_")
        key = alias_key(surname)
        return surname if len(key) >= MIN_SURNAME_LETTERS and key not in _PARTICLES else None
    if entity_type == "ORG" and len(words) >= 3:
        return " ".join(words[:2])
    if entity_type == "ORG" and len(words) == 2 and alias_key(words[0]) in bare_heads:
        return words[0]
    return None
