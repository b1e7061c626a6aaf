"""Ingest on a Dask cluster: ``communique ingest --scheduler ADDRESS|local[:N] SOURCE...``.

The client (this process) lists and reads the inputs, as a single-process ingest does; the
workers decode and clean each document into a report, fingerprint it for wire-copy detection
and run the extractors of its language.  Documents go to the workers in batches of
:data:`BATCH` (one task each): a task per document costs the scheduler and the worker a few
milliseconds, a fifth of a report's extraction.  The client takes the results back **in input order**
and stores and merges each report exactly as :func:`communique.pipeline.ingest` does, so the
record is the one a single process writes from the same inputs (merging is per story and wants
one writer: it stays here).  Workers run ahead of the writer by a bounded window of documents.

A report is committed with its extraction and merge in one transaction, as in a single process:
when a worker is lost for good or the cluster goes away, the reports before the one that failed
are stored, the run stops with one line saying so, and running the same command again finishes
the job (stored reports are recognised and not extracted again).

Dask is imported only here, and this module only when ``--scheduler`` is given.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import time
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import __version__, pipeline
from .errors import CommuniqueError, InputError, UsageError
from .extract import extractors_for, user_names
from .ingest import SourceOptions, build_report, expand
from .model import Document, Extraction, Report, Skipped
from .store import SQLiteStore

__all__ = ["ClusterError", "connect", "ingest", "parse_scheduler"]

INSTALL_HINT = "install communique[cluster] (pip install 'communique[cluster]')"
CONNECT_SECONDS = 10.0  # waiting for a scheduler that does not answer
NO_WORKERS_SECONDS = 60.0  # waiting with work queued and no worker in the cluster
BATCH = 8  # documents per task
BATCHES_PER_THREAD = 3  # batches in flight per worker thread (at least MIN_WINDOW documents)
MIN_WINDOW = 8
# Tasks the scheduler hands a worker thread at once (Dask's default is 1.1): with the next
# documents already on the worker, it does not wait a round trip to the scheduler before each
# report; the window above still bounds what is in flight.  --scheduler local sets it; an
# existing scheduler is started with it (docs/cluster.md).
WORKER_SATURATION = 4.0


class ClusterError(CommuniqueError):
    """The cluster failed under a run (a worker lost for good, the scheduler gone)."""


def parse_scheduler(spec: str) -> tuple[str | None, int | None]:
    """``local`` / ``local:N`` -> (None, N or None); anything else is a scheduler address."""
    text = spec.strip()
    if text == "local" or text.startswith("local:"):
        count = text.partition(":")[2]
        if not count:
            return None, None
        if not count.isdigit() or not 1 <= int(count) <= 256:
            raise UsageError(f"--scheduler {spec}", "the number of local workers is not a number from 1 "
                             "to 256", "give local, local:2, or a scheduler address such as "
                             "tcp://host:8786")
        return None, int(count)
    if not text:
        raise UsageError("--scheduler", "no scheduler address", "give local[:N] or tcp://host:8786")
    return text, None


@contextmanager
def connect(spec: str, *, timeout: float | None = None) -> Iterator[Any]:
    """A ``dask.distributed.Client`` for ``spec``: a LocalCluster of N single-threaded worker
    processes for ``local[:N]`` (N: the number of cores), else the scheduler at that address."""
    address, workers = parse_scheduler(spec)
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise UsageError(f"--scheduler {spec}", "Dask is not installed", INSTALL_HINT) from None
    with _quiet_dask():
        yield from _connected(Client, LocalCluster, address, workers, timeout)


@contextmanager
def _quiet_dask() -> Iterator[None]:
    """Dask's own log (tracebacks when a connection drops) kept off stderr while communique runs
    the cluster: what failed is told in one line by communique."""
    names = ["distributed", *(name for name in logging.Logger.manager.loggerDict
                              if name.startswith("distributed."))]  # Dask sets some children's levels
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def _connected(client_class: Any, cluster_class: Any, address: str | None, workers: int | None,
               timeout: float | None) -> Iterator[Any]:
    if address is None:
        import dask

        with dask.config.set({"distributed.scheduler.worker-saturation": WORKER_SATURATION}):
            cluster = cluster_class(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                                   processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0",
                                   silence_logs=logging.CRITICAL)
        try:
            with client_class(cluster, set_as_default=False) as client:
                yield client
        finally:
            cluster.close()
        return
    try:
        client = client_class(address, timeout=timeout or CONNECT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as err:
        why = " ".join(str(err).split())[:160] or type(err).__name__
        raise ClusterError(f"--scheduler {address}", f"no Dask scheduler answered ({why})",
                           "start one there (`dask scheduler`, then `dask worker ADDRESS` on each machine), "
                           "or run on this machine with --scheduler local") from None
    with client:
        yield client


@dataclass(slots=True, frozen=True)
class Prepared:
    """What a worker sends back for one document: the cleaned report (overrides applied), its
    read warning, its wire fingerprint and, unless it was skipped as already stored, its
    extraction and the extraction's one-line problem."""

    report: Report
    warning: str
    fingerprint: Any
    extracted: tuple[Extraction | None, str | None] | None
    extractors: tuple[str, ...]
    version: str


