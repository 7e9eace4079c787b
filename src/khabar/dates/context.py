"""Clues from the words around a mention: tense of the clause, quoted speech, blocking neighbours."""

from __future__ import annotations

import re
from functools import lru_cache

from khabar.dates.lexicon import Lexicon, alternation, lexicon

CLAUSE_END = re.compile(r"[.!?;\n]")
QUOTED = re.compile(r'"[^"\n]{1,800}"')
WORD = re.compile(r"\w+")
FUTURE_WINDOW_WORDS = 8
FUTURE_PREFIX = re.compile(r"^([وف]?)(س[يتنا]\w{3,})$")  # proclitic, then سـ + imperfect prefix + 3 letters


@lru_cache(maxsize=1)
def _future_cue_regex() -> re.Pattern[str]:
    # a cue verb may carry an object pronoun ("يعقده"); a cue that is also a noun of office is no cue in a
    # construct with a definite noun
    lex = lexicon()
    verbs = alternation(lex.future_cues - lex.future_cue_nouns)
    nouns = alternation(lex.future_cue_nouns)
    return re.compile(rf"(?<!\w)[وف]?(?:(?:{verbs})(?:ه|ها|هم|هما)?(?!\w)|(?:{nouns})(?!\w)(?! ال))")


def words_before(text: str, start: int, n: int) -> list[str]:
    window = text[max(0, start - 12 * n) : start]
    return WORD.findall(window)[-n:]


def words_after(text: str, end: int, n: int) -> list[str]:
    return WORD.findall(text[end : end + 12 * n])[:n]


def clause_before(text: str, start: int, n_words: int) -> str:
    """The last `n_words` words before `start`, not crossing a sentence or clause end."""
    window = text[max(0, start - 15 * n_words) : start]
    ends = [m.end() for m in CLAUSE_END.finditer(window)]
    if ends:
        window = window[ends[-1] :]
    return " ".join(WORD.findall(window)[-n_words:])


def is_future_clause(text: str, start: int, lex: Lexicon) -> bool:
    """Does the clause before `start` speak of the future (سوف, من المقرر, a call to a meeting, or a verb with
    the future prefix سـ where a verb can stand: clause start, after و/ف or after أن/الذي/...)?"""
    words = clause_before(text, start, FUTURE_WINDOW_WORDS + 1).split()
    clause_start = len(words) <= FUTURE_WINDOW_WORDS  # the window reaches back to where the clause begins
    words = words[-FUTURE_WINDOW_WORDS:]
    if any(w in lex.past_markers or w[1:] in lex.past_markers for w in words):
        return False
    if _future_cue_regex().search(" ".join(words)):
        return True
    for i, word in enumerate(words):
        m = FUTURE_PREFIX.match(word)
        if not m or m.group(2).startswith(lex.not_future_stems):
            continue
        if m.group(1) or (i == 0 and clause_start) or (i > 0 and words[i - 1] in lex.future_verb_openers):
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
