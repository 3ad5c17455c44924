"""The orchestrator: ``brief_documents(documents, settings) -> Briefing``.

Stages, in order (each a module with one public function):
  clean       raw text -> cleaned text, removed spans, kind, metadata        (clean/)
  provenance  which documents are copies of which                           (provenance.py)
  segment     cleaned text -> sentences with offsets                        (segment.py)
  represent   sentences -> vectors                                          (represent.py)
  align       sentences of different documents saying the same thing -> facts (align.py)
  select      summary sentences within the word budget, with citations     (select/)
  analysis    actors, quotes with speakers, timeline, disagreements          (extract/, resolve/)
Then the key facts and the source table are assembled, accounting for every input.
"""

from __future__ import annotations

import dataclasses
import re
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from newsfuse import __version__
from newsfuse.align import Alignment, align_facts
from newsfuse.clean import clean_documents
from newsfuse.extract.dates import extract_dates
from newsfuse.extract.entities import extract_mentions
from newsfuse.extract.quotes import extract_quotes
from newsfuse.model import (
    Actor,
    Briefing,
    Disagreement,
    Document,
    DocumentText,
    Fact,
    Quote,
    Sentence,
    SourceRecord,
    SummarySentence,
    TimelineEvent,
)
from newsfuse.provenance import Provenance, find_copies
from newsfuse.represent import SentenceVectors, represent
from newsfuse.resolve.actors import copied_names, resolve_actors
from newsfuse.resolve.disagreements import find_disagreements
from newsfuse.resolve.quotes import resolve_quotes
from newsfuse.resolve.timeline import build_timeline
from newsfuse.segment import segment_documents
from newsfuse.select import eligible, select_summary
from newsfuse.select.candidates import leans_on_context
from newsfuse.settings import Settings

T = TypeVar("T")


def brief_documents(docs: Sequence[Document], settings: Settings, seen: Collection[str] = ()) -> Briefing:
    """Brief ``docs``. Documents whose id is in ``seen``, or dated before ``settings.since``, are ones the
    reader already knows: they are read for context and the summary reports only what is new."""
    timings: dict[str, float] = {}
    run = _stage_runner(timings)
    docs = run("clean", list, lambda: clean_documents(docs, settings))
    seen = set(seen) | {d.id for d in docs if settings.since and d.date and d.date < settings.since}
    provenance = run("provenance", Provenance, lambda: find_copies(docs, settings))
    readable = [
        d
        for d in docs
        if not d.rejected and d.id not in provenance.duplicates and d.id not in provenance.off_topic
    ]
    live = [d for d in readable if d.id not in seen]
    known = [d for d in readable if d.id in seen]
    sentences = run("segment", list, lambda: segment_documents(live, settings))
    seen_sentences = segment_documents(known, settings)
    vectors = run("represent", SentenceVectors, lambda: represent(sentences, settings))
    alignment = run("align", Alignment, lambda: align_facts(sentences, vectors, provenance, settings))
    summary = run(
        "select",
        tuple,
        lambda: select_summary(live, sentences, vectors, alignment, provenance, settings, seen_sentences),
    )
    analysis = run(
        "analysis", Analysis, lambda: analyse(live, sentences, vectors, alignment, provenance, settings)
    )
    return Briefing(
        title=_title(live, summary),
        summary=summary,
        facts=key_facts(alignment, sentences, settings),
        sources=tuple(source_record(d, provenance, d.id in seen) for d in docs),
        quotes=analysis.quotes,
        actors=analysis.actors,
        timeline=analysis.timeline,
        disagreements=analysis.disagreements,
        single_source=single_source_facts(alignment, sentences, settings) if settings.analysis else (),
        documents=tuple(DocumentText(d.id, d.text) for d in live),
        settings={**settings.as_dict(), "similarity_used": vectors.backend},
        timings={k: round(v, 4) for k, v in timings.items()},
        version=__version__,
    )


