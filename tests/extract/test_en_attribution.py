"""English attribution on text written the way many outlets write it: who a pronoun, a
description or a bare surname after a quotation stands for, and which quoted words are
titles rather than anyone's words.  The sentences are the team's own."""

from __future__ import annotations

from communique.extract.en import extract
from communique.extract.gazetteer import load
from communique.model import Extraction

from .cases import english_report


def run(text: str) -> Extraction:
    return extract(english_report(text), load())


def speakers(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker_id, q.text) for q in run(text).quotes if q.direct]


def test_a_common_given_name_makes_a_person_the_model_might_miss() -> None:
    text = (
        "Wendy Okafor threw her weight behind the harbour plan on Tuesday.\n\n"
        "“We cannot wait another decade,” she said."
    )
    assert speakers(text) == [("person:wendy-okafor", "We cannot wait another decade,")]


def test_a_surname_opening_a_sentence_is_the_person_named_in_full_before() -> None:
    text = (
        "The crowd at the county fair cheered for Ben Tarrow and his running mate.\n\n"
        "Tarrow waved from the stage and left early.\n\n"
        "“It was a good day for the county,” he said."
    )
    assert speakers(text) == [("person:ben-tarrow", "It was a good day for the county,")]


def test_an_unknown_opening_word_still_blocks_an_earlier_speaker() -> None:
    text = (
        "“The talks were useful,” Peskov said on Monday.\n\n"
        "Brightwater later cancelled all of its sailings.\n\n"
        "“We had no choice,” he said."
    )
    assert speakers(text)[1][0] is None


def test_the_subject_comes_after_an_opening_phrase() -> None:
    text = (
        "“The talks were useful,” Peskov said on Monday.\n\n"
        "Since leaving his Moscow office on Tuesday, Ushakov has stayed silent on the plan.\n\n"
        "“Nothing is agreed yet,” he said."
    )
    assert speakers(text)[1] == ("yuri-ushakov", "Nothing is agreed yet,")


def test_a_programme_or_book_named_in_marks_is_nobodys_words() -> None:
    text = (
        "On the network’s “Sunday Breakfast Hour” Sunday, Peskov said, “We are not in a hurry.”\n\n"
        "Ushakov wrote in his memoir, “Long Road Home,” that he had seen it all before.\n\n"
        "“Related:”"
    )
    assert speakers(text) == [("dmitry-peskov", "We are not in a hurry.")]


def test_a_dateline_is_not_the_speaker() -> None:
    text = (
        "MOSCOW, Dec. 3 (Wire) — Responding to the plan, the Kremlin’s chief negotiator briefed "
        "reporters, saying: “We have not agreed to anything.”"
    )
    assert all(q.speaker_id != "russia" for q in run(text).quotes)


def test_a_newspaper_named_after_a_city_is_not_the_city() -> None:
    result = run("The Kyiv Gazette reported the talks on Tuesday.")
    assert all(m.id != "ukraine" for m in result.actors)


def test_an_opening_participle_is_the_speakers_own() -> None:
    text = (
        "Wendy Okafor runs the harbour board.\n\n"
        "Asked about the plan Peskov had praised, she replied: “We will read it first.”"
    )
    assert speakers(text) == [("person:wendy-okafor", "We will read it first.")]


def test_a_signature_after_a_quotation_names_its_speaker() -> None:
    text = (
        "Readers wrote in after the harbour vote.\n\n"
        "“The new ferry timetable ignores everyone who works nights.”\u00a0― Marisol Quental\n\n"
        "“We were promised a bridge and got a committee.” ― Tobias Wren.\n\n"
        "“A fine day for the port.” ― Harbour News"
    )
    assert speakers(text) == [
        ("person:marisol-quental", "The new ferry timetable ignores everyone who works nights."),
        ("person:tobias-wren", "We were promised a bridge and got a committee."),
    ]


def test_two_apostrophes_are_quotation_marks() -> None:
    text = (
        "''It is more tinkering at the edges,'' said Alan Corvey, an economist at a budget institute. "
        "''I would not call it reform.''"
    )
    assert speakers(text) == [
        ("person:alan-corvey", "It is more tinkering at the edges,"),
        ("person:alan-corvey", "I would not call it reform."),
    ]


