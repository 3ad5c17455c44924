"""JSON and JSONL inputs: one document per object, ``text`` required; ``id``, ``title``, ``source``,
``date``, ``url`` optional. A bad record becomes a rejected document; its neighbours are still read."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from typing import Any

from newsfuse.datetext import parse_iso_or_text
from newsfuse.model import Document

_FIELDS = ("title", "source", "date", "url")


def record_to_document(record: Any, doc_id: str, origin: str) -> Document:
    """One JSON object to a document, or a rejected document saying what is wrong with it."""
    if not isinstance(record, dict):
        return Document(
            id=doc_id, raw="", origin=origin, rejected=f"expected a JSON object, got {_kind(record)}"
        )
    given_id = record.get("id")
    if isinstance(given_id, str | int) and str(given_id).strip():
        doc_id = str(given_id).strip()
    meta = {
        k: str(record[k]).strip() for k in _FIELDS if isinstance(record.get(k), str | int) and record.get(k)
    }
    text = record.get("text")
    notes = []
    date = parse_iso_or_text(meta["date"]) if meta.get("date") else None
    if meta.get("date"):
        notes.append(
            "date from the record's 'date' field" if date else f"date field {meta['date']!r} not understood"
        )
    if meta.get("source"):
        notes.append("outlet from the record's 'source' field")
    doc = Document(
        id=doc_id,
        raw=text.replace("\r\n", "\n") if isinstance(text, str) else "",
        origin=origin,
        title=meta.get("title"),
        source=meta.get("source"),
        url=meta.get("url"),
        date=date,
        notes=tuple(notes),
    )
    if not isinstance(text, str):
        reason = "no 'text' field" if text is None else f"'text' is {_kind(text)}, not a string"
        return dataclasses.replace(doc, rejected=reason)
    if not text.strip():
        return dataclasses.replace(doc, rejected="empty 'text'")
    return doc


def read_json(text: str, name: str, origin: str) -> Iterator[Document]:
    """A JSON file holding one document object or a list of them."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Document(
            id=name, raw=text, origin=origin, rejected=f"invalid JSON: {exc.msg} at line {exc.lineno}"
        )
        return
    if isinstance(data, dict) and isinstance(data.get("documents"), list):
        data = data["documents"]
    if isinstance(data, list):
        if not data:
            yield Document(id=name, raw=text, origin=origin, rejected="JSON list holds no documents")
        for i, record in enumerate(data):
            yield record_to_document(record, f"{name}#{i + 1}", f"{origin} item {i + 1}")
    else:
        yield record_to_document(data, name, origin)


def read_jsonl(text: str, name: str, origin: str) -> Iterator[Document]:
    """A JSONL file: one document object per non-empty line."""
    found = False
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        found = True
        doc_id, where = f"{name}:{lineno}", f"{origin} line {lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Document(
                id=doc_id, raw=line, origin=where, rejected=f"invalid JSON on line {lineno}: {exc.msg}"
            )
            continue
        yield record_to_document(record, doc_id, where)
    if not found:
        yield Document(id=name, raw=text, origin=origin, rejected="empty file")


def _kind(value: object) -> str:
    return {dict: "an object", list: "a list", str: "a string", type(None): "null"}.get(
        type(value), "a number"
    )
