"""English sentence templates: the mirror image of :mod:`templates_ja`.

Hedged claims take "According to <outlet>," (one source) or "reportedly"; a quote that
exists only in another language is shown as written, marked "(original in Japanese)".
Nothing here belongs to one story.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

LANG = "en"
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

LABELS = {
    "contested_date": " (reports differ on the date)",
    "points": "Three points to watch",
    "points_2": "Two points to watch",
    "points_1": "One point to watch",
    "points_intro": "Drawn from the record by fixed rules: open proposals, opposed stances, next steps.",
    "perspective": "The reader's perspective",
    "conflicts": "How reports differ",
    "references": "Reference(s):",
    "copies": "copies of the same wire story",
    "nothing_new": "Nothing new in the record for this period.",
    "dropped": "Sentences dropped by verification",
    "as_of": "as of",
    "proposals": "The proposals so far",
    "schedule": "What comes next",
    "meetings": "The talks so far",
    "a_report": "one report",
}
_KIND = {
    "meeting": "meeting",
    "phone_call": "phone call",
    "planned_meeting": "meeting",
    "leak": "leak",
    "proposal": "proposal",
    "counter_proposal": "counter-proposal",
    "statement": "statement",
    "agreement": "agreement",
}
_STANCE_VERB = {
    "accept": "has accepted {t}",
    "partly_accept": "has accepted parts of {t} and called others unacceptable",
    "reject": "has rejected {t}",
    "demand": "has pressed demands on {t}",
    "support": "has backed {t}",
    "oppose": "has opposed {t}",
}
_ISSUE_VERB = {
    "accept": "signalled acceptance on",
    "partly_accept": "accepted some points and rejected others on",
    "reject": "said no on",
    "demand": "pressed demands on",
    "support": "voiced support on",
    "oppose": "voiced opposition on",
}
_STANCE_SHORT = {
    "accept": "accepts it",
    "partly_accept": "accepts it in part",
    "reject": "rejects it",
    "demand": "makes demands",
    "support": "supports it",
    "oppose": "opposes it",
    "unclear": "is undecided",
}
_STANCE_NOUN = {
    "accept": "acceptance",
    "partly_accept": "partial acceptance",
    "reject": "rejection",
    "demand": "demands",
    "support": "support",
    "oppose": "opposition",
    "unclear": "no clear position",
}
_TITLE_STANCE = {
    "accept": "accepts {t}",
    "partly_accept": "accepts parts of {t}",
    "reject": "rejects {t}",
    "demand": "demands on {t}",
    "support": "backs {t}",
    "oppose": "opposes {t}",
    "unclear": "undecided on {t}",
}
ISSUES = {
    "nato-membership": "NATO membership",
    "security-guarantees": "security guarantees",
    "territory": "territory",
    "elections": "elections",
    "sanctions": "sanctions",
    "army-size": "the size of the army",
    "frozen-assets": "frozen assets",
    "market-access": "market access",
    "export-controls": "export controls",
    "nuclear-plant": "the nuclear power plant",
}
_CONFLICT_ATTR = {
    "duration": "length",
    "length": "length",
    "date": "date",
    "points": "number of points",
    "wording": "wording",
    "participants": "participants",
    "speaker": "speaker",
    "place": "place",
    "number": "figures",
    "count": "count",
}
_LANG_NAME = {
    "en": "English",
    "ja": "Japanese",
    "ru": "Russian",
    "uk": "Ukrainian",
    "fr": "French",
    "de": "German",
    "zh": "Chinese",
    "ko": "Korean",
}
_JA_PROPOSAL = (
    (re.compile(r"(\d+)項目"), "{n}-point plan"),
    (re.compile(r"対案"), "counter-proposal"),
    (re.compile(r"枠組み"), "framework"),
)


def date(iso: str | None, precision: str | None, year: str) -> str | None:
    if not iso or precision in (None, "unknown"):
        return None
    y, m, d = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    name = _MONTHS[m - 1]
    suffix = "" if iso[:4] == year else f", {y}"
    if precision in ("day", "datetime"):
        return f"{name} {d}{suffix}"
    if precision == "part_of_month":
        part = "early" if d <= 10 else "mid-" if d <= 20 else "late"
        return f"{part}{name}" if part.endswith("-") else f"{part} {name}" + ("" if not suffix else f" {y}")
    if precision == "month":
        return name if not suffix else f"{name} {y}"
    return str(y)


def full_date(iso: str) -> str:
    return f"{_MONTHS[int(iso[5:7]) - 1]} {int(iso[8:10])}, {int(iso[:4])}"


def month(iso: str) -> str:
    return f"{_MONTHS[int(iso[5:7]) - 1]} {int(iso[:4])}"


def join(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def quote(text: str, lang: str) -> str:
    text = shown(text)
    mark = "" if lang == LANG else f" (original in {_LANG_NAME.get(lang, lang)})"
    return f"\u201c{text}\u201d{mark}"


def shown(text: str) -> str:
    return text.strip().rstrip(".,;:").strip()


# Reported speech told later: "both sides would meet by the end of this month" (said in April, read
# in September) is "by the end of the month"; "next week" the following one.
BACKSHIFT = (
    (re.compile(r"\bthis (week|weekend|month)\b", re.I), r"that \1"),
    (re.compile(r"\bnext (week|weekend|month)\b", re.I), r"the following \1"),
    (re.compile(r"\blast (week|weekend|month)\b", re.I), r"the previous \1"),
    (re.compile(r"\btoday\b", re.I), "that day"),
    (re.compile(r"\btonight\b", re.I), "that night"),
    (re.compile(r"\btomorrow\b", re.I), "the next day"),
    (re.compile(r"\byesterday\b", re.I), "the day before"),
    # "said the round will be held in Rome": said before it, told after it
    (re.compile(r"\bwill(?= (?:be|not|continue|meet|hold|take|return|resume|visit|remain|start|begin|sign|"
                r"seek|travel|go|come|have|discuss|announce|decide)\b)"), "would"),
)


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def issue(slug: str) -> str:
    if slug in ISSUES:
        return ISSUES[slug]
    if slug.isascii():
        return slug.replace("-", " ")
    return f"{slug} (Japanese term)"


_OBJECT = re.compile(r"(?i)(?:a|an|the|to|on|its|their)\b")  # what was agreed, as a noun phrase or "to ..."
_JA_KIND = (("合意案", "draft agreement"), ("停戦案", "ceasefire proposal"), ("対案", "counter-proposal"),
            ("和平案", "peace proposal"), ("計画", "plan"), ("枠組み", "framework"), ("提案", "proposal"))


def proposal(name: str, mentions: Sequence[str], author: str | None) -> str:
    """A proposal's English name: its record name when English, else built from the Japanese one."""
    if name.isascii():
        label = name
    else:
        english = [m.strip() for m in mentions if m.isascii() and 2 <= len(m.strip()) <= 40]
        label = ""
        if english:
            label = sorted(english, key=lambda m: (len(m), m))[0]
        else:
            for pattern, form in _JA_PROPOSAL:
                match = pattern.search(name)
                if match:
                    label = form.format(n=int(match.group(1))) if match.groups() else form
                    break
        if not label:  # a kind of proposal an English reader knows, not Japanese words
            kind = next((form for word, form in _JA_KIND if word in name), "proposal")
            return f"{author}'s {kind}" if author else f"the {kind}"
        if author and "counter" in label and author.lower() not in label.lower():
            label = f"{author} {label}"
    return label if re.match(r"(?i)(the|a|an) ", label) else f"the {label}"


