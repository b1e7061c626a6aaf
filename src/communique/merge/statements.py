"""Quotes grouped into statements: the same remark in any outlet or language.

Two quotes can be one statement only when they have the same speaker and compatible
dates (overlapping intervals; day-precise dates one day apart only for near-identical
wordings; never further apart).  A new quote meets a bounded number of candidates, whatever
the size of the record: each statement is represented by a few of its wordings
(``REPRESENTATIVES`` per language and kind), found by speaker and day window (the nearest in
time first, ``CANDIDATES`` at most) and through a content index (MinHash bands of the
wording's shingles, salted by the speaker, kept in the store; for a dated quote only the
wordings of its day window and undated ones: a speaker's stock phrases said again in other
weeks can never be this remark, and would fill the cap); a quote with no date at all
(an undated quote in an undated report) meets the speaker's latest ``UNDATED_CANDIDATES``
wordings by date and its index hits, and must clear higher bars.  Among the candidates a
quote joins the statement with the most similar wording: meaning from the multilingual
encoder plus what renderings of one remark keep (the same people, the same numbers, the
same concepts of the bilingual lexicon in ``data/lexicon_en_ja.json``), and for the same
language also character overlap (partial quotes inside a fuller one; English compared also in
the tenses and persons of reported speech).  Two fragments of one remark quoted in one sentence
join each other, and so do a reported clause and the quoted words that end it ('said the round
went "well"') and the paragraphs of one formal statement quoted one after another; two
utterances quoted back to back (「…」「…」) do not; nor does the next sentence of quotation after a
few quoted words in the reporter's own clause ('talks went "well", he said. "Of course, ..."').
A translation placed in one statement also unites another it matches when the two wordings it
met come near the bar between themselves (three renderings of one remark, each near the others).
A long quote of several sentences carries several remarks: a quote of one of its sentences does
not join it when its statement was made of another sentence; a single quoted word meets only
short wordings (it is in every sentence that uses it).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from ..model import Precision
from .dates import gap, iso
from .members import QuoteMember
from .ngrams import wide
from .similarity import cosine, grams, lexical, normalize, people, places, shared_concepts, text_key

SAME_LANGUAGE = 0.62  # wordings in one language: character overlap at least this,
SAME_MEANING = 0.65  # or encoder similarity plus shared names, numbers and concepts at least this
CROSS_LANGUAGE = 0.45  # an English quote and a Japanese rendering (same speaker, same day)
NEXT_DAY = 0.85  # day-precise dates one day apart (time zones, late-night remarks)
SAME_SENTENCE_GAP = 6  # characters between two fragments of one remark in one sentence
CROSS_CLEAR = 0.05  # a cross-language match must beat every other statement by this much
NUMBER_BONUS = 0.1  # two renderings naming the same number (or different ones)
PEOPLE_BONUS = 0.15  # two renderings naming the same person (or different people)
PLACE_BONUS = 0.1  # two renderings naming the same place ("Washington" = ワシントン)
CONCEPT_BONUS = 0.05  # per concept of the bilingual lexicon both renderings name ("progress" = 進展)
CONCEPT_CAP = 3.0  # at most this many concepts' worth
SPLIT_GAP = 80  # characters of attribution between the two halves of a split quote
SPLIT_JOIN = True
CROSS_UNITE = 0.1  # a cross-language match this strong also unites statements
CROSS_BRIDGE = 0.05  # a translation matching two statements of its speaker this well makes them one
UNITE = 0.0  # a quote matching two statements this well makes them one
WORDING_OVERLAP = 0.6  # two wordings this alike, neither inside the other: a wording conflict
PHRASE_WORDS = 4  # a quoted phrase of fewer words is never another wording of a remark
UNDATED_MEANING = 0.80  # a wording with no date at all: encoder similarity at least this,
UNDATED_LEXICAL = 0.80  # or character overlap at least this (same language),
UNDATED_NAMES = 0.15  # of which shared names, numbers and concepts at most this much
CROSS_VAGUE = 0.55  # across languages, a vague date (a part of a month) on either side
CROSS_UNDATED = 0.70  # or across languages, meaning and shared names/numbers at least this
UNDATED_CANDIDATES = 200  # a quote with no date at all meets the speaker's latest this many wordings
REPRESENTATIVES = 4  # distinct wordings per statement, language and kind (direct or reported) that
# stand for it as candidates: a remark quoted by a thousand outlets is met through a few of them
CANDIDATES = 200  # at most this many wordings from the day window, the nearest in time first,
# and at most this many from the content index (shared MinHash bands), for one new quote


INDEX_NEW_WORDING = 0.8  # a wording this alike (character overlap) to a representative adds nothing to find


def placement_in_statement(text: str, key: str, reps: Sequence[str]) -> tuple[bool, bool]:
    """(a representative, in the content index) for a wording joining a statement whose
    representatives' texts are ``reps`` (of its language and kind): a representative while the
    statement has fewer than ``REPRESENTATIVES`` and it is a new wording; in the content index
    when it is one, or when it differs from every representative (another outlet's copy of the
    sixth paragraph of a long post finds it), not when it says the same as one of them (a
    thousand near-copies of one remark would make every later one meet them all)."""
    new_wording = key not in [text_key(r) for r in reps]
    rep = len(reps) < REPRESENTATIVES and new_wording
    indexed = rep or (new_wording and all(lexical(text, r) < INDEX_NEW_WORDING for r in reps))
    return rep, indexed


def statement_id(first_quote_id: str) -> str:
    return "s-" + hashlib.sha256(first_quote_id.encode()).hexdigest()[:16]


def pair_margin(a: QuoteMember, b: QuoteMember, vectors: Mapping[str, np.ndarray]) -> float:
    """How far two wordings clear the bar for one remark (negative: they do not).

    Same language: meaning (plus shared names, numbers and lexicon concepts) or character
    overlap; across languages: meaning plus shared names, numbers and concepts.  The bar
    rises when the dates are a day apart, and when either wording has no date at all (then
    only the wording ties them, so it must say more: on the development set, undated pairs
    of one speaker below these bars were other remarks of the same talks more often than
    not)."""
    days = gap(_span(a), _span(b))
    undated = _span(a) is None or _span(b) is None
    if days > 1 or (days == 1 and not (a.exact and b.exact)):
        return -1.0
    if (_one_word(a.text) and not _short(b.text)) or (_one_word(b.text) and not _short(a.text)):
        # a single quoted word ("pessimistic") is in every sentence that uses it: it is a piece of
        # a short wording (the words of "useful, constructive and substantive"), not of a long one
        return -1.0
    meaning = cosine(vectors[text_key(a.text)], vectors[text_key(b.text)])
    if a.language != b.language:
        if _name_like(a.text) or _name_like(b.text):
            return -1.0  # a name ("Russia Calling!") has no meaning to carry into another language
        # across languages the wording ties less, so the low bar needs the same day on both sides;
        # a vague date on either side (a part of a month: an undated report's default) a higher one
        bar = (NEXT_DAY if days == 1 else CROSS_UNDATED if undated
               else CROSS_VAGUE if not (a.exact and b.exact) else CROSS_LANGUAGE)
        return meaning + cross_evidence(a.text, b.text, a.speaker_id) - bar
    if days == 1:
        return max(meaning, lexical(a.text, b.text)) - NEXT_DAY
    if undated and _shared_sentence(a.text, b.text):
        return SHARED_SENTENCE  # one whole sentence of the speaker's, word for word: one remark
    if undated:  # names shared are no sign of one remark here: the speaker's other words name them too
        return max(min(meaning + cross_evidence(a.text, b.text, a.speaker_id), meaning + UNDATED_NAMES)
                   - UNDATED_MEANING, lexical(a.text, b.text) - UNDATED_LEXICAL)
    meaning += cross_evidence(a.text, b.text, a.speaker_id)  # paraphrases keep names and numbers
    return max(meaning - SAME_MEANING, lexical(a.text, b.text) - SAME_LANGUAGE)


@lru_cache(maxsize=4096)
def _name_like(text: str) -> bool:
    """A short Latin-script wording whose every word opens with a capital: a title or a name
    quoted as such (a forum, a slogan), not a sentence."""
    if wide(text):
        return False
    words = _WORD.findall(text)
    return 0 < len(words) <= NAME_WORDS and all(w[0].isupper() for w in words)


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
NAME_WORDS = 4


@lru_cache(maxsize=4096)
def _one_word(text: str) -> bool:
    """A Latin-script wording of a single word (a scare quote, an echoed adjective)."""
    if wide(text):
        return False
    return len(_WORD.findall(text)) == 1 and len(text.split()) == 1


@lru_cache(maxsize=4096)
def _short(text: str) -> bool:
    """A wording of a few words (``SHORT_WORDS``; ``SHORT_JA`` characters in Japanese)."""
    if wide(text):
        return len(_PUNCT_SPACE.sub("", text)) <= SHORT_JA
    return len(_WORD.findall(text)) <= SHORT_WORDS


SHORT_WORDS = 5
SHORT_JA = 10
_PUNCT_SPACE = re.compile(r"[\s、。，．,.!?！？「」『』]")


def _span(m: QuoteMember) -> tuple[int, int] | None:
    return (m.lo, m.hi) if m.lo is not None and m.hi is not None else None


def _between(a: QuoteMember, b: QuoteMember, text: str | None) -> str | None:
    """The report text between two quotes of one report (None: not in one report)."""
    if a.report_id != b.report_id or text is None:
        return None
    first, second = (a, b) if a.start <= b.start else (b, a)
    if second.start < first.end:
        return None
    return text[first.end : second.start]


def _same_sentence(a: QuoteMember, b: QuoteMember, text: str | None) -> bool:
    """Two fragments of one remark quoted in one sentence with no reporting verb between:
    「まだ目を通していない」ことに「少し失望している」."""
    between = _between(a, b, text)
    if between is None or not (a.direct and b.direct):
        return False
    first = a if a.start <= b.start else b
    if first.text.rstrip(_MARKS).endswith((".", "!", "?", "。", "！", "？")):
        return False  # two quoted sentences side by side: "…on board." "We all want…"
    between = between.strip(_MARKS)
    if not between:  # 「…」「…」: two utterances quoted back to back, not fragments of one
        return False
    return len(between) <= SAME_SENTENCE_GAP and not _BOUNDARY.search(between) and not _VERB.search(between)


def _quoted_tail(a: QuoteMember, b: QuoteMember, text: str | None) -> bool:
    """A reported clause that runs straight into the speaker's own words, one sentence of
    reporting: 'she said the round went "very well"', 'he called the offer, "a serious one"'.

    The reported clause comes first and only a space, a comma or a colon and the opening
    mark stand between the two (no sentence ends between them: '... the offer. "We ...'
    is a new sentence, which may be another remark), and the quoted words do not open a clause
    of their own ('he could not say, "because it takes two"': a reason is another remark)."""
    between = _between(a, b, text)
    if between is None:
        return False
    first, second = (a, b) if a.start <= b.start else (b, a)
    if first.direct or not second.direct or _CLAUSE_OPENER.match(second.text):
        return False
    opening = between.rstrip()
    return (
        0 < len(between) <= TAIL_GAP
        and opening[-1:] in _OPENING
        and not opening[:-1].strip(" ,:;\n")
        and "\n" not in between
    )


TAIL_GAP = 4  # characters between a reported clause and the quoted words that end it
_CLAUSE_OPENER = re.compile(
    r"\W*(because|but|and|since|so|although|though|while|whereas|as|if|unless|yet|or)\b", re.IGNORECASE
)
_OPENING = set("\"“‘'「『")


def _holds(a: QuoteMember, b: QuoteMember) -> bool:
    """A reported clause and the speaker's quoted words inside it (a mixed quote: 'he said the
    deal could save "millions of lives"' gives the clause and the quoted words): one remark."""
    if a.report_id != b.report_id or a.direct == b.direct:
        return False
    clause, words = (b, a) if a.direct else (a, b)
    return clause.start <= words.start and words.end <= clause.end


