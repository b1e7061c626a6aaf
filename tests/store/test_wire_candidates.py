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