_gazetteer_in_use: str | None = None


def _use_gazetteer(names: tuple[str, str]) -> None:
    """On a worker: extract with the client's user gazetteer (its entries as JSON, with their
    hash), whatever file the worker's machine has or lacks."""
    global _gazetteer_in_use
    key, text = names
    if _gazetteer_in_use == key:
        return
    path = Path(tempfile.gettempdir()) / f"communique-gazetteer-{key[:16]}.json"
    if not path.exists():
        part = path.with_suffix(f".{os.getpid()}.part")
        part.write_text(text, encoding="utf-8")
        part.replace(path)
    user_names.use_file(path)
    _gazetteer_in_use = key


def prepare(doc: Document, overrides: dict[str, Any] | None, extract: bool,
            names: tuple[str, str]) -> Prepared | Skipped:
    """On a worker: decode, clean, fingerprint and extract one document (what a single-process
    ingest does before it touches the store)."""
    try:
        report, warning = build_report(doc)
    except InputError as err:
        return Skipped(source=doc.source, reason=err.problem, hint=err.hint)
    except (ValueError, LookupError, RecursionError, MemoryError, TypeError) as err:
        return Skipped(source=doc.source, reason=f"could not be read ({type(err).__name__}: "
                       f"{str(err)[:120]})", hint="the other inputs were read; please report this input")
    if overrides:
        report = replace(report, **overrides)
    fingerprint = pipeline._fingerprint(report)
    extractors: tuple[str, ...] = ()
    extracted = None
    if extract:
        _use_gazetteer(names)
        extractors = extractors_for(report.language)
        extracted = pipeline._run_extractors(report) if extractors else (None, None)
    return Prepared(report, warning, fingerprint, extracted, extractors, __version__)


def prepare_all(task: Any, docs: list[Document], overrides: dict[str, Any] | None, extract: list[bool],
                names: tuple[str, str]) -> list[Prepared | Skipped]:
    """On a worker: ``task`` (:func:`prepare`, sent with the batch) on each document of a batch."""
    return [task(doc, overrides, flag, names) for doc, flag in zip(docs, extract, strict=True)]


@dataclass(slots=True)
class _Batch:
    """Documents sent to the cluster as one task, and their answers (in input order)."""

    overrides: dict[str, Any] | None
    names: tuple[str, str]
    docs: list[Document] = field(default_factory=list)
    extract: list[bool] = field(default_factory=list)
    future: Any = None
    answers: list[Prepared | Skipped] | None = None
    singles: list[Any] | None = None  # one task per document, after the batch failed

    def add(self, doc: Document, extract: bool) -> tuple[_Batch, int]:
        self.docs.append(doc)
        self.extract.append(extract)
        return self, len(self.docs) - 1

    def submit(self, client: Any) -> None:
        if self.future is None:
            self.future = client.submit(prepare_all, prepare, self.docs, self.overrides, self.extract,
                                        self.names, pure=False)

    def answer(self, client: Any, scheduler: str, source: str, index: int) -> Prepared | Skipped:
        self.submit(client)
        if self.answers is None and self.singles is None:
            try:
                self.answers = _result(client, scheduler, source, self.future)
            except ClusterError:
                if len(self.docs) == 1:
                    raise
                # a document of the batch failed, or its worker was lost: each document again on
                # its own, so those before the failing one are stored and the failing one is named
                self.singles = [client.submit(prepare, doc, self.overrides, flag, self.names, pure=False)
                                for doc, flag in zip(self.docs, self.extract, strict=True)]
        if self.answers is not None:
            return self.answers[index]
        assert self.singles is not None
        return _result(client, scheduler, source, self.singles[index])

    def cancel(self) -> None:
        for future in [self.future, *(self.singles or ())]:
            if future is not None:
                future.cancel()


