"""English agreements (kind ``agreement``, PLOVER AGREE), case by case.

Every sentence is written for these tests.  An agreement is stated when the clause says the
parties reached, struck or signed one, or agreed (in principle) on a deal, framework, truce or
ceasefire; its parties are the subject of that verb, "between X and Y", or "with Y" -- never the
one announcing, brokering or reporting it.  A denial, a hope, a condition or an agreement still
to come is none.  Reports are published 2025-12-04, a Thursday.
"""

from __future__ import annotations

import pytest

from communique.extract.en import extract
from communique.extract.gazetteer import load
from communique.model import Event

from .cases import english_report


def run(text: str) -> tuple[str, list[Event]]:
    report = english_report("Opening line of the report.\n\n" + text, report_id="r-agree-case")
    return report.text, [e for e in extract(report, load()).events if e.kind == "agreement"]


# (rule, text, expected: (date, participants, summary))
POSITIVE = [
    (
        "X and Y agreed on a framework: both are parties; the summary is what was agreed",
        "Japan and China agreed on a framework to cut duties on farm goods on Tuesday.",
        ("2025-12-02", {"japan", "china"}, "a framework to cut duties on farm goods"),
    ),
    (
        "agreed in principle on a truce",
        "Israel and Hamas agreed in principle on a truce in Cairo on Monday.",
        ("2025-12-01", {"israel", "hamas"}, "a truce"),
    ),
    (
        "the announcer of a deal between X and Y is no party",
        "Egypt's foreign minister on Wednesday announced a ceasefire agreement between Israel and Hamas.",
        ("2025-12-03", {"israel", "hamas"}, "a ceasefire agreement between Israel and Hamas"),
    ),
    (
        "struck a deal with Y: the subject and Y",
        "Donald Trump struck a trade deal with Japan on Tuesday.",
        ("2025-12-02", {"donald-trump", "japan"}, "a trade deal with Japan"),
    ),
    (
        "a signing of an order implementing a deal is an agreement of the one who signs",
        "Donald Trump signed an executive order on Wednesday to put the tariff pact into force.",
        ("2025-12-03", {"donald-trump"}, "an executive order"),
    ),
    (
        "the reporter of the agreement ('X said that Y and Z ...') is no party",
        "Keir Starmer said that Israel and Hamas had signed a deal to free the captives.",
        (None, {"israel", "hamas"}, "a deal to free the captives"),
    ),
    (
        "a deal reached between X and Y (passive)",
        "Diplomats welcomed the peace deal reached between Israel and Hamas.",
        (None, {"israel", "hamas"}, "the peace deal reached between Israel and Hamas"),
    ),
    (
        "'they' after 'X and Y announced that' are X and Y",
        "Japan and China announced that they had agreed on a tariff truce.",
        (None, {"japan", "china"}, "a tariff truce"),
    ),
    (
        "the day of a claim about an agreement is not the agreement's",
        "On Monday, Donald Trump claimed that Israel and Hamas agreed to the truce after his call.",
        (None, {"israel", "hamas"}, "the truce"),
    ),
    (
        "the day the agreed truce starts is not the agreement's",
        "Israel and Hamas have agreed to a phased truce starting Saturday, the mediators said.",
        (None, {"israel", "hamas"}, "a phased truce starting Saturday"),
    ),
    (
        "the day of an announcement that X and Y agreed may be the agreement's",
        "Marco Rubio announced on Tuesday that Israel and Hamas have agreed to an immediate truce.",
        ("2025-12-02", {"israel", "hamas"}, "an immediate truce"),
    ),
    (
        "a signed joint statement or declaration is an agreement",
        "Israel and Hamas signed a joint statement on Tuesday agreeing to a truce from noon.",
        ("2025-12-02", {"israel", "hamas"}, "a joint statement"),
    ),
]


@pytest.mark.parametrize("rule,text,expected", POSITIVE, ids=[p[0] for p in POSITIVE])
def test_agreement_stated(rule: str, text: str, expected: tuple) -> None:
    report_text, events = run(text)
    assert len(events) == 1, (rule, events)
    event = events[0]
    date, participants, summary = expected
    assert event.date == date
    assert set(event.participant_ids) == participants
    assert event.summary == summary
    assert summary in report_text  # what was agreed, as written
    evidence = report_text[event.evidence[0].start : event.evidence[0].end]
    assert len(evidence) > len(summary) // 2 and any(
        w in evidence for w in ("agreed", "signed", "struck", "deal", "agreement")
    )


NEGATIVE = [
    ("a denial", "Israel and Hamas have not agreed to a ceasefire."),
    ("a possibility", "Israel and Hamas could reach a ceasefire deal within days."),
    ("a modal perfect", "Japan and China would have signed the accord by now."),
    ("a hope", "Officials hope Japan and China agreed on a framework last week."),
    ("a condition", "If Israel and Hamas signed a truce, aid would flow."),
    ("a question", "Reporters asked whether Japan and China had signed a deal."),
    ("an agreement still to reach", "Japan and China agreed to reach a deal quickly."),
    ("agreeing to keep talking is no deal", "Japan and China agreed to hold more talks next month."),
    ("an announcement of no one's deal", "Donald Trump announced the deal on Tuesday."),
    ("a deal reached with no parties named", "The truce was reached after long mediation."),
    ("the broker of a deal is no party", "Qatar brokered a deal last year."),
    ("someone's words are not the report's statement", '"We signed a deal with Japan," Donald Trump said.'),
    ("a joint statement issued is no agreement", "Israel and Hamas issued a joint statement on Tuesday."),
    ("agreeing to begin ceasefire talks is a meeting to come",
     "Israel and Hamas agreed to begin immediate ceasefire negotiations on Tuesday."),
    ("a joint declaration announced is no agreement", "Japan and China announced a joint declaration."),
]


@pytest.mark.parametrize("rule,text", NEGATIVE, ids=[n[0] for n in NEGATIVE])
def test_no_agreement(rule: str, text: str) -> None:
    _text, events = run(text)
    assert events == [], (rule, events)


def test_one_agreement_told_twice_in_a_report_is_one_event() -> None:
    _text, events = run(
        "Israel and Hamas signed a deal on a truce on Monday. Later, Israel and Hamas signed the deal "
        "in a ceremony on Monday."
    )
    assert len(events) == 1
    assert len(events[0].evidence) == 2


def test_agreements_are_quick_on_hostile_text() -> None:
    import time

    text = ("agreed " * 3000) + ("deal was " * 3000) + "signed " + "x " * 5000
    started = time.monotonic()
    run(text)
    assert time.monotonic() - started < 5
