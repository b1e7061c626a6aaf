"""Merging one report into the record: the decisions, against a :class:`State`.

The state answers candidate look-ups by indexed keys (speaker and day window, event
family and day window, proposal key) and keeps the members; it lives in memory
(:class:`~communique.merge.memory.MemoryState`) or in the store
(``communique.store.merged``).  Adding a report touches only the merged items its own
items join, so adding one report to 10,000 costs about what adding it to 10 does.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any, Protocol, TypeVar

from ..extract import said_days, written_days
from ..extract.gazetteer import Gazetteer
from ..extract.gazetteer import load as load_gazetteer
from ..model import Event, Evidence, Extraction, Precision, Quote, Report
from . import events as event_rules
from . import proposals as proposal_rules
from . import statements as statement_rules
from . import stories as story_rules
from .actors import (
    by_family_name,
    canonical_id,
    given_and_family,
    language_of,
    merge_actor,
    name_variant,
    spelling_variant,
)
from .dates import interval, is_exact, parse_day
from .facets import claims as find_claims
from .identity import office_holder, same_by_reading
from .members import EventMember, PositionMember, ProposalMember, QuoteMember, StoryMember
from .records import (
    Claim,
    Disagreement,
    MergedActor,
    MergedEvent,
    MergedProposal,
    PositionTrack,
    SourcedVariant,
    Statement,
    Wording,
)
from .similarity import CachedEncoder, bands, default_encoder, text_key
from .stories import StoryState

UNDATED_SPREAD = 3  # days the dated remarks an undated report shares may lie apart to date it
QUOTED_AFTER = 3  # days after the remarks it shares an undated report may have been published
STORY_AFTER = 30  # days after its story's last dated report an undated report may have been published
STORY_BEFORE = 7  # days before its story's first dated report a remark an undated report tells was said


class State(Protocol):
    keeps_evidence: bool  # the merged records keep every member's evidence (else only conflicts do)

    def sources(self, report_ids: Iterable[str]) -> int: ...
    def evidence(self, item_type: str, item_ids: Iterable[str]) -> dict[str, tuple[Evidence, ...]]: ...
    def actor(self, actor_id: str) -> MergedActor | None: ...
    def put_actor(self, actor: MergedActor) -> None: ...
    def quote_candidates(
        self, speaker_id: str, lo: int | None, hi: int | None, bands: Sequence[int] = ()
    ) -> list[QuoteMember]: ...
    def statement_members(self, statement_id: str) -> list[QuoteMember]: ...
    def statement_days(self, statement_ids: Iterable[str]) -> dict[str, tuple[int, int]]: ...
    def add_quote(self, member: QuoteMember, bands: Sequence[int] = ()) -> None: ...
    def put_statement(self, statement: Statement) -> None: ...
    def rename_statement(self, old: str, new: str) -> None: ...
    def rename_event(self, old: str, new: str) -> None: ...
    def rename_proposal(self, old: str, new: str) -> list[tuple[str, str]]: ...
    def rename_story(self, old: str, new: str) -> None: ...
    def story_reports(self, story_id: str) -> list[str]: ...
    def first_member(self, kind: str, item_id: str) -> str | None: ...
    def move_quote(self, quote_id: str, statement_id: str) -> str: ...
    def drop_statement(self, statement_id: str) -> None: ...
    def event_candidates(
        self, family: str, lo: int, hi: int, terms: Sequence[str] = ()
    ) -> list[EventMember]: ...
    def story_event_candidates(
        self, story_id: str, family: str, terms: Sequence[str]
    ) -> list[EventMember]: ...
    def story_of(self, report_id: str) -> str | None: ...
    def put_event_head(self, merged_id: str, head: dict[str, Any]) -> None: ...
    def event_members(self, merged_id: str) -> list[EventMember]: ...
    def add_event(self, member: EventMember) -> None: ...
    def put_event(self, event: MergedEvent) -> None: ...
    def add_claims(self, claims: Sequence[Claim]) -> None: ...
    def claims(self, item_ids: Iterable[str]) -> list[Claim]: ...
    def proposal_candidates(self, key: str, story_id: str) -> list[ProposalMember]: ...
    def proposal_members(self, merged_id: str) -> list[ProposalMember]: ...
    def merged_proposal_of(self, proposal_id: str) -> str | None: ...
    def add_proposal(self, member: ProposalMember) -> None: ...
    def put_proposal(self, proposal: MergedProposal) -> None: ...
    def track_latest(self, track_id: str) -> PositionMember | None: ...
    def track_sources(self, track_id: str) -> int: ...
    def add_position(self, member: PositionMember) -> None: ...
    def put_track(self, track: PositionTrack) -> None: ...
    def drop_event(self, merged_id: str) -> None: ...
    def drop_proposal(self, merged_id: str) -> None: ...
    def drop_track(self, track_id: str) -> None: ...
    def story_candidates(self, lo: int | None, hi: int | None, terms: Sequence[str]) -> list[StoryState]: ...
    def put_story(self, story: StoryState, member: StoryMember, name: str) -> None: ...
    def absorb_stories(self, into: str, absorbed: Sequence[str]) -> None: ...
    def count_stories(self, story_ids: Iterable[str]) -> None: ...
    def person_ids(self, family: str) -> list[str]: ...
    def people_named(self, first: str) -> list[str]: ...
    def people_of(self, affiliation: str) -> list[str]: ...
    def term_reports(self, terms: Sequence[str]) -> tuple[int, dict[str, int]]: ...
    def put_conflicts(self, item_id: str, conflicts: Sequence[Disagreement]) -> None: ...


_M = TypeVar("_M", QuoteMember, EventMember)


def conflict_id(item_id: str, attribute: str) -> str:
    return "c-" + hashlib.sha256(f"{item_id}|{attribute}".encode()).hexdigest()[:16]


class Merger:
    def __init__(
        self, state: State, encoder: CachedEncoder | None = None, gazetteer: Gazetteer | None = None
    ) -> None:
        self.state = state
        self.encoder = encoder or default_encoder()
        self.gazetteer = gazetteer or load_gazetteer()
        self.touched: dict[str, set[str]] = {}  # merged items to recompute (kind -> ids)
        # merged actors known to exist while one report is merged (none is removed meanwhile):
        # a report names its speakers dozens of times, each would read and parse the actor's row
        self._known: set[str] = set()
        # what is known of an undated report's time while it is merged: the days of the remarks
        # it shares with dated reports, and the days of its story's dated reports
        self._said: tuple[int, int] | None = None
        self._story_days: tuple[int, int] | None = None
        self._same: dict[str, str] = {}  # this report's people found in the record by their role

    def canonical(self, actor_id: str | None) -> str | None:
        if actor_id in self._same:
            return self._same[actor_id]
        cid = canonical_id(actor_id, self.gazetteer)
        if not cid or not cid.startswith("person:") or cid in self._known:
            return cid
        if self.state.actor(cid) is not None:
            self._known.add(cid)
            return cid
        name = cid[len("person:"):]
        if "-" not in name:
            return by_family_name(cid, self.state.person_ids(name)) or cid
        named = self.state.people_named(name.split("-", 1)[0])
        if found := spelling_variant(cid, named):
            return found
        # a transliteration of the name of someone in the record: looked up by given name and
        # by family name (Esmail Baqaei: Esmaeil Baqaei; Sayyid Badr Al-Busaidi: Badr al-Busaidi)
        given, family = given_and_family(cid) or (name, name)
        known = {*named, *self.state.people_named(given), *self.state.person_ids(family)}
        return name_variant(cid, known) or cid

    def _speaker(self, q: Quote, published: str | None) -> str:
        """The quote's speaker; an unnamed one described by an office (「オマーンの外相」) is the
        one person of the record holding it, if the record has one."""
        sid = self.canonical(q.speaker_id) or ""
        if sid.startswith("anon:"):
            day = q.said_on or published
            return office_holder(self.state, self.gazetteer, sid, q.speaker_text, day) or sid
        return sid

    # -- one report ----------------------------------------------------------------
    def add(self, report: Report, extraction: Extraction, *, story: bool = True) -> dict[str, int]:
        """Merge one report's extracted items; returns counts of what it touched.

        The report's items join merged items (a bounded look-up each); the merged items they
        touch are recomputed from their members later, once per item, by :meth:`flush` (what
        they say is never an input to placing an item, so when they are recomputed does not
        change the record)."""
        published = report.published_at
        self._known = set()  # a record taken back between two reports may have lost some
        self._said = self._story_days = None
        self._same = {}
        for actor in extraction.actors:
            cid = self.canonical(actor.id) or actor.id
            if cid not in self._known and (found := same_by_reading(self.state, self.gazetteer, actor,
                                                                    published)):
                self._same[actor.id] = cid = found  # 「オマーンのバドル外相」: Badr al-Busaidi
            self.state.put_actor(merge_actor(self.state.actor(cid), actor, cid, self.gazetteer, published))
            self._known.add(cid)
        if story:  # first: an undated report's events are placed among its story's
            self._story(report, extraction)
        statements = self._quotes(report, extraction)
        self.state.add_claims(find_claims(report, extraction.events, extraction.proposals))
        story_id = self.state.story_of(report.id)  # once: undated events and plans are the story's
        merged_events = self._events(report, extraction, story_id)
        merged_proposals = self._proposals(report, extraction, story_id)
        tracks = self._positions(report, extraction)
        for kind, ids in (
            ("statement", statements),
            ("event", merged_events),
            ("proposal", merged_proposals),
            ("track", tracks),
        ):
            self.touched.setdefault(kind, set()).update(ids)
        return {
            "statements": len(statements),
            "events": len(merged_events),
            "proposals": len(merged_proposals),
            "positions": len(tracks),
        }

    def flush(self, touched: dict[str, set[str]] | None = None) -> int:
        """Recompute every merged item touched since the last flush (and ``touched``) from its
        members; returns how many."""
        pending = self.touched
        for kind, ids in (touched or {}).items():
            pending.setdefault(kind, set()).update(ids)
        self.touched = {}
        self._canonical_ids(pending)
        for kind, ids in self.touched.items():  # tracks that followed a renamed proposal
            pending.setdefault(kind, set()).update(ids)
        self.touched = {}
        self.state.count_stories(pending.pop("story", ()))
        refresh = {
            "statement": self.refresh_statement,
            "event": self.refresh_event,
            "proposal": self.refresh_proposal,
            "track": self.refresh_track,
        }
        done = 0
        for kind in ("statement", "event", "proposal", "track"):
            for item_id in sorted(pending.get(kind, ())):
                refresh[kind](item_id)
                done += 1
        return done

    def _canonical_ids(self, pending: dict[str, set[str]]) -> None:
        """Ids from content, whatever order the reports came in: a statement is named by its
        least quote id, a merged event by its least event id, a merged proposal by its
        least proposal id, a story by its earliest report (publication time, then id).
        Renamed in two steps (through a temporary id), so two items trading names never meet."""
        for kind, name_of, rename in (
            ("statement", statement_rules.statement_id, self.state.rename_statement),
            ("event", event_rules.merged_id, self.state.rename_event),
            ("proposal", proposal_rules.merged_proposal_id, self._rename_proposal),
            ("story", story_rules.story_id, self.state.rename_story),
        ):
            renames: dict[str, str] = {}
            for item_id in sorted(pending.get(kind, ())):
                # only the first member names the item: the state finds it without reading the
                # others (a statement a thousand reports quote is not read whole to be named)
                first = self.state.first_member(kind, item_id)
                if first is not None and (want := name_of(first)) != item_id:  # type: ignore[operator]
                    renames[item_id] = want
            for old in renames:
                rename(old, "tmp:" + old)  # type: ignore[operator]
            for old, new in renames.items():
                rename("tmp:" + old, new)  # type: ignore[operator]
                pending.setdefault(kind, set()).add(new)

    def _rename_proposal(self, old: str, new: str) -> None:
        for old_track, new_track in self.state.rename_proposal(old, new):
            self.touched.setdefault("track", set()).update((old_track, new_track))

    def _quotes(self, report: Report, extraction: Extraction) -> set[str]:
        fresh: list[QuoteMember] = []
        for q in sorted(extraction.quotes, key=lambda q: (q.evidence[0].start if q.evidence else 0, q.id)):
            span = interval(q.said_on, q.said_on_precision, report.published_at)
            ev = q.evidence[0] if q.evidence else Evidence(report_id=report.id, start=0, end=0)
            fresh.append(
                QuoteMember(
                    quote_id=q.id,
                    statement_id="",
                    report_id=report.id,
                    speaker_id=self._speaker(q, report.published_at),
                    lo=span[0] if span else None,
                    hi=span[1] if span else None,
                    exact=is_exact(q.said_on_precision),
                    said_on=q.said_on,
                    said_on_precision=Precision(q.said_on_precision),
                    language=q.language,
                    text=q.text,
                    text_key=text_key(q.text),
                    direct=q.direct,
                    start=ev.start,
                    end=ev.end,
                )
            )
        fresh = statement_rules.placing_order(fresh)  # quoted words before the clause holding them
        # the encoder runs once over the report's quotes (a batch), not once per quote
        self.encoder.vectors([m.text for m in fresh])
        fresh = self._said_days(fresh, report)
        anchor = self._said = self._undated_days(fresh, report)
        if anchor is not None:  # a vague date, as "the last days" would give: not a day
            fresh = [_replace(m, lo=anchor[0], hi=anchor[1]) if m.lo is None else m for m in fresh]
        touched: set[str] = set()
        placed: list[QuoteMember] = []  # this report's quotes just before the current one
        for m in fresh:
            content = bands(m.text, m.speaker_id) if m.speaker_id else ()
            pool = self._quote_candidates(m, content)
            known = {c.quote_id for c in pool}
            # quotes of this report close enough to be the same remark split by its attribution,
            # or the next paragraph of one written statement
            placed = [p for p in placed if m.start - p.end <= statement_rules.WRITTEN_GAP]
            pool += [p for p in placed if p.speaker_id == m.speaker_id and p.quote_id not in known]
            vectors = self.encoder.vectors([m.text, *(c.text for c in pool)])
            days = self.state.statement_days({c.statement_id for c in pool if not c.exact}) if pool else {}
            placement = statement_rules.assign(m, pool, vectors, report.text, days)
            member = _replace(
                m,
                statement_id=placement.statement_id or statement_rules.statement_id(m.quote_id),
                attached=placement.attached,
            )
            self.state.add_quote(member, content)
            placed.append(member)
            touched.add(member.statement_id)
            for quote_id in placement.adopt:
                touched.add(self.state.move_quote(quote_id, member.statement_id))
                placed = [_moved(p, quote_id, member.statement_id) for p in placed]
            for other in placement.unite:
                self.state.rename_statement(other, member.statement_id)
                touched.add(other)
                placed = [
                    _replace(p, statement_id=member.statement_id) if p.statement_id == other else p
                    for p in placed
                ]
        return touched

    def _said_days(self, fresh: list[QuoteMember], report: Report) -> list[QuoteMember]:
        """An undated report's quotes dated by a day their clause writes out (「15日、」): of the
        days it may name in the story's time (the 15th of each month), the one day on which the
        quote matches a statement of its speaker at the bars for dated wordings.  None of them
        when it matches on two days or on none (then the quote stays undated); and the remark
        is not dated by the report's own time, which is unknown."""
        if parse_day(report.published_at) is not None or self._story_days is None:
            return fresh
        if not any(m.lo is None and m.speaker_id for m in fresh):
            return fresh
        lo, hi = self._story_days[0] - STORY_BEFORE, self._story_days[1] + STORY_AFTER
        if hi - lo > 2 * 366:  # a story of years: no month is read from it
            return fresh
        found = said_days(report, [date.fromordinal(d) for d in range(lo, hi + 1)], self.gazetteer)
        out = []
        for m in fresh:
            days = found.get((m.start, m.end)) if m.lo is None and m.speaker_id else None
            joined = []
            ordinals = sorted(date.fromisoformat(v).toordinal() for v in days or ())
            for day in (d for d in ordinals if lo <= d <= hi):
                trial = _replace(m, lo=day, hi=day, exact=True)
                pool = self._quote_candidates(trial, bands(m.text, m.speaker_id))
                if not pool:
                    continue
                vectors = self.encoder.vectors([m.text, *(c.text for c in pool)])
                statement_days = self.state.statement_days({c.statement_id for c in pool if not c.exact})
                placement = statement_rules.assign(trial, pool, vectors, report.text, statement_days)
                if placement.statement_id is not None and not placement.attached:
                    joined.append(trial)
            out.append(joined[0] if len(joined) == 1 else m)
        return out

    def _undated_days(self, fresh: Sequence[QuoteMember], report: Report) -> tuple[int, int] | None:
        """The days an undated report's undated quotes were said, as the remarks it shares with
        dated reports tell: the days of the dated statements its direct quotes join at the bars
        for undated wordings, when they agree within ``UNDATED_SPREAD`` days (widened by a day
        each side).  None when no direct quote joins a dated statement, or when they join
        statements far apart (a look back over weeks of talks is no one occasion).  Only words in
        quote marks date a report: a reported clause can be the outlet's own narration (a
        dateline, a summary of an earlier round) that resembles another report's."""
        spans = []
        for m in fresh:
            if m.lo is not None or not m.speaker_id or not m.direct:
                continue
            pool = self._quote_candidates(m, bands(m.text, m.speaker_id))
            if not pool:
                continue
            vectors = self.encoder.vectors([m.text, *(c.text for c in pool)])
            placement = statement_rules.assign(m, pool, vectors, report.text)
            span = statement_rules.statement_span(pool, placement.statement_id)
            if span is not None:
                spans.append(span)
        if not spans:
            return None
        lo, hi = min(s[0] for s in spans), max(s[1] for s in spans)
        return (lo - 1, hi + 1) if hi - lo <= UNDATED_SPREAD else None

    def _quote_candidates(self, m: QuoteMember, content: Sequence[int]) -> list[QuoteMember]:
        """A bounded number of earlier wordings of the speaker: those the content index finds
        (shared MinHash bands) and the representatives of the statements in the day window."""
        if not m.speaker_id:
            return []
        if m.lo is None or m.hi is None:  # no date at all: the speaker's latest statements
            return self.state.quote_candidates(m.speaker_id, None, None, content)
        return self.state.quote_candidates(m.speaker_id, m.lo - 1, m.hi + 1, content)

    def _events(self, report: Report, extraction: Extraction, story_id: str | None) -> set[str]:
        touched: set[str] = set()
        written = self._written_days(report, extraction)
        for e in sorted(extraction.events, key=lambda e: (e.evidence[0].start if e.evidence else 0, e.id)):
            member = self._event_member(report, e)
            if e.id in written:  # an undated report's written day, its year (or month) from its time
                member = self._event_member(
                    report, replace(e, date=written[e.id], date_precision=Precision.DAY)
                )
            if member.lo is not None and member.hi is not None:
                candidates = self.state.event_candidates(
                    member.family, member.lo - event_rules.DAY_SLACK, member.hi + event_rules.DAY_SLACK,
                    event_rules.lookup_terms(member),
                )
                found = event_rules.assign(member, candidates, self.gazetteer)
                if found is None and e.id in written:
                    # met by no dated account: as an undated mention it may still be the one event
                    # of its story in its city (a day read two ways -- talks "until the 11th" and
                    # "from the 10th" -- is no day to tell them apart by), and then joins it undated
                    undated = self._event_member(report, e)
                    if (found := self._undated_event(undated, story_id)) is not None:
                        member = undated
            else:  # no date at all (nor the report's): the one event of its story in its city
                found = self._undated_event(member, story_id)
            mid = found or event_rules.merged_id(e.id)
            member = _replace(member, merged_id=mid)
            self.state.add_event(member)
            touched.add(mid)
        return touched

    def _event_member(self, report: Report, e: Event) -> EventMember:
        span = interval(e.date, e.date_precision, report.published_at)
        return EventMember(
            event_id=e.id,
            merged_id="",
            report_id=report.id,
            kind=e.kind,
            family=event_rules.family(e.kind),
            lo=span[0] if span else None,
            hi=span[1] if span else None,
            exact=is_exact(e.date_precision),
            date=e.date,
            date_precision=Precision(e.date_precision),
            place=e.place,
            place_key=event_rules.place_key(e.place, self.gazetteer),
            participant_ids=tuple(sorted({self.canonical(p) or p for p in e.participant_ids})),
            summary=e.summary,
        )

    def _undated_event(self, member: EventMember, story_id: str | None) -> str | None:
        """The one event of the story in the undated member's city that could be it, or None."""
        terms = event_rules.lookup_terms(member)
        if not story_id or not terms:
            return None
        candidates = self.state.story_event_candidates(story_id, member.family, terms)
        return event_rules.assign_undated(member, candidates, self.gazetteer)

    def _written_days(self, report: Report, extraction: Extraction) -> dict[str, str]:
        """The days an undated report's events are dated by in their own clauses, written out
        ("July 28", "Monday (July 28)", 「7月28日」, a bare 「28日」), read on every day the report
        may have been published on and kept only when all of them read the same day.  Those days
        are what the record knows of the report's time: the days of the remarks it shares with
        dated reports (and a few after), or else its story's dated reports (and a month after: an
        undated report may come late, so a bare day, whose month is its report's, is rarely
        read from a story).  A relative expression ("on Monday", 「昨日」) is never read: a day
        counted from a guessed date would be a wrong day.  Read by the report's own extractor
        (which expression dates which event is its decision), up to the paragraph of the last
        undated event; the record stays a function of the set of reports, since undated reports
        are merged after every dated one."""
        if parse_day(report.published_at) is not None:
            return {}
        undated = [e for e in extraction.events if e.date is None and e.evidence]
        if not undated or not any(ch.isdigit() for ch in report.text):
            return {}
        if self._said is not None:
            lo, hi = self._said[0], self._said[1] + QUOTED_AFTER
        elif self._story_days is not None:
            lo, hi = self._story_days[0], self._story_days[1] + STORY_AFTER
        else:
            return {}
        if hi - lo > 2 * 366:  # a story of years: no year is read from it
            return {}
        end = max(ev.end for e in undated for ev in e.evidence)
        cut = report.text.find("\n\n", end)
        read = replace(report, text=report.text[:cut]) if cut >= 0 else report
        reread = written_days(read, [date.fromordinal(d) for d in range(lo, hi + 1)], self.gazetteer)
        found = {}
        for e in undated:
            # the event read again: those of its kind that share a span of its evidence (read with
            # a date, the extractor may tell two mentions apart that it joined undated)
            spans = {(ev.start, ev.end) for ev in e.evidence}
            family = event_rules.family(e.kind)
            days = {
                day
                for again, day in reread
                if event_rules.family(again.kind) == family
                and spans & {(ev.start, ev.end) for ev in again.evidence}
            }
            if len(days) == 1 and (day := days.pop()) is not None:
                found[e.id] = day
        return found

    def _proposals(self, report: Report, extraction: Extraction, story_id: str | None) -> set[str]:
        touched: set[str] = set()
        for p in sorted(extraction.proposals, key=lambda p: p.id):
            authors = tuple(sorted({self.canonical(a) or a for a in p.author_ids}))
            key = proposal_rules.proposal_key(p.name, authors)
            # a lineage is a story's: the plan of one negotiation is not the plan of another
            candidates = self.state.proposal_candidates(key, story_id) if story_id else []
            mid = min((c.merged_id for c in candidates), default=None) or proposal_rules.merged_proposal_id(
                p.id
            )
            self.state.add_proposal(
                ProposalMember(
                    proposal_id=p.id,
                    merged_id=mid,
                    report_id=report.id,
                    key=key,
                    name=p.name,
                    author_ids=authors,
                    first_reported=p.first_reported or (report.published_at or "")[:10] or None,
                )
            )
            touched.add(mid)
        return touched

    def _positions(self, report: Report, extraction: Extraction) -> set[str]:
        touched: set[str] = set()
        for pos in extraction.positions:
            holder = self.canonical(pos.holder_id) or pos.holder_id
            if pos.target_id:
                target = self.state.merged_proposal_of(pos.target_id) or pos.target_id
            else:
                target = f"issue:{pos.issue or 'unknown'}"
            tid = proposal_rules.track_id(holder, target)
            self.state.add_position(
                PositionMember(
                    position_id=pos.id,
                    track_id=tid,
                    report_id=report.id,
                    holder_id=holder,
                    target=target,
                    stance=pos.stance,
                    as_of=pos.as_of or (report.published_at or "")[:10] or None,
                )
            )
            touched.add(tid)
        return touched

    def _story(self, report: Report, extraction: Extraction) -> None:
        day = parse_day(report.published_at)
        ordinal = day.toordinal() if day else None
        canonical = {i: self.canonical(i) or i for i in _ids(extraction)}
        report_actors = story_rules.actors(extraction, canonical)
        words = story_rules.keywords(report)
        candidates = self.state.story_candidates(
            None if ordinal is None else ordinal - story_rules.WINDOW,
            None if ordinal is None else ordinal + story_rules.WINDOW,
            [f"a:{a}" for a in report_actors] + [f"k:{k}" for k in words],
        )
        own_terms = story_rules.terms(report_actors, words)
        reports, carrying = self.state.term_reports(own_terms)
        weights = {t: story_rules.weight(t, reports, carrying[t]) for t in own_terms if carrying.get(t)}
        joined = story_rules.matches(ordinal, report_actors, words, candidates, weights)
        linked = [s for s in candidates if s.id in joined]
        known = story_rules.combine(linked) if linked else None
        if known is not None and len(linked) > 1:  # the report bridges stories: they are one
            self.state.absorb_stories(known.id, [s.id for s in linked if s.id != known.id])
        self.touched.setdefault("story", set()).update(s.id for s in linked)
        if known is None:
            known = StoryState(
                id=story_rules.story_id(report.id),
                first_day=ordinal,
                last_day=ordinal,
                actors=Counter(),
                keywords=Counter(),
                size=0,
            )
        days = [d for d in (known.first_day, known.last_day, ordinal) if d is not None]
        story = StoryState(
            id=known.id,
            first_day=min(days, default=None),
            last_day=max(days, default=None),
            actors=known.actors + Counter(report_actors),
            keywords=known.keywords + Counter(words),
            size=known.size + 1,
        )
        self.touched.setdefault("story", set()).add(story.id)
        if story.first_day is not None and story.last_day is not None:
            self._story_days = (story.first_day, story.last_day)
        names = {a: self._display(a) for a in story.actors}
        self.state.put_story(
            story,
            StoryMember(
                report_id=report.id, story_id=story.id, day=ordinal, actor_ids=report_actors, keywords=words
            ),
            story_rules.name(story, names),
        )

    def _display(self, actor_id: str) -> str:
        entry = self.gazetteer.get(actor_id)
        return entry.name_en if entry else actor_id.split(":", 1)[-1].replace("-", " ")

    # -- merged items, recomputed from their members --------------------------------
    def refresh_statement(self, sid: str) -> None:
        members = sorted(self.state.statement_members(sid), key=lambda m: (m.report_id, m.start, m.quote_id))
        if not members:
            self.state.drop_statement(sid)
            self.state.put_conflicts(sid, [])
            return
        evidence = (
            self.state.evidence("quote", [m.quote_id for m in members]) if self.state.keeps_evidence else {}
        )
        said_on, precision = statement_rules.summary_date(members)
        reports = tuple(dict.fromkeys(m.report_id for m in members))
        self.state.put_statement(
            Statement(
                id=sid,
                speaker_id=members[0].speaker_id or None,
                said_on=said_on,
                said_on_precision=precision,
                wordings=tuple(
                    Wording(
                        quote_id=m.quote_id,
                        report_id=m.report_id,
                        language=m.language,
                        text=m.text,
                        direct=m.direct,
                        evidence=evidence.get(m.quote_id, ()),
                    )
                    for m in members
                ),
                sources=self.state.sources(reports),
                report_ids=reports,
            )
        )
        speaker = self._display(members[0].speaker_id)
        variants = statement_rules.wording_variants(
            members, language_of(members[0].speaker_id, self.gazetteer)
        )
        conflicts = []
        if variants:
            if not self.state.keeps_evidence:  # only the variants' evidence is stored
                evidence = self.state.evidence("quote", [c.quote_id for _t, cs in variants for c in cs])
            sourced = [
                SourcedVariant(
                    value=text,
                    evidence=_evidence_of(evidence, [c.quote_id for c in carriers]),
                    sources=self.state.sources(c.report_id for c in carriers),
                )
                for text, carriers in variants
            ]
            ids = tuple(dict.fromkeys(c.quote_id for _t, carriers in variants for c in carriers))
            conflicts.append(
                Disagreement(
                    id=conflict_id(sid, "wording"),
                    attribute="wording",
                    item_id=sid,
                    item_ids=(sid, *ids),
                    topic=_with_counts(
                        f"wording of a remark by {speaker} ({said_on or 'undated'})", _ranked(sourced)
                    ),
                    variants=_ranked(sourced),
                )
            )
        self.state.put_conflicts(sid, conflicts)

    def refresh_event(self, mid: str) -> None:
        members = sorted(self.state.event_members(mid), key=lambda m: (m.report_id, m.event_id))
        if not members:
            self.state.drop_event(mid)
            self.state.put_conflicts(mid, [])
            return
        dates = event_rules.date_variants(members)
        wanted = [m.event_id for m in members] if self.state.keeps_evidence else [
            m.event_id for group in dates.values() for m in group
        ]
        evidence = self.state.evidence("event", wanted)
        fields = event_rules.summary(members, self.state.sources, self.gazetteer)  # what the members support
        reports = tuple(dict.fromkeys(m.report_id for m in members))
        sources = self.state.sources(reports)
        named: dict[str, set[str]] = {}
        for m in members:
            for p in m.participant_ids:
                named.setdefault(p, set()).add(m.report_id)
        event = MergedEvent(
            id=mid,
            member_ids=tuple(m.event_id for m in members),
            evidence=_evidence_of(evidence, [m.event_id for m in members]),
            sources=sources,
            all_participant_ids=tuple(sorted(named)),
            **fields,
        )  # type: ignore[arg-type]
        self.state.put_event(event)
        self.state.put_event_head(mid, event_rules.head_of(members))
        label = f"{event.kind}{' in ' + event.place if event.place else ''} ({event.date or 'undated'})"
        conflicts: list[Disagreement] = []
        if dates:
            sourced = [
                SourcedVariant(
                    value=day,
                    evidence=_evidence_of(evidence, [m.event_id for m in group]),
                    sources=self.state.sources(m.report_id for m in group),
                )
                for day, group in sorted(dates.items())
            ]
            conflicts.append(
                Disagreement(
                    id=conflict_id(mid, "date"),
                    attribute="date",
                    item_id=mid,
                    topic=_with_counts(f"date of {label}", _ranked(sourced)),
                    item_ids=(mid, *[m.event_id for group in dates.values() for m in group]),
                    variants=_ranked(sourced),
                )
            )
        conflicts += self._claim_conflicts(mid, [m.event_id for m in members], label)
        self.state.put_conflicts(mid, conflicts)

    def _claim_conflicts(self, mid: str, member_ids: list[str], label: str) -> list[Disagreement]:
        by_attribute: dict[str, dict[str, list[Claim]]] = {}
        for claim in self.state.claims(member_ids):
            by_attribute.setdefault(claim.attribute, {}).setdefault(claim.norm, []).append(claim)
        return [
            conflict
            for attribute, values in sorted(by_attribute.items())
            if (conflict := self._values_conflict(mid, attribute, f"{attribute} of {label}", values))
        ]

    def _values_conflict(
        self, mid: str, attribute: str, topic: str, values: dict[str, list[Claim]]
    ) -> Disagreement | None:
        if len(values) < 2:
            return None
        sourced = [
            SourcedVariant(
                value=_display_norm(norm),
                evidence=tuple(ev for c in group for ev in c.evidence),
                sources=self.state.sources(ev.report_id for c in group for ev in c.evidence),
            )
            for norm, group in sorted(values.items())
        ]
        item_ids = tuple(dict.fromkeys(c.item_id for group in values.values() for c in group))
        variants = _ranked(sourced)
        return Disagreement(
            id=conflict_id(mid, attribute),
            attribute=attribute.split(":", 1)[0],
            item_id=mid,
            topic=_with_counts(topic, variants),
            item_ids=(mid, *item_ids),
            variants=variants,
        )

    def refresh_proposal(self, mid: str) -> None:
        members = sorted(
            self.state.proposal_members(mid), key=lambda m: (m.first_reported or "", m.proposal_id)
        )
        if not members:
            self.state.drop_proposal(mid)
            self.state.put_conflicts(mid, [])
            return
        evidence = (
            self.state.evidence("proposal", [m.proposal_id for m in members])
            if self.state.keeps_evidence
            else {}
        )
        claims = self.state.claims([m.proposal_id for m in members])
        stages, versioned = proposal_rules.resolve(members, claims)
        by_version: dict[str, dict[str, list[Claim]]] = {}
        for version, claim in versioned:
            by_version.setdefault(version, {}).setdefault(claim.norm, []).append(claim)
        versions = tuple(
            replace(v, points=_majority(by_version.get(v.stage, {})))
            for v in proposal_rules.versions(members, stages)
        )
        self.state.put_proposal(
            MergedProposal(
                id=mid,
                name=versions[0].name,
                author_ids=tuple(sorted({a for m in members for a in m.author_ids})),
                first_reported=min((m.first_reported for m in members if m.first_reported), default=None),
                versions=versions,
                member_ids=tuple(m.proposal_id for m in members),
                evidence=_evidence_of(evidence, [m.proposal_id for m in members]),
                sources=self.state.sources(m.report_id for m in members),
            )
        )
        conflicts = []
        for v in versions:
            topic = f"points of the {v.stage} version of proposal '{v.name}'"
            if found := self._values_conflict(mid, f"points:{v.stage}", topic, by_version.get(v.stage, {})):
                conflicts.append(found)
        self.state.put_conflicts(mid, conflicts)

    def refresh_track(self, tid: str) -> None:
        # a track is a holder's stance on a target across every story (Russia on NATO membership):
        # its members grow with the store, so the refresh reads only its latest member and the
        # count of its independent sources; its history stays in its members' rows
        latest = self.state.track_latest(tid)
        if latest is None:
            self.state.drop_track(tid)
            return
        self.state.put_track(
            PositionTrack(
                id=tid,
                holder_id=latest.holder_id,
                target=latest.target,
                stance=latest.stance,
                as_of=latest.as_of,
                sources=self.state.track_sources(tid),
            )
        )


