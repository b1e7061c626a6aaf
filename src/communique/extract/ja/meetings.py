"""Who a Japanese clause puts at a meeting or call, whether it says the meeting happens, and
the span that states it.

Precision first: a participant is marked by the particles around the meeting word, never
taken because the sentence names them.

- **verbal** trigger (会談した, 電話会談を行い, 協議する): the subject nearest before it (Xは / Xが /
  Xも, with 「XとYは」) and the companions after that subject (Yと, Yとの, a call's Yに);
  「ペスコフ氏は、プーチン氏がウィトコフ氏と会談したと述べた」 takes プーチン and ウィトコフ.
- **nominal** trigger (会談, 協議, 交渉 as a noun): only the parties the noun phrase names
  (「XとYの会談」, 「XとYによる交渉」, 「Yとの会談」 with the topic when it held it: 「XはYとの会談で」);
  the topic of 「…の会談について述べた」 commented on it and is no participant.
- **unreal**: 「会談する予定はない」, 「会談する可能性」, 「会談したい」, 「会談を求めた」, 「会談を見送った」
  state no meeting.
"""

from __future__ import annotations

import re

from .actors import ABBREVIATIONS, Mention
from .document import Doc
from .sentences import Sentence
from .speakers import sentence_topic

PARTICIPANT_KINDS = ("person", "collective", "country", "bloc", "organization")
NOUNS = ("会談", "協議", "会合", "面会", "接触", "交渉", "話し合い")

# a group noun between a name and its particle: 「ウクライナ側は」「米国とウクライナの代表団は」「両氏は」
_GROUP = (
    r"(?:ら|両氏|両首脳|側)?"
    r"(?:の?(?:代表団?|代表者|政府|当局者?|高官ら?|首脳|交渉団|交渉担当者|担当者|チーム|閣僚|幹部)(?:ら)?)?"
)
_SUBJECT = re.compile(_GROUP + r"(?:は|が|も)(?!ず)")
_COMPANION = re.compile(_GROUP + r"(?:との|とも|と(?!し|の間|述|語|強調|説明|明らか|話))")
_CALLEE = re.compile(_GROUP + r"に(?!は|つ|関|よ|お)")
_LIST = re.compile(r"(?:ら)?(?:や|、|・|および|及び|並びに)")
_LIST_GAP = re.compile(r"[^、。でがはをにと「」]{0,20}")  # titles, 米通商代表部(USTR)の
# 「イギリスのスターマー首相」: a country or office that only qualifies the next name
_MODIFIER = re.compile(r"の")
# 「XとYの会談」, 「Yの首脳会談」, 「XとYによる交渉」: the parties of the noun right after
_OWNER = re.compile(_GROUP + r"(?:の|による|の間の|間の)[^、。「」]{0,6}$")
# after a nominal trigger: the topic held it (「XはYとの会談で」), or only spoke of it (「…の会談について」)
_HELD_AFTER = re.compile(r"(?:で|に臨|を行|を終え|後|の後|の冒頭|の席|では|を開)")
# 「XがYと行った会談」「前日に臨んだ会談」: a relative clause whose verb states the meeting
_RELATIVE_VERB = re.compile(r"(?:行った|行う|臨んだ|開いた|開く|行っている)$")
_SEPARATELY = re.compile(r"それぞれ|個別に|別々に|相次いで")
_LIGHT_VERB = re.compile(
    r"を(?:始め|開始し|終え|再開し|続け|行|開い|重ね|持っ)|が(?:行われ|開かれ)|中(?:だ|で|の|。)"
)
_REPORTING = re.compile(r"と(?:述べ|語|強調|説明|明らかに|発表|指摘|話し)")
# what makes the meeting no fact: a denial, a possibility, a wish, a request, a cancellation
_UNREAL_AFTER = re.compile(
    # 「協議する枠組み」: a noun the trigger qualifies, no event
    r"(?:する|を行う)?(?:ための)?(?:枠組み|場|機会|仕組み|体制|会議体|窓口)"
    r"|(?:の(?:早期)?(?:実施|開催))?"  # 「協議の実施を目指す」「会談の開催を求めた」
    r"(?:を|が|は)?(?:行う|する|開く|開催する|実施する|行われる|開かれる)?(?:こと|の)?"
    r"(?:予定は(?:ない|なく|あり)|計画は(?:ない|なく)|可能性|ことはない|考えはない|つもりはない|見通しは立"
    r"|意向|方針を(?:固め|示)|を検討|検討|したい|したく|たい|を求め|求め|を要請|要請|を呼びかけ|を提案|を打診"
    r"|を模索|を見送|見送|を中止|中止|を延期|延期|を拒|拒否|しない|しなかった|せず|ない|なかった|られない"
    r"|できない|できず|が実現すれば|すれば|できれば|を目指|い(?:と|考え|意向|との|旨))"
)
_UNREAL_BEFORE = re.compile(r"(?:仮に|もし|万一)[^。]{0,30}$")


