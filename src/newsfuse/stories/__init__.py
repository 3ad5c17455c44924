"""Stories: a stream of articles grouped into stories, kept in a DuckDB store, each story briefed.

ingest(inputs, store)      stream -> documents -> features (per document, on the engine) ->
                           online clustering (in stream order) -> stored in batches
brief_stories(store)       every story without an up-to-date briefing (per story, on the engine)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from newsfuse.briefing import brief_documents
from newsfuse.model import Document
from newsfuse.render.json import to_dict
from newsfuse.settings import Settings
from newsfuse.stories.cluster import ClusterSettings, StoryIndex
from newsfuse.stories.engine import Engine, LocalEngine
from newsfuse.stories.features import prepare
from newsfuse.stories.store import Store
from newsfuse.stories.stream import Skipped, StreamItem, stream_documents

BATCH = 256  # documents per transaction: what a killed run can lose, and redo


@dataclass
class IngestReport:
    added: int = 0
    new_stories: int = 0
    copies: int = 0
    skipped: Counter[str] = field(default_factory=Counter)  # reason -> count, this run
    notes: Counter[str] = field(default_factory=Counter)  # e.g. documents with no date (still added)


def open_index(store: Store, settings: ClusterSettings | None = None) -> StoryIndex:
    """The clustering state as the store left it: a resumed run continues where the last one stopped."""
    index = StoryIndex(settings)
    for stored in store.stored_features():
        index.restore(stored.features, stored.story_id, stored.copy_of)
    return index


def ingest(
    inputs: Iterable[str | Path],
    store: Store,
    engine: Engine | None = None,
    settings: Settings | None = None,
    cluster: ClusterSettings | None = None,
    progress: Callable[[int], None] | None = None,
) -> IngestReport:
    engine = engine or LocalEngine()
    settings = settings or Settings()
    index = open_index(store, cluster)
    report = IngestReport()
    items = stream_documents(inputs, settings)
    seen_this_run: set[str] = set()

    def fresh_batches() -> Iterator[tuple[tuple[list[Document], list[tuple[str, str]], int], list[Document]]]:
        """Each batch's new documents (to compute features for), with the batch's skips and size."""
        for batch in _batches(items, BATCH):
            docs = [item for item in batch if isinstance(item, Document)]
            skipped = [(item.origin, item.reason) for item in batch if isinstance(item, Skipped)]
            known = store.known_ids(d.id for d in docs)
            fresh = []
            for doc in docs:
                if doc.id in known or doc.id in seen_this_run:
                    report.skipped["already in the store"] += 1
                else:
                    seen_this_run.add(doc.id)
                    fresh.append(doc)
            yield (fresh, skipped, len(batch)), fresh

    for (fresh, skipped, size), features in engine.map_batches(prepare, fresh_batches()):
        assignments = []
        for f in features:
            if f.rejected:
                skipped.append((f.doc_id, f.rejected))
                continue
            if not f.date:
                report.notes["no date (added, placed by content alone)"] += 1
            assignment = index.assign(f)
            assignments.append(assignment)
            report.new_stories += assignment.new_story
            report.copies += assignment.copy_of is not None
        store.write_batch(fresh, features, assignments, skipped)
        report.added += len(assignments)
        report.skipped.update(reason for _, reason in skipped)
        if progress:
            progress(size)
    return report


def brief_story(docs: Sequence[Document]) -> dict[str, Any]:
    """The per-story function: a briefing of one story's documents, as JSON data."""
    return to_dict(brief_documents(docs, Settings()))


def brief_stories(
    store: Store,
    engine: Engine | None = None,
    min_size: int = 1,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Brief every story whose briefing is missing or out of date; returns how many were briefed."""
    engine = engine or LocalEngine()
    stale = store.stale_stories(min_size)
    for chunk in _batches(iter(stale), 16):
        documents = [store.story_documents(story_id) for story_id, _ in chunk]
        for (story_id, size), briefing in zip(chunk, engine.map(brief_story, documents), strict=True):
            store.save_briefing(story_id, size, briefing)
        if progress:
            progress(len(chunk))
    return len(stale)


def _batches(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    while batch := list(islice(items, size)):
        yield batch


__all__ = ["IngestReport", "StreamItem", "brief_stories", "ingest", "open_index"]
