"""The talks so far tell one meeting once: two records of one day, kind and sides, in one place,
that name no two different people of a side are one meeting ("Russia and the United States held
talks in Riyadh", "Lavrov held talks with the United States"), told in one line that names the
people the other adds; two meetings of one day that name different people of a side (a summit's
two meetings) stay two lines.  Cases in our own words."""

from __future__ import annotations

from typing import Any

from communique.brief import brief
from communique.brief.render import markdown

BASE = "Osei met Varga in Geneva on Friday."
SIDES = "Russia and the United States held talks in Riyadh on Tuesday."
PERSON = "Lavrov held talks with the United States on Tuesday, his ministry said."
LEADERS = "Putin met Trump in Riyadh on Tuesday."
MINISTERS = "Lavrov met Rubio in Riyadh on Tuesday."


def _report(rid: str, text: str, published: str = "2025-06-11") -> dict[str, Any]:
    return {"type": "report", "id": rid, "language": "en", "text": text, "title": f"Report {rid}",
            "published_at": published, "outlet": f"Outlet {rid}", "story_id": "s"}


def _event(eid: str, text: str, reports: list[str], people: list[str], place: str | None,
           date: str = "2025-06-10") -> dict[str, Any]:
    return {"type": "event", "id": eid, "kind": "meeting", "date": date, "date_precision": "day",
            "place": place, "participant_ids": people, "member_ids": [eid + "-m"], "story_id": "s",
            "evidence": [{"report_id": r, "start": 0, "end": len(text)} for r in reports]}


ACTORS = [{"type": "actor", "id": i, "kind": "person", "name": {"en": n, "ja": None}}
          for i, n in [("person:osei", "Osei"), ("person:varga", "Varga")]]
STORY = [{"type": "story", "id": "s", "name": "Talks"}]


def _talks_so_far(*items: dict[str, Any]) -> list[str]:
    # the latest meeting, told by the most sources, leads: the rules under test are about the others
    base = [*(_report(r, BASE, "2025-06-14") for r in ("r5", "r6", "r7")),
            _event("m", BASE, ["r5", "r6", "r7"], ["person:osei", "person:varga"], "Geneva", "2025-06-13")]
    said = markdown(brief([*STORY, *ACTORS, *base, *items], lang="en", as_of="2025-06-14", story_id="s"))
    if "## The talks so far" not in said:
        return []
    part = said.split("## The talks so far", 1)[1].split("\n\n", 2)[1]
    return [line for line in part.splitlines() if "June 10" in line]


def test_one_meeting_in_two_records_is_one_line_naming_the_person() -> None:
    lines = _talks_so_far(
        _report("r1", SIDES), _report("r2", SIDES), _report("r3", PERSON), _report("r4", PERSON),
        _event("a", SIDES, ["r1", "r2"], ["russia", "united-states"], "Riyadh"),
        _event("b", PERSON, ["r3", "r4"], ["sergei-lavrov", "united-states"], None),
    )
    assert len(lines) == 1, lines
    assert "Lavrov" in lines[0] and "Riyadh" in lines[0], lines


def test_two_meetings_of_different_people_stay_two_lines() -> None:
    lines = _talks_so_far(
        _report("r1", LEADERS), _report("r2", LEADERS), _report("r3", MINISTERS), _report("r4", MINISTERS),
        _event("a", LEADERS, ["r1", "r2"], ["vladimir-putin", "donald-trump"], "Riyadh"),
        _event("b", MINISTERS, ["r3", "r4"], ["sergei-lavrov", "marco-rubio"], "Riyadh"),
    )
    assert len(lines) == 2, lines


def test_the_same_sides_in_another_city_that_day_are_the_less_told_account() -> None:
    """Three reports put the round in Riyadh, two (which had it planned there) in Jeddah: one line."""
    held = "Lavrov and Rubio held talks in Riyadh on Tuesday."
    planned = "Russia and the United States were due to meet in Jeddah on Tuesday."
    lines = _talks_so_far(
        _report("r1", held), _report("r2", held), _report("r4", held), _report("r3", planned),
        _report("r8", planned),
        _event("a", held, ["r1", "r2", "r4"], ["sergei-lavrov", "marco-rubio"], "Riyadh"),
        _event("b", planned, ["r3", "r8"], ["russia", "united-states"], "Jeddah"),
    )
    assert len(lines) == 1 and "Riyadh" in lines[0], lines
