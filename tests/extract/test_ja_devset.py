"""Japanese quotes on the real development reports (devset/, texts not in git).

The figures the Japanese extraction reached on the development set's Japanese reports
(three stories other than the sample), measured with the lead's scorer
(benchmarks/devscore.py, benchmarks/dev_eval.py).  Skipped where the texts are absent.
The floors only go up.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import devscore  # noqa: E402

# measured 0.959 / 0.991 / 1.000 and 0.811 / 0.983 / 0.983 on 64 reports (122 direct, 212 in all)
FLOORS = {
    "direct_recall": 0.95,  # the issue asks for >= 0.90
    "direct_speaker": 0.98,  # the issue asks for >= 0.95
    "direct_precision": 0.98,
    "all_recall": 0.80,
    "all_speaker": 0.97,
    "all_precision": 0.97,
}


def test_japanese_quotes_on_real_reports() -> None:
    dev = devscore.load_devset()
    present = [r for r in dev.present if r.language == "ja"]
    if not present:
        pytest.skip("no Japanese development texts present (not in git; see devset/README.md)")
    from communique.extract.gazetteer import load

    gazetteer = load()
    score = devscore.LangScore()
    for report in present:
        devscore.score_report(report, score, gazetteer)
    figures = {name: getattr(score, name).rate for name in FLOORS}
    print(figures)
    low = {k: (v, FLOORS[k]) for k, v in figures.items() if v is not None and v < FLOORS[k]}
    assert not low, f"below the floor (figure, floor): {low}"
