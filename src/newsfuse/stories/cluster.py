"""Online story clustering: each new document joins the story it belongs to, or starts one.

Candidates come from MinHash LSH over each story's top terms (so a query costs the same however many
documents a story holds) and, when dates are known, only stories active within ``window_days``. Each
candidate is scored by the TF-IDF cosine between the document and the story's centroid (IDF from every
document seen so far), plus agreement of titles and of named actors; the best joins if it reaches
``join_threshold``. A near-identical document (estimated term Jaccard >= ``copy_jaccard``) is a copy:
it joins its original's story and is marked as a copy.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsfuse.stories.features import NUM_PERM, TOP_TERMS, DocFeatures

MAX_CANDIDATES = 10  # stories scored per document: cost stays flat as the stream grows
STORY_TERMS = 150  # centroid terms a story is scored on
# Pseudo-documents in which no term occurs, added to the IDF's count: early in a stream, a term two
# documents share would otherwise weigh nothing just because they are the only documents yet.
IDF_PRIOR = 100


@dataclass(frozen=True)
class ClusterSettings:
    join_threshold: float = 0.25  # calibrated on Multi-News: see benchmarks/stories_eval.py --sweep
    candidate_jaccard: float = 0.05  # LSH threshold on top-term sets: 0.1 lost 2% of same-story pairs
    copy_jaccard: float = 0.85
    window_days: int = 10
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
    top: dict[str, float] = field(default_factory=dict)  # the centroid's strongest terms, scored against
    signature: np.ndarray | None = None
    weighted: tuple[int, dict[str, float], float] | None = None  # (IDF epoch, weights, norm), a cache
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
        self._story_lsh = MinHashLSH(threshold=self.settings.candidate_jaccard, num_perm=NUM_PERM)
        self._copy_lsh = MinHashLSH(threshold=self.settings.copy_jaccard, num_perm=NUM_PERM)
        self._signatures: dict[str, np.ndarray] = {}
        self._permutations = MinHash(num_perm=NUM_PERM, seed=7).permutations  # computed once, reused
        self._idf: dict[str, tuple[float, int]] = {}  # term -> (idf, documents seen when computed)

    def assign(self, f: DocFeatures) -> Assignment:
        if f.doc_id in self.doc_story:
            return Assignment(f.doc_id, self.doc_story[f.doc_id], None, 1.0, False)
        minhash = self._minhash(hashvalues=f.signature)
        self.docs_seen += 1
        self.df.update(f.terms.keys())
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
        self.docs_seen += 1
        self.df.update(f.terms.keys())
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
        candidates = [self.stories[s] for s in sorted(self._story_lsh.query(minhash))]
        candidates = [s for s in candidates if self._in_window(s, f.date) and s.signature is not None]
        if len(candidates) > MAX_CANDIDATES:
            signatures = [s.signature for s in candidates if s.signature is not None]
            agreement = (np.stack(signatures) == f.signature).mean(axis=1)
            order = np.argsort(-agreement, kind="stable")[:MAX_CANDIDATES]
            candidates = [candidates[i] for i in order]
        doc_weights = self._weights(f.terms)
        best, best_score = None, 0.0
        for story in candidates[:MAX_CANDIDATES]:
            score = self._score(f, doc_weights, story)
            if score > best_score or (score == best_score and best is not None and story.id < best.id):
                best, best_score = story, score
        return best, best_score

    def _in_window(self, story: _Story, date: str | None) -> bool:
        if not date or not story.last_date or not story.first_date:
            return True
        day = dt.date.fromisoformat(date[:10])
        first, last = (
            dt.date.fromisoformat(story.first_date[:10]),
            dt.date.fromisoformat(story.last_date[:10]),
        )
        window = dt.timedelta(days=self.settings.window_days)
        return first - window <= day <= last + window

    def _score(self, f: DocFeatures, doc_weights: dict[str, float], story: _Story) -> float:
        epoch = int(math.log(self.docs_seen + 10) / math.log(1.1))  # IDF moves little within an epoch
        if story.weighted is None or story.weighted[0] != epoch:
            weights = self._weights(story.top)
            story.weighted = (epoch, weights, math.sqrt(sum(w * w for w in weights.values())))
        _, weights, norm = story.weighted
        doc_norm = math.sqrt(sum(w * w for w in doc_weights.values()))
        dot = sum(w * weights.get(t, 0.0) for t, w in doc_weights.items())
        cosine = dot / (doc_norm * norm) if doc_norm and norm else 0.0
        title = max((_jaccard(f.title, t) for t in story.titles), default=0.0) if f.title else 0.0
        names = len(f.names & story.names.keys()) / len(f.names) if f.names else 0.0
        return cosine + self.settings.title_weight * title + self.settings.names_weight * names

    def _weights(self, terms: dict[str, float] | Counter[str]) -> dict[str, float]:
        return {t: w * self._term_idf(t) for t, w in terms.items()}

    def _term_idf(self, term: str) -> float:
        """IDF from the documents seen so far, recomputed once the stream has grown by a tenth."""
        cached = self._idf.get(term)
        if cached is None or self.docs_seen > cached[1] * 1.1 + 10:
            value = max(0.0, math.log((self.docs_seen + 1 + IDF_PRIOR) / (1 + self.df[term])))
            cached = (value, self.docs_seen)
            self._idf[term] = cached
        return cached[0]

    def _minhash(self, hashvalues: np.ndarray | None = None) -> MinHash:
        return MinHash(
            num_perm=NUM_PERM,
            seed=7,
            hashvalues=hashvalues,
            permutations=self._permutations,
            scheme="affine32",
        )

    def _join(self, story: _Story, f: DocFeatures, count_terms: bool) -> None:
        story.size += 1
        if count_terms:
            story.centroid.update(f.terms)
            story.names.update(f.names)
        if f.title and len(story.titles) < 5:
            story.titles.append(f.title)
            story.title = story.title or f.title
        if f.date:
            story.first_date = min(filter(None, [story.first_date, f.date]))
            story.last_date = max(filter(None, [story.last_date, f.date]))
        if count_terms:
            story.top = dict(story.centroid.most_common(STORY_TERMS))
            story.weighted = None
            signature = self._minhash()
            signature.update_batch([t.encode("utf-8") for t in list(story.top)[:TOP_TERMS]])
            story.signature = signature.hashvalues.copy()
            if story.id in self._story_lsh:
                self._story_lsh.remove(story.id)
            self._story_lsh.insert(story.id, signature)


def _jaccard(a: str | None, b: str | None) -> float:
    words_a, words_b = set((a or "").lower().split()), set((b or "").lower().split())
    return len(words_a & words_b) / len(words_a | words_b) if words_a and words_b else 0.0
