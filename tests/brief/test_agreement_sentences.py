"""An agreement is told with its parties and, when the briefing's language has it, what they agreed."""

from __future__ import annotations

from communique.brief import templates_en, templates_ja


def test_english_agreement_sentences() -> None:
    said = templates_en.event("agreement", "June 10", "London", ["Osei", "Varga"], hedge=None, future=True,
                              subject="a framework to carry out the spring truce")
    assert said == "On June 10, Osei and Varga agreed on a framework to carry out the spring truce in London."
    said = templates_en.event("agreement", None, None, ["Osei", "Varga"], hedge=None, future=True,
                              subject="to extend the truce by 90 days")
    assert said == "Osei and Varga agreed to extend the truce by 90 days."
    # the object in the other language: no object rather than words the reader cannot read
    said = templates_en.event("agreement", None, None, ["Osei", "Varga"], hedge="Daily Wire", future=True,
                              subject="協議の枠組みを設けること")
    assert said == "According to Daily Wire, Osei and Varga reached an agreement."
    assert templates_en.event("agreement", None, None, ["Osei"], hedge=None, future=True) is None


def test_japanese_agreement_sentences() -> None:
    said = templates_ja.event("agreement", "6月10日", "ロンドン", ["オセイ氏", "バルガ氏"], hedge=None,
                              future=True, subject="協議の枠組みを設けること")
    assert said is not None and said.endswith("ロンドンで協議の枠組みを設けることで合意しました。")
    said = templates_ja.event("agreement", None, None, ["オセイ氏", "バルガ氏"], hedge=None, future=True,
                              subject="a framework")
    assert said is not None and said.endswith("は合意しました。")
