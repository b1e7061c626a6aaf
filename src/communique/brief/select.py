"""What a briefing talks about: documented, deterministic rules over the record as of a date.

Newsworthiness of a statement (the headline and the order of quotes)::

    2 if a direct quote  + independent sources (max 5)  + speaker prominence (0-3)
    + 2 if said within 3 days after a meeting or call   + 1 if rendered in the briefing language
    - 0.25 per day between the remark and the as-of date

Three points to watch, one per rule first, in this order, then further candidates of the
rules in the same order until there are three (never more than the record supports):

A. an unresolved proposal: its holders' latest stances include a partial acceptance, or
   both acceptance and rejection, or only rejection / opposition / demands;
B. opposed stances on the same issue or proposal: one holder accepts, supports or demands
   while another rejects or opposes;
C. the next step: the earliest meeting still planned as of the date; when none is, the
   fact that no next round has been reported since the latest meeting.

The reader's perspective is the most contested issue: the target with the most distinct
stances, then the most holders, issues before proposals, then the most evidence.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from ..extract.en.lexicon import family_name as family_name_en
from ..extract.gazetteer import Gazetteer
from ..merge.romaji import family_name
from .model import EvidenceRef
from .names import Names
from .record import Record, Statement, View, day

POSITIVE = frozenset({"accept", "support"})
NEGATIVE = frozenset({"reject", "oppose"})
MEETINGS = ("meeting", "phone_call")
HELD = (*MEETINGS, "agreement")  # what the parties did together: told in the talks so far


def days_between(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    return (date.fromisoformat(b) - date.fromisoformat(a)).days


@dataclass(slots=True)
class Track:
    """A holder's stance on one target over time (oldest first) and the stance that is current.

    The current stance is read from the latest report day that gives one: the stance most
    independent sources give that day (so one report's contradictory readings do not all count),
    ties going to the stance better supported overall.  ``support`` is the number of independent
    sources that give the current stance; ``previous`` the best supported stance of earlier days
    when it differs (a change of stance)."""

    holder_id: str
    target: str  # proposal id (the representative of a proposal named several ways), or "issue:<slug>"
    positions: list[Record] = field(default_factory=list)
    chosen: Record | None = None
    support: int = 0
    previous: Record | None = None

    @property
    def current(self) -> Record:
        return self.chosen if self.chosen is not None else self.positions[-1]

    @property
    def stance(self) -> str:
        return str(self.current.get("stance") or "unclear")

    @property
    def is_issue(self) -> bool:
        return self.target.startswith("issue:")


_POINTS = re.compile(r"(\d+)\s*[- ]?\s*(?:points?|items?|項目|点)", re.I)
_KINDS = (("counter", ("counter", "対案", "対抗案")), ("framework", ("framework", "枠組み")))


def proposal_key(prop: Record) -> str:
    """What makes two proposal items one proposal whatever the language: the number of points
    its name gives, else the kind of text (a counter-proposal, a framework), else the name."""
    name = unicodedata.normalize("NFKC", str(prop.get("name") or "")).casefold()
    found = _POINTS.search(name)
    if found:
        return "points:" + found.group(1)
    for kind, words in _KINDS:
        if any(w in name for w in words):
            return "kind:" + kind
    return "name:" + " ".join(name.split())


def representatives(v: View) -> dict[str, str]:
    """Proposal id (and name) -> the id of the best supported proposal item of the same key."""
    groups: dict[str, list[Record]] = {}
    for prop in v.proposals:
        groups.setdefault(proposal_key(prop), []).append(prop)
    out: dict[str, str] = {}
    for members in groups.values():
        digits = re.findall(r"\d+", proposal_key(members[0]))

        def carries(p: Record, digits: list[str] = digits) -> bool:  # its evidence gives the key's number
            return all(d in unicodedata.normalize("NFKC", e.text) for e in v.evidence(p)[:1] for d in digits)

        best = sorted(members, key=lambda p: (not carries(p), -v.sources(v.evidence(p)), str(p["id"])))[0]
        for prop in members:
            out[str(prop["id"])] = str(best["id"])
            out.setdefault("name:" + str(prop.get("name") or ""), str(best["id"]))
    return out


def target_of(v: View, position: Record, reps: dict[str, str] | None = None) -> str | None:
    reps = reps if reps is not None else representatives(v)
    target = position.get("target_id")
    if target:
        if target in v.items and v.items[target].get("type") == "proposal":
            return reps.get(str(target), str(target))
        found = reps.get("name:" + str(target))  # a target named by the proposal's name rather than its id
        if found:
            return found
        key = proposal_key({"name": target})
        for prop in v.proposals:
            if proposal_key(prop) == key and not key.startswith("name:"):
                return reps[str(prop["id"])]
        return f"issue:{target}"
    issue = position.get("issue")
    return f"issue:{issue}" if issue else None


def _day_of(v: View, position: Record) -> str:
    return day(position.get("as_of")) or v.first_seen(v.evidence(position)) or ""


def _settle(v: View, track: Track) -> None:
    by_stance: dict[str, list[Record]] = {}
    for p in track.positions:
        by_stance.setdefault(str(p.get("stance") or "unclear"), []).append(p)

    def support(stance: str, upto: str | None = None, on: str | None = None) -> int:
        spans = [
            e
            for p in by_stance[stance]
            if (upto is None or _day_of(v, p) < upto) and (on is None or _day_of(v, p) == on)
            for e in v.evidence(p)
        ]
        return v.sources(spans)

    last_day = _day_of(v, track.positions[-1])
    today = {str(p.get("stance") or "unclear") for p in track.positions if _day_of(v, p) == last_day}
    stance = sorted(today, key=lambda s: (-support(s, on=last_day), -support(s), s))[0]
    track.chosen = [p for p in by_stance[stance] if _day_of(v, p) == last_day][-1]
    track.support = support(stance)
    before = [s for s in by_stance if s != stance and support(s, upto=last_day)]
    if before:
        old = sorted(before, key=lambda s: (-support(s, upto=last_day), s))[0]
        if support(old, upto=last_day) >= support(stance, upto=last_day):
            track.previous = [p for p in by_stance[old] if _day_of(v, p) < last_day][-1]


def tracks(v: View) -> list[Track]:
    reps = representatives(v)
    found: dict[tuple[str, str], Track] = {}
    for position in v.positions:
        target = target_of(v, position, reps)
        if target is None or not position.get("holder_id"):
            continue
        track = found.setdefault(
            (str(position["holder_id"]), target), Track(str(position["holder_id"]), target)
        )
        track.positions.append(position)
    for track in found.values():
        track.positions.sort(key=lambda p: (_day_of(v, p), str(p["id"])))
        _settle(v, track)
    return sorted(found.values(), key=lambda t: (t.target, t.holder_id))


def by_side(ts: list[Track], side: Callable[[str], str]) -> list[Track]:
    """One track per side (the holder's country or bloc): the latest, then the best supported."""
    best: dict[str, Track] = {}
    for track in ts:
        key = side(track.holder_id)
        rank = (_as_of_track(track), track.support, track.holder_id == key)
        if key not in best or rank > (_as_of_track(best[key]), best[key].support, best[key].holder_id == key):
            best[key] = track
    return sorted(best.values(), key=lambda t: ts.index(t))


def _as_of_track(track: Track) -> str:
    return str(day(track.current.get("as_of")) or "")


def by_target(all_tracks: list[Track]) -> dict[str, list[Track]]:
    out: dict[str, list[Track]] = {}
    for track in all_tracks:
        out.setdefault(track.target, []).append(track)
    return out


# -- statements ---------------------------------------------------------------------------
def meetings(v: View) -> list[Record]:
    """Meetings and calls held by the as-of day (one dated later is still to come: :func:`planned`)."""
    key = ("meetings", len(v.events), v.as_of)
    known = v.memo.get(key)
    if known is None or known[0] is not v.events:
        known = v.memo[key] = (v.events, sorted(
            (e for e in v.events if e.get("kind") in MEETINGS and (day(e.get("date")) or "9999") <= v.as_of),
            key=lambda e: (day(e.get("date")) or "", str(e["id"])),
        ))
    return list(known[1])


def latest_meeting(v: View, two_sources: bool = True) -> Record | None:
    """The latest meeting held on or before the as-of day, dated to the day, reported by at
    least two independent sources when any such meeting is (``two_sources``; else the latest)."""
    held = [
        e
        for e in meetings(v)
        if e.get("kind") == "meeting"
        and e.get("date_precision", "day") == "day"
        and (day(e.get("date")) or "") <= v.as_of
    ]
    sourced = held if not two_sources else [e for e in held if v.sources(v.evidence(e)) >= 2] or held
    return sourced[-1] if sourced else None


RECENT_DAYS = 7  # days before the as-of day whose developments lead, however many reports tell them


def latest_development(v: View, two_sources: bool = False,
                       told: Callable[[Record], bool] | None = None) -> Record | None:
    """The latest meeting, call or agreement held on or before the as-of day, dated to the day
    (``two_sources``: of those two independent sources report, when any; ``told``: of those the
    briefing can tell, when any -- a meeting of one side, whose counterpart the record lacks, is
    no lead)."""
    done = [e for e in v.events if e.get("kind") in HELD
            and e.get("date_precision", "day") == "day" and day(e.get("date"))
            and (day(e.get("date")) or "") <= v.as_of]
    if told is not None:
        done = [e for e in done if told(e)] or done
        # the last week's developments first: a ceasefire one report tells today is the news, not
        # talks of months ago that more reports told
        done = [e for e in done if (days_between(day(e.get("date")), v.as_of) or 0) <= RECENT_DAYS] or done
    if two_sources:
        done = [e for e in done if v.sources(v.evidence(e)) >= 2] or done
    # on one day: an agreement first, then the best told (more independent sources, more people named)
    return max(done, key=lambda e: (day(e.get("date")) or "", e.get("kind") == "agreement",
                                    v.sources(v.evidence(e)), len(e.get("participant_ids") or ()),
                                    str(e["id"])),
               default=None)


def superseded(v: View, track: Track, names: Names) -> bool:
    """A rejection or a demand the holder's side left behind: an agreement it reached later
    (Hamas "rejects" the plan in September, agrees its first phase in October)."""
    if track.stance not in ("reject", "demand"):
        return False
    since = day(track.current.get("as_of")) or ""
    side = names.side(track.holder_id)
    return any(e.get("kind") == "agreement" and (day(e.get("date")) or "") >= since
               and side in {names.side(str(a)) for a in e.get("participant_ids") or ()}
               for e in v.events)


def followed_event(v: View, st: Statement) -> Record | None:
    """The best reported meeting or call on or up to 3 days before the remark (the most
    independent sources, then the latest)."""
    when = st.said_on or v.first_seen(st.evidence)
    found = []
    for event in meetings(v):
        gap = days_between(day(event.get("date")), when)
        if gap is not None and 0 <= gap <= 3:
            found.append(event)
    return max(found, key=lambda e: (v.sources(v.evidence(e)), day(e.get("date")) or "")) if found else None


UNDATED_AGE = 14  # days: what a remark no report dates counts as, for its newsworthiness


def newsworthiness(v: View, names: Names, st: Statement, lang: str) -> float:
    direct = any(q.get("direct") for q in st.quotes)
    prominence = names.prominence(st.speaker_id) if st.speaker_id else 0
    when = st.said_on or v.first_seen(st.evidence)
    age = days_between(when, v.as_of)
    if age is None:  # neither the remark nor any report carrying it is dated: not news of the day
        age = UNDATED_AGE
    in_lang = any(q.get("language") == lang for q in st.quotes)
    return (
        2 * direct
        + min(v.sources(st.evidence), 5)
        + prominence
        + 2 * (followed_event(v, st) is not None)
        + in_lang
        - 0.25 * max(age, 0)
    )


def ranked_statements(v: View, names: Names, lang: str) -> list[Statement]:
    """The statements a briefing may show, most newsworthy first: those of the parties (not of a
    commentator, nor of someone the record knows by name only), with words enough to say something
    ("Maybe" is not a statement)."""
    candidates = [st for st in v.statements()
                  if _party(names, st.speaker_id) and _has_content(st, lang) and showable(st, lang)]
    if lang == "en":  # the reported clauses to read, parsed together
        from .grammar import check_all

        check_all(text for st in candidates if (text := _reported_clause(st, lang)) is not None)
    statements = [st for st in candidates
                  if _reads(st, lang) and _placed(st) and _own_subject(v, names, st, lang)]
    return sorted(statements,
                  key=lambda st: (-newsworthiness(v, names, st, lang), place_in_report(st), st.id))


def place_in_report(st: Statement) -> tuple[int, str]:
    """Where the remark first stands in a report carrying it (offset, report): of two remarks
    equally newsworthy, the one higher up in its report (an outlet puts what matters first), and
    an order that does not change when an extractor's version, and so the items' ids, does."""
    return min(((e.start, e.report_id) for e in st.evidence), default=(0, "~"))


def _party(names: Names, actor_id: str | None) -> bool:
    if not actor_id:
        return False
    if names.is_commentator(actor_id) or names.is_media(actor_id):
        return False
    if names.kind(actor_id) != "person" or names.entry(actor_id) is not None:
        return True
    return names.current_role(actor_id) is not None  # a person with an office or affiliation


def _has_content(st: Statement, lang: str) -> bool:
    """Words enough to stand as a statement, in the wording the briefing would give: a fragment
    lifted from the reporter's sentence (“fine with it”, from "he believed Russia was “fine with
    it”") needs eight words, since the words around it that say what it is about are the reporter's."""
    return _words_enough(rendering(st, lang))


def bare_words(text: str) -> str:
    """Words only, in lower case: one wording held in another whatever their marks and spaces."""
    return " ".join(re.findall(r"\w+", text.lower()))


def _words_enough(quote: Record) -> bool:
    text = str(quote.get("text") or "").strip()
    if _a_name(text):
        return False  # "Trump Route for International Peace and Prosperity": a name, nobody's remark
    if len(re.findall(r"[\u3040-\u9fff]", text)) >= 6:
        return True
    fragment = bool(quote.get("direct")) and text[:1].islower()
    if fragment and _LEANING.match(text):
        return False  # "to build confidence ...": what it is (the talks' aim) is in the reporter's words
    return len(re.findall(r"[A-Za-z]+", text)) >= (8 if fragment else 3)


_FUNCTION_WORDS = frozenset("a an the of for and in on at to de".split())


def _a_name(text: str) -> bool:
    """Words that name something rather than say it: in Latin script every word but the small ones
    capitalised, not all in capitals ("Trump Route for International Peace and Prosperity"); in
    Japanese no kana of its grammar at all (「トランプ国際平和繁栄ルート」, 「懸念」)."""
    if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text):
        return not re.search(r"[\u3040-\u309f]", text) and len(text) <= 30
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", text)
    capitals = [w for w in words if w.lower() not in _FUNCTION_WORDS]
    return (len(capitals) >= 2 and all(w[0].isupper() for w in capitals)
            and not all(w.isupper() for w in capitals) and len(words) <= 10)


# a speaker's words lifted from the middle of the reporter's sentence, leaning on the words before
# them: an infinitive or a preposition or conjunction first ("The only aim of the talks, he said,
# was 'to build confidence ...'")
_LEANING = re.compile(r"(?:to|and|but|or|because|of|with|than)\s", re.I)


_RELATIVE_DAY = re.compile(
    r"\b(?:today|tomorrow|yesterday|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"this week|next week|last week)\b|(?<![月年\d０-９])[0-9０-９]{1,2}日|今日|明日|昨日|来週|今週|先週",
    re.I)