def _user_gazetteer() -> tuple[str, str]:
    """The client's user gazetteer entries as JSON (none when it has no file), with their hash."""
    path = user_names.user_path()
    entries = user_names.read(path) if path.exists() else []
    text = json.dumps({"version": 1, "entries": entries}, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest(), text


def ingest(
    store: SQLiteStore,
    sources: Iterable[str],
    scheduler: str,
    options: SourceOptions | None = None,
    progress: pipeline.Progress | None = None,
    *,
    extract: bool = True,
    overrides: dict[str, Any] | None = None,
    client: Any = None,
) -> pipeline.IngestSummary:
    """:func:`communique.pipeline.ingest` with the reading, cleaning and extraction on the Dask
    cluster ``scheduler`` names (or on ``client``, already connected); the same record."""
    if client is None:
        with connect(scheduler) as connected:
            return ingest(store, sources, scheduler, options, progress, extract=extract,
                          overrides=overrides, client=connected)
    with store.journals_in_memory():  # as pipeline.ingest: the merges' journals in memory
        return _ingest(store, sources, scheduler, options, progress, extract=extract, overrides=overrides,
                       client=client)


def _ingest(store: SQLiteStore, sources: Iterable[str], scheduler: str, options: SourceOptions | None,
            progress: pipeline.Progress | None, *, extract: bool, overrides: dict[str, Any] | None,
            client: Any) -> pipeline.IngestSummary:
    options = options or SourceOptions()
    say = progress or (lambda _line: None)
    summary = pipeline.IngestSummary()
    started = time.monotonic()
    where = scheduler if parse_scheduler(scheduler)[0] else "a local cluster"
    say(f"cluster: {_threads(client)} worker thread(s) on {where}")
    names = _user_gazetteer() if extract else ("", "")
    if extract:
        pipeline._finish_interrupted(store, summary, say)
    stored_raw = {str(row[0]) for row in store.db.execute("SELECT raw_sha256 FROM reports")}
    window: deque[tuple[str, Skipped | tuple[_Batch, int]]] = deque()
    batch = _Batch(overrides, names)
    submitted = 0
    limit = MIN_WINDOW
    try:
        for source, item in _items(sources, options):
            if isinstance(item, Skipped):
                window.append((source, item))
            else:
                fresh = hashlib.sha256(item.raw).hexdigest() not in stored_raw
                window.append((item.source, batch.add(item, extract and fresh)))
                if len(batch.docs) >= BATCH:
                    batch.submit(client)
                    batch = _Batch(overrides, names)
                    submitted += 1
                    if submitted % 8 == 1:
                        limit = max(MIN_WINDOW, BATCHES_PER_THREAD * BATCH * _threads(client))
            while len(window) > limit:
                _take(store, client, scheduler, *window.popleft(), summary, say, extract=extract)
        while window:  # the last batch, not full, is sent when its first document is wanted
            _take(store, client, scheduler, *window.popleft(), summary, say, extract=extract)
    except ClusterError:
        for _source, pending in window:
            if not isinstance(pending, Skipped):
                pending[0].cancel()
        if extract:
            pipeline.merge_late(store, summary, say)
            pipeline._flush_or_warn(store, summary, say)
        raise
    if extract:
        pipeline.merge_late(store, summary, say)
        pipeline._flush_or_warn(store, summary, say)
    summary.seconds = time.monotonic() - started
    return summary


def _items(sources: Iterable[str], options: SourceOptions) -> Iterator[tuple[str, Document | Skipped]]:
    for source in sources:
        for item in expand(source, options):
            yield source, item


def _threads(client: Any) -> int:
    try:
        return int(sum(client.nthreads().values()))
    except Exception:  # noqa: BLE001 - a count for the window size and a progress line only
        return 0


def _result(client: Any, scheduler: str, source: str, future: Any) -> Any:
    """The worker's answer for one task (at ``source``); one ClusterError line when the cluster
    cannot give it."""
    idle = 0.0
    while True:
        try:
            return future.result(timeout=5)
        except TimeoutError:
            if future.done():
                raise _lost(scheduler, source, TimeoutError("the task timed out")) from None
            idle = idle + 5 if _threads(client) == 0 else 0.0
            if idle >= NO_WORKERS_SECONDS:
                raise ClusterError(f"--scheduler {scheduler}", f"no Dask worker in the cluster for "
                                   f"{NO_WORKERS_SECONDS:.0f}s (at {source})",
                                   "start workers (`dask worker ADDRESS`) and run the same command again; "
                                   "the reports stored so far are kept") from None
        except Exception as err:  # noqa: BLE001 - a lost worker, a closed scheduler, a failing task
            raise _lost(scheduler, source, err) from None


def _lost(scheduler: str, source: str, err: BaseException) -> ClusterError:
    kind = type(err).__name__
    why = " ".join(str(err).split()).split(". ")[0][:160]
    lost = kind in ("KilledWorker", "CancelledError", "CommClosedError", "FutureCancelledError")
    problem = (f"the cluster lost the work on {source} ({kind}: {why})" if lost else
               f"a worker failed on {source} ({kind}: {why})")
    return ClusterError(f"--scheduler {scheduler}", problem,
                        "the reports before it are stored; run the same command again to finish "
                        "(stored reports are not extracted again)")


def _take(store: SQLiteStore, client: Any, scheduler: str, source: str,
          pending: Skipped | tuple[_Batch, int], summary: pipeline.IngestSummary, say: pipeline.Progress,
          *, extract: bool) -> None:
    """Store and merge the next document in input order, as the single-process loop does."""
    if isinstance(pending, Skipped):
        pipeline._skip(store, summary, pending, say)
        return
    batch, index = pending
    done = batch.answer(client, scheduler, source, index)
    if isinstance(done, Skipped):
        pipeline._skip(store, summary, done, say)
        return
    report = done.report
    if done.extracted is not None and done.extractors != extractors_for(report.language):
        raise ClusterError(f"--scheduler {scheduler}", f"the workers run other extractors "
                           f"({', '.join(done.extractors) or 'none'}, communique {done.version}) than this "
                           f"client ({', '.join(extractors_for(report.language)) or 'none'}, "
                           f"communique {__version__})", "install the same communique version on the workers")
    if done.warning:
        summary.warnings.append(f"{report.source}: {done.warning}")
        say(f"warning: {report.source}: {done.warning}")
    same = pipeline.same_article(store, report, done.fingerprint)
    if same is not None and same[0] != report.id:
        pipeline.already(summary, say, same[0], report.source, f"the same article ({same[1]})")
        return
    if store.has_report(report.id):
        pipeline.already(summary, say, report.id, report.source)
        if extract and not pipeline._finished(store, report.id, report.language):
            _warn(summary, say, _extract_and_merge(store, report, done.extracted))
        return
    inserted, group = _add_extract_merge(store, report, summary, say, done, extract=extract)
    if not inserted:  # another process stored the same content a moment ago
        pipeline.already(summary, say, report.id, report.source)
        return
    pipeline.added(summary, say, report, group)


def _warn(summary: pipeline.IngestSummary, say: pipeline.Progress, problem: str | None) -> None:
    if problem:
        summary.warnings.append(problem)
        say(f"warning: {problem}")


def _add_extract_merge(store: SQLiteStore, report: Report, summary: pipeline.IngestSummary,
                       say: pipeline.Progress, done: Prepared, *, extract: bool) -> tuple[bool, str | None]:
    """The single-process step (store, save the extraction, merge: one transaction) with the
    extraction the worker made; extracted here when the worker did not (it looked stored)."""
    if extract and done.extracted is None:
        return pipeline._add_extract_merge(store, report, summary, say, extract=True,
                                           fingerprint=done.fingerprint)
    names = extractors_for(report.language) if extract else ()
    extraction, problem = done.extracted if names and done.extracted else (None, None)
    with store.transaction():
        inserted, group = pipeline._store_report(store, report, done.fingerprint)
        if inserted and names and extraction is not None:
            store.save_extraction(extraction, names)
            if pipeline.merges_at_end(store, summary, report):
                summary.late.append(report.id)
            else:
                problem = pipeline.merge_report(store, report.id) or problem
    if inserted:
        _warn(summary, say, problem)
        if names:
            pipeline._flush_or_warn(store, summary, say, due=True)
    return inserted, group


def _extract_and_merge(store: SQLiteStore, report: Report,
                       extracted: tuple[Extraction | None, str | None] | None) -> str | None:
    """Finish a stored report an earlier run left unextracted or unmerged."""
    names = extractors_for(report.language)
    if not names:
        return None
    if extracted is None:
        return pipeline._extract_and_merge(store, report)
    extraction, problem = extracted
    if extraction is not None:
        with store.transaction():
            store.save_extraction(extraction, names)
            problem = pipeline.merge_report(store, report.id) or problem
    return problem
