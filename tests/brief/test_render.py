"""Rendering: hostile report text never becomes markup; JSON carries the whole tree."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from communique.brief import brief, render

from .fixtures import Builder

HOSTILE_TITLE = '<script>alert("title")</script>'
HOSTILE_OUTLET = "<img src=x onerror=alert(1)>"
HOSTILE_QUOTE = '</span><script>alert(3)</script><a href="javascript:alert(4)">'
HOSTILE_NAME = '"><svg onload=alert(5)>'


def hostile_records():
    b = Builder()
    b.report(
        "h1",
        outlet=HOSTILE_OUTLET,
        title=HOSTILE_TITLE,
        published_at="2026-01-05T10:00:00+00:00",
        language="en",
        url="javascript:alert(2)",
        text=(
            "The minister met the envoy in <b>Geneva</b> on Monday, officials said.\n\n"
            f"\u201c{HOSTILE_QUOTE}\u201d the minister said. <script>alert(6)</script>"
        ),
    )
    b.report(
        "h2",
        outlet="Plain Daily",
        title="Ordinary <title> with javascript: in it",
        published_at="2026-01-05T12:00:00+00:00",
        language="en",
        url="https://plain.example/a?x=1&y=<2>",
        text="The minister met the envoy on Monday.",
    )
    b.actor("person-x", HOSTILE_NAME, None, "person", roles=[{"title": {"en": "Minister"}}])  # a party
    b.actor("person-y", "Envoy Y", None, "person")
    b.quote(
        "h1",
        HOSTILE_QUOTE,
        speaker="person-x",
        speaker_text="the minister",
        statement="S-x",
        said_on="2026-01-05",
    )
    b.event(
        "E-x",
        "meeting",
        "2026-01-05",
        "<svg onload=alert(7)>",
        ["person-x", "person-y"],
        "met",
        [
            ("h1", "The minister met the envoy in <b>Geneva</b> on Monday"),
            ("h2", "The minister met the envoy on Monday"),
        ],
    )
    return b.records()


class Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_html_escapes_all_report_text():
    records = hostile_records()
    for lang in ("en", "ja"):
        page = render(brief(records, lang=lang, as_of="2026-01-06"), "html")
        parser = Elements()
        parser.feed(page)
        tags = {t for t, _a in parser.tags}
        assert "script" not in tags and "svg" not in tags and "img" not in tags and "b" not in tags
        for tag, attrs in parser.tags:
            assert not any(name.startswith("on") for name in attrs), (tag, attrs)
            href = attrs.get("href")
            if href is not None:
                assert href.startswith(("https://", "http://", "#ref-")), href
        assert "<script" not in page.lower()
        assert "content=\"default-src 'none'" in page  # no script may run even if one slipped in
        assert "&lt;script&gt;alert(3)&lt;/script&gt;" in page  # shown as text, not dropped


def test_html_links_only_http_urls_and_escapes_them():
    page = render(brief(hostile_records(), lang="en", as_of="2026-01-06"), "html")
    assert 'href="https://plain.example/a?x=1&amp;y=' not in page  # a URL with <> is not linked
    assert "javascript:alert(2)" not in page


def test_markdown_escapes_markup():
    text = render(brief(hostile_records(), lang="en", as_of="2026-01-06"), "md")
    assert not re.search(r"(?<!\\)<(?!https?://)", text), "every < is escaped, except our own autolinks"
    assert "\\<script\\>" in text
    assert "javascript:alert(2)" not in text


def test_json_is_the_whole_tree(ukraine):
    briefing = brief(ukraine, lang="ja", as_of="2025-12-08", since="2025-12-04")
    data = json.loads(render(briefing, "json"))
    assert data["language"] == "ja" and data["as_of"] == "2025-12-08" and data["since"] == "2025-12-04"
    sentence = data["sections"][0]["sentences"][0]
    evidence = sentence["citations"][0]["evidence"][0]
    assert {"report_id", "start", "end", "text", "context"} <= set(evidence)
    assert len(data["points"]) == 3 and data["references"][0]["number"] == 1


def test_html_citations_hover_with_their_evidence(ukraine):
    page = render(brief(ukraine, lang="ja", as_of="2025-12-04"), "html")
    assert 'class="cite" href="#ref-1" title="' in page
    assert '<li id="ref-1" value="1">' in page
    assert "「かなり良い会談だった」と述べました" in page  # the evidence sentence shown on hover


def test_a_family_name_first_is_never_cut_to_the_given_name() -> None:
    from communique.brief.names import Names
    from communique.extract.gazetteer import load

    actors = {
        "person:li-chenggang": {"id": "person:li-chenggang", "name": "Li Chenggang", "kind": "person"},
        "person:brent-calloway": {"id": "person:brent-calloway", "name": "Brent Calloway", "kind": "person"},
    }
    names = Names(load(), actors, "en", "2025-07-30")
    assert names.short("person:li-chenggang") == "Li Chenggang"
    assert names.short("person:brent-calloway") == "Calloway"
