"""A translation that bridges two paraphrases of one remark, and the next sentence of quotation
after an attribution that ends its sentence.

* Two outlets paraphrase one remark in English in words too far apart to join each other; a
  Japanese report translates it close to both.  The three are one statement when the two English
  wordings come near the bar between themselves, and stay apart when one of them is a long quote
  of several sentences (the translation meets it through the one sentence it shares).
* '"...," she said on the radio. "..."': after a quotation that opens its sentence the next
  sentence of quotation goes on with the same remark; after a few quoted words inside the
  reporter's own clause ('the round had gone "smoothly at the start", she said on the radio.
  "..."') it is another remark of the speech.
"""

from __future__ import annotations

import numpy as np

from communique.merge import statements as rules
from communique.merge.members import QuoteMember
from communique.merge.similarity import DIM, text_key
from communique.model import Precision

from .builders import statements_of_two

DAY = 740_000


def _member(qid: str, sid: str, text: str, language: str) -> QuoteMember:
    return QuoteMember(
        quote_id=qid,
        statement_id=sid,
        report_id="r-" + qid,
        speaker_id="marta-ilves",
        lo=DAY,
        hi=DAY,
        exact=True,
        said_on="2026-05-04",
        said_on_precision=Precision.DAY,
        language=language,
        text=text,
        direct=True,
        start=0,
        end=len(text),
    )


def _vectors(texts: list[str], cosines: dict[tuple[int, int], float]) -> dict[str, np.ndarray]:
    """Unit vectors for the texts with the given pairwise cosines (the others near zero)."""
    n = len(texts)
    gram = np.eye(n)
    for (i, j), c in cosines.items():
        gram[i, j] = gram[j, i] = c
    basis = np.linalg.cholesky(gram)  # rows: vectors in n dimensions with those dot products
    out = {}
    for i, text in enumerate(texts):
        v = np.zeros(DIM, dtype=np.float32)
        v[:n] = basis[i]
        out[text_key(text)] = v / np.linalg.norm(v)
    return out


FIRST = "the opening round went smoothly and calmly"
SECOND = "the first session of the round passed calmly and smoothly, without incident"
JA = "最初の会合は平穏に進んだ"


def test_a_translation_close_to_two_paraphrases_makes_them_one() -> None:
    a, b = _member("q-1", "s-a", FIRST, "en"), _member("q-2", "s-b", SECOND, "en")
    new = _member("q-3", "", JA, "ja")
    # the translation is close to the first wording and near the second; the two English
    # wordings are just under the bar between themselves
    vectors = _vectors([FIRST, SECOND, JA], {(0, 2): 0.68, (1, 2): 0.55, (0, 1): 0.60})
    assert rules.pair_margin(a, b, vectors) < 0 <= rules.pair_margin(a, b, vectors) + rules.TRIANGLE
    placement = rules.assign(new, [a, b], vectors)
    assert placement.statement_id == "s-a"
    assert placement.unite == ["s-b"]


def test_a_translation_does_not_bridge_through_a_long_quote() -> None:
    long = f"{SECOND}. We will not be rushed into anything before the autumn."
    a, b = _member("q-1", "s-a", FIRST, "en"), _member("q-2", "s-b", long, "en")
    new = _member("q-3", "", JA, "ja")
    vectors = _vectors([FIRST, long, JA], {(0, 2): 0.68, (1, 2): 0.55, (0, 1): 0.60})
    placement = rules.assign(new, [a, b], vectors)
    assert placement.statement_id == "s-a"
    assert placement.unite == []


def test_two_wordings_far_apart_are_not_bridged() -> None:
    other = "there were no incidents during the first session of the round"
    a, b = _member("q-1", "s-a", FIRST, "en"), _member("q-2", "s-b", other, "en")
    new = _member("q-3", "", JA, "ja")
    vectors = _vectors([FIRST, other, JA], {(0, 2): 0.68, (1, 2): 0.55, (0, 1): 0.30})
    assert rules.pair_margin(a, new, vectors) >= rules.CROSS_CLEAR
    assert rules.pair_margin(b, new, vectors) >= rules.CROSS_BRIDGE
    placement = rules.assign(new, [a, b], vectors)
    assert placement.statement_id == "s-a"
    assert placement.unite == []


def test_the_sentence_after_an_opening_quotation_goes_on_with_it() -> None:
    first = "I was going to be in Tallinn to see the fleet owners,"
    second = "As it happens the ministry team is in Tallinn as well. So we will meet on Friday."
    text = (
        "Headline\n\nThe meeting was arranged at short notice. "
        f"\u201c{first}\u201d Ilves said on the radio. \u201c{second}\u201d\n"
    )
    statement_of = statements_of_two(text, first, second)
    assert statement_of["q-0"] == statement_of["q-1"]


def test_the_sentence_after_quoted_words_in_the_reporters_clause_is_another_remark() -> None:
    first = "smoothly at the start"
    second = "Of course, we remain wary of the other side, but we trust our own crews."
    text = (
        f"Headline\n\nThe round had gone \u201c{first}\u201d, Ilves said on the radio. \u201c{second}\u201d\n"
    )
    statement_of = statements_of_two(text, first, second)
    assert statement_of["q-0"] != statement_of["q-1"]