def nominal(text: str, start: int, end: int) -> bool:
    """Whether the trigger is a bare noun (no verb or 行う after it; 「交渉を始めた」 is a verb phrase)."""
    return text[start:end].endswith(NOUNS) and not _LIGHT_VERB.match(text, end)


def unreal(text: str, start: int, end: int, sentence_end: int) -> bool:
    if _UNREAL_BEFORE.search(text, max(0, start - 30), start):
        return True
    return bool(_UNREAL_AFTER.match(text, end, min(sentence_end, end + 16)))


def _role(text: str, end: int, trig_start: int, kind: str, next_start: int | None) -> str | None:
    if next_start is not None and _MODIFIER.match(text, end) and next_start - end <= 1:
        return "modifier"
    if _SUBJECT.match(text, end):
        return "subject"
    if _COMPANION.match(text, end):
        return "companion"
    if kind == "phone_call" and _CALLEE.match(text, end):
        return "companion"
    if _OWNER.match(text, end, trig_start):
        return "owner"
    listed = _LIST.match(text, end)
    if listed and next_start is not None and _LIST_GAP.fullmatch(text, listed.end(), next_start):
        return "list"  # 「ウィトコフ特使、大統領の娘婿クシュナー氏と」: titles may stand between
    return None


def parties(
    doc: Doc, sentence: Sentence, start: int, end: int, kind: str
) -> tuple[list[list[str]], int | None]:
    """The participants the clause gives a meeting trigger at ``text[start:end]`` -- one group per
    meeting: 「XはY、Zとそれぞれ会談した」 is two meetings, X with Y and X with Z -- and where the
    first of them is named (for the evidence)."""
    text = doc.text
    lo = sentence.start
    for said in _REPORTING.finditer(text, sentence.start, start):
        lo = said.end()  # 「…と述べ、…」: what comes before spoke of something else
    # 「電話でトランプ氏に内容を報告した」: a call's other party is named inside the trigger
    upto = end if kind == "phone_call" and not nominal(text, start, end) else start
    mentions = [
        m
        for m in doc.mentions_in(lo, upto)
        if m.kind in PARTICIPANT_KINDS and not m.metonym and not doc.inside_bracket(m.start)
    ]
    roles = [
        _role(text, m.end, start, kind, mentions[i + 1].start if i + 1 < len(mentions) else None)
        for i, m in enumerate(mentions)
    ]
    # a list member takes the role of the next member that has one (「XやYと」, 「X、フランスのYと」)
    for i in range(len(roles) - 1, -1, -1):
        if roles[i] == "list":
            roles[i] = next((r for r in roles[i + 1 :] if r not in ("list", "modifier")), None)
    chosen: list[int] = []
    subjects_chosen: list[int] = []
    if nominal(text, start, end) and not _RELATIVE_VERB.search(text, max(lo, start - 6), start):
        owners = [i for i, r in enumerate(roles) if r == "owner"]
        if owners:
            first = owners[0]
            while first > 0 and roles[first - 1] in ("companion", "modifier"):
                first -= 1  # 「XとYの会談」, 「アメリカのトランプ大統領と中国の習近平国家主席の首脳会談」
            chosen = [i for i in range(first, owners[-1] + 1) if roles[i] != "modifier"]
        else:
            near = [
                i
                for i, r in enumerate(roles)
                if r == "companion" and text.startswith("との", mentions[i].end)
            ]
            if near and start - mentions[near[-1]].end <= 8 and _HELD_AFTER.match(text, end):
                subjects = [i for i, r in enumerate(roles) if r == "subject" and i < near[-1]]
                chosen = subjects[-1:] + [near[-1]]  # 「XはYとの会談で」
            elif near and start - mentions[near[-1]].end <= 8:
                # 「石破首相はトランプ大統領との電話会談について述べた」: Y surely, the topic when it is
                # a principal speaking of its own meeting (a spokesperson speaks of someone else's)
                subjects = [i for i, r in enumerate(roles) if r == "subject" and i < near[-1]
                            and mentions[i].kind == "person" and not _SPOKES.search(mentions[i].title)]
                own = _ABOUT.match(text, end) is not None
                chosen = (subjects[-1:] if own else []) + [near[-1]]
            if not chosen:
                attended = _attendees(doc, sentence, end)  # 「協議には、米国からX、中国からYらが参加した」
                if attended:
                    return [attended], doc.mentions_in(end, sentence.end)[0].start
    else:
        subjects = [i for i, r in enumerate(roles) if r == "subject"]
        if subjects:
            s = subjects[-1]
            first = s
            while first > 0 and (
                (roles[first - 1] == "companion" and _adjacent(text, mentions[first - 1], mentions[first]))
                or (roles[first - 1] == "modifier" and first >= 2 and roles[first - 2] == "companion")
            ):
                first -= 1  # 「XとYは会談した」, 「米国のトランプ大統領と中国の習近平国家主席は」
            subjects_chosen = [i for i in range(first, s + 1) if roles[i] != "modifier"]
            chosen = subjects_chosen + [i for i in range(s + 1, len(mentions)) if roles[i] == "companion"]
        else:
            chosen = [i for i, r in enumerate(roles) if r == "companion"]
            carried = _carried_subject(doc, sentence, lo) if chosen and lo == sentence.start else None
            if carried is not None and carried.actor_id not in {mentions[i].actor_id for i in chosen}:
                # 「赤沢経済再生相が帰国。…トランプ大統領と約50分間会談した」: the subject the report carries
                return [[carried.actor_id] + list(dict.fromkeys(mentions[i].actor_id for i in chosen))], \
                    mentions[chosen[0]].start
    if not chosen:
        before = _attendees_before(doc, lo, start)  # 「XとYらが出席して…協議を行いました」
        if before:
            return [before[0]], before[1]
    if not chosen:
        pair = _pair_before(text, lo, start)
        if pair:
            return [pair], None
    ids: list[str] = []
    for i in chosen:
        if mentions[i].actor_id not in ids:
            ids.append(mentions[i].actor_id)
    first_at = mentions[chosen[0]].start if chosen else None
    others = [i for i in chosen if i not in subjects_chosen]
    if (
        subjects_chosen
        and len(others) >= 2
        and _SEPARATELY.search(text, mentions[subjects_chosen[-1]].end, start)
    ):
        subject_ids = list(dict.fromkeys(mentions[i].actor_id for i in subjects_chosen))
        groups = [
            subject_ids + [mentions[i].actor_id] for i in others if mentions[i].actor_id not in subject_ids
        ]
        return [list(dict.fromkeys(g)) for g in groups], first_at
    return [ids], first_at


