"""Coverage of the team's gold by briefings of the sample corpus (see tests/brief/corpus.py).

Prints the coverage per date and language (``pytest -s tests/brief/test_coverage.py``) and fails
below FLOOR.
"""

from __future__ import annotations

import pytest

from communique.brief import brief
from communique.brief.names import Names

from .corpus import covered, facts, held_reports, load_gold, proposal_map

FLOOR = 0.92  # the issue asks at least 0.9; reached 1.00 (ja and en, as of 2025-12-08), 0.93 as of 2025-12-04
DATES = ("2025-12-04", "2025-12-08")
# Pinned just under what the record reaches; floors only go up.  The one exception so far: the
# record used to follow the order the files were listed in, and 1.00 as of 2025-12-04 rested on
# it (one copy of "Umerov and Hnatov are preparing meetings in the US" merged into the Miami
# meeting because a later report naming Hnatov there happened to be read first; in publication
# order the plan is read before anyone names Hnatov in Miami, so the three copies of the plan stay
# one planned meeting and Hnatov has one report of his own at the meeting that day).  The record
# is now the one publication order gives, whatever order the files come in (issue 12).


def coverage(records, gazetteer, as_of, lang):
    gold = load_gold()
    held = held_reports(gold, records)
    actors = {str(r["id"]): r for r in records if r["type"] == "actor"}
    names = Names(gazetteer, actors, lang, as_of)
    wanted = facts(gold, held, as_of, names)
    briefing = brief(records, lang=lang, as_of=as_of)
    proposals = proposal_map(gold, held, records)
    results = [(f, covered(f, briefing, records, names, proposals)) for f in wanted]
    return results, len(gold) - len(held)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("as_of", DATES)
def test_coverage(corpus, gazetteer, as_of, lang):
    results, missing = coverage(corpus, gazetteer, as_of, lang)
    found = sum(ok for _f, ok in results)
    share = found / len(results)
    print(
        f"\ncoverage {as_of} {lang}: {found}/{len(results)} = {share:.2f}"
        + (f" ({missing} gold report(s) not in the store)" if missing else "")
    )
    for fact, ok in results:
        print(f"  {'ok  ' if ok else 'MISS'} {fact.kind:<11} {fact.key}")
    assert share >= FLOOR, f"coverage {share:.2f} below {FLOOR} as of {as_of} ({lang})"
