"""Dated events: meetings, calls, proposals, leaks, acceptances, rejections, demands,
accusations, planned meetings and statements (PLOVER's CONSULT / PROPOSE / AGREE /
REJECT / DEMAND / ACCUSE where they fit).

Every trigger outside quotation marks is a candidate, so one sentence may report
several events ("talks in Miami that began on Dec. 4 and a meeting in Moscow on Dec. 2").
A sentence is cut into clauses (at ";", dashes, ", and", ", but", ", while" ...).

Dates, in this order (a day is never invented):

1. the date expressions of the trigger's clause, each given to the trigger it follows
   ("met in Geneva on Nov. 23") or, when none precedes it, the trigger it announces
   ("On Tuesday, Putin received ..."); a date next to a reporting or asking verb ("said on
   Tuesday", "asked on Wednesday what would come of the meeting", "Trump on Wednesday called
   the talks ...") is the date of that verb, and no trigger takes a date across such a verb;
2. a relative expression: "a day after <X>" puts X one day before the main clause's date;
   "the day before", "the same day", "that night", "hours earlier", "a week earlier" count
   from the nearest date before them in the sentence, else from the last dated event;
3. the other date expressions of the sentence, when no other trigger owns them;
4. for a definite mention with no date ("the talks", "the Miami round"), the event it
   refers back to (merged with it); one with neither date nor participants ("Trump, asked on
   Wednesday what would come of the Moscow meeting, ...") is no event.

A multi-day meeting is dated by its first day: "ended two days of talks on Monday" is the
Sunday; a date given as the end ("wrapped up on Saturday") yields to a start given
elsewhere ("the round began on Friday").  A deadline ("until Thanksgiving", "Thanksgiving,
Nov. 27, as the deadline") is not the date of the demand: without another date the demand
is dated by the deadline's month.

Participants are the actors of the trigger's clause outside quotation marks, not the one
reporting it (unless they are also its subject: "Zelensky wrote after a call with Witkoff"),
nor, for a meeting or call, the one who speaks of it, asks about it or judges it ("Trump on
Wednesday called his envoys' talks ...", "Trump, asked about the meeting, ..."; but "Trump
described his meeting with Putin"), not a possessive that only qualifies a title; group
nouns ("the envoys", "his envoys") are the people the report names as such (the Trump of
"Witkoff and Trump's son-in-law Jared Kushner" is not one); "the Russian leader" is the
leader the report names.
Events of one kind that share the date and a participant (or a proposal, or are a
definite back-reference) are merged, keeping every piece of evidence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date as Date
from datetime import timedelta

from ...model import Event, Evidence, Precision, Quote
from .. import event_plover, item_id, places, still_to_come
from . import meetings, rx, wordscan
from .actors import Mention, modifies_next
from .context import Context, is_headline, lc
from .dates_en import DateRef
from .lexicon import TITLE_WORDS
from .proposals import ProposalMention
from .speakers import antecedent, resolve_title
from .text import Sentence
from .wordscan import Family, Key

EVENTS_EXTRACTOR = "events.en.v25"

PLACES = {
    "Moscow": "Moscow",
    "Kremlin": "Moscow",
    "Kyiv": "Kyiv",
    "Kiev": "Kyiv",
    "Washington": "Washington",
    "White House": "Washington",
    "Geneva": "Geneva",
    "Miami": "Miami",
    "Florida": "Florida",
    "Hallandale Beach": "Hallandale Beach",
    "Abu Dhabi": "Abu Dhabi",
    "Berlin": "Berlin",
    "London": "London",
    "Downing Street": "London",
    "Paris": "Paris",
    "Bishkek": "Bishkek",
    "Istanbul": "Istanbul",
    "Riyadh": "Riyadh",
    "Jeddah": "Jeddah",
    "Anchorage": "Anchorage",
    "Alaska": "Alaska",
    "Brussels": "Brussels",
    "Doha": "Doha",
    "Budapest": "Budapest",
    "Minsk": "Minsk",
    "Helsinki": "Helsinki",
    "Rome": "Rome",
    "Vatican": "Vatican",
    "Mar-a-Lago": "Mar-a-Lago",
    "Palm Beach": "Palm Beach",
    "New York": "New York",
    "Munich": "Munich",
    "Davos": "Davos",
    "The Hague": "The Hague",
    "Copenhagen": "Copenhagen",
    "Johannesburg": "Johannesburg",
}
# and every city or region of the shared places data (communique/data/places.json)
for _known in places.load().places.values():
    PLACES.setdefault(_known.name_en, _known.name_en)
_PLACE_ALT = "|".join(sorted((re.escape(p) for p in PLACES), key=len, reverse=True))
_PLACE = re.compile(
    r"\b(?:in|at|to|from|visit(?:s|ed|ing)?)\s+(?:the\s+)?(?:(?:[A-Z][\w.'’-]+\s+){0,3}"
    r"(?:city|capital|resort|resort town|resort city|town|port|port city|region|province|state)(?: of|,)\s+"
    r"|(?:Florida|US|U\.S\.|Swiss|German|British|Emirati|Russian|Ukrainian)\s+)?(" + _PLACE_ALT + r")\b"
)
_PLACE_LOWER = _PLACE_ALT.lower()
_NEG = re.compile(r"(?:\bnot|n't|\bnever|\bwould|\bcould|\bmight|\bto) $")
# Agreements reached and documents signed (PLOVER AGREE): "X and Y agreed on a framework", "X struck
# a deal with Y", "X signed an executive order", "a deal was reached between X and Y".  The trigger
# runs from the verb to the first word naming a deal; "announced" counts only with "between" / "with".
_DEAL = (
    r"(?:deals?|agreements?|accords?|pacts?|frameworks?|cease-?fires?|truces?|treaty|treaties|armistice|"
    r"memorand(?:um|a|ums)(?: of understanding)?|executive orders?|(?:first|second|initial) phase|settlement)"
)
_AGREEMENT = lc(
    r"\b(?P<verb>(?:agreed|signed)(?: off)? (?:in principle )?(?:to |on |upon )?|agreed in principle |"
    r"(?:reached|struck|sealed|clinched|inked|finali[sz]ed|hammered out|concluded|announced|brokered) )"
    r"(?:(?!(?:to|that|which|but|if|whether|with|between|after|before|in|on|for|as|said|reach|sign|strike|"
    r"seal|conclude|finali[sz]e|negotiate|work|seek|pursue|hold|continue|make|keep|extend|push|implement|"
    r"accelerate|speed|resume|restart)\b)"
    r"[^\s.;:,()]+ ){0,6}?[\"“‘']?" + _DEAL + r"\b"
    r"(?![-\s]+(?:negotiations|talks|discussions|meetings?|consultations)\b)"  # "ceasefire talks"
    r"|\bagreed in principle\b"
    r"|\b(?P<noun>" + _DEAL + r") (?:(?:was|were|had been|has been|have been) )?"
    r"(?:reached|agreed(?: upon)?|signed|struck|sealed|clinched)\b"
)
# A signed text that is no deal by its name: "signed a joint statement agreeing to a ceasefire",
# "signed a joint declaration" (issued or announced, such a text is a statement, not an agreement)
_SIGNED_TEXT = lc(
    r"\b(?P<verb>signed (?:off on )?)(?P<noun>)(?:(?:a|the|their|its|an?) )?(?:[a-z0-9-]+ ){0,2}?"
    r"(?:joint (?:statements?|declarations?|communiqu[eé]s?)|declarations?)\b"
)


def _agreement_match(lower: str, at: int) -> re.Match[str] | None:
    """The agreement trigger at ``at``: a deal's words, or a signed joint text."""
    return _AGREEMENT.match(lower, at) or _SIGNED_TEXT.match(lower, at)


# what makes an agreement no fact: denied, conditional, hoped for, still to come
_AGREEMENT_NOT = re.compile(
    r"(?:\b(?:not|never|no|yet|to|would|could|might|may|will|can|should|must|shall|if|whether|unless|"
    r"until|once)|n't)\s+(?:(?:have|has|had|be|been|also|already|officially|formally|finally|now|"
    r"reportedly|yet)\s+){0,2}$",
    re.I,
)
_AGREEMENT_FRAME = re.compile(
    r"\b(?:if|whether|unless|until|once|expect(?:s|ed|ing)?|hop(?:e|es|ed|ing)|seek(?:s|ing)?|sought|"
    r"aim(?:s|ed|ing)?|denied|denies|deny|rumou?r(?:s|ed)?|possible|possibly|optimistic|close to|"
    r"near(?:ing)?|on the verge)\b",
    re.I,
)
# where the agreeing subject's words begin: after a reporting verb or "that"
_AGREEMENT_SUBJECT_CUT = re.compile(
    r"\b(?:that|said|says|announced|announces|confirmed|reported|wrote|told [a-z]+|"
    r"according to [^,]{0,60},)\s",
    re.I,
)
_AGREEMENT_WITH = re.compile(r"\s+(?:(?!(?:to|that|which|for|on|in)\b)[\w-]+\s+){0,3}?(between|with)\s+")
_THEY = re.compile(r"\b(?:they|the two sides|both sides|the two countries|the two governments)\s+"
                   r"(?:(?:have|has|had|also|already|now|finally|officially|both)\s+){0,2}$", re.I)
