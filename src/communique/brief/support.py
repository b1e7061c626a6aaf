"""Support in meaning: does the cited clause state each claim in the role the sentence gives it?

:mod:`.verify` checks that quotes, dates, numbers and names *occur* in the cited evidence.
That is not enough: "Trump's envoy Witkoff met Putin" names Trump, yet does not put him at the
meeting.  Here each sentence carries :class:`Claim` s (set by the writer), and each claim is
checked against the clause around the evidence of the item it rests on:

- ``participant``: the clause names the actor, not only as a possessive qualifier ("X's envoy",
  「Xの特使」) nor only as the one reporting or commenting on it ("X said", "according to X",
  「Xによると」), and it has a cue of the event's kind (met / talks / 会談; called / 電話);
  for a planned meeting also a cue of the future (will, due to, 予定) and no denial
  ("no plans to", 予定はない) or mere possibility ("could meet", 可能性); for an agreement a
  cue of agreeing or signing (agreed, deal, signed, 合意, 署名) and none that it failed or is
  only hoped for ("failed to agree", "hope to reach", 合意に至らず, 合意を目指す);
- ``speaker``: the quote's sentence names the speaker or refers to a person (he, the minister,
  同氏) and has a reporting cue: a line of quoted words with no attribution (a sub-heading) is
  nobody's words;
- ``stance``: the clause has a cue of that stance and does not deny it ("not rejected",
  "unacceptable" for an acceptance, 「拒否していない」);
- ``after``: a remark said after a meeting was said on a later day than the meeting;
- ``duration``: the clause says the meeting lasted that long ("talks lasting about four hours");
- ``mediator``: the clause names the actor as the go-between of the event ("mediated by Oman",
  "with Qatar mediating", "Omani mediators", 「オマーンの仲介で」, 「仲介役のカタール」), not
  only as its place ("in Muscat, Oman") or as one of its sides.

The cue words are data (``data/claims.json``).  A claim with nothing to check it against fails:
saying less is the price of saying only what is supported.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from importlib import resources
from typing import Any, Protocol

from ..merge.facets import meeting_durations
from .model import Citation, Claim, EvidenceRef, Sentence


class NamePattern(Protocol):
    """How a report names an actor: a compiled regex, or :class:`.select.NamePattern`."""

    def search(self, text: str, /) -> re.Match[str] | None: ...

    def finditer(self, text: str, /) -> Iterator[re.Match[str]]: ...


Patterns = Mapping[str, Mapping[str, NamePattern]]  # language -> actor id -> name pattern


def naming(patterns: Mapping[str, NamePattern], text: str) -> Iterable[tuple[str, NamePattern]]:
    """The (actor id, pattern) pairs that may name someone in ``text``, in order: those a
    :class:`.select.NamePatterns` finds (the rest cannot match), else all of them."""
    may_name = getattr(patterns, "may_name", None)
    return patterns.items() if may_name is None else may_name(text)  # type: ignore[no-any-return]

_ROLE_NOUNS_EN = re.compile(
    r"\s*(?:top |chief |special |senior |foreign |national security |longtime |former )*"
    r"(?:envoys?|emissar(?:y|ies)|aides?|advis[eo]rs?|spokes\w+|negotiators?|representatives?|officials?|"
    r"team|administration|government|son-in-law|delegation|ministers?|secretar(?:y|ies)|deputy|deputies|"
    r"office|lawyers?|counterparts?|cabinet|camp|allies|ally|people|staff|diplomats?|ambassadors?)\b",
    re.I,
)
_ANAPHOR_EN = re.compile(
    r"\b(?:he|she|they|his|her|the (?:\w+ )?(?:president|minister|spokes\w+|official|envoy|secretary|"
    r"chancellor|leader|premier|prime minister|aide|adviser|advisor|negotiator|representative|source|"
    r"diplomat|ambassador|chief|governor|senator|lawmaker|mayor|ministry|government|kremlin|"
    r"white house))\b",
    re.I,
)
_ANAPHOR_JA = re.compile(r"同(?:氏|大統領|首相|大臣|長官|報道官|相|代表|議長|特使|補佐官)")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|「[^」]*」|『[^』]*』")
_QUALIFIED_JA = re.compile(
    r"(?:氏|大統領|首相|政権)?の(?:特使|側近|補佐官|報道官|代表|顧問|使節|代理|娘婿|チーム)")
_FIRM_PLAN = re.compile(r"\b(?:will|due to|scheduled)\b|予定")
_CLAUSE_BREAK = re.compile(r";|\s[–—]\s|,\s*(?:who|which|where|while|but|although|though|whereas)\b|\bthat\b")
_AGREEING = re.compile(  # a party of an agreement, not its reporter: "Osei and Varga agreed on ...",
    # "Varga on Tuesday announced a trade deal with Osei's government"
    r"(?:\s+and\s+[\w .'’-]{1,40}?)?(?:\s+(?:on|late on|early on|earlier on)\s+\w+)?\s+"
    r"(?:have\s+|has\s+|had\s+)?(?:agreed|signed|struck|reached|announced\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}"
    r"(?:deal|agreement|accord|pact|framework)\s+with)\b"
    # "Bessent said on Sunday he has reached a framework with He": the one who reached it says so
    r"|\s+said(?:\s+(?:on|late on|early on|earlier on)\s+\w+)?,?\s+(?:that\s+)?(?:he|she)\s+"
    r"(?:has\s+|had\s+)?(?:agreed|signed|struck|reached)\b", re.I)
_QUOTE_JA = re.compile(r"」(?:と|との|などと|とも)")


@cache
def _cues() -> dict[str, Any]:
    raw = json.loads(resources.files("communique").joinpath("data/claims.json").read_text(encoding="utf-8"))
    out: dict[str, Any] = {}
    for lang in ("en", "ja"):
        table = raw[lang]
        compiled: dict[str, Any] = {}
        for key, value in table.items():
            if isinstance(value, dict):
                compiled[key] = {k: _union(v) for k, v in value.items()}
            elif key == "reporting":
                words = "|".join(re.escape(w) for w in value)
                compiled[key] = re.compile(rf"(?:{words})" if lang == "ja" else rf"\b(?:{words})\b", re.I)
                # the words after a name that make it the one reporting: "Peskov, the spokesman, said"
                compiled["reported_by"] = re.compile(
                    rf"(?:,[^,]{{0,50}},)?\s*(?:[\w.’'-]+\s+){{0,2}}?(?:{words}|commenting|speaking|responding)\b",
                    re.I)
            else:
                compiled[key] = _union(value)
        out[lang] = compiled
    return out


def _union(patterns: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


def _lang(text: str) -> str:
    return "ja" if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text) else "en"


def clause(ev: EvidenceRef) -> str:
    """The text a claim is checked against: the sentence around the evidence (it holds the span)."""
    text = ev.context if ev.context and _squash(ev.text) in _squash(ev.context) else ev.text
    return unicodedata.normalize("NFKC", text)


def _squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


# -- the checks -------------------------------------------------------------------------------
def _qualifier(text: str, start: int, end: int, lang: str) -> bool:
    """The mention only qualifies someone else: "Trump's envoy", 「トランプ氏の特使」."""
    after = text[end:end + 40]
    if lang == "ja":
        return bool(_QUALIFIED_JA.match(after))
    possessive = re.match(r"(?:'s|’s|')", after)
    return possessive is not None and bool(_ROLE_NOUNS_EN.match(after[possessive.end():]))


def _reporter(text: str, start: int, end: int, lang: str, event: re.Pattern[str] | None = None) -> bool:
    """The mention is the one saying or commenting: "Peskov said", "according to Peskov", 「…によると」."""
    cues = _cues()[lang]
    if lang == "ja":
        after = text[end:end + 25]
        if re.match(r"\S{0,10}?(?:によると|によりますと|によれば)", after):
            return True
        # 「ペスコフ報道官は会談について…と述べた」: the speaker comments on the meeting (but in
        # 「タイとカンボジアは国境での衝突をめぐり停戦に合意した」 what follows をめぐり is their own act)
        about = re.search(r"について|をめぐ|に関し", text[end:])
        if not re.match(r"\S{0,8}?は", after) or about is None:
            return False
        return event is None or event.search(text, end, end + about.start()) is not None
    before = text[max(0, start - 40):start]
    if re.search(r"\b(?:according to|said|says|told|wrote|added)\s+(?:[\w.’'-]+\s+){0,4}$", before, re.I):
        return True
    if re.search(r"\b(?:with|between)\s+(?:the\s+)?$", before, re.I):
        return False  # "a deal with Japan that he said ...": the other side of it, not who tells it
    return bool(cues["reported_by"].match(text, end, min(len(text), end + 80)))


def _participant(claim: Claim, evidence: list[EvidenceRef], patterns: Patterns) -> str | None:
    for ev in evidence:
        text = clause(ev)
        lang = _lang(text)
        cues = _cues()[lang]
        pattern = patterns.get(lang, {}).get(claim.actor or "")
        if pattern is None and claim.actor is not None:
            continue
        kind = claim.value or "meeting"
        if kind == "agreement":  # "agreed on a framework"; not "failed to agree", 「合意に至らず」
            if not cues["agreement"].search(text) or cues["denied_agreement"].search(text):
                continue
        elif kind == "phone_call":
            if not cues["phone_call"].search(text):
                continue
        elif not cues["meeting"].search(cues["phone_only"].sub(" ", text)) and not (
                kind == "planned_meeting" and cues["phone_call"].search(text)):
            continue  # a call is not a meeting: 「電話で会談」, "phone talks"
        if kind == "planned_meeting" and (
            not cues["planned"].search(text) or cues["denied_plan"].search(text)
            or (cues["hypothetical"].search(text) and not _FIRM_PLAN.search(text))
        ):
            continue
        if pattern is None:
            return None  # a meeting said to take place, whoever attends
        for m in pattern.finditer(text):
            agreeing = kind == "agreement" and _AGREEING.match(text, m.end()) is not None  # "Varga agreed on"
            event_cue = cues["agreement"] if kind == "agreement" else cues["meeting"]
            if _qualifier(text, m.start(), m.end(), lang) or (
                    not agreeing and _reporter(text, m.start(), m.end(), lang, event_cue)):
                continue
            if lang == "en":  # the name and the meeting word in one clause: "X, who ..., told Y that Z ..."
                left = max((b.end() for b in _CLAUSE_BREAK.finditer(text, 0, m.start())), default=0)
                right = next((b.start() for b in _CLAUSE_BREAK.finditer(text, m.end())), len(text))
                own = text[left:right]
                if kind not in ("phone_call", "agreement"):
                    own = cues["phone_only"].sub(" ", own)
                cue = cues[kind] if kind in ("phone_call", "agreement") else cues["meeting"]
                if not cue.search(own):
                    continue
            return None
    if claim.actor is None:
        return f"the cited clause does not say a {(claim.value or 'meeting').replace('_', ' ')} takes place"
    what = (claim.value or "meeting").replace("_", " ")
    return f"the cited clause does not put {claim.actor} at the {what}"


def _speaker(claim: Claim, evidence: list[EvidenceRef], patterns: Patterns) -> str | None:
    for ev in evidence:
        text = clause(ev)
        lang = _lang(text)
        cues = _cues()[lang]
        pattern = patterns.get(lang, {}).get(claim.actor or "")
        named = [m for m in pattern.finditer(text)] if pattern is not None else []
        # a Japanese headline attributes by placing the name before the quote: 「トランプ大統領「…」」
        # ... or after it in brackets, as television news does: 「…」（赤沢大臣）
        headline_form = lang == "ja" and any(
            re.match(r"\S{0,8}?[「『]", text[m.end():m.end() + 10])
            or re.search(r"[」』]\s*[(（]$", text[max(0, m.start() - 4):m.start()]) for m in named)
        attributed = bool(cues["reporting"].search(text)) or (lang == "ja" and bool(_QUOTE_JA.search(text)))
        if not attributed and not headline_form:
            if _carried_over(claim, ev, text, lang, patterns):
                return None
            continue
        if any(not _qualifier(text, m.start(), m.end(), lang) for m in named):
            return None
        outside = _QUOTED.sub(" ", text)
        if lang == "en" and _PRONOUN_SAID.match(outside) and _carried_over(claim, ev, "", lang, patterns):
            return None  # "He said a 25% tariff on cars imposed by the Trump administration ...": he
        others = [p for a, p in naming(patterns.get(lang, {}), outside)
                  if a != claim.actor and _names_subject(p, outside, lang)
                  and not (a == claim.value and _only_reported(p, outside, cues["reporting"], lang))]
        if others:
            if lang == "ja" and _carried_over(claim, ev, text, lang, patterns):
                return None  # 「ハマスが求める保証に向けて『…』と述べた」 after 「トランプ氏は…と強調」
            continue
        # no one else named: "he said", the omitted subject of Japanese (「…」とも述べました)
        if lang == "ja" or _ANAPHOR_EN.search(outside):
            return None
    return f"the cited sentence does not attribute the words to {claim.actor}"


_PRONOUN_SAID = re.compile(
    r"\s*(?:he|she)\s+(?:\w+ly\s+)?(?:said|says|added|told|stressed|insisted|noted|warned)\b", re.I)
# a Japanese name as the subject of its clause: 「ラトニック長官は」, not 「日本との」「トランプ氏には」
_SUBJECT_JA = re.compile(r"[^、。「」\s]{0,8}?(?<![にでとか])(?:は|が)")
_TOPIC_JA = re.compile(r"[^、。「」\s]{0,8}?(?<![にでとか])は")
# lines and sentences; not after "U.S."
_LINES = re.compile(r"(?<=[。！？])|(?<=[.!?\u201d\"])(?<![A-Z]\.)\s+(?=[A-Z\u201c\"])|\n")
_LABEL_LINE = 24  # a line of a name and a title only (a transcript's 「ベッセント財務長官」 above the words)


def _only_reported(pattern: NamePattern, text: str, reporting: re.Pattern[str], lang: str) -> bool:
    """In English, the name stands only after the first verb of saying, in the words reported ("the
    prime minister said Qatar's response would be ..."): not the one who says them."""
    cue = reporting.search(text)
    return lang == "en" and cue is not None and all(m.start() > cue.start() for m in pattern.finditer(text))


def _names_subject(pattern: NamePattern, text: str, lang: str, topic_only: bool = False) -> bool:
    """The pattern names someone as the subject (in Japanese: marked by は, or by が unless
    ``topic_only``: a が-subject is often that of a clause inside the sentence, 「ハマスが求める…」)."""
    if lang != "ja":
        return pattern.search(text) is not None
    marker = _TOPIC_JA if topic_only else _SUBJECT_JA
    return any(marker.match(text, m.end()) for m in pattern.finditer(text))


def _carried_over(claim: Claim, ev: EvidenceRef, text: str, lang: str, patterns: Patterns) -> bool:
    """The words continue a quote the line before attributes to the speaker ("…,” Akazawa said.
    “There are still …”), or stand under a line naming only the speaker (a transcript's label);
    the cited sentence names nobody else (``text``: what is left to check of it)."""
    pattern = patterns.get(lang, {}).get(claim.actor or "")
    if pattern is None or not ev.before:
        return False
    outside = _QUOTED.sub(" ", text)
    others = patterns.get(lang, {})
    if any(a != claim.actor and _names_subject(p, outside, lang, topic_only=True)
           for a, p in naming(others, outside)):
        return False
    pieces = [p.strip() for p in _LINES.split(ev.before) if p.strip()]
    if not pieces:
        return False
    last = unicodedata.normalize("NFKC", pieces[-1])
    found = [m for m in pattern.finditer(last) if not _qualifier(last, m.start(), m.end(), lang)]
    if not found:
        return False
    if len(last) <= _LABEL_LINE and not _QUOTED.search(last):
        return True  # 「ベッセント財務長官」 on a line of its own
    rest = _QUOTED.sub(" ", last)
    if lang == "en" and any(_SAID_LAST.match(rest, m.end())
                            or (_SAID_FIRST.search(rest, 0, m.start()) and _CLOSES.match(rest, m.end()))
                            for m in pattern.finditer(rest)):
        return True  # the line before ends "..., Anwar added." (or "..., said Anwar."): his words go on
    starts = [m.start() for _a, p in naming(others, rest) for m in [p.search(rest)] if m]
    first_named = min(starts, default=None)
    own = pattern.search(rest)
    return (own is not None and own.start() == first_named
            and bool(_cues()[lang]["reporting"].search(rest) or (lang == "ja" and _QUOTE_JA.search(last))))


# the speaker and the reporting verb closing the sentence before the words, either way round
_SAID_LAST = re.compile(r"\s+(?:said|says|added|adds|continued|noted|stressed|told (?:reporters|\w+))\W*$")
_SAID_FIRST = re.compile(r"\b(?:said|says|added|adds)\s+(?:the\s+\w+\s+)?$")
_CLOSES = re.compile(r"\W*$")


def _stance(claim: Claim, evidence: list[EvidenceRef]) -> str | None:
    stance = claim.value or ""
    for ev in evidence:
        text = clause(ev)
        lang = _lang(text)
        cues = _cues()[lang]
        denied = cues["denied_stance"].get(stance)
        if denied is not None and denied.search(text):
            continue
        cue = cues["stance"].get(stance)
        if cue is None:
            return None  # a stance with no cue words (unclear): nothing to contradict
        if stance == "accept" and cues["stance"]["partly_accept"].search(text):
            continue  # "some were accepted": a partial acceptance, not an acceptance
        if cue.search(text):
            return None
    return f"the cited clause does not give {claim.actor}'s stance as {stance.replace('_', ' ')}"


# the words around a name that make it the go-between of the event the clause tells
_MEDIATOR_BEFORE_EN = re.compile(
    r"\b(?:mediated|brokered|facilitated|relayed)\s+(?:\w+\s+)?by\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$"
    r"|\b(?:mediation|good offices)\s+(?:of|by)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$"
    r"|\bmediators?,?\s+(?:the\s+)?$", re.I)
_MEDIATOR_AFTER_EN = re.compile(
    r"(?:'s|’s)?(?:-|\s+)mediated\b"
    r"|(?:'s|’s)\s+(?:\w+\s+)?(?:mediation|good offices)\b"
    r"|\s+(?:\w+\s+){0,2}?mediators?\b"
    r"|(?:\s+(?:\w+\s+){0,3}?|,\s+(?:which|who)\s+)(?:(?:is|was|has been|had been|have been)\s+)?"
    r"(?:\w+ly\s+)?(?:mediating|brokering\s+(?:the|these)\s+talks|(?:acting|acted|acts|serving|served)\s+as\s+"
    r"(?:(?:a|the)\s+)?(?:mediators?|go-betweens?|intermediar(?:y|ies)))\b"
    r"|,\s+(?:which|who)\s+(?:has\s+|had\s+)?mediated\b", re.I)
_MEDIATOR_BEFORE_JA = re.compile(r"(?:仲介役|仲介国|仲介者|仲裁役)(?:の|である|を務める|を務めた)?$")
_MEDIATOR_AFTER_JA = re.compile(r"[^、。「」\s]{0,8}?(?:らの|の|が|による)(?:仲介|仲裁|橋渡し)")


def _mediator(claim: Claim, evidence: list[EvidenceRef], patterns: Patterns) -> str | None:
    for ev in evidence:
        text = clause(ev)
        lang = _lang(text)
        pattern = patterns.get(lang, {}).get(claim.actor or "")
        if pattern is None or _SEVERAL_ROUNDS.search(text):
            continue  # "the four rounds of talks mediated by Oman": those before, not this one
        before_cue, after_cue = ((_MEDIATOR_BEFORE_JA, _MEDIATOR_AFTER_JA) if lang == "ja"
                                 else (_MEDIATOR_BEFORE_EN, _MEDIATOR_AFTER_EN))
        for m in pattern.finditer(text):
            cue = before_cue.search(text, max(0, m.start() - 60), m.start()) or after_cue.match(text, m.end())
            if cue and not _OTHER_ROUNDS.match(text, max(cue.end(), m.end())):
                return None
    return f"the cited clause does not name {claim.actor} as the go-between"


_SEVERAL_ROUNDS = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|all)\s+(?:\w+\s+)?"
    r"(?:rounds|sessions|meetings)\b|これまで|過去\S{0,3}回", re.I)