def _placed(st: Statement) -> bool:
    """A remark not dated to the day must not name a day relative to when it was said ("on
    Friday", 「15日に」): the reader would take it for a day still to come."""
    if st.precision in ("day", "datetime"):
        return True
    return not any(_RELATIVE_DAY.search(str(q.get("text") or "")) for q in st.quotes)


# 「米国で20日発足したトランプ政権が「…」との印象を抱いた」: the words in brackets have a subject of
# their own just before them, another than the one who says them
_SUBJECT_BEFORE = re.compile(r"([一-龥ァ-ヶー・A-Za-zＡ-Ｚａ-ｚ]{2,20})が[「『]$")
_OWN_TITLE = re.compile(
    r"^(?:同|両)|(?:氏|報道官|大統領|首相|長官|外相|相|大臣|代表|補佐官|特使|当局者|関係者)$"
)


def _own_subject(v: View, names: Names, st: Statement, lang: str) -> bool:
    """A Japanese wording whose clause names its own subject before the brackets ("Xが「…」") is
    the speaker's words about X; shown as "the speaker said 「…」", the reader takes X's stance for
    the speaker's (the Qatari spokesman's impression that Washington "strongly supports" the deal)."""
    q = rendering(st, lang)
    if q.get("language") != "ja" or not q.get("direct") or not st.speaker_id:
        return True
    entry = names.entry(st.speaker_id)
    forms = [f for f in ((entry.name_ja, entry.short_ja, *entry.aliases_ja, *entry.metonyms_ja,
                          *entry.demonyms_ja) if entry else ()) if f]
    for ev in q.get("evidence") or ():
        text = str((v.reports.get(str(ev.get("report_id"))) or {}).get("text") or "")
        start = int(ev.get("start", 0))
        found = _SUBJECT_BEFORE.search(text, max(0, start - 24), start)
        if found is None:
            continue
        subject = found.group(1)
        if _OWN_TITLE.search(subject) or any(f in subject or subject in f for f in forms):
            continue
        return False
    return True


