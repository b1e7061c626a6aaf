"""Quotes grouped into statements: the same remark in any outlet or language.

Two quotes can be one statement only when they have the same speaker and compatible
dates (overlapping intervals; day-precise dates one day apart only for near-identical
wordings; never further apart).  Among those candidates a quote joins the statement with
the most similar wording: meaning from the multilingual encoder, and for the same
language also character overlap (partial quotes inside a fuller one).  Two fragments of one
remark quoted in one sentence join each other.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np

from ..model import Precision
from .dates import gap, iso
from .members import QuoteMember
from .similarity import cosine, grams, lexical, text_key

SAME_LANGUAGE = 0.62  # wordings in one language: encoder or character overlap at least this
CROSS_LANGUAGE = 0.45  # an English quote and a Japanese rendering (same speaker, same day)
NEXT_DAY = 0.85  # day-precise dates one day apart (time zones, late-night remarks)
SAME_SENTENCE_GAP = 6  # characters between two fragments of one remark in one sentence
CROSS_CLEAR = 0.1  # a cross-language match must beat the next statement by this much
CROSS_UNITE = 0.1  # a cross-language match this strong also unites statements
UNITE = 0.0  # a quote matching two statements this well makes them one
WORDING_OVERLAP = 0.6  # two wordings this alike, neither inside the other: a wording conflict


def statement_id(first_quote_id: str) -> str:
    return "s-" + hashlib.sha256(first_quote_id.encode()).hexdigest()[:16]


def similarity(a: QuoteMember, b: QuoteMember, vectors: Mapping[str, np.ndarray]) -> float:
    meaning = cosine(vectors[text_key(a.text)], vectors[text_key(b.text)])
    if a.language == b.language:
        return max(meaning, lexical(a.text, b.text))
    return meaning


def _threshold(a: QuoteMember, b: QuoteMember) -> float:
    base = SAME_LANGUAGE if a.language == b.language else CROSS_LANGUAGE
    days = gap(_span(a), _span(b))
    if days == 0:
        return base
    if days == 1 and a.exact and b.exact:
        return max(base, NEXT_DAY)
    return float("inf")


def _span(m: QuoteMember) -> tuple[int, int] | None:
    return (m.lo, m.hi) if m.lo is not None and m.hi is not None else None


def _same_sentence(a: QuoteMember, b: QuoteMember, text: str | None) -> bool:
    """Two fragments of one remark quoted in one sentence with no reporting verb between:
    「まだ目を通していない」ことに「少し失望している」."""
    if a.report_id != b.report_id or text is None or not (a.direct and b.direct):
        return False
    first, second = (a, b) if a.start <= b.start else (b, a)
    between = text[first.end : second.start].strip(" \"'“”‘’「」『』")
    return len(between) <= SAME_SENTENCE_GAP and not _BOUNDARY.search(between) and not _VERB.search(between)


_BOUNDARY = re.compile(r"[。．.!?！？\n]")
_VERB = re.compile(
    r"述べ|語っ|語り|話し|明らか|強調|指摘|説明|否定|批判|示し|\b(said|says|told|added|insisted|"
    r"stressed|called|described|noted|argued|warned)\b"
)


def links(
    new: QuoteMember,
    candidates: Sequence[QuoteMember],
    vectors: Mapping[str, np.ndarray],
    report_text: str | None = None,
) -> list[tuple[float, str, bool]]:
    """(margin over the threshold, statement id, through a same-language wording) of every
    statement the new quote matches, best first.  Empty: the quote is a statement of its own."""
    best: dict[str, tuple[float, bool]] = {}
    for other in candidates:
        if other.speaker_id != new.speaker_id or other.quote_id == new.quote_id or not new.speaker_id:
            continue
        same = other.language == new.language
        if _same_sentence(new, other, report_text) and gap(_span(new), _span(other)) == 0:
            margin = 1.0
        else:
            margin = similarity(new, other, vectors) - _threshold(new, other)
        known = best.get(other.statement_id)
        if margin >= 0 and (known is None or margin > known[0]):
            best[other.statement_id] = (margin, same or (known is not None and known[1]))
        elif margin >= 0 and known is not None and same:
            best[other.statement_id] = (known[0], True)
    return sorted(((m, sid, same) for sid, (m, same) in best.items()), key=lambda x: (-x[0], x[1]))


def assign(
    new: QuoteMember,
    candidates: Sequence[QuoteMember],
    vectors: Mapping[str, np.ndarray],
    report_text: str | None = None,
) -> tuple[str | None, list[str]]:
    """The statement the new quote joins (None: a statement of its own), and other statements
    it matches in its own language well enough to be the same remark (to be united with it).

    A cross-language match only places the quote (the best one, clear of the runner-up);
    it unites statements only when it is strong, so one loose translation cannot chain two remarks.
    """
    found = links(new, candidates, vectors, report_text)
    if not found:
        return None, []
    same = [f for f in found if f[2]]
    if not same:
        if len(found) > 1 and found[0][0] - found[1][0] < CROSS_CLEAR:
            return None, []
        return found[0][1], []
    target = same[0][1]
    return target, [
        sid
        for margin, sid, is_same in found
        if sid != target and margin >= (UNITE if is_same else CROSS_UNITE)
    ]


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
    clashing: set[str] = set()
    for i, a in enumerate(direct):
        for b in direct[i + 1 :]:
            fa, fb = flat[a.quote_id], flat[b.quote_id]
            if not fa or not fb or fa in fb or fb in fa:
                continue
            if _overlap(a.text, b.text) >= WORDING_OVERLAP:
                clashing.update((fa, fb))
    if len(clashing) < 2:
        return []
    variants = []
    for wording in sorted(clashing, key=len):
        if any(other != wording and other in wording for other in clashing):
            continue  # a longer wording that contains a shorter variant carries that variant
        carriers = [m for m in direct if wording in flat[m.quote_id]]
        variants.append((next(m.text for m in carriers if flat[m.quote_id] == wording), carriers))
    return variants if len(variants) >= 2 else []


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
