"""What every English extractor shares for one report: segmentation, mentions, anchor date."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date

from ...model import Report
from ..gazetteer import Gazetteer
from . import rx, wordscan
from .actors import Mention, ReportActors, find_mentions, gender_hints, index_for
from .dates_en import DateRef, Hit, anchor_of, resolve_hits, scan
from .lexicon import IRREGULAR_REPORTING, REPORTING_LEMMAS, inflections
from .names import discover
from .speakers import Salience
from .text import Paragraph, QuoteSpan, Sentence, quote_marks, segment
from .wordscan import Family, Key


def lc(pattern: str) -> re.Pattern[str]:
    """A case-insensitive pattern compiled to run, faster, on the lower-cased text (``Context.lower``)."""
    return re.compile(
        rx.sub(
            r"\\.|\(\?P<\w+>|[A-Z]",
            lambda m: m.group() if m.group()[0] in "\\(" else m.group().lower(),
            pattern,
        )
    )


def lowered(text: str) -> str:
    """``text.lower()`` with every offset kept (characters whose lower case is longer stay as they are)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


_VERB_WORDS = (
    "say|says|said|saying|tell|tells|told|add|adds|added|insist|insists|insisted|fume|fumed|quip|quipped|"
    "write|writes|wrote|written|post|posts|posted|state|states|stated|declare|declares|declared|note|notes|noted|"
    "stress|stresses|stressed|emphasi[sz]e|emphasi[sz]es|emphasi[sz]ed|warn|warns|warned|argue|argues|argued|"
    "claim|claims|claimed|assert|asserts|asserted|explain|explains|explained|remark|remarked|reply|replied|"
    "respond|responded|answer|answered|continue|continued|observe|observed|acknowledge|acknowledges|"
    "acknowledged|admit|admits|admitted|concede|conceded|announce|announced|confirm|confirms|confirmed|"
    "deny|denies|denied|complain|complained|lament|lamented|recall|recalled|predict|predicted|suggest|"
    "suggests|suggested|urge|urged|vow|vowed|pledge|pledged|promise|promised|tweet|tweeted|counter|countered|"
    "retort|retorted|joke|joked|muse|mused|caution|cautioned|maintain|maintains|maintained|reiterate|"
    "reiterated|underline|underlined|underscore|underscored|point out|pointed out|went on|conclude|"
    "concluded|boast|boasted|thunder|thundered|snap|snapped|scoff|scoffed|describe|describes|described|"
    "call|calls|called|characteri[sz]ed|dismiss|dismissed|brand|branded|term|termed|label|labell?ed|"
    "hail|hailed|praise|praised|critici[sz]ed|accuse|accused|blame|blamed|demand|demanded|ask|asked|"
    "wonder|wondered|agree|agreed|affirm|affirmed|contend|contended|allege|alleged|assure|assured|"
    "brag|bragged|charge|charged|comment|commented|disclose|disclosed|echo|echoed|exclaim|exclaimed|"
    "hint|hinted|indicate|indicated|mention|mentioned|object|objected|opine|opined|proclaim|proclaimed|"
    "protest|protested|reaffirm|reaffirmed|reassure|reassured|recount|recounted|reflect|reflected|"
    "remind|reminded|reveal|revealed|shout|shouted|signal|signall?ed|speculate|speculated|"
    "summari[sz]ed|testify|testified|voice|voiced|sigh|sighed|insisting|adding|warning|noting|telling|"
    "writing|stressing|arguing|calling|describing|acknowledging|accusing|signall?ing|claiming|suggesting|"
    "stating|declaring|explaining|complaining|repeating|repeated|restated|reiterating"
)
VERB = re.compile(rf"\b(?:{_VERB_WORDS})\b")
_WORD = re.compile(r"\b[a-z]+\b")
_PHRASAL = {
    "point": "out",
    "points": "out",
    "pointed": "out",
    "pointing": "out",
    "went": "on",
    "goes": "on",
    "shot": "back",
    "shoots": "back",
    "fired": "back",
    "fires": "back",
    "chimed": "in",
    "chimes": "in",
}


