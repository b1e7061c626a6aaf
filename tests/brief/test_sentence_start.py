"""Where the sentence around an evidence span begins: the backward search of
``record._sentence_start`` finds what a forward scan of the window finds (the last sentence end
before the span), whatever the text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from communique.brief import record


def forward(text: str, start: int, width: int = 300) -> int:
    """The plain reading: every sentence end in the window, the last one wins."""
    left = max(0, start - width)
    for found in record._SENTENCE_END.finditer(text, left, start):
        left = found.end()
    return left


# the characters that end sentences or close them, and a few ordinary ones
PIECES = st.sampled_from(list("。！？!?.\n」』）\u201d\"\u2019) aAbZ語"))


@given(st.text(PIECES, max_size=60), st.integers(0, 60), st.sampled_from([300, 5, 1]))
def test_backward_search_agrees_with_a_forward_scan(text, start, width):
    start = min(start, len(text))
    assert record._sentence_start(text, start, width) == forward(text, start, width)


def test_cases():
    assert record._sentence_start("He said. Then U.S. officials met.", 27) == 8  # not after "U.S."
    assert record._sentence_start("「合意した。」と述べた。次に", 13) == 12
    assert record._sentence_start("no end here", 8) == 0
