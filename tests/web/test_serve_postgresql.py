"""`serve` over a PostgreSQL store (issue 11): the app reads the record from a URL and shows reports
another process adds without a restart, told by the store's count of committed writes (a database
file's stamp says the same on SQLite).  Needs the test server (``make test`` runs the suite a second
time on one); on the SQLite pass it skips."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from communique import pipeline
from communique.store import is_url

from .. import postgres

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "ukraine-talks-2025"

pytestmark = pytest.mark.skipif(not postgres.ACTIVE,
                                reason="needs a PostgreSQL server: COMMUNIQUE_TEST_DB (make test sets it)")


def _reports(client) -> int:
    response = client.get("/api/stories")
    assert response.status_code == 200, response.text
    return sum(int(s["reports"]) for s in response.json()["items"])


def test_the_app_on_a_postgresql_url_shows_new_reports_without_a_restart(tmp_path, _postgresql_router):
    from fastapi.testclient import TestClient

    from communique.web.app import create_app

    url = _postgresql_router.url_for(tmp_path / "served.db")
    assert is_url(url)
    with pipeline.open_store(url) as store:
        pipeline.ingest(store, [str(CORPUS / "en")])
        before = store.generation()
    with TestClient(create_app(url)) as client:
        first = _reports(client)
        with pipeline.open_store(url) as store:  # another writer, as `communique ingest` would be
            pipeline.ingest(store, [str(CORPUS / "ja")])
            assert store.generation() > before
        time.sleep(1.1)  # the app asks the server at most once a second
        assert _reports(client) > first


def test_the_generation_survives_an_emptied_store(tmp_path, _postgresql_router):
    url = _postgresql_router.url_for(tmp_path / "counted.db")
    with pipeline.open_store(url) as store:
        store.db.execute("DELETE FROM store_generation")
        start = store.generation()
        with store.transaction():
            pass
        assert store.generation() == start + 1
