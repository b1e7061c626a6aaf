"""Chinese and Korean names in kanji, which Sudachi splits (何|立|峰, 李成|鋼, 廖|岷次|官).

A name is a listed surname, one or two given-name characters and a full title right after
(``何立峰副首相``, ``王毅外相``, ``李成鋼（り・せいこう）次官``); a reading in brackets between
name and title is skipped.  A bare surname with a title (``何副首相``, ``李氏``) is a name too.
The surname must not begin an ordinary word Sudachi found there (金融, 周辺, 高官).
"""

from __future__ import annotations

import re

from .lexicon import CJK_SURNAMES, CJK_TITLES, TITLE_STARTS

_READING = re.compile(r"[（(][\u3041-\u309f\u30a1-\u30fa\u30fc・]{2,16}[）)]")
_TITLES = tuple(sorted(CJK_TITLES, key=len, reverse=True))


def _is_kanji(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch == "々"


def title_at(text: str, pos: int) -> tuple[int, str]:
    """(where the title starts, the title) at ``pos``, past a reading in brackets; else (pos, "").

    After a reading the title may be a longer office ending in a listed title
    (``李成鋼（リーチョンガン）商務省国際貿易交渉代表``): the reading marks a foreign name.
    """
    reading = _READING.match(text, pos)
    start = reading.end() if reading else pos
    title = next((t for t in _TITLES if text.startswith(t, start)), "")
    if reading and not title:
        run = _OFFICE.match(text, start)
        if run:
            title = run.group()
    return start, title


_OFFICE = re.compile(r"[\u4e00-\u9fff]{1,14}?(?:" + "|".join(_TITLES) + ")")


def cjk_names(text: str, words: set[int]) -> list[tuple[int, int, int, str]]:
    """(start, name end, title start, title) of each kanji name with a title.

    ``words`` holds the starts of ordinary words of two or more characters (not names).
    """
    out: list[tuple[int, int, int, str]] = []
    for i, ch in enumerate(text):
        if ch not in CJK_SURNAMES or (i and _is_kanji(text[i - 1])) or i in words:
            continue
        for given in (2, 1, 0):
            end = i + 1 + given
            part = text[i + 1:end]
            if len(part) != given or not all(_is_kanji(c) for c in part) or set(part) & TITLE_STARTS:
                continue
            start, title = title_at(text, end)
            if title:
                out.append((i, end, start, title))
                break
    return out
