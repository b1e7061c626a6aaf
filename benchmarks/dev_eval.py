"""Figures on the development set of real reports (devset/), against the issue's targets.

    .venv/bin/python benchmarks/dev_eval.py              # every story present
    .venv/bin/python benchmarks/dev_eval.py --misses     # and every miss, report by report
    .venv/bin/python benchmarks/dev_eval.py --check      # gold spans that no longer match a text
    .venv/bin/python benchmarks/dev_eval.py --no-merge   # skip statement grouping (no store)
    .venv/bin/python benchmarks/dev_eval.py --json       # the figures as one JSON object

The report texts are not in git; the script says which are absent and scores the rest
(devset/README.md says how to rebuild them). With ``--polnear`` and ``--events`` it also runs
``benchmarks/polnear.py --split dev`` and ``benchmarks/dev_events.py`` when they exist.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import devscore  # noqa: E402

from communique import pipeline  # noqa: E402
from communique.extract.gazetteer import load as load_gazetteer  # noqa: E402

TARGETS = {
    "direct_recall": 0.90,
    "direct_speaker": 0.95,
    "participant_precision": 0.95,
    "participant_recall": 0.80,
    "titles": 0.95,
    "agreement_precision": 0.90,
    "agreement_participant_precision": 0.95,
}


def _fmt(value: float | None) -> str:
    return "  —  " if value is None else f"{value:.3f}"


def evaluate(dev: devscore.DevSet, *, merge: bool = True, show_pairs: bool = False) -> dict[str, Any]:
    gazetteer = load_gazetteer()
    scores: dict[str, devscore.LangScore] = defaultdict(devscore.LangScore)
    results = []
    started = time.monotonic()
    for item in dev.present:
        results.append(devscore.score_report(item, scores[item.language], gazetteer))
    seconds = time.monotonic() - started
    figures: dict[str, Any] = {"reports": len(results), "absent": [r.id for r in dev.absent],
                               "extract_seconds": round(seconds, 2), "languages": {}}
    for lang, s in sorted(scores.items()):
        figures["languages"][lang] = {
            "reports": s.reports,
            "direct_recall": s.direct_recall.rate, "direct_speaker": s.direct_speaker.rate,
            "direct_precision": s.direct_precision.rate,
            "all_recall": s.all_recall.rate, "all_speaker": s.all_speaker.rate,
            "all_precision": s.all_precision.rate,
            "gold_direct": s.direct_recall.total, "gold_all": s.all_recall.total,
            "meeting_recall": s.meeting_recall.rate, "meeting_precision": s.meeting_precision.rate,
            "participant_precision": s.participant_precision.rate,
            "participant_recall": s.participant_recall.rate,
            "gold_meetings": s.meeting_recall.total,
            "place_precision": s.place_precision.rate, "place_recall": s.place_recall.rate,
            "date_precision": s.date_precision.rate, "date_recall": s.date_recall.rate,
            "gold_agreements": s.agreement_recall.total,
            "agreement_recall": s.agreement_recall.rate, "agreement_precision": s.agreement_precision.rate,
            "agreement_participant_precision": s.agreement_participant_precision.rate,
            "agreement_participant_recall": s.agreement_participant_recall.rate,
            "titles": s.titles.rate, "furniture_titles": s.furniture_titles,
            "misses": s.misses,
        }
    if merge and results:
        figures["statements"] = _statements(results, show=show_pairs)
    return figures


def _statements(results: list[devscore.ReportResult], *, show: bool = False) -> dict[str, Any]:
    """Ingest the present reports into a scratch store (extract + merge), then score pairs.

    Besides recall and precision over the pairs of matched quotes, the breakdown says where
    the other gold pairs are lost: a quote not extracted, extracted with a wrong speaker, the
    two quotes given different speaker ids (none of which merging can mend), or left apart
    by the merger. With ``show`` it prints the merger's missed and wrong pairs."""
    gazetteer = load_gazetteer()
    with tempfile.TemporaryDirectory() as tmp, pipeline.open_store(Path(tmp) / "dev.db") as store:
        for r in sorted(results, key=lambda r: (r.report.published_at or "~", r.report.id)):
            pipeline.add_report(store, r.report)
            pipeline.extract_report(store, r.report)
            pipeline.merge_report(store, r.report.id)
        by_report: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for q in pipeline.export_records(store, ["quote"]):
            for ev in q["evidence"][:1]:
                by_report[ev["report_id"]].append(q)
    items = []
    gold_items: list[_GoldQuote] = []
    for r in results:
        stored = by_report.get(r.report.id, [])
        gold = r.dev.gold.get("quotes", [])
        pairs = dict(devscore._pair(gold, stored, lambda g, p: devscore.texts_match(g["text"], p["text"])))
        for gi, g in enumerate(gold):
            if not g.get("statement"):
                continue
            pi = pairs.get(gi)
            p = stored[pi] if pi is not None else None
            right = p is not None and devscore.names_agree(
                g["speaker"], g.get("speaker_kind", "person"),
                devscore.name_forms(p["speaker_id"], r.extraction, gazetteer, p.get("speaker_text") or ""))
            gold_items.append(_GoldQuote(r.dev, g, p, right))
            if p is not None:
                items.append((r.dev, g["statement"], p["statement_id"]))
    out: dict[str, Any] = {}
    for key, s in sorted(devscore.score_statements(items).items()):
        out[key] = {"gold_pairs": s.gold_pairs, "recall": s.recall, "pred_pairs": s.pred_pairs,
                    "precision": s.precision}
    for key, b in _breakdown(gold_items, show=show).items():
        out.setdefault(key, {}).update(b)
    by_story: dict[str, dict[str, Any]] = {}
    for story in sorted({dev.story for dev, _g, _p in items}):
        scored = devscore.score_statements([i for i in items if i[0].story == story])
        by_story[story] = {key: {"gold_pairs": s.gold_pairs, "recall": s.recall, "pred_pairs": s.pred_pairs,
                                 "precision": s.precision} for key, s in sorted(scored.items())}
    out["by_story"] = by_story
    return out


