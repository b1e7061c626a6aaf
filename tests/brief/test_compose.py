"""What the deterministic writer says, and what it must never say."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

import communique.brief.templates_en as templates_en
import communique.brief.templates_ja as templates_ja
from communique.brief import BriefError, brief, render
from communique.errors import UsageError

from .fixtures import trade_records, ukraine_records
from .test_faithfulness import assert_faithful

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "seed-article-ja.txt"


def md(records, lang, as_of, since=None):
    return render(brief(records, lang=lang, as_of=as_of, since=since), "md")


def sentences(briefing, kind=None):
    return [s for _w, s in briefing.sentences() if kind is None or s.kind == kind]


# -- the as-of date ---------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_reports_after_the_as_of_date_are_ignored(ukraine, lang, gazetteer):
    late = next(r for r in ukraine if r["type"] == "report" and r["published_at"].startswith("2025-12-09"))
    for as_of in ("2025-12-04", "2025-12-08"):
        briefing = brief(ukraine, lang=lang, as_of=as_of)
        text = render(briefing, "json")
        assert late["id"] not in text
        assert "ready to present our vision" not in text and "20-point" not in text
        assert_faithful(briefing, ukraine, gazetteer)
    early = render(brief(ukraine, lang=lang, as_of="2025-12-04"), "md")
    assert "Gulf Coast Herald" not in early and "Berlin" not in early and "ベルリン" not in early


def test_an_item_keeps_only_the_evidence_published_by_the_as_of_date(ukraine):
    briefing = brief(ukraine, lang="en", as_of="2025-12-08")
    miami = [c for s in sentences(briefing) for c in s.citations if c.item_id == "E-miami"]
    assert miami, "the Miami meeting (evidence in reports of Dec 7, 8 and 9) is briefed as of Dec 8"
    assert all(ev.report_id != _report(ukraine, "2025-12-09")["id"] for c in miami for ev in c.evidence)


def _report(records, day):
    return next(r for r in records if r["type"] == "report" and r["published_at"].startswith(day))


def test_the_default_as_of_is_the_newest_report(ukraine):
    from communique.brief import newest_report_date

    assert newest_report_date(ukraine) == "2025-12-09"


# -- sources ----------------------------------------------------------------------------------
def test_wire_copies_are_one_source_with_their_copies_listed(ukraine):
    briefing = brief(ukraine, lang="en", as_of="2025-12-04")
    wire = [r for r in briefing.references if r.wire_group == "w-moscow"]
    assert len(wire) == 1
    assert wire[0].outlet == "Northline Wire"
    assert [c.outlet for c in wire[0].copies] == ["Harbor City Times"]
    assert "copies of the same wire story: Harbor City Times" in render(briefing, "md")


# -- languages ----------------------------------------------------------------------------------
def test_japanese_uses_the_japanese_rendering_of_a_statement(ukraine):
    text = md(ukraine, "ja", "2025-12-04")
    assert "「かなり良い会談だった」" in text
    assert "reasonably good meeting" not in text.split("Reference(s):")[0]


def test_a_quote_only_in_english_is_shown_in_english_as_the_original(ukraine):
    text = md(ukraine, "ja", "2025-12-04")
    assert "「No compromise has been found yet on the territorial question」（原文英語）" in text


def test_english_mirror_image(ukraine):
    text = md(ukraine, "en", "2025-12-04")
    assert (
        "\u201cウクライナの利益が考慮されてこそ、尊厳ある平和が実現する\u201d (original in Japanese)" in text
    )
    assert "\u201cIt was a reasonably good meeting\u201d" in text


def test_japanese_names_titles_and_dates(ukraine):
    text = md(ukraine, "ja", "2025-12-04")
    for form in (
        "トランプ大統領",
        "ロシアのペスコフ大統領報道官",
        "ロシアのプーチン大統領",
        "12月3日",
        "2025年12月4日時点で",
        "米国のウィトコフ特使とジャレッド・クシュナー氏",
    ):
        assert form in text, form
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text.split("Reference(s):")[0]), "no ISO dates in the prose"


def test_english_names_titles_and_dates(ukraine):
    text = md(ukraine, "en", "2025-12-04")
    for form in (
        "Russian President Vladimir Putin",
        "Kremlin Press Secretary Dmitry Peskov",
        "December 3",
        "As of December 4, 2025",
    ):
        assert form in text, form


# -- honesty ------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_single_source_claims_are_hedged(ukraine, lang):
    briefing = brief(ukraine, lang=lang, as_of="2025-12-08")
    hedges = (
        ("報道によりますと", "とされます", "伝えられています")
        if lang == "ja"
        else ("according to", "reportedly")
    )
    for sentence in sentences(briefing):
        if sentence.hedged:
            assert any(h in sentence.text.lower() for h in hedges), sentence.text
    positions = sentences(briefing, "position")  # every position in the fixture has one source
    assert positions and all(s.hedged for s in positions)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_conflicts_keep_both_versions_and_contested_dates_are_not_stated(ukraine, lang):
    briefing = brief(ukraine, lang=lang, as_of="2025-12-08")
    texts = [s.text for s in briefing.conflicts]
    assert any("about five hours" in t and "約3時間" in t for t in texts)
    assert any("began in Miami on Thursday" in t and "5日から7日まで行われました" in t for t in texts)
    miami = [
        s.text
        for kind in ("lead", "event")
        for s in sentences(briefing, kind)
        if any(c.item_id == "E-miami" for c in s.citations)
    ]
    miami += [
        s.text for s in sentences(briefing, "since") if any(c.item_id == "E-miami" for c in s.citations)
    ]
    assert miami
    assert not any(
        ("12月4日" in t or "December 4" in t or "12月5日" in t or "December 5" in t) for t in miami
    )


# -- structure ----------------------------------------------------------------------------------
def test_three_points_follow_the_documented_rules(ukraine):
    briefing = brief(ukraine, lang="ja", as_of="2025-12-08")
    assert len(briefing.points) == 3
    open_, clash, next_ = briefing.points
    assert "28項目の和平案" in open_.text and "そろっていない" in open_.text  # rule A
    assert "NATO加盟問題" in clash.text  # rule B
    assert "12月14日" in next_.text and "ベルリン" in next_.text  # rule C


def test_an_unclear_next_step_is_a_point_when_nothing_is_planned(ukraine, gazetteer):
    records = [r for r in ukraine if not (r["type"] == "event" and r["kind"] == "planned_meeting")]
    briefing = brief(records, lang="en", as_of="2025-12-08")
    assert any("No date for a next round has been reported" in p.text for p in briefing.points)
    assert_faithful(briefing, records, gazetteer)


def test_what_changed_since(ukraine):
    briefing = brief(ukraine, lang="ja", as_of="2025-12-08", since="2025-12-04")
    since = briefing.sections[0]
    assert since.key == "since" and since.title == "2025年12月4日以降の変化"
    texts = [s.text for s in since.sentences]
    assert any("支持から一部受け入れに変わりました" in t for t in texts)
    assert any("報道の食い違いが新たに生じています" in t for t in texts)
    assert any("「実質的な前進があった」" in t for t in texts)
    nothing = brief(ukraine, lang="en", as_of="2025-12-08", since="2025-12-08").sections[0]
    assert nothing.sentences == () and nothing.note


def test_sections_by_event_party_and_proposal(ukraine):
    briefing = brief(ukraine, lang="ja", as_of="2025-12-04")
    keys = [s.key for s in briefing.sections]
    assert keys[0] == "event:E-moscow"
    assert {"party:russia", "party:ukraine"} <= set(keys)
    assert "proposals" in keys and "schedule" in keys
    assert briefing.headline.text.startswith("トランプ大統領「")
    assert [s.kind for s in briefing.lead] == ["lead", "lead"]  # context and the meeting
    quote = briefing.headline.text.split("「", 1)[1].split("」", 1)[0]
    assert not any(quote in s.text for s in briefing.lead)  # the headline's remark is said once


def test_the_japanese_briefing_has_the_seed_structure(ukraine):
    if not SEED.exists():
        pytest.skip("the seed article is not available")
    seed = SEED.read_text(encoding="utf-8")
    text = md(ukraine, "ja", "2025-12-08")
    for heading in ("今後の焦点:三つのポイント", "読者が押さえておきたい視点", "Reference(s):"):
        assert heading in seed and heading in text
    assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日時点", seed) and re.search(
        r"\d{4}年\d{1,2}月\d{1,2}日時点", text
    )
    first = text.splitlines()[0]
    assert re.search(r"大統領「[^」]+」", seed.splitlines()[0]) and re.search(r"大統領「[^」]+」", first)


# -- determinism and generality -------------------------------------------------------------------
def test_output_does_not_depend_on_record_order(ukraine):
    shuffled = list(ukraine)
    random.Random(7).shuffle(shuffled)
    for lang in ("ja", "en"):
        assert md(shuffled, lang, "2025-12-08", "2025-12-04") == md(ukraine, lang, "2025-12-08", "2025-12-04")


STORY_WORDS = (
    "Ukrain",
    "ウクライナ",
    "Russia",
    "ロシア",
    "Putin",
    "プーチン",
    "Trump",
    "トランプ",
    "Moscow",
    "モスクワ",
    "Kremlin",
    "クレムリン",
    "Zelensk",
    "ゼレンスキー",
    "Witkoff",
    "28",
    "Canada",
    "カナダ",
    "tariff",
    "quota",
    "Geneva",
    "Miami",
)


@pytest.mark.parametrize("module", [templates_ja, templates_en])
def test_nothing_story_specific_in_the_templates(module):
    source = Path(module.__file__).read_text(encoding="utf-8")
    # shared vocabulary, not a story: labels of issue slugs, names of languages
    source = re.sub(r"\n(ISSUES|_LANG_NAME) = \{.*?\}\n", "\n", source, flags=re.S)
    for word in STORY_WORDS:
        assert word not in source, f"{word!r} in {Path(module.__file__).name}"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_an_unrelated_story_gets_a_sensible_briefing(trade, lang, gazetteer):
    briefing = brief(trade, lang=lang, as_of="2026-03-12")
    assert_faithful(briefing, trade, gazetteer)
    text = render(briefing, "md")
    assert ("ルブラン" if lang == "ja" else "LeBlanc") in text  # an actor the gazetteer does not know
    assert ("輸入枠の計画" if lang == "ja" else "quota plan") in text
    assert len(briefing.points) >= 2 and briefing.perspective and briefing.conflicts
    assert briefing.headline.citations and briefing.lead


def test_nothing_to_brief_is_an_error(ukraine):
    reports = [r for r in ukraine if r["type"] == "report"]
    with pytest.raises(BriefError, match="no statements, events or positions"):
        brief(reports, lang="ja", as_of="2025-12-08")
    with pytest.raises(UsageError, match="Japanese or English"):
        brief(ukraine, lang="fr", as_of="2025-12-08")
    with pytest.raises(UsageError, match="not a date"):
        brief(ukraine, lang="en", as_of="2025-12-08", since="yesterday")
    with pytest.raises(UsageError, match="--as-of soon: is not a date"):
        brief(ukraine, lang="en", as_of="soon")


def test_records_may_be_a_one_pass_iterator_like_export_records(ukraine):
    once = render(brief(iter(ukraine), lang="ja", as_of="2025-12-08"), "md")
    assert once == md(ukraine, "ja", "2025-12-08")


def test_trade_and_ukraine_records_are_independent():
    assert not {r["id"] for r in trade_records()} & {r["id"] for r in ukraine_records()}


def test_a_contested_day_is_still_a_day() -> None:
    when = "October 6 (reports differ on the date)"
    text = templates_en.event("meeting", when, "Geneva", ["Ann Lee", "Bo Kim"], hedge=None, future=False)
    assert text is not None and text.startswith("On October 6 (reports differ on the date)"), text


def test_japanese_reported_speech_does_not_say_explain_twice():
    """「詳細は12日に説明すると説明しました」 says 説明 twice: such words are 述べました."""
    twice = templates_ja.statement("ベッセント財務長官", "5月11日", "詳細は12日に説明する", direct=False,
                                   same_lang=True, hedge=None)
    assert twice == "ベッセント財務長官は5月11日、詳細は12日に説明すると述べました。"
    once = templates_ja.statement("ベッセント財務長官", None, "協議は前進した", direct=False,
                                  same_lang=True, hedge=None)
    assert once.endswith("協議は前進したと説明しました。")
