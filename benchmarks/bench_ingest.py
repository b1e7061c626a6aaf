"""Ingest benchmark: reports per second and peak memory, at several corpus sizes.

    python benchmarks/bench_ingest.py                 # 1,000 and 10,000 reports
    python benchmarks/bench_ingest.py --sizes 2000

Generates N synthetic reports (half English, half Japanese, about 2,000 characters each,
one in ten a wire copy of an earlier one with a paragraph dropped and a line added) into
a JSONL file, ingests it into a fresh SQLite store with the real pipeline, and prints the
rate, the peak resident memory of the ingesting process, and the wire groups found.
Each size runs in its own process so that peak memory is measured separately.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EN_WORDS = (
    "talks envoy proposal Kremlin delegation ceasefire security guarantees territory sanctions "
    "minister president adviser meeting framework document points negotiators capital border "
    "officials statement reporters conference parliament agreement draft version leaders region "
    "army reconstruction elections referendum monitoring mission corridor prisoners exchange"
).split()
EN_GLUE = "the a of in on with for and said that would could after before while as".split()
JA_WORDS = (
    "和平案 特使 会談 大統領 報道官 補佐官 協議 停戦 安全保障 領土 制裁 外相 首脳 枠組み 草案 "
    "代表団 声明 記者団 議会 合意 選挙 国境 捕虜交換 復興 監視団 専門家 提案 対案 交渉"
).split()
JA_GLUE = "は が を に で と の も から まで について をめぐり".split()


def en_paragraph(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(2, 4)):
        words = [rng.choice(EN_WORDS if i % 2 else EN_GLUE) for i in range(rng.randint(12, 22))]
        sentences.append(" ".join(words).capitalize() + ".")
    return " ".join(sentences)


def ja_paragraph(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(2, 4)):
        words = [rng.choice(JA_WORDS) + rng.choice(JA_GLUE) for _ in range(rng.randint(8, 14))]
        sentences.append("".join(words) + "と述べた。")
    return "".join(sentences)


def generate(path: Path, n: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    originals: list[dict] = []
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            if originals and i % 10 == 9:
                source = rng.choice(originals[-200:])
                paragraphs = source["text"].split("\n\n")
                paragraphs.pop(rng.randrange(len(paragraphs)))
                paragraphs.append(f"Republished by outlet {i}.")
                record = {**source, "url": f"https://copy{i}.example/a/{i}", "outlet": f"Site {i % 37}",
                          "text": "\n\n".join(paragraphs)}
            else:
                ja = i % 2 == 1
                make = ja_paragraph if ja else en_paragraph
                paragraphs = [make(rng) for _ in range(rng.randint(5, 8) if ja else rng.randint(4, 6))]
                record = {
                    "url": f"https://news{i % 53}.example/story/{i}",
                    "title": f"Report {i}",
                    "outlet": f"Outlet {i % 53}",
                    "published_at": f"2025-12-{1 + i % 28:02d}T{i % 24:02d}:00:00Z",
                    "text": "\n\n".join(paragraphs),
                }
                originals.append(record)
                if len(originals) > 400:
                    originals.pop(0)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def run_one(n: int, extract: bool) -> dict:
    from communique import pipeline
    from communique.store import SQLiteStore

    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        generate(corpus, n)
        chars = sum(len(json.loads(line)["text"]) for line in corpus.open(encoding="utf-8"))
        with SQLiteStore(Path(folder) / "bench.db") as store:
            started = time.perf_counter()
            summary = pipeline.ingest(store, [str(corpus)], extract=extract)
            seconds = time.perf_counter() - started
            groups = store.wire_groups()
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "reports": n,
        "added": len(summary.added),
        "seconds": round(seconds, 2),
        "reports_per_s": round(len(summary.added) / seconds, 1),
        "chars_per_s": round(chars / seconds),
        "peak_rss_mib": round(peak_kib / 1024, 1),
        "wire_groups": len(groups),
        "grouped_reports": sum(len(v) for v in groups.values()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--extract", action="store_true",
                        help="also run extraction on each new report (as `communique ingest` does)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.extract)))
        return
    print(f"{'reports':>8} {'seconds':>8} {'reports/s':>10} {'chars/s':>10} {'peak MiB':>9} "
          f"{'groups':>7} {'grouped':>8}")
    for n in (int(s) for s in args.sizes.split(",")):
        extra = ["--extract"] if args.extract else []
        out = subprocess.run([sys.executable, __file__, "--one", str(n), *extra], check=True,
                             capture_output=True, text=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        print(f"{r['reports']:>8} {r['seconds']:>8} {r['reports_per_s']:>10} {r['chars_per_s']:>10} "
              f"{r['peak_rss_mib']:>9} {r['wire_groups']:>7} {r['grouped_reports']:>8}", flush=True)
    print(("with" if args.extract else "without") + " extraction; one core; memory is the ingesting "
          "process's peak RSS (includes the Python runtime and trafilatura/NumPy imports)")


if __name__ == "__main__":
    main()
