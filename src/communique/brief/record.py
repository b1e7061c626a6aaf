"""The story record as the briefing writers see it: export records, cut at the as-of date.

Input is the dicts that :func:`communique.pipeline.export_records` yields (the JSONL export
format).  :func:`view` keeps only what the record knew as of a date: reports published after
it are dropped, and so is every item whose evidence lies only in such reports; conflicts keep
the variants still supported and stay conflicts only while two values remain.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from .model import EvidenceRef

Record = Mapping[str, Any]
ITEM_TYPES = ("quote", "event", "proposal", "position")
# where a sentence ends: 。！？ and the closing brackets after it; ! ? or a full stop not after a
# capital ("U.S."), its closing quotes, then a space or the end; a line break.  Written as one
# character class first, then what that character was, so that the regex engine skips ahead to
# the next such character (a search looks back up to 300 characters for every evidence span)
_SENTENCE_END = re.compile(r"[。！？!?.\n](?:(?<=[。！？])[」』）]*|(?<=[!?])[\u201d\"\u2019)]*(?=\s|$)"
                           r"|(?<=\.)(?<![A-Z]\.)[\u201d\"\u2019)]*(?=\s|$)|(?<=\n))")
_LAST_END = re.compile(r".*[。！？!?.\n]", re.S)  # up to the last character that may end one


def day(value: Any) -> str | None:
    """The ISO day of a date or datetime value ("2025-12-03T09:40:00+09:00" -> "2025-12-03")."""
    if isinstance(value, date):
        return value.isoformat()[:10]
    if not isinstance(value, str) or len(value) < 10:
        return None
    return _iso_day(value[:10])


@lru_cache(maxsize=65536)
def _iso_day(text: str) -> str | None:
    """The day a ten-character text gives, or None (a briefing asks for a few dates many times)."""
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        return None


@dataclass(slots=True)
class Statement:
    """One remark, whatever the outlet or language it was rendered in (quotes sharing a statement_id)."""

    id: str
    quotes: list[Record]
    speaker_id: str | None
    speaker_text: str
    said_on: str | None
    precision: str
    hedged: bool
    evidence: list[EvidenceRef] = field(default_factory=list)
    # the wording a briefing in each language shows (``select.rendering``), once worked out: a
    # remark wire copies carry twenty times is asked for again by every section
    shown: dict[str, tuple[int, Any]] = field(default_factory=dict, repr=False, compare=False)


@dataclass(slots=True)
class View:
    reports: dict[str, Record]
    actors: dict[str, Record]
    quotes: list[Record]
    events: list[Record]
    proposals: list[Record]
    positions: list[Record]
    conflicts: list[Record]
    as_of: str
    story_id: str | None = None
    items: dict[str, Record] = field(default_factory=dict)
    # one reference per span: a statement cited in many sentences, or quoted by a thousand
    # outlets, finds its spans' sentences once, not once per look
    _refs: dict[tuple[str, int, int], EvidenceRef | None] = field(default_factory=dict)
    _item_refs: dict[int, tuple[Record, list[EvidenceRef]]] = field(default_factory=dict)
    # answers worked out from the view's lists (the meetings held), asked for again and again;
    # a view with other lists (``dataclasses.replace``) starts empty
    memo: dict[tuple[Any, ...], Any] = field(default_factory=dict, init=False, repr=False, compare=False)
    _source_keys: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)
    _languages: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)
    _cut: dict[tuple[str, int, int] | tuple[str, int], str] = field(
        default_factory=dict, init=False, repr=False, compare=False)  # contexts and lines before, by sentence

    # -- evidence -------------------------------------------------------------------------
    def evidence(self, item: Record) -> list[EvidenceRef]:
        """The item's evidence spans in reports the view keeps, with their text; order kept."""
        cached = self._item_refs.get(id(item))
        if cached is not None and cached[0] is item:
            return list(cached[1])
        out = []
        for ev in item.get("evidence") or ():
            ref = self._ref(str(ev.get("report_id")), int(ev.get("start", -1)), int(ev.get("end", -1)))
            if ref is not None:
                out.append(ref)
        self._item_refs[id(item)] = (item, out)  # the item is held: its id cannot be reused
        return list(out)

    def has_evidence(self, item: Record) -> bool:
        """Whether :meth:`evidence` gives the item a span, without cutting out the spans' contexts
        (the view keeps an item only for this; most events are never cited)."""
        for ev in item.get("evidence") or ():
            report = self.reports.get(str(ev.get("report_id")))
            if report is not None and 0 <= int(ev.get("start", -1)) < int(ev.get("end", -1)) <= len(
                    report.get("text") or ""):
                return True
        return False

    def span(self, report_id: str, start: int, end: int) -> EvidenceRef | None:
        """``report.text[start:end]`` of a report the view keeps, as evidence (None when it is not
        there): a clause the writer cites beyond an item's own span, its key terms."""
        return self._ref(report_id, start, end)

    def _ref(self, report_id: str, start: int, end: int) -> EvidenceRef | None:
        key = (report_id, start, end)
        if key in self._refs:
            return self._refs[key]
        report = self.reports.get(report_id)
        ref = None
        if report is not None:
            text = report.get("text") or ""
            if 0 <= start < end <= len(text):
                left = _sentence_start(text, start)
                # spans in one sentence (a quote, the event it tells) share its context and the
                # lines before it: each is cut out and joined once
                sentence = (report_id, left, _sentence_end(text, start, end))
                context = self._cut.get(sentence)
                if context is None:
                    context = self._cut[sentence] = " ".join(text[left:sentence[2]].split())
                before = self._cut.get(sentence[:2])
                if before is None:
                    before = self._cut[sentence[:2]] = _before(text, start, left=left)
                ref = EvidenceRef(
                    report_id=report["id"],
                    start=start,
                    end=end,
                    text=text[start:end],
                    context=context,
                    before=before,
                )
        self._refs[key] = ref
        return ref

    def source_key(self, report_id: str) -> str:
        """Wire copies are one source: the wire group, else the report itself."""
        known = self._source_keys.get(report_id)
        if known is None:
            report = self.reports.get(report_id) or {}
            known = self._source_keys[report_id] = str(report.get("wire_group") or report_id)
        return known

    def sources(self, evidence: Iterable[EvidenceRef]) -> int:
        known, found = self._source_keys, set()
        for e in evidence:  # a remark wire copies carry has hundreds of spans: the kept keys first
            key = known.get(e.report_id)
            found.add(key if key is not None else self.source_key(e.report_id))
        return len(found)

    def published(self, report_id: str) -> str | None:
        return day((self.reports.get(report_id) or {}).get("published_at"))

    def first_seen(self, evidence: Iterable[EvidenceRef]) -> str | None:
        days = sorted(d for d in (self.published(e.report_id) for e in evidence) if d)
        return days[0] if days else None

    def outlets(self, evidence: Iterable[EvidenceRef]) -> list[str]:
        """Outlet names of the evidence, one per independent source, in evidence order ("" if unknown)."""
        seen: dict[str, str] = {}
        for ev in evidence:
            report = self.reports.get(ev.report_id) or {}
            seen.setdefault(
                self.source_key(ev.report_id),
                str(report.get("outlet") or ""),
            )
        return list(seen.values())

    def language_of(self, ev: EvidenceRef) -> str:
        known = self._languages.get(ev.report_id)
        if known is None:
            report = self.reports.get(ev.report_id) or {}
            known = self._languages[ev.report_id] = str(report.get("language") or "und")
        return known

    # -- statements -----------------------------------------------------------------------
    def statements(self) -> list[Statement]:
        groups: dict[str, list[Record]] = {}
        for quote in self.quotes:
            groups.setdefault(str(quote.get("statement_id") or quote["id"]), []).append(quote)
        out = []
        for sid, quotes in sorted(groups.items()):
            quotes.sort(key=lambda q: str(q["id"]))
            speakers = sorted({q["speaker_id"] for q in quotes if q.get("speaker_id")})
            dated = _dates(quotes)
            evidence = [ev for q in quotes for ev in self.evidence(q)]
            out.append(
                Statement(
                    id=sid,
                    quotes=quotes,
                    speaker_id=speakers[0] if speakers else None,
                    speaker_text=str(quotes[0].get("speaker_text") or ""),
                    said_on=day(dated[0][0]) if dated else None,
                    precision=dated[0][1] if dated else "unknown",
                    hedged=all(bool(q.get("hedge")) for q in quotes),
                    evidence=evidence,
                )
            )
        return out


