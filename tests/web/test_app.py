"""The web app on the sample corpus, through the framework's test client: pages, JSON API, errors, headers."""

from __future__ import annotations

import re

import pytest
from markupsafe import escape

from communique.web.app import CSP, create_app

PAGES = ("", "/timeline", "/statements", "/positions", "/conflicts", "/sources")


def test_stories_page_lists_the_story_with_its_figures(client, story_id, demo_records):
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert f'href="/stories/{story_id}"' in page.text
    reports = sum(1 for r in demo_records if r["type"] == "report" and r.get("story_id") == story_id)
    assert f"{reports} reports" in page.text
    assert "en, ja" in page.text  # languages
    assert "2025-12-15" in page.text  # last update: the newest report


def test_story_page_shows_the_briefing_with_evidence_in_place(client, story_id, headlines):
    page = client.get(f"/stories/{story_id}", params={"lang": "ja"})
    assert page.status_code == 200
    assert '<article class="briefing" lang="ja">' in page.text
    assert str(escape(headlines["ja"])) in page.text
    cites = re.findall(r'<details class="cite">', page.text)
    assert len(cites) > 20
    # each citation holds its evidence: the span marked in its paragraph, the outlet, a link to the report
    first = page.text[page.text.index('<details class="cite">') :]
    first = first[: first.index("</details>")]
    assert "<mark>" in first and 'href="/reports/r-' in first
    assert 'id="ref-1"' in page.text


def test_story_page_in_english_as_of_and_since(client, story_id, headlines):
    latest = client.get(f"/stories/{story_id}", params={"lang": "en"}).text
    assert '<article class="briefing" lang="en">' in latest
    assert str(escape(headlines["en"])) in latest
    earlier = client.get(
        f"/stories/{story_id}", params={"lang": "en", "as_of": "2025-12-03", "since": "2025-12-01"}
    )
    assert earlier.status_code == 200
    assert '<option value="2025-12-03" selected>' in earlier.text
    assert "2025-12-15" not in earlier.text.split("<article", 1)[1]  # nothing from later reports
    assert earlier.text != latest


def test_an_as_of_date_before_the_story_says_so(client, story_id):
    page = client.get(f"/stories/{story_id}", params={"as_of": "2025-01-01"})
    assert page.status_code == 200
    assert 'class="problem"' in page.text and "2025-01-01" in page.text


def test_dropped_sentences_only_on_request(client, story_id):
    plain = client.get(f"/stories/{story_id}", params={"lang": "en"}).text
    asked = client.get(f"/stories/{story_id}", params={"lang": "en", "dropped": "1"}).text
    assert 'id="dropped"' not in plain
    assert 'id="dropped"' in asked


@pytest.mark.parametrize("view", PAGES)
def test_every_story_view_renders(client, story_id, view):
    page = client.get(f"/stories/{story_id}{view}")
    assert page.status_code == 200, page.text[:300]
    assert 'aria-current="page"' in page.text


def test_timeline_statements_positions_conflicts_sources(client, story_id):
    timeline = client.get(f"/stories/{story_id}/timeline").text
    assert re.search(r"<time>2025-12-0\d</time>", timeline)
    assert "meeting" in timeline and "contested:" in timeline and 'class="event said"' in timeline
    said = client.get(f"/stories/{story_id}/timeline", params={"show": "statements"}).text
    assert 'class="event said"' in said and 'class="event"' not in said
    statements = client.get(f"/stories/{story_id}/statements").text
    assert "Donald Trump" in statements and "two to tango" in statements and 'lang="ja"' in statements
    positions = client.get(f"/stories/{story_id}/positions").text
    assert '<table class="matrix">' in positions and "stance-" in positions
    conflicts = client.get(f"/stories/{story_id}/conflicts").text
    assert 'class="conflict"' in conflicts and "independent sources" in conflicts
    sources = client.get(f"/stories/{story_id}/sources").text
    assert "Global Wire" in sources and "Wire groups" in sources


