"""The Ray Data pipeline: input files → article rows → analysis rows (one pipeline per worker) → Parquet/JSONL.

Reading reuses `khabar.ingest` (the readers and the JSONL field auto-detection of `khabar analyze`): each input
file is read by one Ray task, Parquet through Ray's own reader. Articles are then cut into small blocks so that a
single large file still spreads over every worker.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import ray
import ray.data

from khabar.distributed.inflight import KILLED_REASON, InflightMarks
from khabar.distributed.options import BATCH_SIZE, OutputFormat
from khabar.distributed.rows import (
    ANALYSIS_SCHEMA, ARTICLE_SCHEMA, analysis_row, article_row, failed_row, row_article, table,
)
from khabar.ingest.fields import pick
from khabar.ingest.readers import from_record, read_sources
from khabar.pipeline import Pipeline, default_pipeline

READ_CHUNK = 256  # articles per block a reading task emits
ROWS_PER_FILE = 5000  # at least this many rows per output file (but one file per write task at the end)
# A Python exception is one failed article (a row with `error`); a worker *process* that dies (segfault, OOM kill,
# lost node) is restarted by Ray and its block retried this many times (the article it died on is then skipped,
# see `Analyse`), then the job fails instead of looping forever (Ray's default for actors). Ray 2.60
# warns that this argument goes away in 2.64, with no named replacement yet: pyproject.toml caps the version.
BLOCK_RETRIES = 2


def split_inputs(paths: list[str]) -> tuple[list[str], list[str]]:
    """(Parquet files, everything else), directories opened so that Parquet files inside them go to Ray's reader.

    Everything else is read by `read_sources`, which also reports missing paths and unsupported files.
    """
    parquet, others = [], []
    for raw in paths:
        path = Path(raw)
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")) if path.is_dir() else [path]
        for file in files:
            (parquet if file.suffix.lower() == ".parquet" else others).append(str(file))
    return parquet, others


def _read_files(batch: pa.Table, field_map: dict[str, str] | None) -> Iterator[pa.Table]:
    rows: list[dict[str, Any]] = []
    for item in read_sources(batch.column("path").to_pylist(), field_map):
        rows.append(article_row(item))
        if len(rows) == READ_CHUNK:
            yield table(rows, ARTICLE_SCHEMA)
            rows = []
    if rows:
        yield table(rows, ARTICLE_SCHEMA)


def _parquet_records(batch: pa.Table, field_map: dict[str, str] | None) -> pa.Table:
    rows = []
    for record in batch.to_pylist():
        path = record.pop("path")
        record_id = pick(record, "id", field_map) or pick(record, "url", field_map)
        rows.append(article_row(from_record(record, f"{path}#{record_id}" if record_id else path, field_map)))
    return table(rows, ARTICLE_SCHEMA)


def read_articles(paths: list[str], field_map: dict[str, str] | None = None) -> ray.data.Dataset:
    """Article rows (`ARTICLE_SCHEMA`) from files, directories, JSONL(.gz), HTML, text and Parquet inputs."""
    parquet, others = split_inputs(paths)
    parts = []
    if others:
        files = ray.data.from_items([{"path": p} for p in others], override_num_blocks=len(others))
        parts.append(files.map_batches(_read_files, fn_kwargs={"field_map": field_map}, batch_size=1, batch_format="pyarrow"))
    if parquet:
        records = ray.data.read_parquet(parquet, include_paths=True)
        parts.append(records.map_batches(_parquet_records, fn_kwargs={"field_map": field_map}, batch_format="pyarrow"))
    return parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]


class Analyse:
    """One pipeline per worker, built once (loading the KB and models is the costly part), then batch after batch.

    With `inflight_dir`, an article during which a worker process died is failed on the retry (`InflightMarks`).
    """

    def __init__(self, pipeline_factory: Callable[[], Pipeline] = default_pipeline, inflight_dir: str | None = None):
        self.pipeline = pipeline_factory()
        self.marks = InflightMarks(inflight_dir) if inflight_dir else None

    def _row(self, row: dict[str, Any]) -> dict[str, Any]:
        if self.marks is None or row.get("error"):
            return analysis_row(row_article(row), self.pipeline)
        if self.marks.killed_a_worker(row["origin"], row["text"]):
            return failed_row(row["origin"], KILLED_REASON, row["id"])
        with self.marks.analysing(row["origin"], row["text"]):
            return analysis_row(row_article(row), self.pipeline)

    def __call__(self, batch: pa.Table) -> pa.Table:
        return table([self._row(row) for row in batch.to_pylist()], ANALYSIS_SCHEMA)


def analyse(articles: ray.data.Dataset, workers: int, batch_size: int = BATCH_SIZE,
            pipeline_factory: Callable[[], Pipeline] = default_pipeline, inflight_dir: str | None = None) -> ray.data.Dataset:
    """Analysis rows (`ANALYSIS_SCHEMA`); a failed article is a row with `error` set, never a failed job.

    `inflight_dir`: an empty directory for this run (see `InflightMarks`); without it, an article that kills its
    worker fails the job after `BLOCK_RETRIES` retries.
    """
    return articles.repartition(target_num_rows_per_block=batch_size).map_batches(
        Analyse, fn_constructor_kwargs={"pipeline_factory": pipeline_factory, "inflight_dir": inflight_dir},
        compute=ray.data.ActorPoolStrategy(size=workers), num_cpus=1, batch_size=batch_size, batch_format="pyarrow",
        max_task_retries=BLOCK_RETRIES,
    )


def write(analyses: ray.data.Dataset, out: str, format: OutputFormat, overwrite: bool = False) -> None:
    """Write files into the directory `out`, beside any already there unless `overwrite` (then they are replaced)."""
    mode = ray.data.SaveMode.OVERWRITE if overwrite else ray.data.SaveMode.APPEND
    if format is OutputFormat.parquet:
        analyses.write_parquet(out, min_rows_per_file=ROWS_PER_FILE, mode=mode)
    else:
        analyses.write_json(out, min_rows_per_file=ROWS_PER_FILE, mode=mode, force_ascii=False)
