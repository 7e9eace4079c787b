"""Clues from the words around a mention: tense of the clause, quoted speech, blocking neighbours."""

from __future__ import annotations

import re
from functools import lru_cache

from khabar.dates.lexicon import Lexicon, alternation, lexicon

CLAUSE_END = re.compile(r"[.!?;\n]")
QUOTED = re.compile(r'"[^"\n]{1,800}"')
WORD = re.compile(r"\w+")
FUTURE_WINDOW_WORDS = 8
FUTURE_PREFIX = re.compile(r"^[وف]?(س[يتنا]\w{2,})$")


@lru_cache(maxsize=1)
def _future_cue_regex() -> re.Pattern[str]:
    # a cue verb may carry an object pronoun ("يعقده")
    return re.compile(rf"(?<!\w)[وف]?(?:{alternation(lexicon().future_cues)})(?:ه|ها|هم|هما)?(?!\w)")


def words_before(text: str, start: int, n: int) -> list[str]:
    window = text[max(0, start - 12 * n) : start]
    return WORD.findall(window)[-n:]


def words_after(text: str, end: int, n: int) -> list[str]:
    return WORD.findall(text[end : end + 12 * n])[:n]


def clause_before(text: str, start: int, n_words: int) -> str:
    """The last `n_words` words before `start`, not crossing a sentence or clause end."""
    window = text[max(0, start - 15 * n_words) : start]
    cut = None
    for cut in CLAUSE_END.finditer(window):
        pass
    if cut is not None:
        window = window[cut.end() :]
    return " ".join(WORD.findall(window)[-n_words:])


def is_future_clause(text: str, start: int, lex: Lexicon) -> bool:
    """Does the clause before `start` speak of the future (سوف, س+imperfect, من المقرر, a call to a meeting)?"""
    clause = clause_before(text, start, FUTURE_WINDOW_WORDS)
    if _future_cue_regex().search(clause):
        return True
    for word in clause.split():
        m = FUTURE_PREFIX.match(word)
        if m and m.group(1) not in lex.not_future_verbs:
            return True
    return False


def preceded_by(text: str, start: int, phrases: frozenset[str]) -> bool:
    """Is the text before `start` one of `phrases` (one or two words, with an optional proclitic و/ف)?"""
    before = words_before(text, start, 2)
    candidates = set()
    if before:
        candidates.add(before[-1])
        candidates.add(before[-1].lstrip("وف") if len(before[-1]) > 3 else before[-1])
    if len(before) == 2:
        candidates.add(" ".join(before))
    return bool(candidates & phrases)


def followed_by(text: str, end: int, phrases: frozenset[str], skip: frozenset[str] = frozenset()) -> bool:
    after = [w for w in words_after(text, end, 3) if w not in skip][:2]
    return bool(after) and (after[0] in phrases or " ".join(after) in phrases)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in QUOTED.finditer(text)]


def inside(spans: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    for s, e in spans:
        if s < offset < e:
            return s, e
    return None
