"""Positions: who accepts, partly accepts, rejects, demands, supports or opposes what.

A stance cue (一部は受け入れ, 受け入れがたい, 求めて, 懸念 …) is held by the speaker of the
quote it sits in, else by the sentence's subject; spokespeople speak for their state.
The target is the plan named nearest the cue, else an issue (NATO加盟, 領土, 安全の保証 …).
"""

from __future__ import annotations

import re

from ...model import Evidence, Position, Proposal, Quote
from .. import item_id
from ..gazetteer import load
from .document import Doc
from .proposals import plan_mentions
from .speakers import marked_in

CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("partly_accept", re.compile(r"一部(?:を|は)受け入れ|受け入れられたもの|おおむね受け入れ|受け入れられ、"
                                 r"|(?:土台|基礎)になりうる|一部を受け入れ")),
    ("reject", re.compile(r"受け入れ(?:がたい|られない|難い)|拒否(?:した|する)|拒ん|権利もない")),
    # 「ロシアの要求に近い」 names a demand, it does not make one
    ("demand", re.compile(r"求めて|求める|(?<!の)要求|条件と(?:して|し)|用意がある")),
    ("oppose", re.compile(r"懸念|反発")),
    ("support", re.compile(r"支える|保証する案を示")),
)
_NEGATED = re.compile(r"わけではない|との見方を否定|という受け止めは誤り|とする一部の報道|は誤り")
ISSUES = (("nato-membership", re.compile(r"NATO(?:へ|への)?加盟|北大西洋条約機構.{0,4}加盟")),
          ("security-guarantees", re.compile(r"安全の保証|安全保障の保証|保証")),
          # a border as a question (its line, where it runs), not a place by it (「国境地帯に建設される回廊」)
          ("territory", re.compile(r"領土|領有|撤退|国境(?:線|画定|確定|問題|紛争)")),
          ("sanctions", re.compile(r"制裁")),
          ("army-size", re.compile(r"兵力|軍の規模")),
          ("elections", re.compile(r"選挙")))
_SPOKES = ("報道官", "補佐官")
_HOLDER_KINDS = ("person", "collective", "country", "bloc")


_AMONG = re.compile(r"の間(?:で|に|では|には)(?:も)?[^、。]{0,6}$")


_RELATIVE = re.compile(r"[^、。]*?(?:た|る|ている|ていた)[^、。]{0,6}$")  # 示した当初の「


def _drew_up(doc: Doc, after: int, plan_starts: tuple[int, ...]) -> bool:
    """The subject's clause runs straight into a plan's name (「米国が示した当初の「28項目」の和平案は」):
    it is the plan's author in a relative clause, not the subject of the sentence."""
    return any(after < s <= after + 16 and _RELATIVE.match(doc.text, after, s) for s in plan_starts)


def _holder(doc: Doc, start: int, end: int, at: int, quotes: list[Quote],
            authors: frozenset[int] = frozenset(), plan_starts: tuple[int, ...] = ()) -> str | None:
    """Who holds the stance whose cue is at ``at``: the speaker of the quote it sits in, those
    「の間で」 the cue spreads (「欧州の関係者の間で懸念」), else the clause's subject -- never the
    author of a plan named in a relative clause (「米国がまとめた和平案が流出し、…懸念」)."""
    for quote in quotes:
        ev = quote.evidence[0]
        if ev.start <= at < ev.end + 2 and quote.speaker_id:
            return quote.speaker_id
    if doc.text[at - 1:at] == "の":  # 「ウクライナの反発を招いた」: the one named before の
        owner = [m for m in doc.mentions_in(max(start, at - 30), at - 1) if m.end == at - 1]
        if owner:
            return _officials_of(owner[-1].actor_id) if owner[-1].kind == "anonymous" else owner[-1].actor_id
    among = _AMONG.search(doc.text, max(start, at - 30), at)
    if among:
        inside = [_officials_of(m.actor_id) if m.kind == "anonymous" else m.actor_id
                  for m in doc.mentions_in(max(start, among.start() - 30), among.start())
                  if m.kind in _HOLDER_KINDS or m.kind == "anonymous"]
        return next((actor for actor in inside if actor), None)
    for mark in marked_in(doc, start, at):
        if mark.mention.start in authors or (mark.marker == "が" and _drew_up(doc, mark.end, plan_starts)):
            continue
        if mark.marker in ("は", "が", "も") and mark.mention.kind in _HOLDER_KINDS:
            return mark.mention.actor_id
    return None


def _officials_of(anon_id: str) -> str | None:
    """「ベトナムの関係者」 (anon:vietnam): the state whose officials they are, if the gazetteer knows it."""
    entry = load().get(anon_id.removeprefix("anon:"))
    return entry.id if entry is not None and entry.kind == "country" else None


def _speaks_for(actor_id: str) -> str:
    entry = load().get(actor_id)
    if entry and entry.country and any(any(s in (r.title_ja or "") for s in _SPOKES) for r in entry.roles):
        return entry.country
    return actor_id


def extract_positions(doc: Doc, quotes: list[Quote], proposals: list[Proposal],
                      extractor: str) -> list[Position]:
    by_span = {(ev.start, ev.end): p.id for p in proposals for ev in p.evidence}
    plans = plan_mentions(doc)
    authors = frozenset(p.start for p in plans if p.author_id)
    plan_starts = tuple(p.start for p in plans)

    out: list[Position] = []
    seen: set[tuple[str, str | None, str | None, str]] = set()
    for sentence in doc.sentences:
        partly = CUES[0][1].search(doc.text, sentence.start, sentence.end) is not None
        for stance, pattern in CUES:
            if partly and stance == "reject":
                continue  # 一部は受け入れ、一部は受け入れがたい is one partial acceptance
            for match in pattern.finditer(doc.text, sentence.start, sentence.end):
                tail = doc.text[match.end():min(sentence.end, match.end() + 16)]
                head = doc.text[max(sentence.start, match.start() - 12):match.start()]
                if _NEGATED.search(tail) or _NEGATED.search(head):
                    continue
                holder = _holder(doc, sentence.start, sentence.end, match.start(), quotes, authors,
                                 plan_starts)
                if holder is None:
                    continue
                if stance == "partly_accept":
                    holder = _speaks_for(holder)
                in_sentence = [p for p in plans if sentence.start <= p.start < sentence.end]
                target = None
                issue = None
                if in_sentence:
                    nearest = min(in_sentence, key=lambda p: abs(p.start - match.start()))
                    target = by_span.get((nearest.start, nearest.end))
                else:
                    for name, pattern_issue in ISSUES:
                        if pattern_issue.search(doc.text, sentence.start, sentence.end):
                            issue = name
                            break
                if target is None and issue is None:
                    if stance in ("partly_accept", "reject"):
                        earlier = [p for p in plans if p.start < sentence.start]
                        if earlier:
                            target = by_span.get((earlier[-1].start, earlier[-1].end))
                    if target is None:
                        continue
                key = (holder, target, issue, stance)
                if key in seen:
                    continue
                seen.add(key)
                comma = doc.text.rfind("、", sentence.start, match.start())
                start = comma + 1 if comma != -1 else sentence.start
                end = match.end()
                out.append(Position(
                    id=item_id("pos", doc.report.id, start, end, extractor, stance),
                    holder_id=holder, target_id=target, issue=issue, stance=stance,
                    as_of=doc.report.published_at[:10] if doc.report.published_at else None,
                    evidence=(Evidence(report_id=doc.report.id, start=start, end=end),), extractor=extractor,
                ))
    return out
