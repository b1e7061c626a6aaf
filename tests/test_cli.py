import csv
import io
import json

import pytest

from communique.cli import _COMMANDS, main

from .conftest import ARTICLE_EN, ARTICLE_JA


@pytest.mark.parametrize("command", sorted(_COMMANDS))
def test_every_command_has_help_with_an_example(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out and f"communique {command}" in out and "--db" in out


def test_usage_errors_exit_2(run):
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "--format", "xml"])
    assert exit_info.value.code == 2
    code, _out, err = run("export", "--format", "csv")
    assert code == 2 and "add --out DIR, or --type TYPE" in err


@pytest.fixture
def filled(run, db, tmp_path):
    (tmp_path / "en.txt").write_text(ARTICLE_EN, encoding="utf-8")
    (tmp_path / "ja.txt").write_text(ARTICLE_JA, encoding="utf-8")
    assert run("ingest", "--db", db, tmp_path / "en.txt", tmp_path / "ja.txt", "/missing")[0] == 0
    return db


def test_database_defaults_to_env(run, filled, monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_DB", str(filled))
    code, out, _err = run("reports", "--json")
    assert code == 0 and len(json.loads(out)["reports"]) == 2


def test_reports_json(run, filled):
    code, out, err = run("reports", "--db", filled, "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    rows = {r["language"]: r for r in data["reports"]}
    assert rows["en"]["published_at"] == "2025-12-02"
    assert rows["ja"]["published_at"] == "2025-12-03T09:15:00+09:00"  # Japanese datelines are JST
    assert rows["en"]["title"] == "Envoys meet Kremlin leader"
    assert data["skipped"][0]["source"] == "/missing"


def test_export_jsonl_is_clean_and_offsets_index_the_text(run, filled):
    code, out, err = run("export", "--db", filled, "--format", "jsonl")
    assert code == 0 and err == ""
    records = [json.loads(line) for line in out.splitlines()]
    reports = [r for r in records if r["type"] == "report"]
    assert len(reports) == 2
    for report in reports:
        assert set(report) >= {"id", "url", "outlet", "title", "published_at", "language",
                               "wire_group", "text"}
        assert report["id"].startswith("r-")
    texts = {r["id"]: r["text"] for r in reports}
    for record in records:
        for ev in record.get("evidence", []):
            assert 0 <= ev["start"] <= ev["end"] <= len(texts[ev["report_id"]])


def test_export_csv(run, filled, tmp_path):
    code, out, _err = run("export", "--db", filled, "--format", "csv", "--type", "report")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["language"] for r in rows} == {"en", "ja"}
    folder = tmp_path / "csv"
    code, _out, _err = run("export", "--db", filled, "--format", "csv", "--out", folder)
    assert code == 0
    assert (folder / "reports.csv").exists()
    header = (folder / "quotes.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("type,id,speaker_id,speaker_text,text")


def test_search(run, filled):
    code, out, _err = run("search", "--db", filled, "プーチン大統領")
    assert code == 0 and "米特使とプーチン大統領が会談" in out


def test_reading_commands_load_neither_the_merger_nor_the_page_cleaner(filled):
    """`search` reads the store only: it starts without numpy, the merger, trafilatura, the HTTP
    client or spaCy (issue 12 §5: start-up paid only where used); `reports` and `stories` read
    the record without the page cleaner, the fetcher or spaCy."""
    import subprocess
    import sys

    probe = ("import sys; from communique.cli import main; main(sys.argv[1:]); "
             "print(sorted(m for m in ('numpy', 'trafilatura', 'urllib3', 'spacy', 'communique.ingest.clean',"
             " 'communique.merge.engine') if m in sys.modules), file=sys.stderr)")
    for argv, allowed in ((["search", "--db", str(filled), "talks"], set()),
                          (["reports", "--db", str(filled)], {"numpy", "communique.merge.engine"}),
                          (["stories", "--db", str(filled)], {"numpy"})):
        done = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True, text=True,
                              check=True)
        loaded = set(json.loads(done.stderr.strip().splitlines()[-1].replace("'", '"')))
        assert loaded <= allowed, f"{argv[0]} loaded {sorted(loaded - allowed)}"