def _dates(quotes: list[Record]) -> list[tuple[str, str]]:
    """(date, precision) of a statement's wordings, the days earliest first, then the vaguer
    dates (a wording dated only by its report's part of the month does not hide the day other
    wordings give); but when most of its day-dated wordings give the next day, that day comes
    first (a wording or two dated a day early, by time zone or a slip, do not move a remark
    most outlets date later)."""
    dated = sorted(
        ((str(q["said_on"]), str(q.get("said_on_precision") or "day"))
         for q in quotes if day(q.get("said_on"))),
        key=lambda dp: (dp[1] not in _DAY, dp),
    )
    days = Counter(d[:10] for d, p in dated if p in _DAY)
    if dated and dated[0][1] in _DAY:
        first = date.fromisoformat(dated[0][0][:10])
        top = min(days, key=lambda d: (-days[d], d))
        one_day = (date.fromisoformat(top) - first).days == 1
        if one_day and days[top] > days[dated[0][0][:10]]:
            dated.sort(key=lambda dp: (not (dp[0][:10] == top and dp[1] in _DAY), dp))
    return dated


_DAY = ("day", "datetime")


def _sentence_start(text: str, start: int, width: int = 300) -> int:
    """Where the sentence holding ``start`` begins (looking back at most ``width`` characters):
    the end of the last sentence end before it.  Looked for backwards, from the last character
    that may end a sentence: what follows such a character (closing marks) never holds another,
    so whether one ends a sentence does not depend on those before it."""
    left = max(0, start - width)
    before = start
    while (last := _LAST_END.match(text, left, before)) is not None:
        found = _SENTENCE_END.match(text, last.end() - 1, start)
        if found is not None:
            return found.end()
        before = last.end() - 1
    return left


