"""The event coder: triggers → PLOVER type with CAMEO code, modality, arguments, date → `doc.events`."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace

import re

from khabar.dates import event_date
from khabar.document import Document, Event, Sentence, Span, Token
from khabar.events.actors import UnnamedActors, attach, clitic_stems
from khabar.events.arguments import (CLAUSE_STOPS, OBJECT_PRONOUNS, TITLE_HEADS, Arguments, MentionIndex,
                                     as_preposition, circumstantial, find_arguments, possessor)
from khabar.events.cameo import lookup
from khabar.events.collectives import Collectives
from khabar.events.demonyms import is_country, is_place
from khabar.events.lexicon import COMMAS, TriggerLexicon, TriggerMatch, load_data, load_lexicon
from khabar.events.magnitudes import Count, MagnitudeReader
from khabar.events.modality import Modality, ModalityReader
from khabar.events.specificity import SpecificityModel
from khabar.events.topics import TopicReader
from khabar.text import normalize

# a governing verb ("دعا إلى اجتماع", "رفض الإفراج", "تعهد بإجراء محادثات") absorbs the triggers it governs
GOVERNED_WINDOW = 6
# "ودعا لافروف، أثناء زيارته إلى بيونغيانغ، زعيم كوريا الشمالية كيم جونغ أون إلى زيارة روسيا": the noun after
# "إلى" is what is called for, past the addressee's name and an aside
GOVERNED_COMPLEMENT_WINDOW = 16
TO = normalize("إلى")
SAME_EVENT_WINDOW = 4
SUBJECT_LEAD = 2  # words before a verb's subject ("أي من")
LIST_WORDS = frozenset(normalize(w) for w in ("و", "أو"))
NUMBERS = frozenset(normalize(w) for w in (
    "اثنان اثنين ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة عشرات العشرات مئات المئات آلاف الآلاف نحو حوالي "
    "قرابة زهاء أكثر شخص شخصا شخصان شخصين").split())
SYMMETRIC_TYPES = frozenset({"CONSULT"})  # a meeting's sides may be told either way round
STATE_ACTS = frozenset({"SANCTION", "COERCE"})  # passive, with no agent named: the state's doing
STATEMENT_TYPES = frozenset({"AGREE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
JUDGING_TYPES = frozenset({"ACCUSE", "SUPPORT"})  # blame and praise, whose object is someone else's deed
# nouns whose possessive suffix is their doer ("ومحادثاته مع نظيره", "تضامنه مع قبرص": with someone)
JOINT_DEEDS = frozenset({"CONSULT", "COOPERATE", "AGREE", "SUPPORT"})
WITH = normalize("مع")
BROUGHT_TOGETHER = normalize("جمع")  # "لقاء جمعه بنظيره": the meeting that brought him together with
GRIEVANCES = frozenset({"ACCUSE", "REJECT", "REQUEST"})  # what protesters say against whom they protest
INQUIRIES = frozenset({"investigate"})  # made by investigators, not by whoever speaks of them
CRITICISING = frozenset({"ACCUSE", "REJECT"})  # a cue whose content is what the speaker finds fault with
CRITICISED_HEAD = 1  # the content's first word, after a preposition at most ("من المطالبة")
# "لي", "معي" ... ("إليّ" is left out: written without its shadda it is "إلى")
FIRST_PERSON_OBJECTS = frozenset(normalize(w) for w in "لي معي ضدي عني بحقي".split())
FIRST_PERSON_WINDOW = 8
CONJUNCTIONS = frozenset(normalize(w) for w in ("كما", "ثم"))  # a verb after them shares the last subject
DISCOURSE_SENTENCES = 1  # how far back the actor of a dropped subject is looked for
CALENDAR_VALUE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
# words that are prepositions before a noun but may stand before a verb: "من" (who), "حتى" (until), "منذ"
VERB_AFTER = frozenset({None} | {normalize(w) for w in ("من", "حتى", "منذ")})
NOMINAL_CONTEXT = frozenset(normalize(w) for w in load_data("nominal_context.yaml")["construct_heads"])
DOCUMENT_HEADS = frozenset(normalize(w) for w in load_data("nominal_context.yaml")["document_heads"])


@dataclass(frozen=True, slots=True)
class Detection:
    """A coded trigger before its arguments are found."""

    sentence: int
    match: TriggerMatch
    type: str
    cameo: str | None
    modality: Modality

    @property
    def asserted(self) -> bool:
        """Reported as having happened: neither negated nor future, intended or hypothetical."""
        return not self.modality.negated and self.modality.modality is None


class EventCoder:
    name = "events"

    def __init__(self, lexicon: TriggerLexicon | None = None, keep_unattributed: bool = False,
                 specificity: bool = False):
        self.lexicon = lexicon or load_lexicon()
        self.modality = ModalityReader()
        self.unnamed = UnnamedActors()
        self.collectives = Collectives()
        self.magnitudes = MagnitudeReader()
        self.evidence = EvidenceCutter(load_data("evidence.yaml"))
        conversions = load_data("modality.yaml")
        self.promise_as_agree: dict[str, str] = conversions["promise_as_agree"]
        self.threat_as_threaten: dict[str, str] = conversions["threat_as_threaten"]
        # an event with no actor cannot be matched to anything; sentence-level evaluation keeps them
        self.keep_unattributed = keep_unattributed
        # drop attacks and protests mentioned in passing (condemned, referred back to): the model is learnt on
        # GSR sentences and costs recall on whole articles, so the pipeline leaves it off (docs/events.md)
        self.specificity = SpecificityModel() if specificity else None
        self.definite_refers_back = frozenset(conversions["definite_refers_back"])
        self.definite_repeats = frozenset(conversions["definite_repeats"])
        self.topics = TopicReader()
        self.reporters = frozenset(normalize(w) for w in load_data("actors.yaml")["reporters"])

    def detect(self, doc: Document) -> list[Detection]:
        """Every coded trigger of the document, in text order, with its type after modality conversion."""
        out = []
        named = _in_names(doc)
        field_types = self.topics.not_events(doc)  # "اللقاء" in a football report is the match
        for number, sentence in enumerate(doc.sentences):
            matches = [m for m in self.lexicon.match(doc.tokens, sentence.token_start, sentence.token_end)
                       if m.token not in named and m.trigger.type not in field_types]
            found = []
            matches = _best_per_token(_nouns_in_nominal_context(doc, self.lexicon, matches))
            for match in _one_per_mention(doc, _ungoverned(doc, matches, named)):
                modality = self.modality.read(doc.tokens, match.token, sentence.token_start, match.proclitics,
                                              match.end_token, sentence.token_end)
                coded = self._convert(match, modality)
                if coded:
                    found.append(Detection(number, match, coded[0], coded[1], modality))
            out += self._specific(doc, sentence, [d for d in found if not self._refers_back(doc, d)
                                                  and not _names_a_document(doc, d.match)])
        return out

    def _refers_back(self, doc: Document, det: Detection) -> bool:
        """"الهجوم", "الاحتجاجات": a definite noun names an attack or protest told before, not a new one."""
        return det.type in self.definite_refers_back and self._definite_noun(doc, det)

    def _told_again(self, doc: Document, det: Detection) -> bool:
        """"وخلال الاجتماع" after a meeting was coded: the definite noun is that meeting again."""
        return (det.type in self.definite_repeats and any(e.type == det.type for e in doc.events)
                and self._definite_noun(doc, det))

    def _definite_noun(self, doc: Document, det: Detection) -> bool:
        word = normalize(doc.tokens[det.match.token].text)[len(det.match.proclitics):]
        return det.match.trigger.pos == "noun" and word.startswith("ال")

    def _specific(self, doc: Document, sentence: Sentence, found: list[Detection]) -> list[Detection]:
        """The detections of a sentence less the reported attacks and protests it only mentions in passing."""
        if self.specificity is None:
            return found
        passing = set()
        for ptype in self.specificity.types:
            reported = [d.match for d in found if d.type == ptype and d.asserted]
            if reported and not self.specificity.specific(doc, sentence, ptype, reported):
                passing.add(ptype)
        return [d for d in found if not (d.type in passing and d.asserted)]

    def _convert(self, match: TriggerMatch, modality: Modality) -> tuple[str, str | None] | None:
        ptype, cameo = match.trigger.type, match.trigger.cameo
        if modality.modality in ("hypothetical", "expected"):
            return None
        if modality.modality in ("future", "intention") and not modality.negated:
            if ptype in self.promise_as_agree:
                return "AGREE", self.promise_as_agree[ptype]
            if ptype in self.threat_as_threaten:
                return "THREATEN", self.threat_as_threaten[ptype]
        return ptype, cameo  # a called strike or an announced protest is coded as the protest

    def __call__(self, doc: Document) -> None:
        unnamed = self.unnamed.find(doc)
        index = MentionIndex(doc, unnamed)
        previous: tuple[int, Event | None] = (-DISCOURSE_SENTENCES - 1, None)  # the last event and its sentence
        counts: dict[int, list[Count]] = {}  # per sentence, read when an event needs them
        for det in self.detect(doc):
            recent = det.sentence - previous[0] <= DISCOURSE_SENTENCES
            fallback = self.unnamed.default_actor(doc, unnamed, det.type)
            event = self._event(doc, index, det, previous[1] if recent else None, fallback)
            # "أقيل من منصبه ... وسجن": a verb whose subject is unknown leaves none to the verb conjoined to it; a
            # noun opens no clause ("ووقع الزعيمان بيانا ... القمة ... وتعهدا")
            if event is not None or det.match.trigger.pos == "verb":
                previous = (det.sentence, event)
            if event is None or self._told_again(doc, det):
                continue
            if det.sentence not in counts:
                sentence = doc.sentences[det.sentence]
                counts[det.sentence] = self.magnitudes.counts(doc.tokens, sentence.token_start, sentence.token_end)
            event.magnitudes = self.magnitudes.for_event(counts[det.sentence], event.type, det.match.token)
            for told in [event] + _other_side(index, det, event):
                earlier = _reported_before(doc.events, told)
                if earlier is None:
                    doc.events.append(told)
                else:
                    earlier.recipients = [r for r in dict.fromkeys(earlier.recipients + told.recipients)
                                          if r not in earlier.actors]
                    earlier.magnitudes = {**told.magnitudes, **earlier.magnitudes}
        _address_grievances(doc.events)
        used = {i for e in doc.events for i in e.actors + e.recipients}
        for span, entity in unnamed.items():
            if entity.id in used:
                attach(doc, entity, span)

    def _event(self, doc: Document, index: MentionIndex, det: Detection, last: Event | None,
               fallback: tuple[str, ...] = ()) -> Event | None:
        """The event of a detection; `last`, the last event in this sentence or the one before, gives its actors
        to the dropped subject of a verb ("وأجرى اتصالات ..." after a sentence about the same king), and its
        parties to an agreement reached with no agent ("... وتم الاتفاق على" after a meeting)."""
        sentence = doc.sentences[det.sentence]
        match = det.match
        args = find_arguments(index, doc.tokens, match.token, match.end_token,
                              (sentence.token_start, sentence.token_end), match.trigger.pos, det.type,
                              match.proclitics, match.trigger.passive or _victims_follow(doc, match),
                              match.trigger.mode, _object_suffix(self.lexicon, doc, match),
                              match.trigger.objective_genitive, match.trigger.subjectless)
        actors, recipients = args.actors, args.recipients
        if _object_of_conjoined_verb(doc, match, last, sentence, args):
            # "زار بوتين القاهرة، والتقى الرئيس المصري عبد الفتاح السيسي": Putin met Sisi
            actors, recipients = list(last.actors), args.actors
        if _first_person_plural(self.lexicon, doc.tokens[match.token], match):
            if det.modality.negated:
                # "لم ننسحب", "لن نستسلم": a speaker's denial of his own deed is a statement about it, not the deed
                return None
            # "نشكر ونحترم بغداد", "نحث قطر على": "we" is the quote's speaker; the name after the verb its object
            speaker = _quote_speaker(doc, doc.tokens[match.token])
            actors, recipients = speaker, [e for e in dict.fromkeys(actors + recipients) if e not in speaker]
        if not actors and det.type == "AGREE" and last is not None and last.type == "CONSULT":
            actors = [a for a in last.actors + last.recipients if a not in recipients]
        if not recipients and actors:
            # "الدعم الذي يبديه الأمير محمد لي شخصيا": "me" in a quote is its speaker
            recipients = [r for r in _speaker_as_object(doc, match, sentence) if r not in actors]
        if det.type in STATEMENT_TYPES and circumstantial(doc.tokens[match.token]):
            # "وأكد الحجوري أن "..."، داعيا ...": the speaker the quotes layer gives the participle, when it has one
            actors = [a for a in _quote_speaker(doc, doc.tokens[match.token]) if a not in recipients] or actors
        if (not actors and det.type in STATEMENT_TYPES and match.trigger.mode not in INQUIRIES
                and not (match.trigger.objective_genitive and recipients)  # "إن اتهام روسيا": he discusses it
                and not args.pronoun_subject and not _doer_described(doc, match)
                and not self._criticised(doc, match.token)):
            # a statement inside a quote, or the speech act that cues it ("ودعا الدول الأوروبية إلى"), is the
            # speaker's; an attack a speaker reports is not his, nor an investigation, nor what he criticises, nor
            # a statement whose subject is a pronoun for someone else ("ادعت فيه أنه هددها") or a person described
            # ("مطالبة محامي السفارة"); a plural verb ("إن الحوثيين قد رفضوا") is no one person's
            plural = _plural_verb(doc.tokens[match.token], match)
            actors = [a for a in _quote_speaker(doc, doc.tokens[match.token]) if a not in recipients
                      and not (plural and doc.entity(a).type == "PER")]
        if not actors and match.trigger.pos == "verb" and not args.own_subject and _conjoined(doc, match):
            # "وأجرى اتصالات", "كما وعد": the dropped subject of a conjoined verb; a verb opening its sentence with no
            # subject that is an entity ("في غضون ذلك انفجرت عبوة") is not the last actor's doing
            # ... nor is an attack told after a condemnation or praise ("أدانت X الهجوم ... مما أدى إلى مقتل ...
            # وجرح عدد") the judge's
            judged = last is not None and last.type in JUDGING_TYPES and det.type == "ASSAULT"
            actors = [a for a in (_clause_subject(doc, index, match, sentence, last)
                                  or (last.actors if last and not judged else [])) if a not in recipients]
        if (not recipients and _conjoined_in_sentence(doc, match, last, sentence)
                and (args.passive or (det.type in STATE_ACTS and last.type in STATE_ACTS))):
            # "تم اعتقال X ...، وأقيل من منصبه", "أقيل من منصبه ...، وسجن" (either voice): the same man
            recipients = [r for r in last.recipients if r not in actors]
        if not actors and args.passive and det.type in STATE_ACTS:
            # "نواز شريف، أقيل من منصبه ... وسجن": a person dismissed or jailed by no one named, by the state
            actors = _state_acting_on(doc, index, recipients, match.end_token, sentence.token_end)
        if not actors and args.passive and det.type == "ACCUSE":
            # "ويتهم برانسون بالقيام بنشاطات ...": accused by the state that holds him ("المعتقل في تركيا")
            actors = _holder(doc.events, recipients)
        if not actors and match.trigger.pos == "noun" and det.type in JOINT_DEEDS:
            pronoun = _possessive_with(self.lexicon, doc, match)
            doer = possessor(index, match.token, pronoun, set(recipients)) if pronoun else None
            actors = [doer.entity] if doer else []
        if det.type == "PROTEST" and match.trigger.pos == "noun":
            # "رحيل الملقي على وقع احتجاجات": a protest told by a noun is a crowd's; a person named near it is its
            # target or its occasion
            actors = [a for a in actors if index.types.get(a) != "PER"]
        if not actors:
            actors = list(fallback)  # "وانفجرت مظاهرات": the article's protesters
        if det.type not in STATEMENT_TYPES:
            # "اشتباكات ... بحسب مصادر ليبية": the sources report the fighting
            actors = [a for a in actors if not self._reporter(index, a)]
        if not actors and not self.keep_unattributed:
            return None
        trigger_token = doc.tokens[match.token]
        actors = list(dict.fromkeys(index.acting_state(a) for a in actors))
        # the parties of "ودعت الدول الأربع روسيا" are not its addressee, nor, when enough others are named, those of
        # "واتفق الرئيسان" the spokesman who reports it (but "لقاء الزعماء الثلاث", said by one of them)
        reporter = set(_quote_speaker(doc, trigger_token))
        actors = (self._with_members(index, actors, trigger_token.start, set(recipients) | reporter)
                  or self._with_members(index, actors, trigger_token.start, set(recipients)) or actors)
        if match.trigger.mode == "visit":
            recipients = [_host(doc, index, r, sentence) for r in recipients]
        else:
            # "سيطروا على العاصمة صنعاء": the capital stands for its state, when the document names it
            recipients = [index.acting_state(r) for r in recipients]
        recipients = [r for r in dict.fromkeys(recipients) if r not in actors]
        if match.trigger.needs_recipient and not recipients:
            return None
        if match.trigger.hosts:
            # "استقبل الحريري وفدا من ...": the visitors act; a host whose visitors are no entity ("خلال استقبال
            # العائدين") leaves the event with no actor
            actors, recipients = recipients, actors
            if not actors and not self.keep_unattributed:
                return None
        ptype, cameo, mode = det.type, det.cameo, match.trigger.mode
        if match.trigger.addressed_as and _addressed(index, recipients, match.end_token, sentence.token_end):
            # "حذر بوتين الولايات المتحدة من ...": a warning to someone is a threat
            cameo, mode = match.trigger.addressed_as, None
            ptype = lookup(cameo).type
        trigger = doc.span(trigger_token.start, doc.tokens[match.end_token - 1].end)
        code = lookup(cameo) if cameo else None
        date, source = _date(doc, trigger)
        evidence = self.evidence.cut(doc, det.match.token, match.end_token, doc.sentences[det.sentence])
        context = list(dict.fromkeys(list(match.trigger.context) + list(code.context if code else ())))
        return Event(
            type=ptype,
            evidence=evidence,
            actors=actors,
            recipients=recipients,
            mode=mode or (code.mode if code and code.type == ptype else None),
            context=context,
            cameo=cameo,
            date=date,
            date_source=source,
            negated=det.modality.negated,
            trigger=trigger,
            modality=det.modality.modality,
        )

    def _reporter(self, index: MentionIndex, entity_id: str) -> bool:
        entity = index.entity(entity_id)
        words = normalize(entity.name).split() if entity else []
        return bool(words) and words[0].removeprefix("ال") in self.reporters

    def _criticised(self, doc: Document, token: int) -> bool:
        """Whether the token heads what a speaker criticises or rejects ("استغرب ... من المطالبة بكفالة"): the
        content of a quote whose cue is an accusation or a refusal."""
        start = doc.tokens[token].start
        for quote in doc.quotes:
            if quote.cue_span is None or not quote.start <= start < quote.end:
                continue
            head = bisect_left(doc.tokens, quote.start, key=lambda t: t.start)
            if token - head <= CRITICISED_HEAD and any(
                    t.type in CRITICISING for _, t in self.lexicon.lookup(quote.cue_span.text)):
                return True
        return False

    def _with_members(self, index: MentionIndex, actors: list[str], before: int, others: set[str]) -> list[str]:
        """The actors and, for a counted group ("الزعيمان"), the parties it stands for, none of `others`; empty
        when a group's parties are not all found."""
        out = list(actors)
        for actor in actors:
            entity = index.entity(actor)
            if entity is not None and self.collectives.size(entity):
                members = self.collectives.members(index, entity, before, others)
                if not members:
                    return []
                out += members
        return list(dict.fromkeys(out))


