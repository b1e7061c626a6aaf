"""What a side said of a round, that day or after, is told with the round in the talks so far
(dated, in its place), not in the side's own section, which gives the side's other words; names
are given in full where the reader first meets them.  Cases in our own words."""

from __future__ import annotations

from typing import Any

from communique.brief import brief
from communique.brief.render import markdown

ROUND = ("Osei met Varga in Geneva on Friday. "
         "Osei said afterwards: \u201cThe talks were useful and we will meet again.\u201d")
OTHER = "Osei said: \u201cOur farmers cannot accept a quota on grain exports this year.\u201d"
LATEST = ("Varga met Osei in Vienna on Friday. "
          "Varga said: \u201cWe are close to a text both capitals can sign.\u201d")


def _report(rid: str, text: str, published: str) -> dict[str, Any]:
    return {"type": "report", "id": rid, "language": "en", "text": text, "title": f"Report {rid}",
            "published_at": published, "outlet": f"Outlet {rid}", "story_id": "s"}


def _quote(qid: str, text: str, words: str, said_on: str, reports: list[str],
           speaker: str = "osei") -> dict[str, Any]:
    start = text.index(words)
    return {"type": "quote", "id": qid, "speaker_id": f"person:{speaker}", "speaker_text": speaker.title(),
            "text": words,
            "language": "en", "direct": True, "verb": "said", "said_on": said_on,
            "said_on_precision": "day", "statement_id": "st-" + qid, "story_id": "s",
            "evidence": [{"report_id": r, "start": start, "end": start + len(words)} for r in reports]}


def _records() -> list[dict[str, Any]]:
    return [
        {"type": "story", "id": "s", "name": "Talks"},
        *({"type": "actor", "id": i, "kind": "person", "name": {"en": n, "ja": None},
           "roles": [{"title": t, "affiliation": c}]}
          for i, n, t, c in [("person:osei", "Ama Osei", "Trade Minister", "ghana"),
                             ("person:varga", "Bence Varga", "Foreign Minister", "hungary")]),
        *(_report(r, ROUND, "2025-06-14") for r in ("r1", "r2")),
        _report("r3", OTHER, "2025-06-02"),
        {"type": "event", "id": "m", "kind": "meeting", "date": "2025-06-13", "date_precision": "day",
         "place": "Geneva", "participant_ids": ["person:osei", "person:varga"], "member_ids": ["m1"],
         "story_id": "s", "evidence": [{"report_id": r, "start": 0, "end": ROUND.index(".") + 1}
                                       for r in ("r1", "r2")]},
        _quote("q1", ROUND, "The talks were useful and we will meet again.", "2025-06-13", ["r1", "r2"]),
        _quote("q2", OTHER, "Our farmers cannot accept a quota on grain exports this year.", "2025-06-02",
               ["r3"]),
        *later_round(),
    ]


def later_round() -> list[dict[str, Any]]:
    """A later round, the latest development, told by more reports: it leads the briefing, and
    the round under test is told in the talks so far."""
    return [
        *(_report(r, LATEST, "2025-06-21") for r in ("r4", "r5", "r6")),
        {"type": "event", "id": "n", "kind": "meeting", "date": "2025-06-20", "date_precision": "day",
         "place": "Vienna", "participant_ids": ["person:varga", "person:osei"], "member_ids": ["n1"],
         "story_id": "s", "evidence": [{"report_id": r, "start": 0, "end": LATEST.index(".") + 1}
                                       for r in ("r4", "r5", "r6")]},
        _quote("q3", LATEST, "We are close to a text both capitals can sign.", "2025-06-20",
               ["r4", "r5", "r6"], speaker="varga"),
    ]


def test_a_remark_on_the_round_is_told_with_it_and_the_party_gives_its_other_words() -> None:
    said = markdown(brief(_records(), lang="en", as_of="2025-06-21", story_id="s"))
    talks = said.split("## The talks so far", 1)[1].split("\n## ", 1)[0]
    parties = said.split("## The talks so far", 1)[0]
    assert "The talks were useful" in talks, said
    assert "The talks were useful" not in parties, said
    assert "Our farmers cannot accept" in parties, said
    # the party section comes first: the full name is given there, the short one in the talks
    first = said.index("Osei")
    assert said[max(0, first - 30):first + 4].count("Ama Osei") == 1, said


def test_another_of_a_sides_people_is_heard_on_the_round_too() -> None:
    """The minister's remark, then his deputy's: two people of one side on one round."""
    deputy = "Mensah, the deputy minister, said: \u201cWe expect the next round to settle the quotas.\u201d"
    records = [
        *_records(),
        {"type": "actor", "id": "person:mensah", "kind": "person", "name": {"en": "Kofi Mensah", "ja": None},
         "roles": [{"title": "Deputy Trade Minister", "affiliation": "ghana"}]},
        _report("r7", deputy, "2025-06-14"),
        _quote("q4", deputy, "We expect the next round to settle the quotas.", "2025-06-14", ["r7"],
               speaker="mensah"),
    ]
    said = markdown(brief(records, lang="en", as_of="2025-06-21", story_id="s"))
    talks = said.split("## The talks so far", 1)[1].split("\n## ", 1)[0]
    assert "The talks were useful" in talks and "settle the quotas" in talks, said
    assert talks.index("The talks were useful") < talks.index("settle the quotas"), said


def test_a_japanese_briefing_gives_one_english_remark_a_round() -> None:
    """Two sides' remarks on a round that only English reports carry: the Japanese briefing quotes
    one of them in English, not each (a translation left undone line after line)."""
    records = _records()
    both = ROUND + " Varga said: \u201cWe made real progress on the grain quota today.\u201d"
    for r in records:
        if r.get("type") == "report" and r["id"] in ("r1", "r2"):
            r["text"] = both
    records.append(_quote("q4", both, "We made real progress on the grain quota today.", "2025-06-13",
                          ["r1", "r2"], speaker="varga"))
    said = markdown(brief(records, lang="ja", as_of="2025-06-21", story_id="s"))
    talks = said.split("## 協議の経過", 1)[1].split("\n## ", 1)[0]
    assert talks.count("原文英語") == 1, said
