"""A small FastAPI app around ``brief``. FastAPI (on Starlette, served by uvicorn) because it validates
JSON bodies into typed models, streams multipart uploads through python-multipart, and is a well-kept
ASGI stack that runs in-process for tests.

Nothing is shared between requests: every request reads its own documents in memory, briefs them and
returns the result; uploads are never written to disk, so file names cannot reach the file system.
"""

from __future__ import annotations

import dataclasses
from pathlib import PurePath
from typing import Annotated, Any

from fastapi import FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel, Field

from newsfuse.briefing import brief_documents
from newsfuse.errors import NewsfuseError
from newsfuse.ingest import read_bytes, unique_ids
from newsfuse.ingest.records import record_to_document
from newsfuse.ingest.url import fetch_url
from newsfuse.model import Document
from newsfuse.render import to_html, to_json, to_markdown
from newsfuse.render.json import to_dict
from newsfuse.settings import Settings
from newsfuse.web.page import PAGE


@dataclasses.dataclass(frozen=True)
class Limits:
    max_documents: int = 50  # per request, files + pasted + URLs
    max_file_bytes: int = 5_000_000  # per uploaded file or pasted document
    max_request_bytes: int = 25_000_000  # all of one request's uploads together
    max_words: int = 2000  # summary budget a request may ask for


class DocumentIn(BaseModel):
    text: str
    id: str | None = None
    title: str | None = None
    source: str | None = None
    date: str | None = None
    url: str | None = None


class BriefRequest(BaseModel):
    documents: list[DocumentIn] = Field(min_length=1)
    words: int = Field(default=150, ge=1)
    query: str | None = None


def create_app(
    allow_network: bool = False, allow_private: bool = False, limits: Limits | None = None
) -> FastAPI:
    """The app. URLs are fetched only when ``allow_network``; private and loopback addresses only when
    ``allow_private`` as well."""
    limits = limits or Limits()
    app = FastAPI(title="newsfuse", docs_url=None, redoc_url=None)

    @app.exception_handler(NewsfuseError)
    async def usage_error(request: Request, exc: NewsfuseError) -> JSONResponse:
        return JSONResponse({"error": str(exc)}, status_code=400)

    @app.get("/", response_class=HTMLResponse)
    def page() -> str:
        return PAGE.replace("{{NETWORK}}", "true" if allow_network else "false")

    @app.post("/api/brief")
    def api_brief(
        body: BriefRequest, format: Annotated[str, Query(pattern="^(json|html|md)$")] = "json"
    ) -> Response:
        _check_budget(body.words, limits)
        if len(body.documents) > limits.max_documents:
            raise _too_many(len(body.documents), limits)
        docs = []
        for i, d in enumerate(body.documents, start=1):
            if len(d.text.encode()) > limits.max_file_bytes:
                raise HTTPException(413, f"document {i} is over the {limits.max_file_bytes:,}-byte limit")
            docs.append(
                record_to_document(d.model_dump(exclude_none=True), f"doc{i}", f"request document {i}")
            )
        return _render(unique_ids(docs), body.words, body.query, format)

    @app.post("/api/upload")
    async def upload(
        files: Annotated[list[UploadFile] | None, File()] = None,
        text: Annotated[str, Form()] = "",
        urls: Annotated[str, Form()] = "",
        words: Annotated[int, Form()] = 150,
        query: Annotated[str, Form()] = "",
    ) -> JSONResponse:
        """The page's form: uploaded files, pasted documents (separated by a line of three dashes) and
        URLs; answers with the briefing as JSON, Markdown and the HTML report."""
        _check_budget(words, limits)
        docs = await _uploaded(files or [], limits)
        docs += _pasted(text, limits)
        docs += _fetched(urls, allow_network, allow_private)
        if not docs:
            raise HTTPException(400, "nothing to brief: upload files, paste text or give URLs")
        if len(docs) > limits.max_documents:
            raise _too_many(len(docs), limits)
        briefing = brief_documents(unique_ids(docs), _settings(words, query))
        payload: dict[str, Any] = {
            "briefing": to_dict(briefing),
            "markdown": to_markdown(briefing),
            "html": to_html(briefing),
        }
        return JSONResponse(payload)

    return app


def _settings(words: int, query: str | None) -> Settings:
    return Settings.load(words=words, query=query or None)


def _render(docs: list[Document], words: int, query: str | None, format: str) -> Response:
    briefing = brief_documents(docs, _settings(words, query))
    if format == "html":
        return HTMLResponse(to_html(briefing))
    if format == "md":
        return PlainTextResponse(to_markdown(briefing), media_type="text/markdown")
    return Response(to_json(briefing), media_type="application/json")


def _check_budget(words: int, limits: Limits) -> None:
    if not 1 <= words <= limits.max_words:
        raise HTTPException(400, f"words must be between 1 and {limits.max_words}, got {words}")


def _too_many(count: int, limits: Limits) -> HTTPException:
    return HTTPException(413, f"{count} documents is over the limit of {limits.max_documents} per request")


async def _uploaded(files: list[UploadFile], limits: Limits) -> list[Document]:
    docs: list[Document] = []
    total = 0
    if len(files) > limits.max_documents:
        raise _too_many(len(files), limits)
    for upload in files:
        data = await upload.read(limits.max_file_bytes + 1)
        total += len(data)
        if total > limits.max_request_bytes:
            raise HTTPException(413, f"the upload is over the {limits.max_request_bytes:,}-byte limit")
        name = _safe_name(upload.filename)
        if len(data) > limits.max_file_bytes:
            docs.append(
                Document(
                    id=name,
                    raw="",
                    origin="upload",
                    rejected=f"over the {limits.max_file_bytes:,}-byte limit",
                )
            )
            continue
        settings = Settings(max_input_bytes=limits.max_file_bytes)
        docs.extend(read_bytes(data, name, "upload", PurePath(name).suffix.lower(), settings))
    return docs


def _safe_name(filename: str | None) -> str:
    """The last component of an uploaded file's name, without control characters: an id, never a path."""
    base = PurePath((filename or "upload").replace("\\", "/")).name
    cleaned = "".join(ch for ch in base if ch.isprintable()).strip(". ") or "upload"
    return cleaned[:120]


def _pasted(text: str, limits: Limits) -> list[Document]:
    parts = [p.strip() for p in _split_pasted(text)]
    docs = []
    for i, part in enumerate(p for p in parts if p):
        if len(part.encode()) > limits.max_file_bytes:
            raise HTTPException(
                413, f"pasted document {i + 1} is over the {limits.max_file_bytes:,}-byte limit"
            )
        docs.append(Document(id=f"pasted-{i + 1}", raw=part, origin="pasted text"))
    return docs


def _split_pasted(text: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.strip() == "---":
            parts.append("\n".join(current))
            current = []
        else:
            current.append(line)
    parts.append("\n".join(current))
    return parts


def _fetched(urls: str, allow_network: bool, allow_private: bool) -> list[Document]:
    wanted = [u.strip() for u in urls.splitlines() if u.strip()]
    if wanted and not allow_network:
        raise HTTPException(
            400,
            "this server was started without network access; restart it with --allow-network to fetch URLs",
        )
    settings = Settings()
    docs = []
    for url in wanted:
        if not url.startswith(("http://", "https://")):
            docs.append(Document(id=url[:120], raw="", origin=url[:120], rejected="not an http(s) URL"))
            continue
        docs.append(
            fetch_url(url, settings.fetch_timeout, settings.fetch_max_bytes, allow_private=allow_private)
        )
    return docs
