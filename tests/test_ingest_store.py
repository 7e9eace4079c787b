import json
import os
import signal
import subprocess
import sys
import time
from itertools import islice
from pathlib import Path

import typer
from typer.testing import CliRunner

from khabar.ingest.sources import SourceOptions, read_any
from khabar.store import open_store
from khabar.store import cli
from khabar.store.ingest import content_hash, ingest
from tests.conftest import shared_path
from tests.store_helpers import PUTIN_TEXT, light_pipeline, store_url  # noqa: F401 (fixture)

ROOT = Path(__file__).resolve().parents[1]
ANT = ("data", "ant_corpus_multisource_v2.1", "ant_multisource_all.jsonl.gz")


def test_real_warc_and_rss_ingest_twice_adds_nothing(store_url):
    warc = shared_path("data", "containers", "ant_political_200.resource.warc.gz")
    feeds = sorted(str(p) for p in warc.parent.glob("rss_reconstructed_*.xml"))
    store = open_store(store_url)
    options = SourceOptions(fetch_pages=False)
    first = ingest(store, [str(warc), *feeds], options, pipeline_factory=light_pipeline)
    assert first.new >= 390 and first.read == first.new + first.duplicate + first.failed
    stats = store.stats()
    assert stats["articles"] == first.new and stats["failures"] == first.failed
    again = ingest(store, [str(warc), *feeds], SourceOptions(fetch_pages=False), pipeline_factory=light_pipeline)
    assert again.new == 0 and again.duplicate == first.new
    assert store.stats()["articles"] == first.new
    article = store.get_article("AL-internationalNews-1223-20180518")
    assert article["published"] == "2018-05-18" and article["source"]["publisher"] == "Al Arabiya"
    assert store.search("كولومب")[0]["id"] == "AL-internationalNews-1223-20180518"


def test_ant_jsonl_slice_with_two_workers(tmp_path):
    path = shared_path(*ANT)
    store = open_store(f"sqlite:///{tmp_path / 'k.db'}")
    counts = ingest(store, [str(path)], limit=120, workers=2, batch_size=25, pipeline_factory=light_pipeline)
    expected = {content_hash(a.text) for _, a in islice(read_any([str(path)]), 120) if hasattr(a, "text")}
    assert counts.read == 120 and counts.new == len(expected) == store.stats()["articles"]


def test_field_map_override(tmp_path):
    records = tmp_path / "custom.jsonl"
    records.write_text(json.dumps({"content": "لا شيء", "date_extracted": "2020-01-02", "body": PUTIN_TEXT}) + "\n", encoding="utf-8")
    store = open_store(f"sqlite:///{tmp_path / 'k.db'}")
    ingest(store, [str(records)], SourceOptions(field_map={"text": "body", "published": "date_extracted"}), pipeline_factory=light_pipeline)
    [article] = store.list_articles()
    assert article["published"] == "2020-01-02" and store.get_article(article["pk"])["text"] == PUTIN_TEXT


INGEST_SCRIPT = """
import sys
from khabar.store import open_store
from khabar.store.ingest import ingest
ingest(open_store(sys.argv[1]), [sys.argv[2]], limit=int(sys.argv[3]), batch_size=10)
"""


