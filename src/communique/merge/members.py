"""What the merge keeps of each extracted item to decide where new items belong.

A member is the index entry of one extracted item inside one merged item: the keys used
to find candidates (speaker and day interval, event family and day interval, proposal
key) and what the decision needs (texts, places, participants).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Precision


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteMember:
    quote_id: str
    statement_id: str
    report_id: str
    speaker_id: str
    lo: int | None  # day interval; None when nothing is known
    hi: int | None
    exact: bool
    said_on: str | None
    said_on_precision: Precision
    language: str
    text: str
    direct: bool
    start: int  # evidence in its report, to recognise a quote split by its attribution
    end: int
    attached: bool = False  # placed only as the second half of a split quote: attracts no other quote
    text_key: str = ""  # the normalised wording's hash (its vector's key)
    rep: bool = True  # one of its statement's representative wordings (a candidate for new quotes)


@dataclass(frozen=True, slots=True, kw_only=True)
class EventMember:
    event_id: str
    merged_id: str
    report_id: str
    kind: str
    family: str
    lo: int | None
    hi: int | None
    exact: bool
    date: str | None
    date_precision: Precision
    place: str | None
    place_key: str | None
    participant_ids: tuple[str, ...]
    summary: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ProposalMember:
    proposal_id: str
    merged_id: str
    report_id: str
    key: str
    name: str
    author_ids: tuple[str, ...]
    first_reported: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class PositionMember:
    position_id: str
    track_id: str
    report_id: str
    holder_id: str
    target: str
    stance: str
    as_of: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryMember:
    report_id: str
    story_id: str
    day: int | None
    actor_ids: tuple[str, ...]
    keywords: tuple[str, ...]
