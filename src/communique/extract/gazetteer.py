"""Shared knowledge: actors with English and Japanese names, aliases, kinds and roles.

The gazetteer links mentions to actors and gives their canonical ids, names in both
languages and roles; it is not what makes a name a person.  People it does not list are
found by the extractors (a title or an appositive, an age, the slot next to a quotation,
spaCy's English NER in ``extract/en/names.py``) and kept as ``person:<slug>`` with their
name as the report writes it at its fullest.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ..model import Actor, Role


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    id: str
    kind: str
    name_en: str
    name_ja: str | None
    short_en: str | None
    short_ja: str | None
    aliases_en: tuple[str, ...]
    aliases_ja: tuple[str, ...]
    abbrev_ja: tuple[str, ...]
    metonyms_en: tuple[str, ...]  # "Moscow" for Russia's government
    metonyms_ja: tuple[str, ...]
    demonyms_en: tuple[str, ...]  # "Russian": an adjective, not a mention on its own
    demonyms_ja: tuple[str, ...]
    roles: tuple[Role, ...]
    country: str | None
    ja_title_form: str | None

    def actor(self, extractor: str = "gazetteer.v1") -> Actor:
        aliases = tuple(dict.fromkeys((*self.aliases_en, *self.aliases_ja)))
        return Actor(id=self.id, name_en=self.name_en, name_ja=self.name_ja, kind=self.kind,
                     aliases=aliases, roles=self.roles, extractor=extractor)


def key(text: str) -> str:
    """Lookup key: NFKC, case-folded, dots and spacing unified (U.S. = US, ・ = space)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("・", " ").replace("=", " ").replace("’", "'").replace(".", "")
    return " ".join(text.replace("-", " ").split())


class Gazetteer:
    """Entries by id, and every name, short name and alias by :func:`key`."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = {e.id: e for e in entries}
        self._by_name: dict[str, str] = {}
        for entry in sorted(entries, key=lambda e: e.id):
            names = (entry.name_en, entry.name_ja, entry.short_en, entry.short_ja,
                     *entry.aliases_en, *entry.aliases_ja, *entry.metonyms_en, *entry.metonyms_ja)
            for name in names:
                if name:
                    self._by_name.setdefault(key(name), entry.id)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.entries

    def get(self, actor_id: str) -> Entry | None:
        return self.entries.get(actor_id)

    def lookup(self, mention: str) -> Entry | None:
        """The entry a mention names exactly (any language, any listed spelling), or None."""
        found = self._by_name.get(key(mention))
        return self.entries[found] if found else None

    def names(self, language: str) -> dict[str, str]:
        """Every surface form of a language (as written in the data) -> entry id.

        For building matchers (Aho-Corasick, regex alternations); longest forms first.
        """
        forms: dict[str, str] = {}
        for entry in self.entries.values():
            if language == "ja":
                candidates = (entry.name_ja, entry.short_ja, *entry.aliases_ja, *entry.metonyms_ja)
            else:
                candidates = (entry.name_en, entry.short_en, *entry.aliases_en, *entry.metonyms_en)
            for form in candidates:
                if form:
                    forms.setdefault(form, entry.id)
        return dict(sorted(forms.items(), key=lambda kv: (-len(kv[0]), kv[0])))


def _by_language(value: Any, language: str) -> tuple[str, ...]:
    """``{"en": [...], "ja": [...]}`` -> the list for one language."""
    if isinstance(value, dict):
        return tuple(value.get(language) or ())
    return ()


def _entry(raw: dict[str, Any]) -> Entry:
    name = raw.get("name") or {}
    short = raw.get("short") or {}
    aliases = raw.get("aliases") or {}
    roles = tuple(
        Role(title=(r.get("title") or {}).get("en") or "", title_ja=(r.get("title") or {}).get("ja"),
             affiliation=r.get("affiliation"), since=r.get("from"), until=r.get("to"))
        for r in raw.get("roles") or ()
    )
    return Entry(
        id=raw["id"], kind=raw["kind"], name_en=name.get("en") or raw["id"], name_ja=name.get("ja"),
        short_en=short.get("en"), short_ja=short.get("ja"),
        aliases_en=tuple(aliases.get("en") or ()), aliases_ja=tuple(aliases.get("ja") or ()),
        abbrev_ja=tuple(raw.get("abbrev_ja") or ()),
        metonyms_en=_by_language(raw.get("metonyms"), "en"),
        metonyms_ja=_by_language(raw.get("metonyms"), "ja"),
        demonyms_en=_by_language(raw.get("demonyms"), "en"),
        demonyms_ja=_by_language(raw.get("demonyms"), "ja"),
        roles=roles, country=raw.get("country"), ja_title_form=raw.get("ja_title_form"),
    )


@cache
def builtin_entries() -> tuple[dict[str, Any], ...]:
    """The raw entries shipped with communique (``communique/data/gazetteer.json``)."""
    text = resources.files("communique.data").joinpath("gazetteer.json").read_text(encoding="utf-8")
    return tuple(json.loads(text)["entries"])


@cache
def load() -> Gazetteer:
    """The gazetteer: the one shipped with communique, with the user's own names merged over it
    (``$COMMUNIQUE_GAZETTEER``, ``--gazetteer FILE``, or ``~/.config/communique/gazetteer.json``;
    see :mod:`communique.extract.user_names`).  The two files stay separate."""
    from .user_names import merged_entries

    return Gazetteer([_entry(raw) for raw in merged_entries(builtin_entries())])


def reload() -> Gazetteer:
    """Forget the loaded gazetteer (after the user's file changed) and load it again."""
    load.cache_clear()
    return load()
