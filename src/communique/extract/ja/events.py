"""Events (会談, 電話, 流出, 提案 …), proposals (28項目の和平案, 欧州の対案 …) and positions.

An event is a trigger word in a sentence, dated by the nearest date expression of that
sentence (a meeting with no date and no new place is the meeting last dated in the report),
placed by ``Xで``, with the actors of the sentence as participants.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...model import Event, Evidence, Position, Precision, Proposal, Quote
from .. import event_plover, item_id, places, still_to_come
from . import meetings
from .actors import Mention
from .document import Doc, Token, in_round_brackets
from .positions import extract_positions
from .proposals import find_proposals
from .sentences import Sentence

_TAIL = (r"(?:を行い|を行った|を行う|が開かれる|が開かれ|しました|しています|している|します"
         r"|した|して|し|する|ってい|った|う)?")
TRIGGERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("phone_call", re.compile(r"電話(?:会談|協議|で(?:[^、。]{0,12}?)"
                              r"(?:会談|協議|報告|話し|協議|表明|伝え|説明|要請))" + _TAIL
                              # 「XはYに電話した」「…両外相に電話。」: X called Y
                              + r"|(?<=に)電話(?:をかけ(?:た|て)|した|して|し(?=、)|(?=[。、]))")),
    ("leak", re.compile(r"流出" + _TAIL)),
    ("proposal", re.compile(r"(?:対案|修正案|和平案|計画案|提案|案)を(?:まとめ|作成|示し|送|提出|出し)"
                            r"[^、。]{0,6}?(?:た|て|し|る|い)")),
    # 「…で国防相らによる会議を開いた」: a conference held (not one named: 「安全保障会議の決定」)
    ("meeting", re.compile(r"(?P<w>会談|協議|会合|話し合|面会|接触|交渉"
                           r"|会議(?=を(?:開い|開き|開催し|行っ|行い)|が(?:開かれ|行われ)))" + _TAIL)),
    ("statement", re.compile(r"(?:ビデオ演説|演説|記者会見|電話会見|記者団に対し|記者団に(?:語|述べ))" + _TAIL
                             + r"|辞任した")),
)
_PLANNED = re.compile(r"予定|見通し|方向で調整|調整して|開く方向|計画が(?:ある|あり)"
                      r"|^(?:する|を行う)?ことにな[っりる]"
                      r"|^(?:を行う|に臨む|に入る|に参加する|に出席する)(?:ため|方向)")
# 「…と会談を行う。」「…と会談する。」: a non-past verb ending the sentence states a meeting to come
_FUTURE_END = re.compile(r"(?:する|を行う|を開く|が開かれる|に(?:臨む|加わる|参加する|出席する))(?:。|$)")
# 「…と会談すると発表した」「協議を行うとしている」「首脳会談を開くと述べた」: a non-past verb reported
_FUTURE_SAID = re.compile(r"(?:する|を行う|を開く|を開催する|が開かれる)(?:ことになった|見込み|方針)?"
                          r"(?:と(?:発表|述べ|明らかに|し|語|伝え|説明|報じ|予告)|ことを(?:発表|明らかに|予告)"
                          r"|ことで(?:合意|一致))")
# 「今月末に行われる予定の米中首脳会談」: planned, said before the noun
_PLANNED_BEFORE = re.compile(
    r"(?:行われる|開かれる|開く|行う|開催される|する)予定の[^、。]{0,6}$|予定されている[^、。]{0,6}$")


def _future_said(text: str, start: int, end: int, sentence_end: int) -> bool:
    """The trigger's own verb, non-past, reported or agreed: 「会談すると発表」「協議を行うとしている」."""
    return any(m.start() <= end for m in _FUTURE_SAID.finditer(text, start, min(sentence_end, end + 16)))


_NOMINAL_ONLY = re.compile(
    r"(?:会談|協議|会合)(?:の結果|の中身|の詳細|の成果|内容|の初日|は当面|の行方|が進行中)")
_PARTICIPANT_KINDS = ("person", "collective", "country", "bloc", "organization")


_VAGUE_PAST = re.compile(r"先日|先般|先ごろ|先頃|このほど|以前|かつて")
# 「近く」「近日中に」 between a day and the trigger: the event's own time is "soon", not that day
# (after 、が, は or も: not 「会場の近くで」 near the venue, nor 「5時間近く」 nearly five hours)
_SOON = re.compile(r"(?<=[、がはも])近く(?![にでの])|近日中に|近々")


# 「…停戦に合意したことを受け、両国は協議を行う」: the event is what the main clause follows
_BEFORE_MAIN = re.compile(r"(?:た|る)?(?:ことを受け|のを受け|ことに伴い|のに伴い|ことから|ことをきっかけに)")


