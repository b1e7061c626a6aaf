"""PLOVER event types of one clause or sentence, English and Japanese, for any news story.

``classify_clause(text, lang)`` names the event a clause states, with who does it (source),
to whom (target), the trigger and whether the clause denies it.  The triggers are data
(``data/plover_en.json``, ``data/plover_ja.json``); this module holds the few mechanisms:

- **the main event**: English takes the first trigger outside a subordinate phrase ("After
  talks with Tokyo, Seoul rejected ..." is Seoul's REJECT); Japanese, whose main verb comes
  last, the last trigger of the clause that is not a subordinate one (「会談した後」).
- **negation** ("did not reject", "never met", 「拒否しなかった」): a hit with ``negated=True``,
  which is *no fact* of its type (callers keep it only to record a denial).
- **modality** ("could meet", "is considering talks", 「会談する可能性」): no hit at all.
- **future cooperation** ("will meet", "plans to visit", 「会談する予定」) is AGREE, as the
  codebook says of cooperative acts announced for later.
- **reporting frames**: "X said Y rejected Z" is Y's REJECT, because the source is the
  subject nearest the trigger inside its clause ("said", "that" and commas end a clause);
  「XはYが拒否したと述べた」 likewise takes Y (the が nearest the trigger before は).
- **source and target**: the words before the trigger back to the clause start (skipping
  auxiliaries, adverbs, time words and asides between commas), and the words after it up to
  a preposition; a passive "X was criticized by Y" swaps them.  Where spaCy's small English
  pipeline is installed, its dependency parse settles what the words cannot: the subject of
  a participle or a coordinated verb ("X replied, denying Y"), the subject behind an aside,
  and the recipient of an act named by a noun ("rejected the mayor's plan", "a protest
  with the embassy").  The parse never decides the type.  Japanese uses Sudachi tokens and
  the particles が/は (source) and と/に/を/に対し (target).

Precision first: a trigger inside a modal frame, or whose clause cannot be settled, gives
``None``; "no fact" is a valid answer, a wrong type is a bug.

Use: pass one clause or sentence (outside quotation marks where the caller can tell); keep
a hit only when ``not hit.negated``.  ``hit.trigger`` and the role spans are offsets into the
text given, so a caller adds the clause's own offset to cite the report.  Measured on real
news sentences by ``benchmarks/dev_events.py`` (devset/plover/README.md).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

PLOVER_EXTRACTOR = {"en": "plover.en.v13", "ja": "plover.ja.v13"}
CORE_TYPES = ("AGREE", "REJECT", "DEMAND", "DISAPPROVE", "CONSULT", "CONCEDE", "SUPPORT")
EXTRA_TYPES = ("ACCUSE", "PROPOSE", "THREATEN")


@dataclass(frozen=True, slots=True, kw_only=True)
class PloverHit:
    """The event a clause states. Spans are (start, end) offsets into the text given."""

    type: str
    trigger: tuple[int, int]
    source: str | None = None
    source_span: tuple[int, int] | None = None
    target: str | None = None
    target_span: tuple[int, int] | None = None
    negated: bool = False
    future: bool = False
    extractor: str = ""


def classify_clause(text: str, lang: str) -> PloverHit | None:
    """The PLOVER event the clause states, or None when it states none we can type."""
    if lang == "en":
        return _classified(text, lang, _parser() is not None)
    if lang == "ja":
        return _classified(text, lang, False)
    return None


@lru_cache(maxsize=8192)
def _classified(text: str, lang: str, parsed: bool) -> PloverHit | None:
    """:func:`classify_clause`, kept per clause: the answer is a function of the clause alone (and
    of whether the English parser is there, ``parsed``), and the wire copies of a story repeat
    their clauses report after report, each of which would be parsed again (the English parse is
    most of an event's extraction)."""
    return _classify_en(text) if lang == "en" else _classify_ja(text)


@cache
def lexicon(lang: str) -> dict[str, Any]:
    """The trigger data of a language (``data/plover_<lang>.json``), read once."""
    raw = resources.files("communique.data").joinpath(f"plover_{lang}.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


# --- English ---------------------------------------------------------------------------

_EN_TOKEN = re.compile(r"n't|'ll|[A-Za-z0-9]+(?:[-'’.][A-Za-z0-9]+)*|[^\sA-Za-z0-9]")


@dataclass(frozen=True, slots=True)
class _Tok:
    low: str
    start: int
    end: int
    cap: bool = False  # starts with a capital letter


def _en_tokens(text: str) -> list[_Tok]:
    return [_Tok(m.group().lower().replace("’", "'"), m.start(), m.end(), m.group()[0].isupper())
            for m in _EN_TOKEN.finditer(text)]


def _inflections(word: str, irregular: dict[str, list[str]]) -> set[str]:
    """The forms a pattern word matches: itself, -s, -ed, -ing (regular spelling), irregulars."""
    forms = {word, *irregular.get(word, ())}
    if word in irregular and len(irregular[word]) >= 3:
        return forms
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    elif word.endswith("e"):
        forms |= {word + "s", word + "d", word[:-1] + "ing"}
    else:
        forms |= {word + "s", word + "es", word + "ed", word + "ing"}
        if re.fullmatch(r".*[^aeiou][aeiou][bdgklmnprt]", word) and len(word) <= 5:
            forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


@dataclass(frozen=True, slots=True)
class _Pattern:
    type: str
    steps: tuple[frozenset[str] | int, ...]  # an int is a gap of up to that many words
    text: str


@cache
def _en_patterns() -> tuple[_Pattern, ...]:
    data = lexicon("en")
    irregular = data["irregular"]
    patterns = []
    for kind, entries in data["types"].items():
        for entry in entries:
            steps: list[frozenset[str] | int] = []
            for word in entry.split():
                if word in ("*", "**"):
                    steps.append(3 if word == "*" else 6)
                    continue
                if word.startswith("(") != word.endswith(")"):
                    raise ValueError(f"plover_en.json: {entry!r}: a choice holds single words only")
                choices = word.strip("()").split("|")
                steps.append(frozenset().union(*(_inflections(o, irregular) for o in choices)))
            patterns.append(_Pattern(kind, tuple(steps), entry))
    return tuple(patterns)


def _phrase_at(tokens: list[_Tok], i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Length of the listed phrase starting at token i (0 when none)."""
    for phrase in phrases:
        if tuple(t.low for t in tokens[i:i + len(phrase)]) == phrase:
            return len(phrase)
    return 0


@cache
def _en_sets() -> dict[str, Any]:
    data = lexicon("en")

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted((tuple(p.split()) for p in data[key]), key=len, reverse=True))

    return {
        "negators": frozenset(data["negators"]),
        "negating": phrases("negating_verbs"),
        "modal": phrases("modal"),
        "future": phrases("future"),
        "subordinators": phrases("subordinators"),
        "reporting": frozenset(data["reporting"]),
        "breaks": frozenset(data["clause_breaks"]),
        "aux": frozenset(data["aux"]),
        "stops": frozenset(data["target_stops"]),
        "determiners": frozenset(data["determiners"]),
        "act_nouns": frozenset(data["act_nouns"]),
        "connectives": frozenset(data["connectives"]),
        "refusals": tuple(tuple(p.split()) for p in data["refusals"]),
        "refusable": frozenset(f for v in data["refusable"] for f in _inflections(v, data["irregular"])),
        "not_with": phrases("consult_not_with"),
        "frame_verbs": frozenset(f for v in data["reporting_frame_verbs"]
                                 for f in _inflections(v, data["irregular"])),
    }


_GAP_MARKS = frozenset({'"', "“", "”", "'", "‘", "’", "-", "."})


def _match(tokens: list[_Tok], i: int, pattern: _Pattern) -> int:
    """End index (exclusive) of the pattern matched from token i, or -1."""
    j = i
    steps = pattern.steps
    k = 0
    while k < len(steps):
        step = steps[k]
        if isinstance(step, int):
            nxt = steps[k + 1]
            assert not isinstance(nxt, int)
            for gap in range(step + 1):
                if j + gap < len(tokens) and tokens[j + gap].low in nxt and all(
                        t.low[0].isalnum() or t.low in _GAP_MARKS for t in tokens[j:j + gap]):
                    j += gap + 1
                    break
            else:
                return -1
            k += 2
            continue
        if j >= len(tokens) or tokens[j].low not in step:
            return -1
        j += 1
        k += 1
    return j


@dataclass(frozen=True, slots=True)
class _Cand:
    type: str
    first: int
    last: int  # exclusive token index


@cache
def _en_index() -> dict[str, tuple[_Pattern, ...]]:
    """Patterns by the word forms their first step accepts (every pattern starts with a word)."""
    index: dict[str, list[_Pattern]] = {}
    for pattern in _en_patterns():
        first = pattern.steps[0]
        assert not isinstance(first, int), pattern.text
        for form in first:
            index.setdefault(form, []).append(pattern)
    return {form: tuple(patterns) for form, patterns in index.items()}


def _candidates(tokens: list[_Tok]) -> list[_Cand]:
    found: list[_Cand] = []
    index = _en_index()
    for i in range(len(tokens)):
        best: _Cand | None = None
        for pattern in index.get(tokens[i].low, ()):
            end = _match(tokens, i, pattern)
            if end > 0 and (best is None or end > best.last):
                best = _Cand(pattern.type, i, end)
        if best is not None and not (found and found[-1].last > i):
            found.append(best)
    return found


def _clause_start(tokens: list[_Tok], i: int) -> int:
    """Index of the first token of the clause that holds token i (after a break or comma)."""
    sets = _en_sets()
    j = i - 1
    while j >= 0:
        low = tokens[j].low
        if low == "." and j > 0 and tokens[j - 1].cap and len(tokens[j - 1].low) <= 4:
            j -= 1  # "Dec.", "Mr.", "U.S.": an abbreviation, not a sentence end
            continue
        if low == ")":
            opening = next((k for k in range(j - 1, -1, -1) if tokens[k].low == "("), None)
            if opening is not None:
                j = opening - 1  # "(FSA)", "(WHO)": an aside, not a clause boundary
                continue
        if low in sets["breaks"] or low in sets["reporting"] or low in (",", ".", "("):
            return j + 1
        j -= 1
    return 0


def _before(tokens: list[_Tok], start: int, i: int, phrases: tuple[tuple[str, ...], ...],
            reach: int = 4) -> bool:
    return any(_phrase_at(tokens, j, phrases) and j + _phrase_at(tokens, j, phrases) <= i
               for j in range(max(start, i - reach), i))


def _classify_en(text: str) -> PloverHit | None:
    tokens = _en_tokens(text)
    sets = _en_sets()
    cands = _candidates(tokens)
    chosen: _Cand | None = None
    relative: _Cand | None = None
    for cand in cands:
        start = _clause_start(tokens, cand.first)
        if _before(tokens, start, cand.first, sets["subordinators"], reach=8):
            continue
        if start > 0 and tokens[start - 1].low in ("who", "which", "whom", "whose"):
            relative = relative or cand  # "those who conceded then complained": not the main act
            continue
        if _participial_aside(tokens, cand, cands):
            relative = relative or cand  # "The council, meeting on Friday, rejected ...": the aside
            continue
        trigger_low = tokens[cand.first].low
        after = tokens[cand.last].low if cand.last < len(tokens) else ""
        if trigger_low in sets["frame_verbs"] and after == "that" and cand.last == cand.first + 1:
            continue  # "warned that ...", "denied that ...": a saying, the event is in its clause
        before = tokens[cand.first - 1].low if cand.first else ""
        single = cand.last == cand.first + 1
        if single and (before in sets["determiners"] or before.endswith("'s")):
            continue  # "the meeting", "Peru's veto": a noun naming the act, not a clause stating it
        if before == "," and trigger_low.endswith("ed") and after == "by":
            continue  # "The measure, proposed by X, would ...": a modifier, the clause is elsewhere
        if cand.type == "CONSULT" and cand.last < len(tokens) and (
                _phrase_at(tokens, cand.last, sets["not_with"])
                or _phrase_at(tokens, cand.last + 1, sets["not_with"])):
            continue  # "speaks with the press" is no consultation
        chosen = cand
        break
    chosen = chosen or relative
    if chosen is None:
        return None
    start = _clause_start(tokens, chosen.first)
    # "will not accept", "cannot agree", "won't support": a refusal (the codebook's REJECT)
    refusal = chosen.type in ("AGREE", "SUPPORT") and tokens[chosen.first].low in sets["refusable"] \
        and _before(tokens, start, chosen.first, sets["refusals"], reach=3)
    reported = any(t.low in sets["reporting"] for t in tokens[:start])
    if not refusal and _before(tokens, start, chosen.first, sets["modal"]) and not (
            reported and _before(tokens, start, chosen.first, (("would",),))):
        return None  # "could meet"; but "said they would support" is a future in reported speech
    negated = not refusal and (
        any(t.low in sets["negators"] for t in tokens[max(start, chosen.first - 3):chosen.first])
        or _before(tokens, start, chosen.first, sets["negating"]))
    future = not refusal and (_before(tokens, start, chosen.first, sets["future"]) or (
        reported and _before(tokens, start, chosen.first, (("would",),))))
    kind = "REJECT" if refusal else "AGREE" if future and chosen.type in ("CONSULT", "SUPPORT") \
        else chosen.type
    source, target = _en_roles(text, tokens, chosen, start)
    return PloverHit(type=kind, trigger=(tokens[chosen.first].start, tokens[chosen.last - 1].end),
                     source=_span_text(text, source), source_span=source,
                     target=_span_text(text, target), target_span=target,
                     negated=negated, future=future, extractor=PLOVER_EXTRACTOR["en"])


def _participial_aside(tokens: list[_Tok], cand: _Cand, cands: list[_Cand]) -> bool:
    """An -ing phrase between commas with another trigger after it ("X, meeting on Friday,
    rejected Y"): the phrase is an aside, the later trigger the clause's act."""
    if not (tokens[cand.first].low.endswith("ing") and cand.first > 0 and tokens[cand.first - 1].low == ","):
        return False
    close = next((n for n in range(cand.last, len(tokens)) if tokens[n].low in (",", ".", ";")), None)
    return close is not None and tokens[close].low == "," and any(c.first > close for c in cands)


def _span_text(text: str, span: tuple[int, int] | None) -> str | None:
    return None if span is None else text[span[0]:span[1]]


def _en_roles(text: str, tokens: list[_Tok], cand: _Cand, start: int
              ) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    sets = _en_sets()
    # the subject: back from the trigger over auxiliaries, negators, modal and future words
    j = cand.first - 1
    passive = any(t.low in ("was", "were", "been") for t in tokens[cand.first:cand.last])
    while j >= start and (tokens[j].low in sets["aux"] or tokens[j].low in sets["negators"]
                          or tokens[j].low in ("to", "will", "'ll", "would", "could", "did")
                          or tokens[j].low in _GAP_MARKS):
        passive = passive or tokens[j].low in ("was", "were", "been", "being", "is", "are")
        j -= 1
    subject: tuple[int, int] | None
    participle = tokens[cand.first].low.endswith("ing") and cand.first > 0 \
        and tokens[cand.first - 1].low == ","
    if (j >= start and tokens[j].low in ("and", "but", "then")) or participle:
        # "X warned ... and urged Y", "X replied, denying Y": X, from the parse when there is one
        subject = _parsed_subject(text, tokens, tokens[cand.first].start) or _sentence_subject(tokens)
    else:
        subject = _subject_before(tokens, start, j + 1)
    if subject is None or (j >= start and tokens[j].low == ","):
        # no subject by the rules, or "X, <an aside>, VERB": the parse knows which noun is the subject
        subject = _parsed_subject(text, tokens, tokens[cand.first].start) or subject
    if subject is not None and tokens[subject[1] - 1].low in _PRONOUNS and start > 0 \
            and tokens[start - 1].low in sets["reporting"]:
        # "X said it would ...", "X said he supported ...": the pronoun is most often X
        said = _subject_before(tokens, _clause_start(tokens, start - 1), start - 1)
        subject = said or (subject[1] - 1, subject[1])
    elif subject is not None and any(tokens[n].low in _PRONOUNS for n in range(*subject)):
        subject = (max(n for n in range(*subject) if tokens[n].low in _PRONOUNS), subject[1])
    obj_first = cand.last
    k = obj_first
    while k < len(tokens) and k - obj_first < 10 and tokens[k].low not in sets["stops"] \
            and tokens[k].low not in sets["breaks"] and tokens[k].low not in (",", ".", "?", "!"):
        k += 1
    obj = _trim((obj_first, k), tokens)
    if passive and any(tokens[n].low.endswith(("ed", "en")) or tokens[n].low == "made"
                       for n in (cand.first, cand.last - 1)):
        window = range(cand.last, min(len(tokens), cand.last + 8))
        by = next((n for n in window if tokens[n].low == "by"), None)
        agent = None
        if by is not None:
            e = by + 1
            while e < len(tokens) and (tokens[e].low not in sets["stops"] or tokens[e].low == "of") \
                    and tokens[e].low != ".":
                if tokens[e].low == "," and e + 1 < len(tokens) and not tokens[e + 1].cap:
                    break  # "by the head of X, Ana Ruiz, in ..." keeps the name
                e += 1
            agent = _trim((by + 1, e), tokens)
        subject, obj = agent, subject
    parsed = None if passive else _parsed_target(text, tokens[cand.first].start)
    if parsed is not None:  # the recipient by the parse ("rejected the mayor's plan" -> the mayor)
        return _char_span(tokens, subject), _snap(tokens, parsed)
    return _char_span(tokens, subject), _char_span(tokens, obj)


def _parser() -> Any:
    """spaCy's small English pipeline (its tagger and parser are used here), once; None when not
    installed."""
    from .en.spacy_model import english  # noqa: PLC0415

    return english()


@lru_cache(maxsize=64)
def _parse(text: str) -> Any:
    """The dependency parse of a clause (None without the model); subject and target share it."""
    nlp = _parser()
    return None if nlp is None else nlp(text, disable=["ner"])


def _parsed_subject(text: str, tokens: list[_Tok], pos: int) -> tuple[int, int] | None:
    """The subject of the verb at ``pos`` by the dependency parse, climbing from a participle
    or a coordinated verb to the verb that has one; as a token span, or None."""
    doc = _parse(text)
    if doc is None:
        return None
    verb = next((t for t in doc if t.idx <= pos < t.idx + len(t.text)), None)
    for _ in range(4):
        if verb is None:
            return None
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            head = subjects[0]
            if head.lower_ in ("that", "which", "who", "whom"):
                return None  # a relative clause's subject names nobody by itself
            words = [t for t in head.subtree]
            comma = next((n for n, t in enumerate(words) if t.text == "," and t.i > head.i), None)
            words = words[:comma] if comma is not None else words  # "Six towns, including X,"
            begin, finish = words[0].idx, words[-1].idx + len(words[-1].text)
            inside = [n for n, t in enumerate(tokens) if t.start >= begin and t.end <= finish]
            return _trim((inside[0], inside[-1] + 1), tokens) if inside else None
        if verb.dep_ not in ("advcl", "conj", "xcomp", "acl", "pcomp"):
            return None
        verb = verb.head
    return None


def _parsed_target(text: str, pos: int) -> tuple[int, int] | None:
    """The recipient by the parse: the object of the verb at ``pos``, or, when the object only
    names the act ("rejected the mayor's plan", "filed a protest with the embassy"), its
    owner or the noun after to/with/against/from; else the noun after with/to/against/on."""
    doc = _parse(text)
    if doc is None:
        return None
    verb = next((t for t in doc if t.idx <= pos < t.idx + len(t.text)), None)
    if verb is None:
        return None
    preps = ("to", "with", "against", "from", "on")
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    for obj in objects:
        if obj.lower_ in _en_sets()["act_nouns"]:
            owner = [c for c in obj.children if c.dep_ == "poss"]
            if owner:
                return _phrase_span(owner[0])
            for prep in obj.children:
                if prep.dep_ == "prep" and prep.lower_ in preps + ("by",):
                    pobj = [c for c in prep.children if c.dep_ == "pobj"]
                    if pobj:
                        return _phrase_span(pobj[0])
            continue
        return _phrase_span(obj)
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            pobj = [c for c in prep.children if c.dep_ == "pobj"]
            if pobj and pobj[0].lower_ not in _en_sets()["act_nouns"]:
                return _phrase_span(pobj[0])
    return None


def _snap(tokens: list[_Tok], span: tuple[int, int]) -> tuple[int, int]:
    """Widen a parser span to whole rule tokens ("the ex" of "the ex-treasurer" -> all of it)."""
    start, end = span
    for t in tokens:
        if t.start < start < t.end:
            start = t.start
        if t.start < end < t.end:
            end = t.end
    return start, end


def _phrase_span(head: Any) -> tuple[int, int] | None:
    """Character span of a noun's phrase, cut before a comma or a relative clause, without a
    trailing possessive 's."""
    words = []
    for t in head.subtree:
        if t.i > head.i and (t.text == "," or t.dep_ in ("relcl", "acl") or t.lower_ in ("who", "which")):
            break
        words.append(t)
    while words and words[-1].dep_ in ("case", "punct"):
        words.pop()
    if not words:
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text)


_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})
_TIME_WORDS = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                         "dec", "january", "february", "march", "april", "june", "july", "august",
                         "september", "october", "november", "december", "local", "time", "gmt", "am", "pm"})


