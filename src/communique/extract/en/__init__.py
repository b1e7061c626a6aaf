"""English extraction: actors, quotes, events, proposals and positions from one report.

Rules over the cleaned text and the gazetteer, plus one statistical model: spaCy's small
English NER (``names.py``, pinned in the lock), shown only the capitalised names next to an
attribution cue that the gazetteer does not know, so that any person a report names can be
a speaker.  Reports about known people never run it.  ``extract`` never gives up on a
report: a stray quotation mark or an odd sentence costs that sentence at most.
"""

from __future__ import annotations

from ...budget import check
from ...model import Extraction, Report
from ..gazetteer import Gazetteer
from .actors_out import ACTORS_EXTRACTOR, report_actors
from .context import build
from .events import EVENTS_EXTRACTOR, extract_events
from .positions import POSITIONS_EXTRACTOR, extract_positions
from .proposals import PROPOSALS_EXTRACTOR, extract_proposals
from .quotes import EXTRACTOR as QUOTES_EXTRACTOR
from .quotes import extract_quotes

EXTRACTORS = (ACTORS_EXTRACTOR, QUOTES_EXTRACTOR, EVENTS_EXTRACTOR, PROPOSALS_EXTRACTOR, POSITIONS_EXTRACTOR)

__all__ = ["EXTRACTORS", "extract"]


def extract(report: Report, gazetteer: Gazetteer) -> Extraction:
    """Everything the English extractors find in one report."""
    ctx = build(report, gazetteer)
    check("quotes")  # the report's time budget (communique.budget), between stages
    quotes = extract_quotes(ctx)
    check("proposals")
    proposals, proposal_mentions = extract_proposals(ctx)
    check("events")
    events = extract_events(ctx, proposal_mentions, quotes)
    check("positions")
    positions = extract_positions(ctx, quotes, proposal_mentions)
    check("actors")
    actors = report_actors(ctx, gazetteer, quotes, events, positions)
    return Extraction(
        report_id=report.id,
        actors=tuple(actors),
        quotes=tuple(quotes),
        events=tuple(events),
        proposals=tuple(proposals),
        positions=tuple(positions),
        extractors=EXTRACTORS,
    )
