"""Timeline: dated sentences grouped into events, and documents that date one event differently.

Every sentence with a date expression that resolved to a day is a candidate. Candidates on the same day
whose sentences are about the same thing (cosine >= ``SAME_EVENT``) are one event, worded by its most
central sentence from an original (not a copy); an event is kept with its supporting spans and sources.
When sentences that say the same thing, each naming a single day, date it differently in different
sources, and the words right before the dates share what happened ("opened on Saturday" / "were opened
on Sunday"), that is a disagreement on the date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from newsfuse.align import Alignment
from newsfuse.model import Claim, DateRef, Disagreement, Sentence, Span, TimelineEvent
from newsfuse.provenance import Provenance
from newsfuse.represent import SentenceVectors, content_terms

SAME_EVENT = 0.25  # cosine between two sentences dated to one day for them to be one event
# Two sentences dated to different days conflict only when they report the same happening: cosine at
# least DATE_CONFLICT and DATE_CONFLICT_SHARED content words in common. Looser likeness often means two
# moments of one story ("began Monday", "contained Tuesday").
DATE_CONFLICT, DATE_CONFLICT_SHARED = 0.3, 4
LEAD_IN = 5  # words before the date expression that say what happened then; the two must share one
EVENTS_PER_DAY = 3
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def build_timeline(
    dates: Sequence[DateRef],
    sentences: Sequence[Sentence],
    vectors: SentenceVectors,
    alignment: Alignment,
    provenance: Provenance,
) -> tuple[list[TimelineEvent], list[Disagreement]]:
    dated = _dated_sentences(dates, sentences)
    if not dated:
        return [], []
    similarity = vectors.similarity()
    by_day: dict[str, list[int]] = defaultdict(list)
    for index, ref in dated.items():
        by_day[ref.date or ""].append(index)
    events = []
    rewritten = provenance.rewritten  # an event is told in a source's own words where one has it
    for day in sorted(by_day):
        groups = _group(by_day[day], similarity, alignment.centrality)
        ranked = sorted(groups, key=lambda g: -provenance.independent({sentences[i].doc_id for i in g}))
        for group in ranked[:EVENTS_PER_DAY]:
            lead = min(group, key=lambda i: (sentences[i].doc_id in rewritten, -alignment.centrality[i]))
            events.append(
                TimelineEvent(
                    date=day,
                    as_written=dated[lead].as_written,
                    anchor=dated[lead].anchor,
                    text=sentences[lead].text,
                    support=tuple(sentences[i].span for i in group),
                    sources=tuple(dict.fromkeys(sentences[i].doc_id for i in group)),
                )
            )
    single = {i: ref for i, ref in dated.items() if _day_count(i, dates, sentences) == 1}
    shared = vectors.shared_terms()
    return events, _date_conflicts(single, sentences, similarity, shared, provenance)


def _day_count(i: int, dates: Sequence[DateRef], sentences: Sequence[Sentence]) -> int:
    s = sentences[i]
    return sum(
        1
        for r in dates
        if r.doc_id == s.doc_id and s.start <= r.start < s.end and r.date and _DAY.match(r.date)
    )


def _dated_sentences(dates: Sequence[DateRef], sentences: Sequence[Sentence]) -> dict[int, DateRef]:
    """Sentence index -> the first day-level date expression inside it."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(sentences):
        by_doc[s.doc_id].append(i)
    out: dict[int, DateRef] = {}
    for ref in dates:
        if not ref.date or not _DAY.match(ref.date):
            continue
        for i in by_doc.get(ref.doc_id, ()):
            s = sentences[i]
            if s.start <= ref.start < s.end and i not in out:
                out[i] = ref
                break
    return out


def _group(indices: list[int], similarity: sparse.csr_matrix, centrality: np.ndarray) -> list[list[int]]:
    groups: list[list[int]] = []
    for i in sorted(indices, key=lambda i: -centrality[i]):
        for group in groups:
            if similarity[group[0], i] >= SAME_EVENT:
                group.append(i)
                break
        else:
            groups.append([i])
    return groups


def _lead_in(ref: DateRef, sentence: Sentence) -> set[str]:
    """Content stems just before the date expression: what it dates ("floodgates were opened on Sunday");
    names say who, not what happened ("Quintrell was charged" / "knocked on Quintrell's door")."""
    before = sentence.text[: max(0, ref.start - sentence.start)]
    return set(content_terms(" ".join(w for w in before.split()[-LEAD_IN:] if not w[:1].isupper())))


def _could_be_one_day(a: DateRef, b: DateRef) -> bool:
    """Sources that date one happening differently are days apart, not months or years (a "Friday" of an
    old story's is another Friday); "Saturday night" and "Sunday" may be one night told either side of
    midnight or of a time zone."""
    first, second = sorted((a, b), key=lambda r: r.date or "")
    gap = (dt.date.fromisoformat(second.date or "") - dt.date.fromisoformat(first.date or "")).days
    night = "night" in first.as_written.lower() or "tonight" in first.as_written.lower()
    return gap <= MAX_DATE_GAP and not (gap == 1 and night)


MAX_DATE_GAP = 14


def _date_conflicts(
    dated: dict[int, DateRef],
    sentences: Sequence[Sentence],
    similarity: sparse.csr_matrix,
    shared: sparse.csr_matrix,
    provenance: Provenance,
) -> list[Disagreement]:
    conflicts = []
    seen: set[frozenset[str]] = set()
    items = sorted(dated)
    for a_pos, i in enumerate(items):
        for j in items[a_pos + 1 :]:
            a, b = dated[i], dated[j]
            if a.date == b.date or similarity[i, j] < DATE_CONFLICT or shared[i, j] < DATE_CONFLICT_SHARED:
                continue
            if not _could_be_one_day(a, b):
                continue
            if not _lead_in(a, sentences[i]) & _lead_in(b, sentences[j]):
                continue  # "began on Monday" and "contained on Tuesday": two moments, not one dated twice
            if provenance.independent({a.doc_id, b.doc_id}) < 2:
                continue
            key = frozenset({a.date or "", b.date or ""})
            if key in seen:
                continue
            seen.add(key)
            short = " ".join(sentences[i].text.split()[:12]) + "…"
            claims = tuple(
                Claim(
                    f"{ref.date} ({ref.as_written})",
                    (Span(sentences[k].doc_id, sentences[k].start, sentences[k].end),),
                    (ref.doc_id,),
                )
                for k, ref in ((i, a), (j, b))
            )
            conflicts.append(Disagreement(f"when: {short}", "date", claims))
    return conflicts
