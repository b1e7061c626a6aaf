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
from dataclasses import replace

from .actors import ABBREVIATIONS, Mention
from .document import Doc
from .sentences import Sentence
from .speakers import sentence_topic

PARTICIPANT_KINDS = ("person", "collective", "country", "bloc", "organization")
NOUNS = ("会談", "協議", "会合", "面会", "接触", "交渉", "話し合い")

# a group noun between a name and its particle: 「ウクライナ側は」「米国とウクライナの代表団は」「両氏は」
_GROUP = (
    r"(?:ら|両氏|の?両(?:首脳|外相|首相|大臣|政府|代表団?)|側)?"
    r"(?:の?(?:代表団?|代表者|政府|当局者?|高官ら?|首脳|交渉団|交渉担当者|担当者|チーム|閣僚|幹部)(?:ら)?)?"
)
_SUBJECT = re.compile(_GROUP + r"(?:は|が|も)(?!ず)")
_COMPANION = re.compile(_GROUP + r"(?:との|とも|と(?!し|の間|述|語|強調|説明|明らか|話))")
_CALLEE = re.compile(_GROUP + r"に(?!は|つ|関|よ|お)")
_LIST = re.compile(r"(?:ら)?(?:や|、|・|および|及び|並びに)")
_LIST_GAP = re.compile(r"[^、。でがはをにと「」]{0,20}")  # titles, 米通商代表部(USTR)の
# 「イギリスのスターマー首相」: a country or office that only qualifies the next name
_MODIFIER = re.compile(r"の")
_QUALIFIED_TITLE = re.compile(r"の[\u4e00-\u9fff]{1,4}")
_RELATIVE_GA = re.compile(r"が[^、。「」がはをと]{1,10}?(?:した|する|された)(?=[\u4e00-\u9fff0-9０-９])")
# 「XとYの会談」, 「Yの首脳会談」, 「XとYによる交渉」: the parties of the noun right after
_OWNER = re.compile(_GROUP + r"(?:の|による|の間の|間の)(?![^、。「」]{0,4}として)[^、。「」]{0,6}$")
# 「米国とイランの核開発をめぐる3回目の高官協議」: a pair's talks, what they are about between (one
# name alone before such words owns the subject: 「イランの核開発を巡る協議」 is not Iran's talks)
_PAIR_OWNER = re.compile(_GROUP + r"の[^、。「」をがは]{1,10}?(?:をめぐる|を巡る|に関する|についての)"
                         r"[^、。「」]{0,6}$")
# after a nominal trigger: the topic held it (「XはYとの会談で」), or only spoke of it (「…の会談について」)
_HELD_AFTER = re.compile(r"(?:で|に臨|を行|を終え|後|の後|の冒頭|の席|では|を開|を実施|を重ね|を持)")
# 「XがYと行った会談」「前日に臨んだ会談」: a relative clause whose verb states the meeting
_RELATIVE_VERB = re.compile(r"(?:行った|行う|臨んだ|開いた|開く|行っている)$")
# 「Yとおよそ3時間、8日朝にはZとおよそ30分間、会談した」: each with a time of its own
_OWN_TIME = re.compile(r"[0-9０-９一二三四五六七八九十]{1,4}(?:時間|分)[^、。]{0,3}、")
_SEPARATELY = re.compile(r"それぞれ|個別に|別々に|相次いで")
_LIGHT_VERB = re.compile(
    r"を(?:始め|開始し|終え|再開し|続け|行|開い|重ね|持っ)|が(?:行われ|開かれ)|中(?:だ|で|の|。)"
)
# 「協議を仲介国オマーンの首都マスカットで行った」: a verb after the place makes the noun a held meeting
VERB_AFTER_PLACE = re.compile(r"を[^、。「」をがは]{0,20}?で(?:行[いっ]|開[きい]|開催し|実施し|開始し|始め)")
_REPORTING = re.compile(r"と(?:述べ|語|強調|説明|明らかに|発表|指摘|話し)")
# what makes the meeting no fact: a denial, a possibility, a wish, a request, a cancellation
_UNREAL_AFTER = re.compile(
    # 「協議する枠組み」: a noun the trigger qualifies, no event
    r"(?:する|を行う)?(?:ための)?(?:枠組み|場|機会|仕組み|体制|会議体|窓口)"
    r"|(?:の(?:早期)?(?:実施|開催))?"  # 「協議の実施を目指す」「会談の開催を求めた」
    r"(?:や[\u30a1-\u30fa\u30fc\u4e00-\u9fff]{1,8})?"  # 「電話会談やアメリカ訪問を検討する」
    r"(?:を|が|は)?(?:行う|する|開く|開催する|実施する|行われる|開かれる)?(?:こと|の)?"
    r"(?:予定は(?:ない|なく|あり)|計画は(?:ない|なく)|可能性|ことはない|考えはない|つもりはない|見通しは立"
    r"|意向|方針を(?:固め|示)|を検討|検討|したい|したく|たい|を求め|求め|を要請|要請|を呼びかけ|を提案|を打診"
    r"|を模索|を見送|見送|を中止|中止|を延期|延期|を拒|拒否|しない|しなかった|せず|ない|なかった|られない"
    r"|できない|できず|が実現すれば|すれば|できれば|を目指|い(?:と|考え|意向|との|旨))"
)
# 「Xは参加しない」「X抜きの」: named to say they were not there
_ABSENT = re.compile(r"(?:は|が|も)?(?:参加|出席|同席)(?:しない|せず|しなかった)|抜きの?")
_UNREAL_BEFORE = re.compile(r"(?:仮に|もし|万一|(?:必要|機会)があれば)[^。]{0,30}$")


