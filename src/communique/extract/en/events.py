"""Dated events: meetings, calls, proposals, leaks, acceptances, rejections, demands,
accusations, planned meetings and statements (PLOVER's CONSULT / PROPOSE / AGREE /
REJECT / DEMAND / ACCUSE where they fit).

One trigger per sentence and kind; participants are the actors named in the
sentence outside quotation marks (not the one reporting it, not a possessive that
only qualifies a title); the place is a known place after "in" / "at"; the date is
the date expression of the sentence, else the date of the same event already met in
the report, else none (a day is never invented).  Events of one kind that share the
date and a participant are merged, keeping every piece of evidence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ...model import Event, Evidence, Precision, Quote
from .. import item_id
from .actors import modifies_next
from .context import Context, is_headline, lc
from .dates_en import DateRef
from .proposals import ProposalMention
from .text import Sentence

EVENTS_EXTRACTOR = "events.en.v1"

PLACES = {
    "Moscow": "Moscow",
    "Kremlin": "Moscow",
    "Kyiv": "Kyiv",
    "Kiev": "Kyiv",
    "Washington": "Washington",
    "White House": "Washington",
    "Geneva": "Geneva",
    "Miami": "Miami",
    "Florida": "Florida",
    "Hallandale Beach": "Hallandale Beach",
    "Abu Dhabi": "Abu Dhabi",
    "Berlin": "Berlin",
    "London": "London",
    "Downing Street": "London",
    "Paris": "Paris",
    "Bishkek": "Bishkek",
    "Istanbul": "Istanbul",
    "Riyadh": "Riyadh",
    "Jeddah": "Jeddah",
    "Anchorage": "Anchorage",
    "Alaska": "Alaska",
    "Brussels": "Brussels",
    "Doha": "Doha",
    "Budapest": "Budapest",
    "Minsk": "Minsk",
    "Helsinki": "Helsinki",
    "Rome": "Rome",
    "Vatican": "Vatican",
    "Mar-a-Lago": "Mar-a-Lago",
    "Palm Beach": "Palm Beach",
    "New York": "New York",
    "Munich": "Munich",
    "Davos": "Davos",
    "The Hague": "The Hague",
    "Copenhagen": "Copenhagen",
}
_PLACE = re.compile(
    r"\b(?:in|at|to|from)\s+(?:the\s+)?(?:(?:Florida|US|U\.S\.|Swiss|German|British|"
    r"Emirati|Russian|Ukrainian)\s+)?(?:(?:city|capital) of\s+)?("
    + "|".join(sorted((re.escape(p) for p in PLACES), key=len, reverse=True))
    + r")\b"
)
_TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    (
        "leak",
        lc(
            r"\b(?:leak(?:ed|s)?|was leaked|were leaked|surfaced|came to light|"
            r"(?:was|were) (?:published|reported) by)\b"
        ),
    ),
    (
        "counter_proposal",
        lc(r"\b(?:counter-?proposals?|counter-?plans?|counter-?offer|alternative (?:plan|proposal|draft))\b"),
    ),
    (
        "phone_call",
        lc(
            r"\b(?:(?:tele)?phone (?:call|conversation|talks)|spoke by (?:tele)?phone|"
            r"by (?:tele)?phone|call with|telephoned|(?:a|the) call)\b"
        ),
    ),
    (
        "planned_meeting",
        lc(
            r"\b(?:(?:will|would|are due to|is due to|are expected to|is expected to|plans? to|are set to|"
            r"is set to|are scheduled to|is scheduled to|were due to|was due to|to)\s+(?:meet|hold talks|"
            r"travel|visit|sit down|host)|upcoming (?:meeting|talks|round)|(?:meeting|talks|round) "
            r"(?:is|are|was|were) (?:planned|scheduled|expected)|(?:planned|scheduled|expected) "
            r"(?:meeting|talks)|preparing (?:meetings?|talks)|next round)\b"
        ),
    ),
    (
        "meeting",
        lc(
            r"\b(?:met|meet|meets|meeting|held talks|hold talks|holding talks|talks|"
            r"sat down|hosted|received|summit|negotiations|consultations|"
            r"discussions)\b"
        ),
    ),
    (
        "partly_accept",
        lc(
            r"\b(?:some (?:things|points|elements|parts|proposals|provisions|ideas|of)\b[^.;]{0,60}?"
            r"(?:were|was|had been|could be) (?:accepted|agreed)|partly accept|partially accept|"
            r"accepted in part|"
            r"accept(?:ed)? (?:some|parts))\b"
        ),
    ),
    (
        "accept",
        lc(
            r"\b(?:accept(?:ed|s)?|agreed to|endorsed|could serve as (?:a|the) basis|"
            r"could form (?:a|the) basis|(?:a|the) basis for)\b"
        ),
    ),
    (
        "reject",
        lc(
            r"\b(?:reject(?:ed|s|ing)?|unacceptable|ruled out|rules out|turned down|"
            r"refused|dismissed|(?:is|was|are|were) not acceptable|no compromise)\b"
        ),
    ),
    (
        "demand",
        lc(
            r"\b(?:demand(?:ed|s|ing)?|ultimatum|deadline|gave \w+ until|give \w+ until|"
            r"called for|calls for|insist(?:ed|s)? (?:on|that))\b"
        ),
    ),
    (
        "accuse",
        lc(
            r"\b(?:accus(?:ed|es|ing)|blam(?:ed|es|ing)|hinder(?:ing|ed|s)?|"
            r"obstruct(?:ing|ed|s)?|sabotag(?:ing|ed|es))\b"
        ),
    ),
    (
        "statement",
        lc(
            r"\b(?:(?:nightly |evening |daily |televised )?video address|"
            r"address to the nation|nightly address|(?:news|press) conference|briefing|"
            r"told reporters|told journalists|joint statement|readout|in a statement|"
            r"spoke to reporters|speaking to reporters|resign(?:ed|s|ation)|stepped down)\b"
        ),
    ),
]
_PROPOSAL_KINDS = lc(
    r"\b(?:propos(?:ed|es)|unveil(?:ed|s)|present(?:ed|s)|submitt(?:ed)|sent|"
    r"put forward|drew up|drafted|handed (?:over)?|delivered|circulated|tabled|"
    r"offered|sends|submits)\b"
)
_SPEECH_FRAME = re.compile(r"\b(?:said|says|told|added|according to|wrote|insisted|stressed|noted)\b")
_TITLE_WORDS = re.compile(
    r"^\s+(?:aide|spokesman|spokeswoman|son-in-law|envoy|adviser|advisor|"
    r"negotiator|team|delegation|office|government|administration)",
    re.I,
)


@dataclass(slots=True)
class Draft:
    kind: str
    date: DateRef | None
    place: str | None
    participants: list[str]
    evidence: list[tuple[int, int]]
    summary: str
    sentence: int
    keys: set[str] = field(default_factory=set)


def _participants(ctx: Context, idx: int, speakers: set[str]) -> list[str]:
    out: list[str] = []
    for mention in ctx.by_sentence[idx]:
        if mention.in_quote:
            continue
        if mention.possessive and _TITLE_WORDS.match(ctx.text[mention.end + 2 : mention.end + 30]):
            continue
        if mention.kind != "person" and modifies_next(ctx.text, mention, ctx.by_sentence[idx]):
            continue
        if (mention.source == "metonym" or mention.text in PLACES) and re.search(
            r"\b(?:in|at|to|from|inside|outside)\s+(?:the\s+)?$",
            ctx.text[max(0, mention.start - 12) : mention.start],
        ):
            continue  # a place, not a party
        if mention.actor_id in speakers:
            continue
        if mention.actor_id.startswith("anon:"):
            continue
        before = ctx.text[max(0, mention.start - 12) : mention.start]
        if mention.kind in ("bloc", "organization", "country") and _NOT_AGENT.search(before):
            continue  # "join NATO", "bid to join the alliance", "from the West"
        if mention.source == "demonym" and not _AGENT_NOUN.match(ctx.text, mention.end):
            continue  # "Russian forces", "Ukrainian soil": an adjective, not a party
        if mention.actor_id not in out:
            out.append(mention.actor_id)
    return out


_DEADLINE = re.compile(
    r"\b(?:until|by|before|deadline(?: of)?|no later than|set|named)\s+(?:the\s+)?$"
    r"|\bThanksgiving,\s+$",
    re.I,
)


def _deadline_month(ctx: Context, refs: list[DateRef]) -> DateRef | None:
    """A demand dated only by its deadline was made no later than the deadline's month."""
    for ref in refs:
        if ref.precision == Precision.DAY:
            return DateRef(ref.start, ref.end, ref.value[:7] + "-01", Precision.MONTH, "deadline")
    return None