_SPOKES = re.compile(r"報道官|補佐官|スポークスマン|広報")
_ABOUT = re.compile(r"(?:について|に関して|に関し|をめぐり|を巡り|の内容)")
_ATTEND = re.compile(r"(?:には|に|は)、?([^。「」]{2,140}?)(?:ら)?が(?:参加|出席|臨ん|出席し|参加し)")
_FROM = re.compile(r"から")


# 「米中貿易協議」「日米の関税協議」「米中は…協議を行う」: the countries a compound of one-letter
# names gives (not 首脳: the leaders are people the compound does not name)
_PAIR = re.compile(r"(?<![\u4e00-\u9fff])([米日中露ロ英仏独韓朝宇欧]{2,3})(?:両国|間)?(?:は|が|の|による)?"
                   r"(?:[^、。「」首]{0,6})$")


def _pair_before(text: str, lo: int, start: int) -> list[str]:
    match = _PAIR.search(text, max(lo, start - 14), start)
    if match is None:
        return []
    ids = [ABBREVIATIONS[c] for c in match.group(1) if c in ABBREVIATIONS]
    return list(dict.fromkeys(ids)) if len(set(ids)) == len(match.group(1)) else []


def attended(text: str, end: int, sentence_end: int) -> bool:
    return _ATTEND.match(text, end, sentence_end) is not None


