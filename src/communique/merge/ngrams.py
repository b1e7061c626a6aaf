"""Wordings as character n-grams: how :mod:`.similarity` compares same-language variants, and
how a briefing tells two wordings of one remark, without the numerical library the sentence
encoder needs (a briefing loads no encoder)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTES = re.compile(r"[\"'“”‘’「」『』《》〈〉«»]")
_SPACE = re.compile(r"\s+")
PUNCT = re.compile(r"[^\w\s]")
_WIDE = re.compile("[\u3001-\U0010ffff]")  # a character past U+3000: kana, kanji, full-width forms


def wide(text: str) -> bool:
    """Whether the text has a character past U+3000 (Japanese, Chinese): one regex scan, not a
    character loop in Python (asked of both wordings of every pair compared)."""
    return _WIDE.search(text) is not None


def normalize(text: str) -> str:
    """NFKC, case-folded, quote marks dropped, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return _SPACE.sub(" ", _QUOTES.sub("", text)).strip()


@lru_cache(maxsize=65536)
def grams(text: str) -> frozenset[str]:
    """Character trigrams of the normalized text without punctuation (bigrams for CJK).

    Cached: a new quote is compared with many candidates, its forms are computed once."""
    flat = PUNCT.sub("", normalize(text)).replace(" ", "_")
    size = 2 if wide(flat) else 3
    if len(flat) <= size:
        return frozenset({flat} if flat else ())
    return frozenset(flat[i : i + size] for i in range(len(flat) - size + 1))