def _is_mixed(m: QuoteMember) -> bool:
    """A reported clause holding some of the speaker's words in quote marks (a mixed quote).  Its
    own words are the reporter's and name the subject, not the remark: two remarks of one speaker
    on one subject ("remained 'pessimistic' about America", "is 'neither too optimistic nor too
    pessimistic' about the talks") read alike; so it joins only the remark of the quoted words
    inside it, and those meet the other reports' wordings."""
    return not m.direct and _QUOTED_INSIDE.search(m.text) is not None


def placing_order(members: Sequence[QuoteMember]) -> list[QuoteMember]:
    """One report's quotes in the order they are placed: as they come in the text, but the
    speaker's quoted words inside a reported clause just before the clause that holds them.  The
    quoted words are what other reports quote too: they meet the other wordings of the remark
    first, and the clause then joins them where they went (a clause placed first would make a
    statement of its own, and a translation matching the quoted words less strongly than it takes
    to unite two statements would then stay apart from both)."""
    clauses = [m for m in members if not m.direct]

    def key(m: QuoteMember) -> tuple[int, int, int]:
        if m.direct:
            for c in clauses:
                if _holds(c, m):
                    return (c.start, 0, m.start)
        return (m.start, 1, 0)

    return sorted(members, key=key)


def _mixed_doubt(a: QuoteMember, b: QuoteMember) -> bool:
    """Whether a pair with a mixed quote's clause in it must clear the bar by ``MIXED_MARGIN``.

    Across languages, unless both are dated to the day (as before).  In one language the
    clause's quoted words are the speaker's own, and so are the other wording's when it is a
    direct quote or a mixed clause too: the same remark quotes the same words, so the margin is
    asked only when no quoted words of several words on one side are found in the speaker's
    words on the other ('remained "pessimistic" about America' beside 'is "neither too
    optimistic nor too pessimistic" about the talks': one word, found in every sentence that
    uses it, tells nothing).  Beside a plain reported clause (the reporter's words on both
    sides) the two read as any two reported clauses do, with no margin."""
    mixed_a, mixed_b = _is_mixed(a), _is_mixed(b)
    if not (mixed_a or mixed_b):
        return False
    if a.language != b.language:
        return not (a.exact and b.exact)
    own_a = _own_words(a) if mixed_a else [a.text] if a.direct else []
    own_b = _own_words(b) if mixed_b else [b.text] if b.direct else []
    if not own_a or not own_b:  # a plain reported clause on one side: in another report, the
        return a.report_id == b.report_id  # clauses of two outlets; in one, two of its sentences
    return not any(
        not _one_word(shorter) and _contained(shorter, longer) >= PART_OF
        for x in own_a
        for y in own_b
        for shorter, longer in [sorted((x, y), key=len)]
        if x and y
    )


