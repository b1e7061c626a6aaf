"""The day words were said is not a day the words themselves give, nor the day of another event the
sentence names: 「共同声明を12日に発表する」と明らかにした tells when a statement will come;
"negotiations held Wednesday ..., posting that ..." tells when the talks were."""

from __future__ import annotations

from communique.extract import ja
from communique.extract.en import extract
from communique.extract.gazetteer import load
from communique.model import Precision, Report

from .cases import english_report


def _ja(body: str) -> dict[str, str | None]:
    text = "見出し\n\n" + body
    report = Report(id=Report.make_id(None, text), source="test", url=None, outlet=None, title="見出し",
                    published_at="2025-12-04T10:00:00+09:00", published_precision=Precision.DATETIME,
                    language="ja", text=text, raw=text.encode(), content_type="text", encoding="utf-8")
    return {q.text: q.said_on for q in ja.extract(report, load()).quotes}


def test_a_day_inside_the_reported_words_is_not_when_they_were_said() -> None:
    found = _ja("ゼレンスキー大統領は、両国が共同声明を8日に発表することも明らかにしました。")
    assert found, "the reported clause is found"
    assert all(day != "2025-12-08" for day in found.values())
    dated = _ja("ゼレンスキー大統領は3日、両国が共同声明を発表することを明らかにしました。")
    assert "2025-12-03" in dated.values()  # the day before the clause still dates it


def test_the_day_of_other_talks_is_not_when_the_words_were_said() -> None:
    text = ("Regarding negotiations held Wednesday with Ukraine, Peskov emphasized the progress, "
            "saying that “the talks were useful.”")
    report = english_report(text, "2025-12-04T10:00:00+00:00")
    said = {q.text: q.said_on for q in extract(report, load()).quotes}
    assert said and all(day != "2025-12-03" for day in said.values())


def test_words_no_sentence_dates_carry_the_reports_part_of_the_month() -> None:
    """As in English: undated words in a report of 4 December were said in early December as far as
    the report tells (no day invented), so that their renderings in other reports can meet them."""
    found = _ja("ペスコフ大統領報道官は記者団に「協議は有益だった」と述べました。")
    assert found == {"協議は有益だった": "2025-12-01"}
    dated = _ja("ペスコフ大統領報道官は3日、記者団に「協議は有益だった」と述べました。")
    assert dated == {"協議は有益だった": "2025-12-03"}


def test_a_possessive_day_is_the_day_of_the_talks_not_of_the_words() -> None:
    """"Saturday's talks were well carried out, Khamenei said" in a report of Tuesday: the talks
    were on Saturday; the words (and the next sentence's) were not."""
    text = ("Khamenei speaks\n\nThe leader spoke to officials in Tehran.\n\n"
            "Saturday's talks were \"well carried out in the first steps\", Khamenei said. "
            "But he added that \"the negotiations may or may not yield results\".")
    report = english_report(text, "2025-04-15T10:00:00+00:00")
    said = {q.text: q.said_on for q in extract(report, load()).quotes}
    assert said and all(day != "2025-04-12" for day in said.values()), said
