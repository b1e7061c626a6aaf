"""Direct and indirect quotes with their speaker, reporting verb, date and hedge.

Attribution is looked for only inside the quote's own sentence, in this order:
right after the closing mark ('," Peskov said' / '," said Peskov' / '," according to'),
then the nearest reporting verb before the opening mark whose subject resolves
('Ushakov described the talks as "useful"'), then a reporting verb later in the sentence.
A sentence that is nothing but a quote continues the quote of the sentence before it
(and a quote left open at a paragraph's end continues into the next paragraph).
Short quoted phrases that nobody is said to have said are scare quotes or titles.
The date a remark was made comes from its attribution, then from the sentence outside the
quotation (for indirect speech, outside the reported clause: "are expected in Berlin at the
weekend, officials said" was said on the publication day, not at the weekend).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import Evidence, Precision, Quote
from .. import item_id
from . import rx
from .actors import modifies_next
from .context import Context, is_headline, lc
from .dates_en import DateRef, best, part_value
from .names import NOT_OPENING_NAME as _NOT_OPENING_NAME
from .names import ORG_WORDS, mid_sentence
from .speakers import (
    UNKNOWN,
    Attribution,
    Speaker,
    antecedent,
    resolve_np_end,
    resolve_np_start,
    sentence_subject,
)
from .text import QuoteSpan, Sentence

EXTRACTOR = "quotes.en.v21"

HEDGE = lc(
    r"\b(reportedly|allegedly|according to (?:(?:two |three |several |unnamed |anonymous )?(?:sources|people|"
    r"reports?|media|a person|persons|officials|an official|a source|insiders|diplomats)[\w ]{0,40})|"
    r"(?:is|was|are|were) said to|(?:is|was|were|are) quoted as saying|quoted [\w .]{1,40} as saying|"
    r"sources (?:said|say|told)|it (?:is|was) (?:understood|reported)|(?:media|press) reports?|"
    r"(?:is|was) (?:understood|believed) to|purportedly|rumou?red)\b"
)
_SCARE_BEFORE = re.compile(
    r"(?:principle of|slogan of|motto of|so-called|so called|dubbed|titled|entitled|named|known as|"
    r"the term|the word|the phrase|"
    r"the slogan|the label|the motto|labelled|labeled|the notion of|the idea of|nicknamed|"
    r"billed as|branded as)\s*$",
    re.I,
)
_EVALUATIVE = re.compile(r"\b(?:as|called|calls|call|described|termed|branded|dubbed it|said)\s*$")
_TRIVIAL = re.compile(r"^[\s\"“”‘’'.,;:!?—–-]*$")


@dataclass(slots=True)
class Found:
    span: QuoteSpan
    start: int
    end: int
    attribution: Attribution | None
    sentence: Sentence
    how: str


_TITLE_SLOT = re.compile(
    r"(?:\b(?:on|to|told|tells|with|in|of|from|during|at|host of|anchor of)|['’]s|s['’]|"
    r"\b(?:book|memoir|novel|film|movie|documentary|show|series|program|programme|column|essay|"
    r"headline|album|song|podcast|website|blog|newsletter|autobiography|anthem|hymn|poem|ballad|"
    r"op-ed|titled|entitled)[,:]?)\s*$",
    re.I,
)
# not anyone's words: a label ("Related:"), a handle, a hashtag, an address, a bare date
_NOT_WORDS = re.compile(
    r"\s*(?:[\w ]{1,30}:|[@#][\w.]+|(?:https?://|www\.)\S+|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}|\d{1,2}/\d{1,2}/\d{2,4})"
    r"[\s.,]*",
    re.I,
)
_MINOR = frozenset(("of", "the", "and", "for", "on", "in", "a", "to", "with", "&", "at", "an"))


def _is_title(ctx: Context, q: QuoteSpan, content: str) -> bool:
    """A show, book or paper named in quotation marks, or words that are no one's: 'on ABC's
    "Good Morning America"', 'in his book, "A Time for Truth,"', '"Related:"', '"@handle"'."""
    if _NOT_WORDS.fullmatch(content):
        return True
    before = ctx.text[max(0, q.open_mark - 40) : q.open_mark].rstrip("'‘`")
    bare = content.strip().rstrip(",.!?").split()
    para = ctx.paragraphs[q.paragraph] if 0 <= q.paragraph < len(ctx.paragraphs) else None
    if (
        para is not None
        and not q.continued  # the last paragraph of a quotation that runs over several
        and bare
        and len(bare) <= 8
        and not ctx.text[para.start : q.open_mark].strip()
        and not ctx.text[(q.close_mark if q.close_mark is not None else q.end) + 1 : para.end].strip(" .,\n")
        and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _MINOR for w in bare)
        and sum(w[:1].isupper() for w in bare) >= 2
    ):
        return True  # a paragraph of a few title-case words in marks: a sub-heading ("'All Bets Are Off.'")
    # a show or book named after "on", "to", "'s" ... with its comma inside the marks: 'on "Meet the Press,"'
    bare = content.strip().rstrip(",.").split()
    return bool(
        bare
        and len(bare) <= 6
        and bare[0][:1].isupper()
        and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _MINOR for w in bare)
        and _TITLE_SLOT.search(before)
    )


