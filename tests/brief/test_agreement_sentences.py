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
    # a party named in the object is not named twice
    said = templates_en.event("agreement", "July 22", None, ["Harlan", "Freedonia"], hedge=None, future=False,
                              subject="a trade deal with Freedonia")
    assert said == "On July 22, Harlan and Freedonia agreed on a trade deal."
    # ... nor when the report gives the party's title before the name
    said = templates_en.event("agreement", "May 3", None, ["Osei", "Varga"], hedge=None, future=False,
                              subject="a \"broad framework\" with Deputy Premier Varga")
    assert said == "On May 3, Osei and Varga agreed on a \"broad framework\"."


def test_the_reports_own_day_words_are_not_kept() -> None:
    """"signed the Lakeside Accord today": the sentence gives the date, the report's "today" is not
    the reader's."""
    said = templates_en.event("agreement", "October 26", None, ["Osei", "Varga"], hedge=None, future=False,
                              subject="the Lakeside Accord today", manner="signed")
    assert said == "On October 26, Osei and Varga signed the Lakeside Accord."
    # an object the clause was cut in: no object rather than a cut phrase
    said = templates_en.event("agreement", "August 7", None, ["Osei", "Varga"], hedge=None, future=False,
                              subject="an agreement at the special meeting of the border committee held",
                              manner="signed")
    assert said == "On August 7, Osei and Varga signed an agreement."


def test_japanese_agreement_sentences() -> None:
    said = templates_ja.event("agreement", "6月10日", "ロンドン", ["オセイ氏", "バルガ氏"], hedge=None,
                              future=True, subject="協議の枠組みを設けること")
    assert said is not None and said.endswith("ロンドンで協議の枠組みを設けることで合意しました。")
    said = templates_ja.event("agreement", None, None, ["オセイ氏", "バルガ氏"], hedge=None, future=True,
                              subject="a framework")
    assert said is not None and said.endswith("は合意しました。")


def test_the_as_of_line_names_the_kind_of_the_latest_event() -> None:
    # the latest meeting, call or agreement is not "the latest development": later events of other
    # kinds (a release of hostages, a speech) may be in the record
    said = templates_en.as_of_latest("November 15, 2025", "the October 9 meeting", "meeting")
    assert said == "As of November 15, 2025, the latest meeting in the record is the October 9 meeting."
    said = templates_ja.as_of_latest("2025年11月15日", "10月9日の会談", "meeting")
    assert said == "2025年11月15日時点で記録にある最新の会談は、10月9日の会談です。"
    assert "phone call" in templates_en.as_of_latest("May 2", "the May 1 phone call", "phone_call")


def test_reported_speech_does_not_keep_a_sentences_capital() -> None:
    said = templates_en.statement("Ushakov", "December 2", "The issue of NATO was on the agenda",
                                  direct=False, same_lang=True, hedge=None)
    assert said == "Ushakov said on December 2 that the issue of NATO was on the agenda."
    said = templates_en.statement("Ushakov", None, "Trump had called", direct=False, same_lang=True,
                                  hedge=None)
    assert said == "Ushakov said that Trump had called."


def test_reported_speech_that_leans_on_the_outlets_words_is_not_shown() -> None:
    from communique.brief.select import _BARE_DEMONSTRATIVE

    # "suggesting Japan could be among these": "these" are the outlet's "a rash of trade deals"
    assert _BARE_DEMONSTRATIVE.search("Japan could be among these despite an election setback")
    assert not _BARE_DEMONSTRATIVE.search("these talks were useful and those who left will return")


def test_an_agreements_terms_follow_its_object_in_english_only() -> None:
    said = templates_en.event("agreement", "May 3", None, ["Harlan", "Freedonia"], hedge=None, future=False,
                              subject="a trade deal with Freedonia",
                              terms=", which Harlan said will cut duties on grain to 10%")
    assert said == ("On May 3, Harlan and Freedonia agreed on a trade deal, which Harlan said will cut "
                    "duties on grain to 10%.")
    # no object to hang them on: no terms
    said = templates_en.event("agreement", "May 3", None, ["Harlan", "Freedonia"], hedge=None, future=False,
                              subject="", terms=", which will cut duties to 10%")
    assert said == "On May 3, Harlan and Freedonia reached an agreement."
    said = templates_ja.event("agreement", "5月3日", None, ["ハーラン氏", "フリードニア"], hedge=None,
                              future=False, subject="a trade deal", terms=", which will cut duties to 10%")
    assert said is not None and "10%" not in said
