"""The merged record in SQLite: what :mod:`communique.merge` reads and writes.

:class:`StoreState` is the merge engine's state backed by the store's tables (migration
0003): candidate look-ups are indexed queries (speaker + day window, event family + day
window, proposal key, story terms), so merging one report reads only its neighbours.
The functions below read the extracted items of a report and the merged record.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import MISSING, fields, replace
from datetime import UTC, datetime
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from .. import lazy
from ..merge import proposals as proposal_rules
from ..merge.dates import iso
from ..merge.events import EVENT_CANDIDATES, add_to_head, head_member, head_of
from ..merge.members import EventMember, PositionMember, ProposalMember, QuoteMember, StoryMember
from ..merge.proposals import track_id
from ..merge.records import (
    Claim,
    Disagreement,
    MergedActor,
    MergedEvent,
    MergedProposal,
    PositionTrack,
    Statement,
)
from ..merge.stories import StoryState
from ..model import Actor, Event, Evidence, Extraction, Position, Precision, Proposal, Quote, Role
from . import journal
from .sqlite import STORY_SCOPE, SQLiteStore

if TYPE_CHECKING:  # numpy loads with the statements' rules and the embeddings cache, where merging
    import numpy as np  # uses them: a listing or a briefing reads neither

    from ..merge import statements as rules
else:
    rules = lazy.module("communique.merge.statements")

_CHUNK = 500  # parameters per IN (...) list
_WIDEST = 400  # days: no dated interval is wider (a year), so a window's wordings start this close


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _chunks(values: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i : i + _CHUNK]


def _ev(evidence: Iterable[Evidence]) -> list[dict[str, Any]]:
    return [e.to_dict() for e in evidence]


def _role(role: Role) -> dict[str, Any]:
    out: dict[str, Any] = {
        "title": role.title,
        "affiliation": role.affiliation,
        "title_ja": role.title_ja,
        "since": role.since,
        "until": role.until,
        "evidence": _ev(role.evidence),
    }
    return {k: v for k, v in out.items() if v not in (None, [])}


def _unrole(raw: dict[str, Any]) -> Role:
    return Role(
        title=raw.get("title") or "",
        affiliation=raw.get("affiliation"),
        title_ja=raw.get("title_ja"),
        since=raw.get("since"),
        until=raw.get("until"),
        evidence=tuple(Evidence(**e) for e in raw.get("evidence") or ()),
    )


_ACTOR_COLUMNS = ("id", "name_en", "name_ja", "kind", "aliases", "roles", "member_ids", "mentions")


def _merged_actor(row: tuple[Any, ...]) -> tuple[MergedActor, bool]:
    """A merged actor from its row, each row's text parsed once: a report names the same people
    as the reports before it (a record: the same text is the same actor).  The last row read of
    each of the ``ACTOR_CACHE`` people read last is kept, by id (the versions a row went through
    are not: they would fill the cache with text no one reads again).  With it, whether the row
    is the one :meth:`StoreState.put_actor` writes for the actor (then an actor equal to it would
    be written as the very same row)."""
    held = _ACTORS.pop(row[0], None)
    if held is None or held[0] != row:
        actor = _parse_actor(*row)
        held = (row, actor, _actor_values(actor) == row)
    _ACTORS[row[0]] = held  # now the newest
    while len(_ACTORS) > ACTOR_CACHE:
        del _ACTORS[next(iter(_ACTORS))]
    return held[1], held[2]


ACTOR_CACHE = 512
_ACTORS: dict[str, tuple[tuple[Any, ...], MergedActor, bool]] = {}
_ACTOR_FIELDS = tuple(f.name for f in fields(MergedActor) if f.name != "evidence")  # what a row keeps


def _actor_values(actor: MergedActor) -> tuple[Any, ...]:
    """The row of a merged actor (its columns in ``_ACTOR_COLUMNS`` order)."""
    row = _row(actor, skip=("evidence", "roles", "mentions"))
    row["roles"] = json.dumps([_role(r) for r in actor.roles], ensure_ascii=False)
    row["mentions"] = json.dumps([_role(r) for r in actor.mentions], ensure_ascii=False)
    return tuple(row[k] for k in _ACTOR_COLUMNS)


def _parse_actor(actor_id: str, name_en: str | None, name_ja: str | None, kind: str, aliases: str,
                 roles: str, member_ids: str, mentions: str) -> MergedActor:
    return MergedActor(
        id=actor_id,
        name_en=name_en,
        name_ja=name_ja,
        kind=kind,
        aliases=tuple(json.loads(aliases)),
        roles=tuple(_unrole(x) for x in json.loads(roles)),
        member_ids=tuple(json.loads(member_ids)),
        evidence=(),
        mentions=tuple(_unrole(x) for x in json.loads(mentions)),
    )


class StoreState:
    """The merge state in a :class:`SQLiteStore` (call inside ``store.transaction()``)."""

    keeps_evidence = False  # merged rows do not store their members' evidence (the evidence table has it)

    def __init__(self, store: SQLiteStore) -> None:
        self.db = store.db
        # report id -> its wire group (else its id), None when not stored: read once per state
        # (one transaction, in which merging changes no report), not once per merged item
        self._source_of: dict[str, str | None] = {}
        # the merged actor row :meth:`actor` read last (row, actor, faithful): :meth:`put_actor`
        # leaves a row it would write unchanged alone (most reports add nothing new to the people
        # they name), so the row is not rewritten, nor journaled whole, report after report
        self._actor_read: tuple[tuple[Any, ...], MergedActor, bool] | None = None

    # -- reports and evidence ------------------------------------------------------------
    def sources(self, report_ids: Iterable[str]) -> int:
        ids = set(report_ids)
        known = self._source_of
        unread = sorted(i for i in ids if i not in known)
        for chunk in _chunks(unread):
            marks = ",".join("?" * len(chunk))
            found = {
                r[0]: r[1]
                for r in self.db.execute(
                    f"SELECT id, coalesce(wire_group, id) FROM reports INDEXED BY reports_id_wire_group "
                    f"WHERE id IN ({marks})", chunk
                )
            }
            for i in chunk:
                known[i] = found.get(i)
        return len({k for i in ids if (k := known[i]) is not None})

    def evidence(self, item_type: str, item_ids: Iterable[str]) -> dict[str, tuple[Evidence, ...]]:
        ids = sorted(set(item_ids))
        found: dict[str, list[Evidence]] = {i: [] for i in ids}
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            for r in self.db.execute(
                f'SELECT item_id, report_id, start, "end" FROM evidence WHERE item_type = ? '
                f"AND item_id IN ({marks}) ORDER BY report_id, start",
                (item_type, *chunk),
            ):
                found[r[0]].append(Evidence(report_id=r[1], start=r[2], end=r[3]))
        return {k: tuple(v) for k, v in found.items()}

    # -- actors --------------------------------------------------------------------------
    def actor(self, actor_id: str) -> MergedActor | None:
        r = self.db.execute(
            f"SELECT {', '.join(_ACTOR_COLUMNS)} FROM merged_actors WHERE id = ?", (actor_id,)).fetchone()
        if r is None:
            self._actor_read = None
            return None
        row = tuple(r)
        actor, faithful = _merged_actor(row)
        self._actor_read = (row, actor, faithful)
        return actor

    def put_actor(self, actor: MergedActor) -> None:
        read, self._actor_read = self._actor_read, None
        if read is not None and read[0][0] == actor.id:
            row, stored, faithful = read
            # equal to the row's actor, which that row is written for: the same row again
            if faithful and all(getattr(actor, f) == getattr(stored, f) for f in _ACTOR_FIELDS):
                return
            values = _actor_values(actor)
            if values == row:
                return  # the row as it stands: writing it again would change nothing
        else:
            values = _actor_values(actor)
        _put(self.db, "merged_actors", dict(zip(_ACTOR_COLUMNS, values, strict=True)))

    def quote_candidates(
        self, speaker_id: str, lo: int | None, hi: int | None, bands: Sequence[int] = ()
    ) -> list[QuoteMember]:
        """A bounded set of the speaker's earlier wordings (representatives of their statements):
        those sharing a content band, those whose days overlap lo..hi (the nearest in time
        first) and undated ones; with no days given, the speaker's latest by date.  With days
        given, content-band hits are kept to the same window (and undated wordings): a wording
        days away can never be the same remark, and a speaker's stock phrases repeated in other
        stories would otherwise fill the cap (see ``statements.CANDIDATES``)."""
        cap = rules.CANDIDATES
        found: dict[str, QuoteMember] = {}
        if bands:
            marks = ",".join("?" * len(bands))
            days: tuple[int, ...] = ()
            if lo is None or hi is None:
                hits = f"SELECT quote_id FROM quote_bands WHERE band IN ({marks})"
            else:  # the band's rows of these days (index quote_bands_days), then its undated ones
                hits = (
                    f"SELECT quote_id FROM quote_bands WHERE band IN ({marks}) AND lo >= ? AND lo <= ? "
                    f"AND hi >= ? UNION ALL SELECT quote_id FROM quote_bands WHERE band IN ({marks}) "
                    "AND lo IS NULL"
                )
                days = (lo - _WIDEST, hi, lo, *bands)
            hit = self.db.execute(
                "SELECT m.* FROM statement_members m JOIN (SELECT quote_id, count(*) AS shared "
                f"FROM ({hits}) AS hit GROUP BY quote_id ORDER BY shared DESC, quote_id LIMIT ?) b "
                "ON b.quote_id = m.quote_id",
                (*bands, *days, cap),
            )
            # the rows of one query read with one plan (a quote's row is one member, however found)
            found.update((m.quote_id, m) for m in _records(QuoteMember, hit))
        if lo is None or hi is None:
            rows = self.db.execute(
                "SELECT * FROM statement_members WHERE speaker_id = ? AND rep = 1 "
                "ORDER BY coalesce(hi, 0) DESC, quote_id LIMIT ?",
                (speaker_id, rules.UNDATED_CANDIDATES),
            )
        else:
            middle = (lo + hi) // 2
            rows = self.db.execute(
                "SELECT * FROM (SELECT * FROM statement_members WHERE speaker_id = ? AND rep = 1 "
                "AND lo <= ? AND hi >= ? AND lo >= ? ORDER BY abs(lo - ?), quote_id LIMIT ?) AS dated "
                "UNION ALL SELECT * FROM (SELECT * FROM statement_members WHERE speaker_id = ? "
                "AND rep = 1 AND lo IS NULL ORDER BY quote_id LIMIT ?) AS undated",
                (speaker_id, hi, lo, lo - _WIDEST, middle, cap, speaker_id, rules.UNDATED_CANDIDATES),
            )
        for m in _records(QuoteMember, rows):
            found.setdefault(m.quote_id, m)
        return [found[k] for k in sorted(found)]

    def statement_members(self, statement_id: str) -> list[QuoteMember]:
        rows = self.db.execute(
            "SELECT * FROM statement_members WHERE statement_id = ? ORDER BY quote_id", (statement_id,)
        )
        return _records(QuoteMember, rows)

    def statement_days(self, statement_ids: Iterable[str]) -> dict[str, tuple[int, int]]:
        """The first and last day of each statement's day-precise wordings (statements with none
        are left out)."""
        ids = sorted(set(statement_ids))
        out: dict[str, tuple[int, int]] = {}
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            for r in self.db.execute(
                "SELECT statement_id, min(lo), max(hi) FROM statement_members "
                f"WHERE statement_id IN ({marks}) AND exact = 1 AND lo IS NOT NULL GROUP BY statement_id",
                chunk,
            ):
                out[r[0]] = (int(r[1]), int(r[2]))
        return out

    def add_quote(self, m: QuoteMember, bands: Sequence[int] = ()) -> None:
        """Add a member; a representative of its statement and a wording of the content index
        as :func:`~communique.merge.statements.placement_in_statement` says."""
        reps = self.db.execute(
            "SELECT text FROM statement_members WHERE statement_id = ? AND rep = 1 AND language = ? "
            "AND direct = ?",
            (m.statement_id, m.language, int(m.direct)),
        ).fetchall()
        rep, indexed = rules.placement_in_statement(m.text, m.text_key, [r[0] for r in reps])
        m = replace(m, rep=rep)
        _put(self.db, "statement_members", _row(m))
        if indexed and bands:
            self.db.executemany(
                "INSERT OR IGNORE INTO quote_bands (band, quote_id, lo, hi) VALUES (?,?,?,?)",
                [(b, m.quote_id, m.lo, m.hi) for b in bands],
            )
        self.db.execute("UPDATE quotes SET statement_id = ? WHERE id = ?", (m.statement_id, m.quote_id))

    def rename_statement(self, old: str, new: str) -> None:
        self.db.execute("UPDATE statement_members SET statement_id = ? WHERE statement_id = ?", (new, old))
        self.db.execute("UPDATE quotes SET statement_id = ? WHERE statement_id = ?", (new, old))

    def rename_event(self, old: str, new: str) -> None:
        self.db.execute("UPDATE event_members SET merged_id = ? WHERE merged_id = ?", (new, old))
        self.db.execute("UPDATE event_heads SET merged_id = ? WHERE merged_id = ?", (new, old))
        self.db.execute("UPDATE event_head_terms SET merged_id = ? WHERE merged_id = ?", (new, old))

    def rename_proposal(self, old: str, new: str) -> list[tuple[str, str]]:
        """Rename a merged proposal; positions on it follow (their tracks: (old, new) ids)."""
        self.db.execute("UPDATE proposal_members SET merged_id = ? WHERE merged_id = ?", (new, old))
        moved = []
        for r in self.db.execute(
            "SELECT position_id, holder_id, track_id FROM position_members WHERE target = ?", (old,)
        ).fetchall():
            track = track_id(r[1], new)
            self.db.execute(
                "UPDATE position_members SET target = ?, track_id = ? WHERE position_id = ?",
                (new, track, r[0]),
            )
            moved.append((r[2], track))
        return moved

    def story_reports(self, story_id: str) -> list[str]:
        """The story's reports in merge order: publication time (undated last), then id."""
        rows = self.db.execute(
            "SELECT rs.report_id FROM report_stories rs JOIN reports p ON p.id = rs.report_id "
            "WHERE rs.story_id = ? ORDER BY coalesce(p.published_at, '~'), p.id",
            (story_id,),
        )
        return [r[0] for r in rows]

    def first_member(self, kind: str, item_id: str) -> str | None:
        """The least member id of a statement, merged event or merged proposal, or a story's
        earliest report (what names it), read through the index on the item; None when none."""
        if kind == "story":
            r = self.db.execute(
                "SELECT rs.report_id FROM report_stories rs JOIN reports p ON p.id = rs.report_id "
                "WHERE rs.story_id = ? ORDER BY coalesce(p.published_at, '~'), p.id LIMIT 1",
                (item_id,),
            ).fetchone()
            return r[0] if r else None
        table, column, member = _FIRST_MEMBER[kind]
        r = self.db.execute(f"SELECT min({member}) FROM {table} WHERE {column} = ?", (item_id,)).fetchone()
        return r[0] if r else None

    def rename_story(self, old: str, new: str) -> None:
        self.db.execute("UPDATE stories SET id = ? WHERE id = ?", (new, old))
        self.db.execute("UPDATE report_stories SET story_id = ? WHERE story_id = ?", (new, old))
        self.db.execute("UPDATE story_terms SET story_id = ? WHERE story_id = ?", (new, old))

    def move_quote(self, quote_id: str, statement_id: str) -> str:
        """Move one quote to another statement (no longer attached); returns its old statement."""
        r = self.db.execute(
            "SELECT statement_id FROM statement_members WHERE quote_id = ?", (quote_id,)
        ).fetchone()
        self.db.execute(
            "UPDATE statement_members SET statement_id = ?, attached = 0 WHERE quote_id = ?",
            (statement_id, quote_id),
        )
        self.db.execute("UPDATE quotes SET statement_id = ? WHERE id = ?", (statement_id, quote_id))
        return r[0] if r else ""

    def drop_statement(self, statement_id: str) -> None:
        self.db.execute("DELETE FROM statements WHERE id = ?", (statement_id,))

    def put_statement(self, s: Statement) -> None:
        _put(
            self.db,
            "statements",
            {
                "id": s.id,
                "speaker_id": s.speaker_id,
                "said_on": s.said_on,
                "said_on_precision": str(s.said_on_precision),
                "sources": s.sources,
                "report_ids": json.dumps(list(s.report_ids)),
            },
        )

    def event_candidates(
        self, family: str, lo: int, hi: int, terms: Sequence[str] = ()
    ) -> list[EventMember]:
        """Merged events of the family whose members' days meet lo..hi, each as its consensus:
        those naming more of ``terms`` (participants, place) first, then the nearest in time.

        Read through the index of what heads name (migration 0013): the heads naming a term,
        then (when they are fewer than ``EVENT_CANDIDATES``) the nearest others; the same
        events, in the same order, as searching every head of the window for each term."""
        mid = (lo + hi) // 2
        window = (family, hi, lo, lo - 400)
        if not all(_indexed_term(t) for t in terms):
            shared = " + ".join(["(instr(head, ?) > 0)"] * len(terms)) + " DESC, " if terms else ""
            rows = self.db.execute(
                f"SELECT merged_id, head FROM event_heads WHERE family = ? AND lo <= ? AND hi >= ? "
                f"AND lo >= ? ORDER BY {shared}abs(lo - ?), first_id LIMIT ?",
                (*window, *(json.dumps(t) for t in terms), mid, EVENT_CANDIDATES),
            )
            return [_head_member(r[0], r[1]) for r in rows]
        weights = Counter(terms)  # a term given twice counts twice, as two searches of the head
        ranked: dict[str, tuple[int, int, str]] = {}  # merged id -> (-shared, distance, least member)
        heads: dict[str, str] = {}
        # heads with a string a term could be found inside of (a quote in it): compared as text
        for r in self.db.execute(
            "SELECT h.merged_id, h.head, h.lo, h.first_id FROM event_head_terms t JOIN event_heads h "
            "ON h.merged_id = t.merged_id WHERE t.term = '\"' AND t.family = ? AND t.lo <= ? "
            "AND t.hi >= ? AND t.lo >= ?",
            window,
        ):
            odd = sum(n for t, n in weights.items() if json.dumps(t) in r[1])
            ranked[r[0]] = (-odd, abs(r[2] - mid), r[3])
            heads[r[0]] = r[1]
        odd_heads = set(ranked)
        if weights:
            cases = " ".join(["WHEN ? THEN ?"] * len(weights))
            marks = ",".join("?" * len(weights))
            for r in self.db.execute(
                f"SELECT merged_id, sum(CASE term {cases} ELSE 0 END) AS shared, lo, first_id "
                f"FROM event_head_terms WHERE term IN ({marks}) AND family = ? AND lo <= ? AND hi >= ? "
                f"AND lo >= ? GROUP BY merged_id, lo, first_id "
                f"ORDER BY shared DESC, abs(lo - ?), first_id LIMIT ?",
                (*(x for t, n in weights.items() for x in (t, n)), *weights, *window, mid,
                 EVENT_CANDIDATES + len(odd_heads)),
            ):
                if r[0] not in odd_heads:
                    ranked[r[0]] = (-int(r[1]), abs(r[2] - mid), r[3])
        matched = {k for k, v in ranked.items() if v[0] < 0}
        if len(matched) < EVENT_CANDIDATES:  # the nearest heads naming none of the terms
            for r in self._nearest_heads(family, lo, hi, mid, EVENT_CANDIDATES - len(matched), matched):
                ranked[r[0]] = (0, abs(r[2] - mid), r[3])
                heads[r[0]] = r[1]
        chosen = sorted(ranked, key=lambda k: ranked[k])[:EVENT_CANDIDATES]
        missing = [k for k in chosen if k not in heads]
        for chunk in _chunks(missing):
            marks = ",".join("?" * len(chunk))
            for r in self.db.execute(f"SELECT merged_id, head FROM event_heads WHERE merged_id IN ({marks})",
                                     chunk):
                heads[r[0]] = r[1]
        return [_head_member(k, heads[k]) for k in chosen]

    def story_event_candidates(self, story_id: str, family: str, terms: Sequence[str]) -> list[EventMember]:
        """Merged events of the family, dated or not, with a member in a report of the story and
        naming one of ``terms`` (participants, place): those naming more of them first, then by
        least member; at most ``EVENT_CANDIDATES``."""
        wanted = sorted({t for t in terms if t})
        if not wanted:
            return []
        marks = ",".join("?" * len(wanted))
        rows = self.db.execute(
            "SELECT t.merged_id, count(DISTINCT t.term) AS shared, min(t.first_id) AS first "
            "FROM event_head_terms t WHERE t.family = ? AND t.term IN ("
            f"{marks}) AND t.merged_id IN (SELECT m.merged_id FROM report_stories r JOIN event_members m "
            "ON m.report_id = r.report_id WHERE r.story_id = ? AND m.family = ?) "
            "GROUP BY t.merged_id ORDER BY shared DESC, first, t.merged_id LIMIT ?",
            (family, *wanted, story_id, family, EVENT_CANDIDATES),
        ).fetchall()
        heads: dict[str, str] = {}
        ids = [r[0] for r in rows]
        for chunk in _chunks(ids):
            qs = ",".join("?" * len(chunk))
            found = self.db.execute(f"SELECT merged_id, head FROM event_heads WHERE merged_id IN ({qs})",
                                    chunk)
            heads.update((r[0], r[1]) for r in found)
        return [_head_member(k, heads[k]) for k in ids if k in heads]

    def _nearest_heads(
        self, family: str, lo: int, hi: int, mid: int, want: int, skip: set[str]
    ) -> list[Any]:
        """(merged id, head, lo, least member) of the ``want`` heads of the family in the window
        (lo..hi, starting at most 400 days before lo) nearest to ``mid`` by first day, then by
        least member, leaving out ``skip``: the nearest ``want`` on each side of ``mid``, read in
        order through the index (family, lo, first_id), so that a window of thousands of heads is
        not sorted whole (and not read day by day: a query per day of a sparse window)."""
        floor = lo - 400
        marks = ",".join("?" * len(skip))
        leave_out = f" AND merged_id NOT IN ({marks})" if skip else ""
        left_out = sorted(skip)
        columns = "SELECT merged_id, head, lo, first_id FROM event_heads WHERE family = ? "
        up = self.db.execute(
            f"{columns}AND lo >= ? AND lo <= ? AND hi >= ?{leave_out} ORDER BY lo, first_id LIMIT ?",
            (family, mid, hi, lo, *left_out, want),
        ).fetchall()
        # below mid the index is read backwards (latest day first, its heads by least member last):
        # the farthest day read may be cut, so it is read again whole, in order
        down = self.db.execute(
            f"{columns}AND lo < ? AND lo >= ? AND hi >= ?{leave_out} ORDER BY lo DESC, first_id DESC LIMIT ?",
            (family, mid, floor, lo, *left_out, want),
        ).fetchall()
        if len(down) == want:
            last = down[-1][2]
            down = [r for r in down if r[2] != last] + self.db.execute(
                f"{columns}AND lo = ? AND hi >= ?{leave_out} ORDER BY first_id LIMIT ?",
                (family, last, lo, *left_out, want),
            ).fetchall()
        return sorted([*up, *down], key=lambda r: (abs(r[2] - mid), r[3]))[:want]

    def put_event_head(self, merged_id: str, head: dict[str, Any]) -> None:
        """Write a merged event's head and the index of what it names.  Only what changed is
        written: a member joining an event of hundreds seldom changes its head, and rewriting
        every row (each journaled) report after report made the cost of a report grow with its
        story."""
        family = head["first"][2] if head.get("first") else ""
        first = head["first"][0] if head.get("first") else ""
        row = (family, head["lo"], head["hi"], json.dumps(head), first)
        stored = self.db.execute(
            "SELECT family, lo, hi, head, first_id FROM event_heads WHERE merged_id = ?", (merged_id,)
        ).fetchone()
        if stored is None or tuple(stored) != row:
            self.db.execute(
                "INSERT OR REPLACE INTO event_heads (family, lo, hi, head, first_id, merged_id) "
                "VALUES (?,?,?,?,?,?)",
                (*row, merged_id),
            )
        wanted = {(t, family, head["lo"], head["hi"], first) for t in head_terms(head)}
        held = {tuple(r) for r in self.db.execute(
            "SELECT term, family, lo, hi, first_id FROM event_head_terms WHERE merged_id = ?", (merged_id,))}
        gone = sorted({r[0] for r in held - wanted})
        if gone:
            self.db.executemany("DELETE FROM event_head_terms WHERE merged_id = ? AND term = ?",
                                [(merged_id, t) for t in gone])
        self.db.executemany(
            "INSERT INTO event_head_terms (term, merged_id, family, lo, hi, first_id) VALUES (?,?,?,?,?,?)",
            [(t, merged_id, *rest) for t, *rest in sorted(wanted - held)],
        )

    def event_members(self, merged_id: str) -> list[EventMember]:
        rows = self.db.execute(
            "SELECT * FROM event_members WHERE merged_id = ? ORDER BY event_id", (merged_id,)
        )
        return _records(EventMember, rows)

    def add_event(self, m: EventMember) -> None:
        _put(self.db, "event_members", _row(m))
        r = self.db.execute("SELECT head FROM event_heads WHERE merged_id = ?", (m.merged_id,)).fetchone()
        head = json.loads(r[0]) if r else head_of([])
        add_to_head(head, m)
        self.put_event_head(m.merged_id, head)

    def put_event(self, e: MergedEvent) -> None:
        _put(self.db, "merged_events", _row(e, skip=("evidence",)))

    def add_claims(self, claims: Sequence[Claim]) -> None:
        self.db.executemany(
            'INSERT INTO claims (item_id, attribute, value, norm, report_id, start, "end") '
            "VALUES (?,?,?,?,?,?,?)",
            [
                (c.item_id, c.attribute, c.value, c.norm, ev.report_id, ev.start, ev.end)
                for c in claims
                for ev in c.evidence[:1]
            ],
        )

    def claims(self, item_ids: Iterable[str]) -> list[Claim]:
        ids = sorted(set(item_ids))
        out: list[Claim] = []
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            for r in self.db.execute(
                f'SELECT item_id, attribute, value, norm, report_id, start, "end" FROM claims '
                f"WHERE item_id IN ({marks}) ORDER BY report_id, start",
                chunk,
            ):
                out.append(
                    Claim(
                        item_id=r[0],
                        attribute=r[1],
                        value=r[2],
                        norm=r[3],
                        evidence=(Evidence(report_id=r[4], start=r[5], end=r[6]),),
                    )
                )
        return out

    # -- proposals and positions ------------------------------------------------------------
    def proposal_candidates(self, key: str, story_id: str) -> list[ProposalMember]:
        """Members of the lineage ``key`` read in the story's reports (the first 50 by id): read
        from the story's reports, not from every member of the key in the store."""
        rows = self.db.execute(
            "SELECT pm.* FROM report_stories rs CROSS JOIN proposal_members pm "
            "WHERE rs.story_id = ? AND pm.report_id = rs.report_id AND pm.key = ? "
            "ORDER BY pm.proposal_id LIMIT 50", (story_id, key)
        )
        return _records(ProposalMember, rows)

    def proposal_members(self, merged_id: str) -> list[ProposalMember]:
        rows = self.db.execute(
            "SELECT * FROM proposal_members WHERE merged_id = ? ORDER BY proposal_id", (merged_id,)
        )
        return _records(ProposalMember, rows)

    def merged_proposal_of(self, proposal_id: str) -> str | None:
        r = self.db.execute(
            "SELECT merged_id FROM proposal_members WHERE proposal_id = ?", (proposal_id,)
        ).fetchone()
        return r[0] if r else None

    def add_proposal(self, m: ProposalMember) -> None:
        _put(self.db, "proposal_members", _row(m))

    def put_proposal(self, p: MergedProposal) -> None:
        row = _row(p, skip=("evidence", "versions"))
        row["versions"] = json.dumps(
            [
                {
                    "name": v.name,
                    "stage": v.stage,
                    "points": v.points,
                    "first_reported": v.first_reported,
                    "member_ids": list(v.member_ids),
                }
                for v in p.versions
            ],
            ensure_ascii=False,
        )
        _put(self.db, "merged_proposals", row)

    def track_members(self, track_id: str) -> list[PositionMember]:
        rows = self.db.execute(
            "SELECT position_id, track_id, report_id, holder_id, target, stance, as_of "
            "FROM position_members WHERE track_id = ? ORDER BY position_id", (track_id,)
        )
        return _records(PositionMember, rows)

    def track_latest(self, track_id: str) -> PositionMember | None:
        """The track's latest member (:func:`communique.merge.proposals.latest`), found through the
        index of members by track, date and id (migration 0021): one look-up however many
        members the track has (undated ones sort first, as NULL does here)."""
        rows = self.db.execute(
            "SELECT position_id, track_id, report_id, holder_id, target, stance, as_of "
            "FROM position_members WHERE track_id = ? ORDER BY as_of DESC, position_id DESC LIMIT 1",
            (track_id,),
        )
        found = _records(PositionMember, rows)
        return found[0] if found else None

    def track_evidence(self, track_id: str) -> dict[str, tuple[Evidence, ...]]:
        """The evidence of a track's members (as :meth:`evidence` gives it), in one query: a track
        (a holder's stance on an issue in every story) has members in thousands of reports."""
        found: dict[str, list[Evidence]] = {}
        for r in self.db.execute(
            # the track's members first (CROSS JOIN keeps SQLite's join in that order), then each
            # one's evidence through the index on (item_type, item_id)
            'SELECT e.item_id, e.report_id, e.start, e."end" FROM position_members m CROSS JOIN evidence e '
            "WHERE m.track_id = ? AND e.item_type = 'position' AND e.item_id = m.position_id "
            "ORDER BY e.report_id, e.start",
            (track_id,),
        ):
            found.setdefault(r[0], []).append(Evidence(report_id=r[1], start=r[2], end=r[3]))
        return {k: tuple(v) for k, v in found.items()}

    def track_sources(self, track_id: str) -> int:
        """The independent sources of a track's members (as :meth:`sources` counts them), counted
        by the store in one query through the index of report ids and wire groups."""
        # INDEXED BY: the wire group read beside the id (migration 0018), not from the report's
        # row, where it is stored after the text and the raw bytes
        r = self.db.execute(
            "SELECT count(DISTINCT coalesce(r.wire_group, r.id)) FROM position_members m "
            "CROSS JOIN reports r INDEXED BY reports_id_wire_group WHERE m.track_id = ? "
            "AND r.id = m.report_id",
            (track_id,),
        ).fetchone()
        return int(r[0]) if r else 0

    def add_position(self, m: PositionMember) -> None:
        _put(self.db, "position_members", _row(m))

    def put_track(self, t: PositionTrack) -> None:
        _put(self.db, "position_tracks", _row(t))

    def story_candidates(self, lo: int | None, hi: int | None, terms: Sequence[str] = ()) -> list[StoryState]:
        if not terms:
            return []
        marks = ",".join("?" * len(terms))
        if lo is not None and hi is not None:
            # the stories of the day window first (their index), then whether each carries a term: a
            # common term ("k:talks") is carried by every story of the store, and reading them all to
            # keep those of the window cost 3 ms a report at 100,000 (0.1 ms this way)
            rows = self.db.execute(
                "SELECT s.* FROM stories s WHERE (s.last_day IS NULL OR (s.last_day >= ? AND "
                "s.first_day <= ?)) AND EXISTS (SELECT 1 FROM story_terms t WHERE t.story_id = s.id "
                f"AND t.term IN ({marks})) ORDER BY s.last_day DESC, s.id LIMIT 50",
                [lo, hi, *terms],
            )
        else:
            rows = self.db.execute(
                "SELECT s.* FROM stories s WHERE s.id IN "
                f"(SELECT story_id FROM story_terms WHERE term IN ({marks})) "
                "ORDER BY s.last_day DESC, s.id LIMIT 50",
                list(terms),
            )
        return [
            StoryState(
                id=r["id"],
                first_day=r["first_day"],
                last_day=r["last_day"],
                actors=Counter(json.loads(r["actor_counts"])),
                keywords=Counter(json.loads(r["keyword_counts"])),
                size=r["size"],
            )
            for r in rows
        ]

    def put_story(self, story: StoryState, member: StoryMember, name: str) -> None:
        keywords = [w for w, _n in sorted(story.keywords.items(), key=lambda kv: (-kv[1], kv[0]))[:8]]
        self.db.execute(
            "INSERT OR REPLACE INTO stories (id, name, keywords, first_day, last_day, actor_counts, "
            "keyword_counts, "
            "size) VALUES (?,?,?,?,?,?,?,?)",
            (
                story.id,
                name,
                json.dumps(keywords, ensure_ascii=False),
                story.first_day,
                story.last_day,
                json.dumps(dict(story.actors), ensure_ascii=False),
                json.dumps(dict(story.keywords), ensure_ascii=False),
                story.size,
            ),
        )
        self.db.execute(
            "INSERT OR REPLACE INTO report_stories (report_id, story_id) VALUES (?,?)",
            (member.report_id, story.id),
        )
        terms = [f"a:{a}" for a in member.actor_ids] + [f"k:{k}" for k in member.keywords]
        self.db.executemany(
            "INSERT OR IGNORE INTO story_terms (term, story_id) VALUES (?,?)", [(t, story.id) for t in terms]
        )
        self.db.executemany(
            "INSERT INTO term_reports (term, reports) VALUES (?, 1) "
            "ON CONFLICT (term) DO UPDATE SET reports = reports + 1",
            [(t,) for t in dict.fromkeys(terms)],
        )

    def person_ids(self, family: str) -> list[str]:
        """Merged people whose id ends in the family name (``person:ryosei-akazawa``)."""
        rows = self.db.execute("SELECT id FROM merged_actors WHERE id LIKE ? ESCAPE '\\'",
                               ("person:%-" + family.replace("%", "\\%").replace("_", "\\_"),))
        return [r[0] for r in rows]

    def people_named(self, first: str) -> list[str]:
        """Merged people whose id opens with the name ``first`` (``person:li-...``)."""
        rows = self.db.execute("SELECT id FROM merged_actors WHERE id LIKE ? ESCAPE '\\'",
                               ("person:" + first.replace("%", "\\%").replace("_", "\\_") + "-%",))
        return [r[0] for r in rows]

    def people_of(self, affiliation: str) -> list[str]:
        """Merged people one of whose roles is of ``affiliation`` (a country's minister)."""
        pattern = '%"affiliation": ' + json.dumps(affiliation, ensure_ascii=False) + "%"
        rows = self.db.execute(
            "SELECT id FROM merged_actors WHERE kind = 'person' AND roles LIKE ? ESCAPE '\\'",
            (pattern.replace("_", "\\_"),))
        return sorted(r[0] for r in rows)

    def term_reports(self, terms: Sequence[str]) -> tuple[int, dict[str, int]]:
        """The number of reports in stories, and how many of them carry each term.  The first is
        the sum of the stories' sizes (a story counts the reports put in it, and a story that
        absorbs others adds their sizes), read from their index (migration 0024)."""
        total = int(self.db.execute("SELECT coalesce(sum(size), 0) FROM stories").fetchone()[0])
        if not terms:
            return total, {}
        marks = ",".join("?" * len(terms))
        rows = self.db.execute(f"SELECT term, reports FROM term_reports WHERE term IN ({marks})", list(terms))
        return total, {r[0]: r[1] for r in rows}

    def absorb_stories(self, into: str, absorbed: Sequence[str]) -> None:
        """Stories found to be one: their reports and index terms move to ``into``."""
        if not absorbed:
            return
        marks = ",".join("?" * len(absorbed))
        self.db.execute(f"UPDATE report_stories SET story_id = ? WHERE story_id IN ({marks})",
                        [into, *absorbed])
        self.db.execute(f"INSERT OR IGNORE INTO story_terms (term, story_id) SELECT term, ? FROM story_terms "
                        f"WHERE story_id IN ({marks})", [into, *absorbed])
        self.db.execute(f"DELETE FROM story_terms WHERE story_id IN ({marks})", list(absorbed))
        self.db.execute(f"DELETE FROM stories WHERE id IN ({marks})", list(absorbed))

    def story_counts(self, story_id: str) -> tuple[int, int]:
        """(reports, independent sources: a wire story once) of a story, counted from its reports."""
        r = self.db.execute(
            "SELECT count(*), count(DISTINCT coalesce(p.wire_group, p.id)) FROM report_stories rs "
            "CROSS JOIN reports p WHERE rs.story_id = ? AND p.id = rs.report_id", (story_id,)).fetchone()
        return int(r[0]), int(r[1])

    def count_stories(self, story_ids: Iterable[str]) -> None:
        """Keep the counts of these stories (touched since the last flush) for the listing; a
        story no longer in the record loses its row."""
        for sid in sorted(story_ids):
            if self.db.execute("SELECT 1 FROM stories WHERE id = ?", (sid,)).fetchone() is None:
                self.db.execute("DELETE FROM story_counts WHERE story_id = ?", (sid,))
                continue
            reports, sources = self.story_counts(sid)
            self.db.execute("INSERT OR REPLACE INTO story_counts (story_id, reports, sources) VALUES (?,?,?)",
                            (sid, reports, sources))

    def story_of(self, report_id: str) -> str | None:
        r = self.db.execute(
            "SELECT story_id FROM report_stories WHERE report_id = ?", (report_id,)
        ).fetchone()
        return r[0] if r else None

    # -- conflicts -----------------------------------------------------------------------
    def put_conflicts(self, item_id: str, conflicts: Sequence[Disagreement]) -> None:
        old = [
            r[0]
            for r in self.db.execute("SELECT conflict_id FROM conflict_items WHERE item_id = ?", (item_id,))
        ]
        self.db.executemany("DELETE FROM conflicts WHERE id = ?", [(c,) for c in old])
        self.db.execute("DELETE FROM conflict_items WHERE item_id = ?", (item_id,))
        for c in conflicts:
            variants = [
                {"value": v.value, "evidence": _ev(v.evidence), "sources": v.sources} for v in c.variants
            ]
            self.db.execute(
                "INSERT OR REPLACE INTO conflicts (id, topic, item_ids, variants) VALUES (?,?,?,?)",
                (c.id, c.topic, json.dumps(list(c.item_ids)), json.dumps(variants, ensure_ascii=False)),
            )
            self.db.execute(
                "INSERT OR REPLACE INTO conflict_items (conflict_id, item_id, attribute) VALUES (?,?,?)",
                (c.id, item_id, c.attribute),
            )

    # -- embeddings cache ------------------------------------------------------------------
    def load_vectors(self, model: str, keys: list[str]) -> dict[str, np.ndarray]:
        import numpy as np

        found: dict[str, np.ndarray] = {}
        for chunk in _chunks(keys):
            marks = ",".join("?" * len(chunk))
            for r in self.db.execute(
                f"SELECT key, vector FROM embeddings WHERE model = ? AND key IN ({marks})", (model, *chunk)
            ):
                found[r[0]] = np.frombuffer(r[1], dtype=np.float32)
        return found

    def save_vectors(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        import numpy as np

        self.db.executemany(
            "INSERT OR REPLACE INTO embeddings (key, model, vector) VALUES (?,?,?)",
            [(k, model, np.asarray(v, dtype=np.float32).tobytes()) for k, v in vectors.items()],
        )

    # -- a report's own entries ------------------------------------------------------------
    def is_merged(self, report_id: str) -> bool:
        return (
            self.db.execute("SELECT 1 FROM merge_runs WHERE report_id = ?", (report_id,)).fetchone()
            is not None
        )

    def mark_dirty(self, touched: dict[str, set[str]], report_id: str) -> None:
        """Merged items to recompute at the next flush, and the report that touched them."""
        rows = [(kind, i) for kind, ids in touched.items() for i in ids]
        self.db.executemany("INSERT OR IGNORE INTO merge_dirty (kind, item_id) VALUES (?,?)", rows)
        self.db.execute(
            "INSERT OR IGNORE INTO merge_dirty (kind, item_id) VALUES ('report', ?)", (report_id,)
        )

    def dirty_reports(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM merge_dirty WHERE kind = 'report'").fetchone()[0])

    def take_dirty(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for kind, item_id in self.db.execute("SELECT kind, item_id FROM merge_dirty WHERE kind != 'report'"):
            out.setdefault(kind, set()).add(item_id)
        self.db.execute("DELETE FROM merge_dirty")
        return out

    def mark_merged(self, report_id: str) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO merge_runs (report_id, merged_at) VALUES (?,?)", (report_id, _now())
        )

    def remove_report(self, report_id: str) -> dict[str, set[str]]:
        """Take one report's members out of the record; returns the merged ids to recompute."""
        touched: dict[str, set[str]] = {}
        for kind, table, column in (
            ("statement", "statement_members", "statement_id"),
            ("event", "event_members", "merged_id"),
            ("proposal", "proposal_members", "merged_id"),
            ("track", "position_members", "track_id"),
        ):
            touched[kind] = {
                r[0]
                for r in self.db.execute(
                    f"SELECT DISTINCT {column} FROM {table} WHERE report_id = ?", (report_id,)
                )
            }
            if table == "statement_members":
                self.db.execute(
                    "DELETE FROM quote_bands WHERE quote_id IN "
                    "(SELECT quote_id FROM statement_members WHERE report_id = ?)",
                    (report_id,),
                )
            self.db.execute(f"DELETE FROM {table} WHERE report_id = ?", (report_id,))
        self.db.execute("DELETE FROM claims WHERE report_id = ?", (report_id,))
        self.db.execute("DELETE FROM merge_runs WHERE report_id = ?", (report_id,))
        return touched

    def drop_track(self, track_id: str) -> None:
        self.db.execute("DELETE FROM position_tracks WHERE id = ?", (track_id,))

    def drop_event(self, merged_id: str) -> None:
        self.db.execute("DELETE FROM merged_events WHERE id = ?", (merged_id,))
        self.db.execute("DELETE FROM event_heads WHERE merged_id = ?", (merged_id,))
        self.db.execute("DELETE FROM event_head_terms WHERE merged_id = ?", (merged_id,))

    def drop_proposal(self, merged_id: str) -> None:
        self.db.execute("DELETE FROM merged_proposals WHERE id = ?", (merged_id,))


_FIRST_MEMBER = {  # kind -> (members table, the item's column, the member's id)
    "statement": ("statement_members", "statement_id", "quote_id"),
    "event": ("event_members", "merged_id", "event_id"),
    "proposal": ("proposal_members", "merged_id", "proposal_id"),
}

_MERGED_TABLES = (
    "merge_runs",
    "merged_actors",
    "statements",
    "statement_members",
    "quote_bands",
    "merged_events",
    "event_heads",
    "event_head_terms",
    "event_members",
    "claims",
    "merged_proposals",
    "proposal_members",
    "position_tracks",
    "position_members",
    "stories",
    "report_stories",
    "story_terms",
    "story_counts",
    "term_reports",
    "merge_dirty",
    "conflict_items",
    "conflicts",
)


def clear(store: SQLiteStore) -> None:
    """Forget the merged record (not the embeddings cache) and its journal; inside a transaction."""
    journal.switch(store.db, on=False)
    for table in _MERGED_TABLES:
        store.db.execute(f"DELETE FROM {table}")
    store.db.execute("UPDATE quotes SET statement_id = NULL")
    journal.reset(store.db)
    journal.switch(store.db, on=True)


def unmerged_reports(store: SQLiteStore) -> list[str]:
    """Ids of stored reports not merged yet, in merge order (oldest first, undated last)."""
    return [report_id for report_id, _language in store.unmerged_reports()]


@lru_cache(maxsize=8192)
def _head_member(merged_id: str, head: str) -> EventMember:
    """A stored head as one member; the same heads are candidates report after report, so each
    text is read once (a record: nothing can change it)."""
    return head_member(merged_id, json.loads(head))


_HEAD_FIELDS = frozenset(head_of([]))  # the names of a head's parts (a search for one finds every head)


def head_terms(head: dict[str, Any]) -> list[str]:
    """Every string a head names: its first member's id, kind and family, its exact days, places
    and people (the strings a search of its JSON text can find, but for the names of its parts),
    and '"' when one of them has a quote or backslash in it (a term could be found inside it)."""
    found = [*(x for x in head.get("first") or () if isinstance(x, str)), *head["days"], *head["places"],
             *head["people"]]
    terms = list(dict.fromkeys(found))
    if any('"' in t or "\\" in t for t in terms):
        terms.append('"')
    return terms


def _indexed_term(term: str) -> bool:
    """Whether the index of what heads name finds exactly the heads whose JSON text has ``term``
    as a JSON string: not the name of a part of every head, not a string a search could find
    across two strings or inside one (a quote or backslash in it, a separator first)."""
    return (
        bool(term)
        and term not in _HEAD_FIELDS
        and '"' not in term
        and "\\" not in term
        and not term[0].isspace()
        and term[0] not in ",:]}"
    )


def _put(db: Any, table: str, row: dict[str, Any]) -> None:
    names = ", ".join(f'"{k}"' for k in row)
    db.execute(
        f"INSERT OR REPLACE INTO {table} ({names}) VALUES ({','.join('?' * len(row))})", list(row.values())
    )


@cache
def _field_names(cls: Any, skip: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls) if f.name not in skip)


def _row(record: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """A record's fields as column values: tuples as JSON, flags as 0/1, enums as text."""
    out: dict[str, Any] = {}
    kind: Any = type(record)
    for name in _field_names(kind, skip):
        value = getattr(record, name)
        if isinstance(value, tuple):
            value = json.dumps(list(value), ensure_ascii=False)
        elif isinstance(value, bool):
            value = int(value)
        elif isinstance(value, Precision):
            value = str(value)
        out[name] = value
    return out


_JSON_FIELDS = {"participant_ids", "author_ids", "aliases"}
_FLAG_FIELDS = {"exact", "direct", "attached", "rep"}


@cache
def _plan(cls: Any, columns: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    """(field, how to read it) for a record class and a row's columns: 0 as is, 1 JSON list,
    2 flag, 3 precision; fields the store does not keep (with defaults) are left out."""
    plan = []
    for f in fields(cls):
        if f.name not in columns and f.default is not MISSING:
            continue  # a field the store does not keep (Event.plover ...): its default
        how = 1 if f.name in _JSON_FIELDS else 2 if f.name in _FLAG_FIELDS else 0
        if f.name.endswith("precision"):
            how = 3
        plan.append((f.name, how))
    return tuple(plan)


def _unrow(cls: Any, r: Any, **given: Any) -> Any:
    """A record from a row: columns named like its fields, ``given`` for the others."""
    values: dict[str, Any] = dict(given)
    for name, how in _plan(cls, tuple(r.keys())):
        if name in given:
            continue
        value = r[name]
        if how == 1:
            value = tuple(json.loads(value))
        elif how == 2:
            value = bool(value)
        elif how == 3:
            value = _precision(value)
        values[name] = value
    return cls(**values)


def _precision(value: str | None) -> Precision:
    return (_PRECISIONS.get(value) or Precision(value)) if value else Precision.UNKNOWN


_PRECISIONS = {str(p.value): p for p in Precision}


@lru_cache(maxsize=4096)
def _json_tuple(value: str) -> tuple[Any, ...]:
    """A JSON list column as a tuple; the same few lists (the people at one meeting) recur in
    thousands of members, so each is parsed once."""
    return tuple(json.loads(value))


def _records(cls: Any, rows: Iterable[Any]) -> list[Any]:
    """Records from rows of one query (columns named like the fields), the columns' reading
    planned once for all the rows: a statement a thousand reports quote is read in one go."""
    rows = list(rows)
    if not rows:
        return []
    columns = tuple(rows[0].keys())
    plan = [(name, columns.index(name), how) for name, how in _plan(cls, columns)]
    read = {0: None, 1: _json_tuple, 2: bool, 3: _precision}
    steps = [(name, i, read[how]) for name, i, how in plan]
    return [cls(**{name: (r[i] if conv is None else conv(r[i])) for name, i, conv in steps}) for r in rows]


def _event_member(r: Any) -> EventMember:
    return _unrow(EventMember, r)


def _proposal_member(r: Any) -> ProposalMember:
    return _unrow(ProposalMember, r)


# -- reading what extraction stored ----------------------------------------------------------
def extraction_of(store: SQLiteStore, report_id: str) -> Extraction:
    """The extracted items of one stored report, with their evidence, as records."""
    db = store.db
    state = StoreState(store)

    def rows(table: str) -> list[Any]:
        return db.execute(f"SELECT * FROM {table} WHERE report_id = ? ORDER BY id", (report_id,)).fetchall()

    quote_rows, event_rows = rows("quotes"), rows("events")
    proposal_rows, position_rows = rows("proposals"), rows("positions")
    ev = {
        kind: state.evidence(kind, [r["id"] for r in found])
        for kind, found in (
            ("quote", quote_rows),
            ("event", event_rows),
            ("proposal", proposal_rows),
            ("position", position_rows),
        )
    }
    quotes = tuple(_unrow(Quote, r, evidence=ev["quote"][r["id"]]) for r in quote_rows)
    events = tuple(_unrow(Event, r, evidence=ev["event"][r["id"]]) for r in event_rows)
    proposals = tuple(_unrow(Proposal, r, evidence=ev["proposal"][r["id"]]) for r in proposal_rows)
    positions = tuple(_unrow(Position, r, evidence=ev["position"][r["id"]]) for r in position_rows)
    actor_ids = [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT item_id FROM evidence WHERE +item_type = 'actor' AND report_id = ? "
            "ORDER BY item_id",
            (report_id,),
        )
    ]
    actor_ev: dict[str, list[Evidence]] = {}
    for r in db.execute(
        "SELECT item_id, report_id, start, \"end\" FROM evidence "
        "WHERE +item_type = 'actor' AND report_id = ? ORDER BY report_id, start",
        (report_id,),
    ):
        actor_ev.setdefault(r[0], []).append(Evidence(report_id=r[1], start=r[2], end=r[3]))
    actors = []
    text = (db.execute("SELECT text FROM reports WHERE id = ?", (report_id,)).fetchone() or [""])[0] or ""
    for aid in actor_ids:
        r = db.execute("SELECT * FROM actors WHERE id = ?", (aid,)).fetchone()
        if r is None:
            continue
        own = tuple(actor_ev.get(aid, ()))
        # the roles this report states (the actors table gathers every report's): what a report
        # says of an actor must not depend on which reports were stored before it
        roles = tuple(
            replace(role, evidence=tuple(e for e in role.evidence if e.report_id == report_id))
            for role in (_unrole(x) for x in json.loads(r["roles"]))
            if _stated(role, report_id, text)
        )
        actors.append(_unrow(Actor, r, roles=roles, evidence=own))
    return Extraction(
        report_id=report_id,
        actors=tuple(actors),
        quotes=quotes,
        events=events,
        proposals=proposals,
        positions=positions,
    )


def _stated(role: Role, report_id: str, text: str) -> bool:
    """Whether the report states the role: its evidence is in the report, or (a role stored
    without evidence) the report has its title."""
    if role.evidence:
        return any(e.report_id == report_id for e in role.evidence)
    return any(t and t in text for t in (role.title, role.title_ja))


# -- reading the merged record -----------------------------------------------------------------
def story_rows(store: SQLiteStore) -> list[dict[str, Any]]:
    """One row per story for listing (``communique stories``): its reports and independent
    sources (a wire story once), as the last flush counted them (``story_counts``, migration
    0023: the listing does not count the store's reports)."""
    rows = store.db.execute(
        "SELECT s.id, s.name, s.keywords, s.first_day, s.last_day, n.reports, n.sources "
        "FROM stories s LEFT JOIN story_counts n ON n.story_id = s.id ORDER BY coalesce(s.first_day, 0), s.id"
    ).fetchall()
    missing = [r[0] for r in rows if r[5] is None]
    if missing:  # not counted yet (a record taken back, not flushed since): counted here, not kept
        counted = {sid: StoreState(store).story_counts(sid) for sid in missing}
        rows = [(*r[:5], *counted[r[0]]) if r[0] in counted else r for r in rows]
    return [
        {
            "id": r[0],
            "name": r[1],
            "keywords": list(json.loads(r[2])),
            "reports": int(r[5]),
            "sources": int(r[6]),
            "first_date": iso(r[3]) if r[3] else None,
            "last_date": iso(r[4]) if r[4] else None,
        }
        for r in rows
    ]


def statements(store: SQLiteStore) -> list[dict[str, Any]]:
    rows = store.db.execute("SELECT * FROM statements ORDER BY coalesce(said_on, ''), id").fetchall()
    out = []
    for r in rows:
        members = StoreState(store).statement_members(r["id"])
        out.append(
            {
                "id": r["id"],
                "speaker_id": r["speaker_id"],
                "said_on": r["said_on"],
                "said_on_precision": r["said_on_precision"],
                "sources": r["sources"],
                "quote_ids": [m.quote_id for m in members],
                "languages": sorted({m.language for m in members}),
            }
        )
    return out


_EVENT_LISTS = ("participant_ids", "member_ids", "all_participant_ids")


def merged_events(store: SQLiteStore, story_id: str | None = None) -> list[dict[str, Any]]:
    """Merged events, oldest first; with ``story_id``, those with a member read in one of the
    story's reports (or in a report of no story)."""
    return list(iter_merged_events(store, story_id))


def iter_merged_events(store: SQLiteStore, story_id: str | None = None) -> Iterator[dict[str, Any]]:
    """:func:`merged_events` one at a time, read as they are given (an export streams them)."""
    where, params = "", tuple[str, ...]()
    if story_id is not None:
        where = f" WHERE id IN (SELECT merged_id FROM event_members WHERE report_id IN ({STORY_SCOPE}))"
        params = (story_id,)
    for r in store.db.execute(f"SELECT * FROM merged_events{where} ORDER BY coalesce(date, ''), id", params):
        yield {key: (json.loads(r[key]) if key in _EVENT_LISTS else r[key])
               for key in r.keys()}  # noqa: SIM118 - a sqlite3.Row iterates over values


def position_tracks(store: SQLiteStore) -> list[dict[str, Any]]:
    """Every track with its history (oldest first: each member's stance, date and evidence), read
    from its members' rows, where the store keeps it."""
    state = StoreState(store)
    out = []
    for r in store.db.execute("SELECT * FROM position_tracks ORDER BY holder_id, target").fetchall():
        changes = proposal_rules.changes(state.track_members(r["id"]), state.track_evidence(r["id"]))
        history = [{"stance": h.stance, "as_of": h.as_of, "position_id": h.position_id,
                    "evidence": _ev(h.evidence)} for h in changes]
        out.append({**{k: r[k] for k in r.keys()}, "history": history})  # noqa: SIM118
    return out


_MEMBERS = (("statement_members", "statement_id"), ("event_members", "merged_id"),
            ("proposal_members", "merged_id"), ("position_members", "track_id"))


def story_conflicts(store: SQLiteStore, story_id: str) -> Iterator[dict[str, Any]]:
    """The conflicts a briefing of one story can see, as the conflicts table's rows (in the order
    they were written): those about a merged item with a member read in one of the story's
    reports or in a report of no story.  A conflict's variants cite its item's members, so the
    others cite only other stories' reports (the whole table's variants grow with the store)."""
    members = " UNION ".join(f"SELECT {column} FROM {table} WHERE report_id IN (SELECT id FROM scope)"
                             for table, column in _MEMBERS)
    rows = store.db.execute(
        f"WITH scope (id) AS ({STORY_SCOPE}) "
        "SELECT id, topic, item_ids, variants FROM conflicts WHERE id IN "
        f"(SELECT conflict_id FROM conflict_items WHERE item_id IN ({members})) ORDER BY rowid",
        (story_id,))
    for r in rows:
        yield {"id": r[0], "topic": r[1], "item_ids": json.loads(r[2]), "variants": json.loads(r[3])}


def conflicts(store: SQLiteStore) -> list[dict[str, Any]]:
    rows = store.db.execute("SELECT * FROM conflicts ORDER BY topic, id").fetchall()
    return [
        {
            "id": r["id"],
            "topic": r["topic"],
            "item_ids": json.loads(r["item_ids"]),
            "variants": json.loads(r["variants"]),
        }
        for r in rows
    ]
