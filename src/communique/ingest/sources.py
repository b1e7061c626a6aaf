"""From what the user names (files, folders, URLs, feeds) to a stream of documents.

Everything is a generator: a folder of 100,000 files or a feed of 10,000 items is read
one document at a time.  A problem with one input yields a :class:`Skipped` and the
stream goes on.
"""

from __future__ import annotations

import json
import os
import re
import stat
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import feedparser

from ..errors import InputError
from ..model import Document, Skipped
from .clean import defused
from .decode import decode
from .fetch import Fetched, FetchOptions, fetch
from .limits import FEED_DEADLINE
from .meta import same_site, site_host
from .titles import html_site_name, strip_site_suffix

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
    follow_symlinks: bool = False  # in a folder, read files that symbolic links point to outside it
    feed_deadline: float = FEED_DEADLINE  # seconds for one feed, its linked pages included
    known_link: Callable[[str], bool] | None = None  # a feed item's link already stored: not fetched again
    prefetched: Mapping[str, Fetched] | None = None  # URL -> its answer, downloaded already (by follow)


Item = Document | Skipped


def expand(source: str, options: SourceOptions) -> Iterator[Item]:
    """Every document named by one SOURCE argument."""
    lowered = source.lower()
    if lowered.startswith(("http://", "https://")):
        yield from _guarded(_from_url(source, options), shown(source))
        return
    if "://" in source:
        scheme = source.split("://", 1)[0]
        yield Skipped(source=shown(source), reason=f"refused scheme {shown(scheme)}://",
                      hint="give an http(s) URL, or a local path for files")
        return
    path = Path(source)
    try:
        is_dir = path.is_dir()
        exists = is_dir or path.exists()
    except (OSError, ValueError):  # a name too long, a NUL byte
        is_dir = exists = False
    if not exists:
        yield Skipped(source=shown(source), reason="no such file or folder",
                      hint="check the path (a URL must start with http:// or https://)")
    elif is_dir:
        yield from _from_folder(path, options)
    else:
        yield from _guarded(_from_file(path, options), shown(source))


_CONTROL = {ord(c): f"\\x{ord(c):02x}" for c in map(chr, [*range(32), 127])} | {
    ord("\n"): "\\n", ord("\t"): "\\t", ord("\r"): "\\r", 0x85: "\\x85", 0x2028: "\\u2028",
    0x2029: "\\u2029"}


def shown(name: str | Path) -> str:
    """A file name as one printable line: undecodable bytes as ``\\xNN``, control characters
    (a newline that would forge a line in ``communique reports``) escaped."""
    text = os.fsencode(name).decode("utf-8", "backslashreplace") if isinstance(name, Path) else \
        str(name).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text.translate(_CONTROL)


def _guarded(items: Iterator[Item], source: str) -> Iterator[Item]:
    """Whatever one input raises becomes a skipped input; the run goes on with the next."""
    try:
        yield from items
    except Exception as err:  # noqa: BLE001 - whatever one input does, the next one is read
        reason = err.problem if isinstance(err, InputError) else f"could not be read ({_why(err)})"
        yield Skipped(source=source, reason=reason, hint="the other inputs were read; report this input")


def _why(err: BaseException) -> str:
    text = str(err).splitlines()[0][:160] if str(err) else ""
    return f"{type(err).__name__}: {text}" if text else type(err).__name__


def _inside(folder: str, target: str) -> bool:
    return target == folder or target.startswith(folder.rstrip(os.sep) + os.sep)


_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder"))


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _from_folder(folder: Path, options: SourceOptions) -> Iterator[Item]:
    top = os.path.realpath(folder)
    problems: list[OSError] = []

    def unreadable() -> Iterator[Item]:
        while problems:
            err = problems.pop(0)
            yield Skipped(source=shown(err.filename or str(folder)),
                          reason=f"cannot read the folder ({err.strerror or type(err).__name__})",
                          hint="check its permissions")

    for root, dirs, files in os.walk(folder, onerror=problems.append, followlinks=options.follow_symlinks):
        yield from unreadable()
        kept = []
        for name in sorted(dirs):
            if name.startswith("."):
                continue
            path = os.path.join(root, name)
            if options.follow_symlinks and os.path.islink(path) and \
                    _inside(top, os.path.realpath(path)):  # a loop back into the folder
                yield Skipped(source=shown(path), reason="symbolic link back into the folder, not followed",
                              hint="each file is read once")
                continue
            if os.path.islink(path) and not options.follow_symlinks:
                yield Skipped(source=shown(path), reason="symbolic link to a folder, not followed",
                              hint="give the folder it points to as a SOURCE of its own")
                continue
            kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = os.path.join(root, name)
            source = shown(path)
            suffix = os.path.splitext(name)[1].lower()
            if suffix not in SUPPORTED:
                yield Skipped(source=source, reason=f"unsupported file type {shown(suffix) or '(none)'}",
                              hint="communique reads .txt .md .html .json .jsonl and RSS/Atom feeds")
                continue
            if os.path.islink(path) and not options.follow_symlinks \
                    and not _inside(top, os.path.realpath(path)):
                yield Skipped(source=source, reason="symbolic link out of the folder, not followed",
                              hint="give the file it points to as a SOURCE of its own")
                continue
            yield from _guarded(_from_file(Path(path), options), source)
    yield from unreadable()