def test_a_sub_heading_in_marks_is_nobodys_words() -> None:
    text = (
        "“The plant will stay open,” said Petra Lindqvist, the mayor. “Nobody loses a job.”\n\n"
        "'Hard Times in the Valley.'\n\n"
        "The company has not commented."
    )
    assert [t for _s, t in speakers(text)] == ["The plant will stay open,", "Nobody loses a job."]


def test_a_role_word_before_a_name_makes_a_person() -> None:
    text = "“I cannot vote for either of them,” said Concord resident Whit Symmonds."
    assert speakers(text) == [("person:whit-symmonds", "I cannot vote for either of them,")]


def test_a_relative_of_a_known_person_is_someone_else() -> None:
    text = (
        "In an essay last week, Ivanka Trump acknowledged the cost of child care. "
        "“The number of households led by single mothers has doubled,” she wrote."
    )
    assert speakers(text) == [
        ("person:ivanka-trump", "The number of households led by single mothers has doubled,")
    ]


def test_the_text_gives_the_gender_a_given_name_does_not() -> None:
    text = (
        "“The veto does not hold weight,” said 9/11 widow Terry Strandberg.\n\n"
        "She continued, “All we ask is a day in court.”"
    )
    assert speakers(text) == [
        ("person:terry-strandberg", "The veto does not hold weight,"),
        ("person:terry-strandberg", "All we ask is a day in court."),
    ]


def test_an_honorific_makes_a_person_without_a_reporting_verb() -> None:
    text = (
        "Ms. Okonkwo-Bell got a huge roar from the crowd when she added the words, “Vote early.”"
    )
    assert speakers(text) == [("person:okonkwo-bell", "Vote early.")]


def test_a_pronoun_opening_the_clause_keeps_its_own_referent() -> None:
    text = (
        "Ushakov spoke to reporters in Moscow.\n\n"
        "He said that as long as the talks dragged on, Donald Trump would lose patience, "
        "which he called “a real danger” for the plan."
    )
    assert speakers(text)[0][0] != "donald-trump"


def test_a_transcript_line_in_marks_is_its_labelled_speakers() -> None:
    text = (
        "“We will be there,” Mike Pence said on Saturday. Dana Whitfield questioned him on Sunday.\n\n"
        "\"WHITFIELD: If I may, sir, we have limited time. Will she attend the debate?\n\n"
        "\"PENCE: She will not be attending the debate tomorrow night.\""
    )
    assert speakers(text)[1:] == [
        ("person:dana-whitfield", "If I may, sir, we have limited time. Will she attend the debate?"),
        ("person:mike-pence", "She will not be attending the debate tomorrow night."),
    ]


def test_a_nationality_adjective_opening_the_sentence_is_not_its_speaker() -> None:
    text = (
        "- 33 Israeli captives to be freed in the first phase in exchange for prisoners "
        "HE the Prime Minister Sheikh Marwan bin Khalid bin Faisal al-Rumaihi announced that the "
        "joint mediation secured a deal.\n\n"
        "Hamas sent a delegation to Cairo on Sunday. The Palestinian movement said the delegation "
        "arrived to begin negotiations on a ceasefire."
    )
    said = {q.text: q.speaker_id for q in run(text).quotes}
    assert said.get("the joint mediation secured a deal") != "israel"
    assert said.get("the delegation arrived to begin negotiations on a ceasefire") == "hamas"


def test_pm_in_capitals_is_a_prime_minister() -> None:
    text = (
        "Israeli Prime Minister Benjamin Netanyahu backed parts of the plan. The Israeli PM has also "
        "emphasized that his country will not accept any deal that leaves Hamas in control."
    )
    said = {q.text: q.speaker_id for q in run(text).quotes}
    remark = "his country will not accept any deal that leaves Hamas in control"
    assert said.get(remark) == "benjamin-netanyahu"


def test_support_for_parts_of_a_plan_is_a_partial_acceptance() -> None:
    text = (
        "Trump presented a 20-point plan on Monday. While Israeli Prime Minister Benjamin Netanyahu "
        "has shown support for parts of the plan, Hamas remains resistant."
    )
    stances = {(p.holder_id, p.stance) for p in run(text).positions}
    assert ("israel", "partly_accept") in stances and ("israel", "support") not in stances
