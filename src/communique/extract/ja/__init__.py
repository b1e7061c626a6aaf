"""Japanese extraction: actors, quotes, events, proposals and positions from one report.

Rules over Sudachi tokens do the work; the GiNZA dependency parser is asked only about
sentences whose speaker the rules cannot settle (see :mod:`.parse`).  Every item carries
evidence into ``report.text`` and the versioned name of the extractor that made it.
"""

from __future__ import annotations

from ...budget import check
from ...model import Extraction, Report
from ..gazetteer import Gazetteer
from .document import analyse
from .events import extract_events
from .people import actors_of
from .statements import extract_quotes

QUOTES = "quotes.ja.v9"
EVENTS = "events.ja.v10"
PROPOSALS = "proposals.ja.v3"
POSITIONS = "positions.ja.v4"
ACTORS = "actors.ja.v4"
EXTRACTORS = (QUOTES, EVENTS, PROPOSALS, POSITIONS, ACTORS)

__all__ = ["EXTRACTORS", "extract"]


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