def _main_clause_day(doc: Doc, sentence: Sentence, at: int, end: int) -> bool:
    """Whether the day that would date an event in a clause the main clause follows
    (「5月12日、両国が停戦に合意したことを受け、軍の責任者が協議する」) is the main clause's: a day
    set off by 「、」 opens the sentence for its main verb, not for the clause inside it."""
    if not _BEFORE_MAIN.match(doc.text, end):
        return False
    before = [d for d in doc.dates_in(sentence.start, at) if d.value and not doc.inside_bracket(d.start)]
    return bool(before) and doc.text.startswith("、", before[-1].end)


def _date(doc: Doc, sentence: Sentence, at: int) -> tuple[str | None, Precision]:
    dates = [d for d in doc.dates_in(sentence.start, sentence.end)
             if d.value and not doc.inside_bracket(d.start)]
    # 「米東部時間6日午後(日本時間7日午前)」: the day in round brackets is the same moment told again
    plain = [d for d in dates if not in_round_brackets(doc.text, sentence.start, d.start)]
    dates = plain or dates
    before = [d for d in dates if d.end <= at]
    if len(before) >= 2 and re.match(r"から", doc.text[before[-2].end:before[-1].start]):
        return before[-2].value, before[-2].precision  # 5日から6日にかけて: the start
    if before and _SOON.search(doc.text, before[-1].end, at):
        # 「米紙は14日、特使が近くハマスと協議すると伝えた」: the 14th is the telling, not the meeting
        return None, Precision.UNKNOWN
    if before and not doc.text.startswith("、", before[-1].end) \
            and _BEFORE_MAIN.search(doc.text, before[-1].end, at):
        # 「両国が10日に停戦に合意したことを受け、軍の責任者が協議する」: the 10th is the agreement's
        return None, Precision.UNKNOWN
    if before:
        return before[-1].value, before[-1].precision
    if _VAGUE_PAST.search(doc.text, max(sentence.start, at - 30), at):
        return None, Precision.UNKNOWN  # 「先日、…で協議を行い、今日の会談に…」: some day before, not today
    after = [d for d in dates if d.start >= at]
    if after and "。" not in doc.text[at:after[0].start]:
        return after[0].value, after[0].precision
    return None, Precision.UNKNOWN


def _place(doc: Doc, sentence: Sentence, at: int) -> str | None:
    """Where the sentence puts its meeting: a place named before 「で」 or 「を訪れ」.

    A name Sudachi knows as a place (釜山, クアラルンプール, カナナスキス), or a name of the
    shared places data (ホワイトハウス is in Washington); a country before it is its setting, not
    the place (「韓国・釜山で」 is Busan), and a country alone is a party, not a place.  What is
    neither is not a place: 「オンラインで」, 「インタビューで」."""
    for mention in doc.mentions_in(sentence.start, sentence.end):
        if mention.metonym and re.match(r"で|を訪れ|に", doc.text[mention.end:mention.end + 3]):
            return mention.name
    tokens = doc.tokens_in(sentence.start, sentence.end)
    for i, tok in enumerate(tokens):
        if i == 0 or not _PLACE_PARTICLE.match(doc.text, tok.start):
            continue
        if doc.text.startswith("での", tok.start) and not _MEETING_AFTER.match(doc.text, tok.start + 2):
            continue  # 「ガザでの戦闘」: where the fighting is, not the meeting
        run: list[int] = []  # the place-name tokens right before the particle, back to front
        j = _before_reading(doc, tokens, i - 1)
        while j >= 0 and (_is_place_name(tokens[j]) or doc.text[tokens[j].start:tokens[j].end] == "・"):
            run.append(j)
            j -= 1
        names = [k for k in reversed(run) if doc.text[tokens[k].start:tokens[k].end] != "・"]
        while names and _is_country_token(tokens[names[0]]) and len(names) > 1:
            names.pop(0)  # 「韓国・釜山」: the city
        if names and not _is_country_token(tokens[names[0]]):
            name = doc.text[tokens[names[0]].start:tokens[names[-1]].end]
            return _READING.sub("", name) or name
        katakana = doc.text[_run_start(doc.text, tok.start):tok.start]  # katakana the places data knows
        if len(katakana) >= 2 and places.load().resolve(katakana):
            return katakana
    for mention in doc.mentions_in(sentence.start, sentence.end):  # 「マレーシア首都での交渉」
        after = _CAPITAL_AT.match(doc.text, mention.end)
        if after is None or mention.kind != "country":
            continue
        capital = places.load().capital(mention.actor_id)
        if capital is not None and (after.group(1) != "での" or _MEETING_AFTER.match(doc.text, after.end())):
            return capital.name_ja
    return None


