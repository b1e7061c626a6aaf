"""Wire copies compared through each report's hashed shingles, stored once (issue 12)."""

import json

from communique import pipeline
from communique.ingest import wire
from communique.store import SQLiteStore

from .test_wire import OTHER_STORY, PARAS


def _write(tmp_path, name, paragraphs):
    path = tmp_path / name
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    return str(path)


def test_hashed_shingles_decide_as_the_shingles_do():
    texts = ["\n\n".join(PARAS), "\n\n".join(PARAS[:-2] + ["Our own note."]), "\n\n".join(OTHER_STORY)]
    sets = [wire.shingles(t, "en") for t in texts]
    hashed = [wire.hashes(s) for s in sets]
    for a, ha in zip(sets, hashed, strict=True):
        assert len(ha) == len(a)
        for b, hb in zip(sets, hashed, strict=True):
            assert wire.is_copy(a, b) == wire.is_copy(ha, hb)
            assert abs(wire.containment(a, b) - wire.containment(ha, hb)) < 1e-12
            assert wire.same_text(ha, hb) == (len(a & b) >= 0.9 * len(a | b))
    assert wire.from_blob(wire.to_blob(hashed[0])).tolist() == hashed[0].tolist()


def test_each_report_keeps_its_hashed_shingles(tmp_path):
    with SQLiteStore(tmp_path / "w.db") as store:
        pipeline.ingest(store, [_write(tmp_path, "a.txt", ["Kremlin weighs plan", *PARAS])], extract=False)
        (report,) = list(store.reports())
        blob = store.report_shingles(report.id)
        assert blob is not None
        expected = wire.hashes(wire.shingles(report.text, report.language))
        assert wire.from_blob(blob).tolist() == expected.tolist()


def test_a_report_stored_without_them_is_still_compared(tmp_path):
    with SQLiteStore(tmp_path / "w.db") as store:
        pipeline.ingest(store, [_write(tmp_path, "a.txt", ["Kremlin weighs plan", *PARAS])], extract=False)
        store.db.execute("DELETE FROM report_shingles")  # as a store written before they were kept
        pipeline.ingest(store, [_write(tmp_path, "b.txt", ["Moscow and the plan", *PARAS[:-1]]),
                                _write(tmp_path, "c.txt", ["Florida talks", *OTHER_STORY])], extract=False)
        groups = {r.source.rsplit("/", 1)[-1]: r.wire_group for r in store.reports()}
    assert groups["a.txt"] is not None and groups["a.txt"] == groups["b.txt"]
    assert groups["c.txt"] is None


def test_a_copy_joins_every_group_it_copies(tmp_path):
    """Two groups that one report copies both become one (one member of each suffices)."""
    half, other_half = PARAS[:4], PARAS[2:]  # each half two-thirds of the whole, a third of each other
    extra = ["An unrelated closing paragraph about the weather in the capital this week, which "
             "was mild and dry for the season according to the forecasters."]
    files = [_write(tmp_path, "a1.txt", ["A1", *half]),
             _write(tmp_path, "a2.txt", ["A2", *half, *extra]),
             _write(tmp_path, "b1.txt", ["B1", *other_half]),
             _write(tmp_path, "b2.txt", ["B2", *other_half, *extra])]
    with SQLiteStore(tmp_path / "w.db") as store:
        pipeline.ingest(store, files, extract=False)
        before = {r.source.rsplit("/", 1)[-1]: r.wire_group for r in store.reports()}
        assert before["a1.txt"] == before["a2.txt"] and before["b1.txt"] == before["b2.txt"]
        assert before["a1.txt"] != before["b1.txt"]
        pipeline.ingest(store, [_write(tmp_path, "all.txt", ["All", *PARAS])], extract=False)
        after = {r.source.rsplit("/", 1)[-1]: r.wire_group for r in store.reports()}
    assert len(set(after.values())) == 1


def test_the_same_article_from_another_address_is_recognised(tmp_path):
    text = "\n\n".join(["Kremlin weighs plan", *PARAS])
    lines = [
        '{"url": "https://news.example/a", "outlet": "News", "language": "en", "text": %s}',
        '{"url": "https://news.example/amp/a", "outlet": "News", "language": "en", "text": %s}',
        '{"url": "https://other.example/a", "outlet": "Other", "language": "en", "text": %s}',
    ]
    path = tmp_path / "r.jsonl"
    path.write_text("".join(line % json.dumps(text) + "\n" for line in lines), encoding="utf-8")
    with SQLiteStore(tmp_path / "w.db") as store:
        summary = pipeline.ingest(store, [str(path)], extract=False)
    assert len(summary.added) == 2  # the copy on another outlet stays a report of its own
    assert len(summary.already) == 1


def test_near_identical_texts_share_the_bands_the_same_article_check_asks_for():
    """The same-article check reads only candidates sharing ``SAME_TEXT_BANDS`` LSH bands: texts
    near-identical by word shingles (Jaccard >= 0.9; here 0.91 to 0.97) share far more."""
    import random

    words = " ".join(["Kremlin weighs plan", *PARAS] * 3).split()
    original = wire.shingles(" ".join(words), "en")
    bands = set(wire.band_hashes(wire.signature(original)))
    rng = random.Random(7)
    least, tried = len(bands), 0
    for edits in (1, 2, 3):
        for _ in range(20):
            edited = list(words)
            for at in rng.sample(range(len(edited)), edits):
                edited[at] = rng.choice(["also", "then", "still", "new", "said"])
            copy = wire.shingles(" ".join(edited), "en")
            if len(original & copy) < 0.9 * len(original | copy):
                continue
            tried += 1
            least = min(least, len(bands & set(wire.band_hashes(wire.signature(copy)))))
    assert tried >= 50
    assert least >= pipeline.SAME_TEXT_BANDS, least
