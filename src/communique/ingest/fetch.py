"""Fetching URLs safely.

- Only http and https.  ``file://`` and other schemes are refused.
- The host is resolved once and every address is checked: loopback, private,
  link-local, multicast, reserved and unspecified ranges are refused unless
  ``allow_private`` is set.  The connection then goes to the checked address (no second
  DNS lookup that could answer differently), and every redirect is checked again.
- Connect and read timeouts, an overall deadline, a size cap, a redirect limit, an
  honest user agent.  The deadline holds by the clock for connecting, the headers and the
  body alike: a watchdog shuts the socket when it passes, so a server that drips its headers
  a byte at a time is stopped too.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from .. import __version__
from ..errors import FetchError
from .limits import DEFAULT_MAX_BYTES, DEFAULT_READ_TIMEOUT

USER_AGENT = f"communique/{__version__} (news briefing tool; +https://pypi.org/project/communique/)"




@dataclass(frozen=True, slots=True, kw_only=True)
class FetchOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    connect_timeout: float = 10.0
    read_timeout: float = DEFAULT_READ_TIMEOUT
    deadline: float = 60.0  # seconds for the whole fetch, redirects included
    max_redirects: int = 5
    allow_private: bool = False


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # the final URL after redirects
    body: bytes
    content_type: str
    charset: str | None


def _refused(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return bool(
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


def resolve(host: str, port: int, url: str, allow_private: bool) -> list[tuple]:
    """getaddrinfo results for host, every one of them checked."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as err:
        raise FetchError(url, f"cannot resolve host {host!r} ({err.strerror})",
                         "check the address and your network") from None
    if not infos:
        raise FetchError(url, f"host {host!r} has no address", "check the address")
    if not allow_private:
        for info in infos:
            ip = ipaddress.ip_address(str(info[4][0]).split("%")[0])
            if _refused(ip):
                raise FetchError(
                    url,
                    f"refused: {host} resolves to a non-public address ({ip})",
                    "pass --allow-private to fetch from local or private networks",
                )
    return infos


