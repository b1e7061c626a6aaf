"""The actors a report names, as records: gazetteer entries, titled unknown people, sources.

Roles seen in the text ("Kremlin spokesman Dmitry Peskov", "Rustem Umerov, secretary of
...") are kept with their evidence next to the gazetteer's roles.
"""

from __future__ import annotations

from ...model import Actor, Event, Evidence, Position, Quote, Role
from ..gazetteer import Gazetteer
from .context import Context

ACTORS_EXTRACTOR = "actors.en.v4"


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
        roles = tuple(
            Role(
                title=title,
                evidence=(Evidence(report_id=rid, start=max(0, start - len(title) - 1), end=end),),
            )
            for title, start, end in ctx.actors.roles_seen.get(actor_id, [])[:3]
        )
        entry = gazetteer.get(actor_id)
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
