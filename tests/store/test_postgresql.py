"""The PostgreSQL store (issue 12 §3).

The dialect rewriting is checked everywhere (no server needed).  With a server
(``COMMUNIQUE_TEST_DB=postgresql://...``, as ``make test`` runs the suite a second time through
scripts/with-postgres): three ingest processes at once on one database, each given the whole
sample corpus, lose and duplicate nothing -- the same reports, extracted items and merge entries as
one process storing it alone, which stores the same record (exports sorted, briefings) as SQLite.
Every other test of the suite runs on that server too.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from communique import pipeline
from communique.errors import StoreError
from communique.store import SQLiteStore, is_url, open_store
from communique.store.postgresql import shown, translate

from .. import postgres
from ..conftest import ARTICLE_EN

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "ukraine-talks-2025"
KEYS = {"quotes": ("id",), "story_terms": ("term", "story_id"), "term_reports": ("term",)}

needs_server = pytest.mark.skipif(not postgres.ACTIVE,
                                  reason="needs a PostgreSQL server: COMMUNIQUE_TEST_DB (make test sets it)")


def test_a_url_names_postgresql_and_a_path_sqlite():
    assert is_url("postgresql://me@db.example/news") and is_url("postgres://me@db/news")
    assert not is_url("news.db") and not is_url(Path("postgresql:/x"))
    assert shown("postgresql://me:secret@db:5432/news") == "postgresql://me:***@db:5432/news"


def test_every_sqlite_migration_has_its_postgresql_twin():
    from communique.store import postgresql, sqlite

    names = [name for _n, name, _sql in sqlite.migrations()]
    assert [name for _n, name, _sql in postgresql.migrations()] == names, (
        "a migration in store/migrations/sqlite needs its twin, same name, in store/migrations/postgresql")


def test_insert_or_replace_becomes_an_upsert_on_the_tables_key():
    sql = translate('INSERT OR REPLACE INTO quotes (id, text, "end") VALUES (?,?,?)', KEYS)
    assert sql == ('INSERT INTO quotes (id, text, "end") VALUES (%s,%s,%s) ON CONFLICT ("id") '
                   'DO UPDATE SET text = EXCLUDED.text, "end" = EXCLUDED."end"')
    sql = translate("INSERT OR REPLACE INTO quotes (id, text) VALUES (?,?)", KEYS,
                    ordered=frozenset({"quotes"}))
    assert sql.endswith("DO UPDATE SET text = EXCLUDED.text, rowid = DEFAULT")  # SQLite's new rowid
    sql = translate("INSERT OR REPLACE INTO story_terms (term, story_id) VALUES (?,?)", KEYS)
    assert sql.endswith('ON CONFLICT ("term", "story_id") DO NOTHING')
    with pytest.raises(StoreError, match="without a primary key"):
        translate("INSERT OR REPLACE INTO claims (item_id) VALUES (?)", KEYS)


def test_insert_or_ignore_and_counters():
    assert translate("INSERT OR IGNORE INTO story_terms (term, story_id) SELECT term, ? FROM story_terms "
                     "WHERE story_id IN (?)", KEYS).endswith("IN (%s) ON CONFLICT DO NOTHING")
    sql = translate("INSERT INTO term_reports (term, reports) VALUES (?, 1) "
                    "ON CONFLICT (term) DO UPDATE SET reports = reports + 1", KEYS)
    assert sql.endswith("SET reports = term_reports.reports + 1")


def test_nulls_sort_as_in_sqlite_and_literals_are_left_alone():
    sql = translate("SELECT id FROM stories WHERE name LIKE 'a?%' ORDER BY last_day DESC, "
                    "coalesce(first_day, 0), id LIMIT ?", KEYS)
    assert sql == ("SELECT id FROM stories WHERE name LIKE 'a?%%' ORDER BY last_day DESC NULLS LAST, "
                   "coalesce(first_day, 0) NULLS FIRST, id NULLS FIRST LIMIT %s")
    assert translate("SELECT 1 FROM x WHERE id LIKE 'p:%'", KEYS, params=False).endswith("'p:%'")
    sql = translate("SELECT * FROM (SELECT * FROM m ORDER BY abs(lo - ?) LIMIT ?) AS a", KEYS)
    assert sql == "SELECT * FROM (SELECT * FROM m ORDER BY abs(lo - %s) NULLS FIRST LIMIT %s) AS a"


def test_sqlite_functions_and_index_hints():
    sql = translate("SELECT h FROM e WHERE +kind = 'a' ORDER BY (instr(head, ?) > 0) DESC, "
                    "json_extract(head, '$.first[0]')", KEYS)
    assert sql == ("SELECT h FROM e WHERE kind = 'a' ORDER BY (strpos(head, %s) > 0)::int DESC NULLS LAST, "
                   "((head::jsonb -> 'first' ->> 0) COLLATE \"C\") NULLS FIRST")


@needs_server
def test_an_unreachable_server_is_one_line_naming_it():
    with pytest.raises(StoreError, match="cannot connect to the PostgreSQL server") as caught:
        open_store("postgresql://nobody:pw@127.0.0.1:1/none?connect_timeout=3")
    assert "pw" not in str(caught.value)


@needs_server
def test_a_lost_connection_is_one_line_naming_the_server(tmp_path):
    import psycopg

    with open_store(tmp_path / "s.db") as store:
        pid = store.db.execute("SELECT pg_backend_pid()").fetchone()[0]
        with psycopg.connect(postgres.URL, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        with pytest.raises(StoreError, match="lost the connection to the PostgreSQL server"):
            store.report_count()


_WRITER = (
    "import sys\n"
    "from communique import pipeline\n"
    "from communique.store import open_store\n"
    "with open_store(sys.argv[2]) as store:\n"
    "    pipeline.ingest(store, [sys.argv[1]], extract=False,\n"
    "                    progress=lambda line: print(line, flush=True))\n"
)


@needs_server
def test_kill_9_mid_ingest_leaves_every_committed_report_whole(tmp_path):
    import psycopg

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(300):
        body = f"Report number {i} on the talks.\n\n" + ARTICLE_EN.replace("five", f"{i} extra") * 3
        (folder / f"r{i:04}.txt").write_text(body, encoding="utf-8")
    with psycopg.connect(postgres.URL, autocommit=True) as admin:
        admin.execute("DROP SCHEMA IF EXISTS killed CASCADE")
        admin.execute("CREATE SCHEMA killed")
    url = postgres.schema_url("killed")
    proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(folder), url], stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout is not None
    started, lines = time.monotonic(), 0
    while lines < 30 and time.monotonic() - started < 120:
        if proc.stdout.readline():
            lines += 1
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    with open_store(url) as store:  # the killed writer's transaction is gone with its connection
        one = store.db.execute
        count = store.report_count()
        assert 30 <= count < 300
        bands = one("SELECT count(DISTINCT report_id), count(*) FROM report_bands").fetchone()[:]
        assert bands == (count, 32 * count)  # every committed report is whole
        summary = pipeline.ingest(store, [str(folder)], extract=False)  # and ingesting again completes it
        assert len(summary.added) == 300 - count and store.report_count() == 300
    with psycopg.connect(postgres.URL, autocommit=True) as admin:
        admin.execute("DROP SCHEMA killed CASCADE")


@needs_server
def test_another_applications_schema_is_refused(tmp_path):
    import psycopg

    url = postgres.schema_url("other_app")
    with psycopg.connect(postgres.URL, autocommit=True) as admin:
        admin.execute("DROP SCHEMA IF EXISTS other_app CASCADE")
        admin.execute("CREATE SCHEMA other_app")
        admin.execute("CREATE TABLE other_app.users (id int PRIMARY KEY)")
        with pytest.raises(StoreError, match="not a communique database .*users"):
            open_store(url)
        tables = {r[0] for r in admin.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'other_app'")}
        admin.execute("DROP SCHEMA other_app CASCADE")
    assert tables == {"users"}


def _sqlite(path: Path) -> SQLiteStore:
    store = object.__new__(SQLiteStore)
    SQLiteStore.__init__(store, path)
    return store


def _record(store: SQLiteStore) -> dict[str, object]:
    from communique.brief.render import markdown

    records = [json.dumps(r, sort_keys=True, ensure_ascii=False, default=str)
               for r in pipeline.export_records(store)]
    return {"export": records,  # in the export's own order too: a replaced row goes last, as on SQLite
            **{lang: markdown(pipeline.brief(store, lang=lang, as_of="2025-12-08")) for lang in ("en", "ja")}}


def _counts(url: str) -> dict[str, object]:
    with open_store(url) as store:
        one = store.db.execute
        return {
            "reports": one("SELECT count(*), count(DISTINCT id) FROM reports").fetchone()[:],
            "ids": [r[0] for r in one("SELECT id FROM reports ORDER BY id")],
            "bands": one("SELECT count(*) FROM report_bands").fetchone()[0],
            **{table: one(f"SELECT count(*) FROM {table}").fetchone()[0]
               for table in ("quotes", "events", "proposals", "positions", "evidence", "extraction_runs",
                             "merge_runs", "statement_members", "event_members", "proposal_members",
                             "position_members", "report_stories", "skipped")},
            "quotes in statements": one("SELECT count(*) FROM quotes WHERE statement_id IS NOT NULL "
                                        "AND statement_id NOT IN (SELECT id FROM statements)").fetchone()[0],
            "unmerged": len(store.unmerged_reports()),
        }


@needs_server
@pytest.mark.skipif(not CORPUS.is_dir(), reason="the sample corpus is absent")
def test_three_parallel_ingesters_lose_and_duplicate_nothing(tmp_path):
    import psycopg

    with psycopg.connect(postgres.URL, autocommit=True) as admin:
        for schema in ("parallel_alone", "parallel_three"):
            admin.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
            admin.execute(f"CREATE SCHEMA {schema}")
    alone, three = postgres.schema_url("parallel_alone"), postgres.schema_url("parallel_three")
    sources = [str(CORPUS / "en"), str(CORPUS / "ja")]
    with open_store(alone) as store:
        pipeline.ingest(store, sources)
        on_postgresql = _record(store)
    with _sqlite(tmp_path / "alone.db") as store:  # a real SQLite file (not routed to the server)
        pipeline.ingest(store, sources)
        assert _record(store) == on_postgresql  # the same exports (sorted) and briefings as SQLite
    cmd = [sys.executable, "-m", "communique.cli", "ingest", "--db", three, "-q", *sources]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
             for _ in range(3)]
    results = [p.communicate(timeout=600) for p in procs]
    assert all(p.returncode == 0 for p in procs), results
    problems = [line for _out, err in results for line in err.splitlines() if not line.startswith("skipped:")]
    assert not problems  # no traceback, no duplicate key, no merge that failed
    expected, got = _counts(alone), _counts(three)
    assert got == expected
    assert got["reports"] == (32, 32) and got["merge_runs"] == 32 and got["unmerged"] == 0
    assert got["quotes in statements"] == 0
    with psycopg.connect(postgres.URL, autocommit=True) as admin:
        for schema in ("parallel_alone", "parallel_three"):
            admin.execute(f"DROP SCHEMA {schema} CASCADE")
