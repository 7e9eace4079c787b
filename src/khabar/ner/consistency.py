"""Document consistency at decoding time: a name is usually written the same way several times in an
article, and the CRF, reading one sentence at a time, finds some occurrences and misses others. After a
first decoding, every other occurrence of a name it found (same stems, token for token) gets a score bonus
for that name's type, and the document is decoded again (khabar.ner.decode). The bonus is a bias, not an
override: the CRF's own evidence can still outweigh it. Sentences are read in blocks of
khabar.ner.memory.BLOCK, which stand for documents when the input (a CoNLL file) has no document breaks."""

from __future__ import annotations

from collections import Counter, defaultdict

import numpy as np

from khabar.ner.conlleval import entity_spans
from khabar.ner.memory import BLOCK

MAX_NAME_TOKENS = 6


def found_names(keys: list[list[str]], tags: list[list[str]]) -> dict[tuple[str, ...], str]:
    """Each entity string of the document (as a tuple of token keys) -> the type found most often for it;
    and the last word of a person's name of two words or more, as a person: news writes the full name
    once, then the family name alone ("غيث الطراونة" ... "الطراونة")."""
    votes: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for sentence_keys, sentence_tags in zip(keys, tags):
        for start, end, kind in entity_spans(sentence_tags):
            if end - start <= MAX_NAME_TOKENS:
                votes[tuple(sentence_keys[start:end])][kind] += 1
    # a name found as often with one type as with another is left alone
    names = {name: top[0][0] for name, counts in votes.items()
             if len(top := counts.most_common(2)) == 1 or top[0][1] > top[1][1]}
    for name, kind in list(names.items()):
        if kind == "PERS" and len(name) > 1:
            names.setdefault(name[-1:], "PERS")
    return names


def consistency_bonus(keys: list[list[str]], tags: list[list[str]], labels: list[str], strength: float,
                      shape: tuple[int, ...]) -> np.ndarray:
    """(sentence, token, label) bonus of `strength` for B-/I- of a found name's type at each occurrence of
    that name that the first decoding did not tag so, and as much against the name running on into the
    next word (longest name first, left to right)."""
    column = {label: j for j, label in enumerate(labels)}
    bonus = np.zeros(shape)
    for s, sentence_keys in enumerate(keys):
        if s % BLOCK == 0:
            names = found_names(keys[s : s + BLOCK], tags[s : s + BLOCK])
            longest: dict[str, int] = {}  # first word -> length of the longest name it starts
            for name in names:
                longest[name[0]] = max(longest.get(name[0], 0), len(name))
        i = 0
        while i < len(sentence_keys):
            for end in range(min(len(sentence_keys), i + longest.get(sentence_keys[i], 0)), i, -1):
                kind = names.get(tuple(sentence_keys[i:end]))
                if kind is None:
                    continue
                wanted = [f"B-{kind}"] + [f"I-{kind}"] * (end - i - 1)
                tagged_so = tags[s][i:end] == wanted and tags[s][end : end + 1] != [f"I-{kind}"]
                if not tagged_so:
                    for offset, label in enumerate(wanted):
                        bonus[s, i + offset, column[label]] += strength
                    if end < len(sentence_keys):  # the name ends where it ended when found
                        bonus[s, end, column[f"I-{kind}"]] -= strength
                i = end - 1
                break
            i += 1
    return bonus
