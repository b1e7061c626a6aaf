"""`communique follow` against a local feed server on 127.0.0.1 that adds items over time, answers 304 to a
conditional request, fails, and redirects."""

from __future__ import annotations

import hashlib
import threading
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from communique import pipeline
from communique.errors import UsageError
from communique.ingest import SourceOptions
from communique.ingest.fetch import FetchOptions
from communique.web.follow import Follower, parse_interval

ITEMS = [
    ("Envoys meet Kremlin leader",
     "MOSCOW, Dec 2, 2025 (Test Wire) - U.S. envoy Steve Witkoff met Russian President Vladimir Putin in the "
     "Kremlin on Tuesday for talks on the peace plan that lasted about five hours.\n\n"
     '"The conversation was useful," Kremlin aide Yuri Ushakov told reporters after the meeting ended.'),
    ("Kyiv answers the plan",
     "KYIV, Dec 3, 2025 (Test Wire) - Ukrainian President Volodymyr Zelenskyy said on Wednesday that Ukraine "
     "would not give up territory.\n\n"
     '"We will never recognise the occupation of our land," Zelenskyy told reporters in Kyiv.'),
    ("Peskov on the next round",
     "MOSCOW, Dec 4, 2025 (Test Wire) - Kremlin spokesman Dmitry Peskov said on Thursday that Russia "
     "partly accepted the U.S. plan.\n\n"
     '"Some points are acceptable to us, others are not," Peskov told reporters in Moscow.'),
]


class Feed:
    """What the server serves: the first ``shown`` items; ``fail`` answers 500 to everything."""

    def __init__(self) -> None:
        self.shown = 1
        self.fail = False
        self.requests: list[tuple[str, str | None]] = []  # (path, If-None-Match)

    def body(self) -> bytes:
        def html(text: str) -> str:  # the full text in the feed: ingest fetches no link
            return escape("".join(f"<p>{p}</p>" for p in text.split("\n\n")))

        entries = "".join(
            f"<item><title>{escape(title)}</title><link>http://news.test/{i}</link><guid>item-{i}</guid>"
            f"<pubDate>{format_datetime(datetime(2025, 12, 2 + i, 9, tzinfo=UTC))}</pubDate>"
            f"<content:encoded>{html(text)}</content:encoded></item>"
            for i, (title, text) in enumerate(ITEMS[: self.shown]))
        return (f'<?xml version="1.0"?><rss version="2.0" '
                f'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Test Wire</title>'
                f"<link>http://news.test/</link>{entries}</channel></rss>").encode()


@pytest.fixture
def feed():
    state = Feed()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            state.requests.append((self.path, self.headers.get("If-None-Match")))
            if state.fail:
                self.send_error(500, "down for maintenance")
                return
            if self.path == "/old-feed":
                self.send_response(301)
                self.send_header("Location", "/feed.xml")
                self.end_headers()
                return
            if self.path != "/feed.xml":
                self.send_error(404)
                return
            body = state.body()
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.base = f"http://127.0.0.1:{server.server_address[1]}"  # type: ignore[attr-defined]
    yield state
    server.shutdown()
    server.server_close()


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def follower(db, sources, clock, lines, **kw) -> Follower:
    options = SourceOptions(fetch=FetchOptions(allow_private=True, read_timeout=5, deadline=10))
    f = Follower(db=str(db), sources=sources, every=900, options=options, delay=0, say=lines.append,
                 sleep=lambda s: None, clock=clock, **kw)
    f.load()
    return f


