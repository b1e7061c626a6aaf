"""Events (会談, 電話, 流出, 提案 …), proposals (28項目の和平案, 欧州の対案 …) and positions.

An event is a trigger word in a sentence, dated by the nearest date expression of that
sentence (a meeting with no date and no new place is the meeting last dated in the report),
placed by ``Xで``, with the actors of the sentence as participants.
"""

from __future__ import annotations

import re

from ...model import Event, Evidence, Position, Precision, Proposal, Quote
from .. import event_plover, item_id
from . import meetings
from .document import Doc
from .positions import extract_positions
from .proposals import find_proposals
from .sentences import Sentence

_TAIL = (r"(?:を行い|を行った|を行う|が開かれる|が開かれ|しました|しています|している|します"
         r"|した|して|し|する|ってい|った|う)?")
TRIGGERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("phone_call", re.compile(r"電話(?:会談|協議|で(?:[^、。]{0,12}?)"
                              r"(?:会談|協議|報告|話し|協議|表明|伝え|説明|要請))" + _TAIL)),
    ("leak", re.compile(r"流出" + _TAIL)),
    ("proposal", re.compile(r"(?:対案|修正案|和平案|計画案|提案|案)を(?:まとめ|作成|示し|送|提出|出し)"
                            r"[^、。]{0,6}?(?:た|て|し|る|い)")),
    ("meeting", re.compile(r"(?P<w>会談|協議|会合|話し合|面会|接触|交渉)" + _TAIL)),
    ("statement", re.compile(r"(?:ビデオ演説|演説|記者会見|電話会見|記者団に対し|記者団に(?:語|述べ))" + _TAIL
                             + r"|辞任した")),
)
_PLANNED = re.compile(r"予定|見通し|方向で調整|調整して|開く方向|計画が(?:ある|あり)")
# 「…と会談を行う。」「…と会談する。」: a non-past verb ending the sentence states a meeting to come
_FUTURE_END = re.compile(r"(?:する|を行う|を開く|が開かれる)(?:。|$)")
# 「…と会談すると発表した」「協議を行うとしている」「首脳会談を開くと述べた」: a non-past verb reported
_FUTURE_SAID = re.compile(r"(?:する|を行う|を開く|を開催する|が開かれる)(?:ことになった|見込み|方針)?"
                          r"(?:と(?:発表|述べ|明らかに|し|語|伝え|説明)|ことで(?:合意|一致))")
# 「今月末に行われる予定の米中首脳会談」: planned, said before the noun
_PLANNED_BEFORE = re.compile(
    r"(?:行われる|開かれる|開く|行う|開催される|する)予定の[^、。]{0,6}$|予定されている[^、。]{0,6}$")


def _future_said(text: str, start: int, end: int, sentence_end: int) -> bool:
    """The trigger's own verb, non-past, reported or agreed: 「会談すると発表」「協議を行うとしている」."""
    return any(m.start() <= end for m in _FUTURE_SAID.finditer(text, start, min(sentence_end, end + 16)))


_NOMINAL_ONLY = re.compile(
    r"(?:会談|協議|会合)(?:の結果|の中身|の詳細|の成果|内容|の初日|は当面|の行方|が進行中)")
_PLACE = re.compile(r"([\u30a1-\u30fa\u30fc・]{2,}(?:州|市)?(?:[\u30a1-\u30fa\u30fc]{2,})?)(?:で|を訪れ)")
_PARTICIPANT_KINDS = ("person", "collective", "country", "bloc", "organization")


def _date(doc: Doc, sentence: Sentence, at: int) -> tuple[str | None, Precision]:
    dates = [d for d in doc.dates_in(sentence.start, sentence.end)
             if d.value and not doc.inside_bracket(d.start)]
    before = [d for d in dates if d.end <= at]
    if len(before) >= 2 and re.match(r"から", doc.text[before[-2].end:before[-1].start]):
        return before[-2].value, before[-2].precision  # 5日から6日にかけて: the start
    if before:
        return before[-1].value, before[-1].precision
    after = [d for d in dates if d.start >= at]
    if after and "。" not in doc.text[at:after[0].start]:
        return after[0].value, after[0].precision
    return None, Precision.UNKNOWN


