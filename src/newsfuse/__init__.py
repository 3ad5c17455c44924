"""newsfuse: many noisy news documents about one event -> one briefing a reader can trust.

The whole public API:
    brief(inputs, words=150, **settings) -> Briefing
    load_documents(inputs, settings=None) -> list[Document]
    Briefing, Document, Settings, __version__
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

__version__ = "0.1.0"

from newsfuse.errors import NewsfuseError
from newsfuse.ingest import Input, load_documents, unique_ids
from newsfuse.model import Briefing, Document
from newsfuse.settings import Settings


def brief(
    inputs: Iterable[Input],
    words: int | None = None,
    *,
    settings: Settings | None = None,
    config: str | Path | None = None,
    seen: Iterable[Input] = (),
    **overrides: Any,
) -> Briefing:
    """Read ``inputs`` (paths, folders, globs, '-', URLs, dicts or Documents) and brief them.

    Settings come from ``settings`` if given, else from the defaults, the TOML file ``config`` and the
    keyword overrides (``words=200, query="...", since="2026-03-04"``). ``seen`` are documents the reader
    already knows: the summary then says only what ``inputs`` add (an update summary). Raises
    ``NewsfuseError`` subclasses only for usage mistakes; documents that cannot be used are reported in
    ``briefing.sources``.
    """
    from newsfuse.briefing import brief_documents

    as_list = lambda items: [items] if isinstance(items, str | Path | Document | dict) else list(items)  # noqa: E731
    settings = settings or Settings.load(config, words=words, **overrides)
    known = load_documents(as_list(seen), settings)
    docs = unique_ids([*known, *load_documents(as_list(inputs), settings)])  # ids unique across both
    if len(docs) == len(known):
        from newsfuse.errors import nothing_to_brief

        raise nothing_to_brief()
    return brief_documents(docs, settings, seen={d.id for d in docs[: len(known)]})


__all__ = ["Briefing", "Document", "NewsfuseError", "Settings", "__version__", "brief", "load_documents"]
