"""Briefings on a real development story, and the hand audit of every sentence in them.

    .venv/bin/python benchmarks/dev_brief.py us-japan-tariffs-2025 [--out /tmp/dev-briefings]
        [--audit devset/us-japan-tariffs-2025/audit] [--write-audit devset/us-japan-tariffs-2025/audit]
        [--record baseline]

Reads the present texts of ``devset/<story>/`` (the third-party pages, kept out of git) the way
``communique ingest`` reads a plain-text page, stores, extracts and merges them into a fresh
scratch SQLite store with the library API, and writes the briefing of the largest story the
reports form (or ``--story-id``) in Japanese and English, as of the newest report's day:

    <out>/<story>/brief-<lang>.md, brief-<lang>.json     the briefing (json: evidence with context)
    <out>/<story>/audit-<lang>.tsv                        one row per sentence: where, sentence,
                                                          evidence, label, kind, reason

``label`` is ``correct``, ``wrong`` or ``unclear``, filled in by hand; ``kind`` names the error of
a wrong sentence (participant, stance, speaker, quote-span, date, schedule, author, duplicate,
non-party, empty, other); ``reason`` says why in a few words.  ``--audit PATH`` (a table, or a
folder holding ``brief-<lang>.tsv``) carries the labels of an earlier audit over to the sentences
whose text did not change (the n-th occurrence of a text takes the n-th earlier label; a
"duplicate" label only within the same briefing, since it depends on the rest).
``--write-audit DIR`` writes the tables to be committed: the same rows without the evidence
column (the evidence is third-party text).  ``--record NAME`` appends a run to
``DIR/summary.json``: counts, precision, error kinds, key-fact coverage (from the hand-judged
``DIR/key-facts-<lang>.tsv``: fact index, yes/partial/no, reason; only yes counts as covered),
commit and date.  ``--at COMMIT`` writes the briefings with the code of a commit.

Printed per language: sentences, labelled, correct, wrong, unclear, precision (correct over
labelled; unclear counts against it).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from devscore import ROOT, load_devset, read_report

from communique import pipeline
from communique.brief.model import Briefing
from communique.brief.render import render

LANGS = ("ja", "en")
LABELS = ("correct", "wrong", "unclear")
KINDS = ("participant", "stance", "speaker", "quote-span", "date", "schedule", "author", "duplicate",
         "non-party", "empty", "other")
FULL_COLUMNS = ("where", "sentence", "evidence", "label", "kind", "reason")
KEPT_COLUMNS = ("where", "sentence", "label", "kind", "reason")
AT_ENV = "COMMUNIQUE_DEV_BRIEF_AT"


@dataclass(frozen=True, slots=True, kw_only=True)
class Row:
    where: str
    sentence: str
    evidence: str = ""
    label: str = ""
    kind: str = ""
    reason: str = ""

    def cells(self, columns: tuple[str, ...]) -> list[str]:
        return [_cell(getattr(self, c)) for c in columns]


def _cell(text: str) -> str:
    return " ".join(text.split())


# --------------------------------------------------------------------------- briefing


def build_store(story: str, db: Path) -> tuple[int, list[str]]:
    """Ingest the story's present texts into a fresh store; the count and the problems."""
    dev = load_devset()
    reports = [r for r in dev.present if r.story == story]
    problems: list[str] = []
    with pipeline.open_store(str(db)) as store:
        for item in reports:
            report = read_report(item)
            pipeline.add_report(store, report)
            for problem in (pipeline.extract_report(store, report), pipeline.merge_report(store, report.id)):
                if problem:
                    problems.append(problem)
    return len(reports), problems


def write_briefings(db: Path, folder: Path, story_id: str | None) -> tuple[dict[str, Briefing], str]:
    """The briefings by language, and a line on the stories the reports formed."""
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, Briefing] = {}
    with pipeline.open_store(str(db)) as store:
        pipeline.merge(store)
        rows = pipeline.story_rows(store)
        if not rows:
            raise SystemExit("no story formed from the reports")
        if story_id is None:
            story_id = max(rows, key=lambda r: (r["reports"], r["id"]))["id"]
        sizes = sorted((r["reports"] for r in rows), reverse=True)
        chosen = next((r for r in rows if r["id"] == story_id), {"reports": "?"})
        stories = (f"{len(rows)} stories (reports: {sizes}); "
                   f"briefing story {story_id} ({chosen['reports']} reports)")
        for lang in LANGS:
            briefing = pipeline.brief(store, lang=lang, story_id=story_id)
            md = render(briefing, "md", show_dropped=True)
            (folder / f"brief-{lang}.md").write_text(md, encoding="utf-8")
            (folder / f"brief-{lang}.json").write_text(render(briefing, "json"), encoding="utf-8")
            out[lang] = briefing
    return out, stories


