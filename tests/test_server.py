"""The API and server-rendered pages, with a stand-in analyzer so these tests need neither the models nor a store."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from khabar.document import DateMention, Document, Entity, Event, Quote, Span
from khabar.server import Settings, create_app
from khabar.server.guards import SlidingWindow

TEXT = 'قال وزير الخارجية سامح شكري يوم الأحد إن "مصر ترحب بالمبادرة" خلال لقائه نظيره في القاهرة.'
XSS = '<script>alert("x")</script> قال المتحدث <img src=x onerror=alert(1)> إن الوفد وصل إلى بغداد أمس وسط ترحيب رسمي كبير'


def mark(doc: Document) -> Document:
    """A stand-in for the pipeline: annotate fixed strings wherever they occur, with every kind of record."""

    def span(needle: str) -> Span | None:
        at = doc.text.find(needle)
        return doc.span(at, at + len(needle)) if at >= 0 else None

    for i, (needle, kind) in enumerate([("سامح شكري", "PER"), ("مصر", "GPE"), ("القاهرة", "GPE"), ("بغداد", "GPE"),
                                         ('<img src=x onerror=alert(1)>', "ORG")]):
        if found := span(needle):
            doc.entities.append(Entity(id=f"E{i}", type=kind, name=needle, mentions=[found], kb_id=f"kb:{i}",
                                       name_en="<b>en</b>", wikidata="Q1", actor_code="EGYGOV"))
    if found := span("يوم الأحد"):
        doc.dates.append(DateMention(found.start, found.end, found.text, "2024-05-12", granularity="day"))
    if found := span("مصر ترحب بالمبادرة"):
        doc.quotes.append(Quote(speaker="E0", cue="قال", kind="direct", start=found.start, end=found.end, text=found.text))
    if found := span("خلال لقائه نظيره"):
        doc.events.append(Event(type="CONSULT", evidence=found, actors=["E0"], recipients=["E2"]))
    return doc


@pytest.fixture
def client() -> TestClient:
    return TestClient(create_app(analyzer=mark))


def test_analyze_returns_the_contract_json(client):
    reply = client.post("/api/analyze", json={"text": TEXT, "published": "2024-05-13", "title": "عنوان"})
    assert reply.status_code == 200
    body = reply.json()
    assert body["text"] == TEXT and body["published"] == "2024-05-13" and body["title"] == "عنوان"
    assert [e["name"] for e in body["entities"]] == ["سامح شكري", "مصر", "القاهرة"]
    assert body["events"][0]["type"] == "CONSULT"


def test_analyze_reads_html_pages(client):
    html = f"<html><head><title>عنوان الصفحة</title></head><body><nav>قائمة</nav><article><p>{TEXT}</p><p>{TEXT}</p></article></body></html>"
    reply = client.post("/api/analyze", json={"html": html})
    assert reply.status_code == 200
    assert "سامح شكري" in reply.json()["text"]


@pytest.mark.parametrize("payload, fragment", [
    ({}, "exactly one of text or html"),
    ({"text": TEXT, "html": "<p>x</p>"}, "exactly one of text or html"),
    ({"text": "an English text, not Arabic at all"}, "not Arabic"),
    ({"text": TEXT, "published": "13/05/2024"}, "date"),
])
def test_analyze_rejects_bad_input_with_a_reason(client, payload, fragment):
    reply = client.post("/api/analyze", json=payload)
    assert reply.status_code == 422
    assert fragment in reply.text


def test_request_size_is_limited():
    client = TestClient(create_app(analyzer=mark, settings=Settings(max_body_bytes=1000)))
    reply = client.post("/api/analyze", json={"text": TEXT * 50})
    assert reply.status_code == 413
    assert "1000 bytes" in reply.json()["detail"]


def test_chunked_bodies_are_counted_too():
    client = TestClient(create_app(analyzer=mark, settings=Settings(max_body_bytes=1000)))
    chunks = (b'{"text": "' + "نص".encode() * 200 + b'"}' for _ in range(3))
    reply = client.post("/api/analyze", content=chunks, headers={"content-type": "application/json"})
    assert reply.status_code == 413


def test_rate_limit_answers_429_with_retry_after():
    client = TestClient(create_app(analyzer=mark, settings=Settings(analyze_rate_per_minute=2)))
    codes = [client.post("/api/analyze", json={"text": TEXT}).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    reply = client.post("/api/analyze", json={"text": TEXT})
    assert int(reply.headers["retry-after"]) >= 1 and "2 requests per minute" in reply.json()["detail"]


def test_sliding_window_frees_slots_as_time_passes():
    window = SlidingWindow(limit=2)
    assert [window.retry_after("a", t) for t in (0, 1, 2)] == [0, 0, 58]
    assert window.retry_after("b", 2) == 0  # per client
    assert window.retry_after("a", 60.5) == 0


def test_write_endpoint_needs_the_token_when_one_is_set():
    client = TestClient(create_app(analyzer=mark, settings=Settings(api_token="s3cret")))
    assert client.post("/api/articles", json={"text": TEXT}).status_code == 401
    wrong = client.post("/api/articles", json={"text": TEXT}, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    # the right token gets past the guard to the store check (no store here)
    right = client.post("/api/articles", json={"text": TEXT}, headers={"Authorization": "Bearer s3cret"})
    assert right.status_code == 503


def test_store_routes_say_when_there_is_no_store(client):
    reply = client.get("/api/articles")
    assert reply.status_code == 503 and "no article store" in reply.json()["detail"]


def test_security_headers_forbid_inline_and_foreign_scripts(client):
    csp = client.get("/analyze").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_docs_are_served_from_bundled_assets(client):
    page = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in page and "cdn" not in page.lower()
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    assert "/api/analyze" in client.get("/openapi.json").json()["paths"]


def test_pages_load_nothing_from_other_hosts(client):
    page = client.post("/analyze", data={"text": TEXT}).text
    assert not re.search(r'(src|href)="(https?:)?//', page.replace('href="https://www.wikidata.org', ""))
    css = client.get("/static/css/khabar.css").text
    for url in re.findall(r"url\(\"?([^\")]+)", css):
        assert client.get("/static/css/" + url).status_code == 200


def test_article_page_highlights_every_kind_of_annotation(client):
    page = client.post("/analyze", data={"text": TEXT, "published": "2024-05-13"}).text
    assert '<html lang="ar" dir="rtl">' in page
    assert re.search(r'<span class="hl-entity ent-PER"[^>]*data-refs="entity:E0[^"]*"[^>]*>سامح شكري</span>', page)
    assert re.search(r'<span class="hl-date"[^>]*>يوم الأحد</span>', page)
    assert re.search(r'class="hl-quote"[^>]*data-refs="quote:0"', page)
    assert re.search(r'class="hl-event"[^>]*data-refs="event:0"', page)
    # an entity inside a quote carries both
    assert re.search(r'class="hl-entity ent-GPE hl-quote"[^>]*data-refs="entity:E1 quote:0"', page)
    # the hover text names the KB link and actor code
    assert "KB kb:0 · Wikidata Q1 · actor EGYGOV" in page


def test_article_text_is_rendered_verbatim():
    """Cutting the text at annotation boundaries must neither lose nor duplicate a character."""
    from khabar.server.highlight import annotations, segments

    article = mark(Document(id="t", text=TEXT)).to_dict()
    pieces = segments(article["text"], annotations(article))
    assert "".join(p.text for p in pieces) == TEXT
    assert all(p.start < p.end for p in pieces)


def test_article_markup_and_metadata_render_as_text(client):
    page = client.post("/analyze", data={"text": XSS, "title": "<script>alert(2)</script>"}).text
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>en</b>" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    # the records the page script reads are JSON with < escaped, so they cannot close the <script> element
    records = re.search(r'<script type="application/json" id="records">(.*?)</script>', page, re.S).group(1)
    assert "<" not in records and "\\u003cimg src=x onerror=alert(1)\\u003e" in records


def test_only_web_urls_become_links():
    from khabar.server.rendering import web_url

    assert web_url("https://example.org/a") == "https://example.org/a"
    assert web_url("javascript:alert(1)") is None and web_url("JAVASCRIPT:alert(1)") is None and web_url(None) is None


def test_analyze_form_reports_unanalysable_text(client):
    page = client.post("/analyze", data={"text": "hello world"})
    assert page.status_code == 422 and "not Arabic" in page.text


def test_pages_share_the_rate_limit_but_static_files_do_not():
    client = TestClient(create_app(analyzer=mark, settings=Settings(rate_per_minute=2)))
    assert [client.get("/analyze").status_code for _ in range(3)] == [200, 200, 429]
    assert client.get("/static/css/khabar.css").status_code == 200


def test_sliding_window_forgets_idle_clients():
    window = SlidingWindow(limit=1)
    window.MAX_KEYS = 2
    for t, client in enumerate("abc"):
        window.retry_after(client, t)
    window.retry_after("d", 100)  # a, b and c have been idle for over a minute
    assert set(window.hits) == {"d"}


def test_overlapping_annotations_cover_exactly_their_pieces():
    from khabar.server.highlight import Annotation, segments

    text = "abcdefghij"
    found = [Annotation("quote:0", "quote", 0, 6, "", ""), Annotation("event:0", "event", 4, 10, "", ""),
             Annotation("entity:E1", "entity", 2, 5, "", "ent-PER"), Annotation("date:0", "date", 8, 8, "", "")]
    pieces = [(p.text, p.refs) for p in segments(text, [a for a in found if a.start < a.end])]
    assert pieces == [("ab", "quote:0"), ("cd", "entity:E1 quote:0"), ("e", "entity:E1 event:0 quote:0"),
                      ("f", "event:0 quote:0"), ("ghij", "event:0")]


def test_real_articles_render_verbatim_with_every_highlight():
    """Real articles through khabar's pipeline: the page shows the exact text, every span is highlighted whole."""
    import html

    from khabar.analyze import to_document
    from khabar.ingest import Article
    from khabar.pipeline import default_pipeline
    from khabar.server.highlight import annotations, segments
    from tests.conftest import real_articles

    pipeline = default_pipeline()
    client = TestClient(create_app(analyzer=pipeline))
    for _corpus, doc_id, text, _published in real_articles(3):
        article = pipeline(to_document(Article(id=str(doc_id), text=text))).to_dict()
        found = annotations(article)
        pieces = segments(article["text"], found)
        assert "".join(p.text for p in pieces) == text
        for annotation in found:
            covered = "".join(p.text for p in pieces if annotation in p.annotations)
            assert covered == text[annotation.start:annotation.end]
        page = client.post("/analyze", data={"text": text}).text
        shown = re.search(r'<div class="article-text" id="article-text">(.*?)</div>', page, re.S).group(1)
        assert html.unescape(re.sub(r"<[^>]+>", "", shown)) == text
