"""The Briefing record: what the writers produce and the renderers turn into pages.

A briefing is a tree of frozen records: sections -> sentences -> citations -> evidence.
Every :class:`Sentence` carries the citations it rests on; every :class:`Citation` names the
record item it cites and the evidence spans (with their text, copied from the report) that a
reader, a test or :mod:`communique.brief.verify` can check the sentence against.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True, kw_only=True)
class EvidenceRef:
    """``report.text[start:end]``, with the text itself and a little context for hovering."""

    report_id: str
    start: int
    end: int
    text: str
    context: str = ""  # the sentence around the span, for display only (never checked against)
    # the lines before that sentence in its paragraph: who speaks in a quote that continues the
    # one before ("…,” Akazawa said. “There are still …”) or stands under a name line; never shown
    before: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Citation:
    """One record item a sentence rests on, its evidence, and the references it points to."""

    item_id: str
    item_type: str  # quote | event | proposal | position | conflict
    evidence: tuple[EvidenceRef, ...]
    refs: tuple[int, ...] = ()  # reference numbers (one per independent source)
    dates: tuple[str, ...] = ()  # dates the item carries (ISO), derived from its evidence by extraction
    actors: tuple[str, ...] = ()  # actor ids the item names, with their countries and affiliations


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """One thing a sentence asserts, in the role it asserts it.

    ``role``: participant | speaker | stance | after | mediator | duration.  ``actor`` is the
    actor id the claim is about; ``value`` the event kind (participant), the stance (stance), the
    hours (duration), the speaker's own country (speaker); ``item_id`` the cited
    item it rests on (None: any citation); ``said_on`` and ``event_on`` the two days an
    ``after`` claim compares.
    """

    role: str
    actor: str | None = None
    value: str | None = None
    item_id: str | None = None
    said_on: str | None = None
    event_on: str | None = None

    def label(self) -> str:
        what = f"{self.role} {self.actor or ''}".strip()
        return f"{what} ({self.value})" if self.value else what


@dataclass(frozen=True, slots=True, kw_only=True)
class Sentence:
    text: str
    citations: tuple[Citation, ...]
    kind: str = ""  # headline | lead | event | statement | position | point | perspective | as_of | ...
    quoted: tuple[str, ...] = ()  # strings the sentence shows as verbatim (quotes, paraphrases)
    hedged: bool = False
    allowed_dates: tuple[str, ...] = ()  # dates not from evidence the sentence may state (the as-of date)
    sources: tuple[str, ...] = ()  # outlet names the sentence shows (not claims: left out of the checks)
    claims: tuple[Claim, ...] = ()  # what it asserts, in which role (checked by :mod:`.support`)

    @property
    def refs(self) -> tuple[int, ...]:
        return tuple(sorted({r for c in self.citations for r in c.refs}))


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    key: str  # event | party:<actor id> | proposals | schedule | since | conflicts | ...
    title: str
    sentences: tuple[Sentence, ...]
    note: str = ""  # a structural line shown when there is nothing to say (not a claim)


@dataclass(frozen=True, slots=True, kw_only=True)
class Copy:
    report_id: str
    outlet: str | None
    title: str | None
    url: str | None
    published_at: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Reference:
    """One independent source: a report, or a wire story with the copies republished elsewhere."""

    number: int
    report_id: str
    title: str | None
    outlet: str | None
    published_at: str | None
    url: str | None
    language: str
    wire_group: str | None = None
    copies: tuple[Copy, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Dropped:
    """A sentence a writer proposed that failed verification, and why."""

    where: str
    text: str
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Briefing:
    story_id: str | None
    language: str
    as_of: str  # ISO date
    since: str | None
    headline: Sentence
    lead: tuple[Sentence, ...]
    sections: tuple[Section, ...]  # body sections, in reading order (a "since" section first when asked)
    points: tuple[Sentence, ...]  # three points to watch (fewer when the record has fewer)
    perspective: tuple[Sentence, ...]
    as_of_line: Sentence
    conflicts: tuple[Sentence, ...]
    references: tuple[Reference, ...]
    labels: tuple[tuple[str, str], ...]  # fixed headings in the briefing's language (points, ...)
    writer: str = "templates.v1"
    dropped: tuple[Dropped, ...] = ()

    def label(self, key: str) -> str:
        return dict(self.labels).get(key, key)

    def sentences(self) -> list[tuple[str, Sentence]]:
        """Every sentence with where it sits, in reading order."""
        out: list[tuple[str, Sentence]] = [("headline", self.headline)]
        out += [("lead", s) for s in self.lead]
        for section in self.sections:
            out += [(f"section:{section.key}", s) for s in section.sentences]
        out += [("points", s) for s in self.points]
        out += [("perspective", s) for s in self.perspective]
        out.append(("as_of", self.as_of_line))
        out += [("conflicts", s) for s in self.conflicts]
        return out

    def to_dict(self) -> dict[str, Any]:
        return asdict(self, dict_factory=lambda items: {k: v for k, v in items if k != "before"})
