"""A remark not dated to the day is not shown when it names a day relative to when it was said."""

from __future__ import annotations

import pytest

from communique.brief.record import Statement
from communique.brief.select import _placed


def _st(text: str, precision: str) -> Statement:
    said_on = "2025-03-01" if precision != "unknown" else None
    return Statement(id="s", quotes=[{"id": "q", "text": text}], speaker_id="x", speaker_text="X",
                     said_on=said_on, precision=precision, hedged=False)


@pytest.mark.parametrize(("text", "precision", "shown"), [
    ("I will speak to him on Friday", "unknown", False),
    ("I will speak to him on Friday", "part_of_month", False),
    ("I will speak to him on Friday", "day", True),
    ("協議は15日に再開する", "unknown", False),
    ("協議は3月15日に再開する", "unknown", True),  # the month places it
    ("We are close to a deal", "unknown", True),
])
def test_placed(text: str, precision: str, shown: bool) -> None:
    assert _placed(_st(text, precision)) is shown