def _reads(st: Statement, lang: str) -> bool:
    """The wording a briefing would give is a sentence: English indirect speech shown as "X said
    that ..." must be a clause (:func:`.grammar.is_clause`), not a fragment extraction cut; Japanese
    words may not stop at a condition (「…必要であれば」)."""
    shown = rendering(st, lang)
    if lang == "ja" and shown.get("language") == "ja" and _DANGLING_JA.search(str(shown.get("text") or "")):
        return False  # 「…その上で必要であれば」: the words stop before what they lead to
    text = _reported_clause(st, lang)
    if text is None:
        return True
    from .grammar import is_clause

    # "Japan's stance to seek removal of the tariffs, but Trump did not comment": the words before
    # ", but" are the object of "reiterated", and what follows is the outlet's own clause
    head = _COORDINATED.split(text, maxsplit=1)[0]
    return (is_clause(text) and (head == text or is_clause(head)) and not _CUT_AFTER_THAT.search(text)
            and not _GERUND_OPENING.match(text)
            and not _BARE_DEMONSTRATIVE.search(text) and not _DATELINE.search(text))


# Japanese words that end in a condition or a concession ("if necessary", "even so"): a clause cut
# before the one it leads to
_DANGLING_JA = re.compile(r"(?:れば|なら|ならば|たら|ても|でも|けど|けれど|けれども)[、…\s]*$")


