import hashlib
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from khabar.evaluation import GoldError, load_gold, score
from khabar.evaluation.cli import eval_articles
from khabar.evaluation.scoring import same_mention

FIXTURE = Path(__file__).parent / "fixtures" / "gold_articles.jsonl"
SHARED_GOLD = Path(__file__).resolve().parents[1] / ".." / "shared" / "gold"


def test_mentions_match_across_attached_proclitics_only():
    assert same_mention("وبيلاروسيا", "بيلاروسيا")
    assert same_mention("لروسيا", "روسيا")
    assert same_mention("أوزبكستان", "اوزبكستان")
    assert not same_mention("بيلاروسيا", "روسيا")  # "بيلا" is no proclitic
    assert not same_mention("", "روسيا")


def _gold() -> dict:
    return {
        "doc_key": "a1",
        "entities": [
            {"key": "putin", "type": "PER", "name_en": "Vladimir Putin", "aliases_en": ["Putin"], "mentions": ["فلاديمير بوتين", "بوتين"]},
            {"key": "russia", "type": "GPE", "name_en": "Russia", "mentions": ["روسيا"]},
            {"key": "eaeu", "type": "ORG", "name_en": "Eurasian Economic Union", "mentions": ["الاتحاد الاقتصادي الأوراسي"]},
        ],
        "dates": [{"text": "أمس", "value": "2021-08-18"}],
        "quotes": [{"speaker": "putin", "text": "نحن بحاجة إلى تعزيز دور هذه المنظمة"}],
        "events": [{"type": "CONSULT", "actors": ["putin"], "recipients": ["russia"]}],
        "relations": [{"type": "member_of", "subject": "russia", "object": "eaeu"}],
    }


def _output() -> dict:
    return {
        "entities": [
            {"id": "e1", "type": "PER", "name_en": "Vladimir Putin", "mentions": [{"text": "بوتين"}]},
            {"id": "e2", "type": "LOC", "name_en": "Russian Federation", "mentions": [{"text": "وروسيا"}]},
            {"id": "e3", "type": "ORG", "name_en": "Gazprom", "mentions": [{"text": "غازبروم"}]},
        ],
        "dates": [{"text": "أمس", "value": "2021-08-18"}, {"text": "2020", "value": "2020"}],
        "quotes": [{"speaker": "e1", "text": "إن نحن بحاجة إلى تعزيز دور هذه المنظمة في العالم"}],
        "events": [{"type": "AGREE", "actors": ["e1"], "recipients": ["e2"]}],
        "relations": [],
    }


def test_every_layer_is_scored_as_the_guideline_defines_it():
    figures = score([_gold()], [_output()])
    # gold mentions: 4, found: بوتين and روسيا (with its و); system: 3 distinct, 2 right
    assert figures["mentions"] == {"p": 0.667, "r": 0.5, "f1": 0.571, "gold": 4, "sys": 3}
    # روسيا is typed LOC, not GPE
    assert figures["typed_mentions"]["r"] == 0.25
    # Putin found and named right; Russia found under another English name
    assert figures["linking"] == {"acc": 0.5, "n": 2}
    assert figures["dates"] == {"p": 0.5, "r": 1.0, "f1": 0.667, "gold": 1, "sys": 2}
    assert figures["quotes"]["f1"] == 1.0
    assert figures["events"]["f1"] == 0.0 and figures["event_dyads"]["f1"] == 1.0
    assert figures["relations"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "gold": 1, "sys": 0}
    assert figures["errors"]["mentions"]["missed"] == ["a1: فلاديمير بوتين (PER)", "a1: الاتحاد الاقتصادي الأوراسي (ORG)"]
    assert figures["errors"]["linking"]["wrong"] == ["a1: Russia: got ['Russian Federation']"]


def test_gold_texts_come_from_the_record_or_from_corpus_files(tmp_path):
    text = "قال الرئيس إن الاجتماع كان مثمرا."
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"docno": "k1", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    record = {"doc_key": "k1", "sha1": hashlib.sha1(text.encode()).hexdigest(), "published": "2020-01-02"}
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [article] = load_gold([gold], [corpus])
    assert article.text == text and str(article.published) == "2020-01-02"
    with pytest.raises(GoldError, match="no text for 'k1'"):
        load_gold([gold])
    gold.write_text(json.dumps(record | {"sha1": "0" * 40}) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match="does not match"):
        load_gold([gold], [corpus])
    gold.write_text("{broken\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"gold.jsonl:1: invalid JSON"):
        load_gold([gold])


def _cli() -> typer.Typer:
    app = typer.Typer()
    app.command()(eval_articles)
    return app


def test_eval_articles_runs_the_pipeline_and_scores_it():
    result = CliRunner().invoke(_cli(), [str(FIXTURE), "--json", "--errors"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["mentions"]["f1"] == 1.0 and figures["linking"]["acc"] == 1.0
    assert figures["dates"]["f1"] == 1.0 and figures["quotes"]["f1"] == 1.0
    assert set(figures["errors"]) >= {"mentions", "events", "linking"}
    table = CliRunner().invoke(_cli(), [str(FIXTURE)])
    assert "1 articles" in table.output and "linking" in table.output


def test_eval_articles_explains_a_record_without_text(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc_key": "x"}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(_cli(), [str(gold)])
    assert result.exit_code == 2 and "no text for 'x'" in result.output


def _as_output(gold: dict, k: int) -> dict:
    """khabar-style output built from a gold record, every k-th item dropped or altered, ids renamed."""
    ids = {e["key"]: f"e{i}" for i, e in enumerate(gold["entities"])}
    entities = []
    for i, e in enumerate(gold["entities"]):
        mentions = [{"text": ("و" + m) if j % k == 1 else m} for j, m in enumerate(e["mentions"]) if j % k != 2]
        entities.append({"id": ids[e["key"]], "type": "LOC" if i % k == 0 else e["type"], "named": e.get("named", True),
                         "name_en": e["name_en"] + ("x" if i % k == 1 else ""), "mentions": mentions})
    return {
        "entities": entities,
        "dates": [d for i, d in enumerate(gold.get("dates", [])) if i % k],
        "quotes": [{"speaker": ids.get(q["speaker"]), "text": q["text"]} for i, q in enumerate(gold.get("quotes", [])) if i % k],
        "events": [{"type": "AGREE" if i % k == 0 else e["type"], "actors": [ids[a] for a in e["actors"]],
                    "recipients": [ids[r] for r in e.get("recipients", [])][: 1 if i % k == 1 else None]}
                   for i, e in enumerate(gold.get("events", []))],
        "relations": [{"type": r["type"], "subject": ids[r["subject"]], "object": ids[r["object"]]}
                      for i, r in enumerate(gold.get("relations", [])) if i % k],
    }


@pytest.mark.skipif(not (SHARED_GOLD / "score.py").exists(), reason="needs ../shared/gold")
def test_figures_agree_with_the_shared_reference_scorer():
    import importlib.util

    spec = importlib.util.spec_from_file_location("reference_score", SHARED_GOLD / "score.py")
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    golds = [json.loads(line) for name in ("dev.jsonl", "seed.jsonl") for line in open(SHARED_GOLD / name, encoding="utf-8")]
    for k in (3, 4):
        outputs = [_as_output(g, k) for g in golds]
        ours = score(golds, outputs)
        ours.pop("errors")
        assert ours == reference.score(golds, outputs)