_AGREEMENT_STOP = re.compile(
    r",|;|:|\.(?=\s|$)|\(|\)|\s[—–-]\s|\s(?:to|that|which|who|under|after|before|in|on|for|over|amid|as|"
    r"said|says|according|last|this|next)\s"
)
_SUMMARY_STOP = re.compile(
    r",|;|:|\.(?=\s|$)|\s[—–-]\s|\s(?:said|says|according to|after|as|amid|that|which|who|under which)\s|"
    r"\s(?:in|at) (?:the )?[A-Z]|"
    r"(?i:\s(?:on|in|late|early) (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|"
    r"may|june|july|august|september|october|november|december|jan\.|feb\.|aug\.|sept?\.|oct\.|nov\.|"
    r"dec\.)|\s(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|last|this|next) (?:week|month|year)?\b)"
)
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|this|that)\s+(?:[\w$%'’-]+\s+){0,4}$", re.I
)
_PRONOUN_SUBJECT = re.compile(
    r"\b(he|she)\s+(?:(?:has|had|have|also|already|now|finally|officially)\s+){0,2}$"
)
_TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    (
        "leak",
        lc(
            r"\b(?:leak(?:ed|s)?|was leaked|were leaked|surfaced|came to light|first reported|"
            r"(?:was|were) (?:published|reported) by)\b"
        ),
    ),
    (
        "counter_proposal",
        lc(r"\b(?:counter-?proposals?|counter-?plans?|counter-?offer|alternative (?:plan|proposal|draft))\b"),
    ),
    ("agreement", _AGREEMENT),
    ("agreement", _SIGNED_TEXT),
    (
        "phone_call",
        lc(
            r"\b(?:(?:tele)?phone (?:call|conversation|talks?)|spoke by (?:tele)?phone|spoke on the phone|"
            r"by (?:tele)?phone|call with|telephoned|(?:a|the) call|"
            r"(?:spoke|talked) with (?=[^;\n]{0,80}? (?:over|on) the (?:tele)?phone\b))"
        ),
    ),
    (
        "planned_meeting",
        lc(
            r"\b(?:(?:will|would|are due to|is due to|are expected to|is expected to|plans? to|are set to|"
            r"is set to|are scheduled to|is scheduled to|were due to|was due to|to)\s+"
            r"(?:meet|hold (?:further )?(?:talks|discussions)|"
            r"hold (?:[\w-]+ ){1,5}?(?:talks|meetings?|negotiations|discussions|summit)|"
            r"travel|visit|sit down|host|join|attend|"
            r"engage in (?:[\w-]+ ){0,2}(?:talks|negotiations))|"
            # "agreed to begin ceasefire negotiations", "set to start talks" (not "the plan would start
            # territorial talks from the line": what a text says should happen)
            r"to (?:begin|start|open|launch) (?:[\w-]+ ){0,3}?(?:talks|negotiations|discussions)|"
            # "talks will resume next Saturday" (not "met ... to resume their talks": why they met)
            r"(?:will|would|are due to|is due to|are expected to|is expected to|are set to|is set to|"
            r"are scheduled to|is scheduled to)\s+(?:resume|reconvene)(?=[.,;]|\s+(?:next|on|in|at|after|"
            r"later|this|soon|shortly|(?:the |their )?(?:talks|negotiations|discussions|meetings?))\b)|"
            r"(?:is|are|was|were) (?:due|expected) (?=in |at )|"
            r"will be in (?=[a-z. ]{2,50} for (?:talks|meetings?|negotiations)\b)|"
            r"upcoming (?:meeting|talks|round)|ahead of (?:the|a|his|her|their) (?:[\w-]+ ){0,2}?"
            r"(?:meeting|summit|talks)(?= with\b)|(?:meeting|talks|round) "
            r"(?:is|are|was|were) (?:planned|scheduled|expected)|(?:planned|scheduled|expected) "
            r"(?:meeting|talks)|preparing (?:the |for )?(?:meetings?|talks)|next round)\b"
        ),
    ),
    (
        "meeting",
        lc(
            r"\b(?:met|meet|meets|meeting|meetings|held talks|hold talks|holding talks|talks|"
            r"convened(?= (?:in|at) )|sat down|hosted|received|summit|negotiations|consultations|session|"
            r"discussions?(?= with\b)|"
            r"(?:welcomed|greeted) (?:a|an|the) (?:[\w-]+ ){0,2}delegation(?=,? (?:led|headed) by\b)|"
            r"during \w+(?:'s|’s) (?:(?:previous|recent|last|first|latest) )?(?:visit|trip)|"
            r"rounds?(?! of (?:sanctions|strikes|attacks|applause|voting|tariffs))|"
            r"spent (?:about |nearly |almost |some |more than )?(?:[a-z-]+ )?(?:hours|days) (?:with|in)|"
            r"(?:presented|brought|delivered|handed) (?:the|a|his|its|their) (?:[a-z-]+ ){0,2}"
            r"(?:document|plan|draft|proposal|text) to|"
            r"(?:agreed|hammered out|worked out|negotiated) (?:with [a-z. ]{1,30} )?in (?="
            + _PLACE_LOWER
            + r"))\b"
        ),
    ),
    (
        "partly_accept",
        lc(
            r"\b(?:some (?:things|points|elements|parts|proposals|provisions|ideas|of)\b[^.;]{0,60}?"
            r"(?:were|was|had been|could be) (?:accepted|agreed)|something (?:was|had been) accepted|"
            r"partly accept|partially accept|accepted in part|"
            r"accept(?:ed)? (?:some|parts))\b"
        ),
    ),
    (
        "accept",
        lc(
            r"\b(?:accept(?:ed|s)?|agreed to|endorsed|could serve as (?:a|the) basis|"
            r"could (?:be used as|form) (?:a|the) basis|(?:a|the) basis for)\b"
        ),
    ),
    (
        "reject",
        lc(
            r"\b(?:reject(?:ed|s|ing)?|unacceptable|ruled out|rules out|turned down|"
            r"refused|(?:is|was|are|were) not acceptable)\b"
        ),
    ),
    (
        "demand",
        lc(
            r"\b(?:demand(?:ed|ing)|demands (?:that|for)|ultimatum|deadline|gave \w+ until|give \w+ until|"
            r"wanted \w+ to accept|called for|calls for|insist(?:ed|s)? (?:on (?!(?:monday|tuesday|wednesday|"
            r"thursday|friday|saturday|sunday|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))|that))\b"
        ),
    ),
    (
        "accuse",
        lc(
            r"\b(?:accus(?:ed|es|ing)|blam(?:ed|es|ing)|hinder(?:ing|ed|s)?|fumed at|"
            r"obstruct(?:ing|ed|s)?|sabotag(?:ing|ed|es)|standing in the way)\b"
        ),
    ),
    (
        "statement",
        lc(
            r"\b(?:(?:nightly |evening |daily |televised )?video address|"
            r"address to the nation|nightly address|(?:news|press) conference|briefing reporters|"
            r"told reporters|told journalists|joint (?:statement|readout)|readout|in a statement|"
            r"spoke to reporters|speaking to reporters|told (?:his|the) [a-z ]{0,20}council|"
            r"resign(?:ed|s|ation)|stepped down|quit as)\b"
        ),
    ),
]
_KIND_ORDER = {kind: i for i, (kind, _p) in enumerate(_TRIGGERS)}
# the words a match of each kind's pattern may begin with (see wordscan); in the order of _TRIGGERS
_TRIGGER_KEYS = {
    "leak": Key.of("", "leak was were surfaced came first"),
    "counter_proposal": Key.of("", "counter alternative"),
    "agreement": Key.of(
        "",
        "agreed signed reached struck sealed clinched inked finali hammered concluded announced deal "
        "agreement accord pact framework ceasefire cease truce treat armistice memorand executive first "
        "second initial settlement",
    ),
    "phone_call": Key.of("a the by", "tele phone spoke call talked"),
    "planned_meeting": Key.of(
        "will would are is to were was ahead",
        "plan upcoming meeting talks round scheduled expected preparing next",
    ),
    "meeting": Key.of(
        "",
        "me held hold talks convened sat hosted received summit negotiat consultations session discussion "
        "round spent presented brought delivered handed agreed hammered worked welcomed greeted during",
    ),
    "partly_accept": Key.of("", "some partly partially accept"),
    "accept": Key.of("a the", "accept agreed endorsed could"),
    "reject": Key.of("is was are were", "reject unacceptable ruled rules turned refused"),
    "demand": Key.of("", "demand ultimatum deadline gave give wanted called calls insist"),
    "accuse": Key.of("", "accus blam hinder fumed obstruct sabotag standing"),
    "statement": Key.of(
        "in",
        "nightly evening daily televised video address news press briefing told joint readout spoke speaking "
        "resign stepped quit",
    ),
}
_TRIGGER_WORDS = Family([_TRIGGER_KEYS[kind] for kind, _p in _TRIGGERS], group=wordscan.LOWER)
_PROPOSAL_KINDS = lc(
    r"\b(?:propos(?:ed|es)|unveil(?:ed|s)|present(?:ed|s)|submitt(?:ed)|sent|"
    r"put forward|drew up|drafted|handed (?:over)?|delivered|circulated|tabled|"
    r"offered|sends|submits)\b"
)
_SAID = re.compile(
    r"\b(?:said|says|told|added|insisted|stressed|noted|quipped|fumed|wrote|asked|announced|warned)\b"
)
_SAY_AFTER = re.compile(
    r"(?:,[^,]{0,60},)?\s+(?:\w+ly\s+)?(?:said|says|told|added|wrote|insisted|stressed|quipped|fumed|"
    r"warned|noted|announced|confirmed)\b"
)
_TITLE_WORDS = re.compile(
    r"^\s+(?:aide|spokesman|spokeswoman|son-in-law|envoy|adviser|advisor|"
    r"negotiator|team|delegation|office|government|administration)",
    re.I,
)
_TITLE_ALT = "|".join(sorted((re.escape(w) for w in TITLE_WORDS), key=len, reverse=True))
_BOUNDARY = re.compile(
    r";|:\s|\s[—–-]\s|\s\|\s|--(?=[A-Z])|,\s+(?:and|but|while|whereas|although|though|even as|yet)\s|"
    r"(?<=,[\"”’])\s+(?:and|but|while|whereas|although|though|even as|yet)\s|"
    r"\b(?:said|says|told reporters|added)(?: that)?\s"
)
_DEADLINE = re.compile(
    r"\b(?:until|by|before|deadline(?: of)?|no later than|set|named|called)\s+(?:the\s+)?$"
    r"|\bdeadline\b[^.;]{0,30}$|\bfalls\s+(?:on\s+)?$|\bThanksgiving,\s+$|\bThanksgiving\s+on\s+$",
    re.I,
)
_DEADLINE_AFTER = re.compile(
    r"[^.;:]{0,70}?\bdeadline\b|,\s+(?:which falls|a deadline)|"
    r"\s+(?:to|for) (?:respond|answer|reply|accept|agree)",
    re.I,
)
# relative expressions: (pattern, days, direction) where direction +1 = later, -1 = earlier
_NUM = {"a": 1, "one": 1, "the": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "a few": None}
_RELATIVE = lc(
    r"\b(?P<n>a|one|the|two|three|four|five|six|\d)\s+(?P<unit>days?|weeks?)\s+"
    r"(?P<dir>after|before|earlier|later)\b|"
    r"\b(?P<hours>hours|minutes|shortly|moments|just hours)\s+(?P<hdir>after|before|earlier|later)\b|"
    r"\b(?P<same>the same day|that same day|later that (?:day|night|evening)|earlier that (?:day|night|"
    r"evening)|that (?:night|evening|morning|afternoon)|earlier in the day|later in the day|"
    r"on the same day)\b|"
    r"\b(?P<prev>the (?:previous|preceding) day|the day before)\b|\b(?P<next>the (?:next|following) day)\b"
)
_COMPLEMENT = re.compile(r"\s+(?:the|a|an|his|her|their|its|our|[A-Z]\w*|he|she|they|it|we|talks|meeting)\b")
_MULTI_DAY = lc(
    r"\b(?:ended|wrapped up|concluded|closed)\s+(?:(?:their|the|his|her|its)\s+)?"
    r"(?P<n>two|three|four|five|\d)(?:-|\s+)days?\s+(?:of|of talks)"
)
_END_DATE = lc(r"\b(?:ended|wrapped up|concluded|closed|ending|wrapping up)\b")
_START_DATE = lc(r"\b(?:began|opened|started|begins|opens|starts|kicked off)\b")
_NOUN_DEMAND = lc(r"(?:'s|’s|the|their|his|its|these|those|attaching|of)\s+$")
_DEFINITE = lc(r"(?:\bthe|\btheir|\bthis|\bthat|\bthose|\bthese|\bhis|\bits)\s+(?:[a-z-]+\s+){0,2}$")
_GROUP = re.compile(
    r"\b(?:the two envoys|the envoys|his envoys|(?:[A-Z]\w+|U\.S\.|US)(?:'s|’s)? envoys|the two Americans|"
    r"the American envoys|the U\.S\. envoys|the US envoys)\b(?!\s+[A-Z])"
)
_LEADER = re.compile(
    r"\bthe (?P<dem>Russian|Ukrainian|U\.S\.|US|American|French|British|German|Chinese|Turkish)"
    r" (?:leader|president|head of state)\b"
)
_WEEKDAY_NUM = {
    d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
}
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


@dataclass(slots=True)
class Draft:
    kind: str
    date: DateRef | None
    place: str | None
    participants: list[str]
    evidence: list[tuple[int, int]]
    summary: str
    sentence: int
    keys: set[str] = field(default_factory=set)
    definite: bool = False  # "the talks": may refer back to an event already met
    own_date: bool = False  # dated by its own clause (not by the sentence or context)
    end_date: bool = False  # the date is when it ended ("wrapped up on Saturday")
    start_date: bool = False  # the date is when it began
    alone: bool = False  # one of "separate meetings" a clause lists: merges only with the same people


@dataclass(slots=True)
class Trig:
    kind: str
    start: int
    end: int
    clause: tuple[int, int]
    refs: list[DateRef] = field(default_factory=list)
    shifted: DateRef | None = None
    span: tuple[int, int] | None = None  # where its place is named, when not its whole clause


def _shift(ref: DateRef, days: int, start: int, end: int) -> DateRef:
    if ref.precision != Precision.DAY:
        if abs(days) <= 1:
            return DateRef(start, end, ref.value, ref.precision, "relative")
        return DateRef(start, end, ref.value, ref.precision, "relative")
    value = (Date.fromisoformat(ref.value) + timedelta(days=days)).isoformat()
    return DateRef(start, end, value, Precision.DAY, "relative")


