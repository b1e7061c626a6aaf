"""Gold annotations (examples/ukraine-talks-2025/gold/{en,ja}.json) as merge inputs.

Reports are ingested from the corpus files with the real ingest code; every annotated
quote, event, proposal and position becomes an extracted item whose evidence is found by
string search in the cleaned report text.  The truth (gold statement, event and conflict
ids) is kept beside, keyed by item id.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from communique.ingest import SourceOptions, build_report, expand
from communique.model import Event, Evidence, Extraction, Position, Precision, Proposal, Quote, Report

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "ukraine-talks-2025"


@dataclass(slots=True)
class Gold:
    reports: list[Report] = field(default_factory=list)
    extractions: list[Extraction] = field(default_factory=list)
    statement_of: dict[str, str] = field(default_factory=dict)  # quote id -> S-…
    event_of: dict[str, str] = field(default_factory=dict)  # event id -> E-…
    conflicts: dict[str, list[tuple[str, Evidence]]] = field(default_factory=dict)  # C-… -> (value, ev)
    missing: list[str] = field(default_factory=list)  # annotations whose text was not found


def available() -> list[str]:
    return [lang for lang in ("en", "ja") if (CORPUS / "gold" / f"{lang}.json").exists()]


def _documents() -> dict[str, Report]:
    by_title: dict[str, Report] = {}
    for lang in ("en", "ja"):
        folder = CORPUS / lang
        if not folder.exists():
            continue
        for doc in expand(str(folder), SourceOptions()):
            if not hasattr(doc, "raw"):
                continue
            report, _warning = build_report(doc)  # type: ignore[arg-type]
            if report.title:
                by_title[_squash(report.title)] = report
    return by_title


def _squash(title: str) -> str:
    return "".join(title.split())


class _Finder:
    """Successive occurrences of a string, so two identical quotes get two spans."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.used: dict[str, int] = {}

    def find(self, needle: str) -> Evidence | None:
        start = self.text.find(needle, self.used.get(needle, 0))
        if start < 0:
            start = self.text.find(needle)
        if start < 0:
            return None
        self.used[needle] = start + 1
        return (start, start + len(needle))  # type: ignore[return-value]


def load(languages: list[str] | None = None) -> Gold:
    gold = Gold()
    documents = _documents()
    for lang in languages or available():
        data = json.loads((CORPUS / "gold" / f"{lang}.json").read_text(encoding="utf-8"))
        for n, raw in enumerate(data["reports"]):
            report = documents.get(_squash(raw["title"]))
            if report is None:
                gold.missing.append(f"report {raw['file']}: {raw['title']}")
                continue
            wire = raw.get("wire_group")
            report = _with_wire(report, f"gold-{wire}" if wire else None)
            gold.reports.append(report)
            gold.extractions.append(_extraction(report, raw, f"{lang}{n}", gold))
    return gold


def _with_wire(report: Report, wire_group: str | None) -> Report:
    fields = {name: getattr(report, name) for name in report.__slots__}  # type: ignore[attr-defined]
    fields["wire_group"] = wire_group
    return Report(**fields)


def _evidence(
    finder: _Finder, report: Report, needle: str | None, gold: Gold, what: str
) -> tuple[Evidence, ...]:
    if not needle:
        return ()
    span = finder.find(needle)
    if span is None:
        gold.missing.append(f"{report.title}: {what} {needle!r}")
        return ()
    start, end = span  # type: ignore[misc]
    return (Evidence(report_id=report.id, start=start, end=end),)


def _precision(value: str | None) -> Precision:
    return Precision(value) if value else Precision.UNKNOWN


def _extraction(report: Report, raw: dict[str, Any], tag: str, gold: Gold) -> Extraction:
    finder = _Finder(report.text)
    quotes = []
    for i, q in enumerate(raw.get("quotes") or ()):
        qid = f"q-{tag}-{i}"
        quotes.append(
            Quote(
                id=qid,
                speaker_id=q.get("speaker"),
                speaker_text=q.get("speaker_text") or "",
                text=q["text"],
                language=report.language,
                direct=bool(q.get("direct", True)),
                verb=q.get("verb"),
                said_on=q.get("said_on"),
                said_on_precision=_precision(q.get("said_on_precision")),
                hedge="reported" if q.get("hedged") else None,
                evidence=_evidence(finder, report, q["text"], gold, "quote"),
                extractor="gold",
            )
        )
        if q.get("statement"):
            gold.statement_of[qid] = q["statement"]
    events = []
    for i, e in enumerate(raw.get("events") or ()):
        eid = f"e-{tag}-{i}"
        events.append(
            Event(
                id=eid,
                kind=e["kind"],
                date=e.get("date"),
                date_precision=_precision(e.get("date_precision")),
                place=e.get("place"),
                participant_ids=tuple(e.get("participants") or ()),
                summary=e.get("trigger") or "",
                evidence=_evidence(finder, report, e.get("trigger"), gold, "event"),
                extractor="gold",
            )
        )
        gold.event_of[eid] = e["event"]
    proposals = []
    for i, p in enumerate(raw.get("proposals") or ()):
        proposals.append(
            Proposal(
                id=f"p-{tag}-{i}",
                name=p["mention"],
                author_ids=(),
                first_reported=None,
                evidence=_evidence(finder, report, p["mention"], gold, "proposal"),
                extractor="gold",
            )
        )
    positions = []
    for i, p in enumerate(raw.get("positions") or ()):
        positions.append(
            Position(
                id=f"pos-{tag}-{i}",
                holder_id=p["holder"],
                target_id=p.get("target"),
                issue=p.get("issue"),
                stance=p["stance"],
                as_of=(report.published_at or "")[:10] or None,
                evidence=_evidence(finder, report, p.get("evidence"), gold, "position"),
                extractor="gold",
            )
        )
    for c in raw.get("conflicts") or ():
        found = _evidence(_Finder(report.text), report, c.get("evidence"), gold, "conflict")
        if found:
            gold.conflicts.setdefault(c["conflict"], []).append((str(c["value"]), found[0]))
    return Extraction(
        report_id=report.id,
        quotes=tuple(quotes),
        events=tuple(events),
        proposals=tuple(proposals),
        positions=tuple(positions),
        extractors=("gold",),
    )
