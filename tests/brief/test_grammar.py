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


def test_texts_parsed_together_read_as_one_by_one() -> None:
    from communique.brief import grammar

    words = ["the envoys would meet again next week", "a framework for the next round",
             "the ministers had signed the memorandum", "after the second day of talks"]
    alone = {w: is_clause(w) for w in words}
    saved = dict(grammar._known)
    try:
        grammar._known.clear()
        grammar.check_all(words)
        assert {w: grammar.known()[w] for w in words} == alone
    finally:
        grammar._known.clear()
        grammar._known.update(saved)
