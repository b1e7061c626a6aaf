"""Reports grouped into stories by the actors they share, their keywords and time.

A report joins the story it shares most with (among stories active within WINDOW days); a
report that shares nothing starts a story of its own, so unrelated reports ingested into one
database never end up in one briefing.  A report that belongs with two stories joins them: a
negotiation reported in bursts (talks in April, a summit in June, a deal in July) becomes one
story once the reports that bridge the bursts arrive, whatever order they arrive in.  A story
is named by its earliest report (publication time, then id; see ``Merger.flush``).
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import Extraction, Report

WINDOW = 45  # days a story stays open to new reports after its latest one
JOIN = 0.12  # actor overlap (+ half the keyword overlap) with a story's commonest terms, to join it
KIN = 0.4  # weighted overlap of two stories' typical actors for one report to join them
_WORD_EN = re.compile(r"[a-z][a-z'-]{3,}")
_WORD_JA = re.compile(r"[\u30a1-\u30fa\u30fc]{3,}|[\u4e00-\u9fff々]{2,}")
_STOP = set(
    """this that with from have were will would their there about after before which while
been into over also they them said says more most than then when what where year years
could should other such only some just like told week month today news report reports page
people first last make made take time back many much very says said""".split()
)
_GENERIC_JA = {"大統領", "報道", "記者", "発表", "今月", "先週", "同日", "前日", "会見", "政府", "関係者"}


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryState:
    id: str
    first_day: int | None
    last_day: int | None
    actors: Counter[str]
    keywords: Counter[str]
    size: int


def story_id(first_report_id: str) -> str:
    return "st-" + hashlib.sha256(first_report_id.encode()).hexdigest()[:12]


def keywords(report: Report, limit: int = 12) -> tuple[str, ...]:
    head = unicodedata.normalize("NFKC", f"{report.title or ''}\n{report.text[:1500]}")
    if report.language == "ja":
        words = [w for w in _WORD_JA.findall(head) if w not in _GENERIC_JA]
    else:
        words = [w for w in _WORD_EN.findall(head.lower()) if w not in _STOP]
    counts = Counter(words)
    return tuple(w for w, _n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit])


def actors(extraction: Extraction, canonical: dict[str, str]) -> tuple[str, ...]:
    found: list[str] = []
    found += [a.id for a in extraction.actors]
    found += [q.speaker_id for q in extraction.quotes if q.speaker_id]
    found += [p for e in extraction.events for p in e.participant_ids]
    found += [p.holder_id for p in extraction.positions]
    ids = {canonical.get(a, a) for a in found}
    return tuple(sorted(a for a in ids if a and not a.startswith("anon:")))


def terms(report_actors: Sequence[str], report_keywords: Sequence[str]) -> list[str]:
    """A report's story terms: its actors and its keywords."""
    return [f"a:{a}" for a in report_actors] + [f"k:{k}" for k in report_keywords]


def weight(term: str, reports: int, carrying: int) -> float:
    """How telling a term is: terms most reports carry (a head of state, a common word) weigh little."""
    return max(0.05, math.log((reports + 1) / (carrying + 1)))


def typical(story: StoryState, term: str) -> float:
    """How typical a term is of a story: 1 when at least half of its reports carry it."""
    kind, _, value = term.partition(":")
    count = (story.actors if kind == "a" else story.keywords).get(value, 0)
    return min(1.0, 2.0 * count / max(1, story.size))


def kinship(a: StoryState, b: StoryState, weights: Mapping[str, float]) -> float:
    """How alike two stories are: weighted overlap of their typical actors (0..1)."""
    def profile(s: StoryState) -> dict[str, float]:  # actors only: keywords differ by language
        found = [f"a:{x}" for x in s.actors]
        return {t: typical(s, t) * weights.get(t, 1.0) for t in found if typical(s, t) >= 0.25}

    pa, pb = profile(a), profile(b)
    shared = sum(min(pa[t], pb[t]) for t in pa.keys() & pb.keys())
    both = sum(pa.values()) + sum(pb.values())
    return 2 * shared / both if both else 0.0


def matches(
    day: int | None,
    report_actors: Sequence[str],
    report_keywords: Sequence[str],
    candidates: Sequence[StoryState],
    weights: Mapping[str, float],
) -> list[str]:
    """Every story the report belongs with, the one it shares most with first.  A report belongs
    with a story when it shares two actors or keywords with the story's commonest ones and
    enough of them (JOIN); a second story is kept only when it is akin to the first (KIN: their
    telling terms, weighted by how few reports carry them, overlap), so a report that names the
    same president as another story does not weld the two together."""
    found: list[tuple[float, StoryState]] = []
    for story in candidates:
        if (
            day is not None
            and story.last_day is not None
            and not (
                story.first_day is not None and story.first_day - WINDOW <= day <= story.last_day + WINDOW
            )
        ):
            continue
        top_actors = _commonest(story.actors, 25)
        top_words = _commonest(story.keywords, 40)
        shared_actors = len(set(report_actors) & set(top_actors))
        shared_words = len(set(report_keywords) & set(top_words))
        value = _jaccard(report_actors, top_actors) + 0.5 * _jaccard(report_keywords, top_words)
        if (shared_actors >= 2 or shared_words >= 2) and value >= JOIN:
            found.append((value, story))
    found.sort(key=lambda vs: (-vs[0], vs[1].first_day or 0, -vs[1].size, _commonest(vs[1].actors, 25)))
    if not found:
        return []
    best = found[0][1]
    return [best.id] + [s.id for _v, s in found[1:] if kinship(best, s, weights) >= KIN]


def _commonest(counts: Counter[str], n: int) -> list[str]:
    """The n commonest terms, ties by the term (``most_common`` breaks them by arrival order)."""
    return [t for t, _c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def _jaccard(a: Sequence[str], b: Sequence[str]) -> float:
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb) if sa and sb else 0.0


def combine(stories: Sequence[StoryState]) -> StoryState:
    """Stories joined into one: the one that started first keeps its id."""
    first = min(stories, key=lambda s: (s.first_day is None, s.first_day or 0, s.id))
    firsts = [s.first_day for s in stories if s.first_day is not None]
    lasts = [s.last_day for s in stories if s.last_day is not None]
    actors: Counter[str] = Counter()
    words: Counter[str] = Counter()
    for s in stories:
        actors += s.actors
        words += s.keywords
    return StoryState(id=first.id, first_day=min(firsts, default=None), last_day=max(lasts, default=None),
                      actors=actors, keywords=words, size=sum(s.size for s in stories))


def name(story: StoryState, names: dict[str, str]) -> str:
    """The three most mentioned actors and the two commonest keywords."""
    people = [names.get(a, a) for a, _n in sorted(story.actors.items(), key=lambda kv: (-kv[1], kv[0]))[:3]]
    words = [w for w, _n in sorted(story.keywords.items(), key=lambda kv: (-kv[1], kv[0]))[:2]]
    return ", ".join(people) + (f" ({', '.join(words)})" if words else "")
