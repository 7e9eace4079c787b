import datetime as dt

from khabar.document import Event
from khabar.store import open_store
from tests.store_helpers import PUTIN_TEXT, make_doc, plain_doc, store_url  # noqa: F401 (fixture)

OTHER_TEXT = (
    "أعلنت وزارة الصحة السعودية عن تسجيل إصابات جديدة بفيروس كورونا في العاصمة الرياض، "
    "ودعت المواطنين إلى الالتزام بالإجراءات الاحترازية وارتداء الكمامات في الأماكن العامة."
)


def test_add_document_is_idempotent_and_returns_the_contract(store_url):
    store = open_store(store_url)
    doc = make_doc("a1")
    pk, new = store.add_document(doc, "hash-a1")
    assert new
    assert store.add_document(make_doc("a1-again"), "hash-a1") == (pk, False)
    article = store.get_article("a1")
    assert article["pk"] == pk and article["story_id"] is None
    assert {k: v for k, v in article.items() if k not in ("pk", "story_id")} == doc.to_dict()
    assert store.get_article(pk)["id"] == "a1"
    assert store.get_article("missing") is None
    [listed] = store.list_articles()
    assert listed["source"] == "BBC" and listed["counts"] == {"entities": 2, "events": 1, "quotes": 1, "relations": 1}
    assert store.stats()["articles"] == 1


def test_search_ignores_clitics_hamza_and_taa_marbuta(store_url):
    store = open_store(store_url)
    store.add_document(make_doc("a1"), "h1")
    store.add_document(plain_doc("b1", OTHER_TEXT), "h2")
    assert [h["id"] for h in store.search("رئيس")] == ["a1"]  # text has "الرئيس"
    assert [h["id"] for h in store.search("وزاره الصحه")] == ["b1"]  # ة written as ه
    assert [h["id"] for h in store.search("اوكرانيا")] == ["a1"]  # أ written as ا
    hit = store.search("كورونا")[0]
    assert "«بفيروس»" not in hit["snippet"] and "«كورونا»" in hit["snippet"]
    assert store.search("كورونا موسكو") == []  # every word must occur
    assert [h["id"] for h in store.search('"الرئيس الروسي"')] == ["a1"]  # a quoted phrase
    assert store.search('"الروسي الرئيس"') == [] and len(store.search("الروسي الرئيس")) == 1
    assert store.search("...") == []


def test_near_duplicates_form_a_story_with_the_earliest_as_origin(store_url):
    store = open_store(store_url)
    store.add_document(make_doc("late", published=dt.date(2024, 3, 7)), "h1")
    store.add_document(make_doc("early", text="موسكو - تاس\n" + PUTIN_TEXT + " وفق ما نقلته الوكالة.", published=dt.date(2024, 3, 5)), "h2")
    store.add_document(plain_doc("other", OTHER_TEXT), "h3")
    [story] = store.stories()
    assert story["size"] == 2 and story["first_published"] == "2024-03-05"
    full = store.story(story["id"])
    assert [a["id"] for a in full["articles"]] == ["early", "late"]
    assert store.get_article("other")["story_id"] is None
    assert store.stats()["stories"] == 1


def test_one_event_reported_twice_is_merged(store_url):
    store = open_store(store_url)
    store.add_document(make_doc("a1"), "h1")
    store.add_document(make_doc("a2", text=PUTIN_TEXT + " "), "h2")
    store.add_document(make_doc("a3", event_date="2024-04-01"), "h3")  # same actors, other day: another event
    store.add_document(make_doc("a4", event_date=None), "h4")  # undated: cannot be matched
    store.add_document(make_doc("a5", event_date=None), "h5")
    events = store.events()
    assert store.stats()["events"] == 4
    merged = next(e for e in events if e["date"] == "2024-03-05")
    assert merged["n_mentions"] == 2 and merged["n_articles"] == 2
    assert {m["article_id"] for m in merged["mentions"]} == {"a1", "a2"}
    assert [a["key"] for a in merged["actors"]] == ["Q7747"]
    assert [r["key"] for r in merged["recipients"]] == ["NIL:GPE:اوكرانيا"]


def test_event_filters(store_url):
    store = open_store(store_url)
    store.add_document(make_doc("a1"), "h1")
    store.add_document(make_doc("a2", event_type="CONSULT", event_date="2024-05-10"), "h2")
    assert len(store.events(actor="Q7747")) == 2
    assert len(store.events(actor="فلاديمير بوتين")) == 2  # by name
    assert len(store.events(actor="vladimir putin")) == 2  # by English name
    assert store.events(recipient="Q7747") == []
    assert len(store.events(recipient="أوكرانيا")) == 2
    assert [e["type"] for e in store.events(type="consult")] == ["CONSULT"]
    assert len(store.events(country="UKR")) == 2 and store.events(country="FRA") == []
    assert [e["date"] for e in store.events(since="2024-04-01")] == ["2024-05-10"]
    assert [e["date"] for e in store.events(until="2024-03-05")] == ["2024-03-05"]
    assert len(store.events(limit=1)) == 1 and len(store.events(limit=1, offset=1)) == 1


