"""CSV export of the (merged) events the store holds: one row per event, participants by name and key."""

from __future__ import annotations

import csv
import io
from typing import Any

CSV_MAX_ROWS = 50_000
BATCH = 500
COLUMNS = ["date", "type", "mode", "cameo", "negated", "actors", "actor_keys", "recipients", "recipient_keys",
           "n_articles", "evidence", "article_id", "event_key"]


def _names(entities: list[dict[str, Any]]) -> str:
    return "; ".join(e.get("name_en") or e["name"] for e in entities)


def _row(event: dict[str, Any]) -> list[Any]:
    first = event["mentions"][0] if event["mentions"] else {}
    return [event["date"], event["type"], event["mode"], event["cameo"], event["negated"],
            _names(event["actors"]), "; ".join(e["key"] for e in event["actors"]),
            _names(event["recipients"]), "; ".join(e["key"] for e in event["recipients"]),
            event["n_articles"], first.get("text", ""), first.get("article_id", ""), event["key"]]


def events_csv(store: Any, filters: dict[str, Any]) -> str:
    """All matching events (up to CSV_MAX_ROWS) in the store's order."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for offset in range(0, CSV_MAX_ROWS, BATCH):
        rows = store.events(**filters, limit=min(BATCH, CSV_MAX_ROWS - offset), offset=offset)
        writer.writerows(_row(event) for event in rows)
        if len(rows) < BATCH:
            break
    return buffer.getvalue()
