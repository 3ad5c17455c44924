"""Provenance: which documents are copies of which, so that copies count once.

Needs: cleaned documents. Adds: ``CopyLink`` per copy (its original, status, similarity, how, why) and
copy groups.

- Duplicates: each document gets a MinHash signature of its 5-word shingles (datasketch); small clusters
  compare every pair, large ones only the pairs MinHash LSH proposes. A pair is a duplicate when the
  text is identical, or the shingle Jaccard reaches ``duplicate_jaccard``.
- Derivatives: a truncated reprint (the shorter contained in the longer), or a rewrite that keeps the
  sentence structure: a wire story under another masthead with a new first paragraph, a synonym-"spun"
  copy, a machine-translated round trip. Whole-document shingle overlap misses these (spinning breaks
  most 5-grams), so the sentences of the two documents are aligned: when most sentences of the shorter
  one have a counterpart in the longer, it derives from it. How it was derived is read off the aligned
  pairs: near-identical wording (reprint), the same names with other words in the same frame of function
  words or with a spinner's tells (spun), else other names, wording or word order (translated).
- Direction: the document the other credits by name is the original; else the earlier-dated one; else the
  one without a spinner's tells, the one whose names the rest of the cluster uses, the cleaner page, the
  longer text, the first given.
- Off-topic: a document (with its copies) that shares almost no content words with any other while the
  rest tell one story: a page saved in place of the article (a login wall, a licence notice, a stock
  table) or a story that landed in the wrong pile. It is set aside, and the source table says why.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cached_property
from itertools import combinations

import numpy as np
from datasketch import MinHash, MinHashLSH
from scipy import sparse

from newsfuse.model import CopyLink, Document
from newsfuse.represent import STOPWORDS, content_stems, content_terms, tokens
from newsfuse.segment import split_sentences
from newsfuse.settings import Settings

SHINGLE = 5
NUM_PERM = 128
ALL_PAIRS_UP_TO = 60  # documents; beyond this, LSH candidate generation keeps the cost linear-ish
# Two documents are worth aligning sentence by sentence when they share this much of their vocabulary
# (content-word Jaccard) or of their 5-word shingles. Independent reports of one event share at most
# ~0.35 of their vocabulary in our samples; a spun copy shares ~0.55.
ALIGN_VOCABULARY, ALIGN_SHINGLES = 0.4, 0.1
# A sentence has a counterpart when the Dice overlap of their content words reaches this; a document
# derives from another when this share of its sentences have one (independent reports: <= 0.33).
# Fewer than MIN_ALIGNED matching sentences is no evidence of copying: two reports may share a line.
SENTENCE_MATCH, DERIVED_SHARE, MIN_ALIGNED = 0.5, 0.5, 3
# Off-topic: the cosine of content-word counts with the closest other document is below OFF_TOPIC while
# the other documents' closest matches have a median of at least ON_TOPIC (they tell one story). Read off
# 2,000 benchmark clusters (Multi-News, DUC 2006): under 0.05 lie 80 documents, about 75 of them pages
# saved in place of an article (login walls, licence notices, archive notices, a stock table) or a story
# from another cluster, and 5 short excerpts of the story itself (a bare quoted statement); between 0.05
# and 0.1 the genuine excerpts are as many as the junk, so the line is drawn at 0.05.
OFF_TOPIC, ON_TOPIC = 0.05, 0.2

# What synonym spinners leave behind: odd reporting verbs after a quotation, "final" for "last".
_SPIN_TELLS = re.compile(
    r"[”\"],?\s+(?:\w+\s+){0,3}(?:mentioned|famous|instructed|acknowledged|talked about)\b"
    r"|\bfinal (?:week|month|year|night|weekend|Wednesday|Monday|Tuesday|Thursday|Friday)\b"
    r"|\b(?:mentioned|instructed) (?:reporters|that)\b",
    re.IGNORECASE,
)
_SPIN_WORDS = ("mentioned", "famous", "instructed", "acknowledged", "talked about", "final ")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?\b")


@dataclass(frozen=True)
class Provenance:
    links: tuple[CopyLink, ...]
    groups: dict[str, str]  # doc id -> id of the original its copy group descends from
    notes: dict[str, str]  # doc id -> what provenance noticed about a document with no original here
    off_topic: dict[str, str] = field(default_factory=dict)  # doc id -> why it is set aside

    def link(self, doc_id: str) -> CopyLink | None:
        return next((link for link in self.links if link.doc_id == doc_id), None)

    def independent(self, doc_ids: Iterable[str]) -> int:
        """How many copy groups the documents come from: five reprints of one story count once."""
        return len({self.groups.get(d, d) for d in doc_ids})

    @property
    def duplicates(self) -> frozenset[str]:
        return frozenset(link.doc_id for link in self.links if link.status == "duplicate")

    @property
    def derivatives(self) -> frozenset[str]:
        return frozenset(link.doc_id for link in self.links if link.status == "derivative")

    @property
    def translated(self) -> frozenset[str]:
        """Machine translations of another document here: their names may be garbled ("Saki" for Psaki),
        where a spinner keeps names as they are."""
        return frozenset(link.doc_id for link in self.links if link.how == "translated")

    @property
    def rewritten(self) -> frozenset[str]:
        """Documents not in their own words: derivatives, and pages that read like a spun rewrite."""
        return self.derivatives | self.notes.keys()


Shingle = tuple[str, ...]


def shingles(words: Sequence[str]) -> set[Shingle]:
    """The document's 5-word runs (all of it when shorter)."""
    if len(words) < SHINGLE:
        return {tuple(words)} if words else set()
    return set(zip(*(words[i:] for i in range(SHINGLE)), strict=False))  # runs end with the shortest


