"""The bundled sample corpus (examples/ukraine-talks-2025), ingested into a temporary store, and the
facts its hand-made gold says a briefing as of a date must contain.

Facts as of a day D, from the gold reports published on or before D (only those the store holds):

- ``meeting``: the latest meeting held on or before D (the event's date is the one most reports
  give), and ``participant`` facts for its participants named by at least two reports (or by the
  only report);
- ``position``: each side's (holder's country or bloc) latest stance on each proposal: the stance
  of the latest report day, the most frequent one on that day;
- ``next``: the earliest planned meeting not yet held as of D (date on or after D, or held later);
- ``conflict``: every planted conflict whose reports, as of D, give at least two different values.

A briefing covers a fact when one of its sentences cites a record item that states it, looked up
through the citation's item id: an event of the day with the participant among the sentence's
actors; a position of the side on the proposal (matched through the gold mentions of the proposal)
with a stance of the same class; a conflict whose variants rest on the gold spans of two values.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from communique.brief.names import Names

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "ukraine-talks-2025"
STANCE_CLASS = {
    "accept": "accept",
    "support": "accept",
    "reject": "reject",
    "oppose": "reject",
    "partly_accept": "partly_accept",
    "demand": "demand",
    "unclear": "unclear",
}


def ingest(db: Path) -> list[dict[str, Any]]:
    """Ingest the sample corpus (en and ja) into a new store at ``db``; its export records."""
    from communique import pipeline

    with pipeline.open_store(db) as store:
        pipeline.ingest(store, [str(CORPUS / "en"), str(CORPUS / "ja")])
        pipeline.merge(store)
        return list(pipeline.export_records(store))


def load_gold() -> list[dict[str, Any]]:
    reports = []
    for lang in ("en", "ja"):
        reports += json.loads((CORPUS / "gold" / f"{lang}.json").read_text(encoding="utf-8"))["reports"]
    return reports


@dataclass(frozen=True)
class Fact:
    kind: str  # meeting | participant | position | next | conflict
    key: str  # what is shown in the coverage table
    data: tuple[Any, ...]


def _day(value: Any) -> str | None:
    return str(value)[:10] if value else None


_NUMBER_WORDS = {
    w: str(i) for i, w in enumerate("zero one two three four five six seven eight nine ten".split())
}


def conflict_value(value: str) -> str:
    """A conflict value normalized across languages: the first number (words as digits), or the text."""
    text = unicodedata.normalize("NFKC", value).lower()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    text = re.sub(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", lambda m: _NUMBER_WORDS[m.group(1)], text)
    found = re.search(r"\d+", text)
    return found.group() if found else " ".join(re.findall(r"\w+", text))


def held_reports(gold: list[dict[str, Any]], records: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """Gold report index -> the stored report of the same title."""
    by_title = {
        unicodedata.normalize("NFKC", str(r.get("title") or "")).strip(): r
        for r in records
        if r["type"] == "report"
    }
    out = {}
    for i, g in enumerate(gold):
        found = by_title.get(unicodedata.normalize("NFKC", g["title"]).strip())
        if found is not None:
            out[i] = found
    return out


def facts(
    gold: list[dict[str, Any]], held: dict[int, dict[str, Any]], as_of: str, names: Names
) -> list[Fact]:
    seen = [(gold[i], held[i]) for i in sorted(held) if (_day(gold[i]["published_at"]) or "") <= as_of]
    out: list[Fact] = []
    # the latest meeting held, and its participants
    dates: dict[str, Counter[str]] = {}
    people: dict[str, Counter[str]] = {}
    mentions: Counter[str] = Counter()
    held_ids: set[str] = set()
    planned: dict[str, Counter[str]] = {}
    places: dict[str, str] = {}
    for g, _r in seen:
        for e in g["events"]:
            if e["kind"] in ("meeting", "planned_meeting") and e.get("date"):
                dates.setdefault(e["event"], Counter())[e["date"]] += 1
                mentions[e["event"]] += 1
                people.setdefault(e["event"], Counter()).update(set(e.get("participants") or ()))
            if e["kind"] == "meeting" and e.get("date") and e["date"] <= as_of:
                held_ids.add(e["event"])
            if e.get("place"):
                places.setdefault(e["event"], e["place"])
            if e["kind"] == "planned_meeting":
                planned.setdefault(e["event"], Counter())[e.get("date") or "9999"] += 1

    def date_of(event: str) -> str:
        return sorted(dates[event].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]

    if held_ids:
        latest = max(held_ids, key=lambda e: (date_of(e), e))
        out.append(Fact("meeting", f"{latest} {date_of(latest)}", (latest, date_of(latest))))
        need = 2 if mentions[latest] > 1 else 1  # noqa: PLR2004
        for actor, n in sorted(people[latest].items()):
            if n >= need:
                out.append(Fact("participant", f"{latest} {actor}", (latest, date_of(latest), actor)))
    ahead = [e for e in planned if e not in held_ids]
    if ahead:
        nxt = min(ahead, key=lambda e: (date_of(e), e))
        out.append(
            Fact("next", f"{nxt} {date_of(nxt)} {places.get(nxt, '')}", (nxt, date_of(nxt), places.get(nxt)))
        )
    # each side's latest stance on each proposal
    stances: dict[tuple[str, str], dict[str, Counter[str]]] = {}
    for g, _r in seen:
        for p in g["positions"]:
            if not p.get("target"):
                continue
            side = names.side(p["holder"])
            by_day = stances.setdefault((side, p["target"]), {})
            by_day.setdefault(_day(g["published_at"]) or "", Counter())[STANCE_CLASS[p["stance"]]] += 1
    for (side, target), by_day in sorted(stances.items()):
        last = by_day[max(by_day)]
        stance = sorted(last.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        out.append(Fact("position", f"{side} × {target}: {stance}", (side, target, stance)))
    # open conflicts
    values: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for g, r in seen:
        for c in g["conflicts"]:
            spans = values.setdefault(c["conflict"], {}).setdefault(conflict_value(c["value"]), [])
            spans.append((str(r["id"]), c["evidence"]))
    for conflict, by_value in sorted(values.items()):
        if len(by_value) >= 2:
            out.append(Fact("conflict", f"{conflict} {sorted(by_value)}", (conflict, by_value)))
    return out


def proposal_map(gold: list[dict[str, Any]], held: dict[int, dict[str, Any]], records: list[dict[str, Any]]):
    """Stored proposal id -> gold proposal id, through the gold mentions its evidence overlaps."""
    spans: list[tuple[str, int, int, str]] = []
    for i, r in held.items():
        text = str(r.get("text") or "")
        for p in gold[i]["proposals"]:
            start = 0
            while (at := text.find(p["mention"], start)) >= 0:
                spans.append((str(r["id"]), at, at + len(p["mention"]), p["proposal"]))
                start = at + 1
    out: dict[str, str] = {}
    for rec in records:
        if rec["type"] != "proposal":
            continue
        votes: Counter[str] = Counter()
        for ev in rec.get("evidence") or ():
            for report_id, s, e, pid in spans:
                if report_id == ev["report_id"] and s < ev["end"] and ev["start"] < e:
                    votes[pid] += 1
        if votes:
            out[str(rec["id"])] = votes.most_common(1)[0][0]
    return out


def _locate(records_by_id: dict[str, dict[str, Any]], report_id: str, phrase: str) -> list[tuple[int, int]]:
    text = str(records_by_id[report_id].get("text") or "")
    out, start = [], 0
    while (at := text.find(phrase, start)) >= 0:
        out.append((at, at + len(phrase)))
        start = at + 1
    return out


def covered(
    fact: Fact, briefing: Any, records: list[dict[str, Any]], names: Names, proposals: dict[str, str]
) -> bool:
    items = {str(r["id"]): r for r in records if "id" in r}
    cited = [(s, c, items.get(c.item_id)) for _w, s in briefing.sentences() for c in s.citations]
    if fact.kind in ("meeting", "participant", "next"):
        when = fact.data[1]
        kinds = ("meeting", "phone_call") if fact.kind != "next" else ("planned_meeting", "meeting")
        for _s, c, item in cited:
            if item is None or item.get("type") != "event" or item.get("kind") not in kinds:
                continue
            if (
                fact.kind == "next"
                and fact.data[2]
                and not _same_place(fact.data[2], item.get("place"), names)
            ):
                continue
            if (item.get("date") or "")[:10] != when and not (
                fact.kind == "next" and when.endswith("-01") and (item.get("date") or "")[:7] == when[:7]
            ):
                continue
            if fact.kind != "participant" or fact.data[2] in c.actors:
                return True
        return False
    if fact.kind == "position":
        side, target, stance = fact.data
        for _s, _c, item in cited:
            if item is None or item.get("type") != "position":
                continue
            target_id = str(item.get("target_id") or "")
            gold_target = proposals.get(target_id) or next(
                (
                    proposals[str(p["id"])]
                    for p in records
                    if p["type"] == "proposal" and p.get("name") == target_id and str(p["id"]) in proposals
                ),
                None,
            )
            if (
                gold_target == target
                and names.side(str(item.get("holder_id"))) == side
                and STANCE_CLASS.get(str(item.get("stance"))) == stance
            ):
                return True
        return False
    if fact.kind == "conflict":
        _cid, by_value = fact.data
        reports = {str(r["id"]): r for r in records if r["type"] == "report"}
        for _s, _c, item in cited:
            if item is None or item.get("type") != "conflict":
                continue
            hit = set()
            for var in item.get("variants") or ():
                for ev in var.get("evidence") or ():
                    for value, spans in by_value.items():
                        for report_id, phrase in spans:
                            if report_id != ev["report_id"]:
                                continue
                            for s, e in _locate(reports, report_id, phrase):
                                if s < ev["end"] and ev["start"] < e:
                                    hit.add(value)
            if len(hit) >= 2:
                return True
        return False
    raise ValueError(fact.kind)


def _same_place(gold: str, place: Any, names: Names) -> bool:
    if not place:
        return True  # the record does not say where: the date decides
    ours = {str(place), str(names.place(str(place)))}
    for lang in ("en", "ja"):
        names_lang = Names(names.gazetteer, names.actors, lang, names.as_of)
        ours.add(str(names_lang.place(str(place))))
    return any(gold in p or p in gold for p in ours)
