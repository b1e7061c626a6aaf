"""Proposals and their versions: "the 28-point plan", "a revised 20-point plan",
"the European counter-proposal", "the framework refined in Geneva", "Egypt's
proposal".

A proposal is named by what the text says of it: its number of points, its kind (plan,
framework, counter-proposal) and its author when the noun phrase gives one ("the U.S.
28-point plan", "Ukraine's revised plan", "European counter-proposal", "a Qatari draft"): any
actor the report's index knows (gazetteer names, possessives, adjectives), never a fixed list.
Mentions of the same name in one report are one proposal with several pieces of evidence; a bare "the
plan" is linked to the proposal last named (for positions and events), not a new one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import Evidence, Proposal
from .. import item_id
from ..gazetteer import key
from . import wordscan
from .context import Context, lc
from .wordscan import Family, Key

PROPOSALS_EXTRACTOR = "proposals.en.v3"

_NUMBERS = {
    "nineteen": 19,
    "twenty": 20,
    "twenty-eight": 28,
    "twenty eight": 28,
    "ten": 10,
    "twelve": 12,
    "fifteen": 15,
    "twenty-two": 22,
    "twenty-seven": 27,
}
_NOUN = (
    r"(?:peace\s+)?(?:plan|proposals?|framework|draft|blueprint|document|roadmap|deal|agreement|"
    r"initiative|outline)"
)
_POINT = lc(
    rf"\b(?P<num>\d{{1,2}}|{'|'.join(_NUMBERS)})[- ](?:point|item)\s+"
    rf"(?:[\w.’'-]+\s+){{0,3}}?{_NOUN}"
)
_POINTS_OF = lc(
    rf"\b{_NOUN}(?:,)?\s+(?:of|with|containing|comprising|now (?:down to|at)|trimmed to|cut to|reduced to|"
    rf"pared (?:back|down) to|shortened to)\s+(?P<num>\d{{1,2}}|{'|'.join(_NUMBERS)})\s+points\b"
)
_COUNTER = lc(
    r"\b(?:counter-?proposals?|counter-?plans?|counter-?offer|counter-?draft|"
    r"alternative (?:plan|proposal|draft))\b"
)
# "Egypt's proposal", "the Qatari draft", "Europe's own plan": a name or adjective the index knows
_AUTHORED = re.compile(
    r"\b(?P<author>(?:[A-Z][\w.’'-]*\s+){0,2}[A-Z][\w.’'-]*)\s+(?:(?:own|new|revised|alternative|"
    r"peace|ceasefire|truce)\s+){0,2}(?:proposals|plan|proposal|amendments|draft|version)\b(?!\s+to\s+"
    r"(?:hold|meet|sign|visit|discuss|resume|continue|launch|announce|travel|finali[sz]e|conclude|start|begin"
    r"|talk|send|impose|raise|cut|open)\b)"
)
_FRAMEWORK = lc(
    r"\b(?:(?:updated|refined|revised|new)\s+(?:and\s+(?:refined|updated)\s+)?(?:peace\s+)?framework|"
    r"framework (?:refined|drafted|hammered out|worked out|updated) in \w+)\b"
)
_NOUN_RE = lc(rf"\b{_NOUN}\b")
_PLAN_VERB = re.compile(
    r"plans?\s+to\s+(?:hold|meet|sign|visit|discuss|resume|continue|launch|announce|travel|finali[sz]e|"
    r"conclude|start|begin|talk|send|impose|raise|cut|open)\b"
)
_NOUN_WORDS = (
    "peace plan proposal framework draft blueprint document roadmap deal agreement initiative outline"
)
# the words a match of each pattern of find_mentions may begin with (see wordscan), in the order used there
_WORDS = Family(
    [
        Key(
            prefixes=("nineteen", "twenty", "ten", "twelve", "fifteen"), test=lambda word: word[0].isdecimal()
        ),
        Key.of("", _NOUN_WORDS),  # _POINTS_OF
        Key.of("", "counter alternative"),  # _COUNTER
        Key.of("", "updated refined revised new framework"),  # _FRAMEWORK
        Key.of("", _NOUN_WORDS),  # _NOUN_RE
    ],
    group=wordscan.LOWER,
)
_BARE_BEFORE = re.compile(
    r"\b(?:the|this|that|a|its|their|his|her|[A-Z][\w.-]*(?:'s|’s))\s+"
    r"(?:(?:U\.S\.|US|American|peace|draft|revised|updated|new)\s+){0,2}$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class ProposalMention:
    start: int
    end: int
    key: str  # canonical name within the report, e.g. "28-point plan"
    author: str | None
    explicit: bool  # named (numbers, counter-proposal, framework) rather than "the plan"


def _number(raw: str) -> int:
    return int(raw) if raw.isdigit() else _NUMBERS.get(raw.lower().replace(" ", "-"), 0)




_AUTHOR_KINDS = ("country", "bloc", "organization", "person")


def _author(ctx: Context, start: int, end: int) -> str | None:
    """The actor the noun phrase attributes the plan to: the name, possessive or adjective right
    before its modifiers ("the U.S. 28-point plan", "Egypt's proposal", "a Qatari draft") -- any
    actor the report's index knows, not a fixed list."""
    head = ctx.text[max(0, start - 40) : start]
    inside = ctx.text[start:end]
    for text in (inside + " ", head + " "):
        for match in reversed(list(re.finditer(r"(?:[A-Z][\w.’'-]*\s+){0,2}[A-Z][\w.’'-]*", text))):
            after = text[match.end():]
            if not re.match(r"(?:'s|’s|')?\s+(?:(?:[a-z][\w-]*|\d[\w-]*)\s+){0,3}", after):
                continue
            name = re.sub(r"(?:'s|’s|')$", "", match.group())
            found = _known(ctx, name)
            if found is not None:
                return found
            if text is head:
                break
    return None


