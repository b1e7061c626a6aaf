"""The PostgreSQL store against SQLite: end-to-end ingest (read, clean, extract, merge) of the sample
corpus, once into a SQLite file, once into PostgreSQL, then by N processes at once into one
PostgreSQL schema (its files dealt out among them); and the time of a few reads (stories, search,
export) on each.

    scripts/with-postgres .venv/bin/python benchmarks/bench_postgresql.py [--processes 3]
    .venv/bin/python benchmarks/bench_postgresql.py --db postgresql://me@localhost/scratch

Prints wall seconds and reports/s for each, and whether the PostgreSQL records export (sorted) the
same as the SQLite one (the parallel one stores the reports in another order: until the merged
record is independent of arrival order (issue 12 §2) it may differ).  Local only: the server is
the one given (or $COMMUNIQUE_TEST_DB).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "ukraine-talks-2025"
SOURCES = [str(CORPUS / "en"), str(CORPUS / "ja")]


def _schema(base: str, name: str) -> str:
    import psycopg

    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
        admin.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
        admin.execute(f"CREATE SCHEMA {name}")
    joiner = "&" if "?" in base else "?"
    return f"{base}{joiner}options={quote(f'-csearch_path={name},public')}"


def _ingest(db: str, processes: int) -> float:
    """Wall seconds for ``processes`` ingest processes at once, the corpus's files dealt out among them."""
    files = sorted(str(f) for source in SOURCES for f in Path(source).rglob("*") if f.is_file())
    shares = [files[i::processes] for i in range(processes)]
    cmds = [[sys.executable, "-m", "communique.cli", "ingest", "--db", db, "-q", *share] for share in shares]
    started = time.perf_counter()
    procs = [subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, cwd=ROOT) for cmd in cmds]
    for p in procs:
        _out, err = p.communicate(timeout=1800)
        if p.returncode != 0:
            raise SystemExit(f"ingest failed: {err.strip()[-500:]}")
    return time.perf_counter() - started


def _reads(db: str) -> dict[str, float]:
    from communique import pipeline
    from communique.store import search

    times = {}
    with pipeline.open_store(db) as store:
        for name, call in (("stories", lambda: pipeline.story_rows(store)),
                           ("search", lambda: search.search(store, "Zelensky 和平")),
                           ("export", lambda: list(pipeline.export_records(store)))):
            call()  # the first call fills caches (the word index)
            started = time.perf_counter()
            call()
            times[name] = time.perf_counter() - started
    return times


def _export(db: str) -> list[str]:
    from communique import pipeline

    with pipeline.open_store(db) as store:
        return sorted(json.dumps(r, sort_keys=True, ensure_ascii=False, default=str)
                      for r in pipeline.export_records(store))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default=os.environ.get("COMMUNIQUE_TEST_DB", ""),
                        help="a PostgreSQL server URL (default: $COMMUNIQUE_TEST_DB)")
    parser.add_argument("--processes", type=int, default=3)
    args = parser.parse_args()
    if not args.db.startswith(("postgresql://", "postgres://")):
        raise SystemExit("give --db postgresql://... (or run under scripts/with-postgres)")
    reports = 32
    with tempfile.TemporaryDirectory() as tmp:
        sqlite = str(Path(tmp) / "bench.db")
        alone, many = _schema(args.db, "bench_alone"), _schema(args.db, "bench_parallel")
        rows = [("SQLite, 1 process", sqlite, 1), ("PostgreSQL, 1 process", alone, 1),
                (f"PostgreSQL, {args.processes} processes", many, args.processes)]
        print(f"sample corpus: {reports} reports (en + ja), ingest with extraction and merging; "
              f"{os.cpu_count()} CPU(s)")
        for label, db, processes in rows:
            seconds = _ingest(db, processes)
            reads = _reads(db)
            print(f"{label:<28} {seconds:6.1f} s  {reports / seconds:5.2f} reports/s   "
                  + "  ".join(f"{k} {v * 1000:6.1f} ms" for k, v in reads.items()))
        reference = _export(sqlite)
        print(f"exports (sorted) identical to SQLite's: PostgreSQL {_export(alone) == reference}, "
              f"PostgreSQL in parallel {_export(many) == reference}")
        _schema(args.db, "bench_alone")
        _schema(args.db, "bench_parallel")


if __name__ == "__main__":
    main()
