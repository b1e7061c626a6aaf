"""Proposals and their versions, and positions over time.

A proposal is a lineage of texts: the plan first tabled, the version refined in talks
("updated and refined peace framework", 「練り上げられた和平の枠組み」), a revised version
sent back ("Ukraine's revised 20-point plan", 「修正和平案」).  Counter-proposals ("the
European counter-proposal", 「欧州の対案」) are lineages of their own, by author.  A
mention's version is read from its name (refined / revised wording); a mention that only
gives a point count ("the 20-point plan") is the version most sources give that count.
Point counts are claims on a version: reports that give one version different counts are
a conflict; different versions having different counts is not.
A position track is one holder on one target (a merged proposal, or an issue); the latest
stance is current and every earlier one is kept as history.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

from ..extract.gazetteer import key
from .facets import POINTS_EN, POINTS_JA, _fmt, _number
from .members import PositionMember, ProposalMember
from .records import Claim, ProposalVersion, StanceChange

_COUNTER = re.compile(r"counter|対案|対抗", re.IGNORECASE)
ORIGINAL, REFINED, REVISED = "original", "refined", "revised"
STAGES = (ORIGINAL, REFINED, REVISED)
_STAGE_CUES = (
    (REVISED, re.compile(r"\b(?:revised|amended|modified)\b|修正|改訂|改定", re.IGNORECASE)),
    (
        REFINED,
        re.compile(
            r"\b(?:refined|updated|framework|trimmed|streamlined|shortened|shorter|slimmed)\b|"
            r"枠組み|練り上げ|アップデート|更新|絞り込",
            re.IGNORECASE,
        ),
    ),
    (ORIGINAL, re.compile(r"\b(?:original|initial|leaked|first)\b|当初|原案|最初", re.IGNORECASE)),
)


def proposal_key(name: str, author_ids: Sequence[str]) -> str:
    """The lineage a mention belongs to: a counter-proposal by its authors (or name), every
    other plan of the story one lineage whose versions are told apart by :func:`stage`."""
    flat = unicodedata.normalize("NFKC", name)
    if _COUNTER.search(flat):
        return "counter:" + ("+".join(sorted(author_ids)) if author_ids else key(flat))
    return "plan"


def stage(name: str) -> str | None:
    """The version a mention's own wording names (None: it does not say)."""
    flat = unicodedata.normalize("NFKC", name)
    for found, pattern in _STAGE_CUES:
        if pattern.search(flat):
            return found
    return None


def points(name: str) -> str | None:
    """The point count a mention's name gives ("28-point plan" -> "28 points")."""
    flat = unicodedata.normalize("NFKC", name)
    for pattern in (POINTS_EN, POINTS_JA):
        match = pattern.search(flat)
        if match and (value := _number(match.group(1))) is not None:
            return _fmt(value) + " points"
    return None


def merged_proposal_id(first_id: str) -> str:
    return "pr-" + hashlib.sha256(first_id.encode()).hexdigest()[:16]


def _next(version: str) -> str:
    return REFINED if version == ORIGINAL else version


def resolve(
    members: Sequence[ProposalMember], claims: Sequence[Claim]
) -> tuple[dict[str, str], list[tuple[str, Claim]]]:
    """The version of each member (proposal id -> stage) and of each point-count claim.

    Members whose name says its version keep it; a claim next to them is about that version,
    or about the next one when the text says the plan was cut to that count.  Then a member
    that only gives a count is the version most of those claims give that count, else the
    original.
    """
    by_member = {m.proposal_id: m for m in members}
    named = {m.proposal_id: stage(m.name) for m in members}
    versioned: list[tuple[str, Claim]] = []
    pending: list[Claim] = []

    def place(claim: Claim, base: str) -> str:
        step = claim.attribute[len("points") :]
        return ORIGINAL if step == "<" else _next(base) if step == ">" else base

    for claim in claims:
        if not claim.attribute.startswith("points"):
            continue
        base = named.get(claim.item_id)
        if base is None and claim.attribute == "points":
            pending.append(claim)
        else:
            versioned.append((place(claim, base or ORIGINAL), claim))
    counts: dict[str, Counter[str]] = {}
    for version, claim in versioned:
        counts.setdefault(claim.norm, Counter())[version] += 1
    stages: dict[str, str] = {}
    for pid, m in by_member.items():
        if named[pid] is not None:
            stages[pid] = named[pid]  # type: ignore[assignment]
            continue
        count = points(m.name)
        known = counts.get(count or "")
        stages[pid] = (
            min(known.items(), key=lambda kv: (-kv[1], STAGES.index(kv[0])))[0] if known else ORIGINAL
        )
    for claim in pending:
        versioned.append((stages.get(claim.item_id, ORIGINAL), claim))
    return stages, versioned


def versions(
    members: Sequence[ProposalMember], stages: dict[str, str] | None = None
) -> tuple[ProposalVersion, ...]:
    """One version per stage, named by its commonest mention, oldest first."""
    stages = stages or {m.proposal_id: stage(m.name) or ORIGINAL for m in members}
    by_stage: dict[str, list[ProposalMember]] = {}
    for m in members:
        by_stage.setdefault(stages.get(m.proposal_id, ORIGINAL), []).append(m)
    out = []
    for found, group in by_stage.items():
        names = Counter(m.name for m in group)
        out.append(
            ProposalVersion(
                name=min(names.items(), key=lambda kv: (-kv[1], kv[0]))[0],
                first_reported=min((m.first_reported for m in group if m.first_reported), default=None),
                member_ids=tuple(m.proposal_id for m in group),
                stage=found,
            )
        )
    return tuple(sorted(out, key=lambda v: (STAGES.index(v.stage), v.first_reported or "9999", v.name)))


def track_id(holder_id: str, target: str) -> str:
    return "pt-" + hashlib.sha256(f"{holder_id}|{target}".encode()).hexdigest()[:16]


def _order(m: PositionMember) -> tuple[str, str]:
    return (m.as_of or "", m.position_id)


def history(members: Sequence[PositionMember]) -> list[PositionMember]:
    """Oldest first; undated stances first of all (they cannot be placed)."""
    return sorted(members, key=_order)


def latest(members: Iterable[PositionMember]) -> PositionMember | None:
    """The last of :func:`history`: the current stance (a store finds it through its index of
    members by track, date and id, in that order)."""
    return max(members, key=_order, default=None)


def changes(members: Sequence[PositionMember], evidence: dict[str, tuple]) -> tuple[StanceChange, ...]:
    return tuple(
        StanceChange(
            stance=m.stance,
            as_of=m.as_of,
            position_id=m.position_id,
            evidence=evidence.get(m.position_id, ()),
        )
        for m in history(members)
    )
