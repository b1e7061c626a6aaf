"""Every briefing the writer produces is faithful to its evidence (see communique.brief.verify).

Run over both stories, both languages, every as-of date on which a report appeared, with and
without a "since" date.
"""

from __future__ import annotations

import pytest

from communique.brief import BriefError, brief, verify_briefing

from .fixtures import trade_records, ukraine_records


def _dates(records):
    return sorted({r["published_at"][:10] for r in records if r["type"] == "report"})


def assert_faithful(briefing, records, gazetteer):
    reports = {r["id"]: r for r in records if r["type"] == "report"}
    for where, sentence in briefing.sentences():
        assert sentence.citations, f"{where}: {sentence.text} has no citation"
        for citation in sentence.citations:
            assert citation.evidence, f"{where}: {sentence.text} cites {citation.item_id} without evidence"
            assert citation.refs, f"{where}: {sentence.text} cites no reference"
            for ev in citation.evidence:
                assert reports[ev.report_id]["published_at"][:10] <= briefing.as_of, (
                    f"{where}: cites a report published after {briefing.as_of}"
                )
    failures = verify_briefing(briefing, records, gazetteer)
    assert not failures, "\n".join(f"{f.where}: {f.text}\n    {f.reasons}" for f in failures)
    numbers = [r.number for r in briefing.references]
    assert numbers == list(range(1, len(numbers) + 1))
    cited = {n for _w, s in briefing.sentences() for n in s.refs}
    assert cited == set(numbers), "every reference is cited and every citation has a reference"


STORIES = {"ukraine": ukraine_records, "trade": trade_records}
MATRIX = [
    (story, day, since)
    for story, make in STORIES.items()
    for day in _dates(make())
    for since in (None, _dates(make())[0])
]


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(("story", "as_of", "since"), MATRIX)
def test_every_briefing_is_faithful(story, as_of, since, lang, gazetteer):
    records = STORIES[story]()
    try:
        briefing = brief(records, lang=lang, as_of=as_of, since=since)
    except BriefError:
        pytest.skip("nothing to brief yet on this date")
    assert_faithful(briefing, records, gazetteer)