@dataclass(frozen=True, slots=True)
class _GoldQuote:
    dev: devscore.DevReport
    gold: dict[str, Any]
    stored: dict[str, Any] | None  # the stored quote matched to it, if any
    right_speaker: bool


def _breakdown(quotes: list[_GoldQuote], *, show: bool) -> dict[str, dict[str, int]]:
    """Every gold same-remark pair (different reports, no wire copies), counted by where it is
    lost; with ``show``, the pairs the merger missed or made wrongly, for reading."""
    out: dict[str, dict[str, int]] = {}
    for i, a in enumerate(quotes):
        for b in quotes[i + 1:]:
            ra, rb = a.dev, b.dev
            if ra.id == rb.id or ra.story != rb.story or ra.wire_of == rb.id or rb.wire_of == ra.id:
                continue
            key = "-".join(sorted((ra.language, rb.language)))
            c = out.setdefault(key, dict.fromkeys(
                ("all_gold", "extracted", "right_speaker", "same_speaker_id", "grouped",
                 "wrong_grouped"), 0))
            same_gold = a.gold["statement"] == b.gold["statement"]
            grouped = (a.stored is not None and b.stored is not None
                       and a.stored["statement_id"] == b.stored["statement_id"])
            if grouped and not same_gold:
                c["wrong_grouped"] += 1
                if show:
                    _show("WRONG", key, a, b)
            if not same_gold:
                continue
            c["all_gold"] += 1
            if a.stored is None or b.stored is None:
                continue
            c["extracted"] += 1
            if not (a.right_speaker and b.right_speaker):
                continue
            c["right_speaker"] += 1
            if a.stored["speaker_id"] != b.stored["speaker_id"]:
                if show:
                    _show("SPEAKER", key, a, b)
                continue
            c["same_speaker_id"] += 1
            c["grouped"] += grouped
            if show and not grouped:
                _show("MISSED", key, a, b)
    return out


def _show(what: str, key: str, a: _GoldQuote, b: _GoldQuote) -> None:
    def one(q: _GoldQuote) -> str:
        s = q.stored or {}
        return (f"{q.dev.id} [{s.get('speaker_id')} {s.get('said_on')} {q.gold['statement']}"
                f"{'' if q.gold.get('direct', True) else ' ind'}] {(s.get('text') or '')[:110]!r}")
    print(f"{what} {key}\n   {one(a)}\n   {one(b)}")