# "who has mediated the previous two rounds": other rounds than the one the clause tells
_OTHER_ROUNDS = re.compile(
    r"\s*(?:\w+\s+){0,2}?(?:the\s+)?(?:previous|earlier|past|prior|last|first|former)\b|\S{0,6}?(?:前回|これまで|過去)")


def _duration(claim: Claim, evidence: list[EvidenceRef]) -> str | None:
    for ev in evidence:
        text = ev.context or ev.text
        at = text.find(ev.text)
        own = (at, at + len(ev.text)) if at >= 0 else None
        if any(str(value) == claim.value for value, _ in meeting_durations(text, own)):
            return None
    return f"the cited clause does not say the meeting lasted {claim.value} hours"


def _after(claim: Claim) -> str | None:
    if claim.said_on and claim.event_on and claim.said_on > claim.event_on:
        return None
    return f"said on {claim.said_on or 'an unknown day'}, not after the meeting of {claim.event_on or '?'}"


def _evidence_for(sentence: Sentence, claim: Claim) -> list[EvidenceRef]:
    cites: list[Citation] = [c for c in sentence.citations if claim.item_id in (None, c.item_id)]
    return [ev for c in cites for ev in c.evidence]


def _reason(claim: Claim, evidence: list[EvidenceRef], patterns: Patterns) -> str | None:
    """Why the evidence does not support the claim in its role (None when it does)."""
    if claim.role in ("participant", "planned"):
        return _participant(claim, evidence, patterns)
    if claim.role == "speaker":
        return _speaker(claim, evidence, patterns)
    if claim.role == "stance":
        return _stance(claim, evidence)
    if claim.role == "after":
        return _after(claim)
    if claim.role == "mediator":
        return _mediator(claim, evidence, patterns)
    if claim.role == "duration":
        return _duration(claim, evidence)
    return f"unknown claim role {claim.role!r}"


def holds(claim: Claim, evidence: list[EvidenceRef], patterns: Patterns) -> bool:
    """Does one of these spans support the claim in its role?"""
    return _reason(claim, evidence, patterns) is None


def check_claims(sentence: Sentence, patterns: Patterns) -> tuple[str, ...]:
    """The reasons the sentence's claims are not supported in their roles (empty when they are)."""
    reasons = [_reason(claim, _evidence_for(sentence, claim), patterns) for claim in sentence.claims]
    return tuple(dict.fromkeys(r for r in reasons if r))
