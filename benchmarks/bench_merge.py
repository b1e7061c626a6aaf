"""What adding one report to the merged record costs, at 1,000 and at 10,000 stored reports.

    .venv/bin/python benchmarks/bench_merge.py [--sizes 1000 10000] [--db PATH]

The store is filled with synthetic reports (speakers, dates, quotes and meetings drawn at
random over two years); their wordings get random unit vectors under the encoder's name, so
filling does not spend minutes in the model.  The measured reports are merged for real:
their quotes run through the sentence encoder, candidates come from the indexed look-ups
and the embeddings cache.  Prints milliseconds per report (cold: wordings never seen;
warm: wordings already in the cache) and memory.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from communique.merge import merge_report
from communique.merge.similarity import DIM, CachedEncoder, default_encoder
from communique.model import Event, Evidence, Extraction, Precision, Quote, Report
from communique.store import SQLiteStore

SPEAKERS = [
    "donald-trump",
    "vladimir-putin",
    "volodymyr-zelensky",
    "dmitry-peskov",
    "yuri-ushakov",
    "steve-witkoff",
    "jared-kushner",
    "rustem-umerov",
    "marco-rubio",
    "keir-starmer",
    "emmanuel-macron",
    "friedrich-merz",
    "sergei-lavrov",
    "kaja-kallas",
] + [f"person:speaker-{i}" for i in range(300)]
PLACES = ["Moscow", "Geneva", "Miami", "Berlin", "London", "Abu Dhabi", "Paris", "Kyiv", "Istanbul"]
WORDS = (
    "peace plan talks territory guarantees ceasefire sanctions envoy meeting proposal security army "
    "border agreement compromise progress dignity partners Europe NATO useful constructive difficult "
    "winter points framework deal tango reasonably good expert level leaders"
).split()


class RandomEncoder:
    """Random unit vectors, named like the real model so the cache serves them."""

    def __init__(self, name: str, seed: int = 1) -> None:
        self.name = name
        self.rng = np.random.default_rng(seed)

    def encode(self, texts):  # type: ignore[no-untyped-def]
        v = self.rng.standard_normal((len(texts), DIM)).astype(np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)


def synthetic(n: int, rng: random.Random, start: date) -> tuple[Report, Extraction]:
    day = start + timedelta(days=rng.randrange(730))
    sentences, quotes, events = [], [], []
    text = f"Report {n} on the talks\n\n"
    for k in range(rng.randint(2, 5)):
        speaker = rng.choice(SPEAKERS)
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 12)))
        sentence = f"{speaker} said \u201c{words}\u201d on {day.isoformat()}. "
        begin = len(text) + sentence.index(words)
        text += sentence
        sentences.append(sentence)
        quotes.append(
            Quote(
                id=f"q-{n}-{k}",
                speaker_id=speaker,
                speaker_text=speaker,
                text=words,
                language="en",
                direct=True,
                verb="said",
                said_on=(day - timedelta(days=1)).isoformat(),
                said_on_precision=Precision.DAY,
                hedge=None,
                evidence=(Evidence(report_id=f"r-{n:08d}", start=begin, end=begin + len(words)),),
                extractor="bench",
            )
        )
    place = rng.choice(PLACES)
    sentence = f"Envoys met in {place} for talks lasting about {rng.randint(2, 6)} hours."
    begin = len(text) + sentence.index("met")
    text += sentence
    events.append(
        Event(
            id=f"e-{n}",
            kind="meeting",
            date=(day - timedelta(days=1)).isoformat(),
            date_precision=Precision.DAY,
            place=place,
            participant_ids=tuple(sorted(rng.sample(SPEAKERS[:14], 3))),
            summary="met",
            evidence=(Evidence(report_id=f"r-{n:08d}", start=begin, end=begin + 3),),
            extractor="bench",
        )
    )
    report = Report(
        id=f"r-{n:08d}",
        source=f"bench#{n}",
        url=None,
        outlet=f"Outlet {n % 40}",
        title=f"Report {n}",
        published_at=day.isoformat(),
        published_precision=Precision.DAY,
        language="en",
        text=text,
        raw=b"",
        content_type="text",
        encoding="utf-8",
        wire_group=None,
    )
    return report, Extraction(report_id=report.id, quotes=tuple(quotes), events=tuple(events))


def add(store: SQLiteStore, report: Report, extraction: Extraction) -> None:
    store.add_report(report, [], "0" * 64)
    store.save_extraction(extraction, ["bench"])


def fill(store: SQLiteStore, upto: int, rng: random.Random, start: date, fake: CachedEncoder) -> None:
    have = store.report_count()
    began = time.monotonic()
    for n in range(have, upto):
        report, extraction = synthetic(n, rng, start)
        add(store, report, extraction)
        merge_report(store, report.id, encoder=fake)
    print(f"  filled {have} -> {upto} reports in {time.monotonic() - began:.0f}s")


def measure(store: SQLiteStore, rng: random.Random, start: date, tries: int, base: int) -> None:
    real = default_encoder()
    real.vectors(["warm up the model"])
    cold, warm, peaks = [], [], []
    for t in range(tries):
        report, extraction = synthetic(base + t, rng, start)
        add(store, report, extraction)
        tracemalloc.start()
        began = time.perf_counter()
        merge_report(store, report.id, encoder=CachedEncoder(real.inner))  # wordings never seen: encoded
        cold.append(time.perf_counter() - began)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        began = time.perf_counter()
        merge_report(store, report.id, encoder=CachedEncoder(real.inner))  # again: vectors from the cache
        warm.append(time.perf_counter() - began)
    n = store.report_count() - tries
    print(
        f"  at {n:>6} stored reports: add one report {1000 * statistics.median(cold):6.1f} ms "
        f"(encoder included), {1000 * statistics.median(warm):6.1f} ms re-merge with cached vectors; "
        f"peak Python memory during the merge {max(peaks) / 1e6:.1f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--tries", type=int, default=7)
    parser.add_argument("--db", help="database file (default: a temporary one)")
    args = parser.parse_args()
    rng = random.Random(7)
    start = date(2024, 1, 1)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.db or Path(tmp) / "bench.db")
        with SQLiteStore(path) as store:
            fake = CachedEncoder(RandomEncoder(default_encoder().inner.name))
            fake._save = lambda vectors: store.db.executemany(  # noqa: SLF001 - fill the cache table too
                "INSERT OR REPLACE INTO embeddings (key, model, vector) VALUES (?,?,?)",
                [(k, fake.name, v.tobytes()) for k, v in vectors.items()],
            )
            base = 10_000_000
            for size in sorted(args.sizes):
                fill(store, size, rng, start, fake)
                measure(store, rng, start, args.tries, base)
                base += args.tries
                fake.memory.clear()
            size_mb = path.stat().st_size / 1e6
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  process peak RSS {rss:.0f} MB (sentence encoder loaded); database {size_mb:.0f} MB")


if __name__ == "__main__":
    main()
