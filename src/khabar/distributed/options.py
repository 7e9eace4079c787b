"""Choices and defaults of `khabar ray`, kept apart from the row code (pyarrow) so that the CLI starts fast."""

from __future__ import annotations

import enum

BATCH_SIZE = 16  # articles per block handed to a worker: small, so that the workers share even one big file


class OutputFormat(str, enum.Enum):
    parquet = "parquet"
    jsonl = "jsonl"