def _is_scare(ctx: Context, q: QuoteSpan, content: str) -> bool:
    words = content.split()
    before = ctx.text[max(0, q.open_mark - 40) : q.open_mark]
    if _SCARE_BEFORE.search(before):
        return True
    if _is_title(ctx, q, content):
        return True
    if len(words) <= 6 and not rx.search(r"[.?,]$", content.strip()):
        caps = [w for w in words if w[:1].isupper() or w[:1].isdigit()]
        minor = [w for w in words if w.lower() in ("of", "the", "and", "for", "on", "in", "a", "to")]
        if (
            len(words) >= 2
            and len(caps) + len(minor) == len(words)
            and len(caps) >= 2
            and not _EVALUATIVE.search(before)
        ):
            return True  # a title or a name: "Coalition of the Willing"
        if rx.search(r"\d+-point|^\d", content):
            return True
    return False


@dataclass(frozen=True, slots=True)
class VerbHit:
    begin: int
    finish: int
    word: str

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def group(self) -> str:
        return self.word


def _verbs(ctx: Context, start: int, end: int, quotes: list[QuoteSpan]) -> list[VerbHit]:
    out = []
    for s, e, word in ctx.verbs(start, end):
        if any(q.open_mark <= s < (q.close_mark if q.close_mark is not None else q.end) for q in quotes):
            continue
        out.append(VerbHit(s, e, word))
    return out


def _after(ctx: Context, q: QuoteSpan, limit: int, sent: Sentence) -> Attribution | None:
    """'," Peskov said' / '," said Peskov' / '," according to Peskov' right after the mark."""
    if q.close_mark is None:
        return None
    a = q.close_mark + 1
    segment = ctx.text[a:limit]
    lead = rx.match(r"[\s,;:—–-]*", segment)
    s = a + (lead.end() if lead else 0)
    if rx.match(r"(?:and|but|while|or|as|because|which|who|that|if|unless|whether|until|although|though)\b",
                ctx.text[s:limit], re.I):
        return None  # a clause of the reporter's sentence goes on ("... if the US continues its ...")
    according = rx.match(r"according to\s+", ctx.text[s:limit], re.I)
    if according:
        speaker = resolve_np_start(ctx.text, s + according.end(), limit, ctx.actors, ctx.salience)
        if speaker:
            return Attribution(speaker, "according to", (a, limit))
    verbs = _verbs(ctx, s, limit, [])
    if not verbs:
        return None
    verb = verbs[0]
    if verb.start() == s:  # inverted: '," said Peskov'
        if verb.group().endswith("ing") or rx.match(r"\s+that\b", ctx.text[verb.end():limit]):
            return None  # '," adding that Trump had agreed': a clause of the speaker before, no inversion
        speaker = resolve_np_start(ctx.text, verb.end() + 1, limit, ctx.actors, ctx.salience)
        if speaker:
            return Attribution(speaker, verb.group(), (a, limit))
        return None
    between = ctx.text[s : verb.start()]
    if rx.search(r"[\"“”]", between):
        return None
    if len(between.split()) > 12:
        return _long_appositive(ctx, s, verbs, (a, limit))
    speaker = resolve_np_end(ctx.text, s, verb.start(), ctx.actors, ctx.salience, sent.start)
    if speaker:
        return Attribution(speaker, verb.group(), (a, limit))
    return _long_appositive(ctx, s, verbs, (a, limit))  # "state" in "the state court" is no verb


_NAME_COLON = re.compile(r"\s*:\s*$")
# A signature after a quotation that ends its paragraph: '"..." ― Pamela Padilla', '"..." - Jorge
# Falcon, a voter in Phoenix' (reader roundups, epigraphs, social-media posts).
_SIGNATURE = re.compile(
    r"[^\S\n]*[―—–-][^\S\n]*(?P<name>[A-Z][\w’'.-]+(?:[^\S\n]+(?:[A-Z][\w’'.-]*|de|del|la|van|von|da|dos|bin)){1,4})"
    r"[^\S\n]*(?:[.,;]|,[^\n]{0,100})?[^\S\n]*(?:\n|$)"
)


