"""The public API.  The only place that reads or writes the store; the CLI wraps it.

    from communique import pipeline
    with pipeline.open_store("news.db") as store:
        summary = pipeline.ingest(store, ["reports/", "https://example.org/feed.xml"])
        for record in pipeline.export_records(store):
            ...
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from . import budget, lazy
from . import ingest as reading  # its cleaner, feed reader and fetcher load when a report is read
from . import merge as merging
from .errors import InputError, UsageError
from .extract import extract as run_extractors
from .extract import extractors_for
from .extract.gazetteer import load as load_gazetteer
from .ingest.meta import canonical_url, same_site, site_host
from .merge.summaries import commonest_summary
from .model import EXPORT_TYPES, PLOVER, Extraction, Report, Skipped
from .store import SQLiteStore, default_path, open_store

if TYPE_CHECKING:  # the briefing writer is imported when a briefing is written (start-up time)
    from . import brief as briefing
    from .brief.llm import LLMConfig
    from .extract import event_plover
    from .ingest import SourceOptions, wire
else:  # and the wire-copy finder (numpy) when a report is ingested, the PLOVER reader when exported
    wire = lazy.module("communique.ingest.wire")
    event_plover = lazy.module("communique.extract.event_plover")

__all__ = [
    "IngestSummary",
    "default_path",
    "export_records",
    "extract",
    "extract_report",
    "merge",
    "merge_report",
    "story_rows",
    "brief",
    "ingest",
    "open_store",
    "report_rows",
    "same_article",
    "EXPORT_TYPES",
    "export_fields",
]

Progress = Callable[[str], None]


@dataclass(slots=True)
class IngestSummary:
    added: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    # merged at the end of the run, in order: reports published before reports already merged,
    # and every report the run brought after the first of them
    late: list[str] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return len(self.added) + len(self.already) + len(self.skipped)

    def line(self) -> str:
        rate = len(self.added) / self.seconds if self.seconds > 0 else 0.0
        return (
            f"ingested {len(self.added)} new report(s), {len(self.already)} already stored, "
            f"{len(self.skipped)} skipped, in {self.seconds:.1f}s ({rate:.1f} new/s)"
        )


def ingest(
    store: SQLiteStore,
    sources: Iterable[str],
    options: SourceOptions | None = None,
    progress: Progress | None = None,
    *,
    extract: bool = True,
    overrides: dict[str, Any] | None = None,
) -> IngestSummary:
    """Ingest every document named by ``sources``; one committed transaction per report.

    With ``extract`` (the default), each new report is also run through the extractors of
    its language, in a second transaction of its own.  ``overrides`` sets report fields for
    the whole batch (``published_at`` with ``published_precision``, ``outlet``, ``language``).
    """
    with store.journals_in_memory():
        return _ingest(store, sources, options, progress, extract=extract, overrides=overrides)


def _ingest(
    store: SQLiteStore,
    sources: Iterable[str],
    options: SourceOptions | None,
    progress: Progress | None,
    *,
    extract: bool,
    overrides: dict[str, Any] | None,
) -> IngestSummary:
    options = options or reading.SourceOptions()
    say = progress or (lambda _line: None)
    summary = IngestSummary()
    started = time.monotonic()
    if extract:
        _finish_interrupted(store, summary, say)
    for source in sources:
        for item in reading.expand(source, options):
            if isinstance(item, Skipped):
                _skip(store, summary, item, say)
                continue
            try:
                report, warning = reading.build_report(item)
            except InputError as err:
                _skip(store, summary, Skipped(source=item.source, reason=err.problem, hint=err.hint), say)
                continue
            except (ValueError, LookupError, RecursionError, MemoryError, TypeError) as err:
                _skip(store, summary, Skipped(  # one bad input never stops a run
                    source=item.source, reason=f"could not be read ({type(err).__name__}: "
                    f"{str(err)[:120]})", hint="the other inputs were read; please report this input"), say)
                continue
            if overrides:
                report = replace(report, **overrides)
            if warning:
                summary.warnings.append(f"{item.source}: {warning}")
                say(f"warning: {item.source}: {warning}")
            fingerprint = _fingerprint(report)
            same = same_article(store, report, fingerprint)
            if same is not None and same[0] != report.id:
                already(summary, say, same[0], item.source, f"the same article ({same[1]})")
                continue
            if store.has_report(report.id):
                already(summary, say, report.id, item.source)
                if extract and not _finished(store, report.id, report.language):
                    _extract_or_warn(store, report, summary, say)  # an earlier run was cut short
                continue
            inserted, group = _add_extract_merge(store, report, summary, say, extract=extract,
                                                 fingerprint=fingerprint)
            if not inserted:  # another process stored the same content a moment ago
                already(summary, say, report.id, item.source)
                continue
            added(summary, say, report, group)
    if extract:
        merge_late(store, summary, say)
        _flush_or_warn(store, summary, say)
    summary.seconds = time.monotonic() - started
    return summary


def merge_late(store: SQLiteStore, summary: IngestSummary, say: Progress) -> None:
    """Merge the run's reports published before reports already merged (and those the run brought
    after the first of them), together and in order: the record is taken back once, to the
    oldest of them, not once per report; each merged report is told on the progress line."""
    if not summary.late:
        return
    say(f"merging {len(summary.late)} report(s) in publication order (some were published before "
        "reports already merged)")
    try:
        merging.merge_pending(store, reports=summary.late, progress=say)
    except Exception as err:  # noqa: BLE001 - the reports and their extractions stay stored
        problem = (f"merging the reports published earlier failed ({type(err).__name__}: {err}); "
                   "run `communique stories` to retry")
        summary.warnings.append(problem)
        say(f"warning: {problem}")


def merges_at_end(store: SQLiteStore, summary: IngestSummary, report: Report) -> bool:
    """Whether a run's new report waits for the end of the run to be merged (:func:`merge_late`):
    it was published before reports already merged, or an earlier report of the run waits."""
    return bool(summary.late) or merging.merges_late(store, report)


def _flush_or_warn(store: SQLiteStore, summary: IngestSummary, say: Progress, *, due: bool = False) -> None:
    """Bring the merged items the new reports touched up to date, so that what is read straight
    from the store after an ingest (``export --type conflict``) is the whole record.  With ``due``,
    only when enough reports have touched items since the last time (after a report's
    transaction: the record stays up to date in steps, and each step is its own transaction)."""
    problem = _flush_problem(store, due=due)
    if problem:
        summary.warnings.append(problem)
        say(f"warning: {problem}")


def _flush_problem(store: SQLiteStore, *, due: bool) -> str | None:
    """The merged record brought up to date (:func:`_flush_or_warn`); a one-line problem, or None."""
    try:
        if due:
            merging.flush_if_due(store)
        else:
            merging.flush(store)
    except Exception as err:  # noqa: BLE001 - the reports and their merges stay stored
        return (f"updating the merged record failed ({type(err).__name__}: {err}); "
                "run `communique stories` to retry")
    return None


@dataclass(slots=True, frozen=True)
class _Fingerprint:
    """What wire-copy detection keeps of a report: its shingles hashed (sorted) and its LSH bands."""

    hashes: Any
    bands: list[tuple[int, int]]


def _fingerprint(report: Report) -> _Fingerprint:
    own = wire.shingles(report.text, report.language)
    return _Fingerprint(hashes=wire.hashes(own), bands=wire.band_hashes(wire.signature(own)))


# Stored reports sharing LSH bands with a new one that are looked at (those sharing the most bands
# first): a bound on the work per report when a story has thousands of near-copies.
WIRE_CANDIDATES = 400

# Two texts the same article (word-shingle Jaccard similarity >= 0.9, ``wire.same_text``) share
# each LSH band with probability 0.9 ** ROWS (0.66): 21 of the 32 bands on average, and fewer than
# 8 with probability under one in a million.  A candidate sharing fewer is not read (its shingles
# are a stored blob each): at 10,000 stored reports of many stories of one kind, hundreds of
# candidates came back per report, nearly all sharing a few bands of boilerplate.
SAME_TEXT_BANDS = 8


@lru_cache(maxsize=32_768)
def _site_of(url: str | None) -> str | None:
    """The site of a stored report's address (the same candidates come back report after report:
    a story of thousands of near-copies brings back ten thousand addresses, which fit)."""
    return site_host(url)


def _stored_hashes(store: SQLiteStore, report_id: str) -> Any:
    """A stored report's hashed shingles (shingled from its text if it was stored without them)."""
    blob = store.report_shingles(report_id)
    if blob is not None:
        return wire.from_blob(blob)
    found = store.report_text(report_id)
    return wire.hashes(wire.shingles(*found)) if found else None


