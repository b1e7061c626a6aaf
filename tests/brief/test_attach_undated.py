"""A page that gives no date still names a meeting the story's dated reports tell: the briefing
of the story joins the mention to that meeting when the city and someone at it agree, and only then."""

from __future__ import annotations

from typing import Any

from communique.brief import brief
from communique.brief.record import view
from communique.brief.render import markdown

TEXT = "Envoys met in the city."


def _report(rid: str, published: str | None) -> dict[str, Any]:
    return {"type": "report", "id": rid, "language": "en", "text": TEXT, "published_at": published,
            "outlet": rid, "story_id": "s"}


def _event(eid: str, rid: str, date: str | None, place: str | None, people: list[str],
           kind: str = "meeting") -> dict[str, Any]:
    return {"type": "event", "id": eid, "kind": kind, "date": date,
            "date_precision": "day" if date else "unknown",
            "place": place, "participant_ids": people, "member_ids": [eid + "-m"], "story_id": "s",
            "evidence": [{"report_id": rid, "start": 0, "end": len(TEXT)}]}


ACTORS = [{"type": "actor", "id": i, "kind": k, "name": {"en": i, "ja": None}}
          for i, k in [("person:ann-lee", "person"), ("person:bo-kim", "person"), ("freedonia", "country")]]


def _events(*events: dict[str, Any]) -> list[dict[str, Any]]:
    reports = [_report(f"r{i}", "2025-03-02" if i < 3 else None) for i in range(8)]
    v = view([*reports, *ACTORS, *events], "2025-03-10", "s")
    return sorted(v.events, key=lambda e: e["id"])


def test_an_undated_mention_in_the_same_city_joins_the_dated_meeting() -> None:
    got = _events(_event("a", "r0", "2025-03-01", "Geneva", ["person:ann-lee", "person:bo-kim"]),
                  _event("b", "r4", None, "ジュネーブ", ["person:bo-kim"]))
    assert [e["id"] for e in got] == ["a"]
    assert {ev["report_id"] for ev in got[0]["evidence"]} == {"r0", "r4"}
    assert got[0]["date"] == "2025-03-01" and got[0]["place"] == "Geneva"


def test_no_city_or_another_city_or_nobody_in_common_stays_apart() -> None:
    got = _events(_event("a", "r0", "2025-03-01", "Geneva", ["person:ann-lee", "person:bo-kim"]),
                  _event("b", "r4", None, None, ["person:ann-lee", "person:bo-kim"]),  # the pair meets often
                  _event("c", "r5", None, "London", ["person:ann-lee"]),
                  _event("d", "r6", None, "Geneva", []),
                  _event("e", "r7", None, "Geneva", ["person:ann-lee"], kind="phone_call"))
    assert [e["id"] for e in got] == ["a", "b", "c", "d", "e"]


def test_a_mention_two_dated_meetings_fit_equally_stays_apart() -> None:
    got = _events(_event("a", "r0", "2025-03-01", "Geneva", ["person:ann-lee"]),
                  _event("b", "r1", "2025-03-05", "Geneva", ["person:ann-lee"]),
                  _event("c", "r4", None, "Geneva", ["person:ann-lee"]))
    assert [e["id"] for e in got] == ["a", "b", "c"]


def test_undated_mentions_of_one_meeting_no_dated_report_tells_are_one() -> None:
    got = _events(_event("a", "r4", None, "London", ["person:ann-lee", "freedonia"]),
                  _event("b", "r5", None, "ロンドン", ["person:ann-lee"]),
                  _event("c", "r6", None, "London", ["person:bo-kim"]),  # nobody in common
                  _event("d", "r7", None, "Geneva", ["person:ann-lee"]))  # another city
    assert [e["id"] for e in got] == ["a", "c", "d"]
    assert {ev["report_id"] for ev in got[0]["evidence"]} == {"r4", "r5"}
    assert got[0]["place"] == "London" and got[0]["date"] is None


def test_a_meeting_no_report_dates_is_told_by_the_day_of_its_first_report() -> None:
    text = "Ann Lee met Bo Kim in Geneva. Talks there went on."
    days = (("r1", "2025-03-02"), ("r2", "2025-03-04"), ("r3", "2025-03-09"))
    reports = [{"type": "report", "id": r, "language": "en", "text": text, "published_at": d, "outlet": r,
                "title": f"Report {r}", "story_id": "s"} for r, d in days]
    people = [{"type": "actor", "id": i, "kind": "person", "name": {"en": n, "ja": None}}
              for i, n in (("person:ann-lee", "Ann Lee"), ("person:bo-kim", "Bo Kim"))]
    lead = {"type": "event", "id": "z", "kind": "meeting", "date": "2025-03-09", "date_precision": "day",
            "place": "London", "participant_ids": ["person:ann-lee", "person:bo-kim"], "member_ids": ["z-m"],
            "story_id": "s", "evidence": [{"report_id": "r3", "start": 0, "end": 28}]}
    undated = {"type": "event", "id": "a", "kind": "meeting", "date": None, "date_precision": "unknown",
               "place": "Geneva", "participant_ids": ["person:ann-lee", "person:bo-kim"],
               "member_ids": ["a-m"], "story_id": "s",
               "evidence": [{"report_id": r, "start": 0, "end": 28} for r in ("r1", "r2")]}
    said = markdown(brief([*reports, *people, lead, undated], lang="en", as_of="2025-03-10", story_id="s"))
    assert "By March 2, Lee met Kim in Geneva." in said  # the lead named them in full
