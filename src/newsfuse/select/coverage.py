"""Concept coverage (Gillick & Favre 2009): ``ilp-bigram.v1`` solves it exactly with the HiGHS MILP
solver; ``greedy-bigram.v1`` solves it by cost-scaled greedy (Khuller, Moss & Naor 1999), which keeps
within a constant factor of the optimum and runs several times faster.

Concepts are stemmed word bigrams (``concepts_of``). A concept is worth the sum, over the independent
sources (copy groups) that use it, of the squared salience of the best sentence using it there: a phrase
counts more when more sources use it, and when they use it in their central, early sentences. The summary
covers the most concept weight within the word budget, each concept counted once, and never holds two
sentences more alike than ``coverage_redundancy``. Query words double a concept's worth; concepts the reader has
already seen are worth nothing (update summaries).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, pairwise

import highspy
import numpy as np
from scipy import sparse

from newsfuse.represent import STOPWORDS, analyze, content_of
from newsfuse.select.candidates import Candidates, salience
from newsfuse.select.mmr import select_centroid_mmr
from newsfuse.settings import Settings

# The most salient eligible sentences that may be chosen (all of them in clusters of up to ~10 articles).
POOL = 150
# Query words multiply a concept's worth by this. DUC 2006 R1/R2 with the greedy: 1 -> 42.0/10.4,
# 2 -> 42.0/10.5, 4 -> 41.4/10.2 (query words crowd out the story).
QUERY_BOOST = 2.0
# Seconds the exact solver may take; it proves optimality in about 0.01 s on typical clusters.
TIME_LIMIT = 2.0


Concept = tuple[str, str]


def concepts_of(words: Sequence[str], stems: Sequence[str], terms: Sequence[str]) -> set[Concept]:
    """A sentence's concepts: its stemmed word bigrams except those of two function words ("the
    submarine", "sank off"), as Gillick & Favre define them, and the bigrams of its content words with the
    function words between them skipped ("bridge close" in "the bridge to close"). The first kind matches
    how sources word things, the second what they talk about. Together they score better than either alone
    on Multi-News and DUC 2006 (R1 45.3 and 42.0, against 44.9 / 41.8 content-only and 45.3 / 41.7 for
    Gillick & Favre's alone) and, over all 5,622 multi_news_plus_test clusters, which were not used to
    design it, +0.15 R1 over content-only (paired p < 1e-9)."""
    function = [w in STOPWORDS for w in words]
    out = set(pairwise(terms))  # terms: the content words' stems (``represent.content_of``)
    out.update(
        (a, b)
        for a, b, a_function, b_function in zip(stems, stems[1:], function, function[1:], strict=False)
        if not (a_function and b_function)
    )
    return out


@dataclass(frozen=True)
class Problem:
    pool: np.ndarray  # sentence indices that may be chosen
    words: np.ndarray  # their lengths
    incidence: sparse.csr_matrix  # pool sentence x concept, 1 where the sentence has the concept
    weights: np.ndarray  # per concept
    conflicts: np.ndarray  # pool x pool, True where two sentences are too alike to both be chosen


def select_greedy_bigram(c: Candidates, settings: Settings) -> list[int]:
    problem = _problem(c, settings)
    if problem is None:
        return select_centroid_mmr(c, settings)
    return [int(problem.pool[k]) for k in _greedy(problem, settings.words)]


def select_ilp_bigram(c: Candidates, settings: Settings) -> list[int]:
    problem = _problem(c, settings)
    if problem is None:
        return select_centroid_mmr(c, settings)
    chosen = _solve(problem, settings.words, _greedy(problem, settings.words))
    return [int(problem.pool[k]) for k in chosen]


def _problem(c: Candidates, settings: Settings) -> Problem | None:
    score = salience(c, settings)
    eligible = np.flatnonzero(c.eligible & (c.words <= settings.words))
    if eligible.size == 0:
        return None
    pool = eligible[np.argsort(-score[eligible], kind="stable")][:POOL]
    concepts: dict[Concept, int] = {}  # every concept of the cluster, numbered
    sentence_concepts = [
        [concepts.setdefault(b, len(concepts)) for b in concepts_of(words, stems, terms)]
        for words, stems, terms in zip(c.vectors.words, c.vectors.stems, c.vectors.terms, strict=True)
    ]
    weights = _concept_weights(c, score, concepts, sentence_concepts)
    lengths = np.array([len(sentence_concepts[i]) for i in pool], dtype=np.int64)
    held = np.fromiter(chain.from_iterable(sentence_concepts[i] for i in pool), np.int64, int(lengths.sum()))
    rows = np.repeat(np.arange(len(pool)), lengths)
    worth = weights[held] > 0
    if not worth.any():
        return None
    used, cols = np.unique(held[worth], return_inverse=True)  # the concepts the pool can cover, as columns
    incidence = sparse.csr_matrix((np.ones(len(cols)), (rows[worth], cols)), shape=(len(pool), len(used)))
    pool_rows = c.vectors.matrix[pool]
    similarity = (pool_rows @ pool_rows.T).toarray()
    conflicts = similarity >= settings.coverage_redundancy
    np.fill_diagonal(conflicts, False)
    return Problem(pool, c.words[pool].astype(float), incidence, weights[used], conflicts)


def _concept_weights(
    c: Candidates, score: np.ndarray, concepts: dict[Concept, int], sentence_concepts: list[list[int]]
) -> np.ndarray:
    """Per concept: the sum over copy groups of the strength of the best sentence using it there."""
    group_ids: dict[str, int] = {}
    groups = [
        group_ids.setdefault(c.provenance.groups.get(s.doc_id, s.doc_id), len(group_ids)) for s in c.sentences
    ]
    strength = (score / (score.max() or 1.0)) ** 2
    concept_index = np.fromiter((b for bs in sentence_concepts for b in bs), dtype=np.int64)
    sentence_index = np.repeat(np.arange(len(sentence_concepts)), [len(bs) for bs in sentence_concepts])
    best = np.zeros((len(concepts), len(group_ids)))
    np.maximum.at(
        best, (concept_index, np.asarray(groups, dtype=np.int64)[sentence_index]), strength[sentence_index]
    )
    weights = best.sum(axis=1)
    if c.query is not None:
        names = {j: term for term, j in c.vectors.vocabulary.items()}
        query_terms = {names[j] for j in c.query.indices}
        asks = [not query_terms.isdisjoint(concept) for concept in concepts]
        weights[np.array(asks, dtype=bool)] *= QUERY_BOOST
    seen = [concepts[b] for text in c.seen_texts for b in _concepts_of_text(text) if b in concepts]
    weights[seen] = 0.0
    return weights


def _greedy(p: Problem, budget: float) -> list[int]:
    """Repeatedly take the sentence with the most uncovered concept weight per word that fits and
    conflicts with nothing chosen; finally compare with the best single sentence (the classic guard
    that gives the approximation bound)."""
    uncovered = p.weights.copy()
    available = p.words <= budget
    chosen: list[int] = []
    while available.any():
        gain = p.incidence @ uncovered
        ratio = np.where(available & (gain > 0), gain / p.words, -1.0)
        best = int(np.argmax(ratio))
        if ratio[best] <= 0:
            break
        chosen.append(best)
        budget -= p.words[best]
        uncovered[p.incidence.indices[p.incidence.indptr[best] : p.incidence.indptr[best + 1]]] = 0.0
        available &= ~p.conflicts[best] & (p.words <= budget)
        available[best] = False
    single = p.incidence @ p.weights
    single[p.words > budget + sum(p.words[k] for k in chosen)] = -1.0
    best_single = int(np.argmax(single))
    total = p.weights.sum() - uncovered.sum()
    return [best_single] if single[best_single] > total else chosen


def _solve(p: Problem, budget: float, start: list[int]) -> list[int]:
    """The exact optimum. Variables: one binary per pool sentence, then one [0, 1] coverage per concept
    (integral at the optimum). Rows: the budget; each concept covered only by a chosen sentence; no two
    conflicting sentences. The greedy answer is the starting point; it is kept if the solver finds none."""
    ns, nb = p.incidence.shape
    pairs = np.argwhere(np.triu(p.conflicts, k=1))
    coo = p.incidence.tocoo()
    rows = np.concatenate(
        [np.zeros(ns), 1 + coo.col, 1 + np.arange(nb), np.repeat(1 + nb + np.arange(len(pairs)), 2)]
    )
    cols = np.concatenate([np.arange(ns), coo.row, ns + np.arange(nb), pairs.ravel()])
    values = np.concatenate([p.words, -np.ones(coo.nnz), np.ones(nb), np.ones(2 * len(pairs))])
    n_rows = 1 + nb + len(pairs)
    matrix = sparse.csc_matrix((values, (rows.astype(int), cols.astype(int))), shape=(n_rows, ns + nb))

    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = ns + nb, n_rows
    lp.col_cost_ = np.concatenate([np.zeros(ns), p.weights])
    lp.col_lower_, lp.col_upper_ = np.zeros(ns + nb), np.ones(ns + nb)
    lp.row_lower_ = np.full(n_rows, -highspy.kHighsInf)
    lp.row_upper_ = np.concatenate([[budget], np.zeros(nb), np.ones(len(pairs))])
    lp.sense_ = highspy.ObjSense.kMaximize
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = matrix.indptr.astype(np.int32)
    lp.a_matrix_.index_ = matrix.indices.astype(np.int32)
    lp.a_matrix_.value_ = matrix.data.astype(float)
    lp.integrality_ = [highspy.HighsVarType.kInteger] * ns + [highspy.HighsVarType.kContinuous] * nb
    solver = highspy.Highs()
    solver.setOptionValue("output_flag", False)
    solver.setOptionValue("time_limit", TIME_LIMIT)
    solver.setOptionValue("threads", 1)
    solver.passModel(lp)
    initial = highspy.HighsSolution()
    x0 = np.zeros(ns)
    x0[start] = 1.0
    covered = (p.incidence.T @ x0 > 0).astype(float)
    initial.col_value = list(np.concatenate([x0, covered]))
    solver.setSolution(initial)
    solver.run()
    if solver.getInfo().primal_solution_status != 2:  # no feasible solution found in time
        return start
    x = np.asarray(solver.getSolution().col_value[:ns])
    return [int(k) for k in np.flatnonzero(x > 0.5)]


def _concepts_of_text(text: str) -> set[Concept]:
    words, stems = analyze(text)
    return concepts_of(words, stems, content_of(words, stems))
