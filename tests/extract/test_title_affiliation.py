"""A person the gazetteer does not know speaks for the country their title opens with ("Chinese
Vice Premier He Lifeng"), so a briefing puts them on their country's side of a meeting instead of
across from it ("Vice Premier Liang met the minister and Freedonia")."""

from __future__ import annotations

from communique.brief.names import Names
from communique.extract.en.actors_out import title_affiliation
from communique.extract.gazetteer import load


def test_a_title_opening_with_a_country_names_it() -> None:
    gazetteer = load()
    assert title_affiliation("Chinese Vice Premier", gazetteer) == "china"
    assert title_affiliation("Japanese trade negotiator", gazetteer) == "japan"
    assert title_affiliation("Vice Premier", gazetteer) is None
    assert title_affiliation("Chinese", gazetteer) is None  # a demonym alone is no title
    # the possessive, with either apostrophe
    assert title_affiliation("China’s Vice Premier", gazetteer) == "china"
    assert title_affiliation("China's chief negotiator", gazetteer) == "china"
    assert title_affiliation("former U.S. trade negotiator", gazetteer) is None  # no longer speaks for it


def test_an_unknown_person_is_on_the_side_their_titles_agree_on() -> None:
    gazetteer = load()
    actors = {
        "person:liang-wen": {"id": "person:liang-wen", "kind": "person", "roles": [
            {"title": {"en": "Vice Premier"}},
            {"title": {"en": "Chinese Vice Premier"}, "affiliation": "china"}]},
        "person:ann-roe": {"id": "person:ann-roe", "kind": "person", "roles": [
            {"title": {"en": "Envoy"}},
            {"title": {"en": "Chinese envoy"}, "affiliation": "china"},
            {"title": {"en": "Japanese adviser"}, "affiliation": "japan"}]},
    }
    names = Names(gazetteer, actors, "en", "2025-09-14")
    assert names.side("person:liang-wen") == "china"
    assert names.side("person:ann-roe") == "person:ann-roe"  # titles that disagree: no side given


def test_an_english_title_with_a_curly_apostrophe_is_no_japanese_title() -> None:
    """「中国のChina’s chief negotiator、李氏」: a typographic apostrophe makes a title not plain
    ASCII, but it is still English: a Japanese briefing leaves it out."""
    role = {"title": {"en": "China’s chief negotiator"}, "affiliation": "china"}
    actors = {"person:liang-wen": {"id": "person:liang-wen", "kind": "person", "name": {"ja": "梁文"},
                                   "roles": [role]}}
    ja = Names(load(), actors, "ja", "2025-09-14")
    assert "negotiator" not in ja.full("person:liang-wen")
    en = Names(load(), actors, "en", "2025-09-14")
    assert en.full("person:liang-wen").startswith("China’s chief negotiator")
