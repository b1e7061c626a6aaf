"""The user's own names: a gazetteer file of people, countries, organizations and blocs that
the built-in gazetteer does not know (or knows by other names), merged over it when loaded.

Where it is (the first that applies):

1. ``--gazetteer FILE`` on the command line (or :func:`use_file` from Python);
2. ``$COMMUNIQUE_GAZETTEER``;
3. ``$XDG_CONFIG_HOME/communique/gazetteer.json`` (``~/.config/communique/gazetteer.json``).

The file is JSON (``.json``) or YAML (``.yaml``/``.yml``) and has the built-in file's schema::

    {"version": 1,
     "entries": [
       {"id": "ryosei-akazawa",                  # lower-case letters, digits and hyphens
        "kind": "person",                        # person | country | organization | bloc
        "name": {"en": "Ryosei Akazawa", "ja": "赤沢亮正"},     # at least one language
        "short": {"en": "Akazawa", "ja": "赤沢"},               # optional: the name used after the first
        "aliases": {"en": ["Akazawa Ryosei"], "ja": ["赤澤亮正"]},  # optional: other spellings
        "roles": [{"title": {"en": "Minister for Economic Revitalization", "ja": "経済再生相"},
                   "affiliation": "japan", "from": "2024-10", "to": null}],   # optional
        "country": "japan"}]}                    # optional

An entry whose id is a built-in one changes that entry: the fields it gives replace the
built-in ones, except aliases, which are added to them.  Any other id is a new entry.  The
built-in file is never written; ``communique actors add`` writes only the user's file.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import InputError

ENV = "COMMUNIQUE_GAZETTEER"
KINDS = ("person", "country", "organization", "bloc")
FIELDS = {"id", "kind", "name", "short", "aliases", "roles", "country", "ja_title_form", "abbrev_ja",
          "metonyms", "demonyms", "members"}
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
_DAY = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_override: Path | None = None


def use_file(path: str | Path | None) -> None:
    """Use this user gazetteer file from now on (None: back to the environment and the default)."""
    global _override
    _override = Path(path) if path is not None else None
    from .gazetteer import load

    load.cache_clear()


def user_path() -> Path:
    """Where the user's gazetteer is (it need not exist)."""
    if _override is not None:
        return _override
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "communique" / "gazetteer.json"


