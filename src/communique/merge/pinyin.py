"""Chinese personal names in Latin letters, so that one person is one actor in both languages.

Japanese reports write a Chinese name in kanji (何立峰, 李成鋼); English reports write its pinyin,
family name first (He Lifeng, Li Chenggang).  Read the Japanese way the kanji give another name
(カ・リッポウ), so the romaji of :mod:`.romaji` cannot link them; the pinyin of the characters
can: ``pypinyin`` reads simplified, traditional and Japanese forms of a character alike
(鋼, 剣, 呉), and the family name stays first: ``he-lifeng``.

A kanji name is taken for a Chinese one when it begins with a common Chinese family name and
Sudachi does not read it as a Japanese family name plus given name (高市早苗, 林芳正 stay
Japanese).  Surnames that in Japanese reports almost always belong to Koreans (金, 朴, 尹) are
left alone: their English spellings (Kim, Park, Yoon) are not pinyin.
"""

from __future__ import annotations

import re
from functools import cache

_KANJI = re.compile(r"[\u4e00-\u9fff]{2,4}")
# Single-character Japanese family names that are also common Chinese ones: with a given name
# Sudachi knows after them (林芳正), the name is Japanese.
_JAPANESE_TOO = frozenset("林秦柳森原堀")
_KOREAN = frozenset("金朴尹兪盧玄")


@cache
def _surnames() -> frozenset[str]:
    from ..extract.ja.lexicon import CJK_SURNAMES

    return frozenset(CJK_SURNAMES) - _KOREAN


def _reads_japanese(name: str) -> bool:
    """Sudachi reads the name as a Japanese family name (of two characters or more, or one of the
    few single-character ones shared with Chinese, then a given name)."""
    from sudachipy import SplitMode

    from .romaji import _tokenizer

    tokens = list(_tokenizer().tokenize(name, SplitMode.A))
    first, rest = tokens[0], tokens[1:]
    if first.part_of_speech()[2:4] != ("人名", "姓"):
        return False
    if len(first.surface()) >= 2:  # 高市, 高橋: a Japanese family name, with or without a given name
        return True
    return first.surface() in _JAPANESE_TOO and bool(rest) and all(
        t.part_of_speech()[2:4] == ("人名", "名") for t in rest)


def is_chinese_name(name: str) -> bool:
    """A person's name in kanji that reads as a Chinese name (何立峰, 李強), not a Japanese one."""
    if not _KANJI.fullmatch(name) or name[0] not in _surnames():
        return False
    return not _reads_japanese(name)


def pinyin_name(name: str) -> str | None:
    """``family-given`` in toneless pinyin for a Chinese name in kanji (何立峰 -> he-lifeng), else None."""
    if not is_chinese_name(name):
        return None
    from pypinyin import lazy_pinyin

    syllables = lazy_pinyin(name, errors="ignore")
    if len(syllables) != len(name) or not all(s.isascii() and s.isalpha() for s in syllables):
        return None
    return syllables[0] + "-" + "".join(syllables[1:])
