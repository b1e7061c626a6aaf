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

# The three stories the extraction was tuned on: measured 0.959 / 0.991 / 1.000 and 0.811 / 0.983 /
# 0.983 on 64 reports (122 direct, 212 in all).
TUNED = ("gaza-ceasefire-2025", "us-china-trade-2025", "us-japan-tariffs-2025")
FLOORS = {
    "direct_recall": 0.95,  # the issue asks for >= 0.90
    "direct_speaker": 0.98,  # the issue asks for >= 0.95
    "direct_precision": 0.98,
    "all_recall": 0.80,
    "all_speaker": 0.97,
    "all_precision": 0.97,
}
# The story added after them and held out from tuning (US-Iran talks, 16 Japanese reports): its own
# floors, as first measured (0.791 / 0.853 / 0.971 and 0.733 / 0.855 / 0.982), speakers since raised.
HELD_OUT = {
    "us-iran-nuclear-2025": {
        "direct_recall": 0.79,
        "direct_speaker": 0.92,
        "direct_precision": 0.96,
        "all_recall": 0.73,
        "all_speaker": 0.92,
        "all_precision": 0.97,
    },
    # held out until its first audit (run 38), as measured then
    "thailand-cambodia-border-2025": {
        "direct_recall": 0.77,
        "direct_speaker": 0.82,
        "direct_precision": 0.88,
        "all_recall": 0.79,
        "all_speaker": 0.84,
        "all_precision": 0.90,
    },
    # held out until its first audit (run 60, at c9fbc63), as measured then; speakers raised by the
    # next change (「一方Xも」: the country opening the sentence speaks), 0.956 and 0.949
    "india-pakistan-ceasefire-2025": {
        "direct_recall": 0.78,
        "direct_speaker": 0.95,
        "direct_precision": 0.95,
        "all_recall": 0.71,
        "all_speaker": 0.94,
        "all_precision": 0.91,
    },
    # held out until its first audit (run 63, at a00c583), as measured then
    "israel-iran-ceasefire-2025": {
        "direct_recall": 0.85,
        "direct_speaker": 0.92,
        "direct_precision": 0.93,
        "all_recall": 0.80,
        "all_speaker": 0.93,
        "all_precision": 0.92,
    },
    # held out until its first audit (run 70, at 36d29f7), as measured then (recall 0.857 and 0.706,
    # re-pinned by the next change: the two leaders' words after 「両首脳は」, which had been given to
    # Trump named before them, are left without a speaker; speakers rose from 0.917 to 0.957)
    "armenia-azerbaijan-peace-2025": {
        "direct_recall": 0.82,
        "direct_speaker": 0.95,
        "direct_precision": 0.92,
        "all_recall": 0.68,
        "all_speaker": 0.91,
        "all_precision": 0.81,
    },
}
# Re-pinned 2026-12-07 where lower, on the texts retrieved again that day (tests/test_devset.py
# says why): they apply only when every measured text is present.


def _figures(reports: list[devscore.DevReport], floors: dict[str, float]) -> dict[str, float | None]:
    from communique.extract.gazetteer import load

    gazetteer = load()
    score = devscore.LangScore()
    for report in reports:
        devscore.score_report(report, score, gazetteer)
    return {name: getattr(score, name).rate for name in floors}


def _check(reports: list[devscore.DevReport], floors: dict[str, float]) -> None:
    dev = devscore.load_devset()
    if not dev.complete:
        pytest.skip("measured development texts absent or changed: the floors apply to the whole set")
    figures = _figures(reports, floors)
    print(figures)
    low = {k: (v, floors[k]) for k, v in figures.items() if v is not None and v < floors[k]}
    assert not low, f"below the floor (figure, floor): {low}"


def test_japanese_quotes_on_real_reports() -> None:
    dev = devscore.load_devset()
    present = [r for r in dev.present if r.language == "ja" and r.story in TUNED]
    if not present:
        pytest.skip("no Japanese development texts present (not in git; see devset/README.md)")
    _check(present, FLOORS)


@pytest.mark.parametrize("story", sorted(HELD_OUT))
def test_japanese_quotes_on_a_held_out_story(story: str) -> None:
    dev = devscore.load_devset()
    present = [r for r in dev.present if r.language == "ja" and r.story == story]
    if not present:
        pytest.skip(f"no Japanese texts of {story} present (not in git; see devset/README.md)")
    _check(present, HELD_OUT[story])