_CAPITAL_AT = re.compile(r"の?首都(での|で|を訪れ|を訪問)")


_PLACE_PARTICLE = re.compile(r"で(?![はも]?(?:ない|あり|ある))|を訪れ|を訪問")


_READING = re.compile(r"[（(][\u3041-\u30ff・ー]+[）)]$")  # 「釜山（プサン）」: Sudachi's one token


def _before_reading(doc: Doc, tokens: list[Token], j: int) -> int:
    """The token before a reading in brackets that ends at ``j`` (「釜山（プサン）で」), else ``j``."""
    if j < 1 or doc.text[tokens[j].start:tokens[j].end] not in ("）", ")"):
        return j
    k = j - 1
    while k >= 0 and j - k <= 4 and doc.text[tokens[k].start:tokens[k].end] not in ("（", "("):
        k -= 1
    inside = doc.text[tokens[k].end:tokens[j].start] if k >= 0 else ""
    return k - 1 if k >= 1 and re.fullmatch(r"[\u3041-\u30ff・ー]+", inside) else j


_MEETING_AFTER = re.compile(r"[^、。「」]{0,8}?(?:会談|協議|会合|交渉|首脳会談|会議)")


def _is_place_name(tok: Token) -> bool:
    return tok.pos[:3] == ("名詞", "固有名詞", "地名")


def _is_country_token(tok: Token) -> bool:
    return tok.pos[:4] == ("名詞", "固有名詞", "地名", "国")