def _moved(member: QuoteMember, quote_id: str, statement_id: str) -> QuoteMember:
    if member.quote_id != quote_id:
        return member
    return replace(member, statement_id=statement_id, attached=False)


def _replace(member: _M, **changes: object) -> _M:
    return replace(member, **changes)  # type: ignore[arg-type]


def _ids(extraction: Extraction) -> set[str]:
    ids = {a.id for a in extraction.actors} | {q.speaker_id for q in extraction.quotes if q.speaker_id}
    ids |= {p for e in extraction.events for p in e.participant_ids}
    return ids | {p.holder_id for p in extraction.positions}


def _evidence_of(evidence: dict[str, tuple[Evidence, ...]], ids: Iterable[str]) -> tuple[Evidence, ...]:
    return tuple(dict.fromkeys(ev for i in ids for ev in evidence.get(i, ())))


def _ranked(variants: Sequence[SourcedVariant]) -> tuple[SourcedVariant, ...]:
    return tuple(sorted(variants, key=lambda v: (-v.sources, v.value)))


def _majority(values: dict[str, list[Claim]]) -> str | None:
    if not values:
        return None
    return min(values.items(), key=lambda kv: (-len(kv[1]), kv[0]))[0]


def _with_counts(topic: str, variants: Sequence[SourcedVariant]) -> str:
    """The topic with the independent sources of each version: a lone source against many is
    kept (it may be right) but the reader sees the balance."""
    return f"{topic} [{' vs '.join(str(v.sources) for v in variants)} independent source(s)]"


def _display_norm(norm: str) -> str:
    return norm[:-1] + " hours" if norm.endswith("h") else norm
