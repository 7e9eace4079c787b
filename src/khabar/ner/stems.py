"""Light proclitic stripping for normalised words: enough to expose a name inside a clitic-attached token."""

from __future__ import annotations

import re

# The article with what may precede it is always stripped. A bare conjunction or preposition is ambiguous
# ("وبيروت" has one, "لبنان" has none), so it is only offered as a second candidate for callers to decide.
_ARTICLE = re.compile(r"^[وف]?(?:[بك]?ال|لل)(?=..)")
_CONJUNCTIONS = "وف"
_PREPOSITIONS = "بلك"
_MIN_STEM = 3


def strip_article(word: str) -> str:
    """A normalised word without a leading (conjunction +) (preposition +) article."""
    m = _ARTICLE.match(word)
    return word[m.end():] if m else word


def stem_candidates(word: str) -> tuple[str, ...]:
    """The article-stripped word, then, when there was no article, the word without a leading
    conjunction or preposition, then without both ("وبيروت" -> "وبيروت", "بيروت", "يروت")."""
    stripped = strip_article(word)
    if stripped != word:
        return (stripped,)
    candidates = [word]
    if word[:1] in _CONJUNCTIONS + _PREPOSITIONS and len(word) > _MIN_STEM:
        candidates.append(word[1:])
        if word[0] in _CONJUNCTIONS and word[1] in _PREPOSITIONS and len(word) > _MIN_STEM + 1:
            candidates.append(word[2:])
    return tuple(candidates)
