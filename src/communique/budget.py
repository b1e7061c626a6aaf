"""A clock budget for the work on one report, checked by the work itself between its stages.

    with budget.deadline(20.0):
        ...            # code that calls budget.check("quotes") between stages
    # budget.OverBudget raised by a check once the 20 s have passed

Nothing is ever interrupted from outside (no signals, no threads): a stage that has started
runs to its end, and a check between stages gives up.  What bounds one stage is the size of
what it is given (the pipeline feeds the extractors at most ``pipeline.EXTRACT_CHARS``), so
the clock is a second line for a slow machine or a pathological text.  Outside a
``deadline`` block, ``check`` does nothing.  The deadline is a context variable: threads
(the web app's) and nested blocks each see their own.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = ["OverBudget", "check", "deadline"]

_DEADLINE: ContextVar[tuple[float, float] | None] = ContextVar("communique_deadline", default=None)


class OverBudget(Exception):  # noqa: N818 - a condition, not an error of the code
    """The time budget passed; ``stage`` is where the check noticed."""

    def __init__(self, stage: str, seconds: float) -> None:
        super().__init__(f"over the {seconds:g}s budget before {stage}")
        self.stage = stage
        self.seconds = seconds


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Checks inside this block raise :class:`OverBudget` once ``seconds`` have passed."""
    token = _DEADLINE.set((time.monotonic() + seconds, seconds))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check(stage: str) -> None:
    """Give up (raise :class:`OverBudget`) if the current deadline has passed."""
    current = _DEADLINE.get()
    if current is not None and time.monotonic() >= current[0]:
        raise OverBudget(stage, current[1])
