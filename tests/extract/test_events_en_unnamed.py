"""English meetings whose parties the clause names by pronoun or description, and meetings that
name nobody.

Sentences written for these tests; reports are published 2025-12-04, a Thursday.
"""

from __future__ import annotations

import pytest

from communique.extract.en import extract
from communique.extract.gazetteer import load
from communique.model import Event

from .cases import english_report

MEETING_KINDS = ("meeting", "phone_call", "planned_meeting")


def run(text: str) -> list[Event]:
    report = english_report(text, report_id="r-unnamed-case")
    return [e for e in extract(report, load()).events if e.kind in MEETING_KINDS]


def found(text: str) -> set[tuple[str, frozenset[str]]]:
    return {(e.kind, frozenset(e.participant_ids)) for e in run(text)}


CASES = [
    (
        "a pronoun opening the sentence is the one named before it",
        "Emmanuel Macron flew to Washington on Tuesday. He met the president on Wednesday.",
        {("meeting", frozenset({"emmanuel-macron", "donald-trump"}))},
        "U.S. President Donald Trump said little. ",
    ),
    (
        "'They' are the two people the sentence before opens with",
        "Marco Rubio and Kaja Kallas arrived in Riyadh on Monday. They met with Sergei Lavrov on Tuesday.",
        {("meeting", frozenset({"marco-rubio", "kaja-kallas", "sergei-lavrov"}))},
        "",
    ),
    (
        "a pronoun after an opening phrase, with separate meetings",
        "Sergei Lavrov arrived in Ankara on Monday. On Tuesday, he held talks separately with Marco Rubio "
        "and with Kaja Kallas.",
        {
            ("meeting", frozenset({"sergei-lavrov", "marco-rubio"})),
            ("meeting", frozenset({"sergei-lavrov", "kaja-kallas"})),
        },
        "",
    ),
    (
        "a subject with an appositive and a singular 'phone talk'",
        "Marco Rubio, the top U.S. diplomat, held a phone talk with Sergei Lavrov on Monday.",
        {("phone_call", frozenset({"marco-rubio", "sergei-lavrov"}))},
        "",
    ),
    (
        "'will be in <city> ... for talks with' is a planned meeting",
        "Marco Rubio will be in Geneva from Monday to Wednesday for talks with Sergei Lavrov.",
        {("planned_meeting", frozenset({"marco-rubio", "sergei-lavrov"}))},
        "",
    ),
    (
        "'is scheduled to hold discussions with' is a planned meeting",
        "Marco Rubio is scheduled to hold discussions on Friday with Sergei Lavrov.",
        {("planned_meeting", frozenset({"marco-rubio", "sergei-lavrov"}))},
        "",
    ),
    (
        "the country one visits is where, not who",
        "Marco Rubio is scheduled to visit Japan next week to meet Sergei Lavrov.",
        {("planned_meeting", frozenset({"marco-rubio", "sergei-lavrov"}))},
        "",
    ),
    (
        "the one who hails a call with someone was on it",
        "Emmanuel Macron hailed a \"very useful\" call with Xi Jinping on Monday.",
        {("phone_call", frozenset({"emmanuel-macron", "xi-jinping"}))},
        "",
    ),
]


CASES += [
    (
        "the people who arrive where the talks are held join them",
        "Marco Rubio and Kaja Kallas arrived in Geneva on Monday, where talks are underway between "
        "Sergei Lavrov and Xi Jinping.",
        {("meeting", frozenset({"marco-rubio", "kaja-kallas", "sergei-lavrov", "xi-jinping"}))},
        "",
    ),
    (
        "the subject after an opening 'In a phone call, ...' was on the call",
        "In a long phone call, which took place in the evening, Marco Rubio and Sergei Lavrov explored "
        "a deal.",
        {("phone_call", frozenset({"marco-rubio", "sergei-lavrov"}))},
        "",
    ),
    (
        "'what both sides described as' does not make the subject a commenter",
        "Officials from Japan and China ended two days of what both sides described as \"useful\" talks.",
        {("meeting", frozenset({"japan", "china"}))},
        "",
    ),
    (
        "a meeting in an ', as ...' clause after a reporting clause",
        "He told reporters in Geneva, as Marco Rubio and Sergei Lavrov concluded two days of meetings.",
        {("meeting", frozenset({"marco-rubio", "sergei-lavrov"}))},
        "",
    ),
    (
        "a pronoun that plans a trip to hold talks",
        "Marco Rubio arrived on Monday. He planned to visit Geneva next week to hold further talks with "
        "Sergei Lavrov.",
        {("planned_meeting", frozenset({"marco-rubio", "sergei-lavrov"}))},
        "",
    ),
]


