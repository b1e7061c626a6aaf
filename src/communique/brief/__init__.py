"""Briefings in the shape of the seed article, in Japanese or English, every sentence cited.

    from communique import brief, pipeline
    with pipeline.open_store("communique.db") as store:
        records = list(pipeline.export_records(store))
    briefing = brief.brief(records, lang="ja", as_of="2025-12-08")
    print(brief.render(briefing, "md"))

A pure stage: export-format records in, a :class:`Briefing` out; no store, no clock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .compose import BriefError, compose
from .model import Briefing, Citation, Dropped, EvidenceRef, Reference, Section, Sentence
from .record import newest_report_date
from .render import FORMATS, render

if TYPE_CHECKING:
    from .verify import verify_briefing

__all__ = [
    "FORMATS",
    "BriefError",
    "Briefing",
    "Citation",
    "Dropped",
    "EvidenceRef",
    "Reference",
    "Section",
    "Sentence",
    "brief",
    "newest_report_date",
    "render",
    "verify_briefing",
]


brief = compose  # the public name of the deterministic writer


def __getattr__(name: str) -> Any:
    """``verify_briefing``, imported on first use: writing a briefing does not need it."""
    if name == "verify_briefing":
        from .verify import verify_briefing

        return verify_briefing
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

