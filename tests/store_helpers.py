"""Shared fixtures for the store tests: a fresh store per test on SQLite and, when configured, PostgreSQL."""

from __future__ import annotations

import datetime as dt
import gc
import os
import uuid

import pytest

from khabar.document import Document, Entity, Event, Quote, Relation, Source, Span
from khabar.pipeline import Pipeline
from khabar.source import SourceDetector
from khabar.text import TextAnalyzer

PG_ENV = "KHABAR_TEST_PG_URL"


def _pg_database(base_url: str):
    """Create a throw-away database on the server of `base_url`; yields its URL and drops it afterwards."""
    psycopg = pytest.importorskip("psycopg")
    name = f"khabar_t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base_url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    try:
        yield base_url.rsplit("/", 1)[0] + "/" + name
    finally:
        gc.collect()  # closes the pools of the test's stores
        with psycopg.connect(base_url, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'khabar.db'}"
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} not set (.ci/setup-postgres.sh prints one)")
    yield from _pg_database(base)


def light_pipeline() -> Pipeline:
    """Text and wire/dateline layers only: ingestion tests exercise the store, not the extractors."""
    return Pipeline([TextAnalyzer(), SourceDetector()])


PUTIN_TEXT = (
    "قال الرئيس الروسي فلاديمير بوتين اليوم إن بلاده مستعدة للحوار مع أوكرانيا بشأن الأمن في أوروبا، "
    "وأضاف أن موسكو لا تريد الحرب وأنها تنتظر ردا مكتوبا من كييف على مقترحاتها الأخيرة حول الضمانات الأمنية."
)


def make_doc(doc_id: str, text: str = PUTIN_TEXT, published: dt.date | None = dt.date(2024, 3, 5), event_date: str | None = "2024-03-05",
             event_type: str = "ACCUSE", publisher: str = "BBC", wire: str | None = None) -> Document:
    """A document with two linked/NIL entities, one event, one quote and one relation, all with real offsets."""
    doc = Document(id=doc_id, text=text, title=f"عنوان {doc_id}", published=published, url=f"https://example.org/{doc_id}",
                   source=Source(publisher=publisher, wire=wire))

    def span(word: str) -> Span:
        start = text.index(word)
        return Span(start, start + len(word), word)

    doc.entities = [
        Entity(id="E1", type="PER", name="فلاديمير بوتين", mentions=[span("فلاديمير بوتين")], kb_id="Q7747",
               wikidata="Q7747", country="RUS", name_en="Vladimir Putin", actor_code="RUSGOV"),
        Entity(id="E2", type="GPE", name="أوكرانيا", mentions=[span("أوكرانيا")], country="UKR"),
    ]
    doc.events = [Event(type=event_type, evidence=span("مستعدة للحوار مع أوكرانيا"), actors=["E1"], recipients=["E2"],
                        date=event_date, cameo="036" if event_type == "CONSULT" else None, trigger=span("للحوار"))]
    doc.quotes = [Quote(speaker="E1", cue="قال", kind="indirect", start=text.index("بلاده"), end=text.index("،"), text=text[text.index("بلاده"):text.index("،")])]
    doc.relations = [Relation(type="leader_of", subject="E1", object="E2", evidence=span("الرئيس الروسي فلاديمير بوتين"))]
    return doc


def plain_doc(doc_id: str, text: str, published: dt.date | None = dt.date(2024, 3, 5)) -> Document:
    return Document(id=doc_id, text=text, title=None, published=published, source=Source(publisher="SPA"))
