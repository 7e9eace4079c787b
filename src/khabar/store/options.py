"""Choices and defaults of the corpus commands, kept apart from the store so that the CLI starts fast."""

from __future__ import annotations

import enum

BATCH_SIZE = 50  # articles per transaction: a crash loses at most one batch, which a rerun redoes


class ExportFormat(str, enum.Enum):
    jsonl = "jsonl"
    plover = "plover"
    gdelt = "gdelt"
    parquet = "parquet"
    csv = "csv"
