"""The web application: server-rendered pages and a JSON API over the record, read-only.

    from communique.web.app import create_app
    app = create_app("demo.db")          # an ASGI app: uvicorn, or Starlette's TestClient

Pages are Jinja2 templates with autoescaping on for every template; the only links made from
report data are http(s) URLs; every response carries a Content-Security-Policy that allows no
script at all (the pages have none: citations open with ``<details>``).  The JSON API serves the
records of ``communique export`` with the same ids, paginated, described by ``/openapi.json``;
its errors are JSON objects ``{"error": {"status": ..., "message": ...}}``.
"""

from __future__ import annotations

import json
import re
from collections import OrderedDict
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

import jinja2
from fastapi import FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..brief import Briefing, Sentence
from ..brief.compose import BriefError
from ..errors import CommuniqueError
from .data import Library, Snapshot

CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
EXPORT_TYPES = ("report", "actor", "quote", "event", "proposal", "position", "conflict")
LANGS = ("ja", "en")
SHOW = ("all", "events", "statements")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_LIMIT = 500
PAGE_WAIT = 3.0  # seconds a story page waits for a briefing being written, then says so and reloads
SMALL_STORY = 500  # reports: a story this small has its briefing in seconds, worth waiting for
SMALL_STORY_WAIT = 60.0
API_WAIT = 20.0  # seconds the briefing API waits, then answers 503 with Retry-After
NO_STORE = (b"cache-control", b"no-store")

LABELS = {
    "en": {
        "stories": "Stories",
        "briefing": "Briefing",
        "timeline": "Timeline",
        "statements": "Who said what",
        "positions": "Positions",
        "conflicts": "Where reports differ",
        "sources": "Sources",
        "search": "Search reports",
        "as_of": "As of",
        "since": "What changed since",
        "latest": "latest",
        "none": "—",
        "show": "Show",
        "dropped": "Show sentences the checker dropped",
        "reports": "reports",
        "independent": "independent sources",
        "languages": "languages",
        "last_update": "last update",
        "open_report": "the report",
        "language": "Language",
        "original": "original",
        "no_results": "Nothing found.",
        "pending": "This briefing is being written (a large story takes a while); the page reloads itself.",
        "ingest": "Add reports",
        "ingest_urls": "Pages or feeds to add (http(s) URLs, one a line)",
        "ingest_token": "Token (printed by communique serve --allow-ingest)",
        "ingest_note": "Reports are read as `communique ingest` reads them; new material shows once the "
        "record has been read again.",
    },
    "ja": {
        "stories": "ストーリー",
        "briefing": "ブリーフィング",
        "timeline": "時系列",
        "statements": "誰が何を言ったか",
        "positions": "立場",
        "conflicts": "報道の食い違い",
        "sources": "情報源",
        "search": "記事を検索",
        "as_of": "時点",
        "since": "この日以降の変化",
        "latest": "最新",
        "none": "—",
        "show": "表示",
        "dropped": "検証で除外された文を表示",
        "reports": "件の記事",
        "independent": "独立した情報源",
        "languages": "言語",
        "last_update": "最終更新",
        "open_report": "記事",
        "language": "言語",
        "original": "元記事",
        "no_results": "見つかりませんでした。",
        "pending": "このブリーフィングを作成中です（大きなストーリーでは時間がかかります）。"
        "ページは自動で再読み込みされます。",
        "ingest": "記事を追加",
        "ingest_urls": "追加するページまたはフィード（http(s) のURL、1行に1つ）",
        "ingest_token": "トークン（communique serve --allow-ingest が表示したもの）",
        "ingest_note": "communique ingest と同じように読み込みます。"
        "新しい内容は記録を読み直した後に表示されます。",
    },
}


def safe_url(url: Any) -> str | None:
    """The URL when it is an absolute http(s) URL without characters that could break out; else None."""
    if not isinstance(url, str) or not url.strip():
        return None
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(ch.isspace() or ch in "<>\"'`\\" or ord(ch) < 32 for ch in url):
        return None
    return url