def nominal(text: str, start: int, end: int) -> bool:
    """Whether the trigger is a bare noun (no verb or 行う after it; 「交渉を始めた」 and 「協議を
    エジプトで開始した」 are verb phrases)."""
    return text[start:end].endswith(NOUNS) and not _LIGHT_VERB.match(text, end) \
        and not VERB_AFTER_PLACE.match(text, end)


def unreal(text: str, start: int, end: int, sentence_end: int) -> bool:
    if _UNREAL_BEFORE.search(text, max(0, start - 30), start):
        return True
    return bool(_UNREAL_AFTER.match(text, end, min(sentence_end, end + 16)))


def _role(text: str, end: int, trig_start: int, kind: str, next_start: int | None,
          paired: bool = False) -> str | None:
    if next_start is not None and _MODIFIER.match(text, end) and (
            next_start - end <= 1 or _QUALIFIED_TITLE.fullmatch(text, end, next_start)):
        return "modifier"  # 「イギリスのスターマー首相」「トランプ大統領の娘婿クシュナー氏」
    inner = _RELATIVE_GA.match(text, end)
    if inner is not None and inner.end() < trig_start:
        return None  # 「トランプ氏が提案した計画を巡り」: a subject inside a clause that qualifies a noun
    if _ABSENT.match(text, end):
        return None  # 「トランプ氏は参加しない閣僚級の会談」: the one the clause leaves out
    if _SUBJECT.match(text, end):
        return "subject"
    if _COMPANION.match(text, end):
        return "companion"
    if kind == "phone_call" and _CALLEE.match(text, end):
        return "companion"
    if _OWNER.match(text, end, trig_start) or (paired and _PAIR_OWNER.match(text, end, trig_start)):
        return "owner"
    listed = _LIST.match(text, end)
    if listed and next_start is not None and _LIST_GAP.fullmatch(text, listed.end(), next_start):
        return "list"  # 「ウィトコフ特使、大統領の娘婿クシュナー氏と」: titles may stand between
    return None


def parties(
    doc: Doc, sentence: Sentence, start: int, end: int, kind: str,
    after: int | None = None, carry: tuple[str, ...] = (),
) -> tuple[list[list[str]], int | None]:
    """The participants the clause gives a meeting trigger at ``text[start:end]`` -- one group per
    meeting: 「XはY、Zとそれぞれ会談した」 is two meetings, X with Y and X with Z -- and where the
    first of them is named (for the evidence).

    ``after``: a second meeting of the sentence reads only its own clause (「Yと会談したほか、Zと
    交渉を行った」), and ``carry`` is the subject the first clause gave it."""
    groups, first_at = _parties(doc, sentence, start, end, kind, after, carry)
    joined = _joined_after(doc, sentence, end)  # 「…と会談し、米側からはX、Yらが同席した」
    if joined and groups and groups[0]:
        groups = [list(dict.fromkeys(g + joined)) for g in groups]
    return groups, first_at


