"""Stories: a report joins the story it belongs with, bridges bursts of one story, and does not
weld two stories together because they name the same president."""

from __future__ import annotations

from collections import Counter

from communique.merge.stories import StoryState, combine, kinship, matches, weight


def story(sid: str, first: int, last: int, actors: dict[str, int], words: dict[str, int], size: int
          ) -> StoryState:
    return StoryState(id=sid, first_day=first, last_day=last, actors=Counter(actors),
                      keywords=Counter(words), size=size)


# two bursts of a fisheries negotiation, and a port strike that shares the country and its president
APRIL = story("st-april", 100, 110, {"norland": 8, "vessa": 7, "president-hale": 5, "minister-orr": 6},
              {"quota": 6, "fisheries": 7, "talks": 5}, 8)
JUNE = story("st-june", 150, 160, {"norland": 6, "vessa": 6, "minister-orr": 5, "envoy-kim": 3},
             {"quota": 4, "fisheries": 5, "round": 3}, 6)
STRIKE = story("st-strike", 140, 160, {"norland": 9, "president-hale": 6, "dockers-union": 8},
               {"strike": 8, "port": 7, "wages": 5}, 9)
# how many of 40 stored reports carry each actor term: the country and its president are everywhere
CARRYING = {"a:norland": 30, "a:president-hale": 18, "a:vessa": 13, "a:minister-orr": 11,
            "a:envoy-kim": 3, "a:dockers-union": 9}
WEIGHTS = {t: weight(t, 40, n) for t, n in CARRYING.items()}


def test_a_report_that_bridges_two_bursts_joins_them() -> None:
    found = matches(130, ["norland", "vessa", "minister-orr"], ["quota", "fisheries"], [APRIL, JUNE], WEIGHTS)
    assert set(found) == {"st-april", "st-june"}
    joined = combine([JUNE, APRIL])
    assert joined.id == "st-april" and joined.size == 14 and (joined.first_day, joined.last_day) == (100, 160)


def test_a_shared_president_does_not_weld_two_stories() -> None:
    assert kinship(APRIL, STRIKE, WEIGHTS) < kinship(APRIL, JUNE, WEIGHTS)
    found = matches(150, ["norland", "vessa", "president-hale", "minister-orr"], ["quota", "fisheries"],
                    [APRIL, STRIKE], WEIGHTS)
    assert found == ["st-april"]


def test_a_report_outside_the_window_starts_its_own_story() -> None:
    assert matches(400, ["norland", "vessa", "minister-orr"], ["quota"], [APRIL], WEIGHTS) == []
