"""Proposals and their versions, and positions over time.

A proposal mention is keyed by the number of points its name gives ("28-point plan",
「28項目の和平案」 -> ``points:28``), else by its authors and kind, else by its normalized
name; mentions with one key are one proposal, and its distinct names are its versions.
A position track is one holder on one target (a merged proposal, or an issue); the latest
stance is current and every earlier one is kept as history.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence

from ..extract.gazetteer import key
from .facets import POINTS_EN, POINTS_JA, _fmt, _number
from .members import PositionMember, ProposalMember
from .records import ProposalVersion, StanceChange

_COUNTER = re.compile(r"counter|対案|対抗", re.IGNORECASE)


def proposal_key(name: str, author_ids: Sequence[str]) -> str:
    flat = unicodedata.normalize("NFKC", name)
    for pattern in (POINTS_EN, POINTS_JA):
        match = pattern.search(flat)
        if match and (value := _number(match.group(1))) is not None:
            return f"points:{_fmt(value)}"
    if author_ids:
        kind = "counter" if _COUNTER.search(flat) else "plan"
        return f"authors:{'+'.join(sorted(author_ids))}:{kind}"
    return "name:" + key(flat)


def merged_proposal_id(first_id: str) -> str:
    return "pr-" + hashlib.sha256(first_id.encode()).hexdigest()[:16]


def versions(members: Sequence[ProposalMember]) -> tuple[ProposalVersion, ...]:
    by_name: dict[str, list[ProposalMember]] = {}
    for m in members:
        by_name.setdefault(key(m.name), []).append(m)
    out = [
        ProposalVersion(
            name=group[0].name,
            first_reported=min((m.first_reported for m in group if m.first_reported), default=None),
            member_ids=tuple(m.proposal_id for m in group),
        )
        for group in by_name.values()
    ]
    return tuple(sorted(out, key=lambda v: (v.first_reported or "9999", v.name)))


def track_id(holder_id: str, target: str) -> str:
    return "pt-" + hashlib.sha256(f"{holder_id}|{target}".encode()).hexdigest()[:16]


def history(members: Sequence[PositionMember]) -> list[PositionMember]:
    """Oldest first; undated stances first of all (they cannot be placed)."""
    return sorted(members, key=lambda m: (m.as_of or "", m.position_id))


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
