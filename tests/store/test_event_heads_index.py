"""The index of what merged-event heads name (migration 0013) finds the same candidates, in the
same order, as searching each head's JSON text for each term: the merged record cannot depend on
which of the two answered."""

from __future__ import annotations

import json
import random

from communique.merge.events import EVENT_CANDIDATES, add_to_head, head_member, head_of
from communique.merge.members import EventMember
from communique.model import Precision
from communique.store import SQLiteStore
from communique.store.merged import StoreState

PEOPLE = ["ukraine", "russia", "donald-trump", "person:steve-witkoff", "anon:united-states",
          'odd"name', "back\\slash", "people", "12", "meeting", ", x"]
PLACES = ["geneva", "miami", "florida", "ukraine", None, None]


def _member(rng: random.Random, n: int, merged_id: str) -> EventMember:
    lo = 1000 + rng.randrange(0, 40)
    hi = lo + rng.choice([0, 0, 0, 3, 30])
    place = rng.choice(PLACES)
    return EventMember(
        event_id=f"e-{n:05d}", merged_id=merged_id, report_id=f"r{n}", kind="meeting",
        family=rng.choice(["meeting", "meeting", "statement"]), lo=lo, hi=hi, exact=lo == hi,
        date=None, date_precision=Precision.UNKNOWN, place=place, place_key=place,
        participant_ids=tuple(sorted(set(rng.sample(PEOPLE, rng.randrange(0, 3))))), summary="",
    )


def _searched(heads: dict[str, dict], family: str, lo: int, hi: int, terms: list[str]) -> list[EventMember]:
    """The candidates as the text search gives them (the reference)."""
    mid = (lo + hi) // 2
    found = []
    for mid_id, head in heads.items():
        if head["first"][2] != family or head["lo"] is None or head["hi"] is None:
            continue
        if not (head["lo"] <= hi and head["hi"] >= lo and head["lo"] >= lo - 400):
            continue
        text = json.dumps(head)
        shared = sum(json.dumps(t) in text for t in terms)
        found.append(((-shared, abs(head["lo"] - mid), head["first"][0]), mid_id))
    return [head_member(k, heads[k]) for _rank, k in sorted(found)[:EVENT_CANDIDATES]]


def _window(rng: random.Random) -> tuple[str, int, int]:
    """A family and a day window to ask for candidates in (a day, a few days, a month)."""
    family = rng.choice(["meeting", "statement"])
    lo = 995 + rng.randrange(0, 50)
    return family, lo, lo + rng.choice([0, 2, 30])


def test_event_candidates_are_those_the_text_search_finds(db):
    rng = random.Random(7)
    heads: dict[str, dict] = {}
    with SQLiteStore(db) as store, store.transaction():
        state = StoreState(store)
        for n in range(600):
            merged_id = f"ev-{rng.randrange(0, 250):04d}"
            m = _member(rng, n, merged_id)
            if merged_id in heads and heads[merged_id]["first"][2] != m.family:
                continue
            add_to_head(heads.setdefault(merged_id, head_of([])), m)
            state.put_event_head(merged_id, heads[merged_id])
        state.rename_event("ev-0001", "ev-9999")  # renamed and dropped heads leave the index too
        heads["ev-9999"] = heads.pop("ev-0001")
        state.drop_event("ev-0002")
        heads.pop("ev-0002")
        for _ in range(300):
            family, lo, hi = _window(rng)
            terms = rng.sample(PEOPLE + ["geneva", "florida", "nobody"], rng.randrange(0, 4))
            terms += rng.sample(terms, min(1, len(terms)))  # a term given twice counts twice
            assert state.event_candidates(family, lo, hi, terms) == _searched(heads, family, lo, hi, terms)


def test_the_nearest_heads_are_those_a_sort_of_the_window_gives(db):
    """Read from both sides of the middle day, with the farthest day read again whole: the same
    heads, in the same order, as sorting every head of the window by distance, then least member
    (many heads on one day, few wanted: the cut falls inside a day)."""
    rng = random.Random(11)
    heads: dict[str, dict] = {}
    with SQLiteStore(db) as store, store.transaction():
        state = StoreState(store)
        for n in range(500):
            merged_id = f"ev-{n:04d}"
            m = _member(rng, n, merged_id)
            heads[merged_id] = head_of([m])
            state.put_event_head(merged_id, heads[merged_id])
        for _ in range(200):
            family, lo, hi = _window(rng)
            mid = (lo + hi) // 2
            want = rng.choice([1, 3, 7, 20, 100])
            skip = set(rng.sample(sorted(heads), 5))
            window = [(abs(h["lo"] - mid), h["first"][0], k) for k, h in heads.items()
                      if h["first"][2] == family and h["lo"] is not None and lo - 400 <= h["lo"] <= hi
                      and h["hi"] >= lo and k not in skip]
            expected = [k for *_rank, k in sorted(window)[:want]]
            assert [r[0] for r in state._nearest_heads(family, lo, hi, mid, want, skip)] == expected
