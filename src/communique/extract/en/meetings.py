"""What a clause must show before a meeting, call or planned meeting is a fact, and the span
that states it (English).

Precision first: each check below names what it must (or must not) see in the trigger's
clause; when in doubt there is no event.

- **unreal**: a meeting that the clause does not say took place or will take place -- a denial
  ("no plans for X to meet Y", "did not meet", "ruled out a meeting"), a possibility or wish
  ("could meet", "hopes to meet", "a possible summit", "ready to meet"), a request or offer
  ("asked to meet", "invited X to visit"), or one called off ("the talks were cancelled").
- **qualifier**: an organisation or country that only qualifies a named person's title ("Brahimi,
  the UN envoy", "a White House official said") is neither a party nor, for the reporter, a
  participant.
- **evidence**: the stretch of the clause that holds the trigger and the words naming its
  participants, without the connective or the reporting frame before it ("said on Tuesday that").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .actors import Mention
from .lexicon import TITLE_WORDS

# words before a meeting trigger, inside its clause, that make it no fact
_UNREAL_BEFORE = re.compile(
    r"\b(?:no|not|never|nor|could|might|may|can|cannot|should|if|whether|unless|possibl[ey]|"
    r"potential(?:ly)?|perhaps|maybe|hopes?|hoped|hoping|wants?|wanted|wanting|wish(?:es|ed)?|"
    r"would like|ready|willing|open|offer(?:s|ed|ing)?|refus(?:es|ed|ing)|declin(?:es|ed|ing)|"
    r"rul(?:e|es|ed|ing) out|invit(?:es|ed|ing|ation)|propos(?:es|ed|ing|al)|suggest(?:s|ed|ing)?|"
    r"seek(?:s|ing)?|sought|push(?:es|ed|ing)? for|call(?:s|ed|ing)? for|urg(?:es|ed|ing)|"
    r"ask(?:s|ed|ing)? (?:to|for)|aim(?:s|ed|ing)? to|tr(?:y|ies|ied|ying) to|attempt(?:s|ed)? to|"
    r"prospects? of|idea of|chance of|talk of|considering|consider(?:s|ed)?|mull(?:s|ed|ing)?|"
    r"threat(?:en|ened|ens) to|unlikely|doubt(?:s|ed|ful)?|authori[sz](?:e|es|ed|ing)|allow(?:s|ed)?|"
    r"permit(?:s|ted)?|explor(?:e|es|ed|ing)|look(?:s|ed|ing)? forward to|"
    r"efforts?\s+(?:\w+\s+){0,4}?to)\b|n't\b|"
    # the intention right before a trigger that begins with "to": "aiming to visit", "trying to meet"
    r"\b(?:aim(?:s|ed|ing)?|tr(?:y|ies|ied|ying)|attempt(?:s|ed|ing)?|ask(?:s|ed|ing)?|"
    r"efforts?(?:\s+\w+){0,4}|look(?:s|ed|ing)? forward)\s+$",
    re.I,
)
# "the first sitting vice president to visit", "the only leader to meet him": who did it, no plan --
# unless it is still to be ("will be the first to visit")
_FIRST_TO = re.compile(
    r"(?P<will>\b(?:will|would|is set to|is due to)\s+(?:be|become)\s+)?\b(?:the|a)\s+"
    r"(?:first|second|third|only|last)\s+(?:[\w-]+\s+){0,6}$")
# a noun trigger named as no fact: "a possible meeting", "any talks", "no summit"
_UNREAL_NOUN = re.compile(
    r"\b(?:possible|potential|proposed|prospective|hypothetical|eventual|any|no|hoped-for|"
    r"mooted|rumou?red|planned)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
# words after a noun trigger that take it back: "the talks could take place", "was cancelled"
_UNREAL_AFTER = re.compile(
    r"^[^,;.]{0,60}?\b(?:(?:could|might|may|would)\s+(?:\w+\s+)?(?:take place|happen|be held|occur|go ahead)|"
    r"(?:was|were|has been|had been|have been|is|are)\s+(?:\w+\s+)?(?:cancell?ed|called off|"
    r"postponed|delayed|scrapped|shelved|put on hold|not (?:planned|scheduled|expected|happening))|"
    r"(?:initially|originally|first)\s+(?:planned|scheduled|set)\b[^,;]{0,60}?\bbut\s+(?:was|were|has been|"
    r"had been|have been)\s+(?:\w+\s+)?(?:delayed|postponed|cancell?ed|called off|moved)\b|"
    r"(?:did|will|would|could) not (?:take place|happen|go ahead))",
    re.I,
)
# a definite noun trigger ("the talks", "his envoys' meeting", "Tuesday's summit") is one that happened
_DEFINITE = re.compile(
    r"(?:\b(?:the|his|her|their|its|this|that|last)|\w(?:'s|’s|s'|s’))\s+(?:[\w-]+\s+){0,2}$"
)
_WINDOW = 100
_SUBORDINATE = re.compile(
    r",\s+(?:(?:a|one|two|three|the) (?:day|days|week|weeks) )?(?:after|before|when|while|since|as|where|who|"
    r"which|following|once)\b"
)  # how far back in its clause a trigger's denial or modality is looked for

_SUBORDINATE_PRONOUN = re.compile(r"\s(?:when|while|after|once)\s+(?=(?:he|she|they|we)\s)")

# a title right after an organisation or country: it qualifies a person ("the UN envoy")
_TITLE_AFTER = re.compile(
    r"\s+(?:special\s+|chief\s+|top\s+|senior\s+|foreign\s+|deputy\s+)?(?:envoys?|spokes(?:man|woman|person)|"
    r"officials?|ministers?|minister|president|secretary|ambassador|negotiator|adviser|advisor|aide|"
    r"chief|leader|prime minister|representative|sources?|press secretary)\b",
    re.I,
)
# "Trump's Mideast envoy", "Biden's top adviser", "Qatar's prime minister", "Netanyahu's office"
_POSSESSED_TITLE = re.compile(
    r"(?:'s|’s|'|’)\s+(?:[\w-]+\s+){0,3}?(?:envoys?|aides?|advisers?|advisors?|son-in-law|spokes(?:man|woman|person)|"
    r"negotiators?|team|delegation|office|government|administration|ministers?|minister|secretary|"
    r"ambassador|chief|representatives?|officials?|cabinet|emissary|mediators?|counterpart|deputy|"
    r"head|leaders?|president|prime minister|premier|vice premier|chancellor|emir|king|foreign minister)\b",
    re.I,
)
_TITLE_OF = re.compile(
    r"\b(?:confidant|ally|allies|aide|adviser|advisor|envoy|son-in-law|spokes(?:man|woman|person)|chief|member|"
    r"friend|associate|deputy|representative|emissary|lawyer|negotiator)s?\s+(?P<to>of|to|for)\s+(?:the\s+)?"
    r"(?:(?:[A-Z][\w.-]*|[a-z]+-elect|president|prime|minister)\s+){0,3}$",
    re.I,
)
# "special envoy to the Middle East Steve Witkoff": the title names where, and the person after it
# holds it (but "an aide to President Trump": the person is the one served)
_WHERE_OF_TITLE = re.compile(
    r"\s+(?:the\s+)?(?!(?i:" + "|".join(sorted((re.escape(w) for w in TITLE_WORDS), key=len, reverse=True))
    + r")\b)[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?,?\s+"
)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_ONE_PERSON = re.compile(
    r"\s+(?:\w+\s+)?(?:envoy|spokes(?:man|woman|person)|minister|president|secretary|ambassador|negotiator|"
    r"adviser|advisor|prime minister|press secretary)$",
    re.I,
)
_APPOSITION_BEFORE = re.compile(r",\s+(?:the|a|an|its|his|her)\s+(?:[a-z][\w-]*\s+){0,2}$")
_REPORTER_AFTER = re.compile(
    r"\s+(?:[a-z][\w-]*\s+){0,2}(?:officials?|spokes(?:man|woman|person)|sources?|statement|readout|"
    r"press secretary|government|ministry|office|embassy|media|television|agency|cabinet office)"
    r"\s+(?:\w+ly\s+)?(?:said|says|told|added|confirmed|announced|wrote|reported)\b",
    re.I,
)
_TIME_ZONE = re.compile(r"\s+time\b")
_LED_BY = re.compile(
    r"\s+(?:officials|delegation|delegates|team|negotiators|representatives)\s*,?\s+(?:led|headed) by\s+[A-Z]"
)
# a country or body followed by a title and a name: it only qualifies that person's title
_TITLED_NAME = re.compile(
    r"\s+(?:[A-Za-z][\w.-]*\s+){0,3}?(?i:"
    + "|".join(sorted((re.escape(w) for w in TITLE_WORDS), key=len, reverse=True))
    + r")s?\s+(?:[A-Z][\w.’'-]*\s+)*?[A-Z][a-z]"
)

_LEAD = re.compile(r"(?:[\s,;:—–-]+|(?:and|but|while|whereas|although|though|even as|yet)\b\s*)+", re.I)
_FRAME_LEAD = re.compile(
    r"(?:said|says|told reporters|added)\b[^.;:]{0,50}?\bthat\s+|(?:said|says|added)\s+|"
    r"(?:on|late on|early on)\s+[A-Z]\w+\s+|(?:whether|that|if|about|what)\s+",
    re.I,
)
_TAIL = re.compile(r"[\s,;:—–-]+$")


def unreal(lower: str, clause: tuple[int, int], start: int, end: int, noun: bool) -> bool:
    """Whether the clause names the meeting at ``lower[start:end]`` as no fact: denied, possible,
    wished for, asked for, offered or called off."""
    lo = max(clause[0], start - _WINDOW)
    for sub in _SUBORDINATE.finditer(lower, lo, start):
        lo = sub.end()  # "had not rejected the plan, a day after Putin received ...": another clause
    for sub in _SUBORDINATE_PRONOUN.finditer(lower, lo, start):
        lo = sub.end()  # "did not discuss trade when he held talks with ...": the talks took place
    if lower.startswith("to ", start):
        first = _FIRST_TO.search(lower, lo, start)
        if first is not None and not first.group("will"):
            return True  # "making him the first vice president to visit": a visit made, no plan
    hits = list(_UNREAL_BEFORE.finditer(lower, lo, start))
    found = hits[-1] if hits else None
    if found is not None and not (noun and _DEFINITE.search(lower, max(found.end(), start - 40), start)):
        return True  # but "asked whether his envoys' meeting would ...": that meeting took place
    if noun and _UNREAL_NOUN.search(lower, max(clause[0], start - 30), start):
        return True
    return bool(noun and _UNREAL_AFTER.match(lower[end : clause[1]]))


def qualifier(text: str, mention: Mention, mentions: list[Mention]) -> bool:
    """Whether a mention only qualifies someone's title: "Trump's Mideast envoy Witkoff" (a
    possessive before a title), "Brahimi, the UN envoy,", "US envoys Witkoff and Kushner", "a White
    House official said"."""
    if mention.possessive and _POSSESSED_TITLE.match(text, mention.end):
        return True
    of = _TITLE_OF.search(text, max(0, mention.start - 40), mention.start)
    if of and not (mention.kind == "person" and _WHERE_OF_TITLE.fullmatch(text, of.end("to"), mention.start)):
        return True  # "a close confidant of Netanyahu", "an adviser to Trump"
    if mention.kind == "person":
        return False
    if _REPORTER_AFTER.match(text, mention.end) or _TIME_ZONE.match(text, mention.end):
        return True  # "..., the Japanese government said", "on Thursday Japan time"
    if _TITLED_NAME.match(text, mention.end) or _LED_BY.match(text, mention.end):
        return True  # "Chinese Vice Premier He Lifeng", "Chinese officials, led by Vice Premier He Lifeng"
    title = _TITLE_AFTER.match(text, mention.end)
    if not title:
        return False
    if any(m.kind == "person" and 0 <= m.start - title.end() <= 2 for m in mentions):
        return True  # "US envoys Steve Witkoff and ...": the person is the party
    the = _THE_BEFORE.search(text, max(0, mention.start - 5), mention.start)
    if the and _ONE_PERSON.match(title.group()):
        return True  # "said the US Treasury Secretary after ...": a description of one person
    before = text[max(0, mention.start - 40) : mention.start]
    apposed = _APPOSITION_BEFORE.search(before)
    if apposed is None:
        return False
    at = mention.start - len(before) + apposed.start()  # where ", the" begins: right after the person
    return any(m.kind == "person" and 0 <= at - m.end <= 1 for m in mentions)


