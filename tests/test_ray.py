"""The Ray Data pipeline on local Ray (2 CPUs): same analyses as `analyze_stream`, failures kept as rows."""

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ray = pytest.importorskip("ray")
pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")
import pyarrow.parquet as pq  # noqa: E402

from khabar.analyze import Failure, analyze_stream  # noqa: E402
from khabar.distributed.dataset import analyse, read_articles, split_inputs, write  # noqa: E402
from khabar.distributed.load import count_output, import_output, iter_rows  # noqa: E402
from khabar.distributed.options import OutputFormat  # noqa: E402
from khabar.ingest import read_sources  # noqa: E402
from khabar.ingest.readers import from_record  # noqa: E402
from khabar.pipeline import default_pipeline  # noqa: E402
from khabar.store.core import Store  # noqa: E402
from khabar.store.ingest import ingest  # noqa: E402

CORPUS = Path(__file__).parent / "fixtures" / "ray_corpus.jsonl"
BREAKS_ANALYSIS = "كلمةتكسرالتحليل"  # a word that makes the test pipeline raise, as a bug in a component would
PARQUET_RECORDS = [
    {"guid": "p1", "body": "استقبل العاهل المغربي الملك محمد السادس في الرباط رئيس الوزراء الإسباني يوم الخميس.",
     "headline": "لقاء في الرباط", "published_at": dt.datetime(2022, 4, 7, 9, 30)},
    {"guid": "p2", "body": f"قالت وزارة الصحة الفلسطينية إن {BREAKS_ANALYSIS} ثلاثة أشخاص أصيبوا في نابلس.",
     "headline": None, "published_at": dt.datetime(2022, 4, 8)},
]


def breaking_pipeline_factory():
    pipeline = default_pipeline()

    def run(doc):
        if BREAKS_ANALYSIS in doc.text:
            raise RuntimeError("component bug")
        return pipeline(doc)

    return run


def process_killing_pipeline_factory():
    """A pipeline whose worker process dies on article r4, as on a segfault or an out-of-memory kill."""
    pipeline = default_pipeline()

    def run(doc):
        if doc.id == "r4":
            os._exit(3)
        return pipeline(doc)

    return run


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, object_store_memory=100 * 1024**2, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    path = tmp_path_factory.mktemp("in") / "corpus.parquet"
    pq.write_table(pa.Table.from_pylist(PARQUET_RECORDS), path)
    return [str(CORPUS), str(path)]


@pytest.fixture(scope="module")
def outputs(local_ray, inputs, tmp_path_factory):
    """The pipeline run once, written in both formats."""
    analysed = analyse(read_articles(inputs), workers=1, batch_size=2, pipeline_factory=breaking_pipeline_factory).materialize()
    out = {}
    for format in OutputFormat:
        out[format] = tmp_path_factory.mktemp(format.value)
        write(analysed, str(out[format]), format)
    return out


def expected(inputs):
    """What the plain pipeline makes of the same input: analyses by id, and failures by origin."""
    items = list(read_sources([inputs[0]]))
    for record in pq.read_table(inputs[1]).to_pylist():
        items.append(from_record(record, f"{inputs[1]}#{record['guid']}"))
    failures: list[Failure] = []
    docs = analyze_stream(items, breaking_pipeline_factory(), on_failure=failures.append)
    analyses = {doc.id: json.dumps(doc.to_dict(), ensure_ascii=False) for doc in docs}
    return analyses, {f.origin: f.reason for f in failures}


@pytest.mark.parametrize("format", list(OutputFormat))
def test_output_equals_the_plain_pipeline_and_keeps_failures(outputs, inputs, format):
    analyses, failures = expected(inputs)
    rows = list(iter_rows(outputs[format]))
    assert {r["id"]: r["analysis"] for r in rows if r["error"] is None} == analyses
    assert {r["origin"]: r["error"] for r in rows if r["error"]} == failures
    assert len(analyses) == 5 and len(failures) == 3  # the broken JSON line, the English record, the analysis bug
    assert any(reason.startswith("analysis failed: RuntimeError") for reason in failures.values())
    assert count_output(outputs[format]).ok == 5


def test_an_article_that_kills_its_worker_is_failed_and_the_job_goes_on(local_ray, tmp_path):
    from khabar.distributed.inflight import KILLED_REASON

    analysed = analyse(read_articles([str(CORPUS)]), workers=1, batch_size=3,
                       pipeline_factory=process_killing_pipeline_factory, inflight_dir=str(tmp_path))
    rows = {row["origin"]: row for row in analysed.take_all()}
    assert rows[f"{CORPUS}:4"]["error"] == KILLED_REASON and rows[f"{CORPUS}:4"]["id"] == "r4"
    assert sorted(row["id"] for row in rows.values() if row["error"] is None) == ["r1", "r2", "r6"]
    assert len(list(tmp_path.iterdir())) == 1  # only the mark of the article the worker died on is left


