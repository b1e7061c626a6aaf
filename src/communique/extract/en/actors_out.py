"""The actors a report names, as records: gazetteer entries, titled unknown people, sources.

Roles seen in the text ("Kremlin spokesman Dmitry Peskov", "Rustem Umerov, secretary of
...") are kept with their evidence next to the gazetteer's roles.
"""

from __future__ import annotations

import re

from ...model import Actor, Event, Evidence, Position, Quote, Role
from ..gazetteer import Gazetteer
from .context import Context

ACTORS_EXTRACTOR = "actors.en.v11"

_DEMONYMS: dict[int, dict[str, str]] = {}  # id(gazetteer) -> "Chinese" / "U.S." -> country or bloc


def _demonyms(gazetteer: Gazetteer) -> dict[str, str]:
    found = _DEMONYMS.get(id(gazetteer))
    if found is None:
        found = {}
        for entry in gazetteer.entries.values():
            if entry.kind in ("country", "bloc"):
                for form in (*entry.demonyms_en, entry.short_en, *entry.aliases_en):
                    if form and len(form) > 1 and form[0].isupper():
                        found.setdefault(form, entry.id)
        _DEMONYMS[id(gazetteer)] = found
    return found


def title_affiliation(title: str, gazetteer: Gazetteer) -> str | None:
    """The country or bloc a title seen in the text opens with: "Chinese Vice Premier" -> china,
    "U.S. Treasury Secretary" -> united-states, "China's chief negotiator" -> china (a person the
    gazetteer does not know speaks for it); None when it opens with none."""
    words = title.split()
    if words and re.fullmatch(r"\S+['’]s", words[0]):  # the possessive: "China’s Vice Premier"
        words[0] = words[0][:-2]
    forms = _demonyms(gazetteer)
    for n in (2, 1):
        head = " ".join(words[:n])
        if len(words) > n and head in forms:
            return forms[head]
    return None


def report_actors(
    ctx: Context, gazetteer: Gazetteer, quotes: list[Quote], events: list[Event], positions: list[Position]
) -> list[Actor]:
    rid = ctx.report.id
    evidence: dict[str, list[Evidence]] = {}
    for mention in ctx.actors.mentions:
        evidence.setdefault(mention.actor_id, []).append(
            Evidence(report_id=rid, start=mention.start, end=mention.end)
        )
    used = {q.speaker_id for q in quotes if q.speaker_id}
    used |= {p for e in events for p in e.participant_ids}
    used |= {p.holder_id for p in positions}
    ids = sorted(set(evidence) | used)
    actors: list[Actor] = []
    for actor_id in ids:
        entry = gazetteer.get(actor_id)
        roles = tuple(
            Role(
                title=title,
                # for people the gazetteer does not know, the country their title names
                affiliation=None if entry is not None else title_affiliation(title, gazetteer),
                evidence=(Evidence(report_id=rid, start=max(0, start - len(title) - 1), end=end),),
            )
            for title, start, end in ctx.actors.roles_seen.get(actor_id, [])[:3]
        )
        spans = tuple(evidence.get(actor_id, ())[:20])
        if entry is not None:
            base = entry.actor(ACTORS_EXTRACTOR)
            actors.append(
                Actor(
                    id=base.id,
                    name_en=base.name_en,
                    name_ja=base.name_ja,
                    kind=base.kind,
                    aliases=base.aliases,
                    roles=base.roles + roles,
                    extractor=ACTORS_EXTRACTOR,
                    evidence=spans,
                )
            )
        elif actor_id.startswith("anon:"):
            affiliation = actor_id[5:]
            actors.append(
                Actor(
                    id=actor_id,
                    name_en=None,
                    name_ja=None,
                    kind="anonymous",
                    roles=(
                        Role(title="source", affiliation=affiliation if affiliation in gazetteer else None),
                    ),
                    extractor=ACTORS_EXTRACTOR,
                    evidence=spans,
                )
            )
        else:
            name = ctx.actors.names.get(actor_id)
            actors.append(
                Actor(
                    id=actor_id,
                    name_en=name,
                    name_ja=None,
                    kind="person" if actor_id.startswith("person:") else "organization",
                    roles=roles,
                    extractor=ACTORS_EXTRACTOR,
                    evidence=spans,
                )
            )
    return actors