def _parties(
    doc: Doc, sentence: Sentence, start: int, end: int, kind: str,
    after: int | None, carry: tuple[str, ...],
) -> tuple[list[list[str]], int | None]:
    text = doc.text
    lo = sentence.start if after is None else max(sentence.start, after)
    for said in _REPORTING.finditer(text, lo, start):
        lo = said.end()  # 「…と述べ、…」: what comes before spoke of something else
    # 「電話でトランプ氏に内容を報告した」: a call's other party is named inside the trigger
    upto = end if kind == "phone_call" and not nominal(text, start, end) else start
    mentions = [
        p
        for m in doc.mentions_in(lo, upto)
        if (m.kind in PARTICIPANT_KINDS or _delegation(m)) and not m.metonym
        and not doc.inside_bracket(m.start)
        for p in _as_parties(doc, m)
    ]
    raw = [
        _role(text, m.end, start, kind, _next_start(mentions, i),
              paired=i > 0 and text[mentions[i - 1].end:m.start] == "と")
        for i, m in enumerate(mentions)
    ]
    # 「イランの高官協議」: the officials named right before the noun are its parties
    raw = [r if r is not None or m.end != start or not nominal(text, start, end) else "owner"
           for r, m in zip(raw, mentions, strict=True)]
    roles = list(raw)
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
            subjects = [i for i in range(first) if roles[i] == "subject"]
            if subjects and _JOIN_AFTER.match(text, end):  # 「XとYが…、AとBの協議に加わる」: they join it
                joiners = _subject_group(text, mentions, roles, raw, subjects[-1])
                chosen = joiners + [i for i in chosen if i not in joiners]
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
            elif not near and _HELD_AFTER.match(text, end) and _BARE_BEFORE.search(text, lo, start):
                # 「XとYは9日、エジプトでの協議で合意した」: a pair that held the talks it speaks from
                subjects = [i for i, r in enumerate(roles) if r == "subject"]
                group = _subject_group(text, mentions, roles, raw, subjects[-1]) if subjects else []
                if len(group) >= 2 and not any(r == "companion" for r in roles[subjects[-1] + 1:]):
                    chosen = group
            if not chosen and not near and _JOIN_AFTER.match(text, end):
                subjects = [i for i, r in enumerate(roles) if r == "subject"]
                if subjects:  # 「米国とカタールの高官が8日に協議に加わる」
                    chosen = _subject_group(text, mentions, roles, raw, subjects[-1])
            joined_verb = _JOINED_VERB.match(text, end)
            if not chosen and joined_verb:
                head = _relative_head(doc, sentence, joined_verb.end())
                if head is not None:  # 「中国側の代表として協議に参加した何立峰副首相は」
                    return [[head.actor_id]], head.start
            if not chosen:
                attended = _attendees(doc, sentence, end)  # 「協議には、米国からX、中国からYらが参加した」
                if attended:
                    return [attended], doc.mentions_in(end, sentence.end)[0].start
    else:
        before = _attendees_before(doc, lo, start)  # 「XとYらが出席して…協議を行いました」
        if before:
            return [before[0]], before[1]
        subjects = [i for i, r in enumerate(roles) if r == "subject"]
        if subjects:
            s = subjects[-1]
            subjects_chosen = _subject_group(text, mentions, roles, raw, s)
            chosen = subjects_chosen + [i for i in range(s + 1, len(mentions)) if roles[i] == "companion"]
        else:
            chosen = [i for i, r in enumerate(roles) if r == "companion"]
            head = _relative_head(doc, sentence, end) if chosen else None
            if head is not None and head.actor_id not in {mentions[i].actor_id for i in chosen}:
                # 「…ベッセント財務長官らと協議したと話した赤沢大臣」: the head the clause qualifies
                return [[head.actor_id] + list(dict.fromkeys(mentions[i].actor_id for i in chosen))], \
                    mentions[chosen[0]].start
            carried = None
            if chosen and carry:
                carried_ids = [c for c in carry if c not in {mentions[i].actor_id for i in chosen}]
                if carried_ids:  # 「Yと会談したほか、Zと交渉を行った」: the first clause's subject
                    return [carried_ids + list(dict.fromkeys(mentions[i].actor_id for i in chosen))], \
                        mentions[chosen[0]].start
            elif chosen and lo == sentence.start:
                carried = _carried_subject(doc, sentence, lo)
            if carried is not None and carried.actor_id not in {mentions[i].actor_id for i in chosen}:
                # 「赤沢経済再生相が帰国。…トランプ大統領と約50分間会談した」: the subject the report carries
                return [[carried.actor_id] + list(dict.fromkeys(mentions[i].actor_id for i in chosen))], \
                    mentions[chosen[0]].start
    if not chosen:
        before = _attendees_before(doc, lo, start)  # 「XとYらが出席して…協議を行いました」
        if before:
            return [before[0]], before[1]
    if not chosen:
        pair = _pair_before(doc, lo, start)
        if pair:
            return [pair], None
    ids: list[str] = []
    for i in chosen:
        if mentions[i].actor_id not in ids:
            ids.append(mentions[i].actor_id)
    first_at = mentions[chosen[0]].start if chosen else None
    others = [i for i in chosen if i not in subjects_chosen]
    if subjects_chosen and len(others) >= 2 and (
        _SEPARATELY.search(text, mentions[subjects_chosen[-1]].end, start)
        or all(_OWN_TIME.search(text, mentions[a].end, mentions[b].start)
               for a, b in zip(others, others[1:], strict=False))
        or (kind == "phone_call" and all(mentions[i].kind == "person" for i in others)
            and _CALLEE.match(text, mentions[others[-1]].end) is not None
            and not _JOINT_CALL.search(text, sentence.start, sentence.end))
    ):
        # 「XはY、Zとそれぞれ会談した」; 「XはYとZに電話で謝意を表明した」: each of those it calls
        # (「Y、Zと電話で会談した」 is one call with both)
        subject_ids = list(dict.fromkeys(mentions[i].actor_id for i in subjects_chosen))
        groups = [
            subject_ids + [mentions[i].actor_id] for i in others if mentions[i].actor_id not in subject_ids
        ]
        return [list(dict.fromkeys(g)) for g in groups], first_at
    return [ids], first_at