def verb_hits(text: str) -> list[tuple[int, int, str]]:
    """Every reporting verb of the text (what ``VERB`` finds), from one pass over its words."""
    out: list[tuple[int, int, str]] = []
    words = VERB_FORMS
    starts = _VERB_WORDS_AT.starts(text)[0]
    # a match of _WORD is a whole run of word characters (\b at both ends): the runs that can be verbs
    found = _WORD.finditer(text) if starts is None else (_RUN.match(text, at) for at in starts)
    for match in found:
        if match is None:
            continue
        word = match.group()
        if word in _PHRASAL:
            particle = _PHRASAL[word]
            end = match.end()
            if (
                text.startswith(" " + particle, end)
                and not text[end + 1 + len(particle) : end + 2 + len(particle)].isalnum()
            ):
                out.append((match.start(), end + 1 + len(particle), f"{word} {particle}"))
            continue
        if word in words and not (word == "state" and _STATE_NOUN.match(text, match.end())):
            out.append((match.start(), match.end(), word))
    return out


# "state" as a noun's modifier, not the verb: "Iranian state television", "state media", "a state visit"
_STATE_NOUN = re.compile(
    r"[\s-]+(?:television|tv|media|news|broadcaster|radio|agency|press|run|owned|controlled|visit|department|"
    r"secretary|officials?|council|dinner|funeral|banquet|affiliated|backed|sponsored|of)\b",
    re.I,
)


def _expand(alternation: str) -> frozenset[str]:
    forms: set[str] = set()
    for alt in alternation.split("|"):
        options = [""]
        for part in rx.findall(r"\[[^\]]+\]|.\?|.", alt):
            if part.startswith("["):
                options = [o + ch for o in options for ch in part[1:-1]]
            elif part.endswith("?") and len(part) == 2:
                options = [o + x for o in options for x in ("", part[0])]
            else:
                options = [o + part for o in options]
        forms.update(o for o in options if " " not in o)
    return frozenset(forms)


VERB_FORMS = (
    _expand(_VERB_WORDS)
    | IRREGULAR_REPORTING
    | frozenset(form for lemma in REPORTING_LEMMAS for form in inflections(lemma) if lemma not in ("point",))
)
_RUN = re.compile(r"[a-z]+\b")
_VERB_WORDS_AT = Family(
    [Key(frozenset(VERB_FORMS | _PHRASAL.keys()))],  # case-folded words: a superset of the verbs
    group=wordscan.TEXT,
)
# Verbs that introduce reported speech (indirect: "X said that ...", "..., X said.")
INDIRECT_VERBS = {
    "say",
    "says",
    "said",
    "tell",
    "tells",
    "told",
    "add",
    "adds",
    "added",
    "insist",
    "insists",
    "insisted",
    "stress",
    "stresses",
    "stressed",
    "warn",
    "warns",
    "warned",
    "note",
    "notes",
    "noted",
    "argue",
    "argues",
    "argued",
    "claim",
    "claims",
    "claimed",
    "acknowledge",
    "acknowledges",
    "acknowledged",
    "suggest",
    "suggests",
    "suggested",
    "write",
    "writes",
    "wrote",
    "announce",
    "announced",
    "confirm",
    "confirms",
    "confirmed",
    "explain",
    "explained",
    "emphasise",
    "emphasize",
    "emphasised",
    "emphasized",
    "maintain",
    "maintains",
    "maintained",
    "reiterate",
    "reiterated",
    "predict",
    "predicted",
    "state",
    "states",
    "stated",
    "declare",
    "declared",
    "admit",
    "admitted",
    "concede",
    "conceded",
    "signal",
    "signaled",
    "signalled",
    "indicate",
    "indicated",
    "post",
    "posted",
    "tweet",
    "tweeted",
    "recall",
    "recalled",
    "underline",
    "underlined",
    "underscore",
    "underscored",
    "point out",
    "pointed out",
    "caution",
    "cautioned",
    "complain",
    "complained",
    "deny",
    "denied",
    "denies",
    "assert",
    "asserted",
    "reveal",
    "revealed",
    "hint",
    "hinted",
    "fume",
    "fumed",
    "quip",
    "quipped",
    "vow",
    "vowed",
    "promise",
    "promised",
    "pledge",
    "pledged",
    "assure",
    "assured",
    "contend",
    "contended",
    "allege",
    "alleged",
    "affirm",
    "affirmed",
    "reaffirm",
    "reaffirmed",
    "insisting",
    "adding",
    "warning",
    "noting",
    "stressing",
    "arguing",
    "saying",
    "signalling",
    "signaling",
    "claiming",
    "suggesting",
    "stating",
    "declaring",
    "explaining",
    "repeated",
    "reiterating",
    "replied",
    "responded",
    "answered",
    "countered",
    "retorted",
    "replies",
    "responds",
}


