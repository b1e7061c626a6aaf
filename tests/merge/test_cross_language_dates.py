"""An English quote and a Japanese one join only on a low bar when both are dated to the same day:
a vague date (an undated report's part of a month) on either side asks the wording for more, so
that a remark of the 30th is not tied to another of the 26th that its part of the month holds."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from communique.merge.members import QuoteMember
from communique.merge.similarity import text_key
from communique.merge.statements import CROSS_LANGUAGE, CROSS_VAGUE, pair_margin
from communique.model import Precision


def member(text: str, language: str, lo: int, hi: int, *, exact: bool) -> QuoteMember:
    return QuoteMember(
        quote_id=f"q-{language}-{lo}", statement_id=f"s-{language}-{lo}", report_id=f"r-{language}",
        speaker_id="donald-trump", lo=lo, hi=hi, exact=exact, said_on=None,
        said_on_precision=Precision.DAY if exact else Precision.PART_OF_MONTH, language=language,
        text=text, direct=True, start=0, end=len(text), text_key=text_key(text),
    )


def vectors_at(cos: float, a: QuoteMember, b: QuoteMember) -> dict[str, np.ndarray]:
    return {text_key(a.text): np.array([1.0, 0.0]), text_key(b.text): np.array([cos, np.sqrt(1 - cos**2)])}


def test_a_vague_date_raises_the_cross_language_bar() -> None:
    assert CROSS_LANGUAGE < CROSS_VAGUE
    en = member("It will be great for both of us.", "en", 100, 100, exact=True)
    ja_day = member("両国にとって素晴らしいものになる。", "ja", 100, 100, exact=True)
    ja_vague = member("両国にとって素晴らしいものになる。", "ja", 95, 105, exact=False)
    cos = (CROSS_LANGUAGE + CROSS_VAGUE) / 2
    assert pair_margin(en, ja_day, vectors_at(cos, en, ja_day)) > 0
    assert pair_margin(en, ja_vague, vectors_at(cos, en, ja_vague)) < 0


def test_a_vaguely_dated_wording_does_not_carry_its_statement_weeks_away() -> None:
    """A statement said on day 100 that a wording dated "the last two weeks" (95..110) joined is
    not met by a remark of day 110 through that wording: its day-precise wordings say when it was
    said, even when they are outside the new quote's window (``days``)."""
    from communique.merge.statements import assign

    words = "我々にとって受け入れられない。"
    vague = replace(member(words, "ja", 95, 110, exact=False), statement_id="s-old")
    new = member(words, "ja", 110, 110, exact=True)
    vectors = {text_key(words): np.array([1.0, 0.0])}
    assert assign(new, [vague], vectors).statement_id == "s-old"  # nothing says when s-old was said
    placed = assign(new, [vague], vectors, days={"s-old": (100, 100)})
    assert placed.statement_id is None and not placed.unite


def test_a_statement_known_only_to_within_days_dates_no_report() -> None:
    """An undated report is dated by the days of the statements its quotes join: a statement whose
    wordings give only "the last ten days" says nothing of its day (and would hide the day the
    report's other remarks agree on); one of a day or two does."""
    from communique.merge.statements import DATING_SPAN, statement_span

    vague = replace(member("Talks were the most professional yet.", "en", 90, 100, exact=False),
                    statement_id="s-vague")
    day = replace(member("A better understanding was reached.", "en", 94, 94, exact=True),
                  statement_id="s-day")
    assert DATING_SPAN < 100 - 90
    assert statement_span([vague, day], "s-vague") is None
    assert statement_span([vague, day], "s-day") == (94, 94)
