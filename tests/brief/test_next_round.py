"""The "what to watch" line that says no next round has been reported since the last meeting is
written only when the record cannot hold a newer plan: a plan that only undated reports tell may
have been reported after the meeting (a visit "in April" announced at it), so then it is not."""

from __future__ import annotations

from typing import Any

from communique.brief import brief
from communique.brief.render import markdown

TEXT = "The two leaders met in Busan. Trump announced plans to visit China in April."


def _report(rid: str, published: str | None) -> dict[str, Any]:
    return {"type": "report", "id": rid, "language": "en", "text": TEXT, "title": f"Report {rid}",
            "published_at": published, "outlet": f"Outlet {rid}", "story_id": "s"}


def _event(eid: str, rid: str, kind: str, date: str | None, people: list[str]) -> dict[str, Any]:
    return {"type": "event", "id": eid, "kind": kind, "date": date,
            "date_precision": "day" if date else "unknown", "place": "Busan" if kind == "meeting" else None,
            "participant_ids": people, "member_ids": [eid + "-m"], "story_id": "s",
            "evidence": [{"report_id": rid, "start": 0, "end": 29 if kind == "meeting" else len(TEXT)}]}


ACTORS = [{"type": "actor", "id": i, "kind": "person", "name": {"en": n, "ja": None}}
          for i, n in [("person:ann-lee", "Ann Lee"), ("person:bo-kim", "Bo Kim")]]
STORY = [{"type": "story", "id": "s", "name": "Talks"}]


def _brief(*extra: dict[str, Any]) -> str:
    records = [*STORY, *ACTORS, _report("r1", "2025-10-30"), _report("r2", "2025-10-30"),
               _event("m", "r1", "meeting", "2025-10-30", ["person:ann-lee", "person:bo-kim"]), *extra]
    return markdown(brief(records, lang="en", as_of="2025-10-31", story_id="s"))


def test_no_next_round_only_when_no_plan_may_be_newer() -> None:
    assert "No date for a next round" in _brief()
    undated = [_report("r3", None), _event("p", "r3", "planned_meeting", None, ["person:ann-lee"])]
    assert "No date for a next round" not in _brief(*undated)