def _run_start(text: str, end: int) -> int:
    """Where the run of katakana (and 「・」) that ends at ``end`` starts."""
    start = end
    while start > 0 and re.match(r"[\u30a1-\u30fa\u30fc・]", text[start - 1]):
        start -= 1
    return start


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
    fresh: set[str] = set()  # meetings the text says are new ones (「新たな協議」「その後…会談が行われ」)
    anchored: set[str] = set()  # meetings with a day or a place their own sentence gives
    last_meeting: tuple[str | None, Precision, str | None] | None = None
    for sentence in doc.sentences:
        kinds_here: set[str] = set()
        met_here: list[Event] = []  # the meetings and calls of this sentence so far
        calls: list[Event] = []  # this sentence's calls (a planned call is a planned_meeting)
        sentence_quotes = [q for q in quotes if sentence.start <= q.evidence[0].start < sentence.end]
        for kind, pattern in TRIGGERS:
            for match in pattern.finditer(doc.text, sentence.start, sentence.end):
                if doc.inside_bracket(match.start()):
                    continue
                # a second meeting of the sentence only in a clause of its own, with its own parties
                # (「Yと会談したほか、Zと交渉を行った」「…と会談し、近く米中協議を行うことで合意した」)
                second = kind in kinds_here and kind in ("meeting", "phone_call") and bool(met_here) \
                    and met_here[-1].evidence[0].end < match.start()
                if kind in kinds_here and not second:
                    continue
                if kind == "meeting" and (_NOMINAL_ONLY.match(doc.text, match.start())
                                          or any(e.extractor == "call" and e.evidence[0].end >= match.end()
                                                 and e.evidence[0].start <= match.start() for e in calls)):
                    continue
                if kind == "meeting" and "phone_call" in kinds_here and (
                        doc.text[match.start() - 1] == "で" or match.group("w") in ("協議", "話し合")):
                    continue  # 「電話会談を行い、…について協議した」: what the call was about
                if sentence.index == 0 and _is_headline(doc, sentence) \
                        and match.start() < _headline_end(doc, sentence):
                    continue  # the headline repeats what the body reports
                if _CAPTION.match(doc.text, match.start()):
                    continue  # a photo caption: read by _captions
                if kind == "meeting" and not _reported_as_event(doc, sentence, match):
                    continue
                if kind in ("meeting", "phone_call") and meetings.unreal(
                        doc.text, match.start(), match.end(), sentence.end):
                    continue  # 「会談する予定はない」「会談する可能性」「会談を求めた」: no meeting
                event_kind = kind
                window = doc.text[match.end():min(sentence.end, match.end() + 20)]
                if kind in ("meeting", "phone_call") and (
                        _PLANNED.search(window.split("、")[0])
                        or _JOIN_FUTURE.match(doc.text, match.end())
                        or _planned_by_the_end(doc.text, match, sentence)
                        or _FUTURE_END.search(doc.text, match.start(), min(sentence.end, match.end() + 2))
                        or _future_said(doc.text, match.start(), match.end(), sentence.end)
                        or _PLANNED_BEFORE.search(doc.text, max(sentence.start, match.start() - 14),
                                                  match.start())):
                    event_kind = "planned_meeting"
                date, precision = _date(doc, sentence, match.start())
                if (kind in ("meeting", "phone_call") and date and precision is Precision.DAY and doc.ref
                        and date > doc.ref.isoformat()):
                    event_kind = "planned_meeting"  # 「19日に会談する」 in a report of the 15th
                if re.match(r"(?:など)?を経て", doc.text[match.end():match.end() + 4]):
                    date, precision = None, Precision.UNKNOWN  # a step on the way, not a dated event
                if kind == "statement" and date is None:
                    dated = [q for q in sentence_quotes if q.said_on]
                    if dated:
                        date, precision = dated[0].said_on, dated[0].said_on_precision
                # a call has no one place: each side is in its own city
                place = _place(doc, sentence, match.start()) if kind == "meeting" else None
                own_date = date is not None
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
                    if second:
                        before = met_here[-1]
                        groups, first_at = meetings.parties(
                            doc, sentence, match.start(), match.end(), kind,
                            after=before.evidence[0].end, carry=before.participant_ids[:1])
                        if not groups[0] or (set(groups[0]) <= set(before.participant_ids)
                                             and event_kind == before.kind):
                            continue
                    else:
                        groups, first_at = meetings.parties(doc, sentence, match.start(), match.end(), kind)
                        if not groups[0] and kind == "meeting" and _BARE_NOUN.search(
                                doc.text, max(sentence.start, match.start() - 4), match.start()):
                            groups = [_named_before(doc, sentence, match)]  # 「協議は6日から行われている」
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
                days = [(date, precision)]
                if kind in ("meeting", "phone_call"):
                    days = _days_joined(doc, sentence, match.start()) or days  # 「3日と5日に電話協議した」
                n = 0
                for day, day_precision in days:
                    for group in groups:  # 「XはY、Zとそれぞれ会談した」: one meeting each
                        events.append(Event(
                            id=item_id("e", doc.report.id, start, end, events_name,
                                       event_kind if n == 0 else f"{event_kind}:{n}"),
                            kind=event_kind, date=day,
                            date_precision=day_precision if day else Precision.UNKNOWN,
                            place=place, participant_ids=tuple(group), summary=summary,
                            evidence=(Evidence(report_id=doc.report.id, start=start, end=end),),
                            extractor=events_name,
                        ))
                        n += 1
                        if kind in ("meeting", "phone_call"):
                            met_here.append(events[-1])
                            if len(days) > 1 or _NEW_MEETING.search(doc.text, sentence.start, match.start()):
                                fresh.add(events[-1].id)
                            if own_date or place:
                                anchored.add(events[-1].id)
                        if kind == "phone_call":
                            calls.append(replace(events[-1], extractor="call"))
                kinds_here.add(kind)
    events += _captions(doc, events_name)
    events = _once_each(doc, events, fresh, anchored)
    events += _agreements(doc, events_name)
    proposals = find_proposals(doc, proposals_name)
    positions = extract_positions(doc, quotes, proposals, positions_name)

    def named(actor: str, lo: int, hi: int) -> bool:
        return any(m.actor_id == actor for m in doc.mentions_in(lo, hi))

    events = [still_to_come(event_plover.with_plover(e, doc.text, "ja", named), doc.report.published_at)
              for e in events]
    return events, proposals, positions


_AT_PLACE = re.compile(r"での[^、。「」]{0,6}$")
# 「週末に行われた両国の貿易協議」: a relative clause that says it took place
_HELD_BEFORE = re.compile(r"(?:行われた|開かれた|開催された)[^、。「」]{0,12}$")
_REPORTED = re.compile(r"(?:こと)?(?:を)?と(?:述べ|明らかに|語|説明|発表|強調|指摘|話し)")
_HELD_LATER = re.compile(r"(?:は|が)[^。「」]{0,40}?"
                         r"(?:行われ|開かれ|始ま|終え|終わ|開催さ|実施さ|大詰め)")


# the final predicate of a sentence that puts its -し clauses in the future:
# 「19日に米中首脳が協議し、承認する見通しだ」
_PLANNED_END = re.compile(r"(?:見通し|予定|見込み|方針)(?:だ|です|という|となっている|である)?。?\s*$")


def _planned_by_the_end(text: str, match: re.Match[str], sentence: Sentence) -> bool:
    """A meeting verb in the -し form (「協議し、」) takes the tense of the sentence's last predicate."""
    if not (text.startswith("、", match.end()) and text[match.end() - 1] == "し"):
        return False
    tail = text[match.end():sentence.end]
    return "。" not in tail.rstrip().rstrip("。") and _PLANNED_END.search(tail) is not None


