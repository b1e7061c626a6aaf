"""Briefings off the request path: written by one background thread, kept on disk per state of the record,
and a page that does not wait for one (a large story's first briefing takes minutes)."""

from __future__ import annotations

import shutil
import threading

import pytest
from fastapi.testclient import TestClient

from communique import pipeline
from communique.web import app as web_app
from communique.web import data
from communique.web.app import create_app
from communique.web.data import Library


@pytest.fixture
def own_db(demo_db, tmp_path):
    """A copy of the demo store a test may write to."""
    target = tmp_path / "demo.db"
    shutil.copy(demo_db, target)
    return target


def test_a_briefing_is_kept_on_disk_and_read_back_while_the_record_is_the_same(
    own_db, story_id, tmp_path, monkeypatch
):
    cache = tmp_path / "cache"
    first = Library(str(own_db), briefing_cache=cache).briefing(story_id, "en", None, None)
    assert first is not None
    files = list(cache.glob("*.pickle"))
    assert len(files) == 1 and (files[0].stat().st_mode & 0o777) == 0o600

    def no_writing(*args, **kwargs):
        raise AssertionError("the briefing was written again")

    monkeypatch.setattr(data, "compose_brief", no_writing)
    again = Library(str(own_db), briefing_cache=cache).briefing(story_id, "en", None, None)
    assert again == first  # read from the cache: a restarted server does not write it again

    with pipeline.open_store(own_db) as store:  # the record changes: the cached briefing is not used
        some = next(iter(store.reports()))
        from communique import manage

        manage.set_fields(store, some.id, title="A title set by hand")
    with pytest.raises(AssertionError, match="written again"):
        Library(str(own_db), briefing_cache=cache).briefing(story_id, "en", None, None)


def test_the_story_page_does_not_wait_for_a_briefing_being_written(demo_db, story_id, monkeypatch):
    release = threading.Event()
    compose = data.compose_brief

    def slow(*args, **kwargs):
        release.wait(30)
        return compose(*args, **kwargs)

    monkeypatch.setattr(data, "compose_brief", slow)
    monkeypatch.setattr(web_app, "PAGE_WAIT", 0.05)
    monkeypatch.setattr(web_app, "SMALL_STORY", 0)  # the demo story stands for a large one
    monkeypatch.setattr(web_app, "API_WAIT", 0.05)
    with TestClient(create_app(demo_db)) as client:
        page = client.get(f"/stories/{story_id}", params={"lang": "en"})
        assert page.status_code == 200 and 'id="pending"' in page.text
        assert '<meta http-equiv="refresh" content="5">' in page.text
        assert page.headers["cache-control"] == "no-store"
        api = client.get(f"/api/stories/{story_id}/briefing", params={"lang": "en"})
        assert api.status_code == 503 and api.headers["retry-after"] == "10"
        assert "being written" in api.json()["error"]["message"]
        release.set()
        monkeypatch.setattr(web_app, "PAGE_WAIT", 30.0)
        page = client.get(f"/stories/{story_id}", params={"lang": "en"})  # not the cached pending page
        assert page.status_code == 200 and 'id="pending"' not in page.text and 'class="briefing"' in page.text
        assert "refresh" not in page.text
        assert client.get(f"/api/stories/{story_id}/briefing", params={"lang": "en"}).status_code == 200


def test_serve_writes_the_newest_stories_briefings_ahead(demo_db, story_id, tmp_path):
    library = Library(str(demo_db), briefing_cache=tmp_path / "cache")
    library.prepare_briefings(5)
    for lang in ("ja", "en"):  # both languages were queued; waiting returns them as soon as they are done
        assert library.briefing(story_id, lang, None, None, wait=120) is not None
    assert len(list((tmp_path / "cache").glob("*.pickle"))) >= 2
    library.close()


def test_a_briefing_a_reader_asks_for_is_written_before_those_written_ahead(demo_db, story_id, monkeypatch):
    order: list[tuple[str, str | None]] = []
    gate = threading.Event()
    compose = data.compose_brief

    def recording(records, *, lang, as_of, since, story_id):
        gate.wait(30)
        order.append((lang, as_of))
        return compose(records, lang=lang, as_of=as_of, since=since, story_id=story_id)

    monkeypatch.setattr(data, "compose_brief", recording)
    library = Library(str(demo_db))
    library.prepare_briefings(5)  # ja, then en, as of the newest report: queued ahead
    asked = threading.Thread(target=library.briefing, args=(story_id, "en", "2025-12-01", None))
    asked.start()
    for _ in range(100):  # the reader's request is queued
        if len(library._queue) >= 1 and any(k[3] == "2025-12-01" for _p, _s, k, _snap in library._queue):
            break
        threading.Event().wait(0.05)
    gate.set()
    asked.join(60)
    assert library.briefing(story_id, "en", None, None, wait=60) is not None
    assert ("en", "2025-12-01") in order[:2]  # at most the one being written when it came goes first
    library.close()
