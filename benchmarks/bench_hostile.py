"""Hostile inputs at the size cap: the time and peak memory of ingesting each, against a normal report.

    nice -n 19 .venv/bin/python benchmarks/bench_hostile.py            # every case at 5 MB
    .venv/bin/python benchmarks/bench_hostile.py --mb 1 --cases meta,nul

Each case is one input of the kinds that hung, crashed or stored wrong data before (issue 14),
built at ``--mb`` megabytes, ingested by ``pipeline.ingest`` (extraction and merging included)
into a new store in a fresh process, so that the peak memory (ru_maxrss) is that input's alone.
The baseline is the same for one normal report of the sample corpus in each language (the
models it loads are most of a process's memory).  Prints per case the seconds of the ingest
(wall and CPU; the models load on first use, inside it), the peak memory, its ratio to the
baseline of the case's language, what became of the input, and whether it met the targets
(under 10 s and under 2x a normal report's memory).  The seconds judged are the process's CPU
seconds, which do not grow when other work shares the machine (on an idle machine the wall
seconds are about the same; on a busy one the normal report's own wall time says how busy).
Exits 1 when a case misses them.  Local files only.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "ukraine-talks-2025"
SECONDS, RATIO = 10.0, 2.0
NAMES = ("Peskov", "Rubio", "Witkoff", "Lavrov", "Umerov")


def _fill(piece: bytes, size: int, head: bytes = b"", tail: bytes = b"") -> bytes:
    return head + piece * max(1, (size - len(head) - len(tail)) // len(piece)) + tail


def _quotes_en(size: int) -> str:
    parts, total, i = ["Talks go on"], 0, 0
    while total < size:
        part = (f'"We will keep talking about point {i} of the plan," {NAMES[i % 5]} said on Tuesday in '
                f'Geneva. "There is progress on item {i}," {NAMES[(i + 1) % 5]} told reporters.')
        parts.append(part)
        total += len(part) + 2
        i += 1
    return "\n\n".join(parts)


def _quotes_ja(size: int) -> str:
    parts, total, i = ["協議続く"], 0, 0
    while total < size:
        part = (f"ペスコフ大統領報道官は{i % 28 + 1}日、「和平案の第{i}項について協議を続ける」と述べた。"
                f"ルビオ国務長官も「第{i}項で進展があった」と記者団に語った。")
        parts.append(part)
        total += len(part.encode()) + 2
        i += 1
    return "\n\n".join(parts)


ARTICLE = ("<html><head><title>Talks go on</title></head><body><article><p>"
           + "The minister said the talks would go on next week in Geneva. " * 5 + "</p></article>")
WORDS = ("The talks went on in Geneva, the minister said on Tuesday. " * 4).encode("cp1252")


def _record(text: str, **fields: object) -> bytes:
    return json.dumps({"title": "Talks go on", "language": "en", "text": text, **fields},
                      ensure_ascii=False).encode() + b"\n"


# name -> (issue item, suffix, language of its baseline, builder of `size` bytes)
CASES: dict[str, tuple[str, str, str, Callable[[int], bytes]]] = {
    "meta": ("1: <meta without >", ".html", "en",
             lambda n: _fill(b"<meta ", n, head=ARTICLE.encode())),
    "p": ("1: '<p ' repeated", ".html", "en", lambda n: _fill(b"<p ", n, head=ARTICLE.encode())),
    "jsonl-record": ("2: one JSONL record at the cap", ".jsonl", "en",
                     lambda n: _record(_quotes_en(n - 200))),
    "long-en": ("3: one long report, English quotes", ".txt", "en", lambda n: _quotes_en(n).encode()),
    "long-ja": ("3: one long report, Japanese quotes", ".txt", "ja", lambda n: _quotes_ja(n).encode()),
    "utf16-odd": ("6: UTF-16 with an odd byte count", ".txt", "en",
                  lambda n: b"\xff\xfe" + _fill(WORDS.decode().encode("utf-16-le"), n - 3) + b"x"),
    "bom-cp1252": ("6: UTF-8 BOM before cp1252 bytes", ".txt", "en",
                   lambda n: _fill(WORDS + b"caf\xe9 \x93quoted\x94 ", n,
                                   head=b"\xef\xbb\xbf")),
    "json-deep": ("6: JSON nested 5 million deep", ".json", "en", lambda n: b"[" * n),
    "json-number": ("6: a JSON number of millions of digits", ".json", "en",
                    lambda n: b'{"text": "x", "title": ' + b"9" * (n - 40) + b"}"),
    "surrogates": ("6: lone surrogates in a JSONL record", ".jsonl", "en",
                   lambda n: _fill(b"Talks went on, he said. \\ud800 ", n,
                                   head=b'{"title": "Talks", "text": "', tail=b'"}\n')),
    "nul": ("7: a file of NUL bytes", ".txt", "en", lambda n: b"\0" * n),
    "utf16le-no-bom": ("7: UTF-16LE without a BOM", ".txt", "en",
                       lambda n: _fill(WORDS.decode().encode("utf-16-le"), n)),
    "huge-title": ("7: a JSON record with a 4 MB title", ".json", "en",
                   lambda n: json.dumps({"title": "Talks " * ((n - 2000) // 6), "language": "en",
                                         "text": WORDS.decode()}).encode()),
    "markdown": ("1: Markdown brackets and emphasis", ".md", "en",
                 lambda n: _fill(b"[a](**b ", n, head=b"---\ntitle: Talks\n---\n" + WORDS)),
}


CHILD = r"""
import json, resource, sys, tempfile, time
from pathlib import Path
from communique import pipeline
path = sys.argv[1]
with tempfile.TemporaryDirectory() as folder:
    with pipeline.open_store(Path(folder) / "s.db") as store:
        began, cpu = time.monotonic(), time.process_time()
        summary = pipeline.ingest(store, [path])
        wall, cpu = time.monotonic() - began, time.process_time() - cpu
        quotes = store.db.execute("SELECT count(*) FROM quotes").fetchone()[0]
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"wall": wall, "cpu": cpu, "peak_mb": peak,
                  "added": len(summary.added), "skipped": [s.reason[:70] for s in summary.skipped][:2],
                  "warnings": [w.split(": ", 1)[-1][:70] for w in summary.warnings][:2], "quotes": quotes}))
