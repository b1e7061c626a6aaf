"""End-to-end ingest at scale: reading, cleaning, extraction and merging of real-style reports.

    .venv/bin/python benchmarks/bench_e2e.py                # one big story and many stories, 1k and 10k
    .venv/bin/python benchmarks/bench_e2e.py --sizes 1000 10000 100000
    .venv/bin/python benchmarks/bench_e2e.py --shape big --sizes 1000 --profile
    .venv/bin/python benchmarks/bench_e2e.py --shape many --long      # and one ~1 MB report
    .venv/bin/python benchmarks/bench_e2e.py --shape big --keep DIR --reuse --profile

Reports are generated from the sample corpus (examples/ukraine-talks-2025, English and
Japanese): every report is one of the 32 sample reports with another outlet, a shifted date,
words and phrases swapped for others, paragraphs dropped or moved, and (for "many stories")
other people, places and years, so that each story has its own actors and time.  They are
written as JSONL files and ingested with ``pipeline.ingest`` exactly as ``communique ingest``
does (one transaction per report, extraction, merging), on one core.

For each size N the store is filled to N reports, then ``--measure`` more reports are
ingested and timed: reports/s end to end and milliseconds per report, in CPU seconds of this
process (the machine is shared: wall time is printed beside it).  Peak memory is the
process's peak resident set (sentence encoder included).  ``--profile`` adds a cProfile
summary of the measured batch at the largest size (where the time goes).  ``--reuse`` takes
the store a run with ``--keep`` filled (``DIR/big.db``, ``DIR/many.db``) as it is and only
ingests one measured batch into it (the generator skips the reports the filling run generated;
the warm-up goes to a throwaway store): copy the store first to measure again on the same one.
With ``--reuse`` a size larger than the store holds grows it to that size first (the filling
prints its per-report CPU time on stderr every 1,000 reports).

``--order forward`` (the default) brings the reports in publication order, as a feed does: each
story, and each round of the one big story, later than the last.  ``--order backward`` brings
each new story earlier than every story stored (an archive read newest first): every batch is
then older than the record, which is taken back and merged again after it (the cost of one
record in any order; up to 1,000 reports replayed per batch).

Targets (issue 12): >= 20 reports/s at 10k stored, per-report time at 100k within 1.5x of
1k, peak memory <= 600 MB and flat in N.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import re
import resource
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "ORT_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core, as the targets say

from communique import merge as merging  # noqa: E402
from communique import pipeline  # noqa: E402
from communique.ingest import SourceOptions, build_report, expand  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent / "examples" / "ukraine-talks-2025"

# Words and phrases an outlet may put otherwise (both directions are used).
SWAPS_EN = [
    ("talks", "negotiations"),
    ("reporters", "journalists"),
    ("said", "told reporters"),
    ("meeting", "session"),
    ("peace plan", "peace proposal"),
    ("on Monday", "on Monday evening"),
    ("officials", "aides"),
    ("envoy", "special envoy"),
    ("agreement", "deal"),
    ("progress", "headway"),
    ("security guarantees", "security assurances"),
    ("ceasefire", "truce"),
    ("We", "we"),
    ("very", "really"),
    ("good", "productive"),
]
SWAPS_JA = [
    ("会談", "協議"),
    ("記者団", "報道陣"),
    ("語った", "述べた"),
    ("明らかにした", "発表した"),
    ("和平案", "和平計画"),
    ("特使", "特別代表"),
    ("合意", "妥結"),
    ("進展", "前進"),
]
# People and places a generated story may have instead of the sample's (many stories).
PEOPLE_EN = [
    ("Zelenskiy", ["Marek Holub", "Anton Velyka", "Ilya Brodsky", "Pavel Korin"]),
    ("Zelensky", ["Marek Holub", "Anton Velyka", "Ilya Brodsky", "Pavel Korin"]),
    ("Peskov", ["Dmitri Sorin", "Oleg Tarasov", "Viktor Lomov"]),
    ("Witkoff", ["Harold Benning", "Carl Medford", "Grant Hollis"]),
    ("Kushner", ["Neil Ashby", "Todd Reeves", "Brian Colter"]),
    ("Umerov", ["Taras Hnat", "Bohdan Lys", "Yuri Marchenko"]),
]
PEOPLE_JA = [
    ("ゼレンスキー", ["ホルブ", "ベリカ", "コリン"]),
    ("ペスコフ", ["ソーリン", "タラソフ", "ローモフ"]),
    ("ウィトコフ", ["ベニング", "メドフォード", "ホリス"]),
    ("クシュナー", ["アシュビー", "リーブス", "コルター"]),
]
PLACES_EN = [("Berlin", ["Vienna", "Oslo", "Prague"]), ("Geneva", ["Zurich", "Helsinki", "Doha"]),
             ("Miami", ["Dallas", "Boston", "Denver"]), ("London", ["Dublin", "Madrid", "Rome"])]
PLACES_JA = [("ベルリン", ["ウィーン", "オスロ", "プラハ"]),
             ("ジュネーブ", ["チューリヒ", "ヘルシンキ", "ドーハ"])]
OUTLETS = ["Daily", "Herald", "Times", "Post", "Wire", "Courier", "Observer", "Tribune", "Journal", "Radio"]
_YEAR = re.compile(r"(?<!\d)2025(?!\d)")


@dataclass(slots=True)
class Template:
    title: str
    text: str
    outlet: str
    published: datetime
    language: str


def templates() -> list[Template]:
    """The sample reports, read and cleaned as ingest reads them."""
    out = []
    options = SourceOptions()
    for lang in ("en", "ja"):
        for item in expand(str(CORPUS / lang), options):
            try:
                report, _warning = build_report(item)  # type: ignore[arg-type]
            except Exception:  # noqa: BLE001 - the sample's broken line and its like
                continue
            if not report.published_at:
                continue
            published = datetime.fromisoformat(report.published_at.replace("Z", "+00:00"))
            body = report.text
            if report.title and body.startswith(report.title):
                body = body[len(report.title) :].lstrip("\n")
            out.append(Template(report.title or "", body, report.outlet or "", published, report.language))
    return sorted(out, key=lambda t: (t.language, t.published.isoformat(), t.title))


def _swap(text: str, pairs: list[tuple[str, str]], rng: random.Random, p: float) -> str:
    for a, b in pairs:
        if rng.random() < p:
            a, b = (a, b) if rng.random() < 0.5 else (b, a)
            text = text.replace(a, b)
    return text


def vary(t: Template, n: int, story: int, rng: random.Random, many: bool,
         forward: bool = False) -> dict[str, object]:
    """One generated report: template ``t`` as outlet ``n`` of story ``story`` would write it
    (``forward``: later stories, and later rounds of one story, are later in time)."""
    ja = t.language == "ja"
    paragraphs = [p for p in t.text.split("\n\n") if p.strip()]
    head, rest = paragraphs[:1], paragraphs[1:]
    if len(rest) > 3 and rng.random() < 0.5:
        rest.pop(rng.randrange(len(rest)))  # an outlet cuts a paragraph
    if len(rest) > 3 and rng.random() < 0.3:
        i = rng.randrange(len(rest) - 1)
        rest[i], rest[i + 1] = rest[i + 1], rest[i]
    text = "\n\n".join(head + rest)
    title = t.title
    swaps = SWAPS_JA if ja else SWAPS_EN
    text, title = _swap(text, swaps, random.Random(n), 0.35), _swap(title, swaps, random.Random(n), 0.35)
    shift = 0
    if many:
        story_rng = random.Random(story)  # one story's people and places, the same in all its reports
        for name, others in (PEOPLE_JA + PLACES_JA) if ja else (PEOPLE_EN + PLACES_EN):
            other = story_rng.choice(others)
            text, title = text.replace(name, other), title.replace(name, other)
        # three stories a year, four months apart (a story spans ~a month); backward: going back in
        # time from 2024 (an archive read newest first); forward: from 1900 on (a feed). A report
        # dated in the future is read as undated, and undated reports fit every story
        year = 1900 + story // 3 if forward else 2024 - story // 3
        shift = (story % 3) * 122
        text, title = _YEAR.sub(str(year), text), _YEAR.sub(str(year), title)
        published = t.published.replace(year=year) + timedelta(days=shift)
    elif forward:  # one story going on: each round of the 32 samples three weeks after the last
        published = t.published.replace(year=1990) + timedelta(days=21 * (n // 32))
    else:
        published = t.published
    published += timedelta(hours=rng.randrange(0, 30))
    word = rng.choice(OUTLETS)
    outlet = f"{word} {n % 400}"
    text += f"\n\n{'（' + outlet + '）' if ja else '(' + outlet + ')'}"
    return {
        "url": f"https://{word.lower()}{n % 400}.example/{story}/{n}",
        "title": title,
        "outlet": outlet,
        "published_at": published.isoformat(),
        "language": t.language,
        "text": text,
    }


def long_report(tpls: list[Template], size: int = 1_000_000) -> dict[str, object]:
    """One report of about ``size`` characters: the English samples one after another."""
    parts, total, k = [], 0, 0
    en = [t for t in tpls if t.language == "en"]
    while total < size:
        t = en[k % len(en)]
        chunk = _swap(t.text, SWAPS_EN, random.Random(k), 0.35)
        parts.append(chunk)
        total += len(chunk) + 2
        k += 1
    return {"url": "https://bench.example/long", "title": "A very long digest of the talks",
            "outlet": "Digest", "published_at": "2025-12-16T09:00:00+00:00", "language": "en",
            "text": "\n\n".join(parts)}


class Generator:
    """Reports to ingest, batch after batch.  ``order``: "forward" (the default) hands them out in
    publication order, as a feed brings them (a story's 320 reports, or one story's round of 32,
    sorted by date, each story and round later than the last); "backward" as they are generated,
    each new story earlier than the ones before (an archive read newest first: every batch is
    older than the record, which is then taken back and merged again)."""

    def __init__(self, shape: str, seed: int = 12, order: str = "forward") -> None:
        self.tpls = templates()
        self.shape = shape
        self.rng = random.Random(seed)
        self.n = 0
        self.forward = order == "forward"
        self.queue: list[dict[str, object]] = []

    def batch(self, count: int) -> list[dict[str, object]]:
        out = []
        while len(out) < count:
            if not self.queue:
                self.queue = self._block()
            out.append(self.queue.pop(0))
        return out

    def skip(self, count: int) -> None:
        """Generate ``count`` reports and drop them (those a kept store holds already): one at a
        time, so that skipping 100,000 reports does not hold them in memory (the peak RSS printed
        is the ingest's, not the generator's)."""
        for _ in range(count):
            if not self.queue:
                self.queue = self._block()
            self.queue.pop(0)

    def _block(self) -> list[dict[str, object]]:
        many = self.shape == "many"
        block = []
        # many stories: 32 reports per story per round, a new story every 320 reports
        for _ in range((320 if many else 32) if self.forward else 1):
            t = self.tpls[self.n % len(self.tpls)]
            story = (self.n // 320) if many else 0
            block.append(vary(t, self.n, story, self.rng, many, self.forward))
            self.n += 1
        return sorted(block, key=lambda r: str(r["published_at"])) if self.forward else block


def write(records: list[dict[str, object]], folder: Path, name: str) -> Path:
    path = folder / f"{name}.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def ingest(store: object, path: Path) -> tuple[int, float, float, float]:
    """(reports added, wall seconds, CPU seconds of this process, the part of them spent in the
    kernel: file reads and writes, the database's journals), the record brought up to date
    (merged items recomputed) as a reader would see it."""
    began, cpu, system = time.perf_counter(), time.process_time(), os.times().system
    summary = pipeline.ingest(store, [str(path)])  # type: ignore[arg-type]
    merging.flush(store)  # type: ignore[arg-type]
    return (len(summary.added), time.perf_counter() - began, time.process_time() - cpu,
            os.times().system - system)


def _generated(store: object) -> int:
    """How many reports the run that filled ``store`` generated: one past the greatest report
    number in its URLs (some generated reports were the same article as one stored)."""
    urls = store.db.execute("SELECT url FROM reports WHERE url LIKE 'https://%.example/%'")  # type: ignore[attr-defined]
    return 1 + max((int(u.rsplit("/", 1)[1]) for (u,) in urls if u.rsplit("/", 1)[1].isdigit()), default=-1)


# reports ingested before anything is timed: one of each sample (every model a report can need,
# the English parser of the event classifier included, is loaded outside the timings)
WARM = 32


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(shape: str, sizes: list[int], measure: int, profile: bool, top: int, folder: Path,
        long: float, reuse: bool = False, order: str = "forward",
        profile_out: str | None = None) -> list[tuple[int, float]]:
    gen = Generator(shape, order=order)
    print(f"== {shape}: {'one story' if shape == 'big' else 'many stories'} "
          f"({len(gen.tpls)} sample reports as templates)")
    results = []
    if reuse and not (folder / f"{shape}.db").exists():
        raise SystemExit(f"--reuse: no store {folder / f'{shape}.db'} to reuse")
    with pipeline.open_store(folder / f"{shape}.db") as store:
        # warm up: the encoder, the parsers and the gazetteer load outside the timings
        if reuse:
            with tempfile.TemporaryDirectory() as warm, pipeline.open_store(Path(warm) / "warm.db") as spare:
                ingest(spare, write(gen.batch(WARM), Path(warm), "warm"))
            gen.skip(_generated(store) - WARM)  # the reports the filling run generated: skipped
            # measured where it stands, or grown first to a larger size asked for (--sizes)
            sizes = sorted({max(store.report_count(), s) for s in sizes})
        else:
            ingest(store, write(gen.batch(WARM), folder, "warm"))
        for size in sorted(sizes):
            have = store.report_count()
            began = time.perf_counter()
            while have < size:
                batch = write(gen.batch(min(1000, size - have)), folder, "fill")
                added_now, _wall, spent, _kernel = ingest(store, batch)
                have = store.report_count()
                print(f"    filling: {have:,} stored, the last {added_now} at "
                      f"{1000 * spent / max(added_now, 1):.1f} ms/report of CPU", file=sys.stderr, flush=True)
            fill = time.perf_counter() - began
            path = write(gen.batch(measure), folder, "measure")
            # CPU time, as the figures (the machine is shared: waiting is not where the time goes)
            prof = cProfile.Profile(time.process_time) if profile and size == max(sizes) else None
            if prof:
                prof.enable()
            added, seconds, cpu, kernel = ingest(store, path)
            if prof:
                prof.disable()
            per = cpu / max(added, 1)
            results.append((size, per))
            print(f"  at {size:>7,} stored: {added} reports, {added / cpu:5.1f} reports/s of CPU "
                  f"({1000 * per:6.1f} ms/report, {1000 * kernel / max(added, 1):.1f} in the kernel; "
                  f"wall {seconds:.1f}s = {added / seconds:.1f}/s), "
                  f"filled in {fill:.0f}s; peak RSS so far {peak_mb():.0f} MB", flush=True)
            if prof:
                if profile_out:
                    prof.dump_stats(profile_out)
                out = io.StringIO()
                stats = pstats.Stats(prof, stream=out).sort_stats("cumulative")
                stats.print_stats(top)
                print("  -- where the time goes (cumulative, top functions) --")
                print("\n".join("  " + line for line in out.getvalue().splitlines() if line.strip()))
                out = io.StringIO()
                pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(top)
                print("  -- where the time goes (own time, top functions) --")
                print("\n".join("  " + line for line in out.getvalue().splitlines() if line.strip()))
        if long:
            path = write([long_report(gen.tpls, int(long * 1_000_000))], folder, "long")
            added, seconds, cpu, _kernel = ingest(store, path)
            quotes = store.db.execute(
                "SELECT count(*) FROM quotes WHERE report_id IN "
                "(SELECT id FROM reports WHERE url = 'https://bench.example/long')").fetchone()[0]
            print(f"  one ~{long:g} MB report with {quotes} quotes: {cpu:.1f}s of CPU end to end "
                  f"(wall {seconds:.1f}s)")
        rows = {k: store.db.execute(f"SELECT count(*) FROM {k}").fetchone()[0]
                for k in ("reports", "quotes", "statements", "merged_events", "stories")}
        print("  stored: " + ", ".join(f"{v:,} {k}" for k, v in rows.items()))
    if len(results) > 1:
        ratio = results[-1][1] / results[0][1]
        print(f"  per-report time at {results[-1][0]:,} / at {results[0][0]:,}: {ratio:.2f}x "
              "(target <= 1.5x)")
    return results


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shape", choices=["big", "many", "both"], default="both")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--measure", type=int, default=200, help="reports timed at each size")
    parser.add_argument("--profile", action="store_true", help="a cProfile summary at the largest size")
    parser.add_argument("--top", type=int, default=25, help="functions in the profile summary")
    parser.add_argument("--profile-out", metavar="FILE",
                        help="with --profile: also write the raw profile (pstats) to FILE, to compare sizes")
    parser.add_argument("--long", type=float, nargs="?", const=1.0, default=0.0, metavar="MB",
                        help="also one long report (1 MB unless given) with many quotes")
    parser.add_argument("--keep", help="keep the databases in this folder")
    parser.add_argument("--order", choices=["forward", "backward"], default="forward",
                        help="reports in publication order as a feed brings them (default), or each "
                             "new story older than the record (an archive read newest first)")
    parser.add_argument("--reuse", action="store_true",
                        help="measure one batch on the store --keep already holds (no filling)")
    args = parser.parse_args()
    if args.reuse and not args.keep:
        parser.error("--reuse needs --keep DIR (the folder of the filled store)")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, one thread per library")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for shape in (["big", "many"] if args.shape == "both" else [args.shape]):
            run(shape, args.sizes, args.measure, args.profile, args.top, folder, args.long, args.reuse,
                args.order, args.profile_out)
    print(f"peak RSS of the process: {peak_mb():.0f} MB (target <= 600 MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
