"""The support checker reads each claim in its role: tables of real error shapes, in our own words."""

from __future__ import annotations

import re

import pytest

from communique.brief.model import Citation, Claim, EvidenceRef, Sentence
from communique.brief.support import check_claims

NAMES = {
    "en": {
        "harlan": r"(?<![A-Za-z])(?:President Harlan|Harlan)",
        "varga": r"(?<![A-Za-z])(?:Mikel Varga|Varga)",
        "osei": r"(?<![A-Za-z])(?:Ama Osei|Osei)",
        "brenner": r"(?<![A-Za-z])(?:Lotte Brenner|Brenner)",
        "norland": r"(?<![A-Za-z])(?:Norland|Norwegian)",
    },
    "ja": {
        "harlan": "ハーラン",
        "varga": "バルガ",
        "osei": "オセイ",
        "brenner": "ブレナー",
        "norland": "ノーランド",
    },
}
PATTERNS = {lang: {k: re.compile(v) for k, v in table.items()} for lang, table in NAMES.items()}


def sentence(evidence_text: str, *claims: Claim) -> Sentence:
    ev = EvidenceRef(report_id="r-1", start=0, end=len(evidence_text), text=evidence_text,
                     context=evidence_text)
    return Sentence(text="(the writer's sentence)", citations=(Citation(item_id="i-1", item_type="event",
                                                                       evidence=(ev,)),), claims=claims)


def participant(actor: str, kind: str = "meeting") -> Claim:
    return Claim(role="participant", actor=actor, value=kind)


@pytest.mark.parametrize(("evidence", "actor", "kind", "supported"), [
    # the clause puts them there: subject or object of the meeting verb
    ("Harlan's envoy Mikel Varga met Ama Osei in Valletta on Tuesday.", "varga", "meeting", True),
    ("Harlan's envoy Mikel Varga met Ama Osei in Valletta on Tuesday.", "osei", "meeting", True),
    # a possessive qualifier is not a participant
    ("Harlan's envoy Mikel Varga met Ama Osei in Valletta on Tuesday.", "harlan", "meeting", False),
    # a commenter is not a participant
    ("Lotte Brenner said the talks between Varga and Osei had been useful.", "brenner", "meeting", False),
    ("The talks between Varga and Osei were useful, Brenner told reporters.", "brenner", "meeting", False),
    ("According to Brenner, Varga met Osei for five hours.", "brenner", "meeting", False),
    ("According to Brenner, Varga met Osei for five hours.", "varga", "meeting", True),
    # a call
    ("Osei spoke by phone with President Harlan on Sunday.", "harlan", "phone_call", True),
    ("Osei met Harlan on Sunday.", "harlan", "phone_call", False),
    # planned meetings: said to happen, not denied, not a possibility
    ("Varga will travel to Accra next week to meet Osei.", "osei", "planned_meeting", True),
    ("Harlan said he had no plans to meet Osei this year.", "osei", "planned_meeting", False),
    ("Varga could meet Osei if the draft is ready.", "osei", "planned_meeting", False),
    # Japanese
    ("ハーラン氏の特使バルガ氏は火曜日、オセイ氏と会談した。", "bargain", "meeting", False),
    ("ハーラン氏の特使バルガ氏は火曜日、オセイ氏と会談した。", "varga", "meeting", True),
    ("ハーラン氏の特使バルガ氏は火曜日、オセイ氏と会談した。", "harlan", "meeting", False),
    ("ブレナー報道官は会談について「有益だった」と述べた。", "brenner", "meeting", False),
    ("ブレナー氏によると、バルガ氏とオセイ氏が会談した。", "brenner", "meeting", False),
    ("オセイ氏は来週、バルガ氏と会談する予定だ。", "varga", "planned_meeting", True),
    ("オセイ氏はバルガ氏と会談する予定はないと述べた。", "varga", "planned_meeting", False),
    # agreements: the parties agreeing or signing; not a failure to agree, a hope, a commenter
    ("Osei and Varga agreed on a framework for further talks on Tuesday.", "varga", "agreement", True),
    ("Osei and Varga failed to agree on a framework.", "varga", "agreement", False),
    ("Osei and Varga hope to reach a deal next month.", "osei", "agreement", False),
    ("Brenner said Osei and Varga had signed the accord.", "brenner", "agreement", False),
    ("Osei met Varga on Tuesday.", "varga", "agreement", False),
    # announcing a deal with the other side: both are its parties (the other side is not a reporter
    # because "that he said" follows it)
    ("Harlan on Tuesday announced a trade deal with Osei that he said would cut duties.", "harlan",
     "agreement", True),
    ("Harlan on Tuesday announced a trade deal with Osei that he said would cut duties.", "osei",
     "agreement", True),
    ("Brenner announced that Osei and Varga had agreed on a framework.", "brenner", "agreement", False),
    # the one who says they reached it is a party; not when "he" is not the one saying it
    ("Osei said on Sunday she has reached a broad framework with Varga.", "osei", "agreement", True),
    ("Osei said on Sunday she has reached a broad framework with Varga.", "varga", "agreement", True),
    ("Brenner said Osei had reached a framework with Varga.", "brenner", "agreement", False),
    # "meetings" is a meeting word as "meeting" is
    ("Osei told reporters in Accra, as Varga and Brenner concluded two days of meetings.", "varga", "meeting",
     True),
    ("Osei told reporters in Accra, as Varga and Brenner concluded two days of meetings.", "osei", "meeting",
     False),
    ("オセイ氏とバルガ氏は協議の枠組みで合意した。", "varga", "agreement", True),
    ("オセイ氏とバルガ氏は合意に至らなかった。", "varga", "agreement", False),
    # 「…をめぐり」 after the parties names what their act is about, not a comment of theirs
    ("オセイ氏とバルガ氏は国境での衝突をめぐり即時停戦に合意した。", "varga", "agreement", True),
    ("ブレナー報道官は合意をめぐり「前進だ」と述べた。", "brenner", "agreement", False),
])
def test_participant_in_role(evidence: str, actor: str, kind: str, supported: bool) -> None:
    assert (check_claims(sentence(evidence, participant(actor, kind)), PATTERNS) == ()) is supported