def _subject_before(tokens: list[_Tok], start: int, end: int) -> tuple[int, int] | None:
    """The words from the clause start to ``end``, stepping back over commas when they are
    only a date or time ("Lee on Friday, Oct. 3, lifted") or a title in apposition
    ("Ana Ruiz, the guild's head, endorsed" gives Ana Ruiz)."""
    sets = _en_sets()
    subject = _trim((start, end), tokens)
    for _ in range(3):
        timeish = subject is not None and all(
            t.low in sets["aux"] or t.low in _TIME_WORDS or t.low[0].isdigit() or not t.low[0].isalnum()
            or t.low in sets["connectives"] for t in tokens[subject[0]:subject[1]])
        closed = end >= 1 and tokens[end - 1].low == "," and start >= 2 \
            and tokens[start - 1].low in (",", "who", "which")
        # "X, the guild's head, endorsed", "X, facing a vote, urged", "X, who chairs Y, proposed"
        aside = subject is not None and closed and (
            (tokens[subject[0]].low in ("the", "a", "an")
             and _looks_like_name(tokens, _clause_start(tokens, start - 1), start - 1))
            or tokens[subject[0]].low.endswith("ing") or tokens[start - 1].low in ("who", "which"))
        if not (subject is None or timeish or aside) or start < 2 \
                or tokens[start - 1].low not in (",", "who", "which"):
            break
        if tokens[start - 1].low in ("who", "which"):
            start -= 1  # step over the relative pronoun to the comma before it
            if start < 2 or tokens[start - 1].low != ",":
                break
        before = _clause_start(tokens, start - 1)
        earlier = _trim((before, start - 1), tokens)
        if earlier is None:
            break
        if aside and not all(t.low[0].isalnum() or t.low in "()" for t in tokens[earlier[0]:earlier[1]]):
            break
        e = earlier[1]
        while e > earlier[0] and tokens[e - 1].low in sets["aux"]:
            e -= 1  # "Mayor Lee on Friday" -> "Mayor Lee"
        subject = (earlier[0], e) if e > earlier[0] else earlier
        start = before
    return subject


