"""One document cleaned into a :class:`Report`: its text without page furniture, its title,
outlet, date and language."""

from __future__ import annotations

import re
from datetime import date

from ..errors import InputError
from ..model import Document, Precision, Report
from .clean import clean_text, html_to_text, split_front_matter, strip_markdown
from .decode import check_text, decode
from .meta import (
    date_warning,
    dateline_date,
    dateline_outlet,
    detect_language,
    not_an_article,
    parse_published,
    url_date,
)
from .titles import split_head, usable_title


def build_report(doc: Document) -> tuple[Report, str]:
    """Clean one document into a report.  Returns (report, warning); raises InputError."""
    warning = "; ".join(doc.warnings)
    encoding: str | None = "utf-8"
    if doc.text is not None:
        body = doc.text
    else:
        decoded = decode(doc.raw, doc.source)
        body, encoding = decoded.text, decoded.encoding
        warning = "; ".join(w for w in (warning, decoded.warning) if w)
    body, nul_note = check_text(body, doc.source)  # NUL bytes: refused when they are most of it
    warning = "; ".join(w for w in (warning, nul_note) if w)
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
        if len(title) > MAX_TITLE:  # no headline runs on: this is a field gone wrong, not a title
            warning = "; ".join(w for w in (warning, f"title of {len(title):,} characters cut to "
                                                     f"{MAX_TITLE}") if w)
            title = title[:MAX_TITLE].rsplit(" ", 1)[0].rstrip() + "…"
        else:
            text = _with_title(title, text)
    if not text.strip():
        raise InputError(doc.source, "no text left after removing page furniture",
                         "check it is an article and not a navigation or consent page")
    not_article = not_an_article(title, text, doc.raw, doc.content_type)
    if not_article:
        raise InputError(doc.source, not_article, "ingest the articles it links to, not the page itself")
    if language_hint and not _LANGUAGE_CODE.fullmatch(language_hint.strip()):
        shown = language_hint[:40].encode("unicode_escape").decode("ascii")
        warning = "; ".join(w for w in (warning, f"language {shown!r} is no language code; ignored") if w)
        language_hint = None
    language = detect_language(text, language_hint)
    top = f"{head.header}\n\n{text}" if head.header else text  # dates and outlets in dropped header lines
    outlet = outlet or dateline_outlet(top)
    given = parse_published(published)
    if given and not _sane(given):
        warning = "; ".join(w for w in (warning, f"date {given[0][:40]!r} is outside 1900 to a year "
                                                 "from today; ignored") if w)
    dated = _sane(given) or _later_of_address(_sane(dateline_date(top, language)), _sane(url_date(url)))
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


STALE_DATELINE = 3  # days a date near the top may come before the page's address day


def _later_of_address(top: tuple[str, Precision] | None, address: tuple[str, Precision] | None
                      ) -> tuple[str, Precision] | None:
    """The date near the top of the text, or the day in the page's address when the text's date is
    days before it: a page filed on 10 August is not published on 13 May, whose date a file photo's
    caption gave ("A view shows ... Armenia May 13, 2025.")."""
    if top is None:
        return address
    if address is not None and (date.fromisoformat(address[0][:10]) - date.fromisoformat(top[0][:10])).days \
            > STALE_DATELINE:
        return address
    return top


MAX_TITLE = 300  # characters
# ISO 639 with an optional region or script (en, ja, en-GB, zh-Hant-TW): nothing else is a language.
_LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,3}")


def _sane(dated: tuple[str, Precision] | None) -> tuple[str, Precision] | None:
    """A date from 1900 to a year after today; any other is a typo or a placeholder (9999-12-31)."""
    if dated is None:
        return None
    try:
        year = int(dated[0][:4])
    except ValueError:
        return None
    return dated if 1900 <= year <= date.today().year + 1 and dated[0][:10] <= _latest() else None


def _latest() -> str:
    today = date.today()
    return (today.replace(year=today.year + 1) if (today.month, today.day) != (2, 29)
            else today.replace(year=today.year + 1, day=28)).isoformat()


def _with_title(title: str, text: str) -> str:
    """The cleaned text starts with the headline, so headline quotes have evidence too."""
    first = text.partition("\n\n")[0]
    if _squash(first) == _squash(title):
        return text
    return f"{title}\n\n{text}"


def _squash(value: str) -> str:
    return re.sub(r"\W+", "", value.casefold())
