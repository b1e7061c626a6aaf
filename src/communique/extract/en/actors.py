"""Actors in English text: gazetteer names, titled unknown people, titles, anonymous sources.

Mentions are found on capitalised runs ("Kremlin spokesman Dmitry Peskov" -> the run
"Kremlin", the run "Dmitry Peskov"), looked up in the gazetteer longest-first.  A
capitalised name the gazetteer does not know is kept as ``person:<slug>`` when news
introduces it as a person (a title before it, an appositive after it).  Titles seen
next to a name ("the Kremlin spokesman") are remembered per report so that a later
"the spokesman said" resolves; unnamed sources ("a senior White House official") are
``anon:<affiliation id>``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ..gazetteer import Gazetteer, key
from . import rx
from .lexicon import (
    FAMILY_FIRST,
    FEMALE_CUES,
    FEMALE_NAMES,
    HONORIFICS,
    MALE_CUES,
    MALE_NAMES,
    NOT_NAME,
    ORG_WORDS,
    PARTICLES,
    REPORTING_LEMMAS,
    TITLE_WORDS,
    UNISEX_NAMES,
    family_name,
    inflections,
)

# Capitals when the gazetteer gives none (the loader keeps metonyms only when present).
_FALLBACK_METONYMS = {
    "Moscow": "russia",
    "Kyiv": "ukraine",
    "Kiev": "ukraine",
    "Washington": "united-states",
    "London": "united-kingdom",
    "Paris": "france",
    "Berlin": "germany",
    "Brussels": "european-union",
    "Beijing": "china",
    "Warsaw": "poland",
    "Ankara": "turkey",
    "Budapest": "hungary",
}
_FALLBACK_DEMONYMS = {"European": "europe", "Europeans": "europe", "Western": "the-west"}
TITLE_HEADS = {
    "spokesman": "spokes",
    "spokeswoman": "spokes",
    "spokesperson": "spokes",
    "press secretary": "spokes",
    "president": "president",
    "leader": "leader",
    "envoy": "envoy",
    "special envoy": "envoy",
    "aide": "aide",
    "adviser": "aide",
    "advisor": "aide",
    "minister": "minister",
    "foreign minister": "foreign minister",
    "chancellor": "chancellor",
    "prime minister": "prime minister",
    "premier": "prime minister",
    "negotiator": "negotiator",
    "secretary": "secretary",
    "secretary of state": "secretary of state",
    "son-in-law": "son-in-law",
    "chief of staff": "chief of staff",
    "ambassador": "ambassador",
    "commander": "commander",
}
PRONOUNS = {
    "he": ("m", False),
    "she": ("f", False),
    "they": (None, True),
    "him": ("m", False),
    "her": ("f", False),
}

TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_](?:[\w'’-]*[^\W_])?")


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    actor_id: str
    kind: str  # person | organization | country | bloc | anonymous
    possessive: bool = False
    source: str = "name"  # name | metonym | demonym | unknown | anon | title
    gender: str | None = None
    in_quote: bool = False


@dataclass(slots=True)
class Index:
    forms: dict[str, str]
    kinds: dict[str, str]
    genders: dict[str, str | None]
    sources: dict[str, str]  # form key -> name | metonym | demonym
    max_tokens: int
    roles: dict[str, list[tuple[str, str | None, str | None]]]  # id -> [(title lower, affiliation, until)]
    countries: dict[str, str | None]


_INDEXES: dict[int, tuple[Gazetteer, Index]] = {}


def index_for(gazetteer: Gazetteer) -> Index:
    cached = _INDEXES.get(id(gazetteer))
    if cached is not None and cached[0] is gazetteer:
        return cached[1]
    forms: dict[str, str] = {}
    sources: dict[str, str] = {}
    kinds: dict[str, str] = {}
    genders: dict[str, str | None] = {}
    roles: dict[str, list[tuple[str, str | None, str | None]]] = {}
    countries: dict[str, str | None] = {}
    has_metonyms = False

    def add(form: str | None, actor_id: str, source: str) -> None:
        if not form or len(form) < 2:
            return
        k = key(form)
        if k.startswith("the "):
            k = k[4:]
        if k and k not in forms:
            forms[k] = actor_id
            sources[k] = source

    for entry in sorted(gazetteer.entries.values(), key=lambda e: e.id):
        kinds[entry.id] = entry.kind
        countries[entry.id] = entry.country
        roles[entry.id] = [(r.title.lower(), r.affiliation, r.until) for r in entry.roles]
        for form in (entry.name_en, entry.short_en, *entry.aliases_en):
            add(form, entry.id, "name")
            if form and form.endswith(" government") and entry.kind == "country":
                add(form[: -len(" government")], entry.id, "demonym")
        for form in entry.metonyms_en:
            has_metonyms = True
            add(form, entry.id, "metonym")
        for form in entry.demonyms_en:
            add(form, entry.id, "demonym")
        if entry.kind == "person":
            first = unicodedata.normalize("NFKD", entry.name_en.split()[0]).casefold()
            genders[entry.id] = "f" if first in FEMALE_NAMES else "m"
    for form, actor_id in _FALLBACK_METONYMS.items():
        if actor_id in gazetteer and (not has_metonyms or key(form) not in forms):
            add(form, actor_id, "metonym")
    for form, actor_id in _FALLBACK_DEMONYMS.items():
        if actor_id in gazetteer:
            add(form, actor_id, "demonym")
    for k, actor_id in list(forms.items()):  # plural demonyms: Russians, Ukrainians
        if sources.get(k) == "demonym" and not k.endswith("s") and k + "s" not in forms:
            forms[k + "s"] = actor_id
            sources[k + "s"] = "demonym"
    max_tokens = max((len(k.split()) for k in forms), default=1)
    index = Index(
        forms=forms,
        kinds=kinds,
        genders=genders,
        sources=sources,
        max_tokens=max_tokens,
        roles=roles,
        countries=countries,
    )
    _INDEXES[id(gazetteer)] = (gazetteer, index)
    return index


def slug(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return rx.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _strip_possessive(token: str) -> tuple[str, bool]:
    for suffix in ("'s", "’s"):
        if token.endswith(suffix):
            return token[: -len(suffix)], True
    return token, False


@dataclass(slots=True)
class ReportActors:
    """Per-report memory: mentions in order, titles learned, unknown people by surname."""

    index: Index
    mentions: list[Mention] = field(default_factory=list)
    titles: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # "spokes" -> [(pos, id)]
    unknown: dict[str, str] = field(default_factory=dict)  # surname key -> person:<slug>
    names: dict[str, str] = field(default_factory=dict)  # actor id -> surface text first seen
    roles_seen: dict[str, list[tuple[str, int, int]]] = field(default_factory=dict)  # id -> titles
    starts: list[int] = field(default_factory=list)  # mention starts, for bisect
    hints: dict[str, str] = field(default_factory=dict)  # person:<slug> -> gender the text gives

    def between(self, start: int, end: int) -> list[Mention]:
        """Mentions that lie inside [start, end)."""
        lo = bisect_left(self.starts, start)
        out = []
        for mention in self.mentions[lo:]:
            if mention.start >= end:
                break
            if mention.end <= end:
                out.append(mention)
        return out

    def ending_at(self, end: int, start: int) -> Mention | None:
        """The last mention starting in [start, end) if it ends exactly at ``end``."""
        hi = bisect_left(self.starts, end)
        while hi > 0:
            mention = self.mentions[hi - 1]
            if mention.start < start:
                return None
            if mention.end <= end:
                return mention if mention.end == end else None
            hi -= 1
        return None

    def learn(self, title: str, pos: int, actor_id: str) -> None:
        self.titles.setdefault(title, []).append((pos, actor_id))

    def titled(self, title: str, pos: int) -> str | None:
        """Who was last introduced with this title before ``pos`` (else the first one after)."""
        seen = self.titles.get(title)
        if not seen:
            return None
        before = [actor_id for p, actor_id in seen if p < pos]
        return before[-1] if before else seen[0][1]

    def introduce(self, name: str, pos: int) -> str:
        """A person the gazetteer does not know, named as a speaker: ``person:<slug>``."""
        actor_id = "person:" + slug(name)
        self.unknown.setdefault(key(name), actor_id)
        self.unknown.setdefault(key(name.split()[-1]), actor_id)
        self.names.setdefault(actor_id, name)
        return actor_id

    def gender(self, actor_id: str) -> str | None:
        if actor_id in self.index.genders:
            return self.index.genders[actor_id]
        if actor_id.startswith("person:"):
            if actor_id in self.hints:
                return self.hints[actor_id]
            first = actor_id.split(":", 1)[1].split("-")[0]
            if first in UNISEX_NAMES:
                return None
            return "f" if first in FEMALE_NAMES else "m" if first in MALE_NAMES else None
        return None

    def kind(self, actor_id: str) -> str:
        if actor_id.startswith("person:"):
            return "person"
        if actor_id.startswith("anon:"):
            return "anonymous"
        return self.index.kinds.get(actor_id, "organization")


PARTICLE_JOINED = re.compile(r"(?:al|el|ad|ash|as|at|az|bin|ibn|abu|ben)-[A-Z]")  # "al-Namrouti"


def gender_hints(text: str, names: dict[str, str]) -> dict[str, str]:
    """The gender the text gives people the gazetteer does not know, from the word right before
    their name ("9/11 widow Terry Strada", "Mr. Quinlan"): person id -> "f" | "m", where every
    such word in the text agrees."""
    out: dict[str, str] = {}
    for actor_id, name in names.items():
        surname = name.split()[-1]
        seen = set()
        for m in rx.finditer(rf"([\w.]+)\s+(?:[A-Z][\w.'’-]*\s+){{0,2}}{re.escape(surname)}\b", text):
            word = m.group(1).lower()
            if word in FEMALE_CUES:
                seen.add("f")
            elif word in MALE_CUES:
                seen.add("m")
        if len(seen) == 1:
            out[actor_id] = seen.pop()
    return out


def find_mentions(text: str, actors: ReportActors, quote_spans: list[tuple[int, int]]) -> None:
    """Every name mention in the text, in order, into ``actors.mentions``."""
    index = actors.index
    runs: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    particles = PARTICLES
    for m in TOKEN.finditer(text):
        word = m.group()
        upper = word[0].isupper() or (word[:1] in "aeib" and PARTICLE_JOINED.match(word) is not None)
        if not current:
            if upper:
                current = [(m.start(), m.end(), word)]
            continue
        last = current[-1]
        start = m.start()
        if (
            (upper or word.lower() in particles)
            and start - last[1] == 1
            and text[last[1]] == " "
            and not last[2].endswith(("'s", "’s"))
        ):
            current.append((start, m.end(), word))
            continue
        runs.append(current)
        current = [(start, m.end(), word)] if upper else []
    if current:
        runs.append(current)
    firsts = _firsts(index)
    extra: dict[str, int] = {}  # the same bound for the unknown people met so far (keys only grow)
    known = 0
    for run in runs:
        if len(actors.unknown) != known:
            known = len(actors.unknown)
            extra = {}
            for k in actors.unknown:
                first, size = _first_token(k), k.count(" ") + 1
                if extra.get(first, 0) < size:
                    extra[first] = size
        _run_mentions(text, run, actors, index, firsts, extra)
    _honorific_mentions(text, runs, actors)
    mentions = actors.mentions
    mentions.sort(key=lambda m: m.start)
    actors.starts = [m.start for m in mentions]
    # in_quote: some quote span holds the mention's start (spans may overlap: compare to the max end)
    spans = sorted(quote_spans)
    q_starts = [s for s, _ in spans]
    max_ends: list[int] = []
    top = -1
    for _, e in spans:
        top = e if e > top else top
        max_ends.append(top)
    for mention in mentions:
        at = bisect_right(q_starts, mention.start) - 1
        mention.in_quote = at >= 0 and max_ends[at] > mention.start


def _honorific_mentions(text: str, runs: list[list[tuple[int, int, str]]], actors: ReportActors) -> None:
    """'Sheikh Mohammed', 'Sir Keir', 'Prince Faisal': an honorific and a given name refer to the
    one person named before in the report whose name (after its titles) begins with that word."""
    taken = {(m.start, m.end) for m in actors.mentions}
    for run in runs:
        for i in range(len(run) - 1):
            if run[i][2].lower() not in HONORIFICS:
                continue
            word_start, word_end, raw = run[i + 1]
            word, possessive = _strip_possessive(raw)
            if i + 2 < len(run) or any(s <= word_start < e for s, e in taken):
                continue  # a longer name, or a mention already there
            earlier = {m.actor_id for m in actors.mentions if m.start < word_start and m.kind == "person"
                       and _first_name(m.text) == word}
            if len(earlier) != 1:
                continue
            actor_id = earlier.pop()
            actors.mentions.append(Mention(start=run[i][0], end=word_end, text=text[run[i][0]:word_end],
                                           actor_id=actor_id, kind="person", possessive=possessive,
                                           source="name", gender=actors.gender(actor_id)))


def _first_name(name: str) -> str:
    words = [w for w in name.split() if w.lower() not in TITLE_WORDS and w.lower() not in HONORIFICS]
    return words[0] if words else ""


_KEYS: dict[str, str] = {}  # surface -> lookup key (memo: key() normalises Unicode)
_FIRSTS: dict[int, tuple[Index, dict[str, int]]] = {}


def _first_token(k: str) -> str:
    cut = k.find(" ")
    return k if cut < 0 else k[:cut]


def _firsts(index: Index) -> dict[str, int]:
    """First key token of every form -> most key tokens of a form starting with it."""
    cached = _FIRSTS.get(id(index))
    if cached is not None and cached[0] is index:
        return cached[1]
    firsts: dict[str, int] = {}
    for k in index.forms:
        first, size = _first_token(k), k.count(" ") + 1
        if firsts.get(first, 0) < size:
            firsts[first] = size
    _FIRSTS[id(index)] = (index, firsts)
    return firsts


def _key(surface: str) -> str:
    k = _KEYS.get(surface)
    if k is None:
        k = _KEYS[surface] = key(surface)
    return k


def _run_mentions(
    text: str,
    run: list[tuple[int, int, str]],
    actors: ReportActors,
    index: Index,
    firsts: dict[str, int],
    extra: dict[str, int],
) -> None:
    words = [_strip_possessive(t[2]) for t in run]
    while words and words[-1][0].lower() in PARTICLES:
        words.pop()
        run = run[:-1]
    # A name starting at word i has the first key token of word i and at most as many words as the
    # longest form (or unknown person) starting with that token has key tokens: other spans are skipped
    # without a lookup (the key of joined words is the joined keys of the words).
    unknown = actors.unknown
    word_keys = [_key(w) for w, _ in words]
    forms = index.forms
    i = 0
    n = len(run)
    unmatched: list[int] = []

    def longest(i: int) -> tuple[int, str, str] | None:
        first_key = word_keys[i]
        if first_key:
            token = _first_token(first_key)
            room = firsts.get(token, 0)
            if extra:
                room = max(room, extra.get(token, 0))
            hi = i
            used = 0
            while hi < n and hi < i + index.max_tokens:
                wk = word_keys[hi]
                if not wk:
                    hi = min(n, i + index.max_tokens)  # an empty key: no bound from token counts
                    break
                used += wk.count(" ") + 1
                if used > room:
                    break
                hi += 1
        else:
            hi = min(n, i + index.max_tokens)
        for j in range(hi, i, -1):
            joined = " ".join(w for w, _ in words[i:j])
            k = _key(joined)
            actor_id = forms.get(k) or unknown.get(k)
            if actor_id and k in unknown and unknown[k] != actor_id and " " not in k:
                # "Li" after "Li Chenggang": the report's own Li, not Li Qiang -- unless Li Qiang is
                # named too, and later ("Nawaz Sharif said ...  Sharif took to social media": the
                # one named last, not the prime minister named before him)
                here = run[i][0]
                last = {m.actor_id: m.start for m in actors.mentions if m.start < here}
                if last.get(unknown[k], -1) >= last.get(actor_id, -1):
                    actor_id = unknown[k]
            if actor_id:
                return j, actor_id, k
        return None

    while i < n:
        found = longest(i)
        if i + 1 < n and words[i][0].lower() in HONORIFICS:
            # "Sheikh Mohammed bin Abdulrahman Al Thani": the longer name after the honorific, not a
            # shorter form that begins with it ("Sheikh Mohammed bin Abdulrahman")
            after = longest(i + 1)
            if after is not None and (found is None or after[0] > found[0]):
                found = after
        if found is None:
            unmatched.append(i)
            i += 1
            continue
        j, actor_id, k = found
        if j < n and not words[j - 1][1] and words[j][0] in _PAPERS and actors.kind(actor_id) != "person":
            i = j + 1  # "the Washington Post", "the Moscow Times": a newspaper, not the place
            continue
        if j - i == 1 and _other_name_beside(words, word_keys, i, forms, actor_id, actors):
            unmatched.append(i)  # "Wang Wentao", "Melania Trump": not Wang Yi, not Trump
            i += 1
            continue
        start, end = run[i][0], run[j - 1][0] + len(words[j - 1][0])
        source = index.sources.get(k, "name") if not actor_id.startswith("person:") else "unknown"
        kind = actors.kind(actor_id)
        actors.mentions.append(
            Mention(
                start=start,
                end=end,
                text=text[start:end],
                actor_id=actor_id,
                kind=kind,
                possessive=words[j - 1][1],
                source=source,
                gender=actors.gender(actor_id) if kind == "person" else None,
            )
        )
        actors.names.setdefault(actor_id, text[start:end])
        _learn_title(text, start, end, actor_id, actors)
        if kind == "person" and j - i >= 2 and not actor_id.startswith("person:"):
            _family_name_of_known(words[i:j], actor_id, actors, forms)
        i = j
    if unmatched:
        _unknown_people(text, run, words, unmatched, actors)


_PAPERS = frozenset("Post Times Examiner Journal Herald Tribune Globe Gazette Chronicle Inquirer".split())


def _family_name_of_known(words: list[tuple[str, bool]], actor_id: str, actors: ReportActors,
                          forms: dict[str, str]) -> None:
    """A known person named in full is the one meant by his family name later in the report, when
    the gazetteer cannot say so because the family is shared ("Sheikh Mohammed bin Abdulrahman Al
    Thani ... Al Thani said", the emir being an Al Thani too): the first person of the report so
    named."""
    family = family_name([w for w, _ in words])
    k = key(family) if family else None
    if k and k not in forms:
        actors.unknown.setdefault(k, actor_id)


_OPENING_ADVERBS = frozenset(
    "earlier later meanwhile separately also however previously now then yesterday today "
    "additionally moreover furthermore still instead likewise similarly".split())


def _title_before(text: str, start: int) -> str:
    """Lower-case title words right before a name: 'Kremlin spokesman', "Putin's aide"."""
    window = text[max(0, start - 80) : start]
    match = rx.search(r"((?:[\w.'’-]+ ){1,5})$", window)
    if not match:
        return ""
    words = match.group(1).split()
    kept: list[str] = []
    for word in reversed(words):
        bare = _strip_possessive(word.strip(",."))[0]
        if bare.lower() in TITLE_WORDS or (kept and (word[0].isupper() or word.endswith(("'s", "’s")))):
            kept.append(word)
            continue
        break
    kept.reverse()
    while kept and kept[0].strip(",.").lower() in _OPENING_ADVERBS:
        kept.pop(0)  # "Earlier Omani Foreign Minister Badr Albusaidi had said": no part of his title
    # must contain a title word proper (not only an organisation)
    if not any(_strip_possessive(w.strip(",."))[0].lower() in TITLE_WORDS for w in kept):
        return ""
    return " ".join(kept)


_APPOSITIVE = re.compile(
    r"^,\s+(?:(?:the|a|an|his|her|its|their)\s+)?((?:[\w.'’-]+\s+){0,6}?"
    r"(?:spokesman|spokeswoman|spokesperson|press secretary|secretary|president|leader|envoy|aide|"
    r"adviser|advisor|minister|chancellor|premier|negotiator|chief|head|ambassador|commander|"
    r"son-in-law|official|diplomat|director|chairman|chair|speaker|analyst|expert|professor|researcher|"
    r"fellow|economist|editor|commentator|lawmaker|legislator|mp|senator|general|colonel|scholar|historian|"
    r"consultant|strategist|lecturer|author|founder|ceo|executive|partner|member|mayor|governor)\b(?:\s+(?:of|to|for)\s+[^,.;]{1,80})?)"
)


_HEADS_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, TITLE_HEADS), key=len, reverse=True)) + r")\b")
_PREV_WORD = re.compile(r"([\w.'’-]+)\s$")


def _learn_title(text: str, start: int, end: int, actor_id: str, actors: ReportActors) -> None:
    if actors.kind(actor_id) != "person":
        return
    titles: list[str] = []
    prev = _PREV_WORD.search(text, max(0, start - 40), start)
    if prev and (_strip_possessive(prev.group(1))[0].lower() in TITLE_WORDS or prev.group(1)[0].isupper()):
        before = _title_before(text, start)
        if before:
            titles.append(before)
    if text.startswith(",", end):
        after = _APPOSITIVE.match(text[end : end + 160].replace("’s", "'s"))
        if after:
            titles.append(after.group(1))
    for title in titles:
        lowered = rx.sub(r"[^\w' -]", "", title.lower().replace("’", "'"))
        lowered = rx.sub(r"\b\w+'s\b", "", lowered)
        lowered = " ".join(lowered.split())
        if not lowered:
            continue
        actors.learn(lowered, start, actor_id)
        for phrase in _HEADS_RE.findall(lowered):
            actors.learn(TITLE_HEADS[phrase], start, actor_id)
            actors.learn(phrase, start, actor_id)
        actors.roles_seen.setdefault(actor_id, []).append((title, start, end))


def _name_word(word: str, word_key: str, forms: dict[str, str]) -> bool:
    """A capitalised word that can be part of a person's name and names nobody on its own."""
    low = word.lower()
    return (word[:1].isupper() and not word.isupper() and len(word) >= 2 and low not in TITLE_WORDS
            and low not in NOT_NAME and low not in PARTICLES and word_key not in forms)


def _other_name_beside(words: list[tuple[str, bool]], word_keys: list[str], i: int, forms: dict[str, str],
                       actor_id: str, actors: ReportActors) -> bool:
    """A known person's one-word form with another name word right beside it in the same run
    ("Wang" of "Wang Wentao", "Trump" of "Melania Trump"): someone else of that name."""
    if actors.kind(actor_id) != "person" or words[i][1] and i + 1 < len(words):
        return False
    after = i + 1 < len(words) and not words[i][1] and _name_word(words[i + 1][0], word_keys[i + 1], forms)
    before = i > 0 and not words[i - 1][1] and _name_word(words[i - 1][0], word_keys[i - 1], forms)
    return after or before


def _unknown_people(
    text: str,
    run: list[tuple[int, int, str]],
    words: list[tuple[str, bool]],
    unmatched: list[int],
    actors: ReportActors,
) -> None:
    """Two or three unknown capitalised words introduced like a person become person:<slug>."""
    groups: list[list[int]] = []
    for i in unmatched:
        if groups and groups[-1][-1] == i - 1:
            groups[-1].append(i)
        else:
            groups.append([i])
    for group in groups:
        # drop leading title-case titles ("Army Secretary", "Ambassador")
        while group and (words[group[0]][0].lower() in TITLE_WORDS or words[group[0]][0].lower() in NOT_NAME):
            group = group[1:]
        if not 2 <= len(group) <= 3:
            continue
        parts = [words[i][0] for i in group]
        if any(p.lower() in NOT_NAME or p.lower() in TITLE_WORDS or p.isupper() for p in parts):
            continue
        if any(p.lower() in ORG_WORDS for p in parts):
            continue  # "the General Border Committee": a body, not a person titled "General"
        if parts[0].lower() in _HEADLINE_VERBS:
            continue  # "Omani Foreign Minister Announces Fourth Iran, U.S. Talks": a headline's verb
        if any(words[i][1] for i in group[:-1]):
            continue
        start, end = run[group[0]][0], run[group[-1]][0] + len(parts[-1])
        title = _title_before(text, start)
        appositive = _APPOSITIVE.match(text[end : end + 160])
        if not title and not appositive:
            continue
        name = " ".join(parts)
        actor_id = "person:" + slug(name)
        actors.unknown[key(name)] = actor_id
        actors.unknown.setdefault(key(parts[-1]), actor_id)
        if len(parts) in (2, 3) and parts[0].lower() in FAMILY_FIRST:
            actors.unknown.setdefault(key(parts[0]), actor_id)  # "Li Chenggang", later "Li"
        actors.mentions.append(
            Mention(
                start=start,
                end=end,
                text=name,
                actor_id=actor_id,
                kind="person",
                possessive=words[group[-1]][1],
                source="unknown",
                gender=actors.gender(actor_id),
            )
        )
        actors.names.setdefault(actor_id, name)
        _learn_title(text, start, end, actor_id, actors)


# A title-cased headline's verb right after a title ("Minister Announces", "Envoy Says")
_HEADLINE_VERBS = frozenset(
    {form for lemma in REPORTING_LEMMAS for form in inflections(lemma) if form.endswith("s")}
    | set("announces says tells meets holds visits signs calls rejects accepts hails slams welcomes "
          "confirms denies expects reveals proposes seeks threatens plans backs eyes arrives heads".split()))


_MODIFIER_GAP = re.compile(r"^(?:'s|’s)?\s+(?:(?:[a-z-]+|[A-Z][\w.-]*)\s+){0,4}$")


def modifies_next(text: str, mention: Mention, mentions: list[Mention]) -> Mention | None:
    """The person a mention only qualifies: "Kremlin [spokesman] Dmitry Peskov", "Putin's aide Ushakov".

    ``mentions``: the mentions of the sentence (or any list in text order that holds ``mention``).
    """
    for other in mentions:
        if other.start <= mention.start:
            continue
        if other.start - mention.end > 60:
            break
        gap = text[mention.end : other.start]
        if (
            other.kind == "person"
            and _MODIFIER_GAP.match(gap)
            and all(
                w.lower() in TITLE_WORDS or w[:1].isupper() or w.lower() in ("of", "the")
                for w in gap.replace("'s", " ").replace("’s", " ").split()
            )
        ):
            return other
        break
    return None
