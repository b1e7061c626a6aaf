"""Two undated wordings of one speaker in one language are one remark only when they mean the same:
names both give (the people a negotiator speaks of in every remark) lift their likeness a little
(``UNDATED_NAMES``), not past the bar on their own."""

from __future__ import annotations

import numpy as np

from communique.merge.members import QuoteMember
from communique.merge.similarity import text_key
from communique.merge.statements import UNDATED_MEANING, UNDATED_NAMES, cross_evidence, pair_margin
from communique.model import Precision


def member(text: str, key: str) -> QuoteMember:
    return QuoteMember(
        quote_id=f"q-{key}", statement_id=f"s-{key}", report_id=f"r-{key}", speaker_id="shigeru-ishiba",
        lo=None, hi=None, exact=False, said_on=None, said_on_precision=Precision.UNKNOWN, language="ja",
        text=text, direct=False, start=0, end=len(text), text_key=text_key(text),
    )


def vectors_at(cos: float, a: QuoteMember, b: QuoteMember) -> dict[str, np.ndarray]:
    return {text_key(a.text): np.array([1.0, 0.0]), text_key(b.text): np.array([cos, np.sqrt(1 - cos**2)])}


def test_shared_names_do_not_make_two_undated_remarks_one() -> None:
    report = member("赤沢経済再生相から報告を受け、トランプ大統領との電話会談を検討する", "a")
    letter = member("赤沢経済再生相を通じ、トランプ大統領に来日を求める書簡を送った", "b")
    assert cross_evidence(report.text, letter.text, "shigeru-ishiba") > UNDATED_NAMES  # two names each
    cos = UNDATED_MEANING - UNDATED_NAMES - 0.05  # alike in topic, not in what is said
    assert pair_margin(report, letter, vectors_at(cos, report, letter)) < 0


def test_an_undated_paraphrase_still_meets_its_remark() -> None:
    a = member("赤沢経済再生相から詳しい報告を受けた", "a")
    b = member("赤沢経済再生相から詳細な報告を受けた", "b")
    cos = UNDATED_MEANING - UNDATED_NAMES + 0.02  # close in meaning, and the same name
    assert pair_margin(a, b, vectors_at(cos, a, b)) > 0


def test_two_undated_wordings_giving_one_sentence_word_for_word_are_one_remark() -> None:
    from communique.merge.statements import SAME_LANGUAGE

    a = member("協議はとても順調に進んでいる。合意は近い", "a")
    b = member("協議はとても順調に進んでいる!来週また会う", "b")
    far = 0.1  # what the encoder makes of the whole wordings does not matter here
    assert pair_margin(a, b, vectors_at(far, a, b)) > 0
    # a short stock line shared is not enough; nor is one sentence each (their overlap decides)
    c, d = member("様子を見る。合意は近い", "c"), member("様子を見る。来週また会う", "d")
    assert pair_margin(c, d, vectors_at(far, c, d)) < 0
    e, f = member("協議はとても順調に進んでいる", "e"), member("協議は大きく前進した", "f")
    assert SAME_LANGUAGE > 0 and pair_margin(e, f, vectors_at(far, e, f)) < 0