def _place(doc: Doc, sentence: Sentence, at: int) -> str | None:
    for mention in doc.mentions_in(sentence.start, sentence.end):
        if mention.metonym and re.match(r"で|を訪れ|に", doc.text[mention.end:mention.end + 3]):
            return mention.name
    for match in _PLACE.finditer(doc.text, sentence.start, sentence.end):
        name = match.group(1)
        if not any(m.start <= match.start() < m.end and not m.metonym for m in doc.mentions):
            return name
    return None


def _participants(doc: Doc, sentence: Sentence, quotes: list[Quote]) -> tuple[str, ...]:
    ids: list[str] = []
    for mention in doc.mentions_in(sentence.start, sentence.end):
        if mention.kind not in _PARTICIPANT_KINDS or mention.metonym or doc.inside_bracket(mention.start):
            continue
        follow = doc.text[mention.end:mention.end + 2]
        if follow.startswith("の") or re.match(r"[\u4e00-\u9fff]", follow[:1]):
            continue  # ロシアのプーチン大統領, ウクライナ情勢: a modifier, not a participant
        if mention.actor_id not in ids:
            ids.append(mention.actor_id)
    people = [i for i in ids if not doc.report.id or not _is_country(doc, i)]
    return tuple(people or ids)


def _is_country(doc: Doc, actor_id: str) -> bool:
    return any(m.actor_id == actor_id and m.kind in ("country", "bloc") for m in doc.mentions)


def extract_events(doc: Doc, quotes: list[Quote], events_name: str, proposals_name: str,
                   positions_name: str) -> tuple[list[Event], list[Proposal], list[Position]]:
    events: list[Event] = []
    last_meeting: tuple[str | None, Precision, str | None] | None = None
    for sentence in doc.sentences:
        kinds_here: set[str] = set()
        sentence_quotes = [q for q in quotes if sentence.start <= q.evidence[0].start < sentence.end]
        for kind, pattern in TRIGGERS:
            for match in pattern.finditer(doc.text, sentence.start, sentence.end):
                if doc.inside_bracket(match.start()) or kind in kinds_here:
                    continue
                if kind == "meeting" and (_NOMINAL_ONLY.match(doc.text, match.start())
                                          or any(e.kind == "phone_call" and e.evidence[0].end >= match.end()
                                                 and e.evidence[0].start <= match.start() for e in events)):
                    continue
                if kind == "meeting" and "phone_call" in kinds_here and (
                        doc.text[match.start() - 1] == "で" or match.group("w") in ("協議", "話し合")):
                    continue  # 「電話会談を行い、…について協議した」: what the call was about
                if sentence.index == 0 and _is_headline(doc, sentence):
                    continue  # the headline repeats what the body reports
                if kind == "meeting" and not _reported_as_event(doc, sentence, match):
                    continue
                if kind in ("meeting", "phone_call") and meetings.unreal(
                        doc.text, match.start(), match.end(), sentence.end):
                    continue  # 「会談する予定はない」「会談する可能性」「会談を求めた」: no meeting
                event_kind = kind
                window = doc.text[match.end():min(sentence.end, match.end() + 20)]
                if kind in ("meeting", "phone_call") and (
                        _PLANNED.search(window.split("、")[0])
                        or _FUTURE_END.search(doc.text, match.start(), min(sentence.end, match.end() + 2))
                        or _future_said(doc.text, match.start(), match.end(), sentence.end)
                        or _PLANNED_BEFORE.search(doc.text, max(sentence.start, match.start() - 14),
                                                  match.start())):
                    event_kind = "planned_meeting"
                date, precision = _date(doc, sentence, match.start())
                if re.match(r"(?:など)?を経て", doc.text[match.end():match.end() + 4]):
                    date, precision = None, Precision.UNKNOWN  # a step on the way, not a dated event
                if kind == "statement" and date is None:
                    dated = [q for q in sentence_quotes if q.said_on]
                    if dated:
                        date, precision = dated[0].said_on, dated[0].said_on_precision
                place = _place(doc, sentence, match.start()) if kind in ("meeting", "phone_call") else None
                if kind == "meeting":
                    if date is None and last_meeting and (place is None or place == last_meeting[2]):
                        date, precision = last_meeting[0], last_meeting[1]
                    if date is not None:
                        last_meeting = (date, precision, place)
                if kind == "statement":
                    participants = tuple(dict.fromkeys(q.speaker_id for q in sentence_quotes if q.speaker_id))
                    if not participants:
                        participants = _participants(doc, sentence, [])[:1]
                    start = _evidence_start(doc, sentence, match.start())
                elif kind in ("meeting", "phone_call"):
                    groups, first_at = meetings.parties(doc, sentence, match.start(), match.end(), kind)
                    participants = tuple(groups[0])
                    if first_at is not None and date is not None and _REPORTED.match(doc.text, match.end()):
                        said_at = [d for d in doc.dates_in(sentence.start, first_at) if d.value == date]
                        # 「ペスコフ氏は3日、プーチン氏が…と会談したと明らかにした」: the saying's day
                        if said_at:
                            date, precision = None, Precision.UNKNOWN
                    if not participants and match.group("w" if kind == "meeting" else 0).startswith("交渉"):
                        continue  # 交渉 is a meeting only when the clause says who negotiated
                    start = min(first_at, _evidence_start(doc, sentence, match.start())) \
                        if first_at is not None else _evidence_start(doc, sentence, match.start())
                else:
                    participants = _participants(doc, sentence, sentence_quotes)
                    start = _evidence_start(doc, sentence, match.start())
                if kind not in ("meeting", "phone_call"):
                    groups = [list(participants)]
                end = match.end()
                summary = doc.text[start:end]
                for n, group in enumerate(groups):  # 「XはY、Zとそれぞれ会談した」: one meeting each
                    events.append(Event(
                        id=item_id("e", doc.report.id, start, end, events_name,
                                   event_kind if n == 0 else f"{event_kind}:{n}"),
                        kind=event_kind, date=date, date_precision=precision if date else Precision.UNKNOWN,
                        place=place, participant_ids=tuple(group), summary=summary,
                        evidence=(Evidence(report_id=doc.report.id, start=start, end=end),),
                        extractor=events_name,
                    ))
                kinds_here.add(kind)
    proposals = find_proposals(doc, proposals_name)
    positions = extract_positions(doc, quotes, proposals, positions_name)

    def named(actor: str, lo: int, hi: int) -> bool:
        return any(m.actor_id == actor for m in doc.mentions_in(lo, hi))

    events = [event_plover.with_plover(e, doc.text, "ja", named) for e in events]
    return events, proposals, positions


