"""A small English report for the tables of cases: the text, published on a Thursday."""

from __future__ import annotations

from communique.model import Precision, Report

PUBLISHED = "2025-12-04T10:00:00+00:00"


def english_report(text: str, published: str = PUBLISHED, report_id: str = "r-case") -> Report:
    return Report(id=report_id, source="case", url=None, outlet=None, title=None, published_at=published,
                  published_precision=Precision.DATETIME, language="en", text=text, raw=b"",
                  content_type="text", encoding=None)