def test_follow_ingests_new_items_answers_304_backs_off_and_resumes(tmp_path, feed):
    db = tmp_path / "news.db"
    url = feed.base + "/feed.xml"
    clock, lines = Clock(), []
    f = follower(db, [url], clock, lines)

    f.poll()  # the first item
    assert any("1 new report(s)" in line for line in lines), lines
    assert any("+ statement" in line and "conversation was useful" in line for line in lines), lines
    assert any("+ event" in line and "meeting" in line for line in lines), lines
    with pipeline.open_store(db) as store:
        assert store.report_count() == 1

    lines.clear()
    assert f.due() == []  # not before the interval
    clock.now += 900
    f.poll()  # unchanged: a conditional request, answered 304, nothing ingested
    assert feed.requests[-1][1] is not None
    assert any("304 not modified" in line for line in lines), lines
    assert not any("new report" in line for line in lines)

    lines.clear()
    feed.shown = 3  # two more items
    clock.now += 900
    f.poll()
    assert any("2 new report(s), 1 already stored" in line for line in lines), lines
    assert any("Peskov" in line or "dmitry-peskov" in line for line in lines if "+ statement" in line), lines
    with pipeline.open_store(db) as store:
        assert store.report_count() == 3

    lines.clear()
    feed.fail = True  # the server fails: an error line, and the next poll waits twice as long
    clock.now += 900
    f.poll()
    assert any("HTTP 500" in line and "retrying in 30m" in line for line in lines), lines
    clock.now += 900
    assert f.due() == []
    clock.now += 900
    assert f.due() == [url]
    feed.fail = False

    lines.clear()  # a new follower (after Ctrl-C) resumes with the saved validators: 304 at once
    again = follower(db, [url], clock, lines)
    before = len(feed.requests)
    again.poll()
    assert feed.requests[before][1] is not None
    assert any("304 not modified" in line for line in lines), lines
    with pipeline.open_store(db) as store:
        assert store.report_count() == 3


def test_follow_follows_a_redirect(tmp_path, feed):
    clock, lines = Clock(), []
    f = follower(tmp_path / "news.db", [feed.base + "/old-feed"], clock, lines)
    f.poll()
    assert any("now at " + feed.base + "/feed.xml" in line for line in lines), lines
    assert any("1 new report(s)" in line for line in lines), lines


def test_follow_refuses_loopback_without_allow_private(tmp_path, feed):
    lines: list[str] = []
    f = Follower(db=str(tmp_path / "news.db"), sources=[feed.base + "/feed.xml"], every=60, say=lines.append,
                 sleep=lambda s: None, delay=0)
    f.load()
    f.poll()
    assert any("refused" in line and "non-public address" in line for line in lines), lines
    assert feed.requests == []


def test_follow_polls_local_folders_by_modification(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ITEMS[0][0] + "\n\n" + ITEMS[0][1], encoding="utf-8")
    clock, lines = Clock(), []
    f = follower(tmp_path / "news.db", [str(folder)], clock, lines, quiet=True)
    f.poll()
    assert any("1 new report(s)" in line for line in lines), lines
    lines.clear()
    clock.now += 900
    f.poll()
    assert lines == []  # quiet: nothing changed, nothing printed
    (folder / "b.txt").write_text(ITEMS[1][0] + "\n\n" + ITEMS[1][1], encoding="utf-8")
    clock.now += 900
    f.poll()
    assert any("1 new report(s), 1 already stored" in line for line in lines), lines


def test_follow_command_once(tmp_path, feed, run):
    code, out, err = run("follow", "--db", tmp_path / "cli.db", "--once", "--allow-private", "--every", "1m",
                         feed.base + "/feed.xml")
    assert code == 0, err
    assert "1 new report(s)" in out and "following 1 source(s) every 1m" in err
    assert (tmp_path / "cli.db.follow.json").exists()


@pytest.mark.parametrize(("text", "seconds"), [("90s", 90), ("15m", 900), ("1h", 3600), ("1h30m", 5400),
                                                ("45", 45)])
def test_intervals(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "0s", "15x"])
def test_bad_intervals_say_how_to_write_one(text):
    with pytest.raises(UsageError, match="90s, 15m or 1h|shorter than a second"):
        parse_interval(text)


def test_serve_shows_what_follow_added_without_restarting(tmp_path, feed):
    from fastapi.testclient import TestClient

    from communique.web.app import create_app

    db = tmp_path / "news.db"
    clock, lines = Clock(), []
    f = follower(db, [feed.base + "/feed.xml"], clock, lines)
    f.poll()
    with TestClient(create_app(db)) as client:
        assert client.get("/api/reports").json()["total"] == 1
        feed.shown = 2
        clock.now += 900
        f.poll()
        assert client.get("/api/reports").json()["total"] == 2
        assert "Kyiv answers the plan" in client.get("/search", params={"q": "Kyiv answers"}).text


