"""CSV export of events: nested fields (lists of actors, the evidence span) are flattened to one cell each."""

from __future__ import annotations

import csv
import io
from typing import Any

CSV_MAX_ROWS = 50_000
BATCH = 500


def flatten(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return str(value.get("text", value.get("key", value.get("name", ""))))
    if isinstance(value, list):
        return "; ".join(flatten(v) for v in value)
    return str(value)


def events_csv(store: Any, filters: dict[str, Any]) -> str:
    """All matching events (up to CSV_MAX_ROWS) in store order; the columns are the keys of the store's events."""
    buffer = io.StringIO()
    writer = None
    for offset in range(0, CSV_MAX_ROWS, BATCH):
        rows = store.events(**filters, limit=min(BATCH, CSV_MAX_ROWS - offset), offset=offset)
        for row in rows:
            if writer is None:
                writer = csv.DictWriter(buffer, fieldnames=list(row), extrasaction="ignore")
                writer.writeheader()
            writer.writerow({k: flatten(v) for k, v in row.items()})
        if len(rows) < BATCH:
            break
    return buffer.getvalue()
