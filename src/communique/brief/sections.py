"""The body of a briefing: sections by event, party and proposal; the schedule; what changed
since a date; three points to watch; the reader's perspective; the as-of line; conflicts.

Each function takes the :class:`~communique.brief.compose.Writer` of one briefing and returns
sentences built from record items, each citing them.  The rules of selection are in
:mod:`.select`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Set
from typing import TYPE_CHECKING

from ..extract import places
from . import select
from .model import Citation, Claim, Dropped, EvidenceRef, Section, Sentence
from .record import Record, Statement, day

if TYPE_CHECKING:
    from .compose import Writer

MAX_PROPOSALS = 6
MAX_OTHER_EVENTS = 3
MAX_MEETINGS = 14
PARTY_STATEMENTS = 3  # statements a party's section gives
OUTCOME_SIDES = 2  # sides whose remark on a meeting follows it in the talks so far
TOLD_AFTER_DAYS = 3  # a report this many days after a meeting, at most, dates a remark on it
OUTCOME_REMARKS = 3  # remarks on a meeting at most: a side's second comes from another of its people

_ATTRIBUTES = (
    "duration",
    "length",
    "date",
    "points",
    "wording",
    "participants",
    "speaker",
    "place",
    "number",
    "count",
)


def event_section(w: Writer, event: Record | None) -> Section | None:
    if event is None:
        return None
    when = day(event.get("date"))
    sides = {w.names.side(a) for a in event.get("participant_ids") or ()}
    sides |= {w.names.side(st.speaker_id) for st in w.statements if st.id in w.used and st.speaker_id}
    sentences = []
    sentences += _announced(w, event)  # who said it would take place, before it
    for other in select.meetings(w.v):
        gap = select.days_between(when, day(other.get("date")))
        people = set(other.get("participant_ids") or ()) & set(event.get("participant_ids") or ())
        if (
            other is not event
            and other.get("kind") == "phone_call"  # calls that followed it, by those at the table
            and people
            and gap is not None
            and 0 <= gap <= 3
            and str(other["id"]) not in w.shown_events
        ):
            found = w.event_sentence(other)
            if found:
                sentences.append(found)
    for st in w.statements:
        gap = select.days_between(when, st.said_on)
        side = w.names.side(st.speaker_id) if st.speaker_id else None
        if st.id not in w.used and side in sides and gap is not None and 0 <= gap <= 3 \
                and len(sentences) < 5 and _readable(w, st):
            sentences.append(w.statement_sentence(st, "statement"))
    if not sentences:
        return None
    return Section(
        key=f"event:{event['id']}",
        title=w.T.event_title(w.event_label(event)),
        sentences=tuple(sentences),
    )


# words about "the talks" with nothing to say which: 「協議は率直で、建設的だった」
_TALKS = re.compile(r"\b(?:talks|meeting|negotiations|discussions?)\b|協議|会談|交渉|話し合い", re.I)


def _of_some_talks(st: Statement) -> bool:
    """Undated words about talks that name no place and no number: in a story of several rounds
    a reader cannot tell which (a meeting's own remarks follow it in the talks so far, where the
    meeting says which)."""
    def vague(text: str) -> bool:
        return (_TALKS.search(text) is not None and not _DIGIT.search(text)
                and places.load().resolve(text) is None)
    return st.said_on is None and all(vague(str(q.get("text") or "")) for q in st.quotes)


_DIGIT = re.compile(r"[0-9０-９]")


# the overlap of character n-grams (Dice; bigrams for Japanese, trigrams else) above which a
# speaker's two wordings read as one remark: Japanese paraphrases share fewer n-grams than
# English ones, whose trigrams also join opposites ("closer than ever to a deal", "not close to a
# deal yet": 0.6)
SAME_WORDS = {"cjk": 0.4, "latin": 0.7}


def _same_words(w: Writer, a: Statement, b: Statement) -> bool:
    """Two statements of one speaker that say the same thing in other words (「今回の合意は…監視団を
    設置することを中心に据えている」, 「今回の宣言について、…監視団設置を中心に据えたものだ」): the
    record keeps them apart, the reader would read the point twice."""
    from ..merge.ngrams import grams, wide

    if a.speaker_id != b.speaker_id:
        return False
    ga, gb = (grams(str(select.rendering(st, w.lang).get("text") or "")) for st in (a, b))
    if not ga or not gb:
        return False
    cjk = any(wide(g) for g in ga)
    return 2 * len(ga & gb) / (len(ga) + len(gb)) >= SAME_WORDS["cjk" if cjk else "latin"]


def _with_companion(w: Writer, st: Statement, pool: Iterable[Statement], taken: Set[str] = frozenset()
                    ) -> tuple[Sentence, Statement | None]:
    """The statement's sentence, with the speaker's other remark of that day (:func:`_companion`)
    when the sentence with both stands; else the statement alone."""
    also = _companion(w, st, pool, taken)
    sentence = w.statement_sentence(st, "statement", also=also)
    if also is not None and w.objections(sentence):
        w.used.discard(also.id)
        return w.statement_sentence(st, "statement"), None
    return sentence, also


def _companion(w: Writer, st: Statement, pool: Iterable[Statement], taken: Set[str] = frozenset()
               ) -> Statement | None:
    """Another remark of the speaker that day one sentence may give with ``st`` (the one more
    sources carry): shown in quote marks in the briefing's language (:func:`_standalone`), not
    shown yet, not one of ``taken``, not the same point in other words."""
    found = [o for o in pool if o.id not in w.used and o.id not in taken and w.pairable(st, o)
             and _standalone(w, o) and not _same_words(w, st, o)]
    if found:  # nor a point of the speaker's the briefing gives already in other words
        told = [t for t in w.statements if t.id in w.used and t.speaker_id == st.speaker_id]
        found = [o for o in found if not any(_same_words(w, o, t) or _same_image(w, o, t) for t in told)]
    if not found:
        return None
    return min(found, key=lambda o: (-w.v.sources(o.evidence), select.place_in_report(o), o.id))


_LOANWORD = re.compile(r"[\u30a1-\u30fa\u30fc]{3,}")


def _same_image(w: Writer, a: Statement, b: Statement) -> bool:
    """Two Japanese wordings built on one image, a loanword no name explains (「タンゴは2人で踊る
    ものだ」, 「タンゴは1人では踊れない」): one remark the record kept apart."""
    words = [{m.group() for m in _LOANWORD.finditer(str(select.rendering(st, w.lang).get("text") or ""))}
             for st in (a, b)]
    shared = words[0] & words[1]
    names = w.forms.get("ja", {}).values()
    return any(not any(p.search(word) for p in names) for word in shared)


COMPANION_CHARS = {"ja": 70, "en": 180}  # a second remark in the sentence is short enough to read


def _standalone(w: Writer, st: Statement) -> bool:
    """Words that may follow "and added:": in the briefing's language, a sentence of its own
    (not "for hosting our talks ..."), short."""
    q = select.rendering(st, w.lang)
    text = str(q.get("text") or "").strip()
    return (q.get("language") == w.lang and 0 < len(text) <= COMPANION_CHARS[w.lang]
            and not text[:1].islower() and not text.startswith(("…", "..."))
            and not text.endswith(("…", "...")))


def party_sections(w: Writer) -> list[Section]:
    activity: dict[str, int] = {}
    for st in w.statements:
        if st.speaker_id and st.id not in w.used:
            side = w.names.side(st.speaker_id)
            activity[side] = activity.get(side, 0) + 1
    for track in w.tracks:
        side = w.names.side(track.holder_id)
        activity[side] = activity.get(side, 0) + 1
    # the sides the story's meetings, calls and agreements name: a side that only spoke (the host
    # country's minister on the talks it hosts) is not a party, when two or more sides are named
    # (of meetings naming two sides at least: "the next round" with the IAEA alone names no party)
    taking_part: set[str] = set()
    for e in w.v.events:
        sides = {w.names.side(p) for p in e.get("participant_ids") or ()}
        if e.get("kind") in (*select.HELD, "planned_meeting") and len(sides) >= 2:
            taking_part |= sides
    rounds = sum(1 for e in w.v.events if e.get("kind") in select.HELD)
    sections: list[Section] = []
    for side in sorted(activity, key=lambda s: (-activity[s], s)):
        if len(sections) == 4:
            break
        own = [t for t in w.tracks if w.names.side(t.holder_id) == side]
        if (not own or w.names.kind(side) == "organization") and len(taking_part) >= 2 \
                and side not in taking_part:
            continue  # (nor an agency judging the talks with a stance of its own: the IAEA)
        # one stance per target for the side (its latest, best supported holder), two sources first
        own = [
            ts[0]
            for ts in (
                select.by_side([t for t in own if t.target == x], w.names.side)
                for x in dict.fromkeys(t.target for t in own)
            )
        ]
        own.sort(key=lambda t: (t.support < 2, -t.support, t.is_issue, t.target, t.holder_id))
        if len(own) > 1:
            own = [t for t in own if t.support >= 2] or own[:1]
        sentences = [w.position_sentence(t) for t in own[:3]]
        spoken = [
            st
            for st in w.statements
            if st.id not in w.used and st.id not in w.reserved and st.speaker_id
            and w.names.side(st.speaker_id) == side and not (rounds >= 2 and _of_some_talks(st))
        ]
        # words in the briefing's language; words it can give only in the other one when the
        # side has fewer than two of those
        own_lang = [st for st in spoken if any(q.get("language") == w.lang for q in st.quotes)]
        if len(own_lang) < 2:  # one (English briefing) or two (Japanese) it can give only as said
            own_lang += [st for st in spoken if st not in own_lang][: 1 if w.lang == "en" else 2]
        own_lang = _occasions_first(w, own_lang)
        # up to PARTY_STATEMENTS that stand: one the checker would drop is set aside (and reported)
        # here, so that the next best takes its place
        said = 0
        shown: list[Statement] = []
        for chosen in own_lang:
            # the speaker's words just before these in the same report, undated like them, go
            # first: they say what these are about ("the trip was cancelled ...", then "there are
            # points to discuss"); not when the sentence gives his other words of the day already
            context = [] if said + 2 > PARTY_STATEMENTS or _companion(w, chosen, own_lang) \
                else _context_before(w, chosen, own_lang)  # (room for both, or none)
            for st in [*context, chosen]:
                if said == PARTY_STATEMENTS:
                    break
                if st.id in w.used or any(_same_words(w, st, other) for other in shown):
                    continue  # one remark in two wordings the record did not join: told once
                mentioned = w.names.mentioned()
                sentence, also = _with_companion(w, st, own_lang)  # his other words that day with them
                reasons = w.objections(sentence)
                if reasons:
                    w.names.forget(mentioned)  # the next sentence names in full whom this one did
                    w.set_aside.append(Dropped(where=f"section:party:{side}", text=sentence.text,
                                               reasons=reasons))
                    continue
                sentences.append(sentence)
                shown += [st, *([also] if also else [])]
                said += 1
        if not sentences:
            continue
        top = own[0] if own else None
        title = w.T.party_title(
            w.names.side_label(side),
            w.target_label(top.target) if top else None,
            top.stance if top else None,
        )
        sections.append(Section(key=f"party:{side}", title=title, sentences=tuple(sentences)))
    return sections


def _occasions_first(w: Writer, ranked: list[Statement]) -> list[Statement]:
    """The side's statements, one per occasion first (the day and the reports that carry them: one
    interview, one press conference), in rank: a section gives what the side said on several
    occasions before a third remark of one interview; the other remarks of an occasion follow (and
    may still join the first as its companion)."""
    seen: set[tuple[str | None, frozenset[str]]] = set()
    first: list[Statement] = []
    rest: list[Statement] = []
    for st in ranked:
        occasion = (st.said_on or w.v.first_seen(st.evidence), frozenset(e.report_id for e in st.evidence))
        (rest if occasion in seen else first).append(st)
        seen.add(occasion)
    return first + rest


CONTEXT_CHARS = 300  # words this close before others in one report tell what those are about


def _context_before(w: Writer, st: Statement, pool: Iterable[Statement]) -> list[Statement]:
    """The speaker's other remark, not shown yet, that the one report carrying both gives just
    before ``st`` (within CONTEXT_CHARS), when neither is dated: read first, it says what ``st``
    is about."""
    if st.said_on is not None or not st.speaker_id:
        return []
    mine = select.rendering(st, w.lang)
    spans = {e.report_id: e.start for e in w.v.evidence(mine)}
    if len(spans) != 1:
        return []
    (rid, at), = spans.items()
    text = str((w.v.reports.get(rid) or {}).get("text") or "")
    found = []
    for other in pool:
        if other.id == st.id or other.id in w.used or other.speaker_id != st.speaker_id \
                or other.said_on is not None:
            continue
        ends = [e.end for e in w.v.evidence(select.rendering(other, w.lang)) if e.report_id == rid]
        if ends and 0 <= at - max(ends) <= CONTEXT_CHARS and _next_sentence(text, max(ends), at):
            found.append((max(ends), other))
    return [max(found, key=lambda f: f[0])[1]] if found else []


def _next_sentence(text: str, end: int, start: int) -> bool:
    """Words at ``start`` open the sentence right after the one ending near ``end`` (no sentence
    of the reporter's own between them)."""
    return len(re.findall(r"[.!?。！？]", text[end:start])) <= 1


def proposals_section(w: Writer) -> Section | None:
    """Proposals by the name shown (extracted items of one name are one proposal), the most
    reported first chosen, then told oldest first: when reported, linked leaks and
    presentations, and the holders' current stances."""
    groups: dict[str, list[Record]] = {}
    for (
        rep,
        members,
    ) in w.proposal_groups.items():  # items of one proposal are one, named as its representative
        groups.setdefault(w.proposal_label(w.v.items[rep]), []).extend(members)

    def first_day(members: list[Record]) -> str:
        days = [day(p.get("first_reported")) or w.v.first_seen(w.v.evidence(p)) or "" for p in members]
        return min(days)

    chosen = sorted(
        groups.items(),
        key=lambda kv: (-w.v.sources([e for p in kv[1] for e in w.v.evidence(p)]), first_day(kv[1]), kv[0]),
    )[:MAX_PROPOSALS]
    chosen.sort(key=lambda kv: (first_day(kv[1]), kv[0]))
    kinds = ("leak", "proposal", "counter_proposal")
    events = sorted(
        (e for e in w.v.events if e.get("kind") in kinds),
        key=lambda e: (day(e.get("date")) or "", str(e["id"])),
    )
    sentences = []
    linked: set[str] = set()
    for label, members in chosen:
        prop = next((p for p in members if str(p["id"]) in w.proposal_groups), members[0])
        evidence = [e for p in members for e in w.v.evidence(p)]
        authors = list(dict.fromkeys(str(a) for p in members for a in p.get("author_ids") or ()))
        first = first_day(members) or None
        hedge = w.hedge_for(evidence)
        # authors the name already gives ("the Trump plan", 「トランプ氏が提案した計画」) are not
        # repeated, nor their side ("by Trump and the US")
        forms = w.forms.get(w.lang, {})
        named = [a for a in authors if w.names.short(a) in label or (a in forms and forms[a].search(label))]
        named_sides = {w.names.side(a) for a in named}
        shown_authors = [a for a in authors if a not in named and w.names.side(a) not in named_sides]
        people_sides = {w.names.side(a) for a in shown_authors if w.names.kind(a) == "person"}
        shown_authors = [a for a in shown_authors  # "by Trump", not "by Trump and the US"
                         if w.names.kind(a) == "person" or w.names.side(a) not in people_sides]
        text = w.T.proposal_reported(label, w.names.mention_all(shown_authors), w.when(first), hedge=hedge)
        citation = w.cite(
            prop, "proposal", evidence, actors=authors, extra_dates=[first], required=w.label_evidence(prop)
        )
        if shown_authors:  # who put it forward; "X was reported" alone says nothing an editor would print
            sentences.append(w.sentence(w.T.capitalize(text), [citation], "proposal", hedged=bool(hedge)))
        spans = select.Spans(evidence)
        for event in events:
            if str(event["id"]) not in linked and spans.overlaps(w.v.evidence(event)):
                linked.add(str(event["id"]))
                found = w.event_sentence(event, subject=label)
                if found:
                    sentences.append(dataclasses.replace(found, citations=found.citations + (citation,)))
        ids = {str(p["id"]) for p in members}
        ts = sorted((t for t in w.tracks if t.target in ids), key=lambda t: (t.holder_id, t.target))
        latest: dict[str, select.Track] = {}
        for track in ts:  # one stance per holder: the latest across the proposal's items
            if track.holder_id not in latest or _as_of(track) >= _as_of(latest[track.holder_id]):
                latest[track.holder_id] = track
        if latest:
            ts = select.by_side([latest[h] for h in sorted(latest)], w.names.side)
            pairs = [(w.names.mention(t.holder_id), t.stance) for t in ts]
            single = [w.v.outlets(w.v.evidence(t.current)) for t in ts]
            hedge = "reports" if any(len(o) <= 1 for o in single) else None
            text = w.T.proposal_positions(label, pairs, hedge=hedge)
            cites = [w.target_cite(t, t.current) for t in ts]
            sentences.append(w.sentence(text, cites, "position", hedged=bool(hedge)))
    seen: set[tuple[str, str]] = set()
    for event in events:
        key = (str(event.get("kind")), day(event.get("date")) or "")
        if str(event["id"]) not in linked and key not in seen and len(seen) < MAX_OTHER_EVENTS:
            seen.add(key)
            found = w.event_sentence(event)
            if found:
                sentences.append(found)
    if not sentences:
        return None
    return Section(key="proposals", title=w.T.LABELS["proposals"], sentences=tuple(sentences))


def _as_of(track: select.Track) -> str:
    return str(day(track.current.get("as_of")) or "")


def _well_told(w: Writer, event: Record) -> bool:
    """Two independent sources, or one that gives the day (for a meeting or call, the part of the
    month will do: "early June", "last week"), a known city (not for a call) and two people by
    name (for an agreement: the day and the two sides)."""
    if w.v.sources(w.v.evidence(event)) >= 2:
        return True
    precision = event.get("date_precision", "day")
    dated = precision == "day" and bool(day(event.get("date")))
    if event.get("kind") == "agreement":  # the day and two sides agreeing in the cited clause
        return dated and len({w.names.side(a) for a in w.participants(event)}) >= 2
    dated = dated or (precision == "part_of_month" and bool(day(event.get("date"))))
    people = [a for a in w.participants(event) if w.names.kind(a) == "person"]
    placed = w.names.place(event.get("place")) is not None or event.get("kind") == "phone_call"  # no city
    return dated and placed and len(people) >= 2


def _held_by(w: Writer, event: Record) -> str | None:
    """For a meeting or call no report dates, told by two independent sources: the day of the
    first report telling it (it had taken place by then); else None."""
    if day(event.get("date")) or event.get("kind") not in ("meeting", "phone_call"):
        return None
    evidence = w.v.evidence(event)
    return w.v.first_seen(evidence) if w.v.sources(evidence) >= 2 else None


def _outcome(w: Writer, event: Record, only_there: Set[str] = frozenset(),
             side: str | None = None, besides: Set[str] = frozenset()) -> Statement | None:
    """What a participant (or their side) said of it: on the day or the two days after, or, with
    no date, words a person it names (any, when it names none) is quoted in, in a report that
    tells of this meeting and of no other meeting, call or agreement (``only_there``); the remark
    carried by the most independent sources, in the briefing's language first (with ``side``,
    of that side's remarks; not one of the speakers ``besides``)."""
    on = day(event.get("date"))
    sides = {w.names.side(a) for a in w.participants(event)}
    if side is not None:
        sides &= {side}
    found = []
    for st in w.statements:
        if st.id in w.used or not st.speaker_id or w.names.side(st.speaker_id) not in sides \
                or st.speaker_id in besides:
            continue
        gap = select.days_between(on, st.said_on)
        if gap is not None and 0 <= gap <= 2 and st.precision in ("day", "datetime"):
            found.append(st)  # said that day or the two after (a part of a month is no day)
        elif only_there and {e.report_id for e in st.evidence} <= only_there and (
                (st.said_on is None and any(q.get("direct") for q in st.quotes))
                or (st.precision == "part_of_month" and _told_just_after(w, st, on))) \
                and not any(_SAID_BEFORE.search(ev.context or "") for ev in st.evidence):
            people = {a for a in w.participants(event) if w.names.kind(a) == "person"}
            if st.speaker_id in people or not people:
                found.append(st)  # undated, or dated only by its report: by someone it names
    found = [st for st in found if _readable(w, st)]
    if not found:
        return None
    return max(found, key=lambda st: (_own(w, st), w.v.sources(st.evidence), st.said_on or "", st.id))


def _own(w: Writer, st: Statement) -> bool:
    return any(q.get("language") == w.lang for q in st.quotes)


def _readable(w: Writer, st: Statement) -> bool:
    """Words the briefing's reader can take as said: in an English briefing, English ones
    (Japanese words are words its reader cannot read); in a Japanese one, Japanese ones or an
    English speaker's own words (a reporter's English paraphrase in 「」 would read as his)."""
    if w.lang == "en":
        return _own(w, st)
    return _own(w, st) or any(q.get("direct") for q in st.quotes)


# words a report says were said before the talks: "Before the talks, Witkoff said ...",
# 「協議を前に、…を求める」 (with no day of their own, they are no remark on the meeting after it)
_SAID_BEFORE = re.compile(
    r"\b(?:before|ahead of|prior to|in the run-up to)\s+(?:the|this|these|[a-z]+day's)?\s*"
    r"(?:[\w-]+\s+){0,2}?(?:talks|meeting|round|negotiations|summit)\b"
    r"|(?:協議|会談|交渉|会合)(?:を前に|に先立|の前に|前に)", re.I)


def _told_just_after(w: Writer, st: Statement, on: str | None) -> bool:
    """Every report carrying the remark is dated the day of the meeting (``on``) or up to
    TOLD_AFTER_DAYS after it: a remark such a report dates no finer than its own part of the month
    ("said" in a report of 30 July on the talks that ended the day before) was said by then, and
    the report tells of this meeting alone."""
    if on is None:
        return False
    for rid in {e.report_id for e in st.evidence}:
        report = w.v.reports.get(rid) or {}
        gap = select.days_between(on, day(report.get("published_at")))
        if gap is None or not 0 <= gap <= TOLD_AFTER_DAYS \
                or str(report.get("published_precision")) not in ("day", "datetime"):
            return False
    return True


# words that announce a meeting still to come: "will be held in Rome", 「ローマで開催される予定」
_ANNOUNCING = re.compile(
    r"\b(?:will|would|to be held|is to|are to|set to|scheduled|next round|next week|due to)\b"
    r"|予定|開かれる|開催される|開催する|行われる|行う見通し|開く", re.I)
ANNOUNCED_DAYS = 10  # an announcement of a round said this many days before it, at most


def _announcement(w: Writer, event: Record) -> Statement | None:
    """Who announced the meeting before it took place (the mediator's "The fifth round ... will
    be held in Rome on May 23"): a remark dated to a day one to ANNOUNCED_DAYS days before it
    that names its place and says it will take place; the one more sources carry."""
    on = day(event.get("date"))
    place = str(event.get("place") or "")
    if on is None or not place or event.get("date_precision") not in ("day", "datetime"):
        return None
    shown = {place, w.names.place(place) or place}
    found = []
    for st in w.statements:
        gap = select.days_between(st.said_on, on)
        if st.id in w.used or st.id in w.reserved or not st.speaker_id or gap is None \
                or not 1 <= gap <= ANNOUNCED_DAYS or st.precision not in ("day", "datetime"):
            continue
        q = select.rendering(st, w.lang)
        text = str(q.get("text") or "")
        if (q.get("language") == w.lang or q.get("direct")) and _ANNOUNCING.search(text) \
                and any(p and p in text for p in shown):
            found.append(st)
    return max(found, key=lambda st: (w.v.sources(st.evidence), st.said_on or "", st.id), default=None)


def _announced(w: Writer, event: Record) -> list[Sentence]:
    """The sentence telling who announced the meeting (:func:`_announcement`), when it stands."""
    announced = _announcement(w, event)
    if announced is None:
        return []
    sentence = w.statement_sentence(announced, "statement")
    return [] if w.objections(sentence) else [sentence]


def _people_by_side(w: Writer, event: Record) -> dict[str | None, set[str]]:
    people: dict[str | None, set[str]] = {}
    for actor in w.participants(event):
        people.setdefault(w.names.side(actor), set())
        if w.names.kind(actor) == "person":
            people[w.names.side(actor)].add(actor)
    return people


def _one_line_each(w: Writer, chosen: list[Record], on: Callable[[Record], str]) -> list[Record]:
    """Meetings of one kind, day and sides, in one place (or none given), that name no two
    different people of a side are one meeting told twice ("Iran and the US held talks in Muscat",
    "Araghchi met the US"): one line, the best told first (``chosen`` is in that order), naming
    the people the others add, with their clauses cited.  Two meetings that name different people
    of a side stay two lines (a summit's two meetings); the same sides, no others named, in another
    city on the same day are the less told account of the one meeting, and left out."""
    # each line: its best told record, the others joined to it, the people each side has by then
    # and the city any of them gives
    kept: list[tuple[Record, list[Record], dict[str | None, set[str]], list[str]]] = []
    for event in chosen:
        sides = _people_by_side(w, event)
        place = w.names.place(event.get("place"))
        for first, joined, known, cities in kept:
            if (str(first.get("kind")), on(first)) != (str(event.get("kind")), on(event)):
                continue
            if set(known) != set(sides):
                continue
            if place and cities and place != cities[0]:
                if all(known[side] == sides[side] or not sides[side] for side in sides):
                    break  # the same sides on the same day in another city: the less told account
                    # (the round "due in Muscat" that was held in Rome) is left out
                continue
            if all(not known[side] or not sides[side] or known[side] <= sides[side]
                   or sides[side] <= known[side] for side in sides):
                joined.append(event)
                for side, people in sides.items():
                    known[side] |= people
                cities += [place] if place and not cities else []
                break
        else:
            kept.append((event, [], sides, [place] if place else []))
    out = []
    for first, joined, _known, _cities in kept:
        if not joined:
            out.append(first)
            continue
        for other in joined:
            w.shown_events.add(str(other["id"]))
        ids = list(dict.fromkeys(a for e in (first, *joined) for a in w.participants(e)))
        one = {
            **first,
            "participant_ids": ids,
            "place": first.get("place") or next((o.get("place") for o in joined if o.get("place")), None),
            # the others' clauses first: a person one of them adds is cited where that meeting names him
            "evidence": [ev for e in (*joined, first) for ev in e.get("evidence") or ()],
        }
        # each is supported by its own meeting's sources (:func:`select.supported_participants`)
        one["participant_sources"] = dict.fromkeys(ids, w.v.sources(w.v.evidence(one)))
        out.append(one)
    return out


def meetings_section(w: Writer) -> Section | None:
    """Meetings, calls and agreements not told yet, well told (:func:`_well_told`): MAX_MEETINGS of
    them, those two sources or more tell first, then the latest, told oldest first, each with what
    one of its sides said of it; one per kind, day and participants."""
    kinds = select.HELD
    rest = [
        e
        for e in w.v.events
        if e.get("kind") in kinds and str(e["id"]) not in w.shown_events and e.get("date_precision") != "year"
    ]
    by = {str(e["id"]): _held_by(w, e) for e in rest}
    rest = [e for e in rest if (day(e.get("date")) or by[str(e["id"])] or "9999") <= w.v.as_of
            and _well_told(w, e)]

    def on(e: Record) -> str:
        return day(e.get("date")) or by[str(e["id"])] or ""

    # the best told first (two sources or more), then the latest; told oldest first below
    # (of two told for one day and the same people, the one more sources tell: the round "due in
    # Muscat" that was held in Rome)
    def best_told(e: Record) -> tuple[bool, str, int, str]:
        n = w.v.sources(w.v.evidence(e))
        return n >= 2, on(e), n, str(e["id"])

    rest.sort(key=best_told, reverse=True)
    chosen = []
    seen: set[tuple[str, str, frozenset[str]]] = set()
    for event in rest:  # the latest ones, told oldest first
        key = (str(event.get("kind")), on(event), frozenset(w.participants(event)))
        if key in seen or len(seen) >= MAX_MEETINGS or not key[2]:
            continue
        seen.add(key)
        chosen.append(event)
    chosen = _one_line_each(w, chosen, on)
    chosen.sort(key=lambda e: (on(e), str(e["id"])))
    telling: dict[str, int] = {}  # report -> how many of the story's meetings (held or planned),
    # calls and agreements it tells
    for event in (e for e in w.v.events if e.get("kind") in (*kinds, "planned_meeting")):
        for rid in {e.report_id for e in w.v.evidence(event)}:
            telling[rid] = telling.get(rid, 0) + 1
    sentences = []
    for event in chosen:
        told = w.event_sentence(event, by=None if day(event.get("date")) else by[str(event["id"])])
        if not told:
            continue
        sentences += _announced(w, event)  # who said it would take place, before it
        sentences.append(told)
        if not day(event.get("date")):
            continue
        only_there = {rid for e in w.v.evidence(event) if telling[(rid := e.report_id)] == 1}
        # what each side said of it (the side whose remark more sources carry first), then what
        # another of a side's people said of it (a minister beside his spokesman)
        sides = sorted({w.names.side(a) for a in w.participants(event)})
        firsts = [r for side in sides if (r := _outcome(w, event, only_there, side)) is not None]
        firsts.sort(key=lambda st: (-w.v.sources(st.evidence), st.id))
        firsts = firsts[:OUTCOME_SIDES]
        seconds = [r for first in firsts
                   if (r := _outcome(w, event, only_there, w.names.side(str(first.speaker_id)),
                                     besides={str(first.speaker_id)})) is not None
                   and r.id not in {f.id for f in firsts}]
        seconds.sort(key=lambda st: (-w.v.sources(st.evidence), st.id))
        remarks = [*firsts, *seconds][:OUTCOME_REMARKS]
        # one remark at most in the other language (a Japanese briefing quoting English for each
        # side of a round reads as a translation left undone), the briefing's own first
        foreign = [r for r in remarks if not any(q.get("language") == w.lang for q in r.quotes)]
        remarks = [r for r in remarks if r not in foreign[1:]]
        for said in remarks:
            # the speaker's other words that day on it, in the same sentence
            sentence, _ = _with_companion(w, said, w.statements, taken={r.id for r in remarks})
            if not w.objections(sentence):
                sentences.append(sentence)
    if not sentences:
        return None
    return Section(key="meetings", title=w.T.LABELS["meetings"], sentences=tuple(sentences))


def schedule_section(w: Writer) -> Section | None:
    sentences = [
        s
        for event, ahead in select.planned(w.v)
        for s in [w.event_sentence(event, "schedule", future=ahead)]
        if s
    ]
    if not sentences:
        return None
    return Section(key="schedule", title=w.T.LABELS["schedule"], sentences=tuple(sentences))


def since_section(w: Writer, since: str) -> Section:
    sentences: list[Sentence] = []
    fresh = [
        e
        for e in w.v.events
        if (w.v.first_seen(w.v.evidence(e)) or "") > since
        and e.get("kind")
        in ("meeting", "phone_call", "planned_meeting", "leak", "proposal", "counter_proposal")
    ]
    for event in sorted(fresh, key=lambda e: (day(e.get("date")) or "9999", str(e["id"]))):
        ahead = not day(event.get("date")) or (day(event.get("date")) or "") >= w.v.as_of
        found = w.event_sentence(event, "since", future=ahead)
        if found:
            sentences.append(found)
    for track in w.tracks:
        stances = [str(p.get("stance")) for p in track.positions]
        changed = len(set(stances)) > 1 and stances[-1] != stances[-2]
        fresh_last = (w.v.first_seen(w.v.evidence(track.current)) or "") > since
        if changed and fresh_last:
            old = track.positions[-2]
            text = w.T.stance_change(
                w.names.mention(track.holder_id),
                w.target_label(track.target),
                stances[-2],
                stances[-1],
            )
            sentences.append(
                w.sentence(text, [w.target_cite(track, old), w.target_cite(track, track.current)], "since")
            )
        elif fresh_last and all((w.v.first_seen(w.v.evidence(p)) or "") > since for p in track.positions):
            sentences.append(w.position_sentence(track, "since"))
    new_statements = [
        st for st in w.statements if st.id not in w.used and (w.v.first_seen(st.evidence) or "") > since
    ]
    sentences += [w.statement_sentence(st, "since") for st in new_statements[:3]]
    for conflict in w.v.conflicts:
        before = {
            str(var.get("value"))
            for var in conflict["variants"]
            if any((w.v.published(e["report_id"]) or "") <= since for e in var["evidence"])
        }
        if len(before) < 2:
            subject, citation = conflict_parts(w, conflict)
            sentences.append(w.sentence(w.T.new_conflict(subject), [citation], "since"))
    return Section(
        key="since",
        title=w.T.since_title(w.T.full_date(since)),
        sentences=tuple(sentences),
        note="" if sentences else w.T.LABELS["nothing_new"],
    )


def points(w: Writer) -> tuple[list[Sentence], str | None]:
    """Three points to watch by the rules of :mod:`.select`; also the open target for the as-of line."""
    candidates: dict[str, list[Sentence]] = {"A": [], "B": [], "C": []}
    opened = select.open_targets(w.targets)
    for target in opened:
        ts = sorted(select.by_side(w.targets[target], w.names.side), key=lambda t: t.holder_id)
        pairs = [(w.names.short(t.holder_id), t.stance) for t in ts]
        candidates["A"].append(
            w.sentence(
                w.T.point_open(w.target_label(target), pairs),
                [w.target_cite(t, t.current) for t in ts],
                "point",
            )
        )
    for target in select.clashing_targets(w.targets):
        if opened and target == opened[0]:
            continue
        ts = sorted(
            select.by_side(w.targets[target], w.names.side),
            key=lambda t: (t.stance not in select.POSITIVE | {"demand"}, t.holder_id),
        )
        pairs = [(w.names.short(t.holder_id), t.stance) for t in ts]
        candidates["B"].append(
            w.sentence(
                w.T.point_clash(w.target_label(target), pairs),
                [w.target_cite(t, t.current) for t in ts],
                "point",
            )
        )
    ahead = [event for event, still in select.planned(w.v) if still]
    for event in ahead:
        actors = w.participants(event)
        event_id = str(event["id"])
        claims = [Claim(role="participant", actor=a, value="planned_meeting", item_id=event_id)
                  for a in actors] or [Claim(role="planned", value="planned_meeting", item_id=event_id)]
        text = w.T.point_next(
            [w.names.short(a) for a in actors],
            w.when(event.get("date"), event.get("date_precision")),
            w.names.place(event.get("place")),
        )
        required = [e for c in claims if (e := w.supporting_span(event, c)) is not None]
        candidates["C"].append(w.sentence(text, [w.cite(event, "event", actors=actors, required=required)],
                                          "point", claims=claims))
    last = select.latest_meeting(w.v, two_sources=False)
    later = [e for e in w.v.events if e.get("kind") != "planned_meeting" and last is not None
             and (day(last.get("date")) or "") < (day(e.get("date")) or "") <= w.v.as_of]
    # a plan first reported after it, dated or not ("will meet soon", "a visit in April"): a next step
    # (a plan only undated reports tell may be newer than the last meeting: no "no next round" then)
    plans = [e for e in w.v.events if e.get("kind") == "planned_meeting" and last is not None
             and (w.v.first_seen(w.v.evidence(e)) or "9999") >= (day(last.get("date")) or "")]
    if not ahead and last is not None and not later and not plans:  # nothing after it: no next round known
        candidates["C"].append(
            w.sentence(
                w.T.point_unclear(w.event_label(last)),
                [w.cite(last, "event", actors=w.participants(last))],
                "point",
            )
        )
    chosen: list[Sentence] = []
    for rank in range(3):
        for rule in "ABC":
            if rank < len(candidates[rule]) and len(chosen) < 3:
                chosen.append(candidates[rule][rank])
    return chosen, opened[0] if opened else None


def perspective(w: Writer) -> tuple[list[Sentence], str | None]:
    target = select.most_contested(w.targets)
    if target is None:
        return [], None
    ts = sorted(select.by_side(w.targets[target], w.names.side), key=lambda t: (t.stance, t.holder_id))
    out = [
        w.sentence(
            w.T.perspective_intro(w.target_label(target)),
            [w.target_cite(t, t.current) for t in ts],
            "perspective",
        )
    ]
    out += [dataclasses.replace(w.position_sentence(t), kind="perspective") for t in ts[:4]]
    spans = select.Spans(e for t in ts for e in w.v.evidence(t.current))
    for st in w.statements:
        if st.id not in w.used and spans.overlaps(st.evidence):  # not a remark given already
            out.append(dataclasses.replace(w.statement_sentence(st, "perspective")))
            break
    return out, target


def as_of_line(w: Writer, target: str | None) -> Sentence:
    when = w.T.full_date(w.v.as_of)
    if target is not None:
        ts = w.targets[target]
        return w.sentence(
            w.T.as_of_open(when, w.target_label(target)),
            [w.target_cite(t, t.current) for t in ts],
            "as_of",
            allowed=[w.v.as_of],
        )
    event = select.latest_development(w.v)  # the latest meeting, call or agreement, dated to the day
    if event is not None:
        return w.sentence(
            w.T.as_of_latest(when, w.event_label(event), str(event.get("kind"))),
            [w.cite(event, "event", actors=w.participants(event))],
            "as_of",
            allowed=[w.v.as_of],
        )
    st = w.statements[0]
    q = select.rendering(st, w.lang)
    return w.sentence(
        w.T.as_of_latest(when, w.T.quote(str(q["text"]), str(q.get("language")))),
        [w.cite(q, "quote")],
        "as_of",
        quoted=[w.T.shown(str(q["text"]))],
        allowed=[w.v.as_of],
    )


def _attribute(topic: str) -> str | None:
    """What a conflict's topic says the reports differ on: a word of its own ("the date of ...";
    not the "date" in "(undated)")."""
    return next((a for a in _ATTRIBUTES if re.search(rf"\b{re.escape(a)}\b", topic, re.IGNORECASE)), None)


def conflict_parts(w: Writer, conflict: Record) -> tuple[str, Citation]:
    topic = str(conflict.get("topic") or "")
    attribute = _attribute(topic)
    label = None
    actors: list[str] = []
    dates: list[str | None] = []
    for item_id in conflict.get("item_ids") or ():
        item = w.v.items.get(item_id)
        if item is None:
            continue
        if item.get("type") == "event":
            label = w.event_label(item, dated=attribute != "date")
            actors = w.participants(item)
            dates.append(day(item.get("date")) if attribute != "date" else None)
        elif item.get("type") == "proposal":
            label = w.proposal_label(item)
            actors = [str(a) for a in item.get("author_ids") or ()]
        elif item.get("type") == "quote" and item.get("speaker_id"):
            speaker = str(item["speaker_id"])
            label = w.T.remark(w.names.short(speaker))
            actors = [speaker]
        if label:
            break
    per_variant = [w.v.evidence(var) for var in conflict["variants"]]
    evidence = [ref for refs in per_variant for ref in refs]
    shown = [
        _variant_shown(w, var, refs)[1] for var, refs in zip(conflict["variants"], per_variant, strict=True)
    ]
    if attribute == "date":  # the dates the reports give, as the record read them from the evidence
        dates += [day(str(var.get("value") or "")) for var in conflict["variants"]]
    citation = w.cite(conflict, "conflict", evidence, actors=actors, extra_dates=dates, required=shown)
    return str(w.T.conflict_subject(attribute, label, topic)), citation


def _variant_shown(w: Writer, var: Record, refs: list[EvidenceRef]) -> tuple[str, EvidenceRef]:
    """What a conflict variant is shown as: its value when verbatim in its evidence, else the evidence."""
    value = str(var.get("value") or "")
    ref = next((r for r in refs if value and value in r.text), None)
    if ref is not None:
        return value, ref
    limit = 80 if w.v.language_of(refs[0]) == "ja" else 160
    return trim(refs[0].text, limit), refs[0]


def conflict_sentence(w: Writer, conflict: Record) -> Sentence:
    subject, citation = conflict_parts(w, conflict)
    variants = []
    quoted = []
    for var in conflict["variants"]:
        refs = w.v.evidence(var)
        text, ref = _variant_shown(w, var, refs)
        value = str(var.get("value") or "")
        if day(value) and len(value) == 10 and len(ref.text.strip()) < 15 and not re.search(r"\d", ref.text):
            # The evidence is a bare word ("talks") and the date is in its sentence's words
            # ("on Thursday", 4日): say the date the record read there, not the fragment.
            shown_value = w.T.full_date(value)
        else:
            quoted.append(w.T.shown(text))
            shown_value = w.T.quote(text, w.v.language_of(ref))
        variants.append(
            (
                # one name per outlet (two reports of one outlet read as one name)
                w.T.outlets(list(dict.fromkeys(o or w.T.LABELS["a_report"] for o in w.v.outlets(refs)))[:3]),
                shown_value,
            )
        )
    return w.sentence(w.T.conflict(subject, variants), [citation], "conflict", quoted=quoted)


# -- the whole ---------------------------------------------------------------------------


def trim(text: str, limit: int) -> str:
    """A long quote cut after its last full sentence within the limit (still verbatim)."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = max((m.end() for m in re.finditer(r"[。．.!?！？](?=\s|$|[^\d])", text[:limit])
               if not _ABBREVIATION.search(text, 0, m.end())), default=0)
    return text[:cut] if cut > limit // 3 else text


# a full stop that ends no sentence: an initial or a dotted abbreviation ("U.S.A.", "J.D.") or a title
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|St|No|Gen|Lt|Col|Sen|Rep|Gov|Jr|Sr|vs|etc|Inc|Co)\.)$")
