"""Shapes of error a held-out story showed the writer, in our own words: a headline keeping the
year of its date, a wording conflict read as a date conflict because its topic says "(undated)", a
quote cut at "U.S.A.", a name in quote marks told as a remark, and a host's later visitor put at an
earlier meeting in his city."""

from __future__ import annotations

from typing import Any

from communique.brief.compose import _HEADLINE_DATE
from communique.brief.record import attach_undated
from communique.brief.sections import _attribute, trim
from communique.brief.select import _words_enough


def test_a_headline_drops_the_whole_date_its_sentence_opens_with() -> None:
    assert _HEADLINE_DATE.sub("", "On August 19, 2025, Osei met Varga.") == "Osei met Varga."
    assert _HEADLINE_DATE.sub("", "2025年8月19日、オセイ氏は会談しました") == "オセイ氏は会談しました"


def test_undated_in_a_topic_is_no_date() -> None:
    assert _attribute("wording of a remark by Ama Osei (undated) [1 vs 1 independent source(s)]") == "wording"
    assert _attribute("date of the meeting in Accra") == "date"


def test_a_quote_is_not_cut_at_an_abbreviation() -> None:
    text = ("We will sell boats made in the U.S.A. to our partners, and more, to friends who stood by us in "
            "the hardest years of the war. We will also open an office.")
    assert trim(text, 60) == text  # no full sentence ends within the limit: not cut at "U.S.A."
    more = "Then we spoke of many other things at length. " * 3
    assert trim("It went well. " + more, 30) == "It went well."


def test_a_name_in_quote_marks_is_no_remark() -> None:
    def quote(text: str, direct: bool = True) -> dict[str, Any]:
        return {"text": text, "direct": direct}
    assert not _words_enough(quote("Trump Route for International Peace and Prosperity"))
    assert not _words_enough(quote("オセイ国際平和繁栄ルート"))
    assert _words_enough(quote("We will build the route for peace and prosperity"))
    assert _words_enough(quote("このルートは平和と繁栄をもたらす"))


def test_a_visitor_a_host_meets_later_is_not_at_an_earlier_meeting_in_his_city() -> None:
    """An undated "Varga met Osei in Accra" (Varga of Hungary) is not Osei's dated meeting with the
    president of Kenya there; an undated mention naming only Osei and the Kenyan still is."""
    actors = {
        "osei": {"kind": "person", "roles": [{"affiliation": "ghana"}]},
        "varga": {"kind": "person", "roles": [{"affiliation": "hungary"}]},
        "ruto": {"kind": "person", "roles": [{"affiliation": "kenya"}]},
        "ghana": {"kind": "country"}, "hungary": {"kind": "country"}, "kenya": {"kind": "country"},
    }

    def meeting(eid: str, people: list[str], date: str | None) -> dict[str, Any]:
        return {"id": eid, "kind": "meeting", "date": date, "date_precision": "day" if date else "unknown",
                "place": "Accra", "participant_ids": people,
                "evidence": [{"report_id": f"r-{eid}", "start": 0, "end": 5}]}

    dated = meeting("e1", ["osei", "ruto"], "2025-08-19")
    joined = attach_undated([dated, meeting("e2", ["varga", "osei"], None),
                             meeting("e3", ["osei", "ruto"], None)], actors)
    first = next(e for e in joined if e["id"] == "e1")
    assert {ev["report_id"] for ev in first["evidence"]} == {"r-e1", "r-e3"}
    assert any(e["id"] == "e2" for e in joined)