def evidence(text: str, lo: int, hi: int, trigger: tuple[int, int]) -> tuple[int, int]:
    """The stretch ``text[lo:hi]`` stating an event, trimmed of a leading connective or reporting
    frame and of trailing punctuation; never less than the trigger."""
    start, end = lo, hi
    while True:
        lead = _LEAD.match(text, start, trigger[0]) or _FRAME_LEAD.match(text, start, trigger[0])
        if not lead or lead.end() == start:
            break
        start = lead.end()
    tail = _TAIL.search(text, start, end)
    if tail and tail.start() >= trigger[1]:
        end = tail.start()
    if not (start <= trigger[0] and trigger[1] <= end):
        return trigger
    return start, end


# a meeting or call named by a noun ("talks", "a phone call"): who is at it must be said around it
NOUN_TRIGGER = re.compile(
    r"(?:(?:tele)?phone\s+)?(?:meetings?|talks?|summit|negotiations|consultations|session|rounds?|call|discussions?|"
    r"conversation)|(?:a|the)\s+call|call\s+with",
    re.I,
)
_LIGHT_VERB = (
    r"(?:held|hold|holds|holding|began|begin|begins|beginning|started|start|starts|resumed|resume|resumes|"
    r"opened|opens|concluded|conclude|ended|end|ends|wrapped up|attended|attend|attends|attending|joined|"
    r"join|joins|joining|led|lead|leads|leading|took part in|take part in|taking part in|participated in|"
    r"participating in|went into|entered|hosted|host|hosts|hosting|chaired|headed|heads|"
    r"sat down for|engaged in|conducted|conducting|were in|was in|are in|is in|spent|spend|spends|spending|"
    r"sat in on|sit in on|sits in on|"
    r"(?:was|were) present at|accompanied \w+ (?:to|at))"
)
# the subject of a verb whose object is the meeting noun: "Israel and Hamas began indirect negotiations"
_SUBJECT_GAP = re.compile(
    # (an apposition on the way: "arrived in Rome, the Italian capital, on Friday to take part in")
    r"(?:\s*,[^,;]{0,120},|\s*,)?[^,;]{0,60}?(?:,\s+(?:the|a|an)\s+[^,;]{1,40},[^,;]{0,40}?)?\b(?:"
    + _LIGHT_VERB + r"\s+(?:[\w'’\"“”-]+\s+){0,6}"
    r"(?:(?:in|with|at|for|on|during)\s+(?:[\w'’.-]+\s+){0,7}?)*|(?:had|has|have|having)\s+(?:[\w-]+\s+){0,2})",
    re.I,
)
# the one a verb puts in the call or meeting: "advised Ushakov in an October phone call"
_IN_GAP = re.compile(
    r",?\s+(?:in|during|at)\s+(?:(?:a|an|the|their|his|her|its)\s+)?(?:[\w-]+\s+){0,2}"
    r"|[^,;]{0,40}?\b(?:in|during|at)\s+(?:their|his|her)\s+(?:[\w-]+\s+){0,2}"
)
_OWN_CALL_GAP = re.compile(
    r"[^,;]{0,40}?\b(?:after|following|during|in)\s+(?:a|an|his|her|their|(?:[\w-]+\s+){1,2}of)\s+"
    r"(?:[\w-]+\s+){0,2}"
    # "said Akazawa after speaking with Lutnick during a phone call": the speaker's own call
    r"|\s+(?:to reporters\s+)?(?:after|following)\s+(?:speaking|talking)\s+(?:by phone\s+)?with\s+"
    r"[^,;]{0,80}?\b(?:during|in|over|on)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}"
)
_BETWEEN = re.compile(r"\s+(?:\w+\s+)?between\b")  # "talks between Putin and Witkoff": others' talks
# "Trump described his meeting with Putin": his own meeting (not "their", not "his envoys' talks")
_HIS_OWN_GAP = re.compile(r"[^,;]{0,40}?\b(?:his|her)\s+(?:[\w-]+\s+){0,2}")
_REPORTING = re.compile(
    r"\b(?:said|says|told|tells|added|announced|thanked|praised|welcomed|called|described|expressed|"
    r"commented|asked|insisted|warned|noted|wrote|confirmed|denied)\b",
    re.I,
)
_WHAT_DESCRIBED = re.compile(r"\bwhat\s+(?:[\w-]+\s+){0,3}(?:described|called|termed)\s+as\b", re.I)
# the owner or the attributive parties of the noun: "Witkoff's meeting", "the Israel-Hamas talks"
_OWNER_GAP = re.compile(r"(?:'s|’s|'|’)\s+(?:[\w-]+\s+){0,2}")
_ATTRIBUTIVE_GAP = re.compile(
    r"(?:[\s/–-]+|(?:and|indirect|direct|peace|ceasefire|truce|bilateral|trilateral|high-level|face-to-face|"
    r"one-on-one|joint|security|trade|nuclear|phone|telephone|video|hostage|[\w]+-level|tariff|economic|"
    r"ministerial)\b|[A-Z][\w.]*)*"
)


