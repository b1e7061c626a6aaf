"""A report with no publication date whose remark is dated by a bare day: 「ラブロフ外相は2日、「…」と
述べた」 says the 2nd, of a month it does not name.  Of the days that may be (the 2nd of each month
of the story's time), the one on which the speaker's remark in a dated report matches it, at the
bars for dated wordings, dates it; it then joins that remark as a translation of the same day
would.  A day on which the speaker said nothing like it, or a day the clause gives to something
else, leaves it undated (then only the higher bars for undated wordings can join it).  Through
the real extractors and store (both backends).  The texts are the team's own."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from communique import pipeline
from communique.extract import said_days
from communique.ingest.build import build_report
from communique.model import Document, Precision, Report

ENGLISH = ("2021-12-03", "Lavrov on the talks\n\nRussian Foreign Minister Sergei Lavrov said on Thursday "
                         "after the talks in Vienna: \"We made some progress, but nothing decisive yet.\"")


def _japanese(day: str) -> str:
    return (f"ロシア外相、協議に言及\n\nロシアのラブロフ外相は{day}、ウィーンでの協議について記者団に"
            "「一定の前進はあったが、まだ決定的ではない」と述べた。")


def _statements(db: Path, texts: list[tuple[str, str | None, str, str]]) -> list[set[str]]:
    with pipeline.open_store(str(db)) as store:
        for name, published, language, text in texts:
            doc = Document(source=name, raw=text.encode(), content_type="text",
                           url=f"https://example.org/{name}", outlet=f"Outlet {name}", published_at=published,
                           language=language)
            report, _warning = build_report(doc)
            pipeline.add_report(store, report)
            pipeline.extract_report(store, report)
            pipeline.merge_report(store, report.id)
        pipeline.merge(store)
        quotes: list[dict[str, Any]] = list(pipeline.export_records(store, ["quote"]))
    groups: dict[str, set[str]] = {}
    for q in quotes:
        if q["speaker_id"] == "sergei-lavrov":
            groups.setdefault(q["statement_id"], set()).add(q["language"])
    return list(groups.values())


def test_a_bare_day_dates_an_undated_report_s_remark_by_the_remark_it_shares(db: Path) -> None:
    found = _statements(db, [("en", *ENGLISH[:1], "en", ENGLISH[1]), ("ja", None, "ja", _japanese("2日"))])
    assert found == [{"en", "ja"}], found


def test_another_day_of_the_month_joins_nothing(db: Path) -> None:
    found = _statements(db, [("en", *ENGLISH[:1], "en", ENGLISH[1]), ("ja", None, "ja", _japanese("9日"))])
    assert sorted(map(sorted, found)) == [["en"], ["ja"]], found


def _report(text: str) -> Report:
    return Report(id="r-undated", source="undated", url=None, outlet="Outlet", title=None, published_at=None,
                  published_precision=Precision.UNKNOWN, language="ja", text=text, raw=b"",
                  content_type="text", encoding="utf-8")


def test_the_days_a_bare_day_may_name() -> None:
    anchors = [date(2021, 10, 25), *(date(2021, 11, d) for d in range(1, 31)), date(2021, 12, 5)]
    days = said_days(_report(_japanese("2日")), anchors)
    assert list(days.values()) == [frozenset({"2021-10-02", "2021-11-02", "2021-12-02"})]
    # a deadline the sentence names is no day of saying; nor a day counted from the report's own
    for text in ("ロシアのラブロフ外相は、期限の2日が迫るなか「一定の前進はあったが、まだ決定的ではない」"
                 "と述べた。",
                 "ロシアのラブロフ外相は昨日、「一定の前進はあったが、まだ決定的ではない」と述べた。"):
        assert said_days(_report(text), anchors) == {}, text
