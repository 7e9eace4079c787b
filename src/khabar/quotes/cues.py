"""Cue words in the token stream: reporting verbs (through clitic analysis: "وأضاف" → أضاف, "وقالت" → قالت),
complements and attribution heads."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from khabar.document import Document, Token
from khabar.quotes.lexicon import CueForm, QuoteLexicon
from khabar.text.normalize import normalize
from khabar.text.tokenize import StemCandidate, stem_candidates

# Proclitics a verb may carry: conjunctions and the future particle ("وسيقول"); a noun: conjunctions and
# prepositions ("لطلب", "بإعلان").
_VERB_PROCLITICS = {"", "و", "ف", "س", "وس", "فس"}
_NOUN_PROCLITICS = {"", "و", "ف", "ب", "ل", "وب", "ول"}
COMPLEMENTIZER_PROCLITICS = {"", "و", "ف", "ب", "وب", "فب"}
DETACHED_CONJUNCTIONS = {"و", "ف"}  # written apart from the next word, as Maghrebi news often do: "و قال"
# Words after which an ambiguous verb/noun form ("طلب", "ثمن") starts a clause, so it is the verb.
_CLAUSE_OPENERS = DETACHED_CONJUNCTIONS | {"كما", "قد", "كان", "وكان", "فيما", "بينما", "ثم", "،", ",", "لكن", "ولكن"}
COMMA = {"،", ","}
_DAMMA = "\u064f"


@dataclass(frozen=True, slots=True)
class Cue:
    token: int
    form: CueForm
    start: int  # the cue word without its proclitics
    end: int


# A stem is the word less at most three proclitic and three enclitic letters ("وسيقول", "نفاها").
_MAX_CLITIC = 3


@lru_cache(maxsize=1 << 16)
def could_contain(text: str, words: frozenset[str]) -> bool:
    """Whether some stem of the token `text` may be one of `words`: a cheap test that spares the full clitic
    analysis for the great majority of tokens. Cached per word form, which repeat a lot in news."""
    norm = normalize(text)
    n = len(norm)
    return any(norm[p : n - e] in words for p in range(_MAX_CLITIC + 1) for e in range(_MAX_CLITIC + 1))


class TokenView:
    """Clitic analyses of a document's tokens, computed once per document and shared by the extractor."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.tokens: list[Token] = doc.tokens
        self._candidates: dict[int, list[StemCandidate]] = {}

    def candidates(self, i: int) -> list[StemCandidate]:
        if i not in self._candidates:
            token = self.tokens[i]
            self._candidates[i] = stem_candidates(token.text, token.start)
        return self._candidates[i]

    def stems(self, i: int) -> set[str]:
        """Normalised stems of token i with any proclitics and pronoun suffixes split off."""
        return {c.norm for c in self.candidates(i)}

    def bare(self, i: int) -> str:
        """The whole token, normalised, with neither clitic split off."""
        return self.candidates(i)[0].norm

    def is_clause_initial(self, i: int, candidate: StemCandidate) -> bool:
        sentence = self.doc.sentences[self.tokens[i].sentence]
        return (
            i == sentence.token_start
            or bool(set(candidate.proclitics) & {"و", "ف"})
            or self.bare(i - 1) in _CLAUSE_OPENERS
        )


def cue_at(view: TokenView, i: int, lexicon: QuoteLexicon) -> Cue | None:
    if not could_contain(view.tokens[i].text, lexicon.cue_words):
        return None
    candidates = view.candidates(i)
    if any(c.norm in lexicon.impersonal for c in candidates):
        return None
    token = view.tokens[i]
    for cand in candidates:
        form = lexicon.forms.get(cand.norm)
        if form is None:
            continue
        if form.tense != "masdar" and (cand.article or cand.proclitics not in _VERB_PROCLITICS):
            continue
        if cand.enclitic and not form.object_pronoun:
            continue
        if form.ambiguous and not view.is_clause_initial(i, cand):
            continue
        if form.tense == "participle" and cand.proclitics and _bare_definite(view, i + 1):
            continue  # "ومتابعة الطفل": a verbal noun in a coordination, not "and following" ("وداعياً بالشفاء")
        if form.tense == "finite" and not form.present and _marked_passive(view.doc.text[cand.start : cand.end]):
            return None  # "اتُّهم نجيب بـ": who was accused, not who accused
        return Cue(i, form, token.start if form.tense == "masdar" else cand.start, token.end)
    for cand in candidates:
        form = lexicon.nouns.get(cand.norm)
        if form is not None and not cand.article and not cand.enclitic and cand.proclitics in _NOUN_PROCLITICS:
            return Cue(i, form, cand.start, token.end)
    return None


def _bare_definite(view: TokenView, i: int) -> bool:
    """A definite word with no preposition attached: a genitive, not the verb's complement."""
    return i < len(view.tokens) and view.tokens[i].article and not view.tokens[i].proclitics


def _marked_passive(stem: str) -> bool:
    """A past verb voweled as a passive: a damma on its first or second letter ("أُعلن"، "اتُّهم"); active pasts
    have none there."""
    letters = 0
    for ch in stem:
        if ch == _DAMMA:
            return True
        if ch.isalpha():
            letters += 1
            if letters > 2:
                return False
    return False


def is_complementizer(view: TokenView, i: int, lexicon: QuoteLexicon) -> bool:
    """أن / إن / بأن, also with a pronoun suffix ("إنه", "بأنهم"); never after the future prefix or other
    proclitics ("سان" in "سان بطرسبورغ" is no سـ + إن, "لأن" is "because")."""
    return any(
        c.norm in lexicon.complementizers and c.proclitics in COMPLEMENTIZER_PROCLITICS and not c.enclitic
        for c in view.candidates(i)
    )


def is_verb_complement(view: TokenView, i: int, form: CueForm) -> bool:
    """The verb's own preposition as a word ("على", "إلى")."""
    return view.bare(i) in form.complements


def is_attached_complement(view: TokenView, i: int, form: CueForm) -> bool:
    """The verb's preposition as a proclitic ("تعهد ببناء", "دعا للعودة")."""
    return any(c.proclitics[-1:] in form.complements for c in view.candidates(i) if c.proclitics)


def is_word(token: Token) -> bool:
    return token.text[0].isalnum()


def is_attribution_head(view: TokenView, i: int, lexicon: QuoteLexicon) -> bool:
    if not could_contain(view.tokens[i].text, lexicon.attribution_heads):
        return False
    return any(
        c.norm in lexicon.attribution_heads and c.proclitics in {"", "و", "ب", "وب", "ف"} and not c.enclitic
        for c in view.candidates(i)
    )