def _nearest(ctx: Context, refs: list[DateRef], trigger: int) -> DateRef | None:
    """The date expression closest to the trigger; a deadline ("until Thanksgiving") is not the
    date of the act."""
    usable = [
        r
        for r in refs
        if not _DEADLINE.search(ctx.text, max(0, r.start - 20), r.start)
        and not re.match(r",?\s+(?:as|was) (?:the|a|its) deadline", ctx.text[r.end : r.end + 20])
    ]
    if not usable:
        return None
    return min(usable, key=lambda r: (abs(r.start - trigger), r.start))


_NOT_AGENT = re.compile(
    r"\b(?:join|joining|of|into|about|on|against|from|for|over|toward|towards)\s+(?:the\s+)?$", re.I
)
_AGENT_NOUN = re.compile(
    r"(?:\s+and\s+\w+)?\s+(?:delegations?|officials?|negotiators?|teams?|side|envoys?|"
    r"counterparts?|president|leader|diplomats?|government|administration|"
    r"representatives?|military officials)\b",
    re.I,
)


def _place(ctx: Context, sent: Sentence) -> str | None:
    match = _PLACE.search(ctx.text, sent.start, sent.end)
    return PLACES[match.group(1)] if match else None


def _outside_quotes(ctx: Context, sent: Sentence, match: re.Match[str]) -> bool:
    return not any(q.start <= match.start() < q.end for q in sent.quotes)


