"""The web app's commands, registered by :mod:`communique.cli`: ``serve`` and ``follow``.

The web framework and the poller are imported inside the handlers, so other commands start fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

Handler = Callable[[argparse.Namespace], int]

SERVE_EXAMPLES = (
    "examples:\n  communique serve --db demo.db            # then open http://127.0.0.1:8000/\n"
    "  communique serve --db demo.db --port 8080\n"
    "  curl 'http://127.0.0.1:8000/api/stories'   # the JSON API; its description is /openapi.json\n"
    "  communique serve --db demo.db --allow-ingest # prints a token; add reports at /ingest"
)
FOLLOW_EXAMPLES = (
    "examples:\n  communique follow --db news.db https://example.org/feed.xml --every 15m\n"
    "  communique follow --db news.db feed.xml reports/ --once"
)
LOOPBACK = ("127.0.0.1", "localhost", "::1")
PREPARE_STORIES = 20  # stories whose briefings serve writes ahead, newest first


def register(command: Callable[[str, str], argparse.ArgumentParser]) -> dict[str, Handler]:
    """Add this package's subcommands with ``command(name, help)``; return name -> handler."""
    serve = command(
        "serve", "Serve the record as a local web app and JSON API (read-only unless --allow-ingest)."
    )
    serve.epilog = SERVE_EXAMPLES
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)"
    )
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument(
        "--briefing-cache",
        metavar="DIR",
        help="where written briefings are kept per state of the record, so a restart does not write them "
        "again (default: $XDG_CACHE_HOME or ~/.cache, then communique/briefings)",
    )
    serve.add_argument("--no-briefing-cache", action="store_true", help="keep briefings in memory only")
    serve.add_argument(
        "--allow-ingest",
        action="store_true",
        help="let the app add reports (the page /ingest and POST /api/ingest), given a token printed at "
        "start; without it nothing writes",
    )
    serve.add_argument(
        "--allow-private",
        action="store_true",
        help="with --allow-ingest: allow URLs on loopback, private and link-local addresses",
    )
    serve.add_argument(
        "--log-level",
        default="warning",
        choices=("critical", "error", "warning", "info", "debug"),
        help="server log level (default: warning)",
    )

    follow = command("follow", "Poll feeds and pages, ingest what is new, and print what changed.")
    follow.epilog = FOLLOW_EXAMPLES
    follow.add_argument("sources", nargs="+", metavar="SOURCE", help="a feed or page URL, a file or a folder")
    follow.add_argument(
        "--every", default="15m", metavar="INTERVAL", help="time between polls: 90s, 15m, 1h (default: 15m)"
    )
    follow.add_argument("--once", action="store_true", help="poll once and exit")
    follow.add_argument(
        "--polls", type=int, default=0, metavar="N", help="stop after N polls (default: never)"
    )
    follow.add_argument(
        "--delay",
        type=float,
        default=1.0,
        metavar="SECONDS",
        help="politeness delay between two requests to the same host (default: 1)",
    )
    follow.add_argument(
        "--max-bytes",
        type=int,
        default=None,
        metavar="N",
        help="size cap per download (default: as ingest, 5 MB)",
    )
    follow.add_argument(
        "--timeout",
        type=float,
        default=None,
        metavar="SECONDS",
        help="network read timeout (default: as ingest, 20)",
    )
    follow.add_argument(
        "--allow-private",
        action="store_true",
        help="allow URLs on loopback, private and link-local addresses",
    )
    follow.add_argument("--quiet", "-q", action="store_true", help="print only what changed and problems")
    return {"serve": cmd_serve, "follow": cmd_follow}


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from ..store import default_path, is_url
    from ..store.postgresql import shown
    from .app import create_app
    from .data import default_briefing_cache

    db = args.db or default_path()
    hosts = None
    if args.host in LOOPBACK:  # refuse other Host headers (DNS rebinding) when only this machine is served
        hosts = ["127.0.0.1", "localhost", "[::1]", "::1"]
    cache = None if args.no_briefing_cache else (args.briefing_cache or default_briefing_cache())
    token = None
    if args.allow_ingest:
        from .ingest import new_token

        token = new_token()
    app = create_app(
        db,
        allowed_hosts=hosts,
        background_refresh=True,
        briefing_cache=cache,
        ingest_token=token,
        allow_private=args.allow_private,
    )
    library = app.state.library
    library.snapshot()  # read the record before the first request (and fail early)
    library.prepare_stories = PREPARE_STORIES
    library.prepare_briefings(PREPARE_STORIES)  # the newest stories' briefings, written in the background
    where = f"[{args.host}]" if ":" in args.host else args.host
    mode = "read-only" if token is None else f"reports added at /ingest with the token {token}"
    served = shown(str(db)) if is_url(str(db)) else db  # a URL's password is not printed
    print(
        f"serving {served} at http://{where}:{args.port}/ ({mode}; JSON API at /api, "
        f"description at /openapi.json); Ctrl-C stops",
        file=sys.stderr,
        flush=True,
    )
    if args.host not in LOOPBACK:
        print(f"warning: listening on {args.host}: other machines can read this record", file=sys.stderr)
        if token is not None:
            print("warning: --allow-ingest off loopback: the token travels unencrypted", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level, server_header=False)
    return 0


def cmd_follow(args: argparse.Namespace) -> int:
    from .follow import run

    return run(args)
