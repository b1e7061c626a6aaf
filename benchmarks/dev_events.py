"""PLOVER event types on the team's annotated development sentences (devset/plover).

    .venv/bin/python benchmarks/dev_events.py [--split train|held-out|all] [--errors]

Prints per-type precision / recall / F1 and the macro-F1 over the seven core types
(AGREE, REJECT, DEMAND, DISAPPROVE, CONSULT, CONCEDE, SUPPORT), with ACCUSE, PROPOSE and
THREATEN as extra lines, for English, Japanese and both, on the train half (the sentences
the rules were tuned on) and on the held-out half.  A sentence is one decision: the type
``classify_clause`` gives (a negated hit counts as "no event") against the gold type.

The labels (``devset/plover/gold.jsonl``) are in git; the sentence texts
(``devset/plover/texts/sentences.jsonl``) are third-party text and are not: when they are
absent this says so and which file to rebuild (devset/plover/README.md).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from communique.extract.plover import CORE_TYPES, EXTRA_TYPES, classify_clause

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "devset" / "plover" / "gold.jsonl"
TEXTS = ROOT / "devset" / "plover" / "texts" / "sentences.jsonl"


@dataclass(frozen=True, slots=True, kw_only=True)
class Case:
    id: str
    lang: str
    url: str
    text: str
    gold: str | None
    gold_source: str | None
    gold_target: str | None
    split: str


def split_of(url: str, fixed: str | None = None) -> str:
    """Train or held-out, fixed by the source page so one page never sits in both halves;
    or "fresh" for the sentences gathered after tuning ended (``_set`` in the gold)."""
    if fixed:
        return fixed
    return "train" if hashlib.sha256(url.encode()).digest()[0] % 2 == 0 else "held-out"


def load_cases() -> tuple[list[Case], list[str]]:
    """The annotated sentences whose text is present, and a list of what is missing."""
    missing: list[str] = []
    if not GOLD.exists():
        return [], [f"{GOLD.relative_to(ROOT)} (the gold labels)"]
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts: dict[str, str] = {}
    if TEXTS.exists():
        for line in TEXTS.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                texts[row["id"]] = row["text"]
    else:
        missing.append(f"{TEXTS.relative_to(ROOT)} (third-party sentence texts, gitignored; "
                       "rebuild them as devset/plover/README.md says)")
    cases = []
    absent = 0
    for row in gold:
        text = texts.get(row["id"])
        if text is None:
            absent += 1
            continue
        cases.append(Case(id=row["id"], lang=row["lang"], url=row["url"], text=text, gold=row["type"],
                          gold_source=row.get("source"), gold_target=row.get("target"),
                          split=split_of(row["url"], row.get("_set"))))
    if absent and TEXTS.exists():
        missing.append(f"{absent} of {len(gold)} labelled sentences have no text in {TEXTS.name}")
    return cases, missing


def predict(case: Case) -> str | None:
    hit = classify_clause(case.text, case.lang)
    if hit is None or hit.negated:
        return None
    return hit.type


def source_agrees(case: Case) -> bool | None:
    """Whether the source found shares a word (en) or two characters (ja) with the gold
    source; None when the gold names no source."""
    hit = classify_clause(case.text, case.lang)
    return _agrees(case.lang, case.gold_source, None if hit is None else hit.source)


def target_agrees(case: Case) -> bool | None:
    """The same for the target (None when the gold names no target)."""
    hit = classify_clause(case.text, case.lang)
    return _agrees(case.lang, case.gold_target, None if hit is None else hit.target)


def _agrees(lang: str, gold: str | None, found: str | None) -> bool | None:
    if gold is None:
        return None
    if found is None:
        return False
    if lang == "ja":
        grams = {gold[i:i + 2] for i in range(len(gold) - 1)}
        return any(g in found for g in grams)
    words = {w.lower() for w in gold.replace("’s", " ").split() if len(w) > 1} - {"the", "of", "and"}
    return bool(words & {w.lower() for w in found.replace("’s", " ").split()})


@dataclass(frozen=True, slots=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def scores(pairs: Iterable[tuple[str | None, str | None]]) -> dict[str, Score]:
    """Per-type counts from (gold, predicted) pairs."""
    listed = list(pairs)
    out = {}
    for kind in CORE_TYPES + EXTRA_TYPES:
        tp = sum(1 for g, p in listed if g == kind and p == kind)
        fp = sum(1 for g, p in listed if p == kind and g != kind)
        fn = sum(1 for g, p in listed if g == kind and p != kind)
        out[kind] = Score(tp, fp, fn)
    return out


def macro_f1(table: dict[str, Score]) -> float:
    """Mean F1 over the core types that occur in gold or prediction."""
    used = [table[k] for k in CORE_TYPES if table[k].tp + table[k].fp + table[k].fn]
    return sum(s.f1 for s in used) / len(used) if used else 0.0


def evaluate(cases: list[Case]) -> dict[str, float]:
    """Macro-F1 per language and over both (what the gate test reads)."""
    preds = {c.id: predict(c) for c in cases}
    out = {}
    for lang in ("en", "ja", "all"):
        chosen = [c for c in cases if lang in ("all", c.lang)]
        out[lang] = macro_f1(scores((c.gold, preds[c.id]) for c in chosen))
    return out


def report(cases: list[Case], title: str, preds: dict[str, str | None]) -> None:
    table = scores((c.gold, preds[c.id]) for c in cases)
    events = sum(1 for c in cases if c.gold)
    print(f"\n{title}: {len(cases)} sentences ({events} with an event, {len(cases) - events} without)")
    print(f"  {'type':<11}{'gold':>5}{'pred':>5}{'P':>7}{'R':>7}{'F1':>7}")
    for kind in CORE_TYPES + EXTRA_TYPES:
        s = table[kind]
        mark = "" if kind in CORE_TYPES else "  (extra)"
        counts = f"{s.tp + s.fn:>5}{s.tp + s.fp:>5}"
        print(f"  {kind:<11}{counts}{s.precision:>7.2f}{s.recall:>7.2f}{s.f1:>7.2f}{mark}")
    wrong = sum(1 for c in cases if preds[c.id] is not None and preds[c.id] != c.gold)
    said = sum(1 for c in cases if preds[c.id] is not None)
    print(f"  macro-F1 over the 7 core types: {macro_f1(table):.2f};"
          f" facts stated {said}, wrong {wrong} ({wrong / said if said else 0:.0%})")
    right = [c for c in cases if c.gold is not None and preds[c.id] == c.gold]
    judged = [a for a in (source_agrees(c) for c in right) if a is not None]
    if judged:
        print(f"  source agrees with the gold in {sum(judged)} of {len(judged)} rightly typed sentences"
              f" naming one ({sum(judged) / len(judged):.0%})")
    judged = [a for a in (target_agrees(c) for c in right) if a is not None]
    if judged:
        print(f"  target agrees with the gold in {sum(judged)} of {len(judged)} rightly typed sentences"
              f" naming one ({sum(judged) / len(judged):.0%})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("train", "held-out", "fresh", "fresh-2", "all"), default=None,
                        help="only this half (default: train, held-out and all)")
    parser.add_argument("--errors", action="store_true", help="list every sentence typed wrongly")
    args = parser.parse_args(argv)
    cases, missing = load_cases()
    for item in missing:
        print(f"missing: {item}", file=sys.stderr)
    if not cases:
        print("no annotated sentence has its text here: nothing to measure", file=sys.stderr)
        return 0
    preds = {c.id: predict(c) for c in cases}
    present = [s for s in ("train", "held-out", "fresh", "fresh-2") if any(c.split == s for c in cases)]
    splits = (args.split,) if args.split else (*present, "all")
    for split in splits:
        chosen = [c for c in cases if split in ("all", c.split)]
        for lang in ("en", "ja", "all"):
            part = [c for c in chosen if lang in ("all", c.lang)]
            if not part:
                continue
            label = {"en": "English", "ja": "Japanese", "all": "English + Japanese"}[lang]
            report(part, f"{label}, {split}" + (" (tuned on)" if split == "train" else ""), preds)
    if args.errors:
        print("\nerrors (gold -> predicted):")
        for c in cases:
            if args.split and c.split != args.split:
                continue
            if preds[c.id] != c.gold:
                print(f"  [{c.split}] {c.id} {c.gold} -> {preds[c.id]}: {c.text[:150]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
