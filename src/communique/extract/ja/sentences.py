"""Japanese sentences and bracketed spans, with exact offsets into the report text.

GiNZA's splitter breaks inside 「…。…」; this one does not.  Brackets are matched per
paragraph with a stack; an opening bracket that never closes is ignored (so one stray 「
cannot swallow the rest of a report).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_TO_CLOSE = {"「": "」", "『": "』", "（": "）", "(": ")", "【": "】", "〈": "〉", "《": "》", "“": "”"}
CLOSE_TO_OPEN = {v: k for k, v in OPEN_TO_CLOSE.items()}
QUOTE_OPENERS = "「『"
_ENDERS = "。！？!?"
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Bracket:
    """A matched pair: ``text[open]`` is the opener, ``text[close]`` the closer."""

    open: int
    close: int
    mark: str
    depth: int  # 0 at top level

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int
    first_in_paragraph: bool


def brackets(text: str, start: int = 0, end: int | None = None) -> list[Bracket]:
    """Matched bracket pairs within ``text[start:end]`` (one paragraph), sorted by opener."""
    end = len(text) if end is None else end
    stack: list[tuple[int, str]] = []
    pairs: list[Bracket] = []
    for i in range(start, end):
        ch = text[i]
        if ch in OPEN_TO_CLOSE and not (ch == "“" and stack and stack[-1][1] == "“"):
            stack.append((i, ch))
        elif ch in CLOSE_TO_OPEN:
            opener = CLOSE_TO_OPEN[ch]
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][1] == opener:
                    pairs.append(Bracket(stack[depth][0], i, opener, depth))
                    del stack[depth:]
                    break
    pairs.sort(key=lambda b: b.open)
    return _redepth(pairs)


def _redepth(pairs: list[Bracket]) -> list[Bracket]:
    """Depths counted over matched pairs only (an unmatched opener does not nest)."""
    out: list[Bracket] = []
    open_stack: list[Bracket] = []
    for pair in pairs:
        while open_stack and open_stack[-1].close < pair.open:
            open_stack.pop()
        out.append(Bracket(pair.open, pair.close, pair.mark, len(open_stack)))
        open_stack.append(pair)
    return out


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Offsets of every non-empty line (a paragraph of the cleaned text)."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def split(text: str) -> tuple[list[Sentence], list[Bracket]]:
    """Sentences of a whole report, and every matched bracket pair in it."""
    sentences: list[Sentence] = []
    all_pairs: list[Bracket] = []
    for p_index, (p_start, p_end) in enumerate(paragraphs(text)):
        pairs = brackets(text, p_start, p_end)
        all_pairs.extend(pairs)
        inside = _covered(pairs, p_start, p_end)
        s_start = p_start
        first = True
        i = p_start
        while i < p_end:
            ch = text[i]
            if ch in _ENDERS and not inside[i - p_start]:
                j = i + 1
                while j < p_end and text[j] in _ENDERS + "」』）)":
                    j += 1
                sentences.append(_make(text, len(sentences), s_start, j, p_index, first))
                first = False
                while j < p_end and text[j] in " \u3000\t":
                    j += 1
                s_start = i = j
                continue
            i += 1
        if s_start < p_end and text[s_start:p_end].strip():
            sentences.append(_make(text, len(sentences), s_start, p_end, p_index, first))
    return sentences, all_pairs


def _make(text: str, index: int, start: int, end: int, paragraph: int, first: bool) -> Sentence:
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(index, start, end, text[start:end], paragraph, first)


def _covered(pairs: list[Bracket], start: int, end: int) -> list[bool]:
    inside = [False] * (end - start)
    for pair in pairs:
        if pair.depth == 0:
            for k in range(pair.open + 1 - start, pair.close - start):
                inside[k] = True
    return inside
