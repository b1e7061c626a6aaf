"""English meetings, calls and planned meetings, case by case: who the clause puts at it.

Every sentence here is written for these tests (stories other than the sample corpus's where
the gazetteer knows the people).  Each rule of the issue has its traps: a possessive that only
qualifies a title, a commenter, the reporter, a denial, a possibility, a meeting named in a
subordinate clause, a joint "talks between A and B".  Reports are published 2025-12-04, a
Thursday.
"""

from __future__ import annotations

import pytest

from communique.extract.en import extract
from communique.extract.gazetteer import load
from communique.model import Event

from .cases import english_report

MEETING_KINDS = ("meeting", "phone_call", "planned_meeting")


def run(text: str) -> list[Event]:
    report = english_report(text, report_id="r-events-case")
    return [e for e in extract(report, load()).events if e.kind in MEETING_KINDS]


# (pattern, text, expected meetings: (kind, date, place, participants))
PARTICIPANTS = [
    (
        "possessive before a title is no participant",
        "Trump's envoy Steve Witkoff met Benjamin Netanyahu in Jerusalem on Tuesday.",
        [("meeting", "2025-12-02", "Jerusalem", {"steve-witkoff", "benjamin-netanyahu"})],
    ),
    (
        "a commenter on the talks is no participant; the saying's date is not theirs",
        "Kremlin spokesman Dmitry Peskov said on Wednesday that the talks between Sergei Lavrov and "
        "Marco Rubio had been useful.",
        [("meeting", None, None, {"sergei-lavrov", "marco-rubio"})],
    ),
    (
        "the reporter of the meeting is no participant",
        "Xi Jinping hosted Emmanuel Macron in Beijing on Thursday, state media said.",
        [("meeting", "2025-12-04", "Beijing", {"xi-jinping", "emmanuel-macron"})],
    ),
    (
        "a meeting in a relative clause: its subject, not what the main clause says",
        "Macron, who met Xi Jinping in Beijing on Thursday, told reporters the visit was a success.",
        [("meeting", "2025-12-04", "Beijing", {"emmanuel-macron", "xi-jinping"})],
    ),
    (
        "a meeting in an opening 'As ...' clause: the main clause's subject is no participant",
        "As Qatari and Egyptian mediators met Hamas negotiators on Monday, Benjamin Netanyahu said "
        "Israel would not withdraw.",
        [("meeting", "2025-12-01", None, {"hamas"})],
    ),
    (
        "joint talks between A and B",
        "Talks between Marco Rubio and Sergei Lavrov took place in Riyadh on Tuesday.",
        [("meeting", "2025-12-02", "Riyadh", {"marco-rubio", "sergei-lavrov"})],
    ),
    (
        "met with X",
        "Marco Rubio met with Sergei Lavrov in Riyadh on Tuesday.",
        [("meeting", "2025-12-02", "Riyadh", {"marco-rubio", "sergei-lavrov"})],
    ),
    (
        "X hosted Y",
        "Recep Tayyip Erdogan hosted Sergei Lavrov in Ankara on Monday.",
        [("meeting", "2025-12-01", "Ankara", {"recep-tayyip-erdogan", "sergei-lavrov"})],
    ),
    (
        "a call with X",
        "Emmanuel Macron spoke by phone with Donald Trump on Monday.",
        [("phone_call", "2025-12-01", None, {"emmanuel-macron", "donald-trump"})],
    ),
    (
        "the subject of the verb whose object is the meeting noun",
        "Israel and Hamas began indirect negotiations in Egypt on Monday.",
        [("meeting", "2025-12-01", None, {"israel", "hamas"})],
    ),
    (
        "an apposition naming the person's organisation is no party",
        "Lakhdar Brahimi, the UN envoy, met Dmitry Peskov in Moscow on Sunday.",
        [("meeting", "2025-11-30", "Moscow", {"person:lakhdar-brahimi", "dmitry-peskov"})],
    ),
    (
        "'a confidant of X' does not put X at the talks",
        "Yuri Ushakov, a close confidant of Putin, will join the talks in Cairo on Friday.",
        [("planned_meeting", "2025-12-05", "Cairo", {"yuri-ushakov"})],
    ),
    (
        "'met X and Y separately' is one meeting with each",
        "Marco Rubio met Sergei Lavrov and Wang Yi separately in Riyadh on Tuesday.",
        [
            ("meeting", "2025-12-02", "Riyadh", {"marco-rubio", "sergei-lavrov"}),
            ("meeting", "2025-12-02", "Riyadh", {"marco-rubio", "wang-yi"}),
        ],
    ),
    (
        "'delegations from X and Y met' puts the countries there; '(Spain)' after a city is where",
        "Delegations from the United States and China met in Madrid (Spain) on Monday.",
        [("meeting", "2025-12-01", "Madrid", {"united-states", "china"})],
    ),
    (
        "go-betweens after 'with ... working to' are no parties",
        "Qatar is hosting talks between Israel and Hamas in Doha on Monday, with Egypt and the United States "
        "working to secure a truce.",
        [("meeting", "2025-12-01", "Doha", {"qatar", "israel", "hamas"})],
    ),
    (
        "an envoy 'to the Middle East' named after his title holds it: a participant",
        "Sergei Lavrov and the US Special Envoy to the Middle East Steve Witkoff held talks in Riyadh on "
        "Monday.",
        [("meeting", "2025-12-01", "Riyadh", {"sergei-lavrov", "steve-witkoff"})],
    ),
    (
        "'an aide to President X' is still not X at the meeting",
        "Wang Yi met an aide to President Trump in Beijing on Monday.",
        [("meeting", "2025-12-01", "Beijing", {"wang-yi"})],
    ),
    (
        "delegations led by two people 'convened'; the mediator after them is no side",
        "The delegations, led by Sergei Lavrov and US envoy Steve Witkoff, convened in Riyadh on Monday, "
        "with Saudi Arabia acting as mediator.",
        [("meeting", "2025-12-01", "Riyadh", {"sergei-lavrov", "steve-witkoff"})],
    ),
    (
        "'X and Y delegations' are both sides; 'the country's capital, City' is where",
        "Israeli and United States delegations held talks in Egypt's capital, Cairo, on Monday.",
        [("meeting", "2025-12-01", "Cairo", {"israel", "united-states"})],
    ),
    (
        "a side named before the talks is no go-between of them",
        "Israel and Hamas held talks in Doha on Monday with Qatar mediating.",
        [("meeting", "2025-12-01", "Doha", {"israel", "hamas"})],
    ),
    (
        "'in Muscat, Oman': the city's country is where, not who",
        "Iranian and US negotiators met in Muscat, Oman on Monday.",
        [("meeting", "2025-12-01", "Muscat", {"iran", "united-states"})],
    ),
    (
        "talks 'mediated by' a country: a go-between, not a side",
        "Cambodia and Thailand held talks in Kuala Lumpur on Monday mediated by Malaysia.",
        [("meeting", "2025-12-01", "Kuala Lumpur", {"cambodia", "thailand"})],
    ),
    (
        "a country that 'would serve as the host' of talks between others is no side of them",
        "Oman would serve as the host for the upcoming round of talks between Iran and the United States.",
        [("planned_meeting", None, None, {"iran", "united-states"})],
    ),
    (
        "a name with 'bin' is one person: the one reporting the plan is no participant",
        "The next round will be held in Rome on Friday, Omani Foreign Minister Sayyid Badr bin Hamad "
        "Albusaidi said.",
        [("planned_meeting", "2025-12-05", "Rome", set())],
    ),
    (
        "a day in a relative clause on another noun is not the meeting's",
        "Putin met Witkoff in Moscow to discuss the war that began on February 24.",
        [("meeting", None, "Moscow", {"vladimir-putin", "steve-witkoff"})],
    ),
    (
        "a relative clause closed by a comma leaves the main clause's day",
        "Putin met Witkoff, who arrived on Monday, in Moscow on Tuesday.",
        [("meeting", "2025-12-02", "Moscow", {"vladimir-putin", "steve-witkoff"})],
    ),
    (
        "a city's dateline in title case is no party",
        "Kuala Lumpur, Dec 1 (Example News) Cambodia and Thailand held talks on Monday.",
        [("meeting", "2025-12-01", None, {"cambodia", "thailand"})],
    ),
    (
        "'the Trump administration' is his government, not the man at the table",
        "The Trump administration held talks with Iran and Oman in Muscat on Monday.",
        [("meeting", "2025-12-01", "Muscat", {"iran", "oman"})],
    ),
    (
        "talks that 'will resume next week' are a plan, not the talks told before",
        "Lavrov held talks with Rubio in Riyadh. The State Department confirmed that talks will resume "
        "on Friday.",
        [("meeting", None, "Riyadh", {"sergei-lavrov", "marco-rubio"})],
    ),
    (
        "'met ... to resume their talks' is a meeting held, not a plan",
        "Delegations from Russia and the United States met in Riyadh on Monday to resume their talks.",
        [("meeting", "2025-12-01", "Riyadh", {"russia", "united-states"})],
    ),
    (
        "a planned meeting with its date",
        "Zelensky will meet Trump in Washington on Friday.",
        [("planned_meeting", "2025-12-05", "Washington", {"volodymyr-zelensky", "donald-trump"})],
    ),
]

