"""Ingest: documents from files, folders, URLs and feeds become cleaned :class:`Report` s."""

from __future__ import annotations

import re

from ..errors import InputError
from ..model import Document, Precision, Report
from .clean import clean_text, html_to_text, split_front_matter, strip_markdown
from .decode import decode
from .meta import date_warning, dateline_date, dateline_outlet, detect_language, parse_published
from .sources import SourceOptions, expand
from .titles import split_head, usable_title

__all__ = ["SourceOptions", "build_report", "expand"]


def build_report(doc: Document) -> tuple[Report, str]:
    """Clean one document into a report.  Returns (report, warning); raises InputError."""
    warning = ""
    encoding: str | None = "utf-8"
    if doc.text is not None:
        body = doc.text
    else:
        decoded = decode(doc.raw, doc.source)
        body, encoding, warning = decoded.text, decoded.encoding, decoded.warning
    title, outlet, url = doc.title, doc.outlet, doc.url
    published, language_hint = doc.published_at, doc.language
    if doc.content_type == "html":
        page = html_to_text(body, doc.source)
        text = clean_text(page.text, single_newline_paragraphs=True)
        outlet = outlet or page.outlet
        title = usable_title(title, site=doc.outlet) or page.title
        url = url or page.url
        published = published or page.date
        language_hint = language_hint or page.language
    else:
        if doc.content_type == "markdown":
            fields, body = split_front_matter(body)
            title = title or fields.get("title")
            outlet = outlet or fields.get("outlet") or fields.get("source")
            url = url or fields.get("url")
            published = published or fields.get("published_at") or fields.get("date")
            language_hint = language_hint or fields.get("language") or fields.get("lang")
            body = strip_markdown(body)
        title = usable_title(title, site=outlet)
        text = body.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    head = split_head(text, site=outlet, known_title=title)
    text = head.body
    if title is None and head.title:
        title, text = head.title, head.body.partition("\n")[2].lstrip("\n")
    if doc.content_type != "html":
        text = clean_text(text)
    if title:
        title = " ".join(title.split())
        text = _with_title(title, text)
    if not text.strip():
        raise InputError(doc.source, "no text left after removing page furniture",
                         "check it is an article and not a navigation or consent page")
    language = detect_language(text, language_hint)
    top = f"{head.header}\n\n{text}" if head.header else text  # dates and outlets in dropped header lines
    outlet = outlet or dateline_outlet(top)
    dated = parse_published(published) or dateline_date(top, language)
    problem = date_warning(published, top, dated is not None)  # a date present but unreadable
    if problem:
        warning = f"{warning}; {problem}" if warning else problem
    report = Report(
        id=Report.make_id(url, text),
        source=doc.source,
        url=url,
        outlet=outlet,
        title=title,
        published_at=dated[0] if dated else None,
        published_precision=dated[1] if dated else Precision.UNKNOWN,
        language=language,
        text=text,
        raw=doc.raw,
        content_type=doc.content_type,
        encoding=encoding,
    )
    return report, warning


def _with_title(title: str, text: str) -> str:
    """The cleaned text starts with the headline, so headline quotes have evidence too."""
    first = text.partition("\n\n")[0]
    if _squash(first) == _squash(title):
        return text
    return f"{title}\n\n{text}"


def _squash(value: str) -> str:
    return re.sub(r"\W+", "", value.casefold())