def _signature(ctx: Context, q: QuoteSpan) -> Attribution | None:
    """'"..." ― Pamela Padilla' at the end of a paragraph: the signed name speaks."""
    if q.close_mark is None:
        return None
    m = _SIGNATURE.match(ctx.text, q.close_mark + 1)
    if m is None:
        return None
    name = m.group("name").rstrip(".,")
    words = name.split()
    if (
        any(w.lower() in _SIGNATURE_NOT or w.lower() in ORG_WORDS for w in words)
        or not 2 <= len(words) <= 5
        or any(w.isupper() and len(w) > 2 for w in words)
    ):
        return None
    start = m.start("name")
    known = [x for x in ctx.actors.between(start, start + len(name)) if not x.in_quote]
    if known:
        if known[0].kind != "person":
            return None
        actor_id, text = known[0].actor_id, known[0].text
    else:
        actor_id, text = ctx.actors.introduce(name, start), name
    speaker = Speaker(actor_id, text, start, start + len(name), "name")
    return Attribution(speaker, "said", (q.close_mark, m.end()))


# a transcript's line inside quotation marks: '"WALLACE: If I may, sir ...', '"MR. TRUMP: ...'
_TRANSCRIPT_LABEL = re.compile(
    r"\s*(?:(?:MR|MRS|MS|DR|SEN|REP|GOV)\.\s+)?(?P<name>[A-Z][A-Z'’-]{2,}(?: [A-Z][A-Z'’-]{2,})?):\s+"
)


def _labelled(ctx: Context, label: re.Match[str], at: int) -> Attribution | None:
    """The speaker a transcript line names in capitals: the person of the report with that surname
    (or name), else someone the report names so; None for a label that names no one ("Q", "NOTE")."""
    name = label.group("name")
    if name.lower() in _NOT_A_SPEAKER:
        return None
    words = name.title().split()
    for mention in reversed([m for m in ctx.actors.mentions if m.kind == "person" and m.start < at]):
        known = (ctx.actors.names.get(mention.actor_id) or mention.text).split()
        if known and [w.lower() for w in known[-len(words):]] == [w.lower() for w in words]:
            span = (at + label.start("name"), at + label.end("name"))
            return Attribution(Speaker(mention.actor_id, name, *span, "name"), "said", (at, at + label.end()))
    actor_id = ctx.actors.introduce(" ".join(words), at)
    speaker = Speaker(actor_id, name, at + label.start("name"), at + label.end("name"), "name")
    return Attribution(speaker, "said", (at, at + label.end()))


_NOT_A_SPEAKER = frozenset(
    "note update editor correction transcript question answer announcer crosstalk".split()
)


# words that end a quotation's paragraph after a dash without naming anyone who signs it
_SIGNATURE_NOT = frozenset(
    "the a an and or but reuters ap afp getty images photo file news press associated agency".split()
)


def _name_colon(ctx: Context, q: QuoteSpan, sent: Sentence) -> Attribution | None:
    """'Carl Bialik: "..."' (a roundup's quoted source) and 'Continued Stone: "..."': a person
    named right before a colon that opens the quote, with at most a reporting verb before."""
    colon = _NAME_COLON.search(ctx.text, sent.start, q.open_mark)
    if colon is None:
        return None
    mention = ctx.actors.ending_at(colon.start(), sent.start)
    if mention is None or mention.kind != "person" or mention.in_quote or mention.possessive:
        return None
    lead = ctx.text[sent.start : mention.start]
    verbs = _verbs(ctx, sent.start, mention.start, sent.quotes)
    dash = rx.search(r"\s[-–—]\s*$", lead)  # 'Pollsters agree - Carl Bialik: "..."'
    if (
        lead.strip()
        and not dash
        and not (len(verbs) == 1 and not lead[: verbs[0].start() - sent.start].strip())
    ):
        return None
    verb = verbs[0].group() if verbs and not dash else "said"
    speaker = Speaker(mention.actor_id, mention.text, mention.start, mention.end, "name")
    return Attribution(speaker, verb, (sent.start, q.open_mark))


# "X quoted Y as (having) said": the words are Y's, relayed by X
_QUOTED_AS = re.compile(r"\bquoted\s+(\S.{0,60}?)\s+as\s+(?:having\s+|being\s+)?$")


