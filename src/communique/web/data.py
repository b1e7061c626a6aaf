"""What the web app shows, read through the library API (no SQL of its own).

A :class:`Snapshot` holds the export records (:func:`communique.pipeline.export_records`: the same
records and ids as ``communique export``) and the stories (:func:`communique.pipeline.story_rows`),
indexed for the views: a story's timeline, who said what, positions, where reports differ, sources,
and one report with what was extracted from it.  :class:`Library` keeps one snapshot per state of the
database file and builds a new one when the file changes (``follow`` or ``ingest`` writing to it),
so ``serve`` shows new material without restarting.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import heapq
import json
import os
import pickle
import re
import threading
import time
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import pipeline
from ..brief import Briefing, newest_report_date
from ..brief import brief as compose_brief
from ..store import SQLiteStore, is_url
from ..store.postgresql import shown

Record = dict[str, Any]
_ENCODE_LOCK = threading.Lock()
ITEM_TYPES = ("quote", "event", "proposal", "position")


def _memo(method: Callable[..., Any]) -> Callable[..., Any]:
    """A view computed once per snapshot and arguments (a snapshot never changes)."""

    @functools.wraps(method)
    def wrapper(self: Snapshot, *args: Any) -> Any:
        key = (method.__name__, *args)
        if key not in self.memo:
            self.memo[key] = method(self, *args)
        return self.memo[key]

    return wrapper


def day(value: Any) -> str:
    return value[:10] if isinstance(value, str) else ""


@dataclass(slots=True)
class Span:
    """A piece of a report's text with what the record extracted there."""

    text: str
    kinds: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()


@dataclass(slots=True)
class Evidence:
    """One evidence span in its paragraph: ``before``, the span itself, ``after``."""

    report: Record
    start: int
    end: int
    before: str
    text: str
    after: str


