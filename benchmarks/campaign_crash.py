"""Crash and concurrency campaign: ``kill -9`` at random moments, and parallel ingesters.

    python benchmarks/campaign_crash.py                     # 50 kills, 3 parallel runs, 25 min at most
    python benchmarks/campaign_crash.py --kills 10 --parallel-runs 1 --budget 300

Local files only (the bundled sample corpus, copied to a temporary folder); nothing goes to
the network.  Every process is started and ended by this script, and the whole campaign stops
at ``--budget`` seconds whatever is left.  Every process runs a copy of ``src/`` taken at the
start, so that edits to the working tree during the campaign make no difference between runs.

1. A clean run ingests the corpus into a fresh store: its export is the reference.
2. Kill rounds: an ingest of the same corpus into a fresh store is killed with SIGKILL at a
   random moment, restarted and killed again (``--per-round`` times), then run to the end.
   Each round checks the store: ``corrupt`` (PRAGMA integrity_check fails or the store does not
   open), ``lost`` (reports of the clean run missing), ``duplicated`` (a report or item stored
   twice), ``differing`` (the export differs from the clean run's).
3. Parallel runs: four ingesters on one fresh store at once, plus a reader listing the reports
   in a loop; ``failed`` counts processes that exited non-zero, then lost / duplicated as above.

Prints one line per round and a summary line of the counts.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "ukraine-talks-2025"


def _ingest_cmd(db: Path, corpus: Path) -> list[str]:
    return [sys.executable, "-m", "communique.cli", "ingest", "--db", str(db), "-q",
            str(corpus / "en"), str(corpus / "ja")]


# The code every process runs: a copy of src/ taken when the campaign starts, so that a change
# made to the working tree meanwhile (by anyone) is no difference between two runs.
CODE = ROOT / "src"


def _snapshot(work: Path) -> None:
    global CODE
    CODE = work / "src"
    shutil.copytree(ROOT / "src", CODE, ignore=shutil.ignore_patterns("__pycache__"))


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(CODE) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _run(cmd: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=_env(), cwd=ROOT)


def _export(db: Path) -> list[str]:
    sys.path.insert(0, str(CODE))
    from communique import pipeline
    from communique.store import SQLiteStore

    with SQLiteStore(db) as store:
        records = pipeline.export_records(store)
        return sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in records)


def _check(db: Path, reference: list[str], clean_ids: set[str]) -> dict[str, int]:
    """corrupt / lost / duplicated / differing for one store (1 or 0 each, lost as a count)."""
    out = {"corrupt": 0, "lost": 0, "duplicated": 0, "differing": 0}
    try:
        con = sqlite3.connect(db)
        if con.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            out["corrupt"] = 1
            return out
        ids = [r[0] for r in con.execute("SELECT id FROM reports")]
        out["lost"] = len(clean_ids - set(ids))
        dup = len(ids) != len(set(ids))
        for table in ("quotes", "events", "proposals", "positions"):
            total, distinct = con.execute(f"SELECT count(*), count(DISTINCT id) FROM {table}").fetchone()
            dup = dup or total != distinct
        bands = con.execute("SELECT count(*) FROM (SELECT report_id, band FROM report_bands "
                            "GROUP BY report_id, band HAVING count(*) > 1)").fetchone()[0]
        out["duplicated"] = int(dup or bands > 0)
        con.close()
        export = _export(db)
    except Exception as err:  # noqa: BLE001 - a store that does not open is corrupt
        print(f"  store does not open: {type(err).__name__}: {err}", flush=True)
        out["corrupt"] = 1
        return out
    out["differing"] = int(export != reference)
    if out["differing"]:
        ref, got = set(reference), set(export)
        print(f"  export differs: {len(ref - got)} record(s) missing, {len(got - ref)} extra", flush=True)
        for line in sorted(ref - got)[:2] + sorted(got - ref)[:2]:
            record = json.loads(line)
            print(f"    {'missing' if line in ref else 'extra'}: {record.get('type')} {record.get('id')}",
                  flush=True)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=50, help="SIGKILLs in all (default 50)")
    parser.add_argument("--per-round", type=int, default=3, help="kills before a round runs to the end")
    parser.add_argument("--parallel-runs", type=int, default=3, help="runs of 4 parallel ingesters")
    parser.add_argument("--budget", type=float, default=1500.0, help="seconds for the whole campaign")
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    stop_at = time.monotonic() + args.budget
    work = Path(tempfile.mkdtemp(prefix="communique-campaign-"))
    totals = {"kills": 0, "rounds": 0, "corrupt": 0, "lost": 0, "duplicated": 0, "differing": 0,
              "parallel_runs": 0, "failed": 0, "parallel_lost": 0, "parallel_duplicated": 0,
              "parallel_differing": 0}
    try:
        _snapshot(work)
        corpus = work / "corpus"
        shutil.copytree(CORPUS, corpus, ignore=shutil.ignore_patterns("*.md"))
        clean = work / "clean.db"
        started = time.monotonic()
        done = _run(_ingest_cmd(clean, corpus), timeout=600)
        clean_seconds = time.monotonic() - started
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
        reference = _export(clean)
        con = sqlite3.connect(clean)
        clean_ids = {r[0] for r in con.execute("SELECT id FROM reports")}
        con.close()
        print(f"clean run: {len(clean_ids)} reports, {len(reference)} export records, {clean_seconds:.1f}s",
              flush=True)

        while totals["kills"] < args.kills and time.monotonic() + clean_seconds * 2 < stop_at:
            totals["rounds"] += 1
            db = work / f"kill-{totals['rounds']}.db"
            moments = []
            for attempt in range(min(args.per_round, args.kills - totals["kills"])):
                proc = subprocess.Popen(_ingest_cmd(db, corpus), stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, env=_env(), cwd=ROOT)
                # a restart has less left to do: kill it earlier
                moment = rng.uniform(0.5, clean_seconds * (0.9 if attempt == 0 else 0.6))
                began = time.monotonic()
                try:
                    proc.wait(timeout=moment)
                    if attempt == 0:  # a whole run took this long (the clean run may have been slowed)
                        clean_seconds = max(1.0, time.monotonic() - began)
                    break  # it finished first: the round goes on to its check
                except subprocess.TimeoutExpired:
                    os.kill(proc.pid, signal.SIGKILL)
                    proc.wait()
                    totals["kills"] += 1
                    moments.append(f"{moment:.1f}s")
            finish = _run(_ingest_cmd(db, corpus), timeout=600)
            result = _check(db, reference, clean_ids)
            if finish.returncode != 0:
                print(f"  re-run exited {finish.returncode}: {finish.stderr.strip()[-300:]}", flush=True)
            for key in ("corrupt", "lost", "duplicated", "differing"):
                totals[key] += result[key]
            print(f"round {totals['rounds']}: killed at {', '.join(moments) or '(finished first)'}; "
                  + ", ".join(f"{k} {v}" for k, v in result.items()), flush=True)
            db.unlink(missing_ok=True)
            for suffix in ("-wal", "-shm"):
                Path(str(db) + suffix).unlink(missing_ok=True)

        for run in range(args.parallel_runs):
            if time.monotonic() + clean_seconds * 3 > stop_at:
                break
            totals["parallel_runs"] += 1
            db = work / f"parallel-{run}.db"
            procs = [subprocess.Popen(_ingest_cmd(db, corpus), stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True, env=_env(), cwd=ROOT)
                     for _ in range(4)]
            reader = [sys.executable, "-m", "communique.cli", "reports", "--db", str(db)]
            reads = reader_failures = 0
            while any(p.poll() is None for p in procs) and time.monotonic() < stop_at:
                if db.exists():
                    reads += 1
                    reader_failures += int(_run(reader, timeout=120).returncode != 0)
                time.sleep(0.5)
            failures = []
            for p in procs:
                try:
                    _out, err = p.communicate(timeout=max(1.0, stop_at - time.monotonic()))
                except subprocess.TimeoutExpired:
                    p.kill()
                    _out, err = p.communicate()
                if p.returncode != 0:
                    failures.append(err.strip().splitlines()[-1:] or [f"exit {p.returncode}"])
            result = _check(db, reference, clean_ids)
            totals["failed"] += len(failures) + reader_failures
            totals["parallel_lost"] += result["lost"]
            totals["parallel_duplicated"] += result["duplicated"]
            totals["parallel_differing"] += result["differing"]
            print(f"parallel run {run + 1}: 4 ingesters, {reads} reads during them; failed "
                  f"{len(failures)} ingester(s) and {reader_failures} read(s), corrupt {result['corrupt']}, "
                  f"lost {result['lost']}, duplicated {result['duplicated']}, "
                  f"export differing {result['differing']}" + (f" ({failures})" if failures else ""),
                  flush=True)
            totals["corrupt"] += result["corrupt"]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("summary: " + ", ".join(f"{k} {v}" for k, v in totals.items()), flush=True)
    bad = totals["corrupt"] + totals["lost"] + totals["duplicated"] + totals["differing"] + totals["failed"] \
        + totals["parallel_lost"] + totals["parallel_duplicated"]
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
