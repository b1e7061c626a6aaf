"""A merged event says what its members support, never a union (see merge/events.py).

Each case is a few members (one per report) of one merged meeting; ``WIRE`` reports are copies
of one agency story and count as one source.
"""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from communique.merge import events
from communique.merge.members import EventMember
from communique.model import Precision

WIRE = {"r-wire-1": "wire", "r-wire-2": "wire", "r-wire-3": "wire"}


def sources(report_ids: Iterable[str]) -> int:
    return len({WIRE.get(r, r) for r in report_ids})


def member(
    report_id: str, participants: tuple[str, ...] = (), place: str | None = None, day: str | None = None
) -> EventMember:
    return EventMember(
        event_id=f"e-{report_id}",
        merged_id="ev-1",
        report_id=report_id,
        kind="meeting",
        family="meeting",
        lo=None,
        hi=None,
        exact=day is not None,
        date=day,
        date_precision=Precision.DAY if day else Precision.UNKNOWN,
        place=place,
        place_key=events.place_key(place, _gazetteer()) if place else None,
        participant_ids=participants,
        summary="",
    )


def _gazetteer():  # type: ignore[no-untyped-def]
    from communique.extract.gazetteer import load

    return load()


WITKOFF_PUTIN = ("steve-witkoff", "vladimir-putin")

# (case, members, expected participants)
PARTICIPANTS = [
    (
        "one report's extra person against three others is left out",
        [
            member("r-a", ("donald-trump", *WITKOFF_PUTIN)),
            member("r-b", WITKOFF_PUTIN),
            member("r-c", WITKOFF_PUTIN),
            member("r-d", WITKOFF_PUTIN),
        ],
        WITKOFF_PUTIN,
    ),
    (
        "a person two sources name is kept even when others leave them out",
        [
            member("r-a", ("jared-kushner", *WITKOFF_PUTIN)),
            member("r-b", ("jared-kushner", *WITKOFF_PUTIN)),
            member("r-c", WITKOFF_PUTIN),
            member("r-d", WITKOFF_PUTIN),
        ],
        ("jared-kushner", *WITKOFF_PUTIN),
    ),
    (
        "wire copies are one source: three copies do not outvote",
        [
            member("r-wire-1", ("donald-trump", *WITKOFF_PUTIN)),
            member("r-wire-2", ("donald-trump", *WITKOFF_PUTIN)),
            member("r-wire-3", ("donald-trump", *WITKOFF_PUTIN)),
            member("r-b", WITKOFF_PUTIN),
            member("r-c", WITKOFF_PUTIN),
        ],
        WITKOFF_PUTIN,
    ),
    (
        "a lone report's participants are all kept",
        [member("r-a", ("yuri-ushakov", *WITKOFF_PUTIN))],
        ("steve-witkoff", "vladimir-putin", "yuri-ushakov"),
    ),
    (
        "one against one: nothing to outvote it",
        [member("r-a", ("kirill-dmitriev", *WITKOFF_PUTIN)), member("r-b", WITKOFF_PUTIN)],
        ("kirill-dmitriev", "steve-witkoff", "vladimir-putin"),
    ),
    (
        "a report naming one side only is a partial account, not against the other side",
        [
            member("r-a", ("dan-driscoll", "russia")),
            member("r-b", ("dan-driscoll",)),
            member("r-c", ("dan-driscoll",)),
        ],
        ("dan-driscoll", "russia"),
    ),
    (
        "a member that names nobody is against no one",
        [member("r-a", ("kirill-dmitriev", *WITKOFF_PUTIN)), member("r-b", WITKOFF_PUTIN), member("r-c")],
        ("kirill-dmitriev", "steve-witkoff", "vladimir-putin"),
    ),
]

PLACES = [
    (
        "the place most sources give",
        [member("r-a", place="Moscow"), member("r-b", place="Moscow"), member("r-c", place="Kyiv")],
        "Moscow",
    ),
    (
        "a city and the state around it agree: the city",
        [member("r-a", place="Miami"), member("r-b", place="Florida")],
        "Miami",
    ),
    ("one against one: left out", [member("r-a", place="Moscow"), member("r-b", place="Kyiv")], None),
    (
        "wire copies do not outvote",
        [
            member("r-wire-1", place="Kyiv"),
            member("r-wire-2", place="Kyiv"),
            member("r-b", place="Moscow"),
            member("r-c", place="Moscow"),
        ],
        "Moscow",
    ),
    ("no place given", [member("r-a"), member("r-b")], None),
]


@pytest.mark.parametrize(("case", "members", "expected"), PARTICIPANTS, ids=[c[0] for c in PARTICIPANTS])
def test_participants(case: str, members: list[EventMember], expected: tuple[str, ...]) -> None:
    assert events.supported_participants(members, sources) == expected, case


@pytest.mark.parametrize(("case", "members", "expected"), PLACES, ids=[c[0] for c in PLACES])
def test_place(case: str, members: list[EventMember], expected: str | None) -> None:
    assert events.supported_place(members, sources) == expected, case


def test_summary_is_what_members_support() -> None:
    members = [
        member("r-a", ("donald-trump", *WITKOFF_PUTIN), "Moscow", "2025-12-02"),
        member("r-b", WITKOFF_PUTIN, "Moscow", "2025-12-02"),
        member("r-c", WITKOFF_PUTIN, "Moscow", "2025-12-02"),
        member("r-d", WITKOFF_PUTIN, "Kyiv", "2025-12-03"),
    ]
    fields = events.summary(members, sources)
    assert fields["participant_ids"] == WITKOFF_PUTIN
    assert fields["place"] == "Moscow"
    assert fields["date"] == "2025-12-02"
    assert set(events.date_variants(members)) == {"2025-12-02", "2025-12-03"}  # the other day is a conflict


def test_reports_naming_only_the_countries_are_not_against_their_people() -> None:
    """"Russia and the United States met in Riyadh" (two reports) and "Lavrov and Rubio met in Riyadh"
    (one): the countries' reports are a partial account of who came, not a denial that the ministers
    did; without the gazetteer to say whose ministers they are, the two outvote the one."""
    sides = ("russia", "united-states")
    members = [member("r-a", sides), member("r-b", sides), member("r-c", ("marco-rubio", "sergei-lavrov"))]
    everyone = ("marco-rubio", "russia", "sergei-lavrov", "united-states")
    assert events.supported_participants(members, sources, _gazetteer()) == everyone
    assert events.supported_participants(members, sources) == sides
    # a report naming other people of those countries is against them
    members.append(member("r-d", ("vladimir-putin", "donald-trump")))
    members.append(member("r-e", ("vladimir-putin", "donald-trump")))
    assert "sergei-lavrov" not in events.supported_participants(members, sources, _gazetteer())
