"""``ilp-bigram.v1``: concept coverage (Gillick & Favre 2009), solved exactly with the HiGHS MILP solver.

Concepts are stemmed content-word bigrams. A concept is worth the sum, over the independent sources (copy
groups) that use it, of the squared salience of the best sentence using it there: a phrase counts more
when more sources use it, and when they use it in their central, early sentences. The ILP chooses the
sentences that cover the most concept weight within the word budget, each concept counted once, and never
two sentences more alike than ``ilp_redundancy``. Query words double a concept's worth; concepts the reader
has already seen are worth nothing (update summaries).
"""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

import highspy
import numpy as np
from scipy import sparse

from newsfuse.select.candidates import Candidates, salience
from newsfuse.select.mmr import select_centroid_mmr
from newsfuse.settings import Settings

POOL = (
    150  # most salient eligible sentences that enter the ILP; covers all of a 25-document cluster's good ones
)
QUERY_BOOST = 2.0  # chosen on DUC 2006 among 1, 2 and 4 (2 best; 4 lets query words crowd out the story)
TIME_LIMIT = 2.0  # seconds; the solver proves optimality in ~0.02 s on typical clusters


def bigrams(terms: tuple[str, ...]) -> set[str]:
    return {f"{a} {b}" for a, b in pairwise(terms)}


def select_ilp_bigram(c: Candidates, settings: Settings) -> list[int]:
    score = salience(c, settings)
    eligible = np.flatnonzero(c.eligible & (c.words <= settings.words))
    if eligible.size == 0:
        return []
    pool = eligible[np.argsort(-score[eligible], kind="stable")][:POOL]
    weights = _concept_weights(c, score)
    concepts: dict[str, int] = {}
    incidence = [
        [concepts.setdefault(b, len(concepts)) for b in bigrams(c.vectors.terms[i]) if b in weights]
        for i in pool
    ]
    if not concepts:
        return select_centroid_mmr(c, settings)
    chosen = _solve(c, settings, pool, incidence, np.array([weights[b] for b in concepts]))
    return chosen if chosen is not None else select_centroid_mmr(c, settings)


def _concept_weights(c: Candidates, score: np.ndarray) -> dict[str, float]:
    best: dict[str, dict[str, float]] = defaultdict(dict)  # concept -> copy group -> best sentence weight
    strength = (score / (score.max() or 1.0)) ** 2
    for i, sentence in enumerate(c.sentences):
        group = c.provenance.groups.get(sentence.doc_id, sentence.doc_id)
        for concept in bigrams(c.vectors.terms[i]):
            if strength[i] > best[concept].get(group, 0.0):
                best[concept][group] = float(strength[i])
    query_terms: set[str] = set()
    if c.query is not None:
        names = {j: term for term, j in c.vectors.vocabulary.items()}
        query_terms = {names[j] for j in c.query.indices}
    seen = {b for terms in c.seen_terms for b in bigrams(terms)}
    weights = {}
    for concept, by_group in best.items():
        if concept in seen:
            continue
        weight = sum(by_group.values())
        if query_terms and not query_terms.isdisjoint(concept.split()):
            weight *= QUERY_BOOST
        if weight > 0:
            weights[concept] = weight
    return weights


def _solve(
    c: Candidates, settings: Settings, pool: np.ndarray, incidence: list[list[int]], weights: np.ndarray
) -> list[int] | None:
    """Variables: one binary per pool sentence, then one [0, 1] coverage per concept (integral at the
    optimum). Rows: the budget; each concept covered only by a chosen sentence; no too-similar pair."""
    ns, nb = len(pool), len(weights)
    rows, cols, values = [0] * ns, list(range(ns)), [float(c.words[i]) for i in pool]
    for k, concept_ids in enumerate(incidence):
        rows += [1 + j for j in concept_ids]
        cols += [k] * len(concept_ids)
        values += [-1.0] * len(concept_ids)
    rows += [1 + j for j in range(nb)]
    cols += [ns + j for j in range(nb)]
    values += [1.0] * nb
    similarity = (c.vectors.matrix[pool] @ c.vectors.matrix[pool].T).toarray()
    pairs = np.argwhere(np.triu(similarity >= settings.ilp_redundancy, k=1))
    for r, (a, b) in enumerate(pairs, start=1 + nb):
        rows += [r, r]
        cols += [int(a), int(b)]
        values += [1.0, 1.0]
    n_rows = 1 + nb + len(pairs)
    matrix = sparse.csc_matrix((values, (rows, cols)), shape=(n_rows, ns + nb))

    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = ns + nb, n_rows
    lp.col_cost_ = np.concatenate([np.zeros(ns), weights])
    lp.col_lower_, lp.col_upper_ = np.zeros(ns + nb), np.ones(ns + nb)
    lp.row_lower_ = np.full(n_rows, -highspy.kHighsInf)
    lp.row_upper_ = np.concatenate([[float(settings.words)], np.zeros(nb), np.ones(len(pairs))])
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
    solver.run()
    if solver.getInfo().primal_solution_status != 2:  # no feasible solution found
        return None
    x = np.asarray(solver.getSolution().col_value[:ns])
    return [int(pool[k]) for k in np.flatnonzero(x > 0.5)]
