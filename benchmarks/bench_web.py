"""Web app latency on loopback: story page and API lists at 20 concurrent clients (issue 11).

    python benchmarks/bench_web.py --build 10000 --db /tmp/web10k.db   # build 10,000 reports, then measure
    python benchmarks/bench_web.py --db /tmp/web10k.db                    # measure an existing store
    python benchmarks/bench_web.py --db demo.db --clients 20 --requests 100

The store is built with the real pipeline (``pipeline.ingest``: cleaning, wire grouping, extraction, merging):
every report is one of the sample corpus's reports (examples/ukraine-talks-2025) with another outlet, URL and
date, a paragraph or two dropped and a line of its own added, so the record grows with the store.  A variant
that ingest reads as the same article again is not stored; more are written until the store holds N.

``communique serve`` runs in its own process on 127.0.0.1; N client threads (keep-alive connections) request
the story page (Japanese and English, latest and an earlier as-of date) and API list pages (stories, records
of each type at random offsets, the story's timeline and statements), each client a bounded number of
requests.  Prints, per group, the request count, p50, p95 and p99 latency and the rate, the time the
server took to read the store, and how long the story's briefings took to be ready (written in the
server's background thread, or read from its briefing cache when the record is unchanged since a
previous run).  Targets: p95 <= 100 ms for the story page, <= 50 ms for API lists.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from statistics import quantiles

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "ukraine-talks-2025"


def build(db: Path, n: int, seed: int = 11) -> None:
    """A store of ``n`` reports made from the sample corpus (see the module's docstring).  Variants
    that ingest reads as the same article again are not stored, so more are written until the
    store holds ``n``."""
    from communique import pipeline

    rng = random.Random(seed)
    work = Path(tempfile.mkdtemp(prefix="bench-web-"))
    with pipeline.open_store(work / "sample.db") as store:
        pipeline.ingest(store, [str(CORPUS / "en"), str(CORPUS / "ja")], extract=False)
        samples = [r for r in pipeline.export_records(store, ["report"])]
    started = time.perf_counter()
    written = 0
    stored = 0
    rounds = 0
    while stored < n and rounds < 5:
        rounds += 1
        batch = work / f"reports-{rounds}.jsonl"
        want = n - stored + (n - stored) // 3 + 10  # some variants will be the same article again
        with batch.open("w", encoding="utf-8") as out:
            for i in range(written, written + want):
                out.write(json.dumps(_variant(samples[i % len(samples)], i, rng), ensure_ascii=False) + "\n")
        written += want
        with pipeline.open_store(db) as store:
            pipeline.ingest(store, [str(batch)], progress=_every_500)
            stored = store.report_count()
    with pipeline.open_store(db) as store:
        pipeline.merge(store)
        stored = store.report_count()
    print(f"built {db}: {stored} reports stored of {written} written; "
          f"{time.perf_counter() - started:.0f}s in all", file=sys.stderr)


def _every_500(line: str) -> None:
    head = line.split("]")[0][1:] if line.startswith("[") else ""
    if head.isdigit() and int(head) % 500 == 0:
        print(line, file=sys.stderr)


def _variant(r: dict, i: int, rng: random.Random) -> dict:
    """Sample report ``r`` as the ``i``-th dispatch: a paragraph or two dropped, an own last line,
    another outlet of 97 and a date from 20 November to 15 December 2025."""
    paragraphs = r["text"].split("\n\n")
    for _ in range(2 if len(paragraphs) > 5 else 1):
        if len(paragraphs) > 3:
            del paragraphs[rng.randrange(1, len(paragraphs))]
    own = (
        f"この記事は{i}番目の配信です。"
        if r["language"] == "ja"
        else f"This is dispatch number {i} of the bench wire."
    )
    day = 20 + (i % 26)  # 2025-11-20 .. 2025-12-15
    published = f"2025-{11 if day <= 30 else 12}-{day if day <= 30 else day - 30:02d}T09:00:00+00:00"
    return {
        "url": f"https://bench{i % 97}.example/{i}",
        "outlet": f"{r['outlet']} {i % 97}",
        "title": f"{r['title']} ({i})",
        "published_at": published,
        "language": r["language"],
        "text": "\n\n".join([*paragraphs, own]),
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get(conn: http.client.HTTPConnection, path: str) -> tuple[int, float, bytes]:
    started = time.perf_counter()
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    return response.status, time.perf_counter() - started, body


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="the store to serve (built first with --build N)")
    parser.add_argument("--build", type=int, default=0, metavar="N", help="build a store of N reports first")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=100, help="requests per client (default 100)")
    parser.add_argument("--max-seconds", type=float, default=120, help="stop the load after this long")
    args = parser.parse_args()
    db = Path(args.db)
    if args.build:
        if db.exists():
            print(f"{db} exists: remove it, or leave out --build to measure it", file=sys.stderr)
            return 1
        build(db, args.build)
    port = free_port()
    started = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "communique.cli", "serve", "--db", str(db), "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = server.stderr.readline() if server.stderr else ""  # printed once the record is read
        if "serving" not in line:
            print(f"the server did not start: {line}", file=sys.stderr)
            return 1
        while True:  # then uvicorn binds the port
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.perf_counter() - started > 600:
                    print("the server did not start", file=sys.stderr)
                    return 1
                time.sleep(0.05)
        ready = time.perf_counter() - started
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        status, first, body = get(conn, "/api/stories?limit=500")
        stories = json.loads(body)["items"]
        if not stories:
            print(f"{db}: no stories", file=sys.stderr)
            return 1
        story = max(stories, key=lambda s: s["reports"])
        sid = story["id"]
        totals = {kind: get(conn, f"/api/records/{kind}?limit=1")[2] for kind in ("report", "quote", "event")}
        counts = {k: json.loads(v)["total"] for k, v in totals.items()}
        warm = []
        for query in ("lang=ja", "lang=en", "lang=en&as_of=2025-12-05"):
            # serve writes briefings in a background thread (kept on disk per state of the record, so a
            # second run reads them); the API answers 503 until one is written: wait for it
            waited = time.perf_counter()
            while get(conn, f"/api/stories/{sid}/briefing?{query}")[0] == 503:
                if time.perf_counter() - waited > 1800:
                    print("the briefings were not written in 30 minutes", file=sys.stderr)
                    return 1
            path = f"/stories/{sid}?{query}"
            page_time = get(conn, path)[1]
            warm.append((path, time.perf_counter() - waited, page_time))
        conn.close()
        story_paths = [
            f"/stories/{sid}?lang=ja",
            f"/stories/{sid}?lang=en",
            f"/stories/{sid}?lang=en&as_of=2025-12-05",
        ]

        def api_path(rng: random.Random) -> str:
            kind = rng.choice(("quote", "event", "report", "position", "actor"))
            choice = rng.randrange(5)
            if choice == 0:
                return "/api/stories"
            if choice == 1:
                return f"/api/stories/{sid}/timeline?offset={rng.randrange(0, 200)}"
            if choice == 2:
                return f"/api/stories/{sid}/statements?offset={rng.randrange(0, 50)}"
            return f"/api/records/{kind}?offset={rng.randrange(0, max(1, counts.get(kind, 50)))}&limit=50"

        results: dict[str, list[float]] = {"story page": [], "API list": []}
        errors: list[str] = []
        lock = threading.Lock()
        deadline = time.perf_counter() + args.max_seconds

        def client(number: int) -> None:
            rng = random.Random(number)
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            for i in range(args.requests):
                if time.perf_counter() > deadline:
                    break
                group = "story page" if i % 2 == 0 else "API list"
                path = rng.choice(story_paths) if group == "story page" else api_path(rng)
                status, seconds, _ = get(connection, path)
                with lock:
                    results[group].append(seconds)
                    if status != 200:
                        errors.append(f"{status} {path}")
            connection.close()

        load_started = time.perf_counter()
        threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - load_started
    finally:
        server.terminate()
        server.wait(timeout=20)
    print(
        f"store {db}: {counts['report']:,} reports, {counts['quote']:,} quotes, {counts['event']:,} events; "
        f"story {sid} with {story['reports']:,} reports"
    )
    print(
        f"server ready in {ready:.1f}s (reads the record); first API request {first * 1000:.0f} ms; "
        + "; ".join(f"{p}: briefing ready after {w:.1f}s, page {s * 1000:.0f} ms" for p, w, s in warm)
    )
    print(
        f"{args.clients} concurrent clients, {sum(len(v) for v in results.values())} requests "
        f"in {elapsed:.1f}s "
        f"({sum(len(v) for v in results.values()) / elapsed:.0f} req/s), {len(errors)} non-200"
    )
    for group, times in results.items():
        if len(times) < 2:
            continue
        cuts = quantiles(times, n=100)
        target = 100 if group == "story page" else 50
        p95 = cuts[94] * 1000
        print(
            f"{group:10s}  n={len(times):5d}  p50={cuts[49] * 1000:6.1f} ms  p95={p95:6.1f} ms  "
            f"p99={cuts[98] * 1000:6.1f} ms  "
            f"(target p95 <= {target} ms: {'met' if p95 <= target else 'NOT met'})"
        )
    for error in errors[:5]:
        print(f"  {error}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
