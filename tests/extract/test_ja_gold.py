"""Quality gate: the Japanese extractor against the hand-annotated gold (gold/ja.json).

Prints precision / recall / F1 for quote detection (spans overlapping by at least half of
the shorter), attribution (matched and same speaker), events (matched by kind and by the
gold trigger's position; then dates and participants) and positions (holder, target or
issue, stance).  The floors below only go up.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "ukraine-talks-2025"
GOLD = CORPUS / "gold" / "ja.json"

# Pinned floors: raise them when the extractor gets better, never lower them.
FLOORS = {
    "quote_f1": 0.98,
    "attribution_f1": 0.97,  # the issue asks for >= 0.90
    "event_f1": 0.72,
    "event_dates": 0.93,  # the issue asks for >= 0.90
    "participants_f1": 0.74,
    "position_f1": 0.69,
}


def _proposal_ids(entry: dict[str, Any], report: Any, proposals: Any) -> dict[str, str]:
    """Our proposal ids -> the gold's P- ids, through the mentions they share (a gold mention's
    text inside one of our proposal's evidence spans, or the other way round)."""
    out: dict[str, str] = {}
    for proposal in proposals:
        votes: dict[str, int] = {}
        for ev in proposal.evidence:
            said = report.text[ev.start:ev.end]
            for mention in entry.get("proposals", []):
                if mention["mention"] in said or (said and said in mention["mention"]):
                    votes[mention["proposal"]] = votes.get(mention["proposal"], 0) + 1
        if votes:
            out[proposal.id] = max(sorted(votes), key=lambda k: votes[k])
    return out


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, name: str) -> str:
        return (f"{name:<12} P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
                f"(tp={self.tp} fp={self.fp} fn={self.fn})")


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return shorter > 0 and shared >= 0.5 * shorter


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    out, start = [], text.find(needle)
    while start != -1 and needle:
        out.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return out


def _reports() -> list[tuple[dict[str, Any], Any]]:
    from communique.ingest import SourceOptions, build_report, expand
    from communique.model import Document

    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    built = []
    for entry in gold["reports"]:
        docs = [d for d in expand(str(CORPUS / entry["file"]), SourceOptions()) if isinstance(d, Document)]
        reports = [build_report(d)[0] for d in docs]
        match = [r for r in reports if r.title and " ".join(r.title.split()).startswith(
            " ".join(entry["title"].split()))]
        if not match and entry.get("item") is not None and entry["item"] < len(reports):
            match = [reports[entry["item"]]]
        assert match, f"no report titled {entry['title']!r} in {entry['file']}"
        built.append((entry, match[0]))
    return built


