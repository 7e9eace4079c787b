"""Who is speaking: the named subject after the cue (Arabic is mostly verb–subject–object) or before it, a
description resolved by the linker, an unnamed but identifiable group, or the previous speaker of the right
gender for continuation cues ("وأضاف", "وتابع")."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from khabar.document import Document, Entity, Sentence, Span
from khabar.link import resolve_description
from khabar.quotes.cues import COMMA, TokenView, could_contain, is_word
from khabar.quotes.lexicon import QuoteLexicon, title_key
from khabar.text.tokenize import StemCandidate, is_arabic

# Prepositions that make the following name an object or a circumstance, not the subject.
_PREPOSITIONS = {"من", "عن", "مع", "الي", "علي", "في", "لدي", "امام", "خلال", "بعد", "قبل", "حول", "ضد", "بين"}
_OBJECT_PROCLITICS = {"ب", "ل", "ك"}
# "للصحفيين"، "بالتفصيل": a definite word with an attached preposition ("وكالة" is not "و" + "ك" + "الة")
_DEFINITE_OBJECTS = ("لل", "بال")
_HAMZA_ALEFS = {"أ", "إ", "آ"}
_DEMONSTRATIVES = {"هذا", "هذه"}
_SPEAKER_TYPES = ("PER", "ORG", "GPE")
_MAX_UNNAMED_MODIFIERS = 2
_THIRD_PERSON = {"ه", "ها", "هم", "هما"}
_NISBA = ("ي", "يه", "يون", "يين", "يات", "يان")
# A non-person subject may follow a generic word ("وكالة «فرانس برس»", "صحيفة «الوطن»") within this many tokens.
_ORG_SUBJECT_REACH = 3
# "جاء ذلك في بيان صادر عن X": the author comes this many tokens after the occasion's noun at most.
_RECAP_REACH = 4
# A non-person subject of a clause sits this close to the verb it follows or precedes.
_CLAUSE_SUBJECT_REACH = 2
# "وكانت المفوضية العليا المستقلة للانتخابات أعلنت": a subject between a copula and its verb is this long at most.
_MAX_SUBJECT_BEFORE = 7
# "X، الذي ...، قد قال": a relative clause between a subject and its verb is this long at most.
MAX_RELATIVE_CLAUSE = 16
# A description passed to the linker: "أول رئيس لجمهورية كازاخستان" and no more.
MAX_DESCRIPTION_WORDS = 5
# Prepositions that belong to a title: "المتحدث باسم الكرملين".
_TITLE_PREPOSITIONS = {"باسم"}
# How far after an earlier title the words qualifying a later one may be ("مندوب العمليات المشتركة في التحالف").
MAX_QUALIFIER_DISTANCE = 6
# How far after a title its holder's name may come ("مندوب العمليات المشتركة في التحالف العربي ...، العقيد بدر").
MAX_APPOSITION = 16


@dataclass(frozen=True, slots=True)
class MentionRef:
    entity: Entity
    start: int  # character offset of the mention
    first: int  # first and last token index of the mention
    last: int


class SpeakerResolver:
    """Per-document speaker resolution; remembers who spoke, with the gender of the verb that introduced them."""

    def __init__(self, doc: Document, view: TokenView, lexicon: QuoteLexicon):
        self.doc = doc
        self.view = view
        self.lexicon = lexicon
        self.history: list[tuple[str, str | None]] = []  # (entity id, gender), oldest first
        self._mention_at = self._index_mentions()
        self._titles: dict[str, list[int]] | None = None
        self._title_set: set[int] | None = None
        self._links: dict[tuple[int, int], tuple[int, bool]] = {}
        self._described: dict[int, str] = {}  # title token -> the speaker its description was resolved to

    def _index_mentions(self) -> dict[int, MentionRef]:
        starts = [t.start for t in self.doc.tokens]
        index: dict[int, MentionRef] = {}
        for entity in self.doc.entities:
            if entity.type not in _SPEAKER_TYPES:
                continue
            for mention in entity.mentions:
                first = max(bisect_right(starts, mention.start) - 1, 0)
                last = max(bisect_right(starts, mention.end - 1) - 1, first)
                if entity.type == "PER" and all(self.is_title(i) for i in range(first, last + 1)):
                    continue  # "سماحة مفتي": titles the entity layer took for a name; read as a description
                ref = MentionRef(entity, mention.start, first, last)
                for i in range(first, last + 1):
                    index.setdefault(i, ref)
        return index

    def mention_at(self, i: int) -> MentionRef | None:
        return self._mention_at.get(i)

    def remember(self, entity_id: str | None, gender: str | None) -> None:
        """`entity_id` None records a speaker who could not be identified: a later "وأضاف" is theirs, not an
        earlier speaker's."""
        self.history.append((entity_id, gender))

    def previous(self, gender: str | None = None) -> str | None:
        """The most recent speaker introduced with a verb of the same gender (or number); any when None."""
        for entity_id, g in reversed(self.history):
            if gender is None or g == gender or (gender in ("pl", "du") and self._is_group(entity_id)):
                return entity_id
        return None

    def _is_group(self, entity_id: str | None) -> bool:
        """An unnamed group ("المتظاهرون"): a plural verb may continue it whatever the verb that introduced it."""
        entity = self.doc.entity(entity_id) if entity_id else None
        return entity is not None and not entity.named and entity.type == "ORG"

    # --- names around a cue ----------------------------------------------------------------------------------

    def is_subject_position(self, ref: MentionRef, window_start: int) -> bool:
        """Not after a preposition ("من", "لـ"), not the genitive of a title ("محامي كلينتون")."""
        if self._is_prepositional(ref.first):
            return False
        if ref.first <= window_start:
            return True
        before = ref.first - 1
        if self.view.bare(before) in _PREPOSITIONS:
            return False
        return not self._is_construct_noun(before)

    def _is_prepositional(self, i: int) -> bool:
        """"بالتصدي"، "لرويترز": a word or name with an attached preposition."""
        token = self.doc.tokens[i]
        ref = self.mention_at(i)
        attached = self.doc.text[token.start : ref.start] if ref is not None and ref.first == i else token.proclitics
        return bool(set(attached) & _OBJECT_PROCLITICS)

    def _is_construct_noun(self, i: int) -> bool:
        token = self.doc.tokens[i]
        return (
            self.mention_at(i) is None
            and is_arabic(token.text)
            and not token.article
            and self.is_title(i)
        )

    def is_title(self, i: int) -> bool:
        return any(title_key(c.norm) in self.lexicon.titles for c in self.view.candidates(i))

    def _is_possessed_title(self, i: int) -> bool:
        return any(
            c.enclitic in _THIRD_PERSON and title_key(c.norm) in self.lexicon.titles for c in self.view.candidates(i)
        )

    def is_statement(self, i: int) -> bool:
        return bool(self._title_keys(i) & self.lexicon.statements)

    def organisation_anaphor(self, i: int) -> str | None:
        """ "وقالت الوزارة", "وأضافت المجلة": a definite organisation head alone stands for the nearest
        organisation named with that head before it, in its name ("وزارة الخارجية") or as its kind ('مجلة
        "لوبوان"')."""
        heads = {_unarticled(c.norm) for c in self.view.candidates(i) if c.article and not c.enclitic}
        if self.mention_at(i) is not None or not heads & self.lexicon.organisation_heads:
            return None
        token = self.doc.tokens[i]
        named = resolve_description(self.doc, token.start, token.end)
        if named is not None:
            return named
        for j in range(i - 1, 0, -1):
            ref = self.mention_at(j)
            if ref is not None and ref.first == j and ref.entity.type != "PER" and (
                self._kind_before(j) & heads or {_unarticled(c.norm) for c in self.view.candidates(j)} & heads
            ):  # 'مجلة "لوبوان"', or the head in the name: "المرصد السوري لحقوق الإنسان" for a later "المرصد"
                return ref.entity.id
        return None

    def _kind_before(self, first: int) -> set[str]:
        """The noun before a name, past an opening quotation mark: 'مجلة "لوبوان"' -> {مجله}."""
        k = first - 1
        if k > 0 and not is_word(self.doc.tokens[k]):
            k -= 1
        return self.view.stems(k) if k >= 0 else set()

    def _title_keys(self, i: int) -> set[str]:
        return {title_key(c.norm) for c in self.view.candidates(i)} & self.lexicon.titles

    def mentions_in(self, first: int, last: int) -> list[MentionRef]:
        seen: list[MentionRef] = []
        for i in range(first, last):
            ref = self.mention_at(i)
            if ref is not None and ref.first >= first and ref not in seen:
                seen.append(ref)
        return seen

    def subject_after(self, first: int, last: int) -> MentionRef | None:
        """The subject among the names in tokens [first, last): a name opening the window (verb–subject order:
        "أعلن السودان، مساء الخميس، انعقاد مباحثات بين رئيس جنوب السودان سلفاكير" is Sudan's announcement), else
        the first person."""
        refs = [r for r in self.mentions_in(first, last) if self.is_subject_position(r, first)]
        if refs and self._only_heads_before(refs[0].first, self.first_word(first, last)):
            return refs[0]
        people = [r for r in refs if r.entity.type == "PER"]
        return people[0] if people else None

    def _only_heads_before(self, mention: int, first: int) -> bool:
        """Nothing but an organisation's kind ("وكالة «فرانس برس»", "صحيفة «الوطن»") before the name: "محافظ
        مأرب" is a governor, not the province."""
        if mention - first > _ORG_SUBJECT_REACH:
            return False
        words = [i for i in range(first, mention) if is_arabic(self.doc.tokens[i].text)]
        return all(self.view.stems(i) & self.lexicon.organisation_heads for i in words)

    def is_unknown_subject(self, i: int) -> bool:
        """A content word right after the verb that no entity covers: a subject the entity layer missed."""
        token = self.doc.tokens[i]
        if not is_arabic(token.text) or self.mention_at(i) is not None:
            return False
        if self.view.bare(i).startswith(_DEFINITE_OBJECTS) or any(
            c.proclitics[-1:] in _OBJECT_PROCLITICS for c in self.view.candidates(i)[:1] if c.proclitics
        ):  # "وأضاف للصحفيين": who was spoken to
            return False
        return not (self.view.stems(i) & self.lexicon.non_subjects)

    def first_word(self, first: int, last: int) -> int:
        i = first
        while i < last and not is_arabic(self.doc.tokens[i].text) and self.mention_at(i) is None:
            i += 1
        return i

    def subject_before(self, cue: int, sentence_start: int, bare_verb: bool = False) -> MentionRef | None:
        """"وكان خان قد قال", "صحيفة كوميرسانت التي قالت": a name just before the verb, linked to it; or, before a
        verb with no conjunction, a name whose relative clause or apposition closes right before it ("إن رجل
        الأعمال زياد تقي الدين، الذي لعب دور الوسيط ...، أقر بأنه")."""
        i, linked = self._skip_links(cue, sentence_start)
        closed_aside = bare_verb and i < cue - 1 and self.doc.tokens[cue - 1].text in COMMA and i != self._aside_end(cue)
        ref = self.mention_at(i) if i >= sentence_start else None
        if ref is None or self._after_preposition(ref):  # "... رئيسا لإيران، قد أشار": not the subject
            return None  # (but "بتوتر مع مصر التي تخشى" is Egypt's: the relative pronoun follows its antecedent)
        before = ref.first - 1
        if linked or closed_aside or ref.first == sentence_start:
            return ref
        if before >= sentence_start and self.view.stems(before) & self.lexicon.copulas:
            return ref
        return None

    def _skip_links(self, cue: int, sentence_start: int) -> tuple[int, bool]:
        """Memoised: three subject tests before the same verb walk back over the same words."""
        key = (cue, sentence_start)
        if key not in self._links:
            self._links[key] = self._walk_links(cue, sentence_start)
        return self._links[key]

    def _walk_links(self, cue: int, sentence_start: int) -> tuple[int, bool]:
        """The last token of the subject before a verb, stepping back over the words that link them ("قد"،
        "التي") and asides between commas ("وكان ...، جيرار كولومب، الجمعة، قد أعلن"); and whether a link was
        among them. Not over the comma before a relative pronoun: "كازخستان، التي يقولون" has the relative's
        antecedent as the object."""
        i = cue - 1
        linked = relative = aside = False
        while i >= sentence_start:
            word = self.view.bare(i)
            if word in self.lexicon.subject_links:
                linked = True
                relative = relative or word in self.lexicon.relative_pronouns
            elif relative or not (self.doc.tokens[i].text in COMMA or word in self.lexicon.time_words):
                break
            aside = aside or self.doc.tokens[i].text in COMMA
            i -= 1
        return (self._before_relative_clause(i, sentence_start) if aside and not relative else i), linked

    def _after_preposition(self, ref: MentionRef) -> bool:
        """"لإيران"، "في السعودية": a name governed by a preposition, unless a relative pronoun follows it."""
        if ref.last + 1 < len(self.doc.tokens) and self.view.stems(ref.last + 1) & self.lexicon.relative_pronouns:
            return False
        return self._is_prepositional(ref.first) or (ref.first > 0 and self.view.bare(ref.first - 1) in _PREPOSITIONS)

    def unnamed_subject_before(self, cue: int, sentence_start: int) -> str | None:
        """"وكان مسؤول رفيع في إحدى الشركات في السعودية، قد أبلغ", "يذكر أن مسؤولا ...، كان قد أبلغ": the name
        before "قد" is governed by a preposition; the subject is the unnamed noun that opens the clause."""
        i, linked = self._skip_links(cue, sentence_start)
        ref = self.mention_at(i) if linked and i >= sentence_start else None
        if ref is None or not self._after_preposition(ref):
            return None
        openers = self.lexicon.copulas | self.lexicon.clause_particles | self.lexicon.complementizers
        k = sentence_start
        while k < ref.first and (self.view.stems(k) & openers or self.view.bare(k) in self.lexicon.impersonal):
            k += 1
        return self.unnamed(k, ref.first).entity.id if self._unnamed_head(k) is not None else None

    def _aside_end(self, cue: int) -> int:
        """The last token before the verb, past commas and time words only."""
        i = cue - 1
        while i >= 0 and (self.doc.tokens[i].text in COMMA or self.view.bare(i) in self.lexicon.time_words):
            i -= 1
        return i

    def _before_relative_clause(self, i: int, sentence_start: int) -> int:
        """"وكان المستشار النمساوي زيباستيان كورتس، الذي يرأس ائتلافا ...، قد قال", "وكان العميد صقر الجروشي، قائد
        سلاح الجو الليبي، قد أعلن": the aside was a relative clause or an apposition, and the subject is before the
        comma that opens it."""
        for k in range(i, max(sentence_start + 1, i - MAX_RELATIVE_CLAUSE), -1):
            opens_aside = self.view.stems(k) & self.lexicon.relative_pronouns or self.is_title(k)
            if opens_aside and self.doc.tokens[k - 1].text in COMMA:
                return k - 2
        return i

    def unknown_subject_before(self, cue: int, sentence_start: int) -> bool:
        """"وكان الملك عبد الله قد حذر", "وكانت المفوضية العليا ... أعلنت" with no entity for the subject: the verb
        has a subject, just not a known one."""
        i, linked = self._skip_links(cue, sentence_start)
        if linked and self.is_mark(i):
            # 'وكانت «مجموعة العمل من أجل فلسطينيي سوريا» قد بينت': a quoted name no entity starts
            opening = next((k for k in range(i - 1, sentence_start - 1, -1) if self.is_mark(k)), None)
            return opening is not None and self.mention_at(opening + 1) is None
        if linked:
            return i >= sentence_start and self.mention_at(i) is None and self.is_unknown_subject(i)
        copula = next((k for k in range(cue - 1, max(sentence_start, cue - _MAX_SUBJECT_BEFORE) - 1, -1)
                       if self.view.stems(k) & self.lexicon.copulas), None)
        if copula is None or copula + 1 >= cue:
            return False
        between = range(copula + 1, cue)
        return all(self.mention_at(k) is None for k in between) and self.is_unknown_subject(copula + 1)

    def is_mark(self, i: int) -> bool:
        text = self.doc.tokens[i].text
        return any(pattern.fullmatch(text) for pattern in self.lexicon.mark_patterns)

    def phrase_before(self, cue: int, sentence_start: int) -> int | None:
        """Where a noun phrase ending right before the verb starts, when it opens its clause (at the start of the
        sentence or after "أن"/a particle): the verb's subject in subject–verb order. None otherwise."""
        # a person's name right before the verb does not count: "أن مدير المخابرات العسكرية الليبية السابق عبد الله
        # السنوسي أكد"
        name = self.mention_at(cue - 1)
        end = name.first if name is not None and name.entity.type == "PER" and name.last == cue - 1 else cue
        k = cue - 1
        while k >= sentence_start and end - k <= _MAX_SUBJECT_BEFORE:
            token = self.doc.tokens[k]
            boundary = self.view.stems(k) & (self.lexicon.complementizers | self.lexicon.clause_particles)
            if boundary or (not is_arabic(token.text) and self.mention_at(k) is None):
                break
            k -= 1
        else:
            if k >= sentence_start:
                return None  # too long to be a subject
        first = k + 1
        if first >= cue:
            return None
        if self.mention_at(first) is not None:
            return first if self.is_subject_position(self.mention_at(first), first) else None
        return first if self.is_unknown_subject(first) else None

    def phrase_speaker(self, first: int, cue: int, gender: str | None) -> str | None:
        """The speaker a subject phrase names: its name, the holder of its title, or nobody known."""
        ref = self.mention_at(first)
        if ref is not None:
            return ref.entity.id
        last = self.mention_at(cue - 1)
        if (last is not None and last.entity.type == "PER" and last.last == cue - 1 and self.is_title(first)
                and not any(self.view.bare(k) in _PREPOSITIONS for k in range(first, last.first))):
            return last.entity.id  # the name a description ends with, right before the verb
        for k in range(first, cue):
            if self.is_title(k):
                return self.describe(k, cue, gender)
        return None

    def sentence_subject(self, cue: int, sentence_start: int) -> MentionRef | None:
        """The subject of the clause a participle hangs on: the sentence's first person, else a name right after
        its opening verb ("وأعلنت روسيا ..."), not one deep in the clause ("... في ألمانيا، قائلاً")."""
        if self.recaps_previous(sentence_start):
            return None
        refs = [r for r in self.mentions_in(sentence_start, cue) if self.is_subject_position(r, sentence_start)]
        people = [r for r in refs if r.entity.type == "PER"]
        if people:
            return people[0]
        return refs[0] if refs and self._opens_clause(refs[0], sentence_start) else None

    def recaps_previous(self, sentence_start: int) -> bool:
        """"جاء ذلك في ...", "ويأتي ذلك خلال ...": the sentence sets the previous statement in its occasion, so the
        names in it are the setting, not the subject."""
        tokens = self.doc.tokens
        i = sentence_start
        if i + 1 >= len(tokens) or tokens[i + 1].sentence != tokens[i].sentence:
            return False
        return bool(self.view.stems(i) & self.lexicon.recap_verbs) and self.view.bare(i + 1) == "ذلك"

    def recap_author(self, sentence: Sentence) -> MentionRef | None:
        """"جاء ذلك في مقابلة لساندرز مع CNN"، "جاء ذلك في بيان صادر عن وزارة الخارجية": the author of the
        occasion the recap names, the first name after it when "لـ" or "عن" attaches it."""
        start = sentence.token_start
        if not self.recaps_previous(start):
            return None
        for k in range(start + 3, min(start + 3 + _RECAP_REACH, sentence.token_end)):
            ref = self.mention_at(k)
            if ref is None or ref.first != k:
                continue
            token = self.doc.tokens[k]
            if "ل" in self.doc.text[token.start : ref.start] or self.view.bare(k - 1) == "عن":
                return ref
            return None
        return None

    def _opens_clause(self, ref: MentionRef, sentence_start: int) -> bool:
        """Only the verb, a conjunction or a kind of organisation before the name: "وانضمت صحيفة «فايننشال تايمز»"."""
        words = [
            i for i in range(sentence_start, ref.first)
            if is_arabic(self.doc.tokens[i].text) and not self.view.stems(i) & self.lexicon.organisation_heads
        ]
        return len(words) <= _CLAUSE_SUBJECT_REACH

    def opening_unnamed(self, sentence_start: int, cue: int) -> str | None:
        """An unnamed subject right after the sentence's opening verb ("وقلل دبلوماسي غربي ...")."""
        for i in range(sentence_start, min(sentence_start + _CLAUSE_SUBJECT_REACH + 1, cue)):
            if self._unnamed_head(i) is not None:
                return self.unnamed(i, cue).entity.id
        return None

    def nearest_before(self, cue: int, sentence_start: int) -> MentionRef | None:
        """The name before a verbal noun: the closest person ("على لسان أبو ردينة قوله", "روحاني رد بالقول"), else
        a name just before it."""
        refs = self.mentions_in(sentence_start, cue)
        people = [r for r in refs if r.entity.type == "PER"]
        if people:
            return people[-1]
        near = refs[-1] if refs and cue - refs[-1].last <= _CLAUSE_SUBJECT_REACH else None
        return near if near is not None and self.is_subject_position(near, near.first - 1) else None

    def source_after(self, first: int, last: int, prepositions: frozenset[str]) -> MentionRef | None:
        """"نقلت الوكالة عن فلان": the name after the source preposition."""
        for i in range(first, last - 1):
            if self.view.bare(i) in prepositions:
                return self.mention_at(i + 1)
        return None

    def relayed_statement(self, first: int, last: int) -> str | None:
        """The author of a statement a verb relays ("نقلت الوكالة البيان"), when the article named it."""
        for i in range(first, last):
            if self._title_keys(i) & self.lexicon.statements:
                return self._named_earlier(i, i + 1)
        return None

    # --- descriptions and unnamed speakers ------------------------------------------------------------------

    def is_description(self, first: int, last: int) -> bool:
        """A title, or a word and a title ("أول رئيس"), opens the window: "في بيان" is a circumstance."""
        if self.view.stems(first) & self.lexicon.non_subjects:
            return False
        return any(self.is_title(i) for i in range(first, min(first + 2, last)))

    def describe(self, first: int, last: int, gender: str | None) -> str | None:
        """A title or description ("أول رئيس لكازاخستان", "المتحدث باسم الكرملين") as a speaker."""
        speaker = self._describe(first, last, gender)
        if speaker is not None:
            self._described[first] = speaker
        return speaker

    def _describe(self, first: int, last: int, gender: str | None) -> str | None:
        end = self.description_end(first, last)
        tokens = self.doc.tokens
        entity_id = resolve_description(self.doc, tokens[first].start, tokens[end - 1].end)
        if entity_id:
            return entity_id
        if self._is_possessed_title(first):  # "سماحته": "his eminence", the previous speaker
            return self.previous(gender) or self.previous()
        named = self._named_earlier(first, end)
        if named is not None:
            return named
        author = self.mention_at(end) if end < last and self.is_statement(first) else None
        if author is not None and author.first == end and self._is_prepositional(end) and author.entity.type != "PER":
            return author.entity.id  # "تقرير جديد للأمم المتحدة": the statement's author after "لـ"
        organisations = [r for r in self.mentions_in(first, end) if r.entity.type != "PER"]
        if self._title_keys(first) & self.lexicon.spokespeople and organisations:
            return organisations[0].entity.id
        return None  # "مفتي عام المملكة" is not the kingdom, "محامي كلينتون" not Clinton

    def anaphoric_person(self, first: int, last: int) -> str | None:
        """A description with no title word that refers back: "وقال هذا القس" is the person named right after
        "القس" earlier ("القس روبرت جيفرز"); "وقال اللاعب الألماني" the person "الألماني" stood beside ("الألماني
        إيلكاي غندوغان"). None when no earlier name fits."""
        if first + 1 >= last or self.mention_at(first + 1) is not None or not self.doc.tokens[first + 1].article:
            return None
        if self.view.bare(first) in _DEMONSTRATIVES:
            key = first + 1
        elif self.doc.tokens[first].article and self.mention_at(first) is None and self.is_nisba(first + 1):
            key = first + 1
        else:
            return None
        word = _unarticled(self.view.bare(key))
        for k in range(first - 1, -1, -1):
            bare = self.view.bare(k)
            if word not in bare or (_unarticled(bare) != word and word not in {_unarticled(s) for s in self.view.stems(k)}):
                continue  # (the substring test first: this walks back over the whole article)
            for ref in (self.mention_at(k + 1), self.mention_at(k - 1) if k > 0 else None):
                if ref is not None and ref.entity.type == "PER" and (ref.first == k + 1 or ref.last == k - 1):
                    return ref.entity.id
        return None

    def described_person(self, first: int, last: int) -> MentionRef | None:
        """A specific description whose holder the article does not name ("رئيس البرلمان العراقي", "وزير الخارجية
        الأردني": a person's title qualified by a name or a relational adjective), as an unnamed speaker."""
        end = self.description_end(first, last)
        if self._title_keys(first) & self.lexicon.impersonal_titles or not any(
            self.mention_at(j) is not None or self.is_nisba(j) for j in range(first + 1, end)
        ):
            return None
        span = self.doc.span(self.doc.tokens[first].start, self.doc.tokens[end - 1].end)
        return MentionRef(self.unnamed_entity(span, "PER"), span.start, first, end - 1)

    def description_end(self, first: int, last: int) -> int:
        """The description is the title and its genitives and adjectives, at most a few words: "أول رئيس لجمهورية
        كازاخستان"، "المتحدث باسم الكرملين"، "رئيس الوزراء البريطاني"; it ends where the verb's complement or
        content starts ("الرئيس المصري ردا على"، "الأمين العام للأمم المتحدة الأوضاع"، "مسؤول إيراني لرويترز")."""
        end = first + 1
        definite = self._is_definite(first)
        while end < last and end - first < MAX_DESCRIPTION_WORDS:
            token = self.doc.tokens[end]
            ref = self.mention_at(end)
            if self.view.bare(end) in _TITLE_PREPOSITIONS:  # "المتحدث باسم منظمة ...": a new genitive chain
                definite = False
                end += 1
                continue
            if self.view.stems(end) & (_PREPOSITIONS | self.lexicon.complementizers):  # also "عنها"، "فإن"
                break
            if ref is None and self.is_mark(end) and self.mention_at(end + 1) is not None:
                end += 1  # 'متحدثة باسم "فيسبوك"': a quoted name goes on with the description
                continue
            if ref is None and (not is_arabic(token.text) or self._ends_description(end, definite)):
                break
            if self.view.stems(end) & self.lexicon.subject_links:  # "البيان الذي جاء فيه", "والتي"
                break
            # "بالتصدي": a prepositional phrase ends it, unless it is a name ("للأمم المتحدة"); after an adjective
            # even a name is the addressee ("مسؤول إيراني لرويترز")
            if self._is_prepositional(end) and (ref is None or self._is_addressee(end)):
                break
            # after a name only its adjectives: "الأمين العام للأمم المتحدة الأوضاع" has the verb's object next
            if ref is None and self._is_name(end - 1) and not self.is_nisba(end):
                break
            definite = definite or self._is_definite(end)
            end += 1
        return end

    def _is_addressee(self, i: int) -> bool:
        """"مسؤول إيراني لرويترز": a name with "لـ" after an adjective is who was spoken to ("المتحدث الأمني بوزارة
        الداخلية" is where the spokesman works)."""
        token = self.doc.tokens[i]
        ref = self.mention_at(i)
        attached = self.doc.text[token.start : ref.start] if ref is not None and ref.first == i else token.proclitics
        return "ل" in attached and self.is_nisba(i - 1)

    def _ends_description(self, i: int, after_definite: bool) -> bool:
        """A word no description goes on with: a time word or adverb ("الجمعة"، "أمس"); an indefinite accusative,
        circumstantial ("ردا"، "مجددا"); or, after a definite word, an indefinite one (adjectives and genitives
        there are definite)."""
        if self.view.bare(i) in self.lexicon.non_subjects:
            return True
        return not self._is_definite(i) and (after_definite or self.view.bare(i).endswith("ا"))

    def _is_definite(self, i: int) -> bool:
        token = self.doc.tokens[i]
        # "ألماني" is not "ال" + "ماني": an article is written without a hamza
        article = token.article and not set(token.text[: len(token.proclitics) + 1]) & _HAMZA_ALEFS
        return article or bool(token.enclitic) or self._is_name(i)

    def _is_name(self, i: int) -> bool:
        """A name: not an adjective the entity layer tagged ("مسؤول عسكري ألماني كبير"), not an unnamed speaker."""
        ref = self.mention_at(i)
        return ref is not None and ref.entity.named and not self.is_nisba(i)

    def is_nisba(self, i: int) -> bool:
        """A relational adjective ("الإيراني"، "كوري"): a stem of three letters or more before the ending ("بيان" is
        not one)."""
        word = _unarticled(self.view.bare(i))
        return any(word.endswith(ending) and len(word) - len(ending) >= 3 for ending in _NISBA)

    def _named_earlier(self, title: int, end: int) -> str | None:
        """The name that followed the same title earlier in the article: "مندوب ..., العقيد بدر بن ناصر" makes
        a later "مندوب التحالف" Badr bin Nasser; "بيان للديوان الملكي" makes "البيان" the Royal Court."""
        keys = self._title_keys(title)
        qualifiers = self._qualifiers(title + 1, end)
        earlier = {i for key in keys for i in self._title_positions().get(key, []) if i < title}
        for i in sorted(earlier, reverse=True):
            sentence_end = self.doc.sentences[self.doc.tokens[i].sentence].token_end
            around = set().union(*self._qualifiers(i + 1, min(i + 1 + MAX_QUALIFIER_DISTANCE, sentence_end)))
            if not all(word & around for word in qualifiers):
                continue  # "مدير جمعية الثقافة" is not the "مدير" named before
            if i in self._described:  # "وقالت المتحدثة في تصريحات نقلتها صحيفة غارديان" spoke: the same speaker
                return self._described[i]
            refs = [
                ref
                for j in range(i + 1, min(i + MAX_APPOSITION, sentence_end))
                if (ref := self.mention_at(j)) is not None and ref.first == j and self._is_apposition(j, i)
                and not self._other_title_between(i, j)
            ]
            people = [r for r in refs if r.entity.type == "PER"]
            if people:
                return people[0].entity.id
            # "هاني تهامي، مدير أعمال الفنان"; not when the later title is qualified further than its description
            # can tell ("رئيس لجنة التدقيق في بنك باركليز" is not "سارة هوج، رئيسة لجنة التدقيق في شركة ...")
            further = end < len(self.doc.tokens) and self.view.bare(end) in _PREPOSITIONS
            if not further and (named := self._person_before_title(i)) is not None:
                return named.entity.id
            if refs and keys & self.lexicon.spokespeople and not self._annexed(i):
                return refs[0].entity.id  # a statement or a spokesperson may stand for a body
        return None

    def _annexed(self, title: int) -> bool:
        """"تقرير المراجعة الثالثة للبرنامج الاقتصادي لمصر": an indefinite title before a definite noun is annexed
        to it, and a later "لـ" qualifies that noun, not the title: Egypt is no author of the report."""
        k = title + 1
        return (
            k < len(self.doc.tokens)
            and not self.doc.tokens[title].article
            and self.doc.tokens[k].article
            and self.mention_at(k) is None
            and not self._is_prepositional(k)
        )

    def _qualifiers(self, first: int, last: int) -> list[set[str]]:
        """The words that qualify a title ("التحالف" in "مندوب التحالف"), each as its possible stems."""
        return [
            {_unarticled(c.norm) for c in self.view.candidates(i)}
            for i in range(first, last)
            if is_arabic(self.doc.tokens[i].text)
        ]

    def _title_positions(self) -> dict[str, list[int]]:
        """Token indices of every title in the document, by title key (built on first use)."""
        if self._titles is None:
            self._titles = {}
            for i, token in enumerate(self.doc.tokens):
                if could_contain(token.text, self.lexicon.titles):
                    for key in self._title_keys(i):
                        self._titles.setdefault(key, []).append(i)
        return self._titles

    def _person_before_title(self, title: int) -> MentionRef | None:
        """"هاني تهامي، مدير أعمال الفنان": a person named right before the title, the title in apposition ("وليام
        كوهين، ورئيس هيئة الأركان" coordinates two people)."""
        if any(c.proclitics.startswith("و") and title_key(c.norm) in self.lexicon.titles
               for c in self.view.candidates(title)):
            return None
        k = title - 1
        if k >= 0 and self.doc.tokens[k].text in COMMA:
            k -= 1
        ref = self.mention_at(k) if k >= 0 else None
        return ref if ref is not None and ref.last == k and ref.entity.type == "PER" else None

    def _other_title_between(self, title: int, j: int) -> bool:
        """A name after an adverbial phrase and a new title is that title's: in "الرئيس اليمني خلال لقائه أمس مبعوث
        الأمين العام ... إسماعيل ولد الشيخ" the name is the envoy's. Stacked titles ("مفتي عام المملكة رئيس هيئة كبار
        العلماء الشيخ ...") and a rank right before the name ("مندوب التحالف في المنطقة، العقيد بدر") are one chain."""
        titles = self._title_position_set()
        broken = False
        for k in range(self.description_end(title, j), j - 1):
            if self.view.bare(k) in self.lexicon.non_subjects:
                broken = True
            elif broken and k in titles:
                return True
        return False

    def _title_position_set(self) -> set[int]:
        if self._title_set is None:
            self._title_set = {i for positions in self._title_positions().values() for i in positions}
        return self._title_set

    def _is_apposition(self, j: int, title: int) -> bool:
        """A name that follows its title as an apposition, not as a genitive ("محامي كلينتون")."""
        before = self.doc.tokens[j - 1]
        return j - 1 == title or before.text in COMMA or before.article or not is_arabic(before.text)

    def unnamed(self, first: int, last: int) -> MentionRef | None:
        """"مصدر أمني", "القادة الثلاثة", "وسائل إعلام روسية", "العديد من وسائل الإعلام": an unnamed speaker, added
        as an entity."""
        start = first
        if self.view.bare(first) in self.lexicon.quantifiers and first + 1 < last:
            first += 2 if self.view.bare(first + 1) == "من" else 1
        head = self._unnamed_head(first, genitive=start < first) if first < last else None
        if head is None:
            return None
        end = first + 1
        definite = head.article or head.norm.startswith("ال")
        while end < last and end - first <= _MAX_UNNAMED_MODIFIERS and self._is_modifier(end, definite):
            definite = definite or self.doc.tokens[end].article
            end += 1
        span = self.doc.span(self.doc.tokens[start].start if start < first else head.start, self.doc.tokens[end - 1].end)
        entity = self.unnamed_entity(span, self._unnamed_type(head.norm, genitive=start < first))
        return MentionRef(entity, span.start, start, end - 1)

    def group_before(self, cue: int, sentence_start: int) -> str | None:
        """A plural or dual verb with no subject continues the group named earlier in its sentence: "وينتقد
        المحتجون ...، ويقولون إن"، "ووقع الزعيمان بيانا ...، وتعهدا بـ"."""
        for i in range(cue - 1, sentence_start - 1, -1):
            if self._unnamed_head(i) is not None:
                return self.unnamed(i, cue).entity.id
        return None

    def _unnamed_head(self, i: int, genitive: bool = False) -> StemCandidate | None:
        """An unnamed speaker noun; after a quantifier its sound plural is genitive ("عدد من المسؤولين")."""
        return next((c for c in self.view.candidates(i) if self._unnamed_type(c.norm, genitive)), None)

    def _unnamed_type(self, norm: str, genitive: bool = False) -> str | None:
        word = _unarticled(norm)
        if genitive and word.endswith("ين"):
            word = word[:-2] + "ون"
        return self.lexicon.unnamed.get(word) or (self.lexicon.unnamed.get(_unarticled(norm)) if genitive else None)

    def _is_modifier(self, i: int, after_definite: bool) -> bool:
        """An adjective or genitive after an unnamed noun: "مصدر أمني", "القادة الثلاثة", "مشرفة السكن". After a
        definite word only a nisba adjective or a numeral: "المحتجون القرارات" is a verb's subject and object."""
        token = self.doc.tokens[i]
        if not is_arabic(token.text) or self.mention_at(i) is not None or token.proclitics or len(token.norm) < 2:
            return False
        if token.norm in _PREPOSITIONS or self.view.stems(i) & self.lexicon.complementizers:
            return False
        if after_definite:
            return token.norm.startswith("ال") and (token.norm.endswith(_NISBA) or token.norm in self.lexicon.numerals)
        return True

    def unnamed_entity(self, span: Span, etype: str) -> Entity:
        for entity in self.doc.entities:
            if not entity.named and entity.name == span.text:
                if span not in entity.mentions:
                    entity.mentions.append(span)
                return entity
        entity_id = f"unnamed-{len(self.doc.entities) + 1}"
        entity = Entity(id=entity_id, type=etype, name=span.text, mentions=[span], named=False)
        self.doc.entities.append(entity)
        return entity


def _unarticled(norm: str) -> str:
    return norm[2:] if norm.startswith("ال") else norm
