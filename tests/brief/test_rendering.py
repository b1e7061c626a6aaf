"""The wording a briefing gives of a statement: the fullest wording of the remark, words that can
stand on their own, then the best sourced (``select.rendering``)."""

from __future__ import annotations

from communique.brief.record import Statement
from communique.brief.select import _has_content, rendering


def _st(*quotes: tuple[str, int]) -> Statement:
    """A statement of English direct quotes, each (text, how many reports carry it)."""
    return Statement(
        id="s",
        quotes=[{"id": f"q{i}", "text": text, "direct": True, "language": "en",
                 "evidence": [{"report_id": f"r{j}", "start": 0, "end": 1} for j in range(n)]}
                for i, (text, n) in enumerate(quotes)],
        speaker_id="person:ann-lee", speaker_text="Ann Lee", said_on="2025-03-01", precision="day",
        hedged=False)


def test_a_piece_yields_to_the_fuller_wording_that_holds_it() -> None:
    # three reports quote the opening piece, two the whole remark: the whole remark is shown
    st = _st(("For any deal to hold,", 3), ("for any deal to hold, both capitals must sign it", 2))
    assert rendering(st, "en")["text"].startswith("for any deal to hold, both")


def test_words_that_stand_on_their_own_come_before_a_fragment() -> None:
    # the fragment is carried more often, but says nothing on its own
    st = _st(("more or less", 3), ("We have more or less agreed on the timetable for the talks", 1))
    assert rendering(st, "en")["text"].startswith("We have more or less agreed")
    assert _has_content(st, "en")


def test_a_statement_of_fragments_only_has_no_content() -> None:
    assert not _has_content(_st(("more or less", 3), ("quite soon", 1)), "en")


def test_the_best_sourced_of_two_full_wordings() -> None:
    st = _st(("The talks were useful and we will meet again", 1),
             ("The talks were useful, and we will meet again next month", 2))
    assert rendering(st, "en")["text"].endswith("next month")


def test_words_leaning_on_the_reporters_sentence_have_no_content() -> None:
    # "The only aim of these talks, she said, was 'to build confidence ...'": the quoted words
    # are many, but what they are (the talks' aim) is in the reporter's words around them
    leaning = _st(("to build confidence in the peaceful nature of the programme in exchange for relief", 1))
    assert not _has_content(leaning, "en")
    assert not _has_content(_st(("and we will not give up any of the land that our soldiers hold", 2)), "en")
    # a lowercase fragment that says something on its own, in as many words, still does
    assert _has_content(_st(("the talks were useful and both sides will meet again next month", 1)), "en")
