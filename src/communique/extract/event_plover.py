"""The PLOVER reading of an event's clause: its type, and which of its participants are the
source (who does it) and the target (to or with whom), from ``plover.classify_clause`` over the
evidence the extractors cite.  Shared by the English and Japanese event extractors and by the
export, which reads the same clause back from the store.

A clause PLOVER does not type (a modal frame, an unsettled clause) gives no type and no sides;
a participant is a source or a target only when the side's words name them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from ..model import Event
from . import plover
from .gazetteer import Gazetteer

# how a participant may be written in a span of text: (start, end) offsets of their mentions
Names = Callable[[str, int, int], bool]


def read(
    text: str, lang: str, participant_ids: Sequence[str], named: Names
) -> tuple[str | None, tuple[str, ...], tuple[str, ...]]:
    """(type, source ids, target ids) of ``text`` (an event's clause); ``named(actor, start, end)``
    says whether ``text[start:end]`` names the actor."""
    hit = plover.classify_clause(text, lang)
    if hit is None or hit.negated:
        return None, (), ()
    sources = tuple(p for p in participant_ids if hit.source_span and named(p, *hit.source_span))
    targets = tuple(
        p for p in participant_ids if hit.target_span and p not in sources and named(p, *hit.target_span)
    )
    return hit.type, sources, targets


def with_plover(event: Event, text: str, lang: str, named: Names) -> Event:
    """The event with its PLOVER fields read from its first evidence clause (``text`` is the report)."""
    if not event.evidence:
        return event
    ev = event.evidence[0]
    clause = text[ev.start : ev.end]

    def in_clause(actor: str, start: int, end: int) -> bool:
        return named(actor, ev.start + start, ev.start + end)

    kind, sources, targets = read(clause, lang, event.participant_ids, in_clause)
    return replace(event, plover=kind, source_ids=sources, target_ids=targets)


def _forms(actor: str, gazetteer: Gazetteer) -> list[str]:
    entry = gazetteer.get(actor)
    if entry is not None:
        return [
            f
            for f in (
                entry.name_en,
                entry.name_ja,
                entry.short_en,
                entry.short_ja,
                *entry.aliases_en,
                *entry.aliases_ja,
            )
            if f
        ]
    name = actor.split(":", 1)[-1]  # person:<slug> of a name beyond the gazetteer
    words = name.split("-")
    return [name, words[-1].title()] if len(words) > 1 else [name]


def fields(
    text: str, lang: str, span: tuple[int, int], participant_ids: Sequence[str], gazetteer: Gazetteer
) -> dict[str, object]:
    """The PLOVER fields of a stored event for the export: its cited clause ``text[span]`` read
    again, participants found in each side by the ways the gazetteer writes them."""
    clause = text[span[0] : span[1]]

    def named(actor: str, start: int, end: int) -> bool:
        return any(form in clause[start:end] for form in _forms(actor, gazetteer))

    kind, sources, targets = read(clause, lang, participant_ids, named)
    return {"plover": kind, "source_ids": list(sources), "target_ids": list(targets)}
