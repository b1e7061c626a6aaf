"""English meetings and calls: more ways a clause puts people at them (issue 9, second round).

Every sentence is written for these tests.  Reports are published 2025-12-04, a Thursday.
"""

from __future__ import annotations

import pytest

from communique.extract.en import extract
from communique.extract.gazetteer import load
from communique.model import Event

from .cases import english_report

MEETING_KINDS = ("meeting", "phone_call", "planned_meeting")


def run(text: str) -> list[Event]:
    report = english_report(text, report_id="r-meetings-more")
    return [e for e in extract(report, load()).events if e.kind in MEETING_KINDS]


# (pattern, text, expected meetings: (kind, participants))
CASES = [
    (
        "a call 'over the phone', then 'They' for the two on it",
        "Prime Minister Shigeru Ishiba spoke with U.S. President Donald Trump over the phone on Monday. "
        "They will meet in Canada next month.",
        [
            ("phone_call", {"shigeru-ishiba", "donald-trump"}),
            ("planned_meeting", {"shigeru-ishiba", "donald-trump"}),
        ],
    ),
    (
        "a subject of two titled names split by appositive commas",
        "Emmanuel Macron's chief adviser, Steve Witkoff, and his son-in-law, Jared Kushner, are "
        "scheduled to attend talks in Cairo on Wednesday.",
        [("planned_meeting", {"steve-witkoff", "jared-kushner"})],
    ),
    (
        "'his meeting with X': the one the pronoun names",
        "Steve Witkoff praised Benjamin Netanyahu. The Israeli plan, unveiled after his meeting with "
        "Emmanuel Macron in Paris on Monday, was welcomed.",
        [("meeting", {"steve-witkoff", "emmanuel-macron"})],
    ),
    (
        "a denial of another clause does not undo 'when he held talks'",
        "Scott Bessent spoke on Tuesday. He said he did not discuss trade when he held talks with "
        "Emmanuel Macron in Paris.",
        [("meeting", {"scott-bessent", "emmanuel-macron"})],
    ),
    (
        "'brought together' a delegation led by named people",
        "The meetings brought together a U.S. delegation led by Treasury Secretary Scott Bessent and "
        "Trade Representative Jamieson Greer.",
        [("meeting", {"scott-bessent", "jamieson-greer"})],
    ),
    (
        "'welcomed a delegation led by X'",
        "Emir Sheikh Tamim bin Hamad Al Thani welcomed a Hamas delegation led by senior official "
        "Khalil al-Hayya in Doha on Monday.",
        [("meeting", {"tamim-bin-hamad-al-thani", "hamas", "person:khalil-al-hayya"})],
    ),
    (
        "'said X after speaking with Y during a phone call': the speaker's own call",
        'Jared Kushner spoke on Monday. "It went well," said Kushner after speaking with Benjamin '
        "Netanyahu during a phone call on Tuesday.",
        [("phone_call", {"jared-kushner", "benjamin-netanyahu"})],
    ),
    (
        "'said the <title> after two days of meetings with Y': a described speaker the report named",
        'Scott Bessent was in Madrid. "There are details to settle," said the US Treasury Secretary '
        "to reporters after two days of meetings with Chinese officials headed by Vice Premier He Lifeng.",
        [("meeting", {"scott-bessent", "person:he-lifeng"})],
    ),
    (
        "two calls of one person with different people are two calls",
        "Ryosei Akazawa held a phone call with Scott Bessent on Tuesday. Later, Japan will seek a deal, "
        "said Akazawa after speaking with Commerce Secretary Howard Lutnick during a phone call.",
        [
            ("phone_call", {"person:ryosei-akazawa", "scott-bessent"}),
            ("phone_call", {"person:ryosei-akazawa", "howard-lutnick"}),
        ],
    ),
]


