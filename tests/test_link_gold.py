"""The linker on the shared gold articles, with the text layer and the recogniser of the full project."""

from pathlib import Path

import pytest

pytest.importorskip("khabar.entities", reason="needs the text layer and the recogniser")
pytest.importorskip("khabar.text.tokenize", reason="needs the text layer and the recogniser")

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="module")
def scores():
    if not (SHARED / "gold" / "score.py").exists():
        pytest.skip("shared gold not available")
    from khabar.link.evaluate import run_gold

    scorer, golds, outs = run_gold(SHARED)
    return scorer.score(golds, outs)


def test_linking_accuracy(scores):
    # 0.99 with the gazetteer alone, 0.926 with the CRF recogniser: the names it adds that the KB lacks get
    # the sources' spelling of each word (name_tokens.tsv) or a rule transliteration, which may differ from
    # the gold English name ("Ken Sattar" for Ken Starr).
    assert scores["linking"]["acc"] >= 0.92 and scores["linking"]["n"] >= 150


def test_mention_precision(scores):
    # Recall depends on the statistical recogniser; what the KB and the linker add must be right.
    assert scores["mentions"]["p"] >= 0.9
