"""member_of and observer_of from membership lists: '"الاتحاد الاقتصادي الأوراسي" يضم دول روسيا وأرمينيا ...،
ولدى مولدوفا وأوزبكستان وكوبا صفة مراقب لدى المنظمة', "التحالف بقيادة السعودية". The organisation is the ORG
named just before the cue (else after it); the states listed in the cue's clause are members, those in a later
clause that says "مراقب" observers."""

from __future__ import annotations

from pathlib import Path

import yaml

from khabar.document import Document, Relation
from khabar.events.arguments import MentionIndex, as_preposition
from khabar.events.demonyms import is_place
from khabar.text import normalize

DATA = Path(__file__).resolve().parent.parent / "data" / "relations"
CLAUSE_SPLIT = frozenset({"،", ",", "؛", ";", "."})
LIST_START = 3  # tokens between the cue (or the clause start) and the list of states: "يضم دول روسيا ..."
ORG_WINDOW = 8  # tokens between the organisation and the cue ("التحالف العسكري بقيادة السعودية")


class MembershipReader:
    def __init__(self) -> None:
        data = yaml.safe_load((DATA / "membership.yaml").read_text(encoding="utf-8"))
        self.member_cues = frozenset(normalize(w) for w in data["member_cues"])
        self.observer_cues = frozenset(normalize(w) for w in data["observer_cues"])
        self.fellow_cues = [tuple(normalize(w).split()) for w in data["fellow_cues"]]

    def extract(self, doc: Document, index: MentionIndex) -> list[Relation]:
        types = {e.id: e.type for e in doc.entities}
        words = index.words
        out = []
        for sentence in doc.sentences:
            pool = index.in_tokens(sentence.token_start, sentence.token_end)
            orgs = [m for m in pool if types.get(m.entity) == "ORG"]
            states = [m for m in pool if types.get(m.entity) == "GPE" and not is_place(doc.entity(m.entity))]
            for cue in range(sentence.token_start, sentence.token_end):
                if words[cue].lstrip("و") not in self.member_cues:
                    continue
                org = next((m for m in reversed(orgs) if m.last_token < cue and cue - m.last_token <= ORG_WINDOW),
                           None) or next((m for m in orgs if m.first_token > cue), None)
                if org is None:
                    continue
                clauses = self._clauses(doc, cue, sentence.token_end)
                for number, (lo, hi, says_observer) in enumerate(clauses):
                    if number and not says_observer:
                        continue
                    start = max(lo, cue + 1, org.last_token + 1 if org.first_token > cue else 0)
                    listed = [m for m in states if start <= m.first_token < hi]
                    if not listed or listed[0].first_token - start > LIST_START:
                        continue
                    # "بقيادة المملكة ضد المنقلبين ... باليمن": a preposition after the list starts what it does
                    stop = next((j for j in range(listed[0].last_token + 1, hi) if _governs(doc.tokens[j])), hi)
                    listed = [m for m in listed if m.first_token < stop]
                    rtype = "observer_of" if number else "member_of"
                    # every state of the clause, not only an unbroken list: a name the recogniser missed
                    # ("وبيلاروسيا") must not hide the ones after it
                    for m in listed:
                        out.append(Relation(rtype, m.entity, org.entity, doc.span(doc.tokens[cue].start, m.end)))
            out += self._fellows(doc, words, states, orgs)
        return out

    def _fellows(self, doc: Document, words: list[str], states, orgs) -> list[Relation]:
        """member_of for the states named right before "ودول <organisation>"."""
        out = []
        for m in states:
            j = m.last_token + 1
            cue = next((c for c in self.fellow_cues if tuple(words[j : j + len(c)]) == c), None)
            if cue is None:
                continue
            org = next((o for o in orgs if o.first_token == j + len(cue)), None)
            if org is not None:
                out.append(Relation("member_of", m.entity, org.entity, doc.span(m.start, org.end)))
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


def _governs(token) -> bool:
    """A preposition, free ("ضد", "على") or attached ("باليمن"), as no member of a list of states is governed."""
    return as_preposition(token.text) is not None or bool(set(token.proclitics) & set("بلك"))