# after a meeting noun, its parties come through a linking word: "talks between Israel and Hamas",
# "talks in Egypt with Witkoff", "the round that opened on Thursday, with Umerov and Hnatov across
# the table from Witkoff" -- not "talks follow months of tariffs ... by China"
_LINKED_AFTER = re.compile(
    r"(?:\s*,?\s*(?:that|which)\s[^,;]{0,40},)?\s*(?:[\w'’.-]+\s+){0,4}?"
    r"(?:with|between|among|involving|including|alongside|across the table from|hosted by|led by|by|"
    r"brought together|bringing together|brings together)\s"
    r"(?:(?!\b(?:after|before|when|while|since|that|which|who|said|says|comes|came|come|over|to)\b)[^;])*?"
)
_RIGHT_AFTER = re.compile(r"\s*(?:[\w.’'-]+\s+){0,4}?")


def noun_party(text: str, mention: Mention, trigger: tuple[int, int]) -> bool:
    """Whether a mention is a party of the meeting a noun names.  Before the noun: the subject of
    the verb that has the noun as object ("Israel and Hamas began indirect negotiations"), its
    owner ("Witkoff's meeting") or an attributive party ("the Israel-Hamas talks") -- never the one
    who thanks, announces or comments on it.  After it: whoever its clause names ("talks between
    Israel and Hamas", "a call with Witkoff"), but not the owner of something else ("talks ...
    over Trump's framework")."""
    start, end = trigger
    if mention.end <= start:
        gap = text[mention.end : start]
        if _OWNER_GAP.fullmatch(gap) or _ATTRIBUTIVE_GAP.fullmatch(gap) or _IN_GAP.fullmatch(gap):
            return True
        if (_OWN_CALL_GAP.fullmatch(gap) or _HIS_OWN_GAP.fullmatch(gap)) and not _BETWEEN.match(text, end):
            return True  # "Zelensky wrote on Telegram after a phone call with ...": his own call
        # "ended two days of what both sides described as 'constructive' talks": the talks' own subject
        gap = _WHAT_DESCRIBED.sub(" ", gap)
        return bool(_SUBJECT_GAP.fullmatch(gap)) and not _REPORTING.search(gap)
    if mention.start < end or mention.possessive:
        return False
    if text[start:end].endswith("with"):  # "a call with Xi"
        return bool(
            _RIGHT_AFTER.fullmatch(text, end, mention.start)
            or _LINKED_AFTER.fullmatch(text, end, mention.start)
        )
    return bool(_LINKED_AFTER.fullmatch(text, end, mention.start)) and mention.start - end <= 140