def same_article(store: SQLiteStore, report: Report, fingerprint: _Fingerprint | None = None
                 ) -> tuple[str, str] | None:
    """A stored report that is this article read from elsewhere (a file, a URL, a feed item), and
    how it was recognised: the same canonical address, else the same text from the same outlet
    (near-identical word shingles; a wire copy on another outlet stays a report of its own)."""
    key = canonical_url(report.url)
    if key:
        rest = key.split("://", 1)[1]
        host, _, tail = rest.partition("/")
        paths = {"/" + tail, "/" + tail.rstrip("/") + "/"} if tail else {"/", ""}
        variants = [f"{scheme}://{www}{host}{path}" for scheme in ("http", "https") for www in ("", "www.")
                    for path in paths]
        marks = ",".join("?" * len(variants))
        rows = store.db.execute(f"SELECT id, url FROM reports WHERE url IN ({marks}) ORDER BY id", variants)
        for row in rows:
            if canonical_url(row[1]) == key:
                return str(row[0]), "same address"
    fingerprint = fingerprint or _fingerprint(report)
    if len(fingerprint.hashes) < wire.MIN_SHINGLES:
        return None
    candidates = store.wire_candidate_reports(fingerprint.bands, WIRE_CANDIDATES)
    own_site, own_outlet = site_host(report.url), report.outlet
    own_unknown = not own_site and not own_outlet
    for cid, _group, url, outlet, shared in sorted(candidates):
        # hundreds of candidates per report in a story of many copies: the cheap tests first
        if shared < SAME_TEXT_BANDS:
            continue  # too few bands shared for near-identical texts (see SAME_TEXT_BANDS)
        if not (own_unknown or (own_outlet and outlet == own_outlet)):
            site = _site_of(url)
            if not ((not site and not outlet) or same_site(own_site, site)):
                continue  # a wire copy on another outlet stays a report of its own: no need to compare
        other = _stored_hashes(store, cid)
        if other is not None and wire.same_text(fingerprint.hashes, other):
            return cid, "same text"
    return None


