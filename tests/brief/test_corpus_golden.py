"""Golden briefings of the bundled sample corpus (examples/ukraine-talks-2025), ingested into a
temporary store, and the faithfulness check over them.

The extractors and the merge change these briefings; regenerate them with one command and review
the Markdown diffs (one sentence per line)::

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/brief/test_corpus_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from communique.brief import brief, render

from .test_faithfulness import assert_faithful

GOLDEN = Path(__file__).parent / "golden" / "corpus"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
DATES = ("2025-12-04", "2025-12-08")


@pytest.mark.parametrize("fmt", ["md", "json"])
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("as_of", DATES)
def test_corpus_golden(corpus, as_of, lang, fmt):
    text = render(brief(corpus, lang=lang, as_of=as_of), fmt)
    path = GOLDEN / f"ukraine-talks-2025-{as_of}.{lang}.{fmt}"
    if UPDATE or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{path.name} was missing and has been written; review it and run again")
    assert text == path.read_text(encoding="utf-8"), (
        f"{path.name} changed (extraction, merge or the writer); review the diff and run "
        "UPDATE_GOLDEN=1 .venv/bin/pytest tests/brief/test_corpus_golden.py to accept it"
    )


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(("as_of", "since"), [(d, None) for d in DATES] + [("2025-12-08", "2025-12-04")])
def test_corpus_briefings_are_faithful(corpus, gazetteer, as_of, since, lang):
    assert_faithful(brief(corpus, lang=lang, as_of=as_of, since=since), corpus, gazetteer)