# --------------------------------------------------------------------------- unnamed parties
# A clause may put someone at a meeting without naming them: "He met the president on Wednesday",
# "They met with Lutnick ...".  The pronoun or description must be the meeting's subject (opening
# its clause, after at most an opening phrase and a comma) or the object of the meeting verb.

_OPENING = re.compile(
    r"[\s,;:—–-]*(?:(?:said|says|added|adds|told reporters)\s+)?"
    r"(?:(?:and|but|then|after|before|when|while|once|as|that)\s+)?"
    r"(?:(?:on|in|at|late|early|earlier|later|after|during|following)\b[^,;.]{0,60},\s+)?",
    re.I,
)
_PRONOUN = re.compile(r"(?P<p>[Hh]e|[Ss]he|They)\s")
# a definite description of a person: "the president", "the Japanese economic revitalization minister"
_DESCRIPTION = re.compile(
    r"(?P<d>(?:[Tt]he|[A-Z][\w.]*(?:'s|’s))\s+(?:[\w.-]+\s+){0,4}?"
    r"(?i:president|prime minister|premier|vice premier|minister|secretary|negotiator|envoy|chancellor|"
    r"emir|king|leader|representative))(?![\w'’-])(?!\s+[A-Z])"
)
# between the subject and a meeting verb: adverbs and auxiliaries only ("He also held talks")
_VERB_GAP = re.compile(
    r"(?:\s*(?:also|then|later|again|separately|first|had|has|have|will|would|was|were|is|are|planned|plans|"
    r"plan|intends|intended|set|scheduled|due|"
    r"[a-z]+ly)\b)*\s*"
)
# "He planned to visit Washington next week to hold further talks with ...": the trip's purpose
_TRIP_GAP = re.compile(
    r"\s*(?:(?:planned|plans|plan|is|was|is set|was set|is scheduled|was scheduled|will|intends)\s+)?"
    r"(?:to\s+)?(?:visit|travel\s+to|fly\s+to|go\s+to|head\s+to)\s+[^,;]{0,60}?\s"
)
_WHERE_BEFORE = re.compile(r"\b(?:visit|to|in|at)\s+(?:the\s+)?$")
_OBJECT_GAP = re.compile(r"\s+(?:in person\s+)?(?:with\s+)?")
_NOUN_SUBJECT_GAP = re.compile(
    r"\s+(?:also\s+|then\s+|later\s+|had\s+|have\s+|has\s+)*(?:held|had|began|started|ended|concluded|"
    r"wrapped up|resumed|opened|joined|attended)\s+(?:a|an|the|their|his|her|two|three|[\w-]+\s+of)?"
    r"(?:\s*[\w-]+){0,3}\s*"
)
# "Trump hailed a 'very productive' call with Xi": the one who hails his own call
_OWN_CALL_PRAISED = re.compile(
    r"\s+(?:\w+ly\s+)?(?:hailed|praised|lauded|touted|described|welcomed|called)\s+(?:a|an)\s+"
    r"(?:[\w\"“”'’-]+\s+){0,3}"
)


