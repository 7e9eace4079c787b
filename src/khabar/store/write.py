"""Writing analysed Documents: one transaction per batch, so a crash leaves whole articles or none."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

from datasketch import LeanMinHash
from sqlalchemy import bindparam, select, update
from sqlalchemy.engine import Connection

from khabar.document import Document
from khabar.store import fts, schema as t
from khabar.store.keys import entity_key, event_day, event_key
from khabar.store.stories import StoryIndex, from_bytes, signature, to_bytes


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _source_pk(conn: Connection, name: str) -> int:
    pk = conn.execute(select(t.sources.c.pk).where(t.sources.c.name == name)).scalar()
    if pk is None:
        pk = conn.execute(t.sources.insert().values(name=name)).inserted_primary_key[0]
    return pk


def _entity_pks(conn: Connection, doc: Document) -> dict[str, int]:
    """Document entity id → entities.pk, creating shared entities on first sight and filling in missing KB fields."""
    keys = {entity.id: entity_key(entity.type, entity.name, entity.kb_id) for entity in doc.entities}
    if not keys:
        return {}
    known = {row["key"]: row for row in conn.execute(select(t.entities).where(t.entities.c.key.in_(set(keys.values())))).mappings()}
    out = {}
    for entity in doc.entities:
        key = keys[entity.id]
        fields = {
            "type": entity.type, "name": entity.name, "name_en": entity.name_en, "kb_id": entity.kb_id,
            "wikidata": entity.wikidata, "country": entity.country, "actor_code": entity.actor_code,
        }
        row = known.get(key)
        if row is None:
            pk = conn.execute(t.entities.insert().values(key=key, **fields)).inserted_primary_key[0]
            known[key] = {"pk": pk, **fields}
        else:
            missing = {k: v for k, v in fields.items() if v is not None and row[k] is None}
            if missing:
                conn.execute(update(t.entities).where(t.entities.c.pk == row["pk"]).values(**missing))
                known[key] = {**row, **missing}
        out[entity.id] = known[key]["pk"]
    return out


def _insert_many(conn: Connection, table, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(table.insert(), rows)


def _assign_story(conn: Connection, stories: StoryIndex, article_pk: int, sig: LeanMinHash) -> None:
    """Join the story of the most similar earlier article (creating it if that article stood alone)."""
    match = stories.best_match(sig)
    stories.add(article_pk, sig)
    if match is None:
        return
    other_pk = match[0]
    story_pk = conn.execute(select(t.articles.c.story_pk).where(t.articles.c.pk == other_pk)).scalar()
    if story_pk is None:
        story_pk = conn.execute(t.stories.insert().values(origin_pk=other_pk, size=1)).inserted_primary_key[0]
        conn.execute(update(t.articles).where(t.articles.c.pk == other_pk).values(story_pk=story_pk))
    conn.execute(update(t.articles).where(t.articles.c.pk == article_pk).values(story_pk=story_pk))
    # the origin is the earliest publication; undated copies and ties go by ingestion order
    members = select(t.articles.c.pk, t.articles.c.published).where(t.articles.c.story_pk == story_pk)
    rows = conn.execute(members).all()
    origin = min(rows, key=lambda r: (r.published is None, r.published or dt.date.min, r.pk))
    conn.execute(
        update(t.stories).where(t.stories.c.pk == story_pk).values(
            origin_pk=origin.pk, size=len(rows), first_published=min((r.published for r in rows if r.published), default=None)
        )
    )


def _add_events(conn: Connection, doc: Document, article_pk: int, entity_pks: dict[str, int]) -> None:
    """Each event joins the stored event with its key or starts one; statements are batched per article."""
    keyed = []
    for event in doc.events:
        actors = list(dict.fromkeys(entity_pks[a] for a in event.actors if a in entity_pks))
        recipients = list(dict.fromkeys(entity_pks[r] for r in event.recipients if r in entity_pks))
        key = event_key(event.type, [str(pk) for pk in actors], [str(pk) for pk in recipients], event.date, article_pk)
        keyed.append((key, event, actors, recipients))
    if not keyed:
        return
    keys = {key for key, *_ in keyed}
    event_pks = dict(conn.execute(select(t.events.c.key, t.events.c.pk).where(t.events.c.key.in_(keys))).all())
    participants = []
    for key, event, actors, recipients in keyed:
        if key in event_pks:
            continue
        event_pks[key] = conn.execute(
            t.events.insert().values(
                key=key, type=event.type, cameo=event.cameo, mode=event.mode, date=event.date,
                day=event_day(event.date, doc.published), negated=event.negated, n_mentions=0, n_articles=0,
                first_article_pk=article_pk,
            )
        ).inserted_primary_key[0]
        participants += [{"event_pk": event_pks[key], "entity_pk": pk, "role": "actor", "position": i} for i, pk in enumerate(actors)]
        participants += [{"event_pk": event_pks[key], "entity_pk": pk, "role": "recipient", "position": i} for i, pk in enumerate(recipients)]
    _insert_many(conn, t.event_actors, participants)
    _insert_many(conn, t.event_mentions, [
        {
            "event_pk": event_pks[key], "article_pk": article_pk, "start": event.evidence.start, "end": event.evidence.end,
            "text": event.evidence.text, "trigger": event.trigger.text if event.trigger else None,
            "date_source": event.date_source, "context": json.dumps(event.context, ensure_ascii=False),
        }
        for key, event, *_ in keyed
    ])
    # the article is new, so each of its events gains exactly one article and as many mentions as it has here
    mentions = Counter(key for key, *_ in keyed)
    conn.execute(
        update(t.events).where(t.events.c.pk == bindparam("event")).values(
            n_mentions=t.events.c.n_mentions + bindparam("mentions"), n_articles=t.events.c.n_articles + 1
        ),
        [{"event": event_pks[key], "mentions": n} for key, n in mentions.items()],
    )


@dataclass
class Prepared:
    """What indexing needs from a document, computable before the transaction (in an analysis worker)."""

    terms: str
    signature: LeanMinHash


def prepare(doc: Document) -> Prepared:
    return Prepared(fts.document_terms(doc), signature(doc.text))


def add_document(conn: Connection, stories: StoryIndex, doc: Document, content_hash: str,
                 prepared: Prepared | None = None) -> tuple[int, bool]:
    existing = conn.execute(select(t.articles.c.pk).where(t.articles.c.content_hash == content_hash)).scalar()
    if existing is not None:
        return existing, False
    prepared = prepared or prepare(doc)
    sig = prepared.signature
    source_pk = _source_pk(conn, doc.source.publisher) if doc.source.publisher else None
    article_pk = conn.execute(
        t.articles.insert().values(
            doc_id=doc.id, content_hash=content_hash, url=doc.url, title=doc.title, published=doc.published,
            source_pk=source_pk, wire=doc.source.wire, dateline=doc.source.dateline,
            n_entities=len(doc.entities), n_events=len(doc.events), n_quotes=len(doc.quotes),
            n_relations=len(doc.relations), minhash=to_bytes(sig),
            data=json.dumps(doc.to_dict(), ensure_ascii=False), ingested_at=_now(),
        )
    ).inserted_primary_key[0]
    entity_pks = _entity_pks(conn, doc)
    _insert_many(conn, t.mentions, [
        {"entity_pk": entity_pks[e.id], "article_pk": article_pk, "start": m.start, "end": m.end, "text": m.text}
        for e in doc.entities for m in e.mentions
    ])
    _insert_many(conn, t.dates, [
        {"article_pk": article_pk, "start": d.start, "end": d.end, "text": d.text, "value": d.value, "type": d.type, "granularity": d.granularity}
        for d in doc.dates
    ])
    _insert_many(conn, t.quotes, [
        {
            "article_pk": article_pk, "speaker_pk": entity_pks.get(q.speaker) if q.speaker else None,
            "speaker": _speaker_name(doc, q.speaker), "cue": q.cue, "kind": q.kind, "start": q.start, "end": q.end, "text": q.text,
        }
        for q in doc.quotes
    ])
    _insert_many(conn, t.relations, [
        {
            "article_pk": article_pk, "type": r.type, "subject_pk": entity_pks[r.subject], "object_pk": entity_pks[r.object],
            "role": r.role, "start": r.evidence.start, "end": r.evidence.end, "text": r.evidence.text,
        }
        for r in doc.relations if r.subject in entity_pks and r.object in entity_pks
    ])
    _add_events(conn, doc, article_pk, entity_pks)
    fts.index(conn, [(article_pk, prepared.terms)])
    _assign_story(conn, stories, article_pk, sig)
    return article_pk, True


def _speaker_name(doc: Document, speaker: str | None) -> str | None:
    """Quote speakers are entity ids when the speaker was recognised, else the words that name them."""
    entity = doc.entity(speaker) if speaker else None
    return entity.name if entity else speaker


def load_story_index(conn: Connection) -> StoryIndex:
    index = StoryIndex()
    for pk, data in conn.execute(select(t.articles.c.pk, t.articles.c.minhash).where(t.articles.c.minhash.is_not(None))):
        index.add(pk, from_bytes(data))
    return index


def add_failure(conn: Connection, origin: str, reason: str, source: str | None = None) -> None:
    now = _now()
    row = conn.execute(select(t.failures.c.pk).where(t.failures.c.origin == origin)).first()
    if row is None:
        conn.execute(t.failures.insert().values(origin=origin, source=source, reason=reason, attempts=1, first_seen=now, last_seen=now))
    else:
        conn.execute(
            update(t.failures).where(t.failures.c.pk == row.pk).values(
                reason=reason, source=source, attempts=t.failures.c.attempts + 1, last_seen=now
            )
        )
