"""Report metadata: language and publication date (with its precision)."""

from __future__ import annotations

import html as html_lib
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
# A Japanese date, with an optional weekday and clock time: 2025年12月5日(金) 午前10時30分, 12月5日 15:00.
# Not a magazine's issue (「2025年12月23日号」: a page's advertisement for another day's issue).
_JA_DATE = re.compile(
    r"(?:(?P<era>令和|平成|昭和)(?P<eyear>\d{1,2}|元)年|(?P<year>\d{4})年)\s*"
    r"(?P<month>\d{1,2})月\s*(?P<day>\d{1,2})日(?!号)"
    r"(?:\s*[(（][月火水木金土日][曜日]{0,2}[)）])?"
    r"(?:[^\d\n。]{0,6}?(?P<ampm>午前|午後)?\s*(?P<hour>\d{1,2})(?:時|:)(?:(?P<minute>\d{1,2})分?)?)?"
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
# A clock time after a date: "10:00", "10:00 a.m. EST", "3 p.m. GMT", "T10:00:00Z", "10:00 (JST)".
_TIME_RE = (
    r"(?:(?:\s*(?:at|,|-|–|—)?\s*|T)(?P<hour>\d{1,2})(?::(?P<minute>\d\d)(?::(?P<second>\d\d)(?:\.\d+)?)?"
    r"|(?=\s*[ap]\.?m\b))\s*(?P<ampm>[ap]\.?m\.?)?"
    r"\s*\(?(?P<zone>Z|UTC|GMT|JST|KST|CET|CEST|BST|EET|EEST|MSK|EST|EDT|CST|CDT|PST|PDT"
    r"|[+-]\d\d:?\d\d)?\)?)?"
)
_EN_DATES = (
    re.compile(r"\b" + _MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b" + _TIME_RE,
               re.I),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_RE + r",?\s+(?P<year>\d{4})\b" + _TIME_RE,
               re.I),
    # numeric, year first: 2025-12-05, 2025/12/05 10:00, 2025.12.05, 2025-12-05T10:00:00Z
    re.compile(r"(?<![\d.:/-])(?P<year>(?:19|20)\d\d)(?P<sep>[-/.])(?P<mnum>\d{1,2})(?P=sep)(?P<day>\d{1,2})"
               r"(?![\d/])\.?" + _TIME_RE),
)
# A wire dateline without a year: "MOSCOW, Dec 3 (Global Wire) -", "KYIV, Nov. 28 /Agency/ -".
_YEARLESS_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'/-]{1,40},\s+" + _MONTH_RE + r"\s+(?P<day>\d{1,2})\b(?!,?\s+\d{4})", re.M | re.I)
_JA_YEARLESS = re.compile(r"^【[^】]{1,20}】?\s*(?P<month>\d{1,2})月(?P<day>\d{1,2})日", re.M)
_ZONES = {"Z": 0, "UTC": 0, "GMT": 0, "JST": 9, "KST": 9, "CET": 1, "CEST": 2, "BST": 1, "EET": 2,
          "EEST": 3, "MSK": 3, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "PST": -8, "PDT": -7}
# Labels before a date in page headers and metadata values.
_LABEL = re.compile(
    r"^\s*(?:(?:last\s+)?updated(?:\s+on)?|published(?:\s+on)?|posted(?:\s+on)?|first published(?:\s+on)?"
    r"|date|更新(?:日時?)?|公開(?:日時?)?|配信(?:日時?)?|掲載(?:日時?)?|投稿(?:日時?)?)\s*[:：]?\s*", re.I)


