"""Words in quote marks are dated by the quoted wordings of their statement: a paraphrase the merger
joined to them by meaning (an outlet's "he had claimed on Monday that they agreed ...") may be a
later remark, and its day is not shown with words no quoted wording dates.  Cases in our own words."""

from __future__ import annotations

from typing import Any

import pytest

from communique.brief import brief
from communique.brief.compose import _translation
from communique.brief.render import markdown

from .fixtures import quote_record, report_record, two_speakers

LEAD = "Varga said: \u201cWe are close to a text both capitals can sign.\u201d"
POST = "Osei wrote: \u201cBoth sides showed wisdom and restraint tonight.\u201d"
LATER = "On Monday, Osei claimed that both sides agreed to stop after he raised trade."


def _quote(qid: str, text: str, words: str, said_on: str, precision: str, direct: bool,
           reports: list[str], speaker: str = "osei") -> dict[str, Any]:
    return quote_record(qid, text, words, reports, speaker=speaker, said_on=said_on, precision=precision,
                        direct=direct, statement="st-" + speaker)


def _records(post_day: tuple[str, str]) -> list[dict[str, Any]]:
    return [
        *two_speakers(),
        report_record("r1", POST, "2025-06-15"),
        report_record("r2", LATER, "2025-06-17"),
        *(report_record(r, LEAD, "2025-06-17") for r in ("r3", "r4", "r5")),
        _quote("q1", POST, "Both sides showed wisdom and restraint tonight.", *post_day, True, ["r1"]),
        _quote("q2", LATER, "both sides agreed to stop after he raised trade", "2025-06-16", "day", False,
               ["r2"]),
        _quote("q3", LEAD, "We are close to a text both capitals can sign.", "2025-06-17", "day", True,
               ["r3", "r4", "r5"], speaker="varga"),
    ]


def test_a_phrase_recited_in_a_later_report_does_not_date_other_words() -> None:
    later = "On Monday, Osei recalled \u201cwisdom and restraint\u201d when he spoke of trade."
    replaced = {"r2": report_record("r2", later, "2025-06-17"),
                "q2": _quote("q2", later, "wisdom and restraint", "2025-06-16", "day", True, ["r2"])}
    records = [replaced.get(str(r["id"]), r) for r in _records(("2025-06-01", "part_of_month"))]
    said = markdown(brief(records, lang="en", as_of="2025-06-17", story_id="s"))
    assert "June 16" not in _line(said), said


def _line(said: str) -> str:
    return next(line for line in said.splitlines() if "wisdom and restraint" in line)


def test_a_paraphrase_s_day_is_not_shown_with_undated_quoted_words() -> None:
    said = markdown(brief(_records(("2025-06-01", "part_of_month")), lang="en", as_of="2025-06-17",
                          story_id="s"))
    assert "June 16" not in _line(said), said


def test_quoted_words_dated_by_their_own_wording_keep_their_day() -> None:
    said = markdown(brief(_records(("2025-06-14", "day")), lang="en", as_of="2025-06-17", story_id="s"))
    assert "June 14" in _line(said), said




@pytest.mark.parametrize(("shown", "other", "dates"), [
    # the Japanese sentence and the English one it renders
    ("両国が知恵と自制を示したことを称えたい", "I want to praise both for their wisdom and restraint", True),
    # two words of a later remark the record joined to it are no translation of it
    ("両国が知恵と自制を示したことを称えたい", "nuclear danger", False),
    # the English sentence, and a Japanese outlet's phrase of it, or its whole rendering
    ("They have no agenda of peace; they stand on the side of war", "戦争の側に立っている", True),
    ("They have no agenda of peace; they stand on the side of war", "戦争", False),
])
def test_another_language_s_wording_dates_words_it_may_render(shown: str, other: str, dates: bool) -> None:
    def quote(text: str) -> dict[str, str]:
        return {"text": text, "language": "en" if text.isascii() else "ja"}
    assert _translation(quote(shown), quote(other)) is dates
