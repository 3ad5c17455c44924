"""Batch: brief many clusters (one per line of a benchmark-style JSONL dataset), in parallel processes.

A cluster is ``{"id", "documents": [{"id", "title", "text", "source", "date"}], "query"?}``; each result is
``{"id", "summary", "seconds"}`` (plus ``"briefing"`` with ``full``, or ``"error"`` when it failed).
A failing cluster never stops the run.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any

from newsfuse import errors
from newsfuse.briefing import brief_documents
from newsfuse.ingest.records import record_to_document
from newsfuse.render.json import to_dict
from newsfuse.settings import Settings


def read_clusters(path: str | Path) -> Iterator[dict[str, Any]]:
    """Clusters from a JSONL dataset; a malformed line is yielded as a cluster carrying its error."""
    path = Path(path)
    if not path.is_file():
        raise errors.InputError(f"dataset not found: {str(path)!r}. Give a JSONL file, one cluster per line.")
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                cluster = json.loads(line)
            except json.JSONDecodeError as exc:
                yield {"id": f"line-{lineno}", "_error": f"invalid JSON on line {lineno}: {exc.msg}"}
                continue
            if not isinstance(cluster, dict) or not isinstance(cluster.get("documents"), list):
                yield {"id": f"line-{lineno}", "_error": f"line {lineno} has no 'documents' list"}
                continue
            cluster.setdefault("id", f"line-{lineno}")
            yield cluster


def query_text(query: object) -> str:
    """DUC topics come as {"title", "narrative"}; other datasets give a string or nothing."""
    if isinstance(query, dict):
        return " ".join(str(v) for v in query.values() if v)
    return str(query) if query else ""


def brief_cluster(cluster: dict[str, Any], settings: Settings, full: bool = False) -> dict[str, Any]:
    start = time.perf_counter()
    result: dict[str, Any] = {"id": str(cluster.get("id"))}
    try:
        if "_error" in cluster:
            raise errors.InputError(cluster["_error"])
        docs = [
            record_to_document(d, f"{result['id']}/doc{i}", f"{result['id']} document {i}")
            for i, d in enumerate(cluster["documents"])
        ]
        if not docs:
            raise errors.InputError("cluster has no documents")
        query = query_text(cluster.get("query"))
        overrides = {"query": query or settings.query, "analysis": settings.analysis and full}
        run_settings = Settings.load(**{**settings.as_dict(), **overrides})
        briefing = brief_documents(docs, run_settings)
        result["summary"] = briefing.summary_text
        if not briefing.summary and briefing.documents:
            result["error"] = f"no sentence of the usable documents fits the {run_settings.words}-word budget"
        elif not briefing.summary:
            reasons = sorted({s.reason or s.status for s in briefing.sources})
            result["error"] = f"no usable text in {len(docs)} document(s): {'; '.join(reasons)}"
        if full:
            result["briefing"] = to_dict(briefing)
    except Exception as exc:  # one bad cluster never stops the batch
        result["summary"] = ""
        result["error"] = f"{type(exc).__name__}: {exc}"
    result["seconds"] = round(time.perf_counter() - start, 4)
    return result


def run_batch(
    clusters: Iterable[dict[str, Any]], settings: Settings, jobs: int = 1, full: bool = False
) -> Iterator[dict[str, Any]]:
    """Results in input order; ``jobs`` > 1 spreads clusters over that many processes."""
    work = partial(brief_cluster, settings=settings, full=full)
    if jobs <= 1:
        yield from map(work, clusters)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(work, clusters, chunksize=4)
