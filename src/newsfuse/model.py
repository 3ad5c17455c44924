"""The data that flows between stages: plain frozen dataclasses, no behaviour beyond small helpers.

Every unit carries its document id and character offsets, so any line of a briefing can be traced
back to the spans of source text that support it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

SCHEMA = "newsfuse.briefing/1"

Kind = Literal["article", "transcript", "unknown"]
Status = Literal["used", "duplicate", "derivative", "rejected", "seen"]


@dataclass(frozen=True)
class Span:
    """A character range of one document's cleaned text."""

    doc_id: str
    start: int
    end: int


@dataclass(frozen=True)
class Removed:
    """A piece of raw text that cleaning took out, with the reason (e.g. ``boilerplate:advertisement``)."""

    start: int
    end: int
    reason: str
    text: str


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in cleaned text back to offsets in raw text.

    ``pieces`` holds ``(clean_start, clean_end, raw_start, raw_end)`` for each stretch of cleaned text,
    in order. A stretch copied verbatim maps character for character; a rewritten one (a repaired
    transcript word, a joined line) maps to the whole raw stretch it came from.
    """

    pieces: tuple[tuple[int, int, int, int], ...] = ()

    @cached_property
    def _starts(self) -> list[int]:
        return [p[0] for p in self.pieces]

    def to_raw(self, offset: int) -> int:
        if not self.pieces:
            return offset
        i = max(bisect.bisect_right(self._starts, offset) - 1, 0)
        clean_start, clean_end, raw_start, raw_end = self.pieces[i]
        if clean_end - clean_start == raw_end - raw_start:
            return raw_start + min(max(offset - clean_start, 0), raw_end - raw_start)
        return raw_start if offset <= clean_start else raw_end

    def to_raw_end(self, offset: int) -> int:
        """Like ``to_raw`` for an exclusive end offset: the end of the last character, not the next one."""
        return self.to_raw(offset - 1) + 1 if offset > 0 else 0


@dataclass(frozen=True)
class Document:
    """One input document. ``raw`` is what was read; ``text`` is the cleaned view used downstream.

    A document that could not be read or used keeps ``rejected`` set to a human reason and flows on,
    so the source table can account for it.
    """

    id: str
    raw: str
    text: str = ""
    source: str | None = None
    url: str | None = None
    title: str | None = None
    date: str | None = None
    # The day its story was filed (its dateline's), where this copy was published days later: relative dates
    # in the text ("on Monday") count from it.
    filed: str | None = None
    kind: Kind = "unknown"
    origin: str | None = None
    removed: tuple[Removed, ...] = ()
    offsets: OffsetMap = field(default_factory=OffsetMap)
    notes: tuple[str, ...] = ()
    rejected: str | None = None


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document's cleaned text, with offsets into the cleaned and the raw text."""

    doc_id: str
    index: int
    start: int
    end: int
    raw_start: int
    raw_end: int
    paragraph: int
    text: str

    @property
    def span(self) -> Span:
        return Span(self.doc_id, self.start, self.end)


@dataclass(frozen=True)
class CopyLink:
    """Evidence that one document is a copy of another."""

    doc_id: str
    of: str
    status: Literal["duplicate", "derivative"]
    similarity: float
    how: str
    why: str = ""  # why ``of`` is taken for the original


@dataclass(frozen=True)
class SourceRecord:
    """One row of the source table: what became of an input and why."""

    doc_id: str
    source: str | None
    title: str | None
    date: str | None
    kind: Kind
    status: Status
    of: str | None = None
    similarity: float | None = None
    reason: str | None = None
    words_in: int = 0
    words_kept: int = 0
    url: str | None = None
    origin: str | None = None
    removed: tuple[Removed, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fact:
    """Sentences from different documents that say the same thing."""

    id: str
    text: str
    support: tuple[Span, ...]
    sources: tuple[str, ...]
    independent_sources: int


@dataclass(frozen=True)
class Mention:
    """A name as written in one document: a person, organisation or place, with the role or title
    written next to it ("Fire Chief", "a spokesperson for the agency") when there is one."""

    doc_id: str
    start: int
    end: int
    text: str
    type: str  # PERSON, ORG or GPE
    role: str | None = None


@dataclass(frozen=True)
class Alias:
    name: str
    doc_ids: tuple[str, ...]


@dataclass(frozen=True)
class Actor:
    """One person, organisation or place under one canonical name, with every spelling used for it."""

    id: str
    name: str
    type: str
    aliases: tuple[Alias, ...]
    mentions: tuple[Span, ...]
    roles: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        """The type in words, for readers."""
        return {"PERSON": "person", "ORG": "organisation", "GPE": "place"}.get(self.type, self.type.lower())


@dataclass(frozen=True)
class QuoteVariant:
    """Another wording of a quote; ``differs_in`` flags meaning-bearing differences (numbers, negation,
    names)."""

    text: str
    support: tuple[Span, ...]
    differs_in: tuple[str, ...] = ()


@dataclass(frozen=True)
class Quote:
    """A direct quotation merged across the documents that print it. ``speaker`` is an actor id."""

    text: str
    speaker: str | None
    speaker_name: str | None
    support: tuple[Span, ...]
    variants: tuple[QuoteVariant, ...] = ()


@dataclass(frozen=True)
class DateRef:
    """A date expression and the day (or ISO range) it resolves to against ``anchor``; ``date`` is None
    when it cannot be resolved, and ``note`` says why or how."""

    doc_id: str
    start: int
    end: int
    as_written: str
    date: str | None
    anchor: str | None
    note: str = ""


@dataclass(frozen=True)
class TimelineEvent:
    date: str | None
    as_written: str
    anchor: str | None
    text: str
    support: tuple[Span, ...]
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Claim:
    text: str
    support: tuple[Span, ...]
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Disagreement:
    """Sources that conflict on one point (a number, a date, who said something, a negated claim)."""

    topic: str
    kind: str  # number, time, date, speaker or negation
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class SummarySentence:
    """A summary sentence, copied verbatim from ``support[0]``, citing every document that supports it."""

    text: str
    citations: tuple[str, ...]
    support: tuple[Span, ...]


@dataclass(frozen=True)
class DocumentText:
    """The cleaned text every span of the briefing points into, for the documents it uses."""

    doc_id: str
    text: str


@dataclass(frozen=True)
class Briefing:
    title: str | None
    summary: tuple[SummarySentence, ...]
    facts: tuple[Fact, ...]
    sources: tuple[SourceRecord, ...]
    quotes: tuple[Quote, ...] = ()
    actors: tuple[Actor, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    single_source: tuple[Fact, ...] = ()
    documents: tuple[DocumentText, ...] = ()
    settings: dict[str, Any] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    version: str = ""
    schema: str = SCHEMA

    @property
    def summary_text(self) -> str:
        return " ".join(s.text for s in self.summary)
