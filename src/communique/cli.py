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

from . import __version__, pipeline
from .errors import CommuniqueError, UsageError
from .ingest.fetch import DEFAULT_MAX_BYTES, DEFAULT_READ_TIMEOUT, FetchOptions

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
    "search": "examples:\n  communique search 'two to tango'\n  communique search ペスコフ",
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

    stories = command("stories", "List the stories the stored reports form.")
    stories.add_argument("--json", action="store_true", help="JSON on stdout")
    stories.add_argument("--rebuild", action="store_true",
                         help="merge every report again from scratch (after changing extractors)")

    brief = command("brief", "Write a briefing of the story as of a date, every sentence cited.")
    brief.add_argument("--lang", required=True, choices=("ja", "en"))
    brief.add_argument("--as-of", metavar="DATE",
                       help="use only reports published by DATE (default: the newest report's date)")
    brief.add_argument("--since", metavar="DATE", help="add a section on what changed since DATE")
    brief.add_argument("--format", choices=("md", "html", "json"), default="md")
    brief.add_argument("--story", metavar="ID", help="the story to brief (default: everything stored)")
    brief.add_argument("--llm-url", metavar="URL",
                       help="optional OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1; "
                            "every sentence it writes is checked against the evidence")
    brief.add_argument("--llm-model", metavar="NAME", help="model name for --llm-url")
    brief.add_argument("--show-dropped", action="store_true",
                       help="also list, in the briefing, the sentences the support checker dropped "
                            "(they are always in --format json and on stderr)")

    search = command("search", "Full-text search over stored reports (matches Japanese too).")
    search.add_argument("query")
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--json", action="store_true", help="JSON on stdout")

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


def cmd_ingest(args: argparse.Namespace) -> int:
    options = pipeline.SourceOptions(
        fetch=FetchOptions(max_bytes=args.max_bytes, read_timeout=args.timeout,
                           allow_private=args.allow_private),
        max_items=args.max_items,
    )

    def progress(line: str) -> None:
        if not args.quiet or line.startswith(("skipped:", "warning:")):
            _err(line)

    with pipeline.open_store(args.db) as store:
        summary = pipeline.ingest(store, args.sources, options, progress, extract=not args.no_extract)
        if not args.quiet:
            _err(summary.line())
            _err(f"store {store.path}: {store.report_count()} report(s), "
                 f"{store.independent_sources()} independent source(s) after grouping wire copies")
    nothing = not summary.added and not summary.already
    return 1 if nothing and summary.skipped else 0


def cmd_extract(args: argparse.Namespace) -> int:
    with pipeline.open_store(args.db) as store:
        summary = pipeline.extract(store, everything=args.all,
                                   progress=None if args.quiet else _err)
    if not args.quiet:
        _err(summary.line())
    return 1 if summary.problems and not summary.extracted else 0


def cmd_reports(args: argparse.Namespace) -> int:
    with pipeline.open_store(args.db) as store:
        rows = pipeline.report_rows(store)
        skipped = store.skipped()
    if args.json:
        json.dump({"reports": rows, "skipped": skipped}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    out = sys.stdout
    for row in rows:
        group = f"{row['wire_group']}({row['wire_copies']})" if row["wire_group"] else "-"
        out.write("\t".join([row["id"], row["outlet"] or "?", row["published_at"] or "?",
                             row["language"], group, row["name"]]) + "\n")
    if skipped:
        out.write(f"\nskipped inputs ({len(skipped)}):\n")
        for item in skipped:
            hint = f"; {item['hint']}" if item["hint"] else ""
            out.write(f"{item['source']}\t{item['reason']}{hint}\n")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    types = (args.type,) if args.type else pipeline.EXPORT_TYPES
    with pipeline.open_store(args.db) as store:
        if args.format == "jsonl":
            for record in pipeline.export_records(store, types):
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            return 0
        if args.out is None and not args.type:
            raise UsageError("export --format csv", "one CSV file per type needs a folder",
                             "add --out DIR, or --type TYPE to write one type to stdout")
        if args.out is None:
            _write_csv(sys.stdout, args.type, pipeline.export_records(store, types))
            return 0
        folder = Path(args.out)
        folder.mkdir(parents=True, exist_ok=True)
        for kind in types:
            with (folder / f"{kind}s.csv").open("w", newline="", encoding="utf-8") as handle:
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
    with pipeline.open_store(args.db) as store:
        summary = pipeline.merge(store, rebuild=args.rebuild)  # only what is not merged yet
        rows = pipeline.story_rows(store)
    if summary.merged:
        _err(summary.line())
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for row in rows:
        span = f"{row['first_date'] or '?'}..{row['last_date'] or '?'}"
        sys.stdout.write("\t".join([row["id"], span, f"{row['reports']} reports, {row['sources']} sources",
                                    row["name"], ", ".join(row["keywords"])]) + "\n")
    return 0


def cmd_brief(args: argparse.Namespace) -> int:
    from .brief import render
    from .brief.llm import LLMConfig

    if args.llm_url and not args.llm_model:
        raise UsageError("brief --llm-url", "needs a model name", "add --llm-model NAME")
    llm = LLMConfig(url=args.llm_url, model=args.llm_model) if args.llm_url else None
    with pipeline.open_store(args.db) as store:
        briefing = pipeline.brief(store, lang=args.lang, as_of=args.as_of, since=args.since,
                                  story_id=args.story, llm=llm)
    sys.stdout.write(render(briefing, args.format, show_dropped=args.show_dropped))
    for dropped in briefing.dropped:
        _err(f"dropped ({dropped.where}): {dropped.text} — {'; '.join(dropped.reasons)}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with pipeline.open_store(args.db) as store:
        hits = store.search(args.query, args.limit)
    if args.json:
        json.dump([{"id": i, "title": t} for i, t in hits], sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        for report_id, title in hits:
            sys.stdout.write(f"{report_id}\t{title or '(no title)'}\n")
    return 0


_COMMANDS: dict[str, Any] = {
    "ingest": cmd_ingest, "extract": cmd_extract, "reports": cmd_reports, "export": cmd_export,
    "stories": cmd_stories, "brief": cmd_brief, "search": cmd_search,
}

if __name__ == "__main__":
    raise SystemExit(main())
