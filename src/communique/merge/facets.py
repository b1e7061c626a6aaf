"""Numbers reports state about events and proposals: how long a meeting lasted, how many
points a plan has.  Found by pattern in the report text and attached to the nearest
meeting or proposal mention in the same paragraph, as :class:`Claim` s; different values
on one merged item become a conflict.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from ..model import Event, Evidence, Proposal, Report
from .records import Claim

_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
_KANJI = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_NUM_EN = r"(\d{1,2}(?:\.\d)?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
DURATION_EN = re.compile(
    r"\b(?:(?:about|around|roughly|nearly|almost|some|more than|over|close to|just under)\s+)?"
    + _NUM_EN
    + r"(?:\s+and\s+a\s+half)?[\s-]hours?\b",
    re.IGNORECASE,
)
DURATION_JA = re.compile(
    r"(?:約|およそ|ほぼ)?([0-9０-９]{1,2}|[一二三四五六七八九十]{1,2})時間(?:半)?(?:近く|余り|以上|あまり|超)?"
)
POINTS_EN = re.compile(r"\b" + _NUM_EN + r"[\s-]points?\b", re.IGNORECASE)
POINTS_JA = re.compile(r"([0-9０-９]{1,3})(?:項目|点)")
REACH = 220  # characters between a number and the item it is attached to
MEETING_KINDS = {"meeting", "planned_meeting", "phone_call"}


def _number(token: str) -> float | None:
    token = unicodedata.normalize("NFKC", token).lower()
    if token in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[token])
    if all(ch in _KANJI for ch in token):
        return float(_KANJI[token] if len(token) == 1 else 10 + _KANJI.get(token[1], 0))
    try:
        return float(token)
    except ValueError:
        return None


def _fmt(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def claims(report: Report, events: Sequence[Event], proposals: Sequence[Proposal]) -> list[Claim]:
    """Duration claims on this report's meetings, point-count claims on its proposals."""
    text = report.text
    meetings = [
        (e.id, ev)
        for e in events
        if e.kind in MEETING_KINDS
        for ev in e.evidence
        if ev.report_id == report.id
    ]
    plans = [(p.id, ev) for p in proposals for ev in p.evidence if ev.report_id == report.id]
    found: list[Claim] = []
    for pattern, attribute, targets in (
        (DURATION_EN, "duration", meetings),
        (DURATION_JA, "duration", meetings),
        (POINTS_EN, "points", plans),
        (POINTS_JA, "points", plans),
    ):
        if not targets:
            continue
        for match in pattern.finditer(text):
            value = _number(match.group(1))
            if value is None:
                continue
            if attribute == "duration" and ("半" in match.group(0) or "half" in match.group(0).lower()):
                value += 0.5
            target = _nearest(text, match.start(), match.end(), targets)
            if target is None:
                continue
            unit = "h" if attribute == "duration" else " points"
            found.append(
                Claim(
                    item_id=target,
                    attribute=attribute,
                    value=match.group(0).strip(),
                    norm=_fmt(value) + unit,
                    evidence=(Evidence(report_id=report.id, start=match.start(), end=match.end()),),
                )
            )
    return found


def _nearest(text: str, start: int, end: int, targets: Sequence[tuple[str, Evidence]]) -> str | None:
    para_start = text.rfind("\n\n", 0, start) + 1
    para_end = text.find("\n\n", end)
    para_end = len(text) if para_end < 0 else para_end
    best: tuple[int, str] | None = None
    for item_id, ev in targets:
        if ev.end < para_start or ev.start > para_end:
            continue
        distance = 0 if ev.start <= start and end <= ev.end else min(abs(ev.start - end), abs(start - ev.end))
        if distance <= REACH and (best is None or (distance, item_id) < best):
            best = (distance, item_id)
    return best[1] if best else None
