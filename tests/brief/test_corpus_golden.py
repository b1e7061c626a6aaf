"""Golden briefings of the bundled sample corpus (examples/ukraine-talks-2025), ingested into a
temporary store, and the faithfulness check over them.

The extractors and the merge change these briefings; regenerate them with one command and review
the Markdown diffs (one sentence per line)::

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/brief/test_corpus_golden.py
"""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.brief import brief, render

from .goldens import check_golden
from .test_faithfulness import assert_faithful

GOLDEN = Path(__file__).parent / "golden" / "corpus"

DATES = ("2025-12-04", "2025-12-08")


@pytest.mark.parametrize("fmt", ["md", "json"])
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("as_of", DATES)
def test_corpus_golden(corpus, as_of, lang, fmt):
    text = render(brief(corpus, lang=lang, as_of=as_of), fmt)
    path = GOLDEN / f"ukraine-talks-2025-{as_of}.{lang}.{fmt}"
    check_golden(text, path, "(it follows extraction, merge and the writer) accept it with "
                 "UPDATE_GOLDEN=1 .venv/bin/pytest tests/brief/test_corpus_golden.py")


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(("as_of", "since"), [(d, None) for d in DATES] + [("2025-12-08", "2025-12-04")])
def test_corpus_briefings_are_faithful(corpus, gazetteer, as_of, since, lang):
    assert_faithful(brief(corpus, lang=lang, as_of=as_of, since=since), corpus, gazetteer)
