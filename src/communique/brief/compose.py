"""The deterministic writer: a briefing in the shape of the seed article, from the record.

Reading order (and composition order, so that an actor's first mention is the full form):
headline; lead (context, the latest meeting, the key statement); "what changed since" when
asked; a section on the key meeting; one section per party (its positions, then its
statements); the proposals; the other meetings; the schedule; three points to watch; the
reader's perspective; the as-of line; how reports differ (the body: :mod:`.sections`).
Every sentence is built from record items and cites them; single-source and hedged claims
are hedged.  Rules of selection: :mod:`.select`.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date
from importlib import import_module
from types import ModuleType
from typing import Any

from ..errors import CommuniqueError, UsageError
from ..extract.gazetteer import Gazetteer
from ..extract.gazetteer import load as load_gazetteer
from ..merge import facets
from . import sections as body
from . import select, support
from .model import (
    Briefing,
    Citation,
    Claim,
    Copy,
    Dropped,
    EvidenceRef,
    Reference,
    Section,
    Sentence,
)
from .names import Names
from .record import Record, Statement, View, day, view

MAX_EVIDENCE = 4


class BriefError(CommuniqueError):
    """The record cannot be briefed (nothing extracted as of the date)."""


def templates_for(lang: str) -> ModuleType:
    """The templates of a language, imported when a briefing in it is written (not the other's)."""
    if lang in ("ja", "en"):
        return import_module(f"{__package__}.templates_{lang}")
    raise UsageError(
        f"--lang {lang}", "briefings are written in Japanese or English", "use --lang ja or --lang en"
    )


_SENTENCE = re.compile(r".+?(?:[。！？]|[.!?](?=\s))")


def backshifted(text: str, table: Sequence[tuple[re.Pattern[str], str]]) -> tuple[str, list[str]]:
    """Reported speech as a later briefing tells it ("this month" -> "that month", 来週 -> 翌週),
    and the outlet's words left as they are (what the verifier finds in the evidence)."""
    spans = sorted((m.start(), m.end(), m.expand(repl))
                   for pattern, repl in table for m in pattern.finditer(text))
    out, kept, last = [], [], 0
    for start, end, repl in spans:
        if start < last:
            continue
        out += [text[last:start], repl]
        kept.append(text[last:start])
        last = end
    kept.append(text[last:])
    return "".join([*out, text[last:]]), [k.strip(" 、,.。") for k in kept if k.strip(" 、,.。")]


# the day an event sentence opens with, which a headline leaves out (the year too: "On August 19,
# 2025, ...", 「2025年8月19日、…」 in a briefing of another year)
_HEADLINE_DATE = re.compile(
    r"^(?:On|In) [^,]{3,30}(?:, [0-9]{4})?, |^(?:[0-9０-９]{4}年)?[0-9０-９]{1,2}月[0-9０-９]{1,2}日、")
_ATTRIBUTION_TAIL = re.compile(
    r",\s+(?:the\s+)?(?:official\s+|state\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,5}\s+(?:said|reported|says)\.?$")
_KANA = re.compile(r"[\u3040-\u30ff]")
# what may stay in Japanese in an English sentence: quoted words, and the outlet of "According to X,"
_OUTSIDE = re.compile(r"“[^”]*”|^According to [^,]*,")
_INDIRECT = re.compile(r"\bindirect(?:ly)?\b|\bthrough (?:the )?mediators\b|間接")
# the terms right after an agreement's clause: "... a deal with Japan that he said will result in
# ...", "... a framework with He that will avoid 100% tariffs ...", "..., under which Japan pays 15%"
# (to the end of the sentence; "U.S." does not end it)
_TERMS = re.compile(
    r"[\"”’']?,?\s+(?:(?P<rel>that|which)\s+(?:(?P<pron>he|she) said\s+)?"
    r"(?=(?:will|would|includes?|calls? for|sets?|commits?)\b)|(?P<under>under which)\s+)"
    r"(?P<terms>[^;:\n“”\"]{8,220}?)(?=(?<![A-Z]\.[A-Z])\.(?:\s|$)|;|$)")
# a clause that may name a go-between (checked name by name with :func:`support.holds`)
_GO_BETWEEN = re.compile(
    r"mediat|broker|facilitat|relayed|good offices|intermediar|go-between|仲介|仲裁|橋渡し", re.I)
_SAYING = re.compile(r"\b(?:said|says|told \w+|announced|confirmed)\b")
_SIGNED = re.compile(r"\bsign(?:ed|s|ing)\b|署名|調印")
_AGREED = re.compile(r"\bagree(?:d|s|ment)?\b|\bdeal\b|合意")


def _manner(kind: str, evidence: list[EvidenceRef]) -> str | None:
    """How the cited clauses tell it: talks held through mediators ("indirect"), an agreement
    signed rather than reached (a memorandum signed for a deal struck weeks before)."""
    texts = [ev.context or ev.text for ev in evidence]
    if kind == "meeting" and any(_INDIRECT.search(t) for t in texts):
        return "indirect"
    if kind == "agreement" and any(_SIGNED.search(t) for t in texts) and not any(
            _AGREED.search(t) and not _SIGNED.search(t) for t in texts):
        return "signed"  # every clause that tells it speaks of signing
    return None


def headline_words(text: str) -> str | None:
    """Words short enough for a headline: the quote, or its first sentence when the whole is too
    long (「日米間の認識に齟齬はありません。米側に対し…」 -> its first sentence); None if neither fits."""
    text = text.strip().rstrip(",、")  # “Nothing has changed at all,” Akazawa said
    limit = 40 if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text) else 90
    if len(text) <= limit:
        return text
    first = _SENTENCE.match(text)
    if first is None or len(first.group()) > limit or len(first.group()) < 8:
        return None
    return first.group().rstrip("。")


_HEADLINE_DAYS = 7  # a headline remark was said within this many days of the as-of day, when any fits
_HEADLINE_STALE = 30  # days: an older remark does not head the briefing


# an English rendering of Japanese words is this many times as long, in characters, at least and at most
TRANSLATION_RATIO = (1.2, 10.0)


