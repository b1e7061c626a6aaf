"""English indirect speech the briefing gives as "X said that ..." is the speaker's clause, not
the outlet's dateline cut into it ("TOKYO, Aug 7 (Reuters) – ...") nor a clause cut short
("... would be exempt from such.")."""

from __future__ import annotations

from communique.brief.select import _DATELINE


def test_a_dateline_or_a_cut_clause_is_not_what_was_said() -> None:
    assert _DATELINE.search("TOKYO, Aug 7 (Reuters) – the negotiator urged the U.S. to act")
    assert _DATELINE.search("Lisbon, March 3 (Example Press)--the two ministers spoke by phone")
    assert _DATELINE.search("its goods would be exempt from such.")
    assert not _DATELINE.search("such measures were discussed in Tokyo, March 3")
    assert not _DATELINE.search("the two sides agreed on tariffs such as those on cars")


def test_an_object_before_but_is_no_reported_clause() -> None:
    """"Ishiba reportedly reiterated Japan's stance to seek removal of the tariffs, but Trump did
    not comment": the words before ", but" are the object of "reiterated", and the rest is the
    outlet's clause; "the talks were useful, but more work was needed" is what was said."""
    from communique.brief.record import Statement
    from communique.brief.select import _reads

    def st(text: str) -> Statement:
        return Statement(id="s", quotes=[{"id": "q", "text": text, "direct": False, "language": "en"}],
                         speaker_id="x", speaker_text="X", said_on=None, precision="unknown", hedged=False)

    assert not _reads(st("Japan’s stance to seek removal of the U.S.’ additional tariffs on automobiles, "
                         "but Trump did not make any specific comments on the matter"), "en")
    assert _reads(st("the talks were useful, but more work was needed"), "en")
    # a clause cut right after the subject of its "that"
    assert not _reads(st("his envoys came back from the Kremlin with the impression that Putin"), "en")
    assert _reads(st("his envoys came back with the impression that Putin wanted a deal"), "en")
    # a participle phrase is no clause of its own
    assert not _reads(st("accusing them of trying to block the initiative by attaching demands they knew "
                         "Moscow would reject"), "en")


def test_japanese_words_that_stop_at_a_condition_are_not_shown() -> None:
    """「報告を受けて精査し、その上で必要であれば」 stops before what it leads to (a meeting, if
    necessary): shown alone, nobody can tell what the speaker would do."""
    from communique.brief.record import Statement
    from communique.brief.select import _reads

    def st(text: str) -> Statement:
        return Statement(id="s", quotes=[{"id": "q", "text": text, "direct": True, "language": "ja"}],
                         speaker_id="x", speaker_text="X", said_on=None, precision="unknown", hedged=False)

    assert not _reads(st("報告を受けて内容を精査し、その上で必要であれば"), "ja")
    assert not _reads(st("合意できなくても"), "ja")
    assert _reads(st("必要であれば会談する"), "ja")
    assert _reads(st("協議は続く"), "ja")
