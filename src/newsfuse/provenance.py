"""Provenance: which documents are copies of which, so that copies count once.

Needs: cleaned documents. Adds: ``CopyLink`` per copy (its original, status, similarity, how) and copy
groups. Each document gets a MinHash signature of its 5-word shingles (datasketch); small clusters compare
every pair, large ones only the candidate pairs MinHash LSH proposes. Candidates are verified exactly:
a pair is a near duplicate when the shingle Jaccard or the containment of the shorter in the longer
reaches its threshold. The original is the earlier-dated, then the cleaner (less chrome), then the
longer, then the first given.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

from datasketch import MinHash, MinHashLSH

from newsfuse.model import CopyLink, Document
from newsfuse.represent import tokens
from newsfuse.settings import Settings

SHINGLE = 5
NUM_PERM = 128
ALL_PAIRS_UP_TO = 60  # documents; beyond this, LSH candidate generation keeps the cost linear-ish


@dataclass(frozen=True)
class Provenance:
    links: tuple[CopyLink, ...]
    groups: dict[str, str]  # doc id -> id of the original its copy group descends from

    def link(self, doc_id: str) -> CopyLink | None:
        return next((link for link in self.links if link.doc_id == doc_id), None)

    def independent(self, doc_ids: Iterable[str]) -> int:
        """How many copy groups the documents come from: five reprints of one story count once."""
        return len({self.groups.get(d, d) for d in doc_ids})

    @property
    def duplicates(self) -> frozenset[str]:
        return frozenset(link.doc_id for link in self.links if link.status == "duplicate")


def shingles(text: str) -> set[str]:
    words = tokens(text)
    if len(words) < SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def signature(shingle_set: set[str]) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM, seed=1)
    minhash.update_batch([s.encode("utf-8") for s in shingle_set])
    return minhash


def find_copies(docs: Sequence[Document], settings: Settings) -> Provenance:
    live = [d for d in docs if not d.rejected]
    order = {d.id: i for i, d in enumerate(live)}
    sets = {d.id: shingles(d.text) for d in live}
    exact = {d.id: hashlib.sha1(" ".join(tokens(d.text)).encode()).hexdigest() for d in live}
    links: dict[str, CopyLink] = {}
    for a, b in _candidate_pairs(live, sets, settings):
        original, copy = sorted((a, b), key=lambda d: _original_rank(d, order))
        if copy.id in links:
            continue
        if exact[a.id] == exact[b.id]:
            links[copy.id] = CopyLink(copy.id, original.id, "duplicate", 1.0, "exact copy")
            continue
        sa, sb = sets[a.id], sets[b.id]
        if not sa or not sb:
            continue
        shared = len(sa & sb)
        jaccard = shared / len(sa | sb)
        containment = shared / min(len(sa), len(sb))
        if jaccard >= settings.duplicate_jaccard:
            links[copy.id] = CopyLink(
                copy.id, original.id, "duplicate", round(jaccard, 3), "near-identical text"
            )
        elif containment >= settings.duplicate_containment:
            how = (
                "reprint with different chrome"
                if len(sets[copy.id]) >= len(sets[original.id])
                else "truncated copy"
            )
            links[copy.id] = CopyLink(copy.id, original.id, "duplicate", round(containment, 3), how)
    return Provenance(tuple(links[d.id] for d in live if d.id in links), _groups(live, links))


def _candidate_pairs(
    docs: Sequence[Document], sets: dict[str, set[str]], settings: Settings
) -> Iterable[tuple[Document, Document]]:
    if len(docs) <= ALL_PAIRS_UP_TO:
        yield from combinations(docs, 2)
        return
    threshold = min(settings.duplicate_jaccard, settings.duplicate_containment) / 2
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    by_id = {d.id: d for d in docs}
    signatures = {d.id: signature(sets[d.id]) for d in docs}
    for doc in docs:
        for other in lsh.query(signatures[doc.id]):
            yield by_id[other], doc
        lsh.insert(doc.id, signatures[doc.id])


def _original_rank(doc: Document, order: dict[str, int]) -> tuple[str, int, int, int]:
    """Earlier first; then the cleaner page (less chrome removed); then the longer text; then input order."""
    return (doc.date or "9999", len(doc.removed), -len(doc.text), order[doc.id])


def _groups(docs: Sequence[Document], links: dict[str, CopyLink]) -> dict[str, str]:
    groups = {}
    for doc in docs:
        root, seen = doc.id, set()
        while root in links and root not in seen:
            seen.add(root)
            root = links[root].of
        groups[doc.id] = root
    return groups
