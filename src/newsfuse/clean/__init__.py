"""Clean: raw text to the cleaned view every later stage reads.

Needs: documents from ingest. Adds: ``text`` (paragraphs joined by blank lines), ``offsets`` back into
``raw``, ``removed`` spans with reasons, ``kind``, and ``title``/``source``/``date`` inferred from the text
where metadata had none. Documents with no text left, or not in English, are marked ``rejected``.
The cluster is cleaned together: lines one site repeats across documents are chrome, a dateline without a
year takes the year of the cluster's dated documents, and a transcript's capitals are restored from how
the other documents write each word.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from newsfuse import errors
from newsfuse.clean.boilerplate import classify_lines, is_sentence_like, normalize_line
from newsfuse.clean.lines import Line, TextBuilder, split_lines
from newsfuse.clean.metadata import Metadata, infer_metadata, self_reference
from newsfuse.clean.transcripts import (
    case_vocabulary,
    introduced_names,
    misheard_names,
    repair_line,
    transcript_evidence,
)
from newsfuse.datetext import CalendarDate
from newsfuse.model import Document, Removed
from newsfuse.settings import Settings

_ENGLISH = frozenset(
    "the of and to a in is was that for on with as by at from it he she they his her their said says has "
    "have had be been were are will would not but this which who an or after".split()
)
_TOKEN = re.compile(r"[a-z]+")


def clean_documents(docs: Sequence[Document], settings: Settings) -> list[Document]:
    live = [d for d in docs if not d.rejected]
    lines = {d.id: split_lines(d.raw) for d in live}
    evidence = {d.id: transcript_evidence(d.raw) for d in live}
    articles = [d for d in live if not evidence[d.id].is_transcript]
    site_lines = _site_repeated_lines(articles, lines)
    cleaned: dict[str, Document] = {}
    partial_dates: dict[str, CalendarDate] = {}
    for doc in articles:
        try:
            cleaned[doc.id], meta = _clean_article(doc, lines[doc.id], site_lines.get(doc.id, frozenset()))
        except Exception as exc:  # one bad document never aborts the run
            cleaned[doc.id] = dataclasses.replace(doc, rejected=errors.describe_crash("clean", exc))
            continue
        if meta.partial_date:
            partial_dates[doc.id] = meta.partial_date
    transcripts = [d for d in live if evidence[d.id].is_transcript]
    vocabulary = case_vocabulary(d.text for d in cleaned.values() if not d.rejected) if transcripts else {}
    for doc in transcripts:
        note = f"broadcast transcript ({evidence[doc.id].describe()}): repaired"
        try:
            cleaned[doc.id] = _clean_transcript(doc, lines[doc.id], vocabulary, note)
        except Exception as exc:
            cleaned[doc.id] = dataclasses.replace(doc, rejected=errors.describe_crash("clean", exc))
    years = sorted(int(d.date[:4]) for d in cleaned.values() if d.date)
    for doc_id, partial in partial_dates.items():
        cleaned[doc_id] = _resolve_year(cleaned[doc_id], partial, years)
    return [
        _check_usable(cleaned[d.id], settings)
        if d.id in cleaned and not cleaned[d.id].rejected
        else cleaned.get(d.id, d)
        for d in docs
    ]


def _clean_article(doc: Document, lines: list[Line], site_lines: frozenset[str]) -> tuple[Document, Metadata]:
    reasons = classify_lines(lines, doc.title, site_lines)
    meta = infer_metadata(doc, lines, reasons)
    builder = TextBuilder(doc.raw)
    removed: list[Removed] = []
    for line, reason in zip(lines, reasons, strict=True):
        if reason:
            removed.append(Removed(line.start, line.end, reason, doc.raw[line.start : line.end]))
            continue
        begin = line.start
        if meta.dateline and meta.dateline[0] == line.start:
            begin = meta.dateline[1]
            removed.append(Removed(line.start, begin, "metadata:dateline", doc.raw[line.start : begin]))
        builder.separate("\n\n", line.start)
        for k, (a, b) in enumerate(line.parts):
            if b <= begin:
                continue
            if k and not builder.ends_with_space:
                builder.separate(" ", a)
            builder.add(max(a, begin), b)
    text, offsets = builder.build()
    doc = dataclasses.replace(
        doc,
        text=text,
        offsets=offsets,
        removed=tuple(removed),
        kind="article",
        title=meta.title,
        source=meta.source,
        date=meta.date,
        filed=meta.filed,
        notes=doc.notes + meta.notes,
    )
    return doc, meta


def _clean_transcript(doc: Document, lines: list[Line], vocabulary: dict[str, str], note: str) -> Document:
    vocabulary = {**introduced_names(doc.raw), **misheard_names(doc.raw, vocabulary), **vocabulary}
    builder = TextBuilder(doc.raw)
    removed: list[Removed] = []
    for line in lines:
        builder.separate("\n\n", line.start)
        for k, (a, b) in enumerate(line.parts):
            repaired = repair_line(doc.raw, a, b, vocabulary)
            removed.extend(repaired.removed)
            if k and not builder.ends_with_space:
                builder.separate(" ", a)
            for start, end, text in repaired.pieces:
                builder.add(start, end, text)
    text, offsets = builder.build()
    source = doc.source or self_reference(doc.raw)
    if not doc.source:
        note += "; outlet " + ("from the text's reference to itself" if source else "unknown")
    return dataclasses.replace(
        doc,
        text=text,
        offsets=offsets,
        removed=tuple(removed),
        kind="transcript",
        source=source,
        notes=(*doc.notes, note),
    )


def _site_repeated_lines(docs: Sequence[Document], lines: dict[str, list[Line]]) -> dict[str, frozenset[str]]:
    """Short lines that recur in documents which are otherwise different: a site's own chrome.

    Lines that end a sentence count only between documents of the same known outlet, since two outlets
    may well quote the same short sentence.
    """
    keys = {d.id: {normalize_line(line.text) for line in lines[d.id] if line.words <= 30} for d in docs}
    punctuated = {normalize_line(line.text) for d in docs for line in lines[d.id] if is_sentence_like(line)}
    holders: dict[str, list[Document]] = defaultdict(list)
    for doc in docs:
        for key in keys[doc.id]:
            holders[key].append(doc)
    repeated: dict[str, set[str]] = defaultdict(set)
    for key, holding in holders.items():
        if len(holding) < 2:
            continue
        for i, a in enumerate(holding):
            for b in holding[i + 1 :]:
                overlap = len(keys[a.id] & keys[b.id]) / max(1, len(keys[a.id] | keys[b.id]))
                same_site = a.source is not None and a.source == b.source
                if overlap < 0.5 and (same_site or key not in punctuated):
                    repeated[a.id].add(key)
                    repeated[b.id].add(key)
    return {doc_id: frozenset(found) for doc_id, found in repeated.items()}


def _resolve_year(doc: Document, partial: CalendarDate, years: list[int]) -> Document:
    """A dateline without a year takes the cluster's year when the day (and weekday, if written) fits it."""
    if not years:
        return doc
    median = years[len(years) // 2]
    for year in (median, median - 1, median + 1):
        if partial.fits_year(year):
            unsure = next((n for n in doc.notes if n.startswith("date unsure:")), None)
            written = unsure.split(" gives ", 1)[-1].split(" without", 1)[0] if unsure else "the date"
            note = f"date: {written} with the year {year} of the cluster's other dated documents"
            notes = tuple(n for n in doc.notes if n != unsure)
            return dataclasses.replace(doc, date=partial.iso(year), notes=(*notes, note))
    return doc


def _check_usable(doc: Document, settings: Settings) -> Document:
    tokens = _TOKEN.findall(doc.text.lower())
    if not tokens:
        kinds = Counter(r.reason for r in doc.removed).most_common(3)
        named = f" ({', '.join(reason for reason, _ in kinds)})" if kinds else ""
        return dataclasses.replace(doc, rejected=f"no text left after removing site chrome{named}")
    share = sum(1 for t in tokens if t in _ENGLISH) / len(tokens)
    if len(tokens) >= 20 and share < settings.min_english_share:
        return dataclasses.replace(
            doc,
            rejected=f"not English: {share:.0%} common English words (needs {settings.min_english_share:.0%})",
        )
    return doc