@pytest.mark.parametrize(("evidence", "actor", "supported"), [
    ("“We are not there yet,” Osei told reporters.", "osei", True),
    ("“We are not there yet,” she told reporters.", "osei", True),
    ("“We are not there yet,” Osei told reporters.", "varga", False),
    # a sub-heading in quote marks is nobody's words
    ("“A deal within reach”", "osei", False),
    ("「合意は近い」とオセイ氏は語った。", "osei", True),
    ("「合意は近い」", "osei", False),
    ("「合意は近い」とオセイ氏は語った。", "ノーランド", False),
])
def test_speaker_in_role(evidence: str, actor: str, supported: bool) -> None:
    claim = Claim(role="speaker", actor=actor)
    assert (check_claims(sentence(evidence, claim), PATTERNS) == ()) is supported


HE_SAID = "He said tariffs set by the Harlan government were “a heavy loss.”"


@pytest.mark.parametrize(("before", "evidence", "actor", "supported"), [
    # a quote that continues the one the line before attributes
    ("“It will take time,” Osei said.", "“Many issues are still open.”", "osei", True),
    ("“It will take time,” Osei said.", "“Many issues are still open.”", "varga", False),
    ("“It will take time,” Osei said. Varga disagreed.", "“Many issues are still open.”", "osei", False),
    # the sentence before ends with the speaker and the reporting verb, after naming others
    ("He said Varga and the Harlan government had agreed to a truce, Osei added.",
     "“This is a first step towards calm.”", "osei", True),
    ("Both sides had agreed to a truce, said Osei.", "“This is a first step towards calm.”", "osei", True),
    ("Osei said Varga had agreed to a truce.", "“This is a first step towards calm.”", "varga", False),
    # "he said" after a sentence whose subject is the speaker, though the sentence names others
    ("Osei insisted the U.S. deal must cover cars.", HE_SAID, "osei", True),
    ("Varga insisted the deal must cover cars.", HE_SAID, "osei", False),
    # a transcript: the speaker's name on a line of its own above the words
    ("ブレナー報道官", "「協議は続きます。」", "brenner", True),
    ("ブレナー報道官", "「協議は続きます。」", "osei", False),
    # a Japanese sentence whose subject is left out: the topic of the sentence before, not a が in a clause
    ("オセイ氏は記者団に「好機だ」と強調。", "バルガ氏が求める保証に「尽くす」と述べた。", "osei", True),
    ("オセイ氏は記者団に「好機だ」と強調。", "バルガ氏は保証に「全力を尽くす」と述べた。", "osei", False),
    # television news names the speaker in brackets after the words
    ("", "「認識に違いはない」（オセイ大臣）", "osei", True),
    ("", "「認識に違いはない」（バルガ大臣）", "osei", False),
])
def test_speaker_named_around_the_sentence(before: str, evidence: str, actor: str, supported: bool) -> None:
    ev = EvidenceRef(report_id="r-1", start=0, end=len(evidence), text=evidence, context=evidence,
                     before=before)
    claim = Claim(role="speaker", actor=actor)
    found = Sentence(text="(the writer's sentence)", claims=(claim,),
                     citations=(Citation(item_id="i-1", item_type="quote", evidence=(ev,)),))
    assert (check_claims(found, PATTERNS) == ()) is supported


