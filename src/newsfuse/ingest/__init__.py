"""Ingest: turn paths, folders, globs, stdin, URLs, dicts or ready documents into ``Document`` objects.

Needs: the inputs and ``Settings``. Adds: ``Document(raw, source, title, date, url, origin)``; a file
that cannot be used becomes a document with ``rejected`` set, never an exception. Only a path that does
not exist (a usage mistake) raises ``InputError``. This is the only stage that reads files or the network.
"""

from __future__ import annotations

import dataclasses
import glob
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from newsfuse import errors
from newsfuse.ingest.decode import NotText, decode
from newsfuse.ingest.html import looks_like_html, read_html
from newsfuse.ingest.records import read_json, read_jsonl, record_to_document
from newsfuse.ingest.url import fetch_url, is_url
from newsfuse.model import Document
from newsfuse.settings import Settings

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
Input = str | Path | Document | dict[str, Any]


def load_documents(inputs: Iterable[Input], settings: Settings | None = None) -> list[Document]:
    """Read every input into documents, with unique ids, in the order given."""
    settings = settings or Settings()
    docs: list[Document] = []
    for item in inputs:
        if isinstance(item, Document):
            docs.append(item)
        elif isinstance(item, dict):
            docs.append(record_to_document(item, f"doc{len(docs) + 1}", "given record"))
        else:
            docs.extend(_read_input(str(item), settings))
    return unique_ids(docs)


def _read_input(item: str, settings: Settings) -> Iterator[Document]:
    if item == "-":
        yield from read_bytes(sys.stdin.buffer.read(), "stdin", "stdin", "", settings)
    elif is_url(item):
        if not settings.allow_network:
            raise errors.url_needs_network(item)
        yield fetch_url(item, settings.fetch_timeout, settings.fetch_max_bytes)
    elif Path(item).is_dir():
        root = Path(item)
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            if not any(part.startswith(".") for part in path.relative_to(root).parts):
                yield from _read_file(path, path.relative_to(root).as_posix(), settings)
    elif Path(item).is_file():
        yield from _read_file(Path(item), Path(item).name, settings)
    elif glob.has_magic(item):
        matches = sorted(glob.glob(item, recursive=True))  # noqa: PTH207 (absolute patterns too)
        if not matches:
            raise errors.no_glob_match(item)
        for match in matches:
            yield from _read_input(match, settings)
    else:
        raise errors.no_such_input(item)


def _read_file(path: Path, name: str, settings: Settings) -> Iterator[Document]:
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > settings.max_input_bytes:
            limit = settings.max_input_bytes
            yield Document(
                id=name,
                raw="",
                origin=origin,
                rejected=f"file is {size:,} bytes, over the {limit:,}-byte limit (setting max_input_bytes)",
            )
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Document(id=name, raw="", origin=origin, rejected=f"cannot read file: {exc.strerror}")
        return
    yield from read_bytes(data, name, origin, path.suffix.lower(), settings)


def read_bytes(data: bytes, name: str, origin: str, suffix: str, settings: Settings) -> Iterator[Document]:
    """Documents from bytes already in memory (a file, stdin, an upload); ``suffix`` picks the format,
    sniffed from the content when empty."""
    if len(data) > settings.max_input_bytes:
        yield Document(
            id=name,
            raw="",
            origin=origin,
            rejected=f"input is over the {settings.max_input_bytes:,}-byte limit",
        )
        return
    try:
        text = decode(data)
    except NotText as exc:
        yield Document(id=name, raw="", origin=origin, rejected=str(exc))
        return
    stripped = text.lstrip()
    if suffix == ".jsonl" or (not suffix and stripped.startswith("{") and "\n{" in stripped):
        yield from read_jsonl(text, name, origin)
    elif suffix == ".json" or (not suffix and stripped.startswith(("{", "["))):
        yield from read_json(text, name, origin)
    elif suffix in HTML_SUFFIXES or (suffix not in {".txt", ".md"} and looks_like_html(text)):
        yield read_html(name, text, origin)
    else:
        yield Document(id=name, raw=text, origin=origin)


def unique_ids(docs: list[Document]) -> list[Document]:
    """Make ids unique (two folders may both hold ``a.txt``) by suffixing ``#2``, ``#3``…"""
    seen: dict[str, int] = {}
    out = []
    for doc in docs:
        count = seen.get(doc.id, 0) + 1
        seen[doc.id] = count
        if count > 1:
            doc = dataclasses.replace(doc, id=f"{doc.id}#{count}")
        out.append(doc)
    return out