def _add_extract_merge(store: SQLiteStore, report: Report, summary: IngestSummary, say: Progress, *,
                       extract: bool, fingerprint: _Fingerprint | None = None) -> tuple[bool, str | None]:
    """Store a new report with its extraction and its merge in one transaction: a crash (even
    ``kill -9``) leaves the report either absent or stored, extracted and merged (or, when it waits
    for the end of the run, :func:`merges_at_end`, stored and extracted: the next run or
    ``communique stories`` merges it).  Extraction runs before the transaction, so the write lock
    is held only while writing and merging."""
    names = extractors_for(report.language) if extract else []
    extraction, problem = _run_extractors(report) if names else (None, None)
    with store.transaction():
        inserted, group = _store_report(store, report, fingerprint)
        if inserted and names and extraction is not None:
            store.save_extraction(extraction, names)
            # published before reports already merged: merged with the others at the end of the
            # run, in order; so is every report after the first such one (merged now, it would
            # only be taken back and merged again at the end)
            if merges_at_end(store, summary, report):
                summary.late.append(report.id)
            else:
                problem = merge_report(store, report.id) or problem  # a savepoint: undone if it fails
    if inserted and problem:
        summary.warnings.append(problem)
        say(f"warning: {problem}")
    if inserted and names:
        _flush_or_warn(store, summary, say, due=True)
    return inserted, group


def _finished(store: SQLiteStore, report_id: str, language: str) -> bool:
    names = extractors_for(language)
    return not names or (store.extractors_run(report_id) == set(names) and store.is_merged(report_id))


def _finish_interrupted(store: SQLiteStore, summary: IngestSummary, say: Progress) -> None:
    """Extract and merge what an interrupted run (or an older version) stored and left undone,
    oldest first, before anything new: a re-run gives the same record as a run never cut."""
    for report_id, language in store.unmerged_reports():
        if not extractors_for(language) or not store.extractors_run(report_id):
            continue  # stored with --no-extract (or nothing extracts it): `communique extract` does it
        stored = store.report(report_id)
        if stored is not None:
            say(f"finishing {report_id}, left unmerged by an interrupted run")
            _extract_or_warn(store, stored, summary, say)


def add_report(store: SQLiteStore, report: Report) -> str | None:
    """Store one cleaned report, grouping it with its wire copies.  Returns its wire group."""
    return _store_report(store, report)[1]


def _store_report(store: SQLiteStore, report: Report, fingerprint: _Fingerprint | None = None
                  ) -> tuple[bool, str | None]:
    """(stored now, wire group): False when the same content id is already stored.

    The report joins every wire group (and every ungrouped report) among its candidates that
    holds a copy of it; one copy found in a group settles that group, so its other members are
    not compared (the groups joined are the same as when every candidate is compared)."""
    fingerprint = fingerprint or _fingerprint(report)
    copies: list[str] = []
    joined: set[str] = set()
    candidates = store.wire_candidate_reports(fingerprint.bands, WIRE_CANDIDATES)
    for cid, group, _url, _outlet, _shared in candidates:
        if group is not None and group in joined:
            continue
        other = _stored_hashes(store, cid)
        if other is not None and wire.is_copy(fingerprint.hashes, other):
            copies.append(cid)
            if group is not None:
                joined.add(group)
    with store.transaction():
        inserted = store.add_report(report, fingerprint.bands, hashlib.sha256(report.raw).hexdigest(),
                                    group_with=copies)
        if inserted:
            store.put_report_shingles(report.id, wire.to_blob(fingerprint.hashes))
    if not copies or not inserted:
        return inserted, None
    stored = store.report(report.id)
    return inserted, stored.wire_group if stored else None


