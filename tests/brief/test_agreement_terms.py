"""An agreement's key terms, as the clause that states the agreement goes on to give them, with
numbers: said in the English briefing with who says them, and cited.  Sentences in our own words."""

from __future__ import annotations

from typing import Any

from communique.brief import brief

ANNOUNCED = ("Opening line.\n\nPresident Harlan on Tuesday announced a grain deal with Freedonia "
             "that he said will cut duties on wheat to 10% and open a $40 million credit line. Markets rose.")
SAID = ("Opening line.\n\nMinister Osei said on Sunday he has reached a broad framework with Premier Varga "
        "that will lift the 60% levy on steel. Talks end today.")
NO_NUMBER = ("Opening line.\n\nPresident Harlan on Tuesday announced a grain deal with Freedonia "
             "that he said will please farmers. Markets rose.")


def _records(text: str, start: int, end: int, people: list[str]) -> list[dict[str, Any]]:
    actors = [{"type": "actor", "id": i, "kind": k, "name": {"en": n, "ja": None}}
              for i, k, n in [("person:harlan", "person", "Harlan"), ("freedonia", "country", "Freedonia"),
                              ("person:osei", "person", "Osei"), ("person:varga", "person", "Varga")]]
    report = {"type": "report", "id": "r1", "language": "en", "text": text, "title": "Report r1",
              "published_at": "2025-05-04", "outlet": "Daily Wire", "story_id": "s"}
    event = {"type": "event", "id": "a", "kind": "agreement", "date": "2025-05-04",
             "date_precision": "day", "place": None, "participant_ids": people, "member_ids": ["a-m"],
             "story_id": "s",
             "summary": text[start:end].split(" announced ")[-1].split(" reached ")[-1],
             "evidence": [{"report_id": "r1", "start": start, "end": end}]}
    return [{"type": "story", "id": "s", "name": "Talks"}, *actors, report, event]


def _sentences(records: list[dict[str, Any]]) -> list[str]:
    briefing = brief(records, lang="en", as_of="2025-05-05", story_id="s")
    return [s.text for _where, s in briefing.sentences()]


def test_the_terms_the_announcer_gives_are_said_as_his() -> None:
    start = ANNOUNCED.index("President")
    end = ANNOUNCED.index(" that he said")
    said = _sentences(_records(ANNOUNCED, start, end, ["person:harlan", "freedonia"]))
    terms = "which Harlan said will cut duties on wheat to 10% and open a $40 million credit line."
    assert any(s.endswith("agreed on a grain deal, " + terms) for s in said), said


def test_the_terms_of_a_deal_its_party_says_he_reached_are_his() -> None:
    start = SAID.index("he has")
    end = SAID.index(" that will")
    said = _sentences(_records(SAID, start, end, ["person:osei", "person:varga"]))
    assert any("a broad framework, which Osei said will lift the 60% levy on steel." in s for s in said), said


def test_no_number_no_terms() -> None:
    start = NO_NUMBER.index("President")
    end = NO_NUMBER.index(" that he said")
    said = _sentences(_records(NO_NUMBER, start, end, ["person:harlan", "freedonia"]))
    assert not any("farmers" in s for s in said), said