# "accusing them of trying to block the initiative ...": a participle phrase, no clause of its own
_GERUND_OPENING = re.compile(r"[a-z]+ing\b(?! (?:to|is|was|are|were|has|had|will|would|could)\b)")


# "... came back from the Kremlin with the impression that Putin.": the clause cut after its subject
_CUT_AFTER_THAT = re.compile(r"\b(?:that|whether)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}\W*$")


_COORDINATED = re.compile(r",\s+(?:but|while|whereas|although|though)\s+")


def _reported_clause(st: Statement, lang: str) -> str | None:
    """The English indirect speech a briefing in English would give for the statement, if any."""
    q = rendering(st, lang)
    if lang != "en" or q.get("direct") or q.get("language") != "en":
        return None
    return str(q.get("text") or "")


# "Japan could be among these despite ...": a demonstrative standing for words the outlet's sentence
# said before the clause (a rash of trade deals); shown alone, the reader cannot tell what it means
_BARE_DEMONSTRATIVE = re.compile(
    r"\b(?:these|those)\b(?=\s*(?:[,.;:]|$|(?:despite|in|on|at|for|with|and|or|but|are|were|will|would|"
    r"could|can|is|was|after|before|because|if|when|as|to|from|of|have|had|has)\b))",
    re.I,
)


