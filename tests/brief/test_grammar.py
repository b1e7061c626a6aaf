"""English indirect speech is given as "X said that ..." only when the words are a clause."""

from __future__ import annotations

import pytest

from communique.brief.grammar import is_clause


@pytest.mark.parametrize(("words", "clause"), [
    ("the two delegations had agreed on a timetable", True),
    ("talks would resume at the level of experts", True),
    ("the capital is pressing its partner to amend the order", True),
    ("his demand for a review of duties on steel", False),
    ("the 20% duties to be imposed on March 1", False),
    ("without saying what the minister had asked", False),
    ("despite two calls and an exchange of letters", False),
    ("During the call, when the premier told him he was looking forward to the summit", False),
    ("state media said on Wednesday, March 4", False),
    ("officials said the talks would go on", True),
])
def test_is_clause(words: str, clause: bool) -> None:
    assert is_clause(words) is clause