def _other_side(index: MentionIndex, det: Detection, event: Event) -> list[Event]:
    """A fight with a named opponent ("اشتباكات مع", "معارك في مواجهة") is also the opponent's attack; a place
    fought over ("بمعارك الغوطة الشرقية") is no side."""
    sides = [r for r in event.recipients if (entity := index.entity(r)) is not None and not is_place(entity)]
    if not det.match.trigger.mutual or not sides or det.modality.negated:
        return []
    return [replace(event, actors=sides, recipients=list(event.actors),
                    magnitudes=dict(event.magnitudes), context=list(event.context))]


def _address_grievances(events: list[Event]) -> None:
    """A demand, criticism or refusal of protesters that names no one is addressed to whom they protest against
    ("وينتقد المحتجون القرارات الاقتصادية الأخيرة" after protests "يشهدها الأردن")."""
    targets = {tuple(e.actors): e.recipients for e in events if e.type == "PROTEST" and e.recipients}
    for event in events:
        if event.type in GRIEVANCES and not event.recipients and tuple(event.actors) in targets:
            event.recipients = list(targets[tuple(event.actors)])


def _doer_described(doc: Document, match: TriggerMatch) -> bool:
    """A noun whose genitive is a title or post ("مطالبة محامي السفارة"): its doer is that person, named or not."""
    j = match.end_token
    return (match.trigger.pos == "noun" and j < len(doc.tokens) and not doc.tokens[j].proclitics
            and normalize(doc.tokens[j].text) in TITLE_HEADS)