def _extract_or_warn(store: SQLiteStore, report: Report, summary: IngestSummary, say: Progress) -> None:
    problem = _extract_and_merge(store, report)
    if problem:
        summary.warnings.append(problem)
        say(f"warning: {problem}")


def _extract_and_merge(store: SQLiteStore, report: Report) -> str | None:
    """Extract a stored report and merge it, the two committed together (the extractors run
    before the transaction); a one-line problem, or None."""
    names = extractors_for(report.language)
    if not names:
        return None
    extraction, problem = _run_extractors(report)
    if extraction is not None:
        with store.transaction():
            store.save_extraction(extraction, names)
            problem = merge_report(store, report.id) or problem  # a savepoint: a failed merge undoes itself
        flushed = _flush_problem(store, due=True)  # after the report's transaction, not inside it
        problem = problem or flushed
    return problem


def extract_report(store: SQLiteStore, report: Report) -> str | None:
    """Run the extractors of the report's language and store what they found.

    Returns a one-line problem, or None.  A failing extractor never loses the report: it
    stays stored without an extraction run, and ``communique extract`` tries it again.
    """
    names = extractors_for(report.language)
    if not names:
        return None
    extraction, problem = _run_extractors(report)
    if extraction is not None:
        store.save_extraction(extraction, names)
    return problem


# The work on one report is bounded.  By construction: the extractors read at most the first
# EXTRACT_CHARS characters of its text (cut at a paragraph end; news reports are a few thousand,
# a long transcript some tens of thousands), so merging its quotes is bounded too; the report
# itself is stored whole.  By the clock: extraction checks EXTRACT_SECONDS between its stages
# (communique.budget); over it, the first EXTRACT_CHARS_SHORT characters are read instead, and
# over that too, nothing -- the report stored with a warning either way, never a hang.
EXTRACT_CHARS = 100_000
EXTRACT_CHARS_SHORT = 10_000
EXTRACT_SECONDS = 20.0


