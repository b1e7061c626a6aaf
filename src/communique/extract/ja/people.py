"""Actor records for the people, countries and groups a report mentions."""

from __future__ import annotations

from ...model import Actor, Evidence, Role
from ..gazetteer import Gazetteer
from .actors import Mention
from .document import Doc


def actors_of(doc: Doc, gazetteer: Gazetteer, extractor: str) -> tuple[Actor, ...]:
    """One actor per id, with every mention as evidence and titles seen as roles."""
    by_id: dict[str, list] = {}
    ends = {m.end: m for m in doc.mentions if m.kind == "country"}
    for mention in doc.mentions:
        by_id.setdefault(mention.actor_id, []).append(mention)
    actors = []
    for actor_id in sorted(by_id):
        mentions = by_id[actor_id]
        evidence = tuple(Evidence(report_id=doc.report.id, start=m.start, end=m.end) for m in mentions)
        entry = gazetteer.get(actor_id)
        roles = []
        seen: set[str] = set()
        for m in mentions:
            for title in (m.title_before.rstrip("の"), m.title):
                if title and title not in ("氏", "側", "さん") and title not in seen:
                    seen.add(title)
                    # the side of a person the gazetteer does not know (its own people have theirs)
                    side = _country_before(doc, m, ends) if entry is None else None
                    roles.append(Role(title=title, title_ja=title, affiliation=side, evidence=(
                        Evidence(report_id=doc.report.id, start=m.start, end=m.end),)))
        if entry is not None:
            actors.append(Actor(id=actor_id, name_en=entry.name_en, name_ja=entry.name_ja, kind=entry.kind,
                                aliases=tuple(dict.fromkeys(m.name for m in mentions)), roles=tuple(roles),
                                extractor=extractor, evidence=evidence))
        else:
            kind = "anonymous" if actor_id.startswith("anon:") else mentions[0].kind
            actors.append(Actor(id=actor_id, name_en=None, name_ja=mentions[0].name, kind=kind,
                                aliases=tuple(dict.fromkeys(m.name for m in mentions)), roles=tuple(roles),
                                extractor=extractor, evidence=evidence))
    return tuple(actors)


def _country_before(doc: Doc, mention: Mention, countries: dict[int, Mention]) -> str | None:
    """The country a titled person's mention is introduced with (「オマーンのバドル外相」: oman), if any."""
    if mention.kind != "person" or mention.start < 2 or doc.text[mention.start - 1] != "の":
        return None
    owner = countries.get(mention.start - 1)
    return owner.actor_id if owner is not None and not owner.metonym else None
