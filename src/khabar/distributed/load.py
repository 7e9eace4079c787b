"""Reading an output directory of `khabar ray analyze` back: counts for the summary, and import into the store."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from khabar.document import Document
from khabar.store.core import Store
from khabar.store.ingest import content_hash
from khabar.store.options import BATCH_SIZE
from khabar.store.write import prepare

JSON_SUFFIXES = (".json", ".jsonl")


def output_files(out: str | Path) -> list[Path]:
    files = sorted(p for p in Path(out).rglob("*") if p.is_file() and p.name.endswith((".parquet", *JSON_SUFFIXES)))
    if not files:
        raise FileNotFoundError(f"no .parquet or .json files in {out}")
    return files


def iter_rows(out: str | Path, columns: list[str] | None = None) -> Iterator[dict[str, Any]]:
    """Every row of every output file, Parquet or JSON Lines, a record batch at a time."""
    for path in output_files(out):
        if path.suffix == ".parquet":
            for batch in pq.ParquetFile(path).iter_batches(columns=columns):
                yield from batch.to_pylist()
        else:
            with open(path, encoding="utf-8") as handle:
                for line in handle:
                    if line.strip():
                        row = json.loads(line)
                        yield {k: row.get(k) for k in columns} if columns else row


@dataclass
class OutputCounts:
    ok: int = 0
    failed: int = 0


def count_output(out: str | Path) -> OutputCounts:
    counts = OutputCounts()
    for row in iter_rows(out, ["error"]):
        if row["error"]:
            counts.failed += 1
        else:
            counts.ok += 1
    return counts


@dataclass
class ImportCounts:
    new: int = 0
    duplicate: int = 0
    failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)


def import_output(store: Store, out: str | Path, batch_size: int = BATCH_SIZE) -> ImportCounts:
    """Store the analyses of an output directory as `khabar ingest` would have (one transaction per batch); failed
    articles become store failures. Idempotent like ingest: an article already stored (same text) is skipped."""
    counts = ImportCounts()
    rows = iter_rows(out, ["origin", "analysis", "error"])
    while batch := list(islice(rows, batch_size)):
        documents, origins = {}, {}
        for row in batch:
            if row["error"]:
                store.add_failure(row["origin"], row["error"])
                counts.failed += 1
                counts.failures.append((row["origin"], row["error"]))
                continue
            doc = Document.from_dict(json.loads(row["analysis"]))
            digest = content_hash(doc.text)
            counts.duplicate += digest in documents
            documents[digest], origins[digest] = doc, row["origin"]
        known = store.known_hashes(documents)
        counts.duplicate += len(known)
        fresh = [(doc, digest, prepare(doc)) for digest, doc in documents.items() if digest not in known]
        for _pk, created in store.add_documents(fresh):
            counts.new += created
            counts.duplicate += not created
        store.clear_failures(origins[digest] for digest in documents)
    return counts
