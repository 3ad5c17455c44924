"""Update summaries, scored on an annotated invented cluster (DUC 2007's update task, made checkable).

The annotation names the folders already seen and the new ones, facts only the new documents report and
facts the seen ones already did, each as phrases that must all appear in a sentence. Two numbers:
- new-fact recall: the share of new facts the summary states;
- staleness: the share of summary sentences that restate a fact already seen.
A good update summary has high recall and low staleness; a plain summary of the new documents alone is
the baseline, since new articles repeat background the reader already has.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsfuse import brief
from newsfuse.model import SummarySentence


@dataclass(frozen=True)
class UpdateScore:
    new_fact_recall: float
    staleness: float
    words: int


def score_update(folder: Path, words: int) -> tuple[UpdateScore, UpdateScore]:
    """(update summary given the seen documents, plain summary of the new documents alone)."""
    spec = json.loads((folder / "annotations.json").read_text(encoding="utf-8"))
    new = [folder / name for name in spec["new"]]
    seen = [folder / name for name in spec["seen"]]
    update = brief(new, words=words, seen=seen)
    plain = brief(new, words=words)
    return _score(update.summary, spec), _score(plain.summary, spec)


def _score(summary: Sequence[SummarySentence], spec: dict[str, Any]) -> UpdateScore:
    sentences = [s.text.lower() for s in summary]
    text = " ".join(sentences)
    found = [all(p.lower() in text for p in fact) for fact in spec["new_facts"]]
    stale = [any(all(p.lower() in s for p in fact) for fact in spec["old_facts"]) for s in sentences]
    return UpdateScore(
        new_fact_recall=sum(found) / len(found),
        staleness=sum(stale) / len(stale) if stale else 0.0,
        words=len(text.split()),
    )
