"""The optional model writer, tested with recorded replies: never needs a model."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from communique.brief import BriefError, render
from communique.brief.llm import LLMConfig, write

from .test_faithfulness import assert_faithful

RECORDED = Path(__file__).parent / "recorded"


def recorded(name):
    reply = json.loads((RECORDED / f"{name}.json").read_text(encoding="utf-8"))
    return lambda _payload: reply


def test_a_good_reply_is_kept_whole(ukraine, gazetteer):
    briefing = write(ukraine, lang="en", as_of="2025-12-08", transport=recorded("good_en"))
    assert briefing.dropped == ()
    assert briefing.writer == "llm:recorded-good"
    assert briefing.headline.text.startswith("Trump says \u201cIt was a reasonably good meeting\u201d")
    assert [s.title for s in briefing.sections] == ["Russia's view", "Ukraine's view"]
    assert len(briefing.points) == 3
    assert_faithful(briefing, ukraine, gazetteer)


def test_fabrications_are_dropped_and_reported(ukraine, gazetteer):
    briefing = write(ukraine, lang="en", as_of="2025-12-08", transport=recorded("bad_en"))
    dropped = {d.where: d.reasons for d in briefing.dropped}
    assert "quote not in the cited evidence: 'the deal is done'" in dropped["headline"]
    assert "number not in the cited evidence: 6" in dropped["lead[0]"]
    assert "date not in the cited evidence: 'December 5'" in dropped["lead[1]"]
    assert "number not in the cited evidence: 40" in dropped["section[0][0]"]
    assert any("do not exist: X9" in r for r in dropped["section[0][1]"])
    assert dropped["section[0][2]"] == ("no citation",)
    assert any("emmanuel-macron" in r for r in dropped["section[0][3]"])
    assert "date not in the cited evidence: 'December 15'" in dropped["points[1]"]
    kept = [s.text for _w, s in briefing.sentences()]
    assert "Trump later said \u201cit takes two to tango\u201d." in kept
    assert "According to Eastern Dispatch, Russia rejects any prospect of Ukraine joining NATO." in kept
    assert briefing.headline.kind == "headline" and "the deal is done" not in briefing.headline.text
    assert_faithful(briefing, ukraine, gazetteer)  # what is left is faithful
    text = render(briefing, "md", show_dropped=True)
    assert "## Sentences dropped by verification" in text and "the deal is done" in text
    assert "the deal is done" not in render(briefing, "md")  # listed only on request


def test_japanese_reply_is_checked_too(ukraine, gazetteer):
    briefing = write(ukraine, lang="ja", as_of="2025-12-08", transport=recorded("mixed_ja"))
    dropped = {d.where: d.reasons for d in briefing.dropped}
    assert set(dropped) == {"lead[2]", "section[0][1]"}
    assert any("「合意は近い」" not in r and "'合意は近い'" in r for r in dropped["lead[2]"])
    assert any("12月6日" in r for r in dropped["lead[2]"])
    assert "number not in the cited evidence: 8" in dropped["section[0][1]"]
    assert briefing.headline.text == "トランプ大統領「かなり良い会談だった」 モスクワ会談後"
    assert_faithful(briefing, ukraine, gazetteer)


class _Server:
    def __init__(self, reply):
        self.requests = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - the stdlib's name
                body = self.rfile.read(int(self.headers["Content-Length"]))
                outer.requests.append((self.path, json.loads(body), self.headers.get("Authorization")))
                data = json.dumps(reply).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *_args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *_exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def test_over_http_to_an_openai_compatible_endpoint(ukraine):
    reply = json.loads((RECORDED / "good_en.json").read_text(encoding="utf-8"))
    with _Server(reply) as server:
        config = LLMConfig(url=server.url, model="local-model", api_key="k", timeout=10)
        briefing = write(ukraine, lang="en", as_of="2025-12-08", config=config)
    path, payload, auth = server.requests[0]
    assert path == "/v1/chat/completions" and auth == "Bearer k"
    assert payload["model"] == "local-model" and payload["messages"][0]["role"] == "system"
    assert "[S1]" in payload["messages"][1]["content"] and "evidence:" in payload["messages"][1]["content"]
    assert briefing.dropped == ()


def test_an_endpoint_that_is_down_is_a_clear_error(ukraine):
    with _Server({}) as server:
        url = server.url
    with pytest.raises(BriefError, match="language model endpoint failed"):
        write(ukraine, lang="en", as_of="2025-12-08", config=LLMConfig(url=url, model="m", timeout=2))


@pytest.mark.parametrize("reply", [{"choices": []}, {"choices": [{"message": {"content": "not json"}}]}])
def test_a_reply_that_is_not_the_json_asked_for_is_a_clear_error(ukraine, reply):
    with pytest.raises(BriefError, match="language model reply"):
        write(ukraine, lang="en", as_of="2025-12-08", transport=lambda _p: reply)


def test_no_endpoint_no_model(ukraine):
    with pytest.raises(BriefError, match="needs an endpoint"):
        write(ukraine, lang="en", as_of="2025-12-08")