def _before(ctx: Context, q: QuoteSpan, sent: Sentence) -> Attribution | None:
    """The nearest reporting verb before the quote whose subject resolves."""
    if q is sent.quotes[0]:
        found = _name_colon(ctx, q, sent)
        if found is not None:
            return found
    quotes = sent.quotes
    verbs = _verbs(ctx, sent.start, q.open_mark, quotes)
    nearest: str | None = None  # "accused X of ... and said": the verb next to the quote
    for verb in reversed(verbs):
        # the subject region ends at the verb and starts after the last quote before it
        region_start = sent.start
        for other in quotes:
            close = other.close_mark if other.close_mark is not None else other.end
            if close < verb.start():
                region_start = max(region_start, close + 1)
        if verb.group() == "according":
            continue
        relayed = _QUOTED_AS.search(ctx.text, region_start, verb.start())
        if relayed is not None:  # "Misri quoted Modi as having reiterated that ...": Modi's words
            speaker = resolve_np_end(ctx.text, relayed.start(1), relayed.end(1), ctx.actors, ctx.salience,
                                     sent.start)
            if speaker is not None and speaker.how == "name":
                return Attribution(speaker, verb.group(), (region_start, q.open_mark))
        speaker = resolve_np_end(ctx.text, region_start, verb.start(), ctx.actors, ctx.salience, sent.start)
        if speaker:
            return Attribution(speaker, nearest or verb.group(), (region_start, q.open_mark))
        if nearest is None and _COORDINATED.search(
            ctx.text, max(sent.start, verb.start() - 12), verb.start()
        ):
            nearest = verb.group()
        elif nearest is None:
            nearest = ""  # a verb with its own (unresolved) subject: no coordination
    if verbs:
        last = verbs[-1]
        gap = ctx.text[last.end() : q.open_mark]
        if len(gap.split()) <= 25:
            speaker = sentence_subject(ctx.text, sent.start, last.start(), ctx.actors, ctx.salience)
            if speaker is not None:
                return Attribution(speaker, last.group(), (sent.start, q.open_mark))
    words = _IN_HIS_WORDS.search(ctx.text, sent.start, q.open_mark)
    if words:
        actor_id = antecedent(
            words.group(1).lower().replace("his", "he").replace("her", "she").replace("their", "they"),
            words.start(),
            ctx.actors,
            ctx.salience,
            sent.start,
            ctx.text,
        )
        if actor_id:
            return Attribution(
                Speaker(actor_id, words.group(), words.start(), words.end(), "pronoun"),
                "said",
                (sent.start, q.open_mark),
            )
    according = list(rx.finditer(r"\baccording to\s+", ctx.text[sent.start : q.open_mark], re.I))
    if according:
        s = sent.start + according[-1].end()
        speaker = resolve_np_start(ctx.text, s, q.open_mark, ctx.actors, ctx.salience)
        if speaker:
            return Attribution(speaker, "according to", (sent.start, q.open_mark))
    return None


_IN_HIS_WORDS = re.compile(r"\bin (his|her|their) (?:own )?words\b", re.I)
_COORDINATED = re.compile(r"(?:\b(?:and|but)(?:\s+(?:also|then|later|again))?)\s*$")


def _later(ctx: Context, q: QuoteSpan, sent: Sentence) -> Attribution | None:
    """A reporting verb later in the sentence: 'The talks were "useful", Ushakov told reporters.'"""
    end_q = q.close_mark if q.close_mark is not None else q.end
    for other in sent.quotes:
        if other.start > q.start:
            attribution = _after(ctx, other, _next_open(other, sent), sent)
            if attribution:
                return attribution
    if sent.quotes and sent.quotes[-1] is q:
        return None
    return _after_any(ctx, end_q, sent)


def _after_any(ctx: Context, start: int, sent: Sentence) -> Attribution | None:
    for verb in _verbs(ctx, start, sent.end, sent.quotes):
        region_start = start + 1
        for other in sent.quotes:
            close = other.close_mark if other.close_mark is not None else other.end
            if close < verb.start():
                region_start = max(region_start, close + 1)
        comma = ctx.text.rfind(",", region_start, verb.start())
        if comma >= 0:
            region_start = comma + 1
        speaker = resolve_np_end(ctx.text, region_start, verb.start(), ctx.actors, ctx.salience, sent.start)
        if speaker:
            return Attribution(speaker, verb.group(), (region_start, sent.end))
    return None


_INTRODUCES = False  # a verb in the sentence before is not enough (measured: 6 of 10 right)


def _long_appositive(
    ctx: Context, s: int, verbs: list[VerbHit], frame: tuple[int, int]
) -> Attribution | None:
    """'," Trump, the party's frontrunner and ... in the state, said': the person named right
    after the quote, whose appositive closes with a comma before the verb."""
    first = ctx.actors.between(s, s + 60)
    if (
        not first
        or first[0].start != s
        or first[0].kind != "person"
        or not ctx.text.startswith(",", first[0].end)
    ):
        return None
    for verb in verbs:
        between = ctx.text[s : verb.start()]
        if len(between.split()) > 40 or rx.search(r"[\"“”]", between):
            return None
        if between.rstrip().endswith(","):
            m = first[0]
            return Attribution(Speaker(m.actor_id, m.text, m.start, m.end, "name"), verb.group(), frame)
    return None


