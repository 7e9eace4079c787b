"""Entity recognition: knowledge-base gazetteer names, plus the statistical tagger's names the KB does not know."""

from __future__ import annotations

import re
from bisect import bisect_right
from importlib import resources

from khabar.document import Document, EntitySpan
from khabar.entities.clubs import CityClubs
from khabar.entities.gazetteer import Gazetteer, units
from khabar.entities.heads import QUOTED_BODY, HeadNames
from khabar.entities.institutions import InstitutionNames
from khabar.entities.media import MediaNames
from khabar.entities.namesakes import NamesakeFilter
from khabar.entities.phrases import CommonPhrases
from khabar.entities.tagged import SpanFixes, TaggedNames
from khabar.kb import KnowledgeBase, load_kb
from khabar.kb.translit import name_table
from khabar.ner import load_tagger
from khabar.text.normalize import normalize_word

__all__ = ["EntityRecognizer", "Gazetteer", "build_gazetteer", "location_heads"]


def build_gazetteer(kb: KnowledgeBase) -> Gazetteer:
    return Gazetteer((alias, kb_id, kb.get(kb_id).type) for alias, kb_id in kb.alias_entries())


def location_heads() -> frozenset[str]:
    text = resources.files("khabar.data").joinpath("entities/location_heads.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _inside(span: EntitySpan, holder: EntitySpan) -> bool:
    """Strictly inside: the holder is longer."""
    return holder.start <= span.start and span.end <= holder.end and holder.end - holder.start > span.end - span.start


def _after_preposition(doc: Document, starts: list[int], span: EntitySpan, holder: EntitySpan) -> bool:
    """Whether the span starts after ب or ل inside the holder: "بالرياض" begins a phrase of its own, so the tagger
    running a name into it ("الملك فهد بالرياض") has not found a longer name. `starts`: the tokens' offsets."""
    token = doc.tokens[bisect_right(starts, span.start) - 1]
    return holder.start < token.start < span.start and any(c in "بل" for c in doc.text[token.start : span.start])


def _family_name(doc: Document, starts: list[int], span: EntitySpan, person: EntitySpan) -> bool:
    """A one-word organisation that ends a longer name the tagger read as a person's is that person's family
    name: "ساندرو فاغنر" (not the Wagner Group), "عبدالخالق الحوثي" (not the Houthis)."""
    return (person.type == "PER" and _inside(span, person) and span.end == person.end
            and " " not in doc.text[span.start : span.end] and not _after_preposition(doc, starts, span, person))


_BEFORE_BYLINE = re.compile(r"[\sA-Za-z]*\Z")  # only blanks or the site's Latin navigation ("Next Previous")
_AFTER_BYLINE = re.compile(r"[ \t]*[-–—]")


def _byline_author(doc: Document, span: EntitySpan) -> bool:
    """A person named first in the text, before a dash, is the reporter's byline ("أميرة المولد – عين اليوم",
    "عبدالعزيز السلمي – جدة"), not an actor of the news."""
    return (span.type == "PER" and _BEFORE_BYLINE.match(doc.text[: span.start]) is not None
            and _AFTER_BYLINE.match(doc.text, span.end) is not None)


def _definite_adjective(doc: Document, starts: list[int], span: EntitySpan, spans: list[EntitySpan],
                        kb: KnowledgeBase, titles: frozenset[str]) -> bool:
    """A one-word "person" the tagger found, with the article, right after another word with the article that
    is no title describes that word: "القرار الحكيم" (the wise decision), "المرء المحمود", "العلاج الكيمياوي"
    (Arabic adjectives follow their noun and take its article). A family name follows a given name or a title
    ("المهندس القحطاني", "الدكتور الغامدي"), or another person's ("صفقتا الناظري والبراهيم", after "أحمد الناظري")."""
    if span.type != "PER" or span.source != "ner" or not doc.text.startswith("ال", span.start):
        return False
    i = bisect_right(starts, span.start) - 1
    token = doc.tokens[i]
    if i == 0 or token.end != span.end:
        return False  # a name of more words
    noun = doc.tokens[i - 1]
    if not noun.article or doc.text[noun.end : token.start].strip():
        return False  # punctuation between: "القوية. السهلاوي"
    noun_text = doc.text[noun.stem_start : noun.stem_end]  # without و/ف/ب/ل, with the article
    if any(other.type == "PER" and doc.text[other.start : other.end].split()[-1] == noun_text for other in spans):
        return False  # a person of the article, by the name it ends with
    return not (kb.starts_no_name(noun_text) or normalize_word(noun_text) in titles)


_LOWERCASE_LATIN = re.compile(r"[a-z][a-z .'-]*")


def _lowercase_latin(doc: Document, span: EntitySpan) -> bool:
    """Words in Latin letters without a capital are no name: a phrase ("wishful thinking") or a website's
    address ("www.meliahotels.com")."""
    return _LOWERCASE_LATIN.fullmatch(doc.text[span.start : span.end]) is not None


def _overlaps(span: EntitySpan, taken: list[EntitySpan]) -> bool:
    return any(span.start < other.end and other.start < span.end for other in taken)


class EntityRecognizer:
    """Gazetteer matches first (they carry a KB id); then media names after their cue nouns ("قناة
    العربية") and names built on head nouns ("مخيم اليرموك", "حرس الحدود اليمني"); tagger spans fill
    the gaps they leave."""

    name = "entities"

    def __init__(self, kb: KnowledgeBase | None = None, taggers: list | None = None):
        self.kb = kb or load_kb()
        self.gazetteer = build_gazetteer(self.kb)
        if taggers is None:
            taggers = [TaggedNames(load_tagger(), self.gazetteer.name_tokens, location_heads(), name_table().table)]
        self.taggers = taggers
        self.media = MediaNames(self.kb)
        self.heads = HeadNames(self.kb)
        self.institutions = InstitutionNames(self.kb)
        self.namesakes = NamesakeFilter(self.kb)
        self.common_phrases = CommonPhrases.load()
        self.person_titles = SpanFixes.load().person_titles
        self.city_clubs = CityClubs(self.kb)

    def __call__(self, doc: Document) -> None:
        tagged = [span for tagger in self.taggers for span in tagger(doc)]
        seq = units(doc.tokens)
        starts = [t.start for t in doc.tokens]
        heads = self.heads(doc)
        # a body named in quotation marks holds the known names inside its name ("روسيا - العالم الإسلامي"), and so
        # does one named by its head noun after the head ("لجنة أخلاقيات البرلمان الروسي"; but "وزارة العدل
        # الكورية الجنوبية" is the KB's ministry and its adjective, which the linker reads)
        bodies = [s for s in heads if s.source == QUOTED_BODY or s.type == "ORG"]
        # a place inside a longer organisation or person the tagger found is part of that name ("مانشستر يونايتد",
        # "جامعة القاهرة", "جورج واشنطن")
        named = [t for t in tagged if t.type in ("ORG", "PER")]
        spans = [s for s in self.namesakes(doc, self.gazetteer.find(doc, seq), tagged)
                 if not any(b.start <= s.start and s.end <= b.end and (b.source == QUOTED_BODY or b.start < s.start)
                            for b in bodies)
                 and not (s.type in ("GPE", "LOC") and any(_inside(s, t) and not _after_preposition(doc, starts, s, t)
                                                            for t in named))
                 and not (s.type == "ORG" and any(_family_name(doc, starts, s, t) for t in named))
                 and not self.institutions.qualifies_noun_before(doc, s)]
        for span in [*self.institutions(doc, seq), *self.media(doc, tagged), *heads, *tagged]:
            if not _overlaps(span, spans):
                spans.append(span)
        spans = self.city_clubs(doc, starts, self.common_phrases(doc, starts, spans))
        doc.entity_spans = sorted((s for s in spans
                                   if not _byline_author(doc, s) and not _lowercase_latin(doc, s)
                                   and not _definite_adjective(doc, starts, s, spans, self.kb, self.person_titles)),
                                  key=lambda s: s.start)
