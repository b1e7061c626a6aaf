"""A mixed quote ('Peskov said the changes were "absolutely unacceptable" for Moscow') gives the
reported clause and the quoted words inside it; the two are one remark.  The clause's own words are
the reporter's and name the subject, so it does not join another remark of the speaker on the same
subject by meaning alone.  Through the real extractor and store."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np

from communique import pipeline
from communique.merge import statements as rules
from communique.merge.members import QuoteMember
from communique.model import Precision

from .texts import merge_texts


def _statements(db: Path, texts: dict[str, tuple[str | None, str]]) -> list[list[tuple[bool, str]]]:
    with pipeline.open_store(str(db)) as store:
        merge_texts(store, texts)
        groups: dict[str, list[tuple[bool, str]]] = {}
        for q in pipeline.export_records(store, ["quote"]):
            if q["speaker_id"] == "dmitry-peskov":
                groups.setdefault(q["statement_id"], []).append((bool(q["direct"]), q["text"]))
    return sorted(sorted(g) for g in groups.values())


def test_the_clause_and_its_quoted_words_are_one_remark(tmp_path: Path) -> None:
    found = _statements(tmp_path / "m.db", {
        "a": ("2025-12-03", "Kremlin on the plan\n\nKremlin spokesman Dmitry Peskov said on Wednesday that "
                            "the changes were \u201cabsolutely unacceptable\u201d for Moscow."),
    })
    assert found == [[(False, "the changes were \u201cabsolutely unacceptable\u201d for Moscow"),
                      (True, "absolutely unacceptable")]]


def test_two_remarks_on_one_subject_stay_two(tmp_path: Path) -> None:
    found = _statements(tmp_path / "m.db", {
        "a": ("2025-12-03", "Kremlin on the talks\n\nKremlin spokesman Dmitry Peskov said on Wednesday that "
                            "Moscow remained \u201cpessimistic\u201d about Washington."),
        "b": ("2025-12-03", "Kremlin view\n\nKremlin spokesman Dmitry Peskov said on Wednesday that Russia "
                            "was \u201cneither too optimistic nor too pessimistic\u201d about the ongoing "
                            "negotiations with the United States."),
    })
    assert len(found) == 2 and all(len(g) == 2 for g in found)


def test_a_mixed_clause_must_match_another_wording_more_clearly_by_meaning() -> None:
    """Two reports' mixed clauses of one speaker on one subject whose meaning alone clears the bar
    by less than MIXED_MARGIN stay apart; plain reported clauses as alike are one remark."""
    from .test_statements_bridge import _member, _vectors

    mixed = ("Moscow remained \u201cpessimistic\u201d about America",
             "Russia was \u201cneither too optimistic nor too pessimistic\u201d about the negotiations")
    plain = tuple(t.replace("\u201c", "").replace("\u201d", "") for t in mixed)
    for texts, joined in ((mixed, False), (plain, True)):
        a = replace(_member("a", "S-a", texts[0], "en"), direct=False)
        b = replace(_member("b", "S-b", texts[1], "en"), direct=False)
        # the least cosine (in steps of 0.01) that clears the bar by half the mixed margin
        vectors = next(v for c in np.arange(0.3, 1.0, 0.01)
                       if rules.pair_margin(a, b, v := _vectors(list(texts), {(0, 1): float(c)}))
                       >= rules.MIXED_MARGIN / 2)
        assert (rules.links(a, [b], vectors) != []) is joined


def _quote(qid: str, report: str, text: str, *, direct: bool, start: int, language: str = "en",
           exact: bool = True) -> QuoteMember:
    return QuoteMember(quote_id=qid, statement_id="s-" + qid, report_id=report, speaker_id="dmitry-peskov",
                       lo=740_000, hi=740_000, exact=exact, said_on="2026-05-04",
                       said_on_precision=Precision.DAY if exact else Precision.MONTH, language=language,
                       text=text, direct=direct, start=start, end=start + len(text))


def test_the_quoted_words_are_placed_before_the_clause_that_holds_them() -> None:
    """The quoted words meet the other reports' wordings first; the clause then follows them."""
    before = _quote("q-0", "r-1", "We will talk again", direct=True, start=0)
    clause = _quote("q-1", "r-1", "the round had gone \u201cvery well indeed\u201d for both", direct=False,
                    start=40)
    words = _quote("q-2", "r-1", "very well indeed", direct=True, start=60)
    after = _quote("q-3", "r-1", "the next round would be in May", direct=False, start=120)
    order = rules.placing_order([before, clause, words, after])
    assert [m.quote_id for m in order] == ["q-0", "q-2", "q-1", "q-3"]


def test_when_a_mixed_clause_must_match_more_clearly() -> None:
    mixed = _quote("q-1", "r-1", "the first round went \u201cvery well indeed\u201d for both sides",
                   direct=False, start=0)
    # another outlet's plain reported clause: two reporters' wordings, compared as any two clauses
    assert not rules._mixed_doubt(mixed, _quote("q-2", "r-2", "the first round had gone well", direct=False,
                                                start=0))
    # a plain clause of the same report: another of its sentences, the margin is asked
    assert rules._mixed_doubt(mixed, _quote("q-3", "r-1", "the first round had gone well", direct=False,
                                            start=200))
    # a direct quote holding the clause's quoted words: the same words, no margin
    assert not rules._mixed_doubt(mixed, _quote("q-4", "r-2", "It went very well indeed, we are pleased",
                                                direct=True, start=0))
    # a direct quote in other words, or holding one quoted word only (it is in any sentence using it)
    assert rules._mixed_doubt(mixed, _quote("q-5", "r-2", "We are pleased with how it went", direct=True,
                                            start=0))
    one = _quote("q-6", "r-1", "Moscow remained \u201cpessimistic\u201d about Washington", direct=False,
                 start=0)
    assert rules._mixed_doubt(one, _quote("q-7", "r-2", "We are neither too optimistic nor too pessimistic",
                                          direct=True, start=0))
    # across languages, as before: unless both are dated to the day
    ja = _quote("q-8", "r-3", "最初の協議は非常にうまくいった", direct=True, start=0, language="ja")
    assert not rules._mixed_doubt(mixed, ja)
    assert rules._mixed_doubt(mixed, replace(ja, exact=False))