def at_place(place: str) -> str:
    """ "in London", but "at Lancaster House in London" (a venue is written with its city)."""
    return f"at {place}" if " in " in place else f"in {place}"


def event_short(kind: str, place: str | None) -> str:
    noun = _KIND.get(kind, kind)
    return f"{place.split(' in ')[0]} {noun}" if place else noun  # "the Lancaster House meeting"


def event_label(kind: str, place: str | None, when: str | None = None) -> str:
    noun = _KIND.get(kind, kind)
    where = f" {at_place(place)}" if place else ""
    return f"the {when} {noun}{where}" if when else f"the {noun}{where}"


def _hedge(text: str, hedge: str | None) -> str:
    return f"According to {hedge}, {text}" if hedge else capitalize(text)


def statement(
    speaker: str,
    when: str | None,
    shown_quote: str,
    *,
    direct: bool,
    same_lang: bool,
    hedge: str | None,
    lead_in: str = "",
    verb: str | None = None,
) -> str:
    accused = verb in _ACCUSING and not direct and same_lang
    verb = ("reportedly " if hedge else "") + ("accused" if accused else "said")
    on = f" {_on(when)} {when}" if when else ""
    if direct or not same_lang:
        text = f"{speaker} {verb}{on}: {shown_quote}."
    elif accused:  # "accused Iran of breaking the truce": the clause is what he accused, not what he said
        clause = shown_quote.strip(chr(0x201c) + chr(0x201d))
        text = f"{_on(when)} {when}, {speaker} {verb} {clause}." if when else f"{speaker} {verb} {clause}."
    else:  # reported speech is the outlet's wording: no quote marks around it
        clause = shown_quote
        if clause[:1] == chr(0x201c) and clause[-1:] == chr(0x201d):  # the outer marks only: the
            clause = clause[1:-1]  # clause's own stay ('the ceasefire was “immediate and unconditional”')
        # the quoted words' own stop before their closing mark, at the clause's end ('went "well,"',
        # 'in "fateful days of decision."'): the sentence's stop follows the mark
        clause = _STOP_IN_MARKS.sub(r"\1", clause)
        if _OPENING_WORD.match(clause):  # "that The issue ...": a sentence's capital, not a name's
            clause = clause[0].lower() + clause[1:]
        text = f"{speaker} {verb}{on} that {clause}."
    return capitalize(f"{lead_in}{text}")


