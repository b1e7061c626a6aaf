"""Extraction: one report in, an :class:`~communique.model.Extraction` out.

Each language has its own module exposing ``EXTRACTORS`` (the versioned names it
produces, e.g. ``("quotes.en.v1", "events.en.v1")``) and ``extract(report, gazetteer)``.
Stages are pure: no store access here.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Sequence
from datetime import date
from importlib import import_module
from types import ModuleType
from typing import Any

from ..model import Event, Extraction, Precision, Report
from .gazetteer import Gazetteer, load

LANGUAGES = {"en": "communique.extract.en", "ja": "communique.extract.ja"}


def item_id(prefix: str, report_id: str, start: int, end: int, extractor: str, extra: str = "") -> str:
    """Deterministic id of an extracted item: same report, span and extractor -> same id."""
    digest = hashlib.sha256(f"{report_id}|{start}|{end}|{extractor}|{extra}".encode()).hexdigest()
    return f"{prefix}-{digest[:16]}"


def still_to_come(event: Event, published_at: str | None) -> Event:
    """A meeting or call dated to a day after its report's own is one still to come: "they will meet
    again next Saturday", read as talks held, is a planned meeting."""
    if (event.kind in ("meeting", "phone_call") and published_at and event.date
            and event.date_precision in (Precision.DAY, Precision.DATETIME)
            and event.date[:10] > published_at[:10]):
        return dataclasses.replace(event, kind="planned_meeting")
    return event


def _module(language: str) -> ModuleType | None:
    module_name = LANGUAGES.get(language)
    if module_name is None:
        return None
    try:
        return import_module(module_name)
    except ModuleNotFoundError as err:
        if err.name == module_name:  # no extractor for this language in this installation
            return None
        raise


def _reading(language: str, name: str) -> Any:
    """A language module's optional function (``written_days``, ``said_days``), or None."""
    module = _module(language)
    return getattr(module, name, None) if module is not None else None


def extractors_for(language: str) -> tuple[str, ...]:
    """The versioned extractor names that apply to a language (empty when unsupported)."""
    module = _module(language)
    return tuple(module.EXTRACTORS) if module else ()


def extract(report: Report, gazetteer: Gazetteer | None = None) -> Extraction:
    """Run the extractors for the report's language; an unsupported language gives nothing."""
    module = _module(report.language)
    if module is None:
        return Extraction(report_id=report.id)
    result: Extraction = module.extract(report, gazetteer or load())
    return result


def written_days(
    report: Report, anchors: Sequence[date], gazetteer: Gazetteer | None = None
) -> list[tuple[Event, str | None]]:
    """For a report without a publication date: its events read again as if it were published
    on the last of ``anchors``, each with the day its own clause writes out ("July 28",
    "Monday (July 28)", 「7月28日」) as read on every day of ``anchors`` (the days the report may
    have been published on; None unless they all read the same day).  Relative expressions
    ("on Monday", 「昨日」) are never read.  Empty for a language whose extractor cannot tell."""
    find = _reading(report.language, "written_days")
    if find is None or not anchors:
        return []
    found: list[tuple[Event, str | None]] = find(report, gazetteer or load(), anchors)
    return found


def said_days(
    report: Report, anchors: Sequence[date], gazetteer: Gazetteer | None = None
) -> dict[tuple[int, int], frozenset[str]]:
    """For a report without a publication date: the days each quote (by its evidence span) may
    have been said on, as the expression dating it in its own clause reads on the days of
    ``anchors`` (the days the report may have been published on).  A bare 「15日」 names the 15th
    of any month of ``anchors``, so it gives several days; which one it is, the remarks it shares
    with dated reports decide.  Only written days count (never 「昨日」 or a weekday, which name
    a day only from the report's own date).  Empty for a language whose extractor cannot tell."""
    find = _reading(report.language, "said_days")
    if find is None or not anchors:
        return {}
    found: dict[tuple[int, int], frozenset[str]] = find(report, gazetteer or load(), anchors)
    return found

