"""Benchmark: the extraction side of ``ingest --scheduler`` on a Dask LocalCluster, 1 and 2 workers.

    .venv/bin/python benchmarks/bench_cluster.py [--copies 24] [--workers 2] [--e2e]

Reads the bundled sample corpus (English and Japanese files) COPIES times, each copy a distinct
report (a numbered note appended, so every copy has its own id), and sends every document
through what a worker does for ``communique ingest --scheduler``: decoding, cleaning,
fingerprinting and extraction (:func:`communique.cluster.prepare`).  Prints, after each worker
has loaded its models once (documents sent BATCH to a task, as ingest sends them, and one to
a task for comparison):

- reports/s in this one process (no Dask), with 1 worker and with N workers, and the speed-up
  of N workers over 1 (the target in issue 12: >= 1.8x with 2 workers on a 2-core machine);
- the scheduler's overhead per report: the same documents sent to a task that does nothing,
  per report (submitting, scheduling, sending the document and the answer), and 1-worker time
  per report less in-process time per report.

With ``--e2e``, also the whole ingest (storing and merging included) of the sample corpus as it
is into a fresh SQLite store, in one process and on the warm workers (``cluster.ingest``):
merging stays on the one client process, so this shows how much of a real ingest the workers can
take.  The workers' CPU time is printed too: on a busy machine, two workers may get less than
two cores, and the speed-up shows the machine rather than the design.
The load average is printed with the figures: the machine may be shared.
"""

from __future__ import annotations

import argparse
import logging
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from communique import cluster, pipeline
from communique.ingest import SourceOptions, expand
from communique.model import Document

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "ukraine-talks-2025"
NOTE = "(Archive item {n}.)"


def documents(copies: int) -> list[Document]:
    """The sample corpus's files, COPIES times over, each copy with its own numbered note."""
    out: list[Document] = []
    with tempfile.TemporaryDirectory() as tmp:
        write_copies(Path(tmp), copies)
        for item in expand(tmp, SourceOptions()):
            if isinstance(item, Document):
                out.append(item)
    return out


def write_copies(folder: Path, copies: int) -> None:
    """The sample corpus's text, Markdown and HTML files, COPIES times into ``folder``."""
    for n in range(copies):
        note = NOTE.format(n=n + 1).encode("ascii")  # some files are not UTF-8: the note is ASCII
        for language in ("en", "ja"):
            for path in sorted((CORPUS / language).iterdir()):
                if path.suffix not in (".txt", ".md", ".html"):
                    continue
                data = path.read_bytes()
                data = (data.replace(b"</body>", b"<p>" + note + b"</p></body>") if path.suffix == ".html"
                        else data.rstrip() + b"\n\n" + note + b"\n")
                (folder / f"{n:03d}-{language}-{path.name}").write_bytes(data)


def end_to_end(client: Any) -> None:
    """The whole ingest (storing and merging too) of the sample corpus as it is, in one process
    and on the warm workers."""
    sources = [str(CORPUS / "en"), str(CORPUS / "ja")]
    with tempfile.TemporaryDirectory() as tmp:
        for name, on in (("one process", None), ("on the workers", client)):
            with pipeline.open_store(str(Path(tmp) / f"{name}.db")) as store:
                started = time.perf_counter()
                summary = (pipeline.ingest(store, sources) if on is None
                           else cluster.ingest(store, sources, "local", client=on))
                seconds = time.perf_counter() - started
            print(f"end to end (sample corpus), {name}: {len(summary.added)} reports in {seconds:.1f}s, "
                  f"{len(summary.added) / seconds:.2f} reports/s")


def nothing(doc: Document) -> int:
    return len(doc.raw)


def warm() -> None:
    """Load what extraction needs (models, gazetteer) on a worker, outside the timings."""
    for doc in documents(1)[:: 3]:
        cluster.prepare(doc, None, True, NAMES)


NAMES: tuple[str, str] = ("", "")


