"""Paragraphs, quotation spans and sentences of a cleaned English report, with offsets.

Quotation marks are paired per paragraph with their context (an opening mark follows a
space or the start, a closing one precedes a space, punctuation or the end), so that
straight and curly marks, apostrophes ("Russia's", "leaders’") and stray marks do not
derail the rest of the report: a mark that cannot be paired is ignored, never fatal.
A quotation left open at the end of a paragraph is continued when the next paragraph
opens with a quotation mark (the English convention for quotes over several paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import rx

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
_DOUBLE_MARKS = re.compile('["“”„«»]')
_SINGLE_MARKS = re.compile("['‘’]")
_OPEN_BEFORE = set(" \t\n([{—–-/:;") | {""}
_CLOSE_AFTER = set(" \t\n)]}.,;:!?—–-/…") | {""}


@dataclass(slots=True)
class QuoteSpan:
    """Characters between a pair of quotation marks (``start``/``end`` exclude the marks)."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when the paragraph ends open
    paragraph: int
    single: bool = False
    continues: bool = False  # left open, continued by the next paragraph's opening mark
    continued: bool = False  # this paragraph's opening continues the previous paragraph's quote


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    quotes: list[QuoteSpan] = field(default_factory=list)


@dataclass(slots=True)
class Paragraph:
    index: int
    start: int
    end: int
    quotes: list[QuoteSpan] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)


def paragraphs(text: str) -> list[Paragraph]:
    out: list[Paragraph] = []
    for match in rx.finditer(r"[^\n]+", text):
        if match.group().strip():
            s, e = match.span()
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            out.append(Paragraph(index=len(out), start=s, end=e))
    return out


_TWO_MARKS = re.compile(r"''|``")


def quote_marks(text: str) -> str:
    """The text with quotation marks typed as two characters ('' and ``, as in some archives and
    wire feeds: ''It's more tinkering,'' said ...) written as one curly mark and a space, so that
    every offset stays the same: an opening pair before a word becomes ' “', a closing pair after
    one becomes '” '."""
    if "''" not in text and "``" not in text:
        return text
    chars = list(text)
    for m in _TWO_MARKS.finditer(text):
        i = m.start()
        before = text[i - 1] if i else ""
        after = text[i + 2] if i + 2 < len(text) else ""
        if m.group() == "``" or (before in _OPEN_BEFORE and after not in " \t\n"):
            chars[i], chars[i + 1] = " ", "“"
        elif before not in " \t\n":
            chars[i], chars[i + 1] = "”", " "
    return "".join(chars)


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def _marks(text: str, start: int, end: int, single: bool) -> list[tuple[int, str]]:
    """Candidate marks in [start, end) as (offset, 'open' | 'close' | 'either')."""
    out: list[tuple[int, str]] = []
    opens = SINGLE_OPEN if single else DOUBLE_OPEN
    closes = SINGLE_CLOSE if single else DOUBLE_CLOSE
    straight = "'" if single else '"'
    for found in (_SINGLE_MARKS if single else _DOUBLE_MARKS).finditer(text, start, end):
        i = found.start()
        ch = text[i]
        before = text[i - 1] if i > start else ""
        after = text[i + 1] if i + 1 < end else ""
        if single:
            # Apostrophes: inside a word (Russia's, don't), after s (leaders'), before a
            # decade ('90s).  Only marks at a word edge can be quotation marks.
            if _is_letter(before) and _is_letter(after):
                continue
            if ch != SINGLE_OPEN and before in ("s", "S") and after in (" ", ""):
                # leaders' / leaders’: a plural possessive unless an opening mark is pending
                out.append((i, "close?"))
                continue
        open_ctx = before in _OPEN_BEFORE or before in opens or before == straight
        open_ctx = open_ctx and (after not in (" ", "") or ch in opens)
        close_ctx = (after in _CLOSE_AFTER or after in closes or after == straight) and before not in (
            " ",
            "",
        )
        if ch in opens and not close_ctx:
            out.append((i, "open"))
        elif ch in closes and not open_ctx:
            out.append((i, "close"))
        elif open_ctx and not close_ctx:
            out.append((i, "open"))
        elif close_ctx and not open_ctx:
            out.append((i, "close"))
        elif ch in opens:
            out.append((i, "open"))
        elif ch in closes:
            out.append((i, "close"))
        else:
            out.append((i, "either"))
    return out


