"""The `khabar` command line."""

from __future__ import annotations

import datetime as dt
import enum
import json
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from khabar.analyze import Failure, analyze_stream
from khabar.distributed.cli import register as register_ray_commands
from khabar.evaluation.cli import eval_articles
from khabar.events.cli import eval_events
from khabar.kb.cli import kb_app
from khabar.ner.cli import eval_ner, ner_app
from khabar.server.cli import serve
from khabar.store.cli import register as register_store_commands
from khabar.ingest import read_sources
from khabar.render import print_document

app = typer.Typer(no_args_is_help=True, add_completion=False, help="Arabic news → linked, evidence-backed event data.")
eval_app = typer.Typer(no_args_is_help=True, help="Evaluate khabar's components against gold data.")
app.add_typer(eval_app, name="eval")
app.add_typer(kb_app, name="kb")
app.add_typer(ner_app, name="ner")
eval_app.command("articles")(eval_articles)
eval_app.command("events")(eval_events)
eval_app.command("ner")(eval_ner)
register_store_commands(app)
register_ray_commands(app)
app.command()(serve)

err = Console(stderr=True, soft_wrap=True)
PROGRESS_AFTER = 5  # articles before a progress bar is worth showing


class OutputFormat(str, enum.Enum):
    json = "json"
    table = "table"


def _parse_day(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}") from None


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files (.txt .html .jsonl .jsonl.gz), directories, or - for stdin.")],
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="json: one JSON object per line.")] = OutputFormat.json,
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD (overrides the input's).")] = None,
    title: Annotated[str | None, typer.Option(help="Article title (overrides the input's).")] = None,
) -> None:
    """Extract entities, dates, quotes, events and relations from Arabic news articles."""
    day = _parse_day(published)
    failures: list[Failure] = []

    def report(failure: Failure) -> None:
        failures.append(failure)
        err.print(f"[yellow]skipped[/] {failure.origin}: {failure.reason}", highlight=False)

    out = Console(soft_wrap=True) if format is OutputFormat.table else None
    processed = 0
    with Progress(
        SpinnerColumn(), TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=True, disable=not err.is_terminal,
    ) as progress:
        task = progress.add_task("analyse", total=None, visible=False)
        for doc in analyze_stream(read_sources(paths), published=day, title=title, on_failure=report):
            processed += 1
            if processed > PROGRESS_AFTER:
                progress.update(task, visible=True)
            progress.advance(task)
            if out is None:
                sys.stdout.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
            else:
                print_document(out, doc)
    if processed == 0:
        err.print(f"[red]error:[/] no article could be processed ({len(failures)} skipped)")
        raise typer.Exit(1)
    if failures:
        err.print(f"{processed} analysed, {len(failures)} skipped")


def main() -> None:  # pragma: no cover - console entry point
    app()