# "Trump's special envoy, Steve Witkoff, and his son-in-law, Jared Kushner, are ...": one subject
_APPOSED_NAME = re.compile(r"(?i:" + _TITLE_ALT + r")s?,\s+(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*$")
_APPOSED_NEXT = re.compile(r"(?:his|her|their|the|[A-Z][\w.-]*(?:'s|’s))\s+(?:[\w-]+\s+){0,3}?(?i:"
                           + _TITLE_ALT + r")s?,\s+[A-Z]")


# "The Iranian delegation, led by Abbas Araghchi, and the American delegation, headed by Steve
# Witkoff, met": one subject of two delegations, each with its leader
_LED_DELEGATION = re.compile(r"\b(?:delegations?|teams?|sides?),\s+(?:led|headed)\s+by\s+[^,;]{3,80}$")
_NEXT_DELEGATION = re.compile(r",?\s*and\s+(?:the\s+|an?\s+|its\s+|their\s+)?(?:[\w.-]+\s+){0,3}?"
                              r"(?:delegations?|teams?|sides?)\b")


def _clause_bounds(ctx: Context, sent: Sentence) -> list[int]:
    bounds = [sent.start]
    for match in _BOUNDARY.finditer(ctx.text, sent.start, sent.end):
        if any(q.start <= match.start() < q.end for q in sent.quotes):
            continue
        if (
            match.group().startswith(",")
            and _APPOSED_NAME.search(ctx.text, max(sent.start, match.start() - 80), match.start())
            and _APPOSED_NEXT.match(ctx.text, match.end())
        ):
            continue  # a subject of two titled names, each with its title before it
        if (_LED_DELEGATION.search(ctx.text, max(sent.start, match.start() - 100), match.start())
                and _NEXT_DELEGATION.match(ctx.text, match.start())):
            continue  # a subject of two delegations, each with its leader
        bounds.append(match.start())
    bounds.append(sent.end)
    return bounds


def _clause(bounds: list[int], pos: int) -> tuple[int, int]:
    i = bisect_right(bounds, pos) - 1
    i = max(0, min(i, len(bounds) - 2))
    return bounds[i], bounds[i + 1]


def _is_deadline(ctx: Context, ref: DateRef) -> bool:
    return bool(
        _DEADLINE.search(ctx.text, max(0, ref.start - 30), ref.start)
        or _DEADLINE_AFTER.match(ctx.text, ref.end, ref.end + 40)
    )


def _relatives(
    ctx: Context, sent: Sentence, refs: list[DateRef], context: DateRef | None
) -> tuple[list[DateRef], list[tuple[int, int, DateRef]]]:
    """Relative expressions of a sentence: adverbial ones as date refs ("the day before"),
    and complements ("a day after <X>") as (scope start, scope end, date for X)."""
    adverbial: list[DateRef] = []
    scoped: list[tuple[int, int, DateRef]] = []
    for match in _RELATIVE.finditer(ctx.lower, sent.start, sent.end):
        if any(q.start <= match.start() < q.end for q in sent.quotes):
            continue
        s, e = match.span()
        before = [r for r in refs if r.end <= s]
        if match["n"]:
            n = _NUM.get(match["n"])
            if n is None:
                n = int(match["n"]) if match["n"].isdigit() else 1
            days = n * (7 if match["unit"].startswith("week") else 1)
            direction = match["dir"]
        elif match["hours"]:
            days, direction = 0, match["hdir"]
        elif match["same"]:
            days, direction = 0, "later"
        elif match["prev"]:
            days, direction = 1, "earlier"
        else:
            days, direction = 1, "later"
        complement = (
            direction in ("after", "before")
            and match["same"] is None
            and bool(_COMPLEMENT.match(ctx.text, e))
            and not (match["prev"] or match["next"])
        )
        if complement:
            # "<main clause on D>, a day after <X>": X is on D - 1 ("before": D + 1)
            base = before[-1] if before else None
            if base is None:
                after = [r for r in refs if r.start >= e]
                continue_ = not after
                if continue_:
                    continue
                # "A day after <X on D>, <main>": the main clause is on D + 1 -- no event to shift
                continue
            shift = -days if direction == "after" else days
            scoped.append((e, sent.end, _shift(base, shift, s, e)))
        else:
            base = before[-1] if before else context
            if base is None:
                continue
            shift = -days if direction in ("earlier", "before") else days
            adverbial.append(_shift(base, shift, s, e))
    return adverbial, scoped


def _mention_ok(ctx: Context, idx: int, mention: Mention, kind: str, trig: Trig) -> bool:
    text = ctx.text
    if mention.in_quote or mention.actor_id.startswith("anon:"):
        return False
    if (
        len(mention.text) > 2
        and mention.text.isupper()
        and mention.kind != "organization"
        and _DATELINE_MARK.match(text, mention.end)
    ):
        return False  # a dateline ("RIGA —", "LONDON—"), not a party (but "the U.S. and China" are)
    if mention.source == "metonym" and _TITLE_DATELINE.match(text, mention.end):
        return False  # "Kuala Lumpur, Aug 7 (IANS) Cambodia and Thailand ...": the dateline
    if mention.possessive and _TITLE_WORDS.match(text[mention.end + 2 : mention.end + 30]):
        return False
    if mention.kind == "person" and _PERSON_AS_BODY.match(text, mention.end):
        return False  # "the Trump administration": his government, not the man at the table
    if mention.kind != "person" and modifies_next(text, mention, ctx.by_sentence[idx]):
        return False
    before = text[max(0, mention.start - 50) : mention.start]
    if (
        (mention.source == "metonym" or mention.text in PLACES or mention.kind == "country")
        and (_AT_PLACE.search(before) or _AT_PLACES.search(before) or _AT_NAMED_PLACE.search(before))
        and not (kind in _FRAMED_KINDS and _DELEGATION_FROM.search(before))
    ):
        return False  # a place, not a party ("in Muscat and Rome": both places)
    if "according to" in before and _ACCORDING.search(before):
        return False  # a source, not a party
    if (
        (
            mention.source == "metonym"
            or mention.text in PLACES
            or (kind in _FRAMED_KINDS and mention.kind == "country")
        )
        and (_TO_PLACE.search(before) or (mention.kind == "country" and _VISIT_PLACE.search(before)))
        and (mention.start != trig.end + 1 or ctx.lower.endswith("visit", trig.start, trig.end))
    ):  # "travel to Egypt", "visits to China", "will visit the U.S.": where, not who
        return False
    if mention.source == "metonym" and rx.match(
        r"\s+(?:round|talks|meeting|summit|session|framework|plan|format|process)\b", text[mention.end :]
    ):
        return False  # "the Berlin round": where, not who
    if mention.source == "metonym" and kind in _FRAMED_KINDS and _CITY_HOSTS.match(text, mention.end):
        return False  # "Doha is hosting talks between Israel and Hamas": where, not who
    if kind in _FRAMED_KINDS and (_HOSTS_THE_TALKS.match(text, mention.end)
                                  or _SERVES_AS_HOST.match(text, mention.end)):
        return False  # "Oman's foreign minister hosted the meeting in Muscat": its host, not a side
    if mention.kind == "country" and _CITY_BEFORE.search(before):
        return False  # "in Muscat, Oman": the city's country, where, not who
    if kind in _FRAMED_KINDS and _BY_GO_BETWEEN.search(before):
        return False  # "talks mediated by Oman", "the round will be announced by Oman": a go-between
    if kind in _FRAMED_KINDS and mention.kind == "country" and _PLACE_IN_BRACKETS.search(before):
        return False  # "in Madrid (Spain)": where, not who
    if (
        kind != "demand"
        and mention.kind in ("bloc", "organization", "country")
        and _NOT_AGENT.search(before[-14:])
        and not _LEADERS_OF.search(before)
        and not (kind in _FRAMED_KINDS and _DELEGATION_FROM.search(before))
    ):
        return False  # "join NATO", "bid to join the alliance", "from the West"
    # "Russian forces", "Ukrainian soil": an adjective, not a party
    return not (
        mention.source == "demonym" and kind != "proposal" and not _AGENT_NOUN.match(text, mention.end)
    )


_PERSON_AS_BODY = re.compile(r"\s+(?:administration|government|camp|White House|team)\b")
_CITY_HOSTS = re.compile(r"\s+(?:(?:is|was|has been|had been|will be)\s+)?(?:\w+ly\s+)?host(?:s|ed|ing)\b")
# hosting the talks themselves (not "hosted Witkoff"): the host of talks between others
_HOSTS_THE_TALKS = re.compile(
    r"\s+(?:(?:is|was|has been|had been|will be)\s+)?(?:\w+ly\s+)?"
    r"(?:host(?:s|ed|ing)|facilitat(?:es|ed|ing))\s+(?:the|these|this|a|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:meeting|talks|negotiations|round|session|discussions|consultations)\b")
# "Oman would serve as the host for the round", "Qatar will act as mediator": a go-between
_SERVES_AS_HOST = re.compile(
    r"\s+(?:(?:would|will|is to|was to|has agreed to|agreed to)\s+)?"
    r"(?:serve|serves|served|act|acts|acted)\s+as\s+(?:the\s+|a\s+)?(?:host|venue|mediator|go-between|facilitator)\b")
_BY_GO_BETWEEN = re.compile(
    r"\b(?:mediated|brokered|hosted|facilitated|announced|coordinated|organi[sz]ed|arranged)\s+"
    r"(?:[\w-]+\s+)?by\s+(?:the\s+)?$")
# "in Muscat, Oman", "in Rome, Italy": a known city, then its country
_CITY_BEFORE = re.compile(r"\b(?:" + _PLACE_ALT + r"),\s+$")
_TITLE_DATELINE = re.compile(
    r",\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\s*(?:\(|[—–-]|,\s*\d{4}\s*[(—–-])")
_DATELINE_MARK = re.compile(r"\s*(?:[—–-]|,|\(|\s[A-Z][a-z]{2})")
_WITH_ABSOLUTE = re.compile(r",\s+with\b")
_WITH_DOING = re.compile(
    r"[^;.]{0,100}?\b(?:working|mediating|pushing|trying|helping|seeking|acting|brokering|pressing)\b"
)
# "with Qatar, Egypt and the US mediating", "Qatar, which is mediating," (a comma only before the next
# name or what it does: not "Witkoff, convened in Rome, with Oman acting as mediator")
_MEDIATOR = re.compile(
    r"(?:[^.;,]|,\s+(?=[A-Z]|(?:which|who|as)\b|mediat|acting)){0,50}?"
    r"\b(?:mediat(?:ing|ed|ors?|e)|acting as (?:mediators?|go-betweens?)|brokering|"
    r"as (?:mediators?|hosts?))\b"
)
_PLACE_IN_BRACKETS = re.compile(r"[A-Z][\w-]+\s*\($")
# "Delegations from the United States and China met": the countries sent them
_DELEGATION_FROM = re.compile(
    r"\b(?:delegations?|officials|negotiators|representatives|envoys|teams?)\s+from\s+(?:the\s+)?"
    r"(?:[A-Z][\w.]*\s+(?:and|&)\s+(?:the\s+)?)?$",
    re.I,
)
_NOT_AGENT = re.compile(
    r"\b(?:join|joining|of|into|about|on|against|from|for|over|toward|towards)\s+(?:the\s+)?$", re.I
)
_LEADERS_OF = re.compile(
    r"\b(?:leaders?|heads?|presidents?|prime ministers?|governments?|delegations?|officials|"
    r"representatives|ministers?)\s+of\s+(?:the\s+)?$",
    re.I,
)
_AGENT_NOUN = re.compile(
    r"(?:\s+and\s+(?:the\s+)?(?:\w+|[A-Z][\w.]*\s+[A-Z][\w.]*))?\s+(?:delegations?|officials?|negotiators?|teams?|side|envoys?|"
    r"counterparts?|president|leaders?|diplomats?|governments?|administration|"
    r"representatives?|military officials)\b",
    re.I,
)


