"""English extraction: actors, quotes, events, proposals and positions from one report.

Rules over the cleaned text and the gazetteer, plus one statistical model: spaCy's small
English NER (``names.py``, pinned in the lock), shown only the capitalised names next to an
attribution cue that the gazetteer does not know, so that any person a report names can be
a speaker.  Reports about known people never run it.  ``extract`` never gives up on a
report: a stray quotation mark or an odd sentence costs that sentence at most.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ...budget import check
from ...model import Extraction

if TYPE_CHECKING:
    from datetime import date

    from ...model import Event, Report
    from ..gazetteer import Gazetteer

__all__ = ["EXTRACTORS", "extract", "written_days"]


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


def written_days(
    report: Report, gazetteer: Gazetteer, anchors: Sequence[date]
) -> list[tuple[Event, str | None]]:
    """The events of an undated report read again as if it were published on the last of
    ``anchors``, each with the day its own clause writes out ("July 28", "Monday (July 28)"), read
    as on every day of ``anchors`` (the days the report may have been published on) and kept only
    when they all read the same day (see ``dates_en.written_day``); None for the others.  Which
    expression dates an event (and which belongs to another noun) is the extractor's decision."""
    from .context import build
    from .dates_en import DateRef, written_day
    from .events import extract_events
    from .proposals import extract_proposals
    from .quotes import extract_quotes

    if not anchors:
        return []
    ctx = build(replace(report, published_at=anchors[-1].isoformat()), gazetteer)
    quotes = extract_quotes(ctx)
    _proposals, proposal_mentions = extract_proposals(ctx)
    dated_by: dict[str, DateRef] = {}
    events = extract_events(ctx, proposal_mentions, quotes, dated_by=dated_by)
    out: list[tuple[Event, str | None]] = []
    for event in events:
        ref = dated_by.get(event.id)
        sentence = ctx.sentence_at(ref.start) if ref is not None else None
        day = None
        if ref is not None and sentence is not None:
            day = written_day(ctx.text, ctx.date_hits, ref, sentence.start, sentence.end, list(anchors))
        out.append((event, day))
    return out