# 「…の協議に加わる。」「…協議に臨む「…」」: joining talks still to come
_JOIN_FUTURE = re.compile(r"に(?:臨む|加わる|参加する|出席する)"
                          r"(?:。|「|\n|$|予定|見通し|見込み|方針|ため|ことにな[っりる])")
# a bare meeting noun that opens its clause: 「協議は…」「今回の協議には…」「会談は…」
_BARE_NOUN = re.compile(r"(?:^|[。、\n]|今回の|この|同)$")


def _named_before(doc: Doc, sentence: Sentence, match: re.Match[str]) -> list[str]:
    """The parties of the same talks named in this sentence or the one before: 「イスラエルとハマスの
    和平協議で、…。…協議は6日から行われている」."""
    word = match.group("w")
    lo = next((s.start for s in doc.sentences if s.index == sentence.index - 1), sentence.start)
    found: list[str] = []
    for earlier in re.finditer(re.escape(word), doc.text[lo:match.start()]):
        at = lo + earlier.start()
        where = doc.sentence_at(at)
        if where is None or doc.inside_bracket(at):
            continue
        groups, _first = meetings.parties(doc, where, at, at + len(word), "meeting")
        if len(groups) == 1 and len(groups[0]) >= 2:
            found = groups[0]
    return found


def _days_joined(doc: Doc, sentence: Sentence, at: int) -> list[tuple[str | None, Precision]]:
    """「3日と5日に電話協議した」: two days, one meeting each."""
    dates = [d for d in doc.dates_in(sentence.start, at) if not doc.inside_bracket(d.start)]
    if len(dates) < 2 or doc.text[dates[-2].end:dates[-1].start] != "と":
        return []
    if not re.match(r"に|、|の", doc.text[dates[-1].end:dates[-1].end + 1]) or at - dates[-1].end > 4:
        return []
    return [(dates[-2].value, dates[-2].precision), (dates[-1].value, dates[-1].precision)]


def _once_each(doc: Doc, events: list[Event], fresh: set[str], anchored: set[str]) -> list[Event]:
    """A meeting the report mentions again (「会談は約1時間続いた」, the same parties or fewer, no other
    day) is the meeting already found, not another one; a meeting noun whose parties the text never
    names (「…についても協議が行われた」) is one of the report's meetings, unless the text says it is
    a new one.  A summit (首脳会談) is not the talks of ministers, a call not a meeting, and a mention
    with a day or a place of its own (``anchored``) is kept."""
    met = ("meeting", "phone_call", "planned_meeting")

    def family(e: Event) -> tuple[str, bool]:
        at = e.evidence[0].end
        return e.kind, "首脳" in doc.text[max(0, at - 8):at]

    meetings_found = [e for e in events if e.kind in met]
    kept: list[Event] = []
    for event in events:
        if event.kind in met and event.id not in fresh and event.id not in anchored:
            if not event.participant_ids and any(f.participant_ids and f.kind == event.kind
                                                 for f in meetings_found):
                continue
            if any(f.kind in met and family(f) == family(event)
                   and (f.evidence[0] != event.evidence[0] or f.participant_ids == event.participant_ids)
                   and set(event.participant_ids) <= set(f.participant_ids)
                   and (event.date is None or event.date == f.date) for f in kept):
                continue
        kept.append(event)
    return kept


_NEW_MEETING = re.compile(r"新た|別の|その後|改めて|再び|続いて")


def _headline_end(doc: Doc, sentence: Sentence) -> int:
    """Where the headline ends in a first sentence that holds it (a page that runs the headline,
    the byline and the lead together holds the lead's meeting too)."""
    title = (doc.report.title or "").strip()
    at = doc.text.find(title, sentence.start, sentence.end) if title else -1
    if at == -1 or not sentence.text.rstrip().endswith("。"):
        return sentence.end
    return at + len(title)


# a photo caption: 「握手する赤沢経済再生相(右)とベセント米財務長官=1日、ワシントン」
_CAPTION = re.compile(r"(?:会談|握手|協議|面会)(?:する|した)"
                      r"(?=[^。\n=＝]{2,60}?[（(](?:右|左|中央|手前|奥)[）)])(?=[^。\n=＝]{2,80}[=＝])")
_SIDE = re.compile(r"[（(](?:右|左|中央|手前|奥)[）)]")