def _next_start(mentions: list[Mention], i: int) -> int | None:
    """Where the next mention after ``mentions[i]`` begins (one phrase may stand for two parties)."""
    for m in mentions[i + 1 :]:
        if m.start >= mentions[i].end:
            return m.start
    return None


def _subject_group(text: str, mentions: list[Mention], roles: list[str | None],
                   raw: list[str | None], s: int) -> list[int]:
    """The subject at ``s`` with the parties joined to it: 「XとYは」, 「米国のAと中国のBは」,
    「XやY、Zが」."""
    first = s
    while first > 0 and (
        (roles[first - 1] == "companion" and _adjacent(text, mentions[first - 1], mentions[first]))
        or (roles[first - 1] == "modifier" and first >= 2 and roles[first - 2] == "companion")
        or (raw[first - 1] == "list" and roles[first - 1] == "subject")
        or mentions[first - 1].start == mentions[first].start  # 「両国は」: both of the pair
    ):
        first -= 1
    return [i for i in range(first, s + 1) if roles[i] != "modifier"]


_SPOKES = re.compile(r"報道官|補佐官|スポークスマン|広報")
_ABOUT = re.compile(r"(?:について|に関して|に関し|をめぐり|を巡り|の内容)")
_ATTEND = re.compile(r"(?:には|に|は)、?([^。「」]{2,140}?)(?:ら)?が(?:参加|出席|臨ん|出席し|参加し)")
_FROM = re.compile(r"から")


# 「米中貿易協議」「日米の関税協議」「米中は…協議を行う」: the countries a compound of one-letter
# names gives (not 首脳: the leaders are people the compound does not name)
_PAIR = re.compile(r"(?<![\u4e00-\u9fff])([米日中露ロ英仏独韓朝宇欧]{2,3})(?:両国|両政府|間)?"
                   r"(?:は|が|の|による)?(?:[^、。「」首]{0,6})$")
# 「米中首脳会談」「日米首脳が協議し」: the leaders of the two, when the report names them
_LEADER_PAIR = re.compile(r"(?<![\u4e00-\u9fff])([米日中露ロ英仏独韓朝宇欧]{2,3})(?:両国)?の?首脳(?:同士)?"
                          r"(?:は|が|の|による|間の)?(?:[^、。「」]{0,6})$")