def test_directories_send_parquet_files_to_rays_reader_and_the_rest_to_read_sources(tmp_path):
    for name in ("b.parquet", "a.jsonl", "sub/c.PARQUET", ".hidden.parquet", "notes.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("")
    parquet, others = split_inputs([str(tmp_path), "missing.jsonl"])
    assert parquet == [str(tmp_path / "b.parquet"), str(tmp_path / "sub/c.PARQUET")]
    assert others == [str(tmp_path / "a.jsonl"), str(tmp_path / "notes.txt"), "missing.jsonl"]


def test_flat_columns_repeat_the_analysis(outputs):
    ok = [row for row in pq.read_table(outputs[OutputFormat.parquet]).to_pylist() if row["error"] is None]
    for row in ok:
        doc = json.loads(row["analysis"])
        assert (row["n_entities"], row["n_events"], row["published"], row["publisher"]) == (
            len(doc["entities"]), len(doc["events"]), doc["published"], doc["source"]["publisher"])
    assert {row["published"] for row in ok} >= {"2022-04-07", "2023-03-12"}  # a Parquet timestamp, a JSONL date
    assert {row["publisher"] for row in ok} >= {"وكالة الاختبار"}


def test_both_formats_read_with_pandas_alike(outputs):
    parquet = pd.read_parquet(outputs[OutputFormat.parquet])
    jsonl = pd.concat(pd.read_json(p, lines=True) for p in sorted(outputs[OutputFormat.jsonl].iterdir()))
    columns = ["origin", "id", "n_entities", "n_events", "analysis", "error"]
    assert len(parquet) == len(jsonl) == 8
    for frame in (parquet, jsonl):
        assert frame.columns.tolist()[:2] == ["id", "origin"]
    key = ["origin"]
    assert parquet[columns].sort_values(key).astype(str).values.tolist() == jsonl[columns].sort_values(key).astype(str).values.tolist()


def test_import_stores_what_ingest_stores(outputs, tmp_path):
    imported = Store(f"sqlite:///{tmp_path / 'imported.db'}")
    counts = import_output(imported, outputs[OutputFormat.jsonl])
    assert (counts.new, counts.failed) == (5, 3)
    assert import_output(imported, outputs[OutputFormat.parquet]).duplicate == 5  # idempotent, like ingest
    ingested = Store(f"sqlite:///{tmp_path / 'ingested.db'}")
    ingest(ingested, [str(CORPUS)], pipeline_factory=breaking_pipeline_factory)

    def articles(store, ids):
        return {a["id"]: {k: v for k, v in a.items() if k not in ("pk", "story_id")} for a in store.iter_articles() if a["id"] in ids}

    from_corpus = {"r1", "r2", "r4", "r6"}
    assert articles(imported, from_corpus) == articles(ingested, from_corpus) and len(articles(ingested, from_corpus)) == 4
    assert imported.stats()["events"] >= ingested.stats()["events"] > 0
    assert {f["origin"] for f in imported.failures()} >= {f["origin"] for f in ingested.failures()}


def test_cli_runs_local_ray_and_prints_a_summary(tmp_path):
    out = tmp_path / "out"
    khabar = [sys.executable, "-c", "from khabar.cli import app; app()"]
    env = {**os.environ, "COLUMNS": "300"}  # rich would wrap messages at 80 columns
    run = subprocess.run([*khabar, "ray", "analyze", str(CORPUS), "--out", str(out), "--workers", "1", "-f", "jsonl"],
                         capture_output=True, text=True, timeout=300, env=env)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "4 analysed, 2 failed" in run.stderr and "articles/s" in run.stderr
    assert f"{CORPUS}:5: invalid JSON" in run.stderr
    again = subprocess.run([*khabar, "ray", "analyze", str(CORPUS), "--out", str(out)], capture_output=True, text=True, env=env)
    assert again.returncode != 0 and "not empty" in again.stderr
    stored = subprocess.run([*khabar, "ray", "import", str(out), "--db", f"sqlite:///{tmp_path / 'k.db'}"],
                            capture_output=True, text=True, timeout=300, env=env)
    assert stored.returncode == 0 and "4 new, 0 duplicate, 2 failed" in stored.stderr
