"""Positions: holder x (proposal or issue) x stance, from the sentence that states it.

The holder is the speaker of the sentence's quote when there is one, else the subject
(the first actor named outside quotation marks).  A spokesperson or aide speaks for
their side: the holder is then the country or bloc they speak for.  The target is a
proposal named in the sentence, else an issue (NATO membership, territory, security
guarantees, elections, sanctions, army size), else -- for a stance taken on a text ("some
things were accepted", "the deadline", "leaning toward Moscow") -- the proposal last named
before the sentence ("the plan" resolved the same way).  "Would not accept", "refused to
sign" are rejections.  Issues are looked for only in sentences where a stance is cued.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ...model import Evidence, Position, Quote
from .. import item_id
from . import wordscan
from .context import Context, is_headline, lc
from .proposals import ProposalMention
from .text import Sentence
from .wordscan import Family, Key

POSITIONS_EXTRACTOR = "positions.en.v11"

STANCES: list[tuple[str, re.Pattern[str]]] = [
    (
        "partly_accept",
        lc(
            r"\b(?:some (?:things|points|elements|parts|proposals|provisions|ideas|of)\b[^.;]{0,60}?"
            r"(?:were|was|had been|could be) (?:accepted|agreed)|partly accept\w*|partially accept\w*|"
            r"accepted in part|some .{0,40}unacceptable|agree with some|"
            r"accept(?:ed)? some|"
            r"(?:support(?:s|ed|ing)?|backed|backs|endorsed|welcomed)(?: for)? (?:some |parts |elements )of)"
        ),
    ),
    (
        "reject",
        lc(
            r"\b(?:reject(?:ed|s|ing)?|unacceptable|not acceptable|ruled out|rules out|refuse[sd]?|"
            r"turned down|dismiss(?:ed|es)|no compromise|will never|would never|cannot accept|can't accept|"
            r"won't accept|non-starter|no agreement)\b"
        ),
    ),
    (
        "demand",
        lc(
            r"\b(?:demand(?:ed|s|ing)?|insist(?:ed|s)? (?:on|that)|must|gave \w+ until|ultimatum|deadline|"
            r"calls? for|called for|in exchange for|wants?|needs?)\b"
        ),
    ),
    (
        "accept",
        lc(
            r"\b(?:accept(?:ed|s)?|agreed to|could serve as (?:a|the) basis|could form (?:a|the) basis|"
            r"basis for|ready to (?:drop|give up|accept)|willing to)\b"
        ),
    ),
    (
        "oppose",
        lc(
            r"\b(?:oppos(?:e|es|ed|ing)|against|concerns?|leaned|leans|tilted|skewed|"
            r"favou?rs? (?:Russia|Moscow)|"
            r"critici[sz](?:e|ed|es)|warned against|worried|alarm)\b"
        ),
    ),
    (
        "support",
        lc(r"\b(?:support(?:s|ed|ing)?|backed|backs|welcomed|welcomes|endorsed|in favou?r of|praised)\b"),
    ),
]
# the words a match of each stance's pattern may begin with (see wordscan), in the order of STANCES
_STANCE_WORDS = Family(
    [
        Key.of("", "some partly partially accept agree support backed backs endorsed welcomed"),
        Key.of("", "reject unacceptable no ruled rules refuse turned dismiss will would can won"),
        Key.of("in", "demand insist must gave ultimatum deadline call want need"),
        Key.of("", "accept agreed could basis ready willing"),
        Key.of("", "oppos against concern leaned leans tilted skewed favo critici warned worried alarm"),
        Key.of("in", "support backed backs welcomed welcomes endorsed praised"),
    ],
    group=wordscan.LOWER,
)
ISSUES: list[tuple[str, re.Pattern[str]]] = [
    ("nato-membership", lc(r"\bNATO\b(?! allies)|\balliance membership|\bjoin(?:ing)? the alliance")),
    ("security-guarantees",
     lc(r"\bsecurity guarantees?\b|\bguarantees? (?:of|for) (?:its |their )?security\b|\bArticle 5\b")),
    (
        "territory",
        re.compile(
            # (not a figure of speech: "very dangerous territory", "uncharted territory")
            r"(?<!dangerous )(?<!uncharted )(?<!unknown )(?<!new )(?<!familiar )(?<!positive )"
            r"(?<!negative )\b(?:territor(?:y|ies|ial)|"
            # (not where forces fight: "on land, sea and air", "in the air and on land")
            r"(?<!air, )(?<!sea, )(?<!air and )(?<!sea and )(?<!air and on )(?<!sea and on )(?<!on )"
            r"land(?!,? (?:and |or )?(?:at |by |in the |on )?(?:sea|air)\b)|cede|ceding|withdraw(?:al)? from|"
            # a border as what is given up or recognised, not "border hostilities", "their common border"
            r"(?:recogni[sz]\w* |redraw\w* |chang\w* |"
            r"(?:internationally recogni[sz]ed|pre-war|1991|existing) )"
            r"(?:the |its |their )?borders?|border (?:changes|concessions|adjustments))\b",
            re.I,
        ),
    ),
    ("elections", lc(r"\belections?\b")),
    ("sanctions", lc(r"\bsanctions?\b")),
    (
        "army-size",
        lc(
            r"\b(?:army|armed forces|troops?)\b.{0,40}\b(?:cap|size|limit|ceiling)|"
            r"\b(?:cap|limit)\b.{0,30}\b(?:army|armed forces|troops)"
        ),
    ),
]
_DENIED = re.compile(
    r"\b(?:wrong to say|not rejected|not reject|never rejected|denie[sd] rejecting|"
    r"denied that .{0,40}rejected|did not reject|had not rejected|"
    r"rather than (?:\w+ )?reject(?:ing)?|instead of (?:\w+ )?rejecting)\b"
)
_NOT_ACCEPT = re.compile(
    r"\b(?:not|never|n't|refuse[sd]? to|unwilling to|cannot|can't) (?:\w+ )?(?:accept|agree to|sign)\b"
)
_PLAN_REF = re.compile(
    r"\b(?:the|this|that|its|their|his|her|such an?|an?|any|no|every)\s+(?:[\w-]+\s+){0,2}"
    r"(?:plan|plans|proposals?|framework|draft|document|deal|text|agreement|offer|initiative|points)\b"
    r"|\bsome (?:things|points|elements|parts|provisions|ideas|proposals)\b|\b(?:it|them)\b"
    r"|\b(?:react|respond)(?:ed|s|ing)?\b|\breactions?\b|\bresponses?\b",
    re.I,
)
# the stance word's own object, named just before it, and no plan: "described the attack as
# 'unacceptable'", "called the strikes unacceptable", "the bombing was unacceptable"
_PLAN_WORDS = (r"plan|plans|proposals?|framework|draft|document|deal|text|agreement|offer|initiative|points|"
               r"terms|ceasefire|truce|peace|settlement|accord|memorandum|roadmap|road map")
_OTHER_OBJECT = re.compile(
    r"\b(?:(?:called|calls|call|described|describes|termed|branded|labell?ed|deemed|considers|considered)\s+"
    r"(?:the|this|that|its|their|his|her|such|these|those)\s+(?:[\w-]+\s+)?(?!(?:" + _PLAN_WORDS + r")\b)"
    r"[\w-]+\s+(?:as\s+)?|(?:the|this|that|these|those)\s+(?!(?:" + _PLAN_WORDS + r")\b)[\w-]+\s+"
    r"(?:was|is|were|are)\s+(?:\w+\s+)?)[\"“'‘]?$",
    re.I,
)
_ON_PLAN = {"partly_accept", "accept", "reject", "demand", "oppose"}
_SPOKES = ("press secretary", "spokes", "aide", "adviser", "advisor", "envoy for investment")


_ISSUE_REACH = 80  # characters either side of a stance's cue its issue is named within


def _near(text: str, pattern: re.Pattern[str], cue: re.Match[str] | None, sent: Sentence) -> bool:
    """Whether the issue is named close to the stance's cue, with no clause break between them
    ("agreed to an immediate ceasefire, effective at noon, to end all border hostilities" takes no
    stance on territory)."""
    if cue is None:
        return True
    lo, hi = max(sent.start, cue.start() - _ISSUE_REACH), min(sent.end, cue.end() + _ISSUE_REACH)
    for match in pattern.finditer(text, lo, hi):
        between = text[min(match.end(), cue.end()) : max(match.start(), cue.start())]
        if not _CLAUSE_BREAK.search(between):
            return True
    return False


_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:but|while|whereas|although|though|to|which|as)\b|\bwhile\b")


def _side(ctx: Context, actor_id: str) -> str:
    """A spokesperson or aide speaks for a side: the country (or bloc) behind them."""
    index = ctx.actors.index
    if actor_id.startswith("anon:"):
        actor_id = actor_id[5:]
    if index.kinds.get(actor_id) == "organization" and index.countries.get(actor_id):
        return index.countries[actor_id] or actor_id
    for title, affiliation, until in index.roles.get(actor_id, []):
        if until is None and any(word in title for word in _SPOKES):
            country = index.countries.get(affiliation or "") or affiliation
            if country and index.kinds.get(affiliation or "") == "country":
                return affiliation or actor_id
            return country or actor_id
    if actor_id == "europe":
        return "european-union"
    return actor_id


_UNNAMED_CRITICS = re.compile(
    r"\b(?:critics|analysts|observers|opponents|detractors|skeptics|sceptics|commentators)\b", re.I)


_PLACE_BEFORE = re.compile(
    r"\b(?:in|to|from|at|into|toward|towards|inside|near|with|against)\s+(?:the\s+)?$", re.I)


def _holder(ctx: Context, sent: Sentence, quotes: list[Quote],
            plans: tuple[ProposalMention, ...] = (), before: int | None = None,
            cue: int | None = None) -> tuple[str | None, bool]:
    """The speaker of a quote in the sentence (the one holding the stance's word, if one does:
    "Israel said it had agreed to the truce, which is now "in effect", according to Trump" is
    Israel's agreement), else its first actor named in its own right -- not a possessive, not a
    plan's author inside the plan's name ("a 28-point U.S. plan"), and nobody when the stance is
    that of unnamed critics ("a plan that critics said leaned toward Moscow")."""
    here = [q for q in quotes if q.speaker_id and sent.start <= q.evidence[0].start < sent.end]
    holding = [q for q in here if cue is not None and q.evidence[0].start <= cue < q.evidence[0].end]
    if holding or here:
        return str((holding or here)[0].speaker_id), True
    if _UNNAMED_CRITICS.search(ctx.text, sent.start, sent.end):
        return None, False
    actors = ctx.actors
    mentions = actors.mentions
    for at in range(bisect_left(actors.starts, sent.start), len(mentions)):
        mention = mentions[at]
        if mention.start >= (sent.end if before is None else before):
            break  # (not one named after the stance's word: "in exchange for sanctions that the US imposed")
        if any(p.start <= mention.start < p.end for p in plans):
            continue
        if _PLACE_BEFORE.search(ctx.text, max(sent.start, mention.start - 14), mention.start):
            continue  # "argue Ukraine's case in Washington": a place or a counterpart, not the holder
        if not mention.in_quote and not mention.possessive:
            return mention.actor_id, False
    return None, False


def extract_positions(ctx: Context, quotes: list[Quote], proposals: list[ProposalMention]) -> list[Position]:
    out: list[Position] = []
    seen: set[tuple[str, str | None, str | None, str]] = set()
    headline = is_headline(ctx)
    starts = [sent.start for sent in ctx.sentences]
    cues: dict[int, list[str]] = {}  # sentence -> stances and issues cued in it, in priority order
    stance_starts = _STANCE_WORDS.starts(ctx.lower)
    for i, (name, pattern) in enumerate(STANCES):
        for match in wordscan.finditer(pattern, ctx.lower, stance_starts[i]):
            at = bisect_right(starts, match.start()) - 1
            if at >= 0 and match.start() < ctx.sentences[at].end and name not in cues.setdefault(at, []):
                cues[at].append(name)
    for at in list(cues):  # issues matter only where a stance is cued: no pass over the rest of the text
        sent = ctx.sentences[at]
        for name, pattern in ISSUES:
            if pattern.search(ctx.lower, sent.start, sent.end):
                cues[at].append(name)
    stance_names = [name for name, _ in STANCES]
    for idx, sent in enumerate(ctx.sentences):
        if sent.paragraph == 0 and headline:
            continue
        found = cues.get(idx, [])
        stance = next((name for name in stance_names if name in found), None)
        if stance in ("accept", None) and _NOT_ACCEPT.search(ctx.lower, sent.start, sent.end):
            stance = "reject"  # "Kyiv would not accept a deal that ...": a refusal
        if stance == "reject" and _DENIED.search(ctx.lower, sent.start, sent.end):
            stance = None  # "it was wrong to say Putin had rejected ...": a denial, not a rejection
            nxt = ctx.sentences[idx + 1] if idx + 1 < len(ctx.sentences) else None
            if (
                nxt is not None
                and nxt.paragraph == sent.paragraph
                and STANCES[0][1].search(ctx.lower, nxt.start, nxt.end)
            ):
                stance = "partly_accept"  # ... "some things were accepted, some ... unacceptable"
        if stance is None:
            continue
        cue = dict(STANCES)[stance].search(ctx.lower, sent.start, sent.end)
        holder, spoken = _holder(ctx, sent, quotes,
                                 tuple(p for p in proposals if sent.start <= p.start < sent.end),
                                 before=cue.start() if cue is not None and stance == "demand" else None,
                                 cue=cue.start() if cue is not None else None)
        if holder is None:
            continue
        holder = _side(ctx, holder)
        props = [p for p in proposals if sent.start <= p.start < sent.end]
        target = props[0].key if props else None
        issue = None
        if target is None:  # an issue the stance is taken on: named near its cue, in its clause
            issue = next((name for name, pattern in ISSUES if name in found
                          and _near(ctx.lower, pattern, cue, sent)), None)
        refers = _PLAN_REF.search(ctx.text, sent.start, sent.end) is not None
        if refers and cue is not None and _OTHER_OBJECT.search(ctx.text, sent.start, cue.start()):
            refers = False  # "described the attack as 'unacceptable'": a stance on the attack
        if target is None and issue is None and stance in _ON_PLAN and refers:
            # "some things were accepted", "the proposal": the proposal last named -- only when the
            # sentence refers to one; a stance word elsewhere is about something else
            earlier = [p for p in proposals if p.start < sent.start and p.key]
            target = earlier[-1].key if earlier else None
        if target is None and issue is None:
            continue
        key_ = (holder, target, issue, stance)
        if key_ in seen:
            continue
        seen.add(key_)
        start, end = sent.start, sent.end
        while end > start and ctx.text[end - 1].isspace():
            end -= 1
        out.append(
            Position(
                id=item_id(
                    "pos",
                    ctx.report.id,
                    start,
                    end,
                    POSITIONS_EXTRACTOR,
                    f"{holder}|{target}|{issue}|{stance}",
                ),
                holder_id=holder,
                target_id=target,
                issue=issue,
                stance=stance,
                as_of=ctx.report.published_at[:10] if ctx.report.published_at else None,
                evidence=(Evidence(report_id=ctx.report.id, start=start, end=end),),
                extractor=POSITIONS_EXTRACTOR,
            )
        )
    return out
