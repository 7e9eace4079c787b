"""`khabar kb ...`: import a Wikidata dump into the KB, look names up."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated

import typer

kb_app = typer.Typer(no_args_is_help=True, add_completion=False, help="The knowledge base behind entity linking.")


@kb_app.command("import-wikidata")
def import_wikidata(
    dump: Annotated[Path, typer.Argument(help="Wikidata JSON dump: .json, .json.gz or .json.bz2.", exists=True)],
    out: Annotated[
        Path | None, typer.Option(help="Where to write the imported entities (default: the file load_kb reads).")
    ] = None,
    limit: Annotated[int | None, typer.Option(help="Read at most this many entities.")] = None,
    all_classes: Annotated[
        bool, typer.Option("--all-classes", help="Keep items of every class, not only people, places, organisations.")
    ] = False,
) -> None:
    """Add the dump's entities that have Arabic and English labels to the KB."""
    from khabar.kb.loader import KB_FILE, imported_file, read_kb
    from khabar.kb.wikidata import import_dump, write_entries

    target = out or imported_file()
    kb = read_kb(KB_FILE, imports=Path("/nonexistent"))
    entries = import_dump(dump, kb, limit=limit, all_classes=all_classes)
    write_entries(entries, target)
    known = sum(1 for e in entries if not e.id.startswith("wd:"))
    typer.echo(f"{len(entries)} entities ({known} already in the KB, merged on load) -> {target}")


@kb_app.command()
def lookup(
    name: Annotated[str, typer.Argument(help="An Arabic or English name.")],
    date: Annotated[str | None, typer.Option(help="Actor codes as of this day, YYYY-MM-DD (default: today).")] = None,
) -> None:
    """Print what the KB knows about a name, best candidate first."""
    from khabar.kb import load_kb

    kb = load_kb()
    day = dt.date.fromisoformat(date) if date else dt.date.today()
    entries = kb.lookup(name)
    if not entries:
        typer.echo(f"nothing known about {name!r}", err=True)
        raise typer.Exit(1)
    for entry in entries:
        record = entry.to_dict()
        record["actor_code"] = entry.actor_code(day)
        typer.echo(json.dumps(record, ensure_ascii=False, indent=1))
