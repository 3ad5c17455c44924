"""The story store: one DuckDB file holding documents, their signatures, story assignments, what was
skipped and why, and briefings with the version that made them.

Each batch of documents is written in one transaction together with its assignments, so a run killed
halfway leaves whole batches only; the next run skips every document already stored and goes on.
Story facts (size, outlets, dates, title) are derived from the documents by query, never stored twice.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from newsfuse import __version__, errors
from newsfuse.model import Document
from newsfuse.stories.cluster import Assignment
from newsfuse.stories.features import DocFeatures

SCHEMA_VERSION = 1
_TABLES = (
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    "CREATE TABLE IF NOT EXISTS documents (id VARCHAR PRIMARY KEY, seq BIGINT, source VARCHAR, url VARCHAR, "
    "title VARCHAR, date VARCHAR, raw VARCHAR, origin VARCHAR, ingested_at TIMESTAMP DEFAULT current_timestamp)",
    "CREATE TABLE IF NOT EXISTS signatures (doc_id VARCHAR PRIMARY KEY, terms JSON, names JSON, signature BLOB)",
    "CREATE TABLE IF NOT EXISTS assignments (doc_id VARCHAR PRIMARY KEY, story_id VARCHAR, copy_of VARCHAR, "
    "score DOUBLE)",
    "CREATE TABLE IF NOT EXISTS skipped (origin VARCHAR, reason VARCHAR, "
    "skipped_at TIMESTAMP DEFAULT current_timestamp)",
    "CREATE TABLE IF NOT EXISTS briefings (story_id VARCHAR PRIMARY KEY, doc_count INTEGER, version VARCHAR, "
    "briefing JSON, made_at TIMESTAMP DEFAULT current_timestamp)",
)


@dataclass(frozen=True)
class StoredFeatures:
    features: DocFeatures
    story_id: str
    copy_of: str | None


class Store:
    def __init__(self, path: str | Path) -> None:
        try:
            import duckdb
        except ImportError as exc:
            raise errors.missing_extra("newsfuse stories", "stories") from exc
        self.path = Path(path)
        self.db = duckdb.connect(str(self.path))
        self._check_schema()

    def close(self) -> None:
        self.db.close()

    def _check_schema(self) -> None:
        tables = {
            row[0] for row in self.db.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
        version = 0
        if "meta" in tables:
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            version = int(row[0]) if row else 0
        elif not tables:
            version = SCHEMA_VERSION  # a new store
        if version > SCHEMA_VERSION:
            raise errors.InputError(
                f"store {str(self.path)!r} has schema version {version}, newer than this newsfuse "
                f"({__version__}) reads ({SCHEMA_VERSION}). Upgrade newsfuse or use another --store."
            )
        for statement in _TABLES:  # creates a new store; migrates a version-0 store by adding what it lacks
            self.db.execute(statement)
        self.db.execute(
            "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?), ('written_by', ?)",
            [str(SCHEMA_VERSION), f"newsfuse {__version__}"],
        )

    # --- writing ---------------------------------------------------------------------------------------

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        wanted = list(ids)
        if not wanted:
            return set()
        rows = self.db.execute("SELECT id FROM documents WHERE id IN (SELECT unnest(?))", [wanted]).fetchall()
        return {r[0] for r in rows}

    def write_batch(
        self,
        docs: Sequence[Document],
        features: Sequence[DocFeatures],
        assignments: Sequence[Assignment],
        skipped: Sequence[tuple[str, str]],
    ) -> None:
        """One transaction: the batch lands whole or not at all."""
        seq = self.db.execute("SELECT coalesce(max(seq), 0) FROM documents").fetchone()[0]  # type: ignore[index]
        by_id = {f.doc_id: f for f in features}
        assigned = {a.doc_id: a for a in assignments}
        kept = [doc for doc in docs if doc.id in assigned]
        kept_features = [by_id[doc.id] for doc in kept]
        kept_assignments = [assigned[doc.id] for doc in kept]
        # Whole columns as list parameters, one statement per table: row-by-row inserts cost more than
        # the clustering itself.
        documents = [
            [d.id for d in kept],
            list(range(seq + 1, seq + 1 + len(kept))),
            [f.source for f in kept_features],
            [f.url for f in kept_features],
            [f.title for f in kept_features],
            [f.date for f in kept_features],
            [d.raw for d in kept],
            [d.origin for d in kept],
        ]
        signatures = [
            [d.id for d in kept],
            [json.dumps(f.terms) for f in kept_features],
            [json.dumps(sorted(f.names)) for f in kept_features],
            [f.signature.astype(np.uint64).tobytes() for f in kept_features],
        ]
        story_rows = [
            [a.doc_id for a in kept_assignments],
            [a.story_id for a in kept_assignments],
            [a.copy_of for a in kept_assignments],
            [a.score for a in kept_assignments],
        ]
        self.db.execute("BEGIN TRANSACTION")
        try:
            if kept:
                self.db.execute(
                    "INSERT INTO documents (id, seq, source, url, title, date, raw, origin) "
                    f"SELECT {_unnest(8)}",
                    documents,
                )
                self.db.execute(f"INSERT INTO signatures SELECT {_unnest(4)}", signatures)
                self.db.execute(f"INSERT INTO assignments SELECT {_unnest(4)}", story_rows)
            if skipped:  # once per input and reason, however often the input is ingested again
                self.db.execute(
                    "INSERT INTO skipped (origin, reason) SELECT DISTINCT o, r FROM "
                    "(SELECT unnest(?) AS o, unnest(?) AS r) WHERE NOT EXISTS "
                    "(SELECT 1 FROM skipped s WHERE s.origin = o AND s.reason = r)",
                    [[o for o, _ in skipped], [r for _, r in skipped]],
                )
            self.db.execute("COMMIT")
        except Exception:
            self.db.execute("ROLLBACK")
            raise

    def save_briefing(self, story_id: str, doc_count: int, briefing: dict[str, Any]) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO briefings (story_id, doc_count, version, briefing) VALUES (?, ?, ?, ?)",
            [story_id, doc_count, __version__, json.dumps(briefing)],
        )

    # --- reading ---------------------------------------------------------------------------------------

    def stored_features(self) -> Iterator[StoredFeatures]:
        """Everything the clustering needs to resume, in ingest order."""
        rows = self.db.execute(
            "SELECT d.id, d.title, d.source, d.url, d.date, s.terms, s.names, s.signature, a.story_id, a.copy_of "
            "FROM documents d JOIN signatures s ON s.doc_id = d.id JOIN assignments a ON a.doc_id = d.id ORDER BY d.seq"
        ).fetchall()
        for doc_id, title, source, url, date, terms, names, signature, story_id, copy_of in rows:
            features = DocFeatures(
                doc_id,
                title,
                source,
                url,
                date,
                json.loads(terms),
                frozenset(json.loads(names)),
                np.frombuffer(signature, dtype=np.uint64).copy(),
            )
            yield StoredFeatures(features, story_id, copy_of)

    def stories(self, min_size: int = 1) -> list[dict[str, Any]]:
        rows = self.db.execute(
            """
            SELECT a.story_id,
                   arg_min(coalesce(d.title, substr(d.raw, 1, 90)), d.seq) AS title,
                   count(*) AS size,
                   count(*) FILTER (WHERE a.copy_of IS NOT NULL) AS copies,
                   list(DISTINCT d.source ORDER BY d.source) FILTER (WHERE d.source IS NOT NULL) AS outlets,
                   min(d.date) AS first_date, max(d.date) AS last_date,
                   list(d.id ORDER BY d.seq) AS documents
            FROM assignments a JOIN documents d ON d.id = a.doc_id
            GROUP BY a.story_id HAVING count(*) >= ?
            ORDER BY size DESC, a.story_id
            """,
            [min_size],
        ).fetchall()
        keys = ("id", "title", "size", "copies", "outlets", "first_date", "last_date", "documents")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def story_documents(self, story_id: str) -> list[Document]:
        rows = self.db.execute(
            "SELECT d.id, d.raw, d.source, d.url, d.title, d.date, d.origin FROM documents d "
            "JOIN assignments a ON a.doc_id = d.id WHERE a.story_id = ? ORDER BY d.seq",
            [story_id],
        ).fetchall()
        if not rows:
            raise errors.InputError(
                f"no story {story_id!r} in {str(self.path)!r}; `newsfuse stories list` shows them."
            )
        return [
            Document(id=i, raw=raw, source=source, url=url, title=title, date=date, origin=origin)
            for i, raw, source, url, title, date, origin in rows
        ]

    def briefing(self, story_id: str) -> tuple[int, str, dict[str, Any]] | None:
        row = self.db.execute(
            "SELECT doc_count, version, briefing FROM briefings WHERE story_id = ?", [story_id]
        ).fetchone()
        return (row[0], row[1], json.loads(row[2])) if row else None

    def stale_stories(self, min_size: int = 1) -> list[tuple[str, int]]:
        """Stories with no briefing, or one made before they gained documents or by another version."""
        rows = self.db.execute(
            """
            SELECT a.story_id, count(*) AS size FROM assignments a
            LEFT JOIN briefings b ON b.story_id = a.story_id
            GROUP BY a.story_id, b.doc_count, b.version
            HAVING count(*) >= ? AND (b.doc_count IS NULL OR b.doc_count <> count(*) OR b.version <> ?)
            ORDER BY a.story_id
            """,
            [min_size, __version__],
        ).fetchall()
        return [(r[0], r[1]) for r in rows]

    def skipped_counts(self) -> dict[str, int]:
        rows = self.db.execute(
            "SELECT reason, count(*) FROM skipped GROUP BY reason ORDER BY 2 DESC"
        ).fetchall()
        return {r[0]: r[1] for r in rows}


def _unnest(columns: int) -> str:
    """``unnest(?), unnest(?), …``: list parameters unnested side by side become rows."""
    return ", ".join(["unnest(?)"] * columns)