@pytest.mark.parametrize(("evidence", "stance", "supported"), [
    ("Osei said the draft was unacceptable.", "reject", True),
    ("Osei said the draft was unacceptable.", "accept", False),  # an inversion
    ("Osei said some points were accepted and others were unacceptable.", "partly_accept", True),
    ("Osei said some points were accepted and others were unacceptable.", "accept", False),
    ("Brenner said it was wrong to say Osei had rejected the draft.", "reject", False),  # a denial
    ("Osei has not rejected the draft, her office said.", "reject", False),
    ("Norland demanded guarantees before any signature.", "demand", True),
    ("Norland welcomed the new draft.", "reject", False),
    ("オセイ氏は草案を「受け入れられない」と述べた。", "reject", True),
    ("オセイ氏は草案を「受け入れられない」と述べた。", "accept", False),
    ("ブレナー報道官は、草案を拒否していないと述べた。", "reject", False),
    ("一部は受け入れ、一部は受け入れがたいと述べた。", "partly_accept", True),
])
def test_stance_in_role(evidence: str, stance: str, supported: bool) -> None:
    claim = Claim(role="stance", actor="osei", value=stance)
    assert (check_claims(sentence(evidence, claim), PATTERNS) == ()) is supported


@pytest.mark.parametrize(("said_on", "event_on", "supported"), [
    ("2026-03-04", "2026-03-03", True),
    ("2026-03-03", "2026-03-03", False),  # the same day: before, during or after cannot be told
    ("2026-03-02", "2026-03-03", False),  # said before the meeting
    (None, "2026-03-03", False),
])
def test_after_needs_a_later_day(said_on: str | None, event_on: str, supported: bool) -> None:
    claim = Claim(role="after", said_on=said_on, event_on=event_on)
    assert (check_claims(sentence("Osei met Varga.", claim), PATTERNS) == ()) is supported


def test_a_claim_on_another_item_is_checked_against_that_item() -> None:
    a = EvidenceRef(report_id="r-1", start=0, end=10, text="Osei met Varga in Accra.", context="")
    b = EvidenceRef(report_id="r-2", start=0, end=10, text="Brenner said the meeting went well.", context="")
    s = Sentence(text="x", citations=(Citation(item_id="e-1", item_type="event", evidence=(a,)),
                                      Citation(item_id="q-1", item_type="quote", evidence=(b,))),
                 claims=(Claim(role="participant", actor="brenner", value="meeting", item_id="e-1"),))
    assert check_claims(s, PATTERNS)


