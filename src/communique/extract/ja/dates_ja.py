"""Japanese date expressions, resolved against a report's publication date.

``12月3日``, ``2025年12月8日時点``, ``令和7年``, ``今月初め``, ``先週``, ``11月``, a bare
``3日`` (a day of the publication month), ``2日夜``, ``昨日``, ``火曜日`` — each becomes an
ISO value with the precision the text gives, never more.  Full-width and kanji digits are
read in place so that offsets into the report's text stay exact.

Values are ISO dates; the precision says how much of them the text gave: day
``2025-12-03``; part of month ``2025-12-01`` (early), ``-11`` (mid), ``-21`` (late); month
``2025-12-01``; year ``2025-01-01``.  dateparser is not used: it reads 12月3日 as
2012-03-08.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from ...model import Precision

JST = timezone(timedelta(hours=9))

_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
                 "六": 6, "七": 7, "八": 8, "九": 9}
_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}

_NUM = r"[0-9０-９]{1,4}|[〇零一二三四五六七八九十]{1,4}"
_ARABIC = r"[0-9０-９]{1,2}"
_PART = {"初め": "early", "はじめ": "early", "初旬": "early", "上旬": "early", "頭": "early",
         "中旬": "mid", "半ば": "mid", "下旬": "late", "末": "late", "終わり": "late"}
_PART_RE = "|".join(sorted(_PART, key=len, reverse=True))
_WEEKDAYS = "月火水木金土日"

_PATTERN = re.compile(
    rf"""
    (?P<era>令和|平成|昭和)(?P<eyear>元|{_NUM})年(?:(?P<emonth>{_NUM})月(?:(?P<eday>{_NUM})日)?)?
  | (?P<year>[0-9０-９]{{4}})年(?:(?P<ymonth>{_NUM})月(?:(?P<yday>{_NUM})日)?(?P<ypart>{_PART_RE})?)?
  | (?P<rel_month>今月|先月|前月|来月|翌月)(?:(?P<rmday>{_ARABIC})日|(?P<rmpart>{_PART_RE}))?
  | (?P<rel_year>今年|昨年|去年|来年)(?:(?P<rymonth>{_NUM})月(?:(?P<ryday>{_NUM})日)?)?
  | (?P<month>{_ARABIC})月(?:(?P<mday>{_ARABIC})日|(?P<mpart>{_PART_RE}))?
  | (?P<week>先週|今週|来週)(?:(?P<wday>{_ARABIC})日|の?(?P<wname>[月火水木金土日])曜日?)?
  | (?P<day>{_ARABIC})日(?!間|本|連続|分|目)
  | (?P<rel_day>一昨日|おととい|昨日|きのう|今日|きょう|本日|明日|あす|あした)
  | (?P<weekday>[月火水木金土日])曜日?
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression in a text: where it is, what it says, and how precisely."""

    start: int
    end: int
    text: str
    value: str | None
    precision: Precision


def number(text: str) -> int:
    """Arabic (half or full width) or kanji numerals (``十二``, ``二十三``) to an int."""
    text = text.translate(_FULLWIDTH)
    if text.isdigit():
        return int(text)
    if text == "元":
        return 1
    total, current = 0, 0
    for ch in text:
        if ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch in _KANJI_DIGITS:
            current = current * 10 + _KANJI_DIGITS[ch]
        else:
            raise ValueError(f"not a number: {text!r}")
    return total + current


def reference_date(published_at: str | None) -> date | None:
    """The publication date as a Japanese reader sees it (JST when the time is known)."""
    if not published_at:
        return None
    try:
        if len(published_at) <= 10:
            return date.fromisoformat(published_at[:10])
        moment = datetime.fromisoformat(published_at.replace("Z", "+00:00"))
    except ValueError:
        try:
            return date.fromisoformat(published_at[:10])
        except ValueError:
            return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(JST)
    return moment.date()


def _valid(year: int, month: int, day: int | None = None) -> bool:
    if not (1 <= month <= 12 and 1 <= year <= 9999):
        return False
    return day is None or 1 <= day <= calendar.monthrange(year, month)[1]


def _day(year: int, month: int, day: int) -> tuple[str | None, Precision]:
    if not _valid(year, month, day):
        return None, Precision.UNKNOWN
    return f"{year:04d}-{month:02d}-{day:02d}", Precision.DAY


def _month(year: int, month: int, part: str | None = None) -> tuple[str | None, Precision]:
    if not _valid(year, month):
        return None, Precision.UNKNOWN
    if part:
        first = {"early": 1, "mid": 11, "late": 21}[_PART[part]]
        return f"{year:04d}-{month:02d}-{first:02d}", Precision.PART_OF_MONTH
    return f"{year:04d}-{month:02d}-01", Precision.MONTH


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _year_for(month: int, day: int | None, ref: date | None) -> int | None:
    """The year of a month (and day) written without one: the nearest, leaning to the past."""
    if ref is None:
        return None
    best = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        if not _valid(year, month, day):
            continue
        delta = (date(year, month, day or 15) - ref).days
        if -320 <= delta <= 45 and (best is None or abs(delta) < abs(best[1])):
            best = (year, delta)
    return best[0] if best else None


def _bare_day(day: int, ref: date | None) -> tuple[str | None, Precision]:
    """``3日``: a day of the publication month, or of the month before when it is well ahead."""
    if ref is None:
        return None, Precision.UNKNOWN
    year, month = ref.year, ref.month
    if day > ref.day + 10:
        year, month = _shift_month(year, month, -1)
    return _day(year, month, day)


def _part_of(day: date) -> str:
    return "初め" if day.day <= 10 else ("中旬" if day.day <= 20 else "下旬")


def resolve(match: re.Match[str], ref: date | None) -> tuple[str | None, Precision]:
    """The value and precision of one :data:`_PATTERN` match."""
    g = match.groupdict()
    if g["era"]:
        year = _ERAS[g["era"]] + number(g["eyear"])
        if g["emonth"]:
            if g["eday"]:
                return _day(year, number(g["emonth"]), number(g["eday"]))
            return _month(year, number(g["emonth"]))
        return f"{year:04d}-01-01", Precision.YEAR
    if g["year"]:
        year = number(g["year"])
        if g["ymonth"]:
            if g["yday"]:
                return _day(year, number(g["ymonth"]), number(g["yday"]))
            return _month(year, number(g["ymonth"]), g["ypart"])
        return f"{year:04d}-01-01", Precision.YEAR
    if ref is None:
        return None, Precision.UNKNOWN
    if g["rel_month"]:
        delta = {"今月": 0, "先月": -1, "前月": -1, "来月": 1, "翌月": 1}[g["rel_month"]]
        year, month = _shift_month(ref.year, ref.month, delta)
        if g["rmday"]:
            return _day(year, month, number(g["rmday"]))
        return _month(year, month, g["rmpart"])
    if g["rel_year"]:
        year = ref.year + {"今年": 0, "昨年": -1, "去年": -1, "来年": 1}[g["rel_year"]]
        if g["rymonth"]:
            if g["ryday"]:
                return _day(year, number(g["rymonth"]), number(g["ryday"]))
            return _month(year, number(g["rymonth"]))
        return f"{year:04d}-01-01", Precision.YEAR
    if g["month"]:
        month = number(g["month"])
        day = number(g["mday"]) if g["mday"] else None
        found = _year_for(month, day, ref)
        if found is None:
            return None, Precision.UNKNOWN
        if day is not None:
            return _day(found, month, day)
        return _month(found, month, g["mpart"])
    if g["week"]:
        week_delta = {"先週": -7, "今週": 0, "来週": 7}[g["week"]]
        monday = ref - timedelta(days=ref.weekday()) + timedelta(days=week_delta)
        if g["wday"]:
            target = number(g["wday"])
            for offset in range(7):
                candidate = monday + timedelta(days=offset)
                if candidate.day == target:
                    return _day(candidate.year, candidate.month, candidate.day)
            return _bare_day(target, ref)
        if g["wname"]:
            candidate = monday + timedelta(days=_WEEKDAYS.index(g["wname"]))
            return _day(candidate.year, candidate.month, candidate.day)
        middle = monday + timedelta(days=3)
        return _month(middle.year, middle.month, _part_of(middle))
    if g["day"]:
        return _bare_day(number(g["day"]), ref)
    if g["rel_day"]:
        delta = {"一昨日": -2, "おととい": -2, "昨日": -1, "きのう": -1, "今日": 0, "きょう": 0,
                 "本日": 0, "明日": 1, "あす": 1, "あした": 1}[g["rel_day"]]
        moment = ref + timedelta(days=delta)
        return _day(moment.year, moment.month, moment.day)
    if g["weekday"]:
        back = (ref.weekday() - _WEEKDAYS.index(g["weekday"])) % 7
        moment = ref - timedelta(days=back)
        return _day(moment.year, moment.month, moment.day)
    return None, Precision.UNKNOWN


def find_dates(text: str, ref: date | None, offset: int = 0) -> list[DateMention]:
    """Every date expression in ``text`` (offsets shifted by ``offset``), in order."""
    found = []
    for match in _PATTERN.finditer(text):
        start = match.start()
        if start and text[start - 1] in "0123456789０１２３４５６７８９第約":
            continue  # inside a longer number, or an ordinal ("第3日")
        if match.group("weekday") and start and _is_kanji(text[start - 1]):
            continue  # 月 of 毎月, 日 of 同日 … are not weekdays
        if match.group("day") and start and text[start - 1] in "同毎前翌":
            continue
        if _credit_around(text, start, match.end()):
            continue  # a photo's credit 「(2025年 ロイター/…)」: the photo's year, no event's
        try:
            value, precision = resolve(match, ref)
        except ValueError:
            continue
        found.append(DateMention(start + offset, match.end() + offset, match.group(), value, precision))
    return found


def _credit_around(text: str, start: int, end: int) -> bool:
    """The date stands inside a photo credit's parentheses: 「(2025年 ロイター/Evelyn Hockstein)」."""
    opening = max(text.rfind("(", max(0, start - 6), start), text.rfind("（", max(0, start - 6), start))
    if opening < 0 or any(ch in text[opening + 1:start] for ch in ")）"):
        return False
    closing = min((i for i in (text.find(")", end, end + 80), text.find("）", end, end + 80)) if i >= 0),
                  default=-1)
    return closing >= 0 and any(ch in text[end:closing] for ch in "/／")


