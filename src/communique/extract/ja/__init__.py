"""Japanese extraction: actors, quotes, events, proposals and positions from one report.

Rules over Sudachi tokens do the work; the GiNZA dependency parser is asked only about
sentences whose speaker the rules cannot settle (see :mod:`.parse`).  Every item carries
evidence into ``report.text`` and the versioned name of the extractor that made it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from ...budget import check
from ...model import Event, Extraction, Precision, Report
from ..gazetteer import Gazetteer
from .dates_ja import normalize, written, written_day
from .document import analyse
from .events import extract_events
from .people import actors_of
from .statements import extract_quotes

QUOTES = "quotes.ja.v12"
EVENTS = "events.ja.v18"
PROPOSALS = "proposals.ja.v3"
POSITIONS = "positions.ja.v5"
ACTORS = "actors.ja.v4"
EXTRACTORS = (QUOTES, EVENTS, PROPOSALS, POSITIONS, ACTORS)

__all__ = ["EXTRACTORS", "extract", "said_days", "written_days"]

# 「会談は28日、」「協議が10日から」: a day right after the trigger, its topic; not 「協議に参加した副首相は
# …12日に共同声明を発表する」 (the day of something else the sentence goes on to tell)
_TOPIC_THEN_DAY = re.compile(r"(?:は|が|も)?[、，]?")


def extract(report: Report, gazetteer: Gazetteer, *, use_parser: bool = True) -> Extraction:
    """Everything the Japanese extractors find in one report."""
    doc = analyse(report, gazetteer)
    check("quotes")  # the report's time budget (communique.budget), between stages
    quotes = extract_quotes(doc, QUOTES, use_parser=use_parser)
    check("events")
    events, proposals, positions = extract_events(doc, quotes, EVENTS, PROPOSALS, POSITIONS)
    check("actors")
    actors = actors_of(doc, gazetteer, ACTORS)
    return Extraction(report_id=report.id, actors=actors, quotes=tuple(quotes), events=tuple(events),
                      proposals=tuple(proposals), positions=tuple(positions), extractors=EXTRACTORS)


def written_days(
    report: Report, gazetteer: Gazetteer, anchors: Sequence[date]
) -> list[tuple[Event, str | None]]:
    """The events of an undated report read again as if it were published on the last of
    ``anchors``, each with the day its own sentence writes out (「7月28日」, or 「28日」 when
    ``anchors`` leave one month for it), read as on every day of ``anchors`` (the days the report
    may have been published on) and kept only when they all read the same day; None for the
    others.  Which day dates an event is the extractor's decision; the day is kept only when every
    expression of the sentence that gives it is written out (not 「昨日」, 「同日」, a weekday), not
    from an earlier sentence (a meeting dated by the one before), and, after the trigger, only right
    after it as its topic's (「会談は28日、」)."""
    if not anchors:
        return []
    doc = analyse(replace(report, published_at=anchors[-1].isoformat()), gazetteer)
    quotes = extract_quotes(doc, QUOTES)
    events, _proposals, _positions = extract_events(doc, quotes, EVENTS, PROPOSALS, POSITIONS)
    out: list[tuple[Event, str | None]] = []
    for event in events:
        sentence = doc.sentence_at(event.evidence[0].start) if event.evidence else None
        day = None
        if event.date is not None and event.date_precision is Precision.DAY and sentence is not None:
            said = [d for d in doc.dates_in(sentence.start, sentence.end)
                    if d.value == event.date and not doc.inside_bracket(d.start)]
            if any(d.start >= event.evidence[0].end
                   and not _TOPIC_THEN_DAY.fullmatch(doc.text, event.evidence[0].end, d.start) for d in said):
                said = []  # a day after the trigger dates it only as its topic's (「会談は28日、」)
            read = {written_day(d.text, list(anchors)) for d in said}
            day = read.pop() if len(read) == 1 else None
        out.append((event, day))
    return out


# what follows a day that dates a remark: 「15日、」, 「15日の記者会見で」, 「15日夜」,
# 「15日(日本時間16日)」;
# not a day the sentence gives to something else (「期限の8月1日に迫る」, 「26日まで」, 「8月1日については」)
_SAID_DAY_THEN = re.compile(r"[、，,(（\s]|の|に、|(?:午前|午後|夜|朝|昼|夕|未明|深夜)")


def said_days(
    report: Report, gazetteer: Gazetteer, anchors: Sequence[date]
) -> dict[tuple[int, int], frozenset[str]]:
    """The days each quote of an undated report (by its evidence span) may have been said on:
    the report read as if published on the last of ``anchors``, the expression that dates the
    quote (the extractor's decision: its sentence's day before the verb of saying, or the
    speaker's day from an earlier sentence) read on every day of ``anchors``.  Kept only when
    that expression writes out its day (「4月15日」, a bare 「15日」), never 「昨日」, 「同日」 or a
    weekday; a bare day gives the same day of each month the anchors cover."""
    if not anchors:
        return {}
    doc = analyse(replace(report, published_at=anchors[-1].isoformat()), gazetteer)
    out: dict[tuple[int, int], frozenset[str]] = {}
    for quote in extract_quotes(doc, QUOTES):
        if quote.said_on is None or quote.said_on_precision is not Precision.DAY or not quote.evidence:
            continue
        start = quote.evidence[0].start
        sentence = doc.sentence_at(start)
        if sentence is None:
            continue
        same = [d for d in doc.dates_in(sentence.start, sentence.end) if d.value == quote.said_on]
        earlier = [d for d in doc.dates if d.end <= sentence.start and d.value == quote.said_on]
        mention = same[-1] if same else (earlier[-1] if earlier else None)
        if mention is None or not written(mention.text) or not _SAID_DAY_THEN.match(doc.text, mention.end):
            continue
        days = set()
        for anchor in anchors:
            value, precision = normalize(mention.text, anchor)
            if value is None or precision is not Precision.DAY:
                break
            days.add(value)
        else:
            out[(start, quote.evidence[0].end)] = frozenset(days)
    return out

