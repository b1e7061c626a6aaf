"""Dates as day intervals, so that "early December" and "Dec 2" are compatible and
"Dec 2" and "Dec 5" are not.  Days are proleptic ordinals (``date.toordinal()``)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from ..model import Precision

UNDATED_BACK = 14  # an undated remark or event: within two weeks before the report


def parse_day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def interval(
    value: str | None, precision: Precision | str | None, published: str | None = None
) -> tuple[int, int] | None:
    """(first day, last day) a dated item can fall on; None when nothing is known.

    An undated item falls back to the report's publication date and the two weeks before it.
    """
    day = parse_day(value)
    precision = Precision(precision) if precision else Precision.UNKNOWN
    if day is None or precision is Precision.UNKNOWN:
        pub = parse_day(published)
        if pub is None:
            return None
        return (pub - timedelta(days=UNDATED_BACK)).toordinal(), pub.toordinal()
    last_of_month = calendar.monthrange(day.year, day.month)[1]
    if precision in (Precision.DAY, Precision.DATETIME):
        return day.toordinal(), day.toordinal()
    if precision is Precision.PART_OF_MONTH:
        end = day.replace(day=min(last_of_month, day.day + 10 if day.day < 21 else last_of_month))
        return day.toordinal(), end.toordinal()
    if precision is Precision.MONTH:
        return day.replace(day=1).toordinal(), day.replace(day=last_of_month).toordinal()
    return date(day.year, 1, 1).toordinal(), date(day.year, 12, 31).toordinal()


def is_exact(precision: Precision | str | None) -> bool:
    return precision in (Precision.DAY, Precision.DATETIME, "day", "datetime")


def gap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> int:
    """Days between two intervals (0 when they overlap or one is unknown)."""
    if a is None or b is None:
        return 0
    if a[1] < b[0]:
        return b[0] - a[1]
    if b[1] < a[0]:
        return a[0] - b[1]
    return 0


def iso(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()
