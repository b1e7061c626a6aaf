"""A speaker's two wordings of one point that the record kept apart are told once in a party's
section (``sections._same_words``); different points in similar words stay two.  Our own words."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from communique.brief import sections
from communique.brief.record import Statement


def _st(sid: str, text: str, speaker: str = "person:ana-ruiz") -> Statement:
    lang = "ja" if any(ord(c) > 0x3000 for c in text) else "en"
    return Statement(id=sid, quotes=[{"id": sid + "-q", "text": text, "direct": False, "language": lang}],
                     speaker_id=speaker, speaker_text="Ruiz", said_on=None, precision="unknown", hedged=False)


OBSERVERS = "今回の合意は国境地帯に監視団を置くことを柱としている"


@pytest.mark.parametrize(("lang", "a", "b", "same"), [
    # one point in two outlets' Japanese: the agreement centres on observers along the border
    ("ja", OBSERVERS, "今回の合意について、国境地帯への監視団の設置を柱としたものだ", True),
    ("ja", OBSERVERS, "停戦の後も小さな違反が続いているが、これ以上は起きないよう望む", False),
    ("en", "the talks were useful and would continue next week",
     "talks were useful and will continue next week", True),
    # similar words, opposite points
    ("en", "We are closer than ever to a deal", "We are not close to a deal yet", False),
    ("en", "he may travel to the region this week", "there is a chance of peace in the region", False),
])
def test_two_wordings_of_one_point(lang: str, a: str, b: str, same: bool) -> None:
    writer = SimpleNamespace(lang=lang)
    assert sections._same_words(writer, _st("a", a), _st("b", b)) is same


def test_two_speakers_are_never_one_remark() -> None:
    text = "the talks were useful and would continue next week"
    writer = SimpleNamespace(lang="en")
    assert not sections._same_words(writer, _st("a", text), _st("b", text, speaker="person:li-wen"))