def _run(script: str, args: list[str]) -> None:
    path = Path(__file__).resolve().parent / script
    if not path.is_file():
        print(f"\n{script}: not in this checkout", file=sys.stderr)
        return
    print(f"\n== {script} {' '.join(args)}")
    subprocess.run([sys.executable, str(path), *args], check=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=devscore.ROOT)
    parser.add_argument("--misses", action="store_true", help="print every miss")
    parser.add_argument("--check", action="store_true", help="only check that gold spans are in the texts")
    parser.add_argument("--no-merge", action="store_true", help="skip statement grouping")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--pairs", action="store_true",
                        help="print the same-remark pairs the merger missed or made wrongly")
    parser.add_argument("--story", action="append", default=[],
                        help="score only this story (repeatable)")
    parser.add_argument("--polnear", action="store_true", help="also run benchmarks/polnear.py --split dev")
    parser.add_argument("--events", action="store_true", help="also run benchmarks/dev_events.py")
    args = parser.parse_args(argv)

    dev = devscore.load_devset(args.root)
    for problem in dev.problems:
        print(f"devset: {problem}", file=sys.stderr)
    if not dev.reports:
        print(f"no development set under {args.root} (see devset/README.md)", file=sys.stderr)
        return 1
    if args.story:
        dev.reports = [r for r in dev.reports if r.story in args.story]
    if dev.absent:
        print(f"{len(dev.absent)} of {len(dev.reports)} report texts are absent (not in git; see "
              f"devset/README.md to rebuild): scoring the {len(dev.present)} present", file=sys.stderr)
    changed = [r.id for r in dev.reports if r.changed]
    if changed:
        print(f"{len(changed)} text(s) are not the ones measured (another copy, or never listed): "
              f"{', '.join(changed)}; left out (list their sha256 in reports.jsonl to measure them)",
              file=sys.stderr)
    if args.check:
        here = [item for item in dev.reports if item.path.is_file()]
        bad = [line for item in here for line in devscore.check_texts(item)]
        for line in bad:
            print(line)
        print(f"{len(bad)} gold span(s) not found in {len(here)} text(s)", file=sys.stderr)
        return 1 if bad else 0

    figures = evaluate(dev, merge=not args.no_merge, show_pairs=args.pairs)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=1))
        return 0
    stories = sorted({r.story for r in dev.present})
    outlets = sorted({r.outlet or "?" for r in dev.present})
    print(f"development set: {figures['reports']} reports present, {len(stories)} stories, "
          f"{len(outlets)} outlets; extraction {figures['extract_seconds']}s")
    header = f"{'figure':<24}" + "".join(f"{lang:>9}" for lang in figures["languages"]) + "   target"
    print(header)
    rows = [("reports", "reports"), ("gold direct quotes", "gold_direct"), ("direct recall", "direct_recall"),
            ("direct speaker acc.", "direct_speaker"), ("direct precision", "direct_precision"),
            ("gold quotes (all)", "gold_all"), ("all recall", "all_recall"),
            ("all speaker acc.", "all_speaker"), ("all precision", "all_precision"),
            ("gold meetings", "gold_meetings"), ("meeting recall", "meeting_recall"),
            ("meeting precision", "meeting_precision"), ("participant precision", "participant_precision"),
            ("participant recall", "participant_recall"),
            ("meeting place precision", "place_precision"), ("meeting place recall", "place_recall"),
            ("meeting date precision", "date_precision"), ("meeting date recall", "date_recall"),
            ("gold agreements", "gold_agreements"), ("agreement recall", "agreement_recall"),
            ("agreement precision", "agreement_precision"),
            ("agr. party precision", "agreement_participant_precision"),
            ("agr. party recall", "agreement_participant_recall"), ("titles right", "titles"),
            ("furniture titles", "furniture_titles")]
    for label, key in rows:
        cells = []
        for lang in figures["languages"]:
            value = figures["languages"][lang][key]
            cells.append(f"{value:>9}" if isinstance(value, int) else f"{_fmt(value):>9}")
        target = TARGETS.get(key)
        print(f"{label:<24}" + "".join(cells) + (f"   ≥ {target:.2f}" if target else ""))
    statements = dict(figures.get("statements", {}))
    by_story = statements.pop("by_story", {})
    for key, s in statements.items():
        print(f"statement pairs {key:<8} gold {s['gold_pairs']:>4}  recall {_fmt(s['recall'])}   "
              f"predicted {s['pred_pairs']:>4}  precision {_fmt(s['precision'])}")
    for story, keys in by_story.items():
        print(f"  {story}: " + "; ".join(
            f"{key} {s['gold_pairs']} r {_fmt(s['recall'])} p {_fmt(s['precision'])} ({s['pred_pairs']})"
            for key, s in keys.items()))
    for key, s in statements.items():
        if "all_gold" in s:
            print(f"  {key}: gold pairs {s['all_gold']}, both quotes extracted {s['extracted']}, "
                  f"with the right speaker {s['right_speaker']}, one speaker id {s['same_speaker_id']}, "
                  f"of them grouped {s['grouped']}")
    if args.misses:
        for lang, values in figures["languages"].items():
            print(f"\n-- misses ({lang})")
            for line in values["misses"]:
                print(line)
    if args.polnear:
        _run("polnear.py", ["--split", "dev"])
    if args.events:
        _run("dev_events.py", [])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
