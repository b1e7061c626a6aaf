"""Reports and quotes written for merge tests: a report of one outlet named after its id, a
quote located in its report's text."""

from __future__ import annotations

from communique.merge import merge
from communique.model import Evidence, Extraction, Precision, Quote, Report


def report(rid: str, text: str, published: str | None, language: str = "en") -> Report:
    return Report(
        id=rid,
        source=rid,
        url=None,
        outlet=rid,
        title=f"Headline of {rid}",
        published_at=published,
        published_precision=Precision.DAY if published else Precision.UNKNOWN,
        language=language,
        text=text,
        raw=b"",
        content_type="text",
        encoding="utf-8",
    )


def quote(qid: str, report: Report, words: str, said_on: str | None, *, direct: bool = True,
          speaker: str = "marta-ilves", speaker_text: str = "Ilves") -> Quote:
    start = report.text.index(words)
    return Quote(
        id=qid,
        speaker_id=speaker,
        speaker_text=speaker_text,
        text=words,
        language=report.language,
        direct=direct,
        verb="said",
        said_on=said_on,
        said_on_precision=Precision.DAY if said_on else Precision.UNKNOWN,
        hedge=None,
        evidence=(Evidence(report_id=report.id, start=start, end=start + len(words)),),
        extractor="test",
    )


def statements_of_two(text: str, first: str, second: str, day: str = "2026-05-04") -> dict[str, str]:
    """The statement each of two quotes of one report (``q-0``, ``q-1``) is placed in."""
    one = report("r", text, day)
    record = merge([one], [Extraction(report_id="r", quotes=(quote("q-0", one, first, day),
                                                               quote("q-1", one, second, day)))])
    return record.statement_of
