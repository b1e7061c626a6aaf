"""The user guide (docs/, built by MkDocs) cannot rot: its Python examples run, every export,
briefing and search field is documented, and the site builds without a warning."""

import dataclasses
import importlib.util
import re
import subprocess
import sys

import pytest

from communique import pipeline
from communique.brief import model as briefing_model
from communique.store.search import Hit

from .conftest import ROOT
from .everyday import STORES, write_reports

DOCS = ROOT / "docs"


def _documented(page: str) -> set[str]:
    return set(re.findall(r"`([a-z_]+)`", (DOCS / page).read_text(encoding="utf-8")))


def test_every_export_field_is_documented():
    documented = _documented("formats.md")
    for kind in pipeline.EXPORT_TYPES:
        missing = set(pipeline.export_fields(kind)) - documented
        assert not missing, (kind, missing)


@pytest.mark.parametrize("record", [briefing_model.Briefing, briefing_model.Sentence,
                                    briefing_model.Section, briefing_model.Citation,
                                    briefing_model.EvidenceRef, briefing_model.Reference,
                                    briefing_model.Copy, briefing_model.Dropped, Hit])
def test_every_briefing_and_search_field_is_documented(record):
    missing = {f.name for f in dataclasses.fields(record)} - _documented("formats.md")
    assert not missing, (record.__name__, missing)


def test_the_api_examples_run(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    write_reports(corpus / "en", STORES)
    blocks = re.findall(r"```python\n(.*?)```", (DOCS / "api.md").read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 5
    namespace = {"DB": str(tmp_path / "api.db"), "CORPUS": str(corpus), "NAMES": str(tmp_path / "names.json")}
    for block in blocks:
        exec(compile(block, "docs/api.md", "exec"), namespace)  # noqa: S102 - the guide's own examples
    out = capsys.readouterr().out
    assert "ingested 5 new report(s)" in out and "Ryosei Akazawa" in out


def test_every_command_is_in_the_guide():
    from communique.cli import _COMMANDS

    text = (DOCS / "commands.md").read_text(encoding="utf-8")
    web = {"serve", "follow"}  # the web app's commands are documented with the web app
    missing = [c for c in _COMMANDS
               if c not in web and f"communique {c}" not in text and f"## {c}" not in text]
    assert not missing


@pytest.mark.skipif(importlib.util.find_spec("mkdocs") is None, reason="MkDocs is a development dependency")
def test_the_guide_builds_without_warnings(tmp_path):
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "formats" / "index.html").exists()


WEB_COMMANDS = {"serve", "follow"}  # documented with the web app


def _help_page() -> str:
    """docs/reference.md as the commands' --help write it today (80 columns)."""
    import contextlib
    import io
    import os

    from communique.cli import _COMMANDS, main

    parts = ["# Command reference\n\nEvery command's `--help`, as the installed version prints it "
             "(generated; the test suite checks it is current).\n"]
    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "80"
    try:
        for command in ["", *sorted(c for c in _COMMANDS if c not in WEB_COMMANDS)]:
            buffer = io.StringIO()
            with contextlib.redirect_stdout(buffer), contextlib.suppress(SystemExit):
                main([command, "--help"] if command else ["--help"])
            text = buffer.getvalue().rstrip()
            if not command:  # the list of commands includes the web app's, which change with it
                text = "\n".join(_without_web(text.splitlines()))
            parts.append(f"## communique {command}".rstrip() + f"\n\n```text\n{text}\n```\n")
    finally:
        if old is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = old
    return "\n".join(parts)


def _without_web(lines: list[str]) -> list[str]:
    kept, skipping = [], False
    for line in lines:
        first = line.split()[:1]
        if first and first[0] in WEB_COMMANDS and line.startswith("    "):
            skipping = True
            continue
        if skipping and line.startswith(" " * 10):  # the help of a web command, wrapped
            continue
        skipping = False
        kept.append(line)
    return kept


def test_the_command_reference_is_current():
    """docs/reference.md is every --help; after changing the CLI: UPDATE_DOCS=1 pytest this test."""
    import os

    page = DOCS / "reference.md"
    current = _help_page()
    if os.environ.get("UPDATE_DOCS") == "1":
        page.write_text(current, encoding="utf-8")
    assert page.read_text(encoding="utf-8") == current, "UPDATE_DOCS=1 pytest tests/test_everyday_docs.py"
