from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from communique.ingest import build_report
from communique.ingest.meta import dateline_date, dateline_outlet, detect_language, parse_published, url_date
from communique.model import Document, Precision

DATELINES = [
    ("MOSCOW, Dec 3, 2025 (Global Wire) - The Kremlin said", ("2025-12-03", Precision.DAY)),
    ("Published: 3 December 2025\n\nKyiv", ("2025-12-03", Precision.DAY)),
    ("December 14th, 2025 — Berlin", ("2025-12-14", Precision.DAY)),
    ("2025年12月4日 10時30分\n\n本文", ("2025-12-04T10:30", Precision.DATETIME)),  # zone unknown
    ("【モスクワ共同】2025年12月3日", ("2025-12-03", Precision.DAY)),
    ("２０２５年１２月３日", ("2025-12-03", Precision.DAY)),
    ("令和7年12月8日", ("2025-12-08", Precision.DAY)),
    ("令和元年5月1日", ("2019-05-01", Precision.DAY)),
    ("no date at all here", None),
    # a photo's caption gives the photo's day, not the report's
    ("Envoys meet\nThe envoys at the White House, 29 September 2025 (Kevin Lamarque/Wire)\n\nThey met "
     "on Wednesday.", None),
    ("Envoys meet\nThe envoys in Cairo, 1 October 2025 (Photo: Wire)\nOctober 9, 2025\n\nThey met.",
     ("2025-10-09", Precision.DAY)),
    ("MOSCOW, Dec 3, 2025 (Global Wire)\nThe Kremlin said", ("2025-12-03", Precision.DAY)),
    ("2025年13月40日", None),
    # a day the caption's prose speaks of is not the report's (the photo's own day is)
    ("Women at a bus stop with portraits of hostages taken during their Oct. 7, 2023, attack, in "
     "Jerusalem, Jan. 15, 2025.\n\nDeal reached", ("2025-01-15", Precision.DAY)),
    # a magazine's issue advertised on the page is not the report's day
    ("両国は署名した。\n2025年12月23日号(12月16日発売)は特集号", None),
]


@pytest.mark.parametrize(("text", "expected"), DATELINES)
def test_dateline(text, expected):
    assert dateline_date(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-12-03", ("2025-12-03", Precision.DAY)),
        ("2025-12-03T18:40:00Z", ("2025-12-03T18:40:00+00:00", Precision.DATETIME)),
        ("Wed, 03 Dec 2025 18:40:00 GMT", ("2025-12-03T18:40:00+00:00", Precision.DATETIME)),
        ("2025-12", ("2025-12", Precision.MONTH)),
        ("", None),
        ("soon", None),
    ],
)
def test_parse_published(value, expected):
    assert parse_published(value) == expected


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)), st.booleans())
def test_japanese_dates_round_trip(day, fullwidth):
    text = f"{day.year}年{day.month}月{day.day}日"
    if fullwidth:
        text = text.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert dateline_date(text) == (day.isoformat(), Precision.DAY)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Kremlin said on Wednesday that talks with the U.S. envoys were useful.", "en"),
        ("ロシア大統領府は3日、米特使との会談は有益だったと明らかにした。", "ja"),
        ("Le Kremlin a déclaré mercredi que les discussions avec les émissaires étaient utiles.", "fr"),
        ("12345 67890", "und"),
    ],
)
def test_language(text, code):
    assert detect_language(text) == code