# "... when he held talks with Ishiba": the pronoun subject of a subordinate clause right before the verb
_SUBORDINATE_SUBJECT = re.compile(
    r"\b(?:when|while|after|once)\s+(?P<p>he|she)\s+(?:also\s+|had\s+|later\s+)?$"
)
# "... after his meeting with Netanyahu": his own meeting
_OWN_NOUN = re.compile(r"\b(?P<p>his|her)\s+(?:[\w-]+\s+){0,2}$")
# '"...," said the treasury secretary after two days of meetings with ...': the speaker's own meeting
_SAID_BEFORE = re.compile(r"\b(?:said|says|added)\s+(?=the\s)")
_DESCRIBED_OWN_GAP = re.compile(
    r"\s+(?:to reporters\s+)?(?:after|following)\s+(?:a|an|his|her|their|(?:[\w-]+\s+){1,2}of)\s+"
    r"(?:[\w-]+\s+){0,2}"
)
_PRONOUNS = {"his": "he", "her": "she", "he": "he", "she": "she"}


_MET_WITH = re.compile(
    r"\s+(?:(?:also|later|then)\s+)?(?:met|spoke|talked|held talks)\s+"
    r"(?:(?:by|on the|over the) phone\s+)?(?:with\s+)?"
)
_TITLE_GAP = re.compile(r"(?:[\w.’'-]+\s+){0,4}")


