"""Quality gate for merging: gold statement groups, event identities and conflicts.

Inputs are the gold annotations turned into extracted items (``tests/merge/gold.py``),
so this measures the merge alone, not extraction.  Floors only go up.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping

import pytest

from communique.merge import merge
from communique.model import Evidence

from . import gold

pytestmark = pytest.mark.skipif(not gold.available(), reason="no gold annotations in examples/")

# Pinned floors: raise them when the merge gets better, never lower them.
FLOORS = {
    "statements_f1": 0.85,  # the floor (reached: 0.855)
    "events_f1": 0.92,  # reached: 0.927
    "conflicts_recall": 0.8,  # the floor (reached: 4/4)
}


def pairwise(predicted: Mapping[str, str], truth: Mapping[str, str]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of a clustering against gold cluster labels."""
    ids = sorted(i for i in truth if i in predicted)
    tp = fp = fn = 0
    for a, b in itertools.combinations(ids, 2):
        same_p, same_t = predicted[a] == predicted[b], truth[a] == truth[b]
        tp += same_p and same_t
        fp += same_p and not same_t
        fn += same_t and not same_p
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _overlaps(a: Evidence, b: Evidence) -> bool:
    return a.report_id == b.report_id and a.start < b.end and b.start < a.end


def conflict_recall(
    found: list, annotated: dict[str, list[tuple[str, Evidence]]]
) -> tuple[int, int, list[str]]:
    """An annotated conflict (with at least two distinct values in the gold) is recalled when
    one recorded conflict has variants covering two of its different values."""
    wanted = {cid: vs for cid, vs in annotated.items() if len({_norm(v) for v, _e in vs}) >= 2}
    hit = []
    for cid, variants in sorted(wanted.items()):
        for conflict in found:
            values = set()
            for value, ev in variants:
                if any(_overlaps(ev, e) for v in conflict.variants for e in v.evidence):
                    values.add(_norm(value))
            if len(values) >= 2:
                hit.append(cid)
                break
    return len(hit), len(wanted), sorted(set(wanted) - set(hit))


def _norm(value: str) -> str:
    import unicodedata

    flat = unicodedata.normalize("NFKC", value).casefold()
    digits = "".join(ch for ch in flat if ch.isdigit())
    words = {"three": "3", "five": "5", "nineteen": "19", "twenty": "20"}
    for word, digit in words.items():
        if word in flat:
            digits = digits or digit
    return digits or flat


@pytest.fixture(scope="module")
def merged_gold():
    data = gold.load()
    assert not data.missing, f"gold strings not found in the reports: {data.missing[:5]}"
    return data, merge(data.reports, data.extractions)


def test_merge_quality_gate(merged_gold):
    data, record = merged_gold
    sp, sr, sf = pairwise(record.statement_of, data.statement_of)
    ep, er, ef = pairwise(record.event_of, data.event_of)
    hits, total, missed = conflict_recall(list(record.conflicts), data.conflicts)
    recall = hits / total if total else 1.0
    print(f"\nmerge gate over {len(data.reports)} gold reports ({', '.join(gold.available())}):")
    print(f"  statement grouping  P={sp:.3f} R={sr:.3f} F1={sf:.3f}  ({len(data.statement_of)} quotes)")
    print(f"  event merging       P={ep:.3f} R={er:.3f} F1={ef:.3f}  ({len(data.event_of)} events)")
    print(
        f"  conflicts recall    {hits}/{total} = {recall:.3f}"
        + (f"  missed: {', '.join(missed)}" if missed else "")
    )
    for c in record.conflicts:
        print(f"    {c.topic}: " + " vs ".join(f"{v.value!r} ({v.sources} source(s))" for v in c.variants))
    assert sf >= FLOORS["statements_f1"]
    assert ef >= FLOORS["events_f1"]
    assert recall >= FLOORS["conflicts_recall"]


def test_every_wording_keeps_its_evidence(merged_gold):
    data, record = merged_gold
    texts = {r.id: r.text for r in data.reports}
    for statement in record.statements:
        for wording in statement.wordings:
            for ev in wording.evidence:
                assert texts[ev.report_id][ev.start : ev.end] == wording.text


def test_conflicts_keep_every_variant_with_sources(merged_gold):
    _data, record = merged_gold
    for conflict in record.conflicts:
        assert len(conflict.variants) >= 2
        assert all(v.evidence and v.sources >= 1 for v in conflict.variants)
        assert [v.sources for v in conflict.variants] == sorted(
            (v.sources for v in conflict.variants), reverse=True
        )
