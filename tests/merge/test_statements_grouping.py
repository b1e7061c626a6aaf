"""Statement grouping rules learned on real reports, each as synthetic cases in our own words:
how Japanese attribution between two quotes keeps two remarks apart, what the bilingual
lexicon must (and must not) find in either language, and the places two renderings share."""

from __future__ import annotations

import pytest

from communique.merge import merge
from communique.merge.similarity import concepts, lexical, places, reported_form
from communique.merge.statements import PLACE_BONUS, cross_evidence
from communique.model import Extraction

from .test_merge_units import _quote, _report


def _one_report(text: str, quotes: list[tuple[str, str]], language: str = "ja") -> list[str]:
    """Merge one report holding ``quotes`` (speaker, words); the statement id of each quote."""
    report = _report("r-1", text, published="2026-03-11", language=language)
    found = [_quote(report, f"q-{n}", words, speaker, said_on="2026-03-10")
             for n, (speaker, words) in enumerate(quotes)]
    record = merge([report], [Extraction(report_id="r-1", quotes=tuple(found))])
    return [record.statement_of[f"q-{n}"] for n in range(len(quotes))]


def test_two_quotes_joined_by_toshi_are_two_remarks() -> None:
    """「…」とし、「…」と述べた: the speaker said one thing, then another (とし is a reporting
    verb), not two fragments of one sentence."""
    first, second = "港湾の協議には楽観も悲観もしていない", "最初の段階はうまく進んだ"
    text = f"見出し\n\n議長は港湾協議について「{first}」とし、「{second}」と述べた。"
    a, b = _one_report(text, [("elena-voss", first), ("elena-voss", second)])
    assert a != b


def test_two_fragments_of_one_sentence_are_still_one_remark() -> None:
    """The rule above leaves true fragments alone: 「…」ことに「…」 is one sentence quoted in two
    pieces."""
    first, second = "まだ目を通していない", "少し失望している"
    text = f"見出し\n\n議長は港湾協定の案に「{first}」ことに「{second}」と語った。"
    a, b = _one_report(text, [("elena-voss", first), ("elena-voss", second)])
    assert a == b


LEXICON = [
    # a stem is the start of a word, but a form ending in a space is a whole word: 'import'
    # is not 'important', 'car' not 'carried', 'sign' not 'significant', 'war' not 'warn'
    ("It is important that the harbour talks carried on", "港湾の輸入と自動車について協議した", {"talks"}),
    ("a significant moment, they warn", "署名は戦争の終わりだ", set()),
    ("We will import more cars and sign the accord", "自動車の輸入を増やし、協定に署名する",
     {"car", "import", "sign", "deal"}),
    # the vocabulary of judging talks and of what follows them
    ("We are neither optimistic nor pessimistic about the talks", "協議には楽観も悲観もしていない",
     {"optimism", "pessimism", "talks"}),
    ("They called for a review of the levies", "関税の見直しを求めた", {"demand", "review", "tariff"}),
    ("The first round went well and was carried out carefully", "最初の協議はうまく実施され、慎重に進んだ",
     {"first", "good", "implement", "cautious"}),
    ("The next round will be held next week", "次回の会合は来週開かれる", {"next_week", "resume"}),
    ("talks were difficult but useful", "協議は難しかったが有益だった", {"difficult", "useful", "talks"}),
    # how near a deal is, what cannot be avoided, what the two sides came to share
    ("The two ports are nearing an accord", "両港は合意に近づいている", {"close", "deal"}),
    ("Disputes between neighbours are bound to arise", "隣国の間で争いが起きるのは避けられない",
     {"inevitable"}),
    ("Both delegations found common ground", "両代表団は共通の理解に達した", {"consensus"}),
    ("the chairs have a shared understanding", "議長らの見解の一致をみた", {"consensus"}),
    ("The delegations still disagree", "代表団の間には依然として不一致がある", {"gap"}),  # not agreement
    # ways out, how decisive a round was, what a policy is made to hang on, who keeps trying
    ("the mediator offered a solution to the deadlock", "仲介者は打開策を示した", {"solution"}),
    ("The round brought no decisive result", "会合に決定的な成果はなかった", {"decisive", "result"}),
    ("the talks may prove fruitless", "協議は成果が得られないかもしれない", {"result", "talks"}),
    ("our harbour policy must not depend on the talks", "港湾政策を協議に結び付けてはならない",
     {"depend", "talks"}),
    ("We keep seeking a fair accord", "公正な合意を探る努力を続ける", {"effort", "deal", "continue"}),
]


@pytest.mark.parametrize(("a", "b", "shared"), LEXICON)
def test_the_lexicon_names_the_same_concepts_in_both_languages(a: str, b: str, shared: set[str]) -> None:
    assert concepts(a) & concepts(b) == shared


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("The envoys will meet in Geneva next week", {"geneva"}),
        ("特使らは来週ジュネーブで会う", {"geneva"}),
        ("来週早々にもワシントンDCを訪問する", {"washington"}),
        ("He will fly to Washington, then Madrid", {"washington", "madrid"}),
        ("The Genevan delegation said nothing", set()),  # no place inside another word
    ],
)
def test_places_are_named_in_either_language(text: str, named: set[str]) -> None:
    assert places(text) == named


def test_renderings_naming_one_place_share_more() -> None:
    """Two renderings naming the same city are likelier one remark; naming none, or different
    cities, earns nothing (a remark may name the place only in one language)."""
    en = "We will hold the next round of talks in Geneva"
    same = cross_evidence(en, "次回の協議はジュネーブで開く")
    other = cross_evidence(en, "次回の協議はローマで開く")
    assert same == pytest.approx(other + PLACE_BONUS)


@pytest.mark.parametrize(
    ("direct", "reported"),
    [
        # an outlet reporting a remark shifts its tenses, modals and persons
        ("The harbour talks will resume next week", "the harbour talks would resume next week"),
        ("We are ready to sign the quota deal", "they were ready to sign the quota deal"),
        ("I can't accept this offer", "he couldn't accept that offer"),
        ("Our fleet has waited long enough", "their fleet had waited long enough"),
    ],
)
def test_reported_speech_reads_like_the_words_it_reports(direct: str, reported: str) -> None:
    assert reported_form(direct) == reported_form(reported)
    assert lexical(direct, reported) == 1.0


def test_the_shift_of_reported_speech_makes_no_other_words_alike() -> None:
    """Only the shifted words meet: 'the talks will resume' and 'the fleet would strike' stay as
    far apart as before."""
    a, b = "the harbour talks will resume in May", "the fishing fleet would strike in June"
    assert lexical(a, b) < 0.5
    assert reported_form("Quotas are cut") == "quotas were cut"
