"""An emergency meeting no report dates is held within days of its announcement: a week later it is
no longer shown as still to come, while an ordinary undated plan stays for a week.  Cases in our own
words, through select.planned."""

from __future__ import annotations

from typing import Any

from communique.brief import select
from communique.brief.record import view

EMERGENCY = "Qatar would host an emergency meeting of Gulf foreign ministers in Doha."
PLAIN = "Qatar would host a meeting of Gulf foreign ministers in Doha."


def _records(text: str, published: str) -> list[dict[str, Any]]:
    return [
        {"type": "story", "id": "s", "name": "Talks"},
        {"type": "report", "id": "r1", "language": "en", "text": text, "title": "Report",
         "published_at": published, "outlet": "Outlet", "story_id": "s"},
        {"type": "event", "id": "p", "kind": "planned_meeting", "date": None, "date_precision": "unknown",
         "place": "Doha", "participant_ids": ["qatar"], "member_ids": ["p-m"], "story_id": "s",
         "evidence": [{"report_id": "r1", "start": 0, "end": len(text)}]},
    ]


def _ahead(text: str, published: str, as_of: str) -> list[str]:
    return [str(e["id"]) for e, _still in select.planned(view(_records(text, published), as_of=as_of))]


def test_an_emergency_meeting_announced_days_ago_is_not_ahead() -> None:
    assert _ahead(EMERGENCY, "2025-06-24", "2025-06-25") == ["p"]
    assert _ahead(EMERGENCY, "2025-06-24", "2025-07-01") == []


def test_an_ordinary_plan_stays_ahead_for_a_week() -> None:
    assert _ahead(PLAIN, "2025-06-24", "2025-07-01") == ["p"]
    assert _ahead(PLAIN, "2025-06-20", "2025-07-01") == []