def _looks_like_name(tokens: list[_Tok], start: int, end: int) -> bool:
    """Capitalised words (a name or a title), not a phrase such as "After a meeting"."""
    words = [t for t in tokens[start:end] if t.low[0].isalnum()]
    if not words or words[0].low in ("in", "on", "at") \
            or _phrase_at(tokens, start, _en_sets()["subordinators"]):
        return False
    return sum(t.cap for t in words) * 2 >= len(words) and words[0].cap


def _sentence_subject(tokens: list[_Tok]) -> tuple[int, int] | None:
    """The first clause's subject, for a verb coordinated with it ("X warned ... and urged Y")."""
    sets = _en_sets()
    i = 0
    if tokens and (_phrase_at(tokens, 0, sets["subordinators"]) or tokens[0].low in sets["connectives"]
                   or tokens[0].low in ("in", "on", "at", "during")):
        comma = next((n for n, t in enumerate(tokens) if t.low == ","), None)
        i = comma + 1 if comma is not None else 0
    starts = {c.first for c in _candidates(tokens)}
    stop = sets["reporting"] | sets["frame_verbs"] | {"has", "have", "had", "was", "were", "is", "are",
                                                      "will"}
    j = i
    while j < len(tokens) and j - i < 12 and j not in starts and tokens[j].low not in stop \
            and tokens[j].low[0].isalnum():
        j += 1
    return _trim((i, j), tokens) if j < len(tokens) and j - i < 12 else None


