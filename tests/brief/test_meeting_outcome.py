"""After a meeting in the talks section, what one of its sides said of it (``sections._outcome``):
in a Japanese briefing never a reporter's English paraphrase, which in 「」 would read as the
speaker's own words; an English briefing shows only English words."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from communique.brief import sections
from communique.brief.record import Statement


def _statement(sid: str, language: str, direct: bool) -> Statement:
    quote = {"id": sid + "-q", "language": language, "direct": direct, "text": "..."}
    return Statement(id=sid, quotes=[quote], speaker_id="person:ann-lee", speaker_text="Ann Lee",
                     said_on="2025-10-30", precision="day", hedged=False)


def _writer(lang: str, *statements: Statement) -> Any:
    names = SimpleNamespace(side=lambda actor: actor)
    view = SimpleNamespace(sources=lambda evidence: 1)
    return SimpleNamespace(lang=lang, statements=list(statements), used=set(), names=names, v=view,
                           participants=lambda event: ["person:ann-lee", "person:bo-kim"])


EVENT = {"id": "m", "kind": "meeting", "date": "2025-10-30"}


@pytest.mark.parametrize(("lang", "language", "direct", "shown"), [
    ("ja", "ja", False, True),  # its own language, words or paraphrase
    ("ja", "en", True, True),  # English words, shown as the original
    ("ja", "en", False, False),  # an English paraphrase: not the speaker's words
    ("en", "ja", True, False),  # Japanese in an English briefing: unreadable
    ("en", "en", False, True),
])
def test_what_a_side_said_of_the_meeting(lang: str, language: str, direct: bool, shown: bool) -> None:
    said = sections._outcome(_writer(lang, _statement("s", language, direct)), EVENT)
    assert (said is not None) is shown


def test_undated_words_follow_the_one_meeting_their_report_tells() -> None:
    """No report dates the words: they follow the meeting when their report tells that meeting
    and no other the section gives, they are quoted, and their speaker is one of its people."""
    from dataclasses import replace

    from communique.brief.model import EvidenceRef

    said = replace(_statement("s", "en", True), said_on=None, precision="unknown",
                   evidence=(EvidenceRef(report_id="r-1", start=0, end=3, text="..."),))
    writer = _writer("en", said)
    writer.names.kind = lambda actor: "person"
    assert sections._outcome(writer, EVENT, {"r-1"}) is said
    assert sections._outcome(writer, EVENT, {"r-2"}) is None  # its report tells another meeting too
    assert sections._outcome(writer, EVENT) is None
    paraphrase = replace(said, quotes=[{**said.quotes[0], "direct": False}])
    assert sections._outcome(_writer("en", paraphrase), EVENT, {"r-1"}) is None


@pytest.mark.parametrize(("published", "follows"), [
    ("2025-11-01", True),  # two days after the meeting: the words were said by then
    ("2025-10-30", True),
    ("2025-11-05", False),  # a week on: words of another day
    ("2025-10-28", False),  # before it
    (None, False),
])
def test_words_a_report_dates_only_by_its_own_day(published: str | None, follows: bool) -> None:
    """Words dated no finer than their report's part of the month follow the meeting when that
    report tells it alone and was published on its day or up to three days after."""
    from dataclasses import replace

    from communique.brief.model import EvidenceRef

    said = replace(_statement("s", "en", False), said_on="2025-10-21", precision="part_of_month",
                   evidence=(EvidenceRef(report_id="r-1", start=0, end=3, text="..."),))
    writer = _writer("en", said)
    writer.names.kind = lambda actor: "country"  # the meeting names no people: anyone of a side
    writer.v.reports = {"r-1": {"published_at": published, "published_precision": "day"}}
    assert (sections._outcome(writer, EVENT, {"r-1"}) is said) is follows
    assert sections._outcome(writer, EVENT, {"r-2"}) is None  # its report tells another meeting too


@pytest.mark.parametrize("context", [
    "Before the talks, Ann Lee said that the other side must give up its program.",
    "Ahead of Saturday's round, Ann Lee said that the other side must give up its program.",
    "アン・リー氏は協議を前に、相手側に計画の放棄を求めた。",
])
def test_words_said_before_the_talks_are_no_remark_on_them(context: str) -> None:
    """Undated words the report says were said before the talks do not follow the meeting."""
    from dataclasses import replace

    from communique.brief.model import EvidenceRef

    said = replace(_statement("s", "en", True), said_on=None, precision="unknown",
                   evidence=(EvidenceRef(report_id="r-1", start=0, end=3, text="...", context=context),))
    writer = _writer("en", said)
    writer.names.kind = lambda actor: "person"
    assert sections._outcome(writer, EVENT, {"r-1"}) is None
    after = replace(said, evidence=(EvidenceRef(report_id="r-1", start=0, end=3, text="...",
                                                context="After the talks, Ann Lee said it went well."),))
    assert sections._outcome(_writer_with_people(after), EVENT, {"r-1"}) is after


def _writer_with_people(*statements: Statement) -> Any:
    writer = _writer("en", *statements)
    writer.names.kind = lambda actor: "person"
    return writer


def test_the_speakers_words_just_before_come_first() -> None:
    """Two undated remarks of one speaker in one report: the one that opens the sentence just
    before the other says what the other is about, and goes first; not when a sentence of the
    reporter's own stands between them."""
    from dataclasses import replace

    from communique.brief.model import EvidenceRef

    text = ("Lee said the trip was called off after talks stalled. "
            "“There are points to discuss first,” she said. The talks resumed later. "
            "“We will go in May,” she added.")

    def said(sid: str, words: str, direct: bool) -> Statement:
        at = text.index(words)
        ev = EvidenceRef(report_id="r-1", start=at, end=at + len(words), text=words)
        quote = {"id": sid + "-q", "language": "en", "direct": direct, "text": words, "evidence": [ev]}
        return replace(_statement(sid, "en", direct), quotes=[quote], said_on=None, precision="unknown",
                       evidence=[ev])

    why = said("a", "the trip was called off after talks stalled", False)
    points = said("b", "There are points to discuss first", True)
    may = said("c", "We will go in May", True)
    writer = _writer("en", why, points, may)
    writer.v.evidence = lambda item: list(item.get("evidence") or ())
    writer.v.reports = {"r-1": {"text": text}}
    assert sections._context_before(writer, points, [why, points, may]) == [why]
    assert sections._context_before(writer, may, [why, points, may]) == []  # a sentence between
