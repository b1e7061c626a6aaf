"""The as-of line names the latest development; on one day, the one the most sources tell."""

from __future__ import annotations

from typing import Any

from communique.brief import select
from communique.brief.record import view

TEXT = "Envoys met in the city."


def _report(rid: str) -> dict[str, Any]:
    return {"type": "report", "id": rid, "language": "en", "text": TEXT, "published_at": "2025-03-02",
            "outlet": rid, "story_id": "s"}


def _event(eid: str, rids: list[str], place: str, people: list[str]) -> dict[str, Any]:
    return {"type": "event", "id": eid, "kind": "meeting", "date": "2025-03-01", "date_precision": "day",
            "place": place, "participant_ids": people, "member_ids": [eid + "-m"], "story_id": "s",
            "evidence": [{"report_id": r, "start": 0, "end": len(TEXT)} for r in rids]}


def test_on_one_day_the_meeting_most_sources_tell_is_the_latest() -> None:
    records = [*(_report(f"r{i}") for i in range(4)),
               _event("a", ["r0", "r1", "r2"], "Geneva", ["person:ann-lee", "person:bo-kim"]),
               _event("z", ["r3"], "London", [])]  # a side remark about other talks, the same day
    latest = select.latest_development(view(records, "2025-03-10", "s"))
    assert latest is not None and latest["id"] == "a"
