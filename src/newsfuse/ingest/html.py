"""HTML pages: article text and metadata through trafilatura."""

from __future__ import annotations

import re
from typing import Any

import trafilatura

from newsfuse.model import Document

_LOOKS_LIKE_HTML = re.compile(r"<\s*(!doctype\s+html|html|head|body|article|p|div)\b", re.IGNORECASE)


# trafilatura's date search (htmldate) with its defaults, except that a page may be dated after the machine's
# clock: by default htmldate drops such dates, so an archive read on a machine with a wrong clock, or an
# invented test page, would lose the date its own metadata states.
_DATE_PARAMS = {"original_date": True, "extensive_search": True, "max_date": "2099-12-31"}


def looks_like_html(text: str) -> bool:
    return bool(_LOOKS_LIKE_HTML.search(text[:4096]))


def read_html(doc_id: str, html: str, origin: str, url: str | None = None) -> Document:
    """Extract the article from an HTML page; a page with no article text is a rejected document."""
    extracted: Any = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=_DATE_PARAMS,
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
