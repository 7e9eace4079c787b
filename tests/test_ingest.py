import datetime as dt
import gzip
import io
import json

from khabar.ingest import Article, ArticleError, read_sources
from khabar.ingest.fields import parse_date

ARABIC = "قال وزير الخارجية إن المحادثات كانت مثمرة."


def _write_jsonl(path, records, opener=open):
    with opener(path, "wt", encoding="utf-8") as handle:
        for record in records:
            handle.write((record if isinstance(record, str) else json.dumps(record, ensure_ascii=False)) + "\n")


def test_jsonl_field_alternatives(tmp_path):
    path = tmp_path / "a.jsonl"
    _write_jsonl(path, [{"docno": "x1", "content": ARABIC, "date": "2018-06-09 10:00", "link": "http://a"}])
    [article] = list(read_sources([str(path)]))
    assert article == Article("x1", ARABIC, None, dt.date(2018, 6, 9), "http://a", None, f"{path}:1")


def test_bad_lines_are_reported_and_the_rest_goes_on(tmp_path):
    path = tmp_path / "a.jsonl.gz"
    _write_jsonl(path, [{"id": "1", "text": ARABIC}, "{not json", {"id": "3", "text": ""},
                        {"id": "4", "text": "An English text only."}, [1, 2], {"id": "6", "text": ARABIC}], gzip.open)
    items = list(read_sources([str(path)]))
    assert [i.id for i in items if isinstance(i, Article)] == ["1", "6"]
    reasons = [i.reason for i in items if isinstance(i, ArticleError)]
    assert reasons[0].startswith("invalid JSON")
    assert reasons[1] == "empty text"
    assert reasons[2].startswith("not Arabic")
    assert reasons[3].startswith("expected a JSON object")


def test_directory_text_and_missing_paths(tmp_path):
    (tmp_path / "b.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    items = list(read_sources([str(tmp_path), str(tmp_path / "missing.txt")]))
    assert [i.id for i in items if isinstance(i, Article)] == ["a", "b"]
    assert [i.reason.split(":")[0] for i in items if isinstance(i, ArticleError)] == [
        "unsupported file type .pdf", "no such file or directory"]


def test_a_text_file_holding_an_ant_trec_record(tmp_path, monkeypatch):
    record = (f"<DOC>\n<DOCNO>JA-politic-1-20161207</DOCNO>\n<SRC>Jawhara FM</SRC>\n<TITLE>عنوان</TITLE>\n"
              f"<TIME>07/12/2016</TIME>\n<TEXT>\n{ARABIC}\n</TEXT>\n</DOC>\n")
    (tmp_path / "a.txt").write_text(record, encoding="utf-8")
    monkeypatch.setattr("sys.stdin", io.StringIO(record))
    for article in (*read_sources([str(tmp_path / "a.txt")]), *read_sources(["-"])):
        assert (article.id, article.text, article.title, article.published, article.source) == (
            "JA-politic-1-20161207", ARABIC, "عنوان", dt.date(2016, 12, 7), "Jawhara FM")


def test_html_page(tmp_path):
    page = tmp_path / "p.html"
    body = "".join(f"<p>{ARABIC} فقرة رقم {i}.</p>" for i in range(5))
    page.write_text(f"<html><head><title>عنوان الخبر</title><meta name='date' content='2021-08-19'></head>"
                    f"<body><article>{body}</article></body></html>", encoding="utf-8")
    [article] = list(read_sources([str(page)]))
    assert isinstance(article, Article)
    assert ARABIC in article.text and article.title == "عنوان الخبر"


def test_stdin_jsonl(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps({"id": "s", "body": ARABIC}) + "\n"))
    [article] = list(read_sources(["-"]))
    assert article.id == "s" and article.text == ARABIC


def test_parse_date_forms():
    assert parse_date("2021-08-19T10:00:00Z") == dt.date(2021, 8, 19)
    assert parse_date("19/08/2021") == dt.date(2021, 8, 19)
    assert parse_date("Thu, 19 Aug 2021 10:00:00 +0000") == dt.date(2021, 8, 19)
    assert parse_date("yesterday") is None
    assert parse_date("2021-02-30") is None
