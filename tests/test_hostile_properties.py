"""Issue 14: property tests (Hypothesis) for the decoders, cleaners, JSON and feed readers, the
date readers and the extractors.  Bounded examples, so the suite stays fast.

Each reader either returns its result or says why it refused the input (``InputError`` or a
``Skipped``): no other exception, and no input takes long.
"""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.errors import CommuniqueError, InputError
from communique.ingest import build_report
from communique.ingest.clean import clean_text, defused, html_to_text, published_stamp, strip_markdown
from communique.ingest.decode import decode
from communique.ingest.meta import dateline_date, parse_published
from communique.ingest.sources import SourceOptions, _from_feed, _from_jsonl, _record_document
from communique.model import Document, Skipped

FAST = settings(max_examples=60, deadline=3000, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces that matter to the readers, mixed with arbitrary text and bytes.
MARKUP_PIECES = st.sampled_from([
    "<", ">", "<p>", "</p>", "<p ", "<meta ", "<meta property='article:published_time' content='",
    "'>", "<time datetime='2025-12-02'>", "<title>", "</title>", "<h1>", "</h1>", "<script>",
    "</script>", '<script type="application/ld+json">{"headline": "x"}', "<html lang='en'>",
    "&amp;", "&#x0;", "\x00", "\ud7ff", "「", "」", "Peskov said talks went on.", "\n", "\n\n", " ",
    "**", "*", "[", "](", ")", "![", "---\n", "title: x\n", "\u2028", "\ufeff",
])
MARKUP = st.lists(st.one_of(MARKUP_PIECES, st.text(max_size=20)), max_size=60).map("".join)
ENCODED = st.one_of(
    st.binary(max_size=400),
    MARKUP.map(lambda t: t.encode("utf-8", "surrogatepass")),
    MARKUP.map(lambda t: t.encode("utf-16-le", "surrogatepass")),
    st.tuples(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b""]),
              st.binary(max_size=200)).map(lambda p: p[0] + p[1]),
)


@FAST
@given(ENCODED)
def test_decode_returns_text_or_refuses(data):
    try:
        decoded = decode(data, "x")
    except InputError:
        return
    assert isinstance(decoded.text, str)


@FAST
@given(MARKUP)
def test_cleaners_never_fail(text):
    cleaned = clean_text(text)
    assert "\n\n\n" not in cleaned
    clean_text(text, single_newline_paragraphs=True)
    strip_markdown(text)
    safe = defused(text)
    published_stamp(safe)
    assert defused(safe) == safe or "<meta" in safe.lower()


@SLOW
@given(MARKUP)
def test_html_reader_returns_text_or_refuses(markup):
    try:
        page = html_to_text(markup, "x.html")
    except InputError:
        return
    assert page.text.strip()


JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=40)),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12,
)
RECORDS = st.fixed_dictionaries(
    {}, optional={name: JSON_VALUES for name in ("text", "html", "title", "url", "outlet", "published_at",
                                                  "language")})


@FAST
@given(st.one_of(RECORDS, JSON_VALUES))
def test_json_records_are_documents_or_skipped(record):
    item = _record_document(record, "r.jsonl:1")
    assert isinstance(item, Document | Skipped)
    if isinstance(item, Document):
        for value in (item.title, item.url, item.outlet, item.published_at, item.language):
            assert value is None or isinstance(value, str)


@FAST
@given(st.lists(st.one_of(st.binary(max_size=60), RECORDS.map(lambda r: json.dumps(r).encode())),
                max_size=8))
def test_jsonl_reader_reads_every_line(lines):
    data = b"\n".join(lines) + b"\n"
    items = list(_from_jsonl(io.BytesIO(data), "f.jsonl", cap=10_000))
    assert all(isinstance(i, Document | Skipped) for i in items)
    physical = [line for line in data.split(b"\n") if line.strip()]
    assert len(items) == (len(physical) or 1)  # one item per line; an empty file is reported once


FEED = st.lists(st.one_of(st.sampled_from([
    '<?xml version="1.0"?>', "<rss version='2.0'>", "<channel>", "<title>T</title>", "<item>", "</item>",
    "<description>", "</description>", "<link>http://example.org/a</link>", "<pubDate>Tue, 02 Dec 2025",
    "</pubDate>", "<content:encoded><![CDATA[<p>x</p>]]></content:encoded>", "</channel></rss>",
    "<feed xmlns='http://www.w3.org/2005/Atom'>", "<entry>", "</entry>", "</feed>", "&lol;",
]), st.text(max_size=20)), max_size=40).map("".join)


@FAST
@given(FEED)
def test_feed_reader_never_fails(feed):
    data = feed.encode("utf-8", "surrogatepass")
    items = list(_from_feed(data, "f.xml", SourceOptions(follow_links=False)))
    assert all(isinstance(i, Document | Skipped) for i in items)


@FAST
@given(st.one_of(st.text(max_size=60), st.from_regex(r"\d{1,5}-\d{1,3}-\d{1,3}(T\d\d:\d\d(:\d\d)?Z?)?")))
def test_date_readers_never_fail(value):
    parse_published(value)
    dateline_date(value)
    dateline_date(value, "ja")


PROSE = st.lists(st.sampled_from([
    "Peskov said the talks were useful.", '"We made progress," Lavrov told reporters on Tuesday.',
    "The envoys met in Geneva on Dec 2, 2025.", "Zelensky rejected the plan.", "\n\n", " ",
    "ペスコフ報道官は「有益な対話だった」と述べた。", "プーチン大統領は2日、モスクワで会談した。",
    "「", "」", '"',
    "said", "according to sources", "\u00a0",
]), min_size=1, max_size=25).map("".join)


@SLOW
@given(PROSE)
@pytest.mark.slow
def test_extractors_give_evidence_inside_the_text(text):
    from communique.extract import extract

    try:
        report, _ = build_report(Document(source="p.txt", raw=text.encode(), content_type="text"))
    except InputError:
        return
    extraction = extract(report)
    items = [*extraction.quotes, *extraction.events, *extraction.proposals, *extraction.positions]
    for item in items:
        for ev in item.evidence:
            assert 0 <= ev.start < ev.end <= len(report.text)
    for quote in extraction.quotes:
        if quote.direct:  # a direct quote is verbatim in its evidence
            spans = [report.text[ev.start:ev.end] for ev in quote.evidence]
            assert not spans or any(quote.text in span for span in spans)


DATED = st.lists(st.tuples(PROSE, st.integers(min_value=1, max_value=9)), min_size=1, max_size=3)


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                HealthCheck.function_scoped_fixture])
@given(DATED)
@pytest.mark.slow
def test_briefing_writer_never_fails(tmp_path_factory, reports):
    """Random reports through ingest, extraction, merging and both briefings: no exception."""
    from communique import pipeline
    from communique.store import SQLiteStore

    folder = tmp_path_factory.mktemp("brief")
    for i, (text, day) in enumerate(reports):
        (folder / f"r{i}.txt").write_text(f"Report {i}\n\nGENEVA, Dec {day}, 2025 (Wire) - {text}",
                                          encoding="utf-8")
    with SQLiteStore(folder / "s.db") as store:
        pipeline.ingest(store, [str(folder)])
        for lang in ("en", "ja"):
            try:
                briefing = pipeline.brief(store, lang=lang, as_of="2025-12-10")
            except CommuniqueError as err:  # a refusal that says why (nothing to brief)
                assert "brief" in str(err) or "record" in str(err)
                continue
            assert briefing.language == lang
