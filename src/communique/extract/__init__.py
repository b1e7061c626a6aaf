"""Extraction: one report in, an :class:`~communique.model.Extraction` out.

Each language has its own module exposing ``EXTRACTORS`` (the versioned names it
produces, e.g. ``("quotes.en.v1", "events.en.v1")``) and ``extract(report, gazetteer)``.
Stages are pure: no store access here.
"""

from __future__ import annotations

import hashlib
from importlib import import_module

from ..model import Extraction, Report
from .gazetteer import Gazetteer, load

LANGUAGES = {"en": "communique.extract.en", "ja": "communique.extract.ja"}


def item_id(prefix: str, report_id: str, start: int, end: int, extractor: str, extra: str = "") -> str:
    """Deterministic id of an extracted item: same report, span and extractor -> same id."""
    digest = hashlib.sha256(f"{report_id}|{start}|{end}|{extractor}|{extra}".encode()).hexdigest()
    return f"{prefix}-{digest[:16]}"


def extractors_for(language: str) -> tuple[str, ...]:
    """The versioned extractor names that apply to a language (empty when unsupported)."""
    module_name = LANGUAGES.get(language)
    if module_name is None:
        return ()
    return tuple(import_module(module_name).EXTRACTORS)


def extract(report: Report, gazetteer: Gazetteer | None = None) -> Extraction:
    """Run the extractors for the report's language; an unsupported language gives nothing."""
    module_name = LANGUAGES.get(report.language)
    if module_name is None:
        return Extraction(report_id=report.id)
    module = import_module(module_name)
    result: Extraction = module.extract(report, gazetteer or load())
    return result
