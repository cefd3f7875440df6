"""Ingest from the browser (`newsgraph serve --allow-ingest`): uploaded files and pasted text go through
the same `api.ingest` as the CLI, with the same error reporting, file names shown as the user gave them."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from fastapi import FastAPI, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse

from .. import api
from ..errors import NewsgraphError

MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # per file, as the ingest limit for one article
MAX_FILES = 200
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(name: str, i: int) -> str:
    """A file name with no directories and no surprising characters; the index keeps names unique."""
    base = Path(name.replace("\\\\", "/")).name or "upload"
    base = _SAFE.sub("_", base).lstrip(".") or "upload"
    return f"{i:04d}-{base[:100]}"


async def run_ingest(db: str, files: list[UploadFile], text: str, title: str, outlet: str, published: str) -> dict:
    if len(files) > MAX_FILES:
        raise HTTPException(status_code=413, detail=f"at most {MAX_FILES} files per upload")
    with tempfile.TemporaryDirectory(prefix="newsgraph-upload-") as tmp:
        shown: dict[str, str] = {}
        for i, f in enumerate(files):
            if not f.filename:
                continue
            data = await f.read(MAX_UPLOAD_BYTES + 1)
            if len(data) > MAX_UPLOAD_BYTES:
                raise HTTPException(status_code=413, detail=f"{f.filename}: over the {MAX_UPLOAD_BYTES:,}-byte limit for one file")
            path = Path(tmp) / safe_name(f.filename, i)
            path.write_bytes(data)
            shown[str(path)] = f.filename
        if text.strip():
            path = Path(tmp) / f"{len(files):04d}-pasted.txt"
            body = f"---\ntitle: {title!r}\n---\n{text}" if title.strip() else text
            path.write_text(body, encoding="utf-8")
            shown[str(path)] = "pasted text"
        if not shown:
            raise HTTPException(status_code=422, detail="nothing to ingest: choose files or paste an article")
        try:
            report = api.ingest(list(shown), db=db, outlet=outlet or None, published=published or None)
        except NewsgraphError as e:
            raise HTTPException(status_code=422, detail=str(e)) from None
        errors = []
        for e in report.errors:
            where = shown.get(e.path, Path(e.path).name)
            errors.append({"file": where, "line": e.line, "message": e.message})
        return {"read": report.read, "stored": report.stored, "skipped": report.skipped, "failed": report.failed,
                "events": report.events, "summary": report.summary(), "errors": errors}


def register_ingest(app: FastAPI, render) -> None:
    @app.post("/api/ingest", tags=["api"], summary="Ingest uploaded files and/or pasted text (only with --allow-ingest)")
    async def api_ingest(
        files: list[UploadFile] = File(default=[]),
        text: str = Form(""),
        title: str = Form(""),
        outlet: str = Form(""),
        published: str = Form(""),
    ) -> JSONResponse:
        result = await run_ingest(app.state.db, files, text, title, outlet, published)
        return JSONResponse(result, status_code=200 if not result["failed"] else 207)

    @app.get("/ingest", response_class=HTMLResponse, include_in_schema=False)
    def ingest_form(request: Request):
        return render(request, "ingest.html", result=None)

    @app.post("/ingest", response_class=HTMLResponse, include_in_schema=False)
    async def ingest_submit(
        request: Request,
        files: list[UploadFile] = File(default=[]),
        text: str = Form(""),
        title: str = Form(""),
        outlet: str = Form(""),
        published: str = Form(""),
    ):
        result = await run_ingest(app.state.db, files, text, title, outlet, published)
        return render(request, "ingest.html", result=result)
