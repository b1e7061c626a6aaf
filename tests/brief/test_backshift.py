"""Reported speech told in a later briefing: "by the end of this month" said in April is read in
September, so a briefing says "that month"; the outlet's other words stay as they are and are what
the verifier finds in the evidence.  Direct quotes are never changed."""

from __future__ import annotations

from communique.brief import templates_en, templates_ja
from communique.brief.compose import backshifted


def test_english_relative_days_are_told_from_the_day_of_the_words() -> None:
    text, kept = backshifted("both sides would meet again by the end of this month and talk tomorrow",
                             templates_en.BACKSHIFT)
    assert text == "both sides would meet again by the end of that month and talk the next day"
    assert kept == ["both sides would meet again by the end of", "and talk"]
    assert backshifted("he would go next week", templates_en.BACKSHIFT)[0] == "he would go the following week"
    assert backshifted("he may go this weekend", templates_en.BACKSHIFT)[0] == "he may go that weekend"
    plain = "no time words here"
    assert backshifted(plain, templates_en.BACKSHIFT) == (plain, [plain])


def test_japanese_relative_days_are_told_from_the_day_of_the_words() -> None:
    text, kept = backshifted("今月中に2回目の協議を行い、来週にも訪米する", templates_ja.BACKSHIFT)
    assert text == "同月中に2回目の協議を行い、翌週にも訪米する"
    assert kept == ["中に2回目の協議を行い", "にも訪米する"]


def test_will_of_a_plan_is_told_as_would() -> None:
    text, _ = backshifted("the next round will be held in Tallinn", templates_en.BACKSHIFT)
    assert text == "the next round would be held in Tallinn"
    assert backshifted("the will of the people", templates_en.BACKSHIFT)[0] == "the will of the people"


def test_reported_speech_loses_only_its_outer_quote_marks() -> None:
    clause = "“the ceasefire would be “immediate and unconditional””"
    said = templates_en.statement("Anwar", "July 28", clause, direct=False, same_lang=True, hedge=None)
    assert said == "Anwar said on July 28 that the ceasefire would be “immediate and unconditional”."


def test_the_quoted_words_own_stop_gives_way_to_the_sentences() -> None:
    for clause, told in (("“the first round went “well,””", "the first round went “well”."),
                         ("“they were in “fateful days of decision.””",
                          "they were in “fateful days of decision”.")):
        said = templates_en.statement("Ann Lee", None, clause, direct=False, same_lang=True, hedge=None)
        assert said == f"Ann Lee said that {told}"
