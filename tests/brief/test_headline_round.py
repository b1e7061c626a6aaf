"""A remark of an earlier round heads no briefing once a later round took place: the later round is
the news (a spokesman's words on the fourth round, thirteen days old, do not headline a briefing
written the day after the fifth)."""

from __future__ import annotations

import importlib
from typing import Any

from communique.brief.record import view

compose = importlib.import_module("communique.brief.compose")  # the module, not the function

WORDS = "The next round will be set by the mediator"
TEXT = f"Peskov said: “{WORDS}.” Witkoff met Putin in Geneva."


def _report(rid: str, published: str) -> dict[str, Any]:
    return {"type": "report", "id": rid, "language": "en", "text": TEXT, "published_at": published,
            "published_precision": "day", "outlet": rid, "story_id": "s"}


def _meeting(eid: str, on: str, rids: list[str]) -> dict[str, Any]:
    at = TEXT.index("Witkoff")
    return {"type": "event", "id": eid, "kind": "meeting", "date": on, "date_precision": "day",
            "place": "Geneva", "participant_ids": ["steve-witkoff", "vladimir-putin"],
            "member_ids": [eid + "-m"], "story_id": "s",
            "evidence": [{"report_id": r, "start": at, "end": len(TEXT)} for r in rids]}


def _records(second_round: str | None) -> list[dict[str, Any]]:
    start = TEXT.index(WORDS)
    records: list[dict[str, Any]] = [
        _report("r1", "2025-03-01"), _report("r2", "2025-03-01"),
        _report("r3", "2025-03-13"), _report("r4", "2025-03-13"),
        {"type": "quote", "id": "q1", "statement_id": "st1", "report_id": "r1", "start": start,
         "end": start + len(WORDS), "text": WORDS, "speaker_id": "dmitry-peskov", "speaker_text": "Peskov",
         "direct": True, "said_on": "2025-03-01", "said_on_precision": "day", "language": "en",
         "story_id": "s", "evidence": [{"report_id": r, "start": start, "end": start + len(WORDS)}
                                       for r in ("r1", "r2")]},
        _meeting("m1", "2025-03-01", ["r1", "r2"]),
    ]
    if second_round:
        records.append(_meeting("m2", second_round, ["r3", "r4"]))
    return records


def _headline(records: list[dict[str, Any]]) -> Any:
    v = view(records, "2025-03-14", "s")
    return compose.Writer(v, "en", compose.load_gazetteer()).pick_headline()


def test_a_remark_of_the_round_before_the_latest_is_no_headline() -> None:
    assert _headline(_records(None)) is not None  # the latest round's words may head it
    assert _headline(_records("2025-03-12")) is None  # a later round took place since