def _object_suffix(lexicon: TriggerLexicon, doc: Document, match: TriggerMatch) -> bool:
    """Whether the trigger word ends with an object pronoun (`_pronoun_suffix`)."""
    return _pronoun_suffix(lexicon, doc, match) is not None


def _pronoun_suffix(lexicon: TriggerLexicon, doc: Document, match: TriggerMatch) -> str | None:
    """The pronoun the trigger word ends with, the longest: without it, it is still a form of the trigger
    ("تتهمه" → "تتهم", "ومحادثاته" → "ومحادثات"); the letters of the root are none ("يتهم", "وجه")."""
    text = doc.tokens[match.token].text
    return next((p for p in sorted(OBJECT_PRONOUNS, key=len, reverse=True) if text.endswith(p)
                 and len(text) > len(p) + 1 and any(t == match.trigger for _, t in lexicon.lookup(text[: -len(p)]))),
                None)


def _possessive_with(lexicon: TriggerLexicon, doc: Document, match: TriggerMatch) -> str | None:
    """The possessive suffix of a noun trigger followed by "مع" within two words ("تضامنه التام مع"), or the
    pronoun of "جمعه" after it ("بعد لقاء جمعه بنظيره"), or None."""
    if match.end_token < len(doc.tokens):
        brought = normalize(doc.tokens[match.end_token].text)
        if brought.startswith(BROUGHT_TOGETHER) and brought[len(BROUGHT_TOGETHER):] in OBJECT_PRONOUNS:
            return brought[len(BROUGHT_TOGETHER):]
    follows = any(normalize(doc.tokens[j].text) == WITH
                  for j in range(match.end_token, min(len(doc.tokens), match.end_token + 2)))
    return _pronoun_suffix(lexicon, doc, match) if follows else None


