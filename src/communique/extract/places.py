"""Places in English and Japanese, with what they lie within (Miami within Florida).

Shared knowledge like the gazetteer: extraction writes a place as the text gives it
("Miami", "フロリダ州マイアミ"); merging and briefings resolve it here to one id, so the
same city matches across languages, and a city matches the state or country around it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .gazetteer import Gazetteer, key


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    id: str
    name_en: str
    name_ja: str
    within: str | None  # a place id or a country id of the gazetteer
    capital_of: str | None = None  # the gazetteer country whose capital it is
    venue: bool = False  # a building or estate ("Lancaster House"), named with its city


class Places:
    def __init__(self, places: list[Place], forms: dict[str, str]) -> None:
        self.places = {p.id: p for p in places}
        self._forms = forms  # key(form) -> place id
        self._longest_first = sorted(forms, key=len, reverse=True)
        self._capitals = {p.capital_of: p.id for p in places if p.capital_of}

    def get(self, place_id: str) -> Place | None:
        return self.places.get(place_id)

    def resolve(self, text: str | None) -> str | None:
        """The most specific known place a place text names, or None.

        "フロリダ州マイアミ" and "Miami, Florida" resolve to miami, "Hallandale Beach" to
        hallandale-beach.
        """
        if not text:
            return None
        wanted = key(text)
        if wanted in self._forms:
            return self._forms[wanted]
        found = [self._forms[form] for form in self._longest_first if form in wanted]
        if not found:
            return None
        return max(found, key=lambda pid: len(self.ancestors(pid)))

    def capital(self, country_id: str | None) -> Place | None:
        """The capital of a gazetteer country ("the Malaysian capital", 「英国の首都」), if known."""
        pid = self._capitals.get(country_id or "")
        return self.places.get(pid) if pid else None

    def ancestors(self, place_id: str) -> list[str]:
        chain: list[str] = []
        current = self.places.get(place_id)
        while current is not None and current.within and current.within not in chain:
            chain.append(current.within)
            current = self.places.get(current.within)
        return chain

    def related(self, place_id: str) -> list[str]:
        """The known places around and inside one (Lancaster House: London; London: Lancaster
        House, Downing Street), for finding what may have happened at the same place."""
        outer = [a for a in self.ancestors(place_id) if a in self.places]
        inner = [p.id for p in self.places.values() if place_id in self.ancestors(p.id)]
        return sorted({*outer, *inner})

    def compatible(self, a: str, b: str) -> bool:
        """The same place, or one inside the other (a talk "in Florida" and one "in Miami")."""
        return a == b or a in self.ancestors(b) or b in self.ancestors(a)

    def name(self, place_id: str, language: str) -> str | None:
        place = self.places.get(place_id)
        if place is None:
            return None
        return place.name_ja if language == "ja" else place.name_en

    def located(self, place_id: str, language: str) -> str | None:
        """A place as a briefing writes it: a venue with the place it lies in ("Lancaster House
        in London", 「ロンドンのランカスターハウス」), anything else by its name."""
        place = self.places.get(place_id)
        name = self.name(place_id, language)
        if place is None or not place.venue or not place.within:
            return name
        outer = self.name(place.within, language)
        if name is None or outer is None:
            return name
        return f"{outer}の{name}" if language == "ja" else f"{name} in {outer}"


@cache
def load() -> Places:
    """The places shipped with communique (``communique/data/places.json``)."""
    raw = json.loads(resources.files("communique.data").joinpath("places.json").read_text(encoding="utf-8"))
    places: list[Place] = []
    forms: dict[str, str] = {}
    for item in raw["places"]:
        place = Place(id=item["id"], name_en=item["name"]["en"], name_ja=item["name"]["ja"],
                      within=item.get("within"), capital_of=item.get("capital_of"),
                      venue=bool(item.get("venue")))
        places.append(place)
        aliases = item.get("aliases") or {}
        for form in (place.name_en, place.name_ja, *aliases.get("en", ()), *aliases.get("ja", ())):
            forms.setdefault(key(form), place.id)
    return Places(places, forms)


def country_of(place_id: str, gazetteer: Gazetteer) -> str | None:
    """The gazetteer country a place lies in, if known."""
    for ancestor in load().ancestors(place_id):
        entry = gazetteer.get(ancestor)
        if entry is not None and entry.kind == "country":
            return entry.id
    return None