_STOP_IN_MARKS = re.compile(r"[,;:.]+([”\"’]+)$")
_ACCUSING = frozenset(("accused", "accuses", "accusing"))


def statement_pair(speaker: str, when: str | None, first: str, second: str, *, hedge: str | None,
                   lead_in: str = "") -> str:
    """Two remarks of one speaker that day: "X said on May 15: “A”, and added: “B”."."""
    verb = "reportedly said" if hedge else "said"
    on = f" {_on(when)} {when}" if when else ""
    return capitalize(f"{lead_in}{speaker} {verb}{on}: {first}, and added: {second}.")


# words that open a sentence with a capital only because they open it
_OPENING_WORD = re.compile(
    r"(?:The|A|An|It|This|That|These|Those|There|Some|Many|Most|All|No|Our|Their|His|Her|Its)\b"
)


_SMALL_NUMBERS = "zero one two three four five six seven eight nine ten".split()


def duration(hours: float, approx: str) -> str:
    """ "about four hours", "more than two hours", "two and a half hours", "an hour"."""
    whole, half = int(hours), hours - int(hours) >= 0.5
    number = _SMALL_NUMBERS[whole] if whole < len(_SMALL_NUMBERS) else str(whole)
    if hours * 2 != int(hours * 2):  # a length in minutes ("50 minutes", "an hour and 40 minutes")
        minutes = round((hours - whole) * 60)
        words = f"{minutes} minutes" if not whole else \
            f"{'an hour' if whole == 1 else number + ' hours'} and {minutes} minutes"
    elif not half:
        words = "an hour" if whole == 1 else f"{number} hours"
    else:
        words = ("an hour and a half" if whole == 1 else f"{number} and a half hours" if whole
                 else "half an hour")
    return {"more": f"more than {words}", "nearly": f"nearly {words}", "about": f"about {words}"}.get(
        approx, words)


def by_day(when: str) -> str:
    """A meeting no report dates, told by the day of the first report: "by October 26"."""
    return f"by {when}"


def _on(when: str) -> str:
    """ "on December 2" (also "on December 2 (reports differ on the date)"), but "in November",
    "in late November", "in 2025"."""
    return "on" if re.search(r"\d{1,2}(,|$| \()", when) and not when.isdigit() else "in"


# "an agreement at the extraordinary meeting of the General Border Committee held": the clause was
# cut before its end (a place or day that followed)
_CUT_OBJECT = re.compile(r"\b(?:held|signed|hosted|in|at|of|the|a|an|to|and|which|that|on|by|with)$")
_REPORT_DAY = re.compile(
    r"\s+(?:today|yesterday|tonight|this (?:morning|afternoon|evening)|last night|"
    r"on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b(?=\s|$)")


