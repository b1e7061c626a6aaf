"""Japanese names in Latin letters: one person in both languages (a table of cases)."""

from __future__ import annotations

import pytest

from communique.extract.gazetteer import load
from communique.merge.actors import by_family_name, canonical_id
from communique.merge.romaji import kana_to_romaji, romanized_name


@pytest.mark.parametrize(("kana", "latin"), [
    ("アカザワ", "akazawa"), ("リョウセイ", "ryosei"), ("シンゾウ", "shinzo"), ("キョウコ", "kyoko"),
    ("ハットリ", "hattori"), ("マッチ", "matchi"), ("ユウコ", "yuko"), ("オオタ", "ota"),
])
def test_kana_to_romaji(kana: str, latin: str) -> None:
    assert kana_to_romaji(kana) == latin


@pytest.mark.parametrize(("name", "latin"), [
    ("赤沢亮正", "ryosei-akazawa"),
    ("赤澤亮正", "ryosei-akazawa"),  # the old form of a character reads the same
    ("赤沢", "akazawa"),
    ("茂木敏充", "toshimitsu-motegi"),
    ("何立峰", None),  # a Chinese name read the Japanese way is not its English name
    ("王毅", None),
    ("ベッセント", None),  # a foreign name in katakana: its spelling cannot be recovered
])
def test_romanized_name(name: str, latin: str | None) -> None:
    assert romanized_name(name) == latin


def test_a_japanese_name_and_its_english_spelling_are_one_actor() -> None:
    gazetteer = load()
    assert canonical_id("person:赤沢亮正", gazetteer) == canonical_id("person:ryosei-akazawa", gazetteer)


@pytest.mark.parametrize(("person", "known", "found"), [
    ("person:akazawa", ["person:ryosei-akazawa", "person:kari-solberg"], "person:ryosei-akazawa"),
    ("person:akazawa", ["person:ryosei-akazawa", "person:kenji-akazawa"], None),  # two of that name
    ("person:ryosei-akazawa", ["person:kenji-akazawa"], None),  # a full name is never folded
])
def test_family_name_alone(person: str, known: list[str], found: str | None) -> None:
    assert by_family_name(person, known) == found


def test_a_katakana_spelling_the_gazetteer_lacks_still_names_its_person() -> None:
    from communique.merge.romaji import katakana_skeleton, skeleton

    gazetteer = load()
    # one Japanese outlet writes ベセント where the gazetteer has ベッセント
    assert canonical_id("person:ベセント", gazetteer) == "scott-bessent"
    assert katakana_skeleton("ベセント") == skeleton("Bessent")
    # a name nobody in the gazetteer carries stays its own person
    assert canonical_id("person:タナカ", gazetteer) == "person:タナカ"
