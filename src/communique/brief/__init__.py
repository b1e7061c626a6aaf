"""Briefings in the shape of the seed article, in Japanese or English, every sentence cited.

    from communique import brief, pipeline
    with pipeline.open_store("communique.db") as store:
        records = list(pipeline.export_records(store))
    briefing = brief.brief(records, lang="ja", as_of="2025-12-08")
    print(brief.render(briefing, "md"))

A pure stage: export-format records in, a :class:`Briefing` out; no store, no clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ..extract.gazetteer import Gazetteer
from .compose import BriefError, compose
from .model import Briefing, Citation, Dropped, EvidenceRef, Reference, Section, Sentence
from .record import Record, newest_report_date
from .render import FORMATS, render
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


def brief(
    records: Iterable[Record],
    *,
    lang: str,
    as_of: str | date,
    since: str | date | None = None,
    gazetteer: Gazetteer | None = None,
    story_id: str | None = None,
) -> Briefing:
    """The briefing of a story as of a day, in ``lang`` ("ja" or "en"), from export-format records.

    Reports published after ``as_of`` are ignored; ``since`` adds a "what changed" section.
    """
    return compose(records, lang=lang, as_of=as_of, since=since, gazetteer=gazetteer, story_id=story_id)