def _sentence_end(text: str, start: int, end: int, width: int = 300) -> int:
    """Where the sentence holding the span ends (looking on at most ``width`` characters): with
    :func:`_sentence_start`, the span's context (the sentence around it, for hover text)."""
    right = min(len(text), end + width)
    # from the span's last character: a quote's words end with their full stop, the closing mark
    # after them ends the sentence ("... and security.” The talks ...")
    after = _SENTENCE_END.search(text, max(start, end - 1), right)
    return after.end() if after else right


def _before(text: str, start: int, width: int = 300, left: int | None = None) -> str:
    """The text before the sentence holding ``start``, back to a blank line (bounded)."""
    if left is None:
        left = _sentence_start(text, start, width)
    head = text[max(0, left - width):left].rstrip()  # a name line may stand a blank line above the words
    blank = head.rfind("\n\n")
    return " ".join(head[blank + 1 if blank >= 0 else 0:].split())


def view(records: Iterable[Record], as_of: str | date, story_id: str | None = None) -> View:
    """The record as of a day: later reports, and items only they support, are left out."""
    cut = day(as_of)
    if cut is None:
        raise ValueError(f"as_of must be an ISO date, got {as_of!r}")
    by_type: dict[str, list[Record]] = {}
    for record in records:
        if story_id is not None and record.get("story_id") not in (None, story_id):
            continue
        by_type.setdefault(str(record.get("type")), []).append(record)
    reports = {}
    for report in by_type.get("report", []):
        published = day(report.get("published_at"))
        if published is None or published <= cut:
            reports[str(report["id"])] = report
    v = View(
        reports=reports,
        actors={str(a["id"]): a for a in by_type.get("actor", [])},
        quotes=[],
        events=[],
        proposals=[],
        positions=[],
        conflicts=[],
        as_of=cut,
        story_id=story_id,
    )
    for kind in ITEM_TYPES:
        kept = [item for item in by_type.get(kind, []) if v.has_evidence(item)]
        if kind == "position":
            kept = [p for p in kept if (day(p.get("as_of")) or cut) <= cut]
        kept.sort(key=lambda item: str(item["id"]))
        getattr(v, kind + "s").extend(kept)
        v.items.update({str(item["id"]): item for item in kept})
    v.events[:] = attach_undated(v.events, v.actors)
    v.items.update({str(item["id"]): item for item in v.events})
    for conflict in sorted(by_type.get("conflict", []), key=lambda c: str(c["id"])):
        variants = [
            dict(var, evidence=[e for e in var.get("evidence") or () if e.get("report_id") in reports])
            for var in conflict.get("variants") or ()
        ]
        variants = [var for var in variants if var["evidence"]]
        if len({str(var.get("value")) for var in variants}) >= 2 and _differs(v, conflict, variants):
            v.conflicts.append(dict(conflict, variants=variants))
    return v


