"""CoNLL-style files: one token per line (token in the first column), a blank line between sentences."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

Sentence = list[list[str]]  # one row of columns per token


def read_conll(path: Path | str) -> list[Sentence]:
    """Sentences of whitespace-separated column rows; a line without columns ends a sentence."""
    sentences: list[Sentence] = []
    current: Sentence = []
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            columns = line.split()
            if not columns:
                if current:
                    sentences.append(current)
                current = []
                continue
            current.append(columns)
    if current:
        sentences.append(current)
    return sentences


def tokens_and_tags(sentences: Iterable[Sentence]) -> Iterator[tuple[list[str], list[str]]]:
    """(tokens, tags) per sentence, the tag being the last column."""
    for sentence in sentences:
        yield [row[0] for row in sentence], [row[-1] for row in sentence]


def format_tagged(tokens: list[list[str]], tags: list[list[str]]) -> Iterator[str]:
    """`token<TAB>tag` lines with a blank line after each sentence."""
    for sentence_tokens, sentence_tags in zip(tokens, tags):
        for token, tag in zip(sentence_tokens, sentence_tags):
            yield f"{token}\t{tag}\n"
        yield "\n"