def _ymd(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_JST = timezone(timedelta(hours=9))


def _stamp(found: date, groups: dict[str, str | None], language: str | None,
           ) -> tuple[str, Precision]:
    """A day, or a datetime when a valid clock time follows it (JST for Japanese without a zone)."""
    if not groups.get("hour"):
        return found.isoformat(), Precision.DAY
    hour, minute = int(groups["hour"] or 0), int(groups.get("minute") or 0)
    second = int(groups.get("second") or 0)
    ampm = (groups.get("ampm") or "").replace(".", "").lower()
    if ampm in ("pm", "午後") and hour < 12:
        hour += 12
    elif ampm in ("am", "午前") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return found.isoformat(), Precision.DAY
    zone_name = (groups.get("zone") or "").upper()
    zone: timezone | None = None
    if zone_name in _ZONES:
        zone = timezone(timedelta(hours=_ZONES[zone_name]))
    elif zone_name:
        sign = -1 if zone_name[0] == "-" else 1
        digits = zone_name[1:].replace(":", "")
        zone = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    elif language == "ja":
        zone = _JST
    stamp = datetime(found.year, found.month, found.day, hour, minute, second, tzinfo=zone)
    return stamp.isoformat(timespec="seconds" if zone or second else "minutes"), Precision.DATETIME


def _ja_date(match: re.Match[str], language: str | None) -> tuple[str, Precision] | None:
    if match.group("era"):
        eyear = match.group("eyear")
        year = _ERAS[match.group("era")] + (1 if eyear == "元" else int(eyear))
    else:
        year = int(match.group("year"))
    found = _ymd(year, int(match.group("month")), int(match.group("day")))
    if found is None:
        return None
    return _stamp(found, match.groupdict(), "ja" if language in (None, "ja") and match.group("ampm")
                  else language)


def _en_date(match: re.Match[str], language: str | None) -> tuple[str, Precision] | None:
    groups = match.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS[groups["mon"].lower()]
    found = _ymd(int(groups["year"]), month, int(groups["day"]))
    if found is None:
        return None
    if groups.get("sep") == "-" and groups.get("hour") and not groups.get("zone") \
            and "T" not in match.group():
        groups = {**groups, "hour": None}  # "2025-12-05 - 10" is a day and a number, not a time
    return _stamp(found, groups, language)


def _first_date(head: str, language: str | None) -> tuple[str, Precision] | None:
    """The earliest readable date in ``head`` (NFKC-normalised), in any of the forms above."""
    found: list[tuple[int, tuple[str, Precision]]] = []
    match = _JA_DATE.search(head)
    if match:
        read = _ja_date(match, language)
        if read:
            found.append((match.start(), read))
    for pattern in _EN_DATES:
        for match in pattern.finditer(head):
            if _IN_PROSE.search(head, max(0, match.start() - 12), match.start()):
                continue  # "during their Oct. 7, 2023, terror attack": a day the text speaks of
            read = _en_date(match, language)
            if read:
                found.append((match.start(), read))
                break
    return min(found, key=lambda f: f[0])[1] if found else None


# words before a date that make it a day the prose speaks of, not the page's own date
_IN_PROSE = re.compile(r"\b(?:their|his|her|its|the|of|since|during|after|before|until|following)\s+$",
                       re.I)


def dateline_date(text: str, language: str | None = None) -> tuple[str, Precision] | None:
    """A full date near the top of the text (a dateline or a 'Published' / 'Updated' line).

    Written and numeric forms in English and Japanese (``Dec 5, 2025``, ``5 December 2025 10:00 GMT``,
    ``2025/12/05 10:00``, ``2025.12.05``, ``2025-12-05T10:00:00Z``, ``2025年12月5日 午前10時``, era years).
    A wire dateline without a year (``MOSCOW, Dec 3 (Wire) -``) takes the year of the first full
    date elsewhere in the report.  A Japanese report's clock time is Japan Standard Time unless
    it says otherwise.
    """
    head = _CAPTION.sub("", unicodedata.normalize("NFKC", text[:600]))
    found = _first_date(head, language)
    if found:
        return found
    return _yearless(unicodedata.normalize("NFKC", text[:3000]), language)


# A photo's caption, told by the credit that ends it ("... at the White House, 29 September 2025
# (Kevin Lamarque/Reuters)", "(Photo: AFP)"): its date is the photo's, not the report's.  A wire
# dateline ("MOSCOW, Dec 3, 2025 (Reuters)") names its agency without a photographer: kept.
_CAPTION = re.compile(
    r"^[^\n]*\((?:[^()\n]*/[^()\n]*|(?:photo|photograph|picture|image|file)\b[^()\n]*|"
    r"[^()\n]*\b(?:getty images|ap photo)\b[^()\n]*)\)[^\S\n]*$",
    re.I | re.M,
)


# A day in a page's address: /2025/06/13/, /2025/6/13/, /2025/1009/, /2025-06-13-slug,
# /20250613/, /20250613-249529, /2025091400298 (a day followed by a serial).  Looked for in the
# path only: a query's numbers are ids more often than days.  A month alone (/2025/06/slug) is
# not taken: the extractors read a report's relative days ("Wednesday", 「12日」) from its day.
_URL_DAY = re.compile(
    r"/(?P<y>(?:19|20)\d{2})(?:/(?P<m>\d{1,2})/(?P<d>\d{1,2})|/(?P<m2>\d{2})(?P<d2>\d{2})"
    r"|-(?P<m3>\d{2})-(?P<d3>\d{2})|(?P<m4>\d{2})(?P<d4>\d{2})(?:\d{0,5})"
    # the month by its name: /2025/aug/08/, /2026/feb/9/
    r"|/(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/(?P<d5>\d{1,2}))(?=[/._-]|$)", re.I)


def url_date(url: str | None) -> tuple[str, Precision] | None:
    """The day a page's address gives, for a report no other date is found for: news sites file
    articles by day ("/2025/06/13/", "/20250417-249529").  A day after tomorrow or before 1990
    is an id, not a date."""
    if not url:
        return None
    path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/]*", "", re.sub(r"[?#].*", "", url), flags=re.I)
    if "://" in path:
        return None  # a bookmark or redirect page's own text may not be the page it names
    tomorrow = date.today() + timedelta(days=1)
    for m in _URL_DAY.finditer(path):
        named = str(_MONTHS[m["mon"].lower()]) if m["mon"] else ""
        month = m["m"] or m["m2"] or m["m3"] or m["m4"] or named
        day = m["d"] or m["d2"] or m["d3"] or m["d4"] or m["d5"]
        found = _ymd(int(m["y"]), int(month), int(day))
        if found is not None and date(1990, 1, 1) <= found <= tomorrow:
            return found.isoformat(), Precision.DAY
    return None


def _yearless(text: str, language: str | None) -> tuple[str, Precision] | None:
    """A dateline's month and day, with the year of the report's first full date, or None."""
    match = _YEARLESS_DATELINE.search(text[:600]) or _JA_YEARLESS.search(text[:600])
    if not match:
        return None
    years = re.findall(r"(?<!\d)((?:19|20)\d\d)(?:年|\b)", text)
    if not years:
        return None
    groups = match.groupdict()
    month = _MONTHS[groups["mon"].lower()] if groups.get("mon") else int(groups["month"])
    found = _ymd(int(years[0]), month, int(groups["day"]))
    return (found.isoformat(), Precision.DAY) if found else None


def yearless_dateline(text: str) -> str | None:
    """The text of a dateline that gives a month and day but no year (for a warning), or None."""
    head = unicodedata.normalize("NFKC", text[:600])
    match = _YEARLESS_DATELINE.search(head) or _JA_YEARLESS.search(head)
    return match.group().strip() if match else None


_RFC822 = re.compile(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d\d:\d\d(?::\d\d)?\s*"
                     r"(?:[+-]\d{4}|[A-Z]{1,3})?$")


def parse_published(value: str | None, language: str | None = None) -> tuple[str, Precision] | None:
    """A publication date as a source gives it: ISO 8601 (with an offset, ``Z``, or none), an
    RFC 822 feed date, numeric forms (``2025/12/05 10:00``, ``2025.12.05``), written English and
    Japanese dates, with a label or without (``Updated 2025-12-05T10:00:00Z``, ``公開日：…``).
    None when the value holds no readable date."""
    if not value or not value.strip():
        return None
    value = _LABEL.sub("", unicodedata.normalize("NFKC", value.strip())).strip()
    try:
        stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        stamp = None
    if stamp is not None:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return stamp.date().isoformat(), Precision.DAY
        if stamp.tzinfo is None and language == "ja":
            stamp = stamp.replace(tzinfo=_JST)
        return stamp.isoformat(timespec="seconds"), Precision.DATETIME
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return value, Precision.MONTH
    try:
        from email.utils import parsedate_to_datetime

        stamp = parsedate_to_datetime(value) if _RFC822.match(value) else None
    except (TypeError, ValueError, IndexError):
        stamp = None
    if stamp is not None:
        if stamp.tzinfo is None:
            stamp = stamp.replace(tzinfo=UTC)
        return stamp.isoformat(timespec="seconds"), Precision.DATETIME
    return _first_date(value, language or ("ja" if re.search("[年月日]", value) else None))


def date_warning(given: str | None, text: str, dated: bool) -> str | None:
    """A one-line warning when a date is present but could not be read: a metadata value
    (record field, front matter, page or feed) that holds no readable date, or, for a report
    left undated, a dateline without a year."""
    hint = "give it with `communique set ID --date YYYY-MM-DD` (or `ingest --date` for a batch)"
    if given and given.strip() and parse_published(given) is None:
        undated = "" if dated else "; the report is stored undated"
        return f"date {given.strip()!r} not understood{undated}; {hint}"
    if not dated:
        line = yearless_dateline(text)
        if line:
            return f"dateline {line!r} gives no year; the report is stored undated; {hint}"
    return None


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


# -- where a report comes from: sites, canonical addresses, pages that are not articles -------------
def site_host(url: str | None) -> str | None:
    """The host of an http(s) URL without ``www.``: ``https://www.kyodonews.net/x`` -> ``kyodonews.net``."""
    from urllib.parse import urlsplit

    if not url:
        return None
    # the common address (http(s), a plain host name, nothing urlsplit would clean or refuse) read
    # with one match: wire-copy detection asks for the sites of hundreds of candidates per report
    plain = _PLAIN_HOST.match(url)
    if plain is not None and not _URL_UNSAFE.search(url):
        return plain["host"].lower().rstrip(".").removeprefix("www.") or None
    try:
        host = (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    return host.removeprefix("www.") or None


_PLAIN_HOST = re.compile(r"https?://(?P<host>[A-Za-z0-9.-]*)(?:[/?#]|$)")
_URL_UNSAFE = re.compile(r"[\t\r\n]|^[\x00-\x20]|[\x00-\x20]$")  # what urlsplit strips or drops


def same_site(a: str | None, b: str | None) -> bool:
    """Two hosts of one site (one is the other or a subdomain of it: news.example.org, example.org)."""
    if not a or not b:
        return False
    return a == b or a.endswith("." + b) or b.endswith("." + a)


_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid|ito|smid)$", re.I)


def canonical_url(url: str | None) -> str | None:
    """An article's address as one key: http(s) only, lower-case host without ``www.``, no fragment,
    no tracking parameters (``utm_*``, ``fbclid``…), no trailing slash; None for anything else."""
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower().rstrip(".").removeprefix("www.")
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    query = urlencode([(k, v) for k, v in pairs if not _TRACKING.match(k)])
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("https", netloc, path, query, ""))


