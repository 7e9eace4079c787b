"""Names of media after the nouns that announce them: "قناة العربية", "صحيفة "الوطن"", "إذاعة إيكو موسكفي".

Many media names are common words (العربية "Arabic", الوطن "the homeland", الحدث "the event"), which the
gazetteer does not match alone; after a cue noun (data/entities/media_cues.yaml) they are names:
- a name in quotation marks, and each further quoted name joined to it by و ("لقناتي "العربية" و"الحدث"");
- after the cues that allow it, one definite word: "قناة العربية" (not "وكالة الأنباء");
- a name the recogniser found starting at the cue or right after it, without the cue and with the
  foreign-looking words that follow it (no letter only Arabic words use, no article): the recogniser's
  "محطة إيكو" is "إيكو موسكفي". Foreign-looking words alone are not enough: "صحيفة ذكرت" is a verb.
After a verb of reporting (`source_verbs`), a word the KB knows as a medium is one too: "ذكرت العربية".
The cue may carry proclitics (لقناتي); the mention is the name alone, typed ORG.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import yaml

from khabar.document import Document, EntitySpan, Token
from khabar.entities.heads import head_form, with_hamza
from khabar.kb import KnowledgeBase
from khabar.text.normalize import normalize_word

MAX_QUOTED_WORDS = 5
MAX_FOREIGN_WORDS = 3
_ARABIC_ONLY = set("عحصضظقءئؤة")
_OPEN_QUOTES = {'"'}  # token norms: « » “ ” are normalised to "


@dataclass(frozen=True, slots=True)
class MediaCues:
    cues: frozenset[str]
    definite: frozenset[str]
    not_names: frozenset[str]
    source_verbs: frozenset[str]
    hamza: frozenset[str]  # cues and verbs written with a hamza on the alef

    @classmethod
    def load(cls) -> MediaCues:
        text = resources.files("khabar.data").joinpath("entities/media_cues.yaml").read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        keys = ("cues", "definite", "not_names", "source_verbs")
        words = [frozenset(normalize_word(w) for w in data[k]) for k in keys]
        return cls(*words, with_hamza(w for k in ("cues", "source_verbs") for w in data[k]))

    def cue(self, token: Token) -> str | None:
        """The cue noun a token is, without its proclitics."""
        found = head_form(token, self.cues, hamza=self.hamza)
        return found[0] if found else None


class MediaNames:
    """`__call__(doc, tagged) -> list[EntitySpan]`: media names after cue nouns; `tagged`: the
    recogniser's spans, which may start a name."""

    def __init__(self, kb: KnowledgeBase, cues: MediaCues | None = None):
        self.kb = kb
        self.cues = cues or MediaCues.load()

    def __call__(self, doc: Document, tagged: list[EntitySpan]) -> list[EntitySpan]:
        # not a place the tagger found: "محطة بارسونز غرين" is a station, "محطة إيكو موسكفي" a radio
        tagged_starts = {s.start for s in tagged if s.type not in ("LOC", "GPE")}
        spans: list[EntitySpan] = []
        for sentence in doc.sentences:
            tokens = doc.sentence_tokens(sentence)
            for i, token in enumerate(tokens):
                if i + 1 >= len(tokens):
                    continue
                cue = self.cues.cue(token)
                if cue is not None:
                    tagged_at = token.start in tagged_starts or tokens[i + 1].start in tagged_starts
                    spans.extend(self._after_cue(tokens, i + 1, cue, tagged_at))
                elif head_form(token, self.cues.source_verbs, hamza=self.cues.hamza) and self._known_medium(
                    tokens[i + 1]
                ):
                    spans.append(_span(tokens[i + 1], tokens[i + 1]))
        return spans

    def _known_medium(self, token: Token) -> bool:
        """ "العربية" after "ذكرت": a word the KB knows as a medium's name."""
        return any(e.kind == "media" for e in self.kb.exact(token.text))

    def _after_cue(self, tokens: list[Token], i: int, cue: str, tagged: bool) -> list[EntitySpan]:
        if tokens[i].norm in _OPEN_QUOTES:
            return self._quoted_list(tokens, i)
        words = self._foreign_words(tokens, i) if tagged else []
        if not words and cue in self.cues.definite and self._definite_name(tokens[i]):
            words = [tokens[i]]
        return [_span(words[0], words[-1])] if words else []

    def _quoted_list(self, tokens: list[Token], i: int) -> list[EntitySpan]:
        """ "العربية" و"الحدث": every quoted name of the list."""
        spans = []
        while i < len(tokens) and tokens[i].norm in _OPEN_QUOTES:
            close = next(
                (j for j in range(i + 1, min(len(tokens), i + MAX_QUOTED_WORDS + 2)) if tokens[j].norm in _OPEN_QUOTES),
                None,
            )
            if close is None or close == i + 1:
                break
            if not any(t.text.isalpha() for t in tokens[i + 1 : close]):  # موقع "24"
                break
            spans.append(_span(tokens[i + 1], tokens[close - 1]))
            i = close + 1
            if i + 1 < len(tokens) and tokens[i].norm == "و":
                i += 1
            else:
                break
        return spans

    def _foreign_words(self, tokens: list[Token], i: int) -> list[Token]:
        words: list[Token] = []
        while i < len(tokens) and len(words) < MAX_FOREIGN_WORDS and self._foreign(tokens[i]):
            words.append(tokens[i])
            i += 1
        return words

    def _foreign(self, token: Token) -> bool:
        text = token.text
        return (
            text.isalpha()
            and not _ARABIC_ONLY & set(text)
            and not token.norm.startswith("ال")
            and not token.norm.startswith("وال")
            and len(token.norm) >= 3
            and token.norm not in self.cues.not_names
            and self.cues.cue(token) is None
        )

    def _definite_name(self, token: Token) -> bool:
        return token.norm.startswith("ال") and len(token.norm) > 4 and token.norm not in self.cues.not_names


def _span(first: Token, last: Token) -> EntitySpan:
    return EntitySpan(first.start, last.end, "ORG", "media")
