"""XSS: 58 payloads in the text, titles, outlets and URLs of sample-like reports.  On every page that
shows them, each payload is there as text (so a live one would have been found) and nothing in the served
HTML could run: only the tags and attributes the templates write, no event handlers, no script URLs, and the
CSP on every response.  tests/web/test_browser.py loads the pages in Chromium and reads the PWNED probe."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from markupsafe import escape

from communique import pipeline
from communique.web.app import CSP, create_app

from .xss import PAYLOADS, PROBE, URLS

TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "link",
    "body",
    "a",
    "header",
    "form",
    "label",
    "input",
    "button",
    "nav",
    "span",
    "main",
    "h1",
    "h2",
    "p",
    "ul",
    "ol",
    "li",
    "details",
    "summary",
    "div",
    "blockquote",
    "mark",
    "article",
    "section",
    "fieldset",
    "legend",
    "select",
    "option",
    "time",
    "strong",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "code",
    "footer",
}

LINKS = ("stylesheet", "icon", "alternate", "/static/style.css", "/static/favicon.svg")
FEED = re.compile(r"^/stories/st-[0-9a-f]+/feed\.atom\?lang=(ja|en)$")


@pytest.fixture(scope="session")
def xss_client(xss_db: Path):
    from fastapi.testclient import TestClient

    with TestClient(create_app(xss_db)) as test_client:
        yield test_client


def hostile_urls(db: Path) -> list[str]:
    with pipeline.open_store(db) as store:
        story = pipeline.story_rows(store)[0]["id"]
        reports = [r["id"] for r in pipeline.report_rows(store)]
    views = ["", "/timeline", "/statements", "/positions", "/conflicts", "/sources"]
    return (
        [
            "/",
            "/search?q=script",
            "/search?q=" + quote(PAYLOADS[0]),
            "/?q=" + quote(PAYLOADS[3]),
            "/reports/" + quote(PAYLOADS[0], safe=""),
            "/stories/" + quote(PAYLOADS[10], safe=""),
        ]
        + [f"/stories/{story}{v}" for v in views]
        + [f"/stories/{story}?lang=en&dropped=1", f"/stories/{story}?lang=ja&dropped=1&since=2025-12-03"]
        + [f"/reports/{r}" for r in reports]
    )


class Audit(HTMLParser):
    """Every tag and attribute of a page checked against what the templates write."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TAGS:
            self.problems.append(f"<{tag}> {attrs}")
        for name, value in attrs:
            value = (value or "").strip()
            if name.startswith("on") or name in (
                "style",
                "src",
                "srcdoc",
                "formaction",
                "background",
                "xlink:href",
            ):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "action") and not (
                value.startswith(("#", "http://", "https://"))
                or (value.startswith("/") and not value.startswith("//"))
            ):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if tag == "link" and name in ("rel", "href") and value not in LINKS and not FEED.match(value):
                self.problems.append(f"<link {name}={value!r}>")
            if tag == "meta" and name == "http-equiv":
                self.problems.append(f"<meta http-equiv={value!r}>")
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def test_the_hostile_corpus_has_enough_payloads():
    assert len(set(PAYLOADS)) >= 50
    assert all(PROBE in p or "evil.example" in p or "<" in p for p in PAYLOADS)


def test_no_payload_is_live_in_any_page(xss_client, xss_db):
    seen = ""
    for url in hostile_urls(xss_db):
        response = xss_client.get(url)
        assert response.status_code in (200, 404), (url, response.status_code)
        assert response.headers["content-security-policy"] == CSP, url
        audit = Audit()
        audit.feed(response.text)
        assert not audit.problems, (url, audit.problems[:5])
        assert "PWNED" not in audit.title.replace(PROBE, ""), url
        seen += response.text
    # the payloads were on the pages, as text: a live one would have been caught above
    missing = [p for p in PAYLOADS if str(escape(p)) not in seen]
    assert not missing, missing[:5]
    for url in URLS:  # unsafe URLs are shown as text, never as links
        assert f'href="{escape(url.strip())}"' not in seen


def test_payloads_reach_the_briefing_and_the_record_views(xss_client, xss_db):
    story = hostile_urls(xss_db)[6]
    page = xss_client.get(story + "?lang=en").text
    assert sum(str(escape(p)) in page for p in PAYLOADS) >= 10
    statements = xss_client.get(story + "/statements").text
    assert sum(str(escape(p)) in statements for p in PAYLOADS) >= 10


def test_the_audit_catches_a_live_payload():
    """The check above would fail on an unescaped page: it is not a test that cannot fail."""
    for payload in PAYLOADS[:12] + [f'<a href="{URLS[0]}">x</a>', '<a href="//evil.example/">x</a>']:
        audit = Audit()
        audit.feed(f"<html><head><title>t</title></head><body><p>{payload}</p></body></html>")
        assert audit.problems, payload


def test_json_api_is_json_whatever_the_payload(xss_client, xss_db):
    for url in ("/api/reports?limit=500", "/api/records/quote?limit=500", "/api/search?q=script"):
        response = xss_client.get(url)
        assert response.headers["content-type"] == "application/json"
        assert response.headers["x-content-type-options"] == "nosniff"
    error = xss_client.get("/api/reports/" + quote(PAYLOADS[0], safe=""))
    assert error.status_code == 404 and error.headers["content-type"] == "application/json"


def test_the_atom_feed_stays_well_formed(xss_client, xss_db):
    from xml.etree import ElementTree

    story = hostile_urls(xss_db)[6]
    response = xss_client.get(story + "/feed.atom")
    root = ElementTree.fromstring(response.content)
    texts = "".join(root.itertext())
    assert sum(p in texts for p in PAYLOADS) >= 10  # there as text
    tags = {element.tag.split("}")[-1] for element in root.iter()}
    assert tags <= {"feed", "title", "id", "link", "updated", "generator", "entry", "content"}
