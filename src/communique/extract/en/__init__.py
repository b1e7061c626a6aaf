"""English extraction: actors, quotes, events, proposals and positions from one report.

Rules over the cleaned text and the gazetteer, plus one statistical model: spaCy's small
English NER (``names.py``, pinned in the lock), shown only the capitalised names next to an
attribution cue that the gazetteer does not know, so that any person a report names can be
a speaker.  Reports about known people never run it.  ``extract`` never gives up on a
report: a stray quotation mark or an odd sentence costs that sentence at most.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...budget import check
from ...model import Extraction

if TYPE_CHECKING:
    from ...model import Report
    from ..gazetteer import Gazetteer

__all__ = ["EXTRACTORS", "extract"]


def _extractors() -> tuple[str, ...]:
    from .actors_out import ACTORS_EXTRACTOR
    from .events import EVENTS_EXTRACTOR
    from .positions import POSITIONS_EXTRACTOR
    from .proposals import PROPOSALS_EXTRACTOR
    from .quotes import EXTRACTOR as QUOTES_EXTRACTOR

    return (ACTORS_EXTRACTOR, QUOTES_EXTRACTOR, EVENTS_EXTRACTOR, PROPOSALS_EXTRACTOR, POSITIONS_EXTRACTOR)


def __getattr__(name: str) -> Any:
    """``EXTRACTORS`` (the versioned names), read from the extractors when first asked for (PEP
    562): a briefing, which reads only this package's lexicon and the name of its model, does not
    pay for compiling the extractors' rules."""
    if name != "EXTRACTORS":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    found = globals()["EXTRACTORS"] = _extractors()
    return found


def extract(report: Report, gazetteer: Gazetteer) -> Extraction:
    """Everything the English extractors find in one report."""
    from .actors_out import report_actors
    from .context import build
    from .events import extract_events
    from .positions import extract_positions
    from .proposals import extract_proposals
    from .quotes import extract_quotes

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
        extractors=_extractors(),
    )
