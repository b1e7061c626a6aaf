"""The ``re`` module's functions, minus its per-call overhead: a pattern is compiled once and kept.

``re.search(pattern, ...)`` looks its compiled pattern up on every call (type checks, flag enums,
a bounded cache that dynamic patterns evict); the extractors make ~500 such calls per report.
"""

from __future__ import annotations

import re
from typing import Any

_PLAIN: dict[str, re.Pattern[str]] = {}
_FLAGGED: dict[tuple[str, int], re.Pattern[str]] = {}
_LIMIT = 4096  # dynamic patterns (escaped names) must not grow the caches without bound


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    if not flags:
        found = _PLAIN.get(pattern)
        if found is None:
            if len(_PLAIN) >= _LIMIT:
                _PLAIN.clear()
            found = _PLAIN[pattern] = re.compile(pattern)
        return found
    cache_key = (pattern, int(flags))
    found = _FLAGGED.get(cache_key)
    if found is None:
        if len(_FLAGGED) >= _LIMIT:
            _FLAGGED.clear()
        found = _FLAGGED[cache_key] = re.compile(pattern, flags)
    return found


def search(pattern: str, string: str, flags: int = 0) -> re.Match[str] | None:
    return compiled(pattern, flags).search(string)


def match(pattern: str, string: str, flags: int = 0) -> re.Match[str] | None:
    return compiled(pattern, flags).match(string)


def fullmatch(pattern: str, string: str, flags: int = 0) -> re.Match[str] | None:
    return compiled(pattern, flags).fullmatch(string)


def sub(pattern: str, repl: Any, string: str, count: int = 0, flags: int = 0) -> str:
    return compiled(pattern, flags).sub(repl, string, count)


def split(pattern: str, string: str, maxsplit: int = 0, flags: int = 0) -> list[Any]:
    return compiled(pattern, flags).split(string, maxsplit)


def findall(pattern: str, string: str, flags: int = 0) -> list[Any]:
    return compiled(pattern, flags).findall(string)


def finditer(pattern: str, string: str, flags: int = 0) -> Any:
    return compiled(pattern, flags).finditer(string)
