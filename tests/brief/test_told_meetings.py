"""Which meetings, calls and plans one report alone may tell: cases in our own words.

A call between two people named in the cited clause is told on one report's word when the report
dates it to the day or to the part of the month ("last week" in a dated report: early June); a
plan no report dates is watched while fresh when it names who meets whom, even with no place."""

from __future__ import annotations

from typing import Any

from communique.brief import brief
from communique.brief.render import markdown

CALL = "Harlan and Osei spoke by phone last week about the tariff truce."
MET = "Osei met Varga in Geneva on Monday."
PLAN = "The envoy Varga will meet Osei soon to discuss the second phase, a newspaper reported."


def _report(rid: str, text: str, published: str) -> dict[str, Any]:
    return {"type": "report", "id": rid, "language": "en", "text": text, "title": f"Report {rid}",
            "published_at": published, "outlet": f"Outlet {rid}", "story_id": "s"}


def _event(eid: str, rid: str, text: str, kind: str, date: str | None, precision: str,
           people: list[str], place: str | None = None) -> dict[str, Any]:
    return {"type": "event", "id": eid, "kind": kind, "date": date, "date_precision": precision,
            "place": place, "participant_ids": people, "member_ids": [eid + "-m"], "story_id": "s",
            "evidence": [{"report_id": rid, "start": 0, "end": len(text)}]}


ACTORS = [{"type": "actor", "id": i, "kind": "person", "name": {"en": n, "ja": None}}
          for i, n in [("person:harlan", "Harlan"), ("person:osei", "Osei"), ("person:varga", "Varga")]]
STORY = [{"type": "story", "id": "s", "name": "Talks"}]


def _brief(*items: dict[str, Any], as_of: str = "2025-06-13") -> str:
    # a meeting the headline can rest on: the rules under test are about the other items
    base = [_report("r0", MET, "2025-06-10"),
            _event("m", "r0", MET, "meeting", "2025-06-09", "day", ["person:osei", "person:varga"], "Geneva")]
    return markdown(brief([*STORY, *ACTORS, *base, *items], lang="en", as_of=as_of, story_id="s"))


def test_a_call_one_report_dates_to_part_of_the_month_is_told() -> None:
    said = _brief(_report("r1", CALL, "2025-06-12"),
                  _event("c", "r1", CALL, "phone_call", "2025-06-01", "part_of_month",
                         ["person:harlan", "person:osei"]))
    assert "in early June, Harlan spoke by phone with Osei." in said


def test_a_call_one_report_dates_only_to_the_month_is_not() -> None:
    said = _brief(_report("r1", CALL, "2025-06-12"),
                  _event("c", "r1", CALL, "phone_call", "2025-06-01", "month",
                         ["person:harlan", "person:osei"]))
    assert "spoke by phone" not in said


def test_an_undated_fresh_plan_naming_both_sides_is_watched() -> None:
    said = _brief(_report("r1", PLAN, "2025-06-12"),
                  _event("p", "r1", PLAN, "planned_meeting", None, "unknown",
                         ["person:varga", "person:osei"]))
    assert "Varga and Osei are due to meet." in said


def test_an_undated_plan_naming_one_side_and_no_place_is_not() -> None:
    said = _brief(_report("r1", PLAN, "2025-06-12"), _report("r2", CALL, "2025-06-12"),
                  _event("c", "r2", CALL, "phone_call", "2025-06-11", "day",
                         ["person:harlan", "person:osei"]),
                  _event("p", "r1", PLAN, "planned_meeting", None, "unknown", ["person:varga"]))
    assert "due to meet" not in said