def _holder(events: list[Event], people: list[str]) -> list[str]:
    """The actors of the last arrest, detention or conviction told of one of `people`."""
    return next((list(e.actors) for e in reversed(events) if e.type in STATE_ACTS and set(e.recipients) & set(people)
                 and not e.negated), [])


def _state_acting_on(doc: Document, index: MentionIndex, recipients: list[str], after: int,
                     sentence_end: int) -> list[str]:
    """The state that dismissed, convicted or jailed a person when the text names no agent: the state named
    with في after the trigger ("المعتقل في تركيا"), else the person's own, when the document names it."""
    people = [doc.entity(r) for r in recipients]
    if not people or any(p is None or p.type != "PER" for p in people):
        return []
    for m in index.mentions:
        entity = doc.entity(m.entity)
        if after <= m.first_token < sentence_end and m.preposition == "في" and entity and is_country(entity):
            return [entity.id]
    iso = people[0].country
    return [e.id for e in doc.entities if iso and is_country(e) and e.country == iso][:1]


def _addressed(index: MentionIndex, recipients: list[str], after: int, sentence_end: int) -> bool:
    """Whether the first recipient is the verb's object, ungoverned by a preposition (the addressee)."""
    first = next((m for m in index.mentions if after <= m.first_token < sentence_end and m.entity in recipients),
                 None)
    return first is not None and first.preposition is None