def _sentence_speakers(ctx: Context, idx: int) -> set[str]:
    speakers = set()
    for mention in ctx.by_sentence[idx]:
        if not mention.in_quote:
            after = ctx.text[mention.end : mention.end + 40]
            if re.match(
                r"(?:,[^,]{0,60},)?\s+(?:\w+ly\s+)?(?:said|says|told|added|wrote|insisted|stressed)\b", after
            ):
                speakers.add(mention.actor_id)
    return speakers


def extract_events(ctx: Context, proposals: list[ProposalMention], quotes: list[Quote]) -> list[Event]:
    drafts: list[Draft] = []
    starts = [sent.start for sent in ctx.sentences]
    quote_speakers: dict[int, set[str]] = {}
    quote_dates: dict[tuple[int, str], DateRef] = {}
    for quote in quotes:
        if quote.speaker_id:
            at = bisect_right(starts, quote.evidence[0].start) - 1
            quote_speakers.setdefault(at, set()).add(quote.speaker_id)
            if quote.said_on and quote.said_on_precision == Precision.DAY:
                quote_dates.setdefault(
                    (at, quote.speaker_id), DateRef(0, 0, quote.said_on, Precision.DAY, "quote")
                )
    hits: dict[tuple[str, int], list[re.Match[str]]] = {}
    for kind, pattern in _TRIGGERS:
        for m in pattern.finditer(ctx.lower):
            hits.setdefault((kind, bisect_right(starts, m.start()) - 1), []).append(m)
    proposals_by: dict[int, list[ProposalMention]] = {}
    for p in proposals:
        proposals_by.setdefault(bisect_right(starts, p.start) - 1, []).append(p)
    headline = is_headline(ctx)
    for idx, sent in enumerate(ctx.sentences):
        if sent.paragraph == 0 and headline:
            continue  # the headline repeats the lead
        speakers = _sentence_speakers(ctx, idx)
        speakers |= quote_speakers.get(idx, set())
        seen_kinds: set[str] = set()
        sent_props = proposals_by.get(idx, [])
        for kind, _pattern in _TRIGGERS:
            match = None
            for m in hits.get((kind, idx), ()):
                if _outside_quotes(ctx, sent, m):
                    match = m
                    break
            if match is None:
                continue
            if kind == "meeting" and "planned_meeting" in seen_kinds:
                continue
            if kind in ("accept", "partly_accept") and "partly_accept" in seen_kinds:
                continue
            if kind == "accept" and not sent_props:
                continue
            if kind == "leak" and not sent_props:
                continue
            participants = _participants(ctx, idx, speakers)
            if kind == "statement":
                participants = sorted(speakers) or participants[:1]
            elif kind in ("accept", "partly_accept", "reject", "demand", "accuse"):
                participants = sorted(speakers) + [p for p in participants if p not in speakers]
            future = True if kind == "planned_meeting" else None
            refs = ctx.dates(sent.start, sent.end, future=future)
            if kind in ("meeting", "planned_meeting") and len(participants) < (1 if refs else 2):
                continue
            if not participants and kind not in ("leak", "counter_proposal"):
                continue
            refs = [r for r in refs if not any(q.start <= r.start < q.end for q in sent.quotes)]
            date = _nearest(ctx, refs, match.start())
            if date is None and kind == "demand":
                date = _deadline_month(ctx, refs)
            if kind == "statement" and date is None:
                date = quote_dates.get((idx, participants[0])) if participants else None
            seen_kinds.add(kind)
            drafts.append(
                Draft(
                    kind=kind,
                    date=date,
                    place=_place(ctx, sent),
                    participants=participants,
                    evidence=[(match.start(), match.end())],
                    summary=ctx.text[sent.start : sent.end].strip()[:200],
                    sentence=idx,
                    keys={p.key for p in sent_props},
                )
            )
        for p in sent_props:
            if p.explicit and "counter" not in p.key:
                verb = _PROPOSAL_KINDS.search(ctx.lower, sent.start, sent.end)
                if verb and "leak" not in seen_kinds and "proposal" not in seen_kinds:
                    seen_kinds.add("proposal")
                    refs = ctx.dates(sent.start, sent.end, future=False)
                    drafts.append(
                        Draft(
                            kind="proposal",
                            date=_nearest(ctx, refs, verb.start()),
                            place=_place(ctx, sent),
                            participants=_participants(ctx, idx, speakers)
                            or ([p.author] if p.author else []),
                            evidence=[(verb.start(), verb.end())],
                            summary=ctx.text[sent.start : sent.end].strip()[:200],
                            sentence=idx,
                            keys={p.key},
                        )
                    )
    return _merge(ctx, drafts)


