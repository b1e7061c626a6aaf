"""The merged record: what the merge stage returns.

Extracted items (one per report) come in; merged items (one per thing in the world) come
out, each listing the extracted items it was built from (``member_ids``) and all their
evidence.  Independent sources are counted over reports, a wire story and its copies
counting once.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Conflict, Evidence, Precision, Role, Variant


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """A report says an attribute of an extracted item has a value ("about five hours").

    ``norm`` is the comparable form (``"5h"``); two claims on one merged item with
    different ``norm`` s are a conflict.
    """

    item_id: str  # the extracted item (event id, proposal id, quote id) the claim is about
    attribute: str  # duration | points | date | wording | participants
    value: str
    norm: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class MergedActor:
    id: str
    name_en: str | None
    name_ja: str | None
    kind: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]  # each with its evidence; a role that changed keeps both, dated
    member_ids: tuple[str, ...]  # the actor ids (spellings) merged into this one
    evidence: tuple[Evidence, ...]
    # every distinct role mention (title, affiliation, until) with its earliest date and first
    # spans: the roles are folded from these in a fixed order, whatever order reports come in
    mentions: tuple[Role, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Wording:
    """One report's wording of a statement (a quote), with its own evidence."""

    quote_id: str
    report_id: str
    language: str
    text: str
    direct: bool
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Statement:
    id: str
    speaker_id: str | None
    said_on: str | None
    said_on_precision: Precision
    wordings: tuple[Wording, ...]
    sources: int  # independent sources (wire copies count once)
    report_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class MergedEvent:
    id: str
    kind: str
    date: str | None
    date_precision: Precision
    place: str | None
    participant_ids: tuple[str, ...]  # named by two independent sources (all, for a lone source)
    summary: str
    member_ids: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    sources: int
    all_participant_ids: tuple[str, ...] = ()  # everyone any member names


@dataclass(frozen=True, slots=True, kw_only=True)
class ProposalVersion:
    name: str
    first_reported: str | None
    member_ids: tuple[str, ...]
    stage: str = "original"  # original | refined | revised
    points: str | None = None  # the count most sources give this version ("19 points")


@dataclass(frozen=True, slots=True, kw_only=True)
class MergedProposal:
    id: str
    name: str
    author_ids: tuple[str, ...]
    first_reported: str | None
    versions: tuple[ProposalVersion, ...]  # original, refined, revised: the lineage's texts
    member_ids: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    sources: int


@dataclass(frozen=True, slots=True, kw_only=True)
class StanceChange:
    stance: str
    as_of: str | None
    position_id: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class PositionTrack:
    """The latest stance of a holder on a target (a merged proposal, or an issue).

    Its history is its members, oldest first (:func:`communique.merge.proposals.changes`): a
    track of a holder in every story grows with the store, so the history is read from the
    members where it is wanted, never rewritten whole when one member joins (issue 12)."""

    id: str
    holder_id: str
    target: str  # merged proposal id, or "issue:<name>"
    stance: str  # the stance of the latest member (:func:`communique.merge.proposals.latest`)
    as_of: str | None
    sources: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Story:
    id: str
    name: str
    keywords: tuple[str, ...]
    report_ids: tuple[str, ...]
    first_date: str | None
    last_date: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class SourcedVariant:
    value: str
    evidence: tuple[Evidence, ...]
    sources: int  # independent sources for this version


@dataclass(frozen=True, slots=True, kw_only=True)
class Disagreement:
    """Reports disagree about one attribute of one merged item: every version is kept."""

    id: str
    topic: str  # e.g. "duration of meeting (Moscow, 2025-12-02)"
    attribute: str  # date | duration | points | wording
    item_id: str  # the merged item (statement, event, proposal)
    item_ids: tuple[str, ...]  # the merged item, then the extracted items that disagree
    variants: tuple[SourcedVariant, ...]  # most independent sources first

    def to_conflict(self) -> Conflict:
        return Conflict(
            id=self.id,
            topic=self.topic,
            item_ids=self.item_ids,
            variants=tuple(Variant(value=v.value, evidence=v.evidence) for v in self.variants),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class MergedRecord:
    actors: tuple[MergedActor, ...]
    statements: tuple[Statement, ...]
    events: tuple[MergedEvent, ...]
    proposals: tuple[MergedProposal, ...]
    positions: tuple[PositionTrack, ...]
    conflicts: tuple[Disagreement, ...]
    stories: tuple[Story, ...]
    statement_of: dict[str, str]  # quote id -> statement id
    event_of: dict[str, str]  # extracted event id -> merged event id