def _own_words(m: QuoteMember) -> list[str]:
    """The words in quote marks inside a mixed quote's clause."""
    return [q.strip(" ,.;:") for q in _QUOTED_WORDS.findall(m.text)]


MIXED_MARGIN = 0.1  # a mixed quote's clause matches another wording by meaning only this much more clearly
_QUOTED_INSIDE = re.compile(r"[\"“][^\"“”]+[\"”]")
_QUOTED_WORDS = re.compile(r"[\"“]([^\"“”]+)[\"”]")


def _one_written_text(a: QuoteMember, b: QuoteMember, text: str | None) -> bool:
    """Two quotes of one formal statement (a communiqué, a readout, a press release) quoted
    paragraph after paragraph: '"...," the ministry said in a statement.' then '"...," it added.'
    Such a statement is one remark however many sentences an outlet quotes from it; spoken
    remarks quoted one after another are not (a speaker takes up one subject after another), nor
    are the points of a social-media post.

    Both quotes direct, in the same or the next paragraph with no other quotation between, one
    of them attributed to a statement and neither to speech ("told reporters")."""
    between = _between(a, b, text)
    if between is None or text is None or not (a.direct and b.direct) or len(between) > WRITTEN_GAP:
        return False
    if between.count("\n\n") > 1 or between.replace("\n\n", "").count("\n") > 1:
        return False  # further than the next paragraph
    first, second = (a, b) if a.start <= b.start else (b, a)
    if any(ch in between.strip(_MARKS + ".,;:!?。、") for ch in _MARKS.strip()):
        return False  # another quotation between them
    cues = [_attribution(first, text), _attribution(second, text)]
    if any(_SPOKEN.search(cue) for cue in cues):
        return False
    return any(_WRITTEN.search(cue) for cue in cues)