def normalize(expression: str, ref: date | None) -> tuple[str | None, Precision]:
    """The value and precision of a whole expression (the first date in it)."""
    found = find_dates(expression, ref)
    return (found[0].value, found[0].precision) if found else (None, Precision.UNKNOWN)


def _is_kanji(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch in "々〆"


_RELATIVE = re.compile(r"前日|翌日|同日|同じ日|その日")


def with_relatives(text: str, found: list[DateMention]) -> list[DateMention]:
    """Add 前日 / 翌日 / 同日, resolved against the nearest day-precise date before them."""
    out = list(found)
    for match in _RELATIVE.finditer(text):
        anchor = None
        for mention in found:
            if mention.end <= match.start() and mention.precision is Precision.DAY and mention.value:
                anchor = mention
        if anchor is None or anchor.value is None:
            continue
        day = date.fromisoformat(anchor.value)
        day += timedelta(days={"前日": -1, "翌日": 1}.get(match.group(), 0))
        out.append(DateMention(match.start(), match.end(), match.group(), day.isoformat(), Precision.DAY))
    out.sort(key=lambda d: d.start)
    return out


def written(expression: str) -> bool:
    """Whether a date expression writes out its day of the month: 「2025年7月28日」, 「7月28日」,
    or a bare 「28日」 (a day of the publication month) -- not 「昨日」, 「火曜日」, 「先週28日」,
    whose day follows from the report's own date."""
    match = _PATTERN.fullmatch(expression)
    return bool(match and (match["eday"] or match["yday"] or match["mday"] or match["day"]))


def written_day(expression: str, anchors: list[date]) -> str | None:
    """The day a written expression (see :func:`written`) names as read on every day of
    ``anchors`` (days the report may have been published on); None unless they all read the same
    day: 「7月28日」 takes its year, a bare 「28日」 its month and year, from the anchors, so a
    bare day is kept only when the anchors leave one month for it."""
    if not written(expression):
        return None
    values = set()
    for anchor in anchors:
        value, precision = normalize(expression, anchor)
        if value is None or precision is not Precision.DAY:
            return None
        values.add(value)
    return values.pop() if len(values) == 1 else None
