"""Issue 13, everyday use: two stories in one store, store paths, terminal output, exports,
show / remove / set, and search in both languages."""

import csv
import io
import json
import re
import shutil

import pytest

from communique import manage, pipeline, terminal
from communique.store import SQLiteStore
from communique.store import search as word_search

from . import postgres
from .everyday import STORES, TRADE, write_reports


@pytest.fixture(scope="module")
def two_stories(tmp_path_factory):
    """A store holding the Ukraine talks (newest report Dec 14) and a trade story (newest Dec 10)."""
    folder = tmp_path_factory.mktemp("everyday")
    paths = write_reports(folder / "in", STORES)
    db = folder / "two.db"
    with SQLiteStore(db) as store:
        summary = pipeline.ingest(store, [str(p) for p in paths])
        assert len(summary.added) == len(STORES)
        pipeline.merge(store)
    return db


@pytest.fixture
def copy(two_stories, tmp_path):
    """A copy of the two-story store a test may change."""
    target = tmp_path / "copy.db"
    shutil.copy(two_stories, target)
    return target


def _ids(db):
    with SQLiteStore(db) as store:
        return {r.source.rsplit("/", 1)[-1]: r.id for r in store.reports()}


# -- 1. brief without --story ----------------------------------------------------------------
def test_two_stories_form(two_stories):
    with SQLiteStore(two_stories) as store:
        rows = pipeline.story_rows(store)
    assert len(rows) == 2
    assert sorted(r["last_date"] for r in rows) == ["2025-12-10", "2025-12-14"]


def test_brief_without_story_briefs_every_story_each_as_of_its_own_newest_report(run, two_stories):
    code, out, _err = run("brief", "--db", two_stories, "--lang", "en", "--full")
    assert code == 0
    parts = out.split("\n---\n")
    assert len(parts) == 2  # one briefing per story, newest story first
    assert "Peskov" in parts[0] and "Akazawa" not in parts[0]
    assert "Akazawa" in parts[1] and "Peskov" not in parts[1]
    assert "As of December 14, 2025" in parts[0]
    assert "As of December 10, 2025" in parts[1]  # not "December 14": the trade story ends on the 10th
    code, out, _err = run("brief", "--db", two_stories, "--lang", "en", "--format", "json")
    briefings = json.loads(out)
    assert [b["as_of"] for b in briefings] == ["2025-12-14", "2025-12-10"]


def test_brief_without_story_gives_each_story_in_short_with_the_command_for_the_whole(run, two_stories):
    code, short, _err = run("brief", "--db", two_stories, "--lang", "en")
    assert code == 0
    code, full, _err = run("brief", "--db", two_stories, "--lang", "en", "--full")
    parts, whole = short.split("\n---\n"), full.split("\n---\n")
    assert len(parts) == 2 and len(short) < len(full)
    with SQLiteStore(two_stories) as store:
        rows = sorted(pipeline.story_rows(store), key=lambda r: r["last_date"], reverse=True)
    for part, complete, row in zip(parts, whole, rows, strict=True):
        headline = part.strip().splitlines()[0]
        assert headline.startswith("# ") and complete.strip().splitlines()[0] == headline  # the same headline
        assert "##" not in part  # no sections, points or perspective
        assert f"`communique brief --story {row['id']} --lang en`" in part  # the way to the whole briefing
        cited = set(re.findall(r"\[(\d+)\]", part.split("Reference(s):")[0]))
        listed = set(re.findall(r"^(\d+)\. ", part.split("Reference(s):")[1], re.M))
        assert cited == listed  # only the references the short form cites, numbered as in the whole
    assert "As of December 14, 2025" in parts[0] and "As of December 10, 2025" in parts[1]
    code, one, _err = run("brief", "--db", two_stories, "--lang", "en", "--story", rows[1]["id"], "--short")
    assert code == 0 and one.strip() == parts[1].split("\n_Story")[0].strip()


def test_brief_of_one_story_defaults_to_its_own_newest_report(run, two_stories):
    with SQLiteStore(two_stories) as store:
        trade = next(r["id"] for r in pipeline.story_rows(store) if r["last_date"] == "2025-12-10")
        assert str(pipeline.brief(store, lang="en", story_id=trade).as_of)[:10] == "2025-12-10"
    code, out, _err = run("brief", "--db", two_stories, "--lang", "en", "--story", trade, "--format", "json")
    assert code == 0 and json.loads(out)["as_of"] == "2025-12-10"


