"""Exports: article JSONL (the analyze contract), PLOVER JSONL, the GDELT 2.0 event table, CSV and Parquet.

PLOVER, GDELT, CSV and Parquet have one record per merged event; JSONL one per article. Filters are those of
`Store.events`; for JSONL they keep the articles that report a matching event.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select

from khabar import __version__
from khabar.store import query, schema as t
from khabar.store.core import Store
from khabar.store.options import ExportFormat

PAGE = 500


@lru_cache(maxsize=1)
def plover_table() -> dict[str, dict[str, Any]]:
    return yaml.safe_load(resources.files("khabar.data").joinpath("store/plover.yaml").read_text(encoding="utf-8"))


def iter_events(store: Store, **filters) -> Iterator[dict[str, Any]]:
    offset = 0
    while page := store.events(**filters, limit=PAGE, offset=offset):
        yield from page
        offset += len(page)


def cameo_codes(event: dict[str, Any]) -> tuple[str, str, str]:
    """(EventCode, EventBaseCode, EventRootCode); without a CAMEO code, the category's usual root ("040")."""
    code = event["cameo"] or (plover_table()[event["type"]]["cameo_root"] + "0")
    return code, code[:3], code[:2]


def quad_class(event: dict[str, Any]) -> int:
    return plover_table()[event["type"]]["quad_class"]


def _actor_code(entity: dict[str, Any] | None) -> str:
    if not entity:
        return ""
    return entity["actor_code"] or entity["country"] or ""


# --- PLOVER ----------------------------------------------------------------------------------------------------
def _plover_entity(entity: dict[str, Any]) -> dict[str, Any]:
    out = {"code": _actor_code(entity) or None, "entity_text": entity["name"]}
    if entity["wikidata"]:
        out["identifier_id"] = entity["wikidata"]
    if entity["name_en"]:
        out["identifier_text"] = entity["name_en"]
    return out


def plover_record(event: dict[str, Any], coded: dt.date) -> dict[str, Any]:
    return {
        "id": f"khabar-{event['key'][:16]}",
        "has_event": True,
        "date": event["day"],
        "actor": [_plover_entity(e) for e in event["actors"]],
        "recipient": [_plover_entity(e) for e in event["recipients"]],
        "event": [event["type"]],
        "mode": [event["mode"]] if event["mode"] else [],
        "context": sorted({c for m in event["mentions"] for c in m["context"]}),
        "quad_code": quad_class(event),
        "event_text": [m["text"] for m in event["mentions"]],
        "text_info": [{"start": m["start"], "end": m["end"]} for m in event["mentions"]],
        "cite_info": [{"corpus": m["source"], "citation": m["article_id"], "url": m["url"]} for m in event["mentions"]],
        "coder": f"khabar {__version__}",
        "coded_date": coded.isoformat(),
        "comment": f"negated: {event['negated']}" if event["negated"] else None,
    }


# --- GDELT 2.0 -------------------------------------------------------------------------------------------------
# The event table's 61 columns, in order (GDELT 2.0 Event Codebook); files are tab-separated without a header.
GDELT_COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor{n}{field}" for n in (1, 2) for field in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
       "NumSources", "NumArticles", "AvgTone"]
    + [f"{who}Geo_{field}" for who in ("Actor1", "Actor2", "Action") for field in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")]
    + ["DATEADDED", "SOURCEURL"]
)


def _gdelt_actor(entity: dict[str, Any] | None) -> list[str]:
    code = _actor_code(entity)
    # CAMEO actor codes are 3-letter chunks: country first, then up to three role/type codes ("SYRGOVMIL")
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    country = entity["country"] if entity and entity["country"] and entity["country"] != "IGO" else ""
    types = [c for c in chunks if c != country][:3] if code != country else []
    name = ((entity["name_en"] or entity["name"]) if entity else "").upper()
    return [code, name, country, "IGO" if entity and entity["country"] == "IGO" else "", "", "", ""] + (types + ["", "", ""])[:3]


def _is_root_event(event: dict[str, Any], lead_paragraph_ends: dict[int, int]) -> int:
    """GDELT's IsRootEvent: reported in the lead paragraph of its first article."""
    first = event["mentions"][0] if event["mentions"] else None
    return int(bool(first) and first["start"] < lead_paragraph_ends.get(first["article_pk"], 0))


def gdelt_row(event: dict[str, Any], lead_paragraph_ends: dict[int, int]) -> list[Any] | None:
    day = event["day"]
    if day is None:  # GDELT rows need a date
        return None
    date = dt.date.fromisoformat(day)
    code, base, root = cameo_codes(event)
    added = min((m["ingested_at"] for m in event["mentions"] if m["ingested_at"]), default=None)
    added_stamp = dt.datetime.fromisoformat(added).strftime("%Y%m%d%H%M%S") if added else ""
    urls = [m["url"] for m in event["mentions"] if m["url"]]
    row = [
        event["id"], date.strftime("%Y%m%d"), date.strftime("%Y%m"), date.year,
        f"{date.year + (date.timetuple().tm_yday - 1) / 365:.4f}",
        *_gdelt_actor(event["actors"][0] if event["actors"] else None),
        *_gdelt_actor(event["recipients"][0] if event["recipients"] else None),
        _is_root_event(event, lead_paragraph_ends), code, base, root, quad_class(event), "",
        event["n_mentions"], event["n_sources"], event["n_articles"], "",
    ]
    row += [0, "", "", "", "", "", "", ""] * 3  # no geocoding yet: GDELT's Geo_Type 0 means "no location"
    row += [added_stamp, urls[0] if urls else ""]
    return row


