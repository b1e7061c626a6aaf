"""The ``communique`` command: a thin layer over :mod:`communique.pipeline`.

Data goes to stdout; progress, warnings and errors go to stderr.  Exit 0 on success,
1 on an error (or when nothing at all could be ingested), 2 on a usage error.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__, lazy, terminal
from .errors import CommuniqueError, StoreError, UsageError
from .extract import user_names
from .ingest.limits import DEFAULT_MAX_BYTES, DEFAULT_READ_TIMEOUT, FEED_DEADLINE
from .ingest.meta import parse_published
from .model import EXPORT_TYPES
from .store import SQLiteStore, default_path, is_url, open_store

if TYPE_CHECKING:
    from . import manage, pipeline
else:  # loaded by the commands that use them: `search` never loads the merger
    manage = lazy.module("communique.manage")
    pipeline = lazy.module("communique.pipeline")

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
    "actors": "examples:\n  communique actors add 'Ryosei Akazawa' --ja 赤沢亮正 --short-ja 赤沢 "
              "--title 'Minister for Economic Revitalization' --title-ja 経済再生相 --affiliation japan\n"
              "  communique actors unknown --db news.db\n"
              "  communique actors add --confirm person:ryosei-akazawa\n"
              "  communique actors check --gazetteer my-names.json\n"
              "  communique actors show Akazawa\n  communique actors list --user",
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
        sub.add_argument("--gazetteer", metavar="FILE",
                         help="the user's own names, merged over the built-in gazetteer "
                              "(default: $COMMUNIQUE_GAZETTEER or ~/.config/communique/gazetteer.json)")
        return sub

    ingest = command("ingest", "Ingest reports from files, folders, URLs and RSS/Atom feeds.")
    ingest.add_argument("sources", nargs="+", metavar="SOURCE",
                        help="a file, a folder (recursive), an http(s) URL, or a feed")
    ingest.add_argument("--quiet", "-q", action="store_true", help="no progress or summary on stderr")
    ingest.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                        help="size cap per file, record or download (default: 5 MB)")
    ingest.add_argument("--max-items", type=int, default=1000, metavar="N",
                        help="items read per feed (default: 1000)")
    ingest.add_argument("--follow-symlinks", action="store_true",
                        help="in a folder, read files that symbolic links point to outside it")
    ingest.add_argument("--timeout", type=float, default=DEFAULT_READ_TIMEOUT, metavar="SECONDS",
                        help="network read timeout (default: 20)")
    ingest.add_argument("--feed-deadline", type=float, default=FEED_DEADLINE,
                        metavar="SECONDS",
                        help="time for one feed, its linked pages included; the items after it are "
                             "skipped with that reason (default: 600)")
    ingest.add_argument("--allow-private", action="store_true",
                        help="allow URLs on loopback, private and link-local addresses")

    ingest.add_argument("--no-extract", action="store_true",
                        help="store reports only; run `communique extract` later")
    ingest.add_argument("--date", metavar="DATE",
                        help="the publication date of every report in this batch (overrides what they say)")
    ingest.add_argument("--outlet", metavar="NAME", help="the outlet of every report in this batch")
    ingest.add_argument("--language", metavar="CODE",
                        help="the language of every report in this batch (en, ja…)")
    ingest.add_argument("--scheduler", metavar="ADDRESS|local[:N]",
                        help="read, clean and extract on a Dask cluster: a scheduler address "
                             "(tcp://host:8786) or local[:N] for N worker processes on this machine; "
                             "this process stores and merges (needs communique[cluster])")

    extract = command("extract", "Run extraction again on stored reports.")
    extract.add_argument("--all", action="store_true",
                         help="every report, not only those whose extractor versions changed")
    extract.add_argument("--quiet", "-q", action="store_true", help="no progress or summary on stderr")

    reports = command("reports", "List stored reports and every skipped input with its reason.")
    reports.add_argument("--json", action="store_true", help="JSON on stdout")

    export = command("export", "Export everything stored, one record per line.")
    export.add_argument("--format", required=True, choices=("jsonl", "csv"))
    export.add_argument("--type", choices=EXPORT_TYPES, help="only this record type")
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
                       help="the story to brief (default: each story in turn, newest first, each in "
                            "short when there are several; --format html needs one)")
    length = brief.add_mutually_exclusive_group()
    length.add_argument("--short", action="store_true",
                        help="only the headline, the lead and the as-of line, with their references "
                             "(the default without --story when the store holds several stories)")
    length.add_argument("--full", action="store_true", help="every story's whole briefing")
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

    actors = command("actors",
                     "The user's own names: people and bodies the built-in gazetteer does not know.")
    shared = argparse.ArgumentParser(add_help=False)  # --db and --gazetteer after the action too
    shared.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="database file")
    shared.add_argument("--gazetteer", metavar="FILE", default=argparse.SUPPRESS, help="the user's names")
    action = actors.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = action.add_parser("list", help="every known actor (built-in and the user's)", parents=[shared])
    listing.add_argument("--user", action="store_true", help="only the user's entries")
    listing.add_argument("--json", action="store_true", help="JSON on stdout")
    one = action.add_parser("show", help="one actor by id or by any of its names", parents=[shared])
    one.add_argument("name", metavar="ID|NAME")
    action.add_parser("check", help="validate the user's gazetteer file", parents=[shared])
    unknown = action.add_parser("unknown", help="people found in stored reports whom no gazetteer lists, "
                                                "with their spellings in each language", parents=[shared])
    unknown.add_argument("--json", action="store_true", help="JSON on stdout")
    add = action.add_parser("add", help="add a person or body to the user's gazetteer "
                                        "(or confirm one of `actors unknown` with --confirm)",
                             parents=[shared])
    add.add_argument("name", metavar="NAME", nargs="?", help="the English name (e.g. 'Ryosei Akazawa')")
    add.add_argument("--confirm", metavar="ID", help="a person:… id from `actors unknown`: take its names")
    add.add_argument("--ja", metavar="NAME", help="the Japanese name (e.g. 赤沢亮正)")
    add.add_argument("--id", dest="entry_id", metavar="ID", help="the id (default: from the English name)")
    add.add_argument("--kind", choices=("person", "country", "organization", "bloc"), default="person")
    add.add_argument("--short", metavar="NAME", help="English short name (default: the family name)")
    add.add_argument("--short-ja", metavar="NAME", help="Japanese short name (e.g. 赤沢)")
    add.add_argument("--alias", action="append", default=[], metavar="NAME",
                     help="another spelling, any language (repeatable)")
    add.add_argument("--title", metavar="TEXT",
                     help="English title (e.g. 'Minister for Economic Revitalization')")
    add.add_argument("--title-ja", metavar="TEXT", help="Japanese title (e.g. 経済再生相)")
    add.add_argument("--affiliation", metavar="ID",
                     help="the country or body the title belongs to (e.g. japan)")
    add.add_argument("--since", metavar="DATE", help="the role's start (YYYY, YYYY-MM or YYYY-MM-DD)")

    from .web.commands import register  # serve, follow: their own module, loaded lazily when run
    _COMMANDS.update(register(command))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help(sys.stderr)
        return 2
    with warnings.catch_warnings():
        warnings.showwarning = _show_warning  # a library's warning is one line, like every problem
        return _run(args)


def _show_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                  file: Any = None, line: str | None = None) -> None:
    print(f"warning: {message}", file=sys.stderr, flush=True)


def _run(args: argparse.Namespace) -> int:
    try:
        if getattr(args, "gazetteer", None):
            user_names.use_file(args.gazetteer)
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
    finally:
        if getattr(args, "gazetteer", None):
            user_names.use_file(None)


def _err(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _store(args: argparse.Namespace, *, create: bool = False) -> SQLiteStore:
    """The store named by --db; commands that only read refuse a path that does not exist
    (instead of creating an empty store at a mistyped path)."""
    path = args.db or default_path()
    if not create and not is_url(path) and not Path(path).exists():
        raise StoreError(str(path), "no such database",
                         "check --db or $COMMUNIQUE_DB, or create it with "
                         f"`communique ingest --db {path} SOURCE`")
    return open_store(path)


def cmd_ingest(args: argparse.Namespace) -> int:
    from .ingest import SourceOptions
    from .ingest.fetch import FetchOptions

    options = SourceOptions(
        fetch=FetchOptions(max_bytes=args.max_bytes, read_timeout=args.timeout,
                           allow_private=args.allow_private),
        max_items=args.max_items,
        follow_symlinks=args.follow_symlinks,
        feed_deadline=args.feed_deadline,
    )
    overrides = _overrides(args)
    if not args.no_extract:
        from .extract.gazetteer import load

        load()  # a broken user gazetteer stops here, once, not at every report
    total = None if args.quiet else terminal.estimate_items(args.sources)
    progress = terminal.Progress(sys.stderr, total=total, unit="reports", quiet=args.quiet)
    try:
        with _store(args, create=True) as store:
            if args.scheduler:
                from . import cluster  # Dask is imported only for a run on a cluster

                summary = cluster.ingest(store, args.sources, args.scheduler, options, progress,
                                         extract=not args.no_extract, overrides=overrides)
            else:
                summary = pipeline.ingest(store, args.sources, options, progress,
                                          extract=not args.no_extract, overrides=overrides)
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
    if args.format == "csv" and args.out is None and not args.type:
        raise UsageError("export --format csv", "one CSV file per type needs a folder",
                         "add --out DIR, or --type TYPE to write one type to stdout")
    with _store(args) as store:
        if args.format == "jsonl":
            for record in pipeline.export_records(store, types):
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            return 0
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
    from . import merge as merging  # not the pipeline: listing stories reads no report

    with _store(args) as store:
        summary = (merging.merge_all if args.rebuild else merging.merge_pending)(store)  # what is new
        rows = merging.story_rows(store)
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

    if args.llm_url and not args.llm_model:
        raise UsageError("brief --llm-url", "needs a model name", "add --llm-model NAME")
    llm = None
    if args.llm_url:  # the language model's writer loads only when asked for
        from .brief.llm import LLMConfig

        llm = LLMConfig(url=args.llm_url, model=args.llm_model)
    with _store(args) as store:
        story_ids: list[str | None] = [args.story]
        rows: list[dict[str, Any]] = []
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
    hints = [""] * len(briefings)
    if args.short or (len(briefings) > 1 and not args.full):  # several stories: each in short
        by_id = {row["id"]: row for row in rows}
        hints = [manage.short_hint(b, by_id.get(b.story_id or "")) for b in briefings]
        briefings = [manage.short_briefing(b) for b in briefings]
    if args.format == "json" and len(briefings) > 1:
        sys.stdout.write(json.dumps([b.to_dict() for b in briefings], ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write("\n---\n\n".join(
            render(b, args.format, show_dropped=args.show_dropped)
            + (f"\n{hint}\n" if hint and args.format == "md" else "")
            for b, hint in zip(briefings, hints, strict=True)))
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


def cmd_actors(args: argparse.Namespace) -> int:
    from .extract.gazetteer import builtin_entries, load

    if args.action == "check":
        path = user_names.user_path()
        if not path.exists():
            _err(f"{path}: no user gazetteer yet (the built-in one is used); "
                 "create it with `communique actors add`")
            return 0
        entries = user_names.read(path)
        found = user_names.problems(entries, builtin_entries())
        for line in found:
            sys.stdout.write(f"{path}: {line}\n")
        _err(f"{path}: {len(entries)} entr{'y' if len(entries) == 1 else 'ies'}, "
             + (f"{len(found)} problem(s)" if found else "no problems"))
        return 1 if found else 0
    if args.action == "unknown":
        with _store(args) as store:
            rows = _unknown_people(store)
        if args.json:
            json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            terminal.table(sys.stdout, ("ID", "ENGLISH", "JAPANESE", "REPORTS", "SPELLINGS"), [
                [r["id"], r["name_en"] or "-", r["name_ja"] or "-", str(r["reports"]),
                 ", ".join(r["aliases"])]
                for r in rows], wide=("SPELLINGS",))
            if rows:
                _err(f"confirm one with `communique actors add --confirm {rows[0]['id']}` "
                     "(then `communique extract --all`)")
        return 0
    if args.action == "add":
        new = _new_entry(args)
        path = user_names.add(new)
        _err(f"added {new['id']} to {path}; run `communique extract --all` "
             "(and `communique stories --rebuild`) "
             "so stored reports use it")
        return 0
    gazetteer = load()
    mine = user_names.user_ids()
    if args.action == "list":
        listed = sorted(gazetteer.entries.values(), key=lambda e: e.id)
        if args.user:
            listed = [e for e in listed if e.id in mine]
        rows = [{"id": e.id, "kind": e.kind, "name_en": e.name_en, "name_ja": e.name_ja,
                 "source": "user" if e.id in mine else "built-in"} for e in listed]
        if args.json:
            json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            terminal.table(sys.stdout, ("ID", "KIND", "ENGLISH", "JAPANESE", "SOURCE"),
                           [[r["id"], r["kind"], r["name_en"], r["name_ja"] or "-", r["source"]]
                            for r in rows],
                           wide=("ENGLISH",))
        return 0
    known = gazetteer.get(args.name) or gazetteer.lookup(args.name)
    if known is None:
        raise UsageError(args.name, "no actor in the gazetteer has this id or name",
                         "list them with `communique actors list`, add one with `communique actors add`")
    info = {"id": known.id, "kind": known.kind, "source": "user" if known.id in mine else "built-in",
            "name": {"en": known.name_en, "ja": known.name_ja},
            "short": {"en": known.short_en, "ja": known.short_ja},
            "aliases": {"en": list(known.aliases_en), "ja": list(known.aliases_ja)},
            "roles": [{"title": {"en": r.title, "ja": r.title_ja}, "affiliation": r.affiliation,
                       "from": r.since, "to": r.until} for r in known.roles],
            "country": known.country}
    json.dump(info, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _unknown_people(store: SQLiteStore) -> list[dict[str, Any]]:
    """People the extractors found whom no gazetteer lists (``person:`` ids), with every spelling
    in each language -- one row per person of the merged record (赤沢亮正 and Ryosei Akazawa are one
    row once merged) -- most reported first."""
    pipeline.merge(store)
    merged = store.db.execute("SELECT id, name_en, name_ja, aliases, member_ids FROM merged_actors "
                              "WHERE kind = 'person' AND id LIKE 'person:%'").fetchall()
    rows = []
    for row in merged:
        members = json.loads(row["member_ids"] or "[]") or [row["id"]]
        marks = ",".join("?" * len(members))
        reports = store.db.execute("SELECT count(DISTINCT report_id) FROM evidence WHERE "
                                   f"item_type = 'actor' AND item_id IN ({marks})", members).fetchone()[0]
        spellings = [row["name_en"], row["name_ja"], *json.loads(row["aliases"] or "[]")]
        aliases = [a for a in dict.fromkeys(spellings) if a]
        japanese = sorted((a for a in aliases if _has_japanese(a)), key=len, reverse=True)
        english = [a for a in aliases if not _has_japanese(a)]
        rows.append({"id": row["id"], "name_en": row["name_en"] or (english[0] if english else None),
                     "name_ja": japanese[0] if japanese else None, "aliases": aliases,
                     "reports": int(reports)})
    return sorted(rows, key=lambda r: (-r["reports"], r["id"]))


def _new_entry(args: argparse.Namespace) -> dict[str, Any]:
    name_en, name_ja = args.name, args.ja
    aliases: list[str] = list(args.alias)
    if args.confirm:
        with _store(args) as store:
            found = [r for r in _unknown_people(store) if r["id"] == args.confirm]
        if not found:
            raise UsageError(args.confirm, "not among the unknown people of the store",
                             "list them with `communique actors unknown`")
        name_en = name_en or found[0]["name_en"]
        name_ja = name_ja or found[0]["name_ja"]
        aliases += found[0]["aliases"]
        japanese = sorted((a for a in aliases if _has_japanese(a) and a != name_ja), key=len)
        if not args.short_ja and japanese and name_ja and name_ja.startswith(japanese[0]):
            args.short_ja = japanese[0]  # 赤沢 of 赤沢亮正: the family name
    if not name_en and not name_ja:
        raise UsageError("actors add", "needs a name",
                         "give NAME (English) and/or --ja NAME, or --confirm ID")
    entry_id = args.entry_id or user_names.slug(name_en or "") or (args.confirm or "").removeprefix("person:")
    if not entry_id:
        raise UsageError("actors add", "cannot make an id from a Japanese name alone", "add --id ID")
    is_ja = [a for a in aliases if _has_japanese(a)]
    names = {"en": name_en, "ja": name_ja}
    entry: dict[str, Any] = {"id": entry_id, "kind": args.kind, "name": {k: v for k, v in names.items() if v}}
    short = {"en": args.short or (name_en.split()[-1] if name_en and args.kind == "person" else None),
             "ja": args.short_ja}
    if any(short.values()):
        entry["short"] = {k: v for k, v in short.items() if v}
    spellings = {"en": [a for a in aliases if a not in is_ja and a not in (name_en, short["en"])],
                 "ja": [a for a in is_ja if a not in (name_ja, short["ja"])]}
    entry["aliases"] = {k: list(dict.fromkeys(v)) for k, v in spellings.items() if v}
    if args.title or args.title_ja:
        role: dict[str, Any] = {"title": {k: v for k, v in (("en", args.title), ("ja", args.title_ja)) if v}}
        if args.affiliation:
            role["affiliation"] = args.affiliation
        if args.since:
            role["from"] = args.since
        entry["roles"] = [role]
    if args.affiliation and args.kind == "person":
        entry["country"] = args.affiliation
    return entry


def _has_japanese(text: str) -> bool:
    return any("\u3040" <= ch <= "\u9fff" for ch in text)


_COMMANDS: dict[str, Any] = {
    "ingest": cmd_ingest, "extract": cmd_extract, "reports": cmd_reports, "export": cmd_export,
    "stories": cmd_stories, "brief": cmd_brief, "search": cmd_search,
    "show": cmd_show, "remove": cmd_remove, "set": cmd_set, "actors": cmd_actors,
}

if __name__ == "__main__":
    raise SystemExit(main())
