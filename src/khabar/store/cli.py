"""Corpus commands: plain Typer command functions that the main `khabar` app registers with `register(app)`."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from khabar.store.options import BATCH_SIZE, ExportFormat

if TYPE_CHECKING:
    from khabar.ingest.sources import SourceOptions
    from khabar.store.ingest import IngestCounts

err = Console(stderr=True)

DbOption = Annotated[str | None, typer.Option("--db", help="sqlite:///path or postgresql://…; default: $KHABAR_DB or a SQLite file in the user data dir.")]
JsonOption = Annotated[bool, typer.Option("--json", help="JSON instead of a table.")]
LimitOption = Annotated[int, typer.Option(help="Rows per page.")]
OffsetOption = Annotated[int, typer.Option(help="Rows to skip.")]
MapOption = Annotated[list[str] | None, typer.Option("--map", help="Field names of JSON records, e.g. text=content,published=date_extracted.")]
ActorOption = Annotated[str | None, typer.Option(help="Actor: entity key, KB/Wikidata id or name.")]
RecipientOption = Annotated[str | None, typer.Option(help="Recipient: entity key, KB/Wikidata id or name.")]
TypeOption = Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. CONSULT.")]
CountryOption = Annotated[str | None, typer.Option(help="ISO 3166 alpha-3 country of an actor or recipient.")]
SinceOption = Annotated[str | None, typer.Option(help="Events on or after YYYY-MM-DD.")]
UntilOption = Annotated[str | None, typer.Option(help="Events on or before YYYY-MM-DD.")]


def _open(db: str | None):
    from khabar.store.core import open_store  # the database stack loads only for the commands that use it

    return open_store(db)


def parse_field_map(values: list[str] | None) -> dict[str, str] | None:
    if not values:
        return None
    out = {}
    for pair in (p for value in values for p in value.split(",") if p.strip()):
        field, sep, key = pair.partition("=")
        if not sep or not field.strip() or not key.strip():
            raise typer.BadParameter(f"expected field=key, got {pair!r}")
        out[field.strip()] = key.strip()
    return out


def _day(value: str | None) -> str | None:
    if value is not None:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}") from None
    return value


def _emit_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=None) + "\n")


def _table(title: str, columns: list[str], rows: list[list[Any]]) -> None:
    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    Console().print(table)


def _show(value: Any, as_json: bool, title: str, columns: list[str], cells: Callable[[Any], list[list[Any]]]) -> None:
    """`value` as one JSON line, or `cells(value)` as a table."""
    if as_json:
        _emit_json(value)
    else:
        _table(title, columns, cells(value))


def _run_ingest(sources: list[str], db: str | None, options: SourceOptions, limit: int | None, workers: int, batch_size: int) -> IngestCounts:
    from khabar.store.ingest import ingest as run_ingest

    store = _open(db)
    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal
    ) as progress:
        task = progress.add_task("reading sources", total=None)

        def show(counts: IngestCounts) -> None:
            progress.update(task, description=f"read {counts.read}: [green]{counts.new} new[/], {counts.duplicate} duplicate, [red]{counts.failed} failed[/]")

        counts = run_ingest(store, sources, options, limit=limit, workers=workers, batch_size=batch_size, on_progress=show)
    err.print(f"{counts.new} new, {counts.duplicate} duplicate, {counts.failed} failed (store: {store.url})", highlight=False)
    return counts


def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files, directories, WARC/ARC, RSS/Atom feeds and sitemaps (files or URLs), web pages.")],
    db: DbOption = None,
    limit: Annotated[int | None, typer.Option(help="Stop after this many items read.")] = None,
    workers: Annotated[int, typer.Option(help="Analysis processes.")] = 1,
    field_map: MapOption = None,
    fetch: Annotated[bool, typer.Option("--fetch/--no-fetch", help="Fetch the pages feed entries link to (else use the entries' own text).")] = True,
    batch_size: Annotated[int, typer.Option(help="Articles per transaction.")] = BATCH_SIZE,
) -> None:
    """Analyse articles from SOURCES into the store; re-running adds only what is missing."""
    from khabar.ingest.sources import SourceOptions

    options = SourceOptions(field_map=parse_field_map(field_map), fetch_pages=fetch)
    _run_ingest(sources, db, options, limit, workers, batch_size)


def failures(
    db: DbOption = None,
    retry: Annotated[bool, typer.Option("--retry", help="Read the failed articles' sources again.")] = False,
    field_map: MapOption = None,
    workers: Annotated[int, typer.Option(help="Analysis processes (with --retry).")] = 1,
    limit: LimitOption = 100,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
) -> None:
    """List the articles that could not be read or analysed, with the reason; --retry tries them again."""
    store = _open(db)
    if retry:
        started = dt.datetime.now(dt.timezone.utc)
        sources = store.failure_sources()
        if not sources:
            err.print("no failures to retry")
            return
        from khabar.ingest.sources import SourceOptions

        _run_ingest(sources, db, SourceOptions(field_map=parse_field_map(field_map)), None, workers, BATCH_SIZE)
        store.prune_failures(sources, started)
    _show(store.failures(limit, offset), as_json, f"failures ({store.stats()['failures']})",
          ["origin", "reason", "attempts", "last seen"],
          lambda rows: [[r["origin"], r["reason"], r["attempts"], r["last_seen"]] for r in rows])


def stats(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Counts of articles, entities, events, quotes, relations, stories and failures."""
    _show(_open(db).stats(), as_json, "khabar store", ["table", "rows"], lambda counts: [list(c) for c in counts.items()])


