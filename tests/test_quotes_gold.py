"""The quote layer on the gold articles, with the gold's named entities standing in for NER and linking.

This isolates quote extraction and speaker resolution from entity recognition: the end-to-end figure comes from
`python ../shared/gold/score.py ../shared/gold/dev.jsonl ../shared/gold/seed.jsonl`.
"""

import importlib.util
import json

import pytest

from khabar.quotes import QuoteExtractor
from tests.conftest import shared_path
from tests.test_quotes import install_linker_stub, make_doc

MIN_ORACLE_F1 = 0.85


def load_scorer():
    spec = importlib.util.spec_from_file_location("gold_score", shared_path("gold", "score.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_records(*names):
    lines = (line for name in names for line in shared_path("gold", name).open(encoding="utf-8"))
    return [json.loads(line) for line in lines if line.strip()]


def oracle_outputs(golds, texts):
    extractor = QuoteExtractor()
    outputs = []
    for gold in golds:
        names = {m: (e["key"], e["type"]) for e in gold["entities"] if e.get("named", True) for m in e["mentions"]}
        doc = make_doc(texts[(gold["corpus"], gold["doc_key"])], names)
        extractor(doc)
        outputs.append(doc.to_dict())
    return outputs


@pytest.fixture(autouse=True)
def linker(monkeypatch):
    install_linker_stub(monkeypatch)  # descriptions fall back to the quote layer's own title coreference


def test_seed_statements_all_found_with_their_speaker():
    scorer = load_scorer()
    golds = gold_records("seed.jsonl")
    (output,) = oracle_outputs(golds, scorer.load_texts(golds))
    assert len(golds[0]["quotes"]) == 11
    for quote in golds[0]["quotes"]:
        head = " ".join(scorer.norm_ar(quote["text"]).split()[:4])
        found = [q for q in output["quotes"] if head in scorer.norm_ar(q["text"])]
        assert [q["speaker"] for q in found] == ["nazarbayev"], quote["text"]
    assert len(output["quotes"]) == 11


def test_quotes_f1_on_gold_with_gold_entities(capsys):
    scorer = load_scorer()
    golds = gold_records("dev.jsonl", "seed.jsonl")
    result = scorer.score(golds, oracle_outputs(golds, scorer.load_texts(golds)))["quotes"]
    with capsys.disabled():
        print(f"\nquotes with gold entities: {result}")
    assert result["f1"] >= MIN_ORACLE_F1
