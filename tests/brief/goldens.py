"""Golden files, reviewed as diffs.  ``UPDATE_GOLDEN=1`` rewrites them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def check_golden(text: str, path: Path, accept: str) -> None:
    """Compare ``text`` with the golden file; ``accept`` says how to accept a reviewed diff."""
    if UPDATE or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{path.name} was missing and has been written; review it and run again")
    assert text == path.read_text(encoding="utf-8"), f"{path.name} changed; review the diff and {accept}"
