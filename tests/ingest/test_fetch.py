"""Fetching, against servers on this machine's loopback only (bounded in count and time)."""

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from communique.errors import FetchError
from communique.ingest import fetch as fetch_module
from communique.ingest.fetch import FetchOptions, fetch

PAGE = b"<html><head><title>T</title></head><body><p>Hello from the test server.</p></body></html>"


class Handler(BaseHTTPRequestHandler):
    seen_agents: list[str] = []

    def log_message(self, *args):  # keep test output clean
        pass

    def do_GET(self):
        Handler.seen_agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/page":
            self._send(200, PAGE, "text/html; charset=utf-8")
        elif self.path == "/big":
            self._send(200, b"x" * 200_000, "text/plain")
        elif self.path == "/big-chunked":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for _ in range(50):
                chunk = b"y" * 10_000
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.write(b"0\r\n\r\n")
        elif self.path == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            try:
                deadline = time.monotonic() + 5
                while time.monotonic() < deadline:
                    self.wfile.write(b"<item><title>again</title></item>\n")
                    self.wfile.flush()
                    time.sleep(0.05)
            except OSError:
                pass
        elif self.path == "/loop":
            self._redirect("/loop")
        elif self.path == "/to-page":
            self._redirect("/page")
        elif self.path.startswith("/to-other-host"):
            port = self.server.server_address[1]
            self._redirect(f"http://127.0.0.2:{port}/page")
        elif self.path == "/missing":
            self._send(404, b"no", "text/plain")
        else:
            self._send(500, b"?", "text/plain")

    def _send(self, status, body, ctype):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, where):
        self.send_response(302)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


LOCAL = FetchOptions(allow_private=True, connect_timeout=2, read_timeout=2, deadline=4)


def test_fetches_a_page_with_an_honest_user_agent(server):
    got = fetch(f"{server}/page", LOCAL)
    assert got.body == PAGE
    assert got.content_type == "text/html"
    assert got.charset == "utf-8"
    assert Handler.seen_agents[-1].startswith("communique/")


def test_follows_redirects(server):
    assert fetch(f"{server}/to-page", LOCAL).url.endswith("/page")


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1/", "http://10.0.0.1/", "http://[::1]/", "http://169.254.169.254/latest/",
     "http://192.168.1.1/", "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/", "http://localhost/"],
)
def test_private_addresses_are_refused(url):
    with pytest.raises(FetchError, match="non-public address"):
        fetch(url)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x"])
def test_other_schemes_are_refused(url):
    with pytest.raises(FetchError, match="refused scheme"):
        fetch(url)


def test_every_redirect_is_checked(server, monkeypatch):
    # Treat 127.0.0.1 as public for this test; 127.0.0.2 stays refused.
    real = fetch_module._refused
    monkeypatch.setattr(fetch_module, "_refused", lambda ip: str(ip) != "127.0.0.1" and real(ip))
    options = FetchOptions(connect_timeout=2, read_timeout=2, deadline=4)
    assert fetch(f"{server}/page", options).body == PAGE
    with pytest.raises(FetchError, match=r"non-public address \(127\.0\.0\.2\)"):
        fetch(f"{server}/to-other-host", options)


def test_redirect_limit(server):
    with pytest.raises(FetchError, match="redirects"):
        fetch(f"{server}/loop", LOCAL)


@pytest.mark.parametrize("path", ["/big", "/big-chunked"])
def test_size_cap(server, path):
    options = FetchOptions(allow_private=True, max_bytes=100_000, read_timeout=2, deadline=4)
    with pytest.raises(FetchError, match="byte cap"):
        fetch(f"{server}{path}", options)


def test_a_feed_that_never_ends_is_cut(server):
    options = FetchOptions(allow_private=True, read_timeout=2, deadline=1.5)
    started = time.monotonic()
    with pytest.raises(FetchError, match="still sending|byte cap"):
        fetch(f"{server}/endless", options)
    assert time.monotonic() - started < 4


def test_http_errors(server):
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(f"{server}/missing", LOCAL)


def test_a_server_that_never_answers_times_out():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)  # accepts the connection, never answers
    port = listener.getsockname()[1]
    try:
        started = time.monotonic()
        options = FetchOptions(allow_private=True, connect_timeout=1, read_timeout=1, deadline=3)
        with pytest.raises(FetchError, match="timed out"):
            fetch(f"http://127.0.0.1:{port}/", options)
        assert time.monotonic() - started < 3
    finally:
        listener.close()
