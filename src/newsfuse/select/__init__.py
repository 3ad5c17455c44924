"""Select: the summary, extractive and within the word budget, each sentence citing its supporters.

Needs: sentences, vectors, the fact alignment, provenance (and, for an update summary, the sentences the
reader has already seen). Adds: ``SummarySentence`` objects in reading order. Selectors are registered by
versioned name in ``SELECTORS``; each returns sentence indices, and this module applies the rules shared
by all: which sentences may be chosen at all, the word budget (never exceeded: sentences are never cut),
what the reader has already seen, the reading order, and citations.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence

import numpy as np
from scipy import sparse

from newsfuse.align import Alignment
from newsfuse.clean.patterns import CAPTION_SENTENCE, DATED_CAPTION
from newsfuse.model import Document, Sentence, SummarySentence
from newsfuse.provenance import Provenance
from newsfuse.represent import SentenceVectors, content_terms
from newsfuse.select.candidates import Candidates, Selector
from newsfuse.select.coverage import select_greedy_bigram, select_ilp_bigram
from newsfuse.select.mmr import select_centroid_mmr
from newsfuse.settings import Settings

SELECTORS: Mapping[str, Selector] = {
    "greedy-bigram.v1": select_greedy_bigram,
    "ilp-bigram.v1": select_ilp_bigram,
    "centroid-mmr.v1": select_centroid_mmr,
}

_TERMINAL = re.compile(r"[.!]['\"”’)]*$")
# Web debris inside a sentence: a link, a menu or timestamp separator, a video player's labels. The cues
# are plain substrings, so most sentences are cleared without running a regex.
_DEBRIS = re.compile(
    r"https?://|\bwww\.|pic\.twitter\.com|\s\|\S|\S\|\s|\breplay more videos\b", re.IGNORECASE
)
_DEBRIS_CUES = ("http", "www.", "pic.twitter", "|", "replay more")
_CAPTION_CUES = ("photo", "image", "picture", "caption")
# A page widget's label glued to the sentence after it ("CLOSE Pete Davidson…", "Media playback is
# unsupported on your device Media caption…", "Enlarge Family photo…", "Tweet View Comments…").
_WIDGET_OPENING = re.compile(
    r"^(?:CLOSE|Enlarge|Caption|Media (?:playback|caption)|Image (?:copyright|caption)|Tweet View|Play Video"
    r"|(?i:hide caption|toggle caption))\b"
)
# A pointer to something on the page the summary cannot show ("…you can watch it below.", "Read more about
# the case here.").
_MEDIA_POINTER = re.compile(
    r"\b(?:watch|see|read|listen|view|check (?:it |them )?out|click)\b.{0,60}\b(?:here|below|above)\W*$",
    re.IGNORECASE,
)
_POINTER_ENDS = ("here", "below", "above")


def eligible(sentence: Sentence, settings: Settings) -> bool:
    """Sentences that read well on their own: complete, declarative, capitalized but not shouted, quotes
    balanced, about the news rather than a picture of it, free of links and page debris."""
    text = sentence.text
    words = len(text.split())
    if not settings.min_sentence_words <= words <= settings.max_sentence_words:
        return False
    if not _TERMINAL.search(text) or (not text[:1].isupper() and text[:1] not in "\"“‘'"):
        return False
    if text.rstrip('"”’)').endswith(("...", "…")):  # a teaser or quotation cut short
        return False
    if text.count("“") != text.count("”") or text.count('"') % 2:
        return False
    if sum(map(str.isupper, text.split())) > words / 2:  # shouted: a caption track, a headline, a label
        return False
    lowered = text.lower()
    if any(cue in lowered for cue in _CAPTION_CUES) and CAPTION_SENTENCE.search(text):
        return False
    if text[-2:-1].isdigit() and DATED_CAPTION.search(text):
        return False
    if _WIDGET_OPENING.match(text):
        return False
    if text.rstrip('.!"”’)').lower().endswith(_POINTER_ENDS) and _MEDIA_POINTER.search(text):
        return False
    return not (any(cue in lowered for cue in _DEBRIS_CUES) and _DEBRIS.search(text))


def select_summary(
    docs: Sequence[Document],
    sentences: Sequence[Sentence],
    vectors: SentenceVectors,
    alignment: Alignment,
    provenance: Provenance,
    settings: Settings,
    seen: Sequence[Sentence] = (),
) -> tuple[SummarySentence, ...]:
    if not sentences:
        return ()
    seen_terms = tuple(tuple(content_terms(s.text)) for s in seen)
    candidates = Candidates(
        sentences=sentences,
        vectors=vectors,
        alignment=alignment,
        provenance=provenance,
        eligible=np.array([eligible(s, settings) for s in sentences]),
        words=np.array([len(s.text.split()) for s in sentences]),
        query=vectors.embed(settings.query) if settings.query.strip() else None,
        seen=vectors.embed_many(seen_terms) if seen else None,
        seen_texts=tuple(s.text for s in seen),
    )
    if not candidates.eligible.any():  # nothing reads well: fall back to any sentence that fits
        candidates = dataclasses.replace(candidates, eligible=candidates.words > 0)
    copied = np.array([s.doc_id in provenance.derivatives for s in sentences])
    if (candidates.eligible & ~copied).any():  # quote the original, not its rewrite
        candidates = dataclasses.replace(candidates, eligible=candidates.eligible & ~copied)
    if candidates.seen is not None:
        known = _already_known(candidates, settings)
        candidates = dataclasses.replace(candidates, eligible=candidates.eligible & ~known)
    chosen = SELECTORS[settings.selector](candidates, settings)
    order = {d.id: (d.date or "9999-99-99", i) for i, d in enumerate(docs)}
    chosen.sort(key=lambda i: (*order[sentences[i].doc_id], sentences[i].index))
    similarity = vectors.similarity()
    return tuple(_cite(i, candidates, alignment.same, similarity) for i in chosen)


def _already_known(c: Candidates, settings: Settings) -> np.ndarray:
    """Sentences that say what a seen sentence said (the same test as for facts)."""
    assert c.seen is not None
    similarity = (c.vectors.matrix @ c.seen.T).toarray()
    binary = lambda m: m.astype(bool).astype(float)  # noqa: E731
    shared = (binary(c.vectors.matrix) @ binary(c.seen).T).toarray()
    close = (similarity >= settings.fact_similarity) & (shared >= 2)
    paraphrase = (similarity >= settings.fact_paraphrase_similarity) & (
        shared >= settings.fact_paraphrase_shared
    )
    return (close | paraphrase).any(axis=1)


def _cite(
    index: int, c: Candidates, same: sparse.csr_matrix, similarity: sparse.csr_matrix
) -> SummarySentence:
    """Cite the sentence's own document and every other document with a sentence that says the same thing
    (its most similar such sentence there)."""
    sentence = c.sentences[index]
    start, end = similarity.indptr[index], similarity.indptr[index + 1]
    row = dict(zip(similarity.indices[start:end].tolist(), similarity.data[start:end].tolist(), strict=True))
    best: dict[str, tuple[float, int]] = {}
    for j in same.indices[same.indptr[index] : same.indptr[index + 1]].tolist():
        doc_id = c.sentences[j].doc_id
        if doc_id != sentence.doc_id and row.get(j, 0.0) > best.get(doc_id, (0.0, -1))[0]:
            best[doc_id] = (row[j], j)
    others = sorted(best.values(), reverse=True)
    support = (sentence.span, *(c.sentences[j].span for _, j in others))
    return SummarySentence(text=sentence.text, citations=tuple(s.doc_id for s in support), support=support)