def test_one_story_is_read_alone_and_briefed_as_from_the_whole_record(two_stories):
    """A briefing of one story reads only that story's records (issue 12 §5: it costs the story,
    not the store), and says exactly what it says when written from the whole export."""
    from communique import brief as briefing
    from communique.brief.render import markdown

    with SQLiteStore(two_stories) as store:
        whole = list(pipeline.export_records(store))
        for row in pipeline.story_rows(store):
            scoped = list(pipeline.export_records(store, story_id=row["id"]))
            reports = {r["id"] for r in scoped if r["type"] == "report"}
            assert reports and reports == {r["id"] for r in whole if r["type"] == "report"
                                           and r["story_id"] in (None, row["id"])}
            assert len(scoped) < len(whole)  # the other story's reports and items are not read
            for item in scoped:
                if item["type"] in ("quote", "event", "proposal", "position"):
                    assert item in whole
            for lang in ("en", "ja"):
                alone = pipeline.brief(store, lang=lang, story_id=row["id"])
                from_whole = briefing.brief(whole, lang=lang, as_of=str(alone.as_of)[:10], story_id=row["id"])
                assert markdown(alone) == markdown(from_whole)


def test_a_later_briefing_reads_the_clause_checks_the_store_kept(copy, monkeypatch):
    """The first English briefing parses its reported clauses and keeps the answers in the store;
    the next one loads no parser for them and says the same."""
    from communique.brief import grammar
    from communique.brief.render import markdown

    monkeypatch.setattr(grammar, "_known", {})
    with SQLiteStore(copy) as store:
        first = markdown(pipeline.brief(store, lang="en"))
        kept = store.clause_checks(grammar.CHECKER)
    assert kept and all(isinstance(v, bool) for v in kept.values())

    def no_parser():
        raise AssertionError("the parser was loaded although the store knew every answer")

    monkeypatch.setattr(grammar, "_known", {})
    monkeypatch.setattr(grammar, "_parser", no_parser)
    with SQLiteStore(copy) as store:
        assert markdown(pipeline.brief(store, lang="en")) == first
        assert store.clause_checks("another rule/clause-0") == {}  # answers are kept by rule and model


def test_brief_html_with_several_stories_names_them(run, two_stories):
    code, out, err = run("brief", "--db", two_stories, "--lang", "en", "--format", "html")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "2 stories" in err and "add --story ID" in err


# -- 6. a --db path that does not exist ------------------------------------------------------
@pytest.mark.parametrize("command", [
    ("reports",), ("stories",), ("brief", "--lang", "en"), ("search", "plan"),
    ("export", "--format", "jsonl"), ("show", "r-1"), ("remove", "r-1"), ("set", "r-1", "--outlet", "X"),
    ("extract",)])
def test_reading_a_missing_database_is_one_clear_line_and_creates_nothing(run, tmp_path, command):
    typo = tmp_path / "typo.db"
    code, out, err = run(command[0], "--db", typo, *command[1:])
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and f"{typo}: no such database" in err and "communique ingest --db" in err
    assert not typo.exists()


# -- 7. terminal output ----------------------------------------------------------------------
def test_reports_is_a_table_with_a_header_on_a_terminal(run, two_stories, monkeypatch):
    from rich.cells import cell_len

    monkeypatch.setattr(terminal, "is_terminal", lambda stream: True)
    monkeypatch.setenv("COLUMNS", "120")
    code, out, _err = run("reports", "--db", two_stories)
    assert code == 0
    lines = out.rstrip("\n").splitlines()
    assert lines[0].split() == ["ID", "OUTLET", "DATE", "LANG", "WIRE", "TITLE"]
    assert len(lines) == 1 + len(STORES)
    assert all(cell_len(line) <= 120 for line in lines)
    columns = {cell_len(line[: line.index("20")]) for line in lines[1:]}  # the date column starts alike
    assert len(columns) == 1 and "\t" not in out


def test_reports_piped_is_plain_tsv(run, two_stories):
    code, out, _err = run("reports", "--db", two_stories)
    rows = [line.split("\t") for line in out.splitlines()]
    assert code == 0 and len(rows) == len(STORES) and {len(r) for r in rows} == {6}


