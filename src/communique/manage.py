"""Looking at and managing one stored report: show it, remove it, correct its metadata.

    from communique import manage, pipeline
    with pipeline.open_store("news.db") as store:
        info = manage.show(store, "r-1a06")          # a unique prefix of the id is enough
        manage.set_fields(store, info["id"], published_at="2025-12-05", outlet="Kyodo")
        manage.remove(store, info["id"])             # and everything derived from it

Removing a report rebuilds the merged record from the reports that remain (the same path as
``communique stories --rebuild``), so no statement, event, story or conflict keeps resting on
what is gone; changing a report's date extracts it again and rebuilds the record the same way.
"""

from __future__ import annotations

from typing import Any

from . import merge as merging
from .errors import UsageError
from .ingest.meta import parse_published
from .store import SQLiteStore

_ITEMS = (("quote", "quotes"), ("event", "events"), ("proposal", "proposals"), ("position", "positions"))


def resolve(store: SQLiteStore, ref: str) -> str:
    """The full id of the one stored report whose id is ``ref`` or starts with it."""
    ref = ref.strip()
    if store.has_report(ref):
        return ref
    prefix = ref if ref.startswith("r-") else f"r-{ref}"
    found = [row[0] for row in store.db.execute(
        "SELECT id FROM reports WHERE id >= ? AND id < ? ORDER BY id LIMIT 5", (prefix, prefix + "\uffff"))]
    if len(found) == 1 and len(prefix) >= 4:
        return found[0]
    if not found:
        raise UsageError(ref, "no stored report has this id", "list the ids with `communique reports`")
    raise UsageError(ref, f"matches {len(found)}+ reports ({', '.join(found[:3])}…)", "give more of the id")


def show(store: SQLiteStore, ref: str) -> dict[str, Any]:
    """One report: its metadata, cleaned text, story, and everything extracted from it."""
    report_id = resolve(store, ref)
    report = store.report(report_id)
    assert report is not None
    row = store.db.execute("SELECT ingested_at, raw_sha256 FROM reports WHERE id = ?",
                           (report_id,)).fetchone()
    extracted: dict[str, list[dict[str, Any]]] = {}
    for kind, table in _ITEMS:
        items = []
        for item in store.db.execute(f"SELECT * FROM {table} WHERE report_id = ? ORDER BY rowid",
                                     (report_id,)):
            record = {key: item[key] for key in item.keys() if key != "report_id"}  # noqa: SIM118
            record["evidence"] = [_span(report.text, ev) for ev in store.evidence_for(kind, record["id"])
                                  if ev["report_id"] == report_id]
            items.append(record)
        extracted[f"{kind}s"] = items
    actors = store.db.execute(
        "SELECT DISTINCT a.id, a.name_en, a.name_ja, a.kind FROM evidence e "
        "JOIN actors a ON a.id = e.item_id WHERE e.item_type = 'actor' AND e.report_id = ? ORDER BY a.id",
        (report_id,)).fetchall()
    extracted = {"actors": [dict(a) for a in actors], **extracted}
    story = merging.report_stories(store).get(report_id)
    copies = store.wire_groups().get(report.wire_group, []) if report.wire_group else []
    return {
        "id": report.id, "title": report.title, "outlet": report.outlet, "url": report.url,
        "published_at": report.published_at, "published_precision": str(report.published_precision),
        "language": report.language, "source": report.source, "content_type": report.content_type,
        "encoding": report.encoding, "wire_group": report.wire_group,
        "wire_copies": [c for c in copies if c != report.id], "story_id": story,
        "extractors": sorted(store.extractors_run(report_id)),
        "ingested_at": row["ingested_at"], "raw_sha256": row["raw_sha256"],
        "text": report.text, "extracted": extracted,
    }


def _span(text: str, ev: dict[str, Any]) -> dict[str, Any]:
    return {"start": ev["start"], "end": ev["end"], "text": text[ev["start"]:ev["end"]]}


