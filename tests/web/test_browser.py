"""End to end in a real browser: Debian's headless Chromium driven by Selenium against `serve`'s app on
127.0.0.1 -- the stories page, a story, switching language and as-of date, a citation's evidence, a report
page, search; and the XSS probe read in the browser on the hostile corpus of tests/web/xss.py."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from . import browser
from .conftest import live_server
from .test_xss import hostile_urls
from .xss import PAYLOADS

pytestmark = pytest.mark.skipif(browser.missing() is not None, reason=str(browser.missing()))


def navigate(driver, action, seconds: float = 15) -> None:
    """Do ``action`` (a click, a submit) and wait until the next page has loaded."""
    from selenium.webdriver.support.ui import WebDriverWait

    old = driver.find_element("tag name", "html")
    action()
    WebDriverWait(driver, seconds).until(_gone(old))
    WebDriverWait(driver, seconds).until(
        lambda d: d.execute_script("return document.readyState") == "complete"
    )


def _gone(element):  # noqa: ANN001, ANN202 - selenium's objects
    """The element left the document: stale, or (Chromium, while the next page loads) a node the
    inspector no longer finds in the document."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException

    def check(_driver) -> bool:  # noqa: ANN001
        try:
            element.is_enabled()
        except StaleElementReferenceException:
            return True
        except WebDriverException as err:
            if "does not belong to the document" in str(err):
                return True
            raise
        return False

    return check


@pytest.fixture(scope="module")
def chromium():
    with browser.Browser() as driver:
        yield driver


@pytest.fixture(scope="module")
def site(demo_db: Path):
    with live_server(demo_db) as base:
        yield base


def test_stories_story_language_as_of_citation_report_search(chromium, site, story_id, headlines):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    driver = chromium
    driver.get(site + "/")
    assert driver.title.startswith("Stories")
    navigate(driver, driver.find_element(By.CSS_SELECTOR, f'a[href="/stories/{story_id}"]').click)
    article = driver.find_element(By.CSS_SELECTOR, "article.briefing")
    assert article.get_attribute("lang") == "ja"
    assert driver.find_element(By.CSS_SELECTOR, ".h1").text.startswith(headlines["ja"])

    navigate(driver, driver.find_element(By.ID, "lang-en").click)  # switch language
    assert driver.find_element(By.CSS_SELECTOR, "article.briefing").get_attribute("lang") == "en"
    assert driver.find_element(By.CSS_SELECTOR, ".h1").text.startswith(headlines["en"])

    Select(driver.find_element(By.ID, "as_of")).select_by_value("2025-12-03")  # an earlier as-of date
    navigate(driver, driver.find_element(By.ID, "apply").click)
    assert parse_qs(urlsplit(driver.current_url).query)["as_of"] == ["2025-12-03"]
    assert Select(driver.find_element(By.ID, "as_of")).first_selected_option.text == "2025-12-03"
    assert driver.find_element(By.CSS_SELECTOR, "article.briefing").get_attribute("lang") == "en"

    cite = driver.find_element(By.CSS_SELECTOR, "details.cite")
    evidence = cite.find_element(By.CSS_SELECTOR, ".ev")
    assert not evidence.is_displayed()
    cite.find_element(By.TAG_NAME, "summary").click()  # the citation opens its evidence in place
    assert evidence.is_displayed()
    marked = evidence.find_element(By.TAG_NAME, "mark").text
    assert marked.strip()

    navigate(driver, evidence.find_element(By.CSS_SELECTOR, 'a[href^="/reports/"]').click)  # its report
    assert "/reports/r-" in driver.current_url
    text = driver.find_element(By.CSS_SELECTOR, ".report .text").text
    assert marked.strip()[:40] in text
    assert driver.find_elements(By.CSS_SELECTOR, ".report .text mark")

    box = driver.find_element(By.ID, "q")  # search, from the header of any page
    box.send_keys("タンゴ")
    navigate(driver, box.submit)
    hits = driver.find_elements(By.CSS_SELECTOR, "ol.hits a")
    assert hits
    navigate(driver, hits[0].click)
    assert "タンゴ" in driver.find_element(By.CSS_SELECTOR, ".report .text").text


def test_keyboard_reaches_a_citation(chromium, site, story_id):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    chromium.get(f"{site}/stories/{story_id}?lang=en")
    summary = chromium.find_element(By.CSS_SELECTOR, "details.cite > summary")
    summary.send_keys(Keys.ENTER)
    assert summary.find_element(By.XPATH, "..").get_attribute("open") is not None


def test_every_view_loads_with_no_console_error(chromium, site, story_id):
    for view in ("", "/timeline", "/statements", "/positions", "/conflicts", "/sources"):
        chromium.get(f"{site}/stories/{story_id}{view}")
        assert chromium.find_element("css selector", "main h1, main .h1")
    errors = [e for e in chromium.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors[:3]


def test_the_probe_fires_on_an_unescaped_page(chromium, tmp_path):
    """The control: the probe does change the title when a payload is live (its absence means something)."""
    raw = tmp_path / "raw.html"
    raw.write_text(f"<!DOCTYPE html><title>control</title><p>{PAYLOADS[3]}</p>", encoding="utf-8")
    chromium.get(raw.as_uri())
    assert chromium.title == "PWNED"


def test_no_payload_runs_in_the_browser(chromium, xss_db):
    with live_server(xss_db) as base:
        chromium.get_log("browser")  # drop what earlier pages logged
        for url in hostile_urls(xss_db) + ["/search?q=" + quote(PAYLOADS[4])]:
            chromium.get(base + url)
            assert chromium.title != "PWNED", url  # the probe: a live payload sets the whole title
            live = chromium.execute_script(
                "return document.querySelectorAll('script,iframe,object,embed,img,svg,video,audio,base,"
                "[onerror],[onload],[onfocus],[onmouseover],[ontoggle]').length")
            assert live == 0, url
        logs = [e for e in chromium.get_log("browser") if e.get("source") != "network"]  # not the 404s
        assert not [e for e in logs if "PWNED" in e["message"] or "Content Security Policy" in e["message"]]


def test_adding_a_report_from_the_browser_with_the_token(chromium, demo_db, tmp_path):
    """serve --allow-ingest: the form at /ingest, filled and sent in the browser, adds a report; the same
    form without the token is refused."""
    import shutil

    from selenium.webdriver.common.by import By

    from .test_ingest import TOKEN, serve_article

    db = tmp_path / "demo.db"
    shutil.copy(demo_db, db)
    with serve_article() as article, live_server(db, ingest_token=TOKEN, allow_private=True) as base:
        chromium.get(base + "/")
        navigate(chromium, chromium.find_element(By.CSS_SELECTOR, 'footer a[href="/ingest"]').click)
        chromium.find_element(By.ID, "sources").send_keys(article)
        chromium.find_element(By.ID, "token").send_keys("not the token")
        navigate(chromium, chromium.find_element(By.ID, "ingest").click)
        assert "wrong or missing token" in chromium.find_element(By.TAG_NAME, "main").text
        chromium.get(base + "/ingest")
        chromium.find_element(By.ID, "sources").send_keys(article)
        chromium.find_element(By.ID, "token").send_keys(TOKEN)
        navigate(chromium, chromium.find_element(By.ID, "ingest").click, 180)  # fetch, extract (models load)
        result = chromium.find_element(By.ID, "result")
        assert "1 new" in result.text, result.text
        navigate(chromium, result.find_element(By.CSS_SELECTOR, "a[href^='/reports/']").click)
        assert "Envoys to meet again in Geneva" in chromium.find_element(By.TAG_NAME, "main").text
