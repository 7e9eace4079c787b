"""The Document that flows through the pipeline.

The original text is never modified: every annotation is a (start, end) pair of Python string indices into
`Document.text`, and every extracted field keeps the span that supports it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(d["start"], d["end"], d["text"])


@dataclass(slots=True)
class Token:
    """A whitespace/punctuation token, with the offsets of its stem once clitics are split off.

    `stem_start`/`stem_end` cover the token without proclitics (و ف ب ل ك س, and the article when
    `article` is set) and without enclitic pronouns; `norm` is the normalised stem used for matching.
    """

    start: int
    end: int
    text: str
    norm: str
    stem_start: int
    stem_end: int
    proclitics: str = ""
    article: bool = False
    enclitic: str = ""
    sentence: int = 0


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    token_start: int = 0
    token_end: int = 0


@dataclass(slots=True)
class EntitySpan:
    """A recognised name before linking: what the NER or the gazetteer found, with where it came from."""

    start: int
    end: int
    type: str
    source: str
    kb_id: str | None = None
    score: float = 1.0


@dataclass(slots=True)
class Entity:
    id: str
    type: str
    name: str
    mentions: list[Span] = field(default_factory=list)
    named: bool = True
    name_en: str | None = None
    kb_id: str | None = None
    wikidata: str | None = None
    country: str | None = None
    actor_code: str | None = None

    def _sorted_dates(self) -> list[DateMention]:
        return sorted(self.dates, key=lambda d: d.start)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "named": self.named,
            "name": self.name,
            "name_en": self.name_en,
            "kb_id": self.kb_id,
            "wikidata": self.wikidata,
            "country": self.country,
            "actor_code": self.actor_code,
            "mentions": [m.to_dict() for m in sorted(self.mentions, key=lambda m: m.start)],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(id=d["id"], type=d["type"], name=d["name"], mentions=[Span.from_dict(m) for m in d["mentions"]],
                   named=d["named"], name_en=d.get("name_en"), kb_id=d.get("kb_id"), wikidata=d.get("wikidata"),
                   country=d.get("country"), actor_code=d.get("actor_code"))


CALENDAR_GRANULARITIES = frozenset({"day", "week", "month", "year"})


@dataclass(slots=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str | None
    type: str = "DATE"
    granularity: str | None = None
    reason: str | None = None

    @property
    def is_calendar_point(self) -> bool:
        """A resolved calendar date, week, month or year, as opposed to a time of day, a duration, a set, a vague
        reference or an expression that could not be resolved (the output's `dates` holds only these)."""
        return self.value is not None and self.type == "DATE" and self.granularity in CALENDAR_GRANULARITIES

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "type": self.type,
            "granularity": self.granularity,
            "reason": self.reason,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DateMention:
        return cls(d["start"], d["end"], d["text"], d["value"], d["type"], d.get("granularity"), d.get("reason"))


@dataclass(slots=True)
class Quote:
    speaker: str | None
    cue: str
    kind: str
    start: int
    end: int
    text: str
    cue_span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "cue": self.cue,
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "cue_span": self.cue_span.to_dict() if self.cue_span else None,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        return cls(d["speaker"], d["cue"], d["kind"], d["start"], d["end"], d["text"], _optional_span(d.get("cue_span")))


@dataclass(slots=True)
class Event:
    type: str
    evidence: Span
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    date: str | None = None
    date_source: str | None = None
    negated: bool = False
    trigger: Span | None = None
    modality: str | None = None  # "future", "hypothetical", ... ; None for an event reported as having happened
    magnitudes: dict[str, int] = field(default_factory=dict)  # "killed", "injured", "arrested", "participants"

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "actors": list(self.actors),
            "recipients": list(self.recipients),
            "date": self.date,
            "date_source": self.date_source,
            "negated": self.negated,
            "modality": self.modality,
            "magnitudes": dict(self.magnitudes),
            "evidence": self.evidence.to_dict(),
            "trigger": self.trigger.to_dict() if self.trigger else None,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(type=d["type"], evidence=Span.from_dict(d["evidence"]), actors=list(d["actors"]),
                   recipients=list(d["recipients"]), mode=d.get("mode"), context=list(d.get("context") or []),
                   cameo=d.get("cameo"), date=d.get("date"), date_source=d.get("date_source"),
                   negated=d.get("negated", False), trigger=_optional_span(d.get("trigger")),
                   modality=d.get("modality"), magnitudes=dict(d.get("magnitudes") or {}))


@dataclass(slots=True)
class Relation:
    type: str
    subject: str
    object: str
    evidence: Span
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "subject": self.subject,
            "object": self.object,
            "role": self.role,
            "evidence": self.evidence.to_dict(),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Relation:
        return cls(d["type"], d["subject"], d["object"], Span.from_dict(d["evidence"]), d.get("role"))


@dataclass(slots=True)
class Source:
    publisher: str | None = None
    wire: str | None = None
    dateline: str | None = None
    wire_evidence: Span | None = None
    dateline_evidence: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "publisher": self.publisher,
            "wire": self.wire,
            "dateline": self.dateline,
            "wire_evidence": self.wire_evidence.to_dict() if self.wire_evidence else None,
            "dateline_evidence": self.dateline_evidence.to_dict() if self.dateline_evidence else None,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Source:
        return cls(d.get("publisher"), d.get("wire"), d.get("dateline"), _optional_span(d.get("wire_evidence")),
                   _optional_span(d.get("dateline_evidence")))


@dataclass
class Document:
    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: Source = field(default_factory=Source)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entity_spans: list[EntitySpan] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def sentence_at(self, offset: int) -> Sentence | None:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        return self.tokens[sentence.token_start : sentence.token_end]

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity one of whose mentions overlaps [start, end)."""
        for entity in self.entities:
            for mention in entity.mentions:
                if mention.start < end and start < mention.end:
                    return entity
        return None

    def _sorted_dates(self) -> list[DateMention]:
        return sorted(self.dates, key=lambda d: d.start)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "url": self.url,
            "source": self.source.to_dict(),
            "text": self.text,
            "entities": [e.to_dict() for e in self.entities],
            "dates": [d.to_dict() for d in self._sorted_dates() if d.is_calendar_point],
            "time_expressions": [d.to_dict() for d in self._sorted_dates() if not d.is_calendar_point],
            "quotes": [q.to_dict() for q in sorted(self.quotes, key=lambda q: q.start)],
            "events": [e.to_dict() for e in sorted(self.events, key=lambda e: e.evidence.start)],
            "relations": [r.to_dict() for r in self.relations],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        """The document back from its JSON: `Document.from_dict(d).to_dict() == d` for every analysis khabar writes;
        what the JSON does not carry (tokens, sentences, raw entity spans) stays empty."""
        return cls(
            id=d["id"], text=d["text"], title=d.get("title"),
            published=dt.date.fromisoformat(d["published"]) if d.get("published") else None,
            url=d.get("url"), source=Source.from_dict(d["source"]),
            entities=[Entity.from_dict(e) for e in d["entities"]],
            dates=[DateMention.from_dict(x) for x in d["dates"] + d.get("time_expressions", [])],
            quotes=[Quote.from_dict(q) for q in d["quotes"]],
            events=[Event.from_dict(e) for e in d["events"]],
            relations=[Relation.from_dict(r) for r in d["relations"]],
        )


def _optional_span(d: dict[str, Any] | None) -> Span | None:
    return Span.from_dict(d) if d else None
