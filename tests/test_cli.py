import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.cli import app
from khabar.contract import contract_errors
from tests.conftest import SEED, shared_path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "summit.txt"
runner = CliRunner()


def _analyze(*args, input=None):
    result = runner.invoke(app, ["analyze", *args], input=input)
    return result, [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def test_example_article_end_to_end():
    result, [article] = _analyze(str(EXAMPLE), "--published", "2023-03-14")
    assert result.exit_code == 0, result.output
    assert contract_errors(article) == []
    names = {e["name_en"] for e in article["entities"]}
    assert {"Egypt", "Jordan", "Arab League"} <= names
    assert article["published"] == "2023-03-14"
    assert any(d["value"] == "2023-03-14" for d in article["dates"])
    assert article["source"]["wire"] == "Reuters" and article["source"]["dateline"] == "القاهرة"


def test_table_format():
    result = runner.invoke(app, ["analyze", str(EXAMPLE), "--format", "table"])
    assert result.exit_code == 0
    assert "Entities" in result.stdout and "Egypt" in result.stdout


def test_seed_article():
    shared_path("seeds")
    result, [article] = _analyze(str(SEED), "--published", "2021-08-19")
    assert result.exit_code == 0
    assert contract_errors(article) == []
    by_name = {e["name_en"]: e for e in article["entities"]}
    for name in ("Russia", "Kazakhstan", "Eurasian Economic Union", "Belarus", "Nursultan Nazarbayev"):
        assert name in by_name, name
    assert "بيلاروسيا" in {m["text"] for m in by_name["Belarus"]["mentions"]}
    assert any(d["value"] == "2021-08-19" for d in article["dates"])
    assert article["source"]["wire"] == "TASS"
    nazarbayev, mishustin = by_name["Nursultan Nazarbayev"]["id"], by_name["Mikhail Mishustin"]["id"]
    assert any(e["type"] == "CONSULT" and nazarbayev in e["actors"] + e["recipients"]
               and mishustin in e["actors"] + e["recipients"] for e in article["events"])
    eaeu = by_name["Eurasian Economic Union"]["id"]
    members = {r["subject"] for r in article["relations"] if r["type"] == "member_of" and r["object"] == eaeu}
    assert {by_name[n]["id"] for n in ("Russia", "Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan")} <= members


def test_bad_articles_are_skipped_and_reported(tmp_path):
    corpus = tmp_path / "batch.jsonl"
    good = EXAMPLE.read_text(encoding="utf-8")
    corpus.write_text("\n".join([json.dumps({"id": "a", "text": good}), "{broken", json.dumps({"id": "c", "text": ""}),
                                 json.dumps({"id": "d", "text": good})]) + "\n", encoding="utf-8")
    result, articles = _analyze(str(corpus))
    assert result.exit_code == 0
    assert [a["id"] for a in articles] == ["a", "d"]
    assert "invalid JSON" in result.stderr and "empty text" in result.stderr


def test_nothing_processed_is_an_error(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   ", encoding="utf-8")
    result, articles = _analyze(str(empty))
    assert result.exit_code == 1 and articles == []
    assert "empty text" in result.stderr


def test_stdin_and_bad_date_option():
    result, [article] = _analyze("-", input="قال وزير الخارجية المصري إن المحادثات مثمرة.")
    assert result.exit_code == 0 and article["id"] == "stdin"
    result = runner.invoke(app, ["analyze", "-", "--published", "19/08/2021"], input="نص")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


@pytest.mark.parametrize("name", ["Arab League", "Gulf Cooperation Council"])
def test_example_igos_are_linked_as_igo(name):
    _, [article] = _analyze(str(EXAMPLE))
    [entity] = [e for e in article["entities"] if e["name_en"] == name]
    assert entity["country"] == "IGO" and entity["type"] == "ORG"