_LISTING_TITLE = re.compile(
    r"^(?:index of /|directory listing (?:of|for)\b|(?:page|file) not found|not found$|error(?: \d{3})?$"
    r"|(?:40[034]|410|50[0-3])\s*[-:|]?\s*(?:not found|forbidden|error|gone|page|internal|bad|service)"
    r"|access denied$|forbidden$|お探しのページ|ページが見つかりません|記事一覧$|ニュース一覧$)",
    re.I)
_ANCHOR = re.compile(rb"<a\s[^>]*href", re.I)
_HTML_TITLE = re.compile(rb"<title[^>]{0,200}>([^<]{1,300})</title>", re.I)


def not_an_article(title: str | None, text: str, raw: bytes, content_type: str) -> str | None:
    """Why a page is not an article (a directory listing, an index of links, an error page), or None.

    Reads the title and the cleaned text, and for HTML how much of the page is links: a page of
    forty links and a few words between them is a listing, however trafilatura cleans it.
    """
    lines = [line.strip() for line in text.split("\n")[:6] if line.strip()][:3]
    page_title = _HTML_TITLE.search(raw[:100_000]) if content_type == "html" and raw else None
    if page_title:  # the page's own <title>, which a feed item's title replaces
        lines.insert(0, html_lib.unescape(page_title.group(1).decode("utf-8", "ignore")))
    head = next((unicodedata.normalize("NFKC", h) for h in (title, *lines)
                 if h and _LISTING_TITLE.match(unicodedata.normalize("NFKC", h.strip()))), "")
    if head:
        error = re.match(r"^(?:\d{3}|error|not found|page not|file not|access|forbidden|お探し|ページが)",
                         head, re.I)
        kind = "an error page" if error else "a listing of links"
        return f"not an article: {kind} ({head[:60]!r})"
    if content_type == "html" and raw:
        links = len(_ANCHOR.findall(raw[:2_000_000]))
        prose = [p for p in text.split("\n") if len(p) >= 80 or (len(p) >= 30 and _CJK.search(p))]
        words = len(text.split()) if not _CJK.search(text[:2000]) else len(text) // 2
        if links >= 20 and len(prose) < 3 and words < 20 * links:
            return f"not an article: an index page ({links} links, {len(prose)} paragraph(s) of prose)"
    return None