# sentences that state no meeting at all
NO_MEETING = [
    (
        "denial: no plans for X to meet Y",
        "There are no plans for Donald Trump to meet Xi Jinping this month, a White House official said.",
    ),
    ("denial: no plans to travel", "Zelensky has no plans to travel to Washington this month."),
    ("possibility: could meet", "Trump said on Monday that he could meet Xi Jinping in the coming weeks."),
    (
        "possibility: a possible summit",
        "A possible summit between Donald Trump and Xi Jinping was discussed on Monday.",
    ),
    ("wish: wants to meet", "Witkoff wants to meet Putin again before the end of the year."),
    ("wish: hoped for a meeting", "Zelensky hoped for a meeting with Trump in Washington."),
    ("called off", "The summit between Trump and Putin in Budapest was called off."),
    ("permission, not a plan", "Trump authorized Witkoff on Tuesday to meet Hamas leaders if necessary."),
    (
        "a commenter thanking others for talks",
        "Netanyahu thanked Egypt and Qatar for pushing the negotiations forward.",
    ),
    ("'received' an approval is no meeting", "Netanyahu received Trump's approval for the deal on Tuesday."),
]


@pytest.mark.parametrize(("pattern", "text", "expected"), PARTICIPANTS, ids=[c[0] for c in PARTICIPANTS])
def test_participants(
    pattern: str, text: str, expected: list[tuple[str, str | None, str | None, set[str]]]
) -> None:
    got = [(e.kind, e.date, e.place, set(e.participant_ids)) for e in run(text)]
    assert got == expected, pattern


