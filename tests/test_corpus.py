"""The bundled sample corpus ingests as its hand-made gold says: titles, dates, wire groups."""

import json
from datetime import datetime

import pytest

from communique import pipeline
from communique.store import SQLiteStore

from .conftest import CORPUS

GOLD = sorted((CORPUS / "gold").glob("*.json")) if (CORPUS / "gold").exists() else []


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    db = tmp_path_factory.mktemp("corpus") / "corpus.db"
    folders = [str(CORPUS / lang) for lang in ("en", "ja") if (CORPUS / lang).exists()]
    with SQLiteStore(db) as store:
        summary = pipeline.ingest(store, folders, extract=False)
        reports = {r.title: r for r in store.reports()}
        skipped = {row["source"]: row["reason"] for row in store.skipped()}
    return summary, reports, skipped


def _gold(path):
    return json.loads(path.read_text(encoding="utf-8"))


def _same_time(stored: str | None, gold: str | None) -> bool:
    if gold is None:
        return stored is None
    if stored is None:
        return False
    if len(gold) == 10 or len(stored) == 10:
        return stored[:10] == gold[:10]
    return datetime.fromisoformat(stored) == datetime.fromisoformat(gold)


@pytest.mark.parametrize("gold_path", GOLD, ids=[p.stem for p in GOLD])
def test_every_gold_report_is_stored_with_its_title_date_and_language(corpus_store, gold_path):
    _summary, reports, _skipped = corpus_store
    gold = _gold(gold_path)
    for item in gold["reports"]:
        assert item["title"] in reports, f"{item['file']}: title not found"
        report = reports[item["title"]]
        assert report.language == item["language"], item["file"]
        assert _same_time(report.published_at, item["published_at"]), (
            item["file"], report.published_at, item["published_at"])


def test_wire_groups_match_the_gold(corpus_store):
    _summary, reports, _skipped = corpus_store
    labels = {}
    for gold_path in GOLD:
        for item in _gold(gold_path)["reports"]:
            labels[item["title"]] = item["wire_group"]
    assert labels, "no gold"
    titles = sorted(labels)
    for i, a in enumerate(titles):
        for b in titles[i + 1:]:
            gold_same = labels[a] is not None and labels[a] == labels[b]
            stored_same = reports[a].wire_group is not None and reports[a].wire_group == reports[b].wire_group
            assert gold_same == stored_same, (a, b, labels[a], labels[b])


def test_the_broken_jsonl_line_is_listed(corpus_store):
    _summary, _reports, skipped = corpus_store
    for gold_path in GOLD:
        gold = _gold(gold_path)
        if "_broken_line" in gold:
            jsonl = next(i["file"] for i in gold["reports"] if i["file"].endswith(".jsonl"))
            source = f"{CORPUS / jsonl}:{gold['_broken_line']}"
            assert "invalid JSON" in skipped[source]


def test_nothing_else_is_skipped(corpus_store):
    summary, _reports, skipped = corpus_store
    assert all("invalid JSON" in reason for reason in skipped.values()), skipped
    assert len(summary.added) == sum(len(_gold(p)["reports"]) for p in GOLD)
