"""HTML pages: article text and metadata through trafilatura."""

from __future__ import annotations

import re
from typing import Any

import trafilatura

from newsfuse.model import Document

_LOOKS_LIKE_HTML = re.compile(r"<\s*(!doctype\s+html|html|head|body|article|p|div)\b", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    return bool(_LOOKS_LIKE_HTML.search(text[:4096]))


def read_html(doc_id: str, html: str, origin: str, url: str | None = None) -> Document:
    """Extract the article from an HTML page; a page with no article text is a rejected document."""
    extracted: Any = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    text = (extracted.text or "").strip() if extracted is not None else ""
    if not text:
        return Document(
            id=doc_id, raw=html, origin=origin, url=url, rejected="HTML page with no article text"
        )
    title = extracted.title or None
    if title and text.startswith(title):
        text = text[len(title) :].lstrip("\n")
    notes = ["article text extracted from HTML by trafilatura"]
    date = extracted.date or None
    if date:
        notes.append("date from the page's metadata")
    source = extracted.sitename or None
    if source:
        notes.append("outlet from the page's site name")
    return Document(
        id=doc_id,
        raw=text,
        source=source,
        url=url or extracted.url or None,
        title=title,
        date=date,
        origin=origin,
        notes=tuple(notes),
    )
