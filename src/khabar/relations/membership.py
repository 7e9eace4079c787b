"""member_of and observer_of from membership lists: '"الاتحاد الاقتصادي الأوراسي" يضم دول روسيا وأرمينيا ...،
ولدى مولدوفا وأوزبكستان وكوبا صفة مراقب لدى المنظمة'. The organisation is the ORG named before the cue (else
after it); the states listed after the cue are members, those in a clause that says "مراقب" observers."""

from __future__ import annotations

from pathlib import Path

import yaml

from khabar.document import Document, Relation
from khabar.events.arguments import MentionIndex
from khabar.text import normalize

DATA = Path(__file__).resolve().parent.parent / "data" / "relations"
CLAUSE_SPLIT = frozenset({"،", ",", "؛", ";"})


class MembershipReader:
    def __init__(self) -> None:
        data = yaml.safe_load((DATA / "membership.yaml").read_text(encoding="utf-8"))
        self.member_cues = frozenset(normalize(w) for w in data["member_cues"])
        self.observer_cues = frozenset(normalize(w) for w in data["observer_cues"])

    def extract(self, doc: Document, index: MentionIndex) -> list[Relation]:
        types = {e.id: e.type for e in doc.entities}
        out = []
        for sentence in doc.sentences:
            words = [normalize(t.text).lstrip("و") for t in doc.sentence_tokens(sentence)]
            cue = next((k for k, w in enumerate(words) if w in self.member_cues), None)
            if cue is None:
                continue
            cue += sentence.token_start
            pool = index.in_tokens(sentence.token_start, sentence.token_end)
            orgs = [m for m in pool if types.get(m.entity) == "ORG"]
            org = next((m for m in reversed(orgs) if m.last_token < cue), None) or next(
                (m for m in orgs if m.first_token > cue), None)
            if org is None:
                continue
            clauses = self._clauses(doc, cue, sentence.token_end)
            for m in pool:
                if m.first_token <= cue or types.get(m.entity) != "GPE":
                    continue
                observer = any(lo <= m.first_token < hi and obs for lo, hi, obs in clauses)
                rtype = "observer_of" if observer else "member_of"
                out.append(Relation(rtype, m.entity, org.entity, doc.span(doc.tokens[cue].start, m.end)))
        return out

    def _clauses(self, doc: Document, start: int, end: int) -> list[tuple[int, int, bool]]:
        """(first token, end token, says 'observer') for each comma-separated clause after the cue."""
        out, lo = [], start
        for j in range(start, end + 1):
            if j == end or doc.tokens[j].text in CLAUSE_SPLIT:
                words = {normalize(doc.tokens[k].text).lstrip("و") for k in range(lo, j)}
                out.append((lo, j, bool(words & self.observer_cues)))
                lo = j + 1
        return out
