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
from newsfuse.ingest import Input, load_documents
from newsfuse.model import Briefing, Document
from newsfuse.settings import Settings


def brief(
    inputs: Iterable[Input],
    words: int | None = None,
    *,
    settings: Settings | None = None,
    config: str | Path | None = None,
    **overrides: Any,
) -> Briefing:
    """Read ``inputs`` (paths, folders, globs, '-', URLs, dicts or Documents) and brief them.

    Settings come from ``settings`` if given, else from the defaults, the TOML file ``config`` and the
    keyword overrides (``words=200, query="..."``). Raises ``NewsfuseError`` subclasses only for usage
    mistakes; documents that cannot be used are reported in ``briefing.sources``.
    """
    from newsfuse.briefing import brief_documents

    if isinstance(inputs, str | Path | Document | dict):
        inputs = [inputs]
    settings = settings or Settings.load(config, words=words, **overrides)
    docs = load_documents(inputs, settings)
    if not docs:
        from newsfuse.errors import nothing_to_brief

        raise nothing_to_brief()
    return brief_documents(docs, settings)


__all__ = ["Briefing", "Document", "NewsfuseError", "Settings", "__version__", "brief", "load_documents"]