# 「両国の貿易協議」「両国は…協議を行った」: the pair named just before
_BOTH = re.compile(r"両(?:国|政府)(?:は|が|の|による|間の)?(?:[^、。「」]{0,6})$")
_COMPOUND = re.compile(r"(?<![\u4e00-\u9fff])([米日中露ロ英仏独韓朝宇欧]{2,3})(?![\u4e00-\u9fff]?首)")
_LEADER_TITLE = re.compile(r"(?<![副前元])(?:大統領|首相|総理|総理大臣|国家主席)$")
_NOT_LEADER = re.compile(r"副|前|元|次期|補佐官|報道官|特使")


def _pair_before(doc: Doc, lo: int, start: int) -> list[str]:
    text = doc.text
    leaders = _LEADER_PAIR.search(text, max(lo, start - 16), start)
    if leaders is not None:
        countries = _countries(leaders.group(1))
        named = [_leader(doc, c) for c in countries]
        if countries and all(named):
            return list(dict.fromkeys(p for p in named if p))
        return countries
    match = _PAIR.search(text, max(lo, start - 14), start)
    if match is not None:
        return _countries(match.group(1))
    if _BOTH.search(text, max(lo, start - 14), start):
        return _pair_named_before(doc, start)
    return []


def _countries(compound: str) -> list[str]:
    ids = [ABBREVIATIONS[c] for c in compound if c in ABBREVIATIONS]
    return list(dict.fromkeys(ids)) if len(set(ids)) == len(compound) else []


def _pair_named_before(doc: Doc, at: int) -> list[str]:
    """The two countries 「両国」 stands for: the last compound (米中) or 「XとY」 in its sentence or
    the one before."""
    here = doc.sentence_at(at)
    if here is None:
        return []
    lo = next((s.start for s in doc.sentences if s.index == here.index - 1), here.start)
    found: list[tuple[int, list[str]]] = []
    for m in _COMPOUND.finditer(doc.text, lo, at):
        ids = _countries(m.group(1))
        if len(ids) == 2:
            found.append((m.start(), ids))
    countries = [m for m in doc.mentions_in(lo, at) if m.kind == "country" and not m.metonym]
    for x, y in zip(countries, countries[1:], strict=False):
        if x.actor_id != y.actor_id and doc.text[x.end:y.start] == "と":
            found.append((x.start, [x.actor_id, y.actor_id]))
    return max(found)[1] if found else []


def _leader(doc: Doc, country: str) -> str | None:
    """The one person the report names as the leader of ``country`` (「トランプ米大統領」,
    「中国の習近平国家主席」; an unqualified 首相 / 総理 in a Japanese report is Japan's)."""
    found: set[str] = set()
    prev: Mention | None = None
    for m in doc.mentions:
        if m.kind == "person" and _LEADER_TITLE.search(m.title) and not _NOT_LEADER.search(m.title):
            qualifier = m.title[0] if m.title[0] in ABBREVIATIONS else None
            of = ABBREVIATIONS[qualifier] if qualifier else None
            if of is None and prev is not None and prev.kind == "country" and prev.end + 1 == m.start \
                    and doc.text[prev.end] == "の":
                of = prev.actor_id
            if of is None and "国家主席" in m.title:
                of = "china"
            if of is None and m.title.startswith(("首相", "総理")):
                of = "japan"
            if of == country:
                found.add(m.actor_id)
        prev = m
    return next(iter(found)) if len(found) == 1 else None


_DELEGATE = re.compile(r"(?:高官|当局者|外交官)$")


def _delegation(m: Mention) -> bool:
    """「中国の高官」「カタールの高官」: a country's officials, who stand for it at a meeting."""
    return m.kind == "anonymous" and m.actor_id != "anon:unknown" and _DELEGATE.search(m.name) is not None


_BOTH_WORDS = ("両国", "両政府", "双方")


def _as_parties(doc: Doc, m: Mention) -> list[Mention]:
    """The parties a mention stands for at a meeting: a country for its officials, both countries
    for 「両国」 (「米中両国」, or the pair named just before)."""
    if _delegation(m):
        return [replace(m, actor_id=m.actor_id.split(":", 1)[1], kind="country")]
    if m.name in _BOTH_WORDS:
        compound = _COMPOUND_BEFORE.search(doc.text, max(0, m.start - 3), m.start)
        pair = _countries(compound.group(1)) if compound else _pair_named_before(doc, m.start)
        return [replace(m, actor_id=c, kind="country") for c in pair] if len(pair) == 2 else []
    return [m]


