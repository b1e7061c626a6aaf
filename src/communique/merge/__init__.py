"""Merge: one record per story across reports and languages.

Pure stages (records in, records out) live in the modules of this package; this module
is the API:

- :func:`merge` merges reports and their extractions in memory and returns a
  :class:`MergedRecord` (no store involved);
- :func:`merge_report` merges one stored report into the stored record, incrementally;
- :func:`merge_pending` merges every stored report not merged yet;
- :func:`merge_all` rebuilds the stored record from every stored report;
- :func:`story_rows`, :func:`conflicts` and the others below read the stored record (the
  module :mod:`.stories` holds the rules that group reports into stories).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ..errors import StoreError
from ..extract.gazetteer import Gazetteer
from ..model import Extraction, Report
from .records import Disagreement, MergedRecord, Statement, Story

if TYPE_CHECKING:  # the merger and the sentence encoder load when something is merged
    from ..store.merged import StoreState
    from ..store.sqlite import SQLiteStore
    from .engine import Merger
    from .similarity import CachedEncoder

__all__ = [
    "Disagreement",
    "MergeSummary",
    "MergedRecord",
    "Merger",
    "Statement",
    "Story",
    "conflicts",
    "flush",
    "flush_if_due",
    "has_story",
    "merge",
    "merge_all",
    "merge_pending",
    "merge_report",
    "merged_actors",
    "merged_events",
    "report_stories",
    "story_conflicts",
    "story_rows",
]


def __getattr__(name: str) -> Any:  # PEP 562: ``merge.Merger`` loads the merger on first use
    if name == "Merger":
        from .engine import Merger

        return Merger
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _order(report: Report) -> tuple[str, str]:
    return (report.published_at or "~", report.id)  # undated last (store/journal.py: UNDATED)


def merge(
    reports: Iterable[Report],
    extractions: Iterable[Extraction],
    *,
    encoder: CachedEncoder | None = None,
    gazetteer: Gazetteer | None = None,
) -> MergedRecord:
    """Merge reports in publication order, in memory."""
    from .engine import Merger
    from .memory import MemoryState

    reports = list(reports)
    extractions = list(extractions)
    by_report = {x.report_id: x for x in extractions}
    state = MemoryState(reports, extractions)
    merger = Merger(state, encoder, gazetteer)
    for report in sorted(reports, key=_order):
        merger.add(report, by_report.get(report.id) or Extraction(report_id=report.id))
    merger.flush()
    return state.record()


@dataclass(slots=True)
class MergeSummary:
    merged: int = 0
    statements: int = 0
    events: int = 0
    encoded: int = 0  # wordings run through the sentence encoder (the rest came from the cache)
    seconds: float = 0.0

    def line(self) -> str:
        return (
            f"merged {self.merged} report(s): {self.statements} statement(s) and {self.events} event(s) "
            f"touched, {self.encoded} wording(s) encoded, in {self.seconds:.1f}s"
        )


def _merged() -> ModuleType:
    """``communique.store.merged``, imported on use (it imports this package's records)."""
    from ..store import merged

    return merged


class _Recent(dict):  # type: ignore[type-arg]
    """The vectors this process met last (at most ``size``): merging one report after another
    meets the same wordings of a story again without reading them from the store."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def __setitem__(self, key: Any, value: Any) -> None:
        super().__setitem__(key, value)
        while len(self) > self.size:
            del self[next(iter(self))]

    def update(self, *args: Any, **kwargs: Any) -> None:
        for key, value in dict(*args, **kwargs).items():
            self[key] = value


_RECENT: dict[str, _Recent] = {}  # encoder name -> recent vectors


def _store_merger(store: SQLiteStore, encoder: CachedEncoder | None) -> tuple[StoreState, Merger]:
    from .engine import Merger
    from .similarity import CachedEncoder, default_encoder

    state = _merged().StoreState(store)
    inner = (encoder or default_encoder()).inner
    cached = CachedEncoder(
        inner,
        load=lambda keys: state.load_vectors(inner.name, keys),
        save=lambda vectors: state.save_vectors(inner.name, vectors),
    )
    if encoder is not None:
        cached.memory = encoder.memory  # share what this process already encoded
    else:
        cached.memory = _RECENT.setdefault(inner.name, _Recent(20_000))
    return state, Merger(state, cached)


def merge_report(store: SQLiteStore, report_id: str, *, encoder: CachedEncoder | None = None) -> MergeSummary:
    """Merge one stored (and extracted) report into the stored record, in one transaction.

    Only the merged items the report's own items join are read and rewritten.  A report
    published before reports already merged is merged where it belongs: the record is taken
    back to before the first of them (the merge journal, :mod:`communique.store.journal`), then
    it and they are merged in publication order and the items they touched recomputed, so the
    record does not depend on arrival order.  Merging a report again (after re-extraction)
    takes its old items out and merges it where it stands (``stories --rebuild`` merges every
    report again in order).
    """
    from ..store import journal

    started = time.monotonic()
    summary = MergeSummary()
    report = store.report(report_id)
    if report is None:
        raise StoreError(report_id, "no such report", "list stored reports with `communique reports`")
    with store.transaction():
        state, merger = _store_merger(store, encoder)
        undone = None if state.is_merged(report_id) else _take_back(store, state, report)
        order = [report_id] if undone is None else journal.ordered(store.db, [report_id, *undone])
        for rid in order:
            counts = _merge_one(store, state, merger, report if rid == report_id else None, rid)
            if rid == report_id:
                summary.statements, summary.events = counts["statements"], counts["events"]
        if undone is not None:  # the record taken back and brought forward: up to date at once
            merger.flush(state.take_dirty())
    if not store.db.in_transaction:  # called alone: the periodic recomputing in a transaction of its own
        flush_if_due(store)
    summary.merged = 1
    summary.encoded = merger.encoder.encoded
    summary.seconds = time.monotonic() - started
    return summary


def _take_back(store: SQLiteStore, state: StoreState, report: Report) -> list[str] | None:
    """When reports published after ``report`` are merged already: the record taken back to before
    the first of them (the merge journal), the items it touched marked for recomputing; returns
    the reports whose merges were undone (None when there was nothing to take back)."""
    from ..store import journal

    back, _beyond = journal.rewind_point(store.db, report.id, report.published_at)
    if back is None:
        return None
    undone, touched = journal.rewind(store.db, back)
    state.mark_dirty(touched, report.id)
    return undone


def _merge_one(
    store: SQLiteStore, state: StoreState, merger: Merger, report: Report | None, report_id: str
) -> dict[str, int]:
    """Merge one report (``report``, read when None; inside the caller's transaction), noting
    where its merge begins in the journal; the items a report merged again touched are recomputed
    at once, the others when enough reports touched items (:func:`flush_if_due`, after the
    report's transaction)."""
    from ..store import journal

    report = report or store.report(report_id)
    assert report is not None
    extraction = _merged().extraction_of(store, report_id)
    journal.begin(store.db, report_id, report.published_at)
    touched: dict[str, set[str]] = {}
    if state.is_merged(report_id):
        touched = state.remove_report(report_id)
        for mid in sorted(touched.get("event", ())):
            merger.refresh_event(mid)  # its consensus without the report's old members
    counts = merger.add(report, extraction, story=state.story_of(report_id) is None)
    for kind, ids in touched.items():
        merger.touched.setdefault(kind, set()).update(ids)
    state.mark_dirty(merger.touched, report_id)
    merger.touched = {}
    state.mark_merged(report_id)
    if touched:  # a report merged again: at once
        merger.flush(state.take_dirty())
    return counts


FLUSH_REPORTS = 200  # merged items touched by this many reports are recomputed together (once each)


def flush_if_due(store: SQLiteStore) -> int:
    """Recompute the merged items touched since the last flush once ``FLUSH_REPORTS`` reports have
    touched items (returns how many; 0 when not due).  Called after a report's transaction, not
    inside the savepoint of its merge: every page the recomputing rewrites would be copied to the
    savepoint's journal first (SQLite keeps that journal in memory, ``temp_store=MEMORY``)."""
    if _merged().StoreState(store).dirty_reports() < FLUSH_REPORTS:
        return 0
    return flush(store)


def flush(store: SQLiteStore) -> int:
    """Recompute the merged items that reports merged since the last flush touched; returns how
    many.  Every function here that reads the record flushes first; ``merge_pending`` ends with it."""
    from ..store import journal

    if not _merged().StoreState(store).dirty_reports():
        return 0  # nothing to do: no write transaction for readers
    with store.transaction():
        state = _merged().StoreState(store)
        if not state.dirty_reports():
            return 0
        _state, merger = _store_merger(store, None)
        done = merger.flush(state.take_dirty())
        journal.prune(store.db)
        return done


def merges_late(store: SQLiteStore, report: Report) -> bool:
    """Whether merging this (unmerged) report would take the record back: reports published after
    it are merged already.  An ingest merges such reports together at its end (``merge_pending``
    with ``reports``), so that the record is taken back once, not once per report."""
    from ..store import journal

    return journal.rewind_point(store.db, report.id, report.published_at)[0] is not None


def merge_pending(
    store: SQLiteStore,
    *,
    encoder: CachedEncoder | None = None,
    progress: Callable[[str], None] | None = None,
    reports: Iterable[str] | None = None,
) -> MergeSummary:
    """Merge every stored report not merged yet (or those of ``reports`` not merged yet), in
    merge order; up to ``MERGE_BATCH`` of them per transaction, each in a savepoint of its own (a
    merge that fails is undone alone, and those before it are kept).  When some are older than
    reports merged already, the record is taken back once, to the oldest of them, and those
    reports are merged again after."""
    with store.journals_in_memory():
        return _merge_pending(store, encoder=encoder, progress=progress, reports=reports)


def _merge_pending(
    store: SQLiteStore,
    *,
    encoder: CachedEncoder | None,
    progress: Callable[[str], None] | None,
    reports: Iterable[str] | None,
) -> MergeSummary:
    from ..store import journal

    started = time.monotonic()
    total = MergeSummary()
    unmerged = _merged().unmerged_reports(store)
    wanted = None if reports is None else set(reports)
    pending = unmerged if wanted is None else [r for r in unmerged if r in wanted]
    first = store.report(pending[0]) if pending else None
    if first is not None:  # older than reports merged already: the record taken back once, for all
        with store.transaction():
            undone = _take_back(store, _merged().StoreState(store), first)
        if undone:
            pending = journal.ordered(store.db, [*pending, *undone])
    shared = encoder
    if pending and shared is None:  # the encoder loads only when there is something to merge
        from .similarity import CachedEncoder, default_encoder

        shared = CachedEncoder(default_encoder().inner)
    done = 0
    while done < len(pending):
        # several reports merged per commit (each in a savepoint of its own): a commit writes
        # every page the merges dirtied, and those of one report after another are mostly the
        # same pages; a merge that fails is undone alone, and those before it are committed
        failed: Exception | None = None
        began = time.monotonic()
        with store.transaction():
            for report_id in pending[done : done + MERGE_BATCH]:
                try:
                    one = merge_report(store, report_id, encoder=shared)
                except Exception as err:  # noqa: BLE001 - raised again once the others are committed
                    failed = err
                    break
                done += 1
                total.merged += 1
                total.statements += one.statements
                total.events += one.events
                total.encoded += one.encoded
                if progress:
                    progress(f"[{total.merged}] merged {report_id}")
                if time.monotonic() - began > MERGE_BATCH_SECONDS:
                    break  # the write lock is not held long: other writers wait for it
                if _merged().StoreState(store).dirty_reports() >= FLUSH_REPORTS:
                    break  # recomputed after this report, as in an ingest: the record is the same
        if failed is not None:
            raise failed
        flush_if_due(store)
    flush(store)
    total.seconds = time.monotonic() - started
    return total


MERGE_BATCH = 25  # reports merge_pending merges per transaction (each one a savepoint)
MERGE_BATCH_SECONDS = 1.0  # and no longer than this holds the write lock


def merge_all(
    store: SQLiteStore, *, encoder: CachedEncoder | None = None, progress: Callable[[str], None] | None = None
) -> MergeSummary:
    """Rebuild the merged record from every stored report (the embeddings cache is kept)."""
    with store.transaction():
        _merged().clear(store)
    return merge_pending(store, encoder=encoder, progress=progress)


def story_rows(store: SQLiteStore) -> list[dict[str, Any]]:
    flush(store)
    return _merged().story_rows(store)


def has_story(store: SQLiteStore, story_id: str) -> bool:
    """Whether the merged record has this story (one look-up: not the listing's counts)."""
    flush(store)
    return store.db.execute("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone() is not None


def merged_actors(store: SQLiteStore) -> list[dict[str, Any]]:
    """Merged actors (id, name_en, name_ja, kind, aliases, roles, member_ids); empty before merging."""
    flush(store)
    rows = store.db.execute("SELECT * FROM merged_actors ORDER BY id").fetchall()
    return [{key: (json.loads(row[key]) if key in ("aliases", "roles", "member_ids") else row[key])
             for key in row.keys() if key != "mentions"} for row in rows]  # noqa: SIM118 - a Row iterates values


def speakers_by_office(store: SQLiteStore, story_id: str | None = None) -> dict[str, str]:
    """quote id -> person, for the quotes of unnamed speakers described by an office that the
    merge found to be the one holder of it in the record (「オマーンの外相」: Badr al-Busaidi).
    With ``story_id``, for the quotes read in the story's reports (or in reports of no story)
    only: a briefing of one story does not read every quote of the store."""
    from ..store.sqlite import STORY_SCOPE

    flush(store)
    scope, params = ("", ()) if story_id is None else (f" AND q.report_id IN ({STORY_SCOPE})", (story_id,))
    rows = store.db.execute(
        "SELECT m.quote_id, m.speaker_id FROM quotes q JOIN statement_members m ON m.quote_id = q.id "
        f"WHERE q.speaker_id LIKE 'anon:%' AND m.speaker_id NOT LIKE 'anon:%'{scope}", params)
    return {row[0]: row[1] for row in rows}


def report_stories(store: SQLiteStore, story_id: str | None = None) -> dict[str, str]:
    """report id -> story id, for every merged report (with ``story_id``, for that story's)."""
    flush(store)
    where, params = (" WHERE story_id = ?", (story_id,)) if story_id is not None else ("", ())
    rows = store.db.execute(f"SELECT report_id, story_id FROM report_stories{where}", params)
    return {row[0]: row[1] for row in rows}


def merged_events(store: SQLiteStore, story_id: str | None = None) -> list[dict[str, Any]]:
    """Merged events (id, kind, date, date_precision, place, participant_ids, summary, member_ids,
    sources), oldest first; empty before anything was merged.  With ``story_id``, those read in
    the story's reports (or in reports of no story)."""
    flush(store)
    return _merged().merged_events(store, story_id)


def iter_merged_events(store: SQLiteStore, story_id: str | None = None) -> Iterator[dict[str, Any]]:
    """:func:`merged_events` one at a time (an export streams them)."""
    flush(store)
    yield from _merged().iter_merged_events(store, story_id)


def conflicts(store: SQLiteStore) -> list[dict[str, Any]]:
    flush(store)
    return _merged().conflicts(store)


def story_conflicts(store: SQLiteStore, story_id: str) -> Iterator[dict[str, Any]]:
    """The conflicts about items read in a story's reports (or in reports of no story), in the
    order of the conflicts table: those a briefing of the story can see."""
    flush(store)
    return _merged().story_conflicts(store, story_id)
