"""English date expressions resolved against a report's publication date.

Precision is never raised above what the text gives:

* a weekday ("on Wednesday", "Tuesday night"), "yesterday", "today" or a month and day
  ("Dec. 3", "3 December") is a ``day``;
* "early / mid / late December", "the end of last month", and "last week" / "this week"
  are a ``part_of_month``: the value is the first day of the part (``-01`` early,
  ``-11`` mid, ``-21`` late), and the precision says that the day is *not* claimed;
  a week is the part of the month that holds most of its days (its Thursday); "the weekend",
  "this weekend", "last weekend" is the part of the month of its Saturday and Sunday (the month
  when the two fall in different parts);
* "in November", "an October phone call", "earlier this month", "last month" are a
  ``month``, written as its first day (``YYYY-MM-01``, the convention of the team's gold);
* "last year" / "this year" is a ``year`` (``YYYY-01-01``).

Weekdays point back (the most recent such day on or before publication) unless the
clause speaks of the future ("will meet on Thursday", "next week", "is due to"), when
they point forward.  The clause is read back to the nearest ". ", "; " or ", " before the
expression ("Asked what would come of it, he said on Wednesday" is in the past), and "the plan
to Kyiv" is a noun, not "plans to".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta

from ...model import Precision
from . import rx, wordscan
from .wordscan import Family, Key

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = (
    r"(?P<part>early|earlier in|mid|mid-|middle of|the middle of|late|later in|the end of|end of|"
    r"the start of|the beginning of|the first half of|the second half of)"
)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "month_day",
        re.compile(
            rf"\b(?P<month>{_MONTH})\.? (?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,? (?P<year>(?:19|20)\d\d)\b)?"
        ),
    ),
    (
        "day_month",
        re.compile(
            rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)? (?:of )?(?P<month>{_MONTH})\b\.?"
            r"(?:,? (?P<year>(?:19|20)\d\d)\b)?"
        ),
    ),
    ("iso", re.compile(r"\b(?P<year>20\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b")),
    (
        "part_month",
        re.compile(
            rf"(?i:\b{_PART}[ -]?)(?P<month>{_MONTH}|(?i:this month|last month|next month))\b"
            r"(?: (?P<year>(?:19|20)\d\d)\b)?"
        ),
    ),
    (
        "relative_month",
        re.compile(
            r"\b(?i:(?P<rel>earlier this month|this month|last month|next month|earlier this year|"
            r"this year|last year|next year))\b"
        ),
    ),
    (
        "relative_week",
        re.compile(
            r"\b(?i:(?P<rel>earlier this week|later this week|this week|last week|next week|"
            r"the previous week|the past week|the following week))\b"
        ),
    ),
    (
        "weekend",
        re.compile(r"\b(?i:(?P<wrel>this|last|next|the|at the|over the|on the) weekend)\b"),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?P<mod>(?i:last|next|this|on|late|early|since|by|until|from)\s+)?(?P<weekday>{_WEEKDAY})\b(?:'s|’s)?"
            r"(?P<tod>\s+(?:night|morning|evening|afternoon))?"
        ),
    ),
    (
        "deictic",
        re.compile(
            r"\b(?i:(?P<deictic>yesterday|today|tonight|this morning|this afternoon|this evening|"
            r"last night|overnight|tomorrow))\b"
        ),
    ),
    (
        "in_month",
        re.compile(
            rf"\b(?i:in|since|during|by|until|from|of) (?P<month>{_MONTH})\b(?: (?P<year>(?:19|20)\d\d)\b)?"
        ),
    ),
    ("month_year", re.compile(rf"\b(?P<month>{_MONTH}) (?P<year>(?:19|20)\d\d)\b")),
    (
        "in_month",
        re.compile(
            r"\b(?i:an?|the|last|this|that) (?P<month>January|February|March|April|June|July|"
            r"August|September|October|November|December)\b(?! \d)"
        ),
    ),
    (
        "holiday",
        re.compile(r"\b(?P<holiday>Thanksgiving|Christmas(?: Eve| Day)?|New Year's Eve|New Year's Day)\b"),
    ),
]

_FIRST = {
    "month_day": "JFMASOND",
    "day_month": "0-9",
    "iso": "2",
    "part_month": "eEmMlLtT",
    "relative_month": "eEtTlLnN",
    "relative_week": "eElLtTnN",
    "weekend": "tTlLnNaAoO",
    "weekday": "lLnNtToOeEsSbBuUfFMW",
    "deictic": "yYtTlLoO",
    "in_month": "iIsSdDbBuUfFoOaAtTlL",
    "month_year": "JFMASOND",
    "holiday": "TCN",
}
_PATTERNS = [(kind, re.compile(f"(?=[{_FIRST[kind]}])" + p.pattern, p.flags)) for kind, p in _PATTERNS]
_GATES = {
    "weekend": ("weekend",),
    "holiday": ("thanksgiving", "christmas", "new year"),
    "deictic": (
        "yesterday",
        "today",
        "tonight",
        "this morning",
        "this afternoon",
        "this evening",
        "last night",
        "overnight",
        "tomorrow",
    ),
    "relative_week": ("week",),
    "relative_month": ("month", "year"),
    "iso": ("-",),
}
# the words a match of each pattern may begin with, case-folded (see wordscan); in the order of _PATTERNS
_MONTHS3 = "jan feb mar apr may jun jul aug sep oct nov dec"
_WORDS = Family(
    [
        Key.of("", _MONTHS3),  # month_day
        Key(test=lambda word: word[0].isdecimal()),  # day_month
        Key.of("", "20"),  # iso
        Key.of("", "ear mid lat the end"),  # part_month
        Key.of("", "earlier this last next"),  # relative_month
        Key.of("", "earlier later this last next the"),  # relative_week
        Key.of("this last next the at over on", ""),  # weekend
        Key.of("last next this on late early since by until from", " ".join(WEEKDAYS)),  # weekday
        Key.of("", "yesterday today tonight this last overnight tomorrow"),  # deictic
        Key.of("in since during by until from of", ""),  # in_month
        Key.of("", _MONTHS3),  # month_year
        Key.of("a an the last this that", ""),  # in_month ("an October phone call")
        Key.of("", "thanksgiving christmas new"),  # holiday
    ],
    group=wordscan.TEXT,
)
assert len(_WORDS.keys) == len(_PATTERNS)
_ANY_DATE = re.compile(
    r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|"
    r"Thanksgiving|Christmas|New Year|[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow|[Ll]ast night|"
    r"[Tt]his (?:morning|afternoon|evening)|week|month|year)"
)

FUTURE_CUES = re.compile(
    r"\b(?:will|would|shall|'ll|’ll|is due|are due|was due|were due|is set to|are set to|is expected|"
    r"are expected|plans? to|planned|planning|"
    r"scheduled|upcoming|next|is to|are to|later this|tomorrow|"
    r"intends? to|hopes? to|going to)\b",
    re.I,
)


_NOUN_PLAN = re.compile(r"\b(?:the|a|peace|its|his|their)\s+$", re.I)


def _future(text: str, start: int, end: int) -> bool:
    """Whether the clause speaks of the future ("the plan to Kyiv" is a noun, not "plans to")."""
    for cue in FUTURE_CUES.finditer(text, start, end):
        if cue.group()[:4].lower() == "plan" and _NOUN_PLAN.search(
            text, max(0, cue.start() - 8), cue.start()
        ):
            continue
        return True
    return False


@dataclass(frozen=True, slots=True)
class DateRef:
    start: int
    end: int
    value: str
    precision: Precision
    kind: str


def anchor_of(published_at: str | None) -> date | None:
    """The calendar date of an ISO 8601 publication time, as written (its own offset)."""
    if not published_at:
        return None
    match = rx.match(r"(\d{4})-(\d\d)(?:-(\d\d))?", published_at)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3] or 1))
    except ValueError:
        return None


def part_start(day: int) -> int:
    return 1 if day <= 10 else (11 if day <= 20 else 21)


def part_value(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{part_start(day):02d}"


def _year_for(month: int, day: int, anchor: date, future: bool) -> int:
    """The year that puts month/day nearest the anchor on the side the tense asks for."""
    year = anchor.year
    try:
        candidate = date(year, month, day)
    except ValueError:
        return year
    if future:
        if candidate < anchor - timedelta(days=31):
            return year + 1
        return year
    if candidate > anchor + timedelta(days=31):
        return year - 1
    return year


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _week(anchor: date, delta_weeks: int) -> tuple[str, Precision]:
    monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=delta_weeks)
    thursday = monday + timedelta(days=3)
    sunday = monday + timedelta(days=6)
    if part_start(monday.day) == part_start(sunday.day) and monday.month == sunday.month:
        return part_value(thursday.year, thursday.month, thursday.day), Precision.PART_OF_MONTH
    # A week across two parts of a month: say the month it mostly lies in, no finer.
    return f"{thursday.year:04d}-{thursday.month:02d}-01", Precision.MONTH


def _thanksgiving(year: int) -> date:
    first = date(year, 11, 1)
    first_thursday = first + timedelta(days=(3 - first.weekday()) % 7)
    return first_thursday + timedelta(weeks=3)


def resolve(match: re.Match[str], kind: str, anchor: date, future: bool) -> tuple[str, Precision] | None:
    """The value and precision of one matched expression, or None when it is not a date."""
    groups = match.groupdict()
    if kind in ("month_day", "day_month", "iso"):
        month = int(groups["mon"]) if kind == "iso" else MONTHS[groups["month"].lower().rstrip(".")]
        day = int(groups["day"])
        year = int(groups["year"]) if groups.get("year") else _year_for(month, day, anchor, future)
        try:
            return date(year, month, day).isoformat(), Precision.DAY
        except ValueError:
            return None
    if kind == "part_month":
        part = groups["part"].lower()
        token = groups["month"].lower()
        if token.endswith("month"):
            delta = {"this": 0, "last": -1, "next": 1}[token.split()[0]]
            year, month = _shift_month(anchor.year, anchor.month, delta)
        else:
            month = MONTHS[token]
            year = int(groups["year"]) if groups.get("year") else _year_for(month, 15, anchor, future)
        if part in ("earlier in", "later in", "the first half of", "the second half of"):
            return f"{year:04d}-{month:02d}-01", Precision.MONTH
        day = (
            1
            if part in ("early", "the start of", "the beginning of")
            else (11 if part.startswith("mid") or "middle" in part else 21)
        )
        return part_value(year, month, day), Precision.PART_OF_MONTH
    if kind == "relative_month":
        rel = groups["rel"].lower()
        if rel.endswith("year"):
            delta = {"earlier": 0, "this": 0, "last": -1, "next": 1}[rel.split()[0]]
            return f"{anchor.year + delta:04d}-01-01", Precision.YEAR
        delta = {"earlier": 0, "this": 0, "last": -1, "next": 1}[rel.split()[0]]
        year, month = _shift_month(anchor.year, anchor.month, delta)
        return f"{year:04d}-{month:02d}-01", Precision.MONTH
    if kind == "relative_week":
        rel = groups["rel"].lower()
        delta = (
            -1
            if ("last" in rel or "previous" in rel or "past" in rel)
            else (1 if ("next" in rel or "following" in rel) else 0)
        )
        return _week(anchor, delta)
    if kind == "weekend":
        rel = groups["wrel"].lower()
        to_saturday = (5 - anchor.weekday()) % 7
        if rel == "next" or (future and rel != "last"):
            saturday = anchor + timedelta(days=to_saturday)
            if rel == "next" and to_saturday == 0:
                saturday += timedelta(days=7)
        else:
            saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
            if rel == "last" and anchor.weekday() >= 5:
                saturday -= timedelta(days=7)
        sunday = saturday + timedelta(days=1)
        if sunday.month == saturday.month and part_start(sunday.day) == part_start(saturday.day):
            return part_value(saturday.year, saturday.month, saturday.day), Precision.PART_OF_MONTH
        return f"{saturday.year:04d}-{saturday.month:02d}-01", Precision.MONTH
    if kind == "weekday":
        mod = (groups.get("mod") or "").strip().lower()
        target = WEEKDAYS.index(groups["weekday"].lower())
        back = (anchor.weekday() - target) % 7
        if mod == "next" or (future and mod != "last"):
            ahead = (target - anchor.weekday()) % 7
            if mod == "next" and ahead == 0:
                ahead = 7
            return (anchor + timedelta(days=ahead)).isoformat(), Precision.DAY
        if mod == "last" and back == 0:
            back = 7
        return (anchor - timedelta(days=back)).isoformat(), Precision.DAY
    if kind == "deictic":
        word = groups["deictic"].lower()
        if word in ("yesterday", "last night"):
            return (anchor - timedelta(days=1)).isoformat(), Precision.DAY
        if word == "tomorrow":
            return (anchor + timedelta(days=1)).isoformat(), Precision.DAY
        if word == "overnight":
            return None
        return anchor.isoformat(), Precision.DAY
    if kind in ("in_month", "month_year"):
        month = MONTHS[groups["month"].lower().rstrip(".")]  # case-sensitive: "may" is no month
        year = int(groups["year"]) if groups.get("year") else _year_for(month, 15, anchor, future)
        return f"{year:04d}-{month:02d}-01", Precision.MONTH
    if kind == "holiday":
        name = groups["holiday"]
        if name == "Thanksgiving":
            holiday = _thanksgiving(anchor.year)
            if not future and holiday > anchor + timedelta(days=31):
                holiday = _thanksgiving(anchor.year - 1)
            return holiday.isoformat(), Precision.DAY
        if name.startswith("Christmas"):
            year = _year_for(12, 25, anchor, future)
            return date(year, 12, 24 if name.endswith("Eve") else 25).isoformat(), Precision.DAY
        if name == "New Year's Eve":
            return date(_year_for(12, 31, anchor, future), 12, 31).isoformat(), Precision.DAY
        return date(_year_for(1, 1, anchor, True), 1, 1).isoformat(), Precision.DAY
    return None


Hit = tuple[int, int, "re.Match[str]", str]


def scan(text: str) -> list[Hit]:
    """Every date expression of a text, unresolved, in order; overlaps keep the longest."""
    found: list[Hit] = []
    if not _ANY_DATE.search(text):
        return []
    low = text.lower()
    starts = _WORDS.starts(text)
    for i, (kind, pattern) in enumerate(_PATTERNS):
        gate = _GATES.get(kind)
        if gate is not None and not any(word in low for word in gate):
            continue  # the expression's key word is nowhere in the text
        for match in wordscan.finditer(pattern, text, starts[i]):
            found.append((match.start(), match.end(), match, kind))
    found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
    kept: list[Hit] = []
    last_end = -1
    for hit in found:
        if hit[0] >= last_end:
            kept.append(hit)
            last_end = hit[1]
    return kept


def resolve_hits(
    text: str, hits: list[Hit], start: int, end: int, anchor: date | None, future: bool | None = None
) -> list[DateRef]:
    """The hits inside ``text[start:end]`` resolved against ``anchor``.

    ``future`` None means: decide from the clause (``FUTURE_CUES`` before the expression).
    """
    if anchor is None or start >= end:
        return []
    refs: list[DateRef] = []
    for at in range(bisect_left(hits, (start,)), len(hits)):
        s, e, match, kind = hits[at]
        if s >= end:
            break
        if e > end:
            continue
        tense = future
        if tense is None:
            clause_start = max(
                text.rfind(". ", start, s), text.rfind("; ", start, s), text.rfind(", ", start, s), start
            )
            tense = _future(text, clause_start, e)
        resolved = resolve(match, kind, anchor, tense)
        if resolved is not None:
            refs.append(DateRef(s, e, resolved[0], resolved[1], kind))
    return refs


def find_dates(
    text: str, start: int, end: int, anchor: date | None, future: bool | None = None
) -> list[DateRef]:
    """Date expressions in ``text[start:end]``, resolved (see :func:`resolve_hits`)."""
    return resolve_hits(
        text,
        [(s + start, e + start, m, k) for s, e, m, k in scan(text[start:end])],
        start,
        end,
        anchor,
        future,
    )


def best(refs: list[DateRef]) -> DateRef | None:
    """The most precise expression of a clause (ties: the first)."""
    order = {Precision.DAY: 0, Precision.PART_OF_MONTH: 1, Precision.MONTH: 2, Precision.YEAR: 3}
    ranked = sorted(refs, key=lambda r: (order.get(r.precision, 9), r.start))
    return ranked[0] if ranked else None


WRITTEN = ("month_day", "day_month", "iso")  # a calendar day written out ("July 28", "28 July")
# "Monday (July 28)", "Monday, July 28": a weekday with its calendar day beside it
_WEEKDAY_WITH_DAY = re.compile(r"\s*(?:\(\s*|,\s*)")


def written_day(
    text: str, hits: list[Hit], ref: DateRef, start: int, end: int, anchors: list[date]
) -> str | None:
    """The calendar day ``ref`` (an expression of ``text[start:end]``) writes out, as read on
    every day of ``anchors`` -- None unless they all read the same day.

    Only a written month and day counts ("July 28", "28 July", "2025-07-28", and a weekday with
    its month and day beside it, "Monday (July 28)", when the two agree): a relative expression
    ("on Monday", "yesterday", "last week") names a day only from the report's own date, and
    ``anchors`` are days the report may have been published on, not its date."""
    at = bisect_left(hits, (ref.start,))
    if at >= len(hits) or hits[at][0] != ref.start:
        return None
    hit = hits[at]
    weekday = None
    if hit[3] == "weekday" and ref.kind == "weekday":
        beside = _WEEKDAY_WITH_DAY.match(text, hit[1])
        after = bisect_left(hits, (beside.end(),)) if beside else len(hits)
        if beside is None or after >= len(hits) or hits[after][0] != beside.end():
            return None
        weekday = WEEKDAYS.index(hit[2]["weekday"].lower())
        hit = hits[after]
    if hit[3] not in WRITTEN or ref.kind not in (*WRITTEN, "weekday"):
        return None
    values = set()
    for anchor in anchors:
        read = resolve_hits(text, [hit], start, end, anchor)
        if not read or read[0].precision != Precision.DAY:
            return None
        values.add(read[0].value)
    if len(values) != 1:
        return None
    value = values.pop()
    if weekday is not None and date.fromisoformat(value).weekday() != weekday:
        return None  # "Monday (July 29)": one of the two is wrong, and which is not known
    return value
