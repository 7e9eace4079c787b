"""The plain-Python half of the Ray pipeline: rows rebuilt from their Arrow form (no Ray needed)."""

import json
from pathlib import Path

from khabar.analyze import analyze_stream
from khabar.distributed.inflight import InflightMarks
from khabar.distributed.rows import ANALYSIS_SCHEMA, ARTICLE_SCHEMA, analysis_row, article_row, row_article, table
from khabar.ingest import ArticleError, read_sources
from khabar.pipeline import default_pipeline

CORPUS = Path(__file__).parent / "fixtures" / "ray_corpus.jsonl"


def test_article_rows_round_trip_and_errors_stay_errors():
    items = list(read_sources([str(CORPUS)]))
    assert [type(row_article(article_row(item))) for item in items] == [type(item) for item in items]
    for item in items:
        assert row_article(article_row(item)) == item
    table([article_row(item) for item in items], ARTICLE_SCHEMA)  # every row fits the schema


def test_analysis_row_holds_exactly_what_khabar_analyze_prints():
    items = list(read_sources([str(CORPUS)]))
    rows = [analysis_row(item, default_pipeline()) for item in items]
    docs = {d.id: d for d in analyze_stream(items)}
    for row in rows:
        if row["error"] is None:
            doc = docs[row["id"]]
            assert row["analysis"] == json.dumps(doc.to_dict(), ensure_ascii=False)
            assert (row["n_entities"], row["n_events"], row["published"]) == (len(doc.entities), len(doc.events), doc.to_dict()["published"])
    failed = {row["origin"]: row["error"] for row in rows if row["error"]}
    assert failed == {item.origin: item.reason for item in items if isinstance(item, ArticleError)}
    assert table(rows, ANALYSIS_SCHEMA).num_rows == len(items)


def test_inflight_marks_outlive_only_a_dead_process(tmp_path):
    marks = InflightMarks(tmp_path / "made" / "on" / "first" / "use")  # as on a cluster node without the driver's directory
    with marks.analysing("corpus.parquet", "نص أول"):
        assert marks.killed_a_worker("corpus.parquet", "نص أول")
        assert not marks.killed_a_worker("corpus.parquet", "نص ثان")  # same origin, another article
    assert not marks.killed_a_worker("corpus.parquet", "نص أول")