# "TOKYO, Aug 7 (Reuters) – ...", "Tokyo, June 15 (Jiji Press)--...": the outlet's dateline, cut into
# the clause with the sentence it opens; "... would be exempt from such.": a clause cut short
_DATELINE = re.compile(
    r"\b[A-Z][A-Za-z]+,\s+[A-Z][a-z]{2,9}\.?\s+\d{1,2}\s*\([A-Z][A-Za-z .]+\)\s*(?:[-–—]+)"
    r"|\bsuch\s*[.;:]?$"
)


def showable(st: Statement, lang: str) -> bool:
    """A statement a briefing in ``lang`` can give: one of its wordings is in that language, or
    it is someone's own words in the other; an outlet's paraphrase in the other language cannot
    be shown in quote marks (they are not the speaker's words) nor translated here."""
    return any(q.get("language") == lang or q.get("direct") for q in st.quotes)


def rendering(st: Statement, lang: str) -> Record:
    """The wording to show: the briefing's language first, the fullest wording of the remark before
    a piece of it ("For any plan to work," beside "for any plan to work, it needs ...", the quoted
    words "wrong" beside the reported clause 'it was "wrong" to say that ...' that holds them),
    words that can stand on their own before a fragment ("sort of", beside "It's sort of agreed
    ..."), direct before indirect, best sourced, the wording most reports give."""
    known = st.shown.get(lang)
    if known is not None and known[0] == id(st.quotes):  # the same wordings (not a copy's others)
        return known[1]  # type: ignore[no-any-return]
    # wire copies repeat a wording many times: each distinct text is weighed once
    bare = {text: bare_words(text) for text in {str(q.get("text") or "") for q in st.quotes}}
    forms = set(bare.values())
    carried = Counter(bare[str(q.get("text") or "")] for q in st.quotes)  # reports giving each wording
    pieces: dict[str, bool] = {}
    enough: dict[tuple[str, bool], bool] = {}

    def piece(q: Record) -> bool:
        own = bare[str(q.get("text") or "")]
        if own not in pieces:
            pieces[own] = bool(own) and any(own != other and own in other for other in forms)
        return pieces[own]

    def words_enough(q: Record) -> bool:
        known = (str(q.get("text") or ""), bool(q.get("direct")))
        if known not in enough:
            enough[known] = _words_enough(q)
        return enough[known]

    def rank(q: Record) -> tuple[int, int, int, int, int, int, int, int, str]:
        other = q.get("language") != lang
        return (
            other,
            other and not q.get("direct"),  # in the other language only someone's own words can be given
            piece(q),  # "wrong" beside 'it was "wrong" to say that ...' (a mixed quote's two parts)
            not words_enough(q),
            not q.get("direct"),
            -len(q.get("evidence") or ()),
            -carried[bare[str(q.get("text") or "")]],
            abs(len(str(q.get("text") or "")) - 40),
            str(q["id"]),
        )

    best = min(st.quotes, key=rank)
    st.shown[lang] = (id(st.quotes), best)
    return best


