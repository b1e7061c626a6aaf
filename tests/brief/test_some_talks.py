"""A party's section does not give undated words about "the talks" in a story of several rounds:
「協議は率直で、建設的だった」 with no date cannot be placed (the meeting's own remarks follow it in the
talks so far, where the meeting says which)."""

from __future__ import annotations

from communique.brief.record import Statement
from communique.brief.sections import _of_some_talks


def _st(text: str, said_on: str | None) -> Statement:
    return Statement(id="s-1", quotes=[{"text": text}], speaker_id="x", speaker_text="X", said_on=said_on,
                     precision="day" if said_on else "unknown", hedged=False)


def test_undated_words_about_talks_cannot_be_placed() -> None:
    assert _of_some_talks(_st("協議は率直で、建設的だった", None))
    assert _of_some_talks(_st("The talks were frank and constructive", None))
    assert not _of_some_talks(_st("協議は率直で、建設的だった", "2025-05-11"))  # the day tells which
    assert not _of_some_talks(_st("We are not in a hurry to make a deal", None))  # not about a round


def test_words_naming_the_place_or_a_number_can_be_placed() -> None:
    geneva = "the two sides agreed a framework for the consensus of the talks in Geneva"
    assert not _of_some_talks(_st(geneva, None))
    assert not _of_some_talks(_st("the truce reached at the talks expires on August 12", None))
