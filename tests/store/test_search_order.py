"""Search order on SQLite: the ranked reports are taken from the word index alone and only the
shown ones are read, with the same order as ranking every match joined to its report (BM25, ties
by report id), also where copies of one text (one score) straddle the limit."""

import hashlib

import pytest

from communique.model import Precision, Report
from communique.store import SQLiteStore
from communique.store import search as word_search

from .. import postgres


def _report(n: int, title: str, text: str, day: int) -> Report:
    raw = f"{n}:{title}:{text}".encode()
    return Report(id="r-" + hashlib.sha256(raw).hexdigest()[:16], source=f"/tmp/r{n}.txt",
                  url=f"https://example.org/{n}", outlet=f"Outlet {n % 7}", title=title,
                  published_at=f"2025-03-{day:02d}", published_precision=Precision.DAY, language="en",
                  text=text, raw=raw, content_type="text/plain", encoding="utf-8")


@pytest.fixture
def store_of_copies(db):
    store = SQLiteStore(db)
    texts = [
        ("Talks resume", "Negotiators met again for talks on the border. The talks lasted hours."),
        ("Border talks", "The two delegations held talks in the capital on the ceasefire."),
        ("Ceasefire holds", "Officials said the ceasefire held overnight; no talks were planned."),
    ]
    n = 0
    for copies, (title, text) in zip((9, 30, 4), texts, strict=True):  # copies of one text score alike
        for _ in range(copies):
            n += 1
            store.add_report(_report(n, title, text, 1 + n % 28), bands=(), raw_sha256=str(n))
    for k in range(6):  # and some of scores of their own
        n += 1
        store.add_report(_report(n, f"Note {k}", "talks " * (k + 1) + "filler words here " * k, 3 + k),
                         bands=(), raw_sha256=str(n))
    yield store
    store.close()


@postgres.sqlite_only
@pytest.mark.parametrize("limit", [1, 3, 9, 10, 20, 40, 60])
@pytest.mark.parametrize("query", ["talks", "ceasefire", "border talks", '"the talks"'])
def test_ranked_as_the_whole_order(store_of_copies, query, limit):
    store = store_of_copies
    word_search.sync(store)
    match = word_search._fts_query(word_search.parse(query, store))
    whole = word_search._ranked_joined(store, match, limit, "rank")
    assert whole, query
    fast = word_search._ranked(store, match, limit, "relevance")
    assert [(r["id"], r["rank"]) for r in fast] == [(r["id"], r["rank"]) for r in whole]
    by_date = word_search._ranked(store, match, limit, "date")
    whole = word_search._ranked_joined(store, match, limit, "coalesce(r.published_at, '') DESC, rank")
    assert [(r["id"], r["rank"]) for r in by_date] == [(r["id"], r["rank"]) for r in whole]


@postgres.sqlite_only
def test_ties_past_the_window_take_the_least_ids(store_of_copies, monkeypatch):
    """More copies of one score than the index's window holds: asked again for that score."""
    store = store_of_copies
    word_search.sync(store)
    match = word_search._fts_query(word_search.parse("delegations", store))  # the 30 copies only
    got = word_search._ranked(store, match, 1, "relevance")  # window 21 < 30 copies
    ids = sorted(r[0] for r in store.db.execute("SELECT id FROM reports WHERE title = 'Border talks'"))
    assert [r["id"] for r in got] == ids[:1]
    assert [r["id"] for r in word_search._ranked(store, match, 25, "relevance")] == ids[:25]


@postgres.sqlite_only
def test_an_unindexed_report_is_indexed_before_searching(store_of_copies):
    store = store_of_copies
    assert word_search.sync(store) > 0
    assert word_search.sync(store) == 0  # as many indexed as stored: nothing read
    store.add_report(_report(999, "Late", "A late report on quarantine rules.", 9), bands=(), raw_sha256="x")
    assert [h.title for h in word_search.search(store, "quarantine")] == ["Late"]
