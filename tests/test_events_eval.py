import csv
import json

import typer
from typer.testing import CliRunner

from khabar.events.cli import eval_events
from khabar.events.evaluate import GSR_FILES, load_gsr, split_of
from tests.conftest import shared_path

ROWS = {
    "ASSAULT": [("a1", "yes", "قتل ثمانية أشخاص في هجوم انتحاري على مركز للشرطة في قندهار أمس."),
                ("a2", "easy no", "ناقش البرلمان الميزانية الجديدة للعام المقبل."),
                ("a3", "difficult no", "ويخشى المسؤولون من هجوم إذا فشلت المفاوضات."),
                ("a4", "ambiguous", "هجوم على الحريات.")],
    "PROTEST": [("p1", "yes", "تظاهر الآلاف أمام البرلمان احتجاجا على قانون الضرائب."),
                ("p2", "yes", "وعبر السكان عن غضبهم من القرار."),
                ("p3", "easy no", "افتتح الوزير مستشفى جديدا.")],
}


def write_gsr(folder):
    for ptype, rows in ROWS.items():
        with open(folder / GSR_FILES[ptype], "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["", "accept", "event_type", "id", "label", "reject", "text", "total"])
            for i, (sid, label, text) in enumerate(rows):
                writer.writerow([i, 0, ptype, sid, label, 0, text, 3])


def run(args):
    app = typer.Typer()
    app.command()(eval_events)
    return CliRunner().invoke(app, args)


def test_ambiguous_sentences_are_left_out(tmp_path):
    write_gsr(tmp_path)
    ids = {s.id for s in load_gsr(tmp_path)}
    assert ids == {"a1", "a2", "a3", "p1", "p2", "p3"}


def test_dev_and_test_halves_partition_the_records(tmp_path):
    write_gsr(tmp_path)
    dev, test = load_gsr(tmp_path, "dev"), load_gsr(tmp_path, "test")
    assert {s.id for s in dev} | {s.id for s in test} == {s.id for s in load_gsr(tmp_path)}
    assert all(split_of(s.id) == "dev" for s in dev) and not {s.id for s in dev} & {s.id for s in test}


def test_cli_reports_precision_recall_per_type(tmp_path):
    write_gsr(tmp_path)
    result = run(["--json", "--data", str(tmp_path)])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)["results"]
    # a1 found; a3 is hypothetical ("إذا") and must not count; p1 found, p2 has no protest trigger
    assert figures["ASSAULT"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0, "n": 3}
    assert (figures["PROTEST"]["tp"], figures["PROTEST"]["fn"], figures["PROTEST"]["recall"]) == (1, 1, 0.5)


def test_cli_table_and_missing_data(tmp_path):
    write_gsr(tmp_path)
    result = run(["--data", str(tmp_path)])
    assert result.exit_code == 0 and "ASSAULT" in result.output and "PROTEST" in result.output
    assert run(["--data", str(tmp_path / "nowhere")]).exit_code == 2
    assert run(["--data", str(tmp_path), "--split", "other"]).exit_code != 0


def test_real_gold_standard_records_load():
    folder = shared_path("data", "arabic_event_gsr")
    sentences = load_gsr(folder)
    assert {s.type for s in sentences} == {"ASSAULT", "PROTEST"}
    assert sum(s.gold for s in sentences if s.type == "ASSAULT") == 335
