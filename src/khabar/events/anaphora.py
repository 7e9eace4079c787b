"""Words that stand for a name told before: a bare state or organisation noun ("الجمهورية", "المجلس") and a bare
title ("الرئيس", "ولي العهد") for the one state, organisation or person the document named with it."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import accumulate

from khabar.document import Document, Token
from khabar.events.demonyms import is_country
from khabar.events.lexicon import load_data
from khabar.text import normalize

_DATA = load_data("appositions.yaml")
STATE_HEADS = frozenset(normalize(w) for w in _DATA["state_heads"])
ORGANISATION_HEADS = frozenset(normalize(w) for w in _DATA["organisation_heads"])
PERSON_TITLES = sorted((tuple(normalize(w) for w in title.split()) for title in _DATA["person_titles"]), key=len,
                       reverse=True)
TITLES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _title in PERSON_TITLES:
    TITLES_BY_FIRST.setdefault(_title[0], []).append(_title)
TITLE_REACH = 5  # the words looked through before a name for the title that introduces it
DEMONSTRATIVES = frozenset(normalize(w) for w in _DATA["demonstratives"])


def head_anaphora(doc: Document, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"الجمهورية", "المملكة" standing alone for the one state of the document named with that word; "المجلس",
    "المحكمة" for the one organisation named before with it, unless an adjective follows ("المجلس الوطني"), which
    after a demonstrative picks the one named with it ("هذا الاتحاد الاقتصادي")."""
    states: dict[str, set[str]] = {}
    organisations: dict[str, list[tuple[int, str, frozenset[str]]]] = {}
    for e in doc.entities:
        for m in e.mentions:
            words = normalize(m.text).split()
            head = words[0] if words[0].startswith("ال") else "ال" + words[0]
            if is_country(e) and head in STATE_HEADS:
                states.setdefault(head, set()).add(e.id)
            elif e.type == "ORG" and head in ORGANISATION_HEADS:
                organisations.setdefault(head, []).append((m.start, e.id, frozenset(words[1:])))
    out = []
    covered = _coverage(spans)
    tokens = doc.tokens
    for i, t in enumerate(tokens):
        if (t.norm not in states and t.norm not in organisations) or covered(t.stem_start):
            continue
        named = organisations.get(t.norm, ())
        ids = states.get(t.norm) or {e for start, e, _ in named if start < t.start}
        if t.norm in organisations and _adjective(tokens, i + 1):
            if i == 0 or tokens[i - 1].norm not in DEMONSTRATIVES:
                continue  # "المجلس الوطني": another body
            # "هذا الاتحاد الاقتصادي": the one named with that head and that adjective (also inside another
            # name before: "مجلس الاتحاد الاقتصادي الأوراسي")
            ids = {e for _, e, words in named if tokens[i + 1].norm in words}
        if len(ids) == 1:
            out.append((t.stem_start, t.stem_end, next(iter(ids))))
    return out


def _adjective(tokens: list[Token], j: int) -> bool:
    """A definite relative adjective ("الوطني", "الدستورية") or elative ("العليا") at j, also in brackets
    ("الاتحاد (السوفيتي)")."""
    if j < len(tokens) and tokens[j].text == "(":
        j += 1
    if j >= len(tokens) or not tokens[j].article or tokens[j].proclitics:
        return False
    return tokens[j].norm.endswith(("ي", "يه", "يا", "ى"))


def title_anaphora(doc: Document, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A bare title ("وقال الرئيس", "ولي العهد") for the one person the document introduced before with it
    ("الرئيس المصري عبد الفتاح السيسي"); a title with a modifier ("الرئيس الأمريكي") only for the one person
    introduced with that modifier, none for another ("الرئيس السابق", "الرئيس الفلسطيني")."""
    return [(start, end, people[0]) for start, end, people in _titles(doc, spans) if people and len(people) == 1]


def untold_titles(doc: Document, spans: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """The bare titles no name follows and no person was introduced with before ("تابع الملك الأزمة" in a
    statement of a royal court): a person the text describes without naming."""
    return [(start, end) for start, end, people in _titles(doc, spans) if people is None]


def _titles(doc: Document, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, list[str] | None]]:
    """(start, end, people) of every title standing without a name after it: the people introduced before with
    it (and its modifier), None for a bare title with no one introduced before with it."""
    tokens = doc.tokens
    starts = [t.start for t in tokens]
    introduced: dict[tuple[str, ...], dict[str, tuple[int, set[str]]]] = {}  # title → person → (first, modifiers)
    titling: set[int] = set()  # the tokens of the titles that introduce a name
    for entity in doc.entities:
        if entity.type != "PER" or not entity.named:
            continue
        for m in entity.mentions:
            first = max(0, bisect_left(starts, m.start + 1) - 1)
            lo = first
            while lo > max(0, first - TITLE_REACH) and tokens[lo - 1].text.isalpha():
                lo -= 1
            for k in range(lo, first):
                title = _title_at(tokens, k)
                if title is None:
                    continue
                titling.update(range(k, k + len(title)))
                after = k + len(title)
                modifiers = {_stem(tokens[after])} if after < first and tokens[after].article else set()
                start, known = introduced.setdefault(title, {}).get(entity.id, (m.start, set()))
                introduced[title][entity.id] = (min(start, m.start), known | modifiers)
    out: list[tuple[int, int, list[str] | None]] = []
    covered = _coverage(spans)
    for i, t in enumerate(tokens):
        title = _title_at(tokens, i) if i not in titling else None
        if title is None or covered(t.stem_start):
            continue
        after = i + len(title)
        modifier = _stem(tokens[after]) if after < len(tokens) and tokens[after].article else None
        earlier = {p: modifiers for p, (start, modifiers) in introduced.get(title, {}).items() if start < t.start}
        if not earlier and not _adjective(tokens, after):  # "تابع الملك الأزمة": a bare title and its object
            out.append((t.stem_start, tokens[after - 1].stem_end, None))
        else:
            people = [p for p, modifiers in earlier.items() if modifier is None or modifier in modifiers]
            out.append((t.stem_start, tokens[after - 1].stem_end, people))
    return out


def _title_at(tokens: list[Token], i: int) -> tuple[str, ...] | None:
    for title in TITLES_BY_FIRST.get(tokens[i].norm, ()):
        if tuple(t.norm for t in tokens[i : i + len(title)]) == title:
            return title
    return None


def _coverage(spans: list[tuple[int, int, str]]) -> Callable[[int], bool]:
    """Whether an offset lies inside one of the spans, by bisection over their starts."""
    ordered = sorted((s, e) for s, e, _ in spans)
    starts = [s for s, _ in ordered]
    reach = list(accumulate((e for _, e in ordered), max))  # the furthest end of the spans starting so far
    return lambda x: (i := bisect_right(starts, x) - 1) >= 0 and reach[i] > x


def _stem(token: Token) -> str:
    """A modifier without its feminine ending: "السعودي" and "السعودية" are one."""
    return token.norm.removesuffix("ه")
