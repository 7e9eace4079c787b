"""The Store: one SQLite file (WAL) or a PostgreSQL database, migrated to the latest schema when opened."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import Engine

from khabar.document import Document
from khabar.store import query, schema as t, write
from khabar.store.migrate import upgrade
from khabar.store.stories import StoryIndex

ENV_URL = "KHABAR_DB"


def default_url() -> str:
    path = Path(platformdirs.user_data_dir("khabar")) / "khabar.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def _normalise_url(url: str) -> str:
    # `postgresql://` means psycopg 3 here, the driver this project installs
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")  # durable at each WAL checkpoint; a crash loses no committed batch
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def make_engine(url: str) -> Engine:
    engine = create_engine(_normalise_url(url))
    if engine.dialect.name == "sqlite":
        if engine.url.database:
            Path(engine.url.database).parent.mkdir(parents=True, exist_ok=True)
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


class Store:
    def __init__(self, url: str):
        self.url = url
        self.engine = make_engine(url)
        upgrade(self.engine)
        self._stories: StoryIndex | None = None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def _story_index(self, conn) -> StoryIndex:
        if self._stories is None:
            self._stories = write.load_story_index(conn)
        return self._stories

    # --- writing ---------------------------------------------------------------------------------------------
    def add_documents(self, items: Iterable[tuple[Document, str] | tuple[Document, str, write.Prepared]]) -> list[tuple[int, bool]]:
        """Store (document, content_hash[, prepared]) in one transaction: all of them or, after a crash, none.

        `prepared` (`khabar.store.write.prepare(doc)`) lets analysis workers do the indexing work in parallel.
        """
        try:
            with self.engine.begin() as conn:
                index = self._story_index(conn)
                return [write.add_document(conn, index, *item) for item in items]
        except BaseException:
            self._stories = None  # the in-memory index may hold articles the rollback removed: reload it
            raise

    def add_document(self, doc: Document, content_hash: str) -> tuple[int, bool]:
        return self.add_documents([(doc, content_hash)])[0]

    def add_failure(self, origin: str, reason: str, source: str | None = None) -> None:
        with self.engine.begin() as conn:
            write.add_failure(conn, origin, reason, source)

    def clear_failures(self, origins: Iterable[str]) -> None:
        """Forget the failures of origins that have now been stored."""
        origins = list(origins)
        if origins:
            with self.engine.begin() as conn:
                conn.execute(t.failures.delete().where(t.failures.c.origin.in_(origins)))

    def failure_sources(self) -> list[str]:
        """The SOURCE arguments whose reading produced a stored failure, for `failures --retry`."""
        f = t.failures
        return self._read(lambda conn: [r[0] for r in conn.execute(select(f.c.source).where(f.c.source.is_not(None)).distinct().order_by(f.c.source))])

    def prune_failures(self, sources: Iterable[str], before: dt.datetime) -> None:
        """After a retry: forget failures of these sources that the retry did not meet again."""
        f = t.failures
        with self.engine.begin() as conn:
            conn.execute(f.delete().where(f.c.source.in_(list(sources)), f.c.last_seen < before))

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        hashes = list(hashes)
        with self.engine.connect() as conn:
            column = t.articles.c.content_hash
            return {r[0] for r in conn.execute(select(column).where(column.in_(hashes)))} if hashes else set()

    def has_url(self, url: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(t.articles.c.pk).where(t.articles.c.url == url).limit(1)).first() is not None

    # --- reading ---------------------------------------------------------------------------------------------
    def _read(self, function, *args, **kwargs) -> Any:
        with self.engine.connect() as conn:
            return function(conn, *args, **kwargs)

    def failures(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        f = t.failures
        rows = select(f).order_by(f.c.pk).limit(limit).offset(offset)
        return self._read(lambda conn: [query.row_dict(r) for r in conn.execute(rows)])

    def get_article(self, id_or_pk: int | str) -> dict[str, Any] | None:
        return self._read(query.get_article, id_or_pk)

    def list_articles(self, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        return self._read(query.list_articles, limit, offset)

    def search(self, text: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        return self._read(query.search, text, limit, offset)

    def entity(self, key: str) -> dict[str, Any] | None:
        return self._read(query.entity, key)

    def events(self, actor=None, recipient=None, type=None, country=None, since=None, until=None, limit: int = 50, offset: int = 0):
        return self._read(query.events, actor, recipient, type, country, since, until, limit, offset)

    def quotes(self, speaker: str | None = None, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        return self._read(query.quotes, speaker, limit, offset)

    def stories(self, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        return self._read(query.stories, limit, offset)

    def story(self, story_id: int) -> dict[str, Any] | None:
        return self._read(query.story, story_id)

    def actor_graph(self, type=None, since=None, until=None, min_weight: int = 1) -> dict[str, list]:
        return self._read(query.actor_graph, type, since, until, min_weight)

    def stats(self) -> dict[str, int]:
        return self._read(query.stats)

    def iter_articles(self, batch: int = 500):
        """Every stored article's contract JSON plus pk and story_id, in pk order, a batch at a time."""
        a = t.articles
        last = 0
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(select(a.c.pk, a.c.story_pk, a.c.data).where(a.c.pk > last).order_by(a.c.pk).limit(batch)).all()
            if not rows:
                return
            for row in rows:
                yield {**json.loads(row.data), "pk": row.pk, "story_id": row.story_pk}
            last = rows[-1].pk


def open_store(url: str | None = None) -> Store:
    """None → the KHABAR_DB environment variable, else a SQLite file in the user's data directory."""
    return Store(url or os.environ.get(ENV_URL) or default_url())
