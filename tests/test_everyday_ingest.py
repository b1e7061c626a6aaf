"""Issue 13, dates at ingest: a JSONL ``published_at`` as outlets write it is read, an unreadable one
is warned about, and ``ingest --date --outlet --language`` set a batch's metadata."""

import json

from communique.store import SQLiteStore

from .everyday import write_reports


def _reports(db):
    with SQLiteStore(db) as store:
        return {r.outlet: r for r in store.reports()}


def test_jsonl_dates_are_read_or_warned(run, db, tmp_path):
    lines = [
        {"text": "Talks resume\n\nThe envoys met again on Friday to discuss the plan.", "outlet": "A",
         "published_at": "2025/12/05"},
        {"text": "Talks stall\n\nThe envoys did not meet on Saturday, officials said.", "outlet": "B",
         "published_at": "next friday"},
        {"text": "Talks end\n\nThe envoys left Geneva on Sunday after three days.", "outlet": "C",
         "published_at": "Updated 2025-12-07T10:00:00Z"},
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    code, _out, err = run("ingest", "--db", db, path)
    assert code == 0
    reports = _reports(db)
    assert reports["A"].published_at == "2025-12-05"
    assert reports["C"].published_at == "2025-12-07T10:00:00+00:00"
    assert reports["B"].published_at is None
    warnings = [line for line in err.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1
    assert f"{path}:2" in warnings[0] and "'next friday' not understood" in warnings[0]
    assert "communique set ID --date" in warnings[0]


def test_a_yearless_dateline_is_warned(run, db, tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text("Talks in Moscow\n\nMOSCOW, Dec 3 (Global Wire) - The envoys met the president.\n",
                    encoding="utf-8")
    code, _out, err = run("ingest", "--db", db, path)
    assert code == 0 and "dateline 'MOSCOW, Dec 3' gives no year" in err


def test_ingest_overrides_date_outlet_and_language_for_a_batch(run, db, tmp_path):
    write_reports(tmp_path / "batch", ("trade1.txt", "trade2.txt"))
    code, _out, err = run("ingest", "--db", db, "--date", "2025年12月11日 午前9時", "--outlet", "Kyodo",
                          "--language", "en", tmp_path / "batch")
    assert code == 0, err
    with SQLiteStore(db) as store:
        reports = list(store.reports())
    assert len(reports) == 2
    assert {r.outlet for r in reports} == {"Kyodo"}
    assert {r.published_at for r in reports} == {"2025-12-11T09:00:00+09:00"}
    code, _out, err = run("ingest", "--db", db, "--date", "someday", tmp_path / "batch")
    assert code == 2 and "--date someday: not a date communique can read" in err
