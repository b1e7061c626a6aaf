"""A quote that carries two remarks: one outlet quotes a speaker's two sentences whole, others
quote each sentence on its own.  The whole quote joins one of the two remarks (the one that
makes up most of it) and does not make them one; the pieces of one quotation split by its
attribution still are one remark."""

from __future__ import annotations

from communique.merge import merge
from communique.model import Extraction, Quote, Report

from .builders import quote, report

DAY = "2026-05-04"


def _report(rid: str, text: str) -> Report:
    return report(rid, text, DAY)


def _quote(qid: str, source: Report, words: str, *, direct: bool = True) -> Quote:
    return quote(qid, source, words, DAY, direct=direct)


PROGRESS = "The talks on the fishing quota made real and lasting progress over two long days"
DETAILS = "the figures would be published on Friday"


def test_a_quote_of_two_remarks_joins_the_larger_and_unites_nothing() -> None:
    first = _report(
        "first",
        f"Headline\n\nIlves said: \u201c{PROGRESS}.\u201d\n\nLater she said {DETAILS}, and no more.\n",
    )
    whole_words = f"{PROGRESS}. The figures will be published on Friday"
    whole = _report("whole", f"Headline\n\nIlves told reporters: \u201c{whole_words}.\u201d\n")
    record = merge(
        [first, whole],
        [
            Extraction(
                report_id="first",
                quotes=(
                    _quote("q-progress", first, PROGRESS),
                    _quote("q-details", first, DETAILS, direct=False),
                ),
            ),
            Extraction(report_id="whole", quotes=(_quote("q-whole", whole, whole_words),)),
        ],
    )
    assert record.statement_of["q-progress"] != record.statement_of["q-details"]
    assert record.statement_of["q-whole"] == record.statement_of["q-progress"]


def test_a_quotation_split_by_its_attribution_and_quoted_whole_elsewhere_is_one_remark() -> None:
    one = "Our aim is not the politics of the other capital,"
    two = "Our aim is the best catch for our fishermen."
    split = _report("split", f"Headline\n\n\u201c{one}\u201d Ilves told the radio. \u201c{two}\u201d\n")
    whole_words = f"{one.rstrip(',')}. {two}"
    whole = _report("whole", f"Headline\n\nIlves said on the radio: \u201c{whole_words}\u201d\n")
    record = merge(
        [split, whole],
        [
            Extraction(report_id="split", quotes=(_quote("q-one", split, one), _quote("q-two", split, two))),
            Extraction(report_id="whole", quotes=(_quote("q-whole", whole, whole_words),)),
        ],
    )
    assert len({record.statement_of[q] for q in ("q-one", "q-two", "q-whole")}) == 1
