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
from .dates_ja import written_day
from .document import analyse
from .events import extract_events
from .people import actors_of
from .statements import extract_quotes

QUOTES = "quotes.ja.v10"
EVENTS = "events.ja.v17"
PROPOSALS = "proposals.ja.v3"
POSITIONS = "positions.ja.v4"
ACTORS = "actors.ja.v4"
EXTRACTORS = (QUOTES, EVENTS, PROPOSALS, POSITIONS, ACTORS)

__all__ = ["EXTRACTORS", "extract", "written_days"]

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
