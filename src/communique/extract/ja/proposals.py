"""Proposals: plans, drafts, counter-proposals and frameworks, as the report names them.

A plan mention is named by what the text says of it: its author (the actor named just before:
米国の / 欧州がまとめた / エジプト側の), its number of points (28項目) and its kind (和平案, 停戦案,
対案, 枠組み).  A plain 和平案 or 提案 is the plan last named in the report.  Nothing here knows
any one story: the author is whoever the report names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import Evidence, Proposal
from .. import item_id
from .actors import ABBREVIATIONS
from .document import Doc

PLAN = re.compile(
    r"「?(?P<points>[0-9０-９]{1,3})(?:項目|点)」?(?:の|からなる|から成る)?"
    r"(?P<noun>(?:修正)?(?:和平|停戦|休戦|合意|和解)?(?:計画|草)?案|計画|提案|枠組み)"
    r"|(?P<plain>(?:修正)?(?:和平|停戦|休戦|合意|和解)(?:計画|草)?案|計画案|修正案|対案|(?:和平|停戦|休戦)?提案|草案"
    r"|(?:和平|停戦|合意)(?:の)?枠組み|枠組み)"
)
# the author before the plan: 「米国の」「欧州が示した」「エジプト側の」 (an actor mention ending there)
_AUTHORED = re.compile(r"(?:側)?(?:の|が[^、。「」]{0,8}?(?:た|る)(?:新たな|独自の)?)")
_TOPIC = re.compile(r"(?:側)?は[^。「」]{0,14}")
_DRAWN_UP = re.compile(r"を(?:まとめ|示し|示した|提示|作成|発表|策定|提出|提案)")
_AUTHOR_KINDS = {"country", "bloc", "organization", "person", "collective"}
_BARE = ("和平案", "提案", "枠組み", "計画", "修正案", "草案", "計画案")  # the plan last named
_NAMED = ("和平案", "停戦案", "休戦案", "合意案", "対案", "和平枠組み", "停戦枠組み")  # a plan on its own
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_GENERIC = ("提案", "計画", "計画案", "案", "草案")  # an author's "proposal": their one plan of any kind
_KANJI = re.compile(r"[\u4e00-\u9fff々]")


@dataclass(frozen=True, slots=True)
class PlanMention:
    start: int
    end: int
    key: str  # author id | number of points | kind (plan, counter, framework)
    noun: str = ""  # the plan's noun as written (和平案, 停戦案, 対案, 枠組み …)
    author_id: str | None = None
    author: str = ""  # the author as written (米国, 欧州)
    points: str = ""  # the number of points this mention gives when its key has none
    numbered: bool = False  # the mention itself writes the number of points (28項目の和平案)


def plan_name(mentions: list[PlanMention]) -> str:
    """A plan's name as the report gives it: 「米国の28項目和平案」, 「欧州の対案」, 「和平枠組み」."""
    author = max((m.author for m in mentions if m.author), key=len, default="")  # 米国 over 米
    _id, points, _kind_ = mentions[0].key.split("|")
    points = points or next((m.points for m in mentions if m.points), "")
    nouns = [m.noun for m in mentions if m.numbered or m.points or not points] or [mentions[0].noun]
    noun = max(nouns, key=len)  # 「28項目」案 and 28項目の和平案: 和平案
    joint = "" if len(author) == 1 else "の"  # 米提案, 米国の提案
    return (f"{author}{joint}" if author else "") + (f"{points}項目" if points else "") + noun


def _author(doc: Doc, start: int, end: int) -> tuple[str, str, int] | None:
    """(name as written, actor id, start) of the actor the plan is attributed to, if any: 「米国の
    和平案」「欧州がまとめた和平案」, or the topic of the clause that drew it up: 「米国は11月、28項目
    からなる和平計画案をまとめ」."""
    before = doc.mentions_in(max(0, start - 24), start)
    for mention in reversed(before):
        if mention.kind not in _AUTHOR_KINDS or mention.actor_id.startswith("anon:"):
            continue
        between = doc.text[mention.end:start]
        if _AUTHORED.fullmatch(between) or mention.end == start:
            return mention.name, mention.actor_id, mention.start
        if _TOPIC.fullmatch(between) and _DRAWN_UP.match(doc.text, end):
            return mention.name, mention.actor_id, mention.start
        break
    abbr = doc.text[start - 1:start] if start else ""  # 米提案, 露案: a one-letter country before the noun
    if abbr in ABBREVIATIONS and not _KANJI.match(doc.text[start - 2:start - 1] if start > 1 else ""):
        return abbr, ABBREVIATIONS[abbr], start - 1
    return None