def event(
    kind: str,
    when: str | None,
    place: str | None,
    actors: Sequence[str],
    *,
    hedge: str | None,
    future: bool,
    subject: str | None = None,
    countries: bool = False,
    manner: str | None = None,
    terms: str | None = None,
    mediators: Sequence[str] = (),
    duration: str | None = None,
) -> str | None:
    on = (f"{when}, " if when.startswith("by ") else f"{_on(when)} {when}, ") if when else ""
    at = f" {at_place(place)}" if place else ""
    if duration and kind == "meeting":
        at += f" for {duration}"  # "met Y in Rome for about four hours"
    first, rest = (actors[0], list(actors[1:])) if actors else ("", [])
    if kind == "meeting":
        if not actors:
            return None
        through = f", with {join(mediators)} mediating" if mediators else ""  # the go-between
        if rest and manner == "indirect":  # through mediators: the sides did not meet
            body = f"{join(actors)} held indirect talks{at}{through}."
        elif rest and countries:  # "China met the US": the two governments' delegations held talks
            body = f"{join(actors)} held talks{at}{through}."
        else:
            body = (f"{first} met {join(rest)}{at}{through}." if rest
                    else f"{first} held a meeting{at}{through}.")
        return _hedge(on + body if on else body, hedge)
    if kind == "agreement":
        if not rest:
            return None  # one party "agreeing": its counterpart is missing from the record
        what = re.sub(r"\s+between\s.*$", "", (subject or "").strip().rstrip("."))  # the parties are named
        # the report's own day words ("signed the accord today to ..."): the sentence gives the date
        what = _REPORT_DAY.sub("", what)
        for name in actors:  # "a trade deal with Japan": Japan is named as a party already
            what = re.sub(rf"\s+with\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){{0,4}}{re.escape(name)}$", "", what)
        # the object as written ("a framework to ...", "to extend the truce"), not a whole sentence
        shown = bool(what and what.isascii() and len(what) <= 120 and _OBJECT.match(what)
                     and not _CUT_OBJECT.search(what))
        # its key terms as the cited clause gives them (", which Harlan said will cut duties to 10%")
        tail = f"{at}{terms}." if terms and shown and not what.lower().startswith("to ") else f"{at}."
        if manner == "signed":  # "signed an agreement", or what they signed when it is a noun phrase
            thing = what if shown and not what.lower().startswith("to ") else "an agreement"
            body = f"{join(actors)} signed {thing}{tail if thing == what else at + '.'}"
        elif shown:
            body = f"{join(actors)} agreed {what}{at}." if what.lower().startswith("to ") \
                else f"{join(actors)} agreed on {what}{tail}"
        else:
            body = f"{join(actors)} reached an agreement{at}."
        if mediators:  # the go-between: "..., mediated by Malaysia."
            body = f"{body[:-1]}, mediated by {join(mediators)}."
        return _hedge(on + body if on else body, hedge)
    if kind == "phone_call":
        if not rest:
            return None
        body = f"{first} spoke by phone with {join(rest)}."
        return _hedge(on + body if on else body, hedge)
    if kind == "planned_meeting":
        if not actors:
            if not (at or when):
                return None
            verb = "is due" if future else "was due"
            return _hedge(f"a meeting {verb}{at}" + (f" {_on(when)} {when}." if when else "."), hedge)
        verb = "are due to meet" if future else "were due to meet"
        return _hedge(f"{join(actors)} {verb}{at}" + (f" {_on(when)} {when}." if when else "."), hedge)
    if kind == "leak":
        if not subject:
            return None  # "a proposal was leaked": no content
        return _hedge(
            f"{subject or 'a proposal'} was leaked" + (f" {_on(when)} {when}." if when else "."), hedge
        )
    if kind in ("proposal", "counter_proposal"):
        if not actors:
            return None
        noun = subject or f"a {_KIND[kind]}"
        return _hedge(f"{first} put forward {noun}" + (f" {_on(when)} {when}." if when else "."), hedge)
    return None


def position(holder: str, target: str, stance: str, *, hedge: str | None, is_issue: bool = False) -> str:
    if stance not in _STANCE_VERB:
        return _hedge(f"{holder}'s position on {target} is unclear.", hedge)
    if is_issue:
        return _hedge(f"{holder} has {_ISSUE_VERB[stance]} {target}.", hedge)
    return _hedge(f"{holder} {_STANCE_VERB[stance].format(t=target)}.", hedge)