def _match(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (pred index, gold index) of overlapping spans."""
    pairs, used = [], set()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used and _overlap(p, g):
                pairs.append((pi, gi))
                used.add(pi)
                break
    return pairs


def evaluate(verbose: bool = True) -> dict[str, float]:
    from communique.extract import ja
    from communique.extract.gazetteer import load

    gazetteer = load()
    quotes, attribution, events, positions = Score(), Score(), Score(), Score()
    dates_right = dates_total = 0
    participants = Score()
    for entry, report in _reports():
        text = report.text
        result = ja.extract(report, gazetteer)
        # quotes: every gold quote located in the text (first occurrence not yet used)
        gold_spans, gold_speakers = [], []
        taken: set[tuple[int, int]] = set()
        for q in entry["quotes"]:
            spans = [s for s in _spans(text, q["text"])
                     if not any(min(s[1], t[1]) > max(s[0], t[0]) for t in taken)] or _spans(text, q["text"])
            if spans:
                taken.add(spans[0])
                gold_spans.append(spans[0])
                gold_speakers.append(q["speaker"])
        pred = [q for q in result.quotes]
        pred_spans = [(q.evidence[0].start, q.evidence[0].end) for q in pred]
        pairs = _match(pred_spans, gold_spans)
        quotes.tp += len(pairs)
        quotes.fp += len(pred) - len(pairs)
        quotes.fn += len(gold_spans) - len(pairs)
        right = sum(1 for pi, gi in pairs if pred[pi].speaker_id == gold_speakers[gi])
        attribution.tp += right
        attribution.fp += len(pred) - right
        attribution.fn += len(gold_spans) - right
        if verbose:
            matched_gold = {gi for _, gi in pairs}
            matched_pred = {pi for pi, _ in pairs}
            for pi, gi in pairs:
                if pred[pi].speaker_id != gold_speakers[gi]:
                    print(f"  WRONG {pred[pi].speaker_id} != {gold_speakers[gi]}: {pred[pi].text[:40]}")
            for gi, span in enumerate(gold_spans):
                if gi not in matched_gold:
                    print(f"  MISSED {gold_speakers[gi]}: {text[span[0]:span[1]][:50]}")
            for pi, q in enumerate(pred):
                if pi not in matched_pred:
                    print(f"  EXTRA {q.speaker_id}: {q.text[:50]}")
        # events: a predicted event of the same kind whose evidence covers the gold trigger
        gold_events = [(e, _spans(text, e["trigger"])[:1]) for e in entry["events"]]
        used: set[int] = set()
        for event, spans in gold_events:
            hit = None
            for i, p in enumerate(result.events):
                if i in used or p.kind != event["kind"] or not spans:
                    continue
                ev = (p.evidence[0].start, p.evidence[0].end)
                if min(ev[1], spans[0][1]) > max(ev[0], spans[0][0]):
                    hit = i
                    break
            if hit is None:
                events.fn += 1
                if verbose:
                    print(f"  MISSED EVENT {event['kind']} {event['date']}: {event['trigger']}")
                continue
            used.add(hit)
            events.tp += 1
            p = result.events[hit]
            dates_total += 1
            precision = p.date_precision.value if p.date else None
            if (p.date, precision) == (event["date"], event["date_precision"]):
                dates_right += 1
            elif verbose:
                print(f"  DATE {p.kind} {p.date}/{precision} != {event['date']}/{event['date_precision']}: "
                      f"{event['trigger']}")
            got, want = set(p.participant_ids), set(event["participants"])
            participants.tp += len(got & want)
            participants.fp += len(got - want)
            participants.fn += len(want - got)
        events.fp += len(result.events) - len(used)
        # positions (our proposals are named; the gold uses the corpus's P- ids)
        canonical = _proposal_ids(entry, report, result.proposals)
        gold_pos = {(p["holder"], p["target"] or p["issue"], p["stance"]) for p in entry["positions"]}
        pred_pos = {(p.holder_id, canonical.get(p.target_id or "", p.target_id) or p.issue, p.stance)
                    for p in result.positions}
        positions.tp += len(gold_pos & pred_pos)
        positions.fp += len(pred_pos - gold_pos)
        positions.fn += len(gold_pos - pred_pos)
        if verbose:
            for miss in gold_pos - pred_pos:
                print(f"  MISSED POSITION {miss}")
            for extra in pred_pos - gold_pos:
                print(f"  EXTRA POSITION {extra}")
    event_dates = dates_right / dates_total if dates_total else 1.0
    print(quotes.line("quotes"))
    print(attribution.line("attribution"))
    print(events.line("events"))
    print(f"{'event dates':<12} {event_dates:.3f} ({dates_right}/{dates_total} matched events)")
    print(participants.line("participants"))
    print(positions.line("positions"))
    return {"quote_f1": quotes.f1, "attribution_f1": attribution.f1, "event_f1": events.f1,
            "event_dates": event_dates, "participants_f1": participants.f1, "position_f1": positions.f1}


@pytest.mark.skipif(not GOLD.exists(),
                    reason="the Japanese gold (examples/ukraine-talks-2025/gold/ja.json) is absent")
def test_japanese_gold_floors() -> None:
    scores = evaluate(verbose=True)
    for name, floor in FLOORS.items():
        assert scores[name] >= floor, f"{name} = {scores[name]:.3f} fell below its floor {floor}"


if __name__ == "__main__":
    evaluate()