class _Watchdog:
    """Shuts every socket of one fetch when its deadline passes, whatever it is waiting for."""

    def __init__(self, deadline_at: float) -> None:
        self.deadline_at = deadline_at
        self.sockets: list[socket.socket] = []
        self.fired = False
        self._timer = threading.Timer(max(0.0, deadline_at - time.monotonic()), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _fire(self) -> None:
        self.fired = True
        for sock in self.sockets:
            with contextlib.suppress(OSError):  # closed already
                sock.shutdown(socket.SHUT_RDWR)

    def watch(self, sock: socket.socket) -> None:
        self.sockets.append(sock)
        if self.fired:
            self._fire()

    def cancel(self) -> None:
        self._timer.cancel()


class _PinnedMixin:
    """Connect to the addresses checked by :func:`resolve`, not to a fresh lookup."""

    pinned: list[tuple] = []
    watchdog: _Watchdog | None = None

    def _new_conn(self):  # type: ignore[no-untyped-def]
        last: OSError | None = None
        for family, socktype, proto, _name, sockaddr in self.pinned:
            sock = socket.socket(family, socktype, proto)
            timeout = self.timeout  # type: ignore[attr-defined]
            if self.watchdog is not None:
                self.watchdog.watch(sock)
                left = max(0.001, self.watchdog.deadline_at - time.monotonic())
                timeout = left if timeout is None else min(timeout, left)
            sock.settimeout(timeout)
            try:
                sock.connect(sockaddr)
                return sock
            except OSError as err:
                sock.close()
                last = err
        if isinstance(last, ConnectionRefusedError):
            raise urllib3.exceptions.NewConnectionError(self, "connection refused")
        raise urllib3.exceptions.NewConnectionError(self, f"connection failed: {last}")


class _PinnedHTTP(_PinnedMixin, HTTPConnection):
    pass


class _PinnedHTTPS(_PinnedMixin, HTTPSConnection):
    pass


def fetch(url: str, options: FetchOptions | None = None) -> Fetched:
    """GET ``url`` under the safety rules above, or raise :class:`FetchError`."""
    options = options or FetchOptions()
    started = time.monotonic()
    watchdog = _Watchdog(started + options.deadline)
    try:
        return _fetch(url, options, started, watchdog)
    except FetchError as err:
        if watchdog.fired and "still sending" not in err.problem:
            raise FetchError(url, f"timed out after {options.deadline:.0f}s (the overall deadline)",
                             "the server is too slow; try again later") from None
        raise
    finally:
        watchdog.cancel()


def _fetch(url: str, options: FetchOptions, started: float, watchdog: _Watchdog) -> Fetched:
    current = url
    for _hop in range(options.max_redirects + 1):
        parts = urlsplit(current)
        if parts.scheme not in ("http", "https"):
            raise FetchError(url, f"refused scheme {parts.scheme or '(none)'}://",
                             "give an http(s) URL, or a local path for files")
        if not parts.hostname:
            raise FetchError(url, "URL has no host", "check the URL")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = resolve(parts.hostname, port, url, options.allow_private)
        response = _request(parts.scheme, parts.hostname, port, infos, current, options, started,
                            watchdog)
        if response.status in (301, 302, 303, 307, 308):
            location = response.headers.get("Location")
            response.release_conn()
            if not location:
                raise FetchError(url, f"redirect {response.status} without a Location",
                                 "report it to the site")
            current = urljoin(current, location)
            continue
        try:
            if response.status >= 400:
                raise FetchError(url, f"HTTP {response.status}", "check the URL or try later")
            body = _read_capped(response, url, options, started)
        finally:
            response.release_conn()
        header = response.headers.get("Content-Type", "")
        charset = None
        if "charset=" in header.lower():
            charset = header.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'")
        return Fetched(current, body, header.split(";")[0].strip().lower(), charset)
    raise FetchError(url, f"more than {options.max_redirects} redirects",
                     "open the URL in a browser to find its final address")


def _request(scheme, host, port, infos, url, options, started, watchdog):  # type: ignore[no-untyped-def]
    remaining = options.deadline - (time.monotonic() - started)
    if remaining <= 0:
        raise FetchError(url, f"timed out after {options.deadline:.0f}s", "try again later")
    pool_cls = HTTPSConnectionPool if scheme == "https" else HTTPConnectionPool
    conn_cls = type("Pinned", (_PinnedHTTPS if scheme == "https" else _PinnedHTTP,),
                    {"pinned": infos, "watchdog": watchdog})
    pool = pool_cls(
        host,
        port,
        timeout=urllib3.Timeout(connect=min(options.connect_timeout, remaining),
                                read=min(options.read_timeout, remaining)),
        retries=False,
        maxsize=1,
    )
    pool.ConnectionCls = conn_cls
    path = urlsplit(url)._replace(scheme="", netloc="", fragment="").geturl() or "/"
    try:
        return pool.urlopen(
            "GET",
            path,
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,"
                     "application/rss+xml,application/atom+xml,application/xml,text/plain;q=0.9,"
                     "*/*;q=0.5", "Accept-Encoding": "gzip, deflate"},
            redirect=False,
            preload_content=False,
            decode_content=True,
        )
    except urllib3.exceptions.NewConnectionError as err:  # before TimeoutError, its base class
        if "connection refused" in str(err):
            raise FetchError(url, f"connection refused by {host}:{port}",
                             "check the address, or try later if the server is down") from None
        raise FetchError(url, "could not connect (timed out or unreachable)",
                         "check the URL and your network, or try later") from None
    except urllib3.exceptions.TimeoutError:
        raise FetchError(url, "timed out waiting for the server", "try again later") from None
    except urllib3.exceptions.HTTPError as err:
        raise FetchError(url, f"connection failed ({type(err).__name__})",
                         "check the URL and your network") from None
    except OSError as err:  # the watchdog shut the socket under http.client
        raise FetchError(url, f"connection failed ({type(err).__name__})",
                         "check the URL and your network") from None


def _read_capped(response, url: str, options: FetchOptions, started: float) -> bytes:  # type: ignore[no-untyped-def]
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > options.max_bytes:
        raise FetchError(url, f"larger than the {options.max_bytes:,}-byte cap",
                         "raise --max-bytes if you trust the source")
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            chunk = response.read1(65536)  # whatever has arrived: the deadline is checked often
            if not chunk:
                break
            size += len(chunk)
            if size > options.max_bytes:
                raise FetchError(url, f"larger than the {options.max_bytes:,}-byte cap",
                                 "raise --max-bytes if you trust the source")
            if time.monotonic() - started > options.deadline:
                raise FetchError(url, f"still sending after {options.deadline:.0f}s",
                                 "the server may stream without end; try again later")
            chunks.append(chunk)
    except urllib3.exceptions.TimeoutError:
        raise FetchError(url, "timed out while reading", "try again later") from None
    except (urllib3.exceptions.HTTPError, OSError) as err:
        raise FetchError(url, f"download failed ({type(err).__name__})", "try again later") from None
    if time.monotonic() - started > options.deadline:  # the watchdog cut it short
        raise FetchError(url, f"still sending after {options.deadline:.0f}s",
                         "the server may stream without end; try again later")
    return b"".join(chunks)
