"""Who a noun phrase next to a reporting verb names: a person, a title, a pronoun, a source.

The phrase is taken adjacent to the verb only ("Putin's aide Yuri Ushakov said",
"Peskov, the Kremlin spokesman, said", '," said Peskov'), never from a neighbouring
sentence.  Pronouns go to the most salient earlier person of the same gender: the
speaker or subject of the nearest earlier sentence first, then other mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import rx
from .actors import TITLE_HEADS, Mention, ReportActors  # noqa: F401
from .lexicon import DESCRIPTOR_NOUNS, FEMALE_NAMES, MALE_NAMES
from .wordscan import ODD

ANON_NOUNS = (
    r"officials?|sources?|aides?|diplomats?|insiders?|persons?|people|negotiators?|"
    r"advisers?|advisors?|staffers?|spokesperson|representatives?|members? of [\w ]{3,40}"
)
_ANON_MODS = (
    r"(?:senior|top|high-ranking|high-level|unnamed|anonymous|former|current|western|"
    r"european|u\.s\.|us|american|russian|ukrainian|kremlin|white house|administration|"
    r"government|diplomatic|military|intelligence|security|defen[cs]e|foreign|state|"
    r"german|french|british|european union|eu|nato|kyiv|moscow|washington|"
    r"informed|knowledgeable|well-placed|people's|presidential|ministry|russian government|"
    r"ukrainian government|trump administration|[a-z.]+-based)"
)
ANON = re.compile(
    rf"\b(?P<det>a|an|one|two|three|several|some|other|another|many|multiple|unnamed|according to)?\s*"
    rf"(?P<mods>(?:{_ANON_MODS}\s+){{0,3}})(?P<noun>{ANON_NOUNS})"
    r"(?P<tail>(?:\s+(?:familiar with|close to|briefed on|involved in|with knowledge of|in|at|from|"
    r"of|who)\b[^,.;\"“”]{0,60})?)$",
    re.I,
)
# a word every match of ANON holds, case-folded (see wordscan.ODD for the few other characters)
_ANON_HINT = re.compile(
    r"official|source|aide|diplomat|insider|person|people|negotiator|advis|staffer|representative|member"
)


def _may_be_anon(phrase: str) -> bool:
    """False when ANON cannot match the phrase (a literal search is much cheaper than ANON)."""
    return _ANON_HINT.search(phrase.casefold()) is not None or ODD.search(phrase) is not None


_ANON_AFFILIATIONS = {
    "white house": "white-house",
    "administration": "white-house",
    "trump administration": "white-house",
    "kremlin": "kremlin",
    "u.s.": "united-states",
    "us": "united-states",
    "american": "united-states",
    "washington": "united-states",
    "russian": "russia",
    "moscow": "russia",
    "ukrainian": "ukraine",
    "kyiv": "ukraine",
    "european": "europe",
    "eu": "european-union",
    "european union": "european-union",
    "nato": "nato",
    "german": "germany",
    "french": "france",
    "british": "united-kingdom",
    "western": "the-west",
    "presidential": None,
}
_ANON_WORDS = sorted(_ANON_AFFILIATIONS.items(), key=lambda kv: -len(kv[0]))
_LEADER_ROLES = ("president", "prime minister", "chancellor", "supreme leader", "king")
_HEAD_ROLES = {
    "spokes": ("press secretary", "spokes"),
    "president": ("president",),
    "leader": _LEADER_ROLES,
    "envoy": ("envoy",),
    "aide": ("aide", "adviser", "advisor"),
    "minister": ("minister",),
    "foreign minister": ("minister of foreign affairs", "foreign affairs", "foreign minister"),
    "chancellor": ("chancellor",),
    "prime minister": ("prime minister", "premier"),
    "negotiator": ("negotiat",),
    "secretary": ("secretary",),
    "secretary of state": ("secretary of state",),
    "son-in-law": (),
    "chief of staff": ("chief of staff",),
    "ambassador": ("ambassador",),
    "commander": ("commander",),
}
_INTRODUCTORY = re.compile(
    r"(?:in|on|at|after|before|during|when|while|as|since|until|hours|days|minutes|speaking|asked|"
    r"meanwhile|however|earlier|later|separately|also|but|and|who|which|where|according|briefing|"
    r"writing|responding|addressing|asked|following|despite|for|with|from|by|of|under|over|once|"
    r"if|though|although|because|then|now|today|yesterday)\b",
    re.I,
)
_AFTER_PREPOSITION = re.compile(
    r"\b(?:with|to|by|from|at|of|for|about|met|meeting|between|against|"
    r"told|urged|asked|called|and)\s+(?:the\s+)?$",
    re.I,
)
ANON_ANY = re.compile(
    rf"\b(?P<det>a|an|one|two|three|several|some|other|another|many|multiple|unnamed)?\s*"
    rf"(?P<mods>(?:{_ANON_MODS}\s+){{0,3}})(?P<noun>{ANON_NOUNS})\b",
    re.I,
)
PRONOUN_END = re.compile(r"\b(he|she|they)$", re.I)
_DETERMINER = re.compile(r"^(?:the|a|an|his|her|their|its)\s+", re.I)


@dataclass(frozen=True, slots=True)
class Speaker:
    actor_id: str | None
    text: str
    start: int
    end: int
    how: str  # name | pronoun | title | anon | according


@dataclass(slots=True)
class Attribution:
    speaker: Speaker
    verb: str
    frame: tuple[int, int]  # span of the attribution (for dates and hedges)


UNKNOWN = "?"  # a sentence's subject that is a name no one could resolve (blocks pronouns reaching past it)


@dataclass(slots=True)
class Salience:
    """Per-sentence record of who was speaking or acting, for pronoun resolution."""

    entries: list[tuple[int, str, str, int, int]] = field(default_factory=list)
    sentence: int = 0  # index of the sentence being read
    unnamed: dict[int, str] = field(default_factory=dict)  # UNKNOWN entry position -> its name

    def add(self, pos: int, actor_id: str, role: str) -> None:
        rank = {"speaker": 0, "subject": 1, "mention": 2}[role]
        self.entries.append((pos, actor_id, role, rank, self.sentence))


def _last_mention_ending(actors: ReportActors, end: int, start: int) -> Mention | None:
    """The mention that ends exactly at ``end`` and starts after ``start``."""
    return actors.ending_at(end, start)


def mentions_in(actors: ReportActors, start: int, end: int) -> list[Mention]:
    return actors.between(start, end)


_OFFICE = re.compile(
    r"(\S+?)(?:'s|’s)\s+(?:office|government|team|administration|camp|delegation|side|"
    r"negotiators|negotiating team|presidential office)$"
)
_KEEP_ORGS = {"white-house", "kremlin"}
# "the Japanese government said", "Qatar's foreign ministry": a country's institution speaks for it
_INSTITUTION = re.compile(
    r"(?:^|\s)(?:the\s+)?(?P<owner>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})\s+"
    r"(?:government|administration|cabinet|foreign ministry|ministry of foreign affairs|"
    r"foreign office|delegation|side|authorities)$"
)
# "the government said", "the militant group said": an institution named earlier in the report
_BACK_REF = re.compile(
    r"(?:^|\s)the\s+(?P<noun>government|militant group|militant movement|group|movement|militants|"
    r"statement|ministry|foreign ministry)$", re.I
)
_GOVERNMENT_AFTER = re.compile(r"(?:'s|’s)?\s+(?:government|administration|cabinet)\b")


def _institution_antecedent(text: str, noun: str, pos: int, actors: ReportActors,
                            sal: Salience) -> str | None:
    """Who "the government" or "the group" is: the country whose government the report named last
    before ``pos`` ("the Japanese government ... the government"), or the organisation most recently
    speaking or acting before ``pos`` for "the (militant) group".  None when the report named none."""
    before = [m for m in actors.between(0, pos) if not m.in_quote]
    if noun.lower().endswith("ministry"):  # "the Ministry of Foreign Affairs of Japan ... the ministry"
        named = text.rfind("Ministry", 0, pos)
        owners = [m for m in before if named >= 0 and named <= m.start <= named + 60
                  and m.kind in ("country", "organization")]
        return owners[0].actor_id if owners and text.find(".", named, owners[0].start) < 0 else None
    if noun.lower() == "government":
        for mention in reversed(before):
            if mention.kind in ("country", "bloc") and _GOVERNMENT_AFTER.match(text, mention.end):
                return mention.actor_id
        return None
    if noun.lower() == "statement":  # "Hamas said in a statement ... the statement added"
        said_in = text.rfind("statement", 0, pos)
        issuers = {e[1] for e in sal.entries if e[2] == "speaker" and 0 <= said_in - e[0] <= 200}
        joint = text.rfind("joint", max(0, said_in - 12), said_in) >= 0
        return issuers.pop() if said_in >= 0 and len(issuers) == 1 and not joint else None
    for entry in reversed(sal.entries):
        if entry[0] < pos and actors.kind(entry[1]) == "organization" and entry[1] not in _KEEP_ORGS:
            return entry[1]
    return None


def _side_of(actors: ReportActors, actor_id: str) -> str:
    """An unnamed source's affiliation: the country behind an office (the White House and
    the Kremlin stay themselves, as news names them)."""
    kind = actors.kind(actor_id)
    if kind == "country" or kind == "bloc" or actor_id in _KEEP_ORGS:
        return "european-union" if actor_id == "europe" else actor_id
    return actors.index.countries.get(actor_id) or actor_id


def anon_affiliation(
    phrase: str, actors: ReportActors, start: int, end: int, context_start: int | None = None
) -> str:
    lowered = phrase.lower()
    for mention in mentions_in(actors, start, end):
        if mention.kind != "person":
            return _side_of(actors, mention.actor_id)
    for word, affiliation in _ANON_WORDS:
        if affiliation and rx.search(rf"(?<![\w.]){re.escape(word)}(?![\w])", lowered):
            return affiliation
    words = rx.findall(r"[\w'’-]+", lowered)
    for n in (4, 3, 2):
        for i in range(len(words) - n + 1):
            found = actors.index.forms.get(" ".join(words[i : i + n]))
            if found:
                return _side_of(actors, found)
    if context_start is not None:
        for mention in reversed(actors.between(context_start, start)):
            if mention.in_quote:
                continue
            if mention.kind == "person":
                country = actors.index.countries.get(mention.actor_id)
                if country:
                    return country
            else:
                return _side_of(actors, mention.actor_id)
    return "unknown"


# the last word of what the adverbs stripped from a subject remove (the pattern needs whitespace before it)
_TRAILING = frozenset(
    "also later then again previously earlier separately repeatedly has had have would will once further "
    "simply only just reportedly monday tuesday wednesday thursday friday saturday sunday".split()
)


def resolve_np_end(
    text: str, start: int, end: int, actors: ReportActors, sal: Salience, sentence_start: int
) -> Speaker | None:
    """The speaker named by the phrase that ends at ``end`` (the subject before a verb)."""
    if start == sentence_start and text[start : start + 1].isupper():
        dateline = _DATELINE.match(text, start, end)  # "WASHINGTON, Dec. 8 (UPI) — ..., saying": no one
        if dateline and dateline.group().lstrip()[:3].isupper():
            start = dateline.end()
    left = text[start:end]
    stripped = left.rstrip()
    party = _PARTY.search(stripped)  # "Rep. Earl Blumenauer (D-Ore.) said": the name before the brackets
    if party:
        stripped = stripped[: party.start()]
    end = start + len(stripped)
    # Appositive or relative clause between the subject and the verb: "Peskov, the spokesman, said"
    if stripped.endswith(","):
        # "Ushakov, who sat in with Dmitriev, the head of the fund, told": the subject is the
        # first comma-delimited phrase that names someone and is not an introductory phrase.
        commas = [i for i, ch in enumerate(stripped[:-1]) if ch == ","]
        prev = 0
        fallback: Speaker | None = None
        for cut in commas:
            segment = stripped[prev:cut].strip()
            prev = cut + 1
            if not segment or _INTRODUCTORY.match(segment):
                continue
            found = resolve_np_end(text, start, start + cut, actors, sal, sentence_start)
            if found is not None and found.how in ("name", "pronoun"):
                return found
            fallback = fallback or found
        # "His spokesman, Lt. Col. Jeff Tolbert, said": the name in the appositive, then the title
        last = stripped[prev:-1].strip()
        if fallback is not None and last:
            named = resolve_np_end(text, start + prev, end - 1, actors, sal, sentence_start)
            if named is not None and named.how == "name":
                return named
        return fallback
    if rx.search(r",\s+who$", stripped):  # "Trump, who said ...": the relative pronoun's antecedent
        return resolve_np_end(text, start, start + stripped.rfind(","), actors, sal, sentence_start)
    final = stripped.rsplit(None, 1)  # the pattern needs a word after whitespace at the end
    if len(final) == 2 and (final[1].casefold() in _TRAILING or ODD.search(final[1])):
        stripped = rx.sub(
            r"(?:\s+(?:also|later|then|again|previously|earlier|separately|repeatedly|"
            r"has|had|have|would|will|once|further|simply|only|just|reportedly|"
            r"on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)))+$",
            "",
            stripped,
            flags=re.I,
        )
        if stripped.endswith(","):  # "Iran's leader, Ayatollah Ali Khamenei, has warned": the appositive
            return resolve_np_end(text, start, start + len(stripped), actors, sal, sentence_start)
    end = start + len(stripped)
    if not stripped:
        return None
    pron = PRONOUN_END.search(stripped)
    if pron:
        pos = start + pron.start()
        actor_id = antecedent(pron.group(1).lower(), pos, actors, sal, sentence_start, text)
        return Speaker(actor_id, pron.group(1), pos, end, "pronoun")
    mention = _last_mention_ending(actors, end, start)
    if mention is not None and not mention.possessive and not mention.in_quote:
        # "Witkoff and Kushner said": a pair speaks; keep the first named
        pair = rx.search(r"(?:^|\s)(\S[^,;]{1,60}?)\s+and\s+" + re.escape(mention.text) + "$", stripped)
        if pair and mention.kind == "person":
            first = _last_mention_ending(actors, start + pair.end(1), start)
            if first is not None and first.kind == "person":
                return Speaker(
                    first.actor_id, text[first.start : mention.end], first.start, mention.end, "name"
                )
        return Speaker(mention.actor_id, mention.text, mention.start, mention.end, "name")
    office = _OFFICE.search(stripped)
    if office:
        owner = _last_mention_ending(actors, start + office.start(1) + len(office.group(1)), start)
        if owner is not None:
            side = actors.index.countries.get(owner.actor_id) if owner.kind == "person" else owner.actor_id
            if side:
                return Speaker(side, office.group(), start + office.start(), end, "name")
    institution = _INSTITUTION.search(stripped)
    if institution:
        owner = _last_mention_ending(actors, start + institution.end("owner"), start)
        if owner is not None and owner.kind in ("country", "bloc") and not owner.in_quote:
            i_start = start + institution.start("owner")
            return Speaker(owner.actor_id, text[i_start:end], i_start, end, "name")
    back = _BACK_REF.search(stripped)
    if back:
        b_start = start + back.start() + (1 if stripped[back.start()].isspace() else 0)
        actor_id = _institution_antecedent(text, back.group("noun"), b_start, actors, sal)
        if actor_id is not None:
            return Speaker(actor_id, text[b_start:end], b_start, end, "descriptor")
    anon = ANON.search(stripped[-140:]) if _may_be_anon(stripped[-140:]) else None
    if anon:
        a_start = end - len(stripped[-140:]) + anon.start()
        if anon.group("det") or anon.group("mods") or anon.group("noun").lower().endswith("s"):
            phrase = text[a_start:end].strip()
            aff = anon_affiliation(phrase, actors, a_start, end, sentence_start)
            return Speaker(f"anon:{aff}", phrase, a_start, end, "anon")
    title = rx.search(
        r"(?:\b(?:the|a|an)\s+|[\w.]+(?:'s|’s)\s+)((?:[\w.'’-]+\s+){0,4}?[\w-]+)$", stripped, re.I
    )
    if title and _title_head(title.group(1)):
        t_start = start + title.start()
        actor_id = resolve_title(text[t_start:end], t_start, actors)
        if actor_id is None:
            actor_id = descriptor_antecedent(text[t_start:end], t_start, actors, sal)
        return Speaker(actor_id, text[t_start:end], t_start, end, "title")
    described = _DESCRIBED.search(stripped)
    if described:
        d_start = start + described.start(1)
        actor_id = descriptor_antecedent(text[d_start:end], d_start, actors, sal)
        if actor_id is not None:
            return Speaker(actor_id, text[d_start:end], d_start, end, "descriptor")
    return None


# A definite description that refers back to someone named before: "the Vermont senator",
# "the billionaire businessman", "the 46-year-old".  Only role nouns: "the man" may be anyone.
_DESCRIBED = re.compile(
    r"(?:^|[\s,])((?:the|this|that)\s+(?:[\w.'’-]+\s+){0,4}?"
    rf"(?:{DESCRIPTOR_NOUNS}|\d+-year-old))$",
    re.I,
)
_FEMININE = re.compile(
    r"\b(?:woman|actress|congresswoman|businesswoman|chairwoman|spokeswoman|mother|"
    r"daughter|wife|grandmother|sister|first lady)$",
    re.I,
)
_MASCULINE = re.compile(
    r"\b(?:man|actor|congressman|businessman|chairman|spokesman|father|son|husband|"
    r"grandfather|brother)$",
    re.I,
)


def descriptor_antecedent(phrase: str, pos: int, actors: ReportActors, sal: Salience) -> str | None:
    """The person a definite description refers back to: one introduced with that role word
    ("Sen. Sanders" ... "the senator"), else the most salient earlier person of a compatible
    gender (speakers and subjects of the nearest sentences first).  None when nobody fits."""
    words = rx.findall(r"[\w-]+", phrase.lower())
    for word in reversed(words[1:]):
        found = actors.titled(word, pos)
        if found and any(p < pos for p, _ in actors.titles.get(word, [])):
            return found
    gender = "f" if _FEMININE.search(phrase) else "m" if _MASCULINE.search(phrase) else None
    candidates = [e for e in sal.entries if e[0] < pos and actors.kind(e[1]) == "person"]
    for _p, actor_id, _role, _rank, _s in sorted(candidates, key=lambda e: (-e[4], e[3], -e[0])):
        if gender is None or actors.gender(actor_id) in (gender, None):
            return actor_id
    return None


_PARTY = re.compile(r"\s*\([^()]{1,24}\)$")
_ABBREVIATED = re.compile(r"\b(?:Rep|Sen|Gov|Dr|Mr|Mrs|Ms|Lt|Col|Gen|Sgt|Rev|Prof|Jr|Sr|St|[A-Z])$")


def _np_stop(segment: str) -> int:
    """Where a noun phrase after an inverted verb ends; the dot of "Rep." or "J." does not end it."""
    pos = 0
    while True:
        stop = rx.search(
            r",|;|\.(?:\s|$)|\s(?:on|in|at|who|during|after|before|when|while)\s|$", segment[pos:]
        )
        if stop is None:
            return len(segment)
        at = pos + stop.start()
        if segment.startswith(".", at) and _ABBREVIATED.search(segment, 0, at) and at + 1 < len(segment):
            pos = at + 1
            continue
        return at


def resolve_np_start(text: str, start: int, end: int, actors: ReportActors, sal: Salience) -> Speaker | None:
    """The speaker named by the phrase that starts at ``start`` (after an inverted verb)."""
    segment = text[start:end]
    np_end = start + _np_stop(segment)
    phrase = text[start:np_end].strip()
    if not phrase:
        return None
    pron = rx.match(r"(he|she|they)\b", phrase, re.I)
    if pron:
        return Speaker(
            antecedent(pron.group(1).lower(), start, actors, sal, _sentence_of(text, start), text),
            pron.group(1),
            start,
            start + pron.end(),
            "pronoun",
        )
    inner = [m for m in mentions_in(actors, start, np_end) if not m.possessive]
    persons = [m for m in inner if m.kind == "person"]
    anon = ANON.search(phrase)
    if anon and anon.start() == 0 and not persons and (anon.group("det") or anon.group("mods")):
        aff = anon_affiliation(phrase, actors, start, np_end, _sentence_of(text, start))
        return Speaker(f"anon:{aff}", phrase, start, np_end, "anon")
    pick = persons[-1] if persons else (inner[-1] if inner else None)
    bare = _AFTER_NP.sub("", phrase)  # "the US Treasury Secretary to reporters"
    if pick is not None and not persons and _title_head(bare) and len(bare.split()) <= 6:
        titled = resolve_title(bare, start, actors)  # "said the US Treasury Secretary": Bessent
        if titled is not None and actors.kind(titled) == "person":
            return Speaker(titled, bare, start, start + len(bare), "title")
    if pick is not None and len(phrase.split()) <= 8:
        return Speaker(pick.actor_id, pick.text, pick.start, pick.end, "name")
    name = _NEW_NAME.match(phrase)
    if name and name.end() == len(phrase):
        actor_id = actors.introduce(name.group(), start)
        return Speaker(actor_id, name.group(), start, start + name.end(), "name")
    back = _BACK_REF.fullmatch(" " + phrase)  # '," said the ministry in a statement'
    if back:
        institution = _institution_antecedent(text, back.group("noun"), start, actors, sal)
        if institution is not None:
            return Speaker(institution, phrase, start, np_end, "descriptor")
    if _title_head(phrase) and len(phrase.split()) <= 6:
        return Speaker(resolve_title(phrase, start, actors), phrase, start, np_end, "title")
    return None


_AFTER_NP = re.compile(r"\s+(?:to|in|on|at|after|during|from|with|before)\b.*$", re.S)
_NEW_NAME = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?: [A-Z][a-z']+(?:-[A-Z][a-z]+)?){1,2}")


def _sentence_of(text: str, pos: int) -> int:
    found = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos))
    return found + 1 if found >= 0 else 0


_PM = re.compile(r"\bPM\s*$")  # the abbreviation, in capitals, ending a description
_TITLE_ENDS = [
    (title, title + "\n", re.compile(rf"\b{re.escape(title)}$"), head)
    for title, head in sorted(TITLE_HEADS.items(), key=lambda kv: -len(kv[0]))
]


def _title_head(phrase: str) -> str | None:
    if _PM.search(phrase):  # "the Israeli PM" (in capitals: not "5 pm")
        return "prime minister"
    lowered = phrase.lower().replace("’", "'")
    for title, title_nl, pattern, head in _TITLE_ENDS:
        # "$" matches at the end or before a final newline: no regex unless the phrase ends so
        if (lowered.endswith(title) or lowered.endswith(title_nl)) and pattern.search(lowered):
            return head
    return None


def resolve_title(phrase: str, pos: int, actors: ReportActors) -> str | None:
    """'the Kremlin spokesman' -> dmitry-peskov: learned titles first, then gazetteer roles."""
    phrase = _PM.sub("prime minister", phrase)
    lowered = _DETERMINER.sub("", phrase.lower().replace("’", "'")).strip()
    plain = " ".join(rx.sub(r"\b\w+'s\b", "", lowered).split())
    if actors.titled(plain, pos):
        return actors.titled(plain, pos)
    head = _title_head(lowered)
    if head is None:
        return None
    modifiers = actors.between(pos, pos + len(phrase))
    affiliations = {m.actor_id for m in modifiers}
    candidate = actors.titled(head, pos)
    if candidate and not affiliations:
        return candidate
    if candidate and _affiliated(candidate, affiliations, actors):
        return candidate
    if "vice" in lowered.split():
        return None
    # gazetteer roles, preferring people already mentioned in this report (latest first)
    wanted = _HEAD_ROLES.get(head, (head,))
    seen = [m.actor_id for m in actors.mentions if m.start < pos and m.kind == "person"]
    order = list(dict.fromkeys(reversed(seen)))
    pool = order + [a for a in actors.index.roles if a not in order] if affiliations else order
    for actor_id in pool:
        roles = actors.index.roles.get(actor_id, [])
        for title, affiliation, until in roles:
            head_part = rx.split(r"\b(?:of|to|for)\b", title)[0]
            if until is not None or not any(
                rx.search(rf"\b{w}", head_part) and not rx.search(rf"\b{w}\w*ial\b", head_part)
                for w in wanted
            ):
                continue
            if "vice" in title and "vice" not in lowered:
                continue
            if not affiliations or _affiliated(actor_id, affiliations, actors, affiliation):
                return actor_id
    return None


def _affiliated(
    actor_id: str, wanted: set[str], actors: ReportActors, affiliation: str | None = None
) -> bool:
    if not wanted:
        return True
    index = actors.index
    places = {actor_id, index.countries.get(actor_id)}
    for _title, aff, until in index.roles.get(actor_id, []):
        if until is None and aff:
            places.add(aff)
            places.add(index.countries.get(aff))
    if affiliation:
        places.add(affiliation)
    expanded: set[str | None] = set(wanted)
    for w in wanted:
        expanded.add(index.countries.get(w))
    return bool((places - {None}) & (expanded - {None}))


# an opening participle whose subject is the main clause's: no antecedent for that subject inside it
_PARTICIPLE_OPENS = re.compile(
    r"(?:asked|pressed|questioned|told|challenged|interviewed|speaking|responding|reacting|addressing|"
    r"writing|appearing|answering|explaining|defending|referring|talking|commenting)\b",
    re.I,
)
# a clause opened by a pronoun of the same gender ("He declared that ... Trump ..., which he
# declared"): the later pronoun is the subject's, not a person named inside the clause
_PRONOUN_OPENS = re.compile(r"\s*[“\"‘']?(he|she)\b", re.I)
_SAME_GENDER = {"he": ("he",), "him": ("he",), "his": ("he",), "she": ("she",), "her": ("she",)}
_SUBJECT_REACH = 2  # sentences back in which a speaker or subject outranks a plain mention


# after a nationality adjective, nouns for those who speak for the country ("European leaders said",
# "Russian officials said"), unlike "Israeli captives" or "the Palestinian movement"
_SPEAKING_NOUN = re.compile(
    r"\s+(?:[a-z-]+\s+){0,2}?(?:leaders?|officials?|government|authorities|ministers?|ministry|diplomats?|"
    r"negotiators?|lawmakers?|delegations?|side|spokes\w+|president|prime|foreign|defen[cs]e|military|"
    r"army|envoys?|sources?|state|embassy|counterparts?|team|administration|cabinet|parliament|"
    r"security|intelligence|aides?|advisers?|advisors?|representatives?|people|media|press)\b"
)


def _opens_with_same(pronoun: str, text: str, start: int, pos: int) -> bool:
    opening = _PRONOUN_OPENS.match(text, start, pos)
    return opening is not None and opening.group(1).lower() in _SAME_GENDER.get(pronoun, ())


def antecedent(
    pronoun: str,
    pos: int,
    actors: ReportActors,
    sal: Salience,
    sentence_start: int | None = None,
    text: str = "",
) -> str | None:
    """The most salient earlier actor a pronoun can refer to: in its own sentence first (the
    subject, else the last person named before it), then the speakers and subjects of the
    sentences before, nearest first."""
    if sentence_start is not None and sentence_start < pos:
        own_start = sentence_start
        if text and _PARTICIPLE_OPENS.match(text, sentence_start, pos):
            # "Asked about the race Clinton is in, she replied": the opening phrase is hers
            own_start = max(own_start, text.rfind(",", sentence_start, pos) + 1)
        own = [m for m in actors.between(own_start, pos) if not m.in_quote]
        if pronoun == "they":
            anon = list(ANON_ANY.finditer(text, sentence_start, pos))
            if anon and anon[0].group("noun").lower().endswith(("s", "people")):
                phrase = anon[0].group()
                return f"anon:{anon_affiliation(phrase, actors, anon[0].start(), anon[0].end())}"
        elif not _opens_with_same(pronoun, text, own_start, pos):
            gender = "f" if pronoun in ("she", "her") else "m"
            people = [m for m in own if m.kind == "person" and m.gender in (gender, None)]
            free = [
                m
                for m in people
                if not m.possessive
                and not _AFTER_PREPOSITION.search(text, max(sentence_start, m.start - 14), m.start)
            ]
            if free:
                return free[0].actor_id
            if people:
                return people[-1].actor_id
    if pronoun == "they":
        for p, actor_id, role, _rank, _s in reversed(sal.entries):
            if (
                p < pos
                and role in ("speaker", "subject")
                and actor_id != UNKNOWN
                and actors.kind(actor_id) != "person"
            ):
                return actor_id
        return None
    gender = "f" if pronoun in ("she", "her") else "m"
    # The current and previous sentences' speakers/subjects first, nearest first.
    candidates = [e for e in sal.entries if e[0] < pos]
    # a speaker or subject of the last three sentences before a person merely named in passing
    # ("... a board overseen by figures including Tony Blair. He wrote: ...": not Blair)
    latest = max((e[4] for e in candidates), default=0)
    # within a sentence: the last speaker named, else the first person merely mentioned (the
    # subject of a clause comes before the names in its objects and modifiers)
    for _p, actor_id, _role, _rank, _s in sorted(
        candidates,
        key=lambda e: (
            not (e[3] <= 1 and latest - e[4] <= _SUBJECT_REACH), -e[4], e[3], e[0] if e[3] == 2 else -e[0]
        ),
    ):
        if actor_id == UNKNOWN:
            # someone nobody could name opens a nearer sentence: not a person further back,
            # but that person when the report gives the name in full with a known given name
            return _named_in_full(sal.unnamed.get(_p, ""), gender, _p, actors, text)
        if actors.kind(actor_id) == "person" and actors.gender(actor_id) in (gender, None):
            return actor_id
    for mention in reversed(actors.mentions):
        if (
            mention.start < pos
            and not mention.in_quote
            and mention.kind == "person"
            and mention.gender in (gender, None)
        ):
            return mention.actor_id
    return None


def _named_in_full(name: str, gender: str, pos: int, actors: ReportActors, text: str) -> str | None:
    """A person no one recognised who opens a sentence ("Carson defied the question"), as a pronoun's
    antecedent: only when the name, here or earlier in the report, starts with a given name of the
    pronoun's gender ("Ben Carson"); else None (a place, a team, a company may open a sentence too)."""
    words = name.split()
    if not words or not 1 <= len(words) <= 3:
        return None
    full = name
    if len(words) == 1:
        full = ""
        for m in rx.finditer(rf"\b([A-Z][a-z]+) {re.escape(words[0])}\b", text[: max(0, pos)]):
            full = f"{m.group(1)} {words[0]}"
    if not full:
        return None
    given = full.split()[0].lower()
    names = FEMALE_NAMES if gender == "f" else MALE_NAMES
    if given not in names:
        return None
    return actors.introduce(full, pos)


