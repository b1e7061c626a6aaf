"""A sentence the checker sets aside does not use up the speaker's first mention: the next sentence
that names him gives his full name.  Case in our own words."""

from __future__ import annotations

from typing import Any

from communique.brief import brief
from communique.brief.render import markdown

from .fixtures import report_record

WRONG = "\u201cWe are ready to sign the text within days,\u201d he said after Varga left."
LEAD = "Varga said: \u201cThe two capitals are close to a text both can sign.\u201d"
RIGHT = "Osei said: \u201cWe will sign the text when both parliaments have read it.\u201d"


def _quote(qid: str, text: str, words: str, reports: list[str], speaker: str = "osei") -> dict[str, Any]:
    start = text.index(words)
    return {"type": "quote", "id": qid, "speaker_id": f"person:{speaker}", "speaker_text": speaker.title(),
            "text": words, "language": "en", "direct": True, "verb": "said", "said_on": "2025-06-16",
            "said_on_precision": "day", "statement_id": "st-" + qid, "story_id": "s",
            "evidence": [{"report_id": r, "start": start, "end": start + len(words)} for r in reports]}


def test_the_sentence_after_a_dropped_one_names_the_speaker_in_full() -> None:
    records = [
        {"type": "story", "id": "s", "name": "Talks"},
        *({"type": "actor", "id": i, "kind": "person", "name": {"en": n, "ja": None},
           "roles": [{"title": t, "affiliation": c}]}
          for i, n, t, c in [("person:osei", "Ama Osei", "President", "ghana"),
                             ("person:varga", "Bence Varga", "Foreign Minister", "hungary")]),
        *(report_record(r, WRONG, "2025-06-16") for r in ("r1", "r2", "r3")),
        report_record("r4", RIGHT, "2025-06-16"),
        *(report_record(r, LEAD, "2025-06-17") for r in ("r5", "r6", "r7", "r8")),
        _quote("q1", WRONG, "We are ready to sign the text within days,", ["r1", "r2", "r3"]),
        _quote("q2", RIGHT, "We will sign the text when both parliaments have read it.", ["r4"]),
        _quote("q3", LEAD, "The two capitals are close to a text both can sign.", ["r5", "r6", "r7", "r8"],
               speaker="varga"),
    ]
    said = markdown(brief(records, lang="en", as_of="2025-06-17", story_id="s"))
    section = said.split("## Ghana")[1].split("As of")[0]
    assert "within days" not in section, said
    line = next(x for x in said.splitlines() if "both parliaments" in x)
    assert "Ama Osei" in line, said