_HELD = frozenset({"meeting", "phone_call"})


def _place_key(place: Any) -> str | None:
    if not place:
        return None
    from ..extract import places

    return places.load().resolve(str(place))  # a known city or region (a country is not enough)


def _same_place(a: str | None, b: str | None) -> bool:
    from ..extract import places

    return a is not None and b is not None and (a == b or places.load().compatible(a, b))


def _side(actor_id: str, actors: Mapping[str, Record]) -> str | None:
    """A country's own id, or the country of a person's first role that names one."""
    actor = actors.get(actor_id) or {}
    if actor.get("kind") == "country":
        return actor_id
    for role in actor.get("roles") or ():
        affiliation = role.get("affiliation") if isinstance(role, Mapping) else None
        if affiliation and (actors.get(str(affiliation)) or {}).get("kind", "country") == "country":
            return str(affiliation)
    return None


def attach_undated(events: list[Record], actors: Mapping[str, Record]) -> list[Record]:
    """Undated mentions of a meeting or call joined to the one dated meeting of the story they
    name: the same kind, the same city (not only the same country) and someone on both lists; a
    mention two dated meetings would fit as well stays apart.  In a story, "the talks between
    Bessent and He Lifeng in Geneva" in a page that gives no date is the Geneva round its dated
    reports tell; the merged record cannot know that (it keeps the whole archive), the briefing
    of one story can.  The joined event keeps its own kind, date, place and participants; it
    gains the mention's evidence (more independent sources), never its values.

    Mentions that fit no dated meeting are one meeting among themselves on the same terms (the
    same kind and city, someone in common, and no other group they fit as well): the fullest
    of them (most people, then most evidence, then the least id) keeps its values."""

    people: dict[int, set[str]] = {}  # by the event's id(): every event is held by ``events``
    place_keys: dict[str, str | None] = {}

    def named(e: Record) -> set[str]:
        if id(e) not in people:
            people[id(e)] = {str(a) for a in e.get("participant_ids") or ()
                             if (actors.get(str(a)) or {}).get("kind") in ("person", "country")}
        return people[id(e)]

    def place_key(place: Any) -> str | None:
        key = str(place or "")
        if key not in place_keys:
            place_keys[key] = _place_key(key)
        return place_keys[key]

    def sides(e: Record) -> set[str] | None:
        """The countries its participants belong to; None when one's side is not known."""
        found: set[str] = set()
        for a in named(e):
            side = _side(a, actors)
            if side is None:
                return None
            found.add(side)
        return found

    def fits(mention: Record, other: Record) -> int | None:
        if mention.get("kind") != other.get("kind"):
            return None
        here, there = place_key(mention.get("place")), place_key(other.get("place"))
        if not _same_place(here, there):
            return None
        shared = len(named(mention) & named(other))
        if not shared:
            return None
        # a host meets visitor after visitor in his city: a mention naming a side the dated
        # meeting lacks ("Vance met Pashinyan in Yerevan") is not that meeting (Pezeshkian's)
        mine, theirs = sides(mention), sides(other)
        if mine is not None and theirs is not None and not mine <= theirs:
            return None
        return shared

    def best(mention: Record, among: list[Record]) -> tuple[str | None, bool]:
        """The one it fits best (None: nothing fits, or two fit as well) and whether any fits."""
        scored = sorted(((f, str(d["id"])) for d in among if (f := fits(mention, d)) is not None),
                        reverse=True)
        if not scored or (len(scored) > 1 and scored[1][0] == scored[0][0]):
            return None, bool(scored)
        return scored[0][1], True

    dated = [e for e in events if str(e.get("kind")) in _HELD and day(e.get("date"))
             and e.get("date_precision", "day") == "day"]
    joined: dict[str, list[Record]] = {}
    keep: list[Record] = []
    loose: list[Record] = []
    for e in events:
        if str(e.get("kind")) not in _HELD or day(e.get("date")):
            keep.append(e)
            continue
        target, fitting = best(e, dated)
        if target is not None:
            joined.setdefault(target, []).append(e)
        elif fitting:
            keep.append(e)  # two dated meetings fit as well
        else:
            loose.append(e)
    # the loose mentions: the fullest first, each joins the one group it fits best
    loose.sort(key=lambda e: (-len(named(e)), -len(e.get("evidence") or ()), str(e["id"])))
    heads: list[Record] = []
    for e in loose:
        target, _fitting = best(e, heads)
        if target is None:
            heads.append(e)
        else:
            joined.setdefault(target, []).append(e)
    keep.extend(heads)
    keep.sort(key=lambda e: str(e["id"]))
    out = []
    for e in keep:
        extra = joined.get(str(e["id"]))
        if extra:
            evidence = [*(e.get("evidence") or ()), *(ev for x in extra for ev in x.get("evidence") or ())]
            members = [*(e.get("member_ids") or ()), *(m for x in extra for m in x.get("member_ids") or ())]
            e = dict(e, evidence=evidence, member_ids=members)
        out.append(e)
    return out