def _in_names(doc: Document) -> set[int]:
    """The tokens inside a name: "سامح شكري", "مجلس التعاون" report no event."""
    starts = [t.start for t in doc.tokens]
    inside = set()
    for entity in doc.entities:
        for m in entity.mentions:
            j = bisect_left(starts, m.start)
            while j < len(starts) and starts[j] < m.end:
                inside.add(j)
                j += 1
    return inside


def _conjoined(doc: Document, match: TriggerMatch) -> bool:
    """A verb with و/ف, or right after a conjunction ("كما وعد", "ثم التقى")."""
    before = normalize(doc.tokens[match.token - 1].text) if match.token > 0 else ""
    return match.proclitics[:1] in ("و", "ف") or before.lstrip("و") in CONJUNCTIONS


def _clause_subject(doc: Document, index: MentionIndex, match: TriggerMatch, sentence: Sentence,
                    last: Event | None) -> list[str]:
    """The subject of the verb that opens the trigger's clause, when the last event was told before that clause:
    in "تابع الملك الأزمة ... وأجرى اتصالات" the calls are the king's, not those of the event before the quote."""
    tokens = doc.tokens
    j = match.token
    while j > sentence.token_start and tokens[j - 1].text not in CLAUSE_STOPS:
        j -= 1
    if last is None or last.trigger.start >= tokens[j].start:
        return []  # it replaces the last event's actors, and never makes an actor up where there is none
    opener = tokens[j]
    if not opener.text.isalpha() or opener.article or doc.entity_at(opener.start, opener.end) is not None:
        return []
    subject = next((m for m in index.mentions if m.first_token == j + 1 and m.preposition is None
                    and index.can_act(m)), None)
    return [subject.entity] if subject is not None and subject.last_token < match.token else []