# "WASHINGTON — ", "WASHINGTON (AP) — ", "WASHINGTON, Dec. 8 (UPI) — "
_DATELINE = re.compile(
    r"[A-Z][A-Z .,'’-]{2,40}(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^()]{1,30}\))?\s*[—–-]+\s*"
)


def sentence_subject(
    text: str, sentence_start: int, verb_start: int, actors: ReportActors, sal: Salience
) -> Speaker | None:
    """The subject that opens the verb's clause, for verbs far from it: participles ("Putin
    fumed ..., accusing them"), coordinated verbs ("Zelensky spoke by phone ... and called"),
    subjects with a long modifier ("European leaders attending the summit had said")."""
    pos = sentence_start
    dateline = _DATELINE.match(text, pos, verb_start)  # "WASHINGTON (AP) — ", "WASHINGTON — "
    if dateline:
        pos = dateline.end()
    intro = _INTRODUCTORY.match(text, pos, verb_start)
    if intro or rx.match(r"[A-Z]{3,}[A-Z ,]*,", text[pos : pos + 60]):  # "In Moscow, ..." / a dateline
        comma = text.find(",", pos, verb_start)
        if comma < 0:
            return None
        pos = comma + 1
        dash = rx.match(r"[^–—]{0,60}?\)\s*[-–—]\s*", text[pos:verb_start])  # "Nov 27, 2025 (Outlet) -"
        if dash:
            pos += dash.end()
    while pos < verb_start and text[pos] == " ":
        pos += 1
    anon = ANON_ANY.match(text, pos, verb_start)
    if anon and (anon.group("det") or anon.group("mods")):
        aff = anon_affiliation(anon.group(), actors, anon.start(), anon.end(), sentence_start)
        return Speaker(f"anon:{aff}", anon.group(), anon.start(), anon.end(), "anon")
    window_end = min(verb_start, pos + 80)
    found = [m for m in actors.between(pos, window_end) if not m.in_quote]
    if not found or len(text[pos : found[0].start].split()) > 3:
        return None
    first = found[0]
    for mention in found[1:]:  # "Kremlin spokesman Dmitry Peskov": the person the words qualify
        gap = text[first.end : mention.start]
        if (
            mention.kind == "person"
            and first.kind != "person"
            and rx.fullmatch(r"(?:'s|’s)?\s+(?:[\w.-]+\s+){0,3}", gap)
        ):
            first = mention
        break
    if (
        first is found[0]
        and first.source == "demonym"
        and not first.text.endswith("s")  # "Mexicans often say": the people, a subject of their own
        and rx.match(r"\s+[a-z]", text[first.end : first.end + 3])
        and not _SPEAKING_NOUN.match(text, first.end)
    ):
        # "The Palestinian movement said": the group named before; "33 Israeli captives, ...
        # announced": an adjective of the subject, not who speaks
        noun = rx.match(r"\s+(movement|group|organi[sz]ation|faction|militants?)\b", text[first.end :])
        if noun:
            group = _institution_antecedent(text, "group", first.start, actors, sal)
            if group:
                return Speaker(group, text[first.start : first.end + noun.end()], first.start,
                               first.end + noun.end(), "title")
        return None
    if first.possessive:
        office = rx.match(
            r"\S+?(?:'s|’s)\s+(?:office|government|team|administration|camp|delegation|side)\b",
            text[first.start : window_end],
        )
        if office is None:
            return None
        side = actors.index.countries.get(first.actor_id) if first.kind == "person" else first.actor_id
        return Speaker(side, text[first.start : first.end], first.start, first.end, "name") if side else None
    return Speaker(first.actor_id, first.text, first.start, first.end, "name")
