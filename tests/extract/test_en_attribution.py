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