def stance_noun(stance: str) -> str:
    return _STANCE_NOUN.get(stance, stance)


def stance_short(stance: str) -> str:
    return _STANCE_SHORT.get(stance, stance)


def stance_change(holder: str, target: str, old: str, new: str) -> str:
    return capitalize(f"{holder} moved from {stance_noun(old)} to {stance_noun(new)} on {target}.")


def proposal_reported(name: str, authors: Sequence[str], when: str | None, *, hedge: str | None) -> str:
    """Who put a proposal forward, and since when the record's reports tell it ("X was reported"
    alone says nothing; "first reported on" would claim what the record cannot know: a report
    of the week before may never have been read)."""
    on = f", reported since {when}" if when else ""
    return _hedge(f"{join(authors)} put forward {name}{on}.", hedge)


def proposal_positions(name: str, pairs: Sequence[tuple[str, str]], *, hedge: str | None = None) -> str:
    parts = join([f"{h} {stance_short(s)}" for h, s in pairs])
    return capitalize(f"on {name}, {parts}" + (f", according to {hedge}." if hedge else "."))


def lead_context(topic: str, when: str) -> str:
    return capitalize(f"diplomacy over {topic} continued into {when}.")


def headline(speaker: str, shown_quote: str, label: str | None) -> str:
    text = f"{speaker} says {shown_quote}"
    if label:
        text += " after " + (label[4:] if label.startswith("the ") else label)
    return capitalize(text)


def event_title(label: str) -> str:
    return capitalize(label)


def party_title(side: str, target: str | None, stance: str | None) -> str:
    if target and stance in _TITLE_STANCE:
        return capitalize(f"{side}: {_TITLE_STANCE[stance].format(t=target)}")
    return capitalize(f"{side}: statements")


def since_title(when: str) -> str:
    return f"What changed since {when}"


def point_open(target: str, pairs: Sequence[tuple[str, str]]) -> str:
    if len(pairs) == 1 and pairs[0][1] == "partly_accept":
        return capitalize(
            f"{target}: {pairs[0][0]} accepts only parts of it, and other parts remain unacceptable."
        )
    parts = join([f"{h} {stance_short(s)}" for h, s in pairs])
    return capitalize(f"whether the gap on {target} closes: {parts}.")


def point_clash(target: str, pairs: Sequence[tuple[str, str]]) -> str:
    parts = " while ".join(f"{h} {stance_short(s)}" for h, s in pairs)
    return capitalize(f"the clash over {target}: {parts}.")


def point_next(actors: Sequence[str], when: str | None, place: str | None) -> str:
    at = f" {at_place(place)}" if place else ""
    on = f" {_on(when)} {when}" if when else ""
    if not actors:
        return capitalize(f"whether the meeting due{at}{on} brings concrete progress.")
    return capitalize(f"whether the meeting of {join(actors)} due{at}{on} brings concrete progress.")


def point_unclear(label: str) -> str:
    return capitalize(f"no date for a next round has been reported since {label}.")


def perspective_intro(target: str) -> str:
    return capitalize(f"of the questions in the record, {target} is where the parties are furthest apart.")


def as_of_open(when: str, target: str) -> str:
    return f"As of {when}, the parties' positions on {target} had not converged."


def as_of_latest(when: str, label: str, kind: str | None = None) -> str:
    """The latest event of its kind (a meeting, call or agreement: later events of other kinds may
    be in the record, so the sentence names the kind, not "the latest development")."""
    noun = _KIND.get(kind, kind) if kind else "development"
    return f"As of {when}, the latest {noun} in the record is {label}."


def remark(speaker: str) -> str:
    return f"{speaker}’s remark"


def conflict_subject(attribute: str | None, item_label: str | None, topic: str) -> str:
    attr = _CONFLICT_ATTR.get(attribute or "")
    if item_label and attr:
        return f"the {attr} of {item_label}"
    if item_label:
        return f"{item_label} ({topic})"
    return topic


def conflict(subject: str, variants: Sequence[tuple[str, str]]) -> str:
    parts = "; ".join(f"{outlets}: {value}" for outlets, value in variants)
    return capitalize(f"reports differ on {subject}: {parts}.")


def new_conflict(subject: str) -> str:
    return capitalize(f"reports now disagree on {subject}.")


def outlets(names: Sequence[str]) -> str:
    return join(list(names))
