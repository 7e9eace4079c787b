"""State institutions named by their kind and the adjective of their country: "البرلمان العراقي", "الشرطة
الفرنسية", "الخارجية الفلسطينية" (a ministry by its short form). The institution names are the KB's generic
institutions (curated/institutions.tsv, kind "institution"); a name counts only with a nationality adjective
right after it that agrees with it (the short form of a ministry, "وزارة" left out, takes the ministry's feminine
adjective: "الدفاع الروسية"; "وزير الخارجية الروسي" is a minister), and not as the adjective of a definite
noun before it ("السياسة الخارجية الروسية" is a policy). The linker finds the institution again from the span
and gives it the adjective's country (khabar.link: institution + adjective)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from khabar.document import Document, EntitySpan, Token
from khabar.entities.gazetteer import Gazetteer, Unit
from khabar.kb import KnowledgeBase
from khabar.text import normalize

FEMININE_ENDINGS = ("ة", "ه")  # after normalisation the ta marbuta may be written ه
MINISTRY = "وزارة"


class InstitutionNames:
    """`__call__(doc) -> list[EntitySpan]` (source "institution")."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        institutions = [e for e in kb.entries.values() if e.kind == "institution"]
        self.gazetteer = Gazetteer((name, e.id, e.type) for e in institutions for name in e.arabic_names())
        self.ministries = {e.id for e in institutions if e.name_ar.startswith(MINISTRY)}
        # "الخارجية", "الدفاع": the word after "وزارة", a ministry's short form
        self.ministry_short_forms = {
            normalize(name.split(" ")[1])
            for e in institutions if e.id in self.ministries
            for name in e.arabic_names() if name.startswith(MINISTRY) and " " in name
        }

    def __call__(self, doc: Document, seq: list[Unit] | None = None) -> list[EntitySpan]:
        tokens = doc.tokens
        starts = [t.start for t in tokens]
        spans = []
        for match in self.gazetteer.find(doc, seq):
            first = bisect_right(starts, match.start) - 1
            last = bisect_left(starts, match.end) - 1
            if last + 1 >= len(tokens):
                continue
            adjective = tokens[last + 1]
            if adjective.sentence != tokens[last].sentence or self.kb.nationality(adjective.text) is None:
                continue
            if not self._agrees(doc.text[match.start : match.end], match.kb_id, adjective):
                continue
            if first > 0 and _describes_noun_before(tokens[first - 1], tokens[first]):
                continue
            spans.append(EntitySpan(match.start, adjective.end, match.type, "institution"))
        return spans

    def qualifies_noun_before(self, doc: Document, span: EntitySpan) -> bool:
        """Whether a name that begins with a ministry's short form is the adjective of the definite noun before
        it: the KB's "الخارجية الروسية" inside "السياسة الخارجية الروسية"."""
        if normalize(doc.text[span.start : span.end].split(" ", 1)[0]) not in self.ministry_short_forms:
            return False  # most names: no need to find their token
        tokens = doc.tokens
        first = bisect_left([t.start for t in tokens], span.start)
        return 0 < first < len(tokens) and tokens[first].start == span.start and _describes_noun_before(
            tokens[first - 1], tokens[first]
        )

    def _agrees(self, name: str, kb_id: str, adjective: Token) -> bool:
        feminine_name = kb_id in self.ministries or normalize(name).endswith(FEMININE_ENDINGS)
        return normalize(adjective.text).endswith(FEMININE_ENDINGS) == feminine_name


def _describes_noun_before(previous: Token, first: Token) -> bool:
    """ "السياسة الخارجية": a definite word right before, with the name's own word unattached, is the noun the
    name's first word describes."""
    return previous.sentence == first.sentence and previous.text.startswith("ال") and not first.proclitics