@dataclass(frozen=True)
class Analysis:
    quotes: tuple[Quote, ...] = ()
    actors: tuple[Actor, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()


def analyse(
    docs: Sequence[Document],
    sentences: Sequence[Sentence],
    vectors: SentenceVectors,
    alignment: Alignment,
    provenance: Provenance,
    settings: Settings,
) -> Analysis:
    """The cross-source analysis: extract (mentions, quotations, dates), then resolve them across documents
    (actors, merged quotes, timeline) and find where the sources disagree."""
    if not settings.analysis:
        return Analysis()
    mentions = extract_mentions(docs, settings)
    transcripts = frozenset(d.id for d in docs if d.kind == "transcript")
    outlets = frozenset(d.source for d in docs if d.source)
    actors, actor_of = resolve_actors(
        mentions, provenance, copied_names(sentences, mentions, provenance), transcripts, outlets
    )
    quotes, speaker_conflicts = resolve_quotes(
        extract_quotes(docs), mentions, actor_of, actors, docs, provenance
    )
    timeline, date_conflicts = build_timeline(extract_dates(docs), sentences, vectors, alignment, provenance)
    dates = {d.id: d.date for d in docs}
    disagreements = find_disagreements(sentences, vectors, alignment, provenance, dates)
    return Analysis(
        tuple(quotes),
        tuple(actors),
        tuple(timeline),
        (*disagreements, *speaker_conflicts, *date_conflicts),
    )


def single_source_facts(
    alignment: Alignment, sentences: Sequence[Sentence], settings: Settings
) -> tuple[Fact, ...]:
    """What only one independent source reports, readable sentences most related to the rest first."""
    index = {s.span: i for i, s in enumerate(sentences)}
    lonely = [
        f
        for f in alignment.facts
        if f.independent_sources == 1 and _stands_alone(sentences[index[f.support[0]]], settings)
    ]
    lonely.sort(key=lambda f: -alignment.centrality[index[f.support[0]]])
    return tuple(lonely[: settings.key_facts])


def key_facts(alignment: Alignment, sentences: Sequence[Sentence], settings: Settings) -> tuple[Fact, ...]:
    """Facts at least two independent sources report, as readable sentences, most corroborated first;
    ties go to the more central wording."""
    lead = {fact.id: fact.support[0] for fact in alignment.facts}
    index = {s.span: i for i, s in enumerate(sentences)}
    readable = [
        f
        for f in alignment.facts
        if f.independent_sources >= 2 and _stands_alone(sentences[index[lead[f.id]]], settings)
    ]
    readable.sort(
        key=lambda f: (-f.independent_sources, -len(f.sources), -alignment.centrality[index[lead[f.id]]])
    )
    return tuple(readable[: settings.key_facts])


def _stands_alone(sentence: Sentence, settings: Settings) -> bool:
    """A fact is read out of its story: it must read well and point back to nothing ("The ones with NATO…",
    "He said…", "The Russians will do the same.")."""
    text = sentence.text
    return eligible(sentence, settings) and not leans_on_context(text) and not _THE_SAME.search(text)


_THE_SAME = re.compile(r"\bthe same\W*$")


def source_record(doc: Document, provenance: Provenance, seen: bool = False) -> SourceRecord:
    record = SourceRecord(
        doc_id=doc.id,
        source=doc.source,
        title=doc.title,
        date=doc.date,
        kind=doc.kind,
        status="used",
        words_in=len(doc.raw.split()),
        words_kept=len(doc.text.split()),
        url=doc.url,
        origin=doc.origin,
        removed=doc.removed,
        notes=doc.notes,
    )
    link = provenance.link(doc.id)
    rejected = doc.rejected or provenance.off_topic.get(doc.id)
    if rejected:
        return dataclasses.replace(record, status="rejected", reason=rejected, words_kept=0)
    if seen and link is None:
        reason = "seen before: read for context, its content left out of the summary"
        return dataclasses.replace(record, status="seen", reason=reason)
    if link is not None:
        return dataclasses.replace(
            record,
            status=link.status,
            of=link.of,
            similarity=link.similarity,
            reason=f"{link.how} of {link.of} (similarity {link.similarity:.0%}; original: {link.why})",
            words_kept=0 if link.status == "duplicate" else record.words_kept,
        )
    if doc.id in provenance.notes:
        return dataclasses.replace(record, notes=(*record.notes, provenance.notes[doc.id]))
    return record


def _title(docs: Sequence[Document], summary: Sequence[SummarySentence]) -> str | None:
    cited = Counter(s.citations[0] for s in summary)
    titled = [d for d in docs if d.title]
    if not titled:
        return None
    return max(titled, key=lambda d: (cited.get(d.id, 0), -docs.index(d))).title


def _stage_runner(timings: dict[str, float]) -> Callable[[str, type, Callable[[], T]], T]:
    def run(stage: str, expected: type, work: Callable[[], T]) -> T:
        with _timed(stage, timings):
            result = work()
        if not isinstance(result, expected):
            raise TypeError(f"stage {stage!r} returned {type(result).__name__}, expected {expected.__name__}")
        return result

    return run


@contextmanager
def _timed(stage: str, timings: dict[str, float]) -> Iterator[None]:
    start = time.perf_counter()
    yield
    timings[stage] = time.perf_counter() - start