def _captions(doc: Doc, events_name: str) -> list[Event]:
    """The people a photo caption shows meeting (each marked 右 / 左, or listed with と)."""
    found: list[Event] = []
    for match in _CAPTION.finditer(doc.text):
        if doc.inside_bracket(match.start()):
            continue
        stop = min(i for i in (doc.text.find("=", match.end()), doc.text.find("＝", match.end())) if i != -1)
        people = [m for m in doc.mentions_in(match.end(), stop)
                  if m.kind == "person" and not doc.text.startswith("の", m.end)]
        if len(people) < 2 or not any(_SIDE.match(doc.text, m.end) for m in people):
            continue
        line_end = doc.text.find("\n", stop)
        line_end = len(doc.text) if line_end == -1 else line_end
        dates = [d for d in doc.dates_in(stop, line_end) if d.value]
        date, precision = (dates[0].value, dates[0].precision) if dates else (None, Precision.UNKNOWN)
        start, end = match.start(), stop
        found.append(Event(
            id=item_id("e", doc.report.id, start, end, events_name, "meeting"),
            kind="meeting", date=date, date_precision=precision if date else Precision.UNKNOWN,
            place=None, participant_ids=tuple(dict.fromkeys(m.actor_id for m in people)),
            summary=doc.text[start:end],
            evidence=(Evidence(report_id=doc.report.id, start=start, end=end),),
            extractor=events_name,
        ))
    return found


def _is_headline(doc: Doc, sentence: Sentence) -> bool:
    """The first sentence is the headline when it is the title, or a line with no 。 (a text
    that opens with its lead sentence has no headline to skip)."""
    title = (doc.report.title or "").strip()
    return bool(title and title in sentence.text) or not sentence.text.rstrip().endswith("。")


_VERBAL = re.compile(r"し|する|を行|が開かれ|を開|った|い|を経て|などを経て|中(?:だ|で|の|。)"
                     r"|を(?:始め|開始し|終え|再開し)|に(?:臨|加わ|参加し|参加す|出席し|出席す)")


def _reported_as_event(doc: Doc, sentence: Sentence, match: re.Match[str]) -> bool:
    """会談した / 23日の会談 / 前日に行った会談 report a meeting; 会談後 / 会談は only refer to one."""
    word_end = match.start() + len(match.group("w"))
    if _VERBAL.match(doc.text, word_end):
        return True
    if _HELD_LATER.match(doc.text, word_end):
        return True  # 「XとYの協議は6日夜、…で始まった」
    if meetings.attended(doc.text, word_end, sentence.end):
        return True  # 「今回の協議には、…らが参加している」
    if meetings.VERB_AFTER_PLACE.match(doc.text, word_end):
        return True  # 「初めての協議をスイスで行いました」
    if _HELD_BEFORE.search(doc.text, max(sentence.start, match.start() - 24), match.start()):
        return True  # 「週末に行われた両国の貿易協議」
    if doc.text.startswith("で、", word_end) and _AT_PLACE.search(
            doc.text, max(sentence.start, match.start() - 8), match.start()):
        return True  # 「XとYは9日、エジプトでの協議で合意した」
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


# Agreements reached and documents signed (PLOVER AGREE): 「XとYは…で合意した」「…ことで合意した」
# 「合意に達した」「XがYに署名した」 with a deal object.  Not when the agreement is denied, sought
# or still to come (「合意に至らなかった」「合意を目指す」「合意する見通し」「合意すれば」).
_AGREE = re.compile(
    r"(?P<obj_end>)(?:(?:で|に|について)(?:基本的に|大筋で|正式に|改めて)?)?"
    r"(?P<verb>合意に達し|合意が成立し|合意し|署名し|(?<=で)合意(?=。))(?P<tail>た|ました|、|ており|ている|ていた|(?=。))"
)  # 「…ことで合意。」: a news sentence ending on the noun is a past agreement too
_AGREE_NOT = re.compile(r"(?:場合|ら|ても|なら|れば)")
# a -し、 clause takes the tense of the sentence's last predicate: past only
_PAST_END = re.compile(r"(?:た|ました|ている|ています|ていた)(?:と[^。]{0,30})?。?\s*$")
_AGREE_FUTURE = re.compile(r"(?:見通し|予定|見込み|方針|方向|目指|考え|可能性|意向|期待|求め)")
# agreeing to meet or to keep talking is a meeting still to come, not an agreement
_TO_MEET = re.compile(
    r"(?:協議|会談|会合|交渉|話し合い|対話|首脳会談|会うこと|訪問)(?:を[^、。]{0,8}|する)?(?:こと)?$")
_SIGNED_DOC = re.compile(r"(?:大統領令|文書|協定|覚書|合意|条約|声明|議定書|宣言)$")
_REPORTED_AFTER = re.compile(
    r"(?:ことを|と)(?:述べ|明らかに|語|説明|発表|強調|指摘|話し|示唆|投稿|伝え|報じ)")
