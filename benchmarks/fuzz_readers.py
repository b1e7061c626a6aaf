"""Coverage-guided fuzzing of the readers of untrusted input, for a bounded time.

    python benchmarks/fuzz_readers.py                        # every target, 60 s each
    python benchmarks/fuzz_readers.py --targets html,jsonl --seconds 300
    nice -n 19 python benchmarks/fuzz_readers.py --targets html --inputs 100000 --seconds 1200

Targets: ``decode`` (bytes to text), ``html`` (the HTML reader and cleaner), ``text`` (a text
or Markdown report end to end, without extraction), ``feed`` (RSS/Atom, links not followed),
``json`` (a .json file's records), ``jsonl`` (a .jsonl stream).  A refusal (``InputError``,
a skipped input) is an answer; any other exception is a crash, and so is an input that takes
longer than ``--slow`` seconds (a hang in the making).

Each target runs in its own process, one after the other, until ``--inputs`` inputs have run
or ``--seconds`` have passed, whichever comes first.  With ``--atheris`` (libFuzzer for Python,
``pip install atheris``) the inputs are coverage-guided, instrumented and seeded with the sample
corpus and a few hostile inputs; by default a plain mutation fuzzer (byte flips, inserted markup
tokens, splices of seeds) runs uninstrumented, several times faster, and deterministically: the
same ``--seed`` gives the same inputs.  Prints, per target, the inputs executed, the crashes
(distinct by exception type and place) and the slowest input; exits 1 on any crash.  Local
files only, no network.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = ("decode", "html", "text", "feed", "json", "jsonl")
TOKENS = [b"<", b">", b"<p ", b"<meta ", b"<title>", b"<h1>", b"<script>", b"</p>", b"<![CDATA[",
          b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\\ud800", b"[", b"{", b'"text":', b"NaN", b"1e999",
          b"\n", b"&#0;", b"&amp;", b"<item>", b"<entry>", b"\xe3\x80\x8c", b"---\n", b"**", b"](",
          b"<!ENTITY x \"y\">", b"<?xml version='1.0'?>", b"9" * 40]


def _seeds() -> list[bytes]:
    seeds = [b"", b"<p>x</p>", b'{"text": "Peskov said talks went on."}', b"[" * 50,
             b"<meta " * 50, b"<rss><channel><item><description>x</description></item></channel></rss>"]
    for path in sorted((ROOT / "examples").rglob("*")):
        if path.is_file() and path.stat().st_size < 64_000:
            seeds.append(path.read_bytes())
    return seeds


def _runner(target: str):  # type: ignore[no-untyped-def]
    """The function that reads one input for ``target`` (imports done here, after instrumenting)."""
    from communique.errors import InputError
    from communique.ingest import build_report
    from communique.ingest.clean import html_to_text
    from communique.ingest.decode import decode
    from communique.ingest.sources import SourceOptions, _from_feed, _from_json, _from_jsonl
    from communique.model import Document

    options = SourceOptions(follow_links=False)

    def run(data: bytes) -> None:
        try:
            if target == "decode":
                decode(data, "x")
            elif target == "html":
                try:
                    build_report(Document(source="x.html", raw=data, content_type="html"))
                except InputError:  # refused before the cleaner: give the cleaner the text itself
                    html_to_text(data.decode("utf-8", "replace"), "x.html")
            elif target == "text":
                build_report(Document(source="x.md", raw=data, content_type="markdown"))
            elif target == "feed":
                for item in _from_feed(data, "x.xml", options):
                    if isinstance(item, Document):
                        build_report(item)
            elif target == "json":
                for item in _from_json(data, "x.json"):
                    if isinstance(item, Document):
                        build_report(item)
            elif target == "jsonl":
                for item in _from_jsonl(io.BytesIO(data), "x.jsonl", 1_000_000):
                    if isinstance(item, Document):
                        build_report(item)
        except InputError:
            pass

    return run


class _Stats:
    def __init__(self, target: str, out: Path | None, slow: float) -> None:
        self.target, self.out, self.slow = target, out, slow
        self.executed = 0
        self.crashes: dict[str, int] = {}
        self.slowest = 0.0
        self.slow_inputs = 0
        self.last_write = 0.0

    def one(self, run, data: bytes) -> None:  # type: ignore[no-untyped-def]
        started = time.monotonic()
        try:
            run(data)
        except Exception as err:  # noqa: BLE001 - every other exception is a crash, counted
            frame = traceback.extract_tb(err.__traceback__)[-1]
            key = f"{type(err).__name__} at {Path(frame.filename).name}:{frame.lineno}: {str(err)[:100]}"
            if key not in self.crashes:
                kept = Path(tempfile.gettempdir()) / f"fuzz-crash-{self.target}-{len(self.crashes) + 1}.bin"
                kept.write_bytes(data)  # the input, to replay it
                ours = [f for f in traceback.extract_tb(err.__traceback__) if "communique" in f.filename]
                where = f" (from {Path(ours[-1].filename).name}:{ours[-1].lineno})" if ours else ""
                print(f"[{self.target}] crash: {key}{where} on {data[:80]!r}, kept in {kept}", flush=True)
            self.crashes[key] = self.crashes.get(key, 0) + 1
        elapsed = time.monotonic() - started
        self.slowest = max(self.slowest, elapsed)
        if elapsed > self.slow:
            self.slow_inputs += 1
            print(f"[{self.target}] slow input: {elapsed:.1f}s, {len(data):,} bytes, {data[:60]!r}",
                  flush=True)
        self.executed += 1
        if self.out and (time.monotonic() - self.last_write > 1.0):
            self.write()

    def write(self) -> None:
        self.last_write = time.monotonic()
        if self.out:
            self.out.write_text(json.dumps(self.summary()))

    def summary(self) -> dict:
        return {"target": self.target, "executed": self.executed, "crashes": sum(self.crashes.values()),
                "distinct": len(self.crashes), "slow": self.slow_inputs, "slowest": round(self.slowest, 2)}


def _mutate(rng: random.Random, seeds: list[bytes]) -> bytes:
    data = bytearray(rng.choice(seeds))
    for _ in range(rng.randint(1, 8)):
        choice = rng.random()
        pos = rng.randint(0, len(data))
        if choice < 0.35:
            data[pos:pos] = rng.choice(TOKENS) * rng.choice((1, 1, 2, 50))
        elif choice < 0.55 and data:
            data[min(pos, len(data) - 1)] = rng.randrange(256)
        elif choice < 0.7 and data:
            del data[pos:pos + rng.randint(1, 40)]
        elif choice < 0.85:
            other = rng.choice(seeds)
            start = rng.randint(0, len(other))
            data[pos:pos] = other[start:start + rng.randint(1, 400)]
        else:
            data[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
    return bytes(data[:200_000])


def _child(target: str, seconds: float, out: Path, slow: float, use_atheris: bool, inputs: int,
           seed: int) -> None:
    """Fuzz one target in this process until ``inputs`` have run or the time is up, writing
    stats to ``out``."""
    sys.path.insert(0, str(ROOT / "src"))
    stats = _Stats(target, out, slow)
    warm = _runner(target)  # models load on first use: that first call is not a slow input
    for seed in _seeds()[:3]:
        warm(seed)
    if use_atheris:
        import atheris

        with atheris.instrument_imports(include=["communique"]):
            run = _runner(target)
        corpus = Path(tempfile.mkdtemp(prefix=f"fuzz-{target}-"))
        for i, seed in enumerate(_seeds()):
            (corpus / f"seed{i}").write_bytes(seed)
        flags = [f"-max_total_time={int(seconds)}", f"-timeout={int(max(slow * 5, 10))}",
                 f"-runs={inputs}", f"-seed={seed + 1}",
                 "-rss_limit_mb=4096", "-max_len=65536", "-print_final_stats=0"]
        atheris.Setup([sys.argv[0], *flags, str(corpus)], lambda data: stats.one(run, data))
        import atexit

        atexit.register(stats.write)
        atheris.Fuzz()  # exits the process when the time is up
        return
    run = _runner(target)
    rng = random.Random(f"{target}-{seed}")
    seeds = _seeds()
    deadline = time.monotonic() + seconds
    for one in seeds:
        stats.one(run, one)
    while stats.executed < inputs and time.monotonic() < deadline:
        stats.one(run, _mutate(rng, seeds))
    stats.write()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--targets", default=",".join(TARGETS))
    parser.add_argument("--seconds", type=float, default=60.0, help="per target, at most (default 60)")
    parser.add_argument("--inputs", type=int, default=10**9, help="per target, at most (default: no bound)")
    parser.add_argument("--seed", type=int, default=0, help="the mutations' seed (default 0)")
    parser.add_argument("--slow", type=float, default=2.0, help="an input taking longer is reported")
    parser.add_argument("--atheris", action="store_true", help="coverage-guided, with atheris (slower)")
    parser.add_argument("--no-atheris", action="store_true", help=argparse.SUPPRESS)  # the default now
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    use_atheris = args.atheris and not args.no_atheris
    if use_atheris:
        try:
            import atheris  # noqa: F401
        except ImportError:
            print("atheris is not installed (pip install atheris)", file=sys.stderr)
            return 2
    if args.child:
        _child(args.child, args.seconds, Path(args.out), args.slow, use_atheris, args.inputs, args.seed)
        return 0
    bound = f"{args.inputs:,} inputs or " if args.inputs < 10**9 else ""
    print(f"fuzzing with {'atheris (coverage-guided)' if use_atheris else 'the plain mutation fuzzer'}, "
          f"{bound}{args.seconds:.0f}s per target, seed {args.seed}", flush=True)
    failed = False
    for target in args.targets.split(","):
        out = Path(tempfile.mkstemp(prefix=f"fuzz-{target}-", suffix=".json")[1])
        cmd = [sys.executable, __file__, "--child", target, "--seconds", str(args.seconds),
               "--out", str(out), "--slow", str(args.slow), "--inputs", str(args.inputs),
               "--seed", str(args.seed)] + (["--atheris"] if use_atheris else [])
        env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
        began = time.monotonic()
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=args.seconds * 2 + 120, env=env)
        took = time.monotonic() - began
        try:
            stats = json.loads(out.read_text() or "{}")
        except (OSError, json.JSONDecodeError):
            stats = {}
        out.unlink(missing_ok=True)
        for line in proc.stdout.splitlines():
            if "crash:" in line or "slow input" in line:
                print("  " + line[:300], flush=True)
        died = "ALARM" in proc.stderr or "ERROR: libFuzzer" in proc.stderr or (
            proc.returncode not in (0,) and not use_atheris)
        if died:
            print("  the fuzzer stopped on: " + (proc.stderr.strip().splitlines() or ["?"])[-1][:200])
        crashes = stats.get("crashes", 0) + int(died)
        failed = failed or crashes > 0
        print(f"{target}: {stats.get('executed', 0):,} inputs executed, {crashes} crash(es) "
              f"({stats.get('distinct', 0)} distinct), {stats.get('slow', 0)} slow, slowest "
              f"{stats.get('slowest', 0)}s, in {took:.0f}s", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
