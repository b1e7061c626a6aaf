"""``pattern.finditer(text)`` for patterns that can only match at the start of certain words, faster.

A pattern that begins with ``\\b`` and a word makes ``re`` try it at every position of the text.
When every match must begin where a run of word characters (``\\w+``) begins, and that run must
start with one of a few known words or prefixes, the pattern only needs trying there: one pass
over the words of the text finds those starts for a whole family of patterns, and ``finditer``
is replayed from them (same matches, same order: the leftmost match at or after the end of the
previous one).

The candidate words must be a superset of what the pattern can match: ``Key`` lists, for each
pattern, the whole words and the prefixes a match's first word may have.  A family that reads
its patterns case-insensitively compares the case-folded word; a text with one of the few
characters that ``re`` folds onto ASCII letters differently is scanned the plain way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

_RUN = re.compile(r"\w+")
# characters that ``re`` matches case-insensitively to an ASCII letter although str.casefold() does not
ODD = re.compile("[\u0131\u017f\u212a\u0130]")


@dataclass(frozen=True, slots=True)
class Key:
    words: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    test: Callable[[str], bool] | None = None

    @classmethod
    def of(cls, words: str, prefixes: str) -> Key:
        """From space-separated whole words and prefixes."""
        return cls(frozenset(words.split()), tuple(prefixes.split()))

    def admits(self, word: str) -> bool:
        return word in self.words or word.startswith(self.prefixes) or bool(self.test and self.test(word))


class Group:
    """Families that read the same texts: one pass over the words of a text serves them all."""

    def __init__(self, fold: bool) -> None:
        self.fold = fold
        self.keys: list[Key] = []
        self._cache: dict[str, tuple[int, ...]] = {}
        self._last: tuple[str, list[list[int] | None]] | None = None  # the text scanned last, its starts

    def add(self, keys: list[Key]) -> int:
        """Register a family's keys; returns the index of its first one."""
        at = len(self.keys)
        self.keys.extend(keys)
        self._cache.clear()
        self._last = None
        return at

    def _which(self, word: str) -> tuple[int, ...]:
        key = word.casefold() if self.fold else word
        found = tuple(i for i, k in enumerate(self.keys) if k.admits(key))
        if len(self._cache) >= 65536:
            self._cache.clear()
        self._cache[word] = found
        return found

    def starts(self, text: str) -> list[list[int] | None]:
        """Sorted candidate starts per key; None when the text must be scanned the plain way."""
        last = self._last
        if last is not None and last[0] is text:
            return last[1]
        if self.fold and ODD.search(text):
            result: list[list[int] | None] = [None for _ in self.keys]
        else:
            out: list[list[int]] = [[] for _ in self.keys]
            get = self._cache.get
            for run in _RUN.finditer(text):
                which = get(run.group())
                if which is None:
                    which = self._which(run.group())
                if which:
                    at = run.start()
                    for i in which:
                        out[i].append(at)
            result = [found for found in out]
        self._last = (text, result)
        return result


# the lower-cased text of a report (``Context.lower``), read by events, proposals and positions
LOWER = Group(fold=False)
# the text of a report as it is, read by the date scan and the reporting verbs
TEXT = Group(fold=True)


class Family:
    """Patterns scanned together: ``starts(text)`` gives, for each, where a match may begin
    (the lists are shared: read them, never change them)."""

    def __init__(self, keys: list[Key], fold: bool = False, group: Group | None = None) -> None:
        self.group = group if group is not None else Group(fold)
        self.keys = keys
        self._at = self.group.add(keys)

    def starts(self, text: str) -> list[list[int] | None]:
        return self.group.starts(text)[self._at : self._at + len(self.keys)]


def finditer(pattern: re.Pattern[str], text: str, starts: list[int] | None) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` given every position where a (non-empty) match may begin."""
    if starts is None:
        yield from pattern.finditer(text)
        return
    last_end = 0
    match = pattern.match
    for at in starts:
        if at < last_end:
            continue
        found = match(text, at)
        if found is not None:
            yield found
            last_end = found.end()
