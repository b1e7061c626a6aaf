"""Short English reports in the team's own words, stored, extracted and merged one by one as
``communique ingest`` would (the real extractors and store)."""

from __future__ import annotations

from typing import Any

from communique import pipeline
from communique.ingest.build import build_report
from communique.model import Document

Texts = dict[str, tuple[str | None, str]]  # name -> (publication date or None, text)


def merge_texts(store: Any, texts: Texts) -> None:
    for name, (published, text) in texts.items():
        doc = Document(source=name, raw=text.encode(), content_type="text", url=f"https://example.org/{name}",
                       outlet=f"Outlet {name}", published_at=published, language="en")
        report, _warning = build_report(doc)
        pipeline.add_report(store, report)
        pipeline.extract_report(store, report)
        pipeline.merge_report(store, report.id)
    pipeline.merge(store)
