"""`khabar eval events`: sentence-level P/R/F1 per PLOVER type on the Arabic event gold standard records."""

from __future__ import annotations

import json
from pathlib import Path

import typer

DEFAULT_GSR = Path("../shared/data/arabic_event_gsr")


def eval_events(
    json_output: bool = typer.Option(False, "--json", help="print the figures as JSON"),
    data: Path = typer.Option(DEFAULT_GSR, "--data", help="folder with assault_gsr.csv and protest_gsr.csv"),
    split: str = typer.Option("all", "--split", help="all | dev (tuning half) | test (held-out half)"),
    specificity: bool = typer.Option(False, "--specificity", help="add the learnt filter of events mentioned in "
                                     "passing (trained on dev: report it on test)"),
) -> None:
    """Sentence-level precision / recall / F1 per type on arabic_event_gsr ('ambiguous' left out)."""
    from khabar.events.evaluate import evaluate, load_gsr  # the coder loads only when the command runs

    if split not in ("all", "dev", "test"):
        raise typer.BadParameter("split must be all, dev or test")
    if not data.is_dir():
        typer.echo(f"no event gold standard at {data}", err=True)
        raise typer.Exit(2)
    results = evaluate(load_gsr(data, split), specificity=specificity)
    if json_output:
        typer.echo(json.dumps({"split": split, "specificity": specificity, "results": results}))
        return
    typer.echo(f"{'type':10s} {'P':>6s} {'R':>6s} {'F1':>6s} {'tp':>5s} {'fp':>5s} {'fn':>5s} {'n':>6s}  ({split})")
    for ptype, r in sorted(results.items()):
        typer.echo(f"{ptype:10s} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} "
                   f"{r['tp']:5d} {r['fp']:5d} {r['fn']:5d} {r['n']:6d}")
