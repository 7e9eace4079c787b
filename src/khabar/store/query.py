"""Reading the store: every function returns plain JSON-able dicts and lists."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.engine import Connection

from khabar.store import fts, schema as t
from khabar.text.normalize import normalize

MENTIONS_PER_EVENT = 20


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def row_dict(row) -> dict[str, Any]:
    return {k: _plain(v) for k, v in row._mapping.items()}


def _article_summary_query():
    a = t.articles
    return select(
        a.c.pk, a.c.doc_id.label("id"), a.c.title, a.c.published, a.c.url, t.sources.c.name.label("source"),
        a.c.wire, a.c.dateline, a.c.story_pk.label("story_id"), a.c.n_entities, a.c.n_events, a.c.n_quotes, a.c.n_relations,
    ).select_from(a.outerjoin(t.sources, a.c.source_pk == t.sources.c.pk))


def _summary(row) -> dict[str, Any]:
    out = row_dict(row)
    out["counts"] = {name: out.pop(f"n_{name}") for name in ("entities", "events", "quotes", "relations")}
    return out


def get_article(conn: Connection, id_or_pk: int | str) -> dict[str, Any] | None:
    a = t.articles
    if isinstance(id_or_pk, int) or str(id_or_pk).isdigit():
        condition = a.c.pk == int(id_or_pk)
    else:
        condition = or_(a.c.doc_id == id_or_pk, a.c.url == id_or_pk)
    row = conn.execute(select(a.c.pk, a.c.story_pk, a.c.data).where(condition).order_by(a.c.pk).limit(1)).first()
    if row is None:
        return None
    return {**json.loads(row.data), "pk": row.pk, "story_id": row.story_pk}


def list_articles(conn: Connection, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    query = _article_summary_query().order_by(t.articles.c.pk).limit(limit).offset(offset)
    return [_summary(r) for r in conn.execute(query)]


def search(conn: Connection, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    pks = fts.search(conn, query, limit, offset)
    if not pks:
        return []
    rows = {r.pk: r for r in conn.execute(_article_summary_query().where(t.articles.c.pk.in_(pks)))}
    texts = dict(conn.execute(select(t.articles.c.pk, t.articles.c.data).where(t.articles.c.pk.in_(pks))).all())
    out = []
    for pk in pks:
        item = _summary(rows[pk])
        item["snippet"] = fts.snippet(json.loads(texts[pk])["text"], query)
        out.append(item)
    return out


def _entity_dict(row) -> dict[str, Any]:
    return {k: row._mapping[k] for k in ("key", "type", "name", "name_en", "kb_id", "wikidata", "country", "actor_code")}


def resolve_entities(conn: Connection, ref: str) -> list[int]:
    """Entity pks for a key, a KB/Wikidata id, an Arabic name (normalised) or an English name."""
    e = t.entities
    nil_names = [f"NIL:{kind}:{' '.join(normalize(ref).split())}" for kind in ("PER", "ORG", "GPE", "LOC")]
    condition = or_(e.c.key == ref, e.c.kb_id == ref, e.c.wikidata == ref, e.c.key.in_(nil_names),
                    e.c.name == ref, func.lower(e.c.name_en) == ref.lower())
    return [r.pk for r in conn.execute(select(e.c.pk).where(condition))]


def _participants(conn: Connection, event_pks: list[int]) -> dict[int, dict[str, list]]:
    ea, e = t.event_actors, t.entities
    out: dict[int, dict[str, list]] = {pk: {"actors": [], "recipients": []} for pk in event_pks}
    query = (
        select(ea.c.event_pk, ea.c.role, ea.c.position, e)
        .select_from(ea.join(e, ea.c.entity_pk == e.c.pk))
        .where(ea.c.event_pk.in_(event_pks))
        .order_by(ea.c.event_pk, ea.c.role, ea.c.position)
    )
    for row in conn.execute(query):
        out[row.event_pk]["actors" if row.role == "actor" else "recipients"].append(_entity_dict(row))
    return out


def _event_mentions(conn: Connection, event_pks: list[int]) -> dict[int, list]:
    m, a = t.event_mentions, t.articles
    out: dict[int, list] = {pk: [] for pk in event_pks}
    query = (
        select(m.c.event_pk, m.c.article_pk, a.c.doc_id.label("article_id"), a.c.published, a.c.url,
               t.sources.c.name.label("source"), a.c.ingested_at, m.c.start, m.c.end, m.c.text, m.c.trigger, m.c.date_source, m.c.context)
        .select_from(m.join(a, m.c.article_pk == a.c.pk).outerjoin(t.sources, a.c.source_pk == t.sources.c.pk))
        .where(m.c.event_pk.in_(event_pks))
        .order_by(m.c.event_pk, a.c.published.nulls_last(), m.c.pk)
    )
    for row in conn.execute(query):
        if len(out[row.event_pk]) < MENTIONS_PER_EVENT:
            item = row_dict(row)
            del item["event_pk"]
            item["context"] = json.loads(item["context"] or "[]")
            out[row.event_pk].append(item)
    return out


def _source_counts(conn: Connection, event_pks: list[int]) -> dict[int, int]:
    m, a = t.event_mentions, t.articles
    query = (
        select(m.c.event_pk, func.count(func.distinct(a.c.source_pk)))
        .select_from(m.join(a, m.c.article_pk == a.c.pk))
        .where(m.c.event_pk.in_(event_pks))
        .group_by(m.c.event_pk)
    )
    return dict(conn.execute(query).all())


def _with_role(entity_pks: list[int], role: str):
    ea = t.event_actors
    return t.events.c.pk.in_(select(ea.c.event_pk).where(ea.c.entity_pk.in_(entity_pks), ea.c.role == role))


def event_conditions(conn: Connection, actor=None, recipient=None, type=None, country=None, since=None, until=None) -> list:
    ev, ea, e = t.events, t.event_actors, t.entities
    conditions = []
    if actor:
        conditions.append(_with_role(resolve_entities(conn, actor), "actor"))
    if recipient:
        conditions.append(_with_role(resolve_entities(conn, recipient), "recipient"))
    if type:
        conditions.append(ev.c.type == type.upper())
    if country:
        in_country = select(ea.c.event_pk).select_from(ea.join(e, ea.c.entity_pk == e.c.pk)).where(e.c.country == country.upper())
        conditions.append(ev.c.pk.in_(in_country))
    if since:
        conditions.append(ev.c.day >= str(since))
    if until:
        conditions.append(ev.c.day <= str(until))
    return conditions


def events(conn: Connection, actor=None, recipient=None, type=None, country=None, since=None, until=None,
           limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Merged events, newest first, each with its actors, recipients and (up to MENTIONS_PER_EVENT) mentions."""
    ev = t.events
    conditions = event_conditions(conn, actor, recipient, type, country, since, until)
    query = select(ev).where(and_(True, *conditions)).order_by(ev.c.day.desc().nulls_last(), ev.c.pk).limit(limit).offset(offset)
    rows = conn.execute(query).all()
    pks = [r.pk for r in rows]
    participants = _participants(conn, pks)
    mentions = _event_mentions(conn, pks)
    n_sources = _source_counts(conn, pks)
    out = []
    for row in rows:
        item = row_dict(row)
        item["id"] = item.pop("pk")
        item["n_sources"] = n_sources.get(row.pk, 0)
        item.update(participants[row.pk])
        item["mentions"] = mentions[row.pk]
        out.append(item)
    return out


