import json

import typer
from typer.testing import CliRunner

from khabar.ner.cli import eval_ner, ner_app

CONLL = "قال O\nالرئيس O\nباراك B-PERS\nأوباما I-PERS\n\nفي O\nواشنطن B-LOC\n.	O\n"


def _app() -> typer.Typer:
    app = typer.Typer()
    app.add_typer(ner_app, name="ner")
    eval_app = typer.Typer()
    eval_app.command("ner")(eval_ner)
    app.add_typer(eval_app, name="eval")
    return app


def test_tag_writes_token_tab_tag_with_the_same_sentence_breaks(tmp_path):
    path = tmp_path / "in.conll"
    path.write_text(CONLL, encoding="utf-8")
    result = CliRunner().invoke(_app(), ["ner", "tag", str(path)])
    assert result.exit_code == 0, result.output
    blocks = result.output.strip("\n").split("\n\n")
    rows = [[line.split("\t") for line in block.split("\n")] for block in blocks]
    assert [[r[0] for r in block] for block in rows] == [["قال", "الرئيس", "باراك", "أوباما"], ["في", "واشنطن", "."]]
    assert rows[0][2][1] == "B-PERS" and rows[1][1][1] == "B-LOC"


def test_eval_json_prints_micro_per_type_and_speed(tmp_path):
    path = tmp_path / "gold.conll"
    path.write_text(CONLL, encoding="utf-8")
    result = CliRunner().invoke(_app(), ["eval", "ner", str(path), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert set(scores) == {"micro", "per_type", "tokens_per_s"}
    assert scores["micro"]["gold"] == 2
    assert set(scores["per_type"]) >= {"PERS", "LOC"}
    assert scores["tokens_per_s"] > 0


def test_eval_table(tmp_path):
    path = tmp_path / "gold.conll"
    path.write_text(CONLL, encoding="utf-8")
    result = CliRunner().invoke(_app(), ["eval", "ner", str(path)])
    assert result.exit_code == 0, result.output
    assert "micro" in result.output and "tokens/s" in result.output