@dataclass(slots=True)
class Snapshot:
    records: list[Record]
    stories: list[Record]
    reports: dict[str, Record] = field(default_factory=dict)
    actors: dict[str, Record] = field(default_factory=dict)
    items: dict[str, list[Record]] = field(default_factory=dict)  # type -> records
    by_id: dict[str, Record] = field(default_factory=dict)
    by_report: dict[str, list[Record]] = field(default_factory=dict)  # report id -> items citing it
    story_reports: dict[str, set[str]] = field(default_factory=dict)
    member_of: dict[str, str] = field(default_factory=dict)  # actor member id -> merged actor id
    generation: int = 0  # which snapshot of the library this is (caches are keyed by it)
    memo: dict[tuple[Any, ...], Any] = field(default_factory=dict)  # views computed once per snapshot

    @classmethod
    def build(cls, records: list[Record], stories: list[Record]) -> Snapshot:
        snap = cls(records=records, stories=[])
        snap.items = {kind: [] for kind in (*ITEM_TYPES, "conflict", "actor", "report")}
        by_report: dict[str, list[Record]] = defaultdict(list)
        for record in records:
            kind = record["type"]
            snap.items.setdefault(kind, []).append(record)
            snap.by_id[record["id"]] = record
            if kind == "report":
                snap.reports[record["id"]] = record
            elif kind == "actor":
                snap.actors[record["id"]] = record
                for member in record.get("member_ids") or ():
                    snap.member_of[member] = record["id"]
            for rid in {ev["report_id"] for ev in _evidence(record)}:
                by_report[rid].append(record)
        snap.by_report = dict(by_report)
        for report in snap.reports.values():
            if report.get("story_id"):
                snap.story_reports.setdefault(report["story_id"], set()).add(report["id"])
        for row in stories:
            members = snap.story_reports.get(row["id"], set())
            last = max((day(snap.reports[r].get("published_at")) for r in members), default="")
            languages = sorted({snap.reports[r]["language"] for r in members})
            snap.stories.append({**row, "languages": languages, "last_update": last or row.get("last_date")})
        snap.stories.sort(key=lambda s: (s["last_update"] or "", s["id"]), reverse=True)
        return snap

    def warm(self, stories: int = 20) -> None:
        """Compute ahead the views a reader of the newest stories opens (a story of thousands of reports
        takes seconds for its timeline or its statements), and the API's lists in JSON (each item keyed
        by the view's name and arguments), so no request waits for them."""
        lists: list[tuple[Any, ...]] = [("stories",), ("report_rows", None)]
        lists += [("records_of", kind, None) for kind in (*ITEM_TYPES, "conflict", "actor", "report")]
        for story in self.stories[:stories]:
            sid = story["id"]
            self.newest_report_day(sid)
            self.source_summary(sid)
            lists += [("conflicts", sid), ("report_rows", sid)]
            for lang in ("en", "ja"):
                lists += [("timeline", sid, lang, "all"), ("statement_list", sid, lang, None)]
                lists += [("positions", sid, lang)]
            lists += [("records_of", kind, sid) for kind in (*ITEM_TYPES, "conflict", "actor", "report")]
        for name, *args in lists:  # each list and its items in JSON, as the API's pages read them
            found: Any = self.stories if name == "stories" else getattr(self, name)(*args)
            items: list[Any] = found["rows"] if name == "positions" else found
            encode = self.encoded((name, *args), items)
            for i in range(len(items)):
                encode(i)

    # -- looking things up -------------------------------------------------------------------
    @_memo
    def newest_report_day(self, story_id: str | None) -> str | None:
        """The day a story's briefing is as of by default: its own newest report's (as ``brief`` does)."""
        reports = self.story_report_list(story_id)
        return newest_report_date(reports)

    @_memo
    def fingerprint(self) -> str:
        """A digest of every record: the same record, the same digest (keys of the briefings on disk)."""
        digest = hashlib.sha256()
        for record in self.records:
            digest.update(json.dumps(record, ensure_ascii=False, sort_keys=True, default=str).encode())
            digest.update(b"\n")
        return digest.hexdigest()

    def story(self, story_id: str) -> Record | None:
        return next((s for s in self.stories if s["id"] == story_id), None)

    def actor_name(self, actor_id: str | None, lang: str = "en") -> str:
        if not actor_id:
            return "?"
        actor = self.actors.get(self.member_of.get(actor_id, actor_id))
        if actor is None:
            return actor_id.split(":", 1)[1] if actor_id.startswith(("person:", "issue:")) else actor_id
        names = actor.get("name") or {}
        other = "ja" if lang == "en" else "en"
        return str(names.get(lang) or names.get(other) or actor_id)

    def in_story(self, record: Record, story_id: str | None) -> bool:
        if story_id is None:
            return True
        members = self.story_reports.get(story_id, set())
        return any(ev["report_id"] in members for ev in _evidence(record))

    @_memo
    def of_story(self, kind: str, story_id: str | None) -> list[Record]:
        return [r for r in self.items.get(kind, []) if self.in_story(r, story_id)]

    @_memo
    def story_report_list(self, story_id: str | None) -> list[Record]:
        if story_id is None:
            return list(self.reports.values())
        ids = self.story_reports.get(story_id, set())
        return [r for r in self.reports.values() if r["id"] in ids]

    @_memo
    def report_rows(self, story_id: str | None) -> list[Record]:
        """The reports without their text (the API's report list), oldest stored first."""
        return [_report_row(r) for r in self.story_report_list(story_id)]

    @_memo
    def records_of(self, kind: str, story_id: str | None) -> list[Record]:
        """Export records of one type, of one story or all."""
        if kind == "report":
            return self.story_report_list(story_id)
        if kind != "actor" or story_id is None:
            return self.of_story(kind, story_id)
        members = self.story_reports.get(story_id, set())
        return [
            a
            for a in self.items["actor"]
            if any(
                ev.get("report_id") in members
                for role in a.get("roles") or ()
                for ev in role.get("evidence") or ()
            )
        ]

    def has(self, name: str, *args: Any) -> bool:
        """Whether the view ``name(*args)`` is computed already (called with the same arguments)."""
        return (name, *args) in self.memo

    def is_encoded(self, view: tuple[Any, ...], items: list[Any], start: int, stop: int) -> bool:
        """Whether items ``start:stop`` of a kept list are encoded already (a page then costs a join)."""
        cache = self.memo.get(("encoded", *view))
        return cache is not None and len(cache) == len(items) and None not in cache[start:stop]

    def encoded(self, view: tuple[Any, ...], items: list[Any]) -> Callable[[int], bytes]:
        """``encoded(view, items)(i)``: item ``i`` of a list this snapshot keeps, as JSON bytes, encoded on
        first use and kept (a page of the API is then a slice and a join)."""
        key = ("encoded", *view)
        with _ENCODE_LOCK:
            cache = self.memo.get(key)
            if cache is None or len(cache) != len(items):
                cache = self.memo[key] = [None] * len(items)

        def item(i: int) -> bytes:
            out = cache[i]
            if out is None:
                out = cache[i] = json.dumps(
                    items[i], ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=str
                ).encode()
            return out

        return item

    def sources(self, evidence: Iterable[Mapping[str, Any]]) -> int:
        """Independent sources behind evidence: wire copies count once."""
        groups = set()
        for ev in evidence:
            report = self.reports.get(ev["report_id"])
            if report is not None:
                groups.add(report.get("wire_group") or report["id"])
        return len(groups)

    def evidence(self, ev: Mapping[str, Any]) -> Evidence | None:
        """An evidence span in its paragraph of the report's cleaned text."""
        report = self.reports.get(ev["report_id"])
        if report is None:
            return None
        text = report["text"]
        start, end = max(0, int(ev["start"])), min(len(text), int(ev["end"]))
        lo = text.rfind("\n\n", 0, start)
        lo = 0 if lo < 0 else lo + 2
        hi = text.find("\n\n", end)
        hi = len(text) if hi < 0 else hi
        if start - lo > 600:  # a very long paragraph: keep the sentence's neighbourhood
            lo = start - 600
        if hi - end > 600:
            hi = end + 600
        return Evidence(
            report=report,
            start=start,
            end=end,
            before=text[lo:start],
            text=text[start:end],
            after=text[end:hi],
        )

    def evidence_list(self, record: Mapping[str, Any]) -> list[Evidence]:
        return [e for ev in _evidence(record) if (e := self.evidence(ev)) is not None]

    # -- the views ---------------------------------------------------------------------------
    @_memo
    def timeline(self, story_id: str | None, lang: str = "en", show: str = "all") -> list[Record]:
        """Events (and, unless ``show`` is "events", dated statements) by date, each with its participants,
        place, sources and contested values."""
        contested = self._contested()
        out = []
        if show != "events":
            for group in self.statements(story_id, lang):
                for s in group["statements"]:
                    if not s["said_on"]:
                        continue
                    wording = next(iter(s["wordings"].get(lang) or next(iter(s["wordings"].values()))))
                    out.append(
                        {
                            "type": "statement",
                            "id": s["id"],
                            "kind": "statement",
                            "plover": None,
                            "date": s["said_on"],
                            "date_precision": "day",
                            "place": None,
                            "participant_ids": [s["speaker_id"]] if s["speaker_id"] else [],
                            "summary": f"{s['speaker']}: “{wording['text']}”",
                            "participants": [s["speaker"]],
                            "independent_sources": s["independent_sources"],
                            "conflicts": s["conflicts"],
                            "evidence": [
                                ev for ws in s["wordings"].values() for w in ws for ev in w["evidence"]
                            ],
                        }
                    )
        if show == "statements":
            out.sort(key=lambda e: (e.get("date") or "9999", e["id"]))
            return out
        for event in self.of_story("event", story_id):
            out.append(
                {
                    **{k: v for k, v in event.items() if k != "evidence"},
                    "participants": [self.actor_name(a, lang) for a in event.get("participant_ids") or ()],
                    "independent_sources": self.sources(_evidence(event)),
                    "conflicts": contested.get(event["id"], []),
                    "evidence": _evidence(event),
                }
            )
        out.sort(key=lambda e: (e.get("date") or "9999", e["id"]))
        return out

    @_memo
    def statements(self, story_id: str | None, lang: str = "en") -> list[Record]:
        """Statements (quotes sharing a statement id) grouped by speaker."""
        by_statement: dict[str, list[Record]] = defaultdict(list)
        for quote in self.of_story("quote", story_id):
            by_statement[quote.get("statement_id") or quote["id"]].append(quote)
        speakers: dict[str, list[Record]] = defaultdict(list)
        contested = self._contested()
        for sid, quotes in by_statement.items():
            speaker = next((q["speaker_id"] for q in quotes if q.get("speaker_id")), None)
            evidence = [ev for q in quotes for ev in _evidence(q)]
            dates = sorted(d for q in quotes if (d := q.get("said_on")))
            wordings: dict[str, list[Record]] = defaultdict(list)
            for q in quotes:
                wordings[q["language"]].append(
                    {
                        "id": q["id"],
                        "text": q["text"],
                        "direct": q["direct"],
                        "verb": q.get("verb"),
                        "hedge": q.get("hedge"),
                        "evidence": _evidence(q),
                    }
                )
            occasions = sorted(
                {
                    self.reports[ev["report_id"]].get("title") or ""
                    for ev in evidence
                    if ev["report_id"] in self.reports
                }
                - {""}
            )
            speakers[speaker or ""].append(
                {
                    "id": sid,
                    "speaker_id": speaker,
                    "speaker": self.actor_name(speaker, lang) if speaker else quotes[0].get("speaker_text"),
                    "said_on": dates[0] if dates else None,
                    "wordings": dict(sorted(wordings.items())),
                    "independent_sources": self.sources(evidence),
                    "reported_in": occasions[:3],
                    "conflicts": contested.get(sid, []),
                }
            )
        out: list[Record] = []
        for speaker_id, items in speakers.items():
            items.sort(key=lambda s: (s["said_on"] or "9999", s["id"]))
            out.append(
                {
                    "speaker_id": speaker_id or None,
                    "speaker": self.actor_name(speaker_id, lang) if speaker_id else items[0]["speaker"],
                    "statements": items,
                }
            )
        out.sort(key=lambda g: (-len(g["statements"]), g["speaker"] or ""))
        return out

    @_memo
    def statement_list(
        self, story_id: str | None, lang: str = "en", speaker: str | None = None
    ) -> list[Record]:
        """The statements of :meth:`statements` one by one, each with its speaker (the API's items: a
        speaker quoted in thousands of reports is not one item of megabytes)."""
        return [
            {
                "speaker_id": group["speaker_id"],
                **statement,
                "speaker": statement["speaker"] or group["speaker"],
            }
            for group in self.statements(story_id, lang)
            if speaker is None or group["speaker_id"] == speaker
            for statement in group["statements"]
        ]

    @_memo
    def positions(self, story_id: str | None, lang: str = "en") -> dict[str, Any]:
        """Parties x proposals/issues; each cell the latest stance, its history and evidence."""
        cells: dict[tuple[str, str], list[Record]] = defaultdict(list)
        for pos in self.of_story("position", story_id):
            target = pos.get("target_id") or (f"issue:{pos['issue']}" if pos.get("issue") else "(general)")
            cells[(pos["holder_id"], target)].append(pos)
        parties = sorted({h for h, _ in cells}, key=lambda a: self.actor_name(a, lang))
        targets = sorted({t for _, t in cells})
        rows = []
        for holder in parties:
            row_cells: dict[str, Record] = {}
            row = {"holder_id": holder, "holder": self.actor_name(holder, lang), "cells": row_cells}
            for target in targets:
                history = sorted(
                    cells.get((holder, target), []), key=lambda p: (p.get("as_of") or "", p["id"])
                )
                if history:
                    latest = history[-1]
                    row_cells[target] = {
                        "stance": latest["stance"],
                        "as_of": latest.get("as_of"),
                        "history": [
                            {
                                "id": p["id"],
                                "stance": p["stance"],
                                "as_of": p.get("as_of"),
                                "evidence": _evidence(p),
                            }
                            for p in history
                        ],
                    }
            rows.append(row)
        return {"targets": [{"id": t, "name": self.target_name(t, lang)} for t in targets], "rows": rows}

    def target_name(self, target: str, lang: str = "en") -> str:
        if target.startswith("issue:"):
            return target[6:]
        if target in self.actors or target in self.member_of:
            return self.actor_name(target, lang)
        proposal = self.by_id.get(target)
        return str(proposal.get("name")) if proposal and proposal.get("type") == "proposal" else target

    @_memo
    def conflicts(self, story_id: str | None) -> list[Record]:
        out = []
        for conflict in self.of_story("conflict", story_id):
            variants = []
            for variant in conflict.get("variants") or ():
                evidence = list(variant.get("evidence") or ())
                outlets = sorted(
                    {
                        self.reports[e["report_id"]].get("outlet") or "?"
                        for e in evidence
                        if e["report_id"] in self.reports
                    }
                )
                variants.append(
                    {
                        "value": variant.get("value"),
                        "sources": self.sources(evidence),
                        "outlets": outlets,
                        "evidence": evidence,
                    }
                )
            out.append({**conflict, "variants": variants})
        return out

    @_memo
    def source_summary(self, story_id: str | None) -> dict[str, Any]:
        """Outlets, wire groups (copies folded) and languages of a story's reports."""
        reports = sorted(
            self.story_report_list(story_id), key=lambda r: (r.get("published_at") or "", r["id"])
        )
        outlets: dict[str, dict[str, Any]] = {}
        groups: dict[str, list[str]] = defaultdict(list)
        languages: dict[str, int] = defaultdict(int)
        for r in reports:
            entry = outlets.setdefault(
                r.get("outlet") or "?", {"outlet": r.get("outlet") or "?", "reports": 0, "languages": set()}
            )
            entry["reports"] += 1
            entry["languages"].add(r["language"])
            languages[r["language"]] += 1
            if r.get("wire_group"):
                groups[r["wire_group"]].append(r["id"])
        return {
            "reports": [_report_row(r) for r in reports],
            "outlets": sorted(
                ({**o, "languages": sorted(o["languages"])} for o in outlets.values()),
                key=lambda o: (-o["reports"], o["outlet"]),
            ),
            "wire_groups": [
                {"id": g, "report_ids": ids} for g, ids in sorted(groups.items()) if len(ids) > 1
            ],
            "languages": dict(sorted(languages.items())),
            "independent_sources": len({r.get("wire_group") or r["id"] for r in reports}),
        }

    @_memo
    def changes_by_day(self, story_id: str, lang: str = "en") -> list[Record]:
        """What each day's reports added to the story's record: statements, events, positions and conflicts
        first reported that day, newest day first (the entries of the story's Atom feed)."""
        published = {rid: day(r.get("published_at")) for rid, r in self.reports.items()}
        days: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        seen_statements: set[str] = set()

        def first(record: Record) -> str:
            return min((published.get(ev["report_id"]) or "9999" for ev in _evidence(record)), default="9999")

        for quote in sorted(self.of_story("quote", story_id), key=first):
            sid = quote.get("statement_id") or quote["id"]
            if sid in seen_statements:
                continue
            seen_statements.add(sid)
            speaker = (
                self.actor_name(quote.get("speaker_id"), lang)
                if quote.get("speaker_id")
                else quote.get("speaker_text") or "?"
            )
            days[first(quote)]["statements"].append(f"{speaker}: “{quote['text']}”")
        for event in self.of_story("event", story_id):
            place = f" ({event['place']})" if event.get("place") else ""
            days[first(event)]["events"].append(
                f"{event['kind'].replace('_', ' ')} {event.get('date') or ''}"
                f"{place}: {event.get('summary') or ''}"
            )
        for pos in self.of_story("position", story_id):
            target = self.target_name(
                pos.get("target_id") or (f"issue:{pos['issue']}" if pos.get("issue") else ""), lang
            )
            days[first(pos)]["positions"].append(
                f"{self.actor_name(pos['holder_id'], lang)}: "
                f"{pos['stance'].replace('_', ' ')} {target}".rstrip()
            )
        for conflict in self.of_story("conflict", story_id):
            days[first(conflict)]["conflicts"].append(conflict["topic"])
        out = []
        for when in sorted((d for d in days if d != "9999"), reverse=True):
            parts = days[when]
            reports = [r for r in self.story_report_list(story_id) if published.get(r["id"]) == when]
            out.append(
                {
                    "day": when,
                    "reports": len(reports),
                    **{k: list(parts.get(k, ())) for k in ("statements", "events", "positions", "conflicts")},
                }
            )
        return out

    def report_items(self, report_id: str) -> list[Record]:
        """Every record item with evidence in this report (actors, quotes, events, ...), export form."""
        return list(self.by_report.get(report_id, []))

    def report_spans(self, report_id: str, lang: str = "en") -> list[Span]:
        """The report's text cut where extracted items begin and end, each piece with what covers it."""
        report = self.reports.get(report_id)
        if report is None:
            return []
        text = report["text"]
        marks: list[tuple[int, int, str, str]] = []
        for item in self.report_items(report_id):
            kind = item["type"]
            if kind == "conflict":
                continue
            for ev in _evidence(item):
                if ev["report_id"] == report_id and 0 <= ev["start"] < ev["end"] <= len(text):
                    marks.append((ev["start"], ev["end"], kind, self._label(item, lang)))
        cuts = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
        spans = []
        for lo, hi in zip(cuts, cuts[1:], strict=False):
            covering = [m for m in marks if m[0] <= lo and hi <= m[1]]
            kinds = tuple(sorted({m[2] for m in covering}))
            labels = tuple(dict.fromkeys(m[3] for m in covering))
            spans.append(Span(text=text[lo:hi], kinds=kinds, labels=labels))
        return spans

    def _label(self, item: Record, lang: str) -> str:
        kind = item["type"]
        if kind == "actor":
            return f"actor: {self.actor_name(item['id'], lang)}"
        if kind == "quote":
            return (
                f"quote by {self.actor_name(item.get('speaker_id'), lang)} ({item.get('said_on') or 'date?'})"
            )
        if kind == "event":
            return f"event: {item['kind']} {item.get('date') or ''}".strip()
        if kind == "proposal":
            return f"proposal: {item.get('name')}"
        if kind == "position":
            return (
                f"position: {self.actor_name(item['holder_id'], lang)} {item['stance']} "
                f"{self.target_name(item.get('target_id') or '', lang)}".strip()
            )
        return kind

    def _contested(self) -> dict[str, list[Record]]:
        out: dict[str, list[Record]] = defaultdict(list)
        for conflict in self.items.get("conflict", []):
            for item_id in conflict.get("item_ids") or ():
                out[item_id].append(conflict)
        return out


