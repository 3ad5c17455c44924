"""Quality gate for cleaning: precision and recall of removed lines against an annotated set.

An annotation file lists, per text document, the exact lines that are site chrome (``remove``), lines
that may go either way such as subheads and bylines (``either``, not scored), the headline (``title``,
scored as metadata), the outlet, the publication date and the kind. A line counts as removed when
cleaning removed every character of it for a chrome reason (not as the title).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsfuse.clean import clean_documents
from newsfuse.ingest import load_documents
from newsfuse.model import Document
from newsfuse.settings import Settings

TITLE_REASON = "metadata:title"


@dataclass
class CleaningScore:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    metadata_checked: int = 0
    metadata_right: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def metadata_accuracy(self) -> float:
        return self.metadata_right / self.metadata_checked if self.metadata_checked else 1.0


def score_cleaning(annotations: Path, folder: Path, settings: Settings | None = None) -> CleaningScore:
    """Clean every document of ``folder`` as one cluster and score it against ``annotations``."""
    settings = settings or Settings()
    spec = json.loads(annotations.read_text(encoding="utf-8"))["documents"]
    docs = {d.id: d for d in clean_documents(load_documents([folder], settings), settings)}
    score = CleaningScore()
    for name, expected in spec.items():
        doc = docs[name]
        removed = _removed_lines(doc)
        either = {line.strip() for line in expected.get("either", [])}
        must_go = [line.strip() for line in expected.get("remove", [])]
        for line in _lines(doc.raw):
            if line in either or line == (expected.get("title") or "").strip():
                continue
            went, should = line in removed, line in must_go
            score.true_positives += went and should
            score.false_positives += went and not should
            score.false_negatives += should and not went
            if went != should:
                score.errors.append(f"{name}: {'kept' if should else 'removed'} {line[:70]!r}")
        _score_metadata(score, name, doc, expected)
    return score


def _score_metadata(score: CleaningScore, name: str, doc: Document, expected: dict[str, object]) -> None:
    checks = {
        "title": (expected.get("title"), doc.title),
        "outlet": (expected.get("outlet"), doc.source),
        "date": (expected.get("date"), doc.date),
        "kind": (expected.get("kind"), doc.kind),
    }
    for what, (want, got) in checks.items():
        score.metadata_checked += 1
        if _same(want, got):
            score.metadata_right += 1
        else:
            score.errors.append(f"{name}: {what} {got!r}, expected {want!r}")


def _same(want: object, got: object) -> bool:
    if isinstance(want, str) and isinstance(got, str):
        return want.strip().lower() == got.strip().lower() or (
            want.lower().startswith(got.lower()) and len(got) > 20  # a title minus its outlet suffix
        )
    return want == got


def _removed_lines(doc: Document) -> set[str]:
    """Every line a chrome removal took; one removal may span several adjacent lines."""
    return {
        line.strip()
        for r in doc.removed
        if r.reason != TITLE_REASON and not r.reason.startswith(("metadata:dateline", "transcript:"))
        for line in r.text.splitlines()
    }


def _lines(raw: str) -> Iterable[str]:
    return (line.strip() for line in raw.splitlines() if line.strip())