def _after_split(ctx: Context, q: QuoteSpan, sent: Sentence, idx: int) -> Attribution | None:
    """'“..., right?” Trump went on.': the sentence splitter cut after the closing mark; the
    attribution opens the next sentence of the paragraph."""
    if q.close_mark is None or idx + 1 >= len(ctx.sentences):
        return None
    if not _TRIVIAL.match(ctx.text[q.close_mark + 1 : sent.end]):
        return None
    if not _TRIVIAL.match(ctx.text[sent.start : q.open_mark]):
        return None  # 'adding that "..."': the quote belongs to its own sentence's speaker or to none
    nxt = ctx.sentences[idx + 1]
    if nxt.paragraph != sent.paragraph or not ctx.text[nxt.start : nxt.start + 1].isupper():
        return None
    limit = nxt.quotes[0].open_mark if nxt.quotes else nxt.end
    return _after(ctx, q, limit, nxt)


def _colon_intro(ctx: Context, prev: Sentence) -> Attribution | None:
    """A sentence ending in a colon whose reporting verb has a subject: 'Cruz continued:'."""
    if prev.quotes:
        return None
    if not ctx.text[prev.start : prev.end].rstrip().endswith(":") and not _INTRODUCES:
        return None
    region_start = prev.start
    for verb in _verbs(ctx, prev.start, prev.end, []):
        if verb.group() == "according":
            continue
        speaker = resolve_np_end(ctx.text, region_start, verb.start(), ctx.actors, ctx.salience, prev.start)
        if speaker:
            return Attribution(speaker, verb.group(), (prev.start, prev.end))
        speaker = sentence_subject(ctx.text, prev.start, verb.start(), ctx.actors, ctx.salience)
        if speaker:
            return Attribution(speaker, verb.group(), (prev.start, prev.end))
    return None


def _next_open(q: QuoteSpan, sent: Sentence) -> int:
    for other in sent.quotes:
        if other.open_mark > q.open_mark:
            return other.open_mark
    return sent.end


def _whole_sentence(ctx: Context, sent: Sentence) -> bool:
    """Nothing but quotation (and punctuation) in the sentence."""
    pos = sent.start
    for q in sent.quotes:
        if not _TRIVIAL.match(ctx.text[pos : q.open_mark]):
            return False
        pos = (q.close_mark + 1) if q.close_mark is not None else q.end
    return bool(sent.quotes) and bool(_TRIVIAL.match(ctx.text[pos : sent.end]))


# "Regarding negotiations held Wednesday with ..., Bessent emphasized ...": the day of another
# event the frame names, not the day the words were said
_OTHER_EVENTS_DAY = re.compile(r"\b(?:held|signed|reached|struck|concluded|hosted)\s+(?:on\s+)?$")


_POSSESSIVE = re.compile(r"['’]s\b")


def _others_day(ctx: Context, ref: DateRef, start: int = 0) -> bool:
    """A day that is another event's: "negotiations held Wednesday", "Saturday's talks"."""
    return (_OTHER_EVENTS_DAY.search(ctx.text, max(start, ref.start - 24), ref.start) is not None
            or _POSSESSIVE.match(ctx.text, ref.end) is not None
            or ctx.text[ref.start:ref.end].endswith(("'s", "’s")))


def _said_on(ctx: Context, spans: list[tuple[int, int]]) -> tuple[str | None, Precision] | None:
    refs: list[DateRef] = []
    for s, e in spans:
        refs.extend(r for r in ctx.dates(s, e, future=False) if not _others_day(ctx, r, s)
                    and not _after_report(ctx, r))
    ref = best(refs)
    return (ref.value, ref.precision) if ref else None


# a verb of saying in the past perfect: words said before the scene the report tells
_HAD_SAID = re.compile(r"\bhad\s+(?:\w+\s+)?(?:said|told|stated|claimed|insisted|warned|written|wrote|"
                       r"declared|announced|promised|predicted|boasted|argued)\b", re.I)


def _after_report(ctx: Context, ref: DateRef) -> bool:
    """A day after the report's own: not when its remarks were said ("Trump called Thanksgiving,
    which falls next Thursday, an 'appropriate' deadline": the day is the deadline's)."""
    return (ctx.anchor is not None and ref.precision == Precision.DAY and ref.value is not None
            and ref.value > ctx.anchor.isoformat())


def _minus(span: tuple[int, int], cut: tuple[int, int]) -> list[tuple[int, int]]:
    s, e = span
    if cut[1] <= s or cut[0] >= e:
        return [span]
    return [(s, cut[0]), (cut[1], e)]


