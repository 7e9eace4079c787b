"""Marks of the articles being analysed, so that an article that kills its worker process is failed, not retried.

A worker marks an article (an empty file named by the hash of its origin and text) before analysing it and removes the mark
after. When Ray restarts a dead worker and retries the block, the article whose mark is still there is the one the
worker died on: it becomes a failed row, and the rest of the block is analysed. The marks live in a directory made
for one run, on each node's own disk unless it is on a shared file system: a retry on another node does not see
the marks of the first.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

KILLED_REASON = "analysis killed the worker process (crash or out of memory); article skipped"


class InflightMarks:
    def __init__(self, directory: str | Path):
        self.directory = Path(directory)
        # on the other nodes of a cluster the driver's directory does not exist: each node keeps its own marks
        self.directory.mkdir(parents=True, exist_ok=True)

    def _mark(self, origin: str, text: str) -> Path:
        # the text too: Parquet rows without an id share their file's origin
        return self.directory / hashlib.sha1(f"{origin}\0{text}".encode("utf-8")).hexdigest()

    def killed_a_worker(self, origin: str, text: str) -> bool:
        return self._mark(origin, text).exists()

    @contextmanager
    def analysing(self, origin: str, text: str) -> Iterator[None]:
        mark = self._mark(origin, text)
        mark.touch()
        yield
        mark.unlink(missing_ok=True)  # left in place only when the process dies