def _conjoined_in_sentence(doc: Document, match: TriggerMatch, last: Event | None, sentence: Sentence) -> bool:
    """Whether the trigger is a verb conjoined with و/ف to `last`, an earlier event of its sentence."""
    return (match.trigger.pos == "verb" and match.proclitics[:1] in ("و", "ف") and last is not None
            and last.trigger is not None and sentence.start <= last.trigger.start < doc.tokens[match.token].start)


def _object_of_conjoined_verb(doc: Document, match: TriggerMatch, last: Event | None, sentence: Sentence,
                              args: Arguments) -> bool:
    """A verb that takes its object with no preposition, conjoined to an event of its sentence with a named
    subject ("، والتقى الرئيس المصري ..."), shares that subject: the one name after it, with no other object,
    is its object, not a new subject."""
    return (match.trigger.takes_object and _conjoined_in_sentence(doc, match, last, sentence)
            and bool(last.actors) and bool(args.actors) and not args.recipients
            and not set(args.actors) & set(last.actors))


def _host(doc: Document, index: MentionIndex, place: str, sentence: Sentence) -> str:
    """The host of a visit to a capital ("زار بوتين القاهرة"): a leader of that state named in the sentence
    ("والتقى الرئيس المصري عبد الفتاح السيسي"), else the state when the document names it, else the city."""
    iso = index.capitals.get(place)
    if iso is None:
        return place
    for entity in doc.entities:
        if (entity.type == "PER" and entity.country == iso and (entity.actor_code or "").endswith("GOV")
                and any(sentence.start <= m.start < sentence.end for m in entity.mentions)):
            return entity.id
    return index.acting_state(place)


def _reported_before(events: list[Event], event: Event) -> Event | None:
    """The event already coded that this one reports again: same type, actors and polarity, and recipients that
    one of the two names in full ("استقباله وفدا من لبنان" ... "خلال اللقاء"); it takes the other's recipients."""
    for earlier in events:
        if event.type in SYMMETRIC_TYPES and (earlier.type, earlier.negated) == (event.type, event.negated):
            # "استقباله وفدا من ..." then "خلال اللقاء": one meeting, whichever side the text makes its subject
            mine, theirs = set(event.actors + event.recipients), set(earlier.actors + earlier.recipients)
            if mine <= theirs or theirs <= mine:
                return earlier
        if (earlier.type, set(earlier.actors), earlier.negated) != (event.type, set(event.actors), event.negated):
            continue
        if set(event.recipients) <= set(earlier.recipients) or set(earlier.recipients) <= set(event.recipients):
            return earlier
    return None


