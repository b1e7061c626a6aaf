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
}


def _fmt(value: float | None) -> str:
    return "  —  " if value is None else f"{value:.3f}"


def evaluate(dev: devscore.DevSet, *, merge: bool = True) -> dict[str, Any]:
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
            "titles": s.titles.rate, "furniture_titles": s.furniture_titles,
            "misses": s.misses,
        }
    if merge and results:
        figures["statements"] = _statements(results)
    return figures


def _statements(results: list[devscore.ReportResult]) -> dict[str, Any]:
    """Ingest the present reports into a scratch store (extract + merge), then score pairs."""
    with tempfile.TemporaryDirectory() as tmp, pipeline.open_store(Path(tmp) / "dev.db") as store:
        for r in sorted(results, key=lambda r: (r.report.published_at or "", r.report.id)):
            pipeline.add_report(store, r.report)
            pipeline.extract_report(store, r.report)
            pipeline.merge_report(store, r.report.id)
        by_report: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for q in pipeline.export_records(store, ["quote"]):
            for ev in q["evidence"][:1]:
                by_report[ev["report_id"]].append(q)
    items = []
    for r in results:
        stored = by_report.get(r.report.id, [])
        gold = r.dev.gold.get("quotes", [])
        pairs = devscore._pair(gold, stored, lambda g, p: devscore.texts_match(g["text"], p["text"]))
        for gi, pi in pairs:
            if gold[gi].get("statement"):
                items.append((r.dev, gold[gi]["statement"], stored[pi]["statement_id"]))
    out = {}
    for key, s in sorted(devscore.score_statements(items).items()):
        out[key] = {"gold_pairs": s.gold_pairs, "recall": s.recall, "pred_pairs": s.pred_pairs,
                    "precision": s.precision}
    return out


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
    parser.add_argument("--polnear", action="store_true", help="also run benchmarks/polnear.py --split dev")
    parser.add_argument("--events", action="store_true", help="also run benchmarks/dev_events.py")
    args = parser.parse_args(argv)

    dev = devscore.load_devset(args.root)
    for problem in dev.problems:
        print(f"devset: {problem}", file=sys.stderr)
    if not dev.reports:
        print(f"no development set under {args.root} (see devset/README.md)", file=sys.stderr)
        return 1
    if dev.absent:
        print(f"{len(dev.absent)} of {len(dev.reports)} report texts are absent (not in git; see "
              f"devset/README.md to rebuild): scoring the {len(dev.present)} present", file=sys.stderr)
    if args.check:
        bad = [line for item in dev.present for line in devscore.check_texts(item)]
        for line in bad:
            print(line)
        print(f"{len(bad)} gold span(s) not found in {len(dev.present)} text(s)", file=sys.stderr)
        return 1 if bad else 0

    figures = evaluate(dev, merge=not args.no_merge)
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
            ("participant recall", "participant_recall"), ("titles right", "titles"),
            ("furniture titles", "furniture_titles")]
    for label, key in rows:
        cells = []
        for lang in figures["languages"]:
            value = figures["languages"][lang][key]
            cells.append(f"{value:>9}" if isinstance(value, int) else f"{_fmt(value):>9}")
        target = TARGETS.get(key)
        print(f"{label:<24}" + "".join(cells) + (f"   ≥ {target:.2f}" if target else ""))
    for key, s in figures.get("statements", {}).items():
        print(f"statement pairs {key:<8} gold {s['gold_pairs']:>4}  recall {_fmt(s['recall'])}   "
              f"predicted {s['pred_pairs']:>4}  precision {_fmt(s['precision'])}")
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