class SecurityHeaders:
    """Adds the CSP and the other security headers to every response (pure ASGI, no buffering)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    h for h in message.get("headers", []) if h[0].lower() not in dict(SECURITY_HEADERS)
                ]
                message["headers"] = headers + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


class ResponseCache:
    """Whole GET responses (pages and API) kept per snapshot of the record: the record changes only when the
    database file does, so a page once rendered is served again as bytes until then.  Least recently used
    responses go first past ``budget`` bytes; only 200s under 4 MB are kept."""

    def __init__(self, app: ASGIApp, library: Library, budget: int = 128 * 1024 * 1024) -> None:
        self.app = app
        self.library = library
        self.budget = budget
        self.size = 0
        self.entries: OrderedDict[tuple[Any, ...], tuple[int, list[Any], bytes]] = OrderedDict()
        self.generation: int | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or scope.get("method") != "GET" or path.startswith("/static/"):
            await self.app(scope, receive, send)
            return
        snapshot = self.library.snapshot_nowait()  # a stat of the file: no thread needed
        if snapshot is None:
            try:
                snapshot = await run_in_threadpool(self.library.snapshot)
            except Exception:  # noqa: BLE001 - the route meets the same error and answers it as an error page
                await self.app(scope, receive, send)
                return
        if snapshot.generation != self.generation:
            self.entries.clear()
            self.size = 0
            self.generation = snapshot.generation
        host = next((v for k, v in scope.get("headers", []) if k == b"host"), b"")
        key = (path, scope.get("query_string", b""), host)
        hit = self.entries.get(key)
        if hit is not None:
            self.entries.move_to_end(key)
            status, headers, body = hit
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        started: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            if message["type"] == "http.response.start":
                started.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if (
                    not message.get("more_body")
                    and started.get("status") == 200
                    and NO_STORE not in started.get("headers", [])
                ):
                    body = b"".join(chunks)
                    if len(body) < 4 * 1024 * 1024 and snapshot.generation == self.generation:
                        self.entries[key] = (200, list(started.get("headers", [])), body)
                        self.size += len(body)
                        while self.size > self.budget and self.entries:
                            _, (_, _, old) = self.entries.popitem(last=False)
                            self.size -= len(old)
            await send(message)

        await self.app(scope, receive, keep)


# -- API models (for the OpenAPI description) -------------------------------------------------
class Page(BaseModel):
    """One page of a list: ``items[offset:offset+limit]`` of ``total``; ``next`` is the next page's URL.
    ``total`` is null for search results beyond the page (they are found best first, page by page)."""

    items: list[dict[str, Any]]
    total: int | None
    offset: int
    limit: int
    next: str | None = None


class ErrorBody(BaseModel):
    status: int
    message: str


class Error(BaseModel):
    error: ErrorBody


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {
        "model": Error,
        "description": "a parameter the record cannot answer (e.g. a date before any report)",
    },
    404: {"model": Error, "description": "no such story, report or record"},
    422: {"model": Error, "description": "a parameter of the wrong form"},
}

BUSY: dict[int | str, dict[str, Any]] = {
    503: {"model": Error, "description": "the briefing is being written: ask again after Retry-After seconds"}
}
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="items to skip")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")]
StoryId = Annotated[str, PathParam(max_length=200, description="a story id from /api/stories")]
ReportId = Annotated[str, PathParam(max_length=200, description="a report id from /api/reports")]
Lang = Annotated[str, Query(pattern="^(ja|en)$", description="the briefing's language")]
DateParam = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="an ISO date")]


def create_app(
    db_path: str | Path,
    *,
    allowed_hosts: list[str] | None = None,
    background_refresh: bool = False,
    briefing_cache: str | Path | None = None,
    ingest_token: str | None = None,
    allow_private: bool = False,
) -> FastAPI:
    """The app over the database at ``db_path`` (read-only: every route is a GET).  With
    ``background_refresh`` a changed database is read again in a thread while the last snapshot is served;
    with ``briefing_cache`` (a folder) briefings once written are kept there per state of the record.  With
    ``ingest_token`` (``serve --allow-ingest``) the app also adds reports, given that token: see
    :mod:`communique.web.ingest`."""
    library = Library(str(db_path), background_refresh=background_refresh, briefing_cache=briefing_cache)
    app = FastAPI(
        title="communique",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        description="The sourced record of a developing story: stories, briefings, timeline, "
        "statements, positions, conflicts, sources and reports. Records and ids are "
        "those of `communique export`. Read-only.",
    )
    app.state.library = library
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("communique.web", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["safe_url"] = safe_url
    env.filters["day"] = lambda v: (v or "")[:10] if isinstance(v, str) else ""
    static = resources.files("communique.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.add_middleware(ResponseCache, library=library)
    app.add_middleware(SecurityHeaders)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)

    def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        lang = context.pop("lang", None) or _ui_lang(request)
        query = dict(request.query_params)

        def url_with(**changes: Any) -> str:
            q = {**query, **{k: v for k, v in changes.items()}}
            q = {k: v for k, v in q.items() if v not in (None, "")}
            return request.url.path + ("?" + urlencode(q) if q else "")

        html = env.get_template(template).render(
            request=request,
            lang=lang,
            t=LABELS[lang],
            url_with=url_with,
            path=request.url.path,
            query=query,
            version=__version__,
            ingest=ingest_token is not None,
            **context,
        )
        return HTMLResponse(html, status_code=status)

    def snapshot() -> Snapshot:
        return library.snapshot()

    async def snapshot_async() -> Snapshot:
        snap = library.snapshot_nowait()  # a stat of the file, no thread
        return snap if snap is not None else await run_in_threadpool(library.snapshot)

    async def view(snap: Snapshot, name: str, *args: Any) -> Any:
        """A view of the snapshot: at once when it is computed already (the usual case: serve computes the
        newest stories' views ahead), else in a thread (a large story's takes seconds)."""
        method = getattr(snap, name)
        if snap.has(name, *args):
            return method(*args)
        return await run_in_threadpool(method, *args)

    async def page_json(
        request: Request, snap: Snapshot, key: tuple[Any, ...], items: list[Any], offset: int, limit: int
    ) -> Response:
        if snap.is_encoded(key, items, offset, offset + limit):
            return paged_json(request, snap, key, items, offset, limit)
        return await run_in_threadpool(paged_json, request, snap, key, items, offset, limit)

    def story_or_404(snap: Snapshot, story_id: str) -> dict[str, Any]:
        story = snap.story(story_id)
        if story is None:
            raise HTTPException(404, f"no story {story_id!r}; the stories are listed at /api/stories")
        return story

    def report_or_404(snap: Snapshot, report_id: str) -> dict[str, Any]:
        report = snap.reports.get(report_id)
        if report is None:
            raise HTTPException(404, f"no report {report_id!r}; the reports are listed at /api/reports")
        return report

    def paged(request: Request, items: list[Any], offset: int, limit: int) -> dict[str, Any]:
        total = len(items)
        following = None
        if offset + limit < total:
            following = str(request.url.include_query_params(offset=offset + limit, limit=limit))
        return {
            "items": items[offset : offset + limit],
            "total": total,
            "offset": offset,
            "limit": limit,
            "next": following,
        }

    def paged_json(
        request: Request, snap: Snapshot, view: tuple[Any, ...], items: list[Any], offset: int, limit: int
    ) -> Response:
        """A page of a list the snapshot keeps (``view`` names it), as JSON bytes: each item is encoded
        once per snapshot, so a page costs a slice and a join (the same JSON as ``paged``)."""
        encoded = snap.encoded(view, items)
        total = len(items)
        following = None
        if offset + limit < total:
            following = str(request.url.include_query_params(offset=offset + limit, limit=limit))
        body = b"".join(
            (
                b'{"items":[',
                b",".join(encoded(i) for i in range(offset, min(offset + limit, total))),
                b'],"total":%d,"offset":%d,"limit":%d,"next":' % (total, offset, limit),
                _json(following),
                b"}",
            )
        )
        return Response(body, media_type="application/json")

    # -- errors ----------------------------------------------------------------------------
    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"

    def error(request: Request, status: int, message: str) -> Response:
        if is_api(request):
            return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)
        return page(request, "error.html", status=status, status_code=status, message=message)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page at {request.url.path}; start at / (pages) or /api/stories (JSON)"
        if exc.status_code == 405:
            message = f"{request.method} is not allowed here: this app is read-only (GET only)" + (
                "; reports are added at /ingest" if ingest_token is not None else ""
            )
        response = error(request, exc.status_code, message)
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for problem in exc.errors():
            where = ".".join(str(x) for x in problem.get("loc", ()) if x not in ("query", "path"))
            parts.append(f"{where}: {problem.get('msg', 'invalid')}")
        return error(request, 422, "; ".join(parts) + "; see /openapi.json for the parameters")

    @app.exception_handler(CommuniqueError)
    async def record_error(request: Request, exc: CommuniqueError) -> Response:
        return error(request, 400, exc.line())

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        return error(request, 500, f"internal error ({type(exc).__name__}); the server log has the details")

    # -- pages -----------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(request: Request, q: str | None = None) -> HTMLResponse:
        snap = snapshot()
        hits, problem = None, None
        if q and q.strip():
            try:
                hits = library.search(q.strip())
            except CommuniqueError as err:
                hits, problem = [], err.line()
        return page(request, "stories.html", stories=snap.stories, q=q or "", hits=hits, problem=problem)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: str = "") -> HTMLResponse:
        return stories_page(request, q)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(
        request: Request,
        story_id: str,
        lang: str = "ja",
        as_of: str | None = None,
        since: str | None = None,
        dropped: str | None = None,
    ) -> HTMLResponse:
        snap = snapshot()
        story = story_or_404(snap, story_id)
        lang = lang if lang in LANGS else "ja"
        as_of, since = _date_or_none(as_of), _date_or_none(since)
        problem = None
        view = None
        pending = False
        try:
            wait = SMALL_STORY_WAIT if (story.get("reports") or 0) <= SMALL_STORY else PAGE_WAIT
            briefing = library.briefing(story_id, lang, as_of, since, wait=wait)
            pending = briefing is None
            view = _briefing_view(briefing, snap) if briefing is not None else None
        except (BriefError, CommuniqueError) as err:
            problem = err.line()
        days = sorted(
            {d for r in snap.story_report_list(story_id) if (d := (r.get("published_at") or "")[:10])}
        )
        response = page(
            request,
            "story.html",
            lang=lang,
            story=story,
            view=view,
            problem=problem,
            pending=pending,
            refresh=5 if pending else 0,
            days=days,
            as_of=as_of or "",
            since=since or "",
            show_dropped=bool(dropped),
            tab="briefing",
        )
        if pending:  # not kept by the response cache: the next request shows the briefing
            response.headers["cache-control"] = "no-store"
        return response

    @app.get("/stories/{story_id}/feed.atom", include_in_schema=False)
    def story_feed(request: Request, story_id: str) -> Response:
        """The story's "what changed" summaries, one Atom entry per day of reports."""
        snap = snapshot()
        story = story_or_404(snap, story_id)
        lang = _ui_lang(request)
        days = snap.changes_by_day(story_id, lang)[:60]
        base = str(request.base_url).rstrip("/")
        xml = env.get_template("feed.atom").render(
            story=story,
            days=days,
            lang=lang,
            base=base,
            version=__version__,
            updated=days[0]["day"] if days else "1970-01-01",
        )
        return Response(xml, media_type="application/atom+xml")

    @app.get("/stories/{story_id}/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request, story_id: str, show: str = "all") -> HTMLResponse:
        snap = snapshot()
        story = story_or_404(snap, story_id)
        lang = _ui_lang(request)
        show = show if show in SHOW else "all"
        return page(
            request,
            "timeline.html",
            story=story,
            events=snap.timeline(story_id, lang, show),
            show=show,
            snap=snap,
            tab="timeline",
        )

    @app.get("/stories/{story_id}/statements", response_class=HTMLResponse, include_in_schema=False)
    def statements_page(request: Request, story_id: str) -> HTMLResponse:
        snap = snapshot()
        story = story_or_404(snap, story_id)
        lang = _ui_lang(request)
        return page(
            request,
            "statements.html",
            story=story,
            speakers=snap.statements(story_id, lang),
            snap=snap,
            tab="statements",
        )

    @app.get("/stories/{story_id}/positions", response_class=HTMLResponse, include_in_schema=False)
    def positions_page(request: Request, story_id: str) -> HTMLResponse:
        snap = snapshot()
        story = story_or_404(snap, story_id)
        lang = _ui_lang(request)
        return page(
            request,
            "positions.html",
            story=story,
            matrix=snap.positions(story_id, lang),
            snap=snap,
            tab="positions",
        )

    @app.get("/stories/{story_id}/conflicts", response_class=HTMLResponse, include_in_schema=False)
    def conflicts_page(request: Request, story_id: str) -> HTMLResponse:
        snap = snapshot()
        story = story_or_404(snap, story_id)
        return page(
            request,
            "conflicts.html",
            story=story,
            conflicts=snap.conflicts(story_id),
            snap=snap,
            tab="conflicts",
        )

    @app.get("/stories/{story_id}/sources", response_class=HTMLResponse, include_in_schema=False)
    def sources_page(request: Request, story_id: str) -> HTMLResponse:
        snap = snapshot()
        story = story_or_404(snap, story_id)
        return page(
            request, "sources.html", story=story, summary=snap.source_summary(story_id), tab="sources"
        )

    @app.get("/reports/{report_id}", response_class=HTMLResponse, include_in_schema=False)
    def report_page(request: Request, report_id: str) -> HTMLResponse:
        snap = snapshot()
        report = report_or_404(snap, report_id)
        lang = _ui_lang(request)
        items = snap.report_items(report_id)
        counts: dict[str, int] = {}
        for item in items:
            counts[item["type"]] = counts.get(item["type"], 0) + 1
        story = snap.story(report["story_id"]) if report.get("story_id") else None
        return page(
            request,
            "report.html",
            report=report,
            spans=snap.report_spans(report_id, lang),
            counts=counts,
            story=story,
            lang=lang,
        )

    if ingest_token is not None:
        from .ingest import add_routes

        add_routes(app, str(db_path), ingest_token, page, allow_private=allow_private)

    # -- the JSON API ----------------------------------------------------------------------
    @app.get("/api/stories", response_model=Page, responses=ERRORS, tags=["stories"])
    async def api_stories(request: Request, offset: Offset = 0, limit: Limit = 50) -> Response:
        """Every story, newest update first: name, date range, reports, independent sources, languages."""
        snap = await snapshot_async()
        return await page_json(request, snap, ("stories",), snap.stories, offset, limit)

    @app.get("/api/stories/{story_id}", responses=ERRORS, tags=["stories"])
    def api_story(story_id: StoryId) -> dict[str, Any]:
        """One story."""
        return story_or_404(snapshot(), story_id)

    @app.get("/api/stories/{story_id}/briefing", responses={**ERRORS, **BUSY}, tags=["stories"])
    def api_briefing(
        story_id: StoryId, lang: Lang = "ja", as_of: DateParam = None, since: DateParam = None
    ) -> dict[str, Any]:
        """The story's briefing as of a day (default: its newest report's), every sentence with its citations
        and evidence; ``dropped`` lists the sentences the checkers left out."""
        snap = snapshot()
        story_or_404(snap, story_id)
        for name, value in (("as_of", as_of), ("since", since)):
            if value is not None and _date_or_none(value) is None:
                raise HTTPException(422, f"{name}: {value!r} is not a calendar date (YYYY-MM-DD)")
        briefing = library.briefing(story_id, lang, as_of, since, wait=API_WAIT)
        if briefing is None:
            raise HTTPException(
                503,
                "the briefing is being written (a large story takes a while); ask again in a few seconds",
                headers={"Retry-After": "10", "Cache-Control": "no-store"},
            )
        return briefing.to_dict()

    @app.get("/api/stories/{story_id}/timeline", response_model=Page, responses=ERRORS, tags=["stories"])
    async def api_timeline(
        request: Request,
        story_id: StoryId,
        lang: Lang = "en",
        show: Annotated[str, Query(pattern="^(all|events|statements)$", description="what to list")] = "all",
        offset: Offset = 0,
        limit: Limit = 50,
    ) -> Response:
        """The story's events and dated statements by date: export ``event`` records (and statements, of
        ``type`` statement) with participants' names, independent sources and the conflicts that contest
        them."""
        snap = await snapshot_async()
        story_or_404(snap, story_id)
        items = await view(snap, "timeline", story_id, lang, show)
        return await page_json(request, snap, ("timeline", story_id, lang, show), items, offset, limit)

    @app.get("/api/stories/{story_id}/statements", response_model=Page, responses=ERRORS, tags=["stories"])
    async def api_statements(
        request: Request,
        story_id: StoryId,
        lang: Lang = "en",
        speaker: Annotated[
            str | None, Query(max_length=200, description="only this speaker's (an actor id)")
        ] = None,
        offset: Offset = 0,
        limit: Limit = 50,
    ) -> Response:
        """Who said what: one item per statement, grouped by speaker (the most quoted first, then by date),
        each with its speaker, wordings by language (quote ids of the export), date and independent
        sources."""
        snap = await snapshot_async()
        story_or_404(snap, story_id)
        items = await view(snap, "statement_list", story_id, lang, speaker)
        return await page_json(
            request, snap, ("statement_list", story_id, lang, speaker), items, offset, limit
        )

    @app.get("/api/stories/{story_id}/positions", response_model=Page, responses=ERRORS, tags=["stories"])
    async def api_positions(
        request: Request, story_id: StoryId, lang: Lang = "en", offset: Offset = 0, limit: Limit = 50
    ) -> Response:
        """Positions: one item per party, its cells keyed by proposal or issue: the latest stance, with
        its history (position ids of the export) and evidence."""
        snap = await snapshot_async()
        story_or_404(snap, story_id)
        rows = (await view(snap, "positions", story_id, lang))["rows"]
        return await page_json(request, snap, ("positions", story_id, lang), rows, offset, limit)

    @app.get("/api/stories/{story_id}/conflicts", response_model=Page, responses=ERRORS, tags=["stories"])
    async def api_conflicts(
        request: Request, story_id: StoryId, offset: Offset = 0, limit: Limit = 50
    ) -> Response:
        """Where reports differ: each conflict with its variants, their outlets and evidence."""
        snap = await snapshot_async()
        story_or_404(snap, story_id)
        items = await view(snap, "conflicts", story_id)
        return await page_json(request, snap, ("conflicts", story_id), items, offset, limit)

    @app.get("/api/stories/{story_id}/sources", responses=ERRORS, tags=["stories"])
    def api_sources(story_id: StoryId) -> dict[str, Any]:
        """The story's outlets, wire groups (copies folded), languages and reports."""
        snap = snapshot()
        story_or_404(snap, story_id)
        return snap.source_summary(story_id)

    @app.get("/api/reports", response_model=Page, responses=ERRORS, tags=["reports"])
    def api_reports(
        request: Request,
        offset: Offset = 0,
        limit: Limit = 50,
        story: Annotated[str | None, Query(max_length=200, description="only this story's")] = None,
        q: Annotated[str | None, Query(max_length=500, description="full-text search")] = None,
    ) -> Any:
        """Stored reports (without their text), oldest first; ``q`` searches titles and texts."""
        snap = snapshot()
        if story is not None:
            story_or_404(snap, story)
        if not q:
            rows = snap.report_rows(story)
            return paged_json(request, snap, ("report_rows", story), rows, offset, limit)
        rows = [{k: h.get(k) for k in _SUMMARY} for h in library.search(q, limit=10_000)]
        if story is not None:
            rows = [r for r in rows if r.get("story_id") == story]
        return paged(request, rows, offset, limit)

    @app.get("/api/reports/{report_id}", responses=ERRORS, tags=["reports"])
    def api_report(report_id: ReportId) -> dict[str, Any]:
        """One report (its export record, with the cleaned text) and every record item with evidence in it."""
        snap = snapshot()
        report = report_or_404(snap, report_id)
        return {"report": report, "items": snap.report_items(report_id)}

    @app.get("/api/records/{kind}", response_model=Page, responses=ERRORS, tags=["records"])
    async def api_records(
        request: Request,
        kind: Annotated[
            str,
            PathParam(
                pattern="^(report|actor|quote|event|proposal|position|conflict)$",
                description="an export record type",
            ),
        ],
        offset: Offset = 0,
        limit: Limit = 50,
        story: Annotated[str | None, Query(max_length=200, description="only this story's")] = None,
    ) -> Response:
        """Export records of one type, exactly as ``communique export --type KIND`` writes them."""
        snap = await snapshot_async()
        if story is not None:
            story_or_404(snap, story)
        rows = await view(snap, "records_of", kind, story)
        return await page_json(request, snap, ("records_of", kind, story), rows, offset, limit)

    @app.get("/api/records/{kind}/{record_id}", responses=ERRORS, tags=["records"])
    def api_record(
        kind: Annotated[str, PathParam(pattern="^(report|actor|quote|event|proposal|position|conflict)$")],
        record_id: Annotated[str, PathParam(max_length=200)],
    ) -> dict[str, Any]:
        """One export record by its id."""
        record = snapshot().by_id.get(record_id)
        if record is None or record["type"] != kind:
            raise HTTPException(404, f"no {kind} {record_id!r}; list them at /api/records/{kind}")
        return record

    @app.get("/api/search", response_model=Page, responses=ERRORS, tags=["reports"])
    def api_search(
        request: Request,
        q: Annotated[str, Query(min_length=1, max_length=500)],
        offset: Offset = 0,
        limit: Limit = 50,
    ) -> dict[str, Any]:
        """Full-text search over report titles and texts (FTS5 trigram: Japanese too; 3+ characters)."""
        hits = library.search(q, limit=offset + limit + 1)  # best first: a page needs no more than this
        out = paged(request, hits, offset, limit)
        out["total"] = None if len(hits) > offset + limit else len(hits)
        for hit in out["items"]:
            hit.pop("pieces", None)
        return out

    return app


_SUMMARY = ("id", "url", "outlet", "title", "published_at", "language", "story_id")


def _json(value: Any) -> bytes:
    """JSON as the API writes it (UTF-8, compact), like FastAPI's own responses."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=str).encode()


def _ui_lang(request: Request) -> str:
    lang = request.query_params.get("lang")
    return lang if lang in LANGS else "en"


def _date_or_none(value: str | None) -> str | None:
    if not value or not DATE.match(value):
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        return None


def _briefing_view(b: Briefing, snap: Snapshot) -> dict[str, Any]:
    """The briefing as the template shows it: each sentence with its citation marks and their evidence."""
    number_of: dict[str, int] = {}
    for ref in b.references:
        number_of[ref.report_id] = ref.number
        for copy in ref.copies:
            number_of[copy.report_id] = ref.number
    refs = {ref.number: ref for ref in b.references}

    def sentence(s: Sentence) -> dict[str, Any]:
        marks: dict[int, list[Any]] = {}
        for citation in s.citations:
            for ev in citation.evidence:
                n = number_of.get(ev.report_id)
                shown = snap.evidence({"report_id": ev.report_id, "start": ev.start, "end": ev.end})
                if n is not None and shown is not None:
                    marks.setdefault(n, []).append(shown)
        return {
            "text": s.text,
            "marks": [{"n": n, "ref": refs[n], "evidence": _dedupe(evs)} for n, evs in sorted(marks.items())],
        }

    sections = [
        {
            "key": sec.key,
            "title": sec.title,
            "note": sec.note,
            "sentences": [sentence(s) for s in sec.sentences],
        }
        for sec in b.sections
    ]
    return {
        "briefing": b,
        "sep": "" if b.language == "ja" else " ",
        "headline": sentence(b.headline),
        "lead": [sentence(s) for s in b.lead],
        "sections": sections,
        "points": [sentence(s) for s in b.points],
        "perspective": [sentence(s) for s in b.perspective],
        "as_of_line": sentence(b.as_of_line),
        "conflicts": [sentence(s) for s in b.conflicts],
        "points_label": b.label("points") if len(b.points) >= 3 else b.label(f"points_{len(b.points)}"),
    }


def _dedupe(evidence: list[Any]) -> list[Any]:
    seen = set()
    out = []
    for ev in evidence:
        key = (ev.report["id"], ev.start, ev.end)
        if key not in seen:
            seen.add(key)
            out.append(ev)
    return out
