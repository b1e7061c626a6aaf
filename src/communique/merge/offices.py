"""The office a title names, in either language, so that a role can identify its holder.

"Omani Foreign Minister", "Oman's foreign minister", "Minister of Foreign Affairs" and
「オマーンの外相」 name one office, ``foreign-minister`` (whose country the role's affiliation
gives).  Only a few offices, each held by one person at a time, are known; any other title,
and any title qualified otherwise ("Deputy Foreign Minister", 「外務次官」, "former foreign
minister"), names none: it never identifies anyone.
"""

from __future__ import annotations

import re
from functools import cache

from ..extract.gazetteer import Gazetteer, key

_OFFICES: dict[str, tuple[str, tuple[str, ...]]] = {
    "foreign-minister": (
        r"foreign minister|minister (?:of|for) foreign affairs|foreign affairs minister|foreign secretary",
        ("外相", "外務大臣", "外務相"),
    ),
    "prime-minister": (r"prime minister|premier", ("首相", "総理", "総理大臣")),
    "president": (r"president", ("大統領",)),
    "defence-minister": (
        r"defen[cs]e minister|minister (?:of|for) (?:national )?defen[cs]e",
        ("国防相", "防衛相", "国防大臣", "防衛大臣"),
    ),
    "secretary-of-state": (r"secretary of state", ("国務長官",)),
    "foreign-ministry-spokesperson": (
        r"foreign (?:ministry|minister|affairs ministry) spokes(?:man|woman|person)",
        ("外務省報道官", "外務報道官"),
    ),
}
_EN = [(office, re.compile(rf"(?:{pattern})")) for office, (pattern, _) in _OFFICES.items()]
_JA = {title: office for office, (_, titles) in _OFFICES.items() for title in titles}


def office(title: str | None, gazetteer: Gazetteer) -> str | None:
    """The office a title names (``foreign-minister``), its country's name or adjective before it
    or after "of" left aside; None for any other title."""
    if not title:
        return None
    text = key(title)
    if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text):
        text = text.replace(" ", "").rpartition("の")[2]  # 「オマーンの外相」
        for ja_title, name in _JA.items():
            if text.endswith(ja_title) and _countries(gazetteer, "ja").issuperset(
                    [text[: -len(ja_title)]] if text != ja_title else []):
                return name
        return None
    words = re.sub(r"^the\s+", "", text).split()
    countries = _countries(gazetteer, "en")
    cut = next((n for n in range(min(4, len(words) - 1), 0, -1)
                if re.sub(r"'s$", "", " ".join(words[:n])) in countries), 0)
    text = " ".join(words[cut:])
    text = re.sub(r"\s+of\s+(?:the\s+)?(.+)$", lambda m: "" if m.group(1) in countries else m.group(0), text)
    return next((name for name, pattern in _EN if pattern.fullmatch(text)), None)


@cache
def _countries(gazetteer: Gazetteer, language: str) -> frozenset[str]:
    """Every country's names, short names and adjectives (English) or names and abbreviations
    (Japanese), in key form."""
    names: set[str] = set()
    for entry in gazetteer.entries.values():
        if entry.kind != "country":
            continue
        if language == "ja":
            forms = (entry.name_ja, entry.short_ja, *entry.aliases_ja, *entry.abbrev_ja)
            names.update(key(f).replace(" ", "") for f in forms if f)
        else:
            forms = (entry.name_en, entry.short_en, *entry.aliases_en, *entry.demonyms_en)
            names.update(key(f) for f in forms if f)
    return frozenset(names)