def read(path: Path) -> list[dict[str, Any]]:
    """The entries of a user gazetteer file; InputError (with the line) when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as err:
        raise InputError(str(path), f"cannot read the gazetteer ({err.strerror})",
                         "check the path given by --gazetteer or $COMMUNIQUE_GAZETTEER") from None
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            import yaml
        except ImportError:
            raise InputError(str(path), "YAML needs PyYAML",
                             "pip install pyyaml, or write the file as JSON") from None
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            where = f" at line {mark.line + 1}" if mark is not None else ""
            raise InputError(str(path), f"not valid YAML{where}", "fix the file; `communique actors check` "
                             "lists every problem") from None
    else:
        try:
            data = json.loads(text) if text.strip() else {"entries": []}
        except json.JSONDecodeError as err:
            raise InputError(str(path),
                             f"not valid JSON at line {err.lineno}, column {err.colno} ({err.msg})",
                             "fix the file; `communique actors check` lists every problem") from None
    if isinstance(data, list):
        data = {"entries": data}
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise InputError(str(path), 'has no "entries" list', 'write {"version": 1, "entries": [...]}')
    return list(data["entries"])


def problems(entries: Iterable[Any], builtin: Iterable[dict[str, Any]]) -> list[str]:
    """Every problem of the user's entries, one line each ("entries[2] (id): problem; what to do")."""
    from .gazetteer import key

    known = {raw["id"]: raw for raw in builtin}
    owner: dict[str, str] = {}
    for raw in known.values():
        for form in _forms(raw):
            owner.setdefault(key(form), raw["id"])
    out: list[str] = []
    seen: set[str] = set()
    for n, raw in enumerate(entries):
        where = f"entries[{n}]"
        if not isinstance(raw, dict):
            out.append(f'{where}: not an object; write each entry as {{"id": ..., "kind": ..., "name": ...}}')
            continue
        entry_id = raw.get("id")
        where = f"{where} ({entry_id})" if isinstance(entry_id, str) else where
        if not isinstance(entry_id, str) or not _ID.match(entry_id):
            out.append(f"{where}: the id must be lower-case letters, digits and hyphens; "
                       'e.g. "ryosei-akazawa"')
            continue
        if entry_id in seen:
            out.append(f"{where}: the id is given twice; merge the two entries")
        seen.add(entry_id)
        unknown = sorted(set(raw) - FIELDS)
        if unknown:
            out.append(f"{where}: unknown field(s) {', '.join(unknown)}; use {', '.join(sorted(FIELDS))}")
        kind = raw.get("kind")
        if kind is None and entry_id not in known:
            out.append(f"{where}: no kind; give one of {', '.join(KINDS)}")
        elif kind is not None and kind not in KINDS:
            out.append(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
        name = raw.get("name")
        if entry_id not in known and not (isinstance(name, dict) and (name.get("en") or name.get("ja"))):
            out.append(f'{where}: no name; give "name": {{"en": ..., "ja": ...}} (one language is enough)')
        for field in ("name", "short"):
            value = raw.get(field)
            if value is not None and not _names_ok(value, list_values=False):
                out.append(f'{where}: "{field}" must be {{"en": "...", "ja": "..."}}')
        aliases = raw.get("aliases")
        if aliases is not None and not _names_ok(aliases, list_values=True):
            out.append(f'{where}: "aliases" must be {{"en": ["..."], "ja": ["..."]}}')
        out += _role_problems(where, raw.get("roles"))
        for field in ("country",):
            if raw.get(field) is not None and not isinstance(raw.get(field), str):
                out.append(f'{where}: "{field}" must be an id such as "japan"')
        for form in _forms(raw):
            other = owner.get(key(form))
            if other is not None and other != entry_id:
                out.append(f"{where}: {form!r} already names the built-in entry {other!r}; "
                           f"drop it, or give the entry the id {other!r} to change that entry")
    return out


def _names_ok(value: Any, *, list_values: bool) -> bool:
    if not isinstance(value, dict) or set(value) - {"en", "ja"}:
        return False
    for item in value.values():
        if item is None:
            continue
        if list_values:
            if not isinstance(item, list) or not all(isinstance(x, str) and x.strip() for x in item):
                return False
        elif not isinstance(item, str) or not item.strip():
            return False
    return True


def _role_problems(where: str, roles: Any) -> list[str]:
    if roles is None:
        return []
    if not isinstance(roles, list):
        return [f'{where}: "roles" must be a list of {{"title": {{"en": ..., "ja": ...}}, ...}}']
    out = []
    for i, role in enumerate(roles):
        if not isinstance(role, dict) or not _names_ok(role.get("title") or {}, list_values=False) \
                or not role.get("title"):
            out.append(f'{where}: roles[{i}] needs "title": {{"en": "...", "ja": "..."}}')
            continue
        for bound in ("from", "to"):
            value = role.get(bound)
            if value is not None and not (isinstance(value, str) and _DAY.match(value)):
                out.append(f"{where}: roles[{i}].{bound} {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return out


def _forms(raw: dict[str, Any]) -> list[str]:
    forms: list[str] = []
    for field in ("name", "short"):
        value = raw.get(field)
        if isinstance(value, dict):
            forms += [v for v in value.values() if isinstance(v, str)]
    aliases = raw.get("aliases")
    if isinstance(aliases, dict):
        forms += [v for lst in aliases.values() if isinstance(lst, list) for v in lst if isinstance(v, str)]
    return forms


def merged_entries(builtin: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The built-in entries with the user's merged over them (the built-in list when there is no
    user file).  An invalid user file stops here with one line saying what to fix."""
    entries = [dict(raw) for raw in builtin]
    path = user_path()
    if not path.exists():
        if _override is not None:  # named on the command line; $COMMUNIQUE_GAZETTEER may be made later
            raise InputError(str(path), "no such gazetteer file",
                             "check --gazetteer / $COMMUNIQUE_GAZETTEER, "
                             "or create it with `communique actors add`")
        return entries
    mine = read(path)
    found = problems(mine, entries)
    serious = [p for p in found if "already names the built-in entry" not in p]
    if serious:
        raise InputError(str(path), f"{len(serious)} problem(s) in the gazetteer, first: {serious[0]}",
                         "run `communique actors check` to list them all")
    index = {raw["id"]: n for n, raw in enumerate(entries)}
    for raw in mine:
        if raw["id"] not in index:
            entries.append({"aliases": {}, "roles": [], **raw})
            index[raw["id"]] = len(entries) - 1
            continue
        base = entries[index[raw["id"]]]
        merged = {**base, **{k: v for k, v in raw.items() if k != "aliases"}}
        aliases = {lang: list(dict.fromkeys([*(base.get("aliases") or {}).get(lang, []),
                                             *(raw.get("aliases") or {}).get(lang, [])]))
                   for lang in ("en", "ja")}
        merged["aliases"] = aliases
        entries[index[raw["id"]]] = merged
    return entries


def user_ids() -> set[str]:
    """Ids the user's file gives (empty when there is none)."""
    path = user_path()
    if not path.exists():
        return set()
    return {raw["id"] for raw in read(path) if isinstance(raw, dict) and "id" in raw}


def add(entry: dict[str, Any]) -> Path:
    """Add (or replace) one entry in the user's file, after validating it; returns the file."""
    from .gazetteer import builtin_entries, load

    path = user_path()
    entries = read(path) if path.exists() else []
    entries = [e for e in entries if not (isinstance(e, dict) and e.get("id") == entry["id"])] + [entry]
    found = [p for p in problems(entries, builtin_entries()) if p.startswith(f"entries[{len(entries) - 1}]")]
    if found:
        raise InputError(entry["id"], found[0].split(": ", 1)[1], "")
    if path.suffix.lower() in (".yaml", ".yml"):
        import yaml

        text = yaml.safe_dump({"version": 1, "entries": entries}, allow_unicode=True, sort_keys=False)
    else:
        text = json.dumps({"version": 1, "entries": entries}, ensure_ascii=False, indent=2) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    load.cache_clear()
    return path


def slug(name: str) -> str:
    """An id from an English name: "Ryosei Akazawa" -> "ryosei-akazawa"."""
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:80]