def _pair(text: str, para: Paragraph, single: bool, skip: list[QuoteSpan]) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    marks = _marks(text, para.start, para.end, single)
    if skip:
        marks = [
            (i, k) for i, k in marks if not any(q.open_mark <= i <= (q.close_mark or q.end) for q in skip)
        ]
    opened: int | None = None
    for i, kind in marks:
        if opened is None:
            if kind in ("open", "either"):
                opened = i
            continue
        if kind in ("close", "either", "close?"):
            if i > opened + 1:
                spans.append(
                    QuoteSpan(
                        start=opened + 1,
                        end=i,
                        open_mark=opened,
                        close_mark=i,
                        paragraph=para.index,
                        single=single,
                    )
                )
            opened = None
        elif kind == "open":
            # A second opening mark while one is open: the first was stray, or an opening
            # for a quote inside the quote (double marks do not nest): start over here.
            opened = i
    if opened is not None and not single:
        end = para.end
        if end > opened + 1:
            spans.append(
                QuoteSpan(
                    start=opened + 1,
                    end=end,
                    open_mark=opened,
                    close_mark=None,
                    paragraph=para.index,
                    single=False,
                )
            )
    return spans


def find_quotes(text: str, paras: list[Paragraph]) -> None:
    """Fill ``paragraph.quotes`` (double marks first, single marks outside them)."""
    for para in paras:
        doubles = _pair(text, para, single=False, skip=[])
        singles = (
            _pair(text, para, single=True, skip=doubles)
            if ("'" in text[para.start : para.end] or SINGLE_OPEN in text[para.start : para.end])
            else []
        )
        # single quotes inside double quotes are quotes within quotes: part of the text
        singles = [q for q in singles if not any(d.start <= q.open_mark < d.end for d in doubles)]
        para.quotes = sorted(doubles + singles, key=lambda q: q.start)
    for prev, nxt in zip(paras, paras[1:], strict=False):
        if not prev.quotes or prev.quotes[-1].close_mark is not None:
            continue
        if nxt.quotes and nxt.quotes[0].open_mark == nxt.start:
            prev.quotes[-1].continues = True
            nxt.quotes[0].continued = True
    # An open quote not continued: keep it only up to its sentence end (a stray mark).
    for para in paras:
        for q in para.quotes:
            if q.close_mark is None and not q.continues:
                stop = rx.search(r"[.!?](?=\s|$)", text[q.start : q.end])
                if stop:
                    q.end = q.start + stop.end()


_ABBREV = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "gen",
    "lt",
    "col",
    "sen",
    "rep",
    "gov",
    "jr",
    "sr",
    "prof",
    "no",
    "vs",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "inc",
    "co",
    "corp",
    "ltd",
    "maj",
    "capt",
    "cmdr",
    "adm",
    "sgt",
    "rev",
    "pres",
    "gens",
    "sens",
    "reps",
    "messrs",
    "approx",
    "est",
    "fig",
    "al",
    "e.g",
    "i.e",
    "etc",
}
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_SENTENCE_STARTERS = {
    "The",
    "He",
    "She",
    "It",
    "They",
    "But",
    "And",
    "In",
    "On",
    "A",
    "An",
    "This",
    "That",
    "We",
    "I",
    "His",
    "Her",
    "Their",
    "Its",
    "After",
    "As",
}


def sentences(text: str, para: Paragraph) -> list[Sentence]:
    """Sentences of a paragraph; no boundary falls strictly inside a quotation span."""
    quotes = para.quotes
    out: list[Sentence] = []
    start = para.start
    for match in _BOUNDARY.finditer(text, para.start, para.end):
        cut = match.end()
        punct = match.start()
        if any(q.start < punct and cut <= q.end for q in quotes):
            continue  # inside a quotation (the closing mark itself may end a sentence)
        word = rx.search(r"([\w.]+)$", text[start : punct + 1])
        if word and text[punct] == ".":
            token = word.group(1).rstrip(".").lower()
            if token in _ABBREV:
                continue
            if rx.fullmatch(
                r"(?:[a-z]\.)*[a-z]", token
            ):  # U.S. / U.K., an initial (or "on X."): a boundary only before a sentence starter
                nxt = rx.match(r"\s+(\w+)", text[cut : para.end])
                if not nxt or nxt.group(1) not in _SENTENCE_STARTERS:
                    continue
        out.append(Sentence(start=start, end=cut, paragraph=para.index))
        start = cut
        while start < para.end and text[start].isspace():
            start += 1
    if start < para.end:
        out.append(Sentence(start=start, end=para.end, paragraph=para.index))
    for sent in out:
        sent.quotes = [q for q in quotes if sent.start <= q.open_mark < sent.end]
    return out


def segment(text: str) -> list[Paragraph]:
    paras = paragraphs(text)
    find_quotes(text, paras)
    for para in paras:
        para.sentences = sentences(text, para)
    return paras
