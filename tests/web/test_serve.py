"""`communique serve` as a user starts it: a process listening on 127.0.0.1 only, read-only."""

from __future__ import annotations

import http.client
import json
import socket
import subprocess
import sys
import time
from pathlib import Path

from .. import postgres
from .conftest import free_port


@postgres.file_only
def test_serve_listens_on_loopback_and_answers(demo_db, tmp_path):
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "communique.cli", "serve", "--db", str(demo_db),
                               "--port", str(port), "--briefing-cache", str(tmp_path / "cache")],
                              stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, server.stderr.read() if server.stderr else ""
                assert time.monotonic() < deadline, "serve did not start"
                time.sleep(0.1)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("GET", "/api/stories")
        response = conn.getresponse()
        body = response.read()
        assert response.status == 200 and b'"items"' in body
        story = json.loads(body)["items"][0]["id"]
        conn.request("GET", f"/api/stories/{story}/briefing?lang=en")
        response = conn.getresponse()
        assert response.status == 200 and b'"headline"' in response.read()
        assert "script-src" not in response.getheader("content-security-policy", "")
        conn.request("GET", "/", headers={"Host": "attacker.example"})  # DNS rebinding: refused
        response = conn.getresponse()
        response.read()
        assert response.status == 400
        conn.request("POST", "/api/stories")
        response = conn.getresponse()
        assert response.status == 405 and b"read-only" in response.read()
        conn.close()
        table = Path("/proc/net/tcp").read_text().splitlines()[1:]
        listening = [line for line in table
                     if line.split()[1].endswith(f":{port:04X}") and line.split()[3] == "0A"]
        assert listening and all(line.split()[1].startswith("0100007F:") for line in listening)  # 127.0.0.1
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert "serving" in (server.stderr.read() if server.stderr else "")
    assert list((tmp_path / "cache").glob("*.pickle")), "the briefings written are kept in --briefing-cache"