def remove(store: SQLiteStore, ref: str) -> dict[str, Any]:
    """Remove one report and everything derived from it, then merge the record again.

    Its extracted items and their evidence go with it; a wire group left with one report is
    dissolved; actors no remaining report mentions are dropped; the merged record (statements,
    events, proposals, positions, stories, conflicts) is rebuilt from the remaining reports.
    Returns what was removed: id, title, counts of items.
    """
    report_id = resolve(store, ref)
    report = store.report(report_id)
    assert report is not None
    counts = {table: int(store.db.execute(f"SELECT count(*) FROM {table} WHERE report_id = ?",
                                          (report_id,)).fetchone()[0]) for _kind, table in _ITEMS}
    with store.transaction() as db:
        db.execute("DELETE FROM evidence WHERE report_id = ?", (report_id,))
        for _kind, table in _ITEMS:
            ids = [r[0] for r in db.execute(f"SELECT id FROM {table} WHERE report_id = ?", (report_id,))]
            db.executemany("DELETE FROM evidence WHERE item_id = ?", [(i,) for i in ids])
            db.execute(f"DELETE FROM {table} WHERE report_id = ?", (report_id,))
        db.execute("DELETE FROM reports WHERE id = ?", (report_id,))  # bands, runs: ON DELETE CASCADE
        if report.wire_group:
            left = [r[0] for r in db.execute("SELECT id FROM reports WHERE wire_group = ?",
                                             (report.wire_group,))]
            if len(left) == 1:
                db.execute("UPDATE reports SET wire_group = NULL WHERE id = ?", (left[0],))
        db.execute("DELETE FROM actors WHERE id NOT IN "
                   "(SELECT item_id FROM evidence WHERE item_type = 'actor')")
    merged = merging.merge_all(store)
    return {"id": report_id, "title": report.title, "removed": counts, "merged": merged.merged}


def set_fields(store: SQLiteStore, ref: str, *, published_at: str | None = None, outlet: str | None = None,
               title: str | None = None) -> dict[str, Any]:
    """Correct a report's date, outlet or title (an empty string clears the outlet or title).

    A new date is read as ingest reads dates (every form ``ingest`` understands); the report is
    extracted again (relative dates such as "on Tuesday" count from it) and the record merged
    again.  Outlets and titles are read from the report when a briefing is written, so they need
    no merging.  Returns the report's new metadata.
    """
    from . import pipeline

    report_id = resolve(store, ref)
    changes: dict[str, Any] = {}
    if published_at is not None:
        parsed = parse_published(published_at)
        if parsed is None:
            raise UsageError(f"--date {published_at}", "not a date communique can read",
                             "give it as YYYY-MM-DD or YYYY-MM-DDTHH:MM+09:00")
        changes["published_at"], changes["published_precision"] = parsed[0], str(parsed[1])
    if outlet is not None:
        changes["outlet"] = outlet.strip() or None
    if title is not None:
        changes["title"] = " ".join(title.split()) or None
    if not changes:
        raise UsageError("set", "nothing to change", "give --date, --outlet or --title")
    with store.transaction() as db:
        assignments = ", ".join(f"{column} = ?" for column in changes)
        db.execute(f"UPDATE reports SET {assignments} WHERE id = ?", (*changes.values(), report_id))
    if "published_at" in changes:
        report = store.report(report_id)
        assert report is not None
        if store.extractors_run(report_id):
            problem = pipeline.extract_report(store, report)
            if problem:
                raise UsageError(report_id, problem, "the new date is stored; run `communique extract --all`")
        merging.merge_all(store)  # stories' spans and the order of events change with the date
    report = store.report(report_id)
    assert report is not None
    return {"id": report.id, "title": report.title, "outlet": report.outlet,
            "published_at": report.published_at, "published_precision": str(report.published_precision)}


# -- a short briefing per story ------------------------------------------------------------------------
def short_briefing(briefing: Any) -> Any:
    """A briefing cut to its headline, lead and as-of line, with only the references those cite (their
    numbers as in the full briefing, so a reader can go from one to the other)."""
    from dataclasses import replace

    kept = (briefing.headline, *briefing.lead, briefing.as_of_line)
    cited = {n for sentence in kept for n in sentence.refs}
    return replace(
        briefing, sections=(), points=(), perspective=(), conflicts=(),
        references=tuple(ref for ref in briefing.references if ref.number in cited),
        dropped=tuple(d for d in briefing.dropped if d.where in ("headline", "lead", "as_of")),
    )


def short_hint(briefing: Any, story: dict[str, Any] | None) -> str:
    """The line under a short briefing: the story it is, and the command for the whole briefing."""
    if story is None:
        return ""
    span = " to ".join(dict.fromkeys(d for d in (story.get("first_date"), story.get("last_date")) if d))
    return (f"_Story {story['id']} ({story.get('reports', '?')} reports{', ' + span if span else ''}); "
            f"the whole briefing: `communique brief --story {story['id']} --lang {briefing.language}`_")