def _groups(ctx: Context) -> list[str]:
    """The people the report calls "the envoys": named right after "envoys", else the envoy the
    gazetteer knows and whoever is named with them ("Witkoff and Kushner")."""
    persons = [
        m
        for m in ctx.actors.mentions
        if m.kind == "person"
        and not m.in_quote
        and not (m.possessive and _TITLE_WORDS.match(ctx.text[m.end + 2 : m.end + 30]))
    ]
    for match in rx.finditer(r"\benvoys\s+", ctx.text):
        named = [m for m in persons if match.end() <= m.start < match.end() + 60]
        if len(named) >= 2 and rx.match(r"\s*(?:and|&)\s*$", ctx.text[named[0].end : named[1].start]):
            return [named[0].actor_id, named[1].actor_id]
    roles = ctx.actors.index.roles
    envoys = {
        m.actor_id for m in persons if any("envoy" in t for t, _a, u in roles.get(m.actor_id, []) if not u)
    }
    out: list[str] = []
    for i, m in enumerate(persons[:-1]):
        nxt = persons[i + 1]
        if _AND_TITLED.fullmatch(ctx.text, m.end, nxt.start) and (m.actor_id in envoys):
            for actor_id in (m.actor_id, nxt.actor_id):
                if actor_id not in out:
                    out.append(actor_id)
            break
    return out


# "Witkoff and Kushner", "Witkoff and Trump's son-in-law Jared Kushner"
_AND_TITLED = re.compile(r"\s+and\s+(?:[A-Z][\w.-]*(?:'s|’s)\s+(?:[a-z][\w-]*\s+){1,3})?")


def _leader(ctx: Context, demonym: str) -> str | None:
    country = ctx.actors.index.forms.get(demonym.lower().replace(".", ""))
    if not country:
        return None
    roles = ctx.actors.index.roles
    for mention in ctx.actors.mentions:
        if mention.kind == "person":
            for title, affiliation, until in roles.get(mention.actor_id, []):
                if (
                    until is None
                    and affiliation == country
                    and ("president" in title or "prime minister" in title)
                ):
                    return mention.actor_id
    return None


_SPLIT = re.compile(
    r"\b(?:when|after|before|while|since|which|that|who|where|whereas)\b|,\s+and\b|\band (?=[a-z]+ed\b)"
    r"|\bas (?=(?:the|their|his|her|its) )|,\s+as\b"
)
_NEW_SUBJECT = re.compile(
    r"\b(?:when|after|before|while|since|which|that|who|where|whereas)\b|\bas (?=(?:the|their|his|her|its) )"
)
_AFTER_CLAUSE = re.compile(
    r",\s+(where|which|whom|whose|after which|after|before|when|while|since|although|though|because|"
    r"followed by|amid|even as|as)\b|\s(?:on|about|over)\s+(?:how|what|whether|why)\b|\s(that)\s|"
    r"\s(?:as|while|amid|because)\s|,\s+(?:in\s+a\s+(?:joint\s+|written\s+)?statement|according\s+to|to|"
    r"marking|making|signall?ing|underscoring|highlighting|raising|bringing)\b"
)
# "When U.S. and Ukrainian officials met in Geneva, the two sides ...": the meeting's clause ends at the comma
_LEAD_SUBORDINATE = re.compile(
    r"\s*(?:When|As|After|While|Before|Since|Although|Though|Once|Until|Ahead of)\b"
)
_MEETING_VERB = re.compile(
    r"\b(?:met|meets?|held talks|holds talks|sat down|hosted|hosts|received|"
    r"spoke (?:by|on the) phone|joined|spent (?:[\w-]+ ){0,3}(?:hours|days) (?:with|in))\b"
)
_POSSESSIVE_PRONOUN = re.compile(r"\b(?:their|his|her|its)\s+(?:[\w-]+\s+){0,2}$")


def _split(text: str, a: Trig, b: Trig) -> int:
    """Where the words between two triggers stop speaking of the first: at the last "when", "after",
    "which", "and" ... between them, else at the second trigger."""
    last = None
    for match in _SPLIT.finditer(text, a.end, b.start):
        last = match
    return last.start() if last else b.start


def _regions(text: str, trig: Trig, trigs: list[Trig]) -> list[tuple[int, int]]:
    """Where a trigger's participants are named: its own stretch of the clause (cut between
    neighbouring triggers at "when", "after", "and" ...), and the clause's subject when the
    trigger shares it ("spent five hours with Putin and briefed Trump"; "their session with Putin")."""
    lo, hi = trig.clause
    same = sorted((t for t in trigs if t.clause == trig.clause), key=lambda t: t.start)
    if trig not in same:
        same = sorted([*same, trig], key=lambda t: t.start)
    i = same.index(trig)
    left = lo if i == 0 else _split(text, same[i - 1], trig)
    right = hi if i == len(same) - 1 else _split(text, trig, same[i + 1])
    comma = text.find(",", trig.end, right)
    if (
        comma != -1
        and _LEAD_SUBORDINATE.match(text, lo)
        and not (meetings.NOUN_TRIGGER.fullmatch(text, trig.start, trig.end) and text.startswith("After", lo))
    ):
        right = comma  # "When U.S. and Ukrainian officials met in Geneva, the two sides ...": its own clause
    absolute = _WITH_ABSOLUTE.search(text, trig.end, right)
    if absolute and _WITH_DOING.match(text, absolute.end()):
        right = (
            absolute.start()
        )  # "talks between Israel and Hamas, with Qatar and Egypt working to ...": helpers
    stop = _AFTER_CLAUSE.search(text, trig.end, right)
    if stop and stop.start() == trig.end and (stop.group(1) in ("which", "where") or stop.group(2)):
        stop = None  # "The Miami round, which opened on Thursday, brought X together with Y": the main clause
    if stop and not _MEETING_VERB.search(text, stop.end(), right):
        # "..., where Merz greeted the delegations", "..., after which Trump said": another clause (but
        # "..., where Rubio sat down with Umerov" tells who was at it)
        right = stop.start()
    regions = [(left, right)]
    if i > 0:
        first = same[0]
        cut = _split(text, same[i - 1], trig)
        shares = not _NEW_SUBJECT.match(text, cut) or _POSSESSIVE_PRONOUN.search(text, cut, trig.start)
        if shares:
            regions.append((lo, first.start))
    return regions


def _participants(
    ctx: Context,
    idx: int,
    trig: Trig,
    kind: str,
    groups: list[str] | None,
    trigs: list[Trig] | None = None,
    frame: list[tuple[int, int, str]] | None = None,
) -> list[str]:
    text = ctx.text
    regions = _regions(text, trig, trigs or [trig])
    out: list[str] = []
    noun = (
        kind in ("meeting", "phone_call")
        and meetings.NOUN_TRIGGER.fullmatch(text, trig.start, trig.end)
        and not any(_MEETING_VERB.search(text, lo, hi) for lo, hi in regions)
    )  # a meeting named only by a noun: its parties must be said around the noun
    for mention in ctx.by_sentence[idx]:
        if not any(lo <= mention.start < hi for lo, hi in regions):
            continue
        own = kind in _FRAMED_KINDS and meetings.praises_own(text, mention, (trig.start, trig.end))
        if (
            noun
            and not own
            and regions[0][0] <= mention.start < regions[0][1]
            and not meetings.noun_party(text, mention, (trig.start, trig.end))
        ):
            continue  # "thanked Egypt for pushing the negotiations forward": no party of them
        if not _mention_ok(ctx, idx, mention, kind, trig):
            continue
        if kind in _FRAMED_KINDS and meetings.qualifier(text, mention, ctx.by_sentence[idx]):
            continue  # "Brahimi, the UN envoy, met ...", "..., a White House official said"
        mediating = _MEDIATOR.match(text, mention.end) if kind in _FRAMED_KINDS else None
        if mediating and not mention.end <= trig.start < mediating.end():
            continue  # "with Qatar, Egypt and the US mediating": go-betweens, not parties (but "Hamas
            # held talks ... with Qatar mediating" is a side: the talks come between)
        if kind in _FRAMED_KINDS and mention.possessive and mention.start >= trig.end:
            continue  # "spoke by phone ... to discuss Trump's tariffs": the owner of something else
        say = _SAY_AFTER.match(text, mention.end)
        if say and say.end() <= trig.start:
            # the one reporting it, unless the event is theirs: "X wrote after a call with Y"
            gap = text[say.end() : trig.start]
            if not rx.search(
                r"\b(?:after|before|following|during|in)\s+(?:a|an|the|his|her|their)?\s*$", gap
            ):
                continue
        if say and mention.start >= trig.end:
            continue  # "..., after which Trump said": the one reporting
        if (
            kind in _FRAMED_KINDS
            and frame
            and not own
            and mention.end <= trig.start
            and _speaks_of(text, mention, trig, frame)
        ):
            continue  # "Trump on Wednesday called his envoys' talks ...", "Trump, asked about the meeting"
        if mention.actor_id not in out:
            out.append(mention.actor_id)
    if kind in ("meeting", "planned_meeting") and noun:
        sentence_start = ctx.sentences[idx].start
        _at, arrived = meetings.arrivals(text, sentence_start, (trig.start, trig.end), ctx.by_sentence[idx])
        out += [a for a in arrived if a not in out]
    if kind in ("meeting", "phone_call") and noun:
        opening = meetings.opening_subjects(
            text, ctx.sentences[idx].start, (trig.start, trig.end), ctx.by_sentence[idx]
        )
        out += [a for a in opening if a not in out]
    if kind in _FRAMED_KINDS:
        for actor in _unnamed(ctx, idx, trig, regions[0]):
            if actor not in out:
                out.append(actor)
    clause = "".join(text[lo:hi] for lo, hi in regions)
    if groups and kind != "accuse" and _GROUP.search(clause):
        out += [g for g in groups if g not in out]
        if kind in _FRAMED_KINDS:  # "the U.S. envoys" are the people, not their country
            spans = [m.span() for lo, hi in regions for m in _GROUP.finditer(text, lo, hi)]
            qualifying = {
                m.actor_id
                for m in ctx.by_sentence[idx]
                if m.kind != "person" and any(a <= m.start < b for a, b in spans)
            }
            out = [p for p in out if p not in qualifying]
    for match in _LEADER.finditer(clause):
        leader = _leader(ctx, match["dem"])
        if leader and leader not in out:
            out.append(leader)
    return out


def _unnamed(ctx: Context, idx: int, trig: Trig, region: tuple[int, int]) -> list[str]:
    """People a meeting clause puts at it by pronoun or description ("He met the president")."""
    sentence_start = ctx.sentences[idx].start

    def person(actor_id: str | None) -> str | None:
        return actor_id if actor_id and ctx.actors.kind(actor_id) == "person" else None

    def pronoun(word: str, pos: int) -> str | None:
        return person(antecedent(word, pos, ctx.actors, ctx.salience, sentence_start, ctx.text))

    def title(phrase: str, pos: int) -> str | None:
        found = person(resolve_title(phrase, pos, ctx.actors))
        named = found is not None and any(m.actor_id == found and m.start < pos for m in ctx.actors.mentions)
        return found if named else None  # someone the report has named, not a namesake from the gazetteer

    verb = not meetings.NOUN_TRIGGER.fullmatch(ctx.text, trig.start, trig.end)
    prev = ctx.by_sentence[idx - 1] if idx > 0 else []
    mentions = [m for m in ctx.by_sentence[idx] if not m.in_quote]
    return meetings.unnamed_parties(
        ctx.text, region, (trig.start, trig.end), verb, mentions, prev, pronoun, title
    )


