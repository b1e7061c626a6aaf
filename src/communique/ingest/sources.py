"""From what the user names (files, folders, URLs, feeds) to a stream of documents.

Everything is a generator: a folder of 100,000 files or a feed of 10,000 items is read
one document at a time.  A problem with one input yields a :class:`Skipped` and the
stream goes on.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import feedparser

from ..errors import InputError
from ..model import Document, Skipped
from .decode import decode
from .fetch import FetchOptions, fetch
from .titles import strip_site_suffix

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
                 ".html": "html", ".htm": "html", ".xhtml": "html"}
RECORD_SUFFIXES = {".json", ".jsonl", ".ndjson"}
FEED_SUFFIXES = {".xml", ".rss", ".atom", ".rdf"}
SUPPORTED = set(TEXT_SUFFIXES) | RECORD_SUFFIXES | FEED_SUFFIXES


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceOptions:
    fetch: FetchOptions = FetchOptions()
    max_items: int = 1000  # per feed
    follow_links: bool = True  # fetch a feed item's link when it carries no content


Item = Document | Skipped


def expand(source: str, options: SourceOptions) -> Iterator[Item]:
    """Every document named by one SOURCE argument."""
    lowered = source.lower()
    if lowered.startswith(("http://", "https://")):
        yield from _from_url(source, options)
        return
    if "://" in source:
        scheme = source.split("://", 1)[0]
        yield Skipped(source=source, reason=f"refused scheme {scheme}://",
                      hint="give an http(s) URL, or a local path for files")
        return
    path = Path(source)
    if not path.exists():
        yield Skipped(source=source, reason="no such file or folder",
                      hint="check the path (a URL must start with http:// or https://)")
    elif path.is_dir():
        yield from _from_folder(path, options)
    else:
        yield from _from_file(path, options)


def _from_folder(folder: Path, options: SourceOptions) -> Iterator[Item]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root) / name
            if path.suffix.lower() not in SUPPORTED:
                yield Skipped(source=str(path), reason=f"unsupported file type {path.suffix or '(none)'}",
                              hint="communique reads .txt .md .html .json .jsonl and RSS/Atom feeds")
                continue
            yield from _from_file(path, options)


def _from_file(path: Path, options: SourceOptions) -> Iterator[Item]:
    source = str(path)
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
    except OSError as err:
        yield Skipped(source=source, reason=f"cannot read ({err.strerror})", hint="check permissions")
        return
    cap = options.fetch.max_bytes
    if suffix in (".jsonl", ".ndjson"):
        yield from _from_jsonl(path)
        return
    if size > cap:
        yield Skipped(source=source, reason=f"file is {size:,} bytes, over the {cap:,}-byte cap",
                      hint="raise --max-bytes, or split the file")
        return
    try:
        data = path.read_bytes()
    except OSError as err:
        yield Skipped(source=source, reason=f"cannot read ({err.strerror})", hint="check permissions")
        return
    if suffix in FEED_SUFFIXES or (suffix not in TEXT_SUFFIXES and _looks_like_feed(data)):
        yield from _from_feed(data, source, options)
    elif suffix == ".json":
        yield from _from_json(data, source)
    elif suffix in TEXT_SUFFIXES:
        kind = TEXT_SUFFIXES[suffix]
        if kind == "html" and _looks_like_feed(data):
            yield from _from_feed(data, source, options)
        else:
            yield Document(source=source, raw=data, content_type=kind)
    else:
        yield Skipped(source=source, reason=f"unsupported file type {suffix or '(none)'}",
                      hint="communique reads .txt .md .html .json .jsonl and RSS/Atom feeds")


def _looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def _from_url(url: str, options: SourceOptions) -> Iterator[Item]:
    try:
        fetched = fetch(url, options.fetch)
    except InputError as err:
        yield Skipped(source=url, reason=err.problem, hint=err.hint)
        return
    kind = fetched.content_type
    if "rss" in kind or "atom" in kind or (("xml" in kind or not kind) and _looks_like_feed(fetched.body)):
        yield from _from_feed(fetched.body, url, options)
        return
    content_type = "text" if kind.startswith("text/plain") else "html"
    yield Document(source=url, raw=fetched.body, content_type=content_type, url=fetched.url)


def _record_document(record: Any, source: str) -> Item:
    if not isinstance(record, dict):
        return Skipped(source=source, reason="record is not a JSON object",
                       hint='each record needs "text" or "html"')
    text, markup = record.get("text"), record.get("html")
    if not isinstance(text, str) and not isinstance(markup, str):
        return Skipped(source=source, reason='record has neither "text" nor "html"',
                       hint='add a "text" or "html" field')

    def field(name: str) -> str | None:
        value = record.get(name)
        return str(value) if value not in (None, "") else None

    body = markup if isinstance(markup, str) and not isinstance(text, str) else text
    assert isinstance(body, str)
    return Document(
        source=source, raw=body.encode("utf-8"),
        content_type="html" if body is markup else "text",
        text=None if body is markup else body,
        url=field("url"), title=field("title"), outlet=field("outlet"),
        published_at=field("published_at"), language=field("language"),
    )


def _from_json(data: bytes, source: str) -> Iterator[Item]:
    try:
        loaded = json.loads(decode(data, source).text)
    except InputError as err:
        yield Skipped(source=source, reason=err.problem, hint=err.hint)
        return
    except json.JSONDecodeError as err:
        yield Skipped(source=source, reason=f"invalid JSON at line {err.lineno} ({err.msg})",
                      hint="fix the file, or use .jsonl with one record per line")
        return
    records = loaded.get("items", loaded.get("reports", [loaded])) if isinstance(loaded, dict) else loaded
    if not isinstance(records, list):
        records = [records]
    for index, record in enumerate(records):
        yield _record_document(record, f"{source}#{index}" if len(records) > 1 else source)


def _from_jsonl(path: Path) -> Iterator[Item]:
    """One record per line, streamed; a broken line is skipped with its line number."""
    source = str(path)
    try:
        handle = path.open("rb")
    except OSError as err:
        yield Skipped(source=source, reason=f"cannot read ({err.strerror})", hint="check permissions")
        return
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{source}:{number}"
            try:
                record = json.loads(line.decode("utf-8-sig"))
            except UnicodeDecodeError:
                yield Skipped(source=where, reason="line is not valid UTF-8",
                              hint="save the JSONL file as UTF-8")
                continue
            except json.JSONDecodeError as err:
                yield Skipped(source=where, reason=f"invalid JSON ({err.msg}, column {err.colno})",
                              hint="fix or remove that line; the other lines were read")
                continue
            yield _record_document(record, where)


def _from_feed(data: bytes, source: str, options: SourceOptions) -> Iterator[Item]:
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries:
        problem = "not a readable RSS/Atom feed"
        if parsed.get("bozo") and parsed.get("bozo_exception") is not None:
            problem += f" ({type(parsed['bozo_exception']).__name__})"
        yield Skipped(source=source, reason=problem if parsed.get("bozo") else "feed has no items",
                      hint="check the feed URL or file")
        return
    outlet = (parsed.get("feed") or {}).get("title")
    for index, entry in enumerate(entries):
        if index >= options.max_items:
            yield Skipped(source=f"{source}#items-{index + 1}-{len(entries)}",
                          reason=f"feed has {len(entries):,} items; read the first {options.max_items:,}",
                          hint="raise --max-items to read more")
            return
        yield from _feed_item(entry, f"{source}#item-{index + 1}", outlet, options)


def _feed_item(entry: Any, where: str, outlet: str | None, options: SourceOptions) -> Iterator[Item]:
    published = None
    for key in ("published", "updated", "created"):
        if entry.get(key):
            published = entry[key]
            break
    link = entry.get("link")
    contents = entry.get("content") or []
    body = max((c.get("value", "") for c in contents), key=len, default="")
    summary = entry.get("summary", "")
    if not body.strip() and link and options.follow_links:
        for item in _from_url(link, options):
            if isinstance(item, Document):
                yield _with_feed_meta(item, entry, outlet, published)
            elif summary.strip():  # the page could not be fetched: keep the feed's summary
                doc = Document(source=link, raw=summary.encode("utf-8"), content_type="html", url=link)
                yield _with_feed_meta(doc, entry, outlet, published)
            else:
                yield item
        return
    if not body.strip():
        body = summary
    if not body.strip():
        yield Skipped(source=where, reason="feed item has no content and no link to fetch",
                      hint="the feed gives no text for this item")
        return
    doc = Document(source=link or where, raw=body.encode("utf-8"), content_type="html", url=link)
    yield _with_feed_meta(doc, entry, outlet, published)


def _with_feed_meta(doc: Document, entry: Any, outlet: str | None, published: str | None) -> Document:
    from dataclasses import replace

    source = entry.get("source") or {}
    item_outlet = source.get("title") if isinstance(source, dict) else None  # an aggregator's source
    title = doc.title or entry.get("title")
    if title and item_outlet:
        title = strip_site_suffix(title, item_outlet)
    return replace(doc, title=title, outlet=doc.outlet or outlet,
                   published_at=doc.published_at or published,
                   language=doc.language or (entry.get("language") or None))