def _attribution(m: QuoteMember, text: str) -> str:
    """The paragraph of a quote without the quote itself: where its attribution is."""
    start = text.rfind("\n", 0, m.start) + 1
    end = text.find("\n", m.end)
    return text[start : m.start] + " " + text[m.end : end if end >= 0 else len(text)]


WRITTEN_GAP = 400  # characters between two quotes of one written text (a paragraph of attribution)
_WRITTEN = re.compile(r"\b(statement|communiqu|press release|readout)|声明|文書で", re.IGNORECASE)
_SPOKEN = re.compile(
    r"\b(told (reporters|journalists|a news|the press)|news conference|press conference|interview|"
    r"briefing|speech|in remarks)|記者会見|記者団|会見で|インタビュー|演説",
    re.IGNORECASE,
)


def _continued(a: QuoteMember, b: QuoteMember, text: str | None) -> bool:
    """The second half of a quote split by its attribution ("'...,' he said, '...'"), or the
    next paragraph of a quote running over two (no closing mark, a new opening one).

    Both halves direct (or both reported), with nothing between them but quote marks,
    punctuation and a bare attribution clause: a few words and a reporting verb, no
    conjunction ("but said that", "and that") and no other sentence of narration."""
    between = _between(a, b, text)
    if between is None or a.direct != b.direct or len(between) > SPLIT_GAP:
        return False
    core = between.strip(_MARKS + ".,;:—–- ")
    if not core:  # a quote running over two paragraphs
        return a.direct and "\n" in between
    first = a if a.start <= b.start else b
    if first.text.rstrip(_MARKS).endswith(_ENDS) or between.lstrip(_MARKS).startswith(_ENDS):
        return False  # the first piece ends a sentence: '"...friction." Still, he stressed, "..."'
    if between.rstrip(_MARKS).endswith(_ENDS) and not _opens_sentence(first, text or ""):
        # the attribution ends a sentence: after a few quoted words inside the reporter's own
        # clause ('talks were "well carried out", he said on television. "Of course, ..."') the
        # next sentence of quotation is another remark of the speech; after a quotation that
        # opens its sentence ('"I was going to ...," he said on television. "Turns out ..."')
        # it goes on with the same one
        return False
    if (
        "\n" in between
        or _BOUNDARY.search(core)
        or any(ch in core for ch in _MARKS.strip())
        or _JOINED.search(core)
    ):
        return False
    return len(core.split()) <= 8 and bool(_ATTRIBUTION.search(core))


def _opens_sentence(m: QuoteMember, text: str) -> bool:
    """The quotation opens its sentence: nothing but quote marks and spaces between it and the
    end of the sentence or paragraph before."""
    before = text[max(0, m.start - OPENING_LOOKBACK) : m.start].rstrip(_MARKS.replace("\n", ""))
    return not before or before[-1] in "\n" or before.endswith(_ENDS)


OPENING_LOOKBACK = 4  # characters before a quote that may hold its opening mark