@pytest.mark.parametrize(("pattern", "text"), NO_MEETING, ids=[c[0] for c in NO_MEETING])
def test_no_meeting(pattern: str, text: str) -> None:
    assert run(text) == [], pattern


@pytest.mark.parametrize(("pattern", "text", "expected"), PARTICIPANTS, ids=[c[0] for c in PARTICIPANTS])
def test_evidence_is_the_clause(pattern: str, text: str, expected: object) -> None:
    """The evidence holds the claim -- the trigger with the words naming who met -- not the trigger alone."""
    for event in run(text):
        for ev in event.evidence:
            cited = text[ev.start : ev.end]
            assert len(cited.split()) >= 4, (pattern, cited)
            assert not cited.startswith((",", " ", "said", "and ")), (pattern, cited)


def test_evidence_drops_the_reporting_frame() -> None:
    text = (
        "Kremlin spokesman Dmitry Peskov said on Wednesday that the talks between Sergei Lavrov and "
        "Marco Rubio had been useful."
    )
    (event,) = run(text)
    ev = event.evidence[0]
    assert text[ev.start : ev.end] == "the talks between Sergei Lavrov and Marco Rubio had been useful."


def test_version() -> None:
    text = "Marco Rubio met with Sergei Lavrov in Riyadh on Tuesday."
    assert {e.extractor for e in run(text)} == {"events.en.v25"}


def test_plover_type_and_sides() -> None:
    """Each event carries the PLOVER type its clause states, with who does it and to whom."""
    (event,) = run("Trump's envoy Steve Witkoff met Vladimir Putin in Moscow on Tuesday.")
    assert (event.plover, event.source_ids, event.target_ids) == (
        "CONSULT",
        ("steve-witkoff",),
        ("vladimir-putin",),
    )
    (planned,) = run("Zelensky will meet Trump in Washington on Friday.")
    assert planned.plover == "AGREE" and planned.source_ids == ("volodymyr-zelensky",)


def test_plover_fields_for_the_export() -> None:
    from communique.extract import event_plover

    text = "Emmanuel Macron spoke by phone with Donald Trump on Monday."
    got = event_plover.fields(text, "en", (0, len(text)), ["emmanuel-macron", "donald-trump"], load())
    assert got == {"plover": "CONSULT", "source_ids": ["emmanuel-macron"], "target_ids": ["donald-trump"]}


@pytest.mark.parametrize(("text", "place"), [
    # a place the sentence opens with sets the scene of its one meeting
    ("In Ankara on Tuesday, Marco Rubio met with Sergei Lavrov for two hours.", "Ankara"),
    ("On Monday, in Vienna, Marco Rubio met with Sergei Lavrov.", "Vienna"),
    # visiting a city and meeting there
    ("Marco Rubio was visiting Riyadh to meet Sergei Lavrov on Tuesday.", "Riyadh"),
    # a country's capital is its capital city
    ("Marco Rubio met Sergei Lavrov in the Turkish capital on Tuesday.", "Ankara"),
    ("Marco Rubio met Sergei Lavrov in the capital of Turkey on Tuesday.", None),  # unread: left out
    # a meeting that names its own place keeps it
    ("In Ankara on Tuesday, Marco Rubio said he had met Sergei Lavrov in Riyadh a week earlier.", "Riyadh"),
])
def test_the_place_of_a_meeting(text: str, place: str | None) -> None:
    got = [e.place for e in run(text) if e.kind in ("meeting", "planned_meeting")]
    assert got and got[0] == place


def test_a_call_has_no_place() -> None:
    (call,) = run("Emmanuel Macron spoke by phone with Donald Trump from Paris on Monday.")
    assert (call.kind, call.place) == ("phone_call", None)
