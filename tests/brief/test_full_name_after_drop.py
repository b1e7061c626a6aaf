"""A sentence the checker sets aside does not use up the speaker's first mention: the next sentence
that names him gives his full name.  Case in our own words."""

from __future__ import annotations

from communique.brief import brief
from communique.brief.render import markdown

from .fixtures import quote_record, report_record, two_speakers

WRONG = "\u201cWe are ready to sign the text within days,\u201d he said after Varga left."
LEAD = "Varga said: \u201cThe two capitals are close to a text both can sign.\u201d"
RIGHT = "Osei said: \u201cWe will sign the text when both parliaments have read it.\u201d"


def test_the_sentence_after_a_dropped_one_names_the_speaker_in_full() -> None:
    records = [
        *two_speakers(),
        *(report_record(r, WRONG, "2025-06-16") for r in ("r1", "r2", "r3")),
        report_record("r4", RIGHT, "2025-06-16"),
        *(report_record(r, LEAD, "2025-06-17") for r in ("r5", "r6", "r7", "r8")),
        quote_record("q1", WRONG, "We are ready to sign the text within days,", ["r1", "r2", "r3"]),
        quote_record("q2", RIGHT, "We will sign the text when both parliaments have read it.", ["r4"]),
        quote_record("q3", LEAD, "The two capitals are close to a text both can sign.",
                     ["r5", "r6", "r7", "r8"], speaker="varga"),
    ]
    said = markdown(brief(records, lang="en", as_of="2025-06-17", story_id="s"))
    section = said.split("## Ghana")[1].split("As of")[0]
    assert "within days" not in section, said
    line = next(x for x in said.splitlines() if "both parliaments" in x)
    assert "Ama Osei" in line, said
