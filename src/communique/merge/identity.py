"""A speaker the record already knows, found by his side and the office a report gives him.

Names in Latin letters are matched in :mod:`.actors`.  Two ways of writing a person leave no
such name to match:

* an unnamed speaker described by his office, 「オマーンの外相」 or "Oman's foreign minister"
  (``anon:oman``): he is the one person in the record holding that office for that country
  (:func:`office_holder`);
* a Japanese report's katakana for his name, 「カンボジアのフン・マネット首相」: he is the one
  person of that side in the record whose given and family names read so (Hun Manet); a katakana
  for his family name alone, 「インドのミスリ外務次官」: the one person of that side whose family
  name reads so (Vikram Misri, whatever his office is called in either language); and a katakana
  for his given name, 「オマーンのバドル外相」 (Japanese reports often write an Arab minister by his
  given name): the one holder of that office for that country whose given name reads so (Badr
  al-Busaidi) (:func:`same_by_reading`).

Only the record's evidence counts, and only one candidate: when the record has two holders of
the office (a minister and his successor), two people of the side whose names read alike, or
none, the speaker stays as he was written.  A role that ended before the day of the remark is
not held then.  Readings are compared by their consonants (:func:`.romaji.skeleton`, f and h
alike: フン is Hun), so a katakana short of three consonants identifies nobody.
"""

from __future__ import annotations

import re
from typing import Protocol

from ..extract.gazetteer import Gazetteer
from ..model import Actor, Role
from .actors import HONORIFICS
from .offices import office
from .records import MergedActor
from .romaji import is_katakana, katakana_skeleton, skeleton


class _People(Protocol):
    def actor(self, actor_id: str) -> MergedActor | None: ...
    def people_of(self, affiliation: str) -> list[str]: ...


def office_holder(state: _People, gazetteer: Gazetteer, speaker_id: str, speaker_text: str,
                  day: str | None) -> str | None:
    """The one person of the record holding the office an unnamed speaker of a side is described
    by (``anon:oman`` written 「オマーンの外相」), else None."""
    affiliation = speaker_id.removeprefix("anon:")
    if not speaker_id.startswith("anon:") or affiliation == "unknown":
        return None
    wanted = office(speaker_text, gazetteer)
    if wanted is None:
        return None
    found = _holders(state, gazetteer, affiliation, wanted, day)
    return found.pop() if len(found) == 1 else None


def same_by_reading(state: _People, gazetteer: Gazetteer, actor: Actor, day: str | None) -> str | None:
    """The one person of the record, named in Latin letters, a new person named in katakana is by
    the reading of his name, his side and his office (フン・マネット; バドル with his office).
    Else None.  Not the other way round: the record keeps a person met first in katakana under
    that id, and an English report's Latin name for him stays another person's."""
    if not actor.id.startswith("person:") or actor.kind != "person":
        return None
    katakana = _katakana_parts(actor)
    if katakana is None:
        return None
    found: set[str] = set()
    for role in actor.roles:
        if not role.affiliation:
            continue
        wanted = office(role.title_ja or role.title, gazetteer)
        for pid in state.people_of(role.affiliation):
            other = state.actor(pid)
            if other is None or pid == actor.id:
                continue
            parts, names = katakana, _name_skeletons(other)
            if len(parts) >= 2:
                if (parts[0], parts[-1]) in names:
                    found.add(pid)
            elif any(parts[0] == family for _given, family in names):
                found.add(pid)  # 「インドのミスリ外務次官」: his family name, whatever his office is called
            elif wanted and any(parts[0] in pair for pair in names) and any(
                    _holds(r, gazetteer, role.affiliation, wanted, day) for r in other.roles):
                found.add(pid)
    return found.pop() if len(found) == 1 else None


def _katakana_parts(actor: Actor | MergedActor) -> list[str] | None:
    """The consonant skeletons of the words of a katakana person's name (フン・マネット: hn, mnt),
    or None for a person not named in katakana or named too shortly."""
    name = actor.id.removeprefix("person:").replace("-", "・")  # person:フン-マネット
    if not actor.id.startswith("person:") or not is_katakana(name):
        return None
    written = next((n for n in (actor.name_ja, *actor.aliases) if n and is_katakana(n)), name)
    parts = [_bones(katakana_skeleton(p)) for p in re.split(r"[・＝=\s]+", written) if p]
    return parts if sum(map(len, parts)) >= 3 else None  # アリ: too short to tell names apart


def _bones(skeleton_: str) -> str:
    return skeleton_.replace("f", "h")  # フ is fu or hu: Hun Manet's フン


def _holders(state: _People, gazetteer: Gazetteer, affiliation: str, wanted: str,
             day: str | None) -> set[str]:
    found = set()
    for pid in state.people_of(affiliation):
        person = state.actor(pid)
        if person is not None and any(_holds(r, gazetteer, affiliation, wanted, day) for r in person.roles):
            found.add(pid)
    return found


def _holds(role: Role, gazetteer: Gazetteer, affiliation: str, wanted: str, day: str | None) -> bool:
    if role.affiliation != affiliation or (day and role.until and role.until < day[:10]):
        return False
    return wanted in (office(role.title, gazetteer), office(role.title_ja, gazetteer))


def _name_skeletons(person: Actor | MergedActor) -> set[tuple[str, str]]:
    """The consonant skeletons of a person's given name and family name (the family name with
    and without its particle: al-Busaidi as albusaidi and busaidi), from his id and his names in
    Latin letters."""
    names = [person.id.removeprefix("person:").replace("-", " ")]
    names += [n for n in (person.name_en, *person.aliases) if n and n.isascii()]
    out: set[tuple[str, str]] = set()
    for name in names:
        if not name.isascii():
            continue
        words = [w for w in name.casefold().split() if w]
        while len(words) > 2 and words[0].rstrip(".") in HONORIFICS:
            words = words[1:]
        if len(words) < 2:
            continue
        given, family = _bones(skeleton(words[0])), words[-1]
        joined = words[-2] + family if len(words) > 2 else family  # "al busaidi" as albusaidi
        out.update((given, _bones(skeleton(part))) for part in (family, family.split("-")[-1], joined))
    return out