def test_entity_quotes_relations_graph(store_url):
    store = open_store(store_url)
    store.add_document(make_doc("a1", published=dt.date(2024, 3, 5)), "h1")
    store.add_document(make_doc("a2", text=PUTIN_TEXT + " ", published=dt.date(2024, 4, 2), event_date="2024-04-02"), "h2")
    putin = store.entity("Q7747")
    assert putin["name_en"] == "Vladimir Putin" and putin["wikidata"] == "Q7747"
    assert [m["article_id"] for m in putin["mentions"]] == ["a1", "a2"]
    assert putin["timeline"] == [{"month": "2024-03", "mentions": 1}, {"month": "2024-04", "mentions": 1}]
    assert len(putin["events_as_actor"]) == 2 and putin["events_as_recipient"] == []
    assert len(putin["quotes"]) == 2 and putin["relations"][0]["type"] == "leader_of"
    assert store.entity("NIL:GPE:اوكرانيا")["relations"][0]["subject"] == "Q7747"
    assert store.entity("Q0") is None
    assert [q["speaker"] for q in store.quotes(speaker="Q7747")] == ["فلاديمير بوتين"] * 2
    graph = store.actor_graph()
    assert graph["edges"] == [{"source": "Q7747", "target": "NIL:GPE:اوكرانيا", "weight": 2}]
    assert store.actor_graph(min_weight=3)["edges"] == []
    assert store.actor_graph(since="2024-04-01")["edges"][0]["weight"] == 1


def test_failures_are_kept_once_per_origin(store_url):
    store = open_store(store_url)
    store.add_failure("f.jsonl:3", "invalid JSON", "f.jsonl")
    store.add_failure("f.jsonl:3", "invalid JSON again", "f.jsonl")
    [failure] = store.failures()
    assert failure["attempts"] == 2 and failure["reason"] == "invalid JSON again"
    assert store.failure_sources() == ["f.jsonl"]
    store.clear_failures(["f.jsonl:3"])
    assert store.stats()["failures"] == 0


def test_reopening_keeps_data_and_story_index(store_url):
    open_store(store_url).add_document(make_doc("a1"), "h1")
    reopened = open_store(store_url)  # migrations run again: a no-op
    reopened.add_document(make_doc("a2", text="(رويترز) - " + PUTIN_TEXT), "h2")
    assert reopened.stats()["stories"] == 1 and reopened.stats()["articles"] == 2


def test_sqlite_uses_wal(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'x.db'}")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_default_location_is_the_user_data_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("KHABAR_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    store = open_store()
    assert store.url == f"sqlite:///{tmp_path / 'data' / 'khabar' / 'khabar.db'}"
    monkeypatch.setenv("KHABAR_DB", f"sqlite:///{tmp_path / 'env.db'}")
    assert open_store().url.endswith("env.db")


def test_schema_is_managed_by_alembic(store_url):
    store = open_store(store_url)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == "0002"


def test_a_store_made_by_an_older_version_is_upgraded(store_url):
    from sqlalchemy import text

    from khabar.store.core import make_engine
    from khabar.store.migrate import upgrade

    engine = make_engine(store_url)
    upgrade(engine, "0001")  # the schema of the first release: events without a filing day
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO articles (pk, doc_id, content_hash, published, n_entities, n_events, n_quotes, n_relations, data, ingested_at) "
                          "VALUES (1, 'a', 'h', '2024-03-09', 0, 1, 0, 0, '{}', '2024-03-09 10:00:00')"))
        conn.execute(text("INSERT INTO events (pk, key, type, date, negated, n_mentions, n_articles, first_article_pk) VALUES "
                          "(1, 'k1', 'ACCUSE', 'PRESENT_REF', false, 1, 1, 1), (2, 'k2', 'ACCUSE', '2024-03', false, 1, 1, 1)"))
    engine.dispose()
    store = open_store(store_url)
    assert {e["id"]: e["day"] for e in store.events()} == {1: "2024-03-09", 2: "2024-03-09"}


def test_event_day_from_timex_values():
    from khabar.store.keys import event_day

    published = dt.date(2024, 3, 9)
    assert event_day("2024-03-05", published) == "2024-03-05"
    assert event_day("2024-03-05T10:00", published) == "2024-03-05"
    assert event_day("2024-03", published) == "2024-03-09"  # within the month: the report's day
    assert event_day("2023", published) == "2023-01-01"  # before the report: the period's first day
    assert event_day("PRESENT_REF", published) == "2024-03-09"
    assert event_day("P16Y", None) is None


def test_references_and_durations_are_not_merged_across_articles(store_url):
    store = open_store(store_url)
    store.add_document(make_doc("a1", event_date="PRESENT_REF"), "h1")
    store.add_document(make_doc("a2", text=PUTIN_TEXT + " ", event_date="PRESENT_REF"), "h2")
    assert store.stats()["events"] == 2
    assert [e["day"] for e in store.events(since="2024-03-05", until="2024-03-05")] == ["2024-03-05", "2024-03-05"]
    assert store.events(since="2024-03-06") == []


def test_an_event_reported_twice_in_one_article_counts_one_article(store_url):
    store = open_store(store_url)
    doc = make_doc("a1")
    doc.events.append(Event(type="ACCUSE", evidence=doc.span(0, 10), actors=["E1"], recipients=["E2"], date="2024-03-05"))
    store.add_document(doc, "h1")
    store.add_document(make_doc("a2", text=PUTIN_TEXT + " "), "h2")
    [event] = store.events()
    assert (event["n_mentions"], event["n_articles"], len(event["mentions"])) == (3, 2, 3)