def _they(ctx_text: str, prev: list[Mention]) -> list[str]:
    """Who "They" opening a sentence are: the people the sentence before opens with, joined by
    "and" ("Li and Wang Wentao, China's commerce minister, were ...")."""
    people = [m for m in prev if not m.in_quote]
    if len(people) < 2 or people[0].kind != "person":
        return []
    first = people[0]
    if first.possessive:
        return []
    second = people[1]
    joined = re.fullmatch(r"\s+and\s+", ctx_text[first.end : second.start])
    if second.kind == "person" and not second.possessive and joined:
        return [first.actor_id, second.actor_id]
    # "A spoke with U.S. President B over the phone. They ...": the two at the call or meeting
    met = _MET_WITH.match(ctx_text, first.end)
    if met is None:
        return []
    after = next((m for m in people[1:] if m.start >= met.end() and m.kind == "person"), None)
    if after is None or after.possessive or not _TITLE_GAP.fullmatch(ctx_text, met.end(), after.start):
        return []
    return [first.actor_id, after.actor_id]


def unnamed_parties(
    text: str,
    region: tuple[int, int],
    trigger: tuple[int, int],
    verb: bool,
    mentions: list[Mention],
    prev: list[Mention],
    pronoun: Callable[[str, int], str | None],
    title: Callable[[str, int], str | None],
) -> list[str]:
    """The people a meeting clause puts at it by pronoun or description (see above): ``pronoun(word,
    pos)`` and ``title(phrase, pos)`` resolve them; ``verb`` says whether the trigger is a verb
    ("met") rather than a noun ("talks")."""
    out: list[str] = []
    lo = _OPENING.match(text, region[0], trigger[0])
    at = lo.end() if lo else region[0]
    subject = _PRONOUN.match(text, at, trigger[0]) or _DESCRIPTION.match(text, at, trigger[0])
    if subject is not None and any(
        at <= m.start < trigger[0] and not _WHERE_BEFORE.search(text, max(at, m.start - 12), m.start)
        for m in mentions
        if m.end > subject.end()
    ):
        subject = None  # the clause names its subject after all ("He Lifeng met ...")
    if subject is not None:
        gap = text[subject.end() : trigger[0]]
        fits = (
            _VERB_GAP.fullmatch(gap) or _TRIP_GAP.fullmatch(gap)
            if verb
            else _NOUN_SUBJECT_GAP.fullmatch(" " + gap)
        )
        if fits:
            if subject.lastgroup == "p":
                word = subject.group("p").lower()
                found = _they(text, prev) if word == "they" else [pronoun(word, subject.start())]
            else:
                found = [title(subject.group("d"), subject.start())]
            out += [a for a in found if a]
    near = max(region[0], trigger[0] - 60)
    if verb:
        sub = _SUBORDINATE_SUBJECT.search(text, near, trigger[0])
        if sub is not None and not any(sub.start() <= m.start < trigger[0] for m in mentions):
            found_sub = pronoun(_PRONOUNS[sub.group("p").lower()], sub.start("p"))
            if found_sub:
                out.append(found_sub)
    else:
        own = _OWN_NOUN.search(text, near, trigger[0])
        if own is not None and text.startswith(" with ", trigger[1]):
            found_own = pronoun(_PRONOUNS[own.group("p").lower()], own.start("p"))
            if found_own:
                out.append(found_own)
        saids = list(_SAID_BEFORE.finditer(text, max(region[0], trigger[0] - 160), trigger[0]))
        if saids:
            described = _DESCRIPTION.match(text, saids[-1].end())
            if (
                described is not None
                and _DESCRIBED_OWN_GAP.fullmatch(text, described.end(), trigger[0])
                and not any(described.start() <= m.start < described.end() and m.kind == "person"
                            for m in mentions)
            ):
                found_title = title(described.group("d"), described.start())
                if found_title:
                    out.append(found_title)
    if verb:
        obj = _OBJECT_GAP.match(text, trigger[1])
        if obj is not None:
            described = _DESCRIPTION.match(text, obj.end())
            if described is not None and not any(obj.end() <= m.start < described.end() for m in mentions):
                found_title = title(described.group("d"), described.start())
                if found_title:
                    out.append(found_title)
    return out


