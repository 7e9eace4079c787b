"""Ingest: read sources, skip what is stored, analyse the rest (optionally in worker processes), store in batches.

Idempotent and resumable: an article is identified by the hash of its text, stored hashes are skipped before
analysis, and each batch is one transaction. Re-running a command after a crash or Ctrl-C (even kill -9)
finishes the job with every article stored exactly once.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from sqlalchemy.exc import SQLAlchemyError

from khabar.analyze import to_document
from khabar.document import Document
from khabar.ingest import Article, ArticleError
from khabar.ingest.sources import SourceOptions, read_any
from khabar.pipeline import Pipeline, default_pipeline
from khabar.store.core import Store
from khabar.store.options import BATCH_SIZE
from khabar.store.write import Prepared, prepare



def content_hash(text: str) -> str:
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()


@dataclass
class IngestCounts:
    read: int = 0
    new: int = 0
    duplicate: int = 0
    failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    # where the time went: analysis (in workers when there are any) versus writing to the database
    analyse_seconds: float = 0.0
    store_seconds: float = 0.0


@dataclass
class _Pending:
    source: str
    article: Article
    content_hash: str


# --- analysis, in this process or in workers -----------------------------------------------------------------
_pipeline: Pipeline | None = None


def _init_worker(factory: Callable[[], Pipeline]) -> None:
    global _pipeline
    _pipeline = factory()


def _analyse(article: Article) -> tuple[Document, Prepared] | str:
    """The analysed document with its index data, or the reason analysis failed.

    Tokens are dropped once the index terms are made: the store does not keep them, and they are the bulk of
    what a worker would send back.
    """
    try:
        doc = _pipeline(to_document(article))
    except Exception as exc:  # one broken article must not stop a batch
        return f"analysis failed: {type(exc).__name__}: {exc}"
    prepared = prepare(doc)
    doc.tokens, doc.sentences, doc.entity_spans = [], [], []
    return doc, prepared


class Analyser:
    def __init__(self, workers: int, factory: Callable[[], Pipeline]):
        self._pool = None
        self._workers = workers
        if workers > 1:
            self._pool = multiprocessing.get_context("fork").Pool(workers, initializer=_init_worker, initargs=(factory,))
        else:
            _init_worker(factory)

    def map(self, articles: list[Article]) -> list[tuple[Document, Prepared] | str]:
        if self._pool is None:
            return [_analyse(a) for a in articles]
        return self._pool.map(_analyse, articles, chunksize=max(1, len(articles) // (4 * self._workers)))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()


def _batches(items: Iterator, size: int) -> Iterator[list]:
    while batch := list(islice(items, size)):
        yield batch


def ingest(
    store: Store,
    sources: Iterable[str],
    options: SourceOptions | None = None,
    limit: int | None = None,
    workers: int = 1,
    batch_size: int = BATCH_SIZE,
    pipeline_factory: Callable[[], Pipeline] = default_pipeline,
    on_progress: Callable[[IngestCounts], None] | None = None,
) -> IngestCounts:
    """`limit`: stop after reading this many items (articles or unreadable entries) from the sources."""
    options = options or SourceOptions()
    counts = IngestCounts()

    def already_stored(url: str) -> bool:
        # pages already stored are neither fetched again nor analysed: they count as duplicates
        stored = store.has_url(url)
        counts.duplicate += stored
        return stored

    options.skip_url = options.skip_url or already_stored
    items = islice(read_any(sources, options), limit)
    analyser = Analyser(workers, pipeline_factory)
    try:
        for batch in _batches(items, batch_size):
            _ingest_batch(store, batch, analyser, counts)
            if on_progress:
                on_progress(counts)
    finally:
        analyser.close()
    return counts


def _fail(store: Store, counts: IngestCounts, origin: str, reason: str, source: str | None) -> None:
    store.add_failure(origin, reason, source)
    counts.failed += 1
    counts.failures.append((origin, reason))


def _ingest_batch(store: Store, batch: list[tuple[str, Article | ArticleError]], analyser: Analyser, counts: IngestCounts) -> None:
    counts.read += len(batch)
    pending: dict[str, _Pending] = {}
    for source, item in batch:
        if isinstance(item, ArticleError):
            _fail(store, counts, item.origin, item.reason, source)
            continue
        digest = content_hash(item.text)
        if digest in pending:
            counts.duplicate += 1
        else:
            pending[digest] = _Pending(source, item, digest)
    for digest in store.known_hashes(pending):
        del pending[digest]
        counts.duplicate += 1
    work = list(pending.values())
    started = time.perf_counter()
    results = analyser.map([p.article for p in work])
    counts.analyse_seconds += time.perf_counter() - started
    documents = []
    for item, result in zip(work, results):
        if isinstance(result, str):
            _fail(store, counts, item.article.origin, result, item.source)
        else:
            documents.append((item, result))
    started = time.perf_counter()
    try:
        stored = store.add_documents([(doc, item.content_hash, prepared) for item, (doc, prepared) in documents])
    except SQLAlchemyError:
        stored = _store_one_by_one(store, documents, counts)
    counts.store_seconds += time.perf_counter() - started
    for (item, _doc), result in zip(documents, stored):
        if result is None:
            continue
        if result[1]:
            counts.new += 1
        else:
            counts.duplicate += 1
    store.clear_failures([item.article.origin for (item, _), result in zip(documents, stored) if result is not None])


def _store_one_by_one(store: Store, documents: list[tuple[_Pending, tuple[Document, Prepared]]],
                      counts: IngestCounts) -> list[tuple[int, bool] | None]:
    """A batch the database refused (e.g. a NUL character PostgreSQL will not store): keep the others."""
    out = []
    for item, (doc, prepared) in documents:
        try:
            out.append(store.add_documents([(doc, item.content_hash, prepared)])[0])
        except SQLAlchemyError as exc:
            _fail(store, counts, item.article.origin, f"storage failed: {type(exc.orig or exc).__name__}: {str(exc.orig or exc)[:200]}", item.source)
            out.append(None)
    return out