def _open_regular(path: Path, source: str) -> tuple[int, int] | Skipped:
    """(file descriptor, size) of a regular file, or why it is not read.  Never blocks: a FIFO,
    a socket or a device (``/dev/zero``) is refused before a byte is read."""
    try:
        mode = os.stat(path).st_mode
    except OSError as err:
        return Skipped(source=source, reason=f"cannot read ({err.strerror})", hint="check permissions")
    if not stat.S_ISREG(mode):
        return Skipped(source=source, reason=f"{_kind(mode)}, not a regular file",
                       hint="communique reads regular files only")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as err:
        return Skipped(source=source, reason=f"cannot read ({err.strerror})", hint="check permissions")
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):  # replaced between the two looks
        os.close(fd)
        return Skipped(source=source, reason=f"{_kind(info.st_mode)}, not a regular file",
                       hint="communique reads regular files only")
    return fd, info.st_size


def _from_file(path: Path, options: SourceOptions) -> Iterator[Item]:
    source = shown(path)
    suffix = path.suffix.lower()
    opened = _open_regular(path, source)
    if isinstance(opened, Skipped):
        yield opened
        return
    fd, size = opened
    cap = options.fetch.max_bytes
    with os.fdopen(fd, "rb") as handle:
        if suffix in (".jsonl", ".ndjson"):
            yield from _from_jsonl(handle, source, cap)
            return
        if size > cap:
            yield Skipped(source=source, reason=f"file is {size:,} bytes, over the {cap:,}-byte cap",
                          hint="raise --max-bytes, or split the file")
            return
        data = handle.read(cap + 1)  # the size said at open may grow: never read past the cap
    if len(data) > cap:
        yield Skipped(source=source, reason=f"file is over the {cap:,}-byte cap",
                      hint="raise --max-bytes, or split the file")
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
        yield Skipped(source=source, reason=f"unsupported file type {shown(suffix) or '(none)'}",
                      hint="communique reads .txt .md .html .json .jsonl and RSS/Atom feeds")


def _looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def _from_url(url: str, options: SourceOptions) -> Iterator[Item]:
    try:
        fetched = (options.prefetched or {}).get(url) or fetch(url, options.fetch)
    except InputError as err:
        yield Skipped(source=url, reason=err.problem, hint=err.hint)
        return
    kind = fetched.content_type
    if "rss" in kind or "atom" in kind or (("xml" in kind or not kind) and _looks_like_feed(fetched.body)):
        yield from _from_feed(fetched.body, url, options)
        return
    content_type = "text" if kind.startswith("text/plain") else "html"
    yield Document(source=url, raw=fetched.body, content_type=content_type, url=fetched.url)


_RECORD_FIELDS = ("url", "title", "outlet", "published_at", "language")
MAX_FIELD = 2_000  # characters of a record's metadata field; a title is capped later, shorter


def text_only(value: str) -> str:
    """A JSON string as storable text: a lone surrogate (``"\\ud800"``) becomes U+FFFD."""
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def _record_document(record: Any, source: str) -> Item:
    if not isinstance(record, dict):
        return Skipped(source=source, reason="record is not a JSON object",
                       hint='each record needs "text" or "html"')
    text, markup = record.get("text"), record.get("html")
    if not isinstance(text, str) and not isinstance(markup, str):
        wrong = [name for name in ("text", "html") if record.get(name) is not None]
        return Skipped(source=source, reason='record has neither "text" nor "html"' + (
            f' as a string ("{wrong[0]}" is a JSON {_json_type(record[wrong[0]])})' if wrong else ""),
                       hint='add a "text" or "html" field')
    warnings: list[str] = []

    def field(name: str) -> str | None:
        value = record.get(name)
        if value is None or value == "":
            return None
        if not isinstance(value, str):  # never str(): a list or NaN is no title or date
            warnings.append(f'"{name}" is a JSON {_json_type(value)}, not a string; ignored')
            return None
        if len(value) > MAX_FIELD:
            warnings.append(f'"{name}" is {len(value):,} characters long; ignored')
            return None
        return text_only(value)

    body = markup if isinstance(markup, str) and not isinstance(text, str) else text
    assert isinstance(body, str)
    body = text_only(body)
    values = {name: field(name) for name in _RECORD_FIELDS}
    return Document(
        source=source, raw=body.encode("utf-8"),
        content_type="html" if not isinstance(text, str) else "text",
        text=None if not isinstance(text, str) else body,
        warnings=tuple(warnings), **values,
    )


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, float) and value != value or value in (float("inf"), float("-inf")):
        return "non-number (NaN/Infinity)"
    return {dict: "object", list: "array", int: "number", float: "number", str: "string"}.get(
        type(value), type(value).__name__)