def test_japanese_dateline_times_are_jst():
    assert dateline_date("2025年12月4日 10時30分", "ja") == ("2025-12-04T10:30:00+09:00", Precision.DATETIME)


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Title\n\nMOSCOW, Dec 3, 2025 (Global Wire) – The Kremlin said", "Global Wire"),
        ("KYIV, Dec. 3 (Northern Daily) - Ukraine's president", "Northern Daily"),
        ("Title\n\nThe talks (in Geneva) - went on", None),
    ],
)
def test_dateline_outlet(text, outlet):
    assert dateline_outlet(text) == outlet


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Title\n\nPublished: 1 December 2025\nBy Dana Whitfield, Midland Courier\n\nBody.",
         "Midland Courier"),
        ("Title\n\nBy Ian Maddox\n\nBody text.", None),
        ("見出し\n\n2025年12月1日 10時05分\n東都新聞 ワシントン支局\n\n本文。", "東都新聞"),
        ("見出し\n\n令和7年12月11日(木曜日) 中部日日新聞 国際面\n\n本文。", "中部日日新聞"),
        ("見出し\n\n２０２５年１２月５日　１８：００　ニュース深掘りラボ編集部\n\n本文。",
         "ニュース深掘りラボ"),
        ("見出し\n\n米国の新聞によると、会談は続いた。", None),
    ],
)
def test_header_outlet(text, outlet):
    assert dateline_outlet(text) == outlet


# Issue 13: dates as outlets write them.
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025/12/05 10:00", ("2025-12-05T10:00", Precision.DATETIME)),
        ("2025/12/05", ("2025-12-05", Precision.DAY)),
        ("2025.12.05", ("2025-12-05", Precision.DAY)),
        ("Updated 2025-12-05T10:00:00Z", ("2025-12-05T10:00:00+00:00", Precision.DATETIME)),
        ("Published: December 5, 2025 10:00 a.m. EST", ("2025-12-05T10:00:00-05:00", Precision.DATETIME)),
        ("5 Dec 2025 3 p.m. GMT", ("2025-12-05T15:00:00+00:00", Precision.DATETIME)),
        ("Dec 5, 2025, 10:00 PM JST", ("2025-12-05T22:00:00+09:00", Precision.DATETIME)),
        ("2025-12-05T10:00:00+09:00", ("2025-12-05T10:00:00+09:00", Precision.DATETIME)),
        ("Fri, 05 Dec 2025 10:00:00 +0900", ("2025-12-05T10:00:00+09:00", Precision.DATETIME)),
        ("2025年12月5日 午前10時", ("2025-12-05T10:00:00+09:00", Precision.DATETIME)),
        ("2025年12月5日(金) 午後3時30分", ("2025-12-05T15:30:00+09:00", Precision.DATETIME)),
        ("公開日：２０２５年１２月５日", ("2025-12-05", Precision.DAY)),
        ("令和7年12月5日", ("2025-12-05", Precision.DAY)),
        ("2025/13/45", None),
        ("next friday", None),
    ],
)
def test_dates_as_outlets_write_them(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Title\n\nPublished 2025.12.05 10:00\n\nBody", ("2025-12-05T10:00", Precision.DATETIME)),
        ("Title\n\nUpdated 2025-12-05T10:00:00Z\n\nBody", ("2025-12-05T10:00:00+00:00", Precision.DATETIME)),
        ("TOKYO, Dec. 5, 2025 /Kyodo/ - Body", ("2025-12-05", Precision.DAY)),
        ("見出し\n\n2025年12月5日 午前10時\n本文", ("2025-12-05T10:00:00+09:00", Precision.DATETIME)),
        # a wire dateline without a year takes the year of the report's first full date
        ("MOSCOW, Dec 3 (Global Wire) - Talks held since March 2025 went on.", ("2025-12-03", Precision.DAY)),
        ("MOSCOW, Dec 3 (Global Wire) - Talks went on.", None),
        ("Version 1.2.3 of the plan", None),
    ],
)
def test_header_dates(text, expected):
    assert dateline_date(text) == expected