# reporting, asking and judging verbs: a date next to one is its date, its subject is no party
_FRAME_WORDS = frozenset(
    (
        "say says said tell tells told ask asks asked call calls called describe describes described "
        "add adds added insist insists insisted stress stresses stressed note notes noted warn warns warned "
        "write writes wrote announce announced quip quipped fume fumed reply replied respond responded "
        "answer answered explain explained comment commented remark remarked term termed brand branded "
        "hail hailed praise praised dismiss dismissed characterized characterised acknowledge "
        "acknowledged admit admitted deny denies denied claim claims claimed boast boasts boasted"
    ).split()
)
_AFTER_VERB = re.compile(r"\s+(?:\w+ly\s+)?")
_WHAT_BEFORE = re.compile(r"\bwhat\s+(?:[\w-]+\s+){0,3}$")  # "two days of what both sides described as ..."
_FRAME_GAP = re.compile(
    r"(?:\s*,)?\s+(?:(?:late|early|earlier|later)\s+)?"
    r"(?:(?:on|last|this)\s+[A-Z][\w.]*(?:\s+\d{1,2})?,?\s+)?(?:\w+ly\s+)?"
)
_OWN_EVENT = re.compile(r"\b(?:his|her|their|its)\s+(?:[\w-]+\s+){0,2}$")
_EVENT_OF_SPEAKER = re.compile(r"\b(?:after|before|following|during|in)\s+(?:a|an|the|his|her|their)?\s*$")


def _frame_verbs(
    text: str, verbs: list[tuple[int, int, str]], hits: list[tuple[str, int, int]]
) -> list[tuple[int, int, str]]:
    """The reporting, asking and judging verbs of a sentence that are not part of a trigger
    ("told reporters", "called for")."""
    return [
        v
        for v in verbs
        if v[2] in _FRAME_WORDS
        and not text.endswith("so-", 0, v[0])
        and not (text.startswith(" as ", v[1]) and _WHAT_BEFORE.search(text, max(0, v[0] - 30), v[0]))
        and not any(s < v[1] and v[0] < e for _k, s, e in hits)
    ]


def _held(text: str, ref: DateRef, frame: list[tuple[int, int, str]]) -> bool:
    """Whether a date is that of a reporting verb next to it: "asked on Wednesday", "said late on
    Tuesday", "Trump on Wednesday called"."""
    for start, end, _word in frame:
        if 0 <= ref.start - end <= 40 and _SAID_GAP.fullmatch(text[end : ref.start] + " "):
            return True
        if 0 <= start - ref.end <= 12 and _AFTER_VERB.fullmatch(text, ref.end, start):
            return True
    return False


def _crosses(ref: DateRef, trig: Trig, frame: list[tuple[int, int, str]]) -> bool:
    """Whether a reporting verb stands between a date and a trigger ("On Wednesday, Trump called
    the talks ...")."""
    lo, hi = min(ref.end, trig.end), max(ref.start, trig.start)
    return any(lo <= start and end <= hi for start, end, _word in frame)


# what a reporting verb's date does not date: the meetings it speaks of (a stance is dated by its saying)
_FRAMED_KINDS = frozenset(("meeting", "phone_call", "planned_meeting"))
# "said late on Tuesday after Putin received the envoys", "said on Sunday that ... after a day of
# talks": the occasion of the saying, on its day
_OCCASION = re.compile(r"\b(?:after|following)\s+(?:[\w-]+\s+){0,3}$")


# verbs that look back on what they report: "On Monday, Trump claimed that the two sides agreed ..."
_LOOKING_BACK = frozenset("claim claims claimed boast boasts boasted insist insists insisted".split())


def _framed(text: str, ref: DateRef, trig: Trig, frame: list[tuple[int, int, str]]) -> bool:
    """Whether a date belongs to a reporting verb rather than to a meeting trigger: next to the
    verb ("asked on Wednesday what would come of the meeting"), or the verb between them; for an
    agreement, only a verb that looks back on it ("announced on Saturday that they agreed" may well
    be the day of the agreement; "claimed on Monday that they agreed" is not)."""
    if frame and trig.kind == "agreement":
        back = [f for f in frame if f[2] in _LOOKING_BACK]
        return bool(back) and _crosses(ref, trig, back)
    if not frame or trig.kind not in _FRAMED_KINDS:
        return False
    if _crosses(ref, trig, frame):
        return True
    return _held(text, ref, frame) and not (
        ref.end <= trig.start and _OCCASION.search(text, max(ref.end, trig.start - 40), trig.start)
    )


def _speaks_of(text: str, mention: Mention, trig: Trig, frame: list[tuple[int, int, str]]) -> bool:
    """Whether a mention is the subject of a reporting verb whose object or question holds the
    trigger: "Trump on Wednesday called his envoys' talks ...", "Trump, asked ... the meeting" --
    not when the event is theirs ("described his meeting with Putin", "wrote after a call with")."""
    for start, end, _word in frame:
        if start < mention.end:
            continue
        if end > trig.start or start - mention.end > 80:
            return False
        if _FRAME_GAP.fullmatch(text, mention.end, start):
            gap = text[end : trig.start]
            return not (_EVENT_OF_SPEAKER.search(gap) or _OWN_EVENT.search(gap))
    return False


def _subject_before(ctx: Context, idx: int, pos: int) -> str | None:
    """The person named last before ``pos`` who is not only a possessive ("Zelenskiy's chief of staff")."""
    best = None
    for mention in ctx.by_sentence[idx]:
        if mention.start >= pos:
            break
        if mention.kind == "person" and not mention.possessive and not mention.in_quote:
            best = mention.actor_id
    return best


_SAID_GAP = re.compile(
    r"\s+(?:(?:to|reporters|journalists|late|early|on|in|an|a|interview|late|earlier)\s+){0,3}"
)
_SPEAKER_GAP = re.compile(r"\s*|,\s*|,\s+who\s+|,[^,]{0,60},\s*|\s+(?:on|late|early)\s+\w+(?:,)?\s*")
_PRONOUN_BEFORE = re.compile(r"\b(?:he|she)\s+$")
# "in Egypt's capital, Cairo", "in the Omani capital of Muscat": the city named after its description
_AT_NAMED_PLACE = re.compile(
    r"\b(?:in|at|to|from)\s+(?:the\s+)?(?:[A-Z][\w.'’-]+\s+){0,3}"
    r"(?:city|capital|resort|resort town|resort city|town|port|port city)(?:\s+of|,)?\s+$"
)
_AT_PLACES = re.compile(r"\b(?:in|at)\s+(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?,?\s+(?:and|or)\s+$")
_AT_PLACE = re.compile(
    r"\b(?:in|at|from|inside|outside)\s+(?:the\s+)?(?:(?:western|eastern|northern|southern|central|coastal)\s+)?$",
    re.I,
)
_VISIT_PLACE = re.compile(r"\bvisit(?:s|ed|ing)?\s+(?:the\s+)?$", re.I)
_TO_PLACE = re.compile(r"\bto\s+(?:the\s+)?$")
_ACCORDING = re.compile(r"\baccording to\b[^,;]{0,40}$")


def _said_statements(
    ctx: Context, idx: int, sent: Sentence, refs: list[DateRef], quoted: set[str]
) -> list[tuple[int, int, str, DateRef]]:
    """Dated remarks: "Trump said on Sunday", "On Wednesday, Peskov said": (start, end, speaker, date)."""
    out: list[tuple[int, int, str, DateRef]] = []
    day_refs = [r for r in refs if r.precision == Precision.DAY]
    if not day_refs:
        return out
    for match in _SAID.finditer(ctx.text, sent.start, sent.end):
        if any(q.start <= match.start() < q.end for q in sent.quotes):
            continue
        after = next(
            (
                r
                for r in day_refs
                if 0 <= r.start - match.end() <= 40
                and _SAID_GAP.fullmatch(ctx.text[match.end() : r.start] + " ")
            ),
            None,
        )
        lo = sent.start
        before = next(
            (
                r
                for r in day_refs
                if lo <= r.start < match.start()
                and ctx.text.startswith(",", r.end)
                and ctx.text[max(lo, r.start - 4) : r.start].strip().lower() in ("on", "")
            ),
            None,
        )
        ref = after or before
        if ref is None:
            continue
        speaker = None
        for mention in ctx.by_sentence[idx]:
            if mention.start >= match.start():
                break
            if match.start() - mention.end > 70 or mention.in_quote or mention.possessive:
                continue
            gap = ctx.text[mention.end : match.start()]
            if _SPEAKER_GAP.fullmatch(gap) or (before is not None and ref.end <= mention.start):
                speaker = mention.actor_id
        if (
            speaker is None
            and len(quoted) == 1
            and _PRONOUN_BEFORE.search(ctx.lower, max(0, match.start() - 5), match.start())
        ):
            speaker = next(iter(quoted))  # "he quipped to reporters on Wednesday that ..."
        if speaker is None or speaker.startswith("anon:"):
            continue
        out.append((match.start(), match.end(), speaker, ref))
    return out