def _attendees(doc: Doc, sentence: Sentence, end: int) -> list[str]:
    """Those a noun's 「…には」 clause says took part: 「協議には、米国からベッセント財務長官とグリア代表、
    中国から何立峰副首相らが参加した」 (people; a country only as where they came from)."""
    match = _ATTEND.match(doc.text, end, sentence.end)
    if match is None:
        return []
    found = [m for m in doc.mentions_in(match.start(1), match.end(1))
             if m.kind in PARTICIPANT_KINDS and not doc.inside_bracket(m.start)
             and not _FROM.match(doc.text, m.end) and not _MODIFIER.match(doc.text, m.end)]
    people = [m for m in found if m.kind == "person"]  # 「中国は何副首相らが」: the people, not the side
    return list(dict.fromkeys(m.actor_id for m in people or found))


_ATTEND_BEFORE = re.compile(r"(?:ら)?が(?:出席|参加)し(?:て|、)[^。「」]{0,40}$")


def _attendees_before(doc: Doc, lo: int, start: int) -> tuple[list[str], int] | None:
    """「アメリカのベッセント財務長官と中国の何立峰副首相らが出席して…協議を行いました」: the people
    who attended, named before the meeting noun."""
    marker = _ATTEND_BEFORE.search(doc.text, lo, start)
    if marker is None:
        return None
    people = [m for m in doc.mentions_in(lo, marker.start())
              if m.kind == "person" and not doc.inside_bracket(m.start)]
    if len(people) < 2:
        return None
    return list(dict.fromkeys(m.actor_id for m in people)), people[0].start


def _carried_subject(doc: Doc, sentence: Sentence, lo: int) -> Mention | None:
    """The subject a sentence without one carries from the sentence just before it (a person
    marked は or が; web pages often put each sentence on a line of its own)."""
    if sentence.index == 0:
        return None
    if any(_SUBJECT.match(doc.text, m.end) for m in doc.mentions_in(sentence.start, sentence.end)):
        return None
    before = next((s for s in doc.sentences if s.index == sentence.index - 1), None)
    if before is None or before.paragraph < sentence.paragraph - 1:
        return None
    if before.index == 0 and (doc.report.title or "").strip() == before.text.strip():
        return None  # the headline
    topic = sentence_topic(doc, before.start, before.end)
    if topic is None:  # 「…を終えた赤沢経済再生相が、18日午後に帰国。」: a subject set off by its comma
        topic = next((m for m in doc.mentions_in(before.start, before.end)
                      if m.kind == "person" and doc.text.startswith("が、", m.end)), None)
    return topic if topic is not None and topic.kind == "person" else None


def _adjacent(text: str, a: Mention, b: Mention) -> bool:
    return b.start - a.end <= 12 and not any(c in "、。「」" for c in text[a.end : b.start])
