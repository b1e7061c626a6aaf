"""Name patterns compiled on use: a :class:`select.NamePattern` finds what the regex of all its
forms finds, and :meth:`select.NamePatterns.may_name` leaves out only actors that cannot match."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from communique.brief import select

LETTERS = st.sampled_from(list("abAB U.s-・米国トランプ"))
FORMS = st.lists(st.text(LETTERS, min_size=2, max_size=5), min_size=1, max_size=4)


def regex(forms: list[str], lang: str) -> re.Pattern[str]:
    """The pattern as a single regex: the forms longest first, in English not after a letter."""
    alternatives = "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z])(?:{alternatives})" if lang == "en" else alternatives)


@given(FORMS, st.text(LETTERS, max_size=40), st.sampled_from(["en", "ja"]))
def test_a_name_pattern_matches_as_its_regex(forms, text, lang):
    pattern = select.NamePattern(set(forms), lang)
    found, expected = pattern.search(text), regex(forms, lang).search(text)
    assert (found and found.span()) == (expected and expected.span())
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in regex(forms, lang).finditer(text)]


@given(st.lists(FORMS, min_size=1, max_size=6), st.text(LETTERS, max_size=40), st.sampled_from(["en", "ja"]))
def test_may_name_keeps_every_actor_that_matches_in_order(all_forms, text, lang):
    patterns = select.NamePatterns((f"a{i}", select.NamePattern(set(forms), lang))
                                   for i, forms in enumerate(all_forms))
    kept = [actor for actor, _pattern in patterns.may_name(text)]
    assert kept == [a for a in patterns if a in kept]  # the mapping's order
    assert {a for a, p in patterns.items() if p.search(text)} <= set(kept)
