"""A report with no publication date still writes out some days: "met in Geneva on Monday (May 24)",
「7月28日に会談した」.  Its events dated so in their own clause get the full day, the year (and, for a
bare 「28日」, the month) from what the record knows of the report's time -- the days of the
remarks it shares with dated reports, else its story's dated reports -- and only when every day
the report may have been published on reads the same day.  A relative expression ("on Monday",
「昨日」) stays undated, and so does a day the extractor gives to another noun.  Through the real
extractors and store (both backends), and the reading itself on its own."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from communique import merge, pipeline
from communique.extract import written_days
from communique.extract.en.dates_en import scan
from communique.extract.en.dates_en import written_day as written_day_en
from communique.extract.ja.dates_ja import written_day as written_day_ja
from communique.model import Precision, Report

from .texts import Texts, merge_texts

DATED = {
    "a": ("2021-05-25", "Rubio and Lavrov meet in Geneva\n\nSecretary of State Marco Rubio met Russian "
                        "Foreign Minister Sergei Lavrov in Geneva on Monday to discuss a ceasefire plan for "
                        "the region. The two men spoke for three hours."),
    "b": ("2021-05-27", "Ceasefire plan studied\n\nDiplomats in Vienna studied the ceasefire plan on "
                        "Wednesday, officials said, as the region waited for an answer."),
}


def _meetings(db: Path, texts: Texts) -> list[tuple[str | None, str | None, tuple[str, ...], int]]:
    with pipeline.open_store(str(db)) as store:
        merge_texts(store, texts)
        return sorted(
            ((e["date"], e["place"], tuple(e["participant_ids"]), len(e["member_ids"]))
             for e in merge.merged_events(store) if e["kind"] == "meeting"),
            key=lambda t: (t[0] or "", t[1] or "", t[2]),
        )


def test_a_written_day_in_an_undated_report_dates_its_meeting_from_the_story(db: Path) -> None:
    found = _meetings(db, {
        **DATED,
        "c": (None, "Envoys talk peace\n\nMarco Rubio and Sergei Lavrov met for talks in Geneva on Monday "
                    "(May 24) to discuss the ceasefire plan, a diplomat said."),
    })
    assert ("2021-05-24", "Geneva", ("marco-rubio", "sergei-lavrov"), 2) in found, found


def test_a_relative_day_in_an_undated_report_stays_undated(db: Path) -> None:
    found = _meetings(db, {
        **DATED,
        "c": (None, "Envoys talk peace\n\nMarco Rubio and Sergei Lavrov met for talks in Vienna on Monday "
                    "to discuss the ceasefire plan, a diplomat said."),
    })
    vienna = [m for m in found if m[1] == "Vienna"]
    assert vienna and all(m[0] is None for m in vienna), found


def _report(text: str, language: str = "en") -> Report:
    return Report(id="r-undated", source="undated", url=None, outlet="Outlet", title=None, published_at=None,
                  published_precision=Precision.UNKNOWN, language=language, text=text, raw=b"",
                  content_type="text", encoding="utf-8")


def _days(first: str, last: str) -> list[date]:
    lo, hi = date.fromisoformat(first), date.fromisoformat(last)
    return [lo + timedelta(days=n) for n in range((hi - lo).days + 1)]


def _read(report: Report, anchors: list[date]) -> dict[str, str | None]:
    # (a meeting on a day after the last anchor is read as one still to come: the same meeting)
    days = [day for e, day in written_days(report, anchors) if e.kind in ("meeting", "planned_meeting")]
    return {"meeting": days[0]} if len(days) == 1 else {}


def test_the_year_is_read_only_when_every_possible_publication_day_agrees() -> None:
    july = _report("Talks in Geneva\n\nMarco Rubio and Sergei Lavrov met in Geneva on July 28 to discuss "
                   "the ceasefire plan.")
    december = _report("Talks in Geneva\n\nMarco Rubio and Sergei Lavrov met in Geneva on December 7 to "
                       "discuss the ceasefire plan.")
    story = _days("2025-07-24", "2026-01-26")  # a story of July to December, and a month after
    assert _read(july, story) == {"meeting": "2025-07-28"}
    # December 7 of last year from a July report, of this year from a December one: no year
    assert _read(december, story) == {"meeting": None}
    assert _read(december, _days("2025-12-20", "2025-12-30")) == {"meeting": "2025-12-07"}


def test_a_day_of_another_noun_does_not_date_the_event() -> None:
    anchors = _days("2021-05-20", "2021-06-20")
    own = _report("Truce\n\nRussia and Ukraine agreed to an immediate ceasefire on May 24.")
    other = _report("Truce\n\nRussia and Ukraine agreed to an immediate ceasefire to halt the conflict that "
                    "reignited on May 7.")
    assert [day for e, day in written_days(own, anchors) if e.kind == "agreement"] == ["2021-05-24"]
    assert [day for e, day in written_days(other, anchors) if e.kind == "agreement"] == [None]


def test_a_weekday_with_its_day_beside_it_must_agree_with_it() -> None:
    anchors = _days("2025-07-26", "2025-08-10")
    text = "Marco Rubio and Sergei Lavrov met in Geneva on Monday (July 28) local time."
    hits = scan(text)
    weekday = next(h for h in hits if h[3] == "weekday")
    from communique.extract.en.dates_en import resolve_hits
    ref = resolve_hits(text, hits, 0, len(text), anchors[-1])[0]
    assert ref.start == weekday[0]
    assert written_day_en(text, hits, ref, 0, len(text), anchors) == "2025-07-28"
    wrong = text.replace("July 28", "July 29")  # a Tuesday: one of the two is wrong
    hits = scan(wrong)
    ref = resolve_hits(wrong, hits, 0, len(wrong), anchors[-1])[0]
    assert written_day_en(wrong, hits, ref, 0, len(wrong), anchors) is None
    # a weekday alone is relative: never read from a window, however narrow
    alone = "Marco Rubio and Sergei Lavrov met in Geneva on Monday."
    hits = scan(alone)
    ref = resolve_hits(alone, hits, 0, len(alone), anchors[-1])[0]
    assert written_day_en(alone, hits, ref, 0, len(alone), anchors[-1:]) is None


def test_a_bare_japanese_day_needs_one_month_for_every_possible_publication_day() -> None:
    assert written_day_ja("7月28日", _days("2025-07-24", "2026-01-26")) == "2025-07-28"
    assert written_day_ja("28日", _days("2025-07-27", "2025-08-01")) == "2025-07-28"
    assert written_day_ja("28日", _days("2025-07-24", "2025-08-26")) is None  # July or August
    assert written_day_ja("昨日", _days("2025-07-29", "2025-07-29")) is None  # relative: never
    assert written_day_ja("火曜日", _days("2025-07-29", "2025-07-29")) is None


def test_an_undated_japanese_report_reads_its_written_days() -> None:
    dated = _report("協議の行方\n\nルビオ国務長官とラブロフ外相は7月28日、ジュネーブで会談した。", "ja")
    bare = _report("協議の行方\n\nルビオ国務長官とラブロフ外相は28日、ジュネーブで会談した。", "ja")
    relative = _report("協議の行方\n\nルビオ国務長官とラブロフ外相は昨日、ジュネーブで会談した。", "ja")
    assert _read(dated, _days("2025-07-24", "2026-01-26")) == {"meeting": "2025-07-28"}
    assert _read(bare, _days("2025-07-27", "2025-08-01")) == {"meeting": "2025-07-28"}
    assert _read(bare, _days("2025-07-24", "2026-01-26")) == {"meeting": None}
    assert _read(relative, _days("2025-07-29", "2025-07-31")) == {"meeting": None}
    topic = _report("協議の行方\n\nルビオ国務長官とラブロフ外相の会談は7月28日、ジュネーブで行われた。", "ja")
    assert _read(topic, _days("2025-07-24", "2026-01-26")) == {"meeting": "2025-07-28"}
    # the day of what the sentence goes on to tell, not of the talks its subject took part in
    other = _report("協議の行方\n\nジュネーブで協議に参加したラブロフ外相は、7月30日に声明を発表すると"
                    "明らかにした。", "ja")
    assert all(day is None for _e, day in written_days(other, _days("2025-07-24", "2025-08-26")))
