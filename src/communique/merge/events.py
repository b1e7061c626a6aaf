"""One event whatever the report: same kind family, compatible dates, and something in
common (the place, a person taking part, or both countries on a day-precise date).

A meeting reported on different days by different reports (Thursday vs Friday) is still
one meeting when the place and the people agree: it joins, and the dates become a
conflict.  More than two days apart never merges.

What a merged event says is what its members support, counted in independent sources
(wire copies once), never a union:

- a **participant** is kept when two sources name them, or when no more than one other
  source names participants without them ("Trump" put at a meeting by one report while
  three others name the people at it is left out);
- the **place** is the one most sources give (a city and the state around it agree); a
  place carried by fewer sources than name another one is left out;
- the **date** is the day most sources give; other days are a conflict (``date_variants``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from ..extract import places
from ..extract.gazetteer import Gazetteer, key
from ..model import Precision
from .actors import country_of
from .dates import UNDATED_BACK, gap
from .members import EventMember
from .summaries import commonest_summary

FAMILIES = {
    "meeting": "meeting",
    "planned_meeting": "meeting",
    "phone_call": "phone_call",
    "proposal": "proposal",
    "counter_proposal": "proposal",
    "leak": "leak",
    "accept": "stance",
    "partly_accept": "stance",
    "reject": "stance",
    "demand": "demand",
    "accuse": "accuse",
    "statement": "statement",
    "agreement": "agreement",  # one agreement reached or signed, whoever reports it
}
EVENT_CANDIDATES = 100  # merged events of the family in the day window a new event is compared with,
# the nearest in time first (each once, as its consensus)
DAY_SLACK = 2  # a meeting's start reported up to two days apart, when place and people agree
PARTICIPANT_SOURCES = 2  # independent sources naming someone that always make them a participant
Sources = Callable[[Iterable[str]], int]  # report ids -> independent sources (wire copies once)


def _distinct(report_ids: Iterable[str]) -> int:
    return len(set(report_ids))


def supported_participants(members: Sequence[EventMember], sources: Sources = _distinct,
                           gazetteer: Gazetteer | None = None) -> tuple[str, ...]:
    """The participants the members support: named by ``PARTICIPANT_SOURCES`` independent
    sources, or by one when at most one other source names both sides of the meeting without
    them (a report naming only "Driscoll" is a partial account, not a denial that Russia was there).
    With the gazetteer, a report naming a person of a country, or a person of no known side (a
    negotiator it does not know), is not against that country ("China and the US wrapped up
    talks in London"; "they met Lutnick, Bessent and Greer at Lancaster House")."""
    named: dict[str, set[str]] = {}  # report -> everyone its members put at the event
    for m in members:
        named.setdefault(m.report_id, set()).update(m.participant_ids)
    sides = {r: _sides_of_people(people, gazetteer) for r, people in named.items()}
    out = []
    for p in sorted({p for people in named.values() for p in people}):
        support = sources(r for r, people in named.items() if p in people)
        entry = gazetteer.get(p) if gazetteer is not None else None
        country = entry is not None and entry.kind == "country"
        # a report naming only a person's country is not against the person either ("Iran and the
        # United States met in Oman"; "the delegations, led by Araghchi and Witkoff, met")
        person = gazetteer is not None and entry is not None and entry.kind == "person"
        own = country_of(p, gazetteer) if person and gazetteer is not None else None
        against = sources(r for r, people in named.items() if p not in people and len(people) >= 2
                          and not (country and _may_be_among(p, sides[r])) and not (own and own in people))
        if support >= PARTICIPANT_SOURCES or against <= 1:
            out.append(p)
    return tuple(out)


def _may_be_among(country: str, sides: frozenset[str] | None) -> bool:
    return sides is None or country in sides


def _sides_of_people(people: set[str], gazetteer: Gazetteer | None) -> frozenset[str] | None:
    """The countries of the people a report puts at an event, or None when one of them is of no
    known side (then any country may be among them): a report naming a country's person, or a
    person of no known side, is not against that country."""
    found: set[str] = set()
    if gazetteer is None:
        return frozenset()
    for p in _people(tuple(sorted(people)), gazetteer):
        side = country_of(p, gazetteer)
        if side is None:
            return None
        found.add(side)
    return frozenset(found)


def supported_place(members: Sequence[EventMember], sources: Sources = _distinct) -> str | None:
    """The place most sources give (a member in Miami supports one "in Florida"), the most precise
    of those equally supported; None when a place has no more sources than the places against it."""
    found = places.load()
    placed = [m for m in members if m.place and m.place_key]
    best: tuple[int, int, str] | None = None
    for name in sorted({m.place for m in placed if m.place}):
        key_ = next(m.place_key for m in placed if m.place == name and m.place_key)
        agree = {m.report_id for m in placed if m.place_key and found.compatible(m.place_key, key_)}
        support = sources(agree)
        against = sources({m.report_id for m in placed if m.report_id not in agree})
        if against and support <= against:
            continue
        rank = (support, len(found.ancestors(key_)))
        if best is None or rank > best[:2]:
            best = (*rank, name)
    return best[2] if best else None


def family(kind: str) -> str:
    return FAMILIES.get(kind, kind)


def merged_id(first_event_id: str) -> str:
    return "ev-" + hashlib.sha256(first_event_id.encode()).hexdigest()[:16]


def place_key(place: str | None, gazetteer: Gazetteer) -> str | None:
    if not place:
        return None
    found = places.load().resolve(place)
    if found is not None:
        return found
    entry = gazetteer.lookup(place)
    return entry.id if entry is not None else key(place)


def lookup_terms(member: EventMember) -> list[str]:
    """What finds the merged events an event may be: its participants, its place and the known
    places around and inside it (a meeting "at Lancaster House" and talks "in London")."""
    if member.place_key is None:
        return list(member.participant_ids)
    return [*member.participant_ids, member.place_key, *_related_places(member.place_key)]


@lru_cache(maxsize=1024)
def _related_places(place: str) -> tuple[str, ...]:
    return tuple(places.load().related(place))


@lru_cache(maxsize=4096)
def _people(ids: tuple[str, ...], gazetteer: Gazetteer) -> frozenset[str]:
    """The people among participant ids (kept: one new event is scored against a hundred heads,
    and the same people recur)."""
    return frozenset({
        i
        for i in ids
        if (entry := gazetteer.get(i)) is None
        and not i.startswith("anon:")
        or (entry is not None and entry.kind == "person")
    })


def _known(people: frozenset[str], gazetteer: Gazetteer) -> frozenset[str]:
    """The people among ``people`` the gazetteer knows (their side is known)."""
    return frozenset(p for p in people if gazetteer.get(p) is not None)


@lru_cache(maxsize=4096)
def _countries(ids: tuple[str, ...], gazetteer: Gazetteer) -> frozenset[str]:
    """The countries of participant ids (kept, as :func:`_people`)."""
    return frozenset({c for i in ids if (c := country_of(i, gazetteer))})


def score(new: EventMember, other: EventMember, gazetteer: Gazetteer) -> float | None:
    """How surely two reported events are one; None when they cannot be."""
    if new.family != other.family:
        return None
    days = gap(_span(new), _span(other))
    same_place = (
        new.place_key is not None
        and other.place_key is not None
        and places.load().compatible(new.place_key, other.place_key)
    )
    shared_people = len(_people(new.participant_ids, gazetteer) & _people(other.participant_ids, gazetteer))
    shared_countries = len(
        _countries(new.participant_ids, gazetteer) & _countries(other.participant_ids, gazetteer)
    )
    if days > 0:
        # A meeting's start reported a day or two apart is one meeting when the place and the
        # people agree; a member that names no people agrees when its countries do.
        unnamed = not _people(new.participant_ids, gazetteer) or not _people(other.participant_ids, gazetteer)
        # ... the same sides ("indirect talks between Israel and Hamas" on the 6th, and the US envoys
        # with Hamas and Israel there on the 8th, are two meetings)
        sides_new = _countries(new.participant_ids, gazetteer)
        same_sides = bool(sides_new) and sides_new == _countries(other.participant_ids, gazetteer)
        close_enough = (
            days <= DAY_SLACK
            and new.exact
            and other.exact
            and new.family == "meeting"
            and same_place
            and not _is_country(new.place_key, gazetteer)
            and (shared_people >= 2 or (unnamed and same_sides))
        )
        # An agreement announced on one day and reported dated the next (a time zone, a late
        # report) is one agreement when both its sides agree.
        same_deal = (
            days <= 1
            and new.exact
            and other.exact
            and new.family == "agreement"
            and (shared_people >= 2 or shared_countries >= 2)
        )
        if not close_enough and not same_deal:
            return None
    empty = (not new.participant_ids and new.place_key is None) or (
        not other.participant_ids and other.place_key is None
    )
    by_day = _deal_of_its_day(new, other, gazetteer)  # a deal told without its day
    if new.family == "statement":  # one person's remarks on one day
        if shared_people == 0:
            return None
    elif not (same_place or shared_people or (shared_countries and new.exact and other.exact) or empty
              or by_day):
        return None
    different_places = bool(
        new.place_key
        and other.place_key
        and not same_place
        and not _is_country(new.place_key, gazetteer)
        and not _is_country(other.place_key, gazetteer)
    )
    if different_places and not (shared_people >= 2 and new.exact and other.exact and days <= 1):
        return None  # envoys travel: the same people in another city is another meeting
    if not (new.exact and other.exact) and not same_place and shared_people < 2 and not by_day:
        return None  # an undated mention needs the place or two people to be placed
    return (
        -1.5 * different_places
        + 2.0 * same_place
        + min(shared_people, 3)
        + 0.5 * min(shared_countries, 2)
        - days
        + 0.1 * empty
    )


def _deal_of_its_day(new: EventMember, other: EventMember, gazetteer: Gazetteer) -> bool:
    """An agreement a report tells without its day is the agreement of the same two or more sides
    dated on a day the telling allows: told with no date at all ("the two countries agreed to an
    immediate ceasefire", its window the two weeks up to the report's day), the deal of that day
    or the day before (a report tells the deal of its day without repeating the day; an older deal
    told as background has its month or day); told with a part of a month (「7月下旬」, "late
    July"), a deal dated in it.  :func:`assign` takes it only when one deal of the story fits."""
    if new.family != "agreement" or new.exact == other.exact:
        return False
    dated, told = (new, other) if new.exact else (other, new)
    if dated.lo is None or told.lo is None or told.hi is None:
        return False
    if told.hi - told.lo == UNDATED_BACK:  # no date: the report's day or the day before
        fits = 0 <= told.hi - dated.lo <= 1
    else:  # a part of a month: any day of it
        fits = told.hi - told.lo <= PART_OF_MONTH_DAYS and told.lo <= dated.lo <= told.hi
    sides = _countries(told.participant_ids, gazetteer)
    return fits and len(sides) >= 2 and sides <= _countries(dated.participant_ids, gazetteer)


PART_OF_MONTH_DAYS = 10  # the widest "early / mid / late" part of a month (the 21st to the 31st)


def _is_country(place_key: str | None, gazetteer: Gazetteer) -> bool:
    entry = gazetteer.get(place_key or "")
    return entry is not None and entry.kind in ("country", "bloc")


def _span(m: EventMember) -> tuple[int, int] | None:
    return (m.lo, m.hi) if m.lo is not None and m.hi is not None else None


def head_of(members: Sequence[EventMember]) -> dict[str, Any]:
    """What a merged event is judged on, as counts that a joining member updates in place
    (:func:`add_to_head`): the first member's kind, exact days, the narrowest interval, places,
    everyone named, and the day range of all members (for the window look-up)."""
    head: dict[str, Any] = {"first": None, "days": {}, "narrow": None, "places": {}, "people": [],
                            "lo": None, "hi": None}
    people: set[str] = set()
    for m in members:
        _count_in_head(head, m)
        people.update(m.participant_ids)
    head["people"] = sorted(people)  # once, not once per member (an event a thousand reports tell)
    return head


def add_to_head(head: dict[str, Any], m: EventMember) -> None:
    """One more member, counted into the head."""
    _count_in_head(head, m)
    head["people"] = sorted(set(head["people"]) | set(m.participant_ids))


def _count_in_head(head: dict[str, Any], m: EventMember) -> None:
    """Everything of one member a head counts, but the people (kept as one sorted list)."""
    if head["first"] is None or m.event_id < head["first"][0]:
        head["first"] = [m.event_id, m.kind, m.family]
    if m.exact and m.lo is not None:
        head["days"][str(m.lo)] = head["days"].get(str(m.lo), 0) + 1
    if m.lo is not None and m.hi is not None:
        narrow = head["narrow"]
        if narrow is None or (m.hi - m.lo, m.lo) < (narrow[1] - narrow[0], narrow[0]):
            head["narrow"] = [m.lo, m.hi]
        head["lo"] = m.lo if head["lo"] is None else min(head["lo"], m.lo)
        head["hi"] = m.hi if head["hi"] is None else max(head["hi"], m.hi)
    if m.place_key:
        head["places"][m.place_key] = head["places"].get(m.place_key, 0) + 1


def head_member(merged_id: str, head: dict[str, Any]) -> EventMember:
    """One merged event as a single member (see :func:`consensus`)."""
    lo: int | None
    hi: int | None
    if head["days"]:
        day = min(head["days"].items(), key=lambda kv: (-kv[1], int(kv[0])))[0]
        lo, hi, is_exact = int(day), int(day), True
    else:
        lo, hi = head["narrow"] or (None, None)
        is_exact = False
    places = head["places"]
    _first, kind, family = head["first"]
    return EventMember(
        event_id=head["first"][0],  # its least member: ties are broken by content, not by ids
        merged_id=merged_id,
        report_id="",
        kind=kind,
        family=family,
        lo=lo,
        hi=hi,
        exact=is_exact,
        date=None,
        date_precision=Precision.UNKNOWN,
        place=None,
        place_key=min(places.items(), key=lambda kv: (-kv[1], kv[0]))[0] if places else None,
        participant_ids=tuple(head["people"]),
        summary="",
    )


def consensus(members: Sequence[EventMember]) -> EventMember:
    """One merged event as a single member: its commonest exact date (else the narrowest
    interval), commonest place, all participants.  New reports are compared with this, not
    with each member, so an undated mention cannot chain two events together."""
    return head_member(members[0].merged_id, head_of(members))


def assign(new: EventMember, heads: Sequence[EventMember], gazetteer: Gazetteer) -> str | None:
    """The merged event the new one belongs to (best-scoring), or None for a new event.

    ``heads`` are the merged events whose members' days meet the new one's window, each as
    its consensus (:func:`consensus`), kept in the store: one comparison per merged event,
    whatever the number of reports behind it.
    """
    best: tuple[float, str] | None = None
    by_day = []  # heads matched only by the day a deal is told on: one must fit, not two
    for head in sorted(heads, key=lambda h: h.event_id):
        value = score(new, head, gazetteer)
        if value is not None and (best is None or value > best[0]):
            best = (value, head.merged_id)
        if value is not None and _only_by_day(new, head, gazetteer):
            by_day.append(head.merged_id)
    if best is not None and best[1] in by_day and len(by_day) > 1:
        return None  # two deals of the same sides fit the day: which one is told is not known
    return best[1] if best else None


def _only_by_day(new: EventMember, head: EventMember, gazetteer: Gazetteer) -> bool:
    """Whether the two are one event only by :func:`_deal_of_its_day` (no place, no two people)."""
    if not _deal_of_its_day(new, head, gazetteer):
        return False
    same_place = (new.place_key is not None and head.place_key is not None
                  and places.load().compatible(new.place_key, head.place_key))
    shared = len(_people(new.participant_ids, gazetteer) & _people(head.participant_ids, gazetteer))
    return not same_place and shared < 2


def assign_undated(new: EventMember, heads: Sequence[EventMember], gazetteer: Gazetteer) -> str | None:
    """The merged event of the report's story an event with no date at all belongs to (a report
    with no publication date telling of "talks in London"), or None: only one in the same city
    (the same people meet round after round; with no date, the place is what tells them apart).

    ``heads`` are the story's merged events of the family naming one of its people or its place,
    dated or not.  With no date to tell two meetings apart, it joins only when one event of the
    story in that city could be it: with two (a negotiator's eighth visit to Washington, two rounds
    in one city) the mention stays an event of its own rather than a guess."""
    if new.place_key is None or _is_country(new.place_key, gazetteer):
        return None  # the same people meet round after round: only a city tells which
    found = places.load()
    scored = sorted(
        ((value, head.event_id, head.merged_id) for head in heads
         if head.place_key is not None and found.compatible(new.place_key, head.place_key)
         and _same_parties(new, head, gazetteer)
         and _same_day(new, head)
         and (value := score(new, head, gazetteer)) is not None),
        key=lambda s: (-s[0], s[1]),
    )
    if len(scored) != 1:
        return None
    return scored[0][2]


_WEEKDAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_HINT = re.compile(
    r"(?<![0-9０-９/])(?P<dom>[0-9０-９]{1,2})日(?!間|本)|(?P<ja>[月火水木金土日])曜日?"
    r"|\b(?P<en>" + "|".join(_WEEKDAYS_EN) + r")\b",
    re.IGNORECASE,
)
_WEEKDAYS_JA = "月火水木金土日"


def _same_day(new: EventMember, head: EventMember) -> bool:
    """Whether the days an undated mention's clause names fit the head's day ("16日" is not a
    meeting on the 22nd; "on Tuesday" not one on a Monday): the day of the month within one
    (a time zone, a second day of talks), the weekday the same or next."""
    if not (head.exact and head.lo is not None):
        return True
    day = date.fromordinal(head.lo)
    for m in _DAY_HINT.finditer(new.summary or ""):
        if m["dom"]:
            if abs(int(unicodedata.normalize("NFKC", m["dom"])) - day.day) > 1:
                return False
        else:
            weekday = _WEEKDAYS_JA.index(m["ja"]) if m["ja"] else _WEEKDAYS_EN.index(m["en"].lower())
            if (weekday - day.weekday()) % 7 > 1 and (day.weekday() - weekday) % 7 > 1:
                return False
    return True


def _same_parties(new: EventMember, head: EventMember, gazetteer: Gazetteer) -> bool:
    """Whether an undated mention can be the same event as a head of its city: it names no person
    or side the head does not, and where one of the two names only sides, both name the same two
    or more.  A host meets delegation after delegation in one city ("separate meetings" of the
    emir with Hamas and with the US envoy); talks "between Israel and Hamas" in Doha are not the
    emir's meeting there; a visit of one side's people is not a planned visit of "the US".

    People here are those the gazetteer knows: one it does not know (a negotiator "set to meet
    top U.S. officials in London") has no side to tell two mentions apart.  Where one names such
    people and the other only two or more sides ("China and the United States wrapped up talks in
    London"; "they met Lutnick, Bessent and Greer at Lancaster House"), the people's sides are
    among those sides, or those sides among theirs."""
    everyone = _people(new.participant_ids, gazetteer)
    head_everyone = _people(head.participant_ids, gazetteer)
    people, head_people = _known(everyone, gazetteer), _known(head_everyone, gazetteer)
    sides = _countries(new.participant_ids, gazetteer)
    head_sides = _countries(head.participant_ids, gazetteer)
    if people and head_people:  # (one the gazetteer does not know still tells them apart here)
        return everyone <= head_everyone and sides <= head_sides
    if not people and not head_people:
        return len(sides) >= 2 and sides == head_sides
    named, only = (sides, head_sides) if people else (head_sides, sides)  # people's, sides-only
    return len(only) >= 2 and bool(named) and (named <= only or only <= named)


def summary(members: Sequence[EventMember], sources: Sources = _distinct,
            gazetteer: Gazetteer | None = None) -> dict[str, Any]:
    """Kind, date, place and participants of a merged event, as its members support them
    (see the module docstring); ``sources`` counts independent sources among report ids."""
    kinds = Counter(m.kind for m in members)
    held = [k for k in kinds if k != "planned_meeting"]
    kind = min(held or kinds, key=lambda k: (-kinds[k], k))
    exact = Counter(m.date[:10] for m in members if m.exact and m.date)
    if exact:
        date: str | None = min(exact.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        precision = Precision.DAY
    else:
        dated = [m for m in members if m.date and m.date_precision is not Precision.UNKNOWN]
        narrow = min(dated, key=lambda m: ((m.hi or 0) - (m.lo or 0), m.date or ""), default=None)
        date, precision = (narrow.date, narrow.date_precision) if narrow else (None, Precision.UNKNOWN)
    place = supported_place(members, sources)
    participants = supported_participants(members, sources, gazetteer)
    texts = Counter(m.summary for m in members if m.summary)
    text = commonest_summary(texts)
    return {
        "kind": kind,
        "date": date,
        "date_precision": precision,
        "place": place,
        "participant_ids": participants,
        "summary": text,
    }


# a clause that tells a later day of talks, not the day they were held or began: "met in Madrid
# this Monday to resume their talks", 「15日、2日目の協議」
_LATER_DAY = re.compile(
    r"\b(?:resum(?:e|ed|es|ing)|continu(?:e|ed|es|ing)|second day|third day|final day|last day)\b"
    r"|2日目|3日目|最終日|再開|続開", re.I)


@lru_cache(maxsize=4096)
def _later_day(summary: str) -> bool:
    """Whether a member's summary tells a later day of the talks (the same summaries recur in
    thousands of members of one event: each is searched once)."""
    return _LATER_DAY.search(summary) is not None


def date_variants(members: Sequence[EventMember]) -> dict[str, list[EventMember]]:
    """Day-precise dates reported for one event; more than one is a conflict.  A member telling a
    later day of the talks is not a variant of the day they were held."""
    found: dict[str, list[EventMember]] = {}
    for m in members:
        if m.exact and m.date and not _later_day(m.summary or ""):
            found.setdefault(m.date[:10], []).append(m)
    return found if len(found) > 1 else {}