def test_report_page_highlights_what_was_extracted(client, demo_records):
    report = next(r for r in demo_records if r["type"] == "report" and "tango" in r["text"])
    page = client.get(f"/reports/{report['id']}")
    assert page.status_code == 200
    for kind in ("actor", "quote", "event"):
        assert re.search(rf'<mark class="[^"]*k-{kind}', page.text), kind
    assert "two to tango" in page.text


def test_search_finds_english_and_japanese(client):
    english = client.get("/search", params={"q": "two to tango"}).text
    japanese = client.get("/search", params={"q": "タンゴ"}).text
    assert english.count('<li><a href="/reports/') >= 2
    assert japanese.count('<li><a href="/reports/') >= 1
    assert '<p class="snippet" lang="en">' in english and "<mark>" in english  # the words in context
    nothing = client.get("/search", params={"q": "zzzqqq"}).text
    assert "Nothing found." in nothing
    wordless = client.get("/search", params={"q": ";;"}).text
    assert "has no words to look for" in wordless
    paged = client.get("/api/search", params={"q": "Kremlin", "limit": 2}).json()
    assert len(paged["items"]) == 2 and paged["total"] is None and "offset=2" in paged["next"]


def test_api_lists_are_paginated_with_the_ids_of_export(client, demo_records):
    quotes = [r["id"] for r in demo_records if r["type"] == "quote"]
    first = client.get("/api/records/quote", params={"limit": 5}).json()
    assert first["total"] == len(quotes) and first["offset"] == 0 and len(first["items"]) == 5
    second = client.get(first["next"]).json()
    assert [q["id"] for q in first["items"] + second["items"]] == quotes[:10]
    assert client.get(f"/api/records/quote/{quotes[0]}").json() == next(
        r for r in demo_records if r["id"] == quotes[0]
    )
    everything = []
    url = "/api/records/event?limit=500"
    while url:
        body = client.get(url).json()
        everything += body["items"]
        url = body["next"]
    assert everything == [r for r in demo_records if r["type"] == "event"]


def test_api_story_views(client, story_id):
    stories = client.get("/api/stories").json()
    assert stories["items"][0]["id"] == story_id
    briefing = client.get(f"/api/stories/{story_id}/briefing", params={"lang": "en"}).json()
    assert briefing["language"] == "en" and briefing["headline"]["citations"]
    assert "dropped" in briefing
    events = client.get(f"/api/stories/{story_id}/timeline", params={"show": "events", "limit": 500}).json()
    assert {e["type"] for e in events["items"]} == {"event"} and events["total"] > 10
    for view in ("timeline", "statements", "positions", "conflicts"):
        body = client.get(f"/api/stories/{story_id}/{view}").json()
        assert body["total"] > 0 and body["items"], view
    sources = client.get(f"/api/stories/{story_id}/sources").json()
    assert sources["independent_sources"] < len(sources["reports"])  # wire copies folded
    hits = client.get("/api/search", params={"q": "タンゴ"}).json()
    assert hits["total"] >= 1
    report_id = hits["items"][0]["id"]
    detail = client.get(f"/api/reports/{report_id}").json()
    assert detail["report"]["id"] == report_id and detail["items"]


@pytest.mark.parametrize(
    ("url", "status", "words"),
    [
        ("/api/stories/st-nope", 404, "no story 'st-nope'"),
        ("/api/reports/r-nope", 404, "no report"),
        ("/api/records/quote/q-nope", 404, "no quote"),
        ("/api/records/banana", 422, "kind"),
        ("/api/stories?limit=0", 422, "limit"),
        ("/api/search", 422, "q"),
        ("/api/nothing-here", 404, "no page"),
    ],
)
def test_api_errors_are_json_with_a_clear_message(client, url, status, words):
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert body["error"]["status"] == status and words in body["error"]["message"]