def _next_paragraph(a: QuoteMember, b: QuoteMember, text: str | None) -> bool:
    """The next paragraph of one quotation: the first stays open (no closing mark), the
    second opens with a new one, nothing between (a statement or post quoted at length)."""
    between = _between(a, b, text)
    if between is None or not (a.direct and b.direct) or "\n" not in between or between.strip(_MARKS):
        return False
    return not _CLOSING.search(between.split("\n", 1)[0])


_CLOSING = re.compile(r"[\"”’」』]")


_MARKS = " \n\"'“”‘’「」『』"
_ENDS = (".", "!", "?", "。", "！", "？")
_BOUNDARY = re.compile(r"[。．.!?！？\n]")
_VERB = re.compile(
    r"述べ|語っ|語り|話し|明らか|強調|指摘|説明|否定|批判|示し|とし[、，,]|\b(said|says|told|added|insisted|"
    r"stressed|called|described|noted|argued|warned)\b"
)
_JOINED = re.compile(r"\b(but|and|that|also|while|adding|saying|whether|if|as)\b", re.IGNORECASE)
_ATTRIBUTION = re.compile(
    r"\b(said|says|told|tells|added|adds|insisted|stressed|noted|argued|warned|continued|went on|wrote|"
    r"explained|declared|quipped|fumed|remarked|replied|asked)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=16384)
def cross_evidence(a: str, b: str, speaker_id: str | None = None) -> float:
    """What two wordings in different languages share beyond meaning: the same numbers or
    the same people named besides the speaker (a bonus each), different ones (a malus each).
    Cached: wire copies bring the same pairs of wordings report after report (16,384 pairs,
    under 2 MB).

    On the gold's English-Japanese pairs of one speaker and day, two wordings naming a
    same person are one remark two times in three (one in four otherwise), and wordings
    naming different people never are."""
    bonus = 0.0
    na, nb = _numbers(a), _numbers(b)
    if na and nb:
        bonus += NUMBER_BONUS if na & nb else -NUMBER_BONUS
    pa, pb = people(a) - {speaker_id}, people(b) - {speaker_id}
    if pa and pb:
        bonus += PEOPLE_BONUS if pa & pb else -PEOPLE_BONUS
    if places(a) & places(b):
        bonus += PLACE_BONUS
    return bonus + CONCEPT_BONUS * min(shared_concepts(a, b), CONCEPT_CAP)


_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


@lru_cache(maxsize=65536)
def _numbers(text: str) -> frozenset[str]:
    flat = unicodedata.normalize("NFKC", text)
    return frozenset(m.group(0).replace(",", "") for m in _DIGITS.finditer(flat))


@dataclass(slots=True)
class _Link:
    margin: float = -1.0  # best similarity over the threshold (negative: below it)
    same: bool = False  # matched through a wording in the new quote's language
    continued: bool = False  # the new quote continues one of its wordings (split quote)
    adopt: list[str] = field(default_factory=list)  # attached halves that are really this remark
    first: str = "~"  # least quote id met of the statement: ties are broken by content, not by ids
    wording: QuoteMember | None = None  # the statement's wording that matched best


def _score(
    new: QuoteMember,
    candidates: Sequence[QuoteMember],
    vectors: Mapping[str, np.ndarray],
    report_text: str | None,
) -> dict[str, _Link]:
    found: dict[str, _Link] = {}
    members: dict[str, list[QuoteMember]] = {}
    for other in candidates:
        members.setdefault(other.statement_id, []).append(other)
    for other in candidates:
        if other.speaker_id != new.speaker_id or other.quote_id == new.quote_id or not new.speaker_id:
            continue
        link = found.setdefault(other.statement_id, _Link())
        link.first = min(link.first, other.quote_id)
        same = other.language == new.language
        if other.attached:  # the half of another quote: it follows that quote, never leads
            different_report = other.report_id != new.report_id
            if same and different_report and pair_margin(new, other, vectors) >= 0:
                link.adopt.append(other.quote_id)
            continue
        if (
            _same_sentence(new, other, report_text)
            or _holds(new, other)
            or _quoted_tail(new, other, report_text)
            or _one_written_text(new, other, report_text)
        ) and gap(_span(new), _span(other)) == 0:
            margin = 1.0
        else:
            margin = pair_margin(new, other, vectors)
            if _mixed_doubt(new, other):
                margin -= MIXED_MARGIN
            if margin >= 0 and _another_sentence_taken(new, other, members[other.statement_id], vectors):
                margin = -1.0
            if SPLIT_JOIN and _continued(new, other, report_text):
                link.continued = True
                if _next_paragraph(new, other, report_text) and gap(_span(new), _span(other)) == 0:
                    margin = 1.0  # one quotation running over paragraphs: one remark
        if margin > link.margin:
            link.margin = margin
            link.wording = other
        if margin >= 0 and same:
            link.same = True
    return found


def links(
    new: QuoteMember,
    candidates: Sequence[QuoteMember],
    vectors: Mapping[str, np.ndarray],
    report_text: str | None = None,
) -> list[tuple[float, str, bool]]:
    """(margin over the threshold, statement id, through a same-language wording) of every
    statement the new quote matches, best first.  Empty: the quote is a statement of its own."""
    found = _score(new, candidates, vectors, report_text)
    return [
        (link.margin, sid, link.same)
        for sid, link in sorted(found.items(), key=lambda kv: (-kv[1].margin, kv[1].first))
        if link.margin >= 0
    ]


@dataclass(frozen=True, slots=True)
class Placement:
    statement_id: str | None  # None: a statement of its own
    unite: list[str]  # other statements to unite with it
    attached: bool = False  # joined only as the second half of a split quote
    adopt: tuple[str, ...] = ()  # attached halves elsewhere that are this remark: they move to it


def assign(
    new: QuoteMember,
    candidates: Sequence[QuoteMember],
    vectors: Mapping[str, np.ndarray],
    report_text: str | None = None,
    days: Mapping[str, tuple[int, int]] | None = None,
) -> Placement:
    """The statement the new quote joins (None: a statement of its own), other statements
    it matches in its own language well enough to be the same remark (to be united with it),
    and whether it joins only as the second half of a split quote (then it attracts no other
    quote: a remark quoted on its own elsewhere is not pulled into the first half's statement).

    A cross-language match only places the quote (the best one, clear of every other
    statement of that speaker and day, matched or not); it unites statements only when it is
    strong, so one loose translation cannot chain two remarks.  The second half of a quote
    split by its attribution joins the first half's statement when it matches nothing else.
    ``days`` gives, for statements met through a wording dated only vaguely, the first and last
    day of their day-precise wordings outside the candidates: a statement said on the 21st is
    not a remark of the 2nd because a wording dated "the last two weeks" joined it.
    """
    scored = _score(new, candidates, vectors, report_text)
    spans = _statement_spans(candidates)
    spans.update(days or {})
    # a statement met through an undated wording is out when its dated wordings are days away
    # (it still counts as a rival below: a loose translation must clear it)
    apart = {sid for sid in scored if gap(_span(new), spans.get(sid)) > 1}
    halves = [sid for sid, link in sorted(scored.items(), key=lambda kv: kv[1].first) if link.continued]
    # attached halves of other statements that this quote matches are this remark, unless
    # this quote is itself the second half of a quote of that statement (the same split quote)
    adopt = tuple(q for sid, link in scored.items() if sid not in halves for q in link.adopt)
    found = [
        (link.margin, sid, link.same)
        for sid, link in sorted(scored.items(), key=lambda kv: (-kv[1].margin, kv[1].first))
        if link.margin >= 0 and sid not in apart
    ]
    if not found:
        if halves and not adopt:
            return Placement(halves[0], [], attached=True)
        return Placement(None, [], adopt=adopt)
    same = [f for f in found if f[2]]
    if not same:
        runner_up = max((link.margin for sid, link in scored.items() if sid != found[0][1]), default=-1.0)
        if found[0][0] - runner_up < CROSS_CLEAR:
            return Placement(None, [], adopt=adopt)
        target = found[0][1]
        unite = [
            sid
            for margin, sid, _s in found[1:]
            if margin >= CROSS_BRIDGE and _triangle(new, scored[target].wording, scored[sid].wording, vectors)
            and gap(spans.get(target), spans.get(sid)) <= 1
        ]
        return Placement(target, unite, adopt=adopt)
    target = _main_part(new.text, [sid for _m, sid, _s in same], scored)
    unite = [
        sid
        for margin, sid, is_same in found
        if sid != target
        and margin >= (UNITE if is_same else CROSS_UNITE)
        and gap(spans.get(target), spans.get(sid)) <= 1
        and not _other_parts(new.text, scored[target].wording, scored[sid].wording)
    ]
    return Placement(target, unite, adopt=adopt)


def _triangle(
    new: QuoteMember, a: QuoteMember | None, b: QuoteMember | None, vectors: Mapping[str, np.ndarray]
) -> bool:
    """A translation matching two statements of its speaker is one remark with both when the two
    wordings it matched, in their own language, come close to the bar between themselves: three
    renderings each near the others are one remark told three ways (two outlets' paraphrases and
    a translation).  Not through a wording of several sentences (a long quote carries several
    remarks, and a translation of one of them meets it), nor for a quote with no date at all."""
    if a is None or b is None or _span(new) is None or a.language != b.language:
        return False
    if len(_sentences(a.text)) > 1 or len(_sentences(b.text)) > 1:
        return False
    return pair_margin(a, b, vectors) >= -TRIANGLE


TRIANGLE = 0.05  # how far below the bar the two wordings a translation bridges may be


def _other_parts(text: str, a: QuoteMember | None, b: QuoteMember | None) -> bool:
    """Two wordings that each lie inside a longer quote but in different parts of it (neither
    like the other): the quote carries two remarks ("There was substantial progress. Details
    will come tomorrow"), and matching both does not make them one; unless the two are the
    pieces of one quotation split by its attribution in one report ('"…," he told a broadcaster.
    "…"'), which another outlet quoted whole."""
    if a is None or b is None or _contained(a.text, text) < PART_OF or _contained(b.text, text) < PART_OF:
        return False
    if a.report_id == b.report_id and a.direct and b.direct:
        first, second = (a, b) if a.start <= b.start else (b, a)
        if 0 <= second.start - first.end <= SPLIT_GAP:
            return False
    return lexical(a.text, b.text) < SAME_LANGUAGE


def _main_part(text: str, ranked: Sequence[str], scored: Mapping[str, _Link]) -> str:
    """Of the statements a quote matches in its own language (best first), the one to join: the
    best, unless it matched as a part of the quote and other statements did too; then the one
    whose wording makes up most of the quote (a quote of two remarks goes with the larger)."""
    parts = [sid for sid in ranked if (w := scored[sid].wording) and _contained(w.text, text) >= PART_OF]
    if len(parts) < 2 or parts[0] != ranked[0]:
        return ranked[0]
    whole = grams(text)
    return max(parts, key=lambda sid: len(grams(scored[sid].wording.text) & whole))  # type: ignore[union-attr]


PART_OF = 0.8  # share of a wording's n-grams found in a longer one: it is a part of it


def _another_sentence_taken(
    new: QuoteMember, wording: QuoteMember, members: Sequence[QuoteMember], vectors: Mapping[str, np.ndarray]
) -> bool:
    """The new quote lies in one sentence of a wording of several sentences, and the statement
    that wording belongs to holds a quote of another of its sentences that is not like the new
    one: the long quote carries several remarks ("Talks may fail. We are not worried. ..."), it
    is the remark of the part its statement was made of, and the other parts are other remarks
    (they meet it here only because one outlet quoted them in one run)."""
    if new.language != wording.language or _contained(new.text, wording.text) < PART_OF:
        return False
    sentences = _sentences(wording.text)
    if len(sentences) < 2:
        return False
    mine = _part_index(new.text, sentences)
    for m in members:
        if m.quote_id in (wording.quote_id, new.quote_id) or m.attached or m.language != wording.language:
            continue
        if _contained(m.text, wording.text) < PART_OF or _part_index(m.text, sentences) == mine:
            continue
        if pair_margin(new, m, vectors) < 0:
            return True
    return False


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])")