def extract_events(
    ctx: Context,
    proposals: list[ProposalMention],
    quotes: list[Quote],
    *,
    dated_by: dict[str, DateRef] | None = None,
) -> list[Event]:
    """The events of a report; ``dated_by`` (when given) receives the date expression each dated
    event's date was read from, by event id (its kind tells a written day from a relative one)."""
    drafts: list[Draft] = []
    starts = [sent.start for sent in ctx.sentences]
    quote_speakers: dict[int, set[str]] = {}
    quote_dates: dict[tuple[int, str], DateRef] = {}
    for quote in quotes:
        if quote.speaker_id:
            at = bisect_right(starts, quote.evidence[0].start) - 1
            quote_speakers.setdefault(at, set()).add(quote.speaker_id)
            if quote.said_on and quote.said_on_precision == Precision.DAY:
                quote_dates.setdefault(
                    (at, quote.speaker_id), DateRef(0, 0, quote.said_on, Precision.DAY, "quote")
                )
    hits: dict[int, list[tuple[str, int, int]]] = {}
    trigger_starts = _TRIGGER_WORDS.starts(ctx.lower)
    for i, (kind, pattern) in enumerate(_TRIGGERS):
        for m in wordscan.finditer(pattern, ctx.lower, trigger_starts[i]):
            hits.setdefault(bisect_right(starts, m.start()) - 1, []).append((kind, m.start(), m.end()))
    date_starts = [h[0] for h in ctx.date_hits]
    proposals_by: dict[int, list[ProposalMention]] = {}
    for p in proposals:
        proposals_by.setdefault(bisect_right(starts, p.start) - 1, []).append(p)
    headline = is_headline(ctx)
    groups: list[str] | None = None
    context: DateRef | None = None  # the last date of an event met, for "the same day", "hours earlier"
    pending: tuple[int, int] | None = None
    for idx, sent in enumerate(ctx.sentences):
        if sent.paragraph == 0 and headline:
            continue  # the headline repeats the lead
        sent_hits = hits.get(idx)
        lo_hit = bisect_left(date_starts, sent.start)
        dated = lo_hit < len(date_starts) and date_starts[lo_hit] < sent.end
        if not sent_hits and not (dated and _SAID.search(ctx.text, sent.start, sent.end)):
            if dated:
                pending = (sent.start, sent.end)  # resolved only if a later "hours earlier" needs it
            continue
        if pending is not None:
            context = _last_day(ctx, pending) or context
            pending = None
        all_refs = (
            [
                r
                for r in ctx.dates(sent.start, sent.end)
                if not any(q.start <= r.start < q.end for q in sent.quotes)
            ]
            if dated
            else []
        )
        refs = [r for r in all_refs if not _is_deadline(ctx, r)]
        bounds = _clause_bounds(ctx, sent)
        said = _said_statements(ctx, idx, sent, refs, quote_speakers.get(idx, set())) if refs else []
        if not sent_hits and not said:
            day = [r for r in refs if r.precision == Precision.DAY]
            if day:
                context = day[-1]
            continue
        trigs = _triggers(ctx, sent, sent_hits or [], bounds, proposals_by.get(idx, []))
        if _headline_line(ctx, sent):  # a headline or a related article's title: no statement of a fact
            trigs = [t for t in trigs if t.kind not in _FRAMED_KINDS]
        adverbial, scoped = _relatives(ctx, sent, refs, context)
        verbs = ctx.verbs(sent.start, sent.end)
        frame = _frame_verbs(ctx.text, verbs, sent_hits or [])
        _assign(trigs, sorted(refs + adverbial, key=lambda r: r.start), bounds, ctx.text, verbs, frame)
        for trig in trigs:
            trig.shifted = next((ref for s_, e_, ref in scoped if s_ <= trig.start < e_), None)
        trigs = _collapse(ctx, trigs)
        if groups is None and trigs:
            groups = _groups(ctx)
        speakers = _sentence_speakers(ctx, idx) | quote_speakers.get(idx, set())
        sent_props = proposals_by.get(idx, [])
        owned = {id(r) for t in trigs for r in t.refs}
        free = [r for r in refs if id(r) not in owned]
        for trig in trigs:
            kind = trig.kind
            if kind == "counter_proposal":
                # putting a counter-proposal forward is a proposal (PROPOSE); the noun alone is no event
                if not _PROPOSAL_KINDS.search(ctx.lower, trig.clause[0], trig.clause[1]):
                    continue
                kind = trig.kind = "proposal"
            date, own = _date_for(ctx, trig, scoped, free, frame)
            if kind == "demand" and date is None:
                date = _deadline_month(all_refs)
            participants = _participants(ctx, idx, trig, kind, groups, trigs, frame)
            summary = ctx.text[sent.start : sent.end].strip()[:200]
            if kind == "agreement":
                participants = _agreement_parties(ctx, idx, trig)
                summary = _agreement_object(ctx, trig)
            if kind == "statement":
                if rx.match(r"resign|stepped|quit", ctx.lower[trig.start : trig.end]):
                    subject = _subject_before(ctx, idx, trig.start)
                    participants = [subject] if subject else participants[:1]
                else:
                    participants = (
                        sorted(speakers & _ids_in(ctx, idx, sent)) or sorted(speakers) or participants[:1]
                    )
                if date is None and participants:
                    date = quote_dates.get((idx, participants[0]))
            elif kind in ("accept", "partly_accept", "reject", "demand", "accuse"):
                participants = sorted(speakers) + [p for p in participants if p not in speakers]
            if kind in ("meeting", "planned_meeting") and not participants and date is None:
                continue  # "Trump, asked on Wednesday what would come of the Moscow meeting": no event
            if not participants and kind not in ("leak", "proposal", "meeting", "planned_meeting"):
                continue
            if date is None and kind in ("accept", "partly_accept", "reject", "demand", "accuse"):
                continue  # an undated stance is a position, not an event of the timeline
            meets = kind in ("meeting", "phone_call")  # only these refer back or span days
            definite = (
                meets
                and bool(_DEFINITE.search(ctx.lower, max(sent.start, trig.start - 40), trig.start))
                and not _GREETED.match(ctx.lower, trig.start)
            )  # "said that Tamim welcomed a delegation ...": no meeting referred back to
            if date is not None and _is_dateline(ctx.text, sent.start, date):
                own = False  # "KYIV, Nov 28 (Global Wire) - ...": the report's date, not the event's
            if meets and not participants and not own and not definite and _place(ctx, trig, trigs) is None:
                continue  # "lead negotiator in the peace talks": nobody at it, no place, no date of its own
            clause_low = ctx.lower[trig.clause[0] : trig.clause[1]] if meets else ""
            separate = _separately(ctx, idx, trig, participants) if meets else None
            for group in separate or [participants]:
                drafts.append(
                    Draft(
                        kind=kind,
                        date=date,
                        # a call has no one place: each side is in its own city
                        place=None if kind == "phone_call" else _place(ctx, trig, trigs),
                        participants=group,
                        alone=separate is not None,
                        evidence=[_evidence(ctx, trig, trigs, frame)],
                        summary=summary,
                        sentence=idx,
                        keys={p.key for p in sent_props if trig.clause[0] <= p.start < trig.clause[1]}
                        if kind not in ("meeting", "planned_meeting", "statement")
                        else set(),
                        definite=definite,
                        own_date=own,
                        end_date=meets
                        and bool(_END_DATE.search(clause_low))
                        and not _START_DATE.search(clause_low),
                        start_date=meets and bool(_START_DATE.search(clause_low)),
                    )
                )
            if date is not None and own and date.precision == Precision.DAY:
                context = date
        day = [r for r in refs if r.precision == Precision.DAY]
        if day and not any(d.sentence == idx and d.own_date for d in drafts):
            context = day[-1]
        seen_kinds = {t.kind for t in trigs}
        for start, end, speaker, ref in said:
            if any(t.kind == "statement" and t.clause[0] <= start < t.clause[1] for t in trigs):
                continue
            drafts.append(
                Draft(
                    "statement",
                    ref,
                    None,
                    [speaker],
                    # "President Donald Trump quipped on Wednesday": who said it, and when
                    [meetings.evidence(ctx.text, sent.start, max(end, ref.end), (start, end))],
                    ctx.text[sent.start : sent.end].strip()[:200],
                    idx,
                    own_date=True,
                )
            )
            context = ref
        for p in sent_props:
            if p.explicit and "counter" not in p.key:
                verb = _PROPOSAL_KINDS.search(ctx.lower, sent.start, sent.end)
                if verb and not seen_kinds & {"leak", "proposal"} and not _in_quote(sent, verb.start()):
                    seen_kinds.add("proposal")
                    trig = Trig("proposal", verb.start(), verb.end(), _clause(bounds, verb.start()))
                    _assign([trig], refs, bounds, ctx.text, verbs)
                    date, own = _date_for(ctx, trig, scoped, free)
                    drafts.append(
                        Draft(
                            kind="proposal",
                            date=date,
                            place=_place(ctx, trig),
                            participants=_participants(ctx, idx, trig, "proposal", groups)
                            or ([p.author] if p.author else []),
                            evidence=[_evidence(ctx, trig, [trig])],
                            summary=ctx.text[sent.start : sent.end].strip()[:200],
                            sentence=idx,
                            keys={p.key},
                            own_date=own,
                        )
                    )
    reported = [(q.evidence[0].start, q.evidence[0].end) for q in quotes if not q.direct and q.evidence]
    return _merge(ctx, drafts, reported, dated_by)


_DATELINE_BEFORE = re.compile(r"\s*[A-Z][A-Z .'-]+,\s*")
_DATELINE_AFTER = re.compile(r"(?:,?\s*\d{4})?\s*(?:\([^)]{0,40}\)\s*)?[-—–]")


_COMING = re.compile(r"\b(?:later this (?:week|month)|next (?:week|month)|tomorrow)\b")
_PAST_TRIP = re.compile(r"\b(?:was|were)\s+(?:visiting|in)\s+[^,;.]{1,40}\s$")
_GREETED = re.compile(r"(?:welcomed|greeted) ")
_LINE_END = re.compile(r"[.!?:;\"”’)\]…]\s*$")


def _headline_line(ctx: Context, sent: Sentence) -> bool:
    """A line that reads as a headline (a whole paragraph, no closing punctuation): a related
    article's title, a section name or the report's own title repeated further down."""
    para = ctx.paragraphs[sent.paragraph]
    if sent.start != para.start or sent.end < para.end - 1:
        return False
    return _LINE_END.search(ctx.text, sent.start, para.end) is None


def _is_dateline(text: str, sent_start: int, ref: DateRef) -> bool:
    return bool(
        _DATELINE_BEFORE.fullmatch(text, sent_start, ref.start) and _DATELINE_AFTER.match(text, ref.end)
    )


_SEPARATELY = re.compile(r"\bseparate(?:ly)?\b|\beach\b|\bin turn\b")


def _separately(ctx: Context, idx: int, trig: Trig, participants: list[str]) -> list[list[str]] | None:
    """ "met Lutnick and Bessent separately", "held separate meetings with X and Y": one meeting per
    counterpart, each with the subject (the participants named before the trigger)."""
    lo, hi = trig.clause
    if not _SEPARATELY.search(ctx.lower, lo, hi):
        return None
    first_at = {}
    for m in ctx.by_sentence[idx]:
        if m.actor_id in participants and m.actor_id not in first_at:
            first_at[m.actor_id] = m.start
    # a subject named before the trigger, or one the clause names by pronoun ("He held talks separately")
    subject = [p for p in participants if first_at.get(p, -1) < trig.start]
    others = [p for p in participants if p not in subject]
    if len(others) < 2:
        return None
    return [[*subject, p] for p in others]


def _evidence(
    ctx: Context, trig: Trig, trigs: list[Trig], frame: list[tuple[int, int, str]] | None = None
) -> tuple[int, int]:
    """The clause stating an event: the trigger's stretch with the words naming its participants,
    after any reporting or asking verb before it ("Trump quipped ... when asked whether his envoys'
    meeting ..." cites "whether his envoys' meeting ..."); one date of a plural ("rounds in Geneva on
    Nov. 23 and in Florida on Nov. 30") cites the words up to its date."""
    if trig.span is not None and trig.span[1] > trig.end:
        return min(trig.start, trig.span[0]), trig.span[1]
    regions = [r for r in _regions(ctx.text, trig, trigs) if r[0] < r[1]] or [(trig.start, trig.end)]
    lo = min(r[0] for r in regions)
    hi = max(r[1] for r in regions)
    if trig.kind in _FRAMED_KINDS:
        for start, end, _word in frame or ():
            if lo <= start and end <= trig.start:
                lo = end
        sentence = ctx.sentence_at(trig.start)
        at, arrived = meetings.arrivals(ctx.text, sentence.start if sentence else trig.start,
                                        (trig.start, trig.end), ctx.actors.mentions)
        if arrived:
            lo = min(lo, at)  # "Kushner and Witkoff arrived in ..., where negotiations are underway ..."
    return meetings.evidence(ctx.text, lo, hi, (trig.start, trig.end))


def _last_day(ctx: Context, span: tuple[int, int]) -> DateRef | None:
    day = [r for r in ctx.dates(*span) if r.precision == Precision.DAY]
    return day[-1] if day else None


def _in_quote(sent: Sentence, pos: int) -> bool:
    return any(q.start <= pos < q.end for q in sent.quotes)


def _ids_in(ctx: Context, idx: int, sent: Sentence) -> set[str]:
    return {m.actor_id for m in ctx.by_sentence[idx]}


