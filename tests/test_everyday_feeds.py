"""Issue 13, feeds: an aggregator's items keep their own outlet; one report per article across
a file, a URL and a feed item; listing and error pages are skipped with a reason; an item whose
link fails, or whose page is not an article, is read from its summary (marked as such)."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from communique.ingest.meta import canonical_url, not_an_article
from communique.store import SQLiteStore

PARAGRAPHS = [
    "Japan's tariff negotiator Ryosei Akazawa said on Wednesday that a deal with the United States on "
    "auto tariffs was close after two days of talks with Commerce Secretary Howard Lutnick in Washington.",
    "\"We are very close to an agreement on the tariffs,\" Akazawa said at a news conference in Tokyo, "
    "adding that officials would keep working through the weekend on the remaining details of the text.",
    "Japan has rejected any cut to its rice protections, officials said, and the two sides have not yet "
    "agreed how the new tariff rate on cars would be phased in over the coming year.",
]


def _page(title, site=None, canonical=None):
    meta = f'<meta property="og:site_name" content="{site}">' if site else ""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f"<html lang='en'><head><title>{title}</title>{meta}{link}</head><body><article><h1>{title}</h1>"
            f"{body}</article></body></html>")


def _listing():
    links = "".join(f'<li><a href="/news/{i}.html">Headline number {i}</a></li>' for i in range(40))
    return (f"<html><head><title>World news</title></head><body><h1>World news</h1><ul>{links}</ul>"
            "</body></html>")


@pytest.fixture
def site():
    pages: dict[str, tuple[int, str]] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the http.server API
            status, body = pages.get(self.path.split("?")[0], (404, "<html><body>no such page</body></html>"))
            data = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8" if not self.path.endswith(".xml")
                             else "application/rss+xml")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    yield base, pages
    server.shutdown()
    server.server_close()


def _feed(base, items):
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link><pubDate>Wed, 10 Dec 2025 09:00:00 +0000</pubDate>"
        f"<description>{summary}</description></item>" for title, link, summary in items)
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>World News Aggregator</title>'
            f"<link>https://aggregator.example/</link>{entries}</channel></rss>")


def _stored(db):
    with SQLiteStore(db) as store:
        return list(store.reports()), {row["source"]: row["reason"] for row in store.skipped()}


def test_aggregator_items_keep_their_own_outlet_and_bad_pages_are_skipped(run, db, tmp_path, site):
    base, pages = site
    pages["/deal.html"] = (200, _page("Akazawa says tariff deal is close", site="Tokyo Ledger"))
    pages["/plain.html"] = (200, _page("Rice stays protected in tariff talks"))
    pages["/world/"] = (200, _listing())
    pages["/gone.html"] = (200, "<html><head><title>404 Not Found</title></head><body>"
                                "<h1>404 Not Found</h1><p>The page you requested could not be found on this "
                                "server.</p></body></html>")
    feed = tmp_path / "aggregator.xml"
    summary = ("Japan and the United States ended a round of tariff talks without a date for the next one, "
               "officials in Tokyo said on Wednesday, as both sides studied the draft text.")
    feed.write_text(_feed(base, [
        ("Akazawa says tariff deal is close", f"{base}/deal.html", "short"),
        ("Rice stays protected in tariff talks", f"{base}/plain.html", "short"),
        ("World news", f"{base}/world/", "an index"),
        ("Talks end without a date", f"{base}/missing.html", summary),
        ("Error page", f"{base}/gone.html", ""),
    ]), encoding="utf-8")
    code, _out, err = run("ingest", "--db", db, "--allow-private", "--timeout", "5", feed)
    assert code == 0, err
    reports, skipped = _stored(db)
    outlets = {r.title: r.outlet for r in reports}
    assert outlets["Akazawa says tariff deal is close"] == "Tokyo Ledger"  # the page's own site name
    assert outlets["Rice stays protected in tariff talks"] == "127.0.0.1"  # else the link's site
    assert "World News Aggregator" not in outlets.values()
    assert "not an article: an index page" in skipped[f"{base}/world/"]
    assert "not an article: an error page" in skipped.get(f"{base}/gone.html", ""), (skipped, outlets)
    from_summary = [r for r in reports if r.url == f"{base}/missing.html"]
    assert from_summary and "ended a round of tariff talks" in from_summary[0].text  # the summary fallback


def test_an_item_whose_page_is_rejected_keeps_the_feeds_summary_marked_as_such(run, db, tmp_path, site):
    base, pages = site
    error_page = ("<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1><p>The page "
                  "you requested could not be found on this server.</p></body></html>")
    pages["/gone.html"] = pages["/moved.html"] = (200, error_page)
    summary = ("Japan and the United States agreed to meet again next week in Washington, the trade "
               "ministry said on Thursday, after talks on car tariffs ran late into the night.")
    feed = tmp_path / "feed.xml"
    feed.write_text(_feed(base, [
        ("Talks to resume next week", f"{base}/gone.html", summary),  # a 200 answer that is an error page
        ("Error page", f"{base}/moved.html", "a short label"),  # no summary worth keeping: skipped
    ]), encoding="utf-8")
    code, _out, err = run("ingest", "--db", db, "--allow-private", "--timeout", "5", feed)
    assert code == 0, err
    reports, skipped = _stored(db)
    assert len(reports) == 1, (reports, skipped)
    kept = reports[0]
    assert "agreed to meet again next week" in kept.text and kept.url == f"{base}/gone.html"
    assert kept.source.endswith("(the feed's summary)")  # marked as such, in `show` and `reports`
    assert "the report is the feed's summary (its page: not an article: an error page" in err, err
    assert "not an article: an error page" in skipped[f"{base}/moved.html"]


def test_one_report_per_article_across_file_url_and_feed(run, db, tmp_path, site):
    base, pages = site
    url = f"{base}/deal.html"
    page = _page("Akazawa says tariff deal is close", site="Tokyo Ledger", canonical=url)
    pages["/deal.html"] = (200, page)
    saved = tmp_path / "saved-copy.html"  # the same page saved without its address
    saved.write_text(_page("Akazawa says tariff deal is close", site="Tokyo Ledger"), encoding="utf-8")
    feed = tmp_path / "feed.xml"
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Tokyo Ledger</title><link>{base}/</link><item>"
        "<title>Akazawa says tariff deal is close</title>"
        f"<link>{url}?utm_source=rss&amp;utm_medium=feed</link>"
        f"<content:encoded><![CDATA[{body}]]></content:encoded></item></channel></rss>", encoding="utf-8")
    assert run("ingest", "--db", db, "--allow-private", url)[0] == 0
    code, _out, err = run("ingest", "--db", db, "--allow-private", saved, feed)
    assert code == 0
    reports, _skipped = _stored(db)
    assert len(reports) == 1, [(r.source, r.url) for r in reports]
    assert err.count("already stored: the same article") == 2
    assert "(same address)" in err and "(same text)" in err


def test_a_wire_copy_on_another_outlet_is_still_its_own_report(run, db, tmp_path):
    for name, outlet in (("a.html", "Tokyo Ledger"), ("b.html", "Osaka Herald")):
        page = _page("Akazawa says tariff deal is close", site=outlet, canonical=f"https://{name}.example/x")
        (tmp_path / name).write_text(page, encoding="utf-8")
    assert run("ingest", "--db", db, tmp_path / "a.html", tmp_path / "b.html")[0] == 0
    reports, _skipped = _stored(db)
    assert {r.outlet for r in reports} == {"Tokyo Ledger", "Osaka Herald"}
    assert reports[0].wire_group and reports[0].wire_group == reports[1].wire_group


def test_canonical_url():
    assert canonical_url("http://www.Example.org/a/b/?utm_source=x&id=3#top") == "https://example.org/a/b?id=3"
    assert canonical_url("file:///etc/passwd") is None


@pytest.mark.parametrize(("title", "why"), [
    ("Index of /reports", "a listing of links"),
    ("404 Not Found", "an error page"),
    ("ページが見つかりません", "an error page"),
    ("100 days of talks: what changed", None),
    ("Error correction in peace talks", None),
])
def test_pages_that_are_not_articles(title, why):
    found = not_an_article(title, "some text", b"", "text")
    assert (why in found) if why else found is None
