"""Indirect speech: "X said (that) CLAUSE", "CLAUSE, X said, and CLAUSE", "According to X, CLAUSE".

The reported clause is the evidence (``text[start:end]`` is the clause, without the
final full stop); "X said A and that B" gives two clauses.  The speaker must be the
subject right next to the reporting verb (or of the verb it is coordinated with:
"X called the talks "good" but said CLAUSE").  A clause holding a direct quote is left
to the direct quote.
"""

from __future__ import annotations

import re

from . import rx
from .context import INDIRECT_VERBS, Context
from .quotes import VerbHit
from .speakers import Attribution, Speaker, resolve_np_end, resolve_np_start, sentence_subject
from .text import Sentence

_NEGATED = re.compile(
    r"(?:\bto|\bnot|n't|n’t|\bnever|\bwould|\bcould|\bmight|\bwill|\bwhether|\bif|\bbe|"
    r"\bwho|\bwhich|\bwhat|\bwhen|\bas)\s+$",
    re.I,
)
_CLAUSE_START_BAD = re.compile(
    r"^(?:on|in|at|of|to|for|with|about|during|after|before|from|by|and|but|or|"
    r"as|so|if|whether|when|where|while|what|how|why|nothing|no more|"
    r"so far|more|later|earlier)\b",
    re.I,
)
_ADDING = re.compile(r"(?:adding|saying|noting|stressing|insisting|warning|arguing)\s+that\s+")
_SPLIT = re.compile(
    r",?\s+(?:and|but)\s+(?:also\s+)?(?:that|(?:said|insisted|added|warned|stressed|noted|argued|"
    r"claimed|acknowledged|suggested|cautioned|conceded|admitted)(?:\s+that)?)\s+"
    r"|,\s+(?:adding|saying|noting|stressing|insisting|warning|arguing)\s+that\s+"
)
_COORDINATED = re.compile(r"(?:\b(?:and|but)(?:\s+(?:also|then|later|again))?)\s*$")
_OBJECT_VERBS = {
    "accused",
    "accuses",
    "accusing",
    "urged",
    "warned",
    "told",
    "tells",
    "assured",
    "reminded",
    "informed",
    "described",
}