@pytest.mark.parametrize(("pattern", "text", "expected", "lead"), CASES, ids=[c[0] for c in CASES])
def test_unnamed_parties(
    pattern: str, text: str, expected: set[tuple[str, frozenset[str]]], lead: str
) -> None:
    assert found(lead + text) == expected, pattern


NOT_PARTIES = [
    (
        "a pronoun that only comments on talks is no party",
        "Sergei Lavrov spoke on Monday. He criticised the talks between Marco Rubio and Kaja Kallas.",
        {("meeting", frozenset({"marco-rubio", "kaja-kallas"}))},
    ),
    (
        "'They' after a sentence that names one person is nobody",
        "Marco Rubio arrived in Riyadh on Monday. They met with Sergei Lavrov on Tuesday.",
        {("meeting", frozenset({"sergei-lavrov"}))},
    ),
]


@pytest.mark.parametrize(("pattern", "text", "expected"), NOT_PARTIES, ids=[c[0] for c in NOT_PARTIES])
def test_not_parties(pattern: str, text: str, expected: set[tuple[str, frozenset[str]]]) -> None:
    assert found(text) == expected, pattern


def test_a_family_name_he_is_no_pronoun() -> None:
    """'He Lifeng met ...' names its subject: nobody from the sentence before is put at the meeting."""
    events = run("Scott Bessent arrived on Monday. He Lifeng met Marco Rubio in Geneva on Tuesday.")
    assert events and all("scott-bessent" not in e.participant_ids for e in events)
    assert all("marco-rubio" in e.participant_ids for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "The talks resumed on Monday.",
        "Meetings are scheduled for Saturday and Sunday.",
        "These were the first talks since those in March.",
    ],
)
def test_a_meeting_that_names_nobody_is_no_event(text: str) -> None:
    assert run(text) == []


def test_a_round_with_a_place_and_a_day_stays() -> None:
    """Nobody named, but a place and a day of its own: a round of the timeline."""
    (event,) = run("Those meetings followed an earlier round in Geneva on Nov. 23.")
    got = (event.kind, event.date, event.place, event.participant_ids)
    assert got == ("meeting", "2025-11-23", "Geneva", ())


def test_a_committee_after_a_rank_word_is_no_person() -> None:
    """'General' is a rank before a name, but 'the General Border Committee' is a body: no
    person:border-committee takes part in its meeting."""
    report = english_report(
        "The two defence ministers signed the text during the Special General Border Committee meeting "
        "on Tuesday. Both sides agreed to convene a Regional Border Committee meeting within two weeks.",
        report_id="r-committee-case")
    extraction = extract(report, load())
    assert not [a.id for a in extraction.actors if a.id.startswith("person:")]
    assert all(not p.startswith("person:") for e in extraction.events for p in e.participant_ids)


@pytest.mark.parametrize(("text", "expected"), [
    ("Hamas feared Israel would resume its attacks on Gaza once the hostages were freed.", set()),
    ("Israel and Hamas said they would resume military operations if the truce failed.", set()),
    ("Iran and the United States agreed to begin immediate ceasefire negotiations.",
     {("planned_meeting", frozenset({"iran", "united-states"}))}),
    ("Iran and the United States will resume talks in Rome.",
     {("planned_meeting", frozenset({"iran", "united-states"}))}),
])
def test_what_resumes_is_talks_for_a_meeting_to_come(text: str, expected: set) -> None:
    assert found(text) == expected
