"""The merge state in memory: for merging a set of reports without a store (tests,
the quality gate, library users with records in hand)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from ..model import Evidence, Extraction, Report
from . import proposals as proposal_rules
from .dates import iso
from .events import EVENT_CANDIDATES, add_to_head, head_member, head_of
from .members import EventMember, PositionMember, ProposalMember, QuoteMember, StoryMember
from .proposals import track_id
from .records import (
    Claim,
    Disagreement,
    MergedActor,
    MergedEvent,
    MergedProposal,
    MergedRecord,
    PositionTrack,
    Statement,
    Story,
)
from .statements import CANDIDATES, UNDATED_CANDIDATES, placement_in_statement
from .stories import StoryState


class MemoryState:
    keeps_evidence = True

    def __init__(self, reports: Iterable[Report], extractions: Iterable[Extraction]) -> None:
        self.reports = {r.id: r for r in reports}
        self._evidence: dict[tuple[str, str], tuple[Evidence, ...]] = {}
        for x in extractions:
            for kind, items in (
                ("quote", x.quotes),
                ("event", x.events),
                ("proposal", x.proposals),
                ("position", x.positions),
            ):
                for item in items:
                    self._evidence[(kind, item.id)] = item.evidence  # type: ignore[attr-defined]
        self.actors: dict[str, MergedActor] = {}
        self.quotes_by_speaker: dict[str, list[QuoteMember]] = defaultdict(list)
        self.statement_quotes: dict[str, list[QuoteMember]] = defaultdict(list)
        self.statements: dict[str, Statement] = {}
        self.events_by_family: dict[str, list[EventMember]] = defaultdict(list)
        self.event_parts: dict[str, list[EventMember]] = defaultdict(list)
        self.events: dict[str, MergedEvent] = {}
        self._claims: dict[str, list[Claim]] = defaultdict(list)
        self.proposals_by_key: dict[str, list[ProposalMember]] = defaultdict(list)
        self.proposal_parts: dict[str, list[ProposalMember]] = defaultdict(list)
        self.proposal_of: dict[str, str] = {}
        self.proposals: dict[str, MergedProposal] = {}
        self.track_parts: dict[str, list[PositionMember]] = defaultdict(list)
        self.tracks: dict[str, PositionTrack] = {}
        self.stories: dict[str, StoryState] = {}
        self.story_names: dict[str, str] = {}
        self.story_reports_of: dict[str, list[str]] = defaultdict(list)
        self.term_counts: Counter[str] = Counter()
        self.conflicts: dict[str, list[Disagreement]] = {}
        self.band_quotes: dict[int, list[str]] = {}
        self.speaker_of: dict[str, str] = {}  # quote id -> its speaker (the list it is in)
        self.heads: dict[str, dict[str, Any]] = {}

    def sources(self, report_ids: Iterable[str]) -> int:
        keys = set()
        for rid in report_ids:
            report = self.reports.get(rid)
            keys.add((report.wire_group if report else None) or rid)
        return len(keys)

    def evidence(self, item_type: str, item_ids: Iterable[str]) -> dict[str, tuple[Evidence, ...]]:
        return {i: self._evidence.get((item_type, i), ()) for i in item_ids}

    def actor(self, actor_id: str) -> MergedActor | None:
        return self.actors.get(actor_id)

    def put_actor(self, actor: MergedActor) -> None:
        self.actors[actor.id] = actor

    def quote_candidates(
        self, speaker_id: str, lo: int | None, hi: int | None, bands: Sequence[int] = ()
    ) -> list[QuoteMember]:
        """As the store answers: representatives sharing a content band (with days given, only
        those of the window and undated ones), those whose days overlap lo..hi (nearest first)
        and undated ones; with no days, the latest by date."""
        members = [m for m in self.quotes_by_speaker.get(speaker_id, []) if m.rep]
        found: dict[str, QuoteMember] = {}
        if bands:
            shared: Counter[str] = Counter(q for b in bands for q in self.band_quotes.get(b, ()))
            # the members of the hits' speakers only (not every quote of the record, per quote)
            speakers = {self.speaker_of[q] for q in shared if q in self.speaker_of}
            by_id = {m.quote_id: m for s in sorted(speakers) for m in self.quotes_by_speaker.get(s, ())}
            hits = [(q, n) for q, n in shared.items() if q in by_id and _in_window(by_id[q], lo, hi)]
            for q, _n in sorted(hits, key=lambda kv: (-kv[1], kv[0]))[:CANDIDATES]:
                found[q] = by_id[q]
        if lo is None or hi is None:
            latest = sorted(members, key=lambda m: (-(m.hi or 0), m.quote_id))[:UNDATED_CANDIDATES]
            picked = latest
        else:
            middle = (lo + hi) // 2
            dated = [
                m for m in members if m.lo is not None and m.hi is not None and m.lo <= hi and m.hi >= lo
            ]
            undated = sorted((m for m in members if m.lo is None), key=lambda m: m.quote_id)
            picked = sorted(dated, key=lambda m: (abs((m.lo or 0) - middle), m.quote_id))[:CANDIDATES]
            picked += undated[:UNDATED_CANDIDATES]
        for m in picked:
            found.setdefault(m.quote_id, m)
        return [found[k] for k in sorted(found)]

    def statement_members(self, statement_id: str) -> list[QuoteMember]:
        return list(self.statement_quotes.get(statement_id, ()))

    def statement_days(self, statement_ids: Iterable[str]) -> dict[str, tuple[int, int]]:
        out = {}
        for sid in set(statement_ids):
            days = [(m.lo, m.hi) for m in self.statement_quotes.get(sid, ()) if m.exact and m.lo is not None]
            if days:
                out[sid] = (min(d[0] for d in days), max(d[1] for d in days if d[1] is not None))
        return out

    def add_quote(self, member: QuoteMember, bands: Sequence[int] = ()) -> None:
        reps = [
            m
            for m in self.statement_quotes.get(member.statement_id, ())
            if m.rep and m.language == member.language and m.direct == member.direct
        ]
        rep, indexed = placement_in_statement(member.text, member.text_key, [m.text for m in reps])
        member = replace(member, rep=rep)
        if indexed:
            for b in bands:
                self.band_quotes.setdefault(b, []).append(member.quote_id)
        self.quotes_by_speaker[member.speaker_id].append(member)
        self.speaker_of[member.quote_id] = member.speaker_id
        self.statement_quotes[member.statement_id].append(member)

    def put_statement(self, statement: Statement) -> None:
        self.statements[statement.id] = statement

    def rename_statement(self, old: str, new: str) -> None:
        moved = [replace(m, statement_id=new) for m in self.statement_quotes.pop(old, [])]
        self.statement_quotes[new].extend(moved)
        for speaker, members in self.quotes_by_speaker.items():
            self.quotes_by_speaker[speaker] = [
                replace(m, statement_id=new) if m.statement_id == old else m for m in members
            ]

    def rename_event(self, old: str, new: str) -> None:
        moved = [replace(m, merged_id=new) for m in self.event_parts.pop(old, [])]
        self.event_parts[new].extend(moved)
        for family, members in self.events_by_family.items():
            self.events_by_family[family] = [
                replace(m, merged_id=new) if m.merged_id == old else m for m in members
            ]
        if old in self.heads:
            self.heads[new] = self.heads.pop(old)

    def rename_proposal(self, old: str, new: str) -> list[tuple[str, str]]:
        moved = [replace(m, merged_id=new) for m in self.proposal_parts.pop(old, [])]
        self.proposal_parts[new].extend(moved)
        for key, members in self.proposals_by_key.items():
            self.proposals_by_key[key] = [
                replace(m, merged_id=new) if m.merged_id == old else m for m in members
            ]
        for m in moved:
            self.proposal_of[m.proposal_id] = new
        tracks = []
        for tid, positions in list(self.track_parts.items()):
            for pos in [x for x in positions if x.target == old]:
                new_tid = track_id(pos.holder_id, new)
                self.track_parts[tid] = [x for x in self.track_parts[tid] if x.position_id != pos.position_id]
                self.track_parts[new_tid].append(replace(pos, target=new, track_id=new_tid))
                tracks.append((tid, new_tid))
        return tracks

    def story_reports(self, story_id: str) -> list[str]:
        if story_id not in self.stories:
            return []
        reports = self.story_reports_of.get(story_id, ())
        published = {r: (self.reports[r].published_at or "~") if r in self.reports else "~" for r in reports}
        return sorted(reports, key=lambda r: (published[r], r))

    def first_member(self, kind: str, item_id: str) -> str | None:
        """The least member id of a statement, merged event or merged proposal, or a story's
        earliest report (what names it); None when it has none."""
        if kind == "story":
            return next(iter(self.story_reports(item_id)), None)
        if kind == "statement":
            return min((m.quote_id for m in self.statement_quotes.get(item_id, ())), default=None)
        if kind == "event":
            return min((m.event_id for m in self.event_parts.get(item_id, ())), default=None)
        return min((m.proposal_id for m in self.proposal_parts.get(item_id, ())), default=None)

    def rename_story(self, old: str, new: str) -> None:
        if old in self.stories:
            self.stories[new] = replace(self.stories.pop(old), id=new)
            self.story_names[new] = self.story_names.pop(old)
        self.story_reports_of[new] = self.story_reports_of.pop(old, [])

    def move_quote(self, quote_id: str, statement_id: str) -> str:
        """Move one quote to another statement (no longer attached); returns its old statement."""
        old = ""
        for members in self.quotes_by_speaker.values():
            for i, m in enumerate(members):
                if m.quote_id == quote_id:
                    old = m.statement_id
                    members[i] = replace(m, statement_id=statement_id, attached=False)
                    self.statement_quotes[old] = [
                        x for x in self.statement_quotes[old] if x.quote_id != quote_id
                    ]
                    self.statement_quotes[statement_id].append(members[i])
                    return old
        return old

    def drop_statement(self, statement_id: str) -> None:
        self.statements.pop(statement_id, None)
        self.statement_quotes.pop(statement_id, None)

    def event_candidates(
        self, family: str, lo: int, hi: int, terms: Sequence[str] = ()
    ) -> list[EventMember]:
        found = [
            (
                -sum(t in head["people"] or t in head["places"] for t in terms),
                abs(head["lo"] - (lo + hi) // 2),
                head["first"][0],
                mid,
            )
            for mid, head in self.heads.items()
            if head["first"][2] == family
            and head["lo"] is not None
            and head["lo"] <= hi
            and head["hi"] >= lo
            and head["lo"] >= lo - 400
        ]
        return [head_member(f[-1], self.heads[f[-1]]) for f in sorted(found)[:EVENT_CANDIDATES]]

    def story_event_candidates(self, story_id: str, family: str, terms: Sequence[str]) -> list[EventMember]:
        reports = set(self.story_reports_of.get(story_id, ()))
        found = []
        for mid, head in self.heads.items():
            shared = len({t for t in terms if t in head["people"] or t in head["places"]})
            if (head["first"] and head["first"][2] == family and shared
                    and any(m.report_id in reports for m in self.event_parts.get(mid, ()))):
                found.append((-shared, head["first"][0], mid))
        return [head_member(f[-1], self.heads[f[-1]]) for f in sorted(found)[:EVENT_CANDIDATES]]

    def story_of(self, report_id: str) -> str | None:
        return next((s for s, reports in self.story_reports_of.items() if report_id in reports), None)

    def put_event_head(self, merged_id: str, head: dict[str, Any]) -> None:
        self.heads[merged_id] = head

    def event_members(self, merged_id: str) -> list[EventMember]:
        return list(self.event_parts.get(merged_id, ()))

    def add_event(self, member: EventMember) -> None:
        self.events_by_family[member.family].append(member)
        self.event_parts[member.merged_id].append(member)
        add_to_head(self.heads.setdefault(member.merged_id, head_of([])), member)

    def put_event(self, event: MergedEvent) -> None:
        self.events[event.id] = event

    def add_claims(self, claims: Sequence[Claim]) -> None:
        for claim in claims:
            self._claims[claim.item_id].append(claim)

    def claims(self, item_ids: Iterable[str]) -> list[Claim]:
        return [c for i in item_ids for c in self._claims.get(i, ())]

    def proposal_candidates(self, key: str, story_id: str) -> list[ProposalMember]:
        reports = set(self.story_reports_of.get(story_id, ()))
        found = sorted((m for m in self.proposals_by_key.get(key, ()) if m.report_id in reports),
                       key=lambda m: m.proposal_id)
        return found[:50]

    def proposal_members(self, merged_id: str) -> list[ProposalMember]:
        return list(self.proposal_parts.get(merged_id, ()))

    def merged_proposal_of(self, proposal_id: str) -> str | None:
        return self.proposal_of.get(proposal_id)

    def add_proposal(self, member: ProposalMember) -> None:
        self.proposals_by_key[member.key].append(member)
        self.proposal_parts[member.merged_id].append(member)
        self.proposal_of[member.proposal_id] = member.merged_id

    def put_proposal(self, proposal: MergedProposal) -> None:
        self.proposals[proposal.id] = proposal

    def track_members(self, track_id: str) -> list[PositionMember]:
        return list(self.track_parts.get(track_id, ()))

    def track_latest(self, track_id: str) -> PositionMember | None:
        return proposal_rules.latest(self.track_parts.get(track_id, ()))

    def track_sources(self, track_id: str) -> int:
        return self.sources(m.report_id for m in self.track_parts.get(track_id, ()))

    def add_position(self, member: PositionMember) -> None:
        self.track_parts[member.track_id].append(member)

    def put_track(self, track: PositionTrack) -> None:
        self.tracks[track.id] = track

    def drop_event(self, merged_id: str) -> None:
        self.events.pop(merged_id, None)
        self.heads.pop(merged_id, None)

    def drop_proposal(self, merged_id: str) -> None:
        self.proposals.pop(merged_id, None)

    def drop_track(self, track_id: str) -> None:
        self.tracks.pop(track_id, None)

    def story_candidates(self, lo: int | None, hi: int | None, terms: Sequence[str] = ()) -> list[StoryState]:
        return [
            s
            for s in self.stories.values()
            if lo is None
            or hi is None
            or s.last_day is None
            or ((s.first_day or 0) <= hi and s.last_day >= lo)
        ]

    def person_ids(self, family: str) -> list[str]:
        return [a for a in self.actors if a.startswith("person:") and a.endswith("-" + family)]

    def people_named(self, first: str) -> list[str]:
        return [a for a in self.actors if a.startswith(f"person:{first}-")]

    def people_of(self, affiliation: str) -> list[str]:
        return sorted(a.id for a in self.actors.values()
                      if a.kind == "person" and any(r.affiliation == affiliation for r in a.roles))

    def term_reports(self, terms: Sequence[str]) -> tuple[int, dict[str, int]]:
        return sum(len(r) for r in self.story_reports_of.values()), {t: self.term_counts[t] for t in terms}

    def count_stories(self, story_ids: Iterable[str]) -> None:
        """Nothing kept: the reports of a story in memory are counted where they are read."""

    def absorb_stories(self, into: str, absorbed: Sequence[str]) -> None:
        for sid in absorbed:
            self.stories.pop(sid, None)
            self.story_names.pop(sid, None)
            self.story_reports_of[into].extend(self.story_reports_of.pop(sid, []))

    def put_story(self, story: StoryState, member: StoryMember, name: str) -> None:
        self.term_counts.update(dict.fromkeys(
            [f"a:{a}" for a in member.actor_ids] + [f"k:{k}" for k in member.keywords], 1))
        self.stories[story.id] = story
        self.story_names[story.id] = name
        self.story_reports_of[story.id].append(member.report_id)

    def put_conflicts(self, item_id: str, conflicts: Sequence[Disagreement]) -> None:
        if conflicts:
            self.conflicts[item_id] = list(conflicts)
        else:
            self.conflicts.pop(item_id, None)

    def record(self) -> MergedRecord:
        stories = tuple(
            Story(
                id=s.id,
                name=self.story_names[s.id],
                keywords=tuple(w for w, _n in sorted(s.keywords.items(), key=lambda kv: (-kv[1], kv[0]))[:8]),
                report_ids=tuple(self.story_reports_of[s.id]),
                first_date=iso(s.first_day) if s.first_day else None,
                last_date=iso(s.last_day) if s.last_day else None,
            )
            for s in sorted(self.stories.values(), key=lambda s: s.id)
        )
        return MergedRecord(
            actors=tuple(self.actors[k] for k in sorted(self.actors)),
            statements=tuple(self.statements[k] for k in sorted(self.statements)),
            events=tuple(self.events[k] for k in sorted(self.events)),
            proposals=tuple(self.proposals[k] for k in sorted(self.proposals)),
            positions=tuple(self.tracks[k] for k in sorted(self.tracks)),
            conflicts=tuple(c for k in sorted(self.conflicts) for c in self.conflicts[k]),
            stories=stories,
            statement_of={m.quote_id: m.statement_id for ms in self.statement_quotes.values() for m in ms},
            event_of={m.event_id: m.merged_id for ms in self.event_parts.values() for m in ms},
        )


def _in_window(m: QuoteMember, lo: int | None, hi: int | None) -> bool:
    """A wording that may be a remark of the days lo..hi: undated, or overlapping them (any,
    when no days are given)."""
    if lo is None or hi is None or m.lo is None or m.hi is None:
        return True
    return m.lo <= hi and m.hi >= lo
