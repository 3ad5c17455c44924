"""Per-document work for story clustering: clean one document and describe it compactly.

This is the function the distributed engine maps over documents, so it is pure and its input and output
are plain picklable data.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import justext
import numpy as np
from datasketch import MinHash

from newsfuse.clean import clean_documents
from newsfuse.model import Document
from newsfuse.represent import STOPWORDS, stem, tokens
from newsfuse.settings import Settings

NUM_PERM = 64
SCHEME = "affine32"  # datasketch's default hashing; named, since saved signatures depend on it
TOP_TERMS = 60  # the terms that describe a document (by frequency, names first)
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})*")
# Stories mix languages (the crisis benchmark is Spanish, French and Italian): no language filter here.
_CLEAN = Settings(min_english_share=0.0)


@dataclass(frozen=True)
class DocFeatures:
    doc_id: str
    title: str | None
    source: str | None
    url: str | None
    date: str | None
    terms: dict[str, float]  # top terms -> sublinear tf
    names: frozenset[str]
    signature: np.ndarray  # MinHash hash values of the top-term set
    rejected: str | None = None


def prepare(doc: Document) -> DocFeatures:
    [cleaned] = clean_documents([doc], _CLEAN)
    if cleaned.rejected:
        empty = np.zeros(0, dtype=np.uint64)
        return DocFeatures(
            doc.id, doc.title, doc.source, doc.url, doc.date, {}, frozenset(), empty, cleaned.rejected
        )
    body = f"{cleaned.title or ''}\n{cleaned.text}"
    words = tokens(body)
    stoplist = language_stoplist(words)
    counts = Counter(
        stem(w) for w in words if w not in STOPWORDS and w not in stoplist and (len(w) > 1 or w.isdigit())
    )
    top = dict(counts.most_common(TOP_TERMS))
    minhash = MinHash(num_perm=NUM_PERM, seed=7, permutations=minhash_permutations(), scheme=SCHEME)
    minhash.update_batch([t.encode("utf-8") for t in top])
    names = frozenset(n.lower() for n in _NAME.findall(cleaned.text[:5000]))
    return DocFeatures(
        doc_id=cleaned.id,
        title=cleaned.title,
        source=cleaned.source,
        url=cleaned.url,
        date=cleaned.date,
        terms={t: 1.0 + math.log(c) for t, c in top.items()},
        names=names,
        signature=minhash.hashvalues.copy(),
    )


def language_stoplist(words: list[str]) -> frozenset[str]:
    """The function words of the text's language: the stoplist (of jusText's 100) covering most of its
    frequent words. Without it a Spanish article's top terms are "de", "la", "que", which every Spanish
    article shares."""
    stoplists, member_of = _stoplists()
    coverage = Counter[int]()
    for word, n in Counter(words).most_common(100):
        for language in member_of.get(word, ()):
            coverage[language] += n
    if not coverage:
        return frozenset()
    best = max(coverage.items(), key=lambda item: (item[1], -item[0]))[0]  # ties: the first language
    return stoplists[best]


@lru_cache(maxsize=1)
def _stoplists() -> tuple[tuple[frozenset[str], ...], dict[str, tuple[int, ...]]]:
    """The stoplists, and for each word the stoplists that hold it."""
    stoplists = tuple(frozenset(justext.get_stoplist(name)) for name in sorted(justext.get_stoplists()))
    member_of: dict[str, list[int]] = {}
    for i, stoplist in enumerate(stoplists):
        for word in stoplist:
            member_of.setdefault(word, []).append(i)
    return stoplists, {word: tuple(ids) for word, ids in member_of.items()}


@lru_cache(maxsize=1)
def minhash_permutations() -> tuple[np.ndarray, np.ndarray]:
    """MinHash's random permutations for ``NUM_PERM`` and seed 7, computed once, not per document."""
    return MinHash(num_perm=NUM_PERM, seed=7).permutations
