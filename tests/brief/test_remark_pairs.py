"""Two remarks of one speaker on one day are told in one sentence ("X said on June 13: “A”, and
added: “B”.", 「Xは6月13日、「A」と述べ、「B」とも述べました。」); remarks of other days, a
fragment, or one image said twice are not paired.  Cases in our own words."""

from __future__ import annotations

from typing import Any

from communique.brief import brief
from communique.brief.render import markdown

from .test_round_remarks import _report, later_round

ROUND = ("Osei met Varga in Geneva on Friday. "
         "Osei said afterwards: \u201cThe talks were useful and we will meet again.\u201d "
         "He added: \u201cOur farmers need an answer on grain before the harvest.\u201d")


def _quote(qid: str, text: str, words: str, said_on: str, reports: list[str], speaker: str = "osei"
           ) -> dict[str, Any]:
    start = text.index(words)
    return {"type": "quote", "id": qid, "speaker_id": f"person:{speaker}", "speaker_text": speaker.title(),
            "text": words,
            "language": "en", "direct": True, "verb": "said", "said_on": said_on or None,
            "said_on_precision": "day" if said_on else "unknown", "statement_id": "st-" + qid,
            "story_id": "s",
            "evidence": [{"report_id": r, "start": start, "end": start + len(words)} for r in reports]}


GRAIN = "Our farmers need an answer on grain before the harvest."


def _brief(second_said_on: str, second: str = GRAIN, first_said_on: str = "2025-06-13") -> str:
    text = ROUND.replace(GRAIN, second)
    records = [
        {"type": "story", "id": "s", "name": "Talks"},
        *({"type": "actor", "id": i, "kind": "person", "name": {"en": n, "ja": None},
           "roles": [{"title": t, "affiliation": c}]}
          for i, n, t, c in [("person:osei", "Ama Osei", "Trade Minister", "ghana"),
                             ("person:varga", "Bence Varga", "Foreign Minister", "hungary")]),
        *(_report(r, text, "2025-06-14") for r in ("r1", "r2")),
        {"type": "event", "id": "m", "kind": "meeting", "date": "2025-06-13", "date_precision": "day",
         "place": "Geneva", "participant_ids": ["person:osei", "person:varga"], "member_ids": ["m1"],
         "story_id": "s", "evidence": [{"report_id": r, "start": 0, "end": text.index(".") + 1}
                                       for r in ("r1", "r2")]},
        _quote("q1", text, "The talks were useful and we will meet again.", first_said_on, ["r1", "r2"]),
        _quote("q2", text, second, second_said_on, ["r1"]),
        *later_round(),  # it leads the briefing: the Geneva round is in the talks so far
    ]
    return markdown(brief(records, lang="en", as_of="2025-06-21", story_id="s"))


def test_two_remarks_of_one_day_are_one_sentence() -> None:
    said = _brief("2025-06-13")
    assert ("“The talks were useful and we will meet again”, and added: "
            "“Our farmers need an answer on grain before the harvest”.") in said, said


def test_remarks_of_two_days_are_not_paired() -> None:
    said = _brief("2025-06-11")
    assert "and added" not in said, said


def test_a_fragment_is_not_paired() -> None:
    said = _brief("2025-06-13", second="on grain before the harvest, and not after it.")
    assert "and added" not in said, said


def test_a_dated_remark_and_an_undated_one_are_not_paired() -> None:
    said = _brief("")
    assert "and added" not in said, said


def test_undated_remarks_one_report_gives_are_paired() -> None:
    said = _brief("", first_said_on="")
    assert ("Osei said: “The talks were useful and we will meet again”, and added: "
            "“Our farmers need an answer on grain before the harvest”.") in said, said
