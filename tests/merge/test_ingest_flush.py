"""An ingest leaves the merged record up to date: what is read straight from the store after it
(``export --type conflict``) is the whole record, however few reports were added."""

from pathlib import Path

from communique import pipeline
from communique.store import SQLiteStore

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "ukraine-talks-2025"


def test_nothing_is_left_to_recompute_after_an_ingest(tmp_path):
    with SQLiteStore(tmp_path / "s.db") as store:
        summary = pipeline.ingest(store, [str(CORPUS / "en")])
        assert summary.added
        assert store.db.execute("SELECT count(*) FROM merge_dirty").fetchone()[0] == 0
        exported = [r["id"] for r in pipeline.export_records(store, ["conflict"])]
        assert exported  # the sample story has conflicts, written by the ingest itself
        pipeline.merge(store)
        assert [r["id"] for r in pipeline.export_records(store, ["conflict"])] == exported