CASES += [
    (
        "'was visiting X to host a delegation led by Y': a meeting that took place",
        "Ryosei Akazawa was visiting Osaka to host a U.S. delegation, led by Treasury Secretary Scott "
        "Bessent, that toured the fair.",
        [("meeting", {"person:ryosei-akazawa", "scott-bessent"})],
    ),
    (
        "'a delegation set to engage in talks with X': a planned meeting",
        "Senior official Khalil al-Hayya arrived in Cairo on Sunday at the head of a delegation set to "
        "engage in indirect talks with Israel.",
        [("planned_meeting", {"person:khalil-al-hayya", "israel"})],
    ),
    (
        "'when he meets X later this week' and 'ahead of the meeting with X': still to come",
        "Donald Trump said he was confident of a deal when he meets Xi Jinping later this week. Trump "
        "was upbeat ahead of the meeting with Xi in Seoul.",
        [("planned_meeting", {"donald-trump", "xi-jinping"})],
    ),
    (
        "a city hosting the talks is where they are, not a party",
        "Doha is currently hosting indirect talks between Israel and Hamas.",
        [("meeting", {"israel", "hamas"})],
    ),
    (
        "a line with no closing punctuation (a related article's title) states no meeting",
        "Scott Bessent met He Lifeng in Geneva on Monday.\n\nMarkets Rally As Leaders Summit Talks Resume",
        [("meeting", {"scott-bessent", "person:he-lifeng"})],
    ),
]

CASES += [
    (
        "'During phone talks with X, Y said': Y was on the call",
        "During phone talks with his French counterpart Emmanuel Macron, Donald Trump said on Monday "
        "that a deal was near.",
        [("phone_call", {"emmanuel-macron", "donald-trump"})],
    ),
    (
        "'X arrived in Y, the capital, on Friday to take part in talks with Z': an apposition between",
        "Steve Witkoff arrived in Cairo, the Egyptian capital, on Monday to take part in indirect talks "
        "with Hamas.",
        [("meeting", {"steve-witkoff", "hamas"})],
    ),
    (
        "'X said following talks between Y and Z': others' talks, not the speaker's",
        "Dmitry Peskov said following talks between Vladimir Putin and Steve Witkoff that no compromise "
        "was found.",
        [("meeting", {"vladimir-putin", "steve-witkoff"})],
    ),
    (
        "'After talks between X and Y, Z said': Z is not at them",
        "After talks between Israel and Hamas in Cairo on Monday, Qatar said progress was made.",
        [("meeting", {"israel", "hamas"})],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_meeting_participants(text: str, expected: list[tuple[str, set[str]]]) -> None:
    got = sorted((e.kind, set(e.participant_ids)) for e in run(text))
    assert sorted(got, key=repr) == sorted(expected, key=repr)


def test_a_namesake_the_report_does_not_name_is_not_resolved() -> None:
    events = run("After a meeting with the country's prime minister on Friday, Scott Bessent spoke.")
    assert all("shigeru-ishiba" not in e.participant_ids for e in events)


def test_a_welcomed_delegation_is_not_merged_into_another_persons_meeting() -> None:
    events = run(
        "Emir Sheikh Tamim bin Hamad Al Thani met Steve Witkoff on Monday. The palace said that Sheikh "
        "Tamim welcomed a Hamas delegation led by senior official Khalil al-Hayya in Doha."
    )
    groups = [set(e.participant_ids) for e in events]
    assert {"tamim-bin-hamad-al-thani", "hamas", "person:khalil-al-hayya"} in groups
    assert {"tamim-bin-hamad-al-thani", "steve-witkoff"} in groups


@pytest.mark.parametrize(
    "text",
    [
        "Ryosei Akazawa said he is aiming to visit Washington next week to meet Scott Bessent.",
        "Shigeru Ishiba said he is looking forward to meeting Donald Trump during the summit in Canada.",
        "Ryosei Akazawa extended his stay to explore a separate meeting with Scott Bessent.",
        "Efforts were also being made to hold a meeting with Scott Bessent.",
    ],
)
def test_an_intention_or_a_wish_is_no_meeting(text: str) -> None:
    assert run(text) == []
