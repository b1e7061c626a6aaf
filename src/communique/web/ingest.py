"""Adding reports from the web app: only with ``serve --allow-ingest``, and then only with the run's token.

``serve --allow-ingest`` makes a token for the run (printed once on the terminal, never shown by the app).
Two ways in, both through :func:`communique.pipeline.ingest` under ingest's fetching rules (http(s) only,
timeouts, size caps, private addresses refused unless ``--allow-private``):

* the page ``/ingest``: a form with the token and one URL a line.  Its POST must carry the token, and the
  form's CSRF value equal to the cookie set with the form (``SameSite=Strict``, ``HttpOnly``); a request a
  browser marks as coming from another site (``Sec-Fetch-Site``, an ``Origin`` of another host) is refused
  before anything else.
* ``POST /api/ingest`` with ``Authorization: Bearer TOKEN`` and ``{"sources": [URL, ...]}``: a header that a
  page of another site cannot make a browser send (the app allows no cross-origin requests).

Only URLs are taken: a path on the server's disk is refused (no one reads the server's files through it).
One ingest runs at a time; a request that finds one running answers 409.
"""

from __future__ import annotations

import hmac
import secrets
import threading
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from .. import pipeline
from ..ingest import SourceOptions
from ..ingest.fetch import FetchOptions

MAX_SOURCES = 20  # URLs per request
MAX_FORM_BYTES = 64 * 1024
CSRF_COOKIE = "communique_csrf"


class IngestRequest(BaseModel):
    sources: list[str] = Field(
        min_length=1, max_length=MAX_SOURCES, description="http(s) URLs: pages or feeds"
    )


class IngestResult(BaseModel):
    added: list[str]
    already: list[str]
    skipped: list[str]
    warnings: list[str]
    summary: str


def new_token() -> str:
    return secrets.token_urlsafe(24)


def add_routes(
    app: FastAPI,
    db_path: str,
    token: str,
    page: Callable[..., HTMLResponse],
    *,
    allow_private: bool = False,
) -> None:
    """The ingest page, its POST and ``POST /api/ingest`` on ``app``, guarded by ``token``."""
    busy = threading.Lock()
    fetch = FetchOptions(allow_private=allow_private)

    def run(sources: list[str]) -> dict[str, Any]:
        urls = [s.strip() for s in sources if s.strip()]
        if not urls:
            raise HTTPException(422, "give at least one http(s) URL")
        if len(urls) > MAX_SOURCES:
            raise HTTPException(422, f"at most {MAX_SOURCES} URLs at a time")
        for url in urls:
            parts = urlsplit(url)
            if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
                raise HTTPException(422, f"{url[:80]!r} is not an http(s) URL (the web app reads no files)")
        if not busy.acquire(blocking=False):
            raise HTTPException(409, "another ingest is running; try again when it has finished")
        try:
            with pipeline.open_store(db_path) as store:
                summary = pipeline.ingest(store, urls, SourceOptions(fetch=fetch))
        finally:
            busy.release()
        return {
            "added": list(summary.added),
            "already": list(summary.already),
            "skipped": [s.message() for s in summary.skipped],
            "warnings": list(summary.warnings),
            "summary": summary.line(),
        }

    def check_token(given: str | None) -> None:
        if not given or not hmac.compare_digest(given.encode(), token.encode()):
            raise HTTPException(403, "wrong or missing token: give the one `communique serve` printed")

    def same_origin(request: Request) -> None:
        """Refuse what a browser says comes from another site.  (Under this app's ``no-referrer`` policy a
        browser sends ``Origin: null`` with its own forms; the CSRF value and the cookie decide then.)"""
        site = request.headers.get("sec-fetch-site")
        if site and site not in ("same-origin", "none"):
            raise HTTPException(403, "a request from another site is refused")
        origin = request.headers.get("origin")
        if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host", ""):
            raise HTTPException(403, "a request from another site is refused")

    def form_page(request: Request, status: int = 200, **context: Any) -> HTMLResponse:
        csrf = secrets.token_urlsafe(24)
        response = page(request, "ingest.html", status=status, csrf=csrf, max_sources=MAX_SOURCES, **context)
        response.set_cookie(CSRF_COOKIE, csrf, httponly=True, samesite="strict", path="/ingest", max_age=3600)
        response.headers["cache-control"] = "no-store"
        return response

    @app.get("/ingest", response_class=HTMLResponse, include_in_schema=False)
    def ingest_form(request: Request) -> HTMLResponse:
        return form_page(request, result=None, sources="", problem=None)

    @app.post("/ingest", response_class=HTMLResponse, include_in_schema=False)
    async def ingest_post(request: Request) -> HTMLResponse:
        same_origin(request)
        body = await request.body()
        if len(body) > MAX_FORM_BYTES:
            raise HTTPException(413, f"the form is over {MAX_FORM_BYTES // 1024} KB")
        fields = parse_qs(body.decode("utf-8", "replace"), max_num_fields=10)
        value = {k: v[0] for k, v in fields.items() if v}
        cookie = request.cookies.get(CSRF_COOKIE)
        csrf = value.get("csrf")
        if not cookie or not csrf or not hmac.compare_digest(cookie.encode(), csrf.encode()):
            raise HTTPException(403, "the form has expired or was not sent from this app: open /ingest again")
        check_token(value.get("token"))
        sources = value.get("sources", "").splitlines()
        try:
            result = await run_in_threadpool(run, sources)
        except HTTPException as err:
            if err.status_code in (409, 422):
                return form_page(
                    request,
                    status=err.status_code,
                    result=None,
                    sources=value.get("sources", ""),
                    problem=str(err.detail),
                )
            raise
        return form_page(request, result=result, sources="", problem=None)

    @app.post(
        "/api/ingest",
        response_model=IngestResult,
        tags=["ingest"],
        responses={
            401: {"description": "no token"},
            403: {"description": "a wrong token"},
            409: {"description": "another ingest is running"},
        },
    )
    def api_ingest(request: Request, body: IngestRequest) -> Response:
        """Ingest pages or feeds by URL into the store (only with `serve --allow-ingest`; the header
        ``Authorization: Bearer TOKEN`` carries the token `serve` printed)."""
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not given:
            raise HTTPException(
                401, "give the token as `Authorization: Bearer TOKEN`", headers={"WWW-Authenticate": "Bearer"}
            )
        check_token(given.strip())
        return JSONResponse(run(body.sources))
