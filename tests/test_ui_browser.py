"""The web UI in a real headless Chromium (Debian's chromium + chromedriver, installed by .ci/setup-browser.sh).

Screenshots go to artifacts/ui/. Skips when chromium or chromedriver is missing.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from khabar.server import create_app
from tests.test_server import TEXT, XSS, mark

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="needs chromium + chromedriver (.ci/setup-browser.sh)")

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts" / "ui"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_in_thread(app) -> tuple[str, uvicorn.Server, threading.Thread]:
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("test server did not start")
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server, thread


@pytest.fixture(scope="module")
def base_url():
    """A server without a store: the analyse form and the article view."""
    url, server, thread = serve_in_thread(create_app(analyzer=mark))
    yield url
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--lang=ar"):
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def wait(driver, condition, timeout: float = 10):
    return WebDriverWait(driver, timeout).until(condition)


def console_errors(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def analyse_in_form(browser, base_url: str, text: str, title: str = "") -> None:
    browser.get(base_url + "/analyze")
    browser.find_element(By.NAME, "title").send_keys(title)
    # send_keys types character by character; setting the value is faster and keeps the text exact
    browser.execute_script("arguments[0].value = arguments[1]", browser.find_element(By.NAME, "text"), text)
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait(browser, EC.presence_of_element_located((By.ID, "article-text")))


def test_analysed_article_shows_highlights_and_records_on_click(browser, base_url):
    analyse_in_form(browser, base_url, TEXT, "وزير الخارجية")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl"
    text_box = browser.find_element(By.ID, "article-text")
    assert text_box.text == TEXT  # the original text, nothing lost or added
    person = text_box.find_element(By.CSS_SELECTOR, ".hl-entity.ent-PER")
    date = text_box.find_element(By.CSS_SELECTOR, ".hl-date")
    quote = text_box.find_element(By.CSS_SELECTOR, ".hl-quote")
    event = text_box.find_element(By.CSS_SELECTOR, ".hl-event")
    assert person.text == "سامح شكري" and date.text == "يوم الأحد"
    # distinct styles: entity background, date double border, quote text colour, event wavy underline
    assert person.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"
    assert date.value_of_css_property("border-bottom-style") == "double"
    assert quote.value_of_css_property("color") != text_box.value_of_css_property("color")
    assert event.value_of_css_property("text-decoration-style") == "wavy"
    # the bundled Arabic font is used, not a fallback
    assert browser.execute_script("return document.fonts.check('16px \"Noto Naskh Arabic\"', 'سامح')")

    person.click()
    details = wait(browser, EC.visibility_of_element_located((By.CSS_SELECTOR, "#details .record-entity")))
    assert "kb:0" in details.text and "EGYGOV" in details.text and "Q1" in details.text
    assert details.find_element(By.CSS_SELECTOR, "a[href='https://www.wikidata.org/wiki/Q1']")
    assert "selected" in person.get_attribute("class")
    browser.save_screenshot(str(ARTIFACTS / "article-entity-clicked.png"))

    event.click()
    record = wait(browser, EC.visibility_of_element_located((By.CSS_SELECTOR, "#details .record-event")))
    assert "CONSULT" in record.text
    assert console_errors(browser) == []


def test_injected_markup_renders_as_text_and_never_runs(browser, base_url):
    analyse_in_form(browser, base_url, XSS, "<script>window.__pwned = 1</script>")
    assert browser.execute_script("return window.__pwned === undefined")
    assert browser.find_elements(By.CSS_SELECTOR, "#article-text img, #article-text script, h1 script") == []
    assert "<img src=x onerror=alert(1)>" in browser.find_element(By.ID, "article-text").text
    assert browser.find_element(By.TAG_NAME, "h1").text == "<script>window.__pwned = 1</script>"
    # the injected string is also an entity: its record in the panel is text too
    browser.find_element(By.CSS_SELECTOR, "#article-text .ent-ORG").click()
    details = wait(browser, EC.visibility_of_element_located((By.CSS_SELECTOR, "#details .record-entity")))
    assert details.find_elements(By.TAG_NAME, "img") == [] and "onerror" in details.text
    browser.save_screenshot(str(ARTIFACTS / "article-xss-as-text.png"))


def test_api_docs_render_offline(browser, base_url):
    browser.get(base_url + "/docs")
    wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, ".opblock-summary-path")), 20)
    assert "/api/analyze" in browser.page_source
    browser.save_screenshot(str(ARTIFACTS / "docs.png"))
