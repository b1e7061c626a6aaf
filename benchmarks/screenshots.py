"""Screenshots of the web app's main pages, for review (Debian's Chromium, headless; no browser download).

    python benchmarks/screenshots.py                       # the sample corpus, into screenshots/
    python benchmarks/screenshots.py --db demo.db --out /tmp/shots

Serves the store on 127.0.0.1 (building the sample corpus into a temporary store when no --db is
given), opens the stories page, a story in Japanese and in English with a citation opened, the
timeline, who said what, positions, where reports differ, sources, a report page, search and the
page that adds reports (served as with ``--allow-ingest``, its token never shown), at a desktop
and a phone size, and writes one PNG per page and size.  Prints each file and the time the page took.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "ukraine-talks-2025"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
)
SIZES = {"desktop": (1280, 900), "phone": (390, 844)}


def build_demo(folder: Path) -> Path:
    from communique import pipeline

    db = folder / "demo.db"
    with pipeline.open_store(db) as store:
        pipeline.ingest(store, [str(CORPUS / "en"), str(CORPUS / "ja")])
        pipeline.merge(store)
    return db


def serve(db: Path) -> tuple[str, object]:
    import uvicorn

    from communique.web.app import create_app
    from communique.web.ingest import new_token

    app = create_app(db, ingest_token=new_token())  # as `serve --allow-ingest`: the /ingest page too
    app.state.library.snapshot()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server


def browser(width: int, height: int, profile: str):  # noqa: ANN201 - selenium's driver
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in (*FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="a store (default: the sample corpus, built into a temporary store)")
    parser.add_argument(
        "--out", default="screenshots", help="folder for the PNG files (default: screenshots/)"
    )
    parser.add_argument("--full", action="store_true", help="whole pages, not the first screen")
    args = parser.parse_args()
    for path in ("/usr/bin/chromium", "/usr/bin/chromedriver"):
        if not Path(path).exists():
            print(f"{path} is missing: apt-get install -y chromium chromium-driver", file=sys.stderr)
            return 1
    from selenium.webdriver.common.by import By

    from communique import pipeline

    work = Path(tempfile.mkdtemp(prefix="communique-shots-"))
    try:
        db = Path(args.db) if args.db else build_demo(work)
        with pipeline.open_store(db) as store:
            stories = sorted(pipeline.story_rows(store), key=lambda r: -r["reports"])
            reports = pipeline.report_rows(store)
        if not stories:
            print(f"{db}: no stories to show; ingest reports first", file=sys.stderr)
            return 1
        sid = stories[0]["id"]
        report = next((r for r in reports if r["language"] == "en"), reports[0])["id"]
        base, server = serve(db)
        pages = [
            ("stories", "/"),
            ("story-ja", f"/stories/{sid}?lang=ja"),
            ("story-en", f"/stories/{sid}?lang=en"),
            ("timeline", f"/stories/{sid}/timeline"),
            ("statements", f"/stories/{sid}/statements"),
            ("positions", f"/stories/{sid}/positions"),
            ("conflicts", f"/stories/{sid}/conflicts"),
            ("sources", f"/stories/{sid}/sources"),
            ("report", f"/reports/{report}"),
            ("search", "/search?q=%E3%82%BF%E3%83%B3%E3%82%B4"),
            ("ingest", "/ingest"),
        ]
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        for size, (width, height) in SIZES.items():
            driver = browser(width, height, str(work / f"profile-{size}"))
            try:
                for name, path in pages:
                    started = time.perf_counter()
                    driver.get(base + path)
                    if name.startswith("story-"):  # a citation opened in place
                        cites = driver.find_elements(By.CSS_SELECTOR, "details.cite > summary")
                        if len(cites) > 1:
                            cites[1].click()
                    took = time.perf_counter() - started
                    if args.full:
                        full = driver.execute_script("return document.documentElement.scrollHeight")
                        driver.set_window_size(width, min(int(full), 8000))
                    file = out / f"{name}-{size}.png"
                    driver.save_screenshot(str(file))
                    driver.set_window_size(width, height)
                    print(f"{file}\t{took * 1000:.0f} ms")
            finally:
                driver.quit()
        server.should_exit = True  # type: ignore[attr-defined]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