def signature(shingle_set: set[Shingle]) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM, seed=1)
    minhash.update_batch([" ".join(s).encode("utf-8") for s in shingle_set])
    return minhash


def spin_score(text: str) -> float:
    """Spinner tells per 1,000 words."""
    lowered = text.lower()
    if not any(word in lowered for word in _SPIN_WORDS):  # the usual case, settled without the regex
        return 0.0
    return 1000.0 * len(_SPIN_TELLS.findall(text)) / max(1, len(text.split()))


def find_copies(docs: Sequence[Document], settings: Settings) -> Provenance:
    live = [d for d in docs if not d.rejected]
    words = {d.id: tokens(d.text) for d in live}
    sets = {d.id: shingles(words[d.id]) for d in live}
    vocab = {d.id: set(content_stems(set(words[d.id]))) for d in live}
    ranker = _Ranker(live)
    links: dict[str, CopyLink] = {}
    for a, b in _candidate_pairs(live, sets, vocab, settings):
        original, copy, why = ranker.direction(a, b)
        if copy.id in links or (original.id in links and links[original.id].of == copy.id):
            continue
        link = _compare(copy, original, sets, settings)
        if link is not None:
            links[copy.id] = CopyLink(link.doc_id, link.of, link.status, link.similarity, link.how, why)
    notes = {
        d.id: "reads like a synonym-spun rewrite of an article not in this set ('final month', '…, X mentioned')"
        for d in live
        if d.id not in links and ranker.spin[d.id] >= 3.0
    }
    groups = _groups(live, links)
    off_topic = _off_topic([d for d in live if d.id not in links])
    return Provenance(
        tuple(links[d.id] for d in live if d.id in links),
        groups,
        notes,
        {d.id: off_topic[groups[d.id]] for d in live if groups[d.id] in off_topic},
    )


