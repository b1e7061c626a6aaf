"""Proposals: the 28項目の和平案, 欧州の対案, the ジュネーブ framework, Ukraine's 20項目案.

A plan mention is named by its number of points and its author (米国の / 欧州がまとめた /
ウクライナの …); a plain 和平案 or 提案 is the plan last named in the report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import Evidence, Proposal
from .. import item_id
from .document import Doc

PLAN = re.compile(
    r"「?(?P<points>[0-9０-９]{1,2})項目」?(?:の|からなる|から成る)?(?:修正)?(?:和平)?(?:計画|草)?案"
    r"|(?:修正)?和平(?:計画|草)?案|計画案|修正案|対案|提案|和平(?:の)?枠組み|枠組み"
)
_AUTHOR = re.compile(
    r"(?P<us>米国|米側|米|アメリカ|トランプ政権)(?:側)?(?:の|が[^、。]{0,8}?(?:た|る))?$"
    r"|(?P<eu>欧州|ヨーロッパ|英仏独)(?:側)?(?:の|が[^、。]{0,8}?(?:た|る))?(?:独自の)?$"
    r"|(?P<ua>ウクライナ)(?:側)?(?:の|が[^、。]{0,8}?(?:た|る))?$"
)
NAMES = {
    "us-28-point": "米国の28項目和平案",
    "european-counterproposal": "欧州の対案",
    "geneva-framework": "ジュネーブで更新された和平枠組み",
    "ukraine-20-point": "ウクライナの20項目修正和平案",
}
AUTHORS = {
    "us-28-point": ("united-states",),
    "european-counterproposal": ("united-kingdom", "france", "germany"),
    "geneva-framework": ("united-states", "ukraine"),
    "ukraine-20-point": ("ukraine",),
}


@dataclass(frozen=True, slots=True)
class PlanMention:
    start: int
    end: int
    key: str


def plan_mentions(doc: Doc) -> list[PlanMention]:
    out: list[PlanMention] = []
    last: str | None = None
    for match in PLAN.finditer(doc.text):
        before = doc.text[max(0, match.start() - 14):match.start()]
        author = _AUTHOR.search(before)
        points = match.group("points")
        word = match.group()
        key = None
        if points:
            n = int(points.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
            key = {28: "us-28-point", 20: "ukraine-20-point", 19: "geneva-framework"}.get(n)
        elif "対案" in word or (author and author.group("eu")):
            key = "european-counterproposal"
        elif "枠組み" in word:
            nearby = doc.text[max(0, match.start() - 40):match.end()]
            key = "geneva-framework" if "ジュネーブ" in nearby else last
        elif author and author.group("ua") and "修正" in word:
            key = "ukraine-20-point"
        elif author and author.group("us"):
            key = "us-28-point"
        elif author and author.group("ua"):
            key = "ukraine-20-point" if "修正" in word else None
        else:
            key = last
        if key is None:
            continue
        start = match.start() - (len(author.group()) if author else 0)
        out.append(PlanMention(start, match.end(), key))
        last = key
    return out


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
            name=NAMES[key], author_ids=AUTHORS[key], first_reported=dates[0].value if dates else None,
            evidence=tuple(Evidence(report_id=doc.report.id, start=m.start, end=m.end) for m in mentions),
            extractor=extractor,
        ))
    return proposals
