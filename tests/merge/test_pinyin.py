"""Chinese names written in kanji by Japanese reports are the pinyin names of English reports."""

from __future__ import annotations

import pytest

from communique.extract.gazetteer import load
from communique.merge.actors import canonical_id
from communique.merge.pinyin import is_chinese_name, pinyin_name


@pytest.mark.parametrize(("name", "latin"), [
    ("何立峰", "he-lifeng"),
    ("李成鋼", "li-chenggang"),  # a Japanese form of a character (鋼) reads as its Chinese one
    ("王文涛", "wang-wentao"),
    ("林剣", "lin-jian"),
    ("郭嘉昆", "guo-jiakun"),
    ("高市早苗", None),  # a Japanese family name of two characters
    ("林芳正", None),  # 林 with a Japanese given name after it
    ("高橋", None),
    ("金正恩", None),  # a Korean name: its English spelling is not pinyin
    ("ベッセント", None),
    ("何", None),
])
def test_pinyin_name(name: str, latin: str | None) -> None:
    assert pinyin_name(name) == latin


def test_chinese_and_japanese_names_are_told_apart() -> None:
    assert is_chinese_name("胡錦濤") and not is_chinese_name("石破茂")


def test_one_person_in_both_languages() -> None:
    gazetteer = load()
    assert canonical_id("person:何立峰", gazetteer) == "person:he-lifeng"
    assert canonical_id("person:He Lifeng", gazetteer) == "person:he-lifeng"
    assert canonical_id("person:李成鋼", gazetteer) == canonical_id("person:li-chenggang", gazetteer)
