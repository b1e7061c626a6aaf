"""A headline quotes a remark whole, or its first sentence when the whole is too long."""

from __future__ import annotations

import pytest

from communique.brief.compose import headline_words

LONG_EN = "We will press the other side to amend the order as soon as it can. " * 2
LONG_JA = "相手側に対し、できるだけ早く命令を改めるよう強く求めていきたいと考えておりますので、よろしく"


@pytest.mark.parametrize(("text", "words"), [
    ("We are close to a deal", "We are close to a deal"),
    ("Nothing in the draft has changed at all,", "Nothing in the draft has changed at all"),
    ("There is no gap between us. " + LONG_EN, "There is no gap between us."),
    ("両国の認識に違いはありません。" + LONG_JA, "両国の認識に違いはありません"),
    (LONG_JA + "。以上です", None),
    ("Yes. " + "x" * 120, None),  # a first sentence too short to stand for the remark
])
def test_headline_words(text: str, words: str | None) -> None:
    assert headline_words(text) == words
