"""Quality gate: English extraction against the team's hand-annotated gold.

Each gold report's file is ingested the way ``communique ingest`` does it
(``expand`` + ``build_report``), matched to its gold entry by title, and extracted.
Printed (``pytest -s``): precision / recall / F1 for quote detection (a predicted quote
matches a gold one when their spans overlap by at least half of the shorter), quote
attribution (matched and same speaker), events (same kind, date and participants),
positions (same holder, target or issue, and stance), and the share of matched events
whose date is right.  ``FLOORS`` may only go up.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from communique.extract.en import extract
from communique.extract.gazetteer import load
from communique.ingest import SourceOptions, build_report, expand
from communique.model import Document, Extraction, Report

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "ukraine-talks-2025"
GOLD = CORPUS / "gold" / "en.json"

# Minimum scores; raise them when the extractor improves, never lower them.
# The issue asks for quote_attribution_f1 >= 0.90 and event_dates_right >= 0.90 (0.958 when
# pinned); see the misses printed by `python tests/extract/test_en_gold.py`.
FLOORS = {
    "quote_detection_f1": 0.94,  # 0.946 with mixed quotes (clause and quoted words, both in the gold)
    "quote_attribution_f1": 0.90,
    "event_f1": 0.71,
    "event_dates_right": 0.95,
    "position_f1": 0.17,
    "proposal_mention_f1": 0.71,
    "quote_dates_right": 0.73,
}

pytestmark = pytest.mark.skipif(not GOLD.exists(), reason=f"no English gold at {GOLD}")


@dataclass
class Score:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, name: str) -> str:
        return (
            f"{name:<22} P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
            f"(tp={self.tp} pred={self.predicted} gold={self.gold})"
        )


# The corpus spec names collective Europe "european-union"; the gazetteer keeps a separate
# "europe" entry ("European leaders", "Europeans").  Both count as the same actor here.
_SAME = {"europe": "european-union", "anon:europe": "anon:european-union"}


def _norm_actor(actor_id: str | None) -> str | None:
    if actor_id is None:
        return None
    actor_id = _SAME.get(actor_id, actor_id)
    return actor_id.split(":", 1)[1] if actor_id.startswith("person:") else actor_id


def _norm_date(value: str | None, precision: str | None) -> tuple[str | None, str | None]:
    if value is None:
        return None, None
    if precision == "month":
        return value[:7], precision
    if precision == "year":
        return value[:4], precision
    return value[:10], precision


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return shorter > 0 and inter >= 0.5 * shorter


def _spans(text: str, strings: Iterable[str], quoted: bool = False) -> list[tuple[int, int] | None]:
    """Each string's span in text.  When a string occurs more than once, successive equal
    strings take successive occurrences; for quotes, occurrences right inside quotation
    marks and outside the headline (the first paragraph) come first."""
    headline_end = text.find("\n\n")
    taken: set[int] = set()
    out: list[tuple[int, int] | None] = []
    for s in strings:
        found = [m for m in _occurrences(text, s) if m not in taken]
        if quoted:
            found.sort(key=lambda i: (text[i - 1 : i] not in "\"“”‘’'", i < headline_end, i))
        if not found:
            out.append(None)
            continue
        taken.add(found[0])
        out.append((found[0], found[0] + len(s)))
    return out


def _occurrences(text: str, s: str) -> list[int]:
    out, start = [], text.find(s)
    while start >= 0 and s:
        out.append(start)
        start = text.find(s, start + 1)
    return out


def _documents(path: Path) -> list[Document]:
    return [d for d in expand(str(path), SourceOptions()) if isinstance(d, Document)]


@cache
def _reports() -> dict[str, Report]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    by_title: dict[str, Report] = {}
    for path in sorted({CORPUS / r["file"] for r in gold["reports"]}):
        for doc in _documents(path):
            report, _warning = build_report(doc)
            if report.title:
                by_title[" ".join(report.title.split())] = report
    return by_title


@cache
def _pairs() -> list[tuple[dict[str, Any], Report, Extraction]]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    reports = _reports()
    gazetteer = load()
    out = []
    for entry in gold["reports"]:
        report = reports.get(" ".join(entry["title"].split()))
        assert report is not None, f"gold report not ingested: {entry['title']!r} ({entry['file']})"
        out.append((entry, report, extract(report, gazetteer)))
    return out


def _match(gold: list[tuple[int, int] | None], predicted: list[tuple[int, int]]) -> dict[int, int]:
    """Greedy one-to-one matching of gold spans to predicted spans by overlap size."""
    candidates = []
    for gi, g in enumerate(gold):
        if g is None:
            continue
        for pi, p in enumerate(predicted):
            if _overlap(g, p):
                candidates.append((-(min(g[1], p[1]) - max(g[0], p[0])), gi, pi))
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for _size, gi, pi in sorted(candidates):
        if gi not in matched and pi not in taken:
            matched[gi] = pi
            taken.add(pi)
    return matched


def _proposal_map(entry: dict[str, Any], report: Report, extraction: Extraction) -> dict[str, str]:
    """Predicted proposal names -> gold proposal ids, through overlapping mentions."""
    gold_mentions = entry.get("proposals", [])
    spans = _spans(report.text, [m["mention"] for m in gold_mentions])
    mapping: dict[str, str] = {}
    for proposal in extraction.proposals:
        for ev in proposal.evidence:
            for mention, span in zip(gold_mentions, spans, strict=True):
                if span and _overlap(span, (ev.start, ev.end)):
                    mapping.setdefault(proposal.name, mention["proposal"])
    return mapping


def scores() -> dict[str, Any]:
    detection, attribution, events, positions, proposals = Score(), Score(), Score(), Score(), Score()
    dates_right = dates_total = 0
    quote_dates_right = quote_dates_total = 0
    misses: list[str] = []
    for entry, report, extraction in _pairs():
        text = report.text
        gold_quotes = entry.get("quotes", [])
        gold_spans = _spans(text, [q["text"] for q in gold_quotes], quoted=True)
        for q, span in zip(gold_quotes, gold_spans, strict=True):
            if span is None:
                misses.append(f"gold quote not in text: {entry['title'][:40]}: {q['text'][:60]!r}")
        predicted = [(q.evidence[0].start, q.evidence[0].end) for q in extraction.quotes]
        matched = _match(gold_spans, predicted)
        detection.tp += len(matched)
        detection.predicted += len(predicted)
        detection.gold += len(gold_quotes)
        attribution.predicted += len(predicted)
        attribution.gold += len(gold_quotes)
        for gi, pi in matched.items():
            got = extraction.quotes[pi]
            quote_dates_total += 1
            if _norm_date(got.said_on, got.said_on_precision.value if got.said_on else None) == _norm_date(
                gold_quotes[gi].get("said_on"), gold_quotes[gi].get("said_on_precision")
            ):
                quote_dates_right += 1
            else:
                misses.append(
                    f"quote date {entry['title'][:30]}: {gold_quotes[gi]['text'][:40]!r} "
                    f"gold={gold_quotes[gi].get('said_on')} got={got.said_on}"
                )
            if _norm_actor(extraction.quotes[pi].speaker_id) == _norm_actor(gold_quotes[gi]["speaker"]):
                attribution.tp += 1
            else:
                misses.append(
                    f"speaker {entry['title'][:30]}: {gold_quotes[gi]['text'][:50]!r} "
                    f"gold={gold_quotes[gi]['speaker']} got={extraction.quotes[pi].speaker_id}"
                )
        for gi, q in enumerate(gold_quotes):
            if gi not in matched:
                misses.append(f"missed quote {entry['title'][:30]}: {q['text'][:60]!r} ({q['speaker']})")
        for pi, q in enumerate(extraction.quotes):
            if pi not in matched.values():
                misses.append(f"extra quote {entry['title'][:30]}: {q.text[:60]!r} ({q.speaker_id})")

        # events: pair by kind and (shared participant or overlapping trigger sentence)
        gold_events = entry.get("events", [])
        triggers = _spans(text, [e["trigger"] for e in gold_events])
        events.gold += len(gold_events)
        events.predicted += len(extraction.events)
        taken: set[int] = set()
        for gi, ge in enumerate(gold_events):
            best_pi, best_score = None, 0.0
            gp = set(ge["participants"])
            for pi, pe in enumerate(extraction.events):
                if pi in taken or pe.kind != ge["kind"]:
                    continue
                pp = {_norm_actor(p) for p in pe.participant_ids}
                shared = len(gp & pp) / len(gp | pp) if gp | pp else 1.0
                near = triggers[gi] is not None and any(
                    abs(ev.start - triggers[gi][0]) < 300 for ev in pe.evidence
                )
                score = shared + (0.5 if near else 0.0)
                if score > best_score:
                    best_pi, best_score = pi, score
            if best_pi is None:
                misses.append(
                    f"missed event {entry['title'][:30]}: {ge['kind']} {ge['date']} {ge['participants']}"
                )
                continue
            taken.add(best_pi)
            pe = extraction.events[best_pi]
            date_ok = _norm_date(pe.date, pe.date_precision.value if pe.date else None) == _norm_date(
                ge["date"], ge.get("date_precision")
            )
            dates_total += 1
            dates_right += date_ok
            pp = {_norm_actor(p) for p in pe.participant_ids}
            jaccard = len(gp & pp) / len(gp | pp) if gp | pp else 1.0
            if date_ok and jaccard >= 0.5:
                events.tp += 1
            else:
                misses.append(
                    f"event {entry['title'][:30]}: {ge['kind']} gold={ge['date']} {sorted(gp)} "
                    f"got={pe.date} {sorted(pp)}"
                )
        for pi, pe in enumerate(extraction.events):
            if pi not in taken:
                misses.append(f"extra event {entry['title'][:30]}: {pe.kind} {pe.date} {pe.participant_ids}")

        mapping = _proposal_map(entry, report, extraction)
        gold_pos = {
            (
                _norm_actor(p["holder"]),
                p.get("target"),
                p.get("issue") if not p.get("target") else None,
                p["stance"],
            )
            for p in entry.get("positions", [])
        }
        pred_pos = set()
        for p in extraction.positions:
            target = mapping.get(p.target_id or "", p.target_id) if p.target_id else None
            pred_pos.add((_norm_actor(p.holder_id), target, p.issue if not target else None, p.stance))
        positions.tp += len(gold_pos & pred_pos)
        positions.gold += len(gold_pos)
        positions.predicted += len(pred_pos)
        for missing in sorted(gold_pos - pred_pos, key=str):
            misses.append(f"missed position {entry['title'][:30]}: {missing}")
        for extra in sorted(pred_pos - gold_pos, key=str):
            misses.append(f"extra position {entry['title'][:30]}: {extra}")

        gold_mentions = _spans(text, [m["mention"] for m in entry.get("proposals", [])])
        pred_mentions = [(ev.start, ev.end) for p in extraction.proposals for ev in p.evidence]
        pm = _match(gold_mentions, pred_mentions)
        proposals.tp += len(pm)
        proposals.gold += len(gold_mentions)
        proposals.predicted += len(pred_mentions)
    return {
        "quote_detection": detection,
        "quote_attribution": attribution,
        "event": events,
        "position": positions,
        "proposal_mention": proposals,
        "event_dates_right": dates_right / dates_total if dates_total else 1.0,
        "event_dates": (dates_right, dates_total),
        "misses": misses,
        "quote_dates_right": quote_dates_right / quote_dates_total if quote_dates_total else 1.0,
        "quote_dates": (quote_dates_right, quote_dates_total),
    }


def test_evidence_reproduces_text() -> None:
    for _entry, report, extraction in _pairs():
        for quote in extraction.quotes:
            ev = quote.evidence[0]
            assert report.text[ev.start : ev.end] == quote.text
        for item in (*extraction.events, *extraction.positions, *extraction.proposals):
            for ev in item.evidence:
                assert 0 <= ev.start < ev.end <= len(report.text)


def test_quality_gate() -> None:
    result = scores()
    print()
    for name in ("quote_detection", "quote_attribution", "event", "position", "proposal_mention"):
        print(result[name].line(name))
    right, total = result["event_dates"]
    print(f"{'event_dates_right':<22} {result['event_dates_right']:.3f} ({right}/{total} matched events)")
    right, total = result["quote_dates"]
    print(f"{'quote_dates_right':<22} {result['quote_dates_right']:.3f} ({right}/{total} matched quotes)")
    figures = {
        "quote_detection_f1": result["quote_detection"].f1,
        "quote_attribution_f1": result["quote_attribution"].f1,
        "event_f1": result["event"].f1,
        "event_dates_right": result["event_dates_right"],
        "position_f1": result["position"].f1,
        "proposal_mention_f1": result["proposal_mention"].f1,
        "quote_dates_right": result["quote_dates_right"],
    }
    failed = {k: round(v, 3) for k, v in figures.items() if v < FLOORS[k]}
    assert not failed, f"below the floors {FLOORS}: {failed}"


if __name__ == "__main__":  # python tests/extract/test_en_gold.py: the figures and every miss
    result = scores()
    for line in result["misses"]:
        print(line)
    for name in ("quote_detection", "quote_attribution", "event", "position", "proposal_mention"):
        print(result[name].line(name))
    print("event dates right", result["event_dates"])
    print("quote dates right", result["quote_dates"])
