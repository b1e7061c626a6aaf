"""Japanese meetings on real-report shapes: who the clause puts at a meeting, beyond 「XはYと会談」.

Every sentence here is written for these tests.  The shapes: a relative-clause head
(「…と協議したと話したX」), others seated at the same table (「…らが同席した」), a second meeting in
its own clause (「Yと会談したほか、Zと協議を行った」), a summit named by its countries
(「米中首脳会談」: the leaders when the report names them, else the countries), a country's
officials (「米国とロシアの高官は」), attendees before the noun (「Aからは X、Bからは Yが出席して」),
a subject inside a clause that qualifies a noun (「米国が提案した計画」), two days (「1日と3日に」),
calls to several people (「YとZに電話で」) and those joining talks (「…の協議に加わる」).  Reports
are published 2025-12-04.
"""

from __future__ import annotations

import pytest

from communique.extract import ja
from communique.extract.gazetteer import load
from communique.model import Event, Precision, Report

MEETING_KINDS = ("meeting", "phone_call", "planned_meeting")


def run(body: str) -> list[Event]:
    text = "見出し\n\n" + body
    report = Report(
        id=Report.make_id(None, text),
        source="test",
        url=None,
        outlet=None,
        title="見出し",
        published_at="2025-12-04T10:00:00+09:00",
        published_precision=Precision.DATETIME,
        language="ja",
        text=text,
        raw=text.encode(),
        content_type="text",
        encoding="utf-8",
    )
    return [e for e in ja.extract(report, load()).events if e.kind in MEETING_KINDS]