def _clean(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in " ,:;—–-":
        start += 1
    if start < end and text[start] in ".!?":
        return None  # "... said in a statement on X. The move followed ...": the sentence ended
    while end > start and text[end - 1] in " ,;:—–-.":
        end -= 1
    if len(text[start:end].split()) < 3:
        return None
    return start, end


def _has_quote(ctx: Context, sent: Sentence, start: int, end: int) -> bool:
    return any(
        q.open_mark < end and start <= (q.close_mark if q.close_mark is not None else q.end)
        for q in sent.quotes
    )


def _verbs(ctx: Context, sent: Sentence, start: int, end: int) -> list[VerbHit]:
    out = []
    for s, e, word in ctx.verbs(start, end):
        if not any(q.start <= s < q.end for q in sent.quotes):
            out.append(VerbHit(s, e, word))
    return out


def subject(ctx: Context, sent: Sentence, verb: VerbHit, verbs: list[VerbHit]) -> Speaker | None:
    """The subject next to a verb, or that of the verb it is coordinated with ("... and said")."""
    region = sent.start
    for q in sent.quotes:
        close = q.close_mark if q.close_mark is not None else q.end
        if close < verb.start():
            region = max(region, close + 1)
    speaker = resolve_np_end(ctx.text, region, verb.start(), ctx.actors, ctx.salience, sent.start)
    if speaker is not None:
        if _JOINT.search(ctx.text, max(region, speaker.start - 60), speaker.start):
            return None  # "The United States and Ukraine said ...": a joint statement, no one speaker's
        return speaker
    before = ctx.text[max(sent.start, verb.start() - 14) : verb.start()]
    if _COORDINATED.search(before):
        earlier = [v for v in verbs if v.end() <= verb.start() - 3]
        for other in reversed(earlier):
            found = resolve_np_end(ctx.text, sent.start, other.start(), ctx.actors, ctx.salience, sent.start)
            if found is not None:
                return found
    if _COORDINATED.search(before) or verb.group().endswith("ing") or verb is verbs[0]:
        return sentence_subject(ctx.text, sent.start, verb.start(), ctx.actors, ctx.salience)
    return None


# a name (or "the United States") and "and" just before the speaker found: two parties speak together
_JOINT = re.compile(r"(?:^|\s)(?:[Tt]he\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}\s+and\s+(?:the\s+)?$")


# a paragraph's sign-off after its last sentence: "... it agrees in principle. — Agencies"
_SIGN_OFF = re.compile(r"(?<=[.!?])\s*[—–-]+\s*(?:[A-Z][\w&.'’]*\s?){1,3}$")


def _body_end(ctx: Context, sent: Sentence) -> int:
    end = sent.end
    credit = _SIGN_OFF.search(ctx.text[sent.start:end].rstrip())
    if credit:
        end = sent.start + credit.start()
    while end > sent.start and ctx.text[end - 1] in ".!? ":
        end -= 1
    return end


def indirect(ctx: Context, sent: Sentence) -> list[tuple[Attribution, int, int]]:
    """Every reported clause of the sentence with its attribution."""
    text = ctx.text
    s, end = sent.start, _body_end(ctx, sent)
    if end - s < 20 or text[end : end + 1] == "?":
        return []
    out: list[tuple[Attribution, int, int]] = []
    taken: list[tuple[int, int]] = []

    def emit(attr: Attribution, start: int, stop: int) -> None:
        told = rx.search(r",\s+according to\s+[^,]{2,80}?[.!?]?\s*$", text[start:stop])
        if told and attr.verb != "according to":
            stop = start + told.start()  # "..., according to Trump": who told the reporter, not the words
        parts = _split(text, start, stop)
        if any(_has_quote(ctx, sent, *part) for part in parts):
            parts = _split(text, start, stop, keep=False)  # keep what is free of the direct quote
        for part in parts:
            # the reporter's clause around some of the speaker's words in quote marks: the whole
            # clause (a mixed quote); else the parts of the clause free of the quotation
            whole = _mixed(ctx, sent, *part) if _has_quote(ctx, sent, *part) else None
            for piece in [whole] if whole else _around_quotes(ctx, sent, *part):
                span = whole or _clean(text, *piece)
                if (
                    span is None
                    or (whole is None and _has_quote(ctx, sent, *span))
                    or any(a < span[1] and span[0] < b for a, b in taken)
                ):
                    continue
                taken.append(span)
                out.append((attr, *span))

    # According to X, CLAUSE.
    lead = rx.match(r"According to\s+", text[s:end])
    if lead:
        comma = text.find(",", s + lead.end(), end)
        own = next((v for v in _verbs(ctx, sent, comma + 1, end) if v.group() in INDIRECT_VERBS),
                   None) if comma > 0 else None
        if own is not None and _OWN_SUBJECT.fullmatch(text, comma + 1, own.start()):
            comma = -1  # "According to Iranian news agencies, he said ...": he says it, they relay it
        if comma > 0:
            speaker = resolve_np_start(text, s + lead.end(), comma, ctx.actors, ctx.salience)
            if speaker:
                emit(Attribution(speaker, "according to", (s, comma)), comma + 1, end)
                return out
    # CLAUSE, according to X. -- unless the clause has its own verb of saying ("Israel said it had
    # agreed to the truce, which is now in effect, according to Trump": Israel said so)
    tail = rx.search(r",\s+according to\s+([^,]{2,80})$", text[s:end])
    if tail and any(v.group() in INDIRECT_VERBS for v in _verbs(ctx, sent, s, s + tail.start())):
        tail = None
    if tail:
        speaker = resolve_np_start(text, s + tail.start(1), end, ctx.actors, ctx.salience)
        if speaker:
            emit(Attribution(speaker, "according to", (s + tail.start(), end)), s, s + tail.start())
            return out
    verbs = _verbs(ctx, sent, s, end)
    if not verbs:
        return out
    _parenthetical(ctx, sent, verbs, end, emit)
    if out:
        return out
    for verb in verbs:
        if verb.group() not in INDIRECT_VERBS and verb.group() not in _OBJECT_VERBS:
            continue
        if _NEGATED.search(text[max(s, verb.start() - 12) : verb.start()]):
            continue
        if verb.group() in _PARTICIPLES and _OF_A_NOUN.search(text, max(s, verb.start() - 24), verb.start()):
            continue  # "in a statement posted on X (...), denied that ...": the noun's, not a saying
        speaker = subject(ctx, sent, verb, verbs)
        if speaker is None:
            continue
        start = _clause_start(ctx, sent, verb, end)
        if start is None:
            continue
        stop = end
        aside = _SPEAKER_ASIDE.search(text, start, end) or _WHERE_SAID.search(text, start, end)
        if aside:  # "X said A, but did not say when": what follows is the speaker's, not reported
            stop = aside.start()
        if verb.group().endswith("ing"):
            other = _NEXT_PARTICIPLE.search(text, start, stop)
            if other:  # "claiming that Iran had won and downplaying the damage": his second act
                stop = other.start()
        if verb.group() in ("accused", "accuses", "accusing"):
            more = rx.search(r"\s+and\s+(?=\w+\s)", text[start:end])
            nxt = [v for v in verbs if v.start() > start]
            if more and nxt and start + more.end() == nxt[0].start():
                stop = start + more.start()
        emit(Attribution(speaker, verb.group(), (s, start)), start, stop)
    return out


# a second participle of the one speaking after a clause a participle reports ("claiming that Iran
# had won a victory and downplaying the damage"): "and", a word in -ing after a word that is not one
# ("enriching and selling" is one list), and its object
_NEXT_PARTICIPLE = re.compile(
    r"(?<![A-Za-z]ing)[,”\"’]?\s+and\s+(?:then\s+|also\s+)?[a-z]+ing\s+"
    r"(?=(?:the|a|an|his|her|its|their|that|any|all|what|how|reports|claims)\b)")


# the subject of a verb of saying that opens the clause after "According to X,": a pronoun or a name
_OWN_SUBJECT = re.compile(r"\s*(?:he|she|they|it|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+(?:also\s+)?")


# a participle describing a written text, not a verb of saying: "a statement posted on X", "a video
# released on Monday", "a letter published by ..."
_OF_A_NOUN = re.compile(r"\b(?:statement|message|post|video|letter|note|comments?|remarks|readout)\s+$", re.I)
_PARTICIPLES = frozenset(("posted", "written", "released", "published", "issued", "shared", "tweeted"))


# a second predicate of the one speaking, after the reported clause: "..., but did not specify when",
# "but declined to give details", "but gave no date"
_SPEAKER_ASIDE = re.compile(
    r",?\s+but\s+(?:(?:he|she|they|it)\s+)?(?:did not|didn't|didn’t|declined|refused|would not|wouldn't|"
    r"wouldn’t|gave no|offered no|stopped short)\b")


# where the words were said, after the reported clause: ", in a joint statement released by ...",
# ", in an interview with ...", ", at a news conference in ..."
_WHERE_SAID = re.compile(
    # after the clause's comma, or after the quoted words' comma and closing mark ('went "well,"
    # in his first public comment ...': the clause keeps its quoted words whole)
    r"(?:,|(?<=,[”\"’]))\s+(?:"
    r"(?:in|at|during|according to)\s+(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){0,2}"
    r"(?:statement|post|interview|readout|communiqu\w*|briefing|news conference|press conference|"
    r"comments?|remarks|speech|address|message)\b"
    # or who reported it, ending the sentence: "..., state television reported.", "..., the sources said."
    r"|(?:(?:the|a|an)\s+)?(?:[\w’'-]+\s+){0,3}reported(?=[\s.”\"]*$)"
    r"|(?:(?:the|a|an)\s+)?(?:[\w’'-]+\s+){0,2}sources\s+(?:said|say)(?=[\s.”\"]*$))")


_WEAK_END = re.compile(
    r"(?:\b(?:been|was|were|is|are|be|as|called|described|it|the|a|an|and|but|or|its|"
    r"their|his|her|remained|seemed|looked)|,)\s*$",
    re.I,
)


_SUBORDINATE = re.compile(r"\s*(?:if|when|while|as|because|although|though|unless|once|until)\b", re.I)


def _around_quotes(ctx: Context, sent: Sentence, start: int, end: int) -> list[tuple[int, int]]:
    """A clause holding a direct quote keeps its quote-free parts: what precedes the quote (cut
    at the last comma, or right before the quote when enough stands alone), and an "and ..."
    that follows it."""
    inside = [q for q in sent.quotes if start <= q.open_mark < end]
    if not inside:
        return [(start, end)]
    text = ctx.text
    out = []
    first = inside[0]
    head = text[start : first.open_mark]
    comma = head.rfind(",")
    if _SUBORDINATE.match(head):
        pass  # "if Europe wanted war, ...": not a statement of its own
    elif comma > 0 and len(head[:comma].split()) >= 5:
        out.append((start, start + comma))
    elif len(head.split()) >= 7 and not _WEAK_END.search(head):
        out.append((start, first.open_mark))
    last = inside[-1]
    close = (last.close_mark + 1) if last.close_mark is not None else last.end
    tail = rx.match(r"[\s,.”\"’]*(?:and|but)\s+(?:that\s+)?", text[close:end])
    if tail and len(text[close + tail.end() : end].split()) >= 4:
        out.append((close + tail.end(), end))
    return out


def _mixed(ctx: Context, sent: Sentence, start: int, end: int) -> tuple[int, int] | None:
    """A reported clause that carries some of the speaker's words in quote marks inside it ('he
    has reached a "very substantial framework" with He Lifeng', 'the deal could save "millions of
    lives"'): the whole clause, quoted words included (a mixed quote: the quoted words are also a
    direct quote of their own, and the two are one remark).  None when the clause opens with the
    quotation (a direct quote, not a mixed one), when a quotation runs past the clause or holds a
    sentence of its own, or when the quoted words are most of the clause."""
    span = _clean(ctx.text, start, end)
    if span is None:
        return None
    start, end = span
    inside = [q for q in sent.quotes if q.open_mark < end and start <= (q.close_mark or q.end)]
    if not inside:
        return None
    text = ctx.text
    quoted = 0
    for q in inside:
        close = q.close_mark
        if close is None or q.open_mark < start or close >= end:
            return None  # a quotation running past the clause
        words = text[q.open_mark + 1 : close].strip()
        if _FULL_STOP.search(words):
            return None  # a sentence of its own inside the clause: direct speech
        quoted += len(words.split())
    head = text[start : inside[0].open_mark]
    if head.rstrip().endswith((",", ":")) or _SUBORDINATE.match(head):
        return None  # 'if Europe wanted war, "we are ready right now"': the quotation is a clause of its own
    own = len(head.split())
    total = len(text[start:end].split())
    if own < MIXED_HEAD or quoted > MIXED_SHARE * total:
        return None
    return start, end


MIXED_HEAD = 2  # words of the reporter's own before the quoted words (fewer: the quote opens the clause)
MIXED_SHARE = 0.6  # at most this share of the clause's words in quote marks
_FULL_STOP = re.compile(r"[.!?][\"”’']?\s+[A-Z]")


def _split(text: str, start: int, end: int, keep: bool = True) -> list[tuple[int, int]]:
    """ "A, and that B" / "A but that B" -> A, B ("A and that B" stays one clause)."""
    parts = []
    pos = start
    for match in _SPLIT.finditer(text, start, end):
        if keep and not rx.match(r",|\s+but", match.group()):
            continue
        parts.append((pos, match.start()))
        pos = match.end()
    parts.append((pos, end))
    return parts


def _leads_to(text: str, verb: VerbHit, that: int) -> bool:
    """Only an object, modifiers or a few words stand between the verb and "that"."""
    between = text[verb.end() : that]
    if len(between.split()) <= 2:
        return True
    pos = verb.end()
    obj = rx.match(
        r"\s+(?:the |a |an |his |her |its |their )?(?:reporters|journalists|the press|"
        r"(?:[A-Z][\w.'’-]*\s?){1,4}|[\w'’-]+(?:\s[\w'’-]+)?)",
        text[pos:that],
    )
    if verb.group() in _OBJECT_VERBS and obj:
        pos += obj.end()
    while True:
        mod = _MODIFIER.match(text, pos, that)
        if not mod or mod.end() == pos:
            break
        pos = mod.end()
    return not text[pos:that].strip(" ,")


def _clause_start(ctx: Context, sent: Sentence, verb: VerbHit, end: int) -> int | None:
    """Where the reported clause begins after the verb: after "that" (within a few words), else
    after the verb's object and modifiers when what follows reads as a clause."""
    text = ctx.text
    window = text[verb.end() : min(end, verb.end() + 200)]
    for that in rx.finditer(r"\bthat\s+", window):
        between = window[: that.start()]
        if rx.search(r"[\"“”]", between):
            if rx.search(r"\b(?:and|but)\s+$", between):
                return verb.end() + that.end()  # '"very useful" and that CLAUSE'
            continue
        if rx.search(r",?\s*(?:and|but)\s+$", between):
            break  # "said A, but that B": the first clause starts at the verb
        if _leads_to(text, verb, verb.end() + that.start()):
            return verb.end() + that.end()
        break
    pos = verb.end()
    if verb.group() in _OBJECT_VERBS:
        obj = rx.match(
            r"\s+(?:the |a |an )?(?:reporters|journalists|the press|(?:[A-Z][\w.'’-]*\s?){1,4}|"
            r"[\w'’-]+(?:\s[\w'’-]+)?)",
            text[pos:end],
        )
        if obj:
            pos += obj.end()
        if verb.group() in ("accused", "accuses", "accusing", "described"):
            return verb.end() if verb.group() != "described" or " as " in text[pos - 40 : end] else None
        if verb.group() in ("urged", "warned"):
            return None
    while True:
        mod = _MODIFIER.match(text, pos, end)
        if not mod or mod.end() == pos:
            break
        pos = mod.end()
    after = text[pos:end].lstrip(" ,")
    adding = _ADDING.match(after)
    if adding:  # "said in his address on Wednesday, adding that CLAUSE": the clause after "that"
        return end - len(after) + adding.end()
    if not after or _CLAUSE_START_BAD.match(after) or after[:1] in "\"“‘'":
        return None
    if len(after.split()) < 4:
        return None
    return pos


_MODIFIER = re.compile(
    r"\s*(?:,\s*)?(?:(?:late |early )?(?:on |last |this )?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)(?: (?:night|morning|evening|afternoon))?|yesterday|today|(?:earlier|later) (?:on )?\w+|"
    r"on (?:Telegram|X|Twitter|Facebook|social media|Truth Social|television|state television|state TV)|"
    r"(?:in|during|at|after|following|before) (?:a|an|his|her|the|their|its|one of|"
    r"[A-Z][\w.'’-]*(?:'s|’s))[^,;.]{0,60}?"
    r"(?:address|statement|interview|post|briefing|conference|call|remarks|speech|appearance|meeting|"
    r"talks|session|summit|broadcast|message|video|event|visit|trip|chat)"
    r"(?: (?:address|message|statement|interview|post|briefing|conference|call|speech|remarks))?\b|"
    r"(?:to|in a briefing with) (?:reporters|journalists|the press|the media)|"
    r"(?:in|at|from) (?:the )?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}|"
    r"(?:on|in) (?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.? \d{1,2})",
    re.I,
)


_ADVERBIAL = re.compile(
    r"\s*(?:,|$|(?:after|before|when|while|as|following|during|in|at|on|from|afterwards|"
    r"later|separately|too|again|then|privately|publicly|repeatedly|"
    r"with|without|because|since|until|adding|citing|noting|arguing|stressing|"
    r"insisting|according|late|early|earlier|later)\b)",
    re.I,
)


def _only_modifiers(text: str, pos: int, end: int) -> bool:
    """After '..., X said': only when/where/how, never a clause of its own."""
    obj = rx.match(
        r"\s+(?:reporters|journalists|the press|the media|state media|state television)\b", text[pos:end]
    )
    if obj:
        pos += obj.end()
    while True:
        mod = _MODIFIER.match(text, pos, end)
        if not mod or mod.end() == pos:
            break
        pos = mod.end()
    return bool(_ADVERBIAL.match(text, pos, end))


def _parenthetical(ctx: Context, sent: Sentence, verbs: list[VerbHit], end: int, emit) -> None:  # type: ignore[no-untyped-def]
    """ "CLAUSE, X said (late on Tuesday ...)[, and CLAUSE2]." and "CLAUSE, said X."."""
    text = ctx.text
    s = sent.start
    for verb in verbs:
        if verb.group() not in INDIRECT_VERBS:
            continue
        comma = text.rfind(",", s, verb.start())
        if comma < s + 15 or _has_quote(ctx, sent, s, comma):
            continue
        between = text[comma + 1 : verb.start()]
        if len(between.split()) > 9:
            continue
        after = text[verb.end() : end]
        if not between.strip() and rx.match(r"\s+by\b", after):
            continue  # "the plan, announced by Pashinyan ...": a participle of the noun, no one reporting
        # "..., Ushakov said, and also touched on ..." / "..., he said, arguing that"
        rest = rx.match(r"[^,;]*?(?:,|$)", after)
        if rx.match(r"\s*(?:that\b|[\"“])", after) or rx.match(r"\s*,\s*[\"“]", after):
            continue
        if between.strip():
            # "Trump was also told that ..., he said": the pronoun is not someone named in what it
            # reports (that one would be "I" or the name again), so it looks back from the comma
            speaker = resolve_np_end(text, comma + 1, verb.start(), ctx.actors, ctx.salience, comma + 1)
            if not _only_modifiers(text, verb.end(), end):
                continue
        else:
            speaker = resolve_np_start(text, verb.end() + 1, end, ctx.actors, ctx.salience)
            if speaker is not None and (
                speaker.how == "pronoun" or not rx.match(r"[^,;]{0,80}(?:,|$)", text[speaker.end : end])
            ):
                continue
        if speaker is None:
            continue
        attr = Attribution(speaker, verb.group(), (comma, verb.end() + (rest.end() if rest else 0)))
        emit(attr, s, comma)
        if rest and rest.group().endswith(","):
            second = verb.end() + rest.end()
            tail = text[second:end]
            if rx.match(r"\s*(?:and|but)\s+(?!that\b)", tail) and not rx.match(
                r"\s*(?:and|but)\s+\w+ing\b", tail
            ):
                emit(attr, second, end)
        return
