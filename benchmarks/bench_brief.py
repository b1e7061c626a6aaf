"""Briefing and browsing at size: `brief`, `stories` and `search` on a large store.

    .venv/bin/python benchmarks/bench_brief.py --db STORE.db           # a store you already have
    .venv/bin/python benchmarks/bench_brief.py --build 10000 --keep DIR  # build one (many stories)
    .venv/bin/python benchmarks/bench_brief.py --db STORE.db --profile   # and where brief's time goes

A store is built the way ``benchmarks/bench_e2e.py`` fills one: reports generated from the
sample corpus with other outlets, dates and wording, ``--shape many`` (the default: a new
story every 320 reports, each with its own people, places and year) or ``--shape big`` (one
story).  Filling takes a while (about 10 reports/s); ``--keep DIR`` keeps the store.

For the largest story and for a story of median size, each command is run as a user runs
it, in a fresh process (``communique brief --story ID --lang en|ja``: start-up, reading the
story, writing the briefing), three times, and the best wall time is printed; ``stories`` and
``search`` (one word) the same way.  The briefing's own time in an already started process is
printed beside it.  ``export --format jsonl`` of the whole store is run once: its time, its
output and the peak memory of its process (streaming: the memory should not grow with the
store).

Targets (issues 10 and 12): ``brief`` <= 1 s on a 10,000-report store (and on 100,000 with
many stories); ``stories`` <= 200 ms; ``search`` <= 200 ms.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "ORT_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

sys.path.insert(0, str(Path(__file__).resolve().parent))

from communique import pipeline  # noqa: E402

CLI = [str(Path(sys.executable).with_name("communique"))]  # the command a user runs
TARGETS = {"brief": 1.0, "stories": 0.2, "search": 0.2}


def build(size: int, shape: str, folder: Path) -> Path:
    import bench_e2e  # the generator of real-style reports (same folder)

    gen = bench_e2e.Generator(shape)
    path = folder / f"{shape}-{size}.db"
    with pipeline.open_store(path) as store:
        have = store.report_count()
        began = time.perf_counter()
        while have < size:
            batch = bench_e2e.write(gen.batch(min(1000, size - have)), folder, "fill")
            pipeline.ingest(store, [str(batch)])
            have = store.report_count()
            took = time.perf_counter() - began
            print(f"  filled {have:,} reports ({took:.0f}s)", file=sys.stderr, flush=True)
        pipeline.merge(store)
    return path


def _user_env() -> dict[str, str]:
    """The environment a user's command runs in: Python keeps the modules it compiled (an
    installed package has them; ``PYTHONDONTWRITEBYTECODE``, set on some development machines,
    would have every run compile the modules it imports again, about 80 ms)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def best_of(args: list[str], runs: int = 3) -> tuple[float, int]:
    """The best wall time of ``communique ARGS`` in a fresh process, and its output's length (the
    first run compiles the modules it imports, if no run has)."""
    times, size = [], 0
    for _ in range(runs):
        began = time.perf_counter()
        done = subprocess.run([*CLI, *args], capture_output=True, text=True, check=False, env=_user_env())
        times.append(time.perf_counter() - began)
        if done.returncode != 0:
            raise SystemExit(f"communique {' '.join(args)} failed: {done.stderr.strip()[-300:]}")
        size = len(done.stdout)
    return min(times), size


def export(db: Path) -> None:
    """``export --format jsonl`` of the whole store, once: its time and its process's peak memory."""
    began = time.perf_counter()
    with open(os.devnull, "w", encoding="utf-8") as sink:
        child = subprocess.Popen([*CLI, "export", "--db", str(db), "--format", "jsonl"], stdout=sink,
                                 env=_user_env())
        _pid, status, usage = os.wait4(child.pid, 0)  # this child's own peak memory
        child.returncode = os.waitstatus_to_exitcode(status)
    took = time.perf_counter() - began
    if child.returncode:
        raise SystemExit(f"communique export failed (exit {child.returncode})")
    print(f"export (jsonl, whole store): {took:.1f} s, peak memory of the process "
          f"{usage.ru_maxrss / 1024:.0f} MB")


def mark(seconds: float, target: float) -> str:
    return f"(target <= {target:g} s: {'met' if seconds <= target else 'NOT met'})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="an existing store")
    parser.add_argument("--build", type=int, metavar="N", help="build a store of N reports first")
    parser.add_argument("--shape", choices=["many", "big"], default="many")
    parser.add_argument("--keep", help="keep the built store in this folder")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="a cProfile summary of one in-process brief")
    parser.add_argument("--no-export", action="store_true", help="leave out the export of the whole store")
    args = parser.parse_args()
    if not args.db and not args.build:
        parser.error("give --db STORE or --build N")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        db = Path(args.db) if args.db else build(args.build, args.shape, folder)
        with pipeline.open_store(db) as store:
            pipeline.merge(store)
            reports = store.report_count()
            rows = sorted(pipeline.story_rows(store), key=lambda r: (-int(r["reports"]), r["id"]))
        print(f"store {db}: {reports:,} reports, {len(rows)} stories")
        if not rows:
            raise SystemExit("the store has no stories: ingest reports first")
        if not args.no_export:
            export(db)
        chosen = {"largest": rows[0], "median": rows[len(rows) // 2]}
        for label, row in chosen.items():
            for lang in ("en", "ja"):
                seconds, size = best_of(["brief", "--db", str(db), "--story", row["id"], "--lang", lang],
                                        args.runs)
                with pipeline.open_store(db) as store:
                    began = time.perf_counter()
                    pipeline.brief(store, lang=lang, story_id=row["id"])
                    inside = time.perf_counter() - began
                print(f"brief {lang}, {label} story ({row['reports']:,} reports): {seconds:.2f} s in a fresh "
                      f"process, {inside:.2f} s of it writing {size:,} characters "
                      f"{mark(seconds, TARGETS['brief'])}")
        for name, cli in (("stories", ["stories", "--db", str(db)]),
                          ("search", ["search", "--db", str(db), "talks"])):
            seconds, _size = best_of(cli, args.runs)
            print(f"{name}: {1000 * seconds:.0f} ms in a fresh process {mark(seconds, TARGETS[name])}")
        if args.profile:
            with pipeline.open_store(db) as store:
                prof = cProfile.Profile()
                prof.enable()
                pipeline.brief(store, lang="en", story_id=rows[0]["id"])
                prof.disable()
            out = io.StringIO()
            pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(30)
            print("-- where brief's time goes (largest story, en; cumulative) --")
            print(out.getvalue())
        sizes = [int(r["reports"]) for r in rows]
        print(f"stories: {len(rows)}, reports per story: median {statistics.median(sizes):g}, "
              f"largest {max(sizes):,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
