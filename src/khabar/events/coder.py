"""The event coder: triggers → PLOVER type with CAMEO code, modality, arguments, date → `doc.events`."""

from __future__ import annotations

from dataclasses import dataclass

from khabar.document import Document, Event, Span
from khabar.events.actors import UnnamedActors, attach
from khabar.events.arguments import CLAUSE_STOPS, MentionIndex, find_arguments
from khabar.events.cameo import lookup
from khabar.events.lexicon import TriggerLexicon, TriggerMatch, load_data, load_lexicon
from khabar.events.modality import Modality, ModalityReader

# a governing verb ("دعا إلى اجتماع", "رفض الإفراج", "تعهد بإجراء محادثات") absorbs the triggers it governs
GOVERNED_WINDOW = 6
EVIDENCE_CONTEXT = (4, 5)  # tokens kept before and after the trigger in the evidence span


@dataclass(frozen=True, slots=True)
class Detection:
    """A coded trigger before its arguments are found."""

    sentence: int
    match: TriggerMatch
    type: str
    cameo: str | None
    modality: Modality


class EventCoder:
    name = "events"

    def __init__(self, lexicon: TriggerLexicon | None = None, keep_unattributed: bool = False):
        self.lexicon = lexicon or load_lexicon()
        self.modality = ModalityReader()
        self.unnamed = UnnamedActors()
        conversions = load_data("modality.yaml")
        self.promise_as_agree: dict[str, str] = conversions["promise_as_agree"]
        self.threat_as_threaten: dict[str, str] = conversions["threat_as_threaten"]
        # an event with no actor cannot be matched to anything; sentence-level evaluation keeps them
        self.keep_unattributed = keep_unattributed

    def detect(self, doc: Document) -> list[Detection]:
        """Every coded trigger of the document, in text order, with its type after modality conversion."""
        out = []
        for number, sentence in enumerate(doc.sentences):
            matches = self.lexicon.match(doc.tokens, sentence.token_start, sentence.token_end)
            for match in _ungoverned(doc, _best_per_token(matches)):
                modality = self.modality.read(doc.tokens, match.token, sentence.token_start, match.proclitics)
                coded = self._convert(match, modality)
                if coded:
                    out.append(Detection(number, match, coded[0], coded[1], modality))
        return out

    def _convert(self, match: TriggerMatch, modality: Modality) -> tuple[str, str | None] | None:
        ptype, cameo = match.trigger.type, match.trigger.cameo
        if modality.modality == "hypothetical":
            return None
        if modality.modality in ("future", "intent") and not modality.negated:
            if ptype in self.promise_as_agree:
                return "AGREE", self.promise_as_agree[ptype]
            if ptype in self.threat_as_threaten:
                return "THREATEN", self.threat_as_threaten[ptype]
            if ptype == "PROTEST":
                return None
        return ptype, cameo

    def __call__(self, doc: Document) -> None:
        unnamed = self.unnamed.find(doc)
        index = MentionIndex(doc, [(s, e, entity.id) for (s, e), entity in unnamed.items()])
        unnamed_spans: dict[str, list[tuple[int, int]]] = {}
        for span, entity in unnamed.items():
            unnamed_spans.setdefault(entity.id, []).append(span)
        seen: set[tuple] = set()
        previous: tuple[int, list[str]] = (-1, [])  # paragraph and actors of the last coded event
        for det in self.detect(doc):
            paragraph = doc.sentences[det.sentence].paragraph
            event = self._event(doc, index, det, previous[1] if previous[0] == paragraph else [])
            if event is None:
                continue
            previous = (paragraph, event.actors)
            key = (event.type, frozenset(event.actors), frozenset(event.recipients), event.negated)
            if key in seen:
                continue
            seen.add(key)
            doc.events.append(event)
        used = {i for e in doc.events for i in e.actors + e.recipients}
        for span, entity in unnamed.items():
            if entity.id in used:
                attach(doc, entity, span)

    def _event(self, doc: Document, index: MentionIndex, det: Detection, discourse_subject: list[str]) -> Event | None:
        """The event of a detection; `discourse_subject` (the actors of the paragraph's last event) stands in
        for the dropped subject of a verb ("وأجرى اتصالات ..." after a sentence about the same king)."""
        sentence = doc.sentences[det.sentence]
        match = det.match
        args = find_arguments(index, doc.tokens, match.token, match.end_token,
                              (sentence.token_start, sentence.token_end), match.trigger.pos, det.type,
                              match.proclitics)
        actors = args.actors or _quote_speaker(doc, doc.tokens[match.token].start)
        if not actors and match.trigger.pos == "verb" and not args.own_subject:
            actors = [a for a in discourse_subject if a not in args.recipients]
        if not actors and not self.keep_unattributed:
            return None
        trigger_token = doc.tokens[match.token]
        trigger = doc.span(trigger_token.start, doc.tokens[match.end_token - 1].end)
        code = lookup(det.cameo) if det.cameo else None
        date, source = _date(doc, sentence.start, sentence.end, trigger)
        context = list(dict.fromkeys(list(match.trigger.context) + list(code.context if code else ())))
        return Event(
            type=det.type,
            evidence=_evidence(doc, det),
            actors=actors,
            recipients=[r for r in args.recipients if r not in actors],
            mode=match.trigger.mode or (code.mode if code and code.type == det.type else None),
            context=context,
            cameo=det.cameo,
            date=date,
            date_source=source,
            negated=det.modality.negated,
            trigger=trigger,
        )


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


def _ungoverned(doc: Document, matches: list[TriggerMatch]) -> list[TriggerMatch]:
    kept = []
    governors = [m for m in matches if m.trigger.governs]
    for m in matches:
        governed = any(
            g.token < m.token <= g.end_token - 1 + GOVERNED_WINDOW
            and g.trigger.type != m.trigger.type
            and not any(doc.tokens[j].text in CLAUSE_STOPS for j in range(g.token, m.token))
            for g in governors
        )
        if not governed:
            kept.append(m)
    return kept


def _quote_speaker(doc: Document, offset: int) -> list[str]:
    for quote in doc.quotes:
        if quote.start <= offset < quote.end and quote.speaker and doc.entity(quote.speaker):
            return [quote.speaker]
    return []


def _evidence(doc: Document, det: Detection) -> Span:
    sentence = doc.sentences[det.sentence]
    first = max(sentence.token_start, det.match.token - EVIDENCE_CONTEXT[0])
    last = min(sentence.token_end, det.match.end_token + EVIDENCE_CONTEXT[1]) - 1
    return doc.span(doc.tokens[first].start, doc.tokens[last].end)


def _date(doc: Document, start: int, end: int, trigger: Span) -> tuple[str | None, str | None]:
    """The event date: the dates layer's answer for the trigger's clause, else a date in the sentence, else
    the publication date."""
    try:
        from khabar.dates import date_for_span
    except ImportError:
        date_for_span = None
    if date_for_span is not None:
        found = date_for_span(doc, trigger.start, trigger.end)
        value = getattr(found, "value", found)  # a DateMention or its value
        if value:
            return str(value), "clause"
    in_sentence = [d for d in doc.dates if start <= d.start < end and d.value]
    if in_sentence:
        nearest = min(in_sentence, key=lambda d: abs(d.start - trigger.start))
        return nearest.value, "clause"
    if doc.published:
        return doc.published.isoformat(), "document"
    return None, None
