"""Attributed statements: direct quotations and indirect reported speech, each with its cue and speaker.

One pass over each sentence's tokens finds cues (reporting verbs, their participles and verbal nouns, and
verb-less attributions such as "بحسب"); for each cue a short window after it holds the subject and ends at the
complement ("أن", "إلى أن", "على"), a colon or an opening quotation mark. The reported content runs from there to
the quotation's end (direct) or to the end of the clause (indirect).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from khabar.document import Document, Quote, Sentence, Token
from khabar.quotes.cues import (
    COMMA,
    DETACHED_CONJUNCTIONS,
    Cue,
    TokenView,
    cue_at,
    is_attached_complement,
    is_attribution_head,
    is_complementizer,
    is_verb_complement,
    is_word,
)
from khabar.quotes.lexicon import QuoteLexicon, load_lexicon
from khabar.quotes.marks import Quotation, find_quotations
from khabar.quotes.speakers import MAX_DESCRIPTION_WORDS, MentionRef, SpeakerResolver
from khabar.text import normalize

# The subject of a reporting verb comes within this many words besides names ("أكد رئيس الوزراء اللبناني المكلف سعد
# الحريري أن").
MAX_WINDOW = 16
# The source of a verb-less attribution ("حسب ما أفادت وكالة الأنباء الرسمية") comes within this many tokens.
MAX_SOURCE = 8
_TRIM = " \t\n.،,:;؛"
# third-person pronouns on a noun ("تمنيه", "حرصها"): the speaker's own wish or concern, whose complement follows
_POSSESSIVE_PRONOUNS = frozenset({"ه", "ها", "هم", "هما", "هن"})
# Reported content shorter than this is an adverb left over ("نفاها ترامب مراراً"), not a statement.
MIN_INDIRECT_WORDS = 2
# The source of a verb-less attribution ends at a comma, a dash or a bracket ("– بحسب البي بي سي –").
_SOURCE_END = COMMA | {"–", "-", "—", "(", ")", "."}
# "أن" before an imperfect verb makes it a subjunctive (normalised: أن and إن are both "ان").
_SUBJUNCTIVE_PARTICLES = frozenset({"ان", "بان", "لان"})
# "ولم يكشف عن"، "لن يعلن": a negated reporting verb says that nothing was said.
_NEGATIONS = frozenset({"لم", "ولم", "فلم", "لن", "ولن"})
# A name in quotation marks after the kind of organisation is at most this long ('صحيفة "سودوتشه تسيتونغ"').
MAX_QUOTED_NAME_WORDS = 5


@dataclass(slots=True)
class Window:
    """Tokens [first, last) after a cue, and what ended them."""

    first: int
    last: int
    stop: str  # complement | colon | quote | cue | end
    quotation: Quotation | None = None


class QuoteExtractor:
    name = "quotes"

    def __init__(self, lexicon: QuoteLexicon | None = None):
        self.lexicon = lexicon or load_lexicon()

    def __call__(self, doc: Document) -> None:
        doc.quotes = _DocumentQuotes(doc, self.lexicon).extract()


class _DocumentQuotes:
    def __init__(self, doc: Document, lexicon: QuoteLexicon):
        self.doc = doc
        self.lexicon = lexicon
        self.view = TokenView(doc)
        self.speakers = SpeakerResolver(doc, self.view, lexicon)
        quotations = find_quotations(doc.text, doc.paragraphs, lexicon)
        self.opening = {q.open: q for q in quotations}
        self.closing = {q.end: q for q in quotations if q.closed}
        self.closed_speech = [q for q in quotations if q.closed and q.words >= lexicon.min_speech_words]
        self.token_starts = [t.start for t in doc.tokens]
        self.quoted_tokens = self._tokens_inside(self.closed_speech)
        self.claimed: set[int] = set()  # quotations already given to a cue, by opening offset
        self.cue_speakers: list[tuple[int, str | None]] = []  # every reporting verb's offset and speaker
        self.statement_authors: list[str] = []  # speakers reported "في بيان", for a later "وقال البيان"
        self.quotes: list[Quote] = []

    def extract(self) -> list[Quote]:
        for sentence in self.doc.sentences:
            if self._headline(sentence):
                continue
            self._document_statement(sentence)
            author = self.speakers.recap_author(sentence)
            if author is not None and self.speakers.is_statement(sentence.token_start + 3):
                self.statement_authors.append(author.entity.id)  # "جاء ذلك في بيان صادر عن X. وقال البيان"
            for i in range(sentence.token_start, sentence.token_end):
                if i in self.quoted_tokens:
                    continue
                cue = cue_at(self.view, i, self.lexicon)
                if cue is not None and self._inside_name(i):
                    continue  # "تشيانغ راي": a place name that spells a verb
                if cue is not None:
                    self._reporting_verb(cue, sentence)
                elif is_attribution_head(self.view, i, self.lexicon):
                    self._attribution(i, sentence)
        return self.quotes

    # --- shared helpers --------------------------------------------------------------------------------------

    def _tokens_inside(self, quotations: list[Quotation]) -> set[int]:
        inside: set[int] = set()
        for q in quotations:
            inside.update(range(bisect_left(self.token_starts, q.start), bisect_left(self.token_starts, q.end)))
        return inside

    def _quotation_at(self, i: int) -> Quotation | None:
        return self.opening.get(self.doc.tokens[i].start)

    def _scan(self, cue: Cue, sentence: Sentence) -> Window:
        form = cue.form
        first = j = cue.token + 1
        words = 0
        named = False  # a name seen in the window: an attached preposition after it opens the content
        while j < sentence.token_end and words < MAX_WINDOW:
            token = self.doc.tokens[j]
            if token.text == ":":
                return Window(first, j, "colon")
            mention = self.speakers.mention_at(j)
            if is_complementizer(self.view, j, self.lexicon) and mention is None:  # not 'قناة "إن تي في"'
                if self._provided_that(j):
                    return Window(first, j, "end")
                return Window(first, j, "complement")
            if mention is None and is_verb_complement(self.view, j, form):
                return Window(first, j, "complement")
            if mention is None and (named or j == first) and is_attached_complement(self.view, j, form):
                return Window(first, j, "complement")
            named = named or mention is not None
            # names do not count: a list of leaders ("أردوغان والروسي فلاديمير بوتين والإيراني حسن روحاني") is one subject
            words += is_word(token) and mention is None
            quotation = self._quotation_at(j)
            speech = quotation is not None and quotation.words >= self.lexicon.min_speech_words
            if speech and not self._names_an_organisation(j) and not self._names_the_speaker(quotation, sentence):
                return Window(first, j, "quote", quotation)
            attribution = is_attribution_head(self.view, j, self.lexicon)
            if attribution and (aside := self._aside_after(j, sentence)):
                j = aside  # 'وقال بيسكوف، وفقاً لما نقلته عنه وكالة "سبوتنيك"، الإثنين: "..."': the channel, between commas
                continue
            if attribution or cue_at(self.view, j, self.lexicon):
                return Window(first, j, "cue")
            j += 1
        # a verb with other senses ("أقر مجلس الإدارة ... طباعة كتاب «...»") does not reach that far
        if words >= MAX_WINDOW and not form.needs_complement and (late := self._late_quotation(j, sentence)) is not None:
            return Window(first, late, "quote", self._quotation_at(late))
        return Window(first, j, "end")

    def _inside_name(self, i: int) -> bool:
        ref = self.speakers.mention_at(i)
        return ref is not None and ref.first < i

    def _aside_after(self, head: int, sentence: Sentence) -> int | None:
        """The token after an attribution set off by commas right after the subject, or None."""
        tokens = self.doc.tokens
        if head == 0 or tokens[head - 1].text not in COMMA:
            return None
        for k in range(head + 1, min(head + 2 * MAX_SOURCE, sentence.token_end)):
            if tokens[k].text in COMMA:
                return k + 1
            if tokens[k].text == ":" or is_complementizer(self.view, k, self.lexicon):
                return None
        return None

    def _provided_that(self, j: int) -> bool:
        """"أقر ... عقوبات على أن تبدأ": "على أن" and an imperfect verb is a condition, not what was said ("وصفها
        على أنها" is)."""
        tokens = self.doc.tokens
        return (
            self.view.bare(j - 1) == "علي"
            and self.view.bare(j) == "ان"
            and j + 1 < len(tokens)
            and normalize(tokens[j + 1].text)[:1] in ("ي", "ت")
        )

    def _late_quotation(self, j: int, sentence: Sentence) -> int | None:
        """'وقالت سارة نيشوتا وهي أستاذة مساعدة ... في ناشفيل خلال مقابلة «...»': a long apposition before the
        quotation; nothing in between may introduce content of its own (a complementiser, a colon, another cue)."""
        for k in range(j, min(sentence.token_end, j + MAX_WINDOW)):
            if self.doc.tokens[k].text == ":" or cue_at(self.view, k, self.lexicon) or is_attribution_head(
                self.view, k, self.lexicon
            ) or (is_complementizer(self.view, k, self.lexicon) and self.speakers.mention_at(k) is None):
                return None
            quotation = self._quotation_at(k)
            if quotation is not None and quotation.words >= self.lexicon.min_speech_words:
                return k if not self._names_an_organisation(k) else None
        return None

    def _names_the_speaker(self, quotation: Quotation, sentence: Sentence) -> bool:
        """'وقال "سالم بن خلفان القريني"، وهو أحد ...: "..."': quotation marks around the speaker's name, whose
        words follow a colon or a complementiser later in the clause."""
        if not quotation.closed:
            return False
        after = bisect_left(self.token_starts, quotation.end) + 1  # past the closing mark
        for k in range(after, min(after + MAX_WINDOW, sentence.token_end)):
            if self.doc.tokens[k].text == ":" or is_complementizer(self.view, k, self.lexicon):
                return True
            if self._quotation_at(k) is not None or cue_at(self.view, k, self.lexicon) is not None:
                return False
        return False

    def _names_an_organisation(self, mark: int) -> bool:
        """'لصحيفة «غانا سبورتس أون لاين»': quotation marks around a name after its kind (not after a possessed
        noun: 'على موقعها "..."' quotes what the site said)."""
        return mark > 0 and any(
            c.norm in self.lexicon.organisation_heads and not c.enclitic for c in self.view.candidates(mark - 1)
        )

    def _quoted_organisation(self, first: int, last: int) -> MentionRef | None:
        """'وكتب موقع قناة "إن تي في":'، 'صحيفة ميونيخ "سودوتشه تسيتونغ"': a kind of organisation (with its
        place) and its name in quotation marks that no entity starts: the organisation speaks, added as an unnamed
        speaker with the whole phrase; not the place."""
        j = first
        if j >= last or not self.view.stems(j) & self.lexicon.organisation_heads:
            return None
        while j + 1 < last and (
            self.view.stems(j + 1) & self.lexicon.organisation_heads
            or self.speakers.is_nisba(j + 1)
            or ((ref := self.speakers.mention_at(j + 1)) is not None and ref.entity.type in ("GPE", "LOC"))
        ):
            j += 1
        quotation = self._quotation_at(j + 1) if j + 1 < last else None
        if quotation is None or not quotation.closed or quotation.words > MAX_QUOTED_NAME_WORDS:
            return None
        named = self.speakers.mention_at(j + 2)
        if named is not None:  # 'وكالة «فرانس برس»': the entity layer knows the name
            return named if named.entity.type == "ORG" and named.first == j + 2 else None
        end = bisect_left(self.token_starts, quotation.end) + 1  # the closing mark
        tokens = self.doc.tokens
        span = self.doc.span(tokens[first].start, tokens[end - 1].end)
        return MentionRef(self.speakers.unnamed_entity(span, "ORG"), span.start, first, end - 1)

    def _content_after(self, window: Window, sentence: Sentence) -> tuple[int, Quotation | None, bool]:
        """Where the reported content starts (token index), the quotation when it is quoted directly, and whether
        a colon or a complementiser introduced it (else it starts after the subject)."""
        j = window.last
        if window.stop == "quote":
            return j, window.quotation, True
        # The content runs from the complementiser ("أن بلاده ..."; "إلى أن" keeps only "أن"), or after a colon.
        if window.stop == "colon":
            j, introduced = j + 1, True
        elif window.stop == "complement" and is_complementizer(self.view, j, self.lexicon):
            introduced = True
        elif (
            window.stop == "complement"
            and j + 1 < sentence.token_end
            and is_complementizer(self.view, j + 1, self.lexicon)
        ):
            j, introduced = j + 1, True
        elif window.stop == "complement" and not self._governed_by_previous_noun(j):
            return j, None, True  # "تعهد ... في قمة احتضنتها أنقرة، بتعزيز التعاون": the complement opens it
        else:
            return j, None, False
        # 'قال إن "..."', 'وأضاف: "..."': quoted directly, unless the marks only set off a term ('أن "الناتو" يقترب')
        after = j if window.stop == "colon" else j + 1
        if after < sentence.token_end and (quotation := self._quotation_at(after)) is not None:
            speech = quotation.words >= self.lexicon.min_speech_words or self._ends_sentence(quotation, sentence)
            if speech or window.stop == "colon":
                return after, quotation, True
        return j, None, introduced

    def _governed_by_previous_noun(self, j: int) -> bool:
        """'أكد الحريري خلال اللقاء تمنيه على المجلس': the preposition belongs to the noun with a pronoun before it,
        which is where the content starts, not to the reporting verb."""
        previous = self.doc.tokens[j - 1]
        if not is_word(previous) or previous.text.endswith("ة") or self.speakers.mention_at(j - 1) is not None:
            return False
        return any(c.enclitic in _POSSESSIVE_PRONOUNS and not c.article for c in self.view.candidates(j - 1))

    def _ends_sentence(self, quotation: Quotation, sentence: Sentence) -> bool:
        rest = self.doc.text[quotation.end : sentence.end]
        return not any(ch.isalnum() for ch in rest)

    def _clause_end(self, j: int, sentence: Sentence) -> int:
        """Token index where the clause starting at j ends: the sentence end, or a comma before another cue."""
        tokens = self.doc.tokens
        for k in range(j + 1, sentence.token_end - 1):
            if tokens[k].text in COMMA and (
                cue_at(self.view, k + 1, self.lexicon) or is_attribution_head(self.view, k + 1, self.lexicon)
            ):
                return k
        return sentence.token_end

    def _emit(self, speaker: str | None, cue_start: int, cue_end: int, start: int, end: int, kind: str,
              gender: str | None) -> Quote | None:
        text = self.doc.text
        while start < end and text[start] in _TRIM:
            start += 1
        while end > start and text[end - 1] in _TRIM:
            end -= 1
        if start >= end:
            return None
        cue = self.doc.span(cue_start, cue_end)
        quote = Quote(speaker, cue.text, kind, start, end, text[start:end], cue)
        self.quotes.append(quote)
        if speaker:
            self.speakers.remember(speaker, gender)
        return quote

    def _emit_tokens(self, speaker: str | None, cue_start: int, cue_end: int, first: int, last: int,
                     gender: str | None) -> Quote | None:
        tokens = self.doc.tokens
        if sum(is_word(t) for t in tokens[first:last]) < MIN_INDIRECT_WORDS:
            return None
        return self._emit(speaker, cue_start, cue_end, tokens[first].start, tokens[last - 1].end, "indirect", gender)

    def _emit_quotation(self, speaker: str | None, cue_start: int, cue_end: int, quotation: Quotation,
                        gender: str | None) -> Quote | None:
        self.claimed.add(quotation.open)
        end = quotation.end if quotation.closed else self._unclosed_end(quotation)
        return self._emit(speaker, cue_start, cue_end, quotation.start, end, "direct", gender)

    def _unclosed_end(self, quotation: Quotation) -> int:
        """A quotation the source never closes stops before a comma and a new cue inside it (", مشيراً إلى")."""
        tokens = self.doc.tokens
        for k, token in enumerate(tokens):
            if quotation.start <= token.start < quotation.end and token.text in COMMA and k + 1 < len(tokens):
                if cue_at(self.view, k + 1, self.lexicon) and tokens[k + 1].start < quotation.end:
                    return token.start
        return quotation.end

    # --- reporting verbs -------------------------------------------------------------------------------------

    def _speech_noun(self, cue: Cue, sentence: Sentence) -> None:
        """"إعلان روسيا تسليم سوريا المنظومة": the name right after the noun said what follows it."""
        ref = self.speakers.mention_at(cue.token + 1)
        if ref is None or ref.first != cue.token + 1 or not self.speakers.is_subject_position(ref, cue.token + 1):
            return
        entity = ref.entity
        if entity.type == "GPE" and entity.kb_id and not entity.kb_id.startswith("country:"):
            return  # "إعلان القاهرة": a city names a declaration; it does not announce
        start = ref.last + 1
        if start >= sentence.token_end or not is_word(self.doc.tokens[start]):
            return  # "في طلب CNN، وذلك ...": the request itself, not what it said
        if _qualifies_noun(self.doc.tokens[start]):
            return  # "وعود أوباما الوردية لإنجاح التسوية": an adjective of the promises, not what they said
        self._emit_tokens(ref.entity.id, cue.start, cue.end, start, self._clause_end(start, sentence), None)

    def _reporting_verb(self, cue: Cue, sentence: Sentence) -> None:
        form = cue.form
        if form.tense == "noun":
            self._speech_noun(cue, sentence)
            return
        if form.present and cue.token > 0 and self.view.bare(cue.token - 1) in _SUBJUNCTIVE_PARTICLES:
            return  # "من المقرر أن يكشف"، "دون أن تؤكد الشرطة"، "بأن تعلن": planned or denied, not said
        window = self._scan(cue, sentence)
        if self._cites_scripture(window):
            return
        if window.stop not in ("complement", "colon", "quote") and self._inside_attribution(cue.token, sentence):
            return  # "..., حسب ما قال فلان.": it attributes the clause before ("بحسب ما نقلت X فإن ..." goes on)
        # '"...", قال فلان' gives the cue the quotation before it, unless the cue has content of its own
        # ('"...". وقال فلان إن ...'، '"...". وتشير الدراسة إلى أن ...')
        before = self._quotation_before(cue.token) if window.stop not in ("complement", "colon") else None
        if form.needs_complement and window.stop not in ("complement", "colon", "quote") and before is None:
            return
        speaker, subject = self._verb_speaker(cue, window, sentence)
        if form.needs_object and subject is not None and self._complement_after(subject, form) and not (
            self._object_suffix(cue)
        ):
            return  # "واتهم نجيب بتلقي 42 مليون": Najib was accused, by nobody named
        if not self._in_relative_clause(cue.token):  # "..., الذي تتهمه بريطانيا بـ...، مشيراً": not the participle's
            self.cue_speakers.append((cue.start, speaker))
        if speaker is not None and any(self.speakers.is_statement(j) for j in range(window.first, window.last)):
            self.statement_authors.append(speaker)
        if speaker is None and form.tense == "finite":
            self.speakers.remember(None, form.gender)
        if speaker is None and form.ambiguous:
            return  # a word that is also a noun or a preposition, with nobody speaking: "وبين تقرير أصدرته ..."
        if form.present and cue.token > 0 and self.view.bare(cue.token - 1) in _NEGATIONS:
            if speaker is not None:  # its subject goes on ("ولم يؤكد الجيش ... لكنه أعلن"), its statement is none
                self.speakers.remember(speaker, form.gender)
            return
        if before is not None:  # '"...", قال فلان' (and '"...", قال فلان، "..."': one statement)
            if window.quotation is not None:
                self.claimed.add(window.quotation.open)
            self._emit_quotation(speaker, cue.start, cue.end, before, form.gender)
            return
        start, quotation, introduced = self._content_after(window, sentence)
        if quotation is not None and quotation.open not in self.claimed:
            self._emit_quotation(speaker, cue.start, cue.end, quotation, form.gender)
            return
        if not introduced:
            # No complementiser: what was said follows the subject ("اقترح نزارباييف تطوير التعاون", "أكد الحريري
            # خلال اللقاء تمنيه على ...").
            start = subject.last + 1 if subject is not None and subject.first >= window.first else window.first
            first = self.speakers.first_word(window.first, window.last)
            if subject is None and first < window.last and self.speakers.is_description(first, window.last):
                # "وأكد وزير الخارجية الروسية للزعيم الكوري دعم بلاده": after the description
                start = self.speakers.description_end(first, window.last)
            if subject is not None or start > window.first:
                start = self._after_subject_asides(start, sentence)
        if speaker is None:
            return  # an indirect cue with nobody identifiable is not an attributed statement
        kind = "direct" if window.stop == "colon" else "indirect"
        quote = self._emit_tokens(speaker, cue.start, cue.end, start, self._clause_end(start, sentence), form.gender)
        if quote is not None:
            quote.kind = kind

    def _object_suffix(self, cue: Cue) -> bool:
        """"اتهمه": the verb carries its object."""
        return any(c.enclitic for c in self.view.candidates(cue.token) if c.norm in self.lexicon.forms)

    def _complement_after(self, subject: MentionRef, form) -> bool:
        """The verb's complement right after its subject, with no object between."""
        k = subject.last + 1
        return k < len(self.doc.tokens) and self.speakers.mention_at(k) is None and (  # "بكين" is no بـ
            is_attached_complement(self.view, k, form) or is_verb_complement(self.view, k, form)
        )

    def _after_subject_asides(self, j: int, sentence: Sentence) -> int:
        """Past what still qualifies the subject or dates the verb: 'أعلنت شركة "إتش إم دي" الفنلندية، يوم الأحد،
        عزمها ...' says "عزمها ..."."""
        tokens = self.doc.tokens
        if j < sentence.token_end and self.speakers.is_mark(j):
            j += 1  # the mark closing a quoted name
        while j < sentence.token_end and (
            tokens[j].text in COMMA
            or self.view.bare(j) in self.lexicon.time_words
            or self.view.bare(j) == "يوم"
            or (self.speakers.is_nisba(j) and tokens[j].article)  # "الفنلندية", not "أهمية"
        ):
            j += 1
        return j

    def _cites_scripture(self, window: Window) -> bool:
        """"قال الله تعالى: ..."، "قال - صلى الله عليه وسلم - :": a verse or hadith cited, not a speaker reported."""
        first = self.speakers.first_word(window.first, window.last)
        return first < window.last and self.view.bare(first) in self.lexicon.scripture_subjects

    def _in_relative_clause(self, cue_token: int) -> bool:
        return cue_token > 0 and bool(self.view.stems(cue_token - 1) & self.lexicon.relative_pronouns)

    def _quotation_before(self, cue_token: int) -> Quotation | None:
        """A closed speech quotation just before the cue, with at most a comma between: '"...", قال فلان'."""
        tokens = self.doc.tokens
        k = cue_token - 1
        if k >= 0 and tokens[k].text in COMMA:
            k -= 1
        if k < 0:
            return None
        quotation = self.closing.get(tokens[k].start)
        if quotation is None or quotation.open in self.claimed or quotation.words < self.lexicon.min_speech_words:
            return None
        return quotation

    def _verb_speaker(self, cue: Cue, window: Window, sentence: Sentence) -> tuple[str | None, MentionRef | None]:
        """The speaker's entity id, and the subject mention after the cue when there is one."""
        form = cue.form
        speakers = self.speakers
        if form.tense == "participle":
            found, speaker = self._clause_subject(cue, sentence)
            if found:
                return speaker, None
            group = speakers.opening_unnamed(sentence.token_start, cue.token)  # "وقلل دبلوماسي غربي ...، قائلاً"
            return (group or speakers.previous(form.gender)), None
        if form.tense == "finite" and cue.token > sentence.token_start and (
            (before := cue_at(self.view, cue.token - 1, self.lexicon)) is not None and before.form.tense == "finite"
        ):
            # "وأضاف يقول"، "وكتبت تقول"، "ترامب أضاف يقول": the first verb's subject
            return self._verb_speaker(before, self._scan(before, sentence), sentence)[0], None
        if form.tense == "masdar":
            ref = speakers.nearest_before(cue.token, sentence.token_start)
            return (ref.entity.id if ref else speakers.previous()), None
        if form.source_prepositions:
            ref = speakers.source_after(window.first, window.last, form.source_prepositions)
            if ref is not None:
                return ref.entity.id, ref
            relayed = speakers.relayed_statement(window.first, window.last)
            if relayed is not None:  # "ونقلت الوكالة البيان الذي جاء فيه": the statement's author speaks
                return relayed, None
        ref = speakers.subject_before(cue.token, sentence.token_start, cue.start == self.doc.tokens[cue.token].start)
        if ref is not None:
            return ref.entity.id, None
        if (unnamed := speakers.unnamed_subject_before(cue.token, sentence.token_start)) is not None:
            return unnamed, None
        if speakers.unknown_subject_before(cue.token, sentence.token_start):
            return None, None
        first = speakers.first_word(window.first, window.last)
        phrase = speakers.phrase_before(cue.token, sentence.token_start)
        if phrase is not None:
            # subject–verb order: "الرئيس الأمريكي، دونالد ترامب قال إنه"، "أن الزعيم الكوري الشمالي أعلن" (a
            # description), "خاشقجي يدعو ..." or "فاتح يلدز قال:" (a name the entity layer missed: unknown)
            return speakers.phrase_speaker(phrase, cue.token, form.gender), None
        if form.gender not in ("pl", "du"):  # a plural or dual verb carries its subject: what follows is its object
            found = self._named_subject_after(form, window, first)
            if found is not None:
                return found
        if form.gender in ("pl", "du") and (group := speakers.group_before(cue.token, sentence.token_start)):
            return group, None
        if self._continues_clause(cue, sentence):  # "وتريد حكومة ماكرون ...، وتقترح": the same subject
            found, speaker = self._clause_subject(cue, sentence)
            if found:
                return speaker, None
        if form.gender not in ("pl", "du") and first < window.last and speakers.is_unknown_subject(first):
            return None, None
        if (author := speakers.recap_author(sentence)) is not None:  # "جاء ذلك في مقابلة لساندرز ... حيث قال"
            return author.entity.id, None
        return speakers.previous(form.gender), None

    def _named_subject_after(self, form, window: Window, first: int) -> tuple[str | None, MentionRef | None] | None:
        """The subject after a singular verb: a person, a description, an organisation or an unnamed group."""
        speakers = self.speakers
        quoted = self._quoted_organisation(first, window.last)
        if quoted is not None:
            return quoted.entity.id, quoted
        ref = speakers.subject_after(window.first, window.last)
        if ref is not None and self._object_name(ref, first, window.last):
            ref = None
        if first < window.last and (ref is None or ref.first > first) and (
            organisation := speakers.organisation_anaphor(first)
        ):  # "كما وصفت الصحيفة اللاعب ماركو أسينسيو بـ": the paper, not the player it describes
            return organisation, MentionRef(self.doc.entity(organisation), self.doc.tokens[first].start, first, first)
        if ref is not None and ref.entity.type == "PER":
            return ref.entity.id, ref
        if first < window.last and speakers.is_description(first, window.last):
            described = speakers.describe(first, window.last, form.gender)
            if described is None and speakers.is_statement(first) and self.doc.tokens[first].article and (
                self.statement_authors
            ):  # "وقال البيان": the statement reported before ("تقرير جديد" is another one)
                return self.statement_authors[-1], None
            if described is None and (
                unnamed := speakers.described_person(first, window.last) or speakers.unnamed(first, window.last)
            ):
                return unnamed.entity.id, unnamed  # "وقال المسؤول لرويترز": an official, unnamed
            return described, None
        if ref is not None:
            return ref.entity.id, ref
        if first < window.last and (organisation := speakers.organisation_anaphor(first)):
            return organisation, None
        if first < window.last and (unnamed := speakers.unnamed(first, window.last)):
            return unnamed.entity.id, unnamed
        if first < window.last and (person := speakers.anaphoric_person(first, window.last)):
            return person, None  # "وقال هذا القس"، "وقال اللاعب الألماني": the person so described before
        return None

    def _object_name(self, ref: MentionRef, first: int, last: int) -> bool:
        """"نفى قطاع السجون وجود أي شبهة وراء وفاة عصام دربالة": a person deep in the object of a verb whose
        subject is a word no entity covers, with no title before the person ("كشف القائم بأعمال وزير الدفاع، الفريق
        محمد المقدشي" describes him)."""
        words = sum(is_word(t) for t in self.doc.tokens[first : ref.first])
        return (
            words > MAX_DESCRIPTION_WORDS
            and self.speakers.is_unknown_subject(first)
            and not any(self.speakers.is_title(k) for k in range(first, ref.first))
            and not self._described_by_relative(first)
        )

    def _described_by_relative(self, first: int) -> bool:
        """"قال السياسي الذي ينتمي لحزب البديل من أجل ألمانيا مارتن سيكرت": a relative clause right after the
        subject's noun describes the person named at its end."""
        return first + 1 < len(self.doc.tokens) and bool(self.view.stems(first + 1) & self.lexicon.relative_pronouns)

    def _clause_subject(self, cue: Cue, sentence: Sentence) -> tuple[bool, str | None]:
        """The subject of the sentence a cue continues: the speaker of its previous cue (even an unidentified
        one), else its subject; (False, None) when there is neither."""
        earlier = [speaker for offset, speaker in self.cue_speakers if sentence.start <= offset < cue.start]
        if earlier:
            # "... قال ترامب: "..."، وهو ما رد عليه الرئيس الإيراني، حسن روحاني قائلاً": a person named after the
            # last statement ended is the new subject
            ended = max((q.end for q in self.quotes if sentence.start <= q.cue_span.start < cue.start), default=None)
            if ended is not None:
                later = [r for r in self.speakers.mentions_in(sentence.token_start, cue.token)
                         if r.entity.type == "PER" and r.start >= ended]
                if later:
                    return True, later[-1].entity.id
            return True, earlier[-1]
        ref = self.speakers.sentence_subject(cue.token, sentence.token_start)
        return (True, ref.entity.id) if ref else (False, None)

    def _continues_clause(self, cue: Cue, sentence: Sentence) -> bool:
        """A verb after a comma or "و" in mid-sentence, with no subject of its own."""
        if cue.token == sentence.token_start or self._after_fronted_topic(cue, sentence):
            return False
        token = self.doc.tokens[cue.token]
        conjunction = token.start < cue.start and self.doc.text[token.start] in "وف"
        return conjunction or self.doc.tokens[cue.token - 1].text in COMMA | DETACHED_CONJUNCTIONS

    def _after_fronted_topic(self, cue: Cue, sentence: Sentence) -> bool:
        """"وحول مستوى دي خيا المتذبذب، أضاف:": the sentence opens with a prepositional topic that a comma closes
        right before the verb."""
        tokens = self.doc.tokens
        commas = [k for k in range(sentence.token_start, cue.token) if tokens[k].text in COMMA]
        return commas == [cue.token - 1] and self.view.bare(sentence.token_start) in self.lexicon.fronting_prepositions

    # --- attributions without a verb ------------------------------------------------------------------------

    def _attribution(self, head: int, sentence: Sentence) -> None:
        """"بحسب X"، "وفقاً لـ X"، "نقلاً عن X": X is the speaker of the clause the phrase attaches to."""
        tokens = self.doc.tokens
        last = head + 1
        while last < sentence.token_end and last - head <= MAX_SOURCE and tokens[last].text not in _SOURCE_END:
            last += 1
        speaker = self._relayed_source(head + 1, last, sentence) or self._source(head + 1, last)
        if speaker is None:
            return
        head_token = tokens[head]
        if head == sentence.token_start:  # "ووفقاً لأسوشيتد برس، فقد نشرت ...": the clause follows
            first = last + 1
            end = self._clause_end(first, sentence)
        else:  # "...، حسب فرانس برس": the clause precedes
            first, end = sentence.token_start, head
        if first >= end or self._already_attributed(tokens[first].start, tokens[end - 1].end):
            return
        self._emit_tokens(speaker, head_token.start, head_token.end, first, end, None)

    def _relayed_source(self, first: int, last: int, sentence: Sentence) -> str | None:
        """"وفق ما نقلت وكالة الأنباء السورية (سانا) عن مصدر عسكري": the agency relays; the source after "عن"
        speaks."""
        tokens = self.doc.tokens
        k = last
        if k < sentence.token_end and tokens[k].text == "(":  # the agency's abbreviation in brackets
            k = next((j + 1 for j in range(k, min(k + MAX_SOURCE, sentence.token_end)) if tokens[j].text == ")"), k)
        relay = next((j for j in range(first, min(k + 1, sentence.token_end)) if self.view.bare(j) == "عن"), None)
        if relay is None or relay + 1 >= sentence.token_end or not any(
            cue_at(self.view, j, self.lexicon) for j in range(first, relay)
        ):
            return None
        ref = self.speakers.mention_at(relay + 1)
        if ref is not None and ref.first == relay + 1:
            return ref.entity.id
        end = next((j for j in range(relay + 1, sentence.token_end) if tokens[j].text in _SOURCE_END), sentence.token_end)
        unnamed = self.speakers.unnamed(relay + 1, end)
        return unnamed.entity.id if unnamed is not None else None

    def _source(self, first: int, last: int) -> str | None:
        if first >= last:
            return None
        # "حسب ما نقلته وكالة الأناضول": only fillers may precede the source; "وفقاً لقائمة فوربس لأغنياء الصين"
        # is sourced to a list, not to China
        refs = [
            r for r in self.speakers.mentions_in(first, last) if all(map(self._leads_to_source, range(first, r.first)))
        ]
        people = [r for r in refs if r.entity.type == "PER"]
        if people:
            return people[0].entity.id
        # "بحسب قائد «لواء الحسم»": the commander, not the brigade; "بيان صادر عن وزارة ...": the ministry
        if self.speakers.is_description(first, last) and not self.speakers.is_statement(first):
            described = self.speakers.describe(first, last, None)
            unnamed = self.speakers.described_person(first, last) if described is None else None
            return unnamed.entity.id if unnamed else described
        if refs:
            return refs[0].entity.id
        if self.view.candidates(first)[-1].enclitic in _SINGULAR_SUFFIXES:  # "حسب وصفه", "بحسب قوله": the
            return self.speakers.previous()  # previous speaker ("حسب قولهما" are two people not named as one)
        return None

    def _document_statement(self, sentence: Sentence) -> None:
        """"وجاء في بيان لوزارة الخارجية التركية أن ..."، "وجاء في صحيفة هآرتس أن ..."، 'وجاء في البيان: "..."': the
        author of the document speaks (the document alone: the last author reported "في بيان")."""
        i = sentence.token_start
        if i + 2 >= sentence.token_end or not (
            self.view.stems(i) & self.lexicon.document_verbs and self.view.bare(i + 1) == "في"
        ):
            return
        j = i + 2
        while j < min(sentence.token_end, i + 2 + MAX_SOURCE) and not (
            is_complementizer(self.view, j, self.lexicon) or self.doc.tokens[j].text == ":" or self._quotation_at(j)
        ):
            j += 1
        if j >= sentence.token_end or j == i + 2 or j == i + 2 + MAX_SOURCE:
            return  # "وجاء في المرتبة الثانية": no statement follows
        speaker = self._source(i + 2, j)
        if speaker is None and self.speakers.is_statement(i + 2) and self.statement_authors:
            speaker = self.statement_authors[-1]
        if speaker is None:
            return
        self.statement_authors.append(speaker)
        cue_start = next(c.start for c in self.view.candidates(i) if c.norm in self.lexicon.document_verbs)
        cue_end = self.doc.tokens[i].end
        after_colon = j + 1 if self.doc.tokens[j].text == ":" else j
        quotation = self._quotation_at(after_colon) if after_colon < sentence.token_end else None
        if quotation is not None and quotation.closed:
            self._emit_quotation(speaker, cue_start, cue_end, quotation, None)
        else:
            self._emit_tokens(speaker, cue_start, cue_end, after_colon, self._clause_end(after_colon, sentence), None)

    def _inside_attribution(self, cue_token: int, sentence: Sentence) -> bool:
        """The verb of "حسب ما قال" / "وفق ما ذكرت": ما right before it, an attribution head right before that."""
        k = cue_token - 1
        return (
            k - 1 >= sentence.token_start
            and self.view.bare(k) in ("ما", "لما")
            and is_attribution_head(self.view, k - 1, self.lexicon)
        )

    def _leads_to_source(self, i: int) -> bool:
        token = self.doc.tokens[i]
        if not is_word(token):
            return True
        stems = self.view.stems(i)
        if stems & self.lexicon.source_fillers or self.speakers.is_title(i):
            return True
        return cue_at(self.view, i, self.lexicon) is not None

    def _already_attributed(self, start: int, end: int) -> bool:
        """The clause already holds a statement with its own cue: the phrase names the channel, not a speaker."""
        return any(start <= q.start < end or start <= q.cue_span.start < end for q in self.quotes) or any(
            start <= q.open < end for q in self.closed_speech
        )

    # --- "فلان: ..." -----------------------------------------------------------------------------------------

    def _headline(self, sentence: Sentence) -> bool:
        """A paragraph that opens with a person's name and a colon quotes that person ("مونيكا لوينسكي: ...")."""
        p_start, p_end = self.doc.paragraphs[sentence.paragraph]
        if sentence.start != p_start:
            return False
        ref = self.speakers.mention_at(sentence.token_start)
        if ref is None or ref.entity.type != "PER" or ref.first != sentence.token_start:
            return False
        colon = ref.last + 1
        if colon >= sentence.token_end or self.doc.tokens[colon].text != ":":
            return False
        token = self.doc.tokens[colon]
        return self._emit(ref.entity.id, token.start, token.end, token.end, p_end, "direct", None) is not None


_SINGULAR_SUFFIXES = frozenset({"ه", "ها"})
_QUALIFYING_ADJECTIVES = frozenset({"الاخير", "الاخيره", "الجديد", "الجديده", "السابق", "السابقه", "المتكرر",
                                    "المتكرره", "الشهير", "الشهيره"})


def _qualifies_noun(token: Token) -> bool:
    """A definite adjective (a relative adjective in -ي/-ية, or "الأخير" and its like) after a speech noun and
    its owner qualifies the noun."""
    norm = normalize(token.text)
    return norm.startswith("ال") and (norm.endswith(("ي", "يه")) or norm in _QUALIFYING_ADJECTIVES)
