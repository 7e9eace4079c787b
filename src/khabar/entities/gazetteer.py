"""Knowledge-base names found in the text: longest match over normalised, clitic-stripped tokens.

Only the first token of a name may carry proclitics ("وبيلاروسيا", "للاتحاد الاقتصادي الأوراسي"); the mention
then starts after them, so that it covers the name alone. Matching runs over "units": tokens, with compounds
written with or without a space joined ("عبد الله" = "عبدالله", "أبو ظبي" = "أبوظبي"), hashtag underscores
and brackets skipped ("دونالد_ترمب", "الاتحاد (السوفيتي)").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from khabar.document import Document, EntitySpan, Token
from khabar.kb.keys import COMPOUND_HEADS, join_compounds
from khabar.text.normalize import normalize, normalize_word
from khabar.text.tokenize import WORD, StemCandidate, stem_splits

JOINERS = frozenset({"_"})
BRACKETS = frozenset({"(", ")"})  # a word of a name may be bracketed: "انهيار الاتحاد (السوفيتي)"


@dataclass(frozen=True, slots=True)
class Unit:
    first: int  # token indices
    last: int
    norm: str


def alias_key(alias: str) -> tuple[str, ...]:
    """The alias as the gazetteer matches it: its tokens as the tokenizer splits them (punctuation
    included, to line up with the text's tokens), normalised, compounds joined as in the KB's keys."""
    skipped = JOINERS | BRACKETS
    return tuple(join_compounds(normalize(w) for w in WORD.findall(alias) if w.strip() and w not in skipped))


def units(tokens: list[Token]) -> list[Unit]:
    out: list[Unit] = []
    for i, token in enumerate(tokens):
        if token.text in JOINERS or token.text in BRACKETS:
            continue
        norm = normalize_word(token.text)
        prev = out[-1] if out else None
        if prev and prev.norm in COMPOUND_HEADS and tokens[prev.last].sentence == token.sentence:
            out[-1] = Unit(prev.first, i, prev.norm + norm)
        else:
            out.append(Unit(i, i, norm))
    return out


PRONOUN_WORD_LETTERS = 4  # a noun of three letters and the pronoun ه: "جده", "وجده"; "أنقره" is Ankara misspelt


def _pronoun_reading(word: str) -> bool:
    return word.endswith("ه") and len(word) <= PRONOUN_WORD_LETTERS


def verb_or_comparison_prefix(cand: StemCandidate) -> bool:
    """The future particle س comes before verbs only ("سليما"); the comparison particle ك before a name without
    the article is rare in news, while words that begin with ك are common: "كابل" (cable) is no ك + "ابل"
    (Apple), "كسرت" (broke) no ك + Sirte. "كالسعودية" (like Saudi Arabia) keeps its split."""
    return "س" in cand.proclitics or ("ك" in cand.proclitics and not cand.article)


class Gazetteer:
    def __init__(self, aliases: Iterable[tuple[str, str, str]]):
        """`aliases`: (Arabic alias as written, kb id, entity type), in order of preference for equal names."""
        by_first: dict[str, dict[tuple[str, ...], tuple[str, str]]] = {}
        self.name_tokens: set[str] = set()
        endings: dict[str, set[str]] = {}  # one-word key -> the last letters its aliases are written with
        for alias, kb_id, entity_type in aliases:
            key = alias_key(alias)
            if not key:
                continue
            by_first.setdefault(key[0], {}).setdefault(key[1:], (kb_id, entity_type))
            self.name_tokens.update(key)
            if len(key) == 1:
                endings.setdefault(key[0], set()).add(alias.strip()[-1:])
        self._by_first = by_first
        # one-word names written with ة only: the same short word written with ه is more often a noun and the
        # pronoun ه ("جده", his grandfather, is not Jeddah; "وجده", found him, not Oujda)
        self._ta_marbuta_only = {key for key, ends in endings.items() if ends == {"ة"}}
        # longest tails first, so that the longest name wins
        self._tails = {first: sorted(tails.items(), key=lambda kv: -len(kv[0])) for first, tails in by_first.items()}

    def __contains__(self, name: str) -> bool:
        key = alias_key(name)
        return bool(key) and key[1:] in self._by_first.get(key[0], {})

    def find(self, doc: Document, seq: list[Unit] | None = None) -> list[EntitySpan]:
        """Longest matches, left to right; `seq`: the document's `units`, when the caller has them already."""
        tokens = doc.tokens
        seq = seq if seq is not None else units(tokens)
        spans: list[EntitySpan] = []
        i = 0
        while i < len(seq):
            match = self._match_at(tokens, seq, i)
            if match is None:
                i += 1
                continue
            start, last, kb_id, entity_type = match
            end_token = seq[last].last
            if end_token + 1 < len(tokens) and tokens[end_token + 1].text == ")" and "(" in doc.text[start:tokens[end_token].end]:
                end_token += 1  # the bracket opened inside the name closes it
            spans.append(EntitySpan(start, tokens[end_token].end, entity_type, "gazetteer", kb_id))
            i = last + 1
        return spans

    def _first_unit_candidates(self, tokens: list[Token], unit: Unit):
        """(normalised stem, start offset) for the first unit of a name: its clitic splits."""
        first = tokens[unit.first]
        rest = unit.norm[len(normalize_word(first.text)):] if unit.first != unit.last else ""
        for cand in stem_splits(first.text):
            if not cand.enclitic and not verb_or_comparison_prefix(cand):
                yield cand.norm + rest, first.start + cand.start

    def _match_at(self, tokens: list[Token], seq: list[Unit], i: int) -> tuple[int, int, str, str] | None:
        best = None
        whole_start = tokens[seq[i].first].start
        for norm, start in self._first_unit_candidates(tokens, seq[i]):
            for tail, (kb_id, entity_type) in self._tails.get(norm, ()):
                if not tail and norm in self._ta_marbuta_only and _pronoun_reading(tokens[seq[i].last].text):
                    continue
                last = i + len(tail)
                if last >= len(seq) or tokens[seq[last].last].sentence != tokens[seq[i].first].sentence:
                    continue
                if all(seq[i + 1 + k].norm == word for k, word in enumerate(tail)):
                    if best is None or last > best[1]:
                        best = (start, last, kb_id, entity_type)
                    break
            if best is not None and best[1] == i and start == whole_start:
                break  # the unit itself is a name: no reason to look inside it
        return best
