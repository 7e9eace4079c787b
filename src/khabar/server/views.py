"""Shapes the store's answers into what the pages and the graph script draw."""

from __future__ import annotations

from collections import Counter
from typing import Any

from khabar.server.event_types import EVENT_TYPES


def typed_actor_graph(store: Any, type: str | None = None, since: str | None = None, until: str | None = None,
                      min_weight: int = 1) -> dict[str, list]:
    """The store's actor graph with one edge per (actor, recipient, event type), so edges can be coloured by type.

    `min_weight` applies to all events between a pair; types outside the known list are summed up as OTHER.
    """
    total = store.actor_graph(type=type, since=since, until=until, min_weight=min_weight)
    if type:
        return {"nodes": total["nodes"], "edges": [{**edge, "type": type.upper()} for edge in total["edges"]]}
    rest = {(edge["source"], edge["target"]): edge["weight"] for edge in total["edges"]}
    edges = []
    for event_type in EVENT_TYPES:
        for edge in store.actor_graph(type=event_type, since=since, until=until)["edges"]:
            pair = (edge["source"], edge["target"])
            if pair in rest:
                edges.append({**edge, "type": event_type})
                rest[pair] -= edge["weight"]
    edges += [{"source": s, "target": t, "weight": w, "type": "OTHER"} for (s, t), w in rest.items() if w > 0]
    return {"nodes": total["nodes"], "edges": edges}


def entity_timeline(entity: dict[str, Any]) -> dict[str, Any]:
    """Per-month counts of mentions, events and quotes, and every event and quote in date order."""
    events = [dict(e, role="actor") for e in entity["events_as_actor"]]
    events += [dict(e, role="recipient") for e in entity["events_as_recipient"]]
    mentions = Counter({row["month"]: row["mentions"] for row in entity["timeline"]})
    event_months = Counter(e["date"][:7] for e in events if e.get("date"))
    quote_months = Counter(q["published"][:7] for q in entity["quotes"] if q.get("published"))
    months = sorted(set(mentions) | set(event_months) | set(quote_months))
    peak = max([1, *mentions.values(), *event_months.values(), *quote_months.values()])
    items = [{"kind": "event", "date": e.get("date"), "record": e} for e in events]
    items += [{"kind": "quote", "date": q.get("published"), "record": q} for q in entity["quotes"]]
    items.sort(key=lambda item: (item["date"] is None, item["date"] or ""))
    return {
        "months": [{"month": m, "mentions": mentions[m], "events": event_months[m], "quotes": quote_months[m]} for m in months],
        "peak": peak,
        "items": items,
    }


def split_snippet(snippet: str) -> list[tuple[str, bool]]:
    """The store marks the matched word as «word»: (text, is_match) pieces, so the page can <mark> it safely."""
    pieces, rest = [], snippet
    while "«" in rest and "»" in rest.split("«", 1)[1]:
        before, rest = rest.split("«", 1)
        match, rest = rest.split("»", 1)
        pieces += [(before, False), (match, True)]
    return [p for p in [*pieces, (rest, False)] if p[0]]