def sheet(briefing: Briefing) -> list[Row]:
    """One row per sentence, in reading order, with its cited evidence texts joined."""
    rows = []
    for where, sentence in briefing.sentences():
        spans = [f"[{e.report_id.rsplit('-', 2)[-2]}-{e.report_id.rsplit('-', 1)[-1]}] {e.text}"
                 for c in sentence.citations for e in c.evidence]
        rows.append(Row(where=where, sentence=sentence.text, evidence=" | ".join(dict.fromkeys(spans))))
    return rows


# --------------------------------------------------------------------------- audit tables


def read_table(path: Path) -> list[Row]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\")
        return [Row(**{k: (v or "") for k, v in row.items() if k in FULL_COLUMNS}) for row in reader]


def write_table(path: Path, rows: list[Row], columns: tuple[str, ...]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\",
                            lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(row.cells(columns) for row in rows)


def carry_over(rows: list[Row], earlier: list[Row]) -> list[Row]:
    """The earlier labels on the sentences whose text did not change (n-th occurrence to n-th).

    A "duplicate" label is carried only from the same briefing (the same sentences in the same
    order): whether a sentence repeats another depends on the rest, so it is judged again."""
    same = [_cell(r.sentence) for r in rows] == [_cell(r.sentence) for r in earlier]
    labelled: dict[str, list[Row]] = {}
    for row in earlier:
        if row.label and (same or row.kind != "duplicate"):  # a repeat depends on the rest
            labelled.setdefault(_cell(row.sentence), []).append(row)
    seen: Counter[str] = Counter()
    out = []
    for row in rows:
        key = _cell(row.sentence)
        old = labelled.get(key, [])
        index = seen[key]
        seen[key] += 1
        if index < len(old):
            row = Row(where=row.where, sentence=row.sentence, evidence=row.evidence, label=old[index].label,
                      kind=old[index].kind, reason=old[index].reason)
        out.append(row)
    return out


def audit_source(path: Path, lang: str) -> Path | None:
    if path.is_dir():  # a committed audit folder (brief-<lang>.tsv) or an --out folder (audit-<lang>.tsv)
        found = [c for c in (path / f"brief-{lang}.tsv", path / f"audit-{lang}.tsv") if c.is_file()]
        return found[0] if found else None
    return path if path.is_file() and f"-{lang}." in path.name else None


def counts(rows: list[Row]) -> dict[str, Any]:
    labels = Counter(r.label for r in rows if r.label)
    labelled = sum(labels.values())
    kinds = Counter(r.kind or "unspecified" for r in rows if r.label == "wrong")
    return {
        "sentences": len(rows), "labelled": labelled, "correct": labels["correct"], "wrong": labels["wrong"],
        "unclear": labels["unclear"],
        "precision": round(labels["correct"] / labelled, 3) if labelled else None,
        "error_kinds": dict(sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))),
    }


def problems_in(rows: list[Row]) -> list[str]:
    bad = [f"{r.where}: label {r.label!r} is not one of {', '.join(LABELS)}" for r in rows
           if r.label and r.label not in LABELS]
    bad += [f"{r.where}: kind {r.kind!r} is not one of {', '.join(KINDS)}" for r in rows
            if r.label == "wrong" and r.kind not in KINDS]
    return bad


def key_facts(folder: Path, lang: str, total: int) -> dict[str, Any] | None:
    path = folder / f"key-facts-{lang}.tsv"
    if not path.is_file():
        return None
    with path.open(encoding="utf-8", newline="") as handle:
        judged = {row["fact"]: row["stated"] for row in csv.DictReader(handle, delimiter="\t")}
    covered = sum(1 for v in judged.values() if v == "yes")
    partial = sum(1 for v in judged.values() if v == "partial")
    return {"covered": covered, "partial": partial, "of": total,
            "coverage": round(covered / total, 3) if total else None, "facts": judged}


def _git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=ROOT.parent, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def git_commit() -> str:
    """The commit whose code wrote the briefing ("+uncommitted-src" when the tree's src differs)."""
    if os.environ.get(AT_ENV):
        return os.environ[AT_ENV]
    dirty = _git("status", "--porcelain", "--untracked-files=no", "src")
    return _git("rev-parse", "--short", "HEAD") + ("+uncommitted-src" if dirty else "")


