"""What a briefing talks about: documented, deterministic rules over the record as of a date.

Newsworthiness of a statement (the headline and the order of quotes)::

    2 if a direct quote  + independent sources (max 5)  + speaker prominence (0-3)
    + 2 if said within 3 days after a meeting or call   + 1 if rendered in the briefing language
    - 0.25 per day between the remark and the as-of date

Three points to watch, one per rule first, in this order, then further candidates of the
rules in the same order until there are three (never more than the record supports):

A. an unresolved proposal: its holders' latest stances include a partial acceptance, or
   both acceptance and rejection, or only rejection / opposition / demands;
B. opposed stances on the same issue or proposal: one holder accepts, supports or demands
   while another rejects or opposes;
C. the next step: the earliest meeting still planned as of the date; when none is, the
   fact that no next round has been reported since the latest meeting.

The reader's perspective is the most contested issue: the target with the most distinct
stances, then the most holders, issues before proposals, then the most evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .model import EvidenceRef
from .names import Names
from .record import Record, Statement, View, day

POSITIVE = frozenset({"accept", "support"})
NEGATIVE = frozenset({"reject", "oppose"})
MEETINGS = ("meeting", "phone_call")


def days_between(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    return (date.fromisoformat(b) - date.fromisoformat(a)).days


@dataclass(slots=True)
class Track:
    """A holder's stance on one target over time (oldest first); the last one is current."""

    holder_id: str
    target: str  # proposal id, or "issue:<slug>"
    positions: list[Record] = field(default_factory=list)

    @property
    def current(self) -> Record:
        return self.positions[-1]

    @property
    def stance(self) -> str:
        return str(self.current.get("stance") or "unclear")

    @property
    def is_issue(self) -> bool:
        return self.target.startswith("issue:")


def target_of(v: View, position: Record) -> str | None:
    target = position.get("target_id")
    if target:
        if target in v.items and v.items[target].get("type") == "proposal":
            return str(target)
        for prop in v.proposals:  # a target named by the proposal's name rather than its id
            if prop.get("name") == target:
                return str(prop["id"])
        return f"issue:{target}"
    issue = position.get("issue")
    return f"issue:{issue}" if issue else None


def tracks(v: View) -> list[Track]:
    found: dict[tuple[str, str], Track] = {}
    for position in v.positions:
        target = target_of(v, position)
        if target is None or not position.get("holder_id"):
            continue
        track = found.setdefault(
            (str(position["holder_id"]), target), Track(str(position["holder_id"]), target)
        )
        track.positions.append(position)
    for track in found.values():
        track.positions.sort(
            key=lambda p: (day(p.get("as_of")) or v.first_seen(v.evidence(p)) or "", str(p["id"]))
        )
    return sorted(found.values(), key=lambda t: (t.target, t.holder_id))


def by_target(all_tracks: list[Track]) -> dict[str, list[Track]]:
    out: dict[str, list[Track]] = {}
    for track in all_tracks:
        out.setdefault(track.target, []).append(track)
    return out


# -- statements ---------------------------------------------------------------------------
def meetings(v: View) -> list[Record]:
    return sorted(
        (e for e in v.events if e.get("kind") in MEETINGS and day(e.get("date"))),
        key=lambda e: (day(e.get("date")) or "", str(e["id"])),
    )


def followed_event(v: View, st: Statement) -> Record | None:
    """The latest meeting or call on or up to 3 days before the remark."""
    when = st.said_on or v.first_seen(st.evidence)
    best = None
    for event in meetings(v):
        gap = days_between(day(event.get("date")), when)
        if gap is not None and 0 <= gap <= 3:
            best = event
    return best


def newsworthiness(v: View, names: Names, st: Statement, lang: str) -> float:
    direct = any(q.get("direct") for q in st.quotes)
    prominence = names.prominence(st.speaker_id) if st.speaker_id else 0
    when = st.said_on or v.first_seen(st.evidence)
    age = days_between(when, v.as_of) or 0
    in_lang = any(q.get("language") == lang for q in st.quotes)
    return (
        2 * direct
        + min(v.sources(st.evidence), 5)
        + prominence
        + 2 * (followed_event(v, st) is not None)
        + in_lang
        - 0.25 * max(age, 0)
    )


def ranked_statements(v: View, names: Names, lang: str) -> list[Statement]:
    statements = v.statements()
    return sorted(statements, key=lambda st: (-newsworthiness(v, names, st, lang), st.id))


def rendering(st: Statement, lang: str) -> Record:
    """The wording to show: the briefing's language first, direct before indirect, best sourced."""

    def rank(q: Record) -> tuple[int, int, int, int, str]:
        return (
            q.get("language") != lang,
            not q.get("direct"),
            -len(q.get("evidence") or ()),
            abs(len(str(q.get("text") or "")) - 40),
            str(q["id"]),
        )

    return sorted(st.quotes, key=rank)[0]


# -- points -------------------------------------------------------------------------------
def _stances(ts: list[Track]) -> set[str]:
    return {t.stance for t in ts}


def open_targets(targets: dict[str, list[Track]]) -> list[str]:
    """Rule A: proposals whose holders' current stances leave them unresolved."""
    out = []
    for target, ts in targets.items():
        if target.startswith("issue:"):
            continue
        stances = _stances(ts)
        if (
            "partly_accept" in stances
            or (stances & POSITIVE and stances & NEGATIVE)
            or (stances and not stances & POSITIVE)
        ):
            out.append(target)
    return sorted(out, key=lambda t: (-len(targets[t]), -sum(len(x.positions) for x in targets[t]), t))


def clashing_targets(targets: dict[str, list[Track]]) -> list[str]:
    """Rule B: a holder accepts, supports or demands while another rejects or opposes."""
    out = []
    for target, ts in targets.items():
        stances = _stances(ts)
        if stances & NEGATIVE and (stances & POSITIVE or "demand" in stances):
            out.append(target)
    return sorted(out, key=lambda t: (not t.startswith("issue:"), -len(targets[t]), t))


def most_contested(targets: dict[str, list[Track]]) -> str | None:
    contested = [t for t, ts in targets.items() if len(ts) >= 2] or list(targets)
    if not contested:
        return None
    return sorted(
        contested,
        key=lambda t: (
            -len(_stances(targets[t])),
            -len(targets[t]),
            not t.startswith("issue:"),
            -sum(len(x.positions) for x in targets[t]),
            t,
        ),
    )[0]


def planned(v: View) -> list[tuple[Record, bool]]:
    """Planned meetings as of the date, each with whether it is still ahead.  A plan whose day
    has passed is dropped when a meeting of the same participants took place within two days."""
    done = meetings(v)
    out = []
    for event in sorted(
        (e for e in v.events if e.get("kind") == "planned_meeting"),
        key=lambda e: (day(e.get("date")) or "9999", str(e["id"])),
    ):
        when = day(event.get("date"))
        if when is None or when >= v.as_of:
            out.append((event, True))
            continue
        people = set(event.get("participant_ids") or ())
        held = any(
            abs(days_between(when, day(m.get("date"))) or 99) <= 2
            and people & set(m.get("participant_ids") or ())
            for m in done
        )
        if not held:
            out.append((event, False))
    return out


def overlaps(a: list[EvidenceRef], b: list[EvidenceRef]) -> bool:
    return any(x.report_id == y.report_id and x.start < y.end and y.start < x.end for x in a for y in b)