def test_api_briefing_date_errors(client, story_id):
    bad = client.get(f"/api/stories/{story_id}/briefing", params={"as_of": "2025-13-01"})
    assert bad.status_code == 422 and "calendar date" in bad.json()["error"]["message"]
    early = client.get(f"/api/stories/{story_id}/briefing", params={"as_of": "2020-01-01"})
    assert early.status_code == 400 and "2020-01-01" in early.json()["error"]["message"]


def test_read_only_nothing_writes(client, story_id):
    for method in ("post", "put", "delete", "patch"):
        response = client.request(method.upper(), f"/api/stories/{story_id}")
        assert response.status_code == 405
        assert "read-only" in response.json()["error"]["message"]
    assert client.post("/").status_code == 405


def test_openapi_describes_the_api(client):
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert {
        "/api/stories",
        "/api/stories/{story_id}/briefing",
        "/api/records/{kind}",
        "/api/search",
        "/api/reports/{report_id}",
    } <= set(spec["paths"])
    assert all(not p.startswith(("/stories", "/reports")) for p in spec["paths"])  # pages are not the API
    assert client.get("/docs").status_code == 404  # no Swagger UI: it would need outside script


@pytest.mark.parametrize(
    "url", ["/", "/api/stories", "/static/style.css", "/nope", "/api/nope", "/openapi.json"]
)
def test_every_response_carries_the_csp(client, url):
    response = client.get(url)
    assert response.headers["content-security-policy"] == CSP
    assert "script-src" not in CSP and "default-src 'none'" in CSP
    assert response.headers["x-content-type-options"] == "nosniff"


def test_pages_have_no_script(client, story_id):
    for view in PAGES:
        assert "<script" not in client.get(f"/stories/{story_id}{view}").text.lower()


def test_other_host_headers_are_refused_when_serving_loopback(demo_db):
    from fastapi.testclient import TestClient

    app = create_app(demo_db, allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://127.0.0.1") as local:
        assert local.get("/api/stories").status_code == 200
        assert local.get("/api/stories", headers={"host": "attacker.example"}).status_code == 400


def test_a_missing_database_is_a_clear_error(tmp_path):
    from communique.errors import UsageError

    with pytest.raises(UsageError, match="no such database"):
        create_app(tmp_path / "none.db")


def test_serve_is_a_command(run):
    with pytest.raises(SystemExit):
        run("serve", "--help")


def test_each_story_has_an_atom_feed_of_what_changed(client, story_id):
    import feedparser

    page = client.get(f"/stories/{story_id}")
    assert f'href="/stories/{story_id}/feed.atom?lang=ja"' in page.text
    response = client.get(f"/stories/{story_id}/feed.atom", params={"lang": "en"})
    assert response.status_code == 200 and response.headers["content-type"] == "application/atom+xml"
    feed = feedparser.parse(response.content)
    assert not feed.bozo and len(feed.entries) >= 5
    newest = feed.entries[0]
    assert newest.title.startswith("2025-12-15:") and "new statement(s)" in newest.title
    assert "statements:" in newest.summary and "as_of=2025-12-15" in newest.link


def test_api_statements_are_one_item_each_grouped_by_speaker(client, story_id):
    body = client.get(f"/api/stories/{story_id}/statements", params={"limit": 500}).json()
    items = body["items"]
    assert body["total"] == len(items) > 5
    fields = {"id", "speaker_id", "speaker", "wordings", "said_on", "independent_sources"}
    assert all(fields <= set(s) for s in items)
    speakers = [s["speaker_id"] for s in items]
    assert speakers == sorted(speakers, key=speakers.index)  # each speaker's statements together
    trump = next(s["speaker_id"] for s in items if s["speaker"] == "Donald Trump")
    only = client.get(f"/api/stories/{story_id}/statements", params={"speaker": trump}).json()["items"]
    assert only and {s["speaker_id"] for s in only} == {trump}
    assert len(only) == sum(1 for s in items if s["speaker_id"] == trump)
