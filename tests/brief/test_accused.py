"""An accusation told in reported speech is told as one: "Israel accused Iran of breaking the
truce", not "Israel said that Iran of breaking the truce".  Cases in our own words."""

from __future__ import annotations

from communique.brief import templates_en, templates_ja


def test_an_accusation_keeps_its_verb() -> None:
    said = templates_en.statement("Israel", "June 24", "Iran of breaking the truce hours after it began",
                                  direct=False, same_lang=True, hedge=None, verb="accused")
    assert said == "On June 24, Israel accused Iran of breaking the truce hours after it began."
    hedged = templates_en.statement("Israel", None, "Iran of firing two missiles", direct=False,
                                    same_lang=True, hedge="reportedly", verb="accused")
    assert hedged == "Israel reportedly accused Iran of firing two missiles."


def test_other_reported_speech_is_said() -> None:
    said = templates_en.statement("Israel", None, "the truce held", direct=False, same_lang=True, hedge=None,
                                  verb="told")
    assert said == "Israel said that the truce held."
    quoted = templates_en.statement("Israel", None, "“We will respond”", direct=True, same_lang=True,
                                    hedge=None, verb="accused")
    assert quoted == "Israel said: “We will respond”."
    ja = templates_ja.statement("イスラエル", None, "「対応する」", direct=True, same_lang=True, hedge=None,
                                verb="accused")
    assert "述べました" in ja
