"""The records communique keeps: frozen, with provenance on every extracted item.

Data flows one way: bytes -> :class:`Report` -> extracted items (:class:`Quote`,
:class:`Event`, ...) -> the merged story record -> a briefing.  Every extracted item
carries :class:`Evidence` pointing into the cleaned text of a stored report, and the
versioned name of the extractor that produced it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Precision(StrEnum):
    """How precise a date is.  Never claim more precision than the source gives."""

    DATETIME = "datetime"
    DAY = "day"
    PART_OF_MONTH = "part_of_month"  # early / mid / late month
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """A span of a report's cleaned text: ``report.text[start:end]``."""

    report_id: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"report_id": self.report_id, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """One input document before cleaning: bytes plus whatever metadata came with them.

    ``text`` is set when the source already gave text (a JSONL record's ``text``);
    otherwise ``raw`` is decoded and, for HTML, its main text is extracted.
    """

    source: str  # where it came from: a path, a path#line, a URL, a feed#item
    raw: bytes
    content_type: str  # "html" | "text" | "markdown"
    text: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published_at: str | None = None  # ISO 8601 as given by the source
    language: str | None = None
    warnings: tuple[str, ...] = ()  # what was dropped while reading it (a field of the wrong type)


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """A stored report.  ``text`` is the cleaned main text that all evidence indexes."""

    id: str
    source: str
    url: str | None
    outlet: str | None
    title: str | None
    published_at: str | None  # ISO 8601 (date or datetime); None when unknown
    published_precision: Precision
    language: str  # "en", "ja", or another ISO 639-1 code, or "und"
    text: str
    raw: bytes
    content_type: str
    encoding: str | None
    wire_group: str | None = None

    @staticmethod
    def make_id(url: str | None, text: str) -> str:
        """Content-hash id: the same cleaned text at the same address is the same report."""
        digest = hashlib.sha256(f"{url or ''}\n{text}".encode()).hexdigest()
        return "r-" + digest[:16]


@dataclass(frozen=True, slots=True, kw_only=True)
class Skipped:
    """An input that was not ingested, and why.  Stored and shown, never silent."""

    source: str
    reason: str
    hint: str = ""

    def message(self) -> str:
        return f"{self.source}: {self.reason}" + (f"; {self.hint}" if self.hint else "")


@dataclass(frozen=True, slots=True, kw_only=True)
class Role:
    title: str
    affiliation: str | None = None  # an actor id
    title_ja: str | None = None
    since: str | None = None
    until: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    id: str
    name_en: str | None
    name_ja: str | None
    kind: str  # person | organization | country | bloc | anonymous
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    extractor: str = ""
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    id: str
    speaker_id: str | None
    speaker_text: str
    text: str
    language: str
    direct: bool
    verb: str | None
    said_on: str | None
    said_on_precision: Precision
    hedge: str | None  # "reportedly", "according to sources", 報道によりますと … or None
    evidence: tuple[Evidence, ...]
    extractor: str
    statement_id: str | None = None


# the record types of an export (`communique export --type`), in their order
EXPORT_TYPES = ("report", "actor", "quote", "event", "proposal", "position", "conflict")

# Event kinds and the PLOVER event type each falls under (where PLOVER has one), as the issue
# names them: meetings and calls CONSULT, proposals and leaks PROPOSE, acceptance AGREE, ...
PLOVER = {
    "meeting": "CONSULT",
    "phone_call": "CONSULT",
    "planned_meeting": "CONSULT",
    "proposal": "PROPOSE",
    "counter_proposal": "PROPOSE",
    "leak": "PROPOSE",
    "accept": "AGREE",
    "partly_accept": "AGREE",
    "reject": "REJECT",
    "demand": "DEMAND",
    "accuse": "ACCUSE",
    "agreement": "AGREE",  # an agreement reached or a document signed
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    id: str
    kind: str  # meeting | phone_call | proposal | counter_proposal | leak | accept | ...
    date: str | None
    date_precision: Precision
    place: str | None
    participant_ids: tuple[str, ...]
    summary: str
    evidence: tuple[Evidence, ...]
    extractor: str
    plover: str | None = None  # the PLOVER type its clause states (extract/plover.py), None when none fits
    source_ids: tuple[str, ...] = ()  # participants who do it (the clause's subject)
    target_ids: tuple[str, ...] = ()  # participants it is done to or with


@dataclass(frozen=True, slots=True, kw_only=True)
class Proposal:
    id: str
    name: str
    author_ids: tuple[str, ...]
    first_reported: str | None
    evidence: tuple[Evidence, ...]
    extractor: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Position:
    id: str
    holder_id: str
    target_id: str | None
    issue: str | None
    stance: str  # accept | partly_accept | reject | demand | support | oppose | unclear
    as_of: str | None
    evidence: tuple[Evidence, ...]
    extractor: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Variant:
    value: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Conflict:
    id: str
    topic: str
    item_ids: tuple[str, ...]
    variants: tuple[Variant, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Extraction:
    """Everything one extractor run found in one report."""

    report_id: str
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    proposals: tuple[Proposal, ...] = ()
    positions: tuple[Position, ...] = ()
    extractors: tuple[str, ...] = field(default_factory=tuple)
