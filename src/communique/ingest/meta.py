"""Report metadata: language and publication date (with its precision)."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime, timedelta, timezone

from ..model import Precision

_KANA = re.compile(r"[\u3040-\u30ff]")
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uff66-\uff9f]")
_LETTER = re.compile(r"[^\W\d_]")


def detect_language(text: str, hint: str | None = None) -> str:
    """ISO 639-1 code: "ja" and "en" reliably, other codes via py3langid, "und" if unsure.

    A declared language (record field, ``<html lang>``) is trusted when the script agrees.
    """
    sample = text[:5000]
    letters = len(_LETTER.findall(sample))
    if letters == 0:
        return "und"
    cjk = len(_CJK.findall(sample))
    if _KANA.search(sample) and cjk > 0.2 * letters:
        return "ja"
    declared = (hint or "").split("-")[0].lower() or None
    if cjk > 0.3 * letters:
        return declared if declared in ("zh", "ja", "ko") else "zh"
    if declared and declared not in ("ja", "zh"):
        return declared
    import py3langid  # imported here: loading its model takes a moment

    code, _score = py3langid.classify(sample)
    return str(code)


_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}
_JA_DATE = re.compile(
    r"(?:(?P<era>令和|平成|昭和)(?P<eyear>\d{1,2}|元)年|(?P<year>\d{4})年)\s*"
    r"(?P<month>\d{1,2})月\s*(?P<day>\d{1,2})日"
    r"(?:[^\d\n]{0,6}?(?P<hour>\d{1,2})(?:時|:)(?P<minute>\d{1,2})分?)?"
)
_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_MONTH_RE = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_EN_DATES = (
    re.compile(_MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})", re.I),
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_RE + r",?\s+(?P<year>\d{4})", re.I),
    re.compile(r"\b(?P<year>20\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)\b"),
)


def _ymd(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_JST = timezone(timedelta(hours=9))


def dateline_date(text: str, language: str | None = None) -> tuple[str, Precision] | None:
    """A full date near the top of the text (a dateline or a 'Published' line).

    A Japanese report's clock time is Japan Standard Time unless it says otherwise.
    """
    head = unicodedata.normalize("NFKC", text[:600])
    match = _JA_DATE.search(head)
    if match:
        if match.group("era"):
            eyear = match.group("eyear")
            year = _ERAS[match.group("era")] + (1 if eyear == "元" else int(eyear))
        else:
            year = int(match.group("year"))
        found = _ymd(year, int(match.group("month")), int(match.group("day")))
        if found:
            if match.group("hour"):
                hour, minute = int(match.group("hour")), int(match.group("minute"))
                if hour < 24 and minute < 60:
                    zone = _JST if language == "ja" else None
                    stamp = datetime(found.year, found.month, found.day, hour, minute, tzinfo=zone)
                    return stamp.isoformat(timespec="seconds" if zone else "minutes"), Precision.DATETIME
            return found.isoformat(), Precision.DAY
    for pattern in _EN_DATES:
        match = pattern.search(head)
        if not match:
            continue
        groups = match.groupdict()
        month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS[groups["mon"].lower()]
        found = _ymd(int(groups["year"]), month, int(groups["day"]))
        if found:
            return found.isoformat(), Precision.DAY
    return None


def parse_published(value: str | None) -> tuple[str, Precision] | None:
    """An ISO 8601 date or datetime (or an RFC 822 feed date) as given by a source."""
    if not value:
        return None
    value = value.strip()
    try:
        stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        stamp = None
    if stamp is not None:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return stamp.date().isoformat(), Precision.DAY
        return stamp.isoformat(timespec="seconds"), Precision.DATETIME
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return value, Precision.MONTH
    try:
        from email.utils import parsedate_to_datetime

        stamp = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return dateline_date(value, "ja" if re.search("[年月日]", value) else None)
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return stamp.isoformat(timespec="seconds"), Precision.DATETIME


_DATELINE_OUTLET = re.compile(
    r"^[A-Z][A-Za-z .'/-]{1,40},\s+[^()\n]{3,40}?\((?P<outlet>[A-Z][^()\n]{1,40})\)\s*[-–—:]",
    re.MULTILINE,
)


_BYLINE_OUTLET = re.compile(r"^By [^,\n]{3,60}, (?P<outlet>[A-Z][\w&.' -]{2,40}?)\s*$", re.MULTILINE)
# A Japanese header line naming the outlet: "東都新聞 ワシントン支局", "…ニュース深掘りラボ編集部".
_JA_OUTLET = re.compile(
    r"(?P<outlet>[^\s\d（）()【】:：]{1,16}?(?:新聞社?|通信社?|放送|日報|新報|タイムズ|テレビ|ニュース|ラボ))"
    r"(?:編集部|[ \u3000]+\S{0,8}(?:支局|総局|面|編集部))?\s*$",
    re.MULTILINE,
)


def dateline_outlet(text: str) -> str | None:
    """The outlet a plain-text report names in its header.

    A wire-style dateline ("MOSCOW, Dec 3, 2025 (Global Wire) –"), a byline with the outlet
    after the name ("By Dana Whitfield, Midland Courier"), or a short Japanese header line
    ending in the outlet ("東都新聞 ワシントン支局").
    """
    head = text[:800]
    for pattern in (_DATELINE_OUTLET, _BYLINE_OUTLET):
        match = pattern.search(head)
        if match:
            return match.group("outlet").strip()
    for line in head.split("\n")[:6]:
        line = unicodedata.normalize("NFKC", line).strip()
        if 0 < len(line) <= 40 and not line.endswith("。"):
            match = _JA_OUTLET.search(line)
            if match:
                return match.group("outlet")
    return None
