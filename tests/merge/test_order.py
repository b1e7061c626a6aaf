"""The same record in any order (issue 12 §2): the merged record -- story ids, statement ids,
event ids, conflicts, the briefing -- depends only on the set of reports and the extractor
versions, not on how the work was split nor on the order the reports came in.

The sample corpus is ingested (read, cleaned, extracted, merged) once; then the record is
merged again from scratch with ``merge_all`` (``stories --rebuild``), in batches of several
sizes (flushes in between: ids are renamed from content at each flush), and in a few random
orders (a report published before ones already merged takes the record back through the merge
journal and is merged where it belongs); the exports (sorted) and the briefings must be
identical.  Ingesting the files in a random order, in two runs, gives the same record too.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path
from typing import Any

import pytest

from communique import pipeline
from communique.brief.render import markdown
from communique.merge import flush, merge_all, merge_report
from communique.store import SQLiteStore, journal
from communique.store import merged as stored

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "ukraine-talks-2025"
AS_OF = "2025-12-08"

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="the sample corpus is absent")


def _snapshot(store: SQLiteStore) -> dict[str, Any]:
    records = sorted(
        json.dumps(r, sort_keys=True, ensure_ascii=False, default=str) for r in pipeline.export_records(store)
    )
    briefs = {lang: markdown(pipeline.brief(store, lang=lang, as_of=AS_OF)) for lang in ("en", "ja")}
    listing = pipeline.story_rows(store)
    for row in listing:  # the counts kept as merging went are those of the story's reports now
        assert (row["reports"], row["sources"]) == stored.StoreState(store).story_counts(row["id"]), row
    assert store.db.execute("SELECT count(*) FROM story_counts").fetchone()[0] == len(listing)
    # the stories' sizes add up to the reports in stories (the total that weighs story terms)
    assert (store.db.execute("SELECT sum(size) FROM stories").fetchone()[0]
            == store.db.execute("SELECT count(*) FROM report_stories").fetchone()[0])
    return {"export": records, "briefs": briefs, "stories": listing}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The sample corpus ingested, and the record rebuilt from it (``stories --rebuild``)."""
    folder = tmp_path_factory.mktemp("order")
    path = folder / "sample.db"
    with pipeline.open_store(path) as store:
        pipeline.ingest(store, [str(CORPUS / "en"), str(CORPUS / "ja")])
    shutil.copy(path, folder / "rebuilt.db")
    with SQLiteStore(folder / "rebuilt.db") as store:
        merge_all(store)
        return path, _snapshot(store)


def _merged_in(extracted: Path, tmp: Path, order: list[str], batch: int) -> dict[str, Any]:
    path = tmp / "copy.db"
    shutil.copy(extracted, path)
    with SQLiteStore(path) as store:
        with store.transaction():
            stored.clear(store)
        for n, report_id in enumerate(order, 1):
            merge_report(store, report_id)
            if n % batch == 0:
                flush(store)
        return _snapshot(store)


def _check(got: dict[str, Any], reference: dict[str, Any], label: str) -> None:
    only_ref = sorted(set(reference["export"]) - set(got["export"]))
    only_got = sorted(set(got["export"]) - set(reference["export"]))
    assert not only_ref and not only_got, (
        f"{label}: the export differs\nonly in the rebuilt record:\n"
        + "\n".join(r[:300] for r in only_ref[:5])
        + "\nonly here:\n"
        + "\n".join(r[:300] for r in only_got[:5])
    )
    assert got["briefs"] == reference["briefs"], f"{label}: a briefing differs"
    assert got["stories"] == reference["stories"], f"{label}: the listing of stories differs"


def _ids(path: Path) -> list[str]:
    with SQLiteStore(path) as store:
        return [r.id for r in sorted(store.reports(), key=lambda r: (r.published_at or "~", r.id))]


@pytest.mark.parametrize("batch", [1, 5, 100])
def test_the_record_does_not_depend_on_how_the_work_is_split(
    extracted: tuple[Path, dict[str, Any]], tmp_path: Path, batch: int
) -> None:
    path, rebuilt = extracted
    assert any('"type": "conflict"' in r for r in rebuilt["export"])
    _check(_merged_in(path, tmp_path, _ids(path), batch), rebuilt, f"batches of {batch}")


@pytest.mark.parametrize("seed", [1, 2])
def test_the_record_does_not_depend_on_the_order(
    extracted: tuple[Path, dict[str, Any]], tmp_path: Path, seed: int
) -> None:
    path, rebuilt = extracted
    order = _ids(path)
    random.Random(seed).shuffle(order)
    _check(_merged_in(path, tmp_path, order, 7), rebuilt, f"random order {seed}")


def test_ingesting_the_files_in_any_order_gives_the_same_record(
    extracted: tuple[Path, dict[str, Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _path, rebuilt = extracted
    files = sorted(str(f) for lang in ("en", "ja") for f in (CORPUS / lang).iterdir() if f.is_file())
    random.Random(3).shuffle(files)
    rewinds = []
    real = journal.rewind
    monkeypatch.setattr(journal, "rewind", lambda db, seq: rewinds.append(seq) or real(db, seq))
    with pipeline.open_store(tmp_path / "shuffled.db") as store:
        first = pipeline.ingest(store, files[: len(files) // 2])
        second = pipeline.ingest(store, files[len(files) // 2 :])  # it brings older reports too
        _check(_snapshot(store), rebuilt, "files in a random order, two runs")
    # the reports published before ones already merged wait for the end of their run: the record
    # is taken back once per run, not once per report
    assert first.late and second.late and len(rewinds) <= 2
