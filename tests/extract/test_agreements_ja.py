"""Japanese agreements (kind ``agreement``, PLOVER AGREE), case by case.

Every sentence is written for these tests.  「XとYは…で合意した」「…ことで合意した」「合意に達した」
「XがYに署名した」 state an agreement; its parties are the が-subject (「XとYが…合意したと発表した」:
the announcer is no party) or the topic when the topic itself agreed, a pair named as one
(「日中両政府は」「両国は」「XとYの両首脳は」), or an announcer and the partner it names
(「XはYとの交渉で合意したと発表」).  A failure, an aim, a
prospect, a condition, an agreement to meet, or words inside 「」 are none.  Reports are
published 2025-12-04.
"""

from __future__ import annotations

import pytest

from communique.extract import ja
from communique.extract.gazetteer import load
from communique.model import Event, Precision, Report


def _report(body: str) -> Report:
    text = "見出し\n\n" + body
    return Report(
        id=Report.make_id(None, text), source="test", url=None, outlet=None, title="見出し",
        published_at="2025-12-04T10:00:00+09:00", published_precision=Precision.DATETIME,
        language="ja", text=text, raw=text.encode(), content_type="text", encoding="utf-8",
    )


def run(body: str) -> tuple[str, list[Event]]:
    report = _report(body)
    return report.text, [e for e in ja.extract(report, load()).events if e.kind == "agreement"]


# (rule, sentence, expected: (date, participants, summary))
POSITIVE = [
    (
        "「XとYは…で合意した」: both parties, what was agreed as written",
        "イスラエルとハマスは2日、人質の解放と戦闘の停止で合意した。",
        ("2025-12-02", {"israel", "hamas"}, "人質の解放と戦闘の停止"),
    ),
    (
        "「…ことで合意した」",
        "日本と中国は1日、農産品の関税を下げる枠組みを設けることで合意した。",
        ("2025-12-01", {"japan", "china"}, "農産品の関税を下げる枠組みを設けること"),
    ),
    (
        "the announcer of 「XとYが…に合意したと発表した」 is no party",
        "トランプ大統領は3日、イスラエルとハマスが停戦案の第1段階に合意したと発表した。",
        ("2025-12-03", {"israel", "hamas"}, "停戦案の第1段階"),
    ),
    (
        "a signing of an order: the one who signs",
        "トランプ大統領は2日、関税の合意を実施する大統領令に署名した。",
        ("2025-12-02", {"donald-trump"}, "関税の合意を実施する大統領令"),
    ),
    (
        "a compound of two countries as the subject: 「日中両政府は」",
        "日中両政府は1日、農産品の関税を10%とすることで合意した。",
        ("2025-12-01", {"japan", "china"}, "農産品の関税を10%とすること"),
    ),
    (
        "「両国は」: both countries named before",
        "タイとカンボジアの国境で戦闘が続いた。両国は3日、停戦監視団を置くことで合意した。",
        ("2025-12-03", {"thailand", "cambodia"}, "停戦監視団を置くこと"),
    ),
    (
        "「XとYの両首脳は」: the pair's leaders agreeing",
        "タイとカンボジアの両首脳は2日、即時停戦で合意した。",
        ("2025-12-02", {"thailand", "cambodia"}, "即時停戦"),
    ),
    (
        "「XとYの…協議は…で合意した」: the talks of the pair",
        "日本と中国の閣僚協議は2日、輸出規制の対話の場を設けることで合意した。",
        ("2025-12-02", {"japan", "china"}, "輸出規制の対話の場を設けること"),
    ),
    (
        "a day inside what was agreed is its terms, not the agreement's day",
        "タイとカンボジアの両首脳は2日に協議し、3日午前0時からの停戦で合意した。",
        ("2025-12-02", {"thailand", "cambodia"}, "3日午前0時からの停戦"),
    ),
    (
        "「XはYとの交渉で合意したと発表した」: the announcer and the partner named agreed",
        "トランプ大統領は3日、日本との関税交渉で合意したと発表した。",
        ("2025-12-03", {"donald-trump", "japan"}, "日本との関税交渉"),
    ),
    (
        "terms in two clauses that one こと closes are both agreed on",
        "日中両政府は1日、農産品の関税を10%とし、輸入枠を設けることで合意した。",
        ("2025-12-01", {"japan", "china"}, "農産品の関税を10%とし、輸入枠を設けること"),
    ),
    (
        "a news sentence ending on the noun: 「…ことで合意。」; a pair's subject is not what was agreed",
        "日中は2日、農産品の関税を下げることで合意。",
        ("2025-12-02", {"japan", "china"}, "農産品の関税を下げること"),
    ),
    (
        "a が inside a relative clause is not the subject of the agreeing",
        "日中は2日、習近平国家主席が以前に提案していた関税の上限を5%に下げることで合意した。",
        ("2025-12-02", {"japan", "china"}, "習近平国家主席が以前に提案していた関税の上限を5%に下げること"),
    ),
]


@pytest.mark.parametrize("rule,body,expected", POSITIVE, ids=[p[0] for p in POSITIVE])
def test_agreement_stated(rule: str, body: str, expected: tuple) -> None:
    text, events = run(body)
    assert len(events) == 1, (rule, events)
    event = events[0]
    date, participants, summary = expected
    assert event.date == date
    assert set(event.participant_ids) == participants
    assert event.summary == summary
    evidence = text[event.evidence[0].start : event.evidence[0].end]
    assert summary in evidence and ("合意" in evidence or "署名" in evidence)


NEGATIVE = [
    ("no agreement reached", "イスラエルとハマスは2日、停戦で合意に至らなかった。"),
    ("an aim", "日本と中国は関税の枠組みでの合意を目指す。"),
    ("a prospect", "日本と中国は来週、関税の枠組みで合意する見通しだ。"),
    ("a condition", "イスラエルとハマスが停戦で合意した場合、支援物資が届く。"),
    ("a condition (tara)", "イスラエルとハマスが停戦で合意したら、人質が解放される。"),
    ("agreeing to meet is a meeting to come", "日本と中国は2日、来月に協議を行うことで合意した。"),
    ("agreeing to talk again is a meeting to come", "双方は協議を評価し、9日に再度協議することで合意した。"),
    ("the reporter alone is no party", "ハマスの幹部は2日、停戦で合意したと明らかにした。"),
    ("someone's words in 「」", "トランプ大統領は「イスラエルとハマスは停戦で合意した」と述べた。"),
    ("a signing of no deal", "トランプ大統領は2日、色紙に署名した。"),
    ("a deal as a noun at the end of a sentence", "日中の関税をめぐる今回の合意。"),
    ("talks held, then an agreement of two acts: the talks are no term",
     "日中両政府は2日に協議し、3日にも再度協議することで合意した。"),
]


@pytest.mark.parametrize("rule,body", NEGATIVE, ids=[n[0] for n in NEGATIVE])
def test_no_agreement(rule: str, body: str) -> None:
    _text, events = run(body)
    assert events == [], (rule, events)


def test_hostile_text_is_quick() -> None:
    import time

    started = time.monotonic()
    run("で" * 5000 + "合意した。" + "署名し、" * 2000 + "。")
    assert time.monotonic() - started < 5
