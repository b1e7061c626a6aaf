"""The merged record in SQLite: incremental merging gives the in-memory grouping, and
merging a report again changes nothing."""

from __future__ import annotations

import pytest

from communique import pipeline
from communique.merge import merge, merge_all, merge_pending, merge_report
from communique.merge import proposals as proposal_rules
from communique.store import SQLiteStore
from communique.store import merged as stored

from . import gold

pytestmark = pytest.mark.skipif(not gold.available(), reason="no gold annotations in examples/")


def _partition(assignment: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for item, group in assignment.items():
        groups.setdefault(group, set()).add(item)
    return {frozenset(g) for g in groups.values()}


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    data = gold.load(["ja"])
    path = tmp_path_factory.mktemp("merge") / "merge.db"
    with SQLiteStore(path) as store:
        for report in data.reports:
            pipeline.add_report(store, report)
        for extraction in data.extractions:
            store.save_extraction(extraction, ["gold"])
        summary = merge_pending(store)
        assert summary.merged == len(data.reports)
    return data, path


def test_incremental_store_merge_equals_memory_merge(filled):
    data, path = filled
    record = merge(data.reports, data.extractions)
    with SQLiteStore(path) as store:
        quotes = {row["id"]: row["statement_id"] for row in store.rows("quotes")}
        assert all(quotes.values()), "every quote gets a statement_id"
        assert _partition(quotes) == _partition(record.statement_of)
        events = {m: e["id"] for e in stored.merged_events(store) for m in e["member_ids"]}
        assert _partition(events) == _partition(record.event_of)
        conflicts = stored.conflicts(store)
        assert {c["topic"] for c in conflicts} == {c.topic for c in record.conflicts}
        for c in conflicts:
            assert len(c["variants"]) >= 2 and all(
                {"value", "evidence", "sources"} <= set(v) for v in c["variants"]
            )
        assert stored.story_rows(store)


def test_merging_again_changes_nothing(filled):
    data, path = filled
    with SQLiteStore(path) as store:
        before = (
            {r["id"]: r["statement_id"] for r in store.rows("quotes")},
            stored.conflicts(store),
            stored.merged_events(store),
        )
        merge_report(store, data.reports[0].id)
        after = (
            {r["id"]: r["statement_id"] for r in store.rows("quotes")},
            stored.conflicts(store),
            stored.merged_events(store),
        )
        assert _partition(before[0]) == _partition(after[0])
        assert [c["topic"] for c in before[1]] == [c["topic"] for c in after[1]]
        assert len(before[2]) == len(after[2])


def test_merge_all_rebuilds_the_same_record(filled):
    _data, path = filled
    with SQLiteStore(path) as store:
        before = {r["id"]: r["statement_id"] for r in store.rows("quotes")}
        encoded = merge_all(store).encoded
        after = {r["id"]: r["statement_id"] for r in store.rows("quotes")}
        assert before == after
        assert encoded == 0, "wordings come from the embeddings cache"


def test_a_tracks_evidence_and_sources_are_its_members(filled):
    """A track's evidence and independent sources, read for the track in one query each, are those
    of its members looked up one by one; the stored tracks are the in-memory merge's."""
    data, path = filled
    record = merge(data.reports, data.extractions)
    with SQLiteStore(path) as store:
        state = stored.StoreState(store)
        tracks = [r[0] for r in store.db.execute("SELECT DISTINCT track_id FROM position_members")]
        assert tracks, "the gold reports hold positions"
        histories = {}
        for tid in tracks:
            members = state.track_members(tid)
            one_by_one = state.evidence("position", [m.position_id for m in members])
            assert state.track_evidence(tid) == {k: v for k, v in one_by_one.items() if v}
            assert stored.StoreState(store).track_sources(tid) == state.sources(m.report_id for m in members)
            # the latest member, found through the index, is the last of the history
            assert state.track_latest(tid) == proposal_rules.history(members)[-1]
            histories[tid] = proposal_rules.changes(members, one_by_one)
        kept = {t["id"]: t for t in stored.position_tracks(store)}
    assert {t.id for t in record.positions} == set(kept)
    for t in record.positions:
        assert kept[t.id]["sources"] == t.sources and kept[t.id]["stance"] == t.stance
        assert kept[t.id]["stance"] == histories[t.id][-1].stance
        assert [h["position_id"] for h in kept[t.id]["history"]] == [h.position_id for h in histories[t.id]]
        assert [[e["start"] for e in h["evidence"]] for h in kept[t.id]["history"]] == [
            [e.start for e in h.evidence] for h in histories[t.id]]


def test_a_failing_merge_is_undone_alone_and_the_merges_before_it_kept(tmp_path, monkeypatch):
    """merge_pending merges several reports per transaction: one that fails is undone (its
    savepoint), the reports merged before it stay merged, and the next run merges the rest."""
    import communique.merge as merging

    data = gold.load(["ja"])
    with SQLiteStore(tmp_path / "m.db") as store:
        for report in data.reports:
            pipeline.add_report(store, report)
        for extraction in data.extractions:
            store.save_extraction(extraction, ["gold"])
        order = stored.unmerged_reports(store)
        bad = order[2]
        real = merging.merge_report

        def failing(store, report_id, **kwargs):
            if report_id == bad:
                with store.transaction():  # as merge_report fails: inside its transaction
                    real(store, report_id, **kwargs)
                    raise RuntimeError("merge failed")
            return real(store, report_id, **kwargs)

        monkeypatch.setattr(merging, "merge_report", failing)
        with pytest.raises(RuntimeError):
            merge_pending(store)
        assert stored.unmerged_reports(store) == order[2:]
        monkeypatch.setattr(merging, "merge_report", real)
        assert merge_pending(store).merged == len(order) - 2
        assert not stored.unmerged_reports(store)