def _known(ctx: Context, name: str) -> str | None:
    index = ctx.actors.index
    for form in (name, name.split()[-1]):
        k = key(form)
        actor = index.forms.get(k[4:] if k.startswith("the ") else k)
        if actor is not None and index.kinds.get(actor) in _AUTHOR_KINDS:
            return actor
    return None


def find_mentions(ctx: Context) -> list[ProposalMention]:
    text = ctx.text
    found: list[ProposalMention] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, key_: str, author: str | None, explicit: bool) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        found.append(ProposalMention(start, end, key_, author, explicit))

    starts = _WORDS.starts(ctx.lower)
    for match in wordscan.finditer(_POINT, ctx.lower, starts[0]):
        num = _number(match["num"])
        noun = "framework" if "framework" in match.group().lower() else "plan"
        add(match.start(), match.end(), f"{num}-point {noun}", _author(ctx, match.start(), match.end()), True)
    for match in wordscan.finditer(_POINTS_OF, ctx.lower, starts[1]):
        num = _number(match["num"])
        noun = "framework" if "framework" in match.group().lower() else "plan"
        add(match.start(), match.end(), f"{num}-point {noun}", _author(ctx, match.start(), match.end()), True)
    for match in wordscan.finditer(_COUNTER, ctx.lower, starts[2]):
        author = _author(ctx, match.start(), match.end())
        name = "counter-proposal" if author is None else f"{author} counter-proposal"
        add(match.start(), match.end(), name, author, True)
    for match in _AUTHORED.finditer(text):
        author = _known(ctx, re.sub(r"(?:'s|’s|')$", "", match["author"]))
        if author:
            add(match.start(), match.end(), f"{author} plan", author, True)
    for match in wordscan.finditer(_FRAMEWORK, ctx.lower, starts[3]):
        add(match.start(), match.end(), "refined framework", None, True)
    for match in wordscan.finditer(_NOUN_RE, ctx.lower, starts[4]):
        if _PLAN_VERB.match(ctx.lower, match.start()):
            continue  # "Japan and the U.S. plan to hold talks": a verb
        det = _BARE_BEFORE.search(text, max(0, match.start() - 40), match.start())
        if det:
            add(det.start(), match.end(), "", _author(ctx, det.start(), match.end()), False)
    found.sort(key=lambda m: m.start)
    # "the U.S. plan" and "the 28-point plan" in one report: the one numbered plan of that author
    numbered = {m.key: m for m in found if m.explicit and re.match(r"\d+-point plan$", m.key)}
    for i, mention in enumerate(found):
        if mention.explicit and mention.author and mention.key == f"{mention.author} plan":
            kin = [m for m in numbered.values() if m.author in (None, mention.author)]
            if len(kin) == 1:
                found[i] = ProposalMention(mention.start, mention.end, kin[0].key, mention.author, True)
    # link bare mentions to the last named proposal (or the first one named later)
    linked: list[ProposalMention] = []
    last: ProposalMention | None = None
    named = [m for m in found if m.explicit]
    for mention in found:
        if mention.explicit:
            last = mention
            linked.append(mention)
        elif last is not None:
            linked.append(ProposalMention(mention.start, mention.end, last.key, last.author, False))
        elif named:
            linked.append(ProposalMention(mention.start, mention.end, named[0].key, named[0].author, False))
    return linked


def extract_proposals(ctx: Context) -> tuple[list[Proposal], list[ProposalMention]]:
    mentions = find_mentions(ctx)
    by_key: dict[str, list[ProposalMention]] = {}
    for mention in mentions:
        if mention.explicit:
            by_key.setdefault(mention.key, []).append(mention)
    proposals = []
    for name, group in by_key.items():
        first = group[0]
        authors = tuple(sorted({m.author for m in group if m.author}))
        proposals.append(
            Proposal(
                id=item_id("p", ctx.report.id, first.start, first.end, PROPOSALS_EXTRACTOR, name),
                name=name,
                author_ids=authors,
                first_reported=None,
                evidence=tuple(Evidence(report_id=ctx.report.id, start=m.start, end=m.end) for m in group),
                extractor=PROPOSALS_EXTRACTOR,
            )
        )
    return proposals, mentions