def _nouns_in_nominal_context(doc: Document, lexicon: TriggerLexicon,
                              matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """A form read both as a verb and as a noun of one type is the noun after a preposition or a noun that takes
    a verbal noun ("لبحث سبل دعم الأردن": the support of Jordan, not "Jordan supported"); the noun is then coded
    only if its own conditions hold."""
    nouns = {(m.token, trigger.type) for m in matches
             for _, trigger in lexicon.lookup(doc.tokens[m.token].text) if trigger.pos == "noun"}

    def nominal(token: int) -> bool:
        if token == 0:
            return False
        word = doc.tokens[token - 1].text
        return as_preposition(word) is not None or normalize(word).lstrip("و") in NOMINAL_CONTEXT

    def after_preposition(m: TriggerMatch) -> bool:
        """"بعد طلب من CNN": no past verb follows a preposition (but "من طالب" is "who demanded")."""
        return m.token > 0 and as_preposition(doc.tokens[m.token - 1].text) not in VERB_AFTER

    return [m for m in matches if not (m.trigger.pos == "verb" and (
        ((m.token, m.trigger.type) in nouns and nominal(m.token)) or after_preposition(m)))]


def _names_a_document(doc: Document, match: TriggerMatch) -> bool:
    """"قرأت لائحة الاتهام", "وذكرت لائحة الاتهام أن": a definite noun after a document word is that document
    (an indictment told of before), not an act reported here; "قدمت النيابة لائحة اتهام ضد" is one."""
    token = doc.tokens[match.token]
    if match.trigger.pos != "noun" or not token.article or match.token == 0:
        return False
    head = doc.tokens[match.token - 1]
    return any(stem in DOCUMENT_HEADS for stem, _ in clitic_stems(head.text))


def _best_per_token(matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """One trigger per token and type; a multi-word match beats a bare word at the same token."""
    best: dict[tuple[int, str], TriggerMatch] = {}
    for m in matches:
        key = (m.token, m.trigger.type)
        if key not in best or m.end_token > best[key].end_token:
            best[key] = m
    by_token: dict[int, list[TriggerMatch]] = {}
    for m in best.values():
        by_token.setdefault(m.token, []).append(m)
    out = []
    for token in sorted(by_token):
        candidates = by_token[token]
        longest = max(m.end_token for m in candidates)
        out += [m for m in candidates if m.end_token == longest]
    return out


def _ungoverned(doc: Document, matches: list[TriggerMatch], names: set[int]) -> list[TriggerMatch]:
    """The triggers no governing verb absorbs; a verb opening a conjunct after a comma ("ترفض أي مفاوضات
    جديدة، ودعا ...") is governed by none. `names`: the tokens inside entity mentions."""
    kept = []
    governors = [m for m in matches if m.trigger.governs]
    for m in matches:
        opens_clause = m.trigger.pos == "verb" and m.token > 0 and doc.tokens[m.token - 1].text in COMMAS
        # also the object right after the subject named after the verb, however long ("ولا تعارض أي من CNN أو
        # وزارة العدل الأمريكية طلب كلينتون")
        governed = not opens_clause and any(
            g.token < m.token
            and (m.token <= g.end_token - 1 + GOVERNED_WINDOW or m.token == _after_subject(doc, names, g.end_token)
                 or (_after_to(doc, m) and m.token <= g.end_token - 1 + GOVERNED_COMPLEMENT_WINDOW))
            and g.trigger.type != m.trigger.type
            and not any(doc.tokens[j].text in CLAUSE_STOPS for j in range(g.token, m.token))
            for g in governors
        )
        if not governed:
            kept.append(m)
    return kept


def _after_to(doc: Document, m: TriggerMatch) -> bool:
    """A noun trigger right after a free "إلى" ("إلى زيارة روسيا")."""
    return m.trigger.pos == "noun" and m.token > 0 and normalize(doc.tokens[m.token - 1].text).lstrip("و") == TO


def _after_subject(doc: Document, names: set[int], j: int) -> int:
    """The token after the names that follow a verb ending at j (its subject, a list too: "أي من CNN أو وزارة
    العدل"), with at most two words before them; j itself when no name follows."""
    tokens = doc.tokens
    first = next((k for k in range(j, min(len(tokens), j + SUBJECT_LEAD + 1)) if k in names), None)
    if first is None:
        return j
    k = first
    while k < len(tokens) and (k in names or (k + 1 in names and (tokens[k].text in COMMAS
                                                                    or normalize(tokens[k].text) in LIST_WORDS))):
        k += 1
    return k


def _one_per_mention(doc: Document, matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """Two triggers of one type a few words apart report one event: "غارات جوية استهدفت مواقع", "هاجم مسلحون
    ... وقتلوا"; the first stands for both."""
    kept: list[TriggerMatch] = []
    for m in matches:
        same = any(k.trigger.type == m.trigger.type and 0 < m.token - k.token <= SAME_EVENT_WINDOW
                   and not any(doc.tokens[j].text in CLAUSE_STOPS for j in range(k.token, m.token)) for k in kept)
        if not same:
            kept.append(m)
    return kept


def _victims_follow(doc: Document, match: TriggerMatch) -> bool:
    """"قتل 58 شخصا", "جرح العشرات": a number right after the verb is its passive subject, the victims."""
    if not match.trigger.passive_before_number or match.end_token >= len(doc.tokens):
        return False
    j = match.end_token
    if normalize(doc.tokens[j].text)[:1] == "و" and j + 1 < len(doc.tokens):
        j += 1  # "قتل وجرح العشرات": a second passive verb before the number
    following = doc.tokens[j].text
    return normalize(following).lstrip("و") in NUMBERS or following[:1].isdigit()


def _speaker_as_object(doc: Document, match: TriggerMatch, sentence: Sentence) -> list[str]:
    """The speaker of the quote the trigger lies in, when a first-person pronoun ("لي", "معي") follows the
    trigger in its clause."""
    for j in range(match.end_token, min(sentence.token_end, match.end_token + FIRST_PERSON_WINDOW)):
        token = doc.tokens[j]
        if token.text in CLAUSE_STOPS or token.text in COMMAS:
            return []
        if normalize(token.text) in FIRST_PERSON_OBJECTS and doc.entity_at(token.start, token.end) is None:
            return [q.speaker for q in doc.quotes
                    if q.start <= token.start < q.end and q.speaker and doc.entity(q.speaker)][:1]
    return []


def _first_person_plural(lexicon: TriggerLexicon, token: Token, match: TriggerMatch) -> bool:
    """A present-tense verb with the prefix ن ("نشكر", "ونحث"): its third-person form ("يشكر") is a form of the
    same trigger, where a verb whose root starts with ن ("ندد", "نفى") has none."""
    if match.trigger.pos != "verb":
        return False
    stem = normalize(token.text)[len(match.proclitics):]
    return stem[:1] == "ن" and any(t.type == match.trigger.type and t.lemma == match.trigger.lemma and not p
                                   for p, t in lexicon.lookup("ي" + stem[1:]))


def _plural_verb(token: Token, match: TriggerMatch) -> bool:
    """A past verb of the third person plural ("رفضوا", "وطالبوا")."""
    stem = normalize(token.text)[len(match.proclitics):]
    return match.trigger.pos == "verb" and len(stem) > 3 and stem.endswith("وا")


def _quote_speaker(doc: Document, token: Token) -> list[str]:
    """The speaker of the quote that holds the token or that the token cues."""
    for quote in doc.quotes:
        cue = quote.cue_span
        if ((quote.start <= token.start < quote.end or (cue is not None and cue.start < token.end
                                                        and token.start < cue.end))
                and quote.speaker and doc.entity(quote.speaker)):
            return [quote.speaker]
    return []


def _date(doc: Document, trigger: Span) -> tuple[str | None, str | None]:
    """The event date: the calendar date stated in the trigger's sentence, else the publication date; never a
    relative value ("مؤخرا" → PAST_REF), which dates nothing."""
    value, source = event_date(doc, trigger.start, trigger.end)
    if value and not CALENDAR_VALUE.fullmatch(value):
        value, source = (doc.published.isoformat(), "document") if doc.published else (None, None)
    return (value, source) if value else (None, None)


class EvidenceCutter:
    """The clause around a trigger, cut at whole tokens. A clause longer than the window is cut where a new
    conjunct begins ("وأجرى اتصالات"), else at the trigger, never mid-phrase; the end drops a dangling
    function word ("... من") and a conjunct it cut short, the start a bare conjunction."""

    def __init__(self, data: dict) -> None:
        self.before, self.after = int(data["before"]), int(data["after"])
        self.breaks = frozenset(data["breaks"])
        self.dangling = frozenset(normalize(w) for w in data["dangling"])
        self.dangling_start = frozenset(normalize(w) for w in data["dangling_start"])

    def cut(self, doc: Document, first: int, end: int, sentence: Sentence) -> Span:
        tokens = doc.tokens
        clause_start = first
        while clause_start > sentence.token_start and tokens[clause_start - 1].text not in self.breaks:
            clause_start -= 1
        lo = clause_start
        if first - clause_start > self.before:
            lo = next((i for i in range(first - self.before, first + 1) if _opens_conjunct(tokens[i].text)), first)
        clause_end = end
        while clause_end < sentence.token_end and tokens[clause_end].text not in self.breaks:
            clause_end += 1
        hi = min(clause_end, end + self.after)
        if hi < clause_end and hi - 1 > end and _opens_conjunct(tokens[hi - 1].text):
            hi -= 1
        while hi > end and normalize(tokens[hi - 1].text) in self.dangling:
            hi -= 1
        while lo < first and normalize(tokens[lo].text) in self.dangling_start:
            lo += 1
        lo, hi = _whole_names(doc, lo, hi, clause_start, clause_end)
        return doc.span(tokens[lo].start, tokens[hi - 1].end)


def _whole_names(doc: Document, lo: int, hi: int, clause_start: int, clause_end: int) -> tuple[int, int]:
    """Token bounds widened, within the clause, so as not to cut a name or a date in half ("... نظيره الكازاخي
    قاسم جومارت توكاييف", "يوم 5 مايو")."""
    tokens = doc.tokens
    start, end = tokens[lo].start, tokens[hi - 1].end
    spans = [(m.start, m.end) for entity in doc.entities for m in entity.mentions]
    spans += [(d.start, d.end) for d in doc.dates]
    for s_start, s_end in spans:
        if s_start < end < s_end:
            while hi < clause_end and tokens[hi - 1].end < s_end:
                hi += 1
        if s_start < start < s_end:
            while lo > clause_start and tokens[lo].start > s_start:
                lo -= 1
    return lo, hi


def _opens_conjunct(word: str) -> bool:
    return len(word) > 2 and word[0] == "و"