def _merge(ctx: Context, drafts: list[Draft]) -> list[Event]:
    merged: list[Draft] = []
    for draft in drafts:
        target = None
        for other in merged:
            if other.kind != draft.kind:
                continue
            same_day = draft.date is None or other.date is None or draft.date.value == other.date.value
            shared = set(other.participants) & set(draft.participants) or (other.keys & draft.keys)
            if same_day and shared:
                target = other
                break
        if target is None:
            merged.append(draft)
            continue
        if target.date is None and draft.date is not None:
            target.date = draft.date
        target.place = target.place or draft.place
        target.participants += [p for p in draft.participants if p not in target.participants]
        target.evidence += draft.evidence
        target.keys |= draft.keys
    events = []
    for d in merged:
        start, end = d.evidence[0]
        events.append(
            Event(
                id=item_id("e", ctx.report.id, start, end, EVENTS_EXTRACTOR, d.kind),
                kind=d.kind,
                date=d.date.value if d.date else None,
                date_precision=d.date.precision if d.date else Precision.UNKNOWN,
                place=d.place,
                participant_ids=tuple(d.participants),
                summary=d.summary,
                evidence=tuple(Evidence(report_id=ctx.report.id, start=s, end=e) for s, e in d.evidence),
                extractor=EVENTS_EXTRACTOR,
            )
        )
    return events
