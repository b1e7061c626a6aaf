"""The listing's counts kept per story (migration 0023, issue 12 §5): a story's reports and
independent sources are counted when a flush finds the story touched, and a wire copy that makes
two of a story's sources one marks the story for counting again."""

import hashlib

from communique.merge import flush
from communique.model import Precision, Report
from communique.store import SQLiteStore
from communique.store import merged as stored


def _report(n: int, text: str) -> Report:
    raw = f"{n}:{text}".encode()
    return Report(id="r-" + hashlib.sha256(raw).hexdigest()[:16], source=f"/tmp/{n}.txt", url=f"https://x.test/{n}",
                  outlet=f"Outlet {n}", title=None, published_at="2025-05-0" + str(n),
                  published_precision=Precision.DAY, language="en", text=text, raw=raw,
                  content_type="text/plain", encoding="utf-8")


def test_a_copy_bridging_two_sources_of_a_story_has_it_counted_again(db):
    with SQLiteStore(db) as store:
        a, b, c = _report(1, "One text."), _report(2, "Another text."), _report(3, "A copy of both.")
        for r in (a, b):
            store.add_report(r, bands=(), raw_sha256=r.id)
        with store.transaction():
            store.db.execute("INSERT INTO stories (id, name, keywords, first_day, last_day, actor_counts, "
                             "keyword_counts, size) VALUES ('st-x', 'x', '[]', 1, 2, '{}', '{}', 2)")
            store.db.executemany("INSERT INTO report_stories (report_id, story_id) VALUES (?, 'st-x')",
                                 [(a.id,), (b.id,)])
            stored.StoreState(store).count_stories(["st-x", "st-gone"])
        assert stored.story_rows(store)[0]["sources"] == 2
        assert store.db.execute("SELECT count(*) FROM merge_dirty").fetchone()[0] == 0
        store.add_report(c, bands=(), raw_sha256=c.id, group_with=[a.id, b.id])  # a and b are one now
        dirty = store.db.execute("SELECT kind, item_id FROM merge_dirty").fetchall()
        assert [tuple(r) for r in dirty] == [("story", "st-x")]
        assert stored.story_rows(store)[0]["sources"] == 2  # not flushed yet: as counted
        with store.transaction():
            store.db.execute("INSERT INTO merge_dirty (kind, item_id) VALUES ('report', ?)", (c.id,))
        flush(store)
        row = stored.story_rows(store)[0]
        assert (row["reports"], row["sources"]) == (2, 1)


def test_a_copy_joining_one_source_changes_no_count(db):
    with SQLiteStore(db) as store:
        a, c = _report(1, "One text."), _report(3, "Its copy.")
        store.add_report(a, bands=(), raw_sha256=a.id)
        store.add_report(c, bands=(), raw_sha256=c.id, group_with=[a.id])
        assert store.db.execute("SELECT count(*) FROM merge_dirty").fetchone()[0] == 0


def test_a_story_not_counted_yet_is_counted_by_the_listing(db):
    with SQLiteStore(db) as store:
        a = _report(1, "One text.")
        store.add_report(a, bands=(), raw_sha256=a.id)
        with store.transaction():
            store.db.execute("INSERT INTO stories (id, name, keywords, first_day, last_day, actor_counts, "
                             "keyword_counts, size) VALUES ('st-y', 'y', '[]', 1, 1, '{}', '{}', 1)")
            store.db.execute("INSERT INTO report_stories (report_id, story_id) VALUES (?, 'st-y')", (a.id,))
        row = stored.story_rows(store)[0]
        assert (row["reports"], row["sources"]) == (1, 1)
