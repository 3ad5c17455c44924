"""Select: the summary, extractive and within the word budget, each sentence citing its supporters.

Needs: sentences, vectors, the fact alignment, provenance. Adds: ``SummarySentence`` objects in reading
order. Selectors are registered by versioned name in ``SELECTORS``; each returns sentence indices in
order of choice, and this module applies the shared rules around them: which sentences may be chosen at
all, the word budget (never exceeded: sentences are never cut), the reading order, and citations.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from newsfuse.align import Alignment, same_statement
from newsfuse.model import Document, Sentence, SummarySentence
from newsfuse.provenance import Provenance
from newsfuse.represent import SentenceVectors
from newsfuse.settings import Settings

_TERMINAL = re.compile(r"[.!]['\"”’)]*$")
_PRONOUN_OPENING = re.compile(r"^(?:He|She|They|It|This|These|Those|His|Her|Their|Its|That|But|And|Also)\b")


@dataclass(frozen=True)
class Candidates:
    """What a selector sees: the cluster's sentences with everything computed about them."""

    sentences: Sequence[Sentence]
    vectors: SentenceVectors
    alignment: Alignment
    provenance: Provenance
    eligible: np.ndarray  # bool per sentence: may it appear in a summary at all
    words: np.ndarray  # word count per sentence
    query: sparse.csr_matrix | None


Selector = Callable[[Candidates, Settings], list[int]]


def eligible(sentence: Sentence, settings: Settings) -> bool:
    """Sentences that read well on their own: complete, declarative, not a fragment of a quote."""
    text = sentence.text
    words = len(text.split())
    if not settings.min_sentence_words <= words <= settings.max_sentence_words:
        return False
    if not _TERMINAL.search(text) or (not text[:1].isupper() and text[:1] not in "\"“‘'"):
        return False
    opening, closing = text.count("“"), text.count("”")
    return opening == closing and text.count('"') % 2 == 0


def salience(c: Candidates) -> np.ndarray:
    """Centrality across sources, closeness to the cluster's centroid, early position, query relevance."""
    n = len(c.sentences)
    matrix = c.vectors.matrix
    doc_rows: dict[str, list[int]] = {}
    for i, s in enumerate(c.sentences):
        doc_rows.setdefault(s.doc_id, []).append(i)
    centroid = np.zeros(matrix.shape[1])
    for rows in doc_rows.values():  # each document weighs the same, however long
        mean = np.asarray(matrix[rows].mean(axis=0)).ravel()
        centroid += mean / (np.linalg.norm(mean) or 1.0)
    centroid /= np.linalg.norm(centroid) or 1.0
    to_centroid = matrix @ centroid
    position = np.array([1.0 / np.sqrt(1.0 + s.index) for s in c.sentences])
    score = 0.4 * _unit(to_centroid) + 0.4 * _unit(c.alignment.centrality) + 0.2 * position
    if c.query is not None:
        relevance = np.asarray((matrix @ c.query.T).todense()).ravel()
        score = 0.5 * score + 0.5 * _unit(relevance)
    score = score * np.array([0.8 if _PRONOUN_OPENING.match(s.text) else 1.0 for s in c.sentences])
    return score if n else np.zeros(0)


def select_centroid_mmr(c: Candidates, settings: Settings) -> list[int]:
    """Maximal marginal relevance (Carbonell & Goldstein 1998) over salience, greedy under the budget."""
    score = salience(c)
    similarity = c.vectors.similarity().toarray() if len(c.sentences) <= 4000 else None
    chosen: list[int] = []
    budget = settings.words
    redundancy = np.zeros(len(c.sentences))
    available = c.eligible.copy()
    while True:
        fits = available & (c.words <= budget)
        if not fits.any():
            return chosen
        mmr = settings.mmr_lambda * score - (1 - settings.mmr_lambda) * redundancy
        best = int(np.argmax(np.where(fits, mmr, -np.inf)))
        chosen.append(best)
        budget -= int(c.words[best])
        available[best] = False
        row = similarity[best] if similarity is not None else c.vectors.matrix @ c.vectors.matrix[best].T
        redundancy = np.maximum(redundancy, np.asarray(row).ravel())


SELECTORS: Mapping[str, Selector] = {"centroid-mmr.v1": select_centroid_mmr}


def select_summary(
    docs: Sequence[Document],
    sentences: Sequence[Sentence],
    vectors: SentenceVectors,
    alignment: Alignment,
    provenance: Provenance,
    settings: Settings,
) -> tuple[SummarySentence, ...]:
    if not sentences:
        return ()
    candidates = Candidates(
        sentences=sentences,
        vectors=vectors,
        alignment=alignment,
        provenance=provenance,
        eligible=np.array([eligible(s, settings) for s in sentences]),
        words=np.array([len(s.text.split()) for s in sentences]),
        query=vectors.embed(settings.query) if settings.query.strip() else None,
    )
    if not candidates.eligible.any():  # nothing reads well: fall back to any sentence that fits
        candidates = dataclasses.replace(candidates, eligible=candidates.words > 0)
    chosen = SELECTORS[settings.selector](candidates, settings)
    order = {d.id: (d.date or "9999-99-99", i) for i, d in enumerate(docs)}
    chosen.sort(key=lambda i: (*order[sentences[i].doc_id], sentences[i].index))
    same = same_statement(vectors, settings)
    return tuple(_cite(i, candidates, same) for i in chosen)


def _cite(index: int, c: Candidates, same: sparse.csr_matrix) -> SummarySentence:
    """Cite the sentence's own document and every other document with a sentence that says the same thing
    (its most similar such sentence there)."""
    sentence = c.sentences[index]
    row = (c.vectors.matrix @ c.vectors.matrix[index].T).toarray().ravel()
    best: dict[str, tuple[float, int]] = {}
    for j in same.getrow(index).indices:
        doc_id = c.sentences[j].doc_id
        if doc_id != sentence.doc_id and row[j] > best.get(doc_id, (0.0, -1))[0]:
            best[doc_id] = (float(row[j]), int(j))
    others = sorted(best.values(), reverse=True)
    support = (sentence.span, *(c.sentences[j].span for _, j in others))
    return SummarySentence(text=sentence.text, citations=tuple(s.doc_id for s in support), support=support)


def _unit(values: np.ndarray) -> np.ndarray:
    top = float(values.max()) if values.size else 0.0
    return values / top if top > 0 else np.zeros_like(values, dtype=float)
