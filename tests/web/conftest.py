"""Fixtures of the web app's tests: the sample corpus in a store built once per test session, the app over
it, and a live server on 127.0.0.1 for the browser tests."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from communique import pipeline

from .xss import write_corpus

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "ukraine-talks-2025"


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample corpus, ingested (extracted and merged) into a store of its own."""
    path = tmp_path_factory.mktemp("web") / "demo.db"
    with pipeline.open_store(path) as store:
        pipeline.ingest(store, [str(CORPUS / "en"), str(CORPUS / "ja")])
        pipeline.merge(store)
    return path


@pytest.fixture(scope="session")
def demo_records(demo_db: Path) -> list[dict]:
    with pipeline.open_store(demo_db) as store:
        return list(pipeline.export_records(store))


@pytest.fixture(scope="session")
def story_id(demo_db: Path) -> str:
    with pipeline.open_store(demo_db) as store:
        rows = pipeline.story_rows(store)
    assert rows, "the sample corpus forms no story"
    return max(rows, key=lambda r: r["reports"])["id"]


@pytest.fixture(scope="session")
def xss_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("xss")
    db = folder / "hostile.db"
    with pipeline.open_store(db) as store:
        summary = pipeline.ingest(store, [str(write_corpus(folder))])
        assert len(summary.added) == 20, summary.line()
        pipeline.merge(store)
    return db


@pytest.fixture(scope="session")
def headlines(demo_db: Path, story_id: str) -> dict[str, str]:
    """The story's briefing headline in each language, as the library writes it today."""
    from communique.web.data import Library

    library = Library(str(demo_db))
    return {lang: library.briefing(story_id, lang, None, None).headline.text for lang in ("ja", "en")}


@pytest.fixture(scope="session")
def client(demo_db: Path):
    from fastapi.testclient import TestClient

    from communique.web.app import create_app

    with TestClient(create_app(demo_db)) as test_client:
        yield test_client


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def live_server(db: Path, **options: Any) -> Iterator[str]:
    """The app served by uvicorn on 127.0.0.1 in a thread; yields its base URL."""
    import uvicorn

    from communique.web.app import create_app

    app = create_app(db, **options)
    app.state.library.snapshot()
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