def _char_span(tokens: list[_Tok], span: tuple[int, int] | None) -> tuple[int, int] | None:
    return None if span is None else (tokens[span[0]].start, tokens[span[1] - 1].end)


def _trim(span: tuple[int, int], tokens: list[_Tok]) -> tuple[int, int] | None:
    a, b = span
    while a < b and not tokens[a].low[0].isalnum():
        a += 1
    while b > a and not tokens[b - 1].low[0].isalnum():
        b -= 1
    if b - a > 12:
        a = b - 12
    if b - a == 1 and tokens[a].low in ("the", "a", "an"):
        return None
    return (a, b) if a < b else None


# --- Japanese --------------------------------------------------------------------------


@cache
def _sudachi() -> tuple[Any, Any]:
    from sudachipy import tokenizer

    from ..sudachi import dictionary

    return dictionary().create(), tokenizer.Tokenizer.SplitMode.C


def _ja_morphs(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, surface, part of speech) of each Sudachi token."""
    tok, mode = _sudachi()
    return [(m.begin(), m.end(), m.surface(), m.part_of_speech()[0]) for m in tok.tokenize(text, mode)
            if m.begin() < m.end()]


def _classify_ja(text: str) -> PloverHit | None:
    data = lexicon("ja")
    hits: list[tuple[int, int, str]] = []
    for kind, pattern in _ja_patterns():
        for m in pattern.finditer(text):
            hits.append((m.start(), m.end(), kind))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list[tuple[int, int, str]] = []
    for hit in hits:
        if kept and hit[0] < kept[-1][1]:
            continue
        kept.append(hit)
    if not kept:
        return None
    main: tuple[int, int, str] | None = None
    # the main event: the last trigger that is not in a subordinate clause, outside 「」 first;
    # a trigger inside 「」 only when none is outside (「厳重に抗議した」と強調: the speaker's own act)
    for inside in (False, True):
        for hit in reversed(kept):
            tail = text[hit[1]:hit[1] + 12]
            if any(tail.startswith(s) or tail[:6].find(s) >= 0 for s in data["subordinate_after"]):
                continue
            if _in_ja_quote(text, hit[0]) != inside:
                continue
            if any(text.endswith(n, 0, hit[0]) for n in data["nominal_before"]) \
                    or _ja_adnominal(text, hit[1]):
                continue  # 「この訪問」, 「増額を求めている来年度予算」: a noun or its modifier
            main = hit
            break
        if main is not None:
            break
    if main is None:
        return None
    start, end, kind = main
    tail = text[end:end + 14]
    if any(m in tail for m in data["modal_after"]):
        return None
    if any(m in text[max(0, start - 25):start] for m in data["modal_before"]):
        return None
    negated = any(tail.startswith(n) or tail[:8].find(n) >= 0 for n in data["negation_after"])
    future = any(tail.find(f) >= 0 for f in data["future_after"]) or tail.startswith(("へ", "する方針"))
    if future and kind in ("CONSULT", "SUPPORT"):
        kind = "AGREE"
    source, target = _ja_roles(text, start, kind)
    return PloverHit(type=kind, trigger=(start, end), source=_span_text(text, source), source_span=source,
                     target=_span_text(text, target), target_span=target, negated=negated, future=future,
                     extractor=PLOVER_EXTRACTOR["ja"])


def _ja_adnominal(text: str, end: int) -> bool:
    """Whether the verb ending at ``end`` modifies a following noun (「両国が合意した条約」),
    past its plain inflection (する, した, ている ...); a te-form or a formal noun (こと, 予定,
    方針 ...) keeps it a predicate, and so does a statement it describes (「…と反発する報道官の
    談話」, 「改善を求める要望書」: the statement carries the act)."""
    data = lexicon("ja")
    if end >= len(text) or text[end].isspace():
        return False
    morphs = _ja_morphs(text[end:end + 24])
    for n, (_, _, surface, pos) in enumerate(morphs):
        if surface == "て":
            if n + 1 < len(morphs) and morphs[n + 1][2] in ("いる", "いた", "い"):
                continue
            return False
        if pos == "助動詞" or surface in ("し", "した", "する", "いる", "いた", "い", "さ", "れ", "れる",
                                          "られ", "られる", "める", "る"):
            continue
        if pos != "名詞" or surface in data["formal_nouns"] or surface.isdigit():
            return False
        following = text[end:end + 24]
        return not any(noun in following for noun in data["statement_nouns"])
    return False


@cache
def _ja_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for kind, stems in lexicon("ja")["types"].items():
        for stem in stems:
            out.append((kind, re.compile(stem[3:] if stem.startswith("re:") else re.escape(stem))))
    return tuple(out)


def _in_ja_quote(text: str, pos: int) -> bool:
    before = text[:pos]
    return before.count("「") > before.count("」")


def _ja_roles(text: str, trigger: int, kind: str) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """Source and target from the particles before the trigger: the nearest が (or は) is the
    source, unless a subordinate clause ends between it and the trigger; the target is the
    noun before the first listed particle for the type (に対し before に before を ...) between
    the source and the trigger.  Particles inside 「」 are the quoted speaker's, not this
    clause's; for a trigger inside 「」 the source is read before the quote (the speaker) and
    the target inside it.  A reaction to "Xが…したことを受け" is directed at X."""
    data = lexicon("ja")
    quoted = _in_ja_quote(text, trigger)
    end = text.rfind("「", 0, trigger) if quoted else trigger
    morphs = _ja_morphs(text[:trigger])
    source: tuple[int, int] | None = None
    source_at = -1
    passive = text[trigger:trigger + 8].find("され") >= 0
    for idx in range(len(morphs) - 1, -1, -1):
        b, e, surface, pos = morphs[idx]
        if b >= end or pos != "助詞" or _in_ja_quote(text, b) or surface not in ("が", "は"):
            continue
        if surface == "が" and any(m in text[e:trigger] for m in data["subordinate_markers"]):
            continue  # 「隣国が…始めたことを受け、」: the subject of another clause
        run = _noun_run(morphs, idx)
        if run is None:
            continue
        source, source_at = run, idx
        break  # the nearest が or は
    target = _ja_target(text, morphs, source_at + 1, trigger, kind, quoted)
    if target is None and kind in ("DISAPPROVE", "ACCUSE", "THREATEN", "REJECT", "DEMAND"):
        target = _ja_provoker(text, morphs, trigger)
    if passive:
        agent = re.search(r"([^、。「」]{1,12}?)(?:の反対|によ(?:って|り|る))", text[:trigger])
        source, target = ((agent.start(1), agent.end(1)) if agent else None), source
    if source is None:
        head = re.match(r"([^、。「」\s]{1,12})[、「]", text)  # 「県、国に…要請」「知事「…」」
        if head and head.end() <= trigger:
            source = (head.start(1), head.end(1))
    return source, target


def _ja_target(text: str, morphs: list[tuple[int, int, str, str]], first: int, trigger: int,
               kind: str, quoted: bool) -> tuple[int, int] | None:
    """The noun before the best-ranked target particle between ``first`` and the trigger."""
    data = lexicon("ja")
    ranked = data["target_particles"].get(kind, data["target_particles"]["*"])
    best: tuple[int, tuple[int, int]] | None = None
    for idx in range(max(first, 0), len(morphs)):
        b, _, surface, pos = morphs[idx]
        if pos != "助詞" or (_in_ja_quote(text, b) and not quoted):
            continue
        rank = next((r for r, p in enumerate(ranked) if text.startswith(p, b)), None)
        if rank is None:
            continue
        run = _noun_run(morphs, idx)
        if run is not None and (best is None or rank <= best[0]):
            best = (rank, run)
    return None if best is None else best[1]


def _ja_provoker(text: str, morphs: list[tuple[int, int, str, str]], trigger: int) -> tuple[int, int] | None:
    """For a reaction, the actor of what it reacts to: 「隣国が…始めたことを受け、…抗議」 -> 隣国."""
    cue = max(text.rfind("を受け", 0, trigger), text.rfind("について", 0, trigger))
    if cue < 0:
        return None
    for idx, (b, _, surface, pos) in enumerate(morphs):
        if b >= cue:
            break
        if pos == "助詞" and surface == "が" or text.startswith("による", b):
            run = _noun_run(morphs, idx)
            if run is not None:
                return run
    return None


def _noun_run(morphs: list[tuple[int, int, str, str]], particle: int) -> tuple[int, int] | None:
    """The nouns (with 接尾辞 and ・) just before a particle, across の (「カナダの外相」)."""
    k = particle - 1
    if k >= 1 and morphs[k][2] in (")", "）"):
        opening = next((n for n in range(k - 1, -1, -1) if morphs[n][2] in ("(", "（")), None)
        if opening is not None and opening >= 1:
            k = opening - 1  # 「在京大使館(報道部)は」: the aside belongs to the noun
    while True:
        top = k
        while k >= 0 and (morphs[k][3] in ("名詞", "接尾辞", "接頭辞") or morphs[k][2] in ("・", "＝", "=")):
            k -= 1
        if k == top:
            break
        if k >= 1 and morphs[k][2] == "の" and morphs[k - 1][3] in ("名詞", "接尾辞"):
            k -= 1
            continue
        break
    if k >= particle - 1:
        return None
    return morphs[k + 1][0], morphs[particle - 1][1]