def _ingest_process(url: str, source: Path, limit: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", INGEST_SCRIPT, url, str(source), str(limit)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_kill_9_mid_ingest_then_rerun_stores_every_article_once(store_url):
    source = shared_path(*ANT)
    limit = 150
    expected = {content_hash(a.text) for _, a in islice(read_any([str(source)]), limit) if hasattr(a, "text")}
    store = open_store(store_url)
    process = _ingest_process(store_url, source, limit)
    deadline = time.monotonic() + 120
    while store.stats()["articles"] < 30 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, process.stderr.read().decode()[-2000:]
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    killed_at = store.stats()["articles"]
    assert 0 < killed_at < len(expected)
    rerun = _ingest_process(store_url, source, limit)
    assert rerun.wait(timeout=300) == 0, rerun.stderr.read().decode()[-2000:]
    assert store.stats()["articles"] == len(expected)
    with store.engine.connect() as conn:
        hashes = [r[0] for r in conn.exec_driver_sql("SELECT content_hash FROM articles")]
    assert sorted(hashes) == sorted(expected)


# --- the CLI commands ------------------------------------------------------------------------------------------
def make_app() -> typer.Typer:
    app = typer.Typer()
    cli.register(app)
    return app


def test_cli_ingest_stats_search_failures_retry(tmp_path):
    db = f"sqlite:///{tmp_path / 'k.db'}"
    corpus = tmp_path / "corpus.jsonl"
    good = {"id": "p1", "text": PUTIN_TEXT, "date": "2024-03-05", "title": "بوتين"}
    corpus.write_text(json.dumps(good, ensure_ascii=False) + "\n{broken\n", encoding="utf-8")
    runner = CliRunner()
    app = make_app()
    result = runner.invoke(app, ["ingest", str(corpus), "--db", db])
    assert result.exit_code == 0, result.output
    assert "1 new, 0 duplicate, 1 failed" in result.output
    stats = json.loads(runner.invoke(app, ["stats", "--db", db, "--json"]).stdout)
    assert stats["articles"] == 1 and stats["failures"] == 1
    assert {"articles", "entities", "events", "quotes", "relations", "stories", "failures"} <= stats.keys()
    [failure] = json.loads(runner.invoke(app, ["failures", "--db", db, "--json"]).stdout)
    assert failure["origin"] == f"{corpus}:2" and "invalid JSON" in failure["reason"]
    hits = json.loads(runner.invoke(app, ["search", "الرئيس", "--db", db, "--json"]).stdout)
    assert [h["id"] for h in hits] == ["p1"]
    assert "p1" not in runner.invoke(app, ["search", "كورونا", "--db", db, "--json"]).stdout
    # the broken line is repaired; --retry reads the source again and clears the failure
    fixed = {"id": "p2", "text": PUTIN_TEXT.replace("أوروبا", "آسيا"), "date": "2024-03-06"}
    corpus.write_text(json.dumps(good, ensure_ascii=False) + "\n" + json.dumps(fixed, ensure_ascii=False) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["failures", "--retry", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []
    stats = json.loads(runner.invoke(app, ["stats", "--db", db, "--json"]).stdout)
    assert stats["articles"] == 2 and stats["failures"] == 0
    for command in (["events"], ["quotes"], ["stats"], ["search", "بوتين"], ["failures"]):
        result = runner.invoke(app, [*command, "--db", db])
        assert result.exit_code == 0, (command, result.output)


def test_cli_rejects_bad_options(tmp_path):
    runner = CliRunner()
    db = f"sqlite:///{tmp_path / 'k.db'}"
    assert runner.invoke(make_app(), ["events", "--since", "yesterday", "--db", db]).exit_code != 0
    assert runner.invoke(make_app(), ["ingest", "x.jsonl", "--map", "text", "--db", db]).exit_code != 0
    assert cli.parse_field_map(["text=content,published=date_extracted"]) == {"text": "content", "published": "date_extracted"}


def test_an_article_the_database_refuses_is_a_failure_not_a_crash(store_url, tmp_path):
    records = tmp_path / "nul.jsonl"
    # PostgreSQL text columns cannot hold NUL characters
    lines = [{"id": "ok", "text": PUTIN_TEXT}, {"id": "nul", "title": "عنوان\u0000", "text": PUTIN_TEXT + " ."}]
    records.write_text("\n".join(json.dumps(r) for r in lines) + "\n", encoding="utf-8")
    store = open_store(store_url)
    counts = ingest(store, [str(records)], pipeline_factory=light_pipeline)
    assert counts.new + counts.failed == 2 and store.get_article("ok") is not None
    if store.dialect == "postgresql":
        assert counts.failed == 1 and store.failures()[0]["reason"].startswith("storage failed")


def test_wire_copies_from_two_outlets_form_one_story_with_wire_and_dateline(tmp_path):
    records = tmp_path / "wires.jsonl"
    copies = [
        {"id": "outlet-b", "text": "موسكو - تاس\n" + PUTIN_TEXT + "\nالمصدر: تاس", "date": "2024-03-06", "source": "B"},
        {"id": "outlet-a", "text": "موسكو - تاس\n" + PUTIN_TEXT, "date": "2024-03-05", "source": "A"},
        {"id": "other", "text": "الرياض (رويترز) - " + PUTIN_TEXT.replace("بوتين", "ماكرون")[:60] + " وأعلنت وزارة الصحة عن تسجيل إصابات جديدة.", "date": "2024-03-05"},
    ]
    records.write_text("\n".join(json.dumps(c, ensure_ascii=False) for c in copies) + "\n", encoding="utf-8")
    store = open_store(f"sqlite:///{tmp_path / 'k.db'}")
    ingest(store, [str(records)], pipeline_factory=light_pipeline)
    articles = {a["id"]: a for a in store.list_articles()}
    assert articles["outlet-a"]["wire"] == "TASS" and articles["outlet-a"]["dateline"] == "موسكو"
    assert articles["other"]["wire"] == "Reuters" and articles["other"]["story_id"] is None
    [story] = store.stories()
    assert [a["id"] for a in store.story(story["id"])["articles"]] == ["outlet-a", "outlet-b"]
    assert {a["source"] for a in store.story(story["id"])["articles"]} == {"A", "B"}


def test_real_saudinewsnet_slice_with_an_explicit_field_map(tmp_path):
    path = shared_path("data", "saudinewsnet", "saudinewsnet_all.jsonl.gz")
    store = open_store(f"sqlite:///{tmp_path / 'k.db'}")
    options = SourceOptions(field_map={"text": "content", "published": "date_extracted", "id": "url"})
    counts = ingest(store, [str(path)], options, limit=40, pipeline_factory=light_pipeline)
    assert counts.new >= 35
    first = store.list_articles(limit=1)[0]
    assert first["published"] == "2015-07-21" and first["source"] == "Asharq Al-Awsat" and first["id"].startswith("http://aawsat.com/")
