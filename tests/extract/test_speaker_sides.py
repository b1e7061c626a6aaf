"""What a report tells of a person the gazetteer does not know, so that the record can find him
again: 「オマーンのナセル外相」 is Oman's minister (his side, for his one office), and a headline's
"Foreign Minister Announces Fourth Talks" names no one."""

from __future__ import annotations

from communique.extract import en, ja
from communique.extract.gazetteer import load
from communique.model import Precision, Report

from .cases import english_report


def _japanese(body: str) -> Report:
    text = "見出し\n\n" + body
    return Report(id=Report.make_id(None, text), source="test", url=None, outlet=None, title="見出し",
                  published_at="2026-02-02T10:00:00+09:00", published_precision=Precision.DATETIME,
                  language="ja", text=text, raw=text.encode(), content_type="text", encoding="utf-8")


def test_a_japanese_title_after_a_country_gives_its_holder_that_side() -> None:
    extraction = ja.extract(_japanese("オマーンのナセル外相は2日、「協議は有益だった」と述べた。"), load())
    person = next(a for a in extraction.actors if a.kind == "person")
    assert {(r.title_ja, r.affiliation) for r in person.roles} == {("外相", "oman")}


def test_a_japanese_title_with_no_country_before_it_gives_no_side() -> None:
    extraction = ja.extract(_japanese("ナセル外相は2日、「協議は有益だった」と述べた。"), load())
    person = next(a for a in extraction.actors if a.kind == "person")
    assert {r.affiliation for r in person.roles} == {None}


def test_a_headlines_verb_after_a_title_is_no_name() -> None:
    text = ("Omani Foreign Minister Announces Fourth Freedonia, U.S. Talks\n\n"
            "The fourth round will be held on Sunday, Omani Foreign Minister Nasser Harthi said on Friday.")
    ids = {a.id for a in en.extract(english_report(text), load()).actors}
    assert not any(i.startswith("person:announces") for i in ids), ids
    assert "person:nasser-harthi" in ids