def _loads(text: str) -> Any:
    """json.loads, with every way it can fail on hostile input raised as a ValueError."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("nested too deeply") from None
    except json.JSONDecodeError as err:
        raise ValueError(f"{err.msg}, line {err.lineno} column {err.colno}") from None
    except ValueError as err:  # e.g. an integer of more than 4,300 digits
        raise ValueError(str(err).split(";")[0][:120]) from None


def _from_json(data: bytes, source: str) -> Iterator[Item]:
    try:
        loaded = _loads(decode(data, source).text)
    except InputError as err:
        yield Skipped(source=source, reason=err.problem, hint=err.hint)
        return
    except ValueError as err:
        yield Skipped(source=source, reason=f"invalid JSON ({err})",
                      hint="fix the file, or use .jsonl with one record per line")
        return
    records = loaded.get("items", loaded.get("reports", [loaded])) if isinstance(loaded, dict) else loaded
    if not isinstance(records, list):
        records = [records]
    if not records:
        yield Skipped(source=source, reason="no records in the file", hint="the file holds an empty list")
    for index, record in enumerate(records):
        where = f"{source}#{index}" if len(records) > 1 else source
        yield from _guarded(iter([_record_document(record, where)]), where)


def _from_jsonl(handle: Any, source: str, cap: int) -> Iterator[Item]:
    """One record per line, streamed; a broken or oversized line is skipped with its line
    number and the lines after it are read.  No line is read whole past ``cap`` bytes."""
    records = 0
    number = 0
    while True:
        line = handle.readline(cap + 1)
        if not line:
            break
        number += 1
        where = f"{source}:{number}"
        if len(line) > cap and not line.endswith(b"\n"):
            size = len(line)
            while line and not line.endswith(b"\n"):  # the rest of that line, a chunk at a time
                line = handle.readline(1 << 20)
                size += len(line)
            records += 1
            yield Skipped(source=where, reason=f"record is {size:,} bytes, over the {cap:,}-byte cap",
                          hint="raise --max-bytes, or shorten that record; the other lines were read")
            continue
        if not line.strip():
            continue
        records += 1
        try:
            record = _loads(line.decode("utf-8-sig"))
        except UnicodeDecodeError:
            yield Skipped(source=where, reason="line is not valid UTF-8",
                          hint="save the JSONL file as UTF-8")
            continue
        except ValueError as err:
            yield Skipped(source=where, reason=f"invalid JSON ({err})",
                          hint="fix or remove that line; the other lines were read")
            continue
        yield from _guarded(iter([_record_document(record, where)]), where)
    if not records:
        yield Skipped(source=source, reason="no records in the file (empty JSONL)",
                      hint="a .jsonl file holds one JSON object per line")


def _from_feed(data: bytes, source: str, options: SourceOptions) -> Iterator[Item]:
    try:
        parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    except Exception as err:  # noqa: BLE001 - e.g. a NUL in the declared encoding's name
        yield Skipped(source=source, reason=f"not a readable RSS/Atom feed ({_why(err)})",
                      hint="check the feed URL or file")
        return
    entries = parsed.get("entries") or []
    if not entries:
        problem = "not a readable RSS/Atom feed"
        if parsed.get("bozo") and parsed.get("bozo_exception") is not None:
            problem += f" ({type(parsed['bozo_exception']).__name__})"
        yield Skipped(source=source, reason=problem if parsed.get("bozo") else "feed has no items",
                      hint="check the feed URL or file")
        return
    outlet = (parsed.get("feed") or {}).get("title")
    home = site_host((parsed.get("feed") or {}).get("link")) or site_host(source)
    began = time.monotonic()
    for index, entry in enumerate(entries):
        if index >= options.max_items:
            yield Skipped(source=f"{source}#items-{index + 1}-{len(entries)}",
                          reason=f"feed has {len(entries):,} items; read the first {options.max_items:,}",
                          hint="raise --max-items to read more")
            return
        left = options.feed_deadline - (time.monotonic() - began)
        if left <= 0:  # by the clock, fetching and storing its items included
            yield Skipped(source=f"{source}#items-{index + 1}-{len(entries)}",
                          reason=f"the feed's {options.feed_deadline:.0f}s deadline passed after "
                                 f"{index:,} of {len(entries):,} items",
                          hint="ingest the feed again to read the rest (stored items are recognised), "
                               "or raise --feed-deadline")
            return
        fetching = replace(options.fetch, deadline=min(options.fetch.deadline, left))
        item_options = replace(options, fetch=fetching)
        where = f"{source}#item-{index + 1}"
        yield from _guarded(_feed_item(entry, where, outlet, item_options, home), where)


def _feed_item(entry: Any, where: str, outlet: str | None, options: SourceOptions,
               home: str | None = None) -> Iterator[Item]:
    published = None
    for key in ("published", "updated", "created"):
        if entry.get(key):
            published = entry[key]
            break
    link = entry.get("link")
    contents = entry.get("content") or []
    body = max((c.get("value") or "" for c in contents if isinstance(c, dict)), key=len, default="")
    summary = entry.get("summary") or ""  # feedparser gives None for an empty <description/>
    if not body.strip() and link and options.follow_links:
        if options.known_link is not None and options.known_link(link):
            return  # stored already: its page is not fetched again
        for item in _from_url(link, options):
            if isinstance(item, Document):
                page = _with_feed_meta(item, entry, outlet, published, home)
                rejected = _rejected(page) if _worth_keeping(summary) else None
                if rejected is None:
                    yield page
                    continue
                item = Skipped(source=link, reason=rejected, hint="")
            if summary.strip():  # the page could not be fetched or used: keep the feed's summary
                why = item.reason[:120]
                doc = Document(source=f"{where} (the feed's summary)", raw=summary.encode("utf-8"),
                               content_type=_markup(summary), url=link,
                               warnings=(f"the report is the feed's summary (its page: {why})",))
                yield _with_feed_meta(doc, entry, outlet, published, home)
            else:
                yield item
        return
    if not body.strip():
        body = summary
    if not body.strip():
        yield Skipped(source=where, reason="feed item has no content and no link to fetch",
                      hint="the feed gives no text for this item")
        return
    doc = Document(source=link or where, raw=body.encode("utf-8"), content_type=_markup(body), url=link)
    yield _with_feed_meta(doc, entry, outlet, published, home)


def _worth_keeping(summary: str) -> bool:
    """A summary that can stand for its article: a sentence or more, not a label like "an index"."""
    words = summary.split()
    return len(words) >= 12 or (len(summary.strip()) >= 40 and len(words) <= 3)  # Japanese: no spaces


def _rejected(page: Document) -> str | None:
    """Why ingest would refuse the fetched page (not an article, no text left), or None."""
    from ..errors import InputError
    from . import build_report

    try:
        build_report(page)
    except InputError as err:
        return err.problem
    except (ValueError, LookupError, RecursionError, MemoryError, TypeError):
        return None  # the pipeline reports it as it does for any input
    return None


def _markup(body: str) -> str:
    """A feed's text is HTML when it has tags; a plain summary is text (HTML extraction finds no
    article in a bare sentence)."""
    return "html" if re.search(r"<[A-Za-z/!]", body) else "text"


def _with_feed_meta(doc: Document, entry: Any, outlet: str | None, published: str | None,
                    home: str | None = None) -> Document:
    from dataclasses import replace

    source = entry.get("source") or {}
    item_outlet = source.get("title") if isinstance(source, dict) else None  # an aggregator's source
    title = doc.title or entry.get("title")
    if title and item_outlet:
        title = strip_site_suffix(title, item_outlet)
    link_host = site_host(doc.url or entry.get("link"))
    if item_outlet or (home and link_host and not same_site(link_host, home)):
        # an aggregator's item: the article's own outlet (the item's source, the page's declared
        # site name, else the link's site), never the aggregator's title
        page = html_site_name(defused(doc.raw[:200_000].decode("utf-8", "ignore"))) \
            if doc.content_type == "html" \
            else None
        outlet = item_outlet or page or link_host
    return replace(doc, title=title, outlet=doc.outlet or outlet,
                   published_at=doc.published_at or published,
                   language=doc.language or (entry.get("language") or None))