def _words(text: str) -> set[str]:
    """Words of a Latin text, character pairs of a Japanese one: enough to tell one remark from two."""
    if _japanese(text):
        squashed = re.sub(r"\s+", "", text)
        return {squashed[i : i + 2] for i in range(len(squashed) - 1)}
    return set(re.findall(r"[a-z0-9']+", text.lower()))


def _alike(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= _ALIKE


_ALIKE = 0.5  # shared words (of the shorter) for two wordings to be one remark told two ways


def _differs(v: View, conflict: Record, variants: Sequence[Record]) -> bool:
    """Reports truly differ: at least two independent sources take different variants, and, for a
    remark, the variants are one remark told two ways (two different remarks grouped by mistake
    are no disagreement: "Our priorities are ..." and "Our priorities are not ...the internal ...")."""
    def outlet(report_id: str) -> str:  # two articles of one outlet are one voice here
        return str((v.reports.get(report_id) or {}).get("outlet") or "").casefold() or v.source_key(report_id)

    sources = [{outlet(str(e.get("report_id"))) for e in var["evidence"]} for var in variants]
    if not any(a - b and b - a for i, a in enumerate(sources) for b in sources[i + 1 :]):
        return False  # one outlet (or one wire story) on both sides: no two reports disagree
    quotes = [v.items.get(str(i)) or {} for i in conflict.get("item_ids") or ()]
    if not any(q.get("type") == "quote" for q in quotes):
        return True
    texts = []
    for var in variants:
        refs = v.evidence(var)
        texts.append(refs[0].text if refs else str(var.get("value") or ""))
    return all(_alike(a, b) for i, a in enumerate(texts) for b in texts[i + 1 :]
               if _japanese(a) == _japanese(b))  # wordings in two languages cannot be compared so


def _japanese(text: str) -> bool:
    return re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text) is not None


def newest_report_date(records: Iterable[Record]) -> str | None:
    """The publication day of the newest report: the default as-of date."""
    days = [d for r in records if r.get("type") == "report" for d in [day(r.get("published_at"))] if d]
    return max(days) if days else None
