"""The go-between of a meeting, and how long it lasted, are told when the meeting's own clause
says so ("mediated by Brenner", 「ブレナー氏の仲介で」, "talks lasting about four hours"), and only
then: not a place, not a side, not other rounds or meetings.  Cases in our own words."""

from __future__ import annotations

from typing import Any

from communique.brief import brief
from communique.brief.render import markdown


def _report(rid: str, text: str, published: str, lang: str = "en") -> dict[str, Any]:
    return {"type": "report", "id": rid, "language": lang, "text": text, "title": f"Report {rid}",
            "published_at": published, "outlet": f"Outlet {rid}", "story_id": "s"}


def _meeting(rid: str, text: str, end: int | None = None) -> dict[str, Any]:
    return {"type": "event", "id": "m", "kind": "meeting", "date": "2025-06-09", "date_precision": "day",
            "place": "Geneva", "participant_ids": ["person:osei", "person:varga"], "member_ids": ["m-1"],
            "story_id": "s", "evidence": [{"report_id": rid, "start": 0, "end": end or len(text)}]}


ACTORS = [{"type": "actor", "id": i, "kind": "person", "name": {"en": n, "ja": j}}
          for i, n, j in [("person:osei", "Osei", "オセイ"), ("person:varga", "Varga", "バルガ"),
                          ("person:brenner", "Brenner", "ブレナー")]]
STORY = [{"type": "story", "id": "s", "name": "Talks"}]


def _brief(text: str, lang: str = "en", report_lang: str = "en", end: int | None = None) -> str:
    items = [*STORY, *ACTORS, _report("r1", text, "2025-06-10", report_lang), _meeting("r1", text, end)]
    return markdown(brief(items, lang=lang, as_of="2025-06-13", story_id="s"))


def test_the_go_between_the_clause_names_is_told() -> None:
    said = _brief("Osei met Varga in Geneva on Monday, with Brenner mediating.")
    assert "Osei met Varga in Geneva, with Brenner mediating." in said


def test_a_japanese_clause_names_the_go_between() -> None:
    said = _brief("ブレナー氏の仲介で、オセイ氏とバルガ氏が9日にジュネーブで会談した。",
                  lang="ja", report_lang="ja")
    assert "ブレナーの仲介によりジュネーブでバルガと会談しました" in said.replace("氏", "")


def test_no_go_between_when_the_clause_names_none() -> None:
    said = _brief("Osei met Varga in Geneva on Monday, Brenner said.")
    assert "mediating" not in said
    assert "Osei met Varga in Geneva." in said


def test_no_go_between_of_other_rounds() -> None:
    said = _brief("Osei met Varga in Geneva on Monday; Brenner, who has mediated the previous rounds, "
                  "was there.")
    assert "mediating" not in said


def test_the_length_the_clause_gives_the_meeting_is_told() -> None:
    said = _brief("Osei met Varga in Geneva on Monday in talks lasting about four hours.")
    assert "Osei met Varga in Geneva for about four hours." in said, said


def test_a_japanese_clause_gives_the_length() -> None:
    said = _brief("オセイ氏とバルガ氏は9日、ジュネーブで約4時間にわたって会談した。",
                  lang="ja", report_lang="ja")
    assert "ジュネーブで約4時間にわたりバルガ" in said.replace("氏", ""), said


def test_the_length_of_another_meeting_is_not_this_ones() -> None:
    text = "Osei met Varga in Geneva on Monday, two days after their five-hour session with Brenner."
    said = _brief(text, end=text.index(" on Monday"))
    assert "hours" not in said.split("Reference")[0], said


def test_the_announcement_of_the_meeting_comes_before_it() -> None:
    text = "Osei met Varga in Geneva on Monday."
    notice = "The next round will be held in Geneva on Monday, Brenner said on Friday."
    mediator = {"type": "actor", "id": "person:brenner", "kind": "person",
                "name": {"en": "Brenner", "ja": None},
                "roles": [{"title": "Foreign Minister", "affiliation": "norway"}]}
    actors = [a for a in ACTORS if a["id"] != "person:brenner"] + [mediator]
    items = [*STORY, *actors, _report("r1", text, "2025-06-10"), _meeting("r1", text),
             _report("r2", notice, "2025-06-06"),
             {"type": "quote", "id": "q1", "speaker_id": "person:brenner", "speaker_text": "Brenner",
              "text": "The next round will be held in Geneva on Monday", "language": "en", "direct": False,
              "verb": "said", "said_on": "2025-06-06", "said_on_precision": "day", "statement_id": "st-q1",
              "story_id": "s", "evidence": [{"report_id": "r2", "start": 0, "end": notice.index(",")}]}]
    said = markdown(brief(items, lang="en", as_of="2025-06-13", story_id="s"))
    assert "said on June 6 that the next round would be held in Geneva on Monday." in said, said
