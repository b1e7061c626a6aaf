"""An event told with no date at all (an undated report: "talks in Geneva") joins the one event of
its story in that city that could be it, and only that one: a city with two meetings of the
story, another city, people the event does not have, or a day of the month that is not the
event's leave it an event of its own.  Through the real extractor and store (both backends)."""

from __future__ import annotations

from pathlib import Path

from communique import merge, pipeline
from communique.extract.gazetteer import load as load_gazetteer
from communique.merge.events import assign_undated
from communique.merge.members import EventMember
from communique.model import Precision

from .texts import Texts, merge_texts

DATED = ("2021-05-20", "Rubio and Lavrov meet in Geneva\n\nSecretary of State Marco Rubio met Russian "
         "Foreign Minister Sergei Lavrov in Geneva to discuss a ceasefire plan for the region. The two "
         "men spoke for three hours.")


Told = tuple[str | None, tuple[str, ...], int]  # place, participants, members


def _events(db: Path, texts: Texts) -> list[Told]:
    with pipeline.open_store(str(db)) as store:
        merge_texts(store, texts)
        return sorted((e["place"], tuple(e["participant_ids"]), len(e["member_ids"]))
                      for e in merge.merged_events(store) if e["kind"] == "meeting")


def test_an_undated_mention_joins_the_one_meeting_of_its_city(db: Path) -> None:
    found = _events(db, {
        "a": DATED,
        "b": (None, "Talks in Geneva\n\nMarco Rubio and Sergei Lavrov held talks in Geneva on the ceasefire "
                    "plan, officials from both sides said. No agreement was announced."),
        "c": (None, "Envoys in Vienna\n\nMarco Rubio met Sergei Lavrov in Vienna to discuss the ceasefire "
                    "plan, a diplomat said."),
    })
    assert ("Geneva", ("marco-rubio", "sergei-lavrov"), 2) in found
    assert ("Vienna", ("marco-rubio", "sergei-lavrov"), 1) in found


def _member(event_id: str, place: str, people: tuple[str, ...], *, day: int | None = None,
            summary: str = "") -> EventMember:
    return EventMember(
        event_id=event_id, merged_id=f"ev-{event_id}", report_id=f"r-{event_id}", kind="meeting",
        family="meeting", lo=day, hi=day, exact=day is not None, date=None,
        date_precision=Precision.DAY if day is not None else Precision.UNKNOWN, place=place.title(),
        place_key=place, participant_ids=people, summary=summary)


def test_what_keeps_an_undated_mention_apart() -> None:
    gazetteer = load_gazetteer()
    pair = ("marco-rubio", "sergei-lavrov")
    may_19 = 740_000  # an ordinal day; its day of the month is read by the check below
    geneva = _member("e1", "geneva", pair, day=may_19)
    new = _member("e9", "geneva", pair)
    assert assign_undated(new, [geneva], gazetteer) == "ev-e1"
    # two meetings of the story in the city: no date to tell which
    again = _member("e2", "geneva", pair, day=may_19 + 40)
    assert assign_undated(new, [geneva, again], gazetteer) is None
    # no city of its own: the same people meet round after round
    assert assign_undated(_member("e9", "", pair), [geneva], gazetteer) is None
    # someone the meeting does not have (a host's separate meeting with another delegation)
    other = _member("e9", "geneva", ("marco-rubio", "benjamin-netanyahu"))
    assert assign_undated(other, [geneva], gazetteer) is None
    # a day of the month that is not the meeting's ("16日" against the 22nd)
    from datetime import date
    day = date.fromordinal(may_19).day
    wrong_day = _member("e9", "geneva", pair, summary=f"両氏は{(day + 5) % 28 + 1}日、ジュネーブで会談した")
    right_day = _member("e9", "geneva", pair, summary=f"両氏は{day}日、ジュネーブで会談した")
    assert assign_undated(wrong_day, [geneva], gazetteer) is None
    assert assign_undated(right_day, [geneva], gazetteer) == "ev-e1"


LONDON = {
    "a": ("2021-06-13", "Framework agreed in London\n\nChina and the United States wrapped up two days of "
                        "trade talks in London with a framework that both leaders must now approve. "
                        "\"We have reached a framework,\" Commerce Secretary Howard Lutnick told reporters."),
    "b": (None, "Talks at a London mansion\n\nChinese negotiators met Commerce Secretary Howard Lutnick and "
                "Treasury Secretary Scott Bessent at Lancaster House, an old mansion near the palace."),
    "c": (None, "Second day of talks\n\nThe Chinese team met Howard Lutnick and Scott Bessent at Lancaster "
                "House for a second day, a US official said."),
}


def test_a_venue_and_its_city_are_one_place_and_sides_take_in_their_people(db: Path) -> None:
    """Talks "in London" between two governments (a dated report) and a meeting of one side's
    people "at Lancaster House" (two undated reports) are one meeting: the venue lies in the city,
    and the people are of one of the two sides.  China stays among its participants: the reports
    naming only the US people are not against it."""
    with pipeline.open_store(str(db)) as store:
        merge_texts(store, LONDON)
        meetings = [e for e in merge.merged_events(store) if e["kind"] == "meeting"]
        assert len(meetings) == 1, meetings
        assert len(meetings[0]["member_ids"]) == 3
        assert {"china", "howard-lutnick", "scott-bessent"} <= set(meetings[0]["participant_ids"])
        briefing = pipeline.brief(store, lang="en")
    text = "\n".join(s.text for section in briefing.sections for s in section.sentences)
    assert "at Lancaster House in London" in text, text


def test_sides_alone_and_people_of_those_sides() -> None:
    gazetteer = load_gazetteer()
    sides = _member("e1", "london", ("china", "united-states"), day=740_000)
    people = _member("e9", "london", ("howard-lutnick", "person:li-chenggang"))
    assert assign_undated(people, [sides], gazetteer) == "ev-e1"
    # people of a side the talks do not have
    others = _member("e9", "london", ("howard-lutnick", "benjamin-netanyahu"))
    assert assign_undated(others, [sides], gazetteer) is None
    # a side alone is no meeting of two sides to take people in
    one_side = _member("e1", "london", ("united-states",), day=740_000)
    assert assign_undated(people, [one_side], gazetteer) is None


def test_a_host_meeting_an_unknown_negotiator_is_not_his_meeting_with_another() -> None:
    """The emir (known) with a negotiator the gazetteer does not know, and the emir with the US
    envoy: both name known people, so the unknown one still tells the two meetings apart."""
    gazetteer = load_gazetteer()
    envoy = _member("e1", "doha", ("steve-witkoff", "tamim-bin-hamad-al-thani"), day=740_000)
    other = _member("e9", "doha", ("person:khalil-al-hayya", "tamim-bin-hamad-al-thani"))
    assert assign_undated(other, [envoy], gazetteer) is None