def quotes(conn: Connection, speaker: str | None = None, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    q, a, e = t.quotes, t.articles, t.entities
    query = (
        select(q.c.pk.label("id"), q.c.article_pk, a.c.doc_id.label("article_id"), a.c.published, q.c.speaker,
               e.c.key.label("speaker_key"), q.c.cue, q.c.kind, q.c.start, q.c.end, q.c.text)
        .select_from(q.join(a, q.c.article_pk == a.c.pk).outerjoin(e, q.c.speaker_pk == e.c.pk))
        .order_by(a.c.published.desc().nulls_last(), q.c.pk)
        .limit(limit).offset(offset)
    )
    if speaker:
        query = query.where(or_(q.c.speaker_pk.in_(resolve_entities(conn, speaker)), q.c.speaker == speaker))
    return [row_dict(r) for r in conn.execute(query)]


def stories(conn: Connection, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    s, a = t.stories, t.articles
    query = (
        select(s.c.pk.label("id"), s.c.size, s.c.first_published, s.c.origin_pk, a.c.title.label("origin_title"), a.c.wire)
        .select_from(s.outerjoin(a, s.c.origin_pk == a.c.pk))
        .order_by(s.c.size.desc(), s.c.pk).limit(limit).offset(offset)
    )
    return [row_dict(r) for r in conn.execute(query)]


def story(conn: Connection, story_id: int) -> dict[str, Any] | None:
    s = t.stories
    row = conn.execute(select(s).where(s.c.pk == story_id)).first()
    if row is None:
        return None
    members = [_summary(r) for r in conn.execute(_article_summary_query().where(t.articles.c.story_pk == story_id))]
    members.sort(key=lambda m: (m["pk"] != row.origin_pk, m["published"] is None, m["published"] or "", m["pk"]))
    return {"id": row.pk, "size": row.size, "first_published": _plain(row.first_published), "origin_pk": row.origin_pk, "articles": members}


def entity(conn: Connection, key: str) -> dict[str, Any] | None:
    e, m, a = t.entities, t.mentions, t.articles
    row = conn.execute(select(e).where(e.c.key == key)).first()
    if row is None:
        return None
    by_article: dict[int, dict[str, Any]] = {}
    timeline: Counter[str] = Counter()
    query = (
        select(m.c.article_pk, a.c.doc_id, a.c.title, a.c.published, m.c.start, m.c.end, m.c.text)
        .select_from(m.join(a, m.c.article_pk == a.c.pk))
        .where(m.c.entity_pk == row.pk)
        .order_by(a.c.published.nulls_last(), m.c.article_pk, m.c.start)
    )
    for r in conn.execute(query):
        article = by_article.setdefault(
            r.article_pk, {"article_pk": r.article_pk, "article_id": r.doc_id, "title": r.title, "published": _plain(r.published), "mentions": []}
        )
        article["mentions"].append({"start": r.start, "end": r.end, "text": r.text})
    for article in by_article.values():
        if article["published"]:
            timeline[article["published"][:7]] += len(article["mentions"])
    r = t.relations
    subject, obj = e.alias("subject"), e.alias("object")
    relation_rows = conn.execute(
        select(r.c.type, r.c.role, r.c.article_pk, r.c.text, subject.c.key.label("subject"), subject.c.name.label("subject_name"),
               obj.c.key.label("object"), obj.c.name.label("object_name"))
        .select_from(r.join(subject, r.c.subject_pk == subject.c.pk).join(obj, r.c.object_pk == obj.c.pk))
        .where(or_(r.c.subject_pk == row.pk, r.c.object_pk == row.pk))
        .order_by(r.c.pk)
    )
    return {
        **_entity_dict(row),
        "mentions": list(by_article.values()),
        "events_as_actor": events(conn, actor=key),
        "events_as_recipient": events(conn, recipient=key),
        "quotes": quotes(conn, speaker=key),
        "relations": [row_dict(x) for x in relation_rows],
        "timeline": [{"month": month, "mentions": n} for month, n in sorted(timeline.items())],
    }


def actor_graph(conn: Connection, type=None, since=None, until=None, min_weight: int = 1) -> dict[str, list]:
    """Actors → recipients, weighted by the number of distinct (merged) events between them."""
    ev, e = t.events, t.entities
    actor, recipient = t.event_actors.alias("actor"), t.event_actors.alias("recipient")
    weight = func.count(func.distinct(ev.c.pk))
    query = (
        select(actor.c.entity_pk.label("source"), recipient.c.entity_pk.label("target"), weight.label("weight"))
        .select_from(ev.join(actor, and_(actor.c.event_pk == ev.c.pk, actor.c.role == "actor"))
                     .join(recipient, and_(recipient.c.event_pk == ev.c.pk, recipient.c.role == "recipient")))
        .where(and_(True, *event_conditions(conn, type=type, since=since, until=until)))
        .group_by(actor.c.entity_pk, recipient.c.entity_pk)
        .having(weight >= min_weight)
    )
    edges = conn.execute(query).all()
    node_pks = {pk for edge in edges for pk in (edge.source, edge.target)}
    nodes = {r.pk: _entity_dict(r) for r in conn.execute(select(e).where(e.c.pk.in_(node_pks)))}
    return {
        "nodes": sorted(nodes.values(), key=lambda n: n["key"]),
        "edges": [{"source": nodes[x.source]["key"], "target": nodes[x.target]["key"], "weight": x.weight} for x in edges],
    }


def stats(conn: Connection) -> dict[str, int]:
    def count(table) -> int:
        return conn.execute(select(func.count()).select_from(table)).scalar()

    return {
        "articles": count(t.articles),
        "entities": count(t.entities),
        "mentions": count(t.mentions),
        "events": count(t.events),
        "event_mentions": count(t.event_mentions),
        "quotes": count(t.quotes),
        "relations": count(t.relations),
        "stories": count(t.stories),
        "sources": count(t.sources),
        "failures": count(t.failures),
    }