def search(
    query: Annotated[str, typer.Argument(help='Arabic words, all of which must occur ("quoted": as a phrase); hamza, alef, taa marbuta and clitics do not matter.')],
    db: DbOption = None,
    limit: LimitOption = 20,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
) -> None:
    """Full-text search over the stored articles."""
    _show(_open(db).search(query, limit, offset), as_json, f"search: {query}",
          ["pk", "published", "source", "title", "snippet"],
          lambda hits: [[h["pk"], h["published"], h["source"], h["title"], h["snippet"]] for h in hits])


def events(
    actor: ActorOption = None,
    recipient: RecipientOption = None,
    type: TypeOption = None,
    country: CountryOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = None,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
) -> None:
    """Events merged across articles, with their actors, recipients and the number of reports."""
    def names(entities: list[dict]) -> str:
        return ", ".join(e["name"] for e in entities)

    _show(_open(db).events(actor, recipient, type, country, _day(since), _day(until), limit, offset), as_json, "events",
          ["id", "date", "type", "cameo", "actors", "recipients", "reports", "evidence"],
          lambda rows: [[e["id"], e["date"], e["type"], e["cameo"], names(e["actors"]), names(e["recipients"]),
                         e["n_mentions"], e["mentions"][0]["text"] if e["mentions"] else ""] for e in rows])


def quotes(
    speaker: Annotated[str | None, typer.Option(help="Speaker: entity key, KB/Wikidata id or name.")] = None,
    db: DbOption = None,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
) -> None:
    """Quotes with their speakers."""
    _show(_open(db).quotes(speaker, limit, offset), as_json, "quotes", ["published", "speaker", "kind", "cue", "text"],
          lambda rows: [[q["published"], q["speaker"], q["kind"], q["cue"], q["text"]] for q in rows])


def export(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="jsonl: articles; plover, gdelt, csv, parquet: merged events.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output file.")],
    actor: ActorOption = None,
    recipient: RecipientOption = None,
    type: TypeOption = None,
    country: CountryOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = None,
) -> None:
    """Export the store: article JSONL, PLOVER JSONL, the GDELT 2.0 event table (TSV), CSV or Parquet."""
    from khabar.store.export import export as run_export

    count = run_export(_open(db), format, out, actor=actor, recipient=recipient, type=type, country=country,
                       since=_day(since), until=_day(until))
    err.print(f"wrote {count} records to {out}", highlight=False)


COMMANDS = (ingest, failures, stats, search, events, quotes, export)


def register(app: typer.Typer) -> None:
    for command in COMMANDS:
        app.command()(command)
