"""Japanese personal names in Latin letters, so that one person is one actor in both languages.

An English report names 「赤沢亮正」 as Ryosei Akazawa.  Sudachi tags the family and given names
of a Japanese name (人名 姓 / 名) and gives their readings in katakana; the readings become
Hepburn romaji without long-vowel marks (リョウセイ -> ryosei, as English-language outlets write
it), in English order: ``ryosei-akazawa``.  A name Sudachi does not split into family and given
name, a Chinese or Korean name written in kanji (read the Japanese way, it would not be the name
English reports use), or a name in katakana (a foreign name: its English spelling cannot be
recovered) gets no romaji.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

_KANA = {
    "ア": "a", "イ": "i", "ウ": "u", "エ": "e", "オ": "o",
    "カ": "ka", "キ": "ki", "ク": "ku", "ケ": "ke", "コ": "ko",
    "サ": "sa", "シ": "shi", "ス": "su", "セ": "se", "ソ": "so",
    "タ": "ta", "チ": "chi", "ツ": "tsu", "テ": "te", "ト": "to",
    "ナ": "na", "ニ": "ni", "ヌ": "nu", "ネ": "ne", "ノ": "no",
    "ハ": "ha", "ヒ": "hi", "フ": "fu", "ヘ": "he", "ホ": "ho",
    "マ": "ma", "ミ": "mi", "ム": "mu", "メ": "me", "モ": "mo",
    "ヤ": "ya", "ユ": "yu", "ヨ": "yo",
    "ラ": "ra", "リ": "ri", "ル": "ru", "レ": "re", "ロ": "ro",
    "ワ": "wa", "ヰ": "i", "ヱ": "e", "ヲ": "o", "ン": "n",
    "ガ": "ga", "ギ": "gi", "グ": "gu", "ゲ": "ge", "ゴ": "go",
    "ザ": "za", "ジ": "ji", "ズ": "zu", "ゼ": "ze", "ゾ": "zo",
    "ダ": "da", "ヂ": "ji", "ヅ": "zu", "デ": "de", "ド": "do",
    "バ": "ba", "ビ": "bi", "ブ": "bu", "ベ": "be", "ボ": "bo",
    "パ": "pa", "ピ": "pi", "プ": "pu", "ペ": "pe", "ポ": "po",
    "ヴ": "vu",
}
_SMALL = {"ャ": "ya", "ュ": "yu", "ョ": "yo"}
_KANJI = re.compile(r"^[\u4e00-\u9fff々]+$")


def kana_to_romaji(kana: str) -> str:
    """Katakana in Hepburn without long-vowel marks: ou, oo and uu shortened (リョウセイ -> ryosei)."""
    out: list[str] = []
    double = False
    for ch in kana:
        if ch == "ッ":
            double = True
            continue
        if ch in _SMALL and out:
            prev = out.pop()
            stem = prev[:-1]
            syllable = (stem if stem in ("sh", "ch", "j") else stem + "y") + _SMALL[ch][1]
            syllable = syllable.replace("shy", "sh").replace("chy", "ch").replace("jy", "j")
        elif ch == "ー":
            continue
        else:
            syllable = _KANA.get(ch, "")
        if double and syllable:
            syllable = ("t" if syllable.startswith("ch") else syllable[0]) + syllable
            double = False
        out.append(syllable)
    text = "".join(out)
    return re.sub(r"ou|oo", "o", text).replace("uu", "u")


@cache
def _tokenizer() -> Any:
    from sudachipy import Dictionary

    return Dictionary(dict="core").create()


def romanized_name(name: str) -> str | None:
    """``given-family`` (or ``family`` alone) in romaji for a Japanese name in kanji, else None."""
    if not _KANJI.match(name) or not 2 <= len(name) <= 6:
        return None
    from ..extract.ja.lexicon import CJK_SURNAMES

    if name[0] in CJK_SURNAMES or name[:2] in CJK_SURNAMES:
        return None
    from sudachipy import SplitMode

    family: list[str] = []
    given: list[str] = []
    for m in _tokenizer().tokenize(name, SplitMode.A):
        pos = m.part_of_speech()
        if pos[2] != "人名" or pos[3] not in ("姓", "名"):
            return None
        (family if pos[3] == "姓" else given).append(kana_to_romaji(m.reading_form()))
        if pos[3] == "姓" and given:
            return None  # family name after the given name: not a Japanese name's order
    if not family:
        return None
    return "-".join([*given, *family]) if given else "-".join(family)


def family_name(name: str) -> str | None:
    """The family name of a Japanese name in kanji as written (赤沢亮正 -> 赤沢), else None."""
    if not _KANJI.match(name) or len(name) < 3:
        return None
    from sudachipy import SplitMode

    tokens = list(_tokenizer().tokenize(name, SplitMode.A))
    first = tokens[0] if tokens else None
    if first is None or len(tokens) < 2 or first.part_of_speech()[2:4] != ("人名", "姓"):
        return None
    return str(first.surface())