def test_serve_refreshes_in_the_background(tmp_path, feed):
    """As `serve` runs: a changed database is read again in a thread; the old record is served meanwhile."""
    import time

    from fastapi.testclient import TestClient

    from communique.web.app import create_app

    db = tmp_path / "news.db"
    clock, lines = Clock(), []
    f = follower(db, [feed.base + "/feed.xml"], clock, lines)
    f.poll()
    with TestClient(create_app(db, background_refresh=True)) as client:
        assert client.get("/api/reports").json()["total"] == 1
        feed.shown = 2
        clock.now += 900
        f.poll()
        deadline = time.monotonic() + 30
        while client.get("/api/reports").json()["total"] != 2:
            assert time.monotonic() < deadline, "the new report never showed"
            time.sleep(0.1)


def test_ctrl_c_stops_cleanly_and_keeps_the_state(tmp_path, feed):
    lines: list[str] = []

    def interrupted(seconds: float) -> None:
        raise KeyboardInterrupt

    options = SourceOptions(fetch=FetchOptions(allow_private=True, read_timeout=5, deadline=10))
    f = Follower(db=str(tmp_path / "news.db"), sources=[feed.base + "/feed.xml"], every=900, options=options,
                 delay=0, say=lines.append, sleep=interrupted)
    assert f.run() == 0  # one poll, then Ctrl-C while waiting for the next
    assert any("1 new report(s)" in line for line in lines)
    assert "stopped; the next `communique follow` resumes" in lines[-1]
    saved = (tmp_path / "news.db.follow.json").read_text(encoding="utf-8")
    assert '"etag": "\\"' in saved


def test_a_changed_feed_is_downloaded_once_and_items_stored_before_are_not_fetched_again(tmp_path):
    """A feed of links (no content): each poll that finds it changed reads the body of its conditional GET
    (no second download), and fetches only the pages of items not stored yet."""
    requests: list[str] = []
    shown = {"n": 2}

    def page(i: int) -> bytes:
        title, text = ITEMS[i]
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
        return (f"<html lang='en'><head><title>{escape(title)}</title></head><body><article>"
                f"<h1>{escape(title)}</h1>{paragraphs}</article></body></html>").encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            requests.append(self.path)
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/links.xml":
                items = "".join(
                    f"<item><title>{escape(ITEMS[i][0])}</title><link>{base}/story/{i}?utm_source=rss</link>"
                    f"<pubDate>{format_datetime(datetime(2025, 12, 2 + i, 9, tzinfo=UTC))}</pubDate></item>"
                    for i in range(shown["n"]))
                body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>'
                        f"<link>{base}/</link>{items}</channel></rss>").encode()
                kind = "application/rss+xml"
            elif self.path.startswith("/story/"):
                body, kind = page(int(self.path.split("/")[2].split("?")[0])), "text/html; charset=utf-8"
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/links.xml"
        clock, lines = Clock(), []
        f = follower(tmp_path / "news.db", [url], clock, lines)
        f.poll()
        assert any("2 new report(s)" in line for line in lines), lines
        assert requests.count("/links.xml") == 1  # the conditional GET's body was ingested
        pages = sorted(p.split("?")[0] for p in requests if p.startswith("/story/"))
        assert pages == ["/story/0", "/story/1"]

        requests.clear()
        lines.clear()
        shown["n"] = 3
        clock.now += 900
        f.poll()
        assert requests.count("/links.xml") == 1
        pages = [p.split("?")[0] for p in requests if p.startswith("/story/")]
        assert pages == ["/story/2"]  # only the new item's page
        assert any("1 new report(s)" in line for line in lines), lines
        assert any("2 feed item(s) stored before: not fetched again" in line for line in lines), lines
    finally:
        server.shutdown()
        server.server_close()


def test_a_postgresql_store_keeps_its_follow_state_in_the_cache_folder(tmp_path, monkeypatch):
    """A URL is no file name: the state goes to the user's cache, named by the URL without its password."""
    from communique.web.follow import Follower

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    one = Follower(db="postgresql://ann:secret@db.example/news", sources=[], every=60).state_path
    other = Follower(db="postgresql://ann:other@db.example/news", sources=[], every=60).state_path
    assert one.parent == tmp_path / "communique" / "follow" and one.parent.is_dir()
    assert one == other and "secret" not in str(one)
    beside = Follower(db=str(tmp_path / "x.db"), sources=[], every=60).state_path
    assert beside == tmp_path / "x.db.follow.json"
