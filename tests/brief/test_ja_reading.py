"""A person the record knows only by a Latin name is written in a Japanese briefing by the katakana
of a Japanese report's namesake of the same side whose names read the same (Hun Manet:
「フン・マネット」), and shortened as the Japanese reports shorten him.  Cases in our own words."""

from __future__ import annotations

from communique.brief.names import Names
from communique.extract.gazetteer import load

ACTORS = {
    "person:sok-virak": {"id": "person:sok-virak", "kind": "person",
                         "name": {"en": "Sok Virak", "ja": None},
                         "roles": [{"title": "Cambodian Foreign Minister", "affiliation": "cambodia"}]},
    "person:ソクビラク": {"id": "person:ソクビラク", "kind": "person",
                      "name": {"en": None, "ja": "ソク・ビラク"},
                      "roles": [{"title": "外相", "title_ja": "外相", "affiliation": "cambodia"}]},
    "person:mark-dolan": {"id": "person:mark-dolan", "kind": "person",
                          "name": {"en": "Mark Dolan", "ja": None},
                          "roles": [{"title": "Thai envoy", "affiliation": "thailand"}]},
}


def _names(texts: list[str]) -> Names:
    return Names(load(), ACTORS, "ja", "2025-08-01", texts=texts)


def test_the_katakana_namesake_of_the_same_side_names_him() -> None:
    names = _names(["カンボジアのソク・ビラク外相は会見した。ソク・ビラク外相は停戦を求めた。"])
    assert names.full("person:sok-virak") == "カンボジアのソク・ビラク氏"
    assert names.short("person:sok-virak") == "ソク・ビラク氏"  # the reports never write ビラク alone


def test_the_last_word_when_the_reports_write_it_alone() -> None:
    names = _names(["カンボジアのソク・ビラク外相は会見した。ビラク氏は停戦を求めた。"])
    assert names.short("person:sok-virak") == "ビラク氏"


def test_no_namesake_no_katakana() -> None:
    names = _names(["タイの特使が到着した。"])
    assert "Mark Dolan" in names.full("person:mark-dolan")