def _leading(report: Report, limit: int) -> Report:
    """The report with its text cut to at most ``limit`` characters, at a paragraph end if it can."""
    if len(report.text) <= limit:
        return report
    cut = report.text.rfind("\n\n", 0, limit + 1)
    if cut < limit // 2:
        cut = report.text.rfind(" ", 0, limit + 1)
    return replace(report, text=report.text[: cut if cut >= limit // 2 else limit])


def _run_extractors(report: Report) -> tuple[Extraction | None, str | None]:
    read = _leading(report, EXTRACT_CHARS)
    try:
        try:
            with budget.deadline(EXTRACT_SECONDS):
                extraction = run_extractors(read)
            return extraction, None if read is report else (
                f"{report.source}: only the first {len(read.text):,} of {len(report.text):,} characters "
                "were read for quotes and events (the per-report bound); the report is stored whole")
        except budget.OverBudget as over:
            first = over
        short = _leading(read, EXTRACT_CHARS_SHORT)
        try:
            with budget.deadline(EXTRACT_SECONDS / 2):
                extraction = run_extractors(short)
            return extraction, (
                f"{report.source}: extraction went {first} (the per-report time budget); only the first "
                f"{len(short.text):,} of {len(report.text):,} characters were read; the report is stored "
                "whole")
        except budget.OverBudget:
            return Extraction(report_id=report.id), (
                f"{report.source}: extraction went {first} (the per-report time budget), and again on "
                "its first characters; the report is stored without quotes or events "
                "(`communique extract --all` tries again)")
    except Exception as err:  # noqa: BLE001 - one bad report must not stop an ingest
        return None, (f"{report.source}: extraction failed ({type(err).__name__}: {err}); the report "
                      "is stored; run `communique extract` after upgrading")


def merge_report(store: SQLiteStore, report_id: str) -> str | None:
    """Merge one stored report into the story record; a one-line problem, or None."""
    if not extractors_for(store.report_language(report_id)):
        return None  # nothing extracted, nothing to merge (the report still joins no story)
    try:
        merging.merge_report(store, report_id)
    except Exception as err:  # noqa: BLE001 - the report and its extraction stay stored
        return (f"{report_id}: merge failed ({type(err).__name__}: {err}); "
                "run `communique stories` to retry")
    return None


def merge(store: SQLiteStore, *, rebuild: bool = False, progress: Progress | None = None
          ) -> merging.MergeSummary:
    """Merge what is not merged yet (everything again with ``rebuild``)."""
    return (merging.merge_all if rebuild else merging.merge_pending)(store, progress=progress)


def story_rows(store: SQLiteStore) -> list[dict[str, Any]]:
    """One row per story: id, name, keywords, reports, sources, first_date, last_date."""
    return merging.story_rows(store)


@dataclass(slots=True)
class ExtractSummary:
    extracted: int = 0
    up_to_date: int = 0
    unsupported: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # extracted, with a note (a long report read in part)
    seconds: float = 0.0

    def line(self) -> str:
        other = ", ".join(f"{n} in '{lang}'" for lang, n in sorted(self.unsupported.items()))
        return (f"extracted {self.extracted} report(s), {self.up_to_date} up to date"
                + (f", skipped {other} (no extractor for that language)" if other else "")
                + (f", {len(self.warnings)} with a warning" if self.warnings else "")
                + (f", {len(self.problems)} failed" if self.problems else "")
                + f", in {self.seconds:.1f}s")


def extract(store: SQLiteStore, *, everything: bool = False, progress: Progress | None = None
            ) -> ExtractSummary:
    """Re-run extraction on stored reports whose extractor versions changed (all with ``everything``)."""
    say = progress or (lambda _line: None)
    summary = ExtractSummary()
    started = time.monotonic()
    for stored in store.reports():
        names = extractors_for(stored.language)
        if not names:
            summary.unsupported[stored.language] = summary.unsupported.get(stored.language, 0) + 1
            continue
        if not everything and store.extractors_run(stored.id) == set(names):
            summary.up_to_date += 1
            continue
        problem = _extract_and_merge(store, stored)
        if problem and store.extractors_run(stored.id) == set(names):  # stored, with a note: not a failure
            summary.extracted += 1
            summary.warnings.append(problem)
            say(f"warning: {problem}")
        elif problem:
            summary.problems.append(problem)
            say(f"warning: {problem}")
        else:
            summary.extracted += 1
            say(f"[{summary.extracted}] extracted {stored.id} {stored.language}: {_short(stored.title)}")
    summary.seconds = time.monotonic() - started
    return summary


def _skip(store: SQLiteStore, summary: IngestSummary, item: Skipped, say: Progress) -> None:
    store.add_skipped(item)
    summary.skipped.append(item)
    say(f"skipped: {item.message()}")


def already(summary: IngestSummary, say: Progress, report_id: str, source: str, why: str = "") -> None:
    """A report found stored already: counted, and told on the progress line."""
    summary.already.append(report_id)
    say(f"[{summary.seen}] = {report_id} already stored{': ' + why if why else ''} ({source})")


def added(summary: IngestSummary, say: Progress, report: Report, group: str | None) -> None:
    """A report newly stored: counted, and told on the progress line (its wire group, if any)."""
    summary.added.append(report.id)
    say(f"[{summary.seen}] + {report.id} {report.language} {report.published_at or '?'} "
        f"{report.outlet or '?'}: {_short(report.title)}" + (f" [wire {group}]" if group else ""))


def _short(title: str | None, width: int = 70) -> str:
    if not title:
        return "(no title)"
    return title if len(title) <= width else title[: width - 1] + "…"


def report_rows(store: SQLiteStore) -> list[dict[str, Any]]:
    """One summary row per stored report, with its wire group and the group's size."""
    from .ingest.titles import untitled_name  # its patterns load for a listing, not for a briefing

    groups = store.wire_groups()
    return [
        {
            "id": r.id,
            "outlet": r.outlet,
            "published_at": r.published_at,
            "published_precision": str(r.published_precision),
            "language": r.language,
            "title": r.title,
            "name": r.title or untitled_name(r.outlet, r.published_at, r.text),
            "wire_group": r.wire_group,
            "wire_copies": len(groups.get(r.wire_group, [])) if r.wire_group else 1,
            "url": r.url,
            "source": r.source,
        }
        for r in store.reports()
    ]


def export_records(
    store: SQLiteStore, types: Iterable[str] = EXPORT_TYPES, *, story_id: str | None = None,
    at_once: bool = False, event_sides: bool = True,
) -> Iterator[dict[str, Any]]:
    """Everything stored, as export records (the JSONL export format), in a stable order.

    With ``story_id``, only what one story's briefing can see: its reports (and any report no
    story holds), and the items read in them, each with all its evidence; actors whole; the
    conflicts about items read in them (a conflict's variants cite its item's members).  The
    records are those the whole export gives, minus the other stories' (a briefing of one story
    costs that story, not the store).  ``at_once`` reads the spans of a whole item type in one
    pass even for the whole store (faster, but held in memory: for a caller that keeps every
    record anyway, not for a streaming export).  Without ``event_sides`` an event lacks its
    PLOVER type and sides (``plover``, ``source_ids``, ``target_ids``): reading them parses a
    clause per event, and the briefing does not use them."""
    wanted = set(types)
    # with a story, its reports and items are read alone (in SQL), not the store's
    story_of = merging.report_stories(store, story_id) if "report" in wanted or story_id else {}
    if "report" in wanted:
        for r in store.reports(story_id=story_id):
            yield {"type": "report", **{name: getattr(r, name) for name in _REPORT_FIELDS},
                   "story_id": story_of.get(r.id)}
    named = wanted & {"actor", "quote", "position", "proposal"}
    merged_actors = merging.merged_actors(store) if named else []
    # one id per actor across reports and languages: items carry the merged actor's id
    same = {member: row["id"] for row in merged_actors for member in row["member_ids"] or ()}
    by_office = merging.speakers_by_office(store, story_id) if "quote" in wanted else {}
    for row in merged_actors if "actor" in wanted else []:  # one actor per person, roles with evidence
        yield {"type": "actor", "id": row["id"], "name": {"en": row["name_en"], "ja": row["name_ja"]},
               "aliases": row["aliases"], "kind": row["kind"], "roles": row["roles"],
               "member_ids": row["member_ids"]}
    if "actor" in wanted and not merged_actors:
        for row in store.rows("actors"):
            yield {"type": "actor", "id": row["id"], "name": {"en": row["name_en"], "ja": row["name_ja"]},
                   "aliases": row["aliases"], "kind": row["kind"], "roles": row["roles"]}
    evidence_of = _Evidence(store, story_id, at_once=at_once or story_id is not None,
                            types=[kind for kind, _table, _fields in _ITEM_TABLES if kind in wanted])
    quote_context = _QuoteContext(store, merged_actors, story_id) if "quote" in wanted else None
    sides = _EventSides(store) if event_sides else None
    worded = _Summaries(store)
    merged_events = False  # after merging: each event once, with the evidence of every report
    if "event" in wanted:
        events: Iterable[dict[str, Any]] = merging.iter_merged_events(store, story_id)
        if at_once:  # the members' summaries in a few queries, not one per event
            events = list(events)
            worded.read(member for row in events for member in row["member_ids"] or ())
        for row in events:
            merged_events = True
            evidence = [ev for member in row["member_ids"] for ev in evidence_of("event", member)]
            yield {"type": "event", "id": row["id"], "kind": row["kind"],
                   **(sides.of(row["kind"], evidence, row["participant_ids"]) if sides else {}),
                   "date": row["date"],
                   "date_precision": row["date_precision"], "place": row["place"],
                   "participant_ids": row["participant_ids"], "summary": row["summary"],
                   "summaries": worded.of(row["member_ids"]), "sources": row["sources"],
                   "member_ids": row["member_ids"],
                   "evidence": sorted(evidence, key=lambda e: (e["report_id"], e["start"]))}
    for kind, table, fields in _ITEM_TABLES:
        if kind not in wanted or (kind == "event" and merged_events):
            continue
        for row in store.rows(table, story_id=story_id):
            record: dict[str, Any] = {"type": kind}
            record.update({name: row[name] for name in fields})
            if kind == "quote":
                record["direct"] = bool(record["direct"])
                record["speaker_id"] = by_office.get(record["id"]) or same.get(record["speaker_id"],
                                                                                record["speaker_id"])
                if quote_context is not None:
                    record.update(quote_context.of(row["report_id"], record))
            if kind == "position":
                record["holder_id"] = same.get(record["holder_id"], record["holder_id"])
            if kind == "proposal":
                record["author_ids"] = [same.get(a, a) for a in record["author_ids"] or ()]
            record["evidence"] = evidence_of(kind, row["id"])
            if kind == "event" and sides is not None:
                record.update(sides.of(record["kind"], record["evidence"], record["participant_ids"]))
            yield record
    if "conflict" in wanted:  # with a story, those about its items (the others cite only other stories)
        for row in store.rows("conflicts") if story_id is None else merging.story_conflicts(store, story_id):
            yield {"type": "conflict", "id": row["id"], "topic": row["topic"],
                   "item_ids": row["item_ids"], "variants": row["variants"]}


class _Summaries:
    """A merged event's summary in each language its members' reports are written in: the words
    most members of that language give (ties: the least), so a Japanese briefing can say what was
    agreed in Japanese words.  Read event by event (an export streams: nothing here grows with
    the store), or for many events at once (:meth:`read`: a briefing keeps its records)."""

    def __init__(self, store: SQLiteStore) -> None:
        self.store = store
        self.known: dict[str, tuple[Any, Any]] = {}  # extracted event id -> (summary, language)
        self.read_ids: set[str] = set()  # the events :meth:`read` asked for (some may not exist)

    def _rows(self, ids: list[str]) -> Iterator[tuple[str, Any, Any]]:
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            yield from self.store.db.execute(
                f"SELECT e.id, e.summary, r.language FROM events e JOIN reports r ON r.id = e.report_id "
                f"WHERE e.id IN ({marks})", chunk,
            )

    def read(self, member_ids: Iterable[str]) -> None:
        """Read the summaries of all these events now, in a few queries, not one per merged event."""
        ids = sorted(set(member_ids))
        self.known = {str(event_id): (summary, language) for event_id, summary, language in self._rows(ids)}
        self.read_ids = set(ids)

    def of(self, member_ids: Iterable[str] | None) -> dict[str, str]:
        ids = sorted(set(member_ids or ()))
        if ids and self.read_ids.issuperset(ids):
            found = [self.known[i] for i in ids if i in self.known]
        else:
            found = [(summary, language) for _id, summary, language in self._rows(ids)]
        counts: dict[str, Counter[str]] = {}
        for summary, language in found:
            if summary:
                counts.setdefault(str(language), Counter())[str(summary)] += 1
        return {lang: commonest_summary(c) for lang, c in sorted(counts.items())}


class _Evidence:
    """An item's evidence spans (by report, then start): ``at_once``, every span of an item type
    (of one story's reports, with ``story_id``) is read in one pass, not one query per item; a
    span outside the story (a merged event one of whose members another story holds) is asked
    for on its own.  With ``story_id``, the spans of all ``types`` are read in one pass."""

    def __init__(self, store: SQLiteStore, story_id: str | None, *, at_once: bool,
                 types: Iterable[str] = ()) -> None:
        self.store = store
        self.story_id = story_id
        self.at_once = at_once
        self.types = tuple(types)
        self.spans: dict[str, dict[str, list[dict[str, Any]]]] = {}

    def _of_type(self, item_type: str) -> dict[str, list[dict[str, Any]]]:
        if item_type not in self.spans:
            if self.story_id is not None and item_type in self.types:  # a story's: every type at once
                rows: Iterable[tuple[str, str, str, int, int]] = self.store.story_evidence_spans(
                    self.types, self.story_id)
                wanted = self.types
            else:
                rows = ((item_type, *span) for span in self.store.evidence_spans(item_type,
                                                                                 story_id=self.story_id))
                wanted = (item_type,)
            by_type: dict[str, dict[str, list[dict[str, Any]]]] = {kind: {} for kind in wanted}
            for kind, item_id, report_id, start, end in rows:
                by_type[kind].setdefault(str(item_id), []).append(
                    {"report_id": report_id, "start": start, "end": end})
            for kind, spans in by_type.items():
                for found in spans.values():
                    found.sort(key=lambda e: (e["report_id"], e["start"]))
                self.spans[kind] = spans
        return self.spans[item_type]

    def __call__(self, item_type: str, item_id: str) -> list[dict[str, Any]]:
        if not self.at_once:
            return self.store.evidence_for(item_type, item_id)
        found = self._of_type(item_type).get(item_id)
        if found is None:
            return self.store.evidence_for(item_type, item_id)
        return [dict(e) for e in found]


class _QuoteContext:
    """A quote's speaker by name (in the quote's language when the record has it) and the report
    it was read in: its id, outlet, date and URL."""

    def __init__(self, store: SQLiteStore, merged_actors: list[dict[str, Any]], story_id: str | None) -> None:
        self.names = {row["id"]: (row["name_en"], row["name_ja"]) for row in store.rows("actors")}
        self.names.update({row["id"]: (row["name_en"], row["name_ja"]) for row in merged_actors})
        self.reports = store.report_sources(story_id=story_id)

    def of(self, report_id: str, quote: dict[str, Any]) -> dict[str, Any]:
        en, ja = self.names.get(quote["speaker_id"], (None, None))
        name = (ja or en) if quote["language"] == "ja" else (en or ja)
        outlet, published_at, url = self.reports.get(report_id, (None, None, None))
        return {"speaker_name": name or quote["speaker_text"], "report_id": report_id, "outlet": outlet,
                "published_at": published_at, "url": url}


_SIDE_TEXTS = 256  # report texts an export keeps at once to read its events' sides


class _EventSides:
    """An exported event's PLOVER type, source and target participants, read from its first cited
    clause (extract/event_plover.py); the type by kind when the clause gives none."""

    def __init__(self, store: SQLiteStore) -> None:
        self.store = store
        self.texts: dict[str, tuple[str, str] | None] = {}  # the last few reports' (text, language)
        self.gazetteer = load_gazetteer()

    def of(self, kind: str, evidence: list[dict[str, Any]], participant_ids: Any) -> dict[str, Any]:
        out: dict[str, Any] = {"plover": PLOVER.get(kind), "source_ids": [], "target_ids": []}
        if not evidence:
            return out
        first = evidence[0]
        rid = str(first["report_id"])
        if rid not in self.texts:
            if len(self.texts) >= _SIDE_TEXTS:  # an export streams: memory stays flat in the store's size
                del self.texts[next(iter(self.texts))]
            self.texts[rid] = self.store.report_text(rid)
        found = self.texts[rid]
        if found is None:
            return out
        text, language = found
        span = (int(first["start"]), int(first["end"]))
        read = event_plover.fields(text, language or "", span, list(participant_ids or ()), self.gazetteer)
        return {**out, **{k: v for k, v in read.items() if v}}


_REPORT_FIELDS = ("id", "url", "outlet", "title", "published_at", "published_precision", "language",
                  "wire_group", "source", "text")


def export_fields(kind: str) -> tuple[str, ...]:
    """The columns of one export type, in order (the CSV header even when there are no rows)."""
    if kind == "report":
        return ("type", *_REPORT_FIELDS, "story_id")
    if kind == "actor":
        return ("type", "id", "name", "aliases", "kind", "roles", "member_ids")
    if kind == "conflict":
        return ("type", "id", "topic", "item_ids", "variants")
    if kind == "event":
        return ("type", "id", "kind", "plover", "source_ids", "target_ids", "date", "date_precision", "place",
                "participant_ids", "summary", "summaries", "sources", "member_ids", "extractor", "evidence")
    fields = next(f for k, _t, f in _ITEM_TABLES if k == kind)
    if kind == "quote":
        fields = (*fields, "speaker_name", "report_id", "outlet", "published_at", "url")
    return ("type", *fields, "evidence")


_ITEM_TABLES = (
    ("quote", "quotes", ("id", "speaker_id", "speaker_text", "text", "language", "direct", "verb",
                         "said_on", "said_on_precision", "hedge", "statement_id", "extractor")),
    ("event", "events", ("id", "kind", "date", "date_precision", "place", "participant_ids",
                         "summary", "extractor")),
    ("proposal", "proposals", ("id", "name", "author_ids", "first_reported", "extractor")),
    ("position", "positions", ("id", "holder_id", "target_id", "issue", "stance", "as_of",
                               "extractor")),
)


def brief(
    store: SQLiteStore,
    *,
    lang: str,
    as_of: str | None = None,
    since: str | None = None,
    story_id: str | None = None,
    llm: LLMConfig | None = None,
) -> briefing.Briefing:
    """A briefing of the stored story as of a day (default: the day of the story's newest report)."""
    from . import brief as briefing

    merge(store)  # anything ingested but not merged yet
    if story_id is not None and not merging.has_story(store, story_id):
        raise UsageError(f"--story {story_id}", "no such story", "list the stories with `communique stories`")
    records = list(export_records(store, story_id=story_id, at_once=True, event_sides=False))
    if as_of is None:  # the story's own newest report, not the newest of the whole store
        as_of = briefing.newest_report_date(r for r in records if story_id is None
                                            or r.get("type") != "report" or r.get("story_id") == story_id)
    if as_of is None:
        raise UsageError(str(store.path), "has no dated reports to brief",
                         "ingest reports first, or give --as-of DATE")
    from .brief import grammar

    kept = store.clause_checks(grammar.CHECKER) if lang == "en" else {}
    grammar.remember(kept)  # what earlier briefings read: no parser loaded for it again
    try:
        if llm is not None:
            from .brief.llm import write

            return write(records, lang=lang, as_of=as_of, since=since, story_id=story_id, config=llm)
        return briefing.brief(records, lang=lang, as_of=as_of, since=since, story_id=story_id)
    finally:
        if lang == "en":
            new = {t: c for t, c in grammar.known().items() if t not in kept}
            _keep_clause_checks(store, grammar.CHECKER, new)


def _keep_clause_checks(store: SQLiteStore, checker: str, answers: dict[str, bool]) -> None:
    """Keep a briefing's new clause answers in the store; a store that cannot take them (busy,
    read-only) keeps nothing, and the briefing stands."""
    try:
        store.put_clause_checks(checker, answers)
    except Exception:  # noqa: BLE001 - a cache: never worth failing a briefing for
        return