# -- points -------------------------------------------------------------------------------
def _stances(ts: list[Track]) -> set[str]:
    return {t.stance for t in ts}


def open_targets(targets: dict[str, list[Track]]) -> list[str]:
    """Rule A: proposals whose holders' current stances leave them unresolved."""
    out = []
    for target, ts in targets.items():
        if target.startswith("issue:"):
            continue
        stances = _stances(ts)
        if (
            "partly_accept" in stances
            or (stances & POSITIVE and stances & NEGATIVE)
            or (stances and not stances & POSITIVE)
        ):
            out.append(target)
    return sorted(out, key=lambda t: (-len(targets[t]), -sum(len(x.positions) for x in targets[t]), t))


def clashing_targets(targets: dict[str, list[Track]]) -> list[str]:
    """Rule B: a holder accepts, supports or demands while another rejects or opposes."""
    out = []
    for target, ts in targets.items():
        stances = _stances(ts)
        if stances & NEGATIVE and (stances & POSITIVE or "demand" in stances):
            out.append(target)
    return sorted(out, key=lambda t: (not t.startswith("issue:"), -len(targets[t]), t))


def most_contested(targets: dict[str, list[Track]]) -> str | None:
    """Where the parties are furthest apart: a question two holders or more take different
    stances on (one holder's demand is no gap between parties); None when there is none."""
    contested = [t for t, ts in targets.items() if len(ts) >= 2 and len(_stances(ts)) >= 2]
    if not contested:
        return None
    return sorted(
        contested,
        key=lambda t: (
            -len(_stances(targets[t])),
            -len(targets[t]),
            not t.startswith("issue:"),
            -sum(len(x.positions) for x in targets[t]),
            t,
        ),
    )[0]


URGENT_DAYS = 3  # an emergency meeting no report dates is held within days of its announcement
_URGENT = re.compile(
    r"\b(?:emergency|urgent|extraordinary)\s+(?:[\w-]+\s+){0,3}(?:meeting|session|summit|talks)|"
    r"緊急(?:会合|会議|会談|協議|首脳会議)", re.I)