def _off_topic(originals: Sequence[Document]) -> dict[str, str]:
    """Why each off-topic document is set aside. Only originals are compared, so that a page and its
    copies (two identical login walls) do not make a story of their own."""
    if len(originals) < 3:
        return {}
    counts = [Counter(content_terms(d.text)) for d in originals]
    vocabulary: dict[str, int] = {}
    cols = [vocabulary.setdefault(term, len(vocabulary)) for c in counts for term in c]
    rows = np.repeat(np.arange(len(counts)), [len(c) for c in counts])
    values = np.fromiter((n for c in counts for n in c.values()), float, len(cols))
    matrix = sparse.csr_matrix((values, (rows, cols)), shape=(len(counts), len(vocabulary)))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    unit = sparse.diags(1.0 / np.maximum(norms, 1e-12)) @ matrix
    similarity = (unit @ unit.T).toarray()
    np.fill_diagonal(similarity, 0.0)
    reasons = {}
    for j, doc in enumerate(originals):
        closest = float(similarity[j].max())
        if closest >= OFF_TOPIC:
            continue
        rest = np.delete(np.delete(similarity, j, axis=0), j, axis=1)
        together = float(np.median(rest.max(axis=1)))
        if together >= ON_TOPIC:
            reasons[doc.id] = (
                f"off-topic: shares almost no content words with the other sources (closest match "
                f"{closest:.0%}, while they match each other at {together:.0%})"
            )
    return reasons


def _compare(
    copy: Document, original: Document, sets: dict[str, set[Shingle]], settings: Settings
) -> CopyLink | None:
    sc, so = sets[copy.id], sets[original.id]
    if not sc or not so:
        return None
    if _fingerprint(copy) == _fingerprint(original):
        return CopyLink(copy.id, original.id, "duplicate", 1.0, "exact copy")
    shared = len(sc & so)
    jaccard = shared / len(sc | so)
    if jaccard >= settings.duplicate_jaccard:
        return CopyLink(copy.id, original.id, "duplicate", round(jaccard, 3), "near-identical text")
    if shared / len(sc) >= settings.duplicate_containment:
        how = "truncated" if len(sc) < len(so) else "reprint"
        return CopyLink(copy.id, original.id, "derivative", round(shared / len(sc), 3), how)
    return _aligned_derivative(copy, original)


def _aligned_derivative(copy: Document, original: Document) -> CopyLink | None:
    copy_sentences = [s.text for s in split_sentences(copy)]
    original_sentences = [s.text for s in split_sentences(original)]
    if not copy_sentences or not original_sentences:
        return None
    original_terms = [set(content_terms(s)) for s in original_sentences]
    pairs = []
    for text in copy_sentences:
        terms = set(content_terms(text))
        scores = [dice(terms, other) for other in original_terms]
        best = max(range(len(scores)), key=scores.__getitem__)
        if scores[best] >= SENTENCE_MATCH:
            pairs.append((text, original_sentences[best]))
    share = len(pairs) / len(copy_sentences)
    if share < DERIVED_SHARE or len(pairs) < MIN_ALIGNED:
        return None
    wording = sum(_word_ratio(a, b) for a, b in pairs) / len(pairs)
    names = dice(
        set(_NAME.findall(" ".join(a for a, _ in pairs))), set(_NAME.findall(" ".join(b for _, b in pairs)))
    )
    order = sum(_function_word_order(a, b) for a, b in pairs) / len(pairs)
    if wording >= 0.9:
        how = "reprint"
    elif names >= 0.75 and (spin_score(copy.text) >= SPIN_TELLS or order >= SPUN_ORDER):
        how = "spun"
    else:
        how = "translated"
    return CopyLink(copy.id, original.id, "derivative", round(share, 3), how)


# A spinner swaps words for synonyms and keeps the sentence's frame: the function words stay in order
# (0.82-0.90 on the annotated clusters' spun copies). A round trip through another language reorders them
# (0.56-0.80) and leaves no spinner's tells.
SPUN_ORDER, SPIN_TELLS = 0.85, 2.0


def _function_word_order(a: str, b: str) -> float:
    words_a = [w for w in a.lower().split() if w in STOPWORDS]
    words_b = [w for w in b.lower().split() if w in STOPWORDS]
    return SequenceMatcher(None, words_a, words_b, autojunk=False).ratio()


