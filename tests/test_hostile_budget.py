"""Issue 14: the work on one report is bounded -- a long report is stored whole with a warning,
its extraction reads a bounded part of it, and a time budget stops extraction between stages
(never a hang, never code interrupted inside a transaction)."""

from __future__ import annotations

import time

import pytest

from communique import budget, pipeline
from communique.extract import extract as real_extract

NAMES = ("Peskov", "Rubio", "Witkoff", "Lavrov", "Umerov")


def _long_report(folder, size: int):
    """A report of ``size`` bytes made of short paragraphs, each with two quotes (the merging
    and extraction cost grows with them)."""
    parts, total, i = ["Talks go on"], 0, 0
    while total < size:
        part = (f'"We will keep talking about point {i} of the plan," {NAMES[i % 5]} said on Tuesday in '
                f'Geneva. "There is progress on item {i}," {NAMES[(i + 1) % 5]} told reporters.')
        parts.append(part)
        total += len(part) + 2
        i += 1
    path = folder / "long.txt"
    path.write_text("\n\n".join(parts), encoding="utf-8")
    return path


def test_a_long_report_is_stored_whole_and_read_within_the_bound(tmp_path):
    path = _long_report(tmp_path, 2_000_000)
    started = time.monotonic()
    with pipeline.open_store(tmp_path / "s.db") as store:
        summary = pipeline.ingest(store, [str(path)])
        took = time.monotonic() - started
        assert len(summary.added) == 1
        report = store.report(summary.added[0])
        assert report is not None and len(report.text) > 1_900_000  # stored whole
        assert any("only the first" in w and "stored whole" in w for w in summary.warnings)
        last = store.db.execute('SELECT max("end") FROM evidence').fetchone()[0]
        assert 0 < last <= pipeline.EXTRACT_CHARS  # evidence only in the part read
        quotes = store.db.execute("SELECT count(*) FROM quotes").fetchone()[0]
        assert 0 < quotes < 2 * pipeline.EXTRACT_CHARS // 100
        assert pipeline._finished(store, report.id, report.language)  # nothing left for a re-run
    assert took < 60, f"{took:.1f}s"  # ~5 s of CPU; the bound leaves room for a loaded machine


def test_over_the_time_budget_a_shorter_part_is_read(tmp_path, monkeypatch):
    """A slow extraction (here: one taking a second per million characters) goes over the
    budget on the long part, then reads the short one."""
    def slow(report, gazetteer=None):
        time.sleep(len(report.text) / 1_000_000)
        budget.check("quotes")
        with budget.deadline(600):  # the real extractors at their own pace (models load here)
            return real_extract(report, gazetteer)

    monkeypatch.setattr(pipeline, "run_extractors", slow)
    monkeypatch.setattr(pipeline, "EXTRACT_SECONDS", 0.06)
    path = _long_report(tmp_path, 300_000)
    with pipeline.open_store(tmp_path / "s.db") as store:
        summary = pipeline.ingest(store, [str(path)])
        assert len(summary.added) == 1
        [warning] = [w for w in summary.warnings if "budget" in w]
        assert "over the 0.06s budget before quotes" in warning and "only the first" in warning
        assert store.db.execute("SELECT count(*) FROM quotes").fetchone()[0] > 0


def test_over_the_time_budget_twice_the_report_is_stored_without_items(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "EXTRACT_SECONDS", 0.0)
    path = _long_report(tmp_path, 20_000)
    with pipeline.open_store(tmp_path / "s.db") as store:
        summary = pipeline.ingest(store, [str(path)])
        assert len(summary.added) == 1
        assert any("stored without quotes or events" in w for w in summary.warnings)
        assert store.db.execute("SELECT count(*) FROM quotes").fetchone()[0] == 0
        report = store.report(summary.added[0])
        assert report is not None and pipeline._finished(store, report.id, report.language)
        again = pipeline.ingest(store, [str(path)])  # not tried again on every run
        assert again.already == summary.added and not again.warnings


def test_the_budget_is_checked_only_inside_a_deadline():
    budget.check("anything")  # no deadline: nothing happens
    with budget.deadline(0.0), pytest.raises(budget.OverBudget, match="before events"):
        budget.check("events")
    with budget.deadline(60.0):
        budget.check("events")
    budget.check("anything")


def test_cut_at_a_paragraph_end():
    from communique.model import Report

    text = ("word " * 30 + "\n\n") * 1000
    report = Report(id="r", source="x", url=None, outlet=None, title=None, published_at=None,
                    published_precision="unknown", language="en", text=text, raw=b"", content_type="text",
                    encoding=None)
    read = pipeline._leading(report, 10_000)
    assert len(read.text) <= 10_000 and text.startswith(read.text) and read.text.endswith("word ")
    assert pipeline._leading(report, len(text)) is report


def test_re_extracting_a_long_report_counts_it_extracted_with_a_warning(tmp_path):
    """`communique extract --all` on a report read in part: extracted, with a warning; not failed."""
    path = _long_report(tmp_path, 300_000)
    with pipeline.open_store(tmp_path / "s.db") as store:
        pipeline.ingest(store, [str(path)])
        summary = pipeline.extract(store, everything=True)
    assert summary.extracted == 1 and not summary.problems
    assert len(summary.warnings) == 1 and "with a warning" in summary.line()