def test_ingest_progress_has_count_rate_and_eta_and_a_summary(run, tmp_path, monkeypatch):
    monkeypatch.setattr(terminal, "is_terminal", lambda stream: True)
    paths = write_reports(tmp_path / "in", TRADE)
    code, _out, err = run("ingest", "--db", tmp_path / "p.db", tmp_path / "in")
    assert code == 0
    assert "2/2" in err and "reports/s" in err and re.search(r"<\d\d:\d\d", err)  # count, rate, ETA
    assert "ingested 2 new report(s)" in err and str(paths[0]) not in err  # no line per file
    write_reports(tmp_path / "in", ("ukr1.txt",))
    code, _out, err = run("ingest", "--quiet", "--db", tmp_path / "p.db", tmp_path / "in")
    assert code == 0 and err == ""


def test_ingest_piped_prints_a_line_per_report_and_a_summary(run, tmp_path):
    write_reports(tmp_path / "in", TRADE)
    code, _out, err = run("ingest", "--db", tmp_path / "p.db", tmp_path / "in")
    assert code == 0 and err.count("] + r-") == 2 and "ingested 2 new report(s)" in err


# -- 8. exports ------------------------------------------------------------------------------
def test_excel_csv_has_a_byte_order_mark(run, two_stories, tmp_path):
    folder = tmp_path / "xl"
    code, _out, _err = run("export", "--db", two_stories, "--format", "csv", "--excel", "--out", folder)
    assert code == 0
    raw = (folder / "reports.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "ゼレンスキー".encode() in raw
    code, out, _err = run("export", "--db", two_stories, "--format", "csv", "--excel", "--type", "quote")
    assert out.startswith("\ufeff")
    code, out, _err = run("export", "--db", two_stories, "--format", "csv", "--type", "quote")
    assert not out.startswith("\ufeff")  # without --excel: plain UTF-8


def test_quotes_csv_names_the_speaker_outlet_date_and_url(run, two_stories):
    code, out, _err = run("export", "--db", two_stories, "--format", "csv", "--type", "quote")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows
    assert {"speaker_name", "outlet", "published_at", "url", "report_id"} <= set(rows[0])
    akazawa = [r for r in rows if "frank discussion" in r["text"]]
    assert akazawa and akazawa[0]["outlet"] == "Test Wire" and akazawa[0]["published_at"] == "2025-12-09"
    assert "Akazawa" in akazawa[0]["speaker_name"]
    ja = [r for r in rows if "領土を譲ることはできない" in r["text"]]
    assert ja and "ゼレンスキー" in ja[0]["speaker_name"]


# -- 6. show, remove, set --------------------------------------------------------------------
def test_show_a_report(run, two_stories):
    rid = _ids(two_stories)["trade1.txt"]
    code, out, _err = run("show", "--db", two_stories, rid[:8])  # a unique start of the id
    assert code == 0
    assert f"id:           {rid}" in out and "outlet:       Test Wire" in out
    assert "We had a frank discussion about the auto tariffs" in out
    assert re.search(r"extracted: \d+ actors, [1-9]\d* quotes", out)
    code, out, _err = run("show", "--db", two_stories, rid, "--json")
    info = json.loads(out)
    assert info["published_at"] == "2025-12-09" and info["story_id"]
    quote = info["extracted"]["quotes"][0]
    assert quote["evidence"][0]["text"] in info["text"]


def test_show_an_unknown_id(run, two_stories):
    code, _out, err = run("show", "--db", two_stories, "r-ffffffff")
    assert code == 2 and "no stored report has this id" in err and "communique reports" in err


def test_remove_a_report_and_everything_derived_from_it(run, copy):
    rid = _ids(copy)["ukr2.txt"]
    with SQLiteStore(copy) as store:
        assert any(r["id"] == rid for r in pipeline.export_records(store, ["report"]))
        before = {r["id"]: r["last_date"] for r in pipeline.story_rows(store)}
    code, _out, err = run("remove", "--db", copy, rid)
    assert code == 0 and f"removed {rid}" in err
    with SQLiteStore(copy) as store:
        assert not store.has_report(rid)
        for table in ("quotes", "events", "proposals", "positions", "evidence", "statement_members",
                      "report_stories", "merge_runs", "claims"):
            assert store.db.execute(f"SELECT count(*) FROM {table} WHERE report_id = ?",
                                    (rid,)).fetchone()[0] == 0, table
        records = list(pipeline.export_records(store))
        after = {r["id"]: r["last_date"] for r in pipeline.story_rows(store)}
        assert postgres.integrity_ok(store)
        hits = word_search.search(store, "unacceptable")
    assert all(ev["report_id"] != rid for r in records for ev in r.get("evidence", []))
    assert not any("unacceptable to us" in (r.get("text") or "") for r in records if r["type"] == "quote")
    assert sorted(before.values()) == ["2025-12-10", "2025-12-14"]
    assert sorted(after.values()) == ["2025-12-09", "2025-12-10"]  # the Ukraine story now ends on Dec 9
    assert hits == []  # and it is out of the search index
    code, _out, err = run("remove", "--db", copy, rid)
    assert code == 2 and "no stored report has this id" in err


def test_set_date_outlet_title(run, copy):
    rid = _ids(copy)["trade2.txt"]
    code, _out, err = run("set", "--db", copy, rid, "--date", "2025/12/11 09:30", "--outlet", "Kyodo",
                          "--title", "Akazawa: deal close")
    assert code == 0 and "outlet Kyodo" in err
    with SQLiteStore(copy) as store:
        report = store.report(rid)
        assert report.outlet == "Kyodo" and report.title == "Akazawa: deal close"
        assert report.published_at.startswith("2025-12-11T09:30")
        assert max(r["last_date"] for r in pipeline.story_rows(store)) == "2025-12-14"
        trade = next(r for r in pipeline.story_rows(store) if "akazawa" in r["keywords"])
        assert trade["last_date"] == "2025-12-11"  # merged again with the new date
        assert [h.id for h in word_search.search(store, "deal close")][:1] == [rid]
        assert [r[0] for r in store.search("Akazawa: deal")] == [rid]  # the trigram index follows the title
        assert postgres.integrity_ok(store)
    code, _out, err = run("set", "--db", copy, rid, "--date", "someday")
    assert code == 2 and "not a date communique can read" in err


def test_manage_is_a_library(copy):
    with SQLiteStore(copy) as store:
        rid = _ids(copy)["ukr1.txt"]
        assert manage.show(store, rid)["title"] == "Zelensky meets European leaders in London"


# -- 2. search -------------------------------------------------------------------------------
@pytest.mark.parametrize(("query", "names"), [
    ("和平", {"ukr-ja.txt"}),
    ("協議", {"ukr-ja.txt"}),
    ("領土", {"ukr-ja.txt"}),
    ("EU", {"ukr1.txt", "ukr-ja.txt"}),
    ("Zelensky territory", {"ukr1.txt", "ukr2.txt"}),  # several words: AND
    ("Zelenskiy", {"ukr1.txt", "ukr2.txt", "ukr-ja.txt"}),  # spellings meet through the actor record
    ('"peace plan" Peskov', {"ukr1.txt", "ukr2.txt"}),
    ('"plan peace"', set()),
    ("Akazawa Zelensky", set()),
])
def test_search_finds(two_stories, query, names):
    ids = {v: k for k, v in _ids(two_stories).items()}
    with SQLiteStore(two_stories) as store:
        found = {ids[h.id] for h in word_search.search(store, query)}
    assert found == names


def test_search_cli_snippets_highlight_and_json(run, two_stories):
    code, out, _err = run("search", "--db", two_stories, "和平")
    assert code == 0 and "**和平**" in out
    code, out, _err = run("search", "--db", two_stories, "--json", "Zelensky", "territory")
    hits = json.loads(out)
    assert len(hits) == 2
    for hit in hits:
        assert {"id", "title", "outlet", "published_at", "score", "snippet", "highlights"} <= set(hit)
        marked = [hit["snippet"][a:b].casefold() for a, b in hit["highlights"]]
        assert any(m.startswith("zelensk") for m in marked) or any("territory" in m for m in marked)
    code, out, _err = run("search", "--db", two_stories, "--json", "--sort", "date", "Zelensky")
    dates = [h["published_at"] for h in json.loads(out)]
    assert dates == sorted(dates, reverse=True)


def test_search_with_nothing_found_says_so(run, two_stories):
    code, out, err = run("search", "--db", two_stories, "nonexistentword")
    assert code == 0 and out == "" and "no report matches" in err


def test_search_on_a_terminal_highlights(run, two_stories, monkeypatch):
    monkeypatch.setattr(terminal, "is_terminal", lambda stream: True)
    code, out, _err = run("search", "--db", two_stories, "tariffs")
    assert code == 0 and f"{terminal.HIGHLIGHT_START}tariffs{terminal.HIGHLIGHT_END}" in out