class _Ranker:
    """Which of two related documents is the original, and why."""

    def __init__(self, docs: Sequence[Document]) -> None:
        self.order = {d.id: i for i, d in enumerate(docs)}
        self.docs = docs
        self.spin = {d.id: spin_score(d.text) for d in docs}

    @cached_property
    def shared_names(self) -> dict[str, float]:
        """Per document, the share of its names that other documents also use (needed only for pairs
        that dates, credits and spinning leave undecided)."""
        names = {d.id: set(_NAME.findall(d.text)) for d in self.docs}
        return {
            d.id: len({n for n in names[d.id] if any(n in names[o.id] for o in self.docs if o.id != d.id)})
            / max(1, len(names[d.id]))
            for d in self.docs
        }

    def direction(self, a: Document, b: Document) -> tuple[Document, Document, str]:
        for first, second in ((a, b), (b, a)):
            if first.source and first.source != second.source and _credits(second.raw, first.source):
                return first, second, f"the other credits it ({first.source})"
        if a.date and b.date and a.date != b.date:
            first, second = sorted((a, b), key=lambda d: d.date or "")
            return first, second, f"it was published earlier ({first.date})"
        if abs(self.spin[a.id] - self.spin[b.id]) >= 2.0:
            first, second = sorted((a, b), key=lambda d: self.spin[d.id])
            return first, second, "the other reads like a synonym-spun rewrite"
        if abs(self.shared_names[a.id] - self.shared_names[b.id]) >= 0.25:
            first, second = sorted((a, b), key=lambda d: -self.shared_names[d.id])
            return first, second, "its names match how the other sources write them"
        first, second = sorted((a, b), key=lambda d: (len(d.removed), -len(d.text), self.order[d.id]))
        if len(first.removed) != len(second.removed):
            return first, second, "it is the cleaner page (less site chrome)"
        if len(first.text) != len(second.text):
            return first, second, "it is the longer text"
        return first, second, "it was given first"


def _credits(text: str, outlet: str) -> bool:
    """The text names the outlet, in full or by the short form reporters use ("the Echo has seen" for the
    Wrenmouth Echo)."""
    if outlet.lower() in text.lower():
        return True
    last = outlet.split()[-1]
    return (
        len(outlet.split()) > 1 and len(last) >= 4 and bool(re.search(rf"\b[Tt]he {re.escape(last)}\b", text))
    )


def _candidate_pairs(
    docs: Sequence[Document], sets: dict[str, set[Shingle]], vocab: dict[str, set[str]], settings: Settings
) -> Iterable[tuple[Document, Document]]:
    """Pairs worth comparing: every pair that shares enough words in a small cluster; in a large one, the
    pairs MinHash LSH proposes (near duplicates; rewrites there are left to the story clustering)."""
    if len(docs) <= ALL_PAIRS_UP_TO:
        for a, b in combinations(docs, 2):
            shared = len(sets[a.id] & sets[b.id]) / max(1, min(len(sets[a.id]), len(sets[b.id])))
            overlap = len(vocab[a.id] & vocab[b.id]) / max(1, len(vocab[a.id] | vocab[b.id]))
            if shared >= ALIGN_SHINGLES or overlap >= ALIGN_VOCABULARY:
                yield a, b
        return
    threshold = min(settings.duplicate_jaccard, settings.duplicate_containment) / 2
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    by_id = {d.id: d for d in docs}
    for doc in docs:
        sig = signature(sets[doc.id])
        for other in lsh.query(sig):
            yield by_id[other], doc
        lsh.insert(doc.id, sig)


def _fingerprint(doc: Document) -> str:
    return hashlib.sha1(" ".join(tokens(doc.text)).encode()).hexdigest()


def dice(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0


def _word_ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a.lower().split(), b.lower().split(), autojunk=False).ratio()


def _groups(docs: Sequence[Document], links: dict[str, CopyLink]) -> dict[str, str]:
    groups = {}
    for doc in docs:
        root, seen = doc.id, set()
        while root in links and root not in seen:
            seen.add(root)
            root = links[root].of
        groups[doc.id] = root
    return groups