def planned(v: View) -> list[tuple[Record, bool]]:
    """Meetings a report says will happen, still ahead on the as-of day, each with ``True`` (the
    flag is kept for callers that told past plans too).  A plan dated before the as-of day is
    over, held or not; an undated plan counts only while fresh (reported in the last week, or in
    the last three days for an emergency meeting) and when it gives the place or two participants
    ("the envoy will meet Hamas leaders soon")."""
    out = []
    week_ago = (date.fromisoformat(v.as_of) - timedelta(days=7)).isoformat()
    days_ago = (date.fromisoformat(v.as_of) - timedelta(days=URGENT_DAYS)).isoformat()
    for event in sorted(
        (
            e
            for e in v.events
            if e.get("kind") == "planned_meeting"
            or (e.get("kind") in MEETINGS and (day(e.get("date")) or "") > v.as_of)
        ),
        key=lambda e: (day(e.get("date")) or "9999", str(e["id"])),
    ):
        when = day(event.get("date"))
        if when is None and not event.get("place") and len(set(event.get("participant_ids") or ())) < 2:
            continue  # neither when nor where nor who meets whom: nothing to watch for
        if when is not None and when < v.as_of:
            continue  # its day has passed
        latest = max((v.published(e.report_id) or "" for e in v.evidence(event)), default="")
        if when is None and latest < week_ago:
            continue  # "soon", said long ago
        if when is None and latest < days_ago and any(_URGENT.search(e.context or e.text)
                                                      for e in v.evidence(event)):
            continue  # "an emergency meeting", announced days ago: held or dropped by now
        out.append((event, True))
    return out


class Spans:
    """Evidence spans by report, to ask many times whether other evidence overlaps them (a
    proposal's spans against every event's: each question costs the asker's spans, not these)."""

    def __init__(self, evidence: Iterable[EvidenceRef]) -> None:
        self.by_report: dict[str, list[EvidenceRef]] = {}
        for x in evidence:
            self.by_report.setdefault(x.report_id, []).append(x)

    def overlaps(self, evidence: Iterable[EvidenceRef]) -> bool:
        """Some span of ``evidence`` overlaps one of these in the same report."""
        return any(x.start < y.end and y.start < x.end
                   for y in evidence for x in self.by_report.get(y.report_id, ()))


# -- participants -------------------------------------------------------------------------
def name_patterns(
    gazetteer: Gazetteer, actors: Mapping[str, Record], lang: str
) -> dict[str, NamePattern]:
    """Actor id -> a pattern of the ways a report in ``lang`` may name it (names, short names,
    aliases, metonyms, demonyms; the record's own names for actors the gazetteer lacks): a
    :class:`NamePatterns`."""
    forms: dict[str, set[str]] = {}
    for entry in gazetteer.entries.values():
        if lang == "ja":
            found = (
                entry.name_ja,
                entry.short_ja,
                *entry.aliases_ja,
                *entry.metonyms_ja,
                *entry.demonyms_ja,
                *entry.abbrev_ja,
                entry.ja_title_form,
            )
        else:
            found = (entry.name_en, entry.short_en, *entry.aliases_en, *entry.metonyms_en, *entry.demonyms_en,
                     # the family name a report calls him by, which the gazetteer may leave out when
                     # others share it ("Al Thani"): the extractor gives it to the one named in full
                     family_name_en(entry.name_en.split()) if entry.kind == "person" else None)
        forms[entry.id] = {f for f in found if f and len(f) > 1}
    for actor_id, actor in actors.items():
        if actor_id in forms:
            continue
        name = actor.get("name")
        names = [n for n in (name.values() if isinstance(name, dict) else [name]) if n]
        names += [str(a) for a in actor.get("aliases") or () if a]
        names += [n.split()[-1] for n in names if " " in str(n)] + [
            n.split("・")[-1] for n in names if "・" in str(n)
        ]
        names += [f for n in names if (f := _family_name(str(n)))]  # 赤沢亮正 is also 赤沢
        forms[actor_id] = {str(n) for n in names if len(str(n)) > 1}
    return NamePatterns((actor_id, NamePattern(surface, lang))
                        for actor_id, surface in forms.items() if surface)


@lru_cache(maxsize=4096)
def _family_name(name: str) -> str | None:
    """:func:`~communique.merge.romaji.family_name`, once per name (the patterns of both languages
    ask for it, and each asks the Japanese analyser)."""
    return family_name(name)


