"""One remark = one statement: tables of quote pairs that must share a statement or stay
apart, whichever outlet, language or wording carries them (the real sentence encoder)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import pytest

from communique.merge import merge
from communique.merge.members import QuoteMember
from communique.merge.memory import MemoryState
from communique.merge.records import MergedRecord
from communique.merge.similarity import concepts
from communique.merge.statements import UNDATED_CANDIDATES
from communique.model import Evidence, Extraction, Precision, Quote, Report


@dataclass(frozen=True, slots=True, kw_only=True)
class Said:
    """One quote in one report: what the outlet printed and what it tells of the day."""

    text: str
    speaker: str
    language: str = "en"
    said_on: str | None = "2026-03-10"
    published: str | None = "2026-03-11"
    direct: bool = True
    report: str = ""  # reports of the same name hold their quotes together
    wire: str | None = None


def _merge(quotes: list[Said]) -> MergedRecord:
    by_report: dict[str, list[tuple[int, Said]]] = {}
    for n, q in enumerate(quotes):
        by_report.setdefault(q.report or f"r-{n}", []).append((n, q))
    reports, extractions = [], []
    for rid, held in by_report.items():
        first = held[0][1]
        body = " ".join(f"Paragraph {n}: the speaker said \u201c{q.text}\u201d there.\n" for n, q in held)
        report = Report(
            id=rid,
            source=rid,
            url=None,
            outlet=rid,
            title=f"Headline of {rid}",
            published_at=first.published,
            published_precision=Precision.DAY if first.published else Precision.UNKNOWN,
            language=first.language,
            text=f"Headline of {rid}\n\n{body}",
            raw=b"",
            content_type="text",
            encoding="utf-8",
            wire_group=first.wire,
        )
        found = []
        for n, q in held:
            start = report.text.index(q.text)
            found.append(
                Quote(
                    id=f"q-{n}",
                    speaker_id=q.speaker,
                    speaker_text=q.speaker,
                    text=q.text,
                    language=q.language,
                    direct=q.direct,
                    verb="said",
                    said_on=q.said_on,
                    said_on_precision=Precision.DAY if q.said_on else Precision.UNKNOWN,
                    hedge=None,
                    evidence=(Evidence(report_id=rid, start=start, end=start + len(q.text)),),
                    extractor="test",
                )
            )
        reports.append(report)
        extractions.append(Extraction(report_id=rid, quotes=tuple(found)))
    return merge(reports, extractions)


def _together(a: Said, b: Said) -> bool:
    record = _merge([a, b])
    return record.statement_of["q-0"] == record.statement_of["q-1"]


ONE_REMARK = [
    pytest.param(
        Said(
            text="Both sides showed a willingness to keep talking about the harbour dispute",
            speaker="elena-voss",
        ),
        Said(
            text="both sides had shown willingness to continue talks on the harbour dispute",
            speaker="elena-voss",
            direct=False,
        ),
        id="en-en paraphrase, same day",
    ),
    pytest.param(
        Said(
            text="We will not accept any deal that leaves our fishermen without their waters",
            speaker="elena-voss",
        ),
        Said(text="our fishermen without their waters", speaker="elena-voss"),
        id="en-en partial quote inside the full one",
    ),
    pytest.param(
        Said(text="It takes two to tango", speaker="elena-voss"),
        Said(text="It takes two to tango", speaker="elena-voss", said_on="2026-03-11"),
        id="the same words a day apart (late-night remark, time zones)",
    ),
    pytest.param(
        Said(text="There is a possibility that we could have peace in the region", speaker="elena-voss"),
        Said(text="地域に平和が訪れる可能性がある", speaker="elena-voss", language="ja"),
        id="en-ja translation, same day",
    ),
    pytest.param(
        Said(
            text="We have agreed to set up a framework for trade consultations",
            speaker="li-wen",
            said_on=None,
            published=None,
        ),
        Said(
            text="We have agreed to set up a framework for trade consultations",
            speaker="li-wen",
            said_on=None,
            published=None,
        ),
        id="undated reports: the same words still meet",
    ),
    pytest.param(
        Said(text="大きな進展があった。協議は生産的だった", speaker="li-wen", language="ja"),
        Said(text="大きな進展があった", speaker="li-wen", language="ja", said_on=None, published=None),
        id="ja-ja fragment of the same remark in an undated report",
    ),
]


@pytest.mark.parametrize(("a", "b"), ONE_REMARK)
def test_one_remark_is_one_statement(a: Said, b: Said) -> None:
    assert _together(a, b)


APART = [
    pytest.param(
        Said(
            text="The ceasefire will take effect on Sunday morning", speaker="elena-voss", report="briefing-a"
        ),
        Said(
            text="Thirty-three hostages will be freed in the first phase",
            speaker="elena-voss",
            report="briefing-b",
        ),
        id="two claims of one press conference",
    ),
    pytest.param(
        Said(text="It takes two to tango", speaker="elena-voss"),
        Said(text="It takes two to tango", speaker="marco-lind"),
        id="same words, other speaker",
    ),
    pytest.param(
        Said(text="It takes two to tango", speaker="elena-voss", said_on="2026-03-10"),
        Said(text="It takes two to tango", speaker="elena-voss", said_on="2026-03-14"),
        id="same words, days apart: another occasion",
    ),
    pytest.param(
        Said(
            text="We are doing well with them, they are not easy",
            speaker="marco-lind",
            said_on=None,
            published=None,
        ),
        Said(text="It is going to be great for them and great for us", speaker="marco-lind"),
        id="undated: a loose likeness is not enough",
    ),
    pytest.param(
        Said(text="The talks on the harbour will resume next week", speaker="elena-voss"),
        Said(text="漁業協定の署名は来月になる", speaker="elena-voss", language="ja"),
        id="en-ja, same day, another remark",
    ),
]


@pytest.mark.parametrize(("a", "b"), APART)
def test_other_remarks_stay_apart(a: Said, b: Said) -> None:
    assert not _together(a, b)


def test_a_statement_counts_wire_copies_once_and_keeps_each_language() -> None:
    words = "The harbour agreement is a good start for both countries"
    record = _merge(
        [
            Said(text=words, speaker="elena-voss", report="wire-1", wire="w"),
            Said(text=words, speaker="elena-voss", report="wire-2", wire="w"),
            Said(
                text="The harbour agreement is a good start for both countries, she added",
                speaker="elena-voss",
                report="own",
            ),
            Said(
                text="港湾協定は両国にとって良いスタートだ", speaker="elena-voss", language="ja", report="ja"
            ),
        ]
    )
    sids = {record.statement_of[f"q-{n}"] for n in range(4)}
    assert len(sids) == 1
    (statement,) = [s for s in record.statements if s.id in sids]
    assert statement.sources == 3  # two wire copies are one source
    assert {w.language for w in statement.wordings} == {"en", "ja"}


def _member(n: int, lo: int | None) -> QuoteMember:
    return QuoteMember(
        quote_id=f"q-{n:05d}",
        statement_id=f"s-{n}",
        report_id=f"r-{n}",
        speaker_id="elena-voss",
        lo=lo,
        hi=lo,
        exact=lo is not None,
        said_on=None,
        said_on_precision=Precision.UNKNOWN,
        language="en",
        text=f"remark {n}",
        direct=True,
        start=0,
        end=8,
    )


def test_candidates_are_blocked_by_speaker_and_days() -> None:
    state = MemoryState([], [])
    for n in range(UNDATED_CANDIDATES + 50):
        state.add_quote(_member(n, 1000 + n))
    state.add_quote(_member(99999, None))
    dated = state.quote_candidates("elena-voss", 1010, 1012)
    assert sorted(m.quote_id for m in dated) == ["q-00010", "q-00011", "q-00012", "q-99999"]
    assert state.quote_candidates("someone-else", 1010, 1012) == []
    assert len(state.quote_candidates("elena-voss", None, None)) == UNDATED_CANDIDATES


def test_two_utterances_quoted_back_to_back_stay_two() -> None:
    first, second = "我々はすでに多くのことで一致している", "長い間すばらしい関係を築くだろう"
    text = f"見出し\n\n大統領は会談の冒頭で「{first}」「{second}」と話した。"
    report = Report(
        id="r-ja",
        source="r-ja",
        url=None,
        outlet="r-ja",
        title="見出し",
        published_at="2026-03-11",
        published_precision=Precision.DAY,
        language="ja",
        text=text,
        raw=b"",
        content_type="text",
        encoding="utf-8",
    )
    quotes = []
    for n, words in enumerate((first, second)):
        start = text.index(words)
        quotes.append(
            Quote(
                id=f"q-{n}",
                speaker_id="elena-voss",
                speaker_text="大統領",
                text=words,
                language="ja",
                direct=True,
                verb="話した",
                said_on="2026-03-10",
                said_on_precision=Precision.DAY,
                hedge=None,
                evidence=(Evidence(report_id="r-ja", start=start, end=start + len(words)),),
                extractor="test",
            )
        )
    record = merge([report], [Extraction(report_id="r-ja", quotes=tuple(quotes))])
    assert record.statement_of["q-0"] != record.statement_of["q-1"]


@pytest.mark.parametrize(
    ("a", "b", "shared"),
    [
        (
            "We made substantial progress in productive talks",
            "大きな進展があり、協議は生産的だった",
            {"big", "progress", "productive", "talks"},
        ),
        (
            "major economies are bound to experience friction",
            "両国の間に摩擦が生じるのは避けられない",
            {"gap", "inevitable"},
        ),
        (
            "I put a 20 percent tariff on them because of the fentanyl",
            "フェンタニルを理由とした関税",
            {"fentanyl", "tariff"},
        ),
        ("The ceasefire takes effect on Sunday", "人質の解放は来週になる", set()),
    ],
)
def test_bilingual_lexicon_names_the_same_concepts(a: str, b: str, shared: set[str]) -> None:
    assert concepts(a) & concepts(b) == shared


def test_a_remark_quoted_many_times_is_met_through_a_few_wordings() -> None:
    """Candidates stay bounded whatever the number of reports: a statement with a thousand
    wordings offers a few representatives per language and kind, and the content index
    (MinHash bands) finds its wordings for a quote with no date, whatever their day; a dated
    quote meets none days away (they can never be the same remark)."""
    from communique.merge.similarity import bands, text_key
    from communique.merge.statements import CANDIDATES, REPRESENTATIVES

    state = MemoryState([], [])
    for n in range(1000):
        text = f"we will work on the plan, part {n}"
        member = replace(_member(n, 1000), statement_id="s-one", text=text, text_key=text_key(text))
        state.add_quote(member, bands(member.text, member.speaker_id))
    found = state.quote_candidates("elena-voss", 999, 1001)
    assert len(found) == REPRESENTATIVES
    far = replace(_member(5000, 2000), text="we will work on the plan, part 7")
    content = bands(far.text, far.speaker_id)
    hits = state.quote_candidates("elena-voss", None, None, content)
    assert hits and len(hits) <= CANDIDATES
    assert all(h.statement_id == "s-one" for h in hits)
    assert state.quote_candidates("elena-voss", 1999, 2001, content) == []


WORDINGS = [  # six parts of one long remark: more than the representatives a statement keeps
    "The harbour accord is a good start for both countries",
    "Our ministers worked through the night on the customs chapter",
    "We will open the northern ports to each other's ships next spring",
    "Fishing quotas stay as they are until the review in two years",
    "I thank the mediators from Norland for their patience and their coffee",
    "Nobody should doubt that this agreement will hold through the winter",
]


def _part(n: int, statement: str, report: str) -> QuoteMember:
    return replace(_member(n, 1000), statement_id=statement, report_id=report, text=WORDINGS[n % 6],
                   text_key=WORDINGS[n % 6].lower())


def _state(which: str, folder: str) -> Any:
    from communique import pipeline
    from communique.store.merged import StoreState

    if which == "memory":
        return MemoryState([], [])
    store = pipeline.open_store(f"{folder}/t.db")
    for rid in ("r-a", "r-b"):
        text = f"Report {rid}\n\nWords."
        pipeline.add_report(store, Report(id=rid, source=rid, url=None, outlet=rid, title=f"Report {rid}",
                                          published_at="2026-03-10", published_precision=Precision.DAY,
                                          language="en", text=text, raw=text.encode(), content_type="text",
                                          encoding="utf-8"))
    return StoreState(store)


@pytest.mark.parametrize("which", ["memory", "store"])
def test_a_copy_of_any_part_of_a_long_remark_finds_it(which: str, tmp_path: Any) -> None:
    from communique.merge.similarity import bands

    state = _state(which, str(tmp_path))
    for n in range(6):  # one statement of six wordings in one report
        part = _part(n, "s-post", "r-a")
        state.add_quote(part, bands(part.text, part.speaker_id))
    copy = _part(11, "", "r-b")  # another outlet quotes the sixth part alone
    found = state.quote_candidates(copy.speaker_id, None, None, bands(copy.text, copy.speaker_id))
    assert any(m.text == WORDINGS[5] and m.statement_id == "s-post" for m in found)
    # a dated copy finds it among the wordings of its days, and not when it is days away
    found = state.quote_candidates(copy.speaker_id, 999, 1001, bands(copy.text, copy.speaker_id))
    assert any(m.text == WORDINGS[5] and m.statement_id == "s-post" for m in found)
    assert state.quote_candidates(copy.speaker_id, 1099, 1101, bands(copy.text, copy.speaker_id)) == []


def test_a_near_copy_of_a_representative_does_not_enter_the_content_index() -> None:
    from communique.merge.similarity import text_key
    from communique.merge.statements import placement_in_statement

    reps = WORDINGS[:4]
    assert placement_in_statement(WORDINGS[5], text_key(WORDINGS[5]), reps) == (False, True)
    near = "The harbour accord is a good start for both countries!"
    assert placement_in_statement(near, text_key(near), reps) == (False, False)
    assert placement_in_statement(reps[0], text_key(reps[0]), reps) == (False, False)
    assert placement_in_statement(WORDINGS[5], text_key(WORDINGS[5]), reps[:2]) == (True, True)


_VARIANTS_PROBE = """
from dataclasses import replace
from tests.merge.test_statements_identity import _member
from communique.merge.statements import wording_variants
texts = ["we will meet the envoys in may", "we will meet the envoys in june",
         "we will meet the envoys on monday", "we will meet the envoys in july"]
