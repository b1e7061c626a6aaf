"""Issue 14, item 1: every pattern the cleaner applies to untrusted text runs in linear time.

Each family of patterns gets a 1-5 MB input built to make a backtracking scan from every
position run to the end of the input (quadratic: hours at these sizes).  Linear code
finishes in well under a second; the bound below leaves room for a slow CI machine.
"""

from __future__ import annotations

import time

import pytest

from communique.ingest import build_report
from communique.ingest.clean import (
    _fallback_text,
    clean_text,
    defused,
    html_to_text,
    published_stamp,
    split_front_matter,
    strip_markdown,
)
from communique.ingest.decode import decode
from communique.model import Document

BOUND = 10.0  # seconds; the quadratic versions took minutes to hours on these inputs
MB = 1_000_000
ARTICLE = ("<html><head><title>Talks go on</title></head><body><article><p>"
           + "The minister said the talks would go on next week in Geneva. " * 5 + "</p></article>")


def _timed(fn, *args):
    started = time.monotonic()
    result = fn(*args)
    elapsed = time.monotonic() - started
    assert elapsed < BOUND, f"{elapsed:.1f}s"
    return result


# Markup that makes `<tag[^>]*` or `<tag>(.*?)</tag>` rescan from every opening.
HTML_CASES = {
    "meta without >": "<meta " * (2 * MB // 6),
    "meta date attributes without >": "<meta property='date' " * (2 * MB // 22),
    "p without >": "<p " * (2 * MB // 3),
    "unclosed quote in a tag": "<meta a='" * (2 * MB // 9),
    "time without >": "<time " * (2 * MB // 6),
    "h1 never closed": "<h1>" * (2 * MB // 4),
    "title never closed": "<title>" * (2 * MB // 7),
    "script never closed": "<script " * (2 * MB // 8),
    "json-ld never closed": "<script type=application/ld+json>{" * (2 * MB // 34),
    "long attribute word": ("<meta content='x' " + "a" * 4000 + ">") * (2 * MB // 4020),
    "bare <": "<" * 2 * MB,
    "many empty links": "<a>" * (2 * MB // 3),
    "many paragraphs": "<p>x</p>" * (2 * MB // 8),
    "many divs": "<div>" * (2 * MB // 5),
}


@pytest.mark.parametrize("tail", HTML_CASES.values(), ids=HTML_CASES.keys())
def test_html_reader_is_linear(tail):
    page = _timed(html_to_text, ARTICLE + tail, "hostile.html")
    assert "Geneva" in page.text
    assert _timed(_fallback_text, tail) is not None
    _timed(published_stamp, defused(tail))


def test_publication_date_still_read():
    page = ('<html><head><meta content="2025-12-02T10:00:00Z" property="article:published_time">'
            "</head><body><p>" + "Talks went on in Geneva, the minister said. " * 4 + "</p></body></html>")
    assert published_stamp(page) == "2025-12-02T10:00:00Z"
    assert published_stamp('<p>x</p><time class="t" datetime="2025-11-30">Nov 30</time>') == "2025-11-30"
    assert published_stamp('<meta name="pubdate" content=2025-01-02>') == "2025-01-02"
    assert published_stamp('<meta name="description" content="2025-01-02">') is None


def test_defused_keeps_well_formed_markup():
    page = '<html><head><title>A &amp; B</title><meta property="og:title" content="A"></head><p>x</p></html>'
    assert defused(page) == page
    assert defused("a < b <p>x</p>") == "a &lt; b <p>x</p>"
    assert defused("<title>x</title><title>y") == "<title>x</title>&lt;title>y"


def test_end_to_end_hostile_html_is_bounded():
    tail = "<meta " * (MB // 6) + "<p " * (MB // 3)
    report, _ = _timed(build_report, Document(source="x.html", raw=(ARTICLE + tail).encode(),
                                              content_type="html"))
    assert "Geneva" in report.text


MARKDOWN_CASES = {
    "open brackets": "[" * 2 * MB,
    "image openings": "![" * MB,
    "link without target end": "[a](" * (2 * MB // 4),
    "stars": " *a" * (2 * MB // 3),
    "bold": "**a " * (2 * MB // 4),
    "underscores": "__a " * (2 * MB // 4),
}


@pytest.mark.parametrize("text", MARKDOWN_CASES.values(), ids=MARKDOWN_CASES.keys())
def test_markdown_is_linear(text):
    _timed(strip_markdown, text)
    _timed(split_front_matter, "---\n" + text)


def test_markdown_still_stripped():
    assert strip_markdown("See [the plan](https://x.org/a) and ![img](b.png) **now** *here*.") == (
        "See the plan and  now here.")


TEXT_CASES = {
    "spaces": " " * MB,
    "newlines": "\n" * MB,
    "space newline": " \n" * (MB // 2),
    "one long line": "word " * (MB // 5),
    "sentence ends": ". " * (MB // 2),
    "short lines": "ab\n" * (MB // 3),
}


@pytest.mark.parametrize("text", TEXT_CASES.values(), ids=TEXT_CASES.keys())
def test_text_cleaning_is_linear(text):
    _timed(clean_text, text)
    _timed(lambda t: clean_text(t, single_newline_paragraphs=True), text)


@pytest.mark.parametrize("data", [b"<meta charset=" * (MB // 14), b"<?xml encoding=" * (MB // 15),
                                  b"\xe9" + b"<meta " * (MB // 6)])
def test_decoder_is_linear(data):
    try:
        _timed(decode, data, "x")
    except Exception as err:  # noqa: BLE001 - refused is fine, slow is not
        assert type(err).__name__ == "InputError"


# Lines built to make the page-furniture patterns (data/furniture.json) backtrack: overlapping
# alternatives under a repeat were exponential ('a.' * 115 never finished); a line is at most a
# few hundred characters there, and a whole file of such lines must still be quick.
FURNITURE_LINES = ["Pesk" + "U" * 230, "a." * 115, ".a" * 115, "a.A " * 57, "a.」" * 76, "Ab " * 76]


@pytest.mark.parametrize("line", FURNITURE_LINES, ids=range(len(FURNITURE_LINES)))
def test_furniture_patterns_are_not_exponential(line):
    from communique.ingest.titles import is_furniture, split_head, usable_title

    _timed(is_furniture, line)
    _timed(usable_title, line)
    _timed(split_head, line + "\n\n" + line)
    text = ((line + "\n\n") * (MB // (len(line) + 2) // 20))  # 50 KB of such paragraphs
    _timed(build_report, Document(source="x.txt", raw=text.encode(), content_type="text"))


def test_run_on_paragraphs_are_cut_for_the_extractors():
    from communique.ingest.clean import MAX_PARAGRAPH

    run_on = "the minister said talks went on in Geneva " * (MB // 43)  # 1 MB, no full stop
    cleaned = _timed(clean_text, run_on)
    paragraphs = cleaned.split("\n\n")
    assert max(len(p) for p in paragraphs) <= MAX_PARAGRAPH
    assert len(paragraphs) >= len(run_on) // MAX_PARAGRAPH
    assert "".join(cleaned.split()) == "".join(run_on.split())  # nothing lost, only breaks added
    letters = _timed(clean_text, "x" * MB)
    assert max(len(p) for p in letters.split("\n\n")) == MAX_PARAGRAPH
    sentences = ("Talks went on in Geneva, the minister said. " * 200).strip()
    pieces = clean_text(sentences).split("\n\n")
    assert all(p.endswith(".") for p in pieces)  # cut at a sentence end when there is one
    normal = "A paragraph of ordinary length. " * 50
    assert clean_text(normal) == normal.strip()


# The page-title and site-name readers on raw markup (not only the defused copy the cleaner passes).
TITLE_CASES = {
    "meta without >": "<meta " * (2 * MB // 6),
    "title never closed": "<title>" * (2 * MB // 7),
    "h1 never closed": "<h1>" * (2 * MB // 4),
    "json-ld never closed": "<script type=application/ld+json>" * (2 * MB // 34),
    "script without >": "<script " * (2 * MB // 8),
    "bare < in a heading": "<h1>" + "<" * 2 * MB + "</h1>",
    "long attribute word": ("<meta " + "a" * 4000 + " ") * (2 * MB // 4006),
    "open quotes in a tag": ("<meta " + 'a="' * 1300 + ">") * (2 * MB // 3906),
}


@pytest.mark.parametrize("markup", TITLE_CASES.values(), ids=TITLE_CASES.keys())
def test_title_readers_are_linear_on_raw_markup(markup):
    from communique.ingest.titles import html_site_name, html_title_candidates

    _timed(html_title_candidates, markup)
    _timed(html_site_name, markup)


def test_title_readers_still_read():
    from communique.ingest.titles import html_site_name, html_title_candidates

    page = ('<html><head><meta property="og:title" content="A &amp; B"><meta name=x content=y>'
            "<meta property=\"og:site_name\" content='Site'><title>T one</title>"
            '<script type="application/ld+json">{"@type":"NewsArticle","headline":"LD head"}</script>'
            "</head><body><h1></h1><h1>Head <b>one</b></h1><h1>two</h1></body></html>")
    assert html_title_candidates(page) == ["A & B", "LD head", "T one", "Head one"]
    assert html_site_name(page) == "Site"