def rerun_at(commit: str, argv: list[str]) -> int:
    """Run this script again on the code of ``commit`` (``src/`` exported to a scratch folder), so a
    briefing is written by committed code even while the shared working tree is being edited."""
    sha = _git("rev-parse", "--short", commit)
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "archive", sha, "src"], cwd=ROOT.parent, capture_output=True,
                                 check=True)
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        env = {**os.environ, "PYTHONPATH": str(Path(tmp) / "src"), AT_ENV: sha}
        return subprocess.run([sys.executable, __file__, *argv], env=env).returncode


def record(folder: Path, name: str, story: dict[str, Any], runs: dict[str, Any]) -> None:
    path = folder / "summary.json"
    summary = (json.loads(path.read_text(encoding="utf-8")) if path.is_file()
               else {"story": story["id"], "runs": []})
    summary["runs"] = [r for r in summary["runs"] if r.get("name") != name]
    summary["runs"].append({"name": name, **runs})
    path.write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="example: dev_brief.py us-china-trade-2025 "
                                            "--audit devset/us-china-trade-2025/audit")
    parser.add_argument("story", help="a story folder of devset/ (e.g. us-japan-tariffs-2025)")
    parser.add_argument("--out", type=Path, default=Path("/tmp/dev-briefings"))
    parser.add_argument("--story-id", help="brief this story of the store (default: the largest)")
    parser.add_argument("--audit", type=Path, action="append", default=[],
                        help="an earlier audit table, or a folder with brief-<lang>.tsv (repeatable)")
    parser.add_argument("--write-audit", type=Path, help="write the tables without evidence here")
    parser.add_argument("--record", metavar="NAME", help="append this run to <write-audit>/summary.json")
    parser.add_argument("--at", metavar="COMMIT", help="write the briefings with the code of this commit "
                        "(default: the working tree as it is)")
    args = parser.parse_args(argv)
    if args.at and not os.environ.get(AT_ENV):
        rest = list(sys.argv[1:] if argv is None else argv)
        if "--at" in rest:
            index = rest.index("--at")
            rest = rest[:index] + rest[index + 2:]
        return rerun_at(args.at, [a for a in rest if not a.startswith("--at=")])

    dev = load_devset()
    story = next((s for s in dev.stories if s["id"] == args.story), None)
    if story is None:
        have = ", ".join(s["id"] for s in dev.stories)
        print(f"no devset story {args.story!r}; have: {have}", file=sys.stderr)
        return 2
    folder = args.out / args.story
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "dev.db"
        n, problems = build_store(args.story, db)
        for problem in problems:
            print(f"warning: {problem}", file=sys.stderr)
        if not n:
            print(f"{args.story}: no texts present (devset/README.md says how to rebuild them)",
                  file=sys.stderr)
            return 1
        briefings, stories = write_briefings(db, folder, args.story_id)
        print(stories)

    runs: dict[str, Any] = {"date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                            "commit": git_commit(), "reports": n, "stories": stories,
                            "languages": {}}
    status = 0
    for lang, briefing in briefings.items():
        rows = sheet(briefing)
        for source in args.audit:
            found = audit_source(source, lang)
            if found:
                rows = carry_over(rows, read_table(found))
        write_table(folder / f"audit-{lang}.tsv", rows, FULL_COLUMNS)
        if args.write_audit:
            write_table(args.write_audit / f"brief-{lang}.tsv", rows, KEPT_COLUMNS)
        for problem in problems_in(rows):
            print(f"{lang}: {problem}", file=sys.stderr)
            status = 1
        c = counts(rows)
        c["as_of"] = briefing.as_of
        c["dropped"] = len(briefing.dropped)
        if args.write_audit:
            facts = key_facts(args.write_audit, lang, len(story.get("key_facts", [])))
            if facts:
                c["key_facts"] = facts
        runs["languages"][lang] = c
        cover = c.get("key_facts")
        print(f"{args.story} {lang} as of {briefing.as_of}: sentences {c['sentences']}, "
              f"labelled {c['labelled']}, correct {c['correct']}, wrong {c['wrong']}, "
              f"unclear {c['unclear']}, precision {c['precision']}"
              + (f", key facts {cover['covered']}/{cover['of']}" if cover else "")
              + (f"; errors {c['error_kinds']}" if c["error_kinds"] else ""))
    print(f"written to {folder}")
    if args.record:
        if not args.write_audit:
            parser.error("--record needs --write-audit DIR")
        record(args.write_audit, args.record, story, runs)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
