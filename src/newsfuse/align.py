"""Align: sentences from different documents that say the same thing become one fact.

Needs: sentences, their vectors, provenance. Adds: ``Fact`` objects (representative wording, supporting
spans, documents, independent-source count) and, for each sentence, the fact it belongs to. Leader
clustering: the most central sentence not yet placed opens a fact and takes every unplaced sentence of
another document that says the same thing (``same_statement``). Copies of one original count once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from newsfuse.model import Fact, Sentence
from newsfuse.provenance import Provenance
from newsfuse.represent import SentenceVectors
from newsfuse.settings import Settings


@dataclass(frozen=True)
class Alignment:
    facts: tuple[Fact, ...]
    fact_of: tuple[int, ...]  # sentence index -> index into facts
    centrality: np.ndarray  # per sentence: mean similarity to the other documents' sentences
    same: sparse.csr_matrix  # sentence x sentence: True where the two say the same thing


def align_facts(
    sentences: Sequence[Sentence], vectors: SentenceVectors, provenance: Provenance, settings: Settings
) -> Alignment:
    n = len(sentences)
    if n == 0:
        return Alignment((), (), np.zeros(0), sparse.csr_matrix((0, 0), dtype=bool))
    similarity = vectors.similarity()
    same = same_statement(vectors, settings)
    centrality = cross_document_centrality(sentences, similarity)
    fact_of = [-1] * n
    members: list[list[int]] = []
    for seed in np.argsort(-centrality, kind="stable"):
        if fact_of[seed] >= 0:
            continue
        fact_of[seed] = len(members)
        group = [int(seed)]
        for j in same.indices[same.indptr[seed] : same.indptr[seed + 1]]:
            if fact_of[j] < 0 and sentences[j].doc_id != sentences[seed].doc_id:
                fact_of[j] = len(members)
                group.append(int(j))
        members.append(group)
    facts = tuple(_fact(i, group, sentences, provenance) for i, group in enumerate(members))
    return Alignment(facts, tuple(fact_of), centrality, same)


def same_statement(vectors: SentenceVectors, settings: Settings) -> sparse.csr_matrix:
    """Which sentence pairs say the same thing: similar enough, and sharing enough content words that
    the likeness is not one common word in two short sentences."""
    similarity = vectors.similarity()
    shared = vectors.shared_terms()
    # Both are non-zero exactly where two sentences share a term, so with sorted indices their stored
    # entries line up one for one and the test runs on the raw arrays.
    similarity.sort_indices()
    shared.sort_indices()
    cosine, common = similarity.data, shared.data
    keep = ((cosine >= settings.fact_similarity) & (common >= 2)) | (
        (cosine >= settings.fact_paraphrase_similarity) & (common >= settings.fact_paraphrase_shared)
    )
    structure = (keep, similarity.indices.copy(), similarity.indptr.copy())  # copied: pruned in place
    same = sparse.csr_matrix(structure, shape=similarity.shape)
    same.eliminate_zeros()
    if vectors.dense is not None:  # paraphrase the words do not show: a translation, a rewrite
        dense = vectors.dense @ vectors.dense.T
        same = (same + sparse.csr_matrix(dense >= settings.embedding_similarity)).astype(bool).tocsr()
    return same


def cross_document_centrality(sentences: Sequence[Sentence], similarity: sparse.csr_matrix) -> np.ndarray:
    """How much each sentence has in common with what the *other* documents say (mean over documents of
    the best-matching sentence). A sentence echoed by many sources is central; one that only repeats its
    own document is not."""
    doc_ids = sorted({s.doc_id for s in sentences})
    column_doc = np.array([doc_ids.index(s.doc_id) for s in sentences])
    best = np.zeros((len(sentences), len(doc_ids)))
    coo = similarity.tocoo()
    np.maximum.at(best, (coo.row, column_doc[coo.col]), coo.data)
    best[np.arange(len(sentences)), column_doc] = 0.0
    others = max(len(doc_ids) - 1, 1)
    return best.sum(axis=1) / others


def _fact(index: int, group: list[int], sentences: Sequence[Sentence], provenance: Provenance) -> Fact:
    """The fact in the words of its most central sentence, unless that comes from a copy or a page that
    reads like a synonym-spun rewrite and another source words it too ("first speaking level" is a
    spinner's "first round of talks")."""
    group = sorted(group, key=lambda i: sentences[i].doc_id in provenance.rewritten)  # stable: central first
    lead = sentences[group[0]]
    docs = tuple(dict.fromkeys(sentences[i].doc_id for i in group))
    return Fact(
        id=f"f{index + 1}",
        text=lead.text,
        support=tuple(sentences[i].span for i in group),
        sources=docs,
        independent_sources=provenance.independent(docs),
    )
