"""Reports grouped into stories by the actors they share, their keywords and time.

A report joins the story it shares most with (among stories active within three weeks);
a report that shares nothing starts a story of its own, so unrelated reports ingested into
one database never end up in one briefing.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Extraction, Report

WINDOW = 21  # days a story stays open to new reports after its latest one
JOIN = 0.12
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


def _jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb) if sa and sb else 0.0


def assign(
    day: int | None,
    report_actors: Sequence[str],
    report_keywords: Sequence[str],
    candidates: Sequence[StoryState],
) -> str | None:
    best: tuple[float, str] | None = None
    for story in candidates:
        if (
            day is not None
            and story.last_day is not None
            and not (
                story.first_day is not None and story.first_day - WINDOW <= day <= story.last_day + WINDOW
            )
        ):
            continue
        top_actors = [a for a, _n in story.actors.most_common(25)]
        top_words = [w for w, _n in story.keywords.most_common(40)]
        shared_actors = len(set(report_actors) & set(top_actors))
        shared_words = len(set(report_keywords) & set(top_words))
        value = _jaccard(report_actors, top_actors) + 0.5 * _jaccard(report_keywords, top_words)
        if (
            (shared_actors >= 2 or shared_words >= 2)
            and value >= JOIN
            and (best is None or (value, story.id) > best)
        ):
            best = (value, story.id)
    return best[1] if best else None


def name(story: StoryState, names: dict[str, str]) -> str:
    """The three most mentioned actors and the two commonest keywords."""
    people = [names.get(a, a) for a, _n in sorted(story.actors.items(), key=lambda kv: (-kv[1], kv[0]))[:3]]
    words = [w for w, _n in sorted(story.keywords.items(), key=lambda kv: (-kv[1], kv[0]))[:2]]
    return ", ".join(people) + (f" ({', '.join(words)})" if words else "")