def _triggers(
    ctx: Context,
    sent: Sentence,
    found: list[tuple[str, int, int]],
    bounds: list[int],
    props: list[ProposalMention],
) -> list[Trig]:
    lower = ctx.lower
    out: list[Trig] = []
    found = sorted(found, key=lambda h: (h[1], -(h[2] - h[1]), _KIND_ORDER[h[0]]))
    taken: list[tuple[int, int]] = []
    unreal_clauses: list[tuple[tuple[int, int], int]] = []
    partly = any(k == "partly_accept" and not _in_quote(sent, s) for k, s, _e in found)
    for kind, s, e in found:
        if _in_quote(sent, s):
            continue
        if any(ts <= s < te or s <= ts < e for ts, te in taken):
            continue  # "held talks": one trigger, not two
        clause = _clause(bounds, s)
        if kind in ("accept", "reject") and partly:
            continue
        if (
            kind in ("accept", "leak")
            and not any(clause[0] <= p.start < clause[1] for p in props)
            and not (kind == "accept" and "basis" in lower[s:e])
            and not (kind == "leak" and (props or _DOCUMENT.search(lower, sent.start, sent.end)))
        ):
            continue  # an acceptance of nothing named; a leak of no document
        if kind == "agreement" and not _agreement_stated(ctx, clause, s, e):
            continue  # "could reach a deal", "whether they signed", "a deal announced" with no parties
        if kind in ("reject", "accept") and _NEG.search(lower, max(0, s - 7), s):
            continue  # "would not accept", "could reject": no act
        if (
            kind == "meeting"
            and lower.startswith("round", s)
            and not _ROUND_BEFORE.search(lower, max(0, s - 16), s)
        ):
            continue  # "round" only as a round of talks: "the Miami round", "a further round"
        if kind in ("reject", "accept") and _DENIED.search(lower, max(sent.start, s - 60), e + 12):
            continue  # "wrong to say Putin had rejected", "had not rejected ... outright"
        if (
            kind == "demand"
            and lower.startswith("demand", s)
            and _NOUN_DEMAND.search(lower, max(0, s - 12), s)
        ):
            continue  # "Moscow's demands", "attaching demands": a noun, not an act
        if kind == "meeting" and lower[s:e] in ("meet", "meets") and _COMING.search(lower, e, clause[1]):
            kind = "planned_meeting"  # "when he meets Xi later this week": still to come
        past_trip = lower.startswith("to ", s) and _PAST_TRIP.search(lower, max(0, s - 60), s)
        if kind == "planned_meeting" and past_trip:
            kind = "meeting"  # "Akazawa was visiting Osaka to host a U.S. delegation": it took place
        if kind == "meeting" and any(t.kind == "planned_meeting" and t.clause == clause for t in out):
            continue
        if kind == "meeting" and lower.startswith("received", s) and not _RECEIVED_WHOM.match(ctx.text, e):
            continue  # "received Trump's approval", "received a letter": no meeting
        if kind in _FRAMED_KINDS and meetings.unreal(
            lower, clause, s, e, meetings.NOUN_TRIGGER.fullmatch(lower, s, e) is not None
        ):
            if not meetings.NOUN_TRIGGER.fullmatch(lower, s, e) or lower.endswith(" to ", 0, s):
                unreal_clauses.append((clause, s))  # a verb ("looking forward to meeting him")
            continue  # "no plans to meet", "could meet", "a possible summit", "the talks were called off"
        taken.append((s, e))
        out.append(Trig(kind, s, e, clause))
    # a planned meeting announced after a "meeting"/"talks" noun of the same clause supersedes it; a
    # meeting the clause names as no fact takes the nouns of its clause with it ("looking forward to
    # meeting him during the summit", "aims to visit ... if there is progress in the negotiations")
    planned = [t.clause for t in out if t.kind == "planned_meeting"]
    return [
        t
        for t in out
        if not (t.kind == "meeting" and t.clause in planned)
        and not (t.kind == "meeting" and any(c == t.clause and at < t.start for c, at in unreal_clauses))
    ]



def _agreement_stated(ctx: Context, clause: tuple[int, int], s: int, e: int) -> bool:
    """Whether an agreement trigger states one reached: not denied, hoped for, conditional or to
    come ("could reach", "has not signed", "whether they agreed"), and an announcement only of a
    deal "between" or "with" someone."""
    text = ctx.text
    if _AGREEMENT_NOT.search(text, max(clause[0], s - 40), s):
        return False
    if _AGREEMENT_FRAME.search(text, clause[0], s):
        return False
    tail = _agreement_tail(text, e)
    if ctx.lower.startswith(("announced", "brokered"), s) and (
        tail is None or (ctx.lower.startswith("brokered", s) and tail.group(1) != "between")
    ):
        return False
    match = _agreement_match(ctx.lower, s)
    return not (match is not None and match["noun"] and (tail is None or tail.group(1) != "between"))


def _agreement_tail(text: str, end: int) -> re.Match[str] | None:
    """ "between X and Y" / "with Y" right after a deal's words (a closing quote mark may come between)."""
    at = end
    while at < min(len(text), end + 2) and text[at] in "\"”’'":
        at += 1
    return _AGREEMENT_WITH.match(text, at)


def _agreement_parties(ctx: Context, idx: int, trig: Trig) -> list[str]:
    """The parties an agreement's clause names: "between X and Y" after the deal (only they:
    the one announcing or brokering it is no party), else the subject of the agreeing verb
    (after any reporting verb: "Trump announced that X and Y signed ...") and "with Z"."""
    text = ctx.text
    lo, hi = trig.clause
    mentions = [m for m in ctx.by_sentence[idx] if not m.in_quote]

    def ok(m: Mention) -> bool:
        return _mention_ok(ctx, idx, m, "agreement", trig) and not meetings.qualifier(
            text, m, ctx.by_sentence[idx]
        )

    out: list[str] = []
    tail = _agreement_tail(text, trig.end)
    if tail:
        stop = _AGREEMENT_STOP.search(text, tail.end(), hi)
        end = stop.start() if stop else hi
        out = [m.actor_id for m in mentions if tail.end() <= m.start < end and ok(m)]
        if tail.group(1) == "between":
            return list(dict.fromkeys(out))
    match = _agreement_match(ctx.lower, trig.start)
    if match is not None and match["noun"]:
        return []  # "a deal was reached" with no "between": its parties are not named here
    start = lo
    for cut in _AGREEMENT_SUBJECT_CUT.finditer(text, lo, trig.start):
        start = cut.end()
    subject = []
    for m in mentions:
        if not (start <= m.start < trig.start) or m.possessive or not ok(m):
            continue
        say = _SAY_AFTER.match(text, m.end)
        if say and say.end() <= trig.start:
            continue  # the one reporting it
        subject.append(m.actor_id)
    if not subject:
        pron = _PRONOUN_SUBJECT.search(text, max(start, trig.start - 40), trig.start)
        if pron:
            found = antecedent(
                pron.group(1), pron.start(), ctx.actors, ctx.salience, ctx.sentences[idx].start, text
            )
            if found and ctx.actors.kind(found) == "person":
                subject = [found]
        elif _THEY.search(text, max(start, trig.start - 40), trig.start) and start > lo:
            # "officials from the US and China announced that they had agreed on ...": both named
            named = [m.actor_id for m in mentions if ctx.sentences[idx].start <= m.start < start and ok(m)]
            if len(set(named)) >= 2:
                subject = list(dict.fromkeys(named))
    return list(dict.fromkeys(subject + out)) if subject else []


def _agreement_object(ctx: Context, trig: Trig) -> str:
    """What was agreed, as the report writes it: the deal's words from after the verb to the end
    of its phrase ("a framework to implement the consensus"), at most 160 characters."""
    text = ctx.text
    match = _agreement_match(ctx.lower, trig.start)
    if match is None:
        return text[trig.start : trig.end]
    if match["noun"]:
        det = _DETERMINER_BEFORE.search(text, max(trig.clause[0], trig.start - 50), trig.start)
        start, end = (det.start() if det else trig.start), match.end("noun")
    elif match["verb"]:
        start, end = match.end("verb"), trig.end
    else:
        return text[trig.start : trig.end]  # "agreed in principle" with nothing after it
    stop = _SUMMARY_STOP.search(text, end, min(trig.clause[1], end + 160))
    end = stop.start() if stop else min(trig.clause[1], end + 160)
    return text[start:end].strip(" \"“”'‘’").rstrip()

# "received Witkoff", "received the two envoys", "received U.S. envoy ..."
_RECEIVED_WHOM = re.compile(
    r"\s+(?:(?:the|a|an|visiting|his|her|their)\s+(?:two\s+|three\s+|visiting\s+|[A-Z][\w.]*\s+){0,3}"
    r"(?:envoys?|delegations?|ministers?|presidents?|leaders?|officials?|negotiators?|counterparts?|guests?|"
    r"[A-Z])|[A-Z](?!\w*(?:'s|’s)))"
)
_ROUND_BEFORE = re.compile(
    r"\b(?:the|a|an|another|further|new|first|second|third|latest|earlier|previous|next|this|that|"
    r"[a-z]+ian|[a-z]+ese|[a-z]+-day|geneva|miami|berlin|florida|moscow|london|abu dhabi|istanbul|riyadh)\s+$"
)
_DOCUMENT = lc(r"\b(?:plan|draft|document|text|proposals?|framework|blueprint|recording|transcript)\b")
_DENIED = lc(
    r"\b(?:wrong[\"”’']? to say|not (?:rejected|reject)|never rejected|denie[sd] rejecting|"
    r"did not reject|had not rejected|rather than (?:simply )?reject|knew \w+ would reject|would not accept|"
    r"will not accept|won't accept|wouldn't accept|could reject|might reject|would reject)\b"
)


_ATTRIBUTIVE = re.compile(r"(?:'s|’s)?\s?")
_RELATIVE_PRONOUN = re.compile(r"\b(?:that|which|who|whose)\s")
_PP = re.compile(r"(?:\s*,?\s*(?:in|with|between|at|on)\s+[^,;]{0,60}?)?\s*,?\s*")


def _on_another_noun(text: str, trig: Trig, ref: DateRef) -> bool:
    """A relative clause on another noun comes between the trigger and the date: "agreed to a
    ceasefire ... to halt the conflict that reignited on December 7" (the day the conflict reignited)."""
    rel = _RELATIVE_PRONOUN.search(text, trig.end, ref.start)
    # (the clause ends at a comma: "Putin met Witkoff, who arrived on Monday, in Moscow on Tuesday")
    return (rel is not None and not _PP.fullmatch(text, trig.end, rel.start())
            and "," not in text[rel.end() : ref.start]
            and not _MEETING_NOUN_BEFORE.search(text, trig.end, rel.start()))


# "to attend the negotiations which were to be held on Friday": the relative clause is the meeting's
_MEETING_NOUN_BEFORE = re.compile(
    r"\b(?:talks|negotiations|meetings?|round|summit|session|discussions|call|consultations)\s*,?\s*$")


def _reaches(text: str, trig: Trig, ref: DateRef, verbs: list[tuple[int, int, str]]) -> bool:
    """Whether a date after a trigger still speaks of it: not when a reporting verb ("the meeting, he
    quipped on Wednesday") or a relative clause on another noun ("a push that began last month")
    comes between."""
    if any(trig.end <= v[0] < ref.start for v in verbs):
        return False
    rel = _RELATIVE_PRONOUN.search(text, trig.end, ref.start)
    return rel is None or bool(_PP.fullmatch(text, trig.end, rel.start()))


def _collapse(ctx: Context, trigs: list[Trig]) -> list[Trig]:
    """One event of a kind per clause, unless each has its own date; a plural ("rounds in Geneva on
    Nov. 23 and in Florida on Nov. 30") is one event per date."""
    out: list[Trig] = []
    for trig in trigs:
        same = [t for t in trigs if t is not trig and t.kind == trig.kind and t.clause == trig.clause]
        if (
            same
            and not trig.refs
            and not trig.shifted
            and (any(t.refs or t.shifted for t in same) or any(t in out for t in same))
        ):
            continue
        days = [r for r in trig.refs if r.precision == Precision.DAY and r.kind != "relative"]
        if len(days) > 1 and rx.search(
            r"(?:rounds|meetings|sessions|talks)$", ctx.lower[trig.start : trig.end]
        ):
            values = []
            prev = trig.end
            for ref in sorted(days, key=lambda r: r.start):
                if ref.value in values:
                    continue
                values.append(ref.value)
                out.append(Trig(trig.kind, trig.start, trig.end, trig.clause, [ref], None, (prev, ref.end)))
                prev = ref.end
            continue
        out.append(trig)
    return out


def _assign(
    trigs: list[Trig],
    refs: list[DateRef],
    bounds: list[int],
    text: str,
    verbs: list[tuple[int, int, str]],
    frame: list[tuple[int, int, str]] | None = None,
) -> None:
    """Give each date expression to the trigger it belongs to (see the module docstring)."""
    frame = frame or []
    for ref in refs:
        clause = _clause(bounds, ref.start)
        inside = [t for t in trigs if t.clause == clause and not _framed(text, ref, t, frame)]
        if not inside:
            continue
        adjacent = [
            t
            for t in inside
            if 0 <= t.start - ref.end <= 3 and _ATTRIBUTIVE.fullmatch(text[ref.end : t.start])
        ]
        if adjacent:  # "an October phone call", "Tuesday's meeting"
            adjacent[0].refs.append(ref)
            continue
        before = [
            t
            for t in inside
            if t.end <= ref.start and ref.start - t.end <= 120 and _reaches(text, t, ref, verbs)
        ]
        if before:
            owner = max(before, key=lambda t: t.end)
        else:
            after = [t for t in inside if t.start >= ref.end]
            if not after:
                continue
            owner = min(after, key=lambda t: t.start)
        owner.refs.append(ref)


