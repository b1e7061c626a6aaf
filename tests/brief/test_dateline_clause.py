"""English indirect speech the briefing gives as "X said that ..." is the speaker's clause, not
the outlet's dateline cut into it ("TOKYO, Aug 7 (Reuters) – ...") nor a clause cut short
("... would be exempt from such.")."""

from __future__ import annotations

from communique.brief.select import _DATELINE


def test_a_dateline_or_a_cut_clause_is_not_what_was_said() -> None:
    assert _DATELINE.search("TOKYO, Aug 7 (Reuters) – the negotiator urged the U.S. to act")
    assert _DATELINE.search("Lisbon, March 3 (Example Press)--the two ministers spoke by phone")
    assert _DATELINE.search("its goods would be exempt from such.")
    assert not _DATELINE.search("such measures were discussed in Tokyo, March 3")
    assert not _DATELINE.search("the two sides agreed on tariffs such as those on cars")
