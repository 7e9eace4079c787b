"""Knowledge-base names found in the text: longest match over normalised, clitic-stripped tokens.

Only the first token of a name may carry proclitics ("وبيلاروسيا", "للاتحاد الاقتصادي الأوراسي"); the mention
then starts after them, so that it covers the name alone.
"""

from __future__ import annotations

from collections.abc import Iterable

from khabar.document import Document, EntitySpan, Token
from khabar.text.normalize import normalize
from khabar.text.tokenize import WORD, stem_candidates


def alias_key(alias: str) -> tuple[str, ...]:
    return tuple(normalize(w) for w in WORD.findall(alias) if w.strip())


class Gazetteer:
    def __init__(self, aliases: Iterable[tuple[str, str, str]]):
        """`aliases`: (Arabic alias as written, kb id, entity type), in order of preference for equal names."""
        self._by_first: dict[str, dict[tuple[str, ...], tuple[str, str]]] = {}
        self.name_tokens: set[str] = set()
        for alias, kb_id, entity_type in aliases:
            key = alias_key(alias)
            if not key:
                continue
            self._by_first.setdefault(key[0], {}).setdefault(key[1:], (kb_id, entity_type))
            self.name_tokens.update(key)
        # longest tails first, so that the longest name wins
        self._tails = {first: sorted(tails.items(), key=lambda kv: -len(kv[0])) for first, tails in self._by_first.items()}

    def __contains__(self, name: str) -> bool:
        key = alias_key(name)
        return bool(key) and key[1:] in self._by_first.get(key[0], {})

    def find(self, doc: Document) -> list[EntitySpan]:
        tokens = doc.tokens
        norms = [normalize(t.text) for t in tokens]
        spans: list[EntitySpan] = []
        i = 0
        while i < len(tokens):
            match = self._match_at(tokens, norms, i)
            if match is None:
                i += 1
                continue
            start, last, kb_id, entity_type = match
            spans.append(EntitySpan(start, tokens[last].end, entity_type, "gazetteer", kb_id))
            i = last + 1
        return spans

    def _match_at(self, tokens: list[Token], norms: list[str], i: int) -> tuple[int, int, str, str] | None:
        best = None
        for cand in stem_candidates(tokens[i].text, tokens[i].start):
            if cand.enclitic:
                continue
            for tail, (kb_id, entity_type) in self._tails.get(cand.norm, ()):
                last = i + len(tail)
                if last >= len(tokens) or not _same_sentence(tokens, i, last):
                    continue
                if all(norms[i + 1 + k] == word for k, word in enumerate(tail)):
                    if best is None or last > best[1]:
                        best = (cand.start, last, kb_id, entity_type)
                    break
            if best is not None and best[1] == i and cand.start == tokens[i].start:
                break  # the token itself is a name: no reason to look inside it
        return best


def _same_sentence(tokens: list[Token], first: int, last: int) -> bool:
    return tokens[first].sentence == tokens[last].sentence