def praises_own(text: str, mention: Mention, trigger: tuple[int, int]) -> bool:
    """"Trump hailed a "very productive" call with Xi": the subject hails a call of his own."""
    if mention.kind != "person" or mention.possessive or mention.end > trigger[0]:
        return False
    if not (text[trigger[0] : trigger[1]].endswith("with") or text.startswith(" with ", trigger[1])):
        return False
    return bool(_OWN_CALL_PRAISED.fullmatch(text, mention.end, trigger[0]))


# "X and Y arrived in Sharm el-Sheikh, where the negotiations are taking place": the arrivals join them
ARRIVED_WHERE = re.compile(
    r"\b(?:arrived|arrives|arriving|landed)\b[^.;]{0,80}?,\s+where\s+(?:the\s+)?(?:[\w-]+\s+){0,2}"
    r"(?=(?:negotiations|talks|meetings?|discussions)\b)"
)
_SUBJECT_OPENS = re.compile(r"(?:^|\b(?:as|when|after|while|since|and)\s)")
# "Trump son-in-law and adviser Jared Kushner": a person qualifying another's title
_PERSON_TITLED = re.compile(
    r"\s+(?i:"
    + "|".join(sorted((re.escape(w) for w in TITLE_WORDS), key=len, reverse=True))
    + r")\b[^,;]{0,40}?\s[A-Z][a-z]"
)