def _translation(shown: Record, other: Record) -> bool:
    """A wording in the other language that may be the shown words translated, or hold them: not
    much shorter than they would be in its language (a two-word phrase of another remark, "nuclear
    conflict", beside a sentence of 「…」)."""
    en, ja = (shown, other) if shown.get("language") == "en" else (other, shown)
    en_len, ja_len = len(str(en.get("text") or "")), len(str(ja.get("text") or ""))
    if not en_len or not ja_len:
        return False
    low, high = TRANSLATION_RATIO
    return en_len / ja_len >= low if other is en else en_len / ja_len <= high


class Writer:
    def __init__(self, v: View, lang: str, gazetteer: Gazetteer) -> None:
        self.v = v
        self.lang = lang
        self.T = templates_for(lang)
        self.names = Names(
            gazetteer, v.actors, lang, v.as_of, texts=(str(r.get("text") or "") for r in v.reports.values())
        )
        self.year = v.as_of[:4]
        self.used: set[str] = set()  # statement ids already shown
        self.reserved: set[str] = set()  # statement ids the talks so far tell (:meth:`round_remarks`)
        self.shown_events: set[str] = set()
        self.forms = {
            lang: select.name_patterns(gazetteer, v.actors, lang) for lang in ("en", "ja")
        }  # how each actor may be written, to tell which participants the evidence names
        self.set_aside: list[Dropped] = []
        self._support: dict[tuple[str, Claim], EvidenceRef | None] = {}
        self._named: dict[tuple[str, ...], list[str]] = {}  # participants, by event and what it holds
        v = self.v = self._supported_positions(v)
        reps = select.representatives(v)
        self.proposal_groups: dict[str, list[Record]] = {}
        self._group_evidence: dict[str, list[EvidenceRef]] = {}  # by proposal id: asked for again and again
        self._proposal_label: dict[str, str] = {}
        for prop in v.proposals:
            self.proposal_groups.setdefault(reps[str(prop["id"])], []).append(prop)
        self.outlet_names = sorted({str(r.get("outlet")) for r in v.reports.values() if r.get("outlet")},
                                   key=lambda o: (-len(o), o))  # longest first; ties by name, not hash order
        self.tracks = [t for t in select.tracks(v) if not select.superseded(v, t, self.names)
                       and not self.names.is_media(t.holder_id)
                       and not self.names.is_commentator(t.holder_id)]
        self.targets = select.by_target(self.tracks)
        self.statements = select.ranked_statements(v, self.names, lang)
        self.contested_dates: dict[str, Record] = {
            str(i): c
            for c in v.conflicts
            if "date" in str(c.get("topic") or "").lower()
            for i in c.get("item_ids") or ()
        }

    def _supported_positions(self, v: View) -> View:
        """The view without positions whose own clause does not give their stance, and without
        positions held by commentators (analysts, experts): the briefing says less, and is right."""
        kept = []
        for position in v.positions:
            holder = str(position.get("holder_id") or "")
            claim = Claim(role="stance", actor=holder, value=str(position.get("stance") or ""))
            if not self.names.is_commentator(holder) and self.supporting_span(position, claim) is not None:
                kept.append(position)
        return dataclasses.replace(v, positions=kept)

    # -- citations ------------------------------------------------------------------------
    def cite(
        self,
        item: Record,
        item_type: str,
        evidence: Sequence[EvidenceRef] | None = None,
        actors: Iterable[str] = (),
        extra_dates: Iterable[str | None] = (),
        required: Sequence[EvidenceRef] = (),
    ) -> Citation:
        """A citation of an item: the ``required`` spans (what the sentence shows rests on them), then
        one span per further independent source, the briefing's language first, up to MAX_EVIDENCE."""
        spans = list(evidence) if evidence is not None else self.v.evidence(item)
        chosen: list[EvidenceRef] = list(dict.fromkeys([*required, *spans[:1]]))
        seen = {self.v.source_key(ev.report_id) for ev in chosen}
        for ev in sorted(spans[1:], key=lambda e: self.v.language_of(e) != self.lang):
            key = self.v.source_key(ev.report_id)
            if key not in seen and len(chosen) < MAX_EVIDENCE:
                seen.add(key)
                chosen.append(ev)
        dates = {day(item.get(f)) for f in ("said_on", "date", "first_reported", "as_of")}
        dates |= {self.v.published(e.report_id) for e in chosen}
        dates |= {day(d) for d in extra_dates}
        linked: set[str] = set()
        for actor in actors:
            linked |= self.names.linked(actor)
        return Citation(
            item_id=str(item["id"]),
            item_type=item_type,
            evidence=tuple(chosen),
            dates=tuple(sorted(d for d in dates if d)),
            actors=tuple(sorted(linked)),
        )

    def hedge_for(self, evidence: Sequence[EvidenceRef], hedged: bool = False) -> str | None:
        """The hedge source when a claim is reported by one source only (or hedged in the report)."""
        outlets = self.v.outlets(evidence)
        if hedged or len(outlets) <= 1:
            return (outlets[0] or "one report") if len(outlets) == 1 else "reports"
        return None

    def sentence(
        self,
        text: str,
        citations: Sequence[Citation],
        kind: str,
        quoted: Sequence[str] = (),
        hedged: bool = False,
        allowed: Sequence[str] = (),
        claims: Sequence[Claim] = (),
    ) -> Sentence:
        outlets = sorted({o for c in citations for o in self.v.outlets(c.evidence) if o})
        return Sentence(
            text=text,
            citations=tuple(citations),
            kind=kind,
            quoted=tuple(q for q in quoted if q),
            hedged=hedged,
            allowed_dates=tuple(allowed),
            sources=tuple(o for o in outlets if o in text),
            claims=tuple(claims),
        )

    def when(self, iso: Any, precision: Any = "day") -> str | None:
        return self.T.date(day(iso), str(precision or "day") if day(iso) else None, self.year)

    # -- labels ---------------------------------------------------------------------------
    def target_label(self, target: str) -> str:
        if target.startswith("issue:"):
            return str(self.T.issue(target[6:]))
        prop = self.v.items[target]
        return self.proposal_label(prop)

    def label_evidence(self, prop: Record) -> list[EvidenceRef]:
        """The mention a proposal's shown name rests on: one in the briefing's language if any."""
        spans = self.group_evidence(prop)
        digits = re.findall(r"\d+", unicodedata.normalize("NFKC", self.proposal_label(prop)))
        carrying = [e for e in spans if all(d in unicodedata.normalize("NFKC", e.text) for d in digits)]
        own = [e for e in carrying or spans if self.v.language_of(e) == self.lang]
        return (own or carrying or spans)[:1]

    def group_evidence(self, prop: Record) -> list[EvidenceRef]:
        """The evidence of every item of the proposal (items named several ways are one proposal),
        the item's own first; when the proposal is known by its number of points, the mentions
        that give the number."""
        key = str(prop["id"])
        if key not in self._group_evidence:
            self._group_evidence[key] = self._gather_group_evidence(prop)
        return list(self._group_evidence[key])

    def _gather_group_evidence(self, prop: Record) -> list[EvidenceRef]:
        members = self.proposal_groups.get(str(prop["id"]), [prop])
        spans = list(
            dict.fromkeys([*self.v.evidence(prop), *(e for p in members for e in self.v.evidence(p))])
        )
        digits = re.findall(r"\d+", select.proposal_key(prop))
        carrying = [e for e in spans if all(d in unicodedata.normalize("NFKC", e.text) for d in digits)]
        return carrying if digits and carrying else spans

    def proposal_label(self, prop: Record) -> str:
        key = str(prop["id"])
        if key not in self._proposal_label:
            self._proposal_label[key] = self._label(prop)
        return self._proposal_label[key]

    def _label(self, prop: Record) -> str:
        mentions = [e.text for e in self.group_evidence(prop) if self.v.language_of(e) == self.lang]
        authors = [str(a) for a in prop.get("author_ids") or ()]
        author = self.names.short(authors[0]) if authors else None
        raw = str(prop.get("name") or "")
        group = next((g for g in self.proposal_groups.values() if prop in g), [prop])
        every = {str(a) for p in group for a in p.get("author_ids") or ()}
        lead = raw.split(" ", 1)[0]
        if len(every) > 1 and self.names.gazetteer.get(lead) is not None:
            raw = raw.split(" ", 1)[1]  # a plan of several: not named after the one a report named first
        name = _clean_name(raw, self.names)
        label = str(self.T.proposal(name, mentions, author))
        said = " ".join(unicodedata.normalize("NFKC", e.text) for e in self.group_evidence(prop))
        if all(d in said for d in re.findall(r"\d+", unicodedata.normalize("NFKC", label))):
            return label
        # the record's name carries a number its evidence does not: name it without the number
        bare = re.sub(r"\d+\s*[- ]?\s*(?:points?|items?|項目の?)\s*", "", name).strip() or name
        return str(self.T.proposal(bare, mentions, author))

    def participants(self, event: Record) -> list[str]:
        """Participants to name: those well supported (:func:`select.supported_participants`),
        most prominent first, grouped by side; a country, bloc or organization is left out when
        one of the people of its side is named (worked out once per event: every section asks)."""
        key = (str(event["id"]), *map(str, event.get("participant_ids") or ()), "|",
               str(len(event.get("evidence") or ())), str(event.get("participant_sources") or ""))
        if key not in self._named:
            self._named[key] = self._participants(event)
        return list(self._named[key])

    def _participants(self, event: Record) -> list[str]:
        ids = select.supported_participants(self.v, event, self.forms)
        kind = str(event.get("kind"))
        if kind in (*select.HELD, "planned_meeting"):
            ids = [a for a in ids if self.supporting_span(
                event, Claim(role="participant", actor=a, value=kind, item_id=str(event["id"]))) is not None]
        people_sides = {self.names.side(a) for a in ids if self.names.kind(a) == "person"}
        kept = [a for a in ids if self.names.kind(a) == "person" or self.names.side(a) not in people_sides]
        kept.sort(key=lambda a: (-self.names.prominence(a), ids.index(a)))
        order = list(dict.fromkeys(self.names.side(a) for a in kept))
        return sorted(kept, key=lambda a: order.index(self.names.side(a)))

    def mediators(self, event: Record, actors: Sequence[str]) -> list[tuple[str, EvidenceRef]]:
        """The go-betweens the event's own clauses name ("mediated by Oman", 「カタールの仲介で」),
        with the span that names each: not a side of the event (nor of a side's camp), no outlet
        or commentator, a person before the country of the same side, at most two."""
        sides = {self.names.side(a) for a in actors}
        clauses = [ev for ev in self.v.evidence(event) if _GO_BETWEEN.search(ev.context or ev.text)]
        found: dict[str, EvidenceRef] = {}
        for ev in clauses:
            patterns = self.forms.get(self.v.language_of(ev), {})
            for actor, pattern in support.naming(patterns, ev.context or ev.text):  # those it may name
                if actor in found or actor in actors or not pattern.search(ev.context or ev.text):
                    continue
                if (self.names.kind(actor) not in ("person", "country", "organization", "bloc")
                        or self.names.side(actor) in sides or self.names.is_media(actor)
                        or self.names.is_commentator(actor)):
                    continue
                if support.holds(Claim(role="mediator", actor=actor), [ev], self.forms):
                    found[actor] = ev
        people = {self.names.side(a) for a in found if self.names.kind(a) == "person"}
        kept = [a for a in found if self.names.kind(a) == "person" or self.names.side(a) not in people]
        kept.sort(key=lambda a: (-self.names.prominence(a), a))
        return [(a, found[a]) for a in kept[:2]]

    def duration(self, evidence: Sequence[EvidenceRef], actors: Sequence[str]
                 ) -> tuple[str, EvidenceRef, float] | None:
        """How long the meeting lasted, as the sentences of its own evidence say it of the meeting
        ("talks lasting about four hours", 「約4時間にわたって」), in the briefing's words, with the
        span that says it; None when none says it or two say different lengths (the record's
        conflicts tell those)."""
        found: list[tuple[float, str, EvidenceRef]] = []
        for ev in evidence:
            text = str((self.v.reports.get(ev.report_id) or {}).get("text") or "")
            at = text.find(ev.context) if ev.context else -1
            if at < 0:
                continue
            patterns = self.forms.get(self.v.language_of(ev), {})
            if not all(a in patterns and patterns[a].search(ev.context) for a in actors):
                continue  # "Akazawa held two hours of talks with Lutnick": not the meeting with Trump too
            inside = ev.start - at  # where the context tells this meeting
            for value, m in facets.meeting_durations(ev.context, (inside, inside + ev.end - ev.start)):
                # the span from the event's own words to the length, which the sentence must show
                span = self.v.span(ev.report_id, min(ev.start, at + m.start()), max(ev.end, at + m.end()))
                if span is not None:
                    found.append((value, m.group(0), span))
        if not found or len({value for value, _, _ in found}) > 1:
            return None
        value, _, ev = found[0]
        words = " ".join(w for _, w, _ in found)
        approx = ("more" if re.search(r"more than|\bover\b|超|以上|余り|あまり", words, re.I)
                  else "nearly" if re.search(r"nearly|almost|just under|close to|近く", words, re.I)
                  else "about" if re.search(r"about|around|roughly|some|約|およそ|ほぼ", words, re.I) else "")
        return str(self.T.duration(value, approx)), ev, value

    def event_label(self, event: Record, dated: bool = True) -> str:
        place = self.names.place(event.get("place"))
        dated = dated and str(event["id"]) not in self.contested_dates
        when = self.when(event.get("date"), event.get("date_precision")) if dated else None
        return str(self.T.event_label(str(event.get("kind")), place, when))

    # -- sentences from items -------------------------------------------------------------
    def _quoted_form(self, st: Statement) -> bool:
        """The statement is shown in quote marks (its own words, or words in the other language)."""
        q = select.rendering(st, self.lang)
        return bool(q.get("direct")) or str(q.get("language") or self.lang) != self.lang

    def pairable(self, st: Statement, other: Statement) -> bool:
        """Two remarks one sentence may give ("X said on May 15: “A”, and added: “B”."): one
        speaker, both in quote marks, hedged alike, shown with the same day (both dated to it, or
        neither dated), and one report giving both wordings shown -- two reports' wordings may be
        one remark in two translations the record kept apart (「それなりに良かった」,
        「かなりまともなものだった」)."""
        if not (st.id != other.id and bool(st.speaker_id) and st.speaker_id == other.speaker_id
                and self._quoted_form(st) and self._quoted_form(other)
                and bool(st.hedged) == bool(other.hedged)):
            return False
        days = ("day", "datetime")
        if st.precision in days or other.precision in days:
            if not (st.said_on is not None and st.said_on == other.said_on and st.precision in days
                    and other.precision in days):
                return False
        elif self._said_when(st) != self._said_when(other):
            return False
        shown = [{e.report_id for e in self.v.evidence(select.rendering(x, self.lang))} for x in (st, other)]
        return bool(shown[0] & shown[1])  # the wordings shown, one report giving both

    def _said_when(self, st: Statement) -> str | None:
        """The day a remark is said on, as shown; a remark no report dates carries its report's
        part of the month: not said as its date."""
        return self.when(st.said_on, st.precision) if st.precision != "part_of_month" else None

    def _quoted_when(self, st: Statement, q: Record) -> str | None:
        """The day shown with words in quote marks: the statement's day when a quoted wording of
        it is dated to it -- the words shown, a wording holding them, or a translation; not when
        only a paraphrase is (an outlet's "he claimed on Monday that they agreed ...", joined to
        the words by meaning, may be a later remark), nor other or fewer words of the same
        language (a phrase of the remark recited in a later report, dated by that report's
        scene).  Words no such wording dates are shown without a day."""
        when = self._said_when(st)
        if when is None or not q.get("direct") or st.precision not in ("day", "datetime"):
            return when
        shown = select.bare_words(str(q.get("text") or ""))
        quoted = {day(x.get("said_on")) for x in st.quotes
                  if x.get("direct") and str(x.get("said_on_precision") or "day") in ("day", "datetime")
                  and (_translation(q, x) if x.get("language") != q.get("language")
                       else shown in select.bare_words(str(x.get("text") or "")))}
        return when if st.said_on in quoted else None

    def _words(self, st: Statement) -> tuple[str, list[str], Record, Citation]:
        """A statement's words as shown (quote marks and language note), the parts the verifier
        finds in the evidence, the rendering shown, and its citation."""
        self.used.add(st.id)
        q = select.rendering(st, self.lang)
        q_lang = str(q.get("language") or self.lang)
        text = body.trim(str(q.get("text") or ""), 120 if q_lang == "ja" else 260)
        if q_lang == "en" and not q.get("direct"):  # "..., the official Xinhua News Agency said"
            text = _ATTRIBUTION_TAIL.sub("", text)
        shown = [self.T.shown(text)]
        if q_lang == self.lang and not q.get("direct"):  # the outlet's wording, told as reported speech
            text, shown = backshifted(text, self.T.BACKSHIFT)
        q_evidence = self.v.evidence(q)
        others = [e for e in st.evidence if e not in q_evidence]
        citation = self.cite(
            q,
            "quote",
            q_evidence + others,
            actors=[st.speaker_id] if st.speaker_id else [],
            extra_dates=[st.said_on],
        )
        return str(self.T.quote(text, q_lang)), shown, q, citation

    def statement_sentence(self, st: Statement, kind: str, lead_in: str = "",
                           also: Statement | None = None) -> Sentence:
        """The statement as a sentence; with ``also`` (:meth:`pairable`), a second remark of the
        speaker that day in the same sentence."""
        words, shown, q, citation = self._words(st)
        speaker = self.names.mention(st.speaker_id) if st.speaker_id else (st.speaker_text or "?")
        when = self._quoted_when(st, q)
        hedge = self.hedge_for(st.evidence, st.hedged) if st.hedged else None
        q_lang = str(q.get("language") or self.lang)
        citations = [citation]
        if also is not None and self.pairable(st, also):
            more, more_shown, more_q, more_citation = self._words(also)
            if self._quoted_when(also, more_q) != when:
                when = None  # the day of both remarks, or none
            sentence_text = self.T.statement_pair(speaker, when, words, more, hedge=hedge, lead_in=lead_in)
            shown += more_shown
            citations.append(more_citation)
        else:
            sentence_text = self.T.statement(
                speaker,
                when,
                words,
                direct=bool(q.get("direct")),
                same_lang=q_lang == self.lang,
                hedge=hedge,
                lead_in=lead_in,
                verb=str(q.get("verb") or "") or None,
            )
        claims = [self.speaker_claim(st.speaker_id, c.item_id) for c in citations if st.speaker_id]
        return self.sentence(sentence_text, citations, kind, quoted=shown, hedged=bool(hedge),
                             claims=claims)

    def event_sentence(
        self, event: Record, kind: str = "event", future: bool = True, subject: str | None = None,
        by: str | None = None,
    ) -> Sentence | None:
        """The event told as a sentence; ``by`` (a day) for a meeting no report dates: it took place
        by that day (the first report telling it), "By October 26, X met Y in Z"."""
        evidence = self.v.evidence(event)
        hedge = self.hedge_for(evidence)
        actors = self.participants(event)
        when = self.when(event.get("date"), event.get("date_precision"))
        by = by if when is None else None  # a dated event is told on its own day
        if by is not None:
            shown_by = self.when(by)
            when = self.T.by_day(shown_by) if shown_by else None
        extra: list[Citation] = []
        conflict = self.contested_dates.get(str(event["id"]))
        if conflict is not None:  # the date most sources give, flagged; none when no variant leads
            when, extra = self.majority_date(conflict)
        kind_shown = str(event.get("kind"))
        if kind_shown in select.HELD and len(actors) < 2:
            return None  # "X held a meeting": with one side only, the sentence says nothing checkable
        if kind_shown in select.HELD and len({self.names.side(a) for a in actors}) < 2:
            return None  # one delegation "meeting" itself: its counterpart is missing from the record
        if kind_shown in select.MEETINGS and (day(event.get("date")) or "") > self.v.as_of:
            kind_shown = "planned_meeting"  # dated after the as-of day: still to come
        terms = self.agreement_terms(evidence, actors) if kind_shown == "agreement" else None
        go_betweens = self.mediators(event, actors) if kind_shown in ("meeting", "agreement") else []
        contested = any(str(event["id"]) in (c.get("item_ids") or ())
                        and "duration" in str(c.get("topic") or "")
                        for c in self.v.conflicts)  # reports differ on its length: the conflicts tell it
        lasted = self.duration(evidence, actors) if kind_shown == "meeting" and not contested else None
        named = self.names.mention_all(actors)
        sides = [self.names.side(a) for a in actors]
        together = [n for n, side in zip(named, sides, strict=True) if side == sides[0]] if sides else []
        if kind_shown in ("meeting", "phone_call") and 1 < len(together) < len(named):
            # "Greer and Bessent met He Lifeng", not "Greer met Bessent and He Lifeng": a side together
            apart = [n for n, side in zip(named, sides, strict=True) if side != sides[0]]
            named = [self.T.join(together), *apart]
        text = self.T.event(
            kind_shown,
            when,
            self.names.place(event.get("place")),
            named,
            hedge=hedge,
            future=future,
            subject=self.summary_of(event) if kind_shown == "agreement" else subject,
            manner=_manner(kind_shown, evidence),
            countries=bool(actors) and all(self.names.kind(a) in ("country", "bloc") for a in actors),
            terms=terms[0] if terms else None,
            mediators=self.names.mention_all([a for a, _ in go_betweens]),
            duration=lasted[0] if lasted else None,
        )
        if text is None:
            return None
        self.shown_events.add(str(event["id"]))
        claim_kind = str(event.get("kind"))
        claims = [Claim(role="participant", actor=a, value=claim_kind, item_id=str(event["id"]))
                  for a in actors if claim_kind in (*select.HELD, "planned_meeting")]
        claims += [Claim(role="mediator", actor=a, item_id=str(event["id"])) for a, _ in go_betweens]
        if lasted:
            claims.append(Claim(role="duration", value=str(lasted[2]), item_id=str(event["id"])))
        if claim_kind == "planned_meeting" and not actors:
            claims = [Claim(role="planned", value=claim_kind, item_id=str(event["id"]))]
        required = [self.supporting_span(event, c) for c in claims if c.role not in ("mediator", "duration")]
        required += [ev for _, ev in go_betweens] + ([lasted[1]] if lasted else [])
        if terms and terms[1] not in required:  # the clause that gives the terms, cited first
            required = [terms[1], *required]
        worded = self.summary_of(event) if claim_kind == "agreement" else ""
        if worded and not any(worded in (e.text if e else "") for e in required):
            # the clause whose words say what was agreed is cited with it
            required += [next((e for e in evidence if worded in e.text), None)]
        cites = [self.cite(event, "event", actors=actors,
                           required=list(dict.fromkeys(e for e in required if e is not None))), *extra]
        return self.sentence(text, cites, kind, hedged=bool(hedge), claims=claims,
                             allowed=[by] if by else [])

    def summary_of(self, event: Record) -> str:
        """What an event's clause says happened, in the briefing's language when a report in it
        tells the event (``summaries``), else as the merged event gives it."""
        worded = event.get("summaries") or {}
        return str(worded.get(self.lang) or event.get("summary") or "")

    def agreement_terms(self, evidence: Sequence[EvidenceRef], actors: Sequence[str]
                        ) -> tuple[str, EvidenceRef] | None:
        """An agreement's key terms as its clause goes on to give them, with numbers ("a deal with
        Japan that he said will result in Japan investing $550 billion ..."): the words as written,
        as ", which X said ..." (the one saying it: the only person among the parties for "he
        said", the person among them named as saying the clause), and the span from the
        agreement's own evidence to the end of the terms.  English only; None when no clause
        right after the evidence gives a number, or when who says it is not clear."""
        if self.lang != "en":
            return None
        people = [a for a in actors if self.names.kind(a) == "person"]
        for ev in evidence:
            report = self.v.reports.get(ev.report_id) or {}
            text = str(report.get("text") or "")
            found = _TERMS.match(text, ev.end)
            if not found or not re.search(r"\d", found["terms"]) or not found["terms"].isascii():
                continue
            said_by: list[str] = []
            if found["pron"]:  # "that he said will ...": the one announcing it, a party
                said_by = people
            else:  # "Bessent said he has reached a framework ... that will ...": his words
                at = ev.context.find(ev.text)
                head = ev.context[:at] if at > 0 else ""
                if _SAYING.search(head):
                    patterns = self.forms.get("en", {})
                    said_by = [a for a in people if a in patterns and patterns[a].search(head)]
                    if len(said_by) != 1:
                        continue
            if found["pron"] and len(said_by) != 1:
                continue
            span = self.v.span(ev.report_id, ev.start, found.end("terms"))
            if span is None:
                continue
            rel = "under which" if found["under"] else "which"
            words = found["terms"].strip()
            if said_by:
                who = self.names.mention(said_by[0])
                shown = f", {rel} {who} said {words}" if rel == "which" else f", {rel}, {who} said, {words}"
            else:
                shown = f", {rel} {words}"
            return shown, span
        return None

    def supporting_span(self, item: Record, claim: Claim) -> EvidenceRef | None:
        """The first evidence span of an item that supports a claim on its own (asked once per
        item and claim: participants and speakers are asked about from several sections)."""
        key = (str(item["id"]), claim)
        if key not in self._support:
            self._support[key] = next(
                (ev for ev in self.v.evidence(item) if support.holds(claim, [ev], self.forms)), None)
        return self._support[key]

    def majority_date(self, conflict: Record) -> tuple[str | None, list[Citation]]:
        """A contested date as the variant most independent sources give (an ISO date value),
        marked as contested and citing that variant; None when no variant leads."""
        ranked = sorted(
            ((self.v.sources(self.v.evidence(var)), var) for var in conflict["variants"]),
            key=lambda sv: -sv[0],
        )
        if len(ranked) < 2 or ranked[0][0] <= ranked[1][0] or day(ranked[0][1].get("value")) is None:
            return None, []
        var = ranked[0][1]
        shown = self.when(var.get("value"))
        if shown is None:
            return None, []
        evidence = self.v.evidence(var)
        citation = self.cite(conflict, "conflict", evidence, extra_dates=[day(var.get("value"))])
        return f"{shown}{self.T.LABELS['contested_date']}", [citation]

    def position_sentence(self, track: select.Track, kind: str = "position") -> Sentence:
        position = track.current
        evidence = self.v.evidence(position)
        hedge = self.hedge_for(evidence)
        holder = self.names.mention(track.holder_id)
        text = self.T.position(
            holder, self.target_label(track.target), track.stance, hedge=hedge, is_issue=track.is_issue
        )
        claim = Claim(role="stance", actor=track.holder_id, value=track.stance, item_id=str(position["id"]))
        return self.sentence(text, [self.target_cite(track, position)], kind, hedged=bool(hedge),
                             claims=[claim])

    def target_cite(self, track: select.Track, position: Record) -> Citation:
        actors = [track.holder_id]
        evidence = self.v.evidence(position)
        if track.is_issue:
            return self.cite(position, "position", evidence, actors=actors)
        prop = self.v.items[track.target]
        actors += [str(a) for a in prop.get("author_ids") or ()]
        label = self.label_evidence(prop)  # the proposal's name, as shown, rests on its mention
        return self.cite(
            position,
            "position",
            evidence + [e for e in label if e not in evidence],
            actors=actors,
            extra_dates=[self.v.first_seen(self.v.evidence(prop))],
            required=evidence[:1] + label,
        )

    # -- the parts of a briefing --------------------------------------------------------------
    def key_event(self, headline_statement: Statement | None) -> Record | None:
        if headline_statement is not None:
            found = select.followed_event(self.v, headline_statement)
            if found is not None:
                return found
        return select.latest_development(
            self.v, two_sources=True,
            told=lambda e: len({self.names.side(a) for a in self.participants(e)}) >= 2)

    def pick_headline(self) -> Statement | None:
        """The most newsworthy attributed direct quote short enough for a headline, rendered in the
        briefing's language when any such quote is; otherwise in the language it was said in."""
        fitting = []
        for st in self.statements:
            if not st.speaker_id or self.names.is_commentator(st.speaker_id):
                continue
            q = select.rendering(st, self.lang)
            words = headline_words(str(q.get("text") or ""))
            if not q.get("direct") or words is None:
                continue
            if words[:1].islower():
                continue  # “sometime toward the end of the week”: a fragment of the reporter's sentence
            claim = self.speaker_claim(st.speaker_id, str(q["id"]))
            if self.supporting_span(q, claim) is None:
                continue  # words nobody is shown saying (a sub-heading, an unattributed line)
            # an undated remark counts as recent only when first reported on the latest days: a
            # report may recall a remark of weeks ago without its date
            age = select.days_between(st.said_on or self.v.first_seen(st.evidence), self.v.as_of)
            recent = age is not None and age <= (_HEADLINE_DAYS if st.said_on else 1)  # no date: not recent
            fitting.append((st, recent, q.get("language") == self.lang, age))

        # the latest days' words first, then words a date places, in the briefing's language first,
        # then the latest week's words
        def rank(i: int) -> tuple[bool, bool, bool, int, int]:
            _st, recent, in_lang, age = fitting[i]
            return (not recent, age is None, not in_lang, (age or 0) // 7, i)

        if not fitting:
            return None
        best, _recent, in_lang, age = fitting[min(range(len(fitting)), key=rank)]
        if not in_lang and select.latest_development(self.v) is not None:
            return None  # words the reader would read in another language: the latest development is
        if age is None or age > _HEADLINE_STALE:
            return None  # words of months ago are no headline: the latest development is
        latest = select.latest_development(self.v)
        if not _recent and latest is not None and best.said_on \
                and (day(latest.get("date")) or "") > best.said_on:
            return None  # words of the round before the latest one: the latest round is the news
        return best

    def headline(self, st: Statement | None, event: Record | None) -> Sentence:
        if st is not None:
            self.used.add(st.id)  # said in the headline: not said again below
            q = select.rendering(st, self.lang)
            q_lang = str(q.get("language") or self.lang)
            later = (event is not None and event is select.followed_event(self.v, st)
                     and (select.days_between(day(event.get("date")), st.said_on) or 0) > 0)
            label = (
                self.T.event_short(str(event.get("kind")), self.names.place(event.get("place")))
                if event is not None and later
                else None
            )
            words = headline_words(str(q.get("text") or "")) or str(q.get("text") or "")
            text = self.T.headline(self.names.short(str(st.speaker_id)), self.T.quote(words, q_lang), label)
            citations = [self.cite(q, "quote", actors=[str(st.speaker_id)], extra_dates=[st.said_on])]
            claims = [self.speaker_claim(str(st.speaker_id), citations[0].item_id)]
            if event is not None and label:
                citations.append(self.cite(event, "event", actors=self.participants(event)))
                claims.append(Claim(role="after", said_on=st.said_on, event_on=day(event.get("date"))))
            return self.sentence(text, citations, "headline", quoted=[self.T.shown(words)], claims=claims)
        if event is not None:  # no remark fits: the latest development, told as the lead tells it
            told = self.event_sentence(event, "headline")
            if told is not None:
                self.shown_events.discard(str(event["id"]))  # the lead may tell it again with its context
                text = _HEADLINE_DATE.sub("", told.text).rstrip("。.") or told.text
                return dataclasses.replace(told, text=self.T.capitalize(text))
            label = self.event_label(event)
            return self.sentence(
                self.T.capitalize(label),
                [self.cite(event, "event", actors=self.participants(event))],
                "headline",
            )
        if self.tracks:
            track = self.tracks[0]
            return dataclasses.replace(self.position_sentence(track), kind="headline")
        raise BriefError(
            f"record as of {self.v.as_of}",
            "has no statements, events or positions to brief",
            "ingest and extract reports first, or choose a later --as-of date",
        )

    def lead(self, st: Statement | None, event: Record | None, headline_said: bool = False) -> list[Sentence]:
        out = []
        main = self.main_proposal()
        if main is not None and not self.widely_reported(main):
            main = None  # "diplomacy over the framework continued": only of a plan the reports make central
        if main is not None:
            cites = [
                self.cite(
                    main, "proposal", actors=main.get("author_ids") or (), required=self.label_evidence(main)
                )
            ]
            if event is not None:
                cites.append(self.cite(event, "event", actors=self.participants(event)))
            latest = max(d for c in cites for d in c.dates)
            out.append(
                self.sentence(
                    self.T.lead_context(self.proposal_label(main), self.T.month(latest)), cites, "lead"
                )
            )
        if event is not None:
            sentence = self.event_sentence(event, "lead")
            if sentence:
                out.append(sentence)
        newest = select.latest_meeting(self.v)
        if (
            newest is not None
            and newest is not event
            and (day(newest.get("date")) or "") >= (day((event or {}).get("date")) or "")
        ):
            sentence = self.event_sentence(newest, "lead")
            if sentence:
                out.append(sentence)
        if st is not None and not headline_said:
            lead_in = ""
            if event is not None and (select.days_between(day(event.get("date")), st.said_on) or -1) > 0:
                lead_in = "その後、" if self.lang == "ja" else "Afterwards, "
            out.append(self.statement_sentence(st, "lead", lead_in=lead_in))
        return out

    def widely_reported(self, proposal: Record) -> bool:
        """A plan named by its author or its points, in two independent sources at least."""
        group = next((g for g in self.proposal_groups.values() if proposal in g), [proposal])
        named = any(p.get("author_ids") or any(c.isdigit() for c in str(p.get("name") or "")) for p in group)
        return named and self.v.sources([e for p in group for e in self.v.evidence(p)]) >= 2

    def main_proposal(self) -> Record | None:
        """The most reported proposal (its items together), as its representative item."""
        if not self.proposal_groups:
            return None

        def sources(rep: str) -> int:
            return self.v.sources([e for p in self.proposal_groups[rep] for e in self.v.evidence(p)])

        return self.v.items[sorted(self.proposal_groups, key=lambda rep: (-sources(rep), rep))[0]]

    def briefing(self, since: str | None) -> Briefing:
        st = self.pick_headline()
        event = self.key_event(st)
        headline = self.headline(st, event)
        lead = self.lead(st, event, headline_said=st is not None)
        sections: list[Section] = []
        if since:
            used, shown = set(self.used), set(self.shown_events)
            sections.append(body.since_section(self, since))
            self.used, self.shown_events = used, shown
        key_event = body.event_section(self, event)
        self.reserved = self.round_remarks()
        for section in (
            key_event,
            *body.party_sections(self),
            body.proposals_section(self),
            body.meetings_section(self),
            body.schedule_section(self),
        ):
            if section is not None:
                sections.append(section)
        points, opened = body.points(self)
        perspective, contested = body.perspective(self)
        as_of = body.as_of_line(self, opened or contested)
        conflicts = [body.conflict_sentence(self, c) for c in self.v.conflicts]
        labels = tuple(sorted(self.T.LABELS.items()))
        draft = Briefing(
            story_id=self.v.story_id,
            language=self.lang,
            as_of=self.v.as_of,
            since=since,
            headline=headline,
            lead=tuple(lead),
            sections=tuple(sections),
            points=tuple(points),
            perspective=tuple(perspective),
            as_of_line=as_of,
            conflicts=tuple(conflicts),
            references=(),
            labels=labels,
        )
        return number(self.vet(draft), self.v)

    def round_remarks(self) -> set[str]:
        """The statements the talks so far will tell with their rounds (what a side said of a round,
        that day or after): the parties' sections give the other words, so that a remark is told
        dated, with its round.  Found by writing the talks so far once and taking back all it
        changed (names first mentioned there are mentioned again where the reader meets them)."""
        used, shown = set(self.used), set(self.shown_events)
        mentioned, aside = self.names.mentioned(), len(self.set_aside)
        body.meetings_section(self)
        reserved = self.used - used
        self.used, self.shown_events = used, shown
        self.names.forget(mentioned)
        del self.set_aside[aside:]
        return reserved

    def speaker_claim(self, speaker_id: str, item_id: str | None) -> Claim:
        """The claim that the cited words are the speaker's, with the speaker's own country (the
        reported clause may name it: "the prime minister said Qatar's response would be ...")."""
        country = self.names.country(speaker_id)
        return Claim(role="speaker", actor=speaker_id, item_id=item_id,
                     value=country if country != speaker_id else None)

    def objections(self, sentence: Sentence) -> tuple[str, ...]:
        """Why a sentence cannot stand (its cited clauses do not support a claim in its role, or an
        English sentence has a name it can give only in Japanese); empty when it can."""
        bare = _OUTSIDE.sub(" ", sentence.text)
        for outlet in self.outlet_names:  # an outlet is named as it names itself
            bare = bare.replace(outlet, " ")
        if self.lang == "en" and _KANA.search(bare):
            return ("a name the English briefing can give only in Japanese",)
        return tuple(support.check_claims(sentence, self.forms))

    def vet(self, draft: Briefing) -> Briefing:
        """Drop every body sentence whose claims the cited clauses do not support in their roles,
        and every repeat of a sentence already said; each drop is kept with its reasons."""
        dropped = list(self.set_aside)
        said: set[str] = set()

        def keep(where: str, sentence: Sentence) -> bool:
            if sentence.text in said:
                return False  # said already: a briefing says a thing once
            reasons = self.objections(sentence)
            if reasons:
                dropped.append(Dropped(where=where, text=sentence.text, reasons=reasons))
                return False
            said.add(sentence.text)
            return True

        headline = draft.headline
        if support.check_claims(headline, self.forms):
            dropped.append(Dropped(where="headline", text=headline.text,
                                   reasons=support.check_claims(headline, self.forms)))
            headline = dataclasses.replace(headline, text=headline.text, claims=())
        said.add(headline.text)
        sections = []
        for section in draft.sections:
            kept = tuple(s for s in section.sentences if keep(f"section:{section.key}", s))
            if kept or not section.sentences:  # a section that says "nothing new" stays
                sections.append(dataclasses.replace(section, sentences=kept))
        return dataclasses.replace(
            draft,
            headline=headline,
            lead=tuple(s for s in draft.lead if keep("lead", s)),
            sections=tuple(sections),
            points=tuple(s for s in draft.points if keep("points", s)),
            perspective=tuple(s for s in draft.perspective if keep("perspective", s)),
            conflicts=tuple(s for s in draft.conflicts if keep("conflicts", s)),
            dropped=tuple(dropped),
        )


def _opening_words(text: str | None) -> str:
    """:func:`~communique.ingest.titles.opening_words`, imported for an untitled report only (the
    module compiles many patterns a briefing of titled reports never uses)."""
    from ..ingest.titles import opening_words

    return opening_words(text)


def number(draft: Briefing, v: View) -> Briefing:
    """Number the independent sources in the order they are first cited; fill the references."""
    numbers: dict[str, int] = {}
    for _where, sentence in draft.sentences():
        for citation in sentence.citations:
            for ev in citation.evidence:
                numbers.setdefault(v.source_key(ev.report_id), len(numbers) + 1)

    def renumber(sentence: Sentence) -> Sentence:
        cites = tuple(
            dataclasses.replace(
                c, refs=tuple(sorted({numbers[v.source_key(e.report_id)] for e in c.evidence}))
            )
            for c in sentence.citations
        )
        return dataclasses.replace(sentence, citations=cites)

    references = []
    by_source: dict[str, list[Record]] = {}
    for r in v.reports.values():
        by_source.setdefault(v.source_key(str(r["id"])), []).append(r)
    for key, n in sorted(numbers.items(), key=lambda kv: kv[1]):
        group = sorted(by_source[key], key=lambda r: (day(r.get("published_at")) or "", str(r["id"])))
        first = group[0]
        copies = tuple(
            Copy(
                report_id=str(r["id"]),
                outlet=r.get("outlet"),
                title=r.get("title"),
                url=r.get("url"),
                published_at=r.get("published_at"),
            )
            for r in group[1:]
        )
        references.append(
            Reference(
                number=n,
                report_id=str(first["id"]),
                title=first.get("title") or _opening_words(first.get("text")),  # untitled: its first words
                outlet=first.get("outlet"),
                published_at=first.get("published_at"),
                url=first.get("url"),
                language=str(first.get("language") or "und"),
                wire_group=first.get("wire_group"),
                copies=copies,
            )
        )
    return dataclasses.replace(
        draft,
        headline=renumber(draft.headline),
        lead=tuple(map(renumber, draft.lead)),
        sections=tuple(
            dataclasses.replace(s, sentences=tuple(map(renumber, s.sentences))) for s in draft.sections
        ),
        points=tuple(map(renumber, draft.points)),
        perspective=tuple(map(renumber, draft.perspective)),
        as_of_line=renumber(draft.as_of_line),
        conflicts=tuple(map(renumber, draft.conflicts)),
        references=tuple(references),
    )


def _clean_name(name: str, names: Names) -> str:
    """Actor ids inside an extracted proposal name ("european-union counter-proposal") shown as names."""

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        entry = names.gazetteer.get(word)
        if entry is None:
            return word
        short = entry.short_en or entry.name_en
        if entry.kind == "country" and not short.isupper() and entry.demonyms_en:
            return entry.demonyms_en[0]
        return short

    # hyphenated ids anywhere; a one-word id ("germany counter-proposal") as the leading author
    return re.sub(r"^[a-z]+(?=\s)|[a-z]+(?:-[a-z]+)+", swap, name)


def compose(
    records: Iterable[Record],
    *,
    lang: str,
    as_of: str | date,
    since: str | date | None = None,
    gazetteer: Gazetteer | None = None,
    story_id: str | None = None,
) -> Briefing:
    """The briefing of a story as of a day, in ``lang`` ("ja" or "en"), from export-format records.

    Reports published after ``as_of`` are ignored; ``since`` adds a "what changed" section.
    """
    if day(as_of) is None:
        raise UsageError(f"--as-of {as_of}", "is not a date", "give an ISO date such as 2025-12-08")
    since_day = day(since) if since else None
    if since and since_day is None:
        raise UsageError(f"--since {since}", "is not a date", "give an ISO date such as 2025-12-04")
    templates_for(lang)
    v = view(records, as_of, story_id)
    if not (v.quotes or v.events or v.positions):
        raise BriefError(
            f"record as of {v.as_of}",
            "has no statements, events or positions to brief",
            "ingest and extract reports first, or choose a later --as-of date",
        )
    writer = Writer(v, lang, gazetteer or load_gazetteer())
    return writer.briefing(since_day)
