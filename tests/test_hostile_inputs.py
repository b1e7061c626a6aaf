"""Issue 14, items 2, 5-8, 10: hostile or broken local inputs.

One bad input never stops a run: each becomes a skipped input with its reason (listed by
``communique reports``) and the inputs after it are read.  Nothing wrong is stored: no Python
text of a JSON list, no NUL letters, no far-off dates, no script as a language.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time

import pytest

from communique.ingest import SourceOptions, build_report, expand
from communique.ingest.decode import decode
from communique.ingest.fetch import FetchOptions
from communique.model import Document, Skipped
from communique.store import SQLiteStore

from .conftest import ARTICLE_EN

GOOD = ARTICLE_EN
OTHER = ("Ministers meet in Geneva\n\nGENEVA, Dec 4, 2025 (Test Wire) - The foreign ministers met in "
         "Geneva on Thursday to discuss the ceasefire plan, officials said.\n\n"
         '"We made progress," one of them told reporters after the five-hour meeting.')


def _items(source, **options):
    return list(expand(str(source), SourceOptions(**options)))


def _skipped(db):
    with SQLiteStore(db) as store:
        return {row["source"]: row["reason"] for row in store.skipped()}


def _reports(db):
    with SQLiteStore(db) as store:
        return list(store.reports())


# -- decoding: each used to raise and stop the run -------------------------------------------------
BROKEN_BYTES = {
    "utf16-odd.txt": b"\xff\xfe" + "Talks in Geneva went on.".encode("utf-16-le") + b"x",
    "utf8-bom-cp1252.txt": b"\xef\xbb\xbf" + "Caf\u00e9 talks went on, the minister said.".encode("cp1252"),
    "utf32-garbage.txt": b"\xff\xfe\x00\x00" + bytes(range(1, 255)) * 4,
    "charset-undefined.html": b'<html><head><meta charset="undefined"></head><body><p>Caf\xe9 talks '
                              b"in Geneva went on for five hours, the minister said.</p></body></html>",
}


@pytest.mark.parametrize("name", BROKEN_BYTES)
def test_broken_encodings_never_stop_a_run(run, db, tmp_path, name):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_bytes(BROKEN_BYTES[name])
    (folder / "z-good.txt").write_text(GOOD, encoding="utf-8")
    code, _out, err = run("ingest", "--db", db, "--no-extract", folder)
    assert "Traceback" not in err
    assert code == 0
    reports = _reports(db)
    assert any("Kremlin" in r.text for r in reports)  # the input after the bad one was read
    assert all("\x00" not in r.text for r in reports)


def test_utf16_without_bom_is_read_as_utf16():
    text = decode("Talks in Geneva went on for five hours.".encode("utf-16-le"), "x").text
    assert text == "Talks in Geneva went on for five hours."
    assert decode("Talks in Geneva.".encode("utf-16-be"), "x").text == "Talks in Geneva."


@pytest.mark.parametrize("data", [b"\x00" * 5000, b"\x00" * 4000 + b"a few letters" + b"\x00" * 4000])
def test_nul_bytes_are_refused(tmp_path, data):
    with pytest.raises(Exception, match="NUL"):
        build_report(Document(source="nul.txt", raw=data, content_type="text"))


# -- JSON and JSONL --------------------------------------------------------------------------------
HOSTILE_LINES = [
    '{"text": 1' + "0" * 5000 + "}",  # a number of 5,000 digits
    "[" * 100_000 + "]" * 100_000,  # nested 100,000 deep
    '{"text": "Lone \\ud800 surrogate in the talks text, the minister said in Geneva today."}',
    '{"text": "NaN title", "title": NaN}',
    "not json at all",
]


def test_jsonl_bad_lines_are_skipped_and_the_rest_read(run, db, tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [*HOSTILE_LINES, json.dumps({"text": GOOD, "title": "Envoys meet Kremlin leader"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _out, err = run("ingest", "--db", db, "--no-extract", path)
    assert "Traceback" not in err
    assert code == 0
    texts = [r.text for r in _reports(db)]
    assert any("Kremlin" in t for t in texts)  # the last line, after every bad one
    assert any("\ufffd surrogate" in t for t in texts)  # the lone surrogate replaced, the rest kept
    skipped = _skipped(db)
    assert "invalid JSON" in skipped[f"{path}:1"] and "invalid JSON" in skipped[f"{path}:2"]


@pytest.mark.parametrize("line", HOSTILE_LINES[:2])
def test_hostile_json_file_is_skipped(tmp_path, line):
    path = tmp_path / "one.json"
    path.write_text(line, encoding="utf-8")
    (item,) = _items(path)
    assert isinstance(item, Skipped) and "invalid JSON" in item.reason


def test_json_fields_of_the_wrong_type_are_dropped_with_a_warning():
    path_record = {"text": GOOD, "title": ["a", "b"], "url": {"x": 1}, "language": 5,
                   "published_at": float("nan"), "outlet": float("inf")}
    doc = _record(path_record)
    assert (doc.title, doc.url, doc.language, doc.published_at, doc.outlet) == (None,) * 5
    report, warning = build_report(doc)
    assert "['a', 'b']" not in (report.title or "") and report.url is None and report.language == "en"
    assert '"title" is a JSON array' in warning and '"language" is a JSON number' in warning


def _record(record):
    from communique.ingest.sources import _record_document

    doc = _record_document(json.loads(json.dumps(record)), "r.jsonl:1")
    assert isinstance(doc, Document)
    return doc


@pytest.mark.parametrize("words", [200, 200_000])
def test_huge_title_is_capped_and_not_prepended(words):
    report, warning = build_report(_record({"text": GOOD, "title": "Talks " * words}))
    assert len(report.title or "") <= 301
    assert words < 1000 or '"title" is 1,200,000 characters long' in warning
    assert report.text.startswith("Envoys meet Kremlin leader")


def test_a_script_is_no_language():
    text = f"---\ntitle: Talks\nlanguage: <script>alert(1)</script>\n---\n{GOOD}\n"
    report, warning = build_report(Document(source="a.md", raw=text.encode(), content_type="markdown"))
    assert report.language == "en" and "no language code" in warning


@pytest.mark.parametrize("stamp", ["9999-12-31", "0001-01-01", "1850-05-01"])
def test_far_off_dates_are_refused_with_a_warning(stamp):
    report, warning = build_report(_record({"text": OTHER, "published_at": stamp}))
    assert report.published_at is None or report.published_at.startswith("2025-12-04")
    assert "outside 1900" in warning


def test_a_sane_date_is_kept():
    report, warning = build_report(_record({"text": OTHER, "published_at": "2025-12-04"}))
    assert report.published_at.startswith("2025-12-04") and not warning


def test_a_record_over_the_cap_is_skipped_and_the_next_read(tmp_path):
    path = tmp_path / "big.jsonl"
    big = json.dumps({"text": "word " * 400_000})  # 2 MB on one line
    path.write_text(big + "\n" + json.dumps({"text": GOOD}) + "\n", encoding="utf-8")
    started = time.monotonic()
    items = _items(path, fetch=FetchOptions(max_bytes=1_000_000))
    assert time.monotonic() - started < 5
    assert isinstance(items[0], Skipped) and "over the 1,000,000-byte cap" in items[0].reason
    assert isinstance(items[1], Document) and "Kremlin" in items[1].text


def test_empty_jsonl_is_reported(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"\n\n")
    (item,) = _items(path)
    assert isinstance(item, Skipped) and "no records" in item.reason


# -- folders: only regular files, no symlink out of the folder -------------------------------------
def test_fifo_socket_and_devices_are_skipped_without_blocking(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "sock.txt"))
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    result: list = []
    worker = threading.Thread(target=lambda: result.extend(_items(folder)), daemon=True)
    worker.start()
    worker.join(10)
    sock.close()
    assert not worker.is_alive(), "reading the folder blocked"
    reasons = {os.path.basename(i.source): i.reason for i in result if isinstance(i, Skipped)}
    assert "FIFO" in reasons["pipe.txt"] and "socket" in reasons["sock.txt"]
    assert "out of the folder" in reasons["zero.txt"]
    assert [os.path.basename(i.source) for i in result if isinstance(i, Document)] == ["good.txt"]


def test_dev_zero_named_directly_is_refused(tmp_path):
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    (item,) = _items(link)
    assert isinstance(item, Skipped) and "character device" in item.reason


def test_symlink_out_of_the_folder_is_not_followed(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n" * 20, encoding="utf-8")
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "inside.txt").write_text(GOOD, encoding="utf-8")
    (folder / "sub" / "again.txt").symlink_to(folder / "inside.txt")  # inside: read
    (folder / "outdir").symlink_to(tmp_path, target_is_directory=True)
    items = _items(folder)
    skipped = {os.path.basename(i.source): i.reason for i in items if isinstance(i, Skipped)}
    assert "out of the folder" in skipped["passwd.txt"]
    assert "link to a folder" in skipped["outdir"]
    docs = sorted(os.path.basename(i.source) for i in items if isinstance(i, Document))
    assert docs == ["again.txt", "inside.txt"]
    followed = _items(folder, follow_symlinks=True)
    assert any(os.path.basename(i.source) == "passwd.txt" for i in followed if isinstance(i, Document))


def test_unreadable_subfolder_is_reported(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    real = os.scandir

    def scandir(path="."):  # as chmod 0 does for a user other than root (the tests may run as root)
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = _items(folder)
    assert any(isinstance(i, Skipped) and i.source.endswith("locked") and "cannot read the folder" in i.reason
               for i in items)
    assert any(isinstance(i, Document) for i in items)


def test_file_names_are_shown_escaped(run, db, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    bad = os.fsencode(folder) + b"/bad\xffname\nFORGED\treport.txt"
    with open(bad, "wb") as handle:
        handle.write(GOOD.encode("utf-8"))
    with open(bad[:-4] + b".bin", "wb") as handle:
        handle.write(b"x")
    code, out, err = run("ingest", "--db", db, "--no-extract", folder)
    assert code == 0 and "Traceback" not in err
    (report,) = _reports(db)
    assert report.source.endswith("/bad\\xffname\\nFORGED\\treport.txt")
    code, out, _err = run("reports", "--db", db)
    assert "bad\\xffname\\nFORGED\\treport.bin\tunsupported file type .bin" in out
    assert not any(line.startswith("FORGED") for line in out.splitlines())


def test_feed_item_with_an_empty_description_is_skipped_not_a_crash(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><title>T</title>'
                    "<description/></item><item><title>U</title><description>The ministers met in Geneva "
                    "on Thursday, officials said.</description></item></channel></rss>", encoding="utf-8")
    items = _items(feed, follow_links=False)
    assert isinstance(items[0], Skipped) and "no content" in items[0].reason
    assert isinstance(items[1], Document)


def test_feed_with_a_nul_in_its_encoding_name_is_skipped(tmp_path):
    from communique.ingest.sources import _from_feed

    data = (b'<?xml version="1.0" encoding="UTF-8\x0f\x00\x00"?>\n<rss version="2.0"><channel><item>'
            b"<description>x</description></item></channel></rss>")
    (item,) = list(_from_feed(data, "f.xml", SourceOptions(follow_links=False)))
    assert isinstance(item, Skipped) and "not a readable RSS/Atom feed" in item.reason


def test_html_that_lxml_refuses_is_read_by_the_block_reader(monkeypatch):
    """Fuzzing found a page on which trafilatura's lxml raised ValueError ('All strings must be
    XML compatible'): characters XML cannot hold are spaces before it reads, and a ValueError
    from it leaves the page to the block reader."""
    import trafilatura

    from communique.ingest.clean import html_to_text

    page = ("<html><head><title>Talks\x01 go on</title></head><body><p>" + "The minister said\x00 the talks "
            "would go on\x0bnext week in Geneva.\ufffe " * 5 + "</p></body></html>")
    read = html_to_text(page, "x.html")
    assert "Geneva" in read.text and not any(c in read.text for c in "\x00\x01\x0b\ufffe")

    def refuse(*_args, **_kwargs):
        raise ValueError("All strings must be XML compatible")

    monkeypatch.setattr(trafilatura, "extract", refuse)
    monkeypatch.setattr(trafilatura, "extract_metadata", refuse)
    read = html_to_text(page, "x.html")
    assert "Geneva" in read.text and read.title