def plan_mentions(doc: Doc) -> list[PlanMention]:
    """Every mention of a plan, keyed by what the text says of it (author, points, kind).  A
    mention without an author is the one authored plan of the same points and kind in the report,
    if there is one; a bare 「和平案」「提案」 is the plan last named (none before it: no plan)."""
    found_all: list[tuple[PlanMention, bool]] = []  # (mention, bare)
    last: PlanMention | None = None  # the plan last named (not a framework, when there is one)
    last_framework: PlanMention | None = None
    for match in PLAN.finditer(doc.text):
        points = match.group("points")
        word = match.group("noun") or match.group("plain") or ""
        found = _author(doc, match.start(), match.end())
        if points is None and found is None and word in _BARE:
            earlier = last_framework if word == "枠組み" else last or last_framework
            if earlier is not None:  # a bare 「枠組み」 is the framework last named, never a plan
                found_all.append((PlanMention(match.start(), match.end(), earlier.key, earlier.noun,
                                              earlier.author_id, earlier.author), True))
                continue
        if points is None and found is None and not word.endswith(_NAMED):
            continue  # 「提案」「計画」 alone, with nothing to tell which: not a plan of the story
        noun = "対案" if "対案" in word else word
        count = str(int(points.translate(_DIGITS))) if points else ""
        key = "|".join([found[1] if found else "", count, _kind(noun)])
        start = found[2] if found else match.start()
        mention = PlanMention(start, match.end(), key, noun, found[1] if found else None,
                              found[0] if found else "", numbered=points is not None)
        found_all.append((mention, False))
        if _kind(noun) == "framework":
            last_framework = mention
        else:
            last = mention
    by_key = {m.key: m for m, _bare in reversed(found_all) if m.author_id}  # key -> its first mention
    remap: dict[str, str] = {}
    for key in by_key:
        author_id, points, family = key.split("|")
        if points:
            continue
        same = [k for k in by_key if k.startswith(author_id + "|") and k != key]
        numbered = [k for k in same if _family(k) == family and k.split("|")[1]]
        counters = [k for k in same if _family(k) == "counter"]
        if len(numbered) == 1:  # 「米国の計画案」 and 「米国の28項目の和平案」: the one numbered plan
            remap[key] = numbered[0]
        elif family == "plan" and len(counters) == 1 and not [k for k in same if _family(k) == "plan"]:
            remap[key] = counters[0]  # 欧州の対案 + 欧州側の提案: one counter-proposal
    authored = {remap.get(k, k) for k in by_key}
    out = []
    for mention, _bare in found_all:
        key = remap.get(mention.key, mention.key)
        if not mention.author_id:
            _none, points, family = key.split("|")
            kin = [k for k in authored if _family(k) == family and k.split("|")[1] in ("", points)]
            if len(kin) == 1:  # 「28項目の和平案」 and 「米国の和平案」 in one report: the one plan
                one = by_key.get(kin[0]) or next(m for k, m in by_key.items() if remap.get(k) == kin[0])
                mention = PlanMention(mention.start, mention.end, kin[0], mention.noun, one.author_id,
                                      one.author, points or "", mention.numbered)
        elif key != mention.key:
            mention = PlanMention(mention.start, mention.end, key, mention.noun, mention.author_id,
                                  mention.author, mention.points, mention.numbered)
        out.append(mention)
    return out


def _family(key: str) -> str:
    return key.rsplit("|", 1)[-1]


def _kind(noun: str) -> str:
    """Plans of one author in one report are one plan whatever they are called (和平案, 計画案,
    提案), apart from a counter-proposal and a framework."""
    return "counter" if "対案" in noun else "framework" if "枠組み" in noun else "plan"


def find_proposals(doc: Doc, extractor: str) -> list[Proposal]:
    by_key: dict[str, list[PlanMention]] = {}
    for mention in plan_mentions(doc):
        by_key.setdefault(mention.key, []).append(mention)
    proposals = []
    for key, mentions in sorted(by_key.items()):
        first = mentions[0]
        dates = [d for d in doc.dates if d.value and abs(d.start - first.start) < 40]
        proposals.append(Proposal(
            id=item_id("p", doc.report.id, first.start, first.end, extractor, key),
            name=plan_name(mentions),
            author_ids=tuple(dict.fromkeys(m.author_id for m in mentions if m.author_id)),
            first_reported=dates[0].value if dates else None,
            evidence=tuple(Evidence(report_id=doc.report.id, start=m.start, end=m.end) for m in mentions),
            extractor=extractor,
        ))
    return proposals
