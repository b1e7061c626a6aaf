"""Pieces of one quotation in one report, and statements that an undated wording must not
join: a letter quoted paragraph by paragraph is one statement; two remarks weeks apart stay
two even when an undated report's paraphrase resembles both."""

from __future__ import annotations

import pytest

from communique.merge import merge
from communique.model import Extraction

from .builders import quote as _quote
from .builders import report as _report
from .builders import statements_of_two

LETTER = (
    "The fishing quota for next season will be cut by a third.",
    "Every boat owner will receive compensation for the lost catch.",
    "We owe this to the families who live from the sea.",
)


def test_a_quotation_running_over_paragraphs_is_one_statement() -> None:
    body = "\n".join(f"\u201c{line}" for line in LETTER) + "\u201d"
    long = _report("full", f"Headline\n\nIlves wrote in a letter to the fleet:\n{body}\n", "2026-05-04")
    short = _report("short", f"Headline\n\n\u201c{LETTER[2]}\u201d Ilves wrote on Monday.\n", "2026-05-04")
    record = merge(
        [long, short],
        [
            Extraction(
                report_id="full",
                quotes=tuple(_quote(f"q-{n}", long, line, "2026-05-04") for n, line in enumerate(LETTER)),
            ),
            Extraction(report_id="short", quotes=(_quote("q-9", short, LETTER[2], "2026-05-04"),)),
        ],
    )
    assert len({record.statement_of[q] for q in ("q-0", "q-1", "q-2", "q-9")}) == 1


def test_a_new_sentence_after_the_attribution_is_not_the_second_half() -> None:
    first, second = "Quotas are bound to cause friction.", "the fleet and the ministry should be partners"
    text = f"Headline\n\n\u201c{first}\u201d Still, she stressed, \u201c{second}\u201d\n"
    statement_of = statements_of_two(text, first, second)
    assert statement_of["q-0"] != statement_of["q-1"]


def test_an_undated_paraphrase_does_not_join_remarks_weeks_apart() -> None:
    words = {
        "undated": "Ilves held talks with the fleet owners on the fishing quota and urged them to accept it",
        "june": "Ilves held talks with the fleet owners on the fishing quota and asked them to accept it",
        "july": "Ilves held talks with fleet owners on the fishing quota, urging them to accept it",
    }
    dates = {"undated": None, "june": "2026-06-15", "july": "2026-07-20"}
    reports = [_report(k, f"Headline\n\nOfficials said {w}.\n", dates[k]) for k, w in words.items()]
    extractions = [
        Extraction(report_id=r.id, quotes=(_quote(f"q-{r.id}", r, words[r.id], dates[r.id], direct=False),))
        for r in reports
    ]
    record = merge(reports, extractions)
    assert record.statement_of["q-june"] != record.statement_of["q-july"]


def test_a_name_quoted_as_such_meets_no_translation_but_japanese_with_latin_letters_does() -> None:
    from communique.merge.statements import _name_like

    assert _name_like("Harbour Calling!")
    assert not _name_like("reasonably good")
    assert not _name_like("NATOへの加盟は加盟国が決める")


def test_a_reported_clause_running_into_quoted_words_is_one_remark() -> None:
    # 'she said the round went "rather well"': the outlet paraphrases the start of the
    # sentence and quotes its end; another outlet quoting only the end meets the same remark
    clause, words = "the second round with the fleet owners went", "rather well, all things considered"
    text = f"Headline\n\nIlves said on Monday that {clause} \u201c{words}.\u201d\n"
    first = _report("first", text, "2026-05-04")
    other = _report("other", f"Headline\n\n\u201cIt went {words},\u201d Ilves said.\n", "2026-05-04")
    record = merge(
        [first, other],
        [
            Extraction(
                report_id="first",
                quotes=(
                    _quote("q-0", first, clause, "2026-05-04", direct=False),
                    _quote("q-1", first, words, "2026-05-04"),
                ),
            ),
            Extraction(report_id="other", quotes=(_quote("q-2", other, f"It went {words}", "2026-05-04"),)),
        ],
    )
    assert record.statement_of["q-0"] == record.statement_of["q-1"] == record.statement_of["q-2"]


@pytest.mark.parametrize(("clause", "words", "shape"), [
    # a full stop between the reported clause and the quoted words: two sentences, two remarks
    ("the fleet would be compensated for the lost catch", "Next year we will open the northern grounds again",
     "Ilves said {clause}. \u201c{words},\u201d she added."),
    # 'she could not say, "because the owners have not answered"': quoted words opening a clause of
    # their own give a reason, a second thought after the reported one, not the end of its sentence
    ("she could not say when the quota would be signed", "because the owners have not answered",
     "Ilves said {clause}, \u201c{words}.\u201d"),
])
def test_a_reported_clause_and_quoted_words_of_another_sentence_or_clause_stay_apart(
        clause: str, words: str, shape: str) -> None:
    text = "Headline\n\n" + shape.format(clause=clause, words=words) + "\n"
    report = _report("r", text, "2026-05-04")
    record = merge(
        [report],
        [
            Extraction(
                report_id="r",
                quotes=(
                    _quote("q-0", report, clause, "2026-05-04", direct=False),
                    _quote("q-1", report, words, "2026-05-04"),
                ),
            )
        ],
    )
    assert record.statement_of["q-0"] != record.statement_of["q-1"]


STATEMENT = (
    "The quota talks were frank and useful",
    "Inspectors will visit every harbour before the season opens",
)


def _two_paragraphs(first_attribution: str, second_attribution: str, middle: str = "") -> list[str]:
    text = (
        f"Headline\n\n\u201c{STATEMENT[0]},\u201d {first_attribution}.\n\n{middle}"
        f"\u201c{STATEMENT[1]},\u201d {second_attribution}.\n"
    )
    report = _report("r", text, "2026-05-04")
    record = merge(
        [report],
        [
            Extraction(
                report_id="r",
                quotes=tuple(
                    _quote(f"q-{n}", report, words, "2026-05-04") for n, words in enumerate(STATEMENT)
                ),
            )
        ],
    )
    return [record.statement_of["q-0"], record.statement_of["q-1"]]


def test_paragraphs_of_one_formal_statement_are_one_remark() -> None:
    a, b = _two_paragraphs("the fisheries ministry said in a statement", "the ministry added")
    assert a == b


def test_remarks_to_reporters_quoted_one_after_another_stay_apart() -> None:
    a, b = _two_paragraphs("Ilves told reporters after the statement was read", "she added")
    assert a != b
    a, b = _two_paragraphs("Ilves said on Monday", "she added")  # no statement named: spoken
    assert a != b


def test_another_quotation_between_two_paragraphs_parts_them() -> None:
    middle = "The owners called it \u201ca first step.\u201d\n\n"
    a, b = _two_paragraphs("the ministry said in a statement", "it added", middle=middle)
    assert a != b