def _paragraph_date(ctx: Context, sent: Sentence) -> tuple[str | None, Precision] | None:
    """The last day named earlier in the same paragraph (the scene the remark belongs to)."""
    para = ctx.paragraphs[sent.paragraph]
    refs = [
        r
        for r in ctx.dates(para.start, sent.start, future=False)
        if r.precision == Precision.DAY and not any(q.start <= r.start < q.end for q in para.quotes)
        and not _others_day(ctx, r)
    ]
    return (refs[-1].value, refs[-1].precision) if refs else None


def _frame_spans(sent: Sentence) -> list[tuple[int, int]]:
    spans = []
    pos = sent.start
    for q in sent.quotes:
        spans.append((pos, q.open_mark))
        pos = (q.close_mark + 1) if q.close_mark is not None else q.end
    spans.append((pos, sent.end))
    return [(s, e) for s, e in spans if e > s]


_PREPOSITIONS = re.compile(
    r"(?:\b(?:with|to|by|from|at|of|for|about|on|met|meeting|and|between|"
    r"against|toward|towards|without|told|urged|asked|called)\s+(?:the\s+)?)$",
    re.I,
)


_SPEECH_SCENE = re.compile(
    r"\b(?:spoke|speaking|told|said|says|briefing|briefed|address|addressed|conference|"
    r"interview|remarks|statement|reporters|journalists|comments|commented)\b"
)


def _record_salience(ctx: Context, sent: Sentence, speakers: list[str]) -> str | None:
    """Speakers, then the subject (first free person mention outside quotes), then mentions."""
    here = ctx.by_sentence[ctx.salience.sentence]
    for actor_id in speakers:
        # where the speaker is named in the sentence (the last speaker named is the nearest
        # antecedent of a "he" in the next sentence: "Trump said ..., while Xi noted ... Still, he ...")
        at = max((m.start for m in here if m.actor_id == actor_id), default=sent.start)
        ctx.salience.add(at, actor_id, "speaker")
    subject_taken = False
    subject = None
    # "Since launching his White House bid, Trump has ...": no subject inside an introductory phrase
    clause_start = sent.start
    if _SUBORDINATE.match(ctx.text, sent.start, sent.end):
        comma = ctx.text.find(",", sent.start, sent.end)
        clause_start = comma + 1 if comma > 0 else sent.start
    for mention in ctx.by_sentence[ctx.salience.sentence]:
        if mention.in_quote:
            continue
        if mention.start < clause_start:
            ctx.salience.add(mention.start, mention.actor_id, "mention")
            continue
        before = ctx.text[max(sent.start, mention.start - 20) : mention.start]
        if not subject_taken and mention.kind != "person":
            head = modifies_next(ctx.text, mention, ctx.by_sentence[ctx.salience.sentence])
            if head is not None:
                ctx.salience.add(mention.start, mention.actor_id, "mention")
                continue
        opens = not ctx.text[sent.start : mention.start].strip(" \t\n“\"‘'(")
        topic = mention.possessive and opens and mention.kind == "person"  # "Trump's own reading was ..."
        if not subject_taken and (topic or not mention.possessive) and not _PREPOSITIONS.search(before):
            ctx.salience.add(mention.start, mention.actor_id, "subject")
            subject_taken = True
            subject = mention.actor_id
        else:
            ctx.salience.add(mention.start, mention.actor_id, "mention")
    unknown = _unknown_subject(ctx, sent) if not speakers else None
    if unknown is not None:
        ctx.salience.add(sent.start, UNKNOWN, "subject")
        ctx.salience.unnamed[sent.start] = unknown
    return subject


# a sentence that opens with a subordinate clause or a prepositional phrase ended by a comma
_SUBORDINATE = re.compile(
    r"(?:in|on|at|after|before|during|when|while|as|since|until|despite|following|speaking|asked|if|"
    r"though|although|because|once|with|for|from|by|under|amid|like|unlike|throughout|without)\b",
    re.I,
)
_OPENING_NAME = re.compile(r"[“\"]?([A-Z][a-z’'-]+(?: [A-Z][a-z’'-]+){0,2})(?:’s|'s)?\s+[a-z]")


def _unknown_subject(ctx: Context, sent: Sentence) -> str | None:
    """The name no mention covers that opens the sentence ("Carson defied the question"):
    a later "he" is more likely that person than anyone named before."""
    match = _OPENING_NAME.match(ctx.text, sent.start, sent.end)
    if match is None or ctx.actors.between(match.start(1), match.end(1)):
        return None
    words = match.group(1).split()
    if words[0].lower() in _NOT_OPENING_NAME or words[0].lower().endswith(("ing", "ly", "ed")):
        return None
    if len(words) == 1 and not mid_sentence(ctx.text, words[0]):
        # "Along with her husband, ...": capitalised only because it opens the sentence; but
        # "Carson defied the question": a name followed by its verb
        following = rx.match(r"\s+([a-z]+)", ctx.text[match.end(1) : match.end(1) + 30])
        if following is None or following.group(1) in _NOT_AFTER_NAME:
            return None
    return match.group(1)


