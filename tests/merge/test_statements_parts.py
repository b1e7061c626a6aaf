"""A quote that carries two remarks: one outlet quotes a speaker's two sentences whole, others
quote each sentence on its own.  The whole quote joins one of the two remarks (the one that
makes up most of it) and does not make them one; the pieces of one quotation split by its
attribution still are one remark."""

from __future__ import annotations

from communique.merge import merge
from communique.merge.records import MergedRecord
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


# a long quote arrives first (reports of one day are merged in the order of their ids), then
# outlets quoting its sentences one by one
OUTLOOK = "The quota talks may succeed or they may fail"
MOOD = "We are neither hopeful nor disheartened about the harbour"
DOUBT = "Of course we distrust the fleet owners, but we trust our own inspectors"


def _merged(words: dict[str, str]) -> MergedRecord:
    """Each wording quoted alone by a report of its own, Ilves speaking, merged in this order."""
    reports = [
        _report(f"{n}-{name}", f"Headline\n\nIlves said: \u201c{text}.\u201d\n")
        for n, (name, text) in enumerate(words.items())
    ]
    return merge(
        reports,
        [Extraction(report_id=r.id, quotes=(_quote(f"q-{r.id[2:]}", r, words[r.id[2:]]),)) for r in reports],
    )


def test_pieces_of_different_sentences_of_a_long_quote_stay_different_remarks() -> None:
    words = {"whole": f"{MOOD}. {OUTLOOK}. {DOUBT}", "mood": MOOD, "outlook": OUTLOOK.lower(), "doubt": DOUBT}
    record = _merged(words)
    of = {name: record.statement_of[f"q-{name}"] for name in words}
    assert of["whole"] == of["mood"]  # the long quote joins the remark it met first
    assert of["outlook"] != of["mood"] and of["doubt"] != of["mood"]  # its other sentences stay apart
    assert of["outlook"] != of["doubt"]


def test_two_pieces_of_one_sentence_of_a_long_quote_still_join_it() -> None:
    words = {
        "whole": f"{MOOD}. {OUTLOOK}",
        "start": "neither hopeful nor disheartened",
        "end": "nor disheartened about the harbour",
    }
    record = _merged(words)
    assert len({record.statement_of[f"q-{name}"] for name in words}) == 1


def test_a_single_quoted_word_is_no_remark_of_its_own_to_match() -> None:
    """'disheartened' quoted alone is in every remark that uses the word: it joins none of them by
    its wording (the same word quoted again by another outlet still meets it)."""
    mood = _report("mood", f"Headline\n\n\u201c{MOOD},\u201d Ilves said.\n")
    word = _report("word", "Headline\n\nIlves called the mood \u201cdisheartened.\u201d\n")
    again = _report("again", "Headline\n\nShe sounded \u201cdisheartened,\u201d Ilves's aides said.\n")
    reports = [mood, word, again]
    words = {"mood": MOOD, "word": "disheartened", "again": "disheartened"}
    record = merge(
        reports,
        [Extraction(report_id=r.id, quotes=(_quote(f"q-{r.id}", r, words[r.id]),)) for r in reports],
    )
    assert record.statement_of["q-word"] != record.statement_of["q-mood"]
    assert record.statement_of["q-word"] == record.statement_of["q-again"]


def test_a_single_quoted_word_still_joins_the_short_wording_it_comes_from() -> None:
    """One outlet quotes the speaker's three words, another only one of them: that is a piece of
    the same short wording."""
    listed = _report(
        "listed", "Headline\n\nIlves called the talks \u201cuseful, candid and constructive.\u201d\n"
    )
    word = _report("word", "Headline\n\nIlves called the talks \u201cconstructive.\u201d\n")
    record = merge(
        [listed, word],
        [
            Extraction(
                report_id="listed", quotes=(_quote("q-list", listed, "useful, candid and constructive"),)
            ),
            Extraction(report_id="word", quotes=(_quote("q-word", word, "constructive"),)),
        ],
    )
    assert record.statement_of["q-list"] == record.statement_of["q-word"]
