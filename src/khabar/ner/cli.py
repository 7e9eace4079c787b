"""Command line: `khabar ner tag FILE`, `khabar ner train ...` and `khabar eval ner FILE [--json]`
(the main CLI registers `ner_app` and `eval_ner`)."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import typer

from khabar.ner.conll import format_tagged, read_conll, tokens_and_tags
from khabar.ner.conlleval import evaluate

ner_app = typer.Typer(help="Arabic named-entity tagger (ANERcorp labels: PERS, ORG, LOC, MISC).", no_args_is_help=True)


@ner_app.command("tag")
def tag(file: Path = typer.Argument(..., exists=True, dir_okay=False, help="CoNLL file, token in the first column")):
    """Write `token<TAB>tag` lines for FILE, keeping its sentence breaks."""
    from khabar.ner import load_tagger

    sentences = [[row[0] for row in sentence] for sentence in read_conll(file)]
    sys.stdout.writelines(format_tagged(sentences, load_tagger().tag(sentences)))


@ner_app.command("train")
def train(
    data: Path = typer.Option(Path("../shared/data"), help="the shared data folder"),
    extra: str = typer.Option("", help="extra corpora, comma-separated: newsfane,aqmar,wojood"),
    out: Path = typer.Option(None, help="model folder (default: the packaged model)"),
    c1: float = typer.Option(0.05, help="L1 regularisation"),
    c2: float = typer.Option(0.01, help="L2 regularisation"),
    max_iter: int = typer.Option(150, help="L-BFGS iterations"),
    memory_folds: int = typer.Option(0, help="train the document-memory second pass with this many folds (0: none)"),
    evaluate_on_test: bool = typer.Option(False, "--evaluate", help="score on the official CAMeL test split"),
    dev: bool = typer.Option(False, "--dev", help="hold out the last tenth of ANERcorp train and score it"),
    unseen_below: int = typer.Option(0, help="train words seen fewer times than this as unseen words (0: none)"),
    context: bool = typer.Option(False, "--context", help="wider context features (khabar.ner.context)"),
):
    """Train the CRF on ANERcorp train (+ extra corpora, de-duplicated against the test split)."""
    from khabar.ner.tagger import default_model_dir
    from khabar.ner.train import train_model

    train_model(data, [c for c in extra.split(",") if c], out or default_model_dir(), c1, c2, max_iter,
                memory_folds, evaluate_on_test, dev, unseen_below, context=context)


@ner_app.command("train-neural")
def train_neural(
    out: Path = typer.Option(..., help="model folder to write (the neural tagger is not the packaged one)"),
    data: Path = typer.Option(Path("../shared/data"), help="the shared data folder"),
    extra: str = typer.Option("newsfane,aqmar", help="extra corpora, comma-separated: newsfane,aqmar,wojood"),
    vectors: Path = typer.Option(Path("/tmp/ner_work/vectors.kv"), help="from scripts/build_ner_vectors.py"),
    vocabulary: int = typer.Option(120_000, help="most frequent words whose vectors are kept"),
    epochs: int = typer.Option(30, help="at most this many epochs (the best on the dev split is kept)"),
    seed: int = typer.Option(13),
    evaluate_on_test: bool = typer.Option(False, "--evaluate", help="score on the official CAMeL test split"),
):
    """Train the experimental neural tagger (BiLSTM-CRF, khabar.ner.neural); needs torch (see docs/ner.md)."""
    from khabar.ner.neural_train import train_model

    train_model(data, [c for c in extra.split(",") if c], out, vectors, vocabulary, epochs, seed=seed,
                score_on_test=evaluate_on_test)


def eval_ner(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="CoNLL file, gold tag in the last column"),
    json_output: bool = typer.Option(False, "--json", help="print one JSON object"),
):
    """Entity-level (conlleval) micro and per-type precision, recall and F1 of the tagger on FILE."""
    from khabar.ner import load_tagger

    tagger = load_tagger()
    tokens, gold = zip(*tokens_and_tags(read_conll(file))) if file.stat().st_size else ((), ())
    started = time.perf_counter()
    predicted = tagger.tag(list(tokens))
    elapsed = time.perf_counter() - started
    scores = evaluate(gold, predicted)
    scores["tokens_per_s"] = round(sum(map(len, tokens)) / elapsed) if elapsed else 0
    if json_output:
        typer.echo(json.dumps(scores))
        return
    typer.echo(f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    for name, s in [*scores["per_type"].items(), ("micro", scores["micro"])]:
        typer.echo(f"{name:<6} {s['precision']:6.2f} {s['recall']:6.2f} {s['f1']:6.2f} {s['gold']:6d}")
    typer.echo(f"{scores['tokens_per_s']} tokens/s")