def _shared_sentence(a: str, b: str) -> bool:
    """Two wordings of more than one sentence that give one of them word for word (a post quoted by
    two outlets, each with another of its lines): a sentence of some length, not a stock phrase."""
    count_a, all_a, _long_a = _pieces(a)
    count_b, _all_b, long_b = _pieces(b)
    if count_a < 2 and count_b < 2:
        return False  # one sentence each: the overlap says it already
    return bool(long_b & all_a)


@lru_cache(maxsize=16384)
def _pieces(text: str) -> tuple[int, frozenset[str], frozenset[str]]:
    """A wording's number of sentences, its sentences bare (normalized, without their closing
    mark), and those of them long enough to tell a remark by: once per wording, not per pair."""
    pieces = _PIECES.split(text.strip())
    return (len(pieces), frozenset(_bare(part) for part in pieces),
            frozenset(_bare(part) for part in pieces if _long_sentence(part)))


def _bare(sentence: str) -> str:
    return normalize(sentence).rstrip("。!?.…")


def _long_sentence(text: str) -> bool:
    flat = normalize(text)
    return len(flat) >= SHARED_SENTENCE_JA if wide(flat) else len(flat.split()) >= SHARED_SENTENCE_WORDS


_PIECES = re.compile(r"(?<=[。！？!?])(?!$)|(?<=[.])\s+")