# 「XとYの両首脳は」「XとYの経済・貿易協議は…で合意した」: the pair's leaders or talks agreeing
_THEIR_HEADS = re.compile(r"の(?:両(?:首脳|首相|外相|国防相|大臣|政府|代表団?)|[^、。はがをにで「」]{0,8}"
                          r"(?:協議|会談|交渉|会合))(?=[はが])")
_SUBJECT_MARK = re.compile(r"(?:は|が)(?:、)?")
# a が-subject inside a relative clause: its verb qualifies the noun after it (「…が宣言していた税率」)
_RELATIVE = re.compile(r"(?:た|ている|ていた|する)(?=[\u4e00-\u9fff\u30a0-\u30ff])")


def _in_relative(text: str, after: int, at: int) -> bool:
    """The が-subject ending at ``after`` is a relative clause's: no comma after it, and its verb
    qualifies a noun before the next comma (「トランプ大統領が25%と宣言していた税率を」), not the
    main clause's subject (「ハマスが、米国の提案していた計画に合意した」)."""
    if text.startswith("、", after):
        return False
    comma = text.find("、", after, at)
    return bool(_RELATIVE.search(text, after, comma if comma != -1 else at))


_LIST_GAP = re.compile(r"(?:と|、|や)[^、。はがをにで「」]{0,10}")


def _agreements(doc: Doc, events_name: str) -> list[Event]:
    out: list[Event] = []
    text = doc.text
    for sentence in doc.sentences:
        for match in _AGREE.finditer(text, sentence.start, sentence.end):
            at = match.start("verb")
            if doc.inside_bracket(at):
                continue  # someone's words, not the report's statement
            if sentence.index == 0 and _is_headline(doc, sentence):
                continue
            after = text[match.end():match.end() + 4]
            if _AGREE_NOT.match(after) or (match["tail"] == "、" and not _PAST_END.search(
                    text[match.end():sentence.end])):
                continue
            if _AGREE_FUTURE.match(text, match.end()) or _AGREE_FUTURE.search(
                    text[match.end():match.end() + 12].split("。")[0].split("、")[0]):
                continue  # 「合意する見通し」「署名する予定」 (caught by the tense too)
            clause_start = _coordinated(doc, sentence, max(
                text.rfind("、", sentence.start, match.start()) + 1, sentence.start), match.start())
            obj_start = _object_start(doc, sentence, clause_start, match.start())
            obj = text[obj_start:match.start()].strip("　 ")
            signed = match["verb"].startswith("署名")
            if signed and not _SIGNED_DOC.search(obj.rstrip("に")):
                continue  # a signing of no deal named
            if not signed and match["verb"] in ("合意し", "合意") and not obj:
                continue  # 「合意し」 with nothing agreed on
            at_talks = text.startswith("で", match.start()) and not obj.endswith("こと")
            if obj and _TO_MEET.search(obj) and not at_talks:
                continue  # 「協議を行うことで合意」: a meeting to come (「関税交渉で合意」: reached in it)
            reported = bool(_REPORTED_AFTER.match(text, match.end()))
            participants, first = _agreeing(doc, sentence, match.start(), reported)
            if not participants:
                continue
            # 「両首脳は28日…協議し、29日午前0時からの停戦で合意した」: a day inside what was agreed
            # is its terms; the day before it is the agreement's
            date, precision = _date(doc, sentence, obj_start if obj else match.start())
            if date is None or not any(d.end <= obj_start for d in doc.dates_in(sentence.start, obj_start)):
                date, precision = _date(doc, sentence, match.start())
            if _main_clause_day(doc, sentence, match.start(), match.end()):
                date, precision = None, Precision.UNKNOWN
            place = _place(doc, sentence, match.start())
            start = _evidence_start(doc, sentence, match.start())
            start = min(start, first)
            end = match.end("verb") + (1 if match["tail"] in ("た",) else 0)
            summary = obj or text[match.start("verb"):match.end("verb")]
            if any(e.kind == "agreement" and set(e.participant_ids) & set(participants)
                   and e.date in (None, date) for e in out):
                continue  # the same agreement told again
            out.append(Event(
                id=item_id("e", doc.report.id, start, end, events_name, "agreement"),
                kind="agreement", date=date, date_precision=precision if date else Precision.UNKNOWN,
                place=place, participant_ids=participants, summary=summary,
                evidence=(Evidence(report_id=doc.report.id, start=start, end=end),),
                extractor=events_name,
            ))
    return out


def _coordinated(doc: Doc, sentence: Sentence, clause_start: int, at: int) -> int:
    """Where a coordinated object begins: 「相互関税率を15%とし、特例措置を設けることで合意」 agrees
    on both clauses the こと closes, not only the last (「協議し、停戦で合意」: no こと, two acts)."""
    text = doc.text
    while (clause_start - 1 > sentence.start and text.startswith("ことで", at - 2)
           and text.startswith("し、", clause_start - 2)):
        before = max(text.rfind("、", sentence.start, clause_start - 1) + 1, sentence.start)
        segment = text[before:clause_start - 2]
        if (not _OBJECT_CLAUSE.search(segment) or _ACT_VERB.search(segment)
                or doc.dates_in(before, clause_start)):
            break
        clause_start = before
    return clause_start


