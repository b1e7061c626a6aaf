"""One agreement reported on two days (announced late on one, dated the next elsewhere) is one event;
meetings reported days apart, and the dates reports give for one meeting."""

from __future__ import annotations

from dataclasses import replace

from communique.extract.gazetteer import load
from communique.merge import events
from communique.merge.members import EventMember
from communique.model import Precision


def _member(event_id: str, day: int, people: tuple[str, ...], kind: str = "agreement") -> EventMember:
    return EventMember(event_id=event_id, merged_id="", report_id="r-" + event_id, kind=kind,
                       family=events.family(kind), lo=day, hi=day, exact=True, date=None,
                       date_precision=Precision.DAY, place=None, place_key=None, participant_ids=people,
                       summary="")


def test_an_agreement_a_day_apart_with_both_sides_is_one() -> None:
    g = load()
    a = _member("a", 100, ("israel", "hamas"))
    b = _member("b", 101, ("israel", "hamas"))
    assert events.score(a, b, g) is not None


def test_two_days_apart_or_one_side_in_common_stays_apart() -> None:
    g = load()
    a = _member("a", 100, ("israel", "hamas"))
    assert events.score(a, _member("b", 102, ("israel", "hamas")), g) is None
    assert events.score(_member("c", 100, ("israel",)), _member("d", 101, ("israel", "egypt")), g) is None
    # meetings keep their own rule (a day apart needs the place)
    assert events.score(_member("e", 100, ("israel", "hamas"), "meeting"),
                        _member("f", 101, ("israel", "hamas"), "meeting"), g) is None


def _meeting(event_id: str, day: int, people: tuple[str, ...]) -> EventMember:
    return EventMember(event_id=event_id, merged_id="", report_id="r-" + event_id, kind="meeting",
                       family="meeting", lo=day, hi=day, exact=True, date=None, date_precision=Precision.DAY,
                       place="Geneva", place_key="geneva", participant_ids=people, summary="")


def test_meetings_two_days_apart_in_one_city_are_one_only_between_the_same_sides() -> None:
    g = load()
    talks = _meeting("a", 100, ("israel", "hamas"))  # "talks between Israel and Hamas began in Geneva"
    # the second day of the same talks, told by their delegations' sides
    assert events.score(talks, _meeting("b", 101, ("hamas", "israel")), g) is not None
    # two days later, US envoys meet one of the sides there: another meeting
    envoys = _meeting("c", 102, ("steve-witkoff", "jared-kushner", "hamas", "israel"))
    assert events.score(talks, envoys, g) is None


def test_a_later_day_of_the_talks_is_not_another_date_for_them() -> None:
    start = replace(_meeting("a", 100, ("china", "united-states")), date="2025-09-14",
                    summary="Delegations met in Geneva on Sunday for trade talks.")
    later = replace(_meeting("b", 101, ("china", "united-states")), date="2025-09-15",
                    summary="Delegations met in Geneva this Monday to resume their talks.")
    other = replace(_meeting("c", 101, ("china", "united-states")), date="2025-09-15",
                    summary="Delegations met in Geneva on Monday for trade talks.")
    assert events.date_variants([start, later]) == {}
    assert set(events.date_variants([start, other])) == {"2025-09-14", "2025-09-15"}
    ja_later = replace(later, summary="両国は15日、2日目の協議を行った")
    assert events.date_variants([start, ja_later]) == {}


def _told(event_id: str, report_day: int, people: tuple[str, ...], kind: str = "agreement") -> EventMember:
    """An event a report tells with no date: the two weeks up to the report's day."""
    return EventMember(event_id=event_id, merged_id="", report_id="r-" + event_id, kind=kind,
                       family=events.family(kind), lo=report_day - 14, hi=report_day, exact=False,
                       date=None, date_precision=Precision.UNKNOWN, place=None, place_key=None,
                       participant_ids=people, summary="")


def test_an_undated_agreement_is_the_deal_of_its_reports_day_or_the_day_before() -> None:
    g = load()
    deal = _member("a", 100, ("israel", "hamas"))
    # "Israel and Hamas agreed to a truce" in a report of the same day, or of the next day
    assert events.score(_told("b", 100, ("hamas", "israel")), deal, g) is not None
    assert events.score(deal, _told("c", 101, ("hamas", "israel")), g) is not None
    # the sides' people count as their sides
    assert events.score(_told("d", 100, ("israel", "hamas")),
                        _member("e", 100, ("benjamin-netanyahu", "hamas")), g) is not None


def test_an_undated_agreement_told_later_or_of_other_sides_stays_apart() -> None:
    g = load()
    deal = _member("a", 100, ("israel", "hamas"))
    # a report three days later: another deal, or the old one told as background
    assert events.score(_told("b", 103, ("israel", "hamas")), deal, g) is None
    # one side in common is not the same deal; nor is a meeting told undated
    assert events.score(_told("c", 100, ("israel", "egypt")), deal, g) is None
    assert events.score(_told("d", 100, ("israel", "hamas"), "meeting"),
                        _member("e", 100, ("israel", "hamas"), "meeting"), g) is None
    # two undated mentions are not tied by this rule
    assert events.score(_told("f", 100, ("israel", "hamas")), _told("g", 100, ("israel", "hamas")), g) is None


def test_the_wording_shown_for_a_deal_says_what_it_is() -> None:
    from collections import Counter

    def shown(**counts: int) -> str:
        return events.commonest_summary(Counter({k.replace("_", " "): v for k, v in counts.items()}))

    # equally common: what was agreed over the paper it was put on, a whole phrase over a cut one
    assert shown(a_joint_statement=1, an_immediate_truce=1) == "an immediate truce"
    assert events.commonest_summary(Counter({"関連文書": 1, "即時停戦": 1})) == "即時停戦"
    assert shown(a_truce_after_talks_hosted=1, a_truce_to_end_the_war=1) == "a truce to end the war"
    # the commoner wording still wins
    assert shown(a_joint_statement=2, an_immediate_truce=1) == "a joint statement"
    assert events.commonest_summary(Counter()) == ""