_NOT_AFTER_NAME = frozenset(
    "with of to in on for from by at the a an and or but that which who as into than about after before "
    "over under between through during against among around toward towards".split()
)


def _quote(
    ctx: Context,
    start: int,
    end: int,
    attr: Attribution | None,
    direct: bool,
    date: tuple[str | None, Precision],
    hedge: str | None,
) -> Quote:
    speaker = attr.speaker if attr else None
    return Quote(
        id=item_id("q", ctx.report.id, start, end, EXTRACTOR),
        speaker_id=speaker.actor_id if speaker else None,
        speaker_text=speaker.text if speaker else "",
        text=ctx.text[start:end],
        language="en",
        direct=direct,
        verb=attr.verb if attr else None,
        said_on=date[0],
        said_on_precision=date[1],
        hedge=hedge,
        evidence=(Evidence(report_id=ctx.report.id, start=start, end=end),),
        extractor=EXTRACTOR,
    )


def _hedge(ctx: Context, sent: Sentence, attr: Attribution | None) -> str | None:
    for s, e in _frame_spans(sent):
        match = HEDGE.search(ctx.lower, s, e)
        if match:
            return " ".join(match.group(1).lower().split()[:3])
    if attr and attr.speaker.actor_id and attr.speaker.actor_id.startswith("anon:"):
        return "anonymous source"
    return None


# verbs of an act, not of saying: the quoted words after them are the reporter's or the one reporting
# the act, not the actors' ("have agreed to a "full and immediate" ceasefire")
_ACTS = frozenset("agreed agree agrees agreeing accepted accept accepts".split())