SHARED_SENTENCE = 0.05  # the margin of a shared whole sentence (over the bar, not a strong tie)
SHARED_SENTENCE_JA = 10  # characters of a Japanese sentence shared word for word
SHARED_SENTENCE_WORDS = 7  # words of an English one


def _sentences(text: str) -> list[str]:
    return [part for part in _SENTENCE_END.split(text) if len(grams(part)) >= 3]


def _part_index(text: str, sentences: Sequence[str]) -> int:
    """The sentence of a longer wording that holds most of this one."""
    mine = grams(text)
    return max(range(len(sentences)), key=lambda i: len(mine & grams(sentences[i])))


def _contained(part: str, whole: str) -> float:
    gp, gw = grams(part), grams(whole)
    return len(gp & gw) / len(gp) if gp and len(gw) > len(gp) else 0.0


def statement_span(candidates: Sequence[QuoteMember], statement: str | None) -> tuple[int, int] | None:
    """The days a statement's dated wordings among the candidates agree on, when they are few
    enough to date another report by (None: it has none there, no statement, or they span more
    than ``DATING_SPAN`` days: a remark known only as "in the last ten days" says nothing of the
    day of a report that carries it, and would hide the day its other remarks agree on)."""
    if statement is None:
        return None
    span = _statement_spans([m for m in candidates if m.statement_id == statement]).get(statement)
    return span if span is not None and span[1] - span[0] <= DATING_SPAN else None


