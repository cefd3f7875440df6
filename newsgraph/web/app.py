"""FastAPI app: every HTML page has a JSON twin under /api/ returning the same data.

Read-only by default: requests share one read-only handle on the store, closed
when the server is idle (so an ingest can take the write lock), every query binds its
values as parameters, templates escape everything, and a strict Content
Security Policy forbids inline script, so text from articles can never run.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Iterator
from contextlib import asynccontextmanager, contextmanager
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import duckdb
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from ..errors import NewsgraphError, StoreError
from ..store import Store
from ..time import parse_date_value
from . import data
from .pool import SharedStore

CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
FACTUALITIES = ("asserted", "reported", "threatened", "intended", "denied", "hypothetical")


def _web_dir() -> Path:
    return Path(str(resources.files("newsgraph") / "web"))


def create_app(db: str, allow_ingest: bool = False) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # count the per-actor aggregates while the server starts taking requests, not in the first actor page's
        threading.Thread(target=warm_up, name="newsgraph-warm-up", daemon=True).start()
        yield
        if shared:
            shared.close()

    def warm_up() -> None:
        try:
            with store() as s:
                data.actor_aggregates(s)
        except (HTTPException, duckdb.Error) as e:  # an optimisation only: the first actor page counts them itself
            logging.getLogger("newsgraph.web").warning("per-actor aggregates not counted at start: %s", getattr(e, "detail", e))

    app = FastAPI(
        title="newsgraph",
        description="Events, actors, relations and sources of a newsgraph store. Every page has a JSON twin under /api/.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.db = db
    # read-only: requests share one open database (see pool.py); with ingest, each opens the store read-write
    shared = None if allow_ingest else SharedStore(db)
    app.state.allow_ingest = allow_ingest
    templates = Jinja2Templates(directory=str(_web_dir() / "templates"))
    templates.env.autoescape = True
    app.mount("/static", StaticFiles(directory=str(_web_dir() / "static")), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @contextmanager
    def store() -> Iterator[Store]:
        try:
            # one configuration per process: read-write only when this server may ingest
            s = shared.cursor() if shared else Store(app.state.db, read_only=False)
        except StoreError as e:
            raise HTTPException(status_code=503, detail=str(e)) from None
        try:
            yield s
        finally:
            if shared:
                shared.release(s)
            else:
                s.close()

    nav = NAV + ([("/ingest", "Add articles")] if allow_ingest else [])

    def render(request: Request, name: str, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, {"nav": nav, **context})

    def date_param(value: str | None, name: str) -> dt.date | None:
        if not value:
            return None
        d = parse_date_value(value)
        if d is None:
            raise HTTPException(status_code=422, detail=f"{name}: {value!r} is not a date (YYYY-MM-DD)")
        return d

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return RedirectResponse("/static/favicon.svg", status_code=301)

    # ------------------------------------------------------------ overview
    def overview_data() -> dict[str, Any]:
        with store() as s:
            return data.overview(s)

    @app.get("/api/overview", tags=["api"], summary="Documents, outlets, date range, event counts by type, latest events")
    def api_overview() -> JSONResponse:
        return JSONResponse(overview_data())

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview_page(request: Request):
        return render(request, "overview.html", o=overview_data())

    # ------------------------------------------------------------ events
    def events_data(actor, type_, since, until, outlet, factuality, q, sort, order, page_no, size) -> dict[str, Any]:
        from ..api import resolve_actor_filter

        if sort not in data.SORTS:
            raise HTTPException(status_code=422, detail=f"sort must be one of {', '.join(data.SORTS)}")
        if factuality and factuality not in FACTUALITIES:
            raise HTTPException(status_code=422, detail=f"factuality must be one of {', '.join(FACTUALITIES)}")
        actor_ids, actor_text = resolve_actor_filter(actor)
        types = [t.strip() for t in type_.split(",") if t.strip()] if type_ else None
        with store() as s:
            result = data.events_page(s, actor_ids, actor_text, types, date_param(since, "since"), date_param(until, "until"),
                                      outlet or None, factuality or None, q or None, sort, order == "desc", page_no, size)
        result["filters"] = {"actor": actor, "type": type_, "since": since, "until": until, "outlet": outlet,
                             "factuality": factuality, "q": q, "sort": sort, "order": order}
        result["query"] = urlencode({k: v for k, v in result["filters"].items() if v})
        return result

    @app.get("/api/events", tags=["api"], summary="Events, filtered, sorted and paginated")
    def api_events(
        actor: str | None = Query(None, description="actor id, name or alias"),
        type: str | None = Query(None, description="PLOVER types, comma-separated"),
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
        factuality: str | None = None,
        q: str | None = Query(None, description="words in the evidence sentence"),
        sort: str = "date",
        order: str = Query("asc", pattern="^(asc|desc)$"),
        page: int = Query(1, ge=1),
        size: int = Query(data.PAGE_SIZE, ge=1, le=500),
    ) -> JSONResponse:
        return JSONResponse(events_data(actor, type, since, until, outlet, factuality, q, sort, order, page, size))

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_html(
        request: Request,
        actor: str | None = None,
        type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
        factuality: str | None = None,
        q: str | None = None,
        sort: str = "date",
        order: str = Query("asc", pattern="^(asc|desc)$"),
        page: int = Query(1, ge=1),
    ):
        result = events_data(actor, type, since, until, outlet, factuality, q, sort, order, page, data.PAGE_SIZE)
        return render(request, "events.html", r=result, factualities=FACTUALITIES)


    # ------------------------------------------------------------ one event
    def event_data(event_id: str) -> dict[str, Any]:
        with store() as s:
            e = data.event(s, event_id)
        if e is None:
            raise HTTPException(status_code=404, detail=f"no event {event_id!r}")
        e["evidence_parts"] = highlight(e)
        return e

    @app.get("/api/events/{event_id}", tags=["api"], summary="One event with its evidence")
    def api_event(event_id: str) -> JSONResponse:
        return JSONResponse(event_data(event_id))

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_html(request: Request, event_id: str):
        return render(request, "event.html", e=event_data(event_id))

    # ------------------------------------------------------------ actors
    def actor_data(actor_id: str) -> dict[str, Any]:
        from ..actors import default_registry

        with store() as s:
            a = data.actor(s, actor_id, default_registry())
        if a is None:
            raise HTTPException(status_code=404, detail=f"no actor {actor_id!r}")
        return a

    @app.get("/api/actors/{actor_id}", tags=["api"], summary="An actor: identity, roles over time, timeline, partners and adversaries")
    def api_actor(actor_id: str) -> JSONResponse:
        return JSONResponse(actor_data(actor_id))

    @app.get("/actors/{actor_id}", response_class=HTMLResponse, include_in_schema=False)
    def actor_html(request: Request, actor_id: str):
        return render(request, "actor.html", a=actor_data(actor_id))

    # ------------------------------------------------------------ dyad
    def dyad_data(a: str, b: str, by: str) -> dict[str, Any]:
        from .. import api

        if by not in ("month", "quarter", "year"):
            raise HTTPException(status_code=422, detail="by must be month, quarter or year")
        if not a or not b:
            raise HTTPException(status_code=422, detail="give two actors: ?a=VEN&b=USA")
        try:
            rows = api.dyad(db=app.state.db, a=a, b=b, by=by)
        except NewsgraphError as e:
            raise HTTPException(status_code=422, detail=str(e)) from None
        events = []
        with store() as s:
            for r in rows:
                for cid in r.get("clusters", [])[:50]:
                    e = data.cluster_event(s, cid)
                    if e is not None:
                        e["period"] = r["period"]
                        events.append(e)
        return {"a": a, "b": b, "by": by, "periods": rows, "events": events}

    @app.get("/api/dyad", tags=["api"], summary="Cooperation-conflict between two actors per period, with the events behind each point")
    def api_dyad(a: str = "", b: str = "", by: str = "month") -> JSONResponse:
        return JSONResponse(dyad_data(a, b, by))

    @app.get("/dyad", response_class=HTMLResponse, include_in_schema=False)
    def dyad_html(request: Request, a: str = "", b: str = "", by: str = "month"):
        from .charts import dyad_bars

        d = dyad_data(a, b, by)
        return render(request, "dyad.html", d=d, chart=dyad_bars(d["periods"]))

    # ------------------------------------------------------------ network
    def network_data(since: str | None, at: str | None) -> dict[str, Any]:
        from .. import api

        try:
            rows = api.relations(db=app.state.db, since=date_param(since, "since"), at=date_param(at, "at"))
        except NewsgraphError as e:
            raise HTTPException(status_code=422, detail=str(e)) from None
        return {"since": since, "at": at, "relations": rows}

    @app.get("/api/network", tags=["api"], summary="The relation graph: one row per dyad and relation kind, with distinct events and scores")
    def api_network(since: str | None = None, at: str | None = None) -> JSONResponse:
        return JSONResponse(network_data(since, at))

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_html(request: Request, since: str | None = None, at: str | None = None):
        from .charts import network

        d = network_data(since, at)
        return render(request, "network.html", d=d, g=network(d["relations"]))

    # ------------------------------------------------------------ sources and framing
    @app.get("/api/sources", tags=["api"], summary="Outlets: documents, date range, how known, most covered actors")
    def api_sources() -> JSONResponse:
        from .. import api

        return JSONResponse(api.sources(db=app.state.db))

    @app.get("/sources", response_class=HTMLResponse, include_in_schema=False)
    def sources_html(request: Request, actor: str | None = None):
        from .. import api

        framing = None
        if actor:
            try:
                framing = api.framing(db=app.state.db, actor=actor)
            except NewsgraphError as e:
                raise HTTPException(status_code=422, detail=str(e)) from None
        return render(request, "sources.html", sources=api.sources(db=app.state.db), actor=actor, framing=framing)

    @app.get("/api/framing", tags=["api"], summary="How each outlet names and judges an actor: descriptors, tone with evidence, events")
    def api_framing(actor: str) -> JSONResponse:
        from .. import api

        try:
            return JSONResponse(api.framing(db=app.state.db, actor=actor))
        except NewsgraphError as e:
            raise HTTPException(status_code=422, detail=str(e)) from None

    # ------------------------------------------------------------ ingest (only with --allow-ingest)
    if allow_ingest:
        from .uploads import register_ingest

        register_ingest(app, render)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return templates.TemplateResponse(request, "error.html", {"nav": nav, "status": exc.status_code, "detail": exc.detail}, status_code=exc.status_code)

    return app


NAV = [("/", "Overview"), ("/events", "Events"), ("/network", "Network"), ("/sources", "Sources")]


def highlight(e: dict[str, Any]) -> list[dict[str, str]]:
    """The evidence sentence cut into parts marked trigger / source / target / plain (escaped by the template)."""
    text = e["evidence"]
    base = e["evidence_start"]
    marks: list[tuple[int, int, str]] = []
    ts, te = e["trigger_start"] - base, e["trigger_end"] - base
    if 0 <= ts < te <= len(text):
        marks.append((ts, te, "trigger"))
    for role in ("source", "target"):
        for a in e[role]:
            words = a.get("text") or ""
            i = text.find(words) if words else -1
            if i >= 0:
                marks.append((i, i + len(words), role))
    marks.sort()
    parts, pos = [], 0
    for s, t, kind in marks:
        if s < pos:
            continue  # overlapping marks: keep the first
        if s > pos:
            parts.append({"text": text[pos:s], "kind": "plain"})
        parts.append({"text": text[s:t], "kind": kind})
        pos = t
    if pos < len(text):
        parts.append({"text": text[pos:], "kind": "plain"})
    return parts
