"""``centroid-mmr.v1``: maximal marginal relevance (Carbonell & Goldstein 1998) over salience."""

from __future__ import annotations

import numpy as np

from newsfuse.select.candidates import Candidates, salience
from newsfuse.settings import Settings


def select_centroid_mmr(c: Candidates, settings: Settings) -> list[int]:
    """Greedy: each step takes the sentence with the best trade-off between salience and its similarity
    to what is already chosen (or already seen), among those that still fit the budget."""
    score = salience(c, settings)
    matrix = c.vectors.matrix
    redundancy = np.zeros(len(c.sentences))
    if c.seen is not None and c.seen.shape[0]:
        redundancy = (matrix @ c.seen.T).max(axis=1).toarray().ravel()
    chosen: list[int] = []
    budget = settings.words
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
        redundancy = np.maximum(redundancy, (matrix @ matrix[best].T).toarray().ravel())
