"""One report analysed once: sentences, brackets, Sudachi tokens, actor mentions, dates.

Every later step (quotes, events, positions) reads this; nothing here parses syntax.
Sudachi (SplitMode C) tokenizes every paragraph; GiNZA is left to :mod:`.parse`.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any, NamedTuple

from ...model import Report
from ..gazetteer import Gazetteer
from . import sentences as sent
from .actors import Mention, find_mentions
from .dates_ja import DateMention, find_dates, reference_date, with_relatives
from .lexicon import KATAKANA_TITLES

_MAX_CHUNK = 8000  # Sudachi refuses inputs over ~49 kB; paragraphs are far shorter


class Token(NamedTuple):
    """One Sudachi token: offsets into the report text, the first four POS levels, the lemma.

    A named tuple, not a dataclass: a report has thousands and they are built in a hot loop.
    """

    start: int
    end: int
    pos: tuple[str, ...]
    lemma: str


@dataclass(slots=True)
class Doc:
    report: Report
    text: str
    ref: date | None
    sentences: list[sent.Sentence]
    brackets: list[sent.Bracket]
    tokens: list[Token]
    mentions: list[Mention]
    dates: list[DateMention]
    _token_starts: list[int]
    _mention_starts: list[int]
    _quote_opens: list[int] | None = None
    _quote_tops: list[sent.Bracket] = field(default_factory=list)

    def sentence_at(self, pos: int) -> sent.Sentence | None:
        for s in self.sentences:
            if s.start <= pos < s.end:
                return s
        return None

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        i = bisect_right(self._mention_starts, start - 1)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        return [d for d in self.dates if start <= d.start and d.end <= end]

    def tokens_in(self, start: int, end: int) -> list[Token]:
        i = bisect_right(self._token_starts, start - 1)
        out = []
        while i < len(self.tokens) and self.tokens[i].start < end:
            out.append(self.tokens[i])
            i += 1
        return out

    def inside_bracket(self, pos: int) -> sent.Bracket | None:
        """The top-level quote bracket containing ``pos`` (exclusive of the marks), if any."""
        if self._quote_opens is None:
            self._quote_tops = [b for b in self.brackets if b.mark in sent.QUOTE_OPENERS and b.depth == 0]
            self._quote_opens = [b.open for b in self._quote_tops]
        k = bisect_right(self._quote_opens, pos - 1) - 1  # top-level quotes do not overlap
        if k >= 0 and pos < self._quote_tops[k].close:
            return self._quote_tops[k]
        return None


@cache
def _tokenizer() -> tuple[Any, Any]:
    from sudachipy import tokenizer

    from ...sudachi import dictionary

    return dictionary().create(), tokenizer.Tokenizer.SplitMode.C


def in_round_brackets(text: str, start: int, at: int) -> bool:
    """Whether ``at`` is inside round brackets opened after ``start``: an aside, such as the
    same moment in another time zone 「米東部時間6日午後（日本時間7日午前）」."""
    head = text[start:at]
    opened = max(head.rfind("("), head.rfind("（"))
    return opened >= 0 and max(head.rfind(")"), head.rfind("）")) < opened


def tokenize(text: str) -> list[Token]:
    """Sudachi tokens (mode C) of a whole text, with offsets into it."""
    tok, mode = _tokenizer()
    tokens: list[Token] = []
    for p_start, p_end in sent.paragraphs(text):
        for c_start in range(p_start, p_end, _MAX_CHUNK):
            chunk = text[c_start:min(p_end, c_start + _MAX_CHUNK)]
            for m in tok.tokenize(chunk, mode):
                begin, end = m.begin(), m.end()
                if begin == end:
                    continue
                pos_id = m.part_of_speech_id()
                pos = _POS.get(pos_id)
                if pos is None:
                    pos = _POS[pos_id] = tuple(m.part_of_speech()[:4])
                tokens.append(Token(c_start + begin, c_start + end, pos, m.dictionary_form()))
    return tokens


_POS: dict[int, tuple[str, ...]] = {}  # Sudachi part-of-speech id -> its first four levels


def person_spans(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Runs of Sudachi 人名 tokens (joined by ・ or =), as (start, end)."""
    spans: list[tuple[int, int]] = []
    run: tuple[int, int] | None = None
    for i, token in enumerate(tokens):
        surface = text[token.start:token.end]
        is_name = token.pos[2] == "人名" or (
            token.pos[0] == "名詞" and _katakana_only(surface) and run is not None
            and surface not in KATAKANA_TITLES)
        joiner = text[token.start:token.end] in ("・", "=", "＝") and run is not None
        if is_name or (joiner and i + 1 < len(tokens) and tokens[i + 1].pos[2] == "人名"):
            run = (run[0], token.end) if run else (token.start, token.end)
            continue
        if run:
            spans.append(run)
        run = None
    if run:
        spans.append(run)
    return spans


def _katakana_only(value: str) -> bool:
    return bool(value) and all("\u30a1" <= c <= "\u30fa" or c == "ー" for c in value)


def analyse(report: Report, gazetteer: Gazetteer) -> Doc:
    text = report.text
    sentences, pairs = sent.split(text)
    tokens = tokenize(text)
    words = {t.start for t in tokens if t.end - t.start >= 2 and t.pos[2] != "人名"}
    mentions = find_mentions(text, gazetteer, person_spans(text, tokens), words)
    ref = reference_date(report.published_at)
    dates = with_relatives(text, find_dates(text, ref))
    return Doc(report, text, ref, sentences, pairs, tokens, mentions, dates,
               [t.start for t in tokens], [m.start for m in mentions])
