"""Adding reports from the web app: nothing writes without `serve --allow-ingest`; with it, only with the
run's token, and the form only with its CSRF value from this app (a cross-site POST is refused)."""

from __future__ import annotations

import re
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from fastapi.testclient import TestClient

from communique import pipeline
from communique.web.app import create_app

TOKEN = "test-token-0123456789abcdef"
ARTICLE = (
    "<html lang='en'><head><title>Envoys to meet again in Geneva</title>"
    "<meta property='og:site_name' content='Loopback Ledger'>"
    "<meta property='article:published_time' content='2025-12-16T08:00:00Z'></head><body><article>"
    "<h1>Envoys to meet again in Geneva</h1>"
    "<p>Ukrainian and American envoys will meet again in Geneva next week to discuss the draft peace "
    "plan, officials in Kyiv said on Tuesday after a round of calls with Washington.</p>"
    "<p>\"We are ready to keep working on every point of the document,\" Rustem Umerov said in a "
    "statement, adding that the security guarantees remained the main open question for Kyiv.</p>"
    "<p>The Kremlin said it had not been told of the meeting and would wait for the outcome before "
    "commenting on any changes to the plan, according to its spokesman.</p>"
    "</article></body></html>"
)


@contextmanager
def serve_article() -> Iterator[str]:
    """A page on 127.0.0.1 holding one article; yields its URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the http.server API
            data = ARTICLE.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/geneva.html"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def article_url() -> Iterator[str]:
    with serve_article() as url:
        yield url


@pytest.fixture
def own_db(demo_db, tmp_path):
    target = tmp_path / "demo.db"
    shutil.copy(demo_db, target)
    return target


def _count(db) -> int:
    with pipeline.open_store(db) as store:
        return store.report_count()


def _form(client: TestClient) -> str:
    page = client.get("/ingest")
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    cookie = page.headers["set-cookie"]
    assert "httponly" in cookie.lower() and "samesite=strict" in cookie.lower()
    match = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert match
    return match.group(1)


def test_without_allow_ingest_nothing_writes(own_db, demo_db, article_url):
    with TestClient(create_app(own_db)) as client:
        assert client.get("/ingest").status_code == 404
        assert client.post("/ingest", data={"sources": article_url}).status_code == 404
        assert client.post("/api/ingest", json={"sources": [article_url]}).status_code == 404
        response = client.post("/api/stories", json={"sources": [article_url]})
        assert response.status_code == 405 and "read-only" in response.json()["error"]["message"]
        assert "/ingest" not in client.get("/").text
    assert _count(own_db) == _count(demo_db)
    assert "/api/ingest" not in str(create_app(own_db).openapi()["paths"])


def test_the_form_adds_a_report_with_the_token_and_its_csrf_value(own_db, article_url):
    before = _count(own_db)
    app = create_app(own_db, ingest_token=TOKEN, allow_private=True)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        assert 'href="/ingest"' in client.get("/").text
        csrf = _form(client)
        fields = {"csrf": csrf, "token": TOKEN, "sources": article_url}
        # refused: no CSRF value, another one, a wrong token, a request from another site
        assert client.post("/ingest", data={**fields, "csrf": ""}).status_code == 403
        assert client.post("/ingest", data={**fields, "csrf": "forged"}).status_code == 403
        assert client.post("/ingest", data={**fields, "token": "guess"}).status_code == 403
        cross = client.post("/ingest", data=fields, headers={"origin": "http://attacker.example"})
        assert cross.status_code == 403 and "another site" in cross.text
        cross = client.post("/ingest", data=fields, headers={"sec-fetch-site": "cross-site"})
        assert cross.status_code == 403
        assert _count(own_db) == before
        local = client.post("/ingest", data={**fields, "sources": "/etc/passwd"})
        assert local.status_code == 422 and "not an http(s) URL" in local.text
        fields["csrf"] = re.search(r'name="csrf" value="([^"]+)"', local.text).group(1)  # a new form
        done = client.post("/ingest", data=fields, headers={"origin": "http://127.0.0.1"})
        assert done.status_code == 200 and 'id="result"' in done.text and "1 new" in done.text, done.text
    assert _count(own_db) == before + 1


def test_the_api_adds_reports_only_with_the_bearer_token(own_db, article_url):
    before = _count(own_db)
    with TestClient(create_app(own_db, ingest_token=TOKEN, allow_private=True)) as client:
        body = {"sources": [article_url]}
        assert client.post("/api/ingest", json=body).status_code == 401
        wrong = client.post("/api/ingest", json=body, headers={"authorization": "Bearer guess"})
        assert wrong.status_code == 403 and "token" in wrong.json()["error"]["message"]
        ok = client.post("/api/ingest", json=body, headers={"authorization": f"Bearer {TOKEN}"})
        assert ok.status_code == 200 and len(ok.json()["added"]) == 1, ok.json()
        again = client.post("/api/ingest", json=body, headers={"authorization": f"Bearer {TOKEN}"})
        assert again.json()["added"] == [] and len(again.json()["already"]) == 1
    assert _count(own_db) == before + 1


def test_private_addresses_are_refused_unless_allowed(own_db, article_url):
    with TestClient(create_app(own_db, ingest_token=TOKEN)) as client:
        response = client.post(
            "/api/ingest", json={"sources": [article_url]}, headers={"authorization": f"Bearer {TOKEN}"}
        )
        assert response.status_code == 200 and response.json()["added"] == []
        assert any("private" in line or "loopback" in line for line in response.json()["skipped"])


def test_what_the_form_shows_back_is_escaped(own_db):
    hostile = 'http://127.0.0.1:9/"><script>document.title="PWNED"</script>'
    with TestClient(create_app(own_db, ingest_token=TOKEN, allow_private=True)) as client:
        csrf = _form(client)
        page = client.post("/ingest", data={"csrf": csrf, "token": TOKEN, "sources": hostile})
        assert page.status_code == 200 and 'id="result"' in page.text
        assert "<script" not in page.text.lower() and "&lt;script&gt;" in page.text
        assert "script-src" not in page.headers["content-security-policy"]