@dataclass(slots=True)
class Context:
    report: Report
    text: str
    paragraphs: list[Paragraph]
    sentences: list[Sentence]
    actors: ReportActors
    anchor: date | None
    lower: str = ""
    verb_hits: list[tuple[int, int, str]] = field(default_factory=list)
    date_hits: list[Hit] = field(default_factory=list)
    by_sentence: list[list[Mention]] = field(default_factory=list)  # mentions of each sentence
    salience: Salience = field(default_factory=Salience)
    quote_owner: dict[int, tuple[str | None, str]] = field(default_factory=dict)  # quote start -> speaker
    sentence_starts: list[int] = field(default_factory=list)

    def sentence_at(self, pos: int) -> Sentence | None:
        """The sentence holding ``pos`` (a binary search), or None."""
        idx = bisect_right(self.sentence_starts, pos) - 1
        found = self.sentences[idx] if 0 <= idx < len(self.sentences) else None
        return found if found is not None and pos < found.end else None

    @property
    def quote_spans(self) -> list[QuoteSpan]:
        return [q for p in self.paragraphs for q in p.quotes]

    def verbs(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Reporting verbs inside [start, end): (start, end, verb)."""
        out = []
        hits = self.verb_hits
        for at in range(bisect_left(hits, (start,)), len(hits)):
            hit = hits[at]
            if hit[0] >= end:
                break
            if hit[1] <= end:
                out.append(hit)
        return out

    def dates(self, start: int, end: int, future: bool | None = None) -> list[DateRef]:
        return resolve_hits(self.text, self.date_hits, start, end, self.anchor, future)


def build(report: Report, gazetteer: Gazetteer) -> Context:
    text = quote_marks(report.text)  # same length: every offset still points into report.text
    paras = segment(text)
    sentences = [s for p in paras for s in p.sentences]
    index = index_for(gazetteer)
    spans = [(q.start, q.end) for p in paras for q in p.quotes]
    actors = ReportActors(index=index)
    find_mentions(text, actors, spans)
    verbs = verb_hits(text)
    people, names = discover(text, sentences, actors, spans, [v[0] for v in verbs])
    if people:  # read again, now knowing them (and their surnames) from the first mention on
        actors = ReportActors(index=index, unknown=people, names=names, hints=gender_hints(text, names))
        find_mentions(text, actors, spans)
    by_sentence: list[list[Mention]] = [[] for _ in sentences]
    starts = [sent.start for sent in sentences]
    for mention in actors.mentions:
        idx = bisect_right(starts, mention.start) - 1
        if idx >= 0 and mention.end <= sentences[idx].end:
            by_sentence[idx].append(mention)
    return Context(
        report=report,
        text=text,
        paragraphs=paras,
        sentences=sentences,
        actors=actors,
        anchor=anchor_of(report.published_at),
        date_hits=scan(text),
        by_sentence=by_sentence,
        sentence_starts=starts,
        lower=lowered(text),
        verb_hits=verbs,
    )


def is_headline(ctx: Context) -> bool:
    """The first paragraph is the report's title (build_report puts it there)."""
    if not ctx.report.title or not ctx.paragraphs:
        return False
    first = ctx.paragraphs[0]
    squash = lambda value: rx.sub(r"\W+", "", value.casefold())  # noqa: E731
    return squash(ctx.text[first.start : first.end]) == squash(ctx.report.title)
