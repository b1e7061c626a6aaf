"""Issue 14, items 9, 11, 12: a store is communique's or refused; crashes and parallel writers.

- Another application's SQLite database is refused and left untouched; a newer schema too.
- Two processes opening a new store at once migrate it once, in one transaction.
- Four ingest processes on one store: no process fails, nothing is lost or stored twice.
- A report left extracted and not merged (a run cut short) is merged on the next run, and
  the export is then the same as a clean run's.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from communique import pipeline
from communique.errors import StoreError
from communique.store import SQLiteStore
from communique.store.sqlite import APPLICATION_ID, migrations

from . import postgres
from .conftest import ARTICLE_EN

ROOT = Path(__file__).resolve().parent.parent


def _other_app(path: Path) -> None:
    db = sqlite3.connect(path)
    db.executescript("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);"
                     "CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER);"
                     "INSERT INTO users VALUES (1, 'ann');")
    db.commit()
    db.close()


def _tables(path: Path) -> set[str]:
    db = sqlite3.connect(path)
    try:
        return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        db.close()


@postgres.sqlite_only
def test_another_applications_database_is_refused_untouched(tmp_path):
    path = tmp_path / "app.db"
    _other_app(path)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a communique database .*2 table"):
        SQLiteStore(path)
    assert _tables(path) == {"users", "orders"}
    assert path.read_bytes() == before


@postgres.sqlite_only
def test_another_applications_id_is_refused(tmp_path):
    path = tmp_path / "app.db"
    db = sqlite3.connect(path)
    db.execute("PRAGMA application_id = 42")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="application id 0x2a"):
        SQLiteStore(path)


@postgres.sqlite_only
def test_a_file_that_is_no_database_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("just some text, not SQLite at all " * 100)
    with pytest.raises(StoreError, match="not a communique database"):
        SQLiteStore(path)


@postgres.sqlite_only
def test_empty_files_become_stores_with_the_marker(tmp_path):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    for path in (empty, tmp_path / "new.db"):
        with SQLiteStore(path) as store:
            assert store.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
            assert store.schema_version() == max(v for v, _n, _s in migrations())


@postgres.sqlite_only
def test_an_older_store_without_the_marker_is_kept_and_marked(tmp_path):
    path = tmp_path / "old.db"
    with SQLiteStore(path) as store:
        store.db.execute("PRAGMA application_id = 0")
    with SQLiteStore(path) as store:
        assert store.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "newer.db"
    with SQLiteStore(path) as store:
        store.db.execute("INSERT INTO schema_migrations VALUES (9999, '9999_future.sql', 'now')")
    with pytest.raises(StoreError, match="newer communique .*schema 9999"):
        SQLiteStore(path)


def test_insert_or_ignore_on_content_ids(tmp_path):
    from communique.ingest import build_report
    from communique.model import Document

    report, _ = build_report(Document(source="a.txt", raw=ARTICLE_EN.encode(), content_type="text"))
    with SQLiteStore(tmp_path / "s.db") as store:
        assert store.add_report(report, [(0, 1)], "x") is True
        assert store.add_report(report, [(0, 1)], "x") is False  # another process was first
        assert store.report_count() == 1


def test_nested_transactions_are_savepoints(tmp_path):
    with SQLiteStore(tmp_path / "s.db") as store:
        with store.transaction() as db:
            db.execute("INSERT INTO skipped (source, reason, first_seen, last_seen) VALUES ('a','r','t','t')")
            with pytest.raises(RuntimeError), store.transaction() as inner:
                inner.execute("INSERT INTO skipped (source, reason, first_seen, last_seen) "
                              "VALUES ('b','r','t','t')")
                raise RuntimeError("merge failed")
        assert [r["source"] for r in store.skipped()] == ["a"]


_OPEN = "import sys; from communique.store import SQLiteStore; SQLiteStore(sys.argv[1]).close(); print('ok')"


@postgres.sqlite_only
def test_parallel_opens_of_a_new_store_migrate_once(tmp_path):
    path = tmp_path / "race.db"
    procs = [subprocess.Popen([sys.executable, "-c", _OPEN, str(path)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(6)]
    results = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), results
    db = sqlite3.connect(path)
    rows = db.execute("SELECT version FROM schema_migrations").fetchall()
    assert len(rows) == len(migrations())


def _corpus(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        (folder / f"r{i:03d}.txt").write_text(
            f"Report number {i} on the talks\n\nGENEVA, Dec {1 + i % 28}, 2025 (Test Wire) - Delegation "
            f"{i} met its counterpart number {i * 7} in Geneva for a round of talks on item {i}, "
            f"officials said.\n\nThe round {i} ended after {i % 9 + 1} hours, an aide to envoy {i} said.",
            encoding="utf-8")


@postgres.sqlite_only
def test_four_parallel_ingesters_lose_and_duplicate_nothing(tmp_path):
    folder = tmp_path / "in"
    _corpus(folder, 40)
    path = tmp_path / "par.db"
    cmd = [sys.executable, "-m", "communique.cli", "ingest", "--db", str(path), "--no-extract", "-q",
           str(folder)]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
             for _ in range(4)]
    results = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), results
    assert not any("Traceback" in err or "UNIQUE" in err for _out, err in results)
    db = sqlite3.connect(path)
    assert db.execute("SELECT count(*), count(DISTINCT id) FROM reports").fetchone() == (40, 40)
    assert db.execute("SELECT count(*) FROM report_bands").fetchone()[0] == 40 * 32
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _export(path: Path) -> list[str]:
    with SQLiteStore(path) as store:
        return sorted(json.dumps(r, sort_keys=True, ensure_ascii=False)
                      for r in pipeline.export_records(store))


@pytest.mark.slow
def test_a_report_left_unmerged_is_finished_on_the_next_run(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_EN, encoding="utf-8")
    clean, cut = tmp_path / "clean.db", tmp_path / "cut.db"
    for path in (clean, cut):
        with SQLiteStore(path) as store:
            pipeline.ingest(store, [str(folder)])
    with SQLiteStore(cut) as store:  # what a kill between extraction and merging used to leave
        (report_id,) = [r.id for r in store.reports()]
        pipeline.merging._merged().clear(store)
        assert store.unmerged_reports() == [(report_id, "en")]
    with SQLiteStore(cut) as store:
        summary = pipeline.ingest(store, [str(tmp_path / "nothing-new")])
        assert store.unmerged_reports() == []
        assert not summary.warnings
    assert _export(cut) == _export(clean)