DATING_SPAN = 3  # days


def _statement_spans(candidates: Sequence[QuoteMember]) -> dict[str, tuple[int, int]]:
    """The days each statement's dated wordings among the candidates agree on (their common
    interval, else the hull when they disagree): an undated wording matching two statements
    weeks apart must not make them one."""
    spans: dict[str, tuple[int, int]] = {}
    for m in candidates:
        span = _span(m)
        if span is None:
            continue
        old = spans.get(m.statement_id)
        if old is None:
            spans[m.statement_id] = span
            continue
        lo, hi = max(old[0], span[0]), min(old[1], span[1])
        spans[m.statement_id] = (lo, hi) if lo <= hi else (min(old[0], span[0]), max(old[1], span[1]))
    return spans


def summary_date(members: Sequence[QuoteMember]) -> tuple[str | None, Precision]:
    """The most common exact date of a statement's wordings, else the narrowest interval."""
    exact = Counter(m.said_on[:10] for m in members if m.exact and m.said_on)
    if exact:
        day, _n = min(exact.items(), key=lambda kv: (-kv[1], kv[0]))
        return day, Precision.DAY
    dated = [m for m in members if m.said_on and m.said_on_precision is not Precision.UNKNOWN]
    if dated:
        narrow = min(dated, key=lambda m: ((m.hi or 0) - (m.lo or 0), m.said_on or ""))
        return narrow.said_on, narrow.said_on_precision
    return None, Precision.UNKNOWN


def wording_variants(
    members: Sequence[QuoteMember], speaker_language: str | None
) -> list[tuple[str, list[QuoteMember]]]:
    """Different wordings of one remark in the language the speaker spoke it in.

    Only direct quotes count; a partial quote inside a fuller one is no conflict.
    Returns (wording, the quotes that carry it) per variant, or [] when all agree.
    """
    if speaker_language is None:
        return []
    direct = [m for m in members if m.direct and m.language == speaker_language]
    flat = {m.quote_id: _flat(m.text) for m in direct}
    # one comparison per pair of distinct wordings, not per pair of quotes: a remark quoted by
    # a thousand outlets has a few dozen wordings at most
    texts: dict[str, str] = {}
    for m in sorted(direct, key=lambda m: m.quote_id):
        texts.setdefault(flat[m.quote_id], m.text)
    distinct = sorted(texts)
    clashing: set[str] = set()
    for i, fa in enumerate(distinct):
        for fb in distinct[i + 1 :]:
            if not fa or not fb or fa in fb or fb in fa:
                continue
            if min(len(fa.split()), len(fb.split())) < PHRASE_WORDS:
                continue  # "major violations" beside the whole post: a phrase, not another wording
            if _phrase_of(fa, fb) or _phrase_of(fb, fa):
                continue  # "a historic peace summit" beside "... for this historic peace summit ...": a piece
            if _overlap(texts[fa], texts[fb]) >= WORDING_OVERLAP:
                clashing.update((fa, fb))
    if len(clashing) < 2:
        return []
    variants = []
    for wording in sorted(clashing, key=lambda w: (len(w), w)):  # ties by the text: never by hash order
        if any(other != wording and other in wording for other in clashing):
            continue  # a longer wording that contains a shorter variant carries that variant
        carriers = [m for m in direct if wording in flat[m.quote_id]]
        variants.append((next(m.text for m in carriers if flat[m.quote_id] == wording), carriers))
    return variants if len(variants) >= 2 else []


_ARTICLES = frozenset("a an the this that these those".split())


def _phrase_of(short: str, long: str) -> bool:
    """A short quoted phrase (a few words) whose words all stand in a longer wording but for an
    article: the outlet quoted a piece of the remark, it gives no other wording of it."""
    words = short.split()
    return len(words) <= PHRASE_WORDS + 2 and len(long.split()) >= 2 * len(words) and all(
        w in _ARTICLES or w in long.split() for w in words)


@lru_cache(maxsize=4096)
def _flat(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "'") + " "
    for short, full in _CONTRACTIONS:
        text = text.replace(short, full)
    return " ".join("".join(ch if ch.isalnum() else " " for ch in text).split())


_CONTRACTIONS = (
    ("can't", "cannot"),
    ("won't", "will not"),
    ("n't", " not"),
    ("'d ", " would "),
    ("'ll ", " will "),
    ("'re ", " are "),
    ("'ve ", " have "),
    ("'m ", " am "),
)


def _overlap(a: str, b: str) -> float:
    ga, gb = grams(a), grams(b)
    if not ga or not gb:
        return 0.0
    return len(ga & gb) / min(len(ga), len(gb))


def interval_text(member: QuoteMember) -> str:
    if member.lo is None or member.hi is None:
        return "?"
    return iso(member.lo) if member.lo == member.hi else f"{iso(member.lo)}..{iso(member.hi)}"