def extract_quotes(ctx: Context) -> list[Quote]:
    from .indirect import indirect  # noqa: PLC0415 - indirect builds on this module's helpers

    quotes: list[Quote] = []
    prev_attr: Attribution | None = None
    prev_date: tuple[str | None, Precision] | None = None
    prev_para = -1
    chain: tuple[Attribution, tuple[str | None, Precision]] | None = None
    pending: list[tuple[int, int, Sentence]] = []
    split_next: tuple[int, Attribution, tuple[str | None, Precision]] | None = None
    last_date: dict[str, tuple[str | None, Precision]] = {}
    # Undated remarks: the publication date, no finer than its part of the month (no day invented).
    default: tuple[str | None, Precision] = (
        (part_value(ctx.anchor.year, ctx.anchor.month, ctx.anchor.day), Precision.PART_OF_MONTH)
        if ctx.anchor
        else (None, Precision.UNKNOWN)
    )

    def dated(
        attr: Attribution | None,
        sent: Sentence,
        inherited: tuple[str | None, Precision] | None,
        content: tuple[int, int] | None = None,
    ) -> tuple[str | None, Precision]:
        if attr is not None:
            found = _said_on(ctx, [attr.frame])
            if found:
                return found
        spans = _frame_spans(sent)
        if content is not None:  # indirect speech: a date inside what was said is not when it was said
            spans = [(s, e) for span in spans for s, e in _minus(span, content) if e > s]
        found = _said_on(ctx, spans)
        if found:
            return found
        if attr is not None and _HAD_SAID.search(ctx.text, *attr.frame):
            return default  # "Before the round, Trump had said ...": an earlier day, not the scene's
        if inherited:
            return inherited
        if attr and attr.speaker.actor_id and attr.speaker.actor_id in last_date:
            return last_date[attr.speaker.actor_id]
        scene = _paragraph_date(ctx, sent)
        if scene:
            return scene
        return default

    headline = is_headline(ctx)
    for idx, sent in enumerate(ctx.sentences):
        ctx.salience.sentence = idx
        speakers: list[str] = []
        if headline and sent.paragraph == 0:
            continue
        adjacent = sent.paragraph in (prev_para, prev_para + 1)
        whole = _whole_sentence(ctx, sent)
        sentence_attr: Attribution | None = None
        sentence_date: tuple[str | None, Precision] | None = None
        # the sentence's quotes attributed to the subject of an act before them ("agreed to a "..."
        # ceasefire"), which a reported clause around them may give to its speaker instead
        acted: list[tuple[int, tuple[str | None, Precision], str | None]] = []
        for q in sent.quotes:
            content = ctx.text[q.start : q.end]
            start, end = q.start, q.end
            while end > start and ctx.text[end - 1].isspace():
                end -= 1
            if end <= start:
                continue
            inherited = None
            label = _TRANSCRIPT_LABEL.match(content)
            if label:  # '"WALLACE: If I may, sir, ...': a transcript's line, its speaker named first
                attr = _labelled(ctx, label, q.start)
                if attr is not None:
                    start = q.start + label.end()
                    date = dated(None, sent, None)
                    quotes.append(_quote(ctx, start, end, attr, True, date, _hedge(ctx, sent, attr)))
                    if attr.speaker.actor_id:
                        speakers.append(attr.speaker.actor_id)
                    chain = None  # the next line of the transcript names its own speaker
                    continue
            attr = _signature(ctx, q) if q is sent.quotes[-1] else None
            how = "after"
            if attr is None:
                attr = _after(ctx, q, _next_open(q, sent), sent)
            if attr is None:
                attr = _before(ctx, q, sent) or _later(ctx, q, sent)
                how = "sentence"
            if attr is None and q is sent.quotes[-1]:
                attr = _after_split(ctx, q, sent, idx)
                how = "split"
            if attr is None and q.continued and chain is not None:
                attr, inherited = chain
                how = "chain"
            if attr is None and whole and adjacent and prev_attr is not None:
                attr, inherited, how = prev_attr, prev_date, "continuation"
            if attr is None and whole and adjacent and idx > 0 and q is sent.quotes[0]:
                attr = _colon_intro(ctx, ctx.sentences[idx - 1])  # 'Cruz called them on it:' + quote
                how = "introduced"
            if attr is None:
                if q.continues:
                    pending.append((start, end, sent))
                    continue
                if _is_scare(ctx, q, content) or len(content.split()) < 6 or not whole:
                    continue
            elif (how in ("sentence", "split") and _is_scare(ctx, q, content)) or _is_title(ctx, q, content):
                continue  # a title in quotation marks is no one's words, whoever is said to speak next
            date = dated(attr, sent, inherited)
            hedge = _hedge(ctx, sent, attr)
            if attr is not None:
                if pending:
                    for p_start, p_end, p_sent in pending:
                        quotes.append(
                            _quote(ctx, p_start, p_end, attr, True, date, _hedge(ctx, p_sent, attr))
                        )
                    pending = []
                if attr.speaker.actor_id:
                    speakers.append(attr.speaker.actor_id)
                    last_date.setdefault(attr.speaker.actor_id, date)
                    if date != default:
                        last_date[attr.speaker.actor_id] = date
                sentence_attr, sentence_date = attr, date
                if how == "split":  # the next sentence, which holds the attribution, passes it on
                    split_next = (idx + 1, attr, date)
            quotes.append(_quote(ctx, start, end, attr, True, date, hedge))
            if how == "sentence" and attr is not None and attr.verb in _ACTS:
                acted.append((len(quotes) - 1, date, hedge))
            if q.continues and attr is not None:
                chain = (attr, date)
            elif not q.continues:
                chain = None if not q.continued else chain
        clauses: list[tuple[Attribution, int, int]] = []
        for attr, start, end in indirect(ctx, sent):
            if True:
                date = dated(attr, sent, None, (start, end))
                quotes.append(_quote(ctx, start, end, attr, False, date, _hedge(ctx, sent, attr)))
                clauses.append((attr, start, end))
                if attr.speaker.actor_id:
                    speakers.append(attr.speaker.actor_id)
                    if date != default:
                        last_date[attr.speaker.actor_id] = date
                sentence_attr, sentence_date = attr, date
        for at, date, hedge in acted:
            # "Trump announced that India and Pakistan have agreed to a "full and immediate"
            # ceasefire": the words are the reported clause's, so its speaker's, not the parties'
            q_ev = quotes[at].evidence[0]
            holder = next((a for a, s_, e_ in clauses if s_ <= q_ev.start and q_ev.end <= e_
                           and a.speaker.actor_id and a.speaker.actor_id != quotes[at].speaker_id), None)
            if holder is not None:
                quotes[at] = _quote(ctx, q_ev.start, q_ev.end, holder, True, date, hedge)
        if sentence_attr is None and split_next is not None and split_next[0] == idx:
            sentence_attr, sentence_date = split_next[1], split_next[2]
        prev_attr, prev_date = sentence_attr, sentence_date
        prev_para = sent.paragraph
        subject = _record_salience(ctx, sent, speakers)
        if subject and not speakers and _SPEECH_SCENE.search(ctx.text, sent.start, sent.end):
            scene = _said_on(ctx, _frame_spans(sent))
            if scene:
                last_date[subject] = scene
    return quotes
