"""The store-backed API and pages over a real khabar.store (SQLite in tmp_path) holding a small constructed corpus."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from fastapi.testclient import TestClient

import khabar.store as store_module
from khabar.document import DateMention, Document, Entity, Event, Quote, Relation, Source
from khabar.server import Settings, create_app
from khabar.store.ingest import content_hash
from tests.test_server import mark

WIRE = ('الرياض (واس) - استقبل ولي العهد الأمير محمد بن سلمان وزير الخارجية الأمريكي أنتوني بلينكن يوم الأحد في الرياض، '
        'وبحث الجانبان العلاقات الثنائية وتطورات الأوضاع في المنطقة. وقال بلينكن إن "العلاقات بين البلدين قوية ومتينة" '
        'مؤكدا حرص بلاده على تعزيز التعاون في مختلف المجالات خلال المرحلة المقبلة.')
ATTACK = ('<script>alert("stored")</script> هاجمت قوات الاحتلال قرية في ريف نابلس فجر السبت، '
          'وقالت وزارة الصحة الفلسطينية إن "ثلاثة أشخاص أصيبوا بجروح" <img src=x onerror=alert(2)> خلال الهجوم.')


def build(doc_id: str, text: str, published: dt.date, publisher: str, title: str, entities, events=(), quotes=(),
          dates=(), relations=(), wire: str | None = None) -> Document:
    """A Document whose annotations point at the given strings in `text` (each must occur)."""
    doc = Document(id=doc_id, text=text, title=title, published=published, url=f"https://example.org/{doc_id}",
                   source=Source(publisher=publisher, wire=wire))

    def span(needle: str):
        at = text.index(needle)
        return doc.span(at, at + len(needle))

    for entity_id, needle, kind, kb_id, name_en, country, actor in entities:
        doc.entities.append(Entity(id=entity_id, type=kind, name=needle, mentions=[span(needle)], kb_id=kb_id,
                                   name_en=name_en, wikidata=kb_id, country=country, actor_code=actor))
    for kind, needle, actors, recipients, date in events:
        doc.events.append(Event(type=kind, evidence=span(needle), actors=actors, recipients=recipients, date=date))
    for speaker, needle in quotes:
        found = span(needle)
        doc.quotes.append(Quote(speaker=speaker, cue="قال", kind="direct", start=found.start, end=found.end, text=found.text))
    for needle, value in dates:
        found = span(needle)
        doc.dates.append(DateMention(found.start, found.end, found.text, value, granularity="day"))
    for kind, subject, obj, needle in relations:
        doc.relations.append(Relation(type=kind, subject=subject, object=obj, evidence=span(needle)))
    return doc


WIRE_ENTITIES = [
    ("E1", "محمد بن سلمان", "PER", "Q6889795", "Mohammed bin Salman", "SAU", "SAUGOV"),
    ("E2", "أنتوني بلينكن", "PER", "Q7983340", "Antony Blinken", "USA", "USAGOV"),
    ("E3", "الرياض", "GPE", "Q3692", "Riyadh", "SAU", None),
]
WIRE_ANNOTATIONS = dict(
    entities=WIRE_ENTITIES,
    events=[("CONSULT", "استقبل ولي العهد الأمير محمد بن سلمان وزير الخارجية الأمريكي أنتوني بلينكن", ["E1"], ["E2"], "2024-05-12")],
    quotes=[("E2", "العلاقات بين البلدين قوية ومتينة")],
    dates=[("يوم الأحد", "2024-05-12")],
    relations=[("located_in", "E1", "E3", "محمد بن سلمان وزير الخارجية الأمريكي أنتوني بلينكن يوم الأحد في الرياض")],
)


def corpus() -> list[Document]:
    return [
        build("spa-1", WIRE, dt.date(2024, 5, 12), "spa.gov.sa", "ولي العهد يستقبل بلينكن", wire="SPA", **WIRE_ANNOTATIONS),
        # the same wire story republished by another outlet, with a line of its own
        build("okaz-1", WIRE + "\nالمصدر: واس", dt.date(2024, 5, 13), "okaz", "ولي العهد يبحث مع بلينكن العلاقات", wire="SPA",
              **WIRE_ANNOTATIONS),
        build("attack-1", ATTACK, dt.date(2024, 6, 1), "wafa", '<img src=x onerror=alert("title")>',
              entities=[("E1", "قوات الاحتلال", "ORG", None, "Occupation forces", "ISR", "ISRMIL"),
                        ("E2", "نابلس", "GPE", "Q192225", "Nablus", "PSE", None),
                        ("E3", "وزارة الصحة الفلسطينية", "ORG", None, None, "PSE", "PSEGOV")],
              events=[("ASSAULT", "هاجمت قوات الاحتلال قرية في ريف نابلس", ["E1"], ["E2"], "2024-06-01")],
              quotes=[("E3", "ثلاثة أشخاص أصيبوا بجروح")]),
    ]


@pytest.fixture
def store(tmp_path):
    opened = store_module.open_store(f"sqlite:///{tmp_path / 'khabar.db'}")
    for doc in corpus():
        opened.add_document(doc, content_hash(doc.text))
    yield opened
    opened.close()


@pytest.fixture
def client(store) -> TestClient:
    return TestClient(create_app(store=store, analyzer=mark))


def test_articles_are_listed_with_pagination(client):
    first = client.get("/api/articles", params={"limit": 2}).json()
    assert [a["id"] for a in first["items"]] == ["spa-1", "okaz-1"] and first["next_offset"] == 2
    rest = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert [a["id"] for a in rest["items"]] == ["attack-1"] and rest["next_offset"] is None
    assert client.get("/api/articles", params={"limit": 10_000}).status_code == 422


def test_article_by_given_id_or_store_pk(client):
    by_id = client.get("/api/articles/okaz-1").json()
    assert by_id["title"] == "ولي العهد يبحث مع بلينكن العلاقات" and by_id["events"][0]["type"] == "CONSULT"
    assert client.get(f"/api/articles/{by_id['pk']}").json()["id"] == "okaz-1"
    assert client.get("/api/articles/nope").status_code == 404


def test_search_is_arabic_aware_and_marks_the_match(client, store):
    found = client.get("/api/search", params={"q": "رياض"}).json()["items"]
    assert {r["id"] for r in found} == {"spa-1", "okaz-1"}
    page = client.get("/search", params={"q": "رياض"}).text
    assert "<mark>الرياض</mark>" in page


def test_entity_has_mentions_events_quotes_and_a_timeline(client):
    entity = client.get("/api/entities/Q7983340").json()
    assert entity["name_en"] == "Antony Blinken" and len(entity["events_as_recipient"]) == 1
    page = client.get("/entities/Q7983340").text
    assert "Antony Blinken" in page and 'id="timeline"' in page
    assert "2024-05" in page and "العلاقات بين البلدين قوية ومتينة" in page


def test_events_filter_by_type_actor_and_dates(client):
    def types(**params):
        return [e["type"] for e in client.get("/api/events", params=params).json()["items"]]

    assert sorted(types()) == ["ASSAULT", "CONSULT"]  # the republished CONSULT is one merged event
    assert types(type="CONSULT") == ["CONSULT"]
    assert types(actor="Q6889795") == ["CONSULT"]
    assert types(country="PSE") == ["ASSAULT"]
    assert types(since="2024-05-20") == ["ASSAULT"] and types(until="2024-05-20") == ["CONSULT"]
    assert client.get("/api/events", params={"since": "last week"}).status_code == 422


def test_events_page_filters_with_an_empty_form(client):
    page = client.get("/events", params={"type": "ASSAULT", "actor": "", "since": "", "until": ""})
    assert page.status_code == 200
    rows = re.findall(r'<tr data-type="(\w+)"', page.text)
    assert rows == ["ASSAULT"]
    assert 'href="/api/events.csv?type=ASSAULT' in page.text


def test_events_csv_download(client):
    reply = client.get("/api/events.csv", params={"type": "CONSULT"})
    assert reply.headers["content-type"].startswith("text/csv") and "attachment" in reply.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(reply.text)))
    assert len(rows) == 1 and rows[0]["actors"] == "Mohammed bin Salman" and rows[0]["recipient_keys"] == "Q7983340"
    assert rows[0]["n_articles"] == "2"


def test_actor_graph_edges_carry_the_event_type(client):
    graph = client.get("/api/graph").json()
    edges = {(e["source"], e["target"], e["type"], e["weight"]) for e in graph["edges"]}
    assert ("Q6889795", "Q7983340", "CONSULT", 1) in edges
    assert any(e[2] == "ASSAULT" and e[1] == "Q192225" for e in edges)
    only = client.get("/api/graph", params={"type": "ASSAULT"}).json()
    assert {e["type"] for e in only["edges"]} == {"ASSAULT"}


def test_quotes_by_speaker(client):
    found = client.get("/api/quotes", params={"speaker": "Q7983340"}).json()["items"]
    assert {q["text"] for q in found} == {"العلاقات بين البلدين قوية ومتينة"}


def test_stories_group_republications_origin_first(client):
    stories = client.get("/api/stories").json()["items"]
    wire = next(s for s in stories if s["size"] == 2)
    story = client.get(f"/api/stories/{wire['id']}").json()
    assert [a["id"] for a in story["articles"]] == ["spa-1", "okaz-1"]
    page = client.get(f"/stories/{wire['id']}").text
    assert page.index("ولي العهد يستقبل بلينكن") < page.index("ولي العهد يبحث مع بلينكن")


def test_stats_count_what_is_stored(client):
    stats = client.get("/api/stats").json()
    assert stats["articles"] == 3 and stats["events"] == 2 and stats["quotes"] == 3


def test_ingest_through_the_api_stores_once(tmp_path):
    with store_module.open_store(f"sqlite:///{tmp_path / 'k.db'}") as store:
        client = TestClient(create_app(store=store, analyzer=mark, settings=Settings(api_token="t")))
        headers = {"Authorization": "Bearer t"}
        text = "قال وزير الخارجية سامح شكري إن مصر ترحب بالمبادرة خلال لقائه نظيره في القاهرة"
        first = client.post("/api/articles", json={"text": text, "id": "a1"}, headers=headers)
        again = client.post("/api/articles", json={"text": text, "id": "a1"}, headers=headers)
        assert first.status_code == 201 and first.json()["new"] is True and again.json()["new"] is False
        assert client.get("/api/stats").json()["articles"] == 1
        assert client.get(first.json()["page"]).status_code == 200


def test_stored_markup_renders_as_text_on_every_page(client):
    pages = [client.get(path).text for path in ("/", "/articles/attack-1", "/search?q=نابلس", "/events",
                                                  "/entities/Q192225", "/stories")]
    for page in pages:
        assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(&#34;title&#34;)&gt;" in pages[0]  # the title on the home page


def test_pages_answer_html_errors(client):
    missing = client.get("/articles/nope")
    assert missing.status_code == 404 and "<html" in missing.text and "No article" in missing.text
    assert client.get("/stories/abc").status_code == 422


def test_unknown_entity_is_404_in_both(client):
    assert client.get("/api/entities/Q1").status_code == 404
    assert client.get("/entities/Q1").status_code == 404


def test_unlinked_entities_link_to_their_nil_page(client):
    page = client.get("/articles/attack-1").text
    link = re.search(r'<a class="entity-link" href="(/entities/NIL[^"]+)">', page).group(1)
    entity = client.get(link)
    assert entity.status_code == 200 and "قوات الاحتلال" in entity.text and "NIL (not linked)" in entity.text


@pytest.mark.parametrize("path", ["/", "/events", "/search?q=العلاقات"])
def test_pages_link_to_the_next_and_previous_page(client, path):
    separator = "&" if "?" in path else "?"
    first = client.get(f"{path}{separator}limit=1").text
    assert re.search(r'<a rel="next" href="[^"]*offset=1', first) and 'rel="prev"' not in first
    second = client.get(f"{path}{separator}limit=1&offset=1").text
    assert re.search(r'<a rel="prev" href="[^"]*offset=0', second)