def arrivals(
    text: str, sentence_start: int, trigger: tuple[int, int], mentions: list[Mention]
) -> tuple[int, list[str]]:
    """The people who arrive where the meeting a noun names is held ("Kushner and Witkoff arrived in
    Sharm el-Sheikh, where negotiations are underway between Israel and Hamas"), and where the first
    of them is named."""
    arrived = ARRIVED_WHERE.search(text, max(sentence_start, trigger[0] - 160), trigger[1])
    if arrived is None or arrived.end() != trigger[0]:
        return trigger[0], []
    lo = sentence_start
    for opening in _SUBJECT_OPENS.finditer(text, sentence_start, arrived.start()):
        if opening.group().strip() and text[opening.start() : opening.start() + 4] != "and ":
            lo = opening.end()
    out: list[str] = []
    first = trigger[0]
    for m in mentions:
        if not (lo <= m.start < arrived.start()) or m.kind != "person" or m.possessive or m.in_quote:
            continue
        if _PERSON_TITLED.match(text, m.end):
            continue  # "Trump son-in-law and adviser Jared Kushner"
        first = min(first, m.start)
        if m.actor_id not in out:
            out.append(m.actor_id)
    return first, out


# "In a 30-minute phone call, which took place at 9 p.m., Akazawa and Bessent explored ...": the
# subject of the main clause was on the call the opening phrase names
# ("During phone talks with his Italian counterpart Tajani, Araghchi said", "After talks with X, Y
# said": with no "a" or "an", only with the counterpart named)
_OPENING_PP = re.compile(
    r"\s*(?:(?P<in>In|During)|After|Following)\s+(?:(?P<art>a|an)\s+|(?:the|his|her|their)\s+)?"
    r"(?:[\w-]+\s+){0,3}")
_AFTER_OPENING = re.compile(r"(?P<with>\s+with\s+[^,;]{1,80}?)?(?:,\s+which\b[^,;]{0,100})?,\s+")
_JOIN = re.compile(r"\s+and\s+|,\s+|,\s+and\s+")


def opening_subjects(
    text: str, sentence_start: int, trigger: tuple[int, int], mentions: list[Mention]
) -> list[str]:
    """The people the main clause opens with, when the sentence opens with the meeting noun ("In a
    phone call, ..., A and B explored ...")."""
    opening = _OPENING_PP.fullmatch(text, sentence_start, trigger[0])
    if opening is None:
        return []
    after = _AFTER_OPENING.match(text, trigger[1])
    if after is None or not ((opening["in"] and opening["art"]) or after["with"]):
        return []  # "In the ongoing negotiations, Japan ...": no one meeting of its own
    out: list[str] = []
    at = after.end()
    for m in mentions:
        if m.start < at:
            continue
        if m.start != at or m.possessive or m.in_quote or m.kind not in ("person", "country"):
            break
        out.append(m.actor_id)
        join = _JOIN.match(text, m.end)
        if join is None:
            break
        at = join.end()
    return out if len(out) >= 1 and not text.startswith("'s", at) else []