# a clause that sets a term: an object marked by を and a verb of setting (「税率を15%とし」
# 「…を撤廃し」), not an act of the parties (「協議し」「会談し」)
_OBJECT_CLAUSE = re.compile(r"を[^、。]{0,30}(?:と|に|を)?$"
                            r"|を[^、。]{0,20}(?:引き下げ|撤廃|設け|延長|停止|見送り|拡大|縮小)$")
_ACT_VERB = re.compile(r"(?:協議|会談|会合|交渉|電話|訪問|会見|発表|表明)$")


def _object_start(doc: Doc, sentence: Sentence, clause_start: int, at: int) -> int:
    """Where what was agreed begins: after the clause's subject (「XとYは」「Xが」) or its first 、."""
    start = clause_start
    for mention in doc.mentions_in(clause_start, at):
        mark = _SUBJECT_MARK.match(doc.text, mention.end)
        if mark and mark.end() <= at and not (mark.group().startswith("が")
                                              and _in_relative(doc.text, mark.end(), at)):
            start = max(start, mark.end())
    pair_end = meetings.pair_subject_end(doc, clause_start, at)  # 「米中は」
    if pair_end is not None:
        start = max(start, pair_end)
    lead = re.match(r"\s*(?:【[^】]{0,30}】)?", doc.text[start:at])
    return start + (lead.end() if lead else 0)


def _agreeing(doc: Doc, sentence: Sentence, at: int, reported: bool) -> tuple[tuple[str, ...], int]:
    """The parties the clause gives an agreement: the が-subject nearest before it (「XとYが…合意した
    と発表した」: the announcer is no party), else the topic (「XとYは…で合意した」) unless the
    agreement is reported by that topic (「X氏は…合意したと明らかにした」: the two sides, unnamed)."""
    text = doc.text
    mentions: list[Mention] = []
    ends: list[int] = []  # where each name's subject ends: after 両首脳 in 「XとYの両首脳は」
    for m in doc.mentions_in(sentence.start, at):
        if m.kind not in _PARTICIPANT_KINDS or m.metonym or doc.inside_bracket(m.start):
            continue
        theirs = _THEIR_HEADS.match(text, m.end)
        if theirs is None and text.startswith("の", m.end):
            continue  # 「XのY」: X qualifies Y
        mentions.append(m)
        ends.append(theirs.end() if theirs else m.end)
    marks = [text[end] if end < len(text) and not text.startswith("が、", end - 1) else "" for end in ends]
    heads = [(i, mark) for i, mark in enumerate(marks) if mark in ("は", "が")]
    ga = [h for h in heads if h[1] == "が"]
    wa = [h for h in heads if h[1] == "は"]
    ga = [h for h in ga if not _in_relative(text, ends[h[0]] + 1, at)]  # 「Xが宣言していた税率」
    heads = [h for h in heads if h in ga or h[1] == "は"]
    pair = meetings.pair_subject(doc, sentence.start, at)  # 「米中が」「日米両政府は」
    if pair is not None and text[pair[1]:at].count("が") <= 1 and not (reported and "は" in text[
            pair[1]:pair[1] + 6] and not ga) and (not heads or mentions[heads[-1][0]].start <= pair[1]):
        return tuple(pair[0]), pair[1]
    if ga:
        head = ga[-1][0]
        if "が" in text[ends[head] + 1:at]:
            return (), at  # 「Xが…について相互関税が15%で合意したと投稿」: another subject is nearer
    elif wa and not reported:
        head = wa[-1][0]
    elif wa and (partner := [m for m in mentions[wa[-1][0] + 1:] if text.startswith("との", m.end)]):
        # 「トランプ大統領は22日、日本との関税交渉で合意したと発表した」: he and his partner agreed
        topic = mentions[wa[-1][0]]
        return tuple(dict.fromkeys([*meetings.as_parties(doc, topic), partner[-1].actor_id])), topic.start
    else:
        return (), at
    group = [mentions[head]]
    i = head
    while i > 0 and _LIST_GAP.fullmatch(text, mentions[i - 1].end, mentions[i].start):
        i -= 1
        group.insert(0, mentions[i])
    parties = [p for m in group for p in meetings.as_parties(doc, m)]  # 「両国は」: both of the pair
    return tuple(dict.fromkeys(parties)), group[0].start
