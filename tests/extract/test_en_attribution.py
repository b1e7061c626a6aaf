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
