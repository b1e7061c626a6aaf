"""The merge journal: a late report merged where it belongs (issue 12: the same record in any order).

Reports are merged in one canonical order, publication time (undated last) then id (``merge_pending`` and
``stories --rebuild`` take them so).  Merging decides from what is already merged, so a report
that arrives after later ones takes the record back first: :func:`rewind` undoes, newest first,
every change merging made since the first of those later reports began (triggers on the tables
merging decides from write each change to ``merge_journal``: the new row's key, the whole old
row), and the caller merges the late report and then the later ones again, in order.  The
record is then the one the reports make in canonical order, whatever order they came in.

The tables merging only writes for readers (statements, merged events and proposals, position
tracks, conflicts) are not journaled: the merged items a rewind touched are recomputed from
their members at the next flush.  The journal reaches back over the newest
:data:`JOURNAL_REPORTS` merged reports (:func:`prune`); a report older than all of them is merged
where it arrives, as before the journal existed, and counted as such (:func:`rewind_point`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

# the tables merging decides from, with the columns that find a row (claims: every column)
JOURNALED: dict[str, tuple[str, ...]] = {
    "merged_actors": ("id",),
    "statement_members": ("quote_id",),
    "quotes": ("id",),  # its statement_id only: the rest is extraction's
    "quote_bands": ("band", "quote_id"),
    "claims": ("item_id", "attribute", "value", "norm", "report_id", "start", "end"),
    "event_members": ("event_id",),
    "event_heads": ("merged_id",),
    "event_head_terms": ("merged_id", "term"),
    "proposal_members": ("proposal_id",),
    "position_members": ("position_id",),
    "stories": ("id",),
    "report_stories": ("report_id",),
    "story_terms": ("term", "story_id"),
    "term_reports": ("term",),
    "merge_runs": ("report_id",),
}

# rows that name a merged item: the items a rewind touched, recomputed at the next flush
_ITEMS: dict[str, tuple[str, str]] = {
    "statement_members": ("statement", "statement_id"),
    "quotes": ("statement", "statement_id"),
    "event_members": ("event", "merged_id"),
    "event_heads": ("event", "merged_id"),
    "proposal_members": ("proposal", "merged_id"),
    "position_members": ("track", "track_id"),
    "report_stories": ("story", "story_id"),  # counted again (story_counts)
}

UNDATED = "~"  # an undated report's place in the merge order: after every dated one (ISO dates sort
# before "~"), so that it joins what dated reports made rather than starting stories of its own
JOURNAL_REPORTS = 1000  # merged reports (the newest) a late report can be merged among exactly
_BATCH = 2000  # journal rows read at a time while undoing


def _q(column: str) -> str:
    return f'"{column}"'


def begin(db: Any, report_id: str, published: str | None) -> None:
    """Note where in the journal the merge of a report begins (call before it writes)."""
    seq = db.execute("SELECT coalesce(max(seq), 0) FROM merge_journal").fetchone()[0]
    db.execute("INSERT OR REPLACE INTO merge_points (report_id, published, seq) VALUES (?,?,?)",
               (report_id, published or UNDATED, int(seq)))


def rewind_point(db: Any, report_id: str, published: str | None) -> tuple[int | None, bool]:
    """(where to undo the journal from for this report to be merged in order, or None when no
    merged report comes after it; whether it comes after a merged report the journal does not
    reach back to: then it is merged where it arrives)."""
    key = published or UNDATED
    row = db.execute(
        "SELECT min(seq) FROM merge_points WHERE report_id != ? AND "
        "(published > ? OR (published = ? AND report_id > ?))",
        (report_id, key, key, report_id),
    ).fetchone()
    state = db.execute("SELECT floor_published, floor_id FROM merge_journal_state").fetchone()
    beyond = state is not None and state[1] is not None and (key, report_id) < (state[0] or "", state[1])
    if beyond or row is None or row[0] is None:
        return None, beyond
    return int(row[0]), False


def rewind(db: Any, seq: int) -> tuple[list[str], dict[str, set[str]]]:
    """Undo every journaled change after ``seq``, newest first; returns the reports whose merges
    were undone (now unmerged; publication order) and the merged items touched (kind -> ids)."""
    undone = [r[0] for r in db.execute(
        "SELECT report_id FROM merge_points WHERE seq >= ? ORDER BY published, report_id", (seq,))]
    touched: dict[str, set[str]] = {}
    switch(db, on=False)
    top = None
    while True:
        bound = "" if top is None else " AND seq < ?"
        rows = db.execute(
            f"SELECT seq, tbl, op, key, old FROM merge_journal WHERE seq > ?{bound} "
            "ORDER BY seq DESC LIMIT ?",
            (seq, *(() if top is None else (top,)), _BATCH),
        ).fetchall()
        if not rows:
            break
        for _seq, table, op, key, old in rows:
            _undo(db, table, op, json.loads(key) if key else None, json.loads(old) if old else None, touched)
        top = rows[-1][0]
    db.execute("DELETE FROM merge_journal WHERE seq > ?", (seq,))
    db.execute("DELETE FROM merge_points WHERE seq >= ?", (seq,))
    switch(db, on=True)
    return undone, touched


def _undo(db: Any, table: str, op: str, key: list[Any] | None, old: dict[str, Any] | None,
          touched: dict[str, set[str]]) -> None:
    columns = JOURNALED[table]
    item = _ITEMS.get(table)
    where = " AND ".join(f"{_q(c)} = ?" for c in columns)
    if item and key is not None:  # the item the row names now
        row = db.execute(f"SELECT {_q(item[1])} FROM {table} WHERE {where}", key).fetchone()
        if row is not None and row[0]:
            touched.setdefault(item[0], set()).add(row[0])
    if item and old is not None and old.get(item[1]):
        touched.setdefault(item[0], set()).add(old[item[1]])
    if op == "i":
        db.execute(f"DELETE FROM {table} WHERE {where}", key)
    elif op == "u":
        assert key is not None and old is not None
        sets = ", ".join(f"{_q(c)} = ?" for c in old)
        db.execute(f"UPDATE {table} SET {sets} WHERE {where}", [*old.values(), *key])
    else:
        assert old is not None
        names = ", ".join(_q(c) for c in old)
        db.execute(f"INSERT INTO {table} ({names}) VALUES ({','.join('?' * len(old))})", list(old.values()))


def switch(db: Any, *, on: bool) -> None:
    db.execute("UPDATE merge_journal_state SET journal = ?", (1 if on else 0,))


def reset(db: Any) -> None:
    """An empty record: no journal, and every report can be merged in order again."""
    db.execute("DELETE FROM merge_journal")
    db.execute("DELETE FROM merge_points")
    db.execute("UPDATE merge_journal_state SET floor_published = NULL, floor_id = NULL")


def prune(db: Any, keep: int | None = None) -> None:
    """Keep the journal of the newest ``keep`` (:data:`JOURNAL_REPORTS`) merged reports (by
    publication order) only."""
    keep = keep or JOURNAL_REPORTS
    row = db.execute(
        "SELECT published, report_id FROM merge_points ORDER BY published DESC, report_id DESC "
        "LIMIT 1 OFFSET ?", (keep - 1,),
    ).fetchone()
    if row is None:
        return
    published, report_id = row[0], row[1]
    first = db.execute(
        "SELECT min(seq) FROM merge_points WHERE published > ? OR (published = ? AND report_id >= ?)",
        (published, published, report_id),
    ).fetchone()[0]
    db.execute("DELETE FROM merge_journal WHERE seq <= ?", (first,))
    db.execute("DELETE FROM merge_points WHERE seq < ?", (first,))
    db.execute("UPDATE merge_journal_state SET floor_published = ?, floor_id = ?", (published, report_id))


def ordered(db: Any, report_ids: Iterable[str]) -> list[str]:
    """Report ids in the order they are merged in: publication time, then id."""
    ids = sorted(set(report_ids))
    found: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        rows = db.execute(f"SELECT id, coalesce(published_at, '~') FROM reports WHERE id IN ({marks})", chunk)
        found.update((r[0], r[1]) for r in rows)
    return sorted((i for i in ids if i in found), key=lambda i: (found[i], i))