# a day the agreed terms begin on: "agreed to a phased ceasefire starting Tuesday", "a truce taking
# effect at 0400 GMT on Tuesday" -- not the day of the agreement
_TERMS_DAY = re.compile(
    r"\b(?:starting|beginning|effective|begins|starts|to (?:begin|start|take effect)|tak(?:e|es|ing) effect)"
    r"\s+(?:(?:at|from)\s+[^,.;]{0,40}?\s+)?(?:on\s+|from\s+)?$",
    re.I,
)


def _terms_day(text: str, trig: Trig, ref: DateRef) -> bool:
    return trig.kind == "agreement" and ref.start >= trig.end and bool(
        _TERMS_DAY.search(text, max(trig.end, ref.start - 60), ref.start))


def _date_for(
    ctx: Context,
    trig: Trig,
    scoped: list[tuple[int, int, DateRef]],
    free: list[DateRef],
    frame: list[tuple[int, int, str]] | None = None,
) -> tuple[DateRef | None, bool]:
    kept = [r for r in trig.refs if not _terms_day(ctx.text, trig, r)]
    if len(kept) != len(trig.refs):
        trig = replace(trig, refs=kept)
    free = [r for r in free if not _terms_day(ctx.text, trig, r)]
    for s, e, ref in scoped:
        if s <= trig.start < e and not any(r.start >= s for r in trig.refs if r.kind != "relative"):
            return ref, True
    if trig.refs:
        ref = min(trig.refs, key=lambda r: (abs(r.start - trig.end), r.start))
        multi = _MULTI_DAY.search(ctx.lower, trig.clause[0], trig.end + 1)
        if multi and ref.precision == Precision.DAY and ref.start > multi.start():
            n = _NUMBER_WORDS.get(multi["n"]) or (int(multi["n"]) if multi["n"].isdigit() else 1)
            ref = _shift(ref, -(n - 1), ref.start, ref.end)
        return ref, True
    free = [
        r
        for r in free
        if trig.clause[0] <= r.start < trig.clause[1] and not _framed(ctx.text, r, trig, frame or [])
        and not (r.start >= trig.end and _on_another_noun(ctx.text, trig, r))
    ]
    if free:
        return min(free, key=lambda r: (abs(r.start - trig.start), r.start)), False
    return None, False


def _deadline_month(refs: list[DateRef]) -> DateRef | None:
    """A demand dated only by its deadline was made no later than the deadline's month."""
    for ref in refs:
        if ref.precision == Precision.DAY:
            return DateRef(ref.start, ref.end, ref.value[:7] + "-01", Precision.MONTH, "deadline")
    return None


def _place(ctx: Context, trig: Trig, trigs: list[Trig] | None = None) -> str | None:
    lo, hi = trig.span or (_regions(ctx.text, trig, trigs)[0] if trigs else trig.clause)
    match = _PLACE.search(ctx.text, lo, hi) or (
        None if trig.span else _PLACE.search(ctx.text, trig.clause[0], trig.clause[1])
    ) or _opening_place(ctx, trig, trigs)
    if match:
        return PLACES[match.group(1)]
    return _capital(ctx, lo, hi) or (None if trig.span else _capital(ctx, trig.clause[0], trig.clause[1]))


# "talks in the British capital", "in the Malaysian capital": the country's capital city
_CAPITAL = re.compile(
    r"\b(?:in|at|to|from)\s+the\s+([A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)?)\s+capital\b(?!\s+of\b)")


def _capital(ctx: Context, lo: int, hi: int) -> str | None:
    for match in _CAPITAL.finditer(ctx.text, lo, hi):
        country = ctx.actors.index.forms.get(match.group(1).lower().replace(".", ""))
        capital = places.load().capital(country)
        if capital is not None:
            return capital.name_en
    return None


# "In Washington on Friday, the minister met ...": a place the sentence opens with sets the scene
# for the one meeting the sentence tells.
_OPENING_PLACE = re.compile(
    r"\s*(?:(?:On|Earlier on|Later on|Late on)\s+\w+(?:\s+\w+)?,?\s+)?In\s+(?:the\s+)?(" + _PLACE_ALT
    + r")\b(?:\s+(?:on|late on|early on|earlier on)\s+\w+(?:\s+\w+)?)?\s*,"
)


def _opening_place(ctx: Context, trig: Trig, trigs: list[Trig] | None) -> re.Match[str] | None:
    sentence = ctx.sentence_at(trig.start)
    if sentence is None or any(t is not trig and t.kind in ("meeting", "phone_call", "planned_meeting")
                               and sentence.start <= t.start < sentence.end for t in trigs or ()):
        return None
    match = _OPENING_PLACE.match(ctx.text, sentence.start, trig.start)
    return match if match and match.end() <= trig.start else None


def _sentence_speakers(ctx: Context, idx: int) -> set[str]:
    speakers = set()
    for mention in ctx.by_sentence[idx]:
        if not mention.in_quote and _SAY_AFTER.match(ctx.text, mention.end):
            speakers.add(mention.actor_id)
    return speakers


_ORDER = {Precision.DAY: 0, Precision.PART_OF_MONTH: 1, Precision.MONTH: 2, Precision.YEAR: 3}


def _better(a: Draft, b: Draft) -> bool:
    """Whether b's date should replace a's when the two are merged."""
    if b.date is None:
        return False
    if a.date is None:
        return True
    if a.end_date and b.start_date:
        return True
    if a.start_date and b.end_date:
        return False
    return bool(b.own_date and not a.own_date)


def _compatible(a: Draft, b: Draft) -> bool:
    if a.date is None or b.date is None or a.date.value == b.date.value:
        return True
    if a.kind == "meeting" and ((a.end_date and b.start_date) or (a.start_date and b.end_date)):
        try:
            gap = abs((Date.fromisoformat(a.date.value) - Date.fromisoformat(b.date.value)).days)
        except ValueError:
            return False
        return gap <= 4 and a.date.precision == b.date.precision == Precision.DAY
    if not b.own_date or not a.own_date:
        return a.date.value[:7] == b.date.value[:7] and (a.date.precision != b.date.precision)
    return False


_ANOTHER = re.compile(r"\b(?:separate(?:ly)?|earlier|later|another|before that|after that)\b", re.I)


def _another(ctx: Context, draft: Draft, other: Draft) -> bool:
    """A meeting the sentence sets apart from one already told ("separate", "earlier", "later")
    with a person each has that the other lacks: two meetings, not one told twice."""
    mine, theirs = set(draft.participants), set(other.participants)
    people = [a for a in mine ^ theirs if ctx.actors.kind(a) == "person"]
    if not (any(a in mine for a in people) and any(a in theirs for a in people)):
        return False
    sentence = ctx.sentences[draft.sentence]
    return _ANOTHER.search(ctx.text, sentence.start, sentence.end) is not None


def _apart(ctx: Context, draft: Draft, other: Draft, loose: bool) -> bool:
    """Two meetings told apart by their people: each has a person the other lacks, or they share
    no person while one has a person the other lacks ("Tamim welcomed a Hamas delegation led by X"
    and "talks between Israel and Hamas"; not when the later one is "the talks": ``loose``)."""
    mine, theirs = set(draft.participants), set(other.participants)
    if not mine or not theirs:
        return False
    people = [a for a in mine ^ theirs if ctx.actors.kind(a) == "person"]
    if any(a in mine for a in people) and any(a in theirs for a in people):
        return True
    shared_people = [a for a in mine & theirs if ctx.actors.kind(a) == "person"]
    return loose and bool(people) and not shared_people


def _arrivals_apart(ctx: Context, draft: Draft) -> bool:
    """A definite meeting whose people are told arriving at it ("X and Y arrived in Sharm el-Sheikh,
    where the negotiations are taking place") is told from its own people, not merged by the
    article alone into the last meeting told."""
    sentence = ctx.sentences[draft.sentence]
    return bool(draft.participants) and bool(
        meetings.ARRIVED_WHERE.search(ctx.text, sentence.start, sentence.end)
    )


def _merge(
    ctx: Context,
    drafts: list[Draft],
    reported: Sequence[tuple[int, int]] = (),
    dated_by: dict[str, DateRef] | None = None,
) -> list[Event]:
    merged: list[Draft] = []
    for draft in drafts:
        # "Khamenei said the first steps in the current talks with the United States ...": talks a
        # speaker refers to, naming a side, are not the last meeting told unless they share someone
        spoken_of = (any(ctx.actors.kind(p) in ("country", "bloc") for p in draft.participants)
                     and any(lo <= draft.evidence[0][0] < hi for lo, hi in reported))
        target = None
        for other in reversed(merged):
            if other.kind != draft.kind or not _compatible(other, draft):
                continue
            if (draft.alone or other.alone) and set(draft.participants) != set(other.participants):
                continue  # "held separate meetings with Hamas and with Witkoff": two meetings
            if _another(ctx, draft, other):
                continue  # "Earlier on Tuesday, Akazawa held talks with Lutnick": not his talks with Trump
            if not draft.definite and _apart(ctx, draft, other, loose=True):
                continue  # "A held a call with B" and "A spoke with C during a call": two calls
            shared = set(other.participants) & set(draft.participants) or (other.keys & draft.keys)
            same_place = draft.place is not None and draft.place == other.place and draft.date is not None
            if shared or same_place:
                target = other
                break
        if (
            target is None
            and draft.definite
            and draft.kind in ("meeting", "phone_call")
            and not _arrivals_apart(ctx, draft)
        ):
            # "the talks": the last such event met, unless it happened elsewhere
            target = next(
                (
                    o
                    for o in reversed(merged)
                    if o.kind == draft.kind
                    and _compatible(o, draft)
                    and not (draft.place and o.place and draft.place != o.place)
                    and not (
                        draft.place and not o.place and not set(draft.participants) & set(o.participants)
                    )
                    and not (spoken_of and not set(draft.participants) & set(o.participants))
                ),
                None,
            )
        if target is None:
            merged.append(draft)
            continue
        if _better(target, draft):
            target.date = draft.date
            target.own_date = draft.own_date
            target.start_date, target.end_date = draft.start_date, draft.end_date
        target.place = target.place or draft.place
        target.participants += [p for p in draft.participants if p not in target.participants]
        target.evidence += draft.evidence
        target.keys |= draft.keys
    events = []
    mentions = [m for m in ctx.actors.mentions if not m.in_quote]

    def named(actor: str, lo: int, hi: int) -> bool:
        return any(m.actor_id == actor and lo <= m.start < hi for m in mentions)

    for d in merged:
        if d.kind in _FRAMED_KINDS and not d.participants and not (d.place and d.date and d.own_date):
            continue  # nobody put at it, and no place and day of its own: "talks were held on Monday"
        start, end = d.evidence[0]
        event_id = item_id(
            "e", ctx.report.id, start, end, EVENTS_EXTRACTOR,
            d.kind + ("|" + ",".join(d.participants) if d.alone else ""),
        )
        if dated_by is not None and d.date is not None and d.own_date:
            dated_by[event_id] = d.date
        events.append(
            Event(
                id=event_id,
                kind=d.kind,
                date=d.date.value if d.date else None,
                date_precision=d.date.precision if d.date else Precision.UNKNOWN,
                place=d.place,
                participant_ids=tuple(d.participants),
                summary=d.summary,
                evidence=tuple(Evidence(report_id=ctx.report.id, start=s, end=e) for s, e in d.evidence),
                extractor=EVENTS_EXTRACTOR,
            )
        )
    return [still_to_come(event_plover.with_plover(e, ctx.text, "en", named), ctx.report.published_at)
            for e in events]