def test_a_date_present_but_unreadable_is_warned():
    from communique.ingest.meta import date_warning

    assert "date 'next friday' not understood; the report is stored undated" in date_warning(
        "next friday", "Body", dated=False)
    assert "communique set ID --date" in date_warning("next friday", "Body", dated=False)
    assert date_warning("2025/12/05", "Body", dated=True) is None
    assert "dateline 'MOSCOW, Dec 3' gives no year" in date_warning(None, "MOSCOW, Dec 3 (Wire) - x", False)
    assert date_warning(None, "No date here at all.", dated=False) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example.com/world/2025/06/13/talks-end-in-london", "2025-06-13"),
        ("https://example.ph/2025/4/16/negotiator-to-visit", "2025-04-16"),
        ("http://en.example.cn/n3/2025/1009/c90000-20374449.html", "2025-10-09"),
        ("https://monitor.example.com/20251014-envoys-met-leaders/", "2025-10-14"),
        ("https://japannews.example.jp/politics/20250417-249529/", "2025-04-17"),
        ("https://wire.example.jp/oversea_economies/2025091400298", "2025-09-14"),  # a day, then a serial
        # a bookmark page naming another address: its text may be another day's (a trial: a page of
        # 8 August behind an address of 24 July)
        ("https://bookmarks.example.jp/entry/http://www3.example.or.jp/news/html/20250724/k1001.html",
         None),
        ("https://times.example.com/news/2026/feb/9/vance-visits-yerevan", "2026-02-09"),  # the month named
        ("https://paper.example.co.uk/world/2025/aug/08/summit-signed", "2025-08-08"),
        ("https://example.com/2025/01/talks-resume", None),  # a month alone: relative days need the day
        ("https://example.com/?p=20250101", None),  # a query's number is an id
        ("https://example.com/news/1764366149877887737-da9", None),
        ("https://example.com/2025/13/40/x", None),  # no such day
        ("https://example.com/2099/01/01/x", None),  # after tomorrow
        ("https://example.com/en/world/250915/28933/x", None),  # six digits: no year to be sure of
        (None, None),
    ],
)
def test_a_day_in_a_page_address(url, expected):
    found = url_date(url)
    assert (found[0] if found else None) == expected
    assert found is None or found[1] is Precision.DAY


def test_the_address_dates_a_report_only_when_nothing_else_does():
    def built(url: str, published: str | None, text: str) -> str | None:
        doc = Document(source="page", raw=text.encode(), content_type="text", url=url, published_at=published,
                       language="en")
        return build_report(doc)[0].published_at

    text = "Talks end\n\nThe two delegations ended two days of talks on Tuesday."
    url = "https://news.example.com/world/2025/06/13/talks-end"
    assert built(url, None, text) == "2025-06-13"
    assert built(url, "2025-06-12", text) == "2025-06-12"  # the date the page gives wins
    assert built(url, None, "LONDON, June 11, 2025 - " + text) == "2025-06-11"  # then its dateline
    # ... unless the text's date is days before the address's: a file photo's caption
    caption = "Talks end\nA view shows the border crossing near Meghri, Armenia May 13, 2025.\n\nTalks ended."
    assert built(url, None, caption) == "2025-06-13"


SITE_HOSTS = [  # (address, its site): plain http(s) addresses are read without urlsplit, the rest with it
    ("https://www.Kyodonews.net/x", "kyodonews.net"),
    ("http://news.example.org.", "news.example.org"),
    ("https://example.org?q=1", "example.org"),
    ("https://example.org#top", "example.org"),
    ("https://", None),
    ("https:///path", None),
    ("https://www./", "www"),
    ("https://user@example.org/", "example.org"),
    ("https://example.org:8080/a", "example.org"),
    ("  https://example.org/a ", "example.org"),
    ("https://exa\tmple.org/", "example.org"),
    ("HTTPS://EXAMPLE.org/", "example.org"),
    ("ftp://example.org/file", "example.org"),
    ("https://[::1]/", "::1"),
    ("https://例え.jp/", "例え.jp"),
    ("", None),
    (None, None),
]


@pytest.mark.parametrize(("url", "site"), SITE_HOSTS)
def test_site_host(url, site):
    from communique.ingest.meta import site_host

    assert site_host(url) == site


@given(st.text(alphabet="hts:/w.aXb-[]@#?\\ \t\n0é", max_size=24))
def test_site_host_reads_an_address_as_urlsplit_does(tail):
    from urllib.parse import urlsplit

    from communique.ingest.meta import site_host

    for url in (tail, "https://" + tail, "http://" + tail):
        try:
            expected = (urlsplit(url.strip()).hostname or "").lower().rstrip(".").removeprefix("www.") or None
        except ValueError:
            expected = None
        assert site_host(url) == (expected if url else None)
