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
FROM_TO_EN = re.compile(
    r"\bfrom\s+" + _NUM_EN + r"(?:[\s-]points?)?\s+(?:down\s+)?to\s+" + _NUM_EN + r"\b", re.I
)
# a count the plan was brought down (or up) to: the count of its next version, not of the plan named
_TO_NEXT_EN = re.compile(
    r"\b(?:cut|trimmed|reduced|shrunk|shrank|shortened|pared|slimmed|narrowed|whittled|condensed|reworked|"
    r"turned|expanded|down)\b[^.;]{0,30}?\b(?:to|into)\s+(?:a\s+|an\s+|just\s+)?$",
    re.I,
)
_TO_NEXT_JA = re.compile(
    r"^(?:項目|点)?(?:に|へ)(?:まで)?(?:絞|整理|削減|縮小|減|短縮|圧縮|まとめ|修正|改め)"
)
_FROM_JA = re.compile(r"^(?:項目|点)?から(?!な|成)")  # not 「20項目からなる」
_FROM_BEFORE = re.compile(r"(?:\bfrom\s+\S+(?:[\s-]points?)?\s+to\s+|から)$", re.I)
REACH = 220  # characters between a number and the item it is attached to
MEETING_KINDS = {"meeting", "planned_meeting", "phone_call"}


# the length of a meeting said of the meeting itself: "talks lasting about four hours", "a
# five-hour meeting", 「約4時間にわたって行われた」 (not "after a 12-hour flight")
_BEFORE_DURATION_EN = re.compile(
    r"\b(?:lasted|lasting|last|lasts|for|of|spent|spend|spending|held)\s+$", re.I)
_AFTER_DURATION_EN = re.compile(
    r"\s*(?:of\s+)?(?:[\w-]+\s+){0,2}?(?:talks|meeting|meetings|negotiations|discussions|session|"
    r"conversation|call|round)\b", re.I)
_AFTER_DURATION_JA = re.compile(
    r"\s*(?:にわた|の(?:会談|協議|電話|交渉)|、?(?:会談|協議|電話会談|交渉)|行われ|話し合)")
# words between a meeting's own clause and a length that make it another meeting's: "began talks in
# Miami, two days after their five-hour session in Moscow", 「…前日の5時間の会談」
_OTHER_MEETING = re.compile(
    r"\b(?:after|before|following|since|ahead of|than|previous|last|earlier|prior|their|his|her)\b"
    r"|前日|先立|以来|前回|後に|の後|前の", re.I)


MINUTES_EN = re.compile(
    r"\b(?:(?:about|around|roughly|nearly|almost|some|more than|over|close to|just under)\s+)?"
    r"(\d{2,3})[\s-]minutes?\b", re.IGNORECASE)
_HOURS_BEFORE = re.compile(
    r"([0-9０-９]{1,2}|one|two|three|four|five|six|an?)\s*[- ]?(?:hours?|時間)\s*(?:and\s+)?$", re.IGNORECASE)
MINUTES_JA = re.compile(r"(?:約|およそ|ほぼ)?([0-9０-９]{2,3})分(?:間)?(?:近く|余り|以上|あまり|超)?")


def meeting_durations(text: str, own: tuple[int, int] | None = None) -> list[tuple[float, re.Match[str]]]:
    """The lengths (in hours) a sentence gives a meeting it tells, with where it gives them; with
    ``own`` (where the sentence tells the meeting in question), only lengths of that meeting: none
    that words like "after" or "their" tie to another one."""
    found = []
    for pattern in (DURATION_EN, DURATION_JA, MINUTES_EN, MINUTES_JA):
        for match in pattern.finditer(text):
            value = _number(match.group(1))
            if value is None:
                continue
            if pattern in (MINUTES_EN, MINUTES_JA):
                value = value / 60  # 「約50分間」: in hours, as the other lengths
                whole = _HOURS_BEFORE.search(text, max(0, match.start() - 16), match.start())
                if whole is not None:  # "1 hour 40 minute", 「約1時間40分」: the hours before them
                    count = whole.group(1)
                    value += _number(count) or (1 if count.lower() in ("a", "an") else 0)
                value = round(value, 3)
            elif "半" in match.group(0) or "half" in match.group(0).lower():
                value += 0.5
            japanese = pattern in (DURATION_JA, MINUTES_JA)
            if japanese and not _AFTER_DURATION_JA.match(text, match.end()):
                continue
            if not japanese and not (
                    _BEFORE_DURATION_EN.search(text, max(0, match.start() - 12), match.start())
                    or _AFTER_DURATION_EN.match(text, match.end())):
                continue
            if own is not None:
                lo, hi = (own[1], match.start()) if match.start() >= own[1] else (match.end(), own[0])
                if lo < hi and _OTHER_MEETING.search(text, lo, hi):
                    continue
                if match.start() >= own[1] and _OTHER_MEETING.search(text, max(own[1], match.start() - 12),
                                                                     match.start()):
                    continue
            found.append((value, match))
    return found


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
                    attribute=attribute + (_step(text, match) if attribute == "points" else ""),
                    value=match.group(0).strip(),
                    norm=_fmt(value) + unit,
                    evidence=(Evidence(report_id=report.id, start=match.start(), end=match.end()),),
                )
            )
    if plans:
        seen = {(c.evidence[0].start, c.evidence[0].end) for c in found}
        for match in FROM_TO_EN.finditer(text):  # "from 28 points to 19": the 19 has no "points"
            value = _number(match.group(2))
            start, end = match.start(2), match.end(2)
            target = _nearest(text, start, end, plans)
            if value is None or target is None or any(a <= start and end <= b for a, b in seen):
                continue
            found.append(
                Claim(
                    item_id=target,
                    attribute="points>",
                    value=match.group(0).strip(),
                    norm=_fmt(value) + " points",
                    evidence=(Evidence(report_id=report.id, start=start, end=end),),
                )
            )
    return found


def _step(text: str, match: re.Match[str]) -> str:
    """Which version of the plan a point count is about, relative to the plan named near it:
    ``>`` the next one ("cut to 19 points", 「19項目に絞り込まれた」), ``<`` the one before
    ("from 28 points to 19", 「28項目から」), ``""`` the plan named itself."""
    before = text[max(0, match.start() - 60) : match.start()]
    after = text[match.end() : match.end() + 12]
    if re.search(r"\bfrom\s+$", before, re.I) or _FROM_JA.search(after):
        return "<"
    if _TO_NEXT_EN.search(before) or _TO_NEXT_JA.search(after) or _FROM_BEFORE.search(before):
        return ">"
    return ""


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