class NamePatterns(dict[str, "NamePattern"]):
    """Actor id -> :class:`NamePattern`, and which of them a text may name (:meth:`may_name`):
    a check of who else a clause names need not ask every actor of the gazetteer."""

    _index: tuple[int, list[tuple[str, NamePattern]], dict[str, list[int]]] | None = None

    def may_name(self, text: str) -> list[tuple[str, NamePattern]]:
        """The (actor id, pattern) pairs, in order, of the actors one of whose forms begins with two
        characters the text holds (every form has two or more): the others cannot match it."""
        if self._index is None or self._index[0] != len(self):
            pairs = list(self.items())
            by_start: dict[str, list[int]] = {}
            for i, (_actor, pattern) in enumerate(pairs):
                for start in {form[:2] for form in pattern.forms}:
                    by_start.setdefault(start, []).append(i)
            self._index = (len(self), pairs, by_start)
        _size, pairs, by_start = self._index
        found: set[int] = set()
        for pair in {text[i:i + 2] for i in range(len(text) - 1)}:
            hits = by_start.get(pair)
            if hits is not None:
                found.update(hits)
        return [pairs[i] for i in sorted(found)]


class NamePattern:
    """The ways a report may name one actor (:func:`name_patterns`), as a regex compiled on the
    first text that holds one of them: a story names few of the gazetteer's actors, and a text
    that holds none of the forms cannot match (in English a form must also not follow a letter)."""

    __slots__ = ("forms", "lang", "_pattern")

    def __init__(self, forms: Iterable[str], lang: str) -> None:
        self.forms = tuple(sorted(forms, key=len, reverse=True))
        self.lang = lang
        self._pattern: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._pattern is None:
            self._pattern = _name_pattern(self.forms, self.lang)
        return self._pattern

    def _may_match(self, text: str) -> bool:
        for form in self.forms:  # noqa: SIM110 - a loop, not any(): asked for every actor of every clause checked
            if form in text:
                return True
        return False

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self._may_match(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self._may_match(text) else iter(())


@lru_cache(maxsize=4096)
def _name_pattern(forms: tuple[str, ...], lang: str) -> re.Pattern[str]:
    """One actor's forms (longest first) as a regex; kept for the process (the same gazetteer
    names are asked for again by the next briefing)."""
    alternatives = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?<![A-Za-z])(?:{alternatives})" if lang == "en" else alternatives)


def supported_participants(
    v: View, event: Record, forms: Mapping[str, Mapping[str, NamePattern]]
) -> list[str]:
    """The participants the event's evidence supports: named in the sentence around its evidence
    by at least a third of its independent sources (by one when it has three or fewer); at
    least two are kept when the record lists two.  A source that names no one, or (for a person)
    only countries and bodies -- 「米国とイランの高官協議」 -- is not against anyone.  A record
    may give the count itself (``participant_sources``: actor id -> sources)."""
    ids = list(dict.fromkeys(str(a) for a in event.get("participant_ids") or ()))
    evidence = v.evidence(event)
    total = v.sources(evidence)
    given = event.get("participant_sources")
    person = {a: str((v.actors.get(a) or {}).get("kind") or "") == "person" or a.startswith("person:")
              for a in ids}
    totals = {a: total for a in ids}
    if isinstance(given, Mapping):
        counts = {a: int(given.get(a) or 0) for a in ids}
    else:
        counts = {}
        naming: list[EvidenceRef] = []
        naming_people: list[EvidenceRef] = []
        for actor in ids:
            named = []
            for ev in evidence:
                pattern = forms.get(v.language_of(ev), {}).get(actor)
                if pattern is not None and pattern.search(ev.context or ev.text):
                    named.append(ev)
            counts[actor] = v.sources(named)
            naming += named
            naming_people += named if person[actor] else []
        everyone, people = v.sources(naming) or total, v.sources(naming_people)
        totals = {a: (people or everyone) if person[a] else everyone for a in ids}

    def need(actor: str) -> int:
        return 1 if totals[actor] <= 3 else max(2, -(-totals[actor] // 3))

    kept = [a for a in ids if counts[a] >= need(a)]
    if len(kept) < 2 <= len(ids):  # a meeting has two sides: the next best supported, as listed
        rest = sorted((a for a in ids if a not in kept), key=lambda a: (-counts[a], ids.index(a)))
        kept += rest[: 2 - len(kept)]
        kept.sort(key=ids.index)
    return kept
