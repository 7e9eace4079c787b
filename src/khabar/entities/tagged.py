"""Names from the statistical tagger (ANERcorp labels), turned into clitic-free, typed entity spans."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import yaml

from khabar.document import Document, EntitySpan, Token
from khabar.entities.gazetteer import verb_or_comparison_prefix
from khabar.entities.heads import head_form
from khabar.kb.translit import name_key
from khabar.ner.conlleval import entity_spans
from khabar.text.normalize import normalize_word
from khabar.text.tokenize import stem_candidates

MIN_SECOND_NAME = 3  # letters of the word after و: not "ولي" (Wali) as و + لي (Lee)
MIN_SECOND_NAME_COUNT = 5  # sources spelling the word after و: a name, not a rare word (وورك: Robert Work)
_TYPES = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "GPE"}  # MISC is not an output type


@dataclass(frozen=True, slots=True)
class SpanFixes:
    """data/entities/tagged_names.yaml: words before and after a name the tagger runs into it, honorifics it
    takes for names, nouns after which a name is a place, and titles before a family name."""

    lead_words: frozenset[str]
    trail_words: frozenset[str]
    honorifics: tuple[tuple[str, ...], ...]
    place_cues: frozenset[str]
    person_titles: frozenset[str]

    @classmethod
    def load(cls) -> SpanFixes:
        text = resources.files("khabar.data").joinpath("entities/tagged_names.yaml").read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        return cls(
            frozenset(data["lead_words"]),  # as written: "فإن" (then), not "فان" (the Turkish town)
            frozenset(data["trail_words"]),
            tuple(tuple(normalize_word(w) for w in h.split()) for h in data["honorifics"]),
            frozenset(normalize_word(w) for w in data["place_cues"]),
            frozenset(normalize_word(w) for w in data["person_titles"]),
        )


class TaggedNames:
    """Adapter from a token tagger (`tag(list[list[str]]) -> list[list[str]]`) to EntitySpans.

    `known_words`: normalised words of known names, used to decide whether a leading و/ف/ب/ل/ك is a clitic
    ("وبوتين" → "بوتين") or part of the name ("فلاديمير"); `name_counts`: how often the name-word table has seen
    a word as a name (keyed by `name_key`), so that a name that begins like a clitic keeps its first letter when
    the whole word is the commoner name ("فادي", not "ادي"; "فالح", not "ال" + "ح"); `location_heads`: first
    words that make a location a natural place (LOC) rather than a political entity (GPE); `fixes`: see SpanFixes.
    """

    def __init__(self, tagger, known_words: set[str], location_heads: frozenset[str],
                 name_counts: dict[str, tuple[str, int]] | None = None, fixes: SpanFixes | None = None):
        self.tagger = tagger
        self.known_words = known_words
        self.location_heads = location_heads
        self.name_counts = name_counts or {}
        self.fixes = fixes or SpanFixes.load()

    def __call__(self, doc: Document) -> list[EntitySpan]:
        sentences = [doc.sentence_tokens(s) for s in doc.sentences]
        tags = self.tagger.tag([[t.text for t in sent] for sent in sentences])
        spans = []
        for sent, sent_tags in zip(sentences, tags):
            for first, end, label in sorted(entity_spans(sent_tags)):
                entity_type = _TYPES.get(label)
                first = self._past_words_before_name(sent, first, end)
                end = self._before_words_after_name(sent, first, end, entity_type)
                if entity_type is None or first == end or (entity_type == "ORG" and _described(sent[first:end])):
                    continue
                start = self._name_start(sent[first])
                if entity_type == "LOC":
                    entity_type = "LOC" if sent[first].norm in self.location_heads else "GPE"
                elif first > 0 and head_form(sent[first - 1], self.fixes.place_cues):
                    entity_type = "GPE"  # "بمدينة باولينج جرين": a town, though it reads like a person
                if entity_type == "PER" and (joint := self._second_name(sent, first, end)):
                    spans.append(EntitySpan(start, sent[joint - 1].end, entity_type, "ner"))
                    start = sent[joint].start + 1  # after the conjunction
                spans.append(EntitySpan(start, sent[end - 1].end, entity_type, "ner"))
        return spans

    def _second_name(self, sent: list[Token], first: int, end: int) -> int | None:
        """The token where a second person's name begins after و inside a tagged person ("اسحق ويعقوب",
        "معاذ والشمري"): the word after و is a name the name-word table knows well and the whole word is a
        rarer one (not "ويليامز", "وهبي", "ولد")."""
        for i in range(first + 1, end):
            word = sent[i].text
            if word.startswith("و") and len(word) > MIN_SECOND_NAME:
                rest = self._seen_as_name(word[1:])
                if rest >= MIN_SECOND_NAME_COUNT and rest > self._seen_as_name(word):
                    return i
        return None

    def _past_words_before_name(self, sent: list[Token], first: int, end: int) -> int:
        """The first token of the name in the tagged tokens first..end: after a particle ("فإن أردوغان") or
        an honorific ("خادم الحرمين الشريفين") or a greeting ("أهلا بك"); `end` when nothing is left."""
        if sent[first].text in self.fixes.lead_words:
            return first + 1
        words = [normalize_word(t.text) for t in sent[first:end]]
        for honorific in self.fixes.honorifics:
            n = min(len(honorific), len(words))
            if n < 2 or tuple(words[1:n]) != honorific[1:n]:
                continue
            if words[0] == honorific[0] or head_form(sent[first], frozenset(honorific[:1])):
                return first + n  # "خادم الحرمين", "بخادم الحرمين"
        return first

    def _before_words_after_name(self, sent: list[Token], first: int, end: int, entity_type: str | None) -> int:
        """The end of the name in the tagged tokens first..end: before an adverb the tagger runs into it ("ويليان
        يمينا", on the right wing) and, for a person, before a number ("نور 91.54", a name and a score)."""
        while end - first > 1 and sent[end - 1].text in self.fixes.trail_words:
            end -= 1
        while entity_type == "PER" and end > first and any(c.isdigit() for c in sent[end - 1].text):
            end -= 1
        return end

    def _name_start(self, token: Token) -> int:
        """Where the name starts inside its first token: after clitics that are certainly clitics."""
        candidates = stem_candidates(token.text, token.start)
        if candidates[0].norm in self.known_words:
            return token.start
        whole = self._seen_as_name(token.text)
        for cand in candidates[1:]:
            if cand.enclitic or verb_or_comparison_prefix(cand):
                continue
            stripped = token.text[cand.start - token.start :]
            if cand.article or cand.norm in self.known_words:
                return token.start if whole and whole >= self._seen_as_name(stripped) else cand.start
            if not whole and cand.proclitics in ("و", "ف") and self._seen_as_name(stripped):
                return cand.start  # "ورسلان بوشيروف", "وقصي": a conjunction before a name the table knows
        return token.start if whole and whole >= self._seen_as_name(token.text[token.stem_start - token.start :]) \
            else token.stem_start

    def _seen_as_name(self, word: str) -> int:
        return self.name_counts.get(name_key(word)[0], ("", 0))[1]


def _described(tokens: list[Token]) -> bool:
    """An "organisation" that a noun and an indefinite adjective in ية describe: '"منظمة إرهابية"', "شركة
    أمريكية" (a name of two words does not end in an indefinite adjective)."""
    return len(tokens) <= 2 and tokens[-1].text.endswith("ية") and not tokens[-1].text.startswith(("ال", "لل"))
