"""Looking for a new report's wire copies reads a band thousands of reports share (boilerplate, a
story copied a thousand times) only in part, and still finds the copy through its other bands,
first; on both backends."""

from __future__ import annotations

from pathlib import Path

from communique import pipeline
from communique.model import Precision, Report
from communique.store.sqlite import BAND_REPORTS


def _report(n: int) -> Report:
    text = f"Report number {n}\n\nA body of its own, number {n}."
    return Report(id=f"r-{n:04d}", source=f"s{n}", url=None, outlet=f"Outlet {n}", title=f"Report number {n}",
                  published_at="2031-05-20", published_precision=Precision.DAY, language="en", text=text,
                  raw=text.encode(), content_type="text", encoding="utf-8")


def test_a_copy_is_found_past_a_band_everyone_shares(db: Path) -> None:
    footer = (0, 7)  # a band every report shares
    copy_bands = [(b, 1000 + b) for b in range(1, 20)]
    with pipeline.open_store(str(db)) as store:
        with store.transaction():
            for n in range(BAND_REPORTS + 50):
                store.add_report(_report(n), [footer, (1, n), (2, n)], f"{n:064x}")
            original = _report(9999)
            store.add_report(original, [footer, *copy_bands], "f" * 64)
        found = store.wire_candidate_reports([footer, *copy_bands], 10)
        # found first through its own bands (the shared one was read only for its first reports)
        assert found[0][0] == original.id and found[0][4] == len(copy_bands)
        shared_footer = store.wire_candidate_reports([footer], 1000)
        assert len(shared_footer) == BAND_REPORTS  # the shared band is read in part
        assert [r[0] for r in shared_footer] == sorted(r[0] for r in shared_footer)


def test_candidates_are_read_again_once_the_store_changed(db: Path) -> None:
    """Ingest asks twice for one report's candidates: the second answer may be the first only while
    the database is unchanged (a report stored meanwhile, here or by another process, is found)."""
    band = (3, 33)
    with pipeline.open_store(str(db)) as store:
        with store.transaction():
            store.add_report(_report(1), [band], "1" * 64)
        first = store.wire_candidate_reports([band], 10)
        assert [r[0] for r in first] == ["r-0001"]
        assert store.wire_candidate_reports([band], 10) == first
        with store.transaction():
            store.add_report(_report(2), [band], "2" * 64)
        assert [r[0] for r in store.wire_candidate_reports([band], 10)] == ["r-0001", "r-0002"]
        with pipeline.open_store(str(db)) as other, other.transaction():
            other.add_report(_report(3), [band], "3" * 64)
        assert [r[0] for r in store.wire_candidate_reports([band], 10)] == ["r-0001", "r-0002", "r-0003"]


def test_a_joined_group_is_named_by_its_least_report(db: Path) -> None:
    """Groups joined by a copy take the name of the least report id among all their members."""
    with pipeline.open_store(str(db)) as store, store.transaction():
        for n in (5, 3, 8, 1, 9):
            store.add_report(_report(n), [(n, n)], f"{n:064x}")
        store.add_report(_report(6), [(6, 6)], f"{6:064x}", group_with=["r-0005", "r-0008"])
        store.add_report(_report(7), [(7, 7)], f"{7:064x}", group_with=["r-0009", "r-0003"])
        groups = {r.id: r.wire_group for r in store.reports()}
        assert groups["r-0006"] == groups["r-0008"] == "w-" + "r-0005"[2:12]
        assert groups["r-0007"] == groups["r-0009"] == "w-" + "r-0003"[2:12]
        store.add_report(_report(2), [(2, 2)], f"{2:064x}", group_with=["r-0006", "r-0007"])
        groups = {r.id: r.wire_group for r in store.reports()}
        joined = ("r-0002", "r-0003", "r-0005", "r-0006", "r-0007", "r-0008", "r-0009")
        assert {groups[i] for i in joined} == {"w-" + "r-0002"[2:12]}
        assert groups["r-0001"] is None


def test_candidates_read_in_a_transaction_undone_are_not_kept(db: Path) -> None:
    """A report stored in a transaction that is then undone is not among the candidates after it."""
    band = (4, 44)
    with pipeline.open_store(str(db)) as store:
        try:
            with store.transaction():
                store.add_report(_report(1), [band], "1" * 64)
                assert [r[0] for r in store.wire_candidate_reports([band], 10)] == ["r-0001"]
                raise RuntimeError("undo")
        except RuntimeError:
            pass
        assert store.wire_candidate_reports([band], 10) == []
