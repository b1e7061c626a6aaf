"""The merge journal (migration 0017): undoing merges gives back the record exactly as it was, on
both backends; a late report beyond the journal's reach is merged where it arrives; the
SQLite triggers keep every column of the tables they journal."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from communique import merge as merging
from communique import pipeline
from communique.merge import flush, merge_report
from communique.store import SQLiteStore, journal
from communique.store import merged as stored

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "ukraine-talks-2025"

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="the sample corpus is absent")


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("journal") / "sample.db"
    with pipeline.open_store(path) as store:
        pipeline.ingest(store, [str(CORPUS / "en")])
    return path


def _tables(store: SQLiteStore) -> dict[str, list[tuple[Any, ...]]]:
    """Every journaled table's rows, sorted (the journal's own bookkeeping left out)."""
    out = {}
    for table in journal.JOURNALED:
        columns = "id, statement_id" if table == "quotes" else "*"
        rows = store.db.execute(f"SELECT {columns} FROM {table}").fetchall()
        out[table] = sorted(tuple(str(v) for v in row) for row in rows)
    out["merge_runs"] = sorted((r[0],) for r in store.db.execute("SELECT report_id FROM merge_runs"))
    return out


def _in_order(store: SQLiteStore) -> list[str]:
    return [r.id for r in sorted(store.reports(), key=lambda r: (r.published_at or "~", r.id))]


def _unmerged(ingested: Path, tmp_path: Path) -> SQLiteStore:
    """A copy of the ingested store with its merged record forgotten."""
    path = tmp_path / "copy.db"
    shutil.copy(ingested, path)
    store = SQLiteStore(path)
    with store.transaction():
        stored.clear(store)
    return store


def test_undoing_merges_gives_back_every_row(ingested: Path, tmp_path: Path) -> None:
    with _unmerged(ingested, tmp_path) as store:
        order = _in_order(store)
        for report_id in order[:-4]:
            merge_report(store, report_id)
        flush(store)
        before = _tables(store)
        point = None
        for report_id in order[-4:]:
            merge_report(store, report_id)
            if point is None:
                point = store.db.execute("SELECT seq FROM merge_points WHERE report_id = ?",
                                         (report_id,)).fetchone()[0]
        flush(store)  # renames by content and recomputed heads are undone too
        assert _tables(store) != before
        with store.transaction():
            undone, touched = journal.rewind(store.db, point)
        assert sorted(undone) == sorted(order[-4:]) and touched.get("statement")
        assert _tables(store) == before
        left = store.db.execute("SELECT count(*) FROM merge_journal WHERE seq > ?", (point,)).fetchone()[0]
        assert left == 0


def test_a_report_older_than_the_journal_reaches_is_merged_where_it_arrives(
    ingested: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(journal, "JOURNAL_REPORTS", 3)
    with _unmerged(ingested, tmp_path) as store:
        order = _in_order(store)
        late, rest = order[0], order[1:]
        for report_id in rest:
            merge_report(store, report_id)
        flush(store)  # prunes the journal to the newest three reports
        assert store.db.execute("SELECT count(*) FROM merge_points").fetchone()[0] == 3
        assert journal.rewind_point(store.db, late, store.report(late).published_at) == (None, True)
        merge_report(store, late)
        flush(store)
        merged = {r[0] for r in store.db.execute("SELECT report_id FROM merge_runs")}
        assert merged == set(order)
        assert late in {r[0] for r in store.db.execute("SELECT report_id FROM report_stories")}


def test_the_periodic_recomputing_runs_after_a_reports_transaction_not_inside_it(
    ingested: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Merged items touched by FLUSH_REPORTS reports are recomputed together, in a transaction of
    their own: not inside the savepoint of a report's merge (whose journal would copy every page
    the recomputing rewrites); the record is the same as one recomputed once at the end."""
    with _unmerged(ingested, tmp_path) as store:
        order = _in_order(store)
        for report_id in order:
            merge_report(store, report_id)
        flush(store)
        once = _tables(store)
    monkeypatch.setattr(merging, "FLUSH_REPORTS", 3)
    (tmp_path / "copy.db").unlink()
    with _unmerged(ingested, tmp_path) as store:
        order = _in_order(store)
        dirty = lambda: stored.StoreState(store).dirty_reports()  # noqa: E731
        with store.transaction():  # inside a transaction: merged, nothing recomputed yet
            for report_id in order[:4]:
                merge_report(store, report_id)
            assert dirty() == 4
        assert merging.flush_if_due(store) > 0 and dirty() == 0
        for n, report_id in enumerate(order[4:7], start=1):  # alone: recomputed when due
            merge_report(store, report_id)
            assert dirty() == n % 3
        for report_id in order[7:]:
            merge_report(store, report_id)
        flush(store)
        assert _tables(store) == once


def test_the_sqlite_triggers_keep_every_column(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "fresh.db") as store:
        if type(store) is not SQLiteStore:
            pytest.skip("PostgreSQL's trigger keeps the whole row (to_jsonb)")
        rows = store.db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        triggers = {r[0]: r[1] for r in rows}
        for table in journal.JOURNALED:
            if table == "quotes":
                continue
            columns = {r[1] for r in store.db.execute(f"PRAGMA table_info({table})")}
            for op in ("u", "d"):
                sql = triggers[f"merge_journal_{table}_{op}"]
                kept = set(re.findall(r"'(\w+)', OLD\.", sql))
                assert kept == columns, f"{table} ({op}): the trigger misses {sorted(columns - kept)}"


def test_journals_are_kept_in_memory_while_merging_only(
    ingested: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An ingest's and a merge's statement journals in memory (temp_store=MEMORY, 2); a reader's
    sorts (a whole-store export) in temporary files, as SQLite's default (0)."""
    seen: list[int] = []
    real = merging.merge_report

    def watched(store: SQLiteStore, report_id: str, **kw: Any) -> Any:
        seen.append(int(store.db.execute("PRAGMA temp_store").fetchone()[0]))
        return real(store, report_id, **kw)

    monkeypatch.setattr(merging, "merge_report", watched)
    monkeypatch.setattr(pipeline.merging, "merge_report", watched)
    with _unmerged(ingested, tmp_path) as store:
        if not isinstance(store.db, sqlite3.Connection):
            pytest.skip("SQLite's temporary storage: PostgreSQL has no such setting")
        assert int(store.db.execute("PRAGMA temp_store").fetchone()[0]) == 0
        pipeline.merge(store)
        assert seen and set(seen) == {2}
        assert int(store.db.execute("PRAGMA temp_store").fetchone()[0]) == 0
        list(pipeline.export_records(store, ["quote"]))
        assert int(store.db.execute("PRAGMA temp_store").fetchone()[0]) == 0
