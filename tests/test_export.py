import csv
import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from khabar.store import open_store
from khabar.store.export import GDELT_COLUMNS, export, plover_table
from tests.store_helpers import PUTIN_TEXT, make_doc, store_url  # noqa: F401 (fixture)
from tests.test_ingest_store import make_app

PLOVER_REQUIRED = {"id", "date", "actor", "event"}


@pytest.fixture
def store(store_url):
    store = open_store(store_url)
    store.add_document(make_doc("a1"), "h1")
    store.add_document(make_doc("a2", text=PUTIN_TEXT + " "), "h2")  # the same event, reported again
    store.add_document(make_doc("a3", event_type="CONSULT", event_date="2024-05", published=dt.date(2024, 5, 20)), "h3")
    return store


def test_plover_jsonl(store, tmp_path):
    out = tmp_path / "events.plover.jsonl"
    assert export(store, "plover", out) == 2
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert all(PLOVER_REQUIRED <= r.keys() for r in records)
    accuse = next(r for r in records if r["event"] == ["ACCUSE"])
    assert accuse["date"] == "2024-03-05" and accuse["quad_code"] == 3
    assert accuse["actor"] == [{"code": "RUSGOV", "entity_text": "فلاديمير بوتين", "identifier_id": "Q7747", "identifier_text": "Vladimir Putin"}]
    assert accuse["recipient"][0]["code"] == "UKR" and len(accuse["event_text"]) == 2
    consult = next(r for r in records if r["event"] == ["CONSULT"])
    assert consult["date"] == "2024-05-20"  # month-level event date: the report's day


def test_gdelt_event_table(store, tmp_path):
    out = tmp_path / "events.gdelt.csv"
    assert export(store, "gdelt", out) == 2
    rows = list(csv.reader(out.open(encoding="utf-8"), delimiter="\t"))
    assert len(GDELT_COLUMNS) == 61 and all(len(r) == 61 for r in rows)
    by_name = [dict(zip(GDELT_COLUMNS, r)) for r in rows]
    accuse = next(r for r in by_name if r["QuadClass"] == "3")
    assert accuse["SQLDATE"] == "20240305" and accuse["MonthYear"] == "202403" and accuse["Year"] == "2024"
    assert accuse["Actor1Code"] == "RUSGOV" and accuse["Actor1CountryCode"] == "RUS" and accuse["Actor1Type1Code"] == "GOV"
    assert accuse["Actor1Name"] == "VLADIMIR PUTIN" and accuse["Actor2Code"] == "UKR"
    # no CAMEO code on the event: the root most often converted to ACCUSE
    assert (accuse["EventCode"], accuse["EventBaseCode"], accuse["EventRootCode"]) == ("110", "110", "11")
    assert accuse["NumMentions"] == "2" and accuse["NumArticles"] == "2" and accuse["NumSources"] == "1"
    assert accuse["SOURCEURL"].startswith("https://example.org/a") and len(accuse["DATEADDED"]) == 14
    consult = next(r for r in by_name if r["QuadClass"] == "1")
    assert (consult["EventCode"], consult["EventBaseCode"], consult["EventRootCode"]) == ("036", "036", "03")


def test_csv_and_parquet_read_without_options(store, tmp_path):
    pd = pytest.importorskip("pandas")
    export(store, "csv", tmp_path / "events.csv")
    frame = pd.read_csv(tmp_path / "events.csv")
    assert len(frame) == 2 and set(frame["type"]) == {"ACCUSE", "CONSULT"}
    assert frame.loc[frame["type"] == "ACCUSE", "actor_name"].item() == "فلاديمير بوتين"
    export(store, "parquet", tmp_path / "events.parquet")
    table = pd.read_parquet(tmp_path / "events.parquet")
    assert len(table) == 2 and table["n_mentions"].dtype.kind == "i"


def test_parquet_types_with_pyarrow(store, tmp_path):
    import pyarrow.parquet as pq

    export(store, "parquet", tmp_path / "events.parquet")
    table = pq.read_table(tmp_path / "events.parquet")
    assert table.num_rows == 2 and str(table.schema.field("negated").type) == "bool"


def test_jsonl_articles_with_filters(store, tmp_path):
    out = tmp_path / "articles.jsonl"
    assert export(store, "jsonl", out) == 3
    assert export(store, "jsonl", out, type="CONSULT") == 1
    [article] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert article["id"] == "a3" and article["events"][0]["type"] == "CONSULT"


def test_filters_apply_to_event_exports(store, tmp_path):
    assert export(store, "plover", tmp_path / "p.jsonl", since="2024-04-01") == 1
    assert export(store, "csv", tmp_path / "c.csv", actor="Q7747", type="ACCUSE") == 1
    assert export(store, "gdelt", tmp_path / "g.csv", country="FRA") == 0


def test_export_command(store, tmp_path):
    out = tmp_path / "cli.csv"
    result = CliRunner().invoke(make_app(), ["export", "--format", "csv", "--out", str(out), "--db", store.url])
    assert result.exit_code == 0, result.output
    assert "wrote 2 records" in result.output and out.exists()


def test_plover_table_covers_every_category():
    table = plover_table()
    assert len(table) == 16 and {v["quad_class"] for v in table.values()} == {1, 2, 3, 4}
    assert all(v["cameo_root"] for v in table.values())
