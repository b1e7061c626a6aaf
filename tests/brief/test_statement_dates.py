"""A statement is dated by the day its wordings give: a wording dated only by its report's part of
the month ("early December", the default of words no sentence dates) does not hide that day, even
though its value (the 1st) comes first."""

from __future__ import annotations

from communique.brief.record import _dates


def _quote(said_on: str, precision: str) -> dict[str, str]:
    return {"said_on": said_on, "said_on_precision": precision}


def test_a_day_comes_before_a_part_of_the_month() -> None:
    quotes = [_quote("2025-12-01", "part_of_month"), _quote("2025-12-02", "day"), _quote("2025-12-02", "day")]
    assert _dates(quotes)[0] == ("2025-12-02", "day")


def test_with_no_day_the_part_of_the_month_dates_it() -> None:
    assert _dates([_quote("2025-12-01", "part_of_month")])[0] == ("2025-12-01", "part_of_month")


def test_most_wordings_a_day_later_still_win() -> None:
    quotes = [_quote("2025-12-02", "day"), _quote("2025-12-03", "day"), _quote("2025-12-03", "day"),
              _quote("2025-12-01", "part_of_month")]
    assert _dates(quotes)[0] == ("2025-12-03", "day")
