"""Every bad input of the foundation issue: one clear line each, nothing stored is lost."""

import json
import socket

import pytest

from communique.store import SQLiteStore

from . import postgres
from .conftest import ARTICLE_EN, ARTICLE_JA


@pytest.fixture
def stored(run, db, tmp_path):
    """A database that already holds two good reports."""
    good = tmp_path / "good"
    good.mkdir()
    (good / "en.txt").write_text(ARTICLE_EN, encoding="utf-8")
    (good / "ja.txt").write_text(ARTICLE_JA, encoding="utf-8")
    code, _out, _err = run("ingest", "--db", db, good)
    assert code == 0
    with SQLiteStore(db) as store:
        return {r.id: r.text for r in store.reports()}


def _still_there(db, before):
    with SQLiteStore(db) as store:
        after = {r.id: r.text for r in store.reports()}
        assert postgres.integrity_ok(store)
    assert all(after.get(k) == v for k, v in before.items())
    return after


def _skipped(db):
    with SQLiteStore(db) as store:
        return {row["source"]: row["reason"] for row in store.skipped()}


def _bad_inputs(tmp_path):
    bad = {}
    bad["empty"] = tmp_path / "empty.txt"
    bad["empty"].write_bytes(b"")
    bad["binary"] = tmp_path / "photo.html"
    bad["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    bad["huge"] = tmp_path / "huge.txt"
    bad["huge"].write_bytes(b"word " * 300_000)  # 1.5 MB, over a 1 MB cap
    return bad


@pytest.mark.parametrize(
    ("name", "reason"),
    [("empty", "empty input"), ("binary", "binary data"), ("huge", "over the 1,000,000-byte cap")],
)
def test_rejected_files(run, db, tmp_path, stored, name, reason):
    path = _bad_inputs(tmp_path)[name]
    code, out, err = run("ingest", "--db", db, "--max-bytes", "1000000", path)
    assert code == 1  # nothing could be ingested
    lines = [ln for ln in err.splitlines() if ln.startswith("skipped:")]
    assert len(lines) == 1
    assert str(path) in lines[0] and reason in lines[0] and "; " in lines[0]  # input, problem, hint
    assert out == ""
    _still_there(db, stored)
    assert reason in _skipped(db)[str(path)]


def test_missing_path(run, db, stored):
    code, _out, err = run("ingest", "--db", db, "/no/such/folder")
    assert code == 1
    assert "skipped: /no/such/folder: no such file or folder; check the path" in err
    _still_there(db, stored)


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1/", "http://10.0.0.1/", "http://[::1]/", "file:///etc/passwd"]
)
def test_refused_urls(run, db, stored, url):
    code, _out, err = run("ingest", "--db", db, url)
    assert code == 1
    line = next(ln for ln in err.splitlines() if ln.startswith("skipped:"))
    assert url in line and "refused" in line
    _still_there(db, stored)
    assert url in _skipped(db)


def test_url_that_never_answers(run, db, stored):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/story"
    try:
        code, _out, err = run("ingest", "--db", db, "--allow-private", "--timeout", "1", url)
    finally:
        listener.close()
    assert code == 1
    assert f"skipped: {url}: timed out" in err
    _still_there(db, stored)


def test_shift_jis_and_invalid_utf8_are_ingested(run, db, tmp_path, stored):
    sjis = tmp_path / "sjis.txt"
    sjis.write_bytes(ARTICLE_JA.replace("2日", "4日").encode("shift_jis"))
    broken = tmp_path / "broken.txt"
    broken.write_bytes(ARTICLE_EN.replace("useful", "“helpful”").encode() + b"\n\nTail \xff\xfe bytes.")
    code, _out, err = run("ingest", "--db", db, sjis, broken)
    assert code == 0
    assert f"warning: {broken}: 2 invalid UTF-8 byte(s) replaced" in err
    after = _still_there(db, stored)
    texts = list(after.values())
    assert any("ロシアのプーチン大統領は4日" in t for t in texts)
    assert any("Tail \ufffd\ufffd bytes." in t for t in texts)


def test_truncated_html_is_read_as_far_as_it_goes(run, db, tmp_path, stored):
    page = tmp_path / "cut.html"
    page.write_text(
        "<html><head><title>Cut story</title></head><body><article><p>The envoys flew to Miami "
        "on Thursday for another round of talks with the Ukrainian delegation.</p><p>Officials "
        "said the talks could last sever",
        encoding="utf-8",
    )
    code, _out, _err = run("ingest", "--db", db, page)
    assert code == 0
    after = _still_there(db, stored)
    assert any("flew to Miami" in t for t in after.values())


def test_jsonl_with_a_broken_line(run, db, tmp_path, stored):
    path = tmp_path / "batch.jsonl"
    records = [
        {"text": ARTICLE_EN.replace("useful", "productive"), "outlet": "A", "url": "https://a.example/1"},
        {"text": ARTICLE_EN.replace("useful", "frank"), "outlet": "B", "url": "https://b.example/2"},
    ]
    lines = [json.dumps(records[0]), '{"text": "cut off in the mid', json.dumps(records[1])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _out, err = run("ingest", "--db", db, path)
    assert code == 0
    assert f"skipped: {path}:2: invalid JSON" in err
    after = _still_there(db, stored)
    assert len(after) == len(stored) + 2
    code, out, _err = run("reports", "--db", db)
    assert f"{path}:2\tinvalid JSON" in out


def test_a_feed_with_10000_items_is_bounded(run, db, tmp_path, stored):
    items = "".join(
        f"<item><title>Item {i}</title><link>https://feed.example/{i}</link>"
        "<pubDate>Wed, 03 Dec 2025 10:00:00 GMT</pubDate>"
        f"<description>Note {i}</description><content:encoded><![CDATA[<p>Full note number {i} "
        "about the talks in Miami, where the envoys met the delegation again.</p>]]>"
        "</content:encoded></item>"
        for i in range(10_000)
    )
    feed = tmp_path / "big.xml"
    head = ('<?xml version="1.0"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Big</title>')
    feed.write_text(head + items + "</channel></rss>", encoding="utf-8")
    code, _out, err = run("ingest", "--db", db, "--max-items", "25", feed)
    assert code == 0
    assert "feed has 10,000 items; read the first 25" in err
    after = _still_there(db, stored)
    assert len(after) == len(stored) + 25


def test_reingesting_adds_nothing(run, db, tmp_path, stored):
    good = tmp_path / "good"
    code, _out, err = run("ingest", "--db", db, good)
    assert code == 0
    assert "0 new report(s), 2 already stored" in err
    assert _still_there(db, stored) == stored


def test_quiet_silences_progress_but_not_problems(run, db, tmp_path):
    good = tmp_path / "q.txt"
    good.write_text(ARTICLE_EN, encoding="utf-8")
    code, out, err = run("ingest", "--db", db, "--quiet", good, "/missing")
    assert code == 0 and out == ""
    assert err.strip() == "skipped: /missing: no such file or folder; check the path " \
        "(a URL must start with http:// or https://)"