_COMPOUND_BEFORE = re.compile(r"(?<![\u4e00-\u9fff])([米日中露ロ英仏独韓朝宇欧]{2,3})$")


def as_parties(doc: Doc, m: Mention) -> list[str]:
    """The actors a mention stands for as a party (both countries for 「両国」「双方」)."""
    return [p.actor_id for p in _as_parties(doc, m)]


# 「米中が…で合意した」「日米両政府は」「両国は」「双方が」: a pair as the subject, no name of its own
_PAIR_SUBJECT = re.compile(r"(?:(?<![\u4e00-\u9fff])(?P<compound>[米日中露ロ英仏独韓朝宇欧]{2,3})"
                           r"(?:両国|両政府)?|両(?:国|政府)|双方)(?:は|が)(?:、)?")


def pair_subject(doc: Doc, lo: int, at: int) -> tuple[list[str], int] | None:
    """The two countries of the last pair subject between ``lo`` and ``at`` and where it begins."""
    found = next(reversed(list(_PAIR_SUBJECT.finditer(doc.text, lo, at))), None)
    if found is None:
        return None
    pair = _countries(found["compound"]) if found["compound"] else _pair_named_before(doc, found.start())
    return (pair, found.start()) if len(pair) == 2 else None


def pair_subject_end(doc: Doc, lo: int, at: int) -> int | None:
    """Where the last pair subject (「米中は」「両国が、」) between ``lo`` and ``at`` ends, or None."""
    found = next(reversed(list(_PAIR_SUBJECT.finditer(doc.text, lo, at))), None)
    return found.end() if found else None


# 「…の協議に加わる」「…の会談に参加した」: the subject joins the talks the noun names
_JOIN_AFTER = re.compile(r"に(?:加わ|参加|出席|臨)")
_JOINED_VERB = re.compile(r"に(?:参加し|出席し|加わっ|臨ん)[ただ]")
# 「XとYは9日、エジプトでの協議で」: a bare noun with nothing of its own before it
_BARE_BEFORE = re.compile(r"(?:での|の間の|間の)?[^、。「」のと]{0,6}$")
# 「…会談し、米側からはX、Yらが同席した」: others at the same table
_JOINED = re.compile(r"(?:ら)?が(?:同席|陪席)")
# a call of three or more: 「3者電話会談」「共同で」
_JOINT_CALL = re.compile(r"[3３三]者|共同|合同|オンライン会議|ら首脳")
# 「…と協議したと話した赤沢大臣」「…と会談したトランプ氏は」: the head a relative clause qualifies
_HEAD_GAP = re.compile(r"(?:た|ている|ていた)?(?:と(?:話し|述べ|語っ|明らかにし|説明し)た)?")


def _joined_after(doc: Doc, sentence: Sentence, end: int) -> list[str]:
    """People a clause after the meeting verb seats at it: 「…と会談し、米側からはXやYらが同席した」."""
    text = doc.text
    if not text.startswith(("、", "し、"), end) and not text.startswith("、", end - 1):
        return []
    marker = _JOINED.search(text, end, sentence.end)
    if marker is None or marker.start() - end > 60:
        return []
    found = [m for m in doc.mentions_in(end, marker.start())
             if m.kind == "person" and not doc.inside_bracket(m.start)
             and not _MODIFIER.match(text, m.end) and not _FROM.match(text, m.end)]
    if not found or not found[-1].end <= marker.start() <= found[-1].end + 1:
        return []
    return list(dict.fromkeys(m.actor_id for m in found))


def _relative_head(doc: Doc, sentence: Sentence, end: int) -> Mention | None:
    text = doc.text
    gap = _HEAD_GAP.match(text, end)
    at = gap.end() if gap else end
    if text[at - 1] not in "たるだ":  # an adnominal verb: 会談した / 協議したと話した
        return None
    head = next((m for m in doc.mentions_in(at, sentence.end) if m.start == at), None)
    if head is None or head.kind != "person" or _MODIFIER.match(text, head.end):
        return None
    return head


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
