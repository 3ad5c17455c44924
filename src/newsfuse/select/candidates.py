"""What a selector sees, and the salience every selector starts from."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from newsfuse.align import Alignment
from newsfuse.model import Sentence
from newsfuse.provenance import Provenance
from newsfuse.represent import SentenceVectors
from newsfuse.settings import Settings

_PRONOUN_OPENING = re.compile(
    r"^(?:He|She|They|It|This|These|Those|His|Her|Their|Its|That|But|And|Also|The (?:ones?|latter|former)|Such)\b"
)
# A quotation attributed only to a pronoun ("..., she said.") does not say who is speaking.
_PRONOUN_SPEAKER = re.compile(
    r"[,”\"]\s+(?:he|she|they)\s+\w+(?:\s+\w+)?\.[\"”’]?$|\b(?:he|she|they)\s+(?:said|says|added)\.$"
)


@dataclass(frozen=True)
class Candidates:
    """The cluster's sentences with everything computed about them."""

    sentences: Sequence[Sentence]
    vectors: SentenceVectors
    alignment: Alignment
    provenance: Provenance
    eligible: np.ndarray  # bool per sentence: may it appear in the summary
    words: np.ndarray  # word count per sentence
    query: sparse.csr_matrix | None  # the query in the sentences' vector space
    seen: sparse.csr_matrix | None  # sentences the reader has already seen, in the same space
    seen_texts: tuple[str, ...] = ()  # the text of those seen sentences


Selector = Callable[[Candidates, Settings], list[int]]


def salience(c: Candidates, settings: Settings) -> np.ndarray:
    """How much each sentence deserves a place, before redundancy: closeness to the cluster's centroid
    (every document weighing the same), what the other sources also say (cross-document centrality), an
    early position in its document, and relevance to the query when there is one. Sentences that lean on
    an antecedent ("He said...", "But...", "...," she said.) read badly out of context and are discounted."""
    n = len(c.sentences)
    if n == 0:
        return np.zeros(0)
    matrix = c.vectors.matrix
    doc_index: dict[str, int] = {}
    of_doc = [doc_index.setdefault(s.doc_id, len(doc_index)) for s in c.sentences]
    membership = sparse.csr_matrix((np.ones(n), (of_doc, np.arange(n))), shape=(len(doc_index), n))
    doc_sums = np.asarray((membership @ matrix).todense())  # each document's mean, up to its scale
    centroid = (doc_sums / np.maximum(np.linalg.norm(doc_sums, axis=1, keepdims=True), 1e-12)).sum(axis=0)
    centroid /= np.linalg.norm(centroid) or 1.0
    position = np.array([1.0 / np.sqrt(1.0 + s.index) for s in c.sentences])
    score = 0.4 * unit(matrix @ centroid) + 0.4 * unit(c.alignment.centrality) + 0.2 * position
    if c.query is not None:
        relevance = (matrix @ c.query.T).toarray().ravel()
        score = (1 - settings.query_weight) * score + settings.query_weight * unit(relevance)
    lean = [0.8 if leans_on_context(s.text) else 1.0 for s in c.sentences]
    return score * np.array(lean)


def leans_on_context(text: str) -> bool:
    """An opening that points back ("He said…", "But…", "The ones with…") or a pronoun for the speaker."""
    return bool(_PRONOUN_OPENING.match(text) or _PRONOUN_SPEAKER.search(text))


def unit(values: np.ndarray) -> np.ndarray:
    """Scale to [0, 1] by the maximum (all zeros stay zeros)."""
    top = float(values.max()) if values.size else 0.0
    return values / top if top > 0 else np.zeros_like(values, dtype=float)
