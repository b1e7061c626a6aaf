"""Golden briefings, reviewed as diffs.  Regenerate with ``UPDATE_GOLDEN=1 pytest tests/brief``."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.brief import brief, render

from .fixtures import trade_records, ukraine_records
from .goldens import check_golden

GOLDEN = Path(__file__).parent / "golden"


# (name, records, as_of, since); each in ja and en, as md and json
CASES = [
    ("ukraine-2025-12-04", ukraine_records, "2025-12-04", None),
    ("ukraine-2025-12-08-since-2025-12-04", ukraine_records, "2025-12-08", "2025-12-04"),
    ("trade-2026-03-12", trade_records, "2026-03-12", None),
]


@pytest.mark.parametrize("fmt", ["md", "json"])
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(("name", "records", "as_of", "since"), CASES, ids=[c[0] for c in CASES])
def test_golden(name, records, as_of, since, lang, fmt):
    text = render(brief(records(), lang=lang, as_of=as_of, since=since), fmt)
    path = GOLDEN / f"{name}.{lang}.{fmt}"
    check_golden(text, path, "run UPDATE_GOLDEN=1 pytest tests/brief to accept it")