"""


def _measure(path: Path) -> dict[str, object]:
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "HOME": str(Path.home())}
    proc = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True,
                          timeout=600, env=env)
    if proc.returncode != 0:
        return {"error": (proc.stderr.strip().splitlines() or ["?"])[-1][:200]}
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=5.0, help="size of each input (default 5)")
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated (default: all)")
    args = parser.parse_args()
    size = int(args.mb * 1_000_000)
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        base = {}
        normal = (("en", "globalwire-berlin-talks.txt"), ("ja", "chubu-nichinichi-london-20-point.txt"))
        for lang, name in normal:
            found = _measure(CORPUS / lang / name)
            base[lang] = float(found.get("peak_mb", 0) or 0)  # type: ignore[arg-type]
            print(f"baseline {lang}: a normal report ({name}): {found.get('wall', 0):.1f}s wall, "
                  f"{found.get('cpu', 0):.1f}s CPU, peak {base[lang]:.0f} MB, {found.get('quotes')} quotes",
                  flush=True)
        print(f"{'case':<16}{'MB':>5}{'wall s':>8}{'CPU s':>7}{'peak MB':>9}{'x base':>8}  result",
              flush=True)
        for name in args.cases.split(","):
            item, suffix, lang, build = CASES[name]
            path = Path(folder) / f"{name}{suffix}"
            path.write_bytes(build(size))
            found = _measure(path)
            mb = path.stat().st_size / 1_000_000
            path.unlink()
            if "error" in found:
                failed = True
                print(f"{name:<16}{mb:>5.1f}  CRASHED: {found['error']}", flush=True)
                continue
            wall, cpu, peak = float(found["wall"]), float(found["cpu"]), float(found["peak_mb"])  # type: ignore[arg-type]
            ratio = peak / base[lang] if base[lang] else 0.0
            ok = cpu < SECONDS and ratio < RATIO
            failed = failed or not ok
            what = (f"stored, {found['quotes']} quotes" if found["added"] else
                    f"skipped: {(found['skipped'] or ['?'])[0]}")  # type: ignore[index]
            warning = f"; warning: {found['warnings'][0]}" if found["warnings"] else ""  # type: ignore[index]
            print(f"{name:<16}{mb:>5.1f}{wall:>8.1f}{cpu:>7.1f}{peak:>9.0f}{ratio:>8.2f}  "
                  f"{'ok' if ok else 'MISSED'} (item {item}) {what}{warning}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
