"""Japanese meetings, calls and planned meetings, case by case: who the clause puts at it.

Every sentence here is written for these tests.  The traps of the issue in Japanese form: a
possessive 「Xの特使Y」, a commenter 「…の会談について述べた」, a reporter 「…によると」, a denial
「会談する予定はない」, a possibility 「会談する可能性」, a wish 「会談したい」, a meeting in a subordinate
clause 「…と会談した後、記者団に…」, and a joint 「XとYは電話会談を行った」.  Reports are published
2025-12-04.
"""

from __future__ import annotations

import pytest

from communique.extract import ja
from communique.extract.gazetteer import load
from communique.model import Event, Precision, Report

MEETING_KINDS = ("meeting", "phone_call", "planned_meeting")


def _report(body: str) -> Report:
    text = "見出し\n\n" + body
    return Report(
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


def run(body: str) -> tuple[str, list[Event]]:
    report = _report(body)
    events = [e for e in ja.extract(report, load()).events if e.kind in MEETING_KINDS]
    return report.text, events


# (pattern, sentence, expected meetings: (kind, date, participants))
PARTICIPANTS = [
    (
        "「Xの特使Y」: X only qualifies Y",
        "トランプ大統領の特使ウィトコフ氏は2日、モスクワでプーチン大統領と会談した。",
        [("meeting", "2025-12-02", {"steve-witkoff", "vladimir-putin"})],
    ),
    (
        "a reported meeting: its subject, not the one who reports it, nor the saying's day",
        "ペスコフ大統領報道官は3日、プーチン大統領がウィトコフ氏と会談したと明らかにした。",
        [("meeting", None, {"vladimir-putin", "steve-witkoff"})],
    ),
    (
        "the source of the report is no participant",
        "ロイター通信によると、ラブロフ外相は1日、ルビオ国務長官と電話会談した。",
        [("phone_call", "2025-12-01", {"sergei-lavrov", "marco-rubio"})],
    ),
    (
        "joint: 「XとYは電話会談を行った」",
        "ゼレンスキー大統領とトランプ大統領は3日、電話会談を行った。",
        [("phone_call", "2025-12-03", {"volodymyr-zelensky", "donald-trump"})],
    ),
    (
        "a meeting in a subordinate clause: what follows is another act",
        "マクロン大統領は3日、習近平国家主席と会談した後、記者団に成果を強調した。",
        [("meeting", "2025-12-03", {"emmanuel-macron", "xi-jinping"})],
    ),
    (
        "a list whose members are qualified by their countries",
        "ゼレンスキー大統領は1日、ロンドンでイギリスのスターマー首相、フランスのマクロン大統領と会談した。",
        [("meeting", "2025-12-01", {"volodymyr-zelensky", "keir-starmer", "emmanuel-macron"})],
    ),
    (
        "「XとYの協議は…行われた」: the parties the noun phrase names",
        "米国と中国の閣僚級協議は2日、ジュネーブで行われた。",
        [("meeting", "2025-12-02", {"united-states", "china"})],
    ),
    (
        "「交渉を始めた」 is a verb phrase: its subject negotiated",
        "イスラエルとハマスは1日、エジプトで間接交渉を始めた。",
        [("meeting", "2025-12-01", {"israel", "hamas"})],
    ),
    (
        "「それぞれ会談した」: one meeting with each counterpart, never one of all three",
        "赤沢亮正経済再生相は2日、ラトニック商務長官、ベッセント財務長官とそれぞれ会談した。",
        [
            ("meeting", "2025-12-02", {"person:赤沢亮正", "howard-lutnick"}),
            ("meeting", "2025-12-02", {"person:赤沢亮正", "scott-bessent"}),
        ],
    ),
    (
        "「XのAとYのBの首脳会談」: the leaders, not the countries that qualify them",
        "アメリカのトランプ大統領と中国の習近平国家主席の首脳会談が、韓国・釜山で行われた。",
        [("meeting", None, {"donald-trump", "xi-jinping"})],
    ),
    (
        "a sentence ending in 「会談を行う。」 states a meeting to come",
        "ルビオ国務長官が5日からトルコを訪問し、ラブロフ外相と会談を行う。",
        [("planned_meeting", "2025-12-05", {"marco-rubio", "sergei-lavrov"})],
    ),
    (
        "「協議中だ」: an ongoing consultation, its parties by their particles",
        "カタールとエジプトは、ハマスおよびイスラエルと協議中だ。",
        [("meeting", None, {"qatar", "egypt", "hamas", "israel"})],
    ),
    (
        "「XのAとYのBは…会談を行った」: both leaders, not their countries",
        "米国のトランプ大統領と中国の習近平国家主席は1日、韓国・釜山で首脳会談を行った。",
        [("meeting", "2025-12-01", {"donald-trump", "xi-jinping"})],
    ),
    (
        "「…と協議する計画がある」 is planned; 「ハマス幹部と」 puts Hamas there",
        "米国のウィットコフ中東担当特使が近く、イスラム組織ハマス幹部と協議する計画がある。",
        [("planned_meeting", None, {"steve-witkoff", "hamas"})],
    ),
    (
        "a planned meeting with its date",
        "ルビオ国務長官は5日、ラブロフ外相と会談する予定だ。",
        [("planned_meeting", "2025-12-05", {"marco-rubio", "sergei-lavrov"})],
    ),
    (
        "a day before 「近く」 is the telling's, not the planned meeting's",
        "米紙は3日、ウィトコフ特使が近く、ハマス幹部と協議する計画があると伝えた。",
        [("planned_meeting", None, {"steve-witkoff", "hamas"})],
    ),
    (
        "「会場の近くで」 (near) and 「5時間近く」 (nearly) are not 'soon': the day stays the meeting's",
        "ルビオ国務長官は2日、会場の近くでラブロフ外相と5時間近く会談した。",
        [("meeting", "2025-12-02", {"marco-rubio", "sergei-lavrov"})],
    ),
    (
        "「…ことになっており」「…ことになった」: decided, still to come (an undated page too)",
        "ルビオ国務長官は近くラブロフ外相と会談することになった。",
        [("planned_meeting", None, {"marco-rubio", "sergei-lavrov"})],
    ),
    (
        "joining a gathering 「…に参加することになっており」 is a meeting to come",
        "ルビオ国務長官もジュネーブでの会合に参加することになっており、ラブロフ外相と顔を合わせる。",
        [("planned_meeting", None, {"marco-rubio"})],
    ),
]

NO_MEETING = [
    (
        "denial: 予定はない",
        "ホワイトハウスは、トランプ大統領がプーチン大統領と会談する予定はないと明らかにした。",
    ),
    ("possibility: 可能性", "トランプ大統領は、習近平国家主席と会談する可能性があると述べた。"),
    ("wish: 会談したい", "トランプ大統領は3日、習近平国家主席と会談したいと述べた。"),
    ("request: 会談を求めた", "ゼレンスキー大統領は2日、プーチン大統領との会談を求めた。"),
    (
        "a commenter on a meeting noun",
        "ペスコフ大統領報道官は、プーチン大統領とウィトコフ氏の会談について「有益だった」と述べた。",
    ),
    (
        "thanks for negotiations",
        "ネタニヤフ首相はエジプトとカタールの仲介努力に謝意を示し、交渉の進展に期待を表明した。",
    ),
]


@pytest.mark.parametrize(("pattern", "body", "expected"), PARTICIPANTS, ids=[c[0] for c in PARTICIPANTS])
def test_participants(pattern: str, body: str, expected: list[tuple[str, str | None, set[str]]]) -> None:
    _text, events = run(body)
    assert [(e.kind, e.date, set(e.participant_ids)) for e in events] == expected, pattern


@pytest.mark.parametrize(("pattern", "body"), NO_MEETING, ids=[c[0] for c in NO_MEETING])
def test_no_meeting(pattern: str, body: str) -> None:
    assert run(body)[1] == [], pattern


@pytest.mark.parametrize(("pattern", "body", "expected"), PARTICIPANTS, ids=[c[0] for c in PARTICIPANTS])
def test_evidence_names_who_met(pattern: str, body: str, expected: object) -> None:
    """The evidence is the clause from the first participant to the meeting verb, not the trigger alone."""
    text, events = run(body)
    for event in events:
        cited = text[event.evidence[0].start : event.evidence[0].end]
        assert len(cited) > 6 and cited[0] not in "、。", (pattern, cited)


def test_version() -> None:
    _text, events = run("ルビオ国務長官は5日、ラブロフ外相と会談する予定だ。")
    assert {e.extractor for e in events} == {"events.ja.v18"}


def test_a_text_opening_with_its_lead_sentence() -> None:
    """The first sentence is skipped as the headline only when it is one (the title, or a line
    without 。); a text that opens with its lead keeps the lead's meeting."""
    text = "ルビオ国務長官は1日、ラブロフ外相と会談した。会談は約1時間続いた。"
    report = Report(
        id=Report.make_id(None, text),
        source="test",
        url=None,
        outlet=None,
        title=None,
        published_at="2025-12-04T10:00:00+09:00",
        published_precision=Precision.DATETIME,
        language="ja",
        text=text,
        raw=text.encode(),
        content_type="text",
        encoding="utf-8",
    )
    events = [e for e in ja.extract(report, load()).events if e.kind in MEETING_KINDS]
    assert [(e.date, set(e.participant_ids)) for e in events][:1] == [
        ("2025-12-01", {"marco-rubio", "sergei-lavrov"})
    ]


def test_plover_type_and_sides() -> None:
    _text, (event,) = run("トランプ大統領の特使ウィトコフ氏は2日、モスクワでプーチン大統領と会談した。")
    assert (event.plover, event.source_ids, event.target_ids) == (
        "CONSULT",
        ("steve-witkoff",),
        ("vladimir-putin",),
    )


@pytest.mark.parametrize(("body", "place"), [
    # a city Sudachi knows as a place name, with its country before it as the setting
    ("ルビオ国務長官は2日、ベトナム・ダナンでラブロフ外相と会談した。", "ダナン"),
    ("マクロン大統領は3日、韓国の釜山（プサン）で習近平国家主席と会談した。", "釜山"),
    ("ルビオ国務長官は1日、マレーシアの首都クアラルンプールでラブロフ外相と会談した。", "クアラルンプール"),
    # not a place: the means or the occasion of the meeting, or a country that is a party
    ("ルビオ国務長官は2日、オンラインでラブロフ外相と会談した。", None),
    ("ルビオ国務長官は2日、インタビューでラブロフ外相との会談について語った。", None),
    ("ゼレンスキー大統領は1日、ロシアで交渉団と協議した。", None),
])
def test_the_place_of_a_meeting(body: str, place: str | None) -> None:
    _text, events = run(body)
    assert [e.place for e in events if e.kind == "meeting"][:1] in ([place], [])
    if place is not None:
        assert [e.place for e in events if e.kind == "meeting"][:1] == [place]


def test_a_call_has_no_place() -> None:
    _text, events = run("ゼレンスキー大統領は3日、キーウでトランプ大統領と電話会談した。")
    assert [(e.kind, e.place) for e in events] == [("phone_call", None)]


def test_talks_held_the_other_day_are_not_dated_by_a_later_day() -> None:
    _text, events = run("両国の閣僚は先日、ウィーンで新たな協議を行い、3日の首脳会談に向けた条件を整えた。")
    talks = [e for e in events if e.place == "ウィーン"]
    assert talks and all(e.date is None for e in talks)


def test_the_local_day_not_the_same_moment_in_another_time_zone() -> None:
    _text, events = run("ルビオ国務長官は米東部時間2日午後（日本時間3日午前）、ラブロフ外相と会談した。")
    assert [(e.kind, e.date) for e in events] == [("meeting", "2025-12-02")]


def test_a_country_s_capital_is_its_capital_city() -> None:
    _text, events = run("ルビオ国務長官とラブロフ外相は2日、マレーシア首都での2日間の協議を終えた。")
    assert [e.place for e in events if e.kind == "meeting"][:1] == ["クアラルンプール"]


def test_a_day_opening_the_sentence_is_the_main_clause_s_not_the_clause_it_follows() -> None:
    # 「3日、…合意したことを受け、…協議を行う」: the 3rd is the talks', the agreement came before
    body = "3日、ロシアとウクライナが停戦に合意したことを受け、両国の軍幹部は今後の手順について協議を行った。"
    events = [e for e in ja.extract(_report(body), load()).events if e.kind == "agreement"]
    assert events and all(e.date is None for e in events)
    _text, meetings = run(body)
    assert [(e.kind, e.date) for e in meetings] == [("meeting", "2025-12-03")]


def test_a_day_inside_the_clause_the_main_clause_follows_is_that_clause_s() -> None:
    # 「…が1日に合意したことを受け、…協議を行った」: the 1st is the agreement's, not the talks'
    body = "ロシアとウクライナが1日に停戦に合意したことを受け、両国の軍幹部は今後の手順について協議を行った。"
    agreements = [e for e in ja.extract(_report(body), load()).events if e.kind == "agreement"]
    assert [e.date for e in agreements] == ["2025-12-01"]
    _text, meetings = run(body)
    assert meetings and all(e.date != "2025-12-01" for e in meetings)
