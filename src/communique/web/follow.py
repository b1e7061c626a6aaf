"""``communique follow``: poll feeds and pages, ingest what is new, print what changed in the record.

Each poll of a URL is a conditional GET (``If-None-Match`` / ``If-Modified-Since`` from the last answer):
a ``304 Not Modified``, or a body identical to the last one, costs nothing more.  A changed source's body,
as that GET downloaded it, is then ingested by :func:`communique.pipeline.ingest` -- the same fetching rules
(timeouts, size cap, redirects, private-address refusal), cleaning, extraction and merging as
``communique ingest``.  Of a feed, an item whose link is stored already (its canonical address) is not
fetched again; the pages of new items are fetched with the per-host delay.  Reports already stored are
recognised as ingest recognises them and skipped.  Files and folders are polled by their modification
times.

After a poll that added reports, the record is compared with the one before it and the differences are
printed: new statements, changed positions, new events, new conflicts.

Errors back off: a source that fails is polled again after 2, 4, 8 ... intervals (at most 6 hours).
Requests to one host are spaced by ``--delay`` seconds.  The state of every source (validators, the last
body's hash, failures) is kept beside the database in ``DB.follow.json``, so Ctrl-C stops cleanly and the
next ``follow`` resumes with conditional requests.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from .. import pipeline
from ..errors import FetchError, UsageError
from ..ingest import SourceOptions
from ..ingest.fetch import USER_AGENT, Fetched, FetchOptions, resolve
from ..ingest.meta import canonical_url

MAX_BACKOFF = 6 * 3600.0
_INTERVAL = re.compile(r"^\s*(?:(\d+(?:\.\d+)?)h)?\s*(?:(\d+(?:\.\d+)?)m)?\s*(?:(\d+(?:\.\d+)?)s?)?\s*$")


def parse_interval(text: str) -> float:
    """Seconds in "90s", "15m", "1h", "1h30m" or a plain number of seconds."""
    match = _INTERVAL.match(text or "")
    if not text or not text.strip() or match is None or not any(match.groups()):
        raise UsageError(f"--every {text}", "is not an interval", "write it as 90s, 15m or 1h")
    hours, minutes, seconds = (float(g) if g else 0.0 for g in match.groups())
    total = hours * 3600 + minutes * 60 + seconds
    if total < 1:
        raise UsageError(f"--every {text}", "is shorter than a second", "poll at most once a second")
    return total


@dataclass(slots=True)
class SourceState:
    etag: str | None = None
    last_modified: str | None = None
    body_sha256: str | None = None
    failures: int = 0
    next_due: float = 0.0  # seconds since the epoch
    last_status: str = ""


@dataclass(slots=True)
class Probe:
    """What a conditional GET found: changed or not, and the validators to send next time."""

    changed: bool
    status: int
    etag: str | None = None
    last_modified: str | None = None
    body_sha256: str | None = None
    final_url: str = ""
    body: bytes = b""  # a changed source's body, handed to ingest (no second download)
    content_type: str = ""


def conditional_get(url: str, state: SourceState, options: FetchOptions) -> Probe:
    """GET ``url`` with the validators of ``state``, under ingest's rules (http(s) only, every hop's address
    checked and connected to as resolved, timeouts, the size cap, at most ``max_redirects`` redirects)."""
    import urllib3

    current = url
    headers = {
        "User-Agent": USER_AGENT,
        "Accept-Encoding": "gzip, deflate",
        "Accept": "application/rss+xml,application/atom+xml,application/xml,text/html;q=0.9,*/*;q=0.5",
    }
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    for _hop in range(options.max_redirects + 1):
        parts = urlsplit(current)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(url, f"refused URL {current!r}", "give an http(s) URL with a host")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = resolve(parts.hostname, port, url, options.allow_private)[0][4][0]
        timeout = urllib3.Timeout(connect=options.connect_timeout, read=options.read_timeout)
        pool: Any
        if parts.scheme == "https":
            pool = urllib3.HTTPSConnectionPool(
                address,
                port,
                timeout=timeout,
                retries=False,
                assert_hostname=parts.hostname,
                server_hostname=parts.hostname,
            )
        else:
            pool = urllib3.HTTPConnectionPool(address, port, timeout=timeout, retries=False)
        path = parts._replace(scheme="", netloc="", fragment="").geturl() or "/"
        host = parts.hostname if parts.port is None else f"{parts.hostname}:{parts.port}"
        try:
            response = pool.urlopen(
                "GET",
                path,
                headers={**headers, "Host": host},
                redirect=False,
                preload_content=False,
                decode_content=True,
            )
        except urllib3.exceptions.HTTPError as err:
            raise FetchError(
                url, f"connection failed ({type(err).__name__})", "will try again later"
            ) from None
        try:
            if response.status in (301, 302, 303, 307, 308) and response.headers.get("Location"):
                current = urljoin(current, response.headers["Location"])
                continue
            if response.status == 304:
                return Probe(False, 304, state.etag, state.last_modified, state.body_sha256, current)
            if response.status >= 400:
                raise FetchError(url, f"HTTP {response.status}", "will try again later")
            digest = hashlib.sha256()
            size = 0
            chunks = []
            for chunk in response.stream(65536):
                size += len(chunk)
                if size > options.max_bytes:
                    raise FetchError(
                        url,
                        f"larger than the {options.max_bytes:,}-byte cap",
                        "raise --max-bytes if you trust the source",
                    )
                digest.update(chunk)
                chunks.append(chunk)
            body = digest.hexdigest()
            return Probe(
                body != state.body_sha256,
                response.status,
                response.headers.get("ETag"),
                response.headers.get("Last-Modified"),
                body,
                current,
                b"".join(chunks) if body != state.body_sha256 else b"",
                (response.headers.get("Content-Type") or "").lower(),
            )
        finally:
            response.release_conn()
    raise FetchError(url, f"more than {options.max_redirects} redirects", "check the URL")


def _fetched(probe: Probe) -> Fetched:
    kind, _, params = probe.content_type.partition(";")
    charset = params.split("charset=", 1)[1].strip().strip('"') if "charset=" in params else None
    return Fetched(url=probe.final_url, body=probe.body, content_type=kind.strip(), charset=charset)


def local_stamp(path: str) -> str:
    """A hash of the names, sizes and modification times of the files under ``path``."""
    root = Path(path)
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
    digest = hashlib.sha256()
    for file in files:
        st = file.stat()
        digest.update(f"{file}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()


# -- what changed ------------------------------------------------------------------------------------
def record_digest(store: Any) -> dict[str, dict[Any, Any]]:
    """The parts of the record whose changes ``follow`` reports, keyed by id."""
    actors: dict[str, str] = {}
    statements: dict[str, tuple[str, str, str]] = {}
    positions: dict[tuple[str, str], tuple[str, str]] = {}
    events: dict[str, str] = {}
    conflicts: dict[str, str] = {}
    for r in pipeline.export_records(store, ("actor", "quote", "position", "event", "conflict")):
        kind = r["type"]
        if kind == "actor":
            names = r.get("name") or {}
            name = names.get("en") or names.get("ja") or r["id"]
            actors[r["id"]] = name
            for member in r.get("member_ids") or ():
                actors[member] = name
        elif kind == "quote":
            sid = r.get("statement_id") or r["id"]
            if sid not in statements:
                statements[sid] = (
                    r.get("speaker_id") or r.get("speaker_text") or "?",
                    r.get("said_on") or "?",
                    r["text"],
                )
        elif kind == "position":
            key = (r["holder_id"], r.get("target_id") or (f"issue:{r['issue']}" if r.get("issue") else "-"))
            as_of = r.get("as_of") or ""
            if key not in positions or as_of >= positions[key][1]:
                positions[key] = (r["stance"], as_of)
        elif kind == "event":
            place = f" in {r['place']}" if r.get("place") else ""
            events[r["id"]] = f"{r['kind']} {r.get('date') or '?'}{place}: {r.get('summary') or ''}"
        elif kind == "conflict":
            conflicts[r["id"]] = r["topic"]
    return {
        "actors": actors,
        "statements": statements,
        "positions": positions,
        "events": events,
        "conflicts": conflicts,
    }


def changes(before: dict[str, dict[Any, Any]], after: dict[str, dict[Any, Any]]) -> list[str]:
    """One line per new statement, changed position, new event and new conflict."""
    names = after["actors"]

    def name(actor: str) -> str:
        return str(names.get(actor, actor))

    lines = []
    for sid, (speaker, said_on, text) in after["statements"].items():
        if sid not in before["statements"]:
            lines.append(f'  + statement {sid}: {name(speaker)} ({said_on}): "{_short(text)}"')
    for (holder, target), (stance, as_of) in sorted(after["positions"].items()):
        old = before["positions"].get((holder, target))
        if old is None:
            lines.append(f"  + position: {name(holder)} on {target}: {stance} ({as_of or '?'})")
        elif old[0] != stance:
            lines.append(f"  ~ position: {name(holder)} on {target}: {old[0]} -> {stance} ({as_of or '?'})")
    for eid, text in after["events"].items():
        if eid not in before["events"]:
            lines.append(f"  + event {eid}: {_short(text)}")
    for cid, topic in after["conflicts"].items():
        if cid not in before["conflicts"]:
            lines.append(f"  + conflict {cid}: {_short(topic)}")
    return lines


def _short(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# -- the poller --------------------------------------------------------------------------------------
@dataclass(slots=True)
class Follower:
    db: str
    sources: list[str]
    every: float
    options: SourceOptions = field(default_factory=SourceOptions)
    delay: float = 1.0
    say: Callable[[str], None] = print
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.time
    quiet: bool = False
    states: dict[str, SourceState] = field(default_factory=dict)
    last_request: dict[str, float] = field(default_factory=dict)
    polls: int = 0

    @property
    def state_path(self) -> Path:
        """Beside a database file (``DB.follow.json``); for a PostgreSQL URL, in the user's cache
        folder under a digest of the URL without its password (a URL is no file name)."""
        from ..store import is_url

        if not is_url(self.db):
            return Path(self.db + ".follow.json")
        safe = re.sub(r"://([^:/@]*):[^@/]*@", r"://\1@", self.db)
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "communique" / "follow"
        base.mkdir(parents=True, exist_ok=True)
        return base / (hashlib.sha256(safe.encode()).hexdigest()[:16] + ".follow.json")

    def load(self) -> None:
        try:
            raw = json.loads(self.state_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raw = {}
        except (OSError, ValueError) as err:
            self.say(f"warning: {self.state_path}: unreadable ({err}); starting afresh")
            raw = {}
        known = set(SourceState.__dataclass_fields__)
        for source in self.sources:
            entry = raw.get(source) if isinstance(raw, dict) else None
            state = SourceState(**{k: v for k, v in (entry or {}).items() if k in known})
            state.next_due = 0.0  # a new run polls every source at once (conditional requests cost little)
            self.states[source] = state

    def save(self) -> None:
        tmp = self.state_path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps({s: asdict(v) for s, v in self.states.items()}, indent=1), encoding="utf-8")
        os.replace(tmp, self.state_path)

    def due(self) -> list[str]:
        now = self.clock()
        return [s for s in self.sources if self.states[s].next_due <= now]

    def wait(self) -> None:
        """Sleep until the next source is due."""
        nearest = min(self.states[s].next_due for s in self.sources)
        pause = nearest - self.clock()
        if pause > 0:
            self.sleep(pause)

    def _polite(self, url: str) -> None:
        host = urlsplit(url).hostname or ""
        last = self.last_request.get(host)
        if last is not None:
            pause = self.delay - (time.monotonic() - last)
            if pause > 0:
                self.sleep(pause)
        self.last_request[host] = time.monotonic()

    def poll(self) -> list[str]:
        """Poll every due source once; ingest the changed ones; return (and print) what changed."""
        self.polls += 1
        stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%SZ")
        changed: list[str] = []
        bodies: dict[str, Fetched] = {}
        lines: list[str] = []
        for source in self.due():
            state = self.states[source]
            try:
                if source.lower().startswith(("http://", "https://")):
                    self._polite(source)
                    probe = conditional_get(source, state, self.options.fetch)
                    state.etag, state.last_modified = probe.etag, probe.last_modified
                    moved = f" (now at {probe.final_url})" if probe.final_url not in ("", source) else ""
                    if probe.changed:
                        changed.append(source)
                        bodies[source] = _fetched(probe)
                        state.body_sha256 = probe.body_sha256
                        state.last_status = f"{probe.status} changed{moved}"
                    else:
                        state.last_status = (
                            "304 not modified" if probe.status == 304 else f"{probe.status} unchanged"
                        ) + moved
                else:
                    if not Path(source).exists():
                        raise FetchError(source, "no such file or folder", "check the path")
                    local = local_stamp(source)
                    if local != state.body_sha256:
                        changed.append(source)
                        state.body_sha256 = local
                        state.last_status = "changed"
                    else:
                        state.last_status = "unchanged"
                state.failures = 0
                state.next_due = self.clock() + self.every
            except FetchError as err:
                state.failures += 1
                backoff = min(self.every * 2**state.failures, MAX_BACKOFF)
                state.next_due = self.clock() + backoff
                state.last_status = f"error: {err.problem}"
                lines.append(f"[{stamp}] {source}: {err.problem}; retrying in {_duration(backoff)}")
                continue
            if not self.quiet:
                lines.append(f"[{stamp}] {source}: {state.last_status}")
        if changed:
            lines += self._ingest(changed, stamp, bodies)
        self.save()
        for line in lines:
            self.say(line)
        return lines

    def _ingest(self, sources: list[str], stamp: str, bodies: dict[str, Fetched] | None = None) -> list[str]:
        """Ingest the changed sources: a URL's body as the conditional GET downloaded it, and of a feed only
        the items whose page is not stored yet (an item stored before is not fetched again)."""
        lines = []
        with pipeline.open_store(self.db) as store:
            before = record_digest(store)
            for source in sources:
                for host in {urlsplit(source).hostname} - {None}:
                    self.last_request[str(host)] = time.monotonic()
            stored = {canonical_url(url) for (url,) in store.db.execute("SELECT url FROM reports")} - {None}
            skipped_links: list[str] = []

            def known(link: str) -> bool:
                if canonical_url(link) in stored:
                    skipped_links.append(link)
                    return True
                self._polite(link)
                return False

            options = replace(self.options, known_link=known, prefetched=bodies or None)
            summary = pipeline.ingest(store, sources, options)
            if skipped_links and not self.quiet:
                lines.append(f"[{stamp}] {len(skipped_links)} feed item(s) stored before: not fetched again")
            for skipped in summary.skipped:
                lines.append(f"[{stamp}] skipped: {skipped.message()}")
            if not summary.added:
                if not self.quiet:
                    lines.append(f"[{stamp}] nothing new ({len(summary.already)} already stored)")
                return lines
            after = record_digest(store)
        lines.append(f"[{stamp}] {len(summary.added)} new report(s), {len(summary.already)} already stored")
        found = changes(before, after)
        lines += found or ["  (no new statements, positions, events or conflicts)"]
        return lines

    def run(self, max_polls: int = 0) -> int:
        self.load()
        try:
            while True:
                self.wait()
                self.poll()
                if max_polls and self.polls >= max_polls:
                    return 0
        except KeyboardInterrupt:
            self.save()
            self.say(f"stopped; the next `communique follow` resumes from {self.state_path}")
            return 0


def _duration(seconds: float) -> str:
    if seconds >= 3600:
        return f"{seconds / 3600:.1f}h"
    if seconds >= 60:
        return f"{seconds / 60:.0f}m"
    return f"{seconds:.0f}s"


def run(args: argparse.Namespace) -> int:
    """The ``follow`` command."""
    from ..store import default_path

    every = parse_interval(args.every)
    fetch = FetchOptions(allow_private=args.allow_private)
    if args.max_bytes is not None:
        fetch = FetchOptions(
            max_bytes=args.max_bytes, read_timeout=fetch.read_timeout, allow_private=args.allow_private
        )
    if args.timeout is not None:
        fetch = FetchOptions(
            max_bytes=fetch.max_bytes, read_timeout=args.timeout, allow_private=args.allow_private
        )
    db = args.db or default_path()

    def say(line: str) -> None:
        print(line, flush=True)

    follower = Follower(
        db=db,
        sources=list(dict.fromkeys(args.sources)),
        every=every,
        options=SourceOptions(fetch=fetch),
        delay=args.delay,
        say=say,
        quiet=args.quiet,
    )
    if not args.quiet:
        print(
            f"following {len(follower.sources)} source(s) every {_duration(every)} into {db}; Ctrl-C stops",
            file=sys.stderr,
            flush=True,
        )
    return follower.run(1 if args.once else args.polls)
