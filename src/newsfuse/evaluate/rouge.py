"""ROUGE as the benchmarks define it: rouge-score with Porter stemming, the summary cut at N words, the
score averaged over a cluster's references; bootstrap confidence intervals and a paired test over clusters."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

import numpy as np

from newsfuse import errors

Metric = Literal["recall", "f1"]
MEASURES = ("rouge1", "rouge2", "rougeL")


@lru_cache(maxsize=1)
def _scorer() -> Any:
    try:
        from rouge_score import rouge_scorer
    except ImportError as exc:
        raise errors.missing_extra("newsfuse evaluate", "eval") from exc
    return rouge_scorer.RougeScorer(list(MEASURES), use_stemmer=True)


def cut(summary: str, words: int) -> str:
    return " ".join(summary.split()[:words])


def score(summary: str, references: Sequence[str], words: int, metric: Metric) -> dict[str, float]:
    """ROUGE-1/2/L of one summary (cut at ``words``) against each reference, averaged; in percent."""
    if not references:
        raise errors.InputError("a cluster has no reference summaries to score against")
    candidate = cut(summary, words)
    totals = dict.fromkeys(MEASURES, 0.0)
    for reference in references:
        result = _scorer().score(reference, candidate)
        for measure in MEASURES:
            totals[measure] += result[measure].recall if metric == "recall" else result[measure].fmeasure
    return {m: 100.0 * v / len(references) for m, v in totals.items()}


@dataclass(frozen=True)
class Interval:
    mean: float
    low: float
    high: float


def bootstrap(values: Sequence[float], resamples: int = 1000, seed: int = 0) -> Interval:
    """Mean with a 95% percentile bootstrap interval over clusters."""
    data = np.asarray(values, dtype=float)
    if data.size == 0:
        return Interval(float("nan"), float("nan"), float("nan"))
    rng = np.random.default_rng(seed)
    means = data[rng.integers(0, data.size, size=(resamples, data.size))].mean(axis=1)
    return Interval(float(data.mean()), float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5)))


def paired_bootstrap_p(
    ours: Sequence[float], theirs: Sequence[float], resamples: int = 10000, seed: int = 0
) -> float:
    """One-sided p-value that ``ours`` is not better than ``theirs`` on the same clusters (Koehn 2004):
    the share of resampled cluster sets on which our mean does not exceed theirs."""
    a, b = np.asarray(ours, dtype=float), np.asarray(theirs, dtype=float)
    if a.size == 0 or a.size != b.size:
        return float("nan")
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, a.size, size=(resamples, a.size))
    return float(((a - b)[picks].mean(axis=1) <= 0).mean())
