import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

from communique import pipeline
from communique.extract import extractors_for
from communique.store import SQLiteStore
from communique.store.sqlite import migrations

from .. import postgres
from ..conftest import ARTICLE_EN, ARTICLE_JA


def test_migrations_are_numbered_and_recorded(db):
    with SQLiteStore(db) as store:
        numbers = [n for n, _name, _sql in migrations()]
        assert numbers == sorted(numbers) and numbers[0] == 1
        assert store.schema_version() == numbers[-1]
        if not postgres.ACTIVE:
            assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with SQLiteStore(db) as store:  # reopening applies nothing twice
        rows = store.db.execute("SELECT count(*) FROM schema_migrations").fetchone()[0]
        assert rows == len(numbers)


@postgres.sqlite_only
def test_all_record_tables_exist(db):
    with SQLiteStore(db) as store:
        names = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"reports", "skipped", "actors", "quotes", "events", "proposals", "positions",
            "evidence", "conflicts", "reports_fts"} <= names


@postgres.sqlite_only
def test_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("just some notes, not a database " * 100)
    try:
        SQLiteStore(path)
    except Exception as err:  # noqa: BLE001 - checking the message
        assert "not a communique database" in str(err) and "--db" in str(err)
    else:
        raise AssertionError("expected a StoreError")


def test_ingest_is_idempotent_and_ids_are_content_hashes(db, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE_EN, encoding="utf-8")
    (tmp_path / "copy-elsewhere.txt").write_text(ARTICLE_EN, encoding="utf-8")
    with SQLiteStore(db) as store:
        first = pipeline.ingest(store, [str(tmp_path)])
        second = pipeline.ingest(store, [str(tmp_path)])
        assert len(first.added) == 1 and len(first.already) == 1  # same content, same id
        assert second.added == [] and len(second.already) == 2
        assert store.report_count() == 1


def test_full_text_search_matches_japanese_and_english(db, tmp_path):
    (tmp_path / "en.txt").write_text(ARTICLE_EN, encoding="utf-8")
    (tmp_path / "ja.txt").write_text(ARTICLE_JA, encoding="utf-8")
    with SQLiteStore(db) as store:
        pipeline.ingest(store, [str(tmp_path)])
        assert [t for _i, t in store.search("ウシャコフ")] == ["米特使とプーチン大統領が会談"]
        assert [t for _i, t in store.search("five hours")] == ["Envoys meet Kremlin leader"]
        assert store.search("存在しない語句") == []


WRITER = textwrap.dedent(
    """
    import sys
    from communique import pipeline
    from communique.store import SQLiteStore
    folder, db = sys.argv[1], sys.argv[2]
    with SQLiteStore(db) as store:
        pipeline.ingest(store, [folder], progress=lambda line: print(line, flush=True), extract=False)
    """
)


@postgres.sqlite_only
def test_kill_9_mid_ingest_leaves_the_store_consistent(db, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(400):
        body = f"Report number {i} on the talks.\n\n" + ARTICLE_EN.replace("five", f"{i} extra") * 3
        (folder / f"r{i:04}.txt").write_text(body, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(folder), str(db)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    started = time.monotonic()
    lines = 0
    while lines < 40 and time.monotonic() - started < 60:
        if proc.stdout.readline():
            lines += 1
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    raw = sqlite3.connect(db)
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    count = raw.execute("SELECT count(*) FROM reports").fetchone()[0]
    assert 40 <= count < 400
    # every committed report is whole: its bands and its full-text row are there too
    assert raw.execute("SELECT count(DISTINCT report_id) FROM report_bands").fetchone()[0] == count
    assert raw.execute("SELECT count(*) FROM reports_fts").fetchone()[0] == count
    raw.close()
    with SQLiteStore(db) as store:  # and ingesting again completes the job
        summary = pipeline.ingest(store, [str(folder)], extract=False)
        assert len(summary.added) == 400 - count
        assert store.report_count() == 400


def test_ingest_again_extracts_what_an_earlier_run_left_unextracted(db, tmp_path):
    (tmp_path / "en.txt").write_text(ARTICLE_EN, encoding="utf-8")
    with SQLiteStore(db) as store:
        pipeline.ingest(store, [str(tmp_path)], extract=False)  # as if cut short after the commit
        [report] = list(store.reports())
        assert store.extractors_run(report.id) == set()
        summary = pipeline.ingest(store, [str(tmp_path)])
        assert summary.added == [] and summary.already == [report.id]
        assert store.extractors_run(report.id) == set(extractors_for("en"))
        assert any(True for _ in store.rows("quotes"))
