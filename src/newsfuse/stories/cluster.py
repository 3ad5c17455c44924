"""Online story clustering: each new document joins the story it belongs to, or starts one.

Candidates come from MinHash LSH over each story's top terms (so a query costs the same however many
documents a story holds) and, when dates are known, only stories active within ``window_days``. Each
candidate is scored by the TF-IDF cosine between the document and the story's centroid (IDF from the
documents seen so far), plus agreement of titles and of named actors; the best joins if it reaches
``join_threshold``. A near-identical document (estimated term Jaccard >= ``copy_jaccard``) is a copy:
it joins its original's story and is marked as a copy.

Stories are indexed in time slices ``window_days`` wide, one LSH index per slice, each story in the slice
of its latest document (undated stories in an index of their own). A dated document queries only the
slices within its window, so its cost stays flat however long a dated stream runs, and a document that
arrives late, out of date order, still finds its story if it is within the window of the story's latest
document. Memory per story is bounded too: its centroid keeps its ``CENTROID_TERMS`` strongest terms, and
the IDF-weighted vectors scored against are a cache of the most recently used stories.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsfuse.stories.features import NUM_PERM, SCHEME, TOP_TERMS, DocFeatures, minhash_permutations

MAX_CANDIDATES = 10  # stories scored per document: cost stays flat as the stream grows
STORY_TERMS = 150  # centroid terms a story is scored on
CENTROID_TERMS = 600  # terms a story's centroid keeps (pruned to this when it doubles)
NAMES_KEPT = 1000  # names a story keeps, likewise (fewer cost recall: a long story's cast is large)
WEIGHTS_CACHED = 4000  # stories whose weighted vectors are kept between documents
# Pseudo-documents in which no term occurs, added to the IDF's count: early in a stream, a term two
# documents share would otherwise weigh nothing just because they are the only documents yet.
IDF_PRIOR = 100


@dataclass(frozen=True)
class ClusterSettings:
    join_threshold: float = 0.25  # calibrated on Multi-News: see benchmarks/stories_eval.py --sweep
    candidate_jaccard: float = 0.05  # LSH threshold on top-term sets: 0.1 lost 2% of same-story pairs
    copy_jaccard: float = 0.85
    window_days: int = 10  # at least 1
    title_weight: float = 0.2
    names_weight: float = 0.2


@dataclass(frozen=True)
class Assignment:
    doc_id: str
    story_id: str
    copy_of: str | None
    score: float
    new_story: bool


@dataclass
class _Story:
    id: str
    title: str | None
    centroid: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)
    titles: list[str] = field(default_factory=list)
    signature: np.ndarray = field(default_factory=lambda: np.zeros(NUM_PERM, dtype=np.uint64))  # of top terms
    time_slice: int | None = None  # the time slice it is indexed in (None: undated)
    indexed: bool = False
    size: int = 0
    first_date: str | None = None
    last_date: str | None = None


class StoryIndex:
    """The clustering state; ``assign`` is called once per document, in stream order."""

    def __init__(self, settings: ClusterSettings | None = None) -> None:
        self.settings = settings or ClusterSettings()
        self.stories: dict[str, _Story] = {}
        self.doc_story: dict[str, str] = {}
        self.df: Counter[str] = Counter()
        self.docs_seen = 0
        self._story_lsh: dict[int | None, MinHashLSH] = {}  # time slice (None: undated) -> its stories
        self._copy_lsh = MinHashLSH(threshold=self.settings.copy_jaccard, num_perm=NUM_PERM)
        self._signatures: dict[str, np.ndarray] = {}
        # story -> (IDF epoch, weights, norm): the most recently computed only
        self._weighted: dict[str, tuple[int, dict[str, float], float]] = {}
        # IDF is computed from a snapshot of document frequencies, retaken each time the stream has grown
        # by a tenth (an epoch): scores then depend only on the stream so far, so a resumed run, which
        # replays the stored documents, decides exactly as an uninterrupted one.
        self._epoch = 0
        self._epoch_docs = 0
        self._epoch_df: Counter[str] = Counter()
        self._idf: dict[str, float] = {}  # term -> IDF in this epoch

    def assign(self, f: DocFeatures) -> Assignment:
        if f.doc_id in self.doc_story:
            return Assignment(f.doc_id, self.doc_story[f.doc_id], None, 1.0, False)
        minhash = self._minhash(hashvalues=f.signature)
        self._count(f)
        original = self._copy_of(f, minhash)
        if original is not None:
            story = self.stories[self.doc_story[original]]
            self._join(story, f, count_terms=False)
            self.doc_story[f.doc_id] = story.id
            return Assignment(f.doc_id, story.id, original, 1.0, False)
        best, score = self._best_story(f, minhash)
        new = best is None or score < self.settings.join_threshold
        if new:
            best = _Story(f"s{len(self.stories) + 1:06d}", f.title)  # ids in stream order: resumable
            self.stories[best.id] = best
        assert best is not None
        self._join(best, f, count_terms=True)
        self.doc_story[f.doc_id] = best.id
        self._copy_lsh.insert(f.doc_id, minhash)
        self._signatures[f.doc_id] = f.signature
        return Assignment(f.doc_id, best.id, None, round(score, 4), new)

    def restore(self, f: DocFeatures, story_id: str, copy_of: str | None) -> None:
        """Replay a stored assignment (a resumed run): the same state ``assign`` left, without deciding."""
        self._count(f)
        story = self.stories.get(story_id)
        if story is None:
            story = self.stories[story_id] = _Story(story_id, f.title)
        self._join(story, f, count_terms=copy_of is None)
        self.doc_story[f.doc_id] = story_id
        if copy_of is None:
            self._copy_lsh.insert(f.doc_id, self._minhash(hashvalues=f.signature))
            self._signatures[f.doc_id] = f.signature

    def _copy_of(self, f: DocFeatures, minhash: MinHash) -> str | None:
        for other in self._copy_lsh.query(minhash):
            if float(np.mean(self._signatures[other] == f.signature)) >= self.settings.copy_jaccard:
                return str(other)
        return None

    def _best_story(self, f: DocFeatures, minhash: MinHash) -> tuple[_Story | None, float]:
        """The best-scoring candidate among the ``MAX_CANDIDATES`` whose signatures agree most."""
        found: set[str] = set()
        for time_slice in self._slices_to_query(f.date):
            found.update(self._story_lsh[time_slice].query(minhash))
        stories = [self.stories[s] for s in sorted(found)]
        if len(stories) > MAX_CANDIDATES:  # most agreeing signatures first; the window check is dearer
            agreement = (np.stack([s.signature for s in stories]) == f.signature).sum(axis=1)
            stories = [stories[i] for i in np.argsort(-agreement, kind="stable")]
        candidates = list(islice((s for s in stories if self._in_window(s, f.date)), MAX_CANDIDATES))
        doc_weights = self._weights(f.terms)
        best, best_score = None, 0.0
        for story in candidates:
            score = self._score(f, doc_weights, story)
            if score > best_score or (score == best_score and best is not None and story.id < best.id):
                best, best_score = story, score
        return best, best_score

    def _in_window(self, story: _Story, date: str | None) -> bool:
        if not date or not story.last_date or not story.first_date:
            return True
        day, window = _day(date), dt.timedelta(days=self.settings.window_days)
        return _day(story.first_date) - window <= day <= _day(story.last_date) + window

    def _score(self, f: DocFeatures, doc_weights: dict[str, float], story: _Story) -> float:
        cached = self._weighted.get(story.id)
        if cached is None or cached[0] != self._epoch:
            weights = self._weights(dict(story.centroid.most_common(STORY_TERMS)))
            cached = (self._epoch, weights, math.sqrt(sum(w * w for w in weights.values())))
            self._weighted[story.id] = cached
            if len(self._weighted) > WEIGHTS_CACHED:
                del self._weighted[next(iter(self._weighted))]  # the least recently computed
        _, weights, norm = cached
        doc_norm = math.sqrt(sum(w * w for w in doc_weights.values()))
        dot = sum(w * weights.get(t, 0.0) for t, w in doc_weights.items())
        cosine = dot / (doc_norm * norm) if doc_norm and norm else 0.0
        title = max((_jaccard(f.title, t) for t in story.titles), default=0.0) if f.title else 0.0
        names = len(f.names & story.names.keys()) / len(f.names) if f.names else 0.0
        return cosine + self.settings.title_weight * title + self.settings.names_weight * names

    def _weights(self, terms: dict[str, float] | Counter[str]) -> dict[str, float]:
        return {t: w * self._term_idf(t) for t, w in terms.items()}

    def _count(self, f: DocFeatures) -> None:
        self.docs_seen += 1
        self.df.update(f.terms.keys())
        if self.docs_seen > self._epoch_docs * 1.1 + 10:
            self._epoch += 1
            self._epoch_docs = self.docs_seen
            self._epoch_df = self.df.copy()
            self._idf.clear()

    def _term_idf(self, term: str) -> float:
        idf = self._idf.get(term)
        if idf is None:
            idf = max(0.0, math.log((self._epoch_docs + 1 + IDF_PRIOR) / (1 + self._epoch_df[term])))
            self._idf[term] = idf
        return idf

    def _minhash(self, hashvalues: np.ndarray | None = None) -> MinHash:
        return MinHash(
            num_perm=NUM_PERM,
            seed=7,
            hashvalues=hashvalues,
            permutations=minhash_permutations(),
            scheme=SCHEME,
        )

    def _join(self, story: _Story, f: DocFeatures, count_terms: bool) -> None:
        story.size += 1
        if count_terms:
            story.centroid.update(f.terms)
            # sorted: a set's order varies between processes, and pruning keeps ties in insertion order
            story.names.update(sorted(f.names))
        if f.title and len(story.titles) < 5:
            story.titles.append(f.title)
            story.title = story.title or f.title
        if f.date:
            story.first_date = min(filter(None, [story.first_date, f.date]))
            story.last_date = max(filter(None, [story.last_date, f.date]))
        if count_terms:
            if len(story.centroid) > 2 * CENTROID_TERMS:
                story.centroid = Counter(dict(story.centroid.most_common(CENTROID_TERMS)))
            if len(story.names) > 2 * NAMES_KEPT:
                story.names = Counter(dict(story.names.most_common(NAMES_KEPT)))
            self._weighted.pop(story.id, None)
            signature = self._minhash()
            signature.update_batch([t.encode("utf-8") for t, _ in story.centroid.most_common(TOP_TERMS)])
            story.signature = signature.hashvalues.copy()
        time_slice = self._slice(story.last_date) if story.last_date else None
        if count_terms or time_slice != story.time_slice or not story.indexed:
            self._index(story, time_slice)

    def _index(self, story: _Story, time_slice: int | None) -> None:
        """(Re)insert the story's signature into the LSH index of its time slice."""
        if story.indexed:
            self._story_lsh[story.time_slice].remove(story.id)
        if time_slice not in self._story_lsh:
            self._story_lsh[time_slice] = MinHashLSH(
                threshold=self.settings.candidate_jaccard, num_perm=NUM_PERM
            )
        self._story_lsh[time_slice].insert(story.id, self._minhash(hashvalues=story.signature))
        story.time_slice, story.indexed = time_slice, True

    def _slice(self, date: str) -> int:
        return _day(date).toordinal() // self.settings.window_days

    def _slices_to_query(self, date: str | None) -> list[int | None]:
        """The slices a story within the window of ``date`` can be in, and the undated stories."""
        if not date:
            return sorted(self._story_lsh, key=lambda s: -1 if s is None else s)
        window = self.settings.window_days
        day = _day(date).toordinal()
        near = range((day - window) // window, (day + window) // window + 1)
        return [s for s in (None, *near) if s in self._story_lsh]


def _jaccard(a: str | None, b: str | None) -> float:
    words_a, words_b = set((a or "").lower().split()), set((b or "").lower().split())
    return len(words_a & words_b) / len(words_a | words_b) if words_a and words_b else 0.0


@lru_cache(maxsize=4096)
def _day(date: str) -> dt.date:
    return dt.date.fromisoformat(date[:10])
