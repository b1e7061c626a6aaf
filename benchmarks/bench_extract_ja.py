"""Benchmark: Japanese extraction in reports per second per core.

    .venv/bin/python benchmarks/bench_extract_ja.py [--reports 500] [--ginza-sample 25] [--real]

Builds N reports of about 2,000 characters by recombining the sentences of the Japanese
sample corpus (examples/ukraine-talks-2025/ja, deterministic shuffle), then times, on one
core: our extractor (Sudachi + rules, GiNZA only on the sentences that need it); Sudachi
tokenization alone; and the bare GiNZA parse of every sentence of the same texts.  GiNZA
is timed on a sample of the reports and extrapolated (said in the output).  With ``--real`` the
reports are the Japanese texts of the development set (devset/*/texts, gitignored), as ingest
reads them.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from pathlib import Path

from communique.extract import ja
from communique.extract.gazetteer import load
from communique.extract.ja import parse
from communique.extract.ja.document import tokenize
from communique.extract.ja.sentences import split
from communique.ingest import SourceOptions, build_report, expand
from communique.model import Document, Precision, Report

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "ukraine-talks-2025" / "ja"
DEVSET = Path(__file__).resolve().parents[1] / "devset"


def _sentences() -> list[str]:
    out: list[str] = []
    for item in expand(str(CORPUS), SourceOptions()):
        if isinstance(item, Document):
            report, _ = build_report(item)
            sentences, _ = split(report.text)
            out.extend(s.text for s in sentences[1:] if s.text.endswith("。"))
    if not out:
        raise SystemExit(f"no Japanese sentences found under {CORPUS}")
    return out


def make_reports(count: int, size: int = 2000, seed: int = 7) -> list[Report]:
    pool = _sentences()
    rng = random.Random(seed)
    reports = []
    for i in range(count):
        paragraphs, paragraph, length = [], [], 0
        while length < size:
            sentence = rng.choice(pool)
            paragraph.append(sentence)
            length += len(sentence)
            if len(paragraph) >= rng.randint(2, 4):
                paragraphs.append("".join(paragraph))
                paragraph = []
        if paragraph:
            paragraphs.append("".join(paragraph))
        text = f"合成記事 {i}\n\n" + "\n\n".join(paragraphs)
        reports.append(Report(
            id=f"r-bench{i:05d}", source="bench", url=None, outlet=None, title=f"合成記事 {i}",
            published_at="2025-12-04T10:00:00+09:00", published_precision=Precision.DATETIME,
            language="ja", text=text, raw=b"", content_type="text", encoding="utf-8"))
    return reports


def real_reports(count: int, size: int = 2000) -> list[Report]:
    """Reports of about ``size`` characters made of the development set's Japanese texts (gitignored),
    cleaned as ingest cleans them and joined one after another until long enough."""
    texts = []
    for path in sorted(DEVSET.glob("*/texts/*-ja-*.txt")):
        doc = Document(source=str(path), raw=path.read_bytes(), content_type="text", language="ja",
                       published_at="2025-10-01")
        texts.append(build_report(doc)[0].text)
    if not texts:
        raise SystemExit(f"no Japanese texts under {DEVSET}/*/texts/ (gitignored; see devset/README.md)")
    reports, k = [], 0
    for i in range(count):
        parts: list[str] = []
        while sum(len(p) for p in parts) < size:
            parts.append(texts[k % len(texts)])
            k += 1
        text = "\n\n".join(parts)
        reports.append(Report(
            id=f"r-real{i:05d}", source="bench", url=None, outlet=None, title=None,
            published_at="2025-10-01T10:00:00+09:00", published_precision=Precision.DATETIME,
            language="ja", text=text, raw=b"", content_type="text", encoding="utf-8"))
    return reports


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=500)
    parser.add_argument("--ginza-sample", type=int, default=25,
                        help="reports parsed by bare GiNZA (extrapolated)")
    parser.add_argument("--real", action="store_true",
                        help="time the real Japanese reports of devset/ instead of recombined sample text")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    reports = real_reports(args.reports) if args.real else make_reports(args.reports)
    chars = sum(len(r.text) for r in reports)
    gazetteer = load()
    # warm up: dictionaries, gazetteer index, the parser model
    ja.extract(reports[0], gazetteer)
    parse._nlp()
    parse.PARSED["sentences"] = 0

    start = time.perf_counter()
    quotes = 0
    for report in reports:
        quotes += len(ja.extract(report, gazetteer).quotes)
    ours = time.perf_counter() - start
    parsed = parse.PARSED["sentences"]

    start = time.perf_counter()
    tokens = sum(len(tokenize(r.text)) for r in reports)
    sudachi = time.perf_counter() - start

    nlp = parse._nlp()
    sample = reports[:max(1, min(args.ginza_sample, len(reports)))]
    all_sentences = sum(len(split(r.text)[0]) for r in reports)
    start = time.perf_counter()
    for report in sample:
        for _doc in nlp.pipe([s.text for s in split(report.text)[0]]):
            pass
    ginza = (time.perf_counter() - start) / len(sample) * len(reports)

    n = len(reports)
    print(f"{n} reports, {chars / n:.0f} chars each on average, {tokens} Sudachi tokens, "
          f"{all_sentences} sentences; one core")
    print(f"communique.extract.ja : {n / ours:8.1f} reports/s  ({quotes} quotes; "
          f"{parsed} of {all_sentences} sentences sent to GiNZA)")
    print(f"Sudachi tokenize only: {n / sudachi:8.1f} reports/s  ({tokens / sudachi:,.0f} tokens/s)")
    print(f"bare GiNZA parse     : {n / ginza:8.1f} reports/s  "
          f"(timed on {len(sample)} reports, extrapolated)")
    print(f"speed-up over bare GiNZA: {ginza / ours:.1f}x")


if __name__ == "__main__":
    main()
