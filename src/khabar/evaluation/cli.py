"""`khabar eval articles`: the whole pipeline scored layer by layer against gold-annotated articles."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from khabar.evaluation.records import GoldError, load_gold
from khabar.evaluation.scoring import HEADLINE, LAYERS, score


def eval_articles(
    gold: list[Path] = typer.Argument(..., exists=True, dir_okay=False, help="gold JSONL files (annotation guideline format)"),
    texts: list[Path] = typer.Option([], "--texts", help="corpus files holding the texts of records that name them "
                                     "by doc_key (repeatable; any input `khabar analyze` reads)"),
    json_output: bool = typer.Option(False, "--json", help="print the figures as one JSON object"),
    errors: bool = typer.Option(False, "--errors", help="also list missed and spurious items per layer"),
) -> None:
    """Precision / recall / F1 of every layer (mentions, dates, quotes, events, relations) and linking accuracy."""
    from khabar.document import Document
    from khabar.pipeline import default_pipeline

    try:
        articles = load_gold(gold, texts)
    except GoldError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    pipeline = default_pipeline()
    outputs = [pipeline(Document(id=f"gold{i}", text=a.text, published=a.published)).to_dict()
               for i, a in enumerate(articles)]
    figures = score([a.annotation for a in articles], outputs)
    error_lists = figures.pop("errors")
    if json_output:
        typer.echo(json.dumps(figures | ({"errors": error_lists} if errors else {}), ensure_ascii=False))
        return
    typer.echo(f"{len(articles)} articles")
    typer.echo(f"{'layer':15s} {'P':>6s} {'R':>6s} {'F1':>6s} {'gold':>5s} {'sys':>5s}")
    for layer in LAYERS:
        f = figures[layer]
        typer.echo(f"{layer:15s} {f['p']:6.3f} {f['r']:6.3f} {f['f1']:6.3f} {f['gold']:5d} {f['sys']:5d}")
    typer.echo(f"{'linking':15s} accuracy {figures['linking']['acc']:.3f} over {figures['linking']['n']} entities")
    typer.echo(f"{'overall':15s} {figures['overall']:.3f} (mean of {', '.join(HEADLINE)} F1 and linking accuracy)")
    if errors:
        for layer, lists in error_lists.items():
            for kind, items in lists.items():
                for item in items:
                    typer.echo(f"{layer}\t{kind}\t{item}")
