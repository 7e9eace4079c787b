"""`khabar ray analyze` (the pipeline on a Ray cluster, or local Ray) and `khabar ray import` (its output into the store).

Ray loads only inside the commands, so that `khabar --help` stays fast and works without the `ray` extra.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from khabar.distributed.options import BATCH_SIZE, OutputFormat
from khabar.store.cli import DbOption, MapOption, parse_field_map
from khabar.store.options import BATCH_SIZE as STORE_BATCH_SIZE

ray_app = typer.Typer(no_args_is_help=True, help="Analyse corpora that outgrow one machine with Ray Data.")
err = Console(stderr=True, soft_wrap=True)
FAILURES_SHOWN = 20


def _start_ray(address: str | None, workers: int | None) -> int:
    """Connect to the cluster at `address` (or start local Ray); the number of analysis workers to run."""
    try:
        import ray
    except ImportError:
        err.print("[red]error:[/] Ray is not installed: pip install 'khabar[ray]'")
        raise typer.Exit(2) from None
    # Analysis workers hold their CPU for the whole run: one CPU is left to the reading and writing tasks, else
    # the workers wait for input that no task has a CPU to read.
    if address:
        ray.init(address=address)
        free = max(1, int(ray.cluster_resources().get("CPU", 2)) - 1)
        if workers and workers > free:
            err.print(f"[yellow]note:[/] {workers} workers asked, {free} used (the cluster's CPUs less one for reading and writing)")
        return min(workers or free, free)
    workers = workers or max(1, (os.cpu_count() or 2) - 1)
    ray.init(num_cpus=workers + 1, include_dashboard=False)
    return workers


def _show_failures(out: Path) -> None:
    from khabar.distributed.load import iter_rows

    shown = 0
    for row in iter_rows(out, ["origin", "error"]):
        if row["error"]:
            if shown == FAILURES_SHOWN:
                err.print(f"… more in the `error` column of {out}", highlight=False)
                return
            err.print(f"[yellow]failed[/] {row['origin']}: {row['error']}", highlight=False)
            shown += 1


@ray_app.command()
def analyze(
    inputs: Annotated[list[str], typer.Argument(help="Files (.txt .html .jsonl .jsonl.gz .parquet) or directories.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output directory (local, or shared by every node of a cluster).")],
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output files.")] = OutputFormat.parquet,
    workers: Annotated[int | None, typer.Option(help="Analysis workers, one CPU each; default: every CPU but one (of the cluster with --address).")] = None,
    address: Annotated[str | None, typer.Option(help="Ray cluster to use: 'auto' or host:port; default: start Ray locally.")] = None,
    batch_size: Annotated[int, typer.Option(help="Articles per block handed to a worker.")] = BATCH_SIZE,
    field_map: MapOption = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace the files of an existing output directory.")] = False,
) -> None:
    """Analyse articles on Ray workers into Parquet or JSON Lines files: one row per article, failures included."""
    if "-" in inputs:
        raise typer.BadParameter("stdin cannot be read by Ray workers: give files or directories", param_hint="INPUT")
    if out.exists() and any(out.iterdir()) and not overwrite:
        raise typer.BadParameter(f"{out} is not empty (use --overwrite to replace its files)", param_hint="--out")
    started = time.perf_counter()
    workers = _start_ray(address, workers)
    import ray

    from khabar.distributed.dataset import analyse, read_articles, write
    from khabar.distributed.load import count_output

    try:
        with tempfile.TemporaryDirectory(prefix="khabar-ray-") as inflight:
            articles = read_articles(inputs, parse_field_map(field_map))
            write(analyse(articles, workers, batch_size, inflight_dir=inflight), str(out), format, overwrite)
    finally:
        ray.shutdown()
    seconds = time.perf_counter() - started
    counts = count_output(out)
    _show_failures(out)
    total = counts.ok + counts.failed
    err.print(f"{counts.ok} analysed, {counts.failed} failed in {seconds:.1f} s ({total / seconds:.2f} articles/s, "
              f"{workers} workers) → {out}", highlight=False)
    if counts.ok == 0:
        raise typer.Exit(1)


@ray_app.command("import")
def import_output(
    out: Annotated[Path, typer.Argument(help="An output directory of `khabar ray analyze`.")],
    db: DbOption = None,
    batch_size: Annotated[int, typer.Option(help="Articles per transaction.")] = STORE_BATCH_SIZE,
) -> None:
    """Store the analyses of `khabar ray analyze` (no re-analysis); failed articles become store failures."""
    from khabar.distributed.load import import_output as run_import
    from khabar.store.core import open_store

    store = open_store(db)
    counts = run_import(store, out, batch_size)
    err.print(f"{counts.new} new, {counts.duplicate} duplicate, {counts.failed} failed (store: {store.url})", highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(ray_app, name="ray")