def _lead_paragraph_ends(store: Store, article_pks: set[int]) -> dict[int, int]:
    out = {}
    with store.engine.connect() as conn:
        for pk, data in conn.execute(select(t.articles.c.pk, t.articles.c.data).where(t.articles.c.pk.in_(article_pks))):
            text = json.loads(data)["text"]
            lead_start = len(text) - len(text.lstrip())
            lead_end = text.find("\n", lead_start)
            out[pk] = lead_end if lead_end >= 0 else len(text)
    return out


# --- flat tables (CSV, Parquet) --------------------------------------------------------------------------------
FLAT_COLUMNS = [
    "id", "date", "day", "type", "cameo", "quad_class", "mode", "negated",
    "actor_key", "actor_name", "actor_country", "recipient_key", "recipient_name", "recipient_country",
    "actors", "recipients", "n_mentions", "n_articles", "n_sources", "first_article_id", "source_url",
]


def flat_record(event: dict[str, Any]) -> dict[str, Any]:
    actor = event["actors"][0] if event["actors"] else {}
    recipient = event["recipients"][0] if event["recipients"] else {}
    first = event["mentions"][0] if event["mentions"] else {}
    return {
        "id": event["id"], "date": event["date"], "day": event["day"], "type": event["type"],
        "cameo": cameo_codes(event)[0], "quad_class": quad_class(event), "mode": event["mode"], "negated": event["negated"],
        "actor_key": actor.get("key"), "actor_name": actor.get("name"), "actor_country": actor.get("country"),
        "recipient_key": recipient.get("key"), "recipient_name": recipient.get("name"), "recipient_country": recipient.get("country"),
        "actors": ";".join(e["key"] for e in event["actors"]), "recipients": ";".join(e["key"] for e in event["recipients"]),
        "n_mentions": event["n_mentions"], "n_articles": event["n_articles"], "n_sources": event["n_sources"],
        "first_article_id": first.get("article_id"), "source_url": first.get("url"),
    }


def _write_parquet(records: Iterator[dict[str, Any]], out: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    integer = {"id", "quad_class", "n_mentions", "n_articles", "n_sources"}
    schema = pa.schema([
        (name, pa.int64() if name in integer else pa.bool_() if name == "negated" else pa.string()) for name in FLAT_COLUMNS
    ])
    rows = list(records)
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, out)
    return len(rows)


# --- entry point -----------------------------------------------------------------------------------------------
def export(store: Store, format: ExportFormat, out: Path, **filters) -> int:
    """Write the export to `out`; returns the number of records written."""
    format = ExportFormat(format)
    out.parent.mkdir(parents=True, exist_ok=True)
    if format is ExportFormat.jsonl:
        return _export_articles(store, out, filters)
    events = iter_events(store, **filters)
    if format is ExportFormat.parquet:
        return _write_parquet((flat_record(e) for e in events), out)
    count = 0
    with open(out, "w", encoding="utf-8", newline="") as handle:
        if format is ExportFormat.plover:
            today = dt.date.today()
            for event in events:
                handle.write(json.dumps(plover_record(event, today), ensure_ascii=False) + "\n")
                count += 1
        elif format is ExportFormat.gdelt:
            writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
            for page in _pages(events):
                leads = _lead_paragraph_ends(store, {m["article_pk"] for e in page for m in e["mentions"][:1]})
                for event in page:
                    row = gdelt_row(event, leads)
                    if row is not None:
                        writer.writerow([str(v).replace("\t", " ").replace("\n", " ") for v in row])
                        count += 1
        else:
            writer = csv.DictWriter(handle, fieldnames=FLAT_COLUMNS, lineterminator="\n")
            writer.writeheader()
            for event in events:
                writer.writerow(flat_record(event))
                count += 1
    return count


def _pages(items: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    page: list[dict[str, Any]] = []
    for item in items:
        page.append(item)
        if len(page) == PAGE:
            yield page
            page = []
    if page:
        yield page


def _export_articles(store: Store, out: Path, filters: dict[str, Any]) -> int:
    wanted = None
    if any(v is not None for v in filters.values()):
        with store.engine.connect() as conn:
            conditions = query.event_conditions(conn, **filters)
            matching = select(t.event_mentions.c.article_pk).join(t.events, t.events.c.pk == t.event_mentions.c.event_pk)
            for condition in conditions:
                matching = matching.where(condition)
            wanted = {row[0] for row in conn.execute(matching)}
    count = 0
    with open(out, "w", encoding="utf-8") as handle:
        for article in store.iter_articles():
            if wanted is None or article["pk"] in wanted:
                handle.write(json.dumps(article, ensure_ascii=False) + "\n")
                count += 1
    return count