@pytest.mark.parametrize(("evidence", "actor", "supported"), [
    ("Varga and Osei held a third round of talks in Tallinn, mediated by Norland.", "norland", True),
    ("The delegations met in Tallinn, with Norland acting as mediator.", "norland", True),
    ("Norwegian mediators carried messages between the two rooms.", "norland", True),
    ("Varga and Osei met in Tallinn, with Norland mediating.", "norland", True),
    ("The talks, facilitated by the Norwegian foreign minister, lasted three hours.", "norland", True),
    # the place of the talks, a side, the one announcing them: not the go-between
    ("Varga and Osei met in Oslo, Norland, on Tuesday.", "norland", False),
    ("Varga met Norland's foreign minister in Tallinn.", "norland", False),
    ("The next round will be held in Tallinn, the Norwegian foreign minister said.", "norland", False),
    # other rounds than the one told
    ("Varga and Osei have held four rounds of talks mediated by Norland.", "norland", False),
    ("Brenner, who has mediated the previous two rounds, praised the talks.", "brenner", False),
    ("ノーランドの仲介でバルガ氏とオセイ氏がタリンで協議した。", "norland", True),
    ("協議は仲介役のノーランドを通じて行われた。", "norland", True),
    ("バルガ氏とオセイ氏はノーランドで協議した。", "norland", False),
])
def test_mediator_in_role(evidence: str, actor: str, supported: bool) -> None:
    claim = Claim(role="mediator", actor=actor)
    assert (check_claims(sentence(evidence, claim), PATTERNS) == ()) is supported


@pytest.mark.parametrize(("evidence", "hours", "supported"), [
    ("Varga and Osei met in Tallinn in talks lasting about four hours.", "4.0", True),
    ("ヴァルガ氏とオセイ氏はタリンで約4時間にわたって会談した。", "4.0", True),
    ("Varga and Osei met in Tallinn in talks lasting about four hours.", "5.0", False),
    ("Varga and Osei met in Tallinn after a twelve-hour flight.", "12.0", False),
])
def test_duration_in_role(evidence: str, hours: str, supported: bool) -> None:
    claim = Claim(role="duration", value=hours)
    assert (check_claims(sentence(evidence, claim), PATTERNS) == ()) is supported


def test_a_length_in_hours_and_minutes_is_read_whole() -> None:
    from communique.brief import templates_en, templates_ja
    from communique.merge.facets import meeting_durations

    found = meeting_durations("Varga and Osei held a 1 hour 40 minute bilateral meeting in Tallinn.")
    assert [value for value, _ in found] == [1.667]  # not "40 minutes"
    assert templates_en.duration(1.667, "") == "an hour and 40 minutes"
    assert templates_en.duration(1.5, "") == "an hour and a half"  # a "90-minute meeting"
    assert templates_ja.duration(0.833, "about") == "約50分間"
    assert meeting_durations("ヴァルガ氏とオセイ氏はおよそ50分間、会談した。")[0][0] == 0.833


@pytest.mark.parametrize(("evidence", "supported"), [
    # the speaker's own country named in the words he reports, after the verb of saying
    ("The prime minister said Norland's response would be measured.", True),
    ("He also said that Norland would host the next round.", True),
    # named before it, it is the one saying them
    ("Norland said the prime minister's response would be measured.", False),
    ("Norwegian officials told reporters the response would be measured.", False),
])
def test_the_speakers_own_country_in_the_words_he_reports(evidence: str, supported: bool) -> None:
    claim = Claim(role="speaker", actor="osei", value="norland")
    assert (check_claims(sentence(evidence, claim), PATTERNS) == ()) is supported
    # another country named there is still someone else the words may be
    other = Claim(role="speaker", actor="osei", value="varga")
    assert check_claims(sentence(evidence, other), PATTERNS) != ()
