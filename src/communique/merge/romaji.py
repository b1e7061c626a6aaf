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
    from ..sudachi import dictionary

    return dictionary().create()


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


_KATAKANA = re.compile(r"^[\u30a0-\u30ff・＝=\s]+$")
_SKIP = str.maketrans("", "", "ッー・＝= ")


def is_katakana(name: str) -> bool:
    return bool(_KATAKANA.match(name)) and any(ch in _KANA or ch in _SMALL for ch in name)


def kana_key(kana: str) -> str:
    """A katakana name without the marks spellings disagree on: ベッセント and ベセント, ヴァンス
    and バンス are one key (geminate and long-vowel marks, separators, ヴ for ブ)."""
    return kana.translate(_SKIP).replace("ヴ", "ブ")


def skeleton(romaji_or_latin: str) -> str:
    """The consonants of a name in Latin letters, repeats collapsed, l as r and v as b (how
    katakana renders them): Bessent and besento, Khalil al-Hayya and hariruaruhaya agree."""
    flat = romaji_or_latin.casefold().replace("kh", "h").replace("ph", "f").replace("th", "t")
    flat = flat.replace("l", "r").replace("v", "b").replace("c", "k").replace("q", "k")
    out: list[str] = []
    for ch in flat:
        if ch.isalpha() and ch not in "aeiouyw" and (not out or out[-1] != ch):
            out.append(ch)
    return "".join(out)


def katakana_skeleton(kana: str) -> str:
    """The consonant skeleton of a katakana name read in romaji (ベセント -> bsnt)."""
    return skeleton(kana_to_romaji(kana.translate(_SKIP)).replace("tsu", "t").replace("shi", "s"))


def match_katakana(kana: str, people: dict[str, str], latin: dict[str, str]) -> str | None:
    """The one person a katakana name denotes: by its kana key among the people's Japanese
    names (``people``: kana key -> id), else by its consonant skeleton among their Latin names
    (``latin``: skeleton -> id; only skeletons of four consonants or more, one person each)."""
    if not is_katakana(kana):
        return None
    found = people.get(kana_key(kana))
    if found:
        return found
    bones = katakana_skeleton(kana)
    return latin.get(bones) if len(bones) >= 4 else None


_MAPS: dict[int, tuple[Any, dict[str, str], dict[str, str]]] = {}


def katakana_person(name: str, gazetteer: Any) -> str | None:
    """The gazetteer person a katakana name the gazetteer does not spell so denotes (ベセント:
    scott-bessent, whose entry writes ベッセント), else None."""
    if not is_katakana(name):
        return None
    held = _MAPS.get(id(gazetteer))
    if held is None or held[0] is not gazetteer:
        people: dict[str, set[str]] = {}
        latin: dict[str, set[str]] = {}
        for lang, index, keyed in (("ja", people, kana_key), ("en", latin, skeleton)):
            for form, actor_id in gazetteer.names(lang).items():
                entry = gazetteer.get(actor_id)
                if entry is not None and entry.kind == "person" and (lang == "en" or is_katakana(form)):
                    index.setdefault(keyed(form), set()).add(actor_id)
        held = (
            gazetteer,
            {k: next(iter(v)) for k, v in people.items() if len(v) == 1},
            {k: next(iter(v)) for k, v in latin.items() if len(v) == 1},
        )
        _MAPS[id(gazetteer)] = held
    return match_katakana(name, held[1], held[2])