_HELD_BY_VERB = re.compile(r"を[^、。「」をがは]{0,10}?で(?:行い|行っ|開き|開い|開催し|実施し)")
_REPORTED = re.compile(r"(?:こと)?(?:を)?と(?:述べ|明らかに|語|説明|発表|強調|指摘|話し)")
_HELD_LATER = re.compile(r"(?:は|が)[^。「」]{0,40}?"
                         r"(?:行われ|開かれ|始ま|終え|終わ|開催さ|実施さ|大詰め)")


def _is_headline(doc: Doc, sentence: Sentence) -> bool:
    """The first sentence is the headline when it is the title, or a line with no 。 (a text
    that opens with its lead sentence has no headline to skip)."""
    title = (doc.report.title or "").strip()
    return bool(title and title in sentence.text) or not sentence.text.rstrip().endswith("。")


_VERBAL = re.compile(r"し|する|を行|が開かれ|を開|った|い|を経て|などを経て|中(?:だ|で|の|。)"
                     r"|を(?:始め|開始し|終え|再開し)")


def _reported_as_event(doc: Doc, sentence: Sentence, match: re.Match[str]) -> bool:
    """会談した / 23日の会談 / 前日に行った会談 report a meeting; 会談後 / 会談は only refer to one."""
    word_end = match.start() + len(match.group("w"))
    if _VERBAL.match(doc.text, word_end):
        return True
    if _HELD_LATER.match(doc.text, word_end):
        return True  # 「XとYの協議は6日夜、…で始まった」
    if meetings.attended(doc.text, word_end, sentence.end):
        return True  # 「今回の協議には、…らが参加している」
    if _HELD_BY_VERB.match(doc.text, word_end):
        return True  # 「初めての協議をスイスで行いました」
    clause_start = max(doc.text.rfind("、", sentence.start, match.start()), sentence.start)
    return any(clause_start <= d.start and d.end <= match.start() and match.start() - d.end <= 25
               for d in doc.dates_in(sentence.start, match.start()))


def _evidence_start(doc: Doc, sentence: Sentence, at: int) -> int:
    """The claim starts at the clause before the trigger (after the last 、 or the sentence start)."""
    comma = doc.text.rfind("、", sentence.start, at)
    start = comma + 1 if comma != -1 and at - comma > 4 else sentence.start
    if at - start > 60:
        start = at - 60
    return start
