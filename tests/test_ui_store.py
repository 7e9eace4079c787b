"""The store-backed UI in a real headless Chromium: real articles analysed by khabar's pipeline plus a small
constructed corpus with events, quotes and a republished wire story. Screenshots go to artifacts/ui/."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

import khabar.store as store_module
from khabar.analyze import to_document
from khabar.ingest import Article
from khabar.ingest.fields import parse_date
from khabar.pipeline import default_pipeline
from khabar.server import create_app
from khabar.store.ingest import content_hash
from tests.conftest import real_articles
from tests.test_server_store import corpus
from tests.test_ui_browser import (  # noqa: F401 (browser is a fixture)
    ARTIFACTS, CHROMEDRIVER, CHROMIUM, browser, console_errors, serve_in_thread, wait,
)

pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="needs chromium + chromedriver (.ci/setup-browser.sh)")

REAL_PER_CORPUS = 2


@pytest.fixture(scope="module")
def real_ids() -> list[str]:
    return [item[1] for item in real_articles(REAL_PER_CORPUS)]


@pytest.fixture(scope="module")
def site(tmp_path_factory, real_ids):
    store = store_module.open_store(f"sqlite:///{tmp_path_factory.mktemp('ui') / 'khabar.db'}")
    pipeline = default_pipeline()
    for _corpus, doc_id, text, published in real_articles(REAL_PER_CORPUS):
        doc = pipeline(to_document(Article(id=str(doc_id), text=text, published=parse_date(published))))
        store.add_document(doc, content_hash(text))
    for doc in corpus():
        store.add_document(doc, content_hash(doc.text))
    url, server, thread = serve_in_thread(create_app(store=store))
    yield url
    server.should_exit = True
    thread.join(10)
    store.close()


def test_home_lists_articles_and_opens_a_real_one(browser, site, real_ids):
    browser.get(site + "/")
    rows = browser.find_elements(By.CSS_SELECTOR, ".articles-table tbody tr")
    assert len(rows) == len(real_ids) + 3
    browser.save_screenshot(str(ARTIFACTS / "home.png"))
    rows[0].find_element(By.TAG_NAME, "a").click()
    text_box = wait(browser, EC.presence_of_element_located((By.ID, "article-text")))
    entities = text_box.find_elements(By.CSS_SELECTOR, ".hl-entity")
    assert entities, "the pipeline found no entity in a real article"
    entities[0].click()
    details = wait(browser, EC.visibility_of_element_located((By.CSS_SELECTOR, "#details .record-entity")))
    assert "KB" in details.text
    browser.save_screenshot(str(ARTIFACTS / "real-article.png"))
    assert console_errors(browser) == []


def test_click_an_entity_then_follow_it_to_its_timeline(browser, site):
    browser.get(site + "/articles/spa-1")
    text_box = wait(browser, EC.presence_of_element_located((By.ID, "article-text")))
    for kind in ("hl-entity", "hl-date", "hl-quote", "hl-event"):
        assert text_box.find_elements(By.CLASS_NAME, kind), kind
    blinken = next(e for e in text_box.find_elements(By.CSS_SELECTOR, ".ent-PER") if e.text == "أنتوني بلينكن")
    assert "Antony Blinken" in blinken.get_attribute("title") and "actor USAGOV" in blinken.get_attribute("title")
    blinken.click()
    details = wait(browser, EC.visibility_of_element_located((By.CSS_SELECTOR, "#details .record-entity")))
    assert "USAGOV" in details.text and "Q7983340" in details.text
    browser.save_screenshot(str(ARTIFACTS / "article-highlights.png"))
    details.find_element(By.CSS_SELECTOR, "a[href='/entities/Q7983340']").click()
    timeline = wait(browser, EC.presence_of_element_located((By.ID, "timeline")))
    assert timeline.find_elements(By.CSS_SELECTOR, "rect.bar-events")
    assert "CONSULT" in browser.find_element(By.CSS_SELECTOR, ".timeline-list").text
    browser.save_screenshot(str(ARTIFACTS / "entity.png"))


def test_filter_the_events_table(browser, site):
    browser.get(site + "/events")
    before = {row.get_attribute("data-type") for row in browser.find_elements(By.CSS_SELECTOR, ".events-table tbody tr")}
    assert {"CONSULT", "ASSAULT"} <= before
    Select(browser.find_element(By.NAME, "type")).select_by_value("ASSAULT")
    browser.find_element(By.CSS_SELECTOR, "#event-filters button[type=submit]").click()
    wait(browser, EC.url_contains("type=ASSAULT"))
    rows = browser.find_elements(By.CSS_SELECTOR, ".events-table tbody tr")
    assert rows and {row.get_attribute("data-type") for row in rows} == {"ASSAULT"}
    assert any("هاجمت قوات الاحتلال" in row.text for row in rows)
    assert "type=ASSAULT" in browser.find_element(By.CSS_SELECTOR, "a.csv").get_attribute("href")
    browser.save_screenshot(str(ARTIFACTS / "events-filtered.png"))


def test_actor_graph_renders_and_links_to_entities(browser, site):
    browser.get(site + "/graph")
    svg = wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "#graph[data-ready='true']")), 20)
    lines = svg.find_elements(By.CSS_SELECTOR, "line")
    assert {line.get_attribute("data-type") for line in lines} >= {"CONSULT", "ASSAULT"}
    colours = {line.get_attribute("data-type"): line.get_attribute("stroke") for line in lines}
    assert colours["CONSULT"] != colours["ASSAULT"]
    assert len(svg.find_elements(By.CSS_SELECTOR, "g.node")) >= 4
    browser.save_screenshot(str(ARTIFACTS / "graph.png"))
    Select(browser.find_element(By.NAME, "type")).select_by_value("CONSULT")
    browser.execute_script("document.getElementById('graph').dataset.ready = 'false'")
    browser.find_element(By.CSS_SELECTOR, "#graph-filters button[type=submit]").click()
    svg = wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "#graph[data-ready='true']")), 20)
    assert {line.get_attribute("data-type") for line in svg.find_elements(By.CSS_SELECTOR, "line")} == {"CONSULT"}
    svg.find_element(By.CSS_SELECTOR, "g.node[data-key='Q6889795']").click()
    wait(browser, EC.url_contains("/entities/Q6889795"))
    assert console_errors(browser) == []


def test_story_page_lists_every_republication(browser, site):
    browser.get(site + "/stories")
    browser.find_element(By.CSS_SELECTOR, ".stories-table a[href^='/stories/']").click()
    rows = wait(browser, EC.presence_of_all_elements_located((By.CSS_SELECTOR, ".story-table tbody tr")))
    assert len(rows) == 2 and "origin" in rows[0].get_attribute("class")
    browser.save_screenshot(str(ARTIFACTS / "story.png"))


def test_search_marks_the_matched_word(browser, site):
    browser.get(site + "/search")
    box = browser.find_element(By.CSS_SELECTOR, ".big-search input[name=q]")
    box.send_keys("رياض")
    box.submit()
    marks = wait(browser, EC.presence_of_all_elements_located((By.CSS_SELECTOR, ".results mark")))
    assert {m.text for m in marks} == {"الرياض"}
    browser.save_screenshot(str(ARTIFACTS / "search.png"))


def test_stored_markup_never_runs(browser, site):
    browser.get(site + "/articles/attack-1")
    text_box = wait(browser, EC.presence_of_element_located((By.ID, "article-text")))
    assert text_box.find_elements(By.CSS_SELECTOR, "img, script") == []
    assert '<script>alert("stored")</script>' in text_box.text
    browser.get(site + "/")
    assert browser.find_elements(By.CSS_SELECTOR, "main img") == []
    assert console_errors(browser) == []
