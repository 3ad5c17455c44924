"""The evaluation harness: newsfuse and its peers on the same clusters, in the same run, scored alike."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from newsfuse import errors
from newsfuse.batch import brief_cluster
from newsfuse.evaluate.peers import PEERS
from newsfuse.evaluate.rouge import MEASURES, Interval, Metric, bootstrap, paired_bootstrap_p, score
from newsfuse.settings import Settings

SYSTEMS = ("newsfuse", *PEERS)


@dataclass
class SystemScores:
    name: str
    ids: list[str] = field(default_factory=list)
    scores: dict[str, list[float]] = field(default_factory=lambda: {m: [] for m in MEASURES})
    seconds: list[float] = field(default_factory=list)
    errors: int = 0

    def interval(self, measure: str) -> Interval:
        return bootstrap(self.scores[measure])

    @property
    def seconds_per_cluster(self) -> float:
        return sum(self.seconds) / len(self.seconds) if self.seconds else float("nan")


@dataclass
class Report:
    dataset: str
    words: int
    metric: Metric
    systems: dict[str, SystemScores]

    def best_peer(self, measure: str) -> str | None:
        peers = [s for name, s in self.systems.items() if name != "newsfuse"]
        if not peers:
            return None
        return max(peers, key=lambda s: s.interval(measure).mean).name

    def significance(self, measure: str) -> tuple[str, float] | None:
        """(best peer, p-value that newsfuse is not better on ``measure``) when both ran."""
        best = self.best_peer(measure)
        if best is None or "newsfuse" not in self.systems:
            return None
        ours, theirs = self.systems["newsfuse"].scores[measure], self.systems[best].scores[measure]
        return best, paired_bootstrap_p(ours, theirs)


Prediction = tuple[str, float | None]  # summary, seconds it took (if the file says)


def read_predictions(path: Path, dataset_ids: Sequence[str]) -> dict[str, Prediction]:
    """Summaries by cluster id; refuse a file whose ids do not match the dataset, naming the difference."""
    predictions: dict[str, Prediction] = {}
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    row = json.loads(line)
                    seconds = row.get("seconds")
                    predictions[str(row["id"])] = (
                        str(row.get("summary") or ""),
                        float(seconds) if isinstance(seconds, int | float) else None,
                    )
                except (json.JSONDecodeError, KeyError, TypeError) as exc:
                    raise errors.InputError(f"{path}: line {lineno} is not a prediction ({exc}).") from exc
    missing = [i for i in dataset_ids if i not in predictions]
    extra = [i for i in predictions if i not in set(dataset_ids)]
    if missing or extra:
        parts = []
        if missing:
            parts.append(
                f"missing {len(missing)}: {', '.join(missing[:10])}{' …' if len(missing) > 10 else ''}"
            )
        if extra:
            parts.append(
                f"not in the dataset {len(extra)}: {', '.join(extra[:10])}{' …' if len(extra) > 10 else ''}"
            )
        raise errors.InputError(f"prediction ids do not match the dataset ({'; '.join(parts)}).")
    return predictions


def evaluate(
    clusters: Sequence[dict[str, Any]],
    systems: Sequence[str],
    words: int,
    metric: Metric,
    settings: Settings,
    predictions: dict[str, Prediction] | None = None,
    jobs: int = 1,
    name: str = "",
) -> Iterator[tuple[dict[str, Any], Report]]:
    """Score every system on every cluster; yields (per-cluster row, running report) as clusters finish."""
    unknown = [s for s in systems if s not in SYSTEMS]
    if unknown:
        raise errors.unknown_name("system", unknown[0], SYSTEMS)
    report = Report(name, words, metric, {s: SystemScores(s) for s in systems})
    work = partial(_run_cluster, systems=tuple(systems), words=words, metric=metric, settings=settings)
    items = [(c, predictions.get(str(c.get("id"))) if predictions else None) for c in clusters]
    for row in _map(work, items, jobs):
        for system, result in row["systems"].items():
            scores = report.systems[system]
            scores.ids.append(row["id"])
            scores.seconds.append(result["seconds"])
            scores.errors += "error" in result
            for measure in MEASURES:
                scores.scores[measure].append(result[measure])
        yield row, report


def _map(work: Any, items: list[Any], jobs: int) -> Iterable[dict[str, Any]]:
    if jobs <= 1:
        return map(work, items)
    pool = ProcessPoolExecutor(max_workers=jobs)
    return _closing(pool, pool.map(work, items, chunksize=2))


def _closing(pool: ProcessPoolExecutor, results: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    with pool:
        yield from results


def _run_cluster(
    item: tuple[dict[str, Any], Prediction | None],
    systems: tuple[str, ...],
    words: int,
    metric: Metric,
    settings: Settings,
) -> dict[str, Any]:
    cluster, prediction = item
    references = [r for r in cluster.get("references", []) if isinstance(r, str) and r.strip()]
    texts = [str(d.get("text") or "") for d in cluster.get("documents", []) if isinstance(d, dict)]
    row: dict[str, Any] = {"id": str(cluster.get("id")), "systems": {}}
    for system in systems:
        start = time.perf_counter()
        result: dict[str, Any] = {}
        if system == "newsfuse" and prediction is not None:
            summary = prediction[0]
            if prediction[1] is not None:
                start -= prediction[1]  # report the time the prediction took, not the time to read it
        elif system == "newsfuse":
            briefed = brief_cluster(cluster, Settings.load(**{**settings.as_dict(), "words": words}))
            summary = briefed["summary"]
            if "error" in briefed:
                result["error"] = briefed["error"]
        else:
            try:
                summary = PEERS[system](texts, words)
            except errors.BackendUnavailable:
                raise
            except Exception as exc:  # a peer that fails on a cluster scores zero there, and says so
                summary, result["error"] = "", f"{type(exc).__name__}: {exc}"
        result["seconds"] = time.perf_counter() - start
        result.update(score(summary, references, words, metric))
        row["systems"][system] = result
    return row
