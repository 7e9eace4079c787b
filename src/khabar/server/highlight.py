"""Cut an article's text into segments, each knowing which annotations cover it, for the highlighted article view.

Quotes and event evidence are long spans that contain entities and dates, and any two may overlap, so the text
is cut at every annotation boundary; the template wraps each piece in one element carrying all its annotations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# The record lists of the contract and the prefix of their refs ("date:0" is article["dates"][0]).
REF_PREFIX = {"dates": "date", "time_expressions": "time", "quotes": "quote", "events": "event"}
# Innermost first: a click on a segment opens the most specific record under the pointer.
KIND_ORDER = ("entity", "date", "event", "quote")


@dataclass(frozen=True)
class Annotation:
    ref: str  # key into the page's record table, e.g. "entity:E3", "event:0"
    kind: str
    start: int
    end: int
    label: str  # the hover text
    css: str  # extra class, e.g. the entity type


@dataclass
class Segment:
    start: int
    end: int
    text: str
    annotations: list[Annotation] = field(default_factory=list)

    @property
    def classes(self) -> str:
        return " ".join(dict.fromkeys(c for a in self.annotations for c in (f"hl-{a.kind}", a.css) if c))

    @property
    def refs(self) -> str:
        return " ".join(a.ref for a in self.annotations)

    @property
    def title(self) -> str:
        return "\n".join(a.label for a in self.annotations)


def entity_label(entity: dict[str, Any]) -> str:
    parts = [entity["name"] + (f" ({entity['name_en']})" if entity.get("name_en") else ""), entity["type"],
             f"KB {entity['kb_id']}" if entity.get("kb_id") else "KB: not linked (NIL)"]
    parts += [f"Wikidata {entity['wikidata']}"] if entity.get("wikidata") else []
    parts += [f"actor {entity['actor_code']}"] if entity.get("actor_code") else []
    return " · ".join(parts)


def _names(ids: list[str], entities: dict[str, dict[str, Any]]) -> str:
    return ", ".join(entities[i].get("name_en") or entities[i]["name"] if i in entities else i for i in ids) or "?"


def annotations(article: dict[str, Any]) -> list[Annotation]:
    entities = {e["id"]: e for e in article["entities"]}
    found = [
        Annotation(f"entity:{e['id']}", "entity", m["start"], m["end"], entity_label(e), f"ent-{e['type']}")
        for e in article["entities"] for m in e["mentions"]
    ]
    for key in ("dates", "time_expressions"):
        found += [
            Annotation(f"{REF_PREFIX[key]}:{i}", "date", d["start"], d["end"], f"{d['type']} {d['value'] or '(unresolved)'}", "")
            for i, d in enumerate(article.get(key, []))
        ]
    found += [
        Annotation(f"quote:{i}", "quote", q["start"], q["end"],
                   f"quote ({q['kind']}) · speaker: {_names([q['speaker']], entities) if q['speaker'] else '?'}", "")
        for i, q in enumerate(article["quotes"])
    ]
    found += [
        Annotation(f"event:{i}", "event", ev["evidence"]["start"], ev["evidence"]["end"],
                   f"event {ev['type']}{' (negated)' if ev['negated'] else ''}: "
                   f"{_names(ev['actors'], entities)} → {_names(ev['recipients'], entities)}", "")
        for i, ev in enumerate(article["events"])
    ]
    return [a for a in found if a.start < a.end]


def records(article: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every annotation's extracted record by ref: what the page shows when a highlight is clicked."""
    table = {f"entity:{e['id']}": e for e in article["entities"]}
    for key, prefix in REF_PREFIX.items():
        table.update({f"{prefix}:{i}": record for i, record in enumerate(article.get(key, []))})
    return table


def segments(text: str, found: list[Annotation]) -> list[Segment]:
    cuts = sorted({0, len(text), *(a.start for a in found), *(a.end for a in found)})
    rank = {kind: i for i, kind in enumerate(KIND_ORDER)}
    by_start = sorted(found, key=lambda a: a.start)
    active: list[Annotation] = []
    next_start = 0
    pieces = []
    for start, end in zip(cuts, cuts[1:]):
        # a sweep over the cuts: every annotation boundary is a cut, so an annotation active at `start` covers the piece
        while next_start < len(by_start) and by_start[next_start].start <= start:
            active.append(by_start[next_start])
            next_start += 1
        active = [a for a in active if a.end > start]
        covering = sorted(active, key=lambda a: (rank[a.kind], a.end - a.start))
        pieces.append(Segment(start, end, text[start:end], covering))
    return pieces
