"""Issue 14, item 4: slow servers on 127.0.0.1 (loopback only, bounded in count and time).

The overall deadline holds by the clock for connecting, the headers and the body: a server that
drips its status line and headers a byte at a time (each byte well inside the read timeout) is
stopped at the deadline.  A feed has a deadline of its own, its linked pages included.
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import replace

import pytest

from communique.errors import FetchError
from communique.ingest import SourceOptions, expand
from communique.ingest.fetch import FetchOptions, fetch
from communique.model import Skipped

LOCAL = FetchOptions(allow_private=True, deadline=2.0, read_timeout=1.0, connect_timeout=1.0)


class _Dripper:
    """A raw TCP server: answers each connection by sending ``payload`` one byte every ``pause``
    seconds, for at most ``lifetime`` seconds."""

    def __init__(self, payload: bytes, pause: float = 0.2, lifetime: float = 8.0) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.payload, self.pause = payload, pause
        self.until = time.monotonic() + lifetime
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while time.monotonic() < self.until:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            threading.Thread(target=self._drip, args=(conn,), daemon=True).start()
        self.sock.close()

    def _drip(self, conn: socket.socket) -> None:
        with conn:
            try:
                conn.settimeout(1.0)
                conn.recv(4096)
                for byte in self.payload:
                    if time.monotonic() > self.until:
                        return
                    conn.sendall(bytes([byte]))
                    time.sleep(self.pause)
            except OSError:
                pass

    def close(self) -> None:
        self.until = 0
        self.thread.join(2)


@pytest.fixture
def dripper():
    servers: list[_Dripper] = []

    def make(payload: bytes, **kw) -> _Dripper:
        servers.append(_Dripper(payload, **kw))
        return servers[-1]

    yield make
    for server in servers:
        server.close()


def test_dripped_headers_are_stopped_at_the_deadline(dripper):
    server = dripper(b"HTTP/1.1 200 OK\r\n" + b"X-Slow: " + b"a" * 500 + b"\r\n\r\nbody")
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out after 2s"):
        fetch(f"http://127.0.0.1:{server.port}/", LOCAL)
    assert time.monotonic() - started < 4


def test_dripped_body_is_stopped_at_the_deadline(dripper):
    server = dripper(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + b"<p>" * 5000, pause=0.001)
    started = time.monotonic()
    with pytest.raises(FetchError):
        fetch(f"http://127.0.0.1:{server.port}/", replace(LOCAL, read_timeout=5.0))
    assert time.monotonic() - started < 4


def test_a_refused_connection_is_reported_as_refused():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    with pytest.raises(FetchError, match="connection refused"):
        fetch(f"http://127.0.0.1:{port}/", LOCAL)


def test_a_feed_has_a_deadline_of_its_own(dripper, tmp_path):
    server = dripper(b"HTTP/1.1 200 OK\r\n" + b"X-Slow: " + b"a" * 500 + b"\r\n\r\n", pause=0.1)
    items = "".join(f"<item><title>Item {i}</title><link>http://127.0.0.1:{server.port}/{i}</link></item>"
                    for i in range(50))
    feed = tmp_path / "slow.xml"
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Slow</title>{items}'
                    "</channel></rss>", encoding="utf-8")
    options = SourceOptions(fetch=replace(LOCAL, deadline=1.0), feed_deadline=2.5)
    started = time.monotonic()
    found = list(expand(str(feed), options))
    assert time.monotonic() - started < 6
    assert isinstance(found[-1], Skipped) and "deadline passed after" in found[-1].reason
    assert len(found) < 10


def test_the_feed_deadline_is_an_ingest_option(dripper, tmp_path, run, db):
    server = dripper(b"HTTP/1.1 200 OK\r\n" + b"X-Slow: " + b"a" * 500 + b"\r\n\r\n", pause=0.1)
    items = "".join(f"<item><title>Item {i}</title><link>http://127.0.0.1:{server.port}/{i}</link></item>"
                    for i in range(50))
    feed = tmp_path / "slow.xml"
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Slow</title>{items}'
                    "</channel></rss>", encoding="utf-8")
    started = time.monotonic()
    code, _out, err = run("ingest", "--db", db, "--allow-private", "--timeout", "1", "--feed-deadline", "2",
                          "--no-extract", feed)
    assert time.monotonic() - started < 8
    assert "the feed's 2s deadline passed after" in err and "--feed-deadline" in err
    code, out, _err = run("reports", "--db", db)
    assert "deadline passed" in out
