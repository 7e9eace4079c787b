"""The store's tables, in SQLAlchemy Core so that one definition serves SQLite and PostgreSQL.

Entities are shared across articles under a stable `key` (the KB id when linked, else a NIL key from type and
normalised name). Events are merged across articles: `events` holds one row per distinct event (GDELT's event
table), `event_mentions` one row per article passage reporting it (GDELT's mentions table).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

sources = Table(
    "sources",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
)

stories = Table(
    "stories",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("origin_pk", Integer, nullable=True),
    Column("size", Integer, nullable=False, default=1),
    Column("first_published", Date, nullable=True),
)

articles = Table(
    "articles",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("doc_id", String(300), nullable=False),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("url", Text, nullable=True),
    Column("title", Text, nullable=True),
    Column("published", Date, nullable=True),
    Column("source_pk", Integer, ForeignKey("sources.pk"), nullable=True),
    Column("wire", String(100), nullable=True),
    Column("dateline", String(200), nullable=True),
    Column("story_pk", Integer, ForeignKey("stories.pk"), nullable=True),
    Column("n_entities", Integer, nullable=False, default=0),
    Column("n_events", Integer, nullable=False, default=0),
    Column("n_quotes", Integer, nullable=False, default=0),
    Column("n_relations", Integer, nullable=False, default=0),
    # MinHash signature of the normalised text: near-duplicate lookups survive restarts without re-hashing
    Column("minhash", LargeBinary, nullable=True),
    # The analyze contract (Document.to_dict()), served back verbatim by get_article
    Column("data", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index("ix_articles_url", "url"),
    Index("ix_articles_doc_id", "doc_id"),
    Index("ix_articles_published", "published"),
    Index("ix_articles_story", "story_pk"),
)

entities = Table(
    "entities",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("key", String(300), nullable=False, unique=True),
    Column("type", String(10), nullable=False),
    Column("name", Text, nullable=False),
    Column("name_en", Text, nullable=True),
    Column("kb_id", String(200), nullable=True),
    Column("wikidata", String(30), nullable=True),
    Column("country", String(3), nullable=True),
    Column("actor_code", String(50), nullable=True),
)

mentions = Table(
    "mentions",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("entity_pk", Integer, ForeignKey("entities.pk"), nullable=False),
    Column("article_pk", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_mentions_entity", "entity_pk"),
    Index("ix_mentions_article", "article_pk"),
)

dates = Table(
    "dates",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("article_pk", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", String(50), nullable=True),
    Column("type", String(10), nullable=False),
    Column("granularity", String(20), nullable=True),
    Index("ix_dates_article", "article_pk"),
)

quotes = Table(
    "quotes",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("article_pk", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False),
    Column("speaker_pk", Integer, ForeignKey("entities.pk"), nullable=True),
    Column("speaker", Text, nullable=True),
    Column("cue", Text, nullable=False),
    Column("kind", String(10), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_quotes_article", "article_pk"),
    Index("ix_quotes_speaker", "speaker_pk"),
)

events = Table(
    "events",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("key", String(64), nullable=False, unique=True),
    Column("type", String(20), nullable=False),
    Column("cameo", String(10), nullable=True),
    Column("mode", String(30), nullable=True),
    Column("date", String(30), nullable=True),  # the TIMEX3 value as extracted
    Column("day", String(10), nullable=True),  # YYYY-MM-DD it is filed, filtered and sorted under (keys.event_day)
    Column("negated", Boolean, nullable=False, default=False),
    Column("n_mentions", Integer, nullable=False, default=0),
    Column("n_articles", Integer, nullable=False, default=0),
    Column("first_article_pk", Integer, ForeignKey("articles.pk"), nullable=True),
    Index("ix_events_type", "type"),
    Index("ix_events_date", "date"),
    Index("ix_events_day", "day"),
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("event_pk", Integer, ForeignKey("events.pk", ondelete="CASCADE"), primary_key=True),
    Column("entity_pk", Integer, ForeignKey("entities.pk"), primary_key=True),
    Column("role", String(10), primary_key=True),  # "actor" or "recipient"
    Column("position", Integer, nullable=False),
    Index("ix_event_actors_entity", "entity_pk", "role"),
)

event_mentions = Table(
    "event_mentions",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("event_pk", Integer, ForeignKey("events.pk"), nullable=False),
    Column("article_pk", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("trigger", Text, nullable=True),
    Column("date_source", String(30), nullable=True),
    Column("context", Text, nullable=True),  # JSON list
    Index("ix_event_mentions_event", "event_pk"),
    Index("ix_event_mentions_article", "article_pk"),
)

relations = Table(
    "relations",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("article_pk", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False),
    Column("type", String(40), nullable=False),
    Column("subject_pk", Integer, ForeignKey("entities.pk"), nullable=False),
    Column("object_pk", Integer, ForeignKey("entities.pk"), nullable=False),
    Column("role", Text, nullable=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_relations_subject", "subject_pk"),
    Index("ix_relations_object", "object_pk"),
)

failures = Table(
    "failures",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("origin", Text, nullable=False),
    Column("source", Text, nullable=True),  # the SOURCE argument that produced it, re-read by `failures --retry`
    Column("reason", Text, nullable=False),
    Column("attempts", Integer, nullable=False, default=1),
    Column("first_seen", DateTime(timezone=True), nullable=False),
    Column("last_seen", DateTime(timezone=True), nullable=False),
    UniqueConstraint("origin", name="uq_failures_origin"),
)