def timed(client: Any, docs: list[Document], task: Any, *args: Any, workers: list[str] | None = None,
          batch: int = 1) -> tuple[float, float]:
    """Wall seconds to run ``task`` on every document, and the CPU seconds the workers used; with
    ``batch``, BATCH documents a task as ``ingest --scheduler`` sends them."""
    before = client.run(time.process_time)
    started, mine = time.perf_counter(), time.process_time()
    if batch == 1:
        futures = [client.submit(task, doc, *args, pure=False, workers=workers) for doc in docs]
    else:
        overrides, extract, names = args
        futures = [client.submit(cluster.prepare_all, task, docs[i:i + batch], overrides,
                                 [extract] * len(docs[i:i + batch]), names, pure=False, workers=workers)
                   for i in range(0, len(docs), batch)]
    client.gather(futures)
    wall, mine = time.perf_counter() - started, time.process_time() - mine
    after = client.run(time.process_time)
    print(f"  ({task.__name__}, {batch} document(s) a task: the client and scheduler process used "
          f"{mine / wall:.2f} core(s))")
    return wall, sum(after[w] - before[w] for w in after)


def main() -> None:
    global NAMES
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=24, help="copies of the sample corpus (default 24)")
    parser.add_argument("--workers", type=int, default=2, help="workers of the larger run (default 2)")
    parser.add_argument("--e2e", action="store_true", help="also the whole ingest, merging included")
    args = parser.parse_args()
    import dask
    from dask.distributed import Client, LocalCluster

    NAMES = cluster._user_gazetteer()
    docs = documents(args.copies)
    print(f"{len(docs)} documents ({args.copies} copies of the sample corpus, English and Japanese); "
          f"{os.cpu_count()} cores; load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

    warm()
    started = time.perf_counter()
    for doc in docs:
        cluster.prepare(doc, None, True, NAMES)
    local = time.perf_counter() - started
    print(f"in this process (no Dask): {len(docs) / local:6.1f} reports/s "
          f"({1000 * local / len(docs):.1f} ms each)")

    started = time.perf_counter()
    saturation = float(os.environ.get("BENCH_SATURATION") or cluster.WORKER_SATURATION)
    with dask.config.set({"distributed.scheduler.worker-saturation": saturation}):  # as --scheduler local
        dask_cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                                    host="127.0.0.1", dashboard_address="127.0.0.1:0",
                                    silence_logs=logging.ERROR)
    with dask_cluster, Client(dask_cluster, set_as_default=False) as client:
        client.run(warm)
        print(f"start-up of {args.workers} workers (processes, imports, models): "
              f"{time.perf_counter() - started:.1f}s")
        one = sorted(client.nthreads())[:1]
        noop, _cpu = timed(client, docs, nothing, workers=one)
        size = cluster.BATCH
        unbatched = timed(client, docs, cluster.prepare, None, True, NAMES, workers=one)[0]
        unbatched_many = timed(client, docs, cluster.prepare, None, True, NAMES)[0]
        single, single_cpu = timed(client, docs, cluster.prepare, None, True, NAMES, workers=one, batch=size)
        many, many_cpu = timed(client, docs, cluster.prepare, None, True, NAMES, batch=size)
        print(f"one document a task: 1 worker {len(docs) / unbatched:6.1f} reports/s, {args.workers} workers "
              f"{len(docs) / unbatched_many:6.1f} reports/s ({unbatched / unbatched_many:.2f}x)")
        print(f"{size} documents a task (as ingest --scheduler sends them):")
        print(f"1 worker:  {len(docs) / single:6.1f} reports/s; the worker had {single_cpu / single:.2f} "
              "core(s) of CPU time on average")
        print(f"{args.workers} workers: {len(docs) / many:6.1f} reports/s, {single / many:.2f}x the 1-worker "
              f"rate (target >= 1.8x with 2 workers); the workers had {many_cpu / many:.2f} core(s)")
        print(f"CPU time per report: {1000 * single_cpu / len(docs):.1f} ms on 1 worker, "
              f"{1000 * many_cpu / len(docs):.1f} ms on {args.workers}; were the {args.workers} workers to "
              f"have a core each: {args.workers * len(docs) / many_cpu:.1f} reports/s, "
              f"{args.workers * single_cpu / many_cpu:.2f}x (an estimate from the CPU time, not a measure)")
        print(f"scheduler overhead per report: {1000 * noop / len(docs):.1f} ms (a task doing nothing with "
              f"the document); 1 worker less in-process: {1000 * (single - local) / len(docs):.1f} ms")
        if args.e2e:
            end_to_end(client)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
