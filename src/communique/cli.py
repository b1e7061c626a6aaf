"""The ``communique`` command: a thin layer over :mod:`communique.pipeline`.

Data goes to stdout; progress, warnings and errors go to stderr.  Exit 0 on success,
1 on an error (or when nothing at all could be ingested), 2 on a usage error.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__, manage, pipeline, terminal
from .errors import CommuniqueError, StoreError, UsageError
from .ingest.fetch import DEFAULT_MAX_BYTES, DEFAULT_READ_TIMEOUT, FetchOptions
from .ingest.meta import parse_published
from .store import SQLiteStore

EXAMPLES = {
    "ingest": "examples:\n  communique ingest examples/ukraine-talks-2025/en\n"
              "  communique ingest --db news.db https://example.org/feed.xml report.html",
    "reports": "examples:\n  communique reports\n  communique reports --db news.db --json | jq .",
    "export": "examples:\n  communique export --format jsonl > record.jsonl\n"
              "  communique export --format csv --type quote > quotes.csv\n"
              "  communique export --format csv --out export/",
    "extract": "examples:\n  communique extract            # reports whose extractor versions changed\n"
               "  communique extract --all --db news.db",
    "stories": "examples:\n  communique stories\n  communique stories --db news.db --json | jq .",
    "brief": "examples:\n  communique brief --lang ja --as-of 2025-12-08\n"
             "  communique brief --lang en --since 2025-12-04 --format html > brief.html\n"
             "  communique brief --lang ja --format json | jq .headline",
    "search": "examples:\n  communique search 'two to tango'\n  communique search 和平 協議\n"
              "  communique search Zelensky Rubio --sort date\n"
              "  communique search '\"peace plan\"' EU --json",
    "show": "examples:\n  communique show r-1a06          # a unique start of the id is enough\n"
            "  communique show r-1a06 --json | jq .extracted.quotes",
    "remove": "examples:\n  communique remove r-1a06\n  communique remove --db news.db r-1a068a159c0b2641",
    "set": "examples:\n  communique set r-1a06 --date 2025-12-05\n"
           "  communique set r-1a06 --outlet Kyodo --title 'Talks end without a deal'",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="communique",
        description="Sourced records and cited briefings from news coverage of a developing story.",
        epilog="example:\n  communique ingest examples/ukraine-talks-2025/en && communique reports",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"communique {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text, epilog=EXAMPLES.get(name),
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
        sub.add_argument("--db", metavar="PATH",
                         help="database file (default: $COMMUNIQUE_DB or ./communique.db)")
        return sub

    ingest = command("ingest", "Ingest reports from files, folders, URLs and RSS/Atom feeds.")
    ingest.add_argument("sources", nargs="+", metavar="SOURCE",
                        help="a file, a folder (recursive), an http(s) URL, or a feed")
    ingest.add_argument("--quiet", "-q", action="store_true", help="no progress or summary on stderr")
    ingest.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                        help="size cap per file, record or download (default: 5 MB)")
    ingest.add_argument("--max-items", type=int, default=1000, metavar="N",
                        help="items read per feed (default: 1000)")
    ingest.add_argument("--timeout", type=float, default=DEFAULT_READ_TIMEOUT, metavar="SECONDS",
                        help="network read timeout (default: 20)")
    ingest.add_argument("--allow-private", action="store_true",
                        help="allow URLs on loopback, private and link-local addresses")

    ingest.add_argument("--no-extract", action="store_true",
                        help="store reports only; run `communique extract` later")
    ingest.add_argument("--date", metavar="DATE",
                        help="the publication date of every report in this batch (overrides what they say)")
    ingest.add_argument("--outlet", metavar="NAME", help="the outlet of every report in this batch")
    ingest.add_argument("--language", metavar="CODE",
                        help="the language of every report in this batch (en, ja…)")

    extract = command("extract", "Run extraction again on stored reports.")
    extract.add_argument("--all", action="store_true",
                         help="every report, not only those whose extractor versions changed")
    extract.add_argument("--quiet", "-q", action="store_true", help="no progress or summary on stderr")

    reports = command("reports", "List stored reports and every skipped input with its reason.")
    reports.add_argument("--json", action="store_true", help="JSON on stdout")

    export = command("export", "Export everything stored, one record per line.")
    export.add_argument("--format", required=True, choices=("jsonl", "csv"))
    export.add_argument("--type", choices=pipeline.EXPORT_TYPES, help="only this record type")
    export.add_argument("--out", metavar="DIR",
                        help="write one CSV file per type into DIR (CSV without --type needs it)")
    export.add_argument("--excel", action="store_true",
                        help="CSV with a byte-order mark, so spreadsheet programs read Japanese right")

    stories = command("stories", "List the stories the stored reports form.")
    stories.add_argument("--json", action="store_true", help="JSON on stdout")
    stories.add_argument("--rebuild", action="store_true",
                         help="merge every report again from scratch (after changing extractors)")

    brief = command("brief", "Write a briefing of the story as of a date, every sentence cited.")
    brief.add_argument("--lang", required=True, choices=("ja", "en"))
    brief.add_argument("--as-of", metavar="DATE",
                       help="use only reports published by DATE "
                            "(default: the day of each story's newest report)")
    brief.add_argument("--since", metavar="DATE", help="add a section on what changed since DATE")
    brief.add_argument("--format", choices=("md", "html", "json"), default="md")
    brief.add_argument("--story", metavar="ID",
                       help="the story to brief (default: each story in turn, newest first; "
                            "--format html needs one)")
    brief.add_argument("--llm-url", metavar="URL",
                       help="optional OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1; "
                            "every sentence it writes is checked against the evidence")
    brief.add_argument("--llm-model", metavar="NAME", help="model name for --llm-url")
    brief.add_argument("--show-dropped", action="store_true",
                       help="also list, in the briefing, the sentences the support checker dropped "
                            "(they are always in --format json and on stderr)")

    search = command("search",
                     "Search stored reports by words (English and Japanese); every word must match.")
    search.add_argument("query", nargs="+", metavar="WORD",
                        help='words that must all occur; "quoted words" as a phrase; names match their '
                             "other spellings")
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--sort", choices=("relevance", "date"), default="relevance",
                        help="order of the results (default: relevance; date: newest first)")
    search.add_argument("--json", action="store_true", help="JSON on stdout")

    show = command("show", "Show one report: metadata, cleaned text and what was extracted from it.")
    show.add_argument("id", metavar="ID", help="a report id (or a unique start of it)")
    show.add_argument("--json", action="store_true", help="JSON on stdout")

    remove = command("remove",
                     "Remove one report and everything derived from it; the record is merged again.")
    remove.add_argument("id", metavar="ID", help="a report id (or a unique start of it)")

    fix = command("set", "Correct a report's date, outlet or title.")
    fix.add_argument("id", metavar="ID", help="a report id (or a unique start of it)")
    fix.add_argument("--date", metavar="DATE", help="publication date (YYYY-MM-DD, or any form ingest reads)")
    fix.add_argument("--outlet", metavar="NAME", help="outlet name ('' clears it)")
    fix.add_argument("--title", metavar="TEXT", help="headline ('' clears it)")

    from .web.commands import register  # serve, follow: their own module, loaded lazily when run
    _COMMANDS.update(register(command))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(_COMMANDS[args.command](args))
    except UsageError as err:
        print(f"communique: {err.line()}", file=sys.stderr)
        return 2
    except CommuniqueError as err:
        print(f"communique: {err.line()}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("communique: interrupted; every report committed so far is stored", file=sys.stderr)
        return 130


def _err(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _store(args: argparse.Namespace, *, create: bool = False) -> SQLiteStore:
    """The store named by --db; commands that only read refuse a path that does not exist
    (instead of creating an empty store at a mistyped path)."""
    path = args.db or pipeline.default_path()
    if not create and not Path(path).exists():
        raise StoreError(str(path), "no such database",
                         "check --db or $COMMUNIQUE_DB, or create it with "
                         f"`communique ingest --db {path} SOURCE`")
    return pipeline.open_store(path)


def cmd_ingest(args: argparse.Namespace) -> int:
    options = pipeline.SourceOptions(
        fetch=FetchOptions(max_bytes=args.max_bytes, read_timeout=args.timeout,
                           allow_private=args.allow_private),
        max_items=args.max_items,
    )
    overrides = _overrides(args)
    total = None if args.quiet else terminal.estimate_items(args.sources)
    progress = terminal.Progress(sys.stderr, total=total, unit="reports", quiet=args.quiet)
    try:
        with _store(args, create=True) as store:
            summary = pipeline.ingest(store, args.sources, options, progress, extract=not args.no_extract,
                                      overrides=overrides)
            progress.close()
            if not args.quiet:
                _err(summary.line())
                _err(f"store {store.path}: {store.report_count()} report(s), "
                     f"{store.independent_sources()} independent source(s) after grouping wire copies")
    finally:
        progress.close()
    nothing = not summary.added and not summary.already
    return 1 if nothing and summary.skipped else 0


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    """--date, --outlet, --language for every report of the batch."""
    out: dict[str, Any] = {}
    if args.date:
        parsed = parse_published(args.date)
        if parsed is None:
            raise UsageError(f"--date {args.date}", "not a date communique can read",
                             "give it as YYYY-MM-DD or YYYY-MM-DDTHH:MM+09:00")
        out["published_at"], out["published_precision"] = parsed
    if args.outlet is not None:
        out["outlet"] = args.outlet.strip() or None
    if args.language:
        code = args.language.strip().lower()
        if not code.isalpha() or not 2 <= len(code) <= 3:
            raise UsageError(f"--language {args.language}", "not a language code",
                             "give an ISO 639-1 code: en, ja")
        out["language"] = code
    return out


def cmd_extract(args: argparse.Namespace) -> int:
    with _store(args) as store:
        summary = pipeline.extract(store, everything=args.all,
                                   progress=None if args.quiet else _err)
    if not args.quiet:
        _err(summary.line())
    return 1 if summary.problems and not summary.extracted else 0


def cmd_reports(args: argparse.Namespace) -> int:
    with _store(args) as store:
        rows = pipeline.report_rows(store)
        skipped = store.skipped()
    if args.json:
        json.dump({"reports": rows, "skipped": skipped}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    out = sys.stdout
    terminal.table(out, ("ID", "OUTLET", "DATE", "LANG", "WIRE", "TITLE"), [
        [row["id"], row["outlet"] or "?", row["published_at"] or "?", row["language"],
         f"{row['wire_group']}({row['wire_copies']})" if row["wire_group"] else "-", row["name"]]
        for row in rows], wide=("TITLE",))
    if skipped:
        out.write(f"\nskipped inputs ({len(skipped)}):\n")
        terminal.table(out, ("SOURCE", "REASON"), [
            [item["source"], item["reason"] + (f"; {item['hint']}" if item["hint"] else "")]
            for item in skipped], wide=("REASON",))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    types = (args.type,) if args.type else pipeline.EXPORT_TYPES
    with _store(args) as store:
        if args.format == "jsonl":
            for record in pipeline.export_records(store, types):
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            return 0
        if args.out is None and not args.type:
            raise UsageError("export --format csv", "one CSV file per type needs a folder",
                             "add --out DIR, or --type TYPE to write one type to stdout")
        if args.out is None:
            if args.excel:
                sys.stdout.write("\ufeff")
            _write_csv(sys.stdout, args.type, pipeline.export_records(store, types))
            return 0
        folder = Path(args.out)
        folder.mkdir(parents=True, exist_ok=True)
        encoding = "utf-8-sig" if args.excel else "utf-8"
        for kind in types:
            with (folder / f"{kind}s.csv").open("w", newline="", encoding=encoding) as handle:
                _write_csv(handle, kind, pipeline.export_records(store, (kind,)))
    return 0


def _write_csv(handle: Any, kind: str, records: Any) -> None:
    """One CSV of one record type; lists and objects are written as JSON in their cell."""
    writer = csv.DictWriter(handle, fieldnames=pipeline.export_fields(kind), lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v)
                         for k, v in record.items()})


def cmd_stories(args: argparse.Namespace) -> int:
    with _store(args) as store:
        summary = pipeline.merge(store, rebuild=args.rebuild)  # only what is not merged yet
        rows = pipeline.story_rows(store)
    if summary.merged:
        _err(summary.line())
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    terminal.table(sys.stdout, ("ID", "DATES", "REPORTS", "NAME", "KEYWORDS"), [
        [row["id"], f"{row['first_date'] or '?'}..{row['last_date'] or '?'}",
         f"{row['reports']} reports, {row['sources']} sources", row["name"], ", ".join(row["keywords"])]
        for row in rows], wide=("KEYWORDS",))
    return 0


def cmd_brief(args: argparse.Namespace) -> int:
    from .brief import render
    from .brief.llm import LLMConfig

    if args.llm_url and not args.llm_model:
        raise UsageError("brief --llm-url", "needs a model name", "add --llm-model NAME")
    llm = LLMConfig(url=args.llm_url, model=args.llm_model) if args.llm_url else None
    with _store(args) as store:
        story_ids: list[str | None] = [args.story]
        if args.story is None:
            pipeline.merge(store)
            rows = sorted(pipeline.story_rows(store), key=lambda r: (r["last_date"] or "", r["id"]),
                          reverse=True)
            if len(rows) > 1 and args.format == "html":
                listing = "; ".join(f"{r['id']} ({r['name']}, {r['last_date'] or 'undated'})" for r in rows)
                raise UsageError("brief --format html", f"the store holds {len(rows)} stories: {listing}",
                                 "add --story ID for one page (md and json brief every story)")
            story_ids = [row["id"] for row in rows] or [None]
        briefings = [pipeline.brief(store, lang=args.lang, as_of=args.as_of, since=args.since,
                                    story_id=story, llm=llm) for story in story_ids]
    if args.format == "json" and len(briefings) > 1:
        sys.stdout.write(json.dumps([b.to_dict() for b in briefings], ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write("\n---\n\n".join(render(b, args.format, show_dropped=args.show_dropped)
                                           for b in briefings))
    for one in briefings:
        for dropped in one.dropped:
            _err(f"dropped ({dropped.where}): {dropped.text} — {'; '.join(dropped.reasons)}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from .store import search

    query = " ".join(args.query)
    with _store(args) as store:
        hits = search.search(store, query, limit=args.limit, sort=args.sort)
    if args.json:
        json.dump([hit.to_dict() for hit in hits], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not hits:
        _err(f"no report matches {query!r}")
        return 0
    tty = terminal.is_terminal(sys.stdout)
    marks = (terminal.HIGHLIGHT_START, terminal.HIGHLIGHT_END) if tty else ("**", "**")
    for hit in hits:
        head = "\t".join([hit.id, hit.published_at or "?", hit.outlet or "?", hit.name])
        sys.stdout.write(head + "\n    " + hit.marked(*marks) + "\n")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with _store(args) as store:
        info = manage.show(store, args.id)
    if args.json:
        json.dump(info, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    out = sys.stdout
    for key in ("id", "title", "outlet", "published_at", "language", "url", "source", "wire_group",
                "story_id", "extractors", "ingested_at"):
        value = info[key]
        if key == "published_at" and value:
            value = f"{value} ({info['published_precision']})"
        if key == "wire_group" and value:
            value = f"{value} (with {', '.join(info['wire_copies'])})"
        if isinstance(value, list):
            value = ", ".join(value)
        out.write(f"{key + ':':<14}{value if value not in (None, '') else '-'}\n")
    out.write("\n" + info["text"].rstrip() + "\n")
    extracted = info["extracted"]
    out.write("\nextracted: " + ", ".join(f"{len(v)} {k}" for k, v in extracted.items()) + "\n")
    for actor in extracted["actors"]:
        out.write(f"  actor     {actor['id']}  {actor['name_en'] or ''} {actor['name_ja'] or ''}\n")
    for quote in extracted["quotes"]:
        said = "said" if quote["direct"] else "said (indirect)"
        out.write(f"  quote     {quote['speaker_id'] or quote['speaker_text']} {said}: {quote['text']}\n")
    for event in extracted["events"]:
        out.write(f"  event     {event['kind']} {event['date'] or '?'} {event['place'] or ''}: "
                  f"{event['summary']}\n")
    for proposal in extracted["proposals"]:
        out.write(f"  proposal  {proposal['name']} by {proposal['author_ids']}\n")
    for position in extracted["positions"]:
        out.write(f"  position  {position['holder_id']} {position['stance']} {position['target_id'] or ''} "
                  f"{position['issue'] or ''}\n")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    with _store(args) as store:
        done = manage.remove(store, args.id)
    items = ", ".join(f"{n} {table}" for table, n in done["removed"].items())
    _err(f"removed {done['id']} ({done['title'] or 'no title'}) with {items}; "
         f"record merged again from {done['merged']} report(s)")
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    with _store(args) as store:
        info = manage.set_fields(store, args.id, published_at=args.date, outlet=args.outlet, title=args.title)
    _err(f"{info['id']}: date {info['published_at'] or '-'}, outlet {info['outlet'] or '-'}, "
         f"title {info['title'] or '-'}")
    return 0


_COMMANDS: dict[str, Any] = {
    "ingest": cmd_ingest, "extract": cmd_extract, "reports": cmd_reports, "export": cmd_export,
    "stories": cmd_stories, "brief": cmd_brief, "search": cmd_search,
    "show": cmd_show, "remove": cmd_remove, "set": cmd_set,
}

if __name__ == "__main__":
    raise SystemExit(main())
