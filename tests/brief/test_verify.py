"""The faithfulness checker, as tables of cases (Japanese and English)."""

from __future__ import annotations

import pytest

from communique.brief.model import Citation, EvidenceRef, Sentence
from communique.brief.verify import check, dates, numbers, quoted_strings


def sentence(text, evidence, dates=(), actors=(), quoted=(), allowed=()):
    refs = tuple(EvidenceRef(report_id="r-1", start=0, end=len(e), text=e, context=e) for e in evidence)
    citation = Citation(
        item_id="i-1", item_type="quote", evidence=refs, refs=(1,), dates=tuple(dates), actors=tuple(actors)
    )
    return Sentence(text=text, citations=(citation,), quoted=tuple(quoted), allowed_dates=tuple(allowed))


JA_EVIDENCE = (
    "ペスコフ報道官は3日、「一部は受け入れられ、一部は受け入れられないとされた」と説明しました。"
    "会談は約３時間に及びました。"
)
EN_EVIDENCE = (
    "\u201cIt was a reasonably good meeting,\u201d Trump said on Wednesday, after talks of about five hours."
)

CASES = [
    # (sentence, evidence, item dates, expected reason fragment or None)
    (
        "ペスコフ大統領報道官は12月3日、「一部は受け入れられ、一部は受け入れられないとされた」と述べました。",
        JA_EVIDENCE,
        ["2025-12-03"],
        None,
    ),
    ("ペスコフ大統領報道官は「すべて受け入れた」と述べました。", JA_EVIDENCE, [], "quote not in"),
    ("ペスコフ大統領報道官は12月5日に述べました。", JA_EVIDENCE, ["2025-12-03"], "date not in"),
    ("ペスコフ大統領報道官は3日に述べました。", JA_EVIDENCE, [], None),  # a day written in the evidence
    ("会談は約3時間に及びました。", JA_EVIDENCE, [], None),  # full-width digits in the evidence
    ("会談は約4時間に及びました。", JA_EVIDENCE, [], "number not in"),
    ("2025年12月に入って、協議が続いています。", JA_EVIDENCE, ["2025-12-03"], None),
    ("2025年11月に入って、協議が続いています。", JA_EVIDENCE, ["2025-12-03"], "date not in"),
    ("12月上旬、協議が続きました。", JA_EVIDENCE, ["2025-12-03"], None),
    ("五つの論点が残っています。", JA_EVIDENCE, [], "number not in"),
    (
        "Trump said on December 3: \u201cIt was a reasonably good meeting\u201d.",
        EN_EVIDENCE,
        ["2025-12-03"],
        None,
    ),
    (
        "Trump said on Wednesday that it went well.",
        EN_EVIDENCE,
        ["2025-12-03"],
        None,
    ),  # a weekday of the date
    ("Trump said on Thursday that it went well.", EN_EVIDENCE, ["2025-12-03"], "date not in"),
    ("Trump said on December 4, 2025 that it went well.", EN_EVIDENCE, ["2025-12-03"], "date not in"),
    ("Trump said: \u201cIt was a great meeting\u201d.", EN_EVIDENCE, [], "quote not in"),
    ('Trump said "It was a reasonably good meeting".', EN_EVIDENCE, [], None),
    ("The talks lasted five hours.", EN_EVIDENCE, [], None),
    ("The talks lasted 5 hours.", EN_EVIDENCE, [], None),  # a number word in the evidence
    ("The talks lasted six hours.", EN_EVIDENCE, [], "number not in"),
    ("The talks went on into early December.", EN_EVIDENCE, ["2025-12-03"], None),
    ("The talks went on into late November.", EN_EVIDENCE, ["2025-12-03"], "date not in"),
    ("Trump said \u201cIt was a reasonably \u2026 meeting\u201d.", EN_EVIDENCE, [], None),  # an elision
    ("The G7 met.", EN_EVIDENCE, [], None),  # a digit inside a name is not a number
]


@pytest.mark.parametrize(("text", "evidence", "item_dates", "expected"), CASES)
def test_check(text, evidence, item_dates, expected):
    reasons = check(sentence(text, [evidence], item_dates))
    if expected is None:
        assert reasons == ()
    else:
        assert any(expected in r for r in reasons), reasons


def test_no_citation_fails():
    assert check(Sentence(text="Something happened.", citations=())) == ("no citation",)


def test_declared_verbatim_spans_are_checked_too():
    reasons = check(sentence("Peskov said work would go on.", [EN_EVIDENCE], quoted=["work would go on"]))
    assert any("quote not in" in r for r in reasons)


def test_the_as_of_date_is_allowed_only_where_declared():
    text = "2025年12月8日時点で、立場はそろっていません。"
    assert check(sentence(text, [JA_EVIDENCE], ["2025-12-03"], allowed=["2025-12-08"])) == ()
    assert check(sentence(text, [JA_EVIDENCE], ["2025-12-03"]))


def test_names_must_be_linked_or_in_the_evidence(gazetteer):
    ok = sentence("Trump met Putin.", ["Trump and Putin talked."], actors=[])
    assert check(ok, gazetteer) == ()
    linked = sentence(
        "US President Donald Trump spoke.", ["He spoke."], actors=["donald-trump", "united-states"]
    )
    assert check(linked, gazetteer) == ()
    invented = sentence("Macron welcomed it.", ["Trump spoke."], actors=["donald-trump"])
    assert any("emmanuel-macron" in r for r in check(invented, gazetteer))
    japanese = sentence(
        "ロシアのプーチン大統領が会談しました。", ["会談が開かれた。"], actors=["vladimir-putin", "russia"]
    )
    assert check(japanese, gazetteer) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("「a」と『b』", ["a", "b"]),
        ("「外「内」外」", ["外「内」外"]),
        ("\u201cone\u201d and \u201ctwo\u201d", ["one", "two"]),
        ('say "x" now', ["x"]),
        ("「閉じていない", ["閉じていない"]),
    ],
)
def test_quoted_strings(text, expected):
    assert quoted_strings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("約５時間", {5.0}),
        ("28項目", {28.0}),
        ("150万トン", {150.0, 1500000.0}),
        ("2 million tonnes", {2.0, 2e6}),
        ("twenty-eight points", {20.0, 8.0}),
        ("三つ", {3.0}),
        ("一部", set()),
        ("600,000 troops", {600000.0}),
    ],
)
def test_numbers(text, expected):
    assert numbers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025年12月3日", (2025, 12, 3)),
        ("12月3日", (None, 12, 3)),
        ("3日", (None, None, 3)),
        ("December 3, 2025", (2025, 12, 3)),
        ("3 December", (None, 12, 3)),
        ("December 2025", (2025, 12, None)),
        ("Dec. 3", (None, 12, 3)),
    ],
)
def test_dates(text, expected):
    found = dates(text)
    assert [(d.year, d.month, d.day) for d in found] == [expected]


def test_may_the_verb_is_not_a_date():
    assert dates("Talks may resume.") == []