CASES = [
    (
        "a relative-clause head: 「…と協議したと話したX」",
        "3日、ラブロフ外相と協議したと話したルビオ国務長官は、成果を強調した。",
        [("meeting", None, {"marco-rubio", "sergei-lavrov"})],  # 3日 may be the day it was said
    ),
    (
        "others at the same table: 「…らが同席した」",
        "トランプ大統領は2日、ゼレンスキー大統領とホワイトハウスで会談し、米側からはルビオ国務長官や"
        "ウィトコフ特使らが同席した。",
        [("meeting", "2025-12-02", {"donald-trump", "volodymyr-zelensky", "marco-rubio", "steve-witkoff"})],
    ),
    (
        "a second meeting in a clause of its own, names listed with ・",
        "ゼレンスキー大統領は2日、トランプ大統領と会談したほか、ルビオ国務長官・ウィトコフ特使と約1時間、"
        "協議を行った。",
        [
            ("meeting", "2025-12-02", {"volodymyr-zelensky", "donald-trump"}),
            ("meeting", "2025-12-02", {"volodymyr-zelensky", "marco-rubio", "steve-witkoff"}),
        ],
    ),
    (
        "a summit named by its countries, the leaders named in the report",
        "トランプ米大統領は記者団に、中国の習近平国家主席を高く評価した。米中首脳会談は来週開かれる予定だ。",
        [("planned_meeting", "2025-12-11", {"donald-trump", "xi-jinping"})],
    ),
    (
        "a summit named by its countries, no leader named: the countries",
        "来週にも米中首脳会談が開かれる予定だ。",
        [("planned_meeting", "2025-12-11", {"united-states", "china"})],
    ),
    (
        "a country's officials stand for it",
        "米国とロシアの高官は2日、ジュネーブで協議を行った。",
        [("meeting", "2025-12-02", {"united-states", "russia"})],
    ),
    (
        "attendees named before the verb, each after their side",
        "米国からはルビオ国務長官、ロシアからはラブロフ外相が出席して、2日、協議を終えた。",
        [("meeting", "2025-12-02", {"marco-rubio", "sergei-lavrov"})],
    ),
    (
        "a subject inside a clause that qualifies a noun is no participant",
        "イスラエルとハマスの代表団は1日、米国が提案した計画を巡る間接協議をエジプトで開始した。",
        [("meeting", "2025-12-01", {"israel", "hamas"})],
    ),
    (
        "two days: one call each",
        "ルビオ国務長官がラブロフ外相と1日と3日に電話協議した。",
        [
            ("phone_call", "2025-12-01", {"marco-rubio", "sergei-lavrov"}),
            ("phone_call", "2025-12-03", {"marco-rubio", "sergei-lavrov"}),
        ],
    ),
    (
        "a call to each of several people (に), not one call of three",
        "ゼレンスキー大統領は、トランプ大統領とマクロン大統領に電話で謝意を伝えた。",
        [
            ("phone_call", None, {"volodymyr-zelensky", "donald-trump"}),
            ("phone_call", None, {"volodymyr-zelensky", "emmanuel-macron"}),
        ],
    ),
    (
        "those who join talks, and the parties of the talks",
        "ウィトコフ特使とクシュナー氏が5日、ロシアとウクライナの協議に加わる。",
        [("planned_meeting", "2025-12-05", {"steve-witkoff", "jared-kushner", "russia", "ukraine"})],
    ),
    (
        "a -し clause takes the tense of the sentence's end",
        "8日にも米ロ首脳が協議し、合意文書に署名する見通しだ。",
        [("planned_meeting", "2025-12-08", {"united-states", "russia"})],
    ),
    (
        "「両国」: the pair named before it",
        "米ロの交渉担当者は、週末に行われた両国の協議について前向きな評価を示した。",
        [("meeting", None, {"united-states", "russia"})],
    ),
    (
        "a pair that held the talks it speaks from: 「XとYは…、エジプトでの協議で合意した」",
        "イスラエルとハマスは3日、エジプトでの協議で、停戦の延長に合意した。",
        [("meeting", "2025-12-03", {"israel", "hamas"})],
    ),
    (
        "a photo caption: those marked 右 / 左",
        "握手するルビオ国務長官(右)とラブロフ外相=2日、ジュネーブ(共同)\n\n両氏は制裁について意見を交わした。",
        [("meeting", "2025-12-02", {"marco-rubio", "sergei-lavrov"})],
    ),
    (
        "the same meeting mentioned again is not another meeting",
        "ルビオ国務長官は2日、ラブロフ外相と会談した。両氏は制裁の問題についても協議した。",
        [("meeting", "2025-12-02", {"marco-rubio", "sergei-lavrov"})],
    ),
    (
        "officials named right before the noun: 「XとYの高官協議」",
        "ウクライナ情勢を巡る米国とロシアの高官協議が2日、ジュネーブで開かれた。",
        [("meeting", "2025-12-02", {"united-states", "russia"})],
    ),
    (
        "talks held with 「協議を実施」",
        "ロシアと米国は2日にジュネーブで協議を実施した。",
        [("meeting", "2025-12-02", {"russia", "united-states"})],
    ),
    (
        "a call put as 「XはYとZの両外相に電話。」 (the sentence ends on the noun)",
        "ラブロフ外相は2日にウクライナとフランスの両外相に電話。両外相とも対話の継続を求めた。",
        [("phone_call", "2025-12-02", {"sergei-lavrov", "ukraine", "france"})],
    ),
    (
        "both leaders of a pair: 「XとYの両首脳は」",
        "国境で衝突が続くウクライナとロシアの両首脳は2日、ジュネーブで協議した。",
        [("meeting", "2025-12-02", {"ukraine", "russia"})],
    ),
    (
        "a pair's talks with what they are about between: 「XとYの…をめぐる3回目の協議が」",
        "米国とロシアの和平案をめぐる3回目の高官協議が2日、ジュネーブで行われた。",
        [("meeting", "2025-12-02", {"united-states", "russia"})],
    ),
    (
        "one name before 「…をめぐる」 owns the subject, not the talks; the place may be long",
        "米国とロシアは2日、ロシアの資産を巡る2回目の協議を仲介国スイスの都市ジュネーブで行った。",
        [("meeting", "2025-12-02", {"united-states", "russia"})],
    ),
    (
        "a conference held: 「…による会議を開いた」",
        "米国とロシアは2日、ジュネーブで国防相らによる会議を開いた。",
        [("meeting", "2025-12-02", {"united-states", "russia"})],
    ),
]


@pytest.mark.parametrize(("pattern", "body", "expected"), CASES, ids=[c[0] for c in CASES])
def test_participants(pattern: str, body: str, expected: list[tuple[str, str | None, set[str]]]) -> None:
    assert [(e.kind, e.date, set(e.participant_ids)) for e in run(body)] == expected, pattern


def test_one_named_as_absent_is_not_there() -> None:
    events = run("その後、トランプ大統領は参加しない閣僚級の会談が行われた。")
    assert all("donald-trump" not in e.participant_ids for e in events)


def test_a_conditional_call_is_no_meeting() -> None:
    assert run("必要があればプーチン大統領との電話会談やモスクワ訪問を検討する考えを示した。") == []


def test_version() -> None:
    events = run("ルビオ国務長官は5日、ラブロフ外相と会談する予定だ。")
    assert {e.extractor for e in events} == {"events.ja.v18"}