members = [replace(_member(n, 1000), text=t) for n, t in enumerate(texts)]
print([w for w, _carriers in wording_variants(members, "en")])
"""


def test_wording_variants_come_in_one_order_whatever_the_hash_seed() -> None:
    """Variants of equal length are ordered by their text, not by a set's hash order (which
    changes from process to process: the stored conflict must not)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    outputs = {
        subprocess.run([sys.executable, "-c", _VARIANTS_PROBE], capture_output=True, text=True, check=True,
                       cwd=root, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3", "4", "5", "6")
    }
    assert len(outputs) == 1 and outputs.pop().count("envoys") == 4


HARD_TALKS = "The harbour talks were difficult but we found common ground on the quotas"
HARD_TALKS_REPORTED = "talks on the harbour had been hard, though the two sides agreed on quota levels"
NO_SIGNATURE = "We will not sign anything that hurts our fishermen"


def test_an_undated_report_is_dated_by_the_remarks_it_shares_with_dated_ones() -> None:
    # the undated report carries one remark word for word: its other remarks were said on that
    # occasion, and a paraphrase of one of them meets it at the bar of a dated wording
    record = _merge(
        [
            Said(text=NO_SIGNATURE, speaker="elena-voss", report="dated"),
            Said(text=HARD_TALKS, speaker="elena-voss", report="dated"),
            Said(text=NO_SIGNATURE, speaker="elena-voss", report="undated", said_on=None, published=None),
            Said(text=HARD_TALKS_REPORTED, speaker="elena-voss", report="undated", said_on=None,
                 published=None, direct=False),
        ]
    )
    assert record.statement_of["q-0"] == record.statement_of["q-2"]
    assert record.statement_of["q-1"] == record.statement_of["q-3"]


def test_an_undated_report_sharing_remarks_weeks_apart_gets_no_day() -> None:
    record = _merge(
        [
            Said(text=NO_SIGNATURE, speaker="elena-voss", report="march"),
            Said(text=HARD_TALKS, speaker="elena-voss", report="march"),
            Said(text="It takes two to tango", speaker="elena-voss", report="april", said_on="2026-04-20",
                 published="2026-04-21"),
            Said(text=NO_SIGNATURE, speaker="elena-voss", report="undated", said_on=None, published=None),
            Said(text="It takes two to tango", speaker="elena-voss", report="undated", said_on=None,
                 published=None),
            Said(text=HARD_TALKS_REPORTED, speaker="elena-voss", report="undated", said_on=None,
                 published=None, direct=False),
        ]
    )
    assert record.statement_of["q-0"] == record.statement_of["q-3"]
    assert record.statement_of["q-1"] != record.statement_of["q-5"]


def test_a_quoted_phrase_is_no_other_wording_of_the_whole_remark() -> None:
    """"major violations" quoted from a post beside the post's whole text: a phrase, not a report
    that words the remark otherwise (the post says "a major violation")."""
    from communique.merge.statements import wording_variants

    whole = "Do not drop those bombs. If you do it is a major violation. Bring your pilots home"
    members = [replace(_member(0, 1000), text=whole), replace(_member(1, 1000), text="major violations")]
    assert wording_variants(members, "en") == []
    other = "Do not drop those bombs. If you do it is a grave violation. Bring your pilots home"
    members.append(replace(_member(2, 1000), text=other))
    assert len(wording_variants(members, "en")) == 2


def test_a_quoted_phrase_of_a_longer_wording_is_no_other_wording() -> None:
    """"a historic harbour summit" in one outlet, "... welcome you to this historic harbour summit
    between our two countries" in another: a piece of the remark quoted, not another wording; two
    full wordings that differ still are."""
    from dataclasses import replace

    from communique.merge.statements import wording_variants

    piece = "a historic harbour summit"
    whole = "It is a great honour to welcome you to this historic harbour summit between our two countries"
    members = [replace(_member(n, 1000), text=t) for n, t in enumerate([piece, whole])]
    assert wording_variants(members, "en") == []
    other = "It is a great honour to welcome you all to the historic harbour summit of our two nations"
    members = [replace(_member(n, 1000), text=t) for n, t in enumerate([whole, other])]
    assert len(wording_variants(members, "en")) == 2