def _evidence(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    evidence = record.get("evidence")
    if isinstance(evidence, list):
        return evidence
    if record.get("type") == "conflict":
        return [ev for v in record.get("variants") or () for ev in v.get("evidence") or ()]
    if record.get("type") == "actor":  # where the reports name the actor with a title
        return [ev for role in record.get("roles") or () for ev in role.get("evidence") or ()]
    return []


def _report_row(r: Mapping[str, Any]) -> Record:
    return {
        k: r.get(k)
        for k in ("id", "url", "outlet", "title", "published_at", "language", "wire_group", "story_id")
    }


def default_briefing_cache() -> Path:
    """Where ``serve`` keeps the briefings it wrote: $XDG_CACHE_HOME (else ~/.cache)/communique/briefings."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "communique" / "briefings"


@functools.cache
def _code_stamp() -> str:
    """What else a briefing depends on: the briefing writer's files, the package data, the modules the writer
    imports from the rest of the package, and the user's gazetteer (their sizes and modification times), so
    a changed writer or a new name is never served a briefing written before it."""
    from .. import __version__
    from ..extract import user_names

    root = Path(__file__).resolve().parents[1]
    files = {p for folder in ("brief", "data") for p in (root / folder).rglob("*") if p.is_file()}
    for source in (root / "brief").glob("*.py"):
        for module in _IMPORTED.findall(source.read_text(encoding="utf-8")):
            path = root.joinpath(*module.split("."))
            files |= {f for f in (path.with_suffix(".py"), path / "__init__.py") if f.is_file()}
    parts = [__version__]
    for path in sorted(files):
        st = path.stat()
        parts.append(f"{path.relative_to(root)}:{st.st_size}:{st.st_mtime_ns}")
    try:
        gazetteer = user_names.user_path()
        st = gazetteer.stat()
        parts.append(f"{gazetteer}:{st.st_size}:{st.st_mtime_ns}")
    except Exception:  # noqa: BLE001 - no user gazetteer
        parts.append("no user gazetteer")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


_IMPORTED = re.compile(r"^[ \t]*from \.\.([a-z_][a-z_.]*) import", re.M)  # the writer's imports


def _read_briefing(path: Path) -> Briefing | None:
    """A briefing this user's server wrote to its cache (a file of someone else is not read)."""
    try:
        if path.stat().st_uid != os.getuid():
            return None
        with path.open("rb") as handle:
            loaded = pickle.load(handle)  # noqa: S301 - our own cache file, in a folder only we can write
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None
    return loaded if isinstance(loaded, Briefing) else None


def _write_briefing_file(path: Path, briefing: Briefing | Exception) -> None:
    if not isinstance(briefing, Briefing):
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(briefing, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a cache that cannot be written is no cache: the briefing is still served


def report_summary(r: Mapping[str, Any]) -> Record:
    return _report_row(r)


def paginate(items: list[Any], offset: int, limit: int) -> tuple[list[Any], int]:
    return items[offset : offset + limit], len(items)


class Library:
    """The database behind the app: a snapshot per state of the file, briefings cached per snapshot."""

    def __init__(
        self,
        db_path: str,
        *,
        merge_pending: bool = True,
        background_refresh: bool = False,
        briefing_cache: str | Path | None = None,
    ) -> None:
        self.db_path = str(db_path)
        self.merge_pending = merge_pending
        self.background_refresh = background_refresh
        self.briefing_cache = Path(briefing_cache) if briefing_cache else None
        self.prepare_stories = 0  # after reading a changed database, write these stories' briefings ahead
        self._refreshing = False
        self._flag_lock = threading.Lock()  # held only for a moment (the event loop may take it)
        self._generation = 0
        self._lock = threading.Lock()  # the briefings' state (held a moment)
        self._refresh_lock = threading.Lock()  # one read of the database at a time
        self._snapshot: Snapshot | None = None
        self._stamp: tuple[int, ...] | None = None
        self._briefs: OrderedDict[tuple[Any, ...], Briefing | Exception] = OrderedDict()
        self._writing: dict[tuple[Any, ...], Future[Briefing | Exception]] = {}
        self._queue: list[tuple[int, int, tuple[Any, ...], Snapshot]] = []  # a heap: asked-for first
        self._queued = threading.Condition(self._lock)
        self._sequence = 0
        self._writer: threading.Thread | None = None
        self._closed = False
        self._local = threading.local()
        self.is_url = is_url(self.db_path)  # PostgreSQL: the store's generation, not a file, tells changes
        self._asked: tuple[float, tuple[int, ...]] | None = None  # when the server was last asked; its answer
        if not self.is_url and not os.path.exists(self.db_path):
            from ..errors import UsageError

            raise UsageError(
                self.db_path, "no such database", "give --db PATH of a store made by `communique ingest`"
            )

    def _stamp_now(self) -> tuple[int, ...]:
        """What tells a change of the record: the database file's size and time, or a PostgreSQL
        store's count of committed writes."""
        if self.is_url:
            return self._server_stamp()
        out: list[int] = []
        for suffix in ("", "-wal"):
            try:
                st = os.stat(self.db_path + suffix)
                out += [st.st_mtime_ns, st.st_size]
            except FileNotFoundError:
                out += [0, 0]
        return tuple(out)

    def _server_stamp(self) -> tuple[int, ...]:
        """The PostgreSQL store's count of committed write transactions, asked at most once a
        second (every request looks): a change shows within a second of its commit."""
        now = time.monotonic()
        asked = self._asked
        if asked is not None and now - asked[0] < 1.0:
            return asked[1]
        with self.store() as store:
            stamp = (int(store.generation()),)  # type: ignore[attr-defined]
        self._asked = (now, stamp)
        return stamp

    @contextmanager
    def store(self) -> Iterator[SQLiteStore]:
        """A store for this thread (SQLite connections stay in the thread that opened them)."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = pipeline.open_store(self.db_path)
            self._local.store = store
        yield store

    def snapshot(self) -> Snapshot:
        """The record as the database file holds it now.  When the file has changed, a new snapshot is read;
        with ``background_refresh`` the old one is served meanwhile (reading a large store takes a while)."""
        current = self.snapshot_nowait()
        if current is not None:
            return current
        with self._refresh_lock:
            return self._refresh()

    def snapshot_nowait(self) -> Snapshot | None:
        """The snapshot when it can be had without reading the record (a ``stat`` of the file, or the
        server's count of writes, asked at most once a second): the current one, or with
        ``background_refresh`` the last one while a new one is read; else None."""
        current = self._snapshot
        if current is None:
            return None
        if self._stamp_now() == self._stamp:
            return current
        if self.background_refresh:
            with self._flag_lock:
                if not self._refreshing:
                    self._refreshing = True
                    threading.Thread(target=self._refresh_in_background, daemon=True).start()
            return current
        return None

    def _refresh_in_background(self) -> None:
        try:
            with self._refresh_lock:
                self._refresh()
            if self.prepare_stories:
                self.prepare_briefings(self.prepare_stories)
        finally:
            self._refreshing = False

    def _refresh(self) -> Snapshot:
        """Read a new snapshot if the file changed (the caller holds the refresh lock; the briefings' lock
        is held only a moment, so requests are not held up while a large store is read)."""
        stamp = self._stamp_now()
        if self._snapshot is not None and stamp == self._stamp:
            return self._snapshot
        with pipeline.open_store(self.db_path) as store:  # its own connection: any thread may refresh
            if self.merge_pending:
                pipeline.merge(store)  # reports ingested but not merged yet (as `stories` does)
            records = list(pipeline.export_records(store))
            stories = pipeline.story_rows(store)
        snapshot = Snapshot.build(records, stories)
        gc.collect()
        gc.freeze()  # the record's millions of objects: no full collection walks them again
        with self._lock:
            self._generation += 1
            snapshot.generation = self._generation
            # a file: its stamp after our own merge wrote to it; a server: the count read before the
            # record was (a write committed meanwhile then reads the record again, never is missed)
            self._stamp = stamp if self.is_url else self._stamp_now()
            self._briefs.clear()
            self._snapshot = snapshot
        return snapshot

    def close(self) -> None:
        """Stop the briefing writer (a briefing being written is finished first)."""
        with self._lock:
            self._closed = True
            self._queued.notify_all()

    def briefing(
        self,
        story_id: str | None,
        lang: str,
        as_of: str | None,
        since: str | None,
        *,
        wait: float | None = None,
        ahead: bool = False,
    ) -> Briefing | None:
        """The briefing of a story (kept per snapshot, and on disk per state of the record when the library
        has a ``briefing_cache``); raises the library's errors.  A briefing not written yet is written by
        one background thread, one at a time, those asked for before those written ``ahead`` of a reader;
        this waits for it ``wait`` seconds (None: as long as it takes) and returns None when it is not
        ready by then."""
        snap = self.snapshot()
        key = self._briefing_key(snap, story_id, lang, as_of, since)
        future: Future[Briefing | Exception] | None = None
        with self._lock:
            cached = self._briefs.get(key)
            if cached is None:
                future = self._writing.get(key)
                new = future is None
                if future is None:
                    future = self._writing[key] = Future()
                if (new or not ahead) and not future.running() and not future.done():
                    self._enqueue(key, snap, 1 if ahead else 0)
        if future is not None:
            try:
                cached = future.result(timeout=wait)
            except FutureTimeout:
                return None
            except Exception as err:  # noqa: BLE001 - the writer's error, raised again below
                cached = err
        if isinstance(cached, Exception):
            raise cached
        return cached

    def _enqueue(self, key: tuple[Any, ...], snap: Snapshot, priority: int) -> None:
        """Queue a briefing for the writer thread (the caller holds the lock); asked again by a reader,
        a briefing queued ahead is queued again in front."""
        self._sequence += 1
        heapq.heappush(self._queue, (priority, self._sequence, key, snap))
        if self._writer is None or not self._writer.is_alive():
            self._writer = threading.Thread(target=self._write_queued, name="briefings", daemon=True)
            self._writer.start()
        self._queued.notify()

    def _write_queued(self) -> None:
        while True:
            with self._lock:
                while not self._queue and not self._closed:
                    self._queued.wait()
                if self._closed:
                    for future in self._writing.values():
                        future.cancel()
                    return
                _priority, _seq, key, snap = heapq.heappop(self._queue)
                waiting = self._writing.get(key)
                if waiting is None or waiting.done() or not waiting.set_running_or_notify_cancel():
                    continue  # written already (queued twice), or cancelled
            waiting.set_result(self._write_briefing(snap, key))

    def prepare_briefings(self, stories: int = 20) -> None:
        """Write, in the background, the briefings a reader opens first: the newest stories' as of their
        own newest report, in both languages (from the disk cache when the record has not changed); and
        before them, in a thread of its own, the newest stories' other views (:meth:`Snapshot.warm`)."""
        snap = self.snapshot()
        threading.Thread(target=snap.warm, args=(stories,), name="views", daemon=True).start()
        for story in snap.stories[:stories]:
            for lang in ("ja", "en"):
                self.briefing(story["id"], lang, None, None, wait=0, ahead=True)

    def _briefing_key(
        self, snap: Snapshot, story_id: str | None, lang: str, as_of: str | None, since: str | None
    ) -> tuple[Any, ...]:
        if as_of is None:
            as_of = snap.newest_report_day(story_id)
        return (snap.generation, story_id, lang, as_of, since)

    def _write_briefing(self, snap: Snapshot, key: tuple[Any, ...]) -> Briefing | Exception:
        """Compose one briefing (the writer thread), or read it from the disk cache; keep it, or the error."""
        _generation, story_id, lang, as_of, since = key
        result: Briefing | Exception
        try:
            if as_of is None:
                from ..errors import UsageError

                where = shown(self.db_path) if self.is_url else self.db_path
                raise UsageError(where, "has no dated reports to brief", "ingest reports first")
            path = self._cache_file(snap, key)
            loaded = _read_briefing(path) if path is not None else None
            if loaded is not None:
                result = loaded
            else:
                result = compose_brief(snap.records, lang=lang, as_of=as_of, since=since, story_id=story_id)
                if path is not None:
                    _write_briefing_file(path, result)
        except Exception as err:  # noqa: BLE001 - kept, so a bad date is not recomputed on each request
            result = err
        with self._lock:
            self._writing.pop(key, None)
            if snap.generation == self._generation:
                self._briefs[key] = result
                while len(self._briefs) > 64:
                    self._briefs.popitem(last=False)
        return result

    def _cache_file(self, snap: Snapshot, key: tuple[Any, ...]) -> Path | None:
        if self.briefing_cache is None:
            return None
        _generation, story_id, lang, as_of, since = key
        name = hashlib.sha256(
            "\0".join(
                (snap.fingerprint(), _code_stamp(), str(story_id), lang, str(as_of), str(since))
            ).encode()
        ).hexdigest()
        return self.briefing_cache / f"{name}.pickle"

    def search(self, query: str, limit: int = 50) -> list[Record]:
        """Reports matching ``query`` as ``communique search`` finds them (the store's full-text index: every
        word or phrase, a name in any spelling, Japanese too), best first, each with its snippet and story."""
        from ..store.search import search

        snap = self.snapshot()
        with self.store() as store:
            hits = search(store, query, limit=limit)
        out = []
        for hit in hits:
            record = hit.to_dict()
            report = snap.reports.get(hit.id)
            record["story_id"] = report.get("story_id") if report else None
            pieces, last = [], 0
            for start, end in hit.highlights:
                pieces += [(hit.snippet[last:start], False), (hit.snippet[start:end], True)]
                last = end
            record["pieces"] = [*pieces, (hit.snippet[last:], False)]
            out.append(record)
        return out
