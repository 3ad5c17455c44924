"""Direct quotations and who they are attributed to, as written.

A quotation is text between curly or straight double quotes of at least ``MIN_WORDS`` words (shorter
ones are scare quotes: “fake escalation”). Its attribution is read from the sentence around it:
``“…,” Marsh said``, ``“…,” said Marsh``, ``Marsh said: “…”``, ``according to Marsh``, ``“…,” she said``,
``“…,” the chief said``, with what the speaker is between name and verb (``Dree, coxswain of the
lifeboat, said: “…”``), or the sentence before it in its paragraph reporting what the speaker said
(``Anyanwu added that strikes rarely shift the figure. “Where they do…”``). A quotation whose attribution
comes later in a following paragraph is left unattributed rather than guessed. In a transcript, each
speaker's turn (after a ``name:`` marker the cleaner removed) is speech by that speaker.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsfuse.clean.transcripts import INTERVIEWEE, name_case
from newsfuse.model import Document

MIN_WORDS = 4
_VERBS = (
    r"said|says|told|tells|added|adds|warned|warns|noted|wrote|writes|explained|argued|stated|insisted|"
    r"declared|announced|continued|asked|replied|recalled|mentioned|acknowledged|admitted|stressed|urged"
)
_WHO = (
    r"(?P<who>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,6}|he|she|they|the\s+[a-z]+(?:\s+[a-z]+){0,2})"
)
# What a name may have between it and its verb: ``Callum Dree, coxswain of the lifeboat, said``.
_DESCRIBED = r"(?:,\s+[a-z][^,.;“”\"]{2,80},)?"
# After the closing quote: ``,” Marsh said`` / ``,” said Marsh`` / ``,” he added`` / ``,” lead investigator
# Corinne Lachapelle told…`` / ``,” ANSA spokesperson Tomasz Wrzesniewski said`` (a title before the name).
_AFTER = re.compile(
    rf"^\s*[,.!?]?\s*(?:(?:(?:[A-Z][\w.'’&-]*\s+){{0,4}}(?:[a-z]+\s+){{1,3}}(?=[A-Z]))?(?:{_WHO}){_DESCRIBED}\s+(?:{_VERBS})\b|(?:{_VERBS})\s+(?P<who2>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,6}}"
    rf"|the\s+[a-z]+(?:\s+[a-z]+){{0,2}}))"
)
# Before the opening quote: ``Marsh said: “`` / ``Marsh said that “`` / ``Marsh told reporters, “`` /
# ``Tolliver told reporters at the county fairgrounds: “`` / ``Okoye, who has driven buses…, put it simply: “``.
_BEFORE = re.compile(
    rf"{_WHO}(?:{_DESCRIBED}\s+(?:{_VERBS})(?:(?:\s+\w+){{0,3}}?\s*(?:that|,)?|(?:\s+\w+){{0,6}}?\s*:)"
    rf"|,\s+[a-z][^,.;“”\"]{{2,160}},\s+[a-z]+(?:\s+[a-z]+){{0,4}}\s*:)\s*$"
)
_ACCORDING = re.compile(r"according to (?P<who>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})")
_PARAGRAPH = re.compile(r"[^\n]+")
_QUOTED = re.compile(r"“(?P<curly>[^”]+)”?|\"(?P<straight>[^\"]+)\"?")


@dataclass(frozen=True)
class QuoteMention:
    """One quotation in one document, with its attribution as written (``who``, its offsets) or None."""

    doc_id: str
    start: int  # of the quoted words, without the quote marks
    end: int
    text: str
    who: str | None
    who_start: int | None
    paragraph: int
    paragraph_start: int
    transcript: bool = False


def extract_quotes(docs: Sequence[Document]) -> list[QuoteMention]:
    out: list[QuoteMention] = []
    for doc in docs:
        if doc.rejected:
            continue
        out.extend(_transcript_turns(doc) if doc.kind == "transcript" else _quotations(doc))
    return out


def _quotations(doc: Document) -> Iterator[QuoteMention]:
    for number, para in enumerate(_PARAGRAPH.finditer(doc.text)):
        text = para.group()
        previous: tuple[str | None, int | None] = (None, None)
        for m in _QUOTED.finditer(text):
            group = "curly" if m.group("curly") is not None else "straight"
            inner = m.group(group)
            words = inner.split()
            if len(words) < MIN_WORDS:
                continue
            start = para.start() + m.start(group)
            content = inner.rstrip(" ,")
            who, who_at = _attribution(text, m.start(), m.end())
            if who is None:  # “A,” Marsh said. “B.” -- B is Marsh's too
                who, who_at = previous
            previous = (who, who_at)
            yield QuoteMention(
                doc.id,
                start,
                start + len(content),
                content,
                who,
                para.start() + who_at if who_at is not None else None,
                number,
                para.start(),
            )


def _attribution(paragraph: str, open_at: int, close_at: int) -> tuple[str | None, int | None]:
    after = _AFTER.match(paragraph[close_at : close_at + 160])  # room for "…, a retired teacher who…, said"
    if after:
        group = "who" if after.group("who") else "who2"
        return _name(after.group(group)), close_at + after.start(group)
    end = paragraph.find(". ", close_at)
    according = _ACCORDING.search(paragraph, close_at, end if end > 0 else len(paragraph))
    if according:
        return _name(according.group("who")), according.start("who")
    sentence_start = max(paragraph.rfind(". ", 0, open_at), paragraph.rfind("” ", 0, open_at), -1) + 1
    before = _BEFORE.search(paragraph[sentence_start:open_at])
    if before:
        return _name(before.group("who")), sentence_start + before.start("who")
    according = _ACCORDING.search(paragraph, sentence_start, open_at)
    if according:
        return _name(according.group("who")), according.start("who")
    if not paragraph[sentence_start:open_at].strip():  # the quotation opens its sentence
        previous_start = max(paragraph.rfind(". ", 0, max(sentence_start - 2, 0)), -1) + 1
        reported = _REPORTED_BEFORE.match(paragraph, previous_start, sentence_start)
        if reported:  # “Anyanwu added that strikes rarely shift the figure. “Where they do…”
            return _name(reported.group("who")), reported.start("who")
    return None, None


# A sentence that reports what its subject said, without quoting: the quotation that follows is theirs.
_REPORTED_BEFORE = re.compile(rf"\s*{_WHO}{_DESCRIBED}\s+(?:{_VERBS})\s+(?:that\s+)?[a-z]")


def _name(who: str) -> str:
    """The attribution up to the end of its sentence: "Ramen. She" -> "Ramen"."""
    return _SENTENCE_STOP.split(who, maxsplit=1)[0].removesuffix(".") if who else who


# A full stop that ends the attribution's sentence, not a title's abbreviation ("Police Supt. Eddie Johnson").
_SENTENCE_STOP = re.compile(
    r"(?<=[a-z]{2})(?<!Supt)(?<!Sgt)(?<!Gov)(?<!Sen)(?<!Rep)(?<!Insp)(?<!Det)(?<!Col)\.\s"
)


def _transcript_turns(doc: Document) -> Iterator[QuoteMention]:
    """Speech after each ``name:`` marker, up to the next marker or the end of its clip."""
    markers = sorted(
        (r for r in doc.removed if r.reason == "transcript:speaker-marker"), key=lambda r: r.start
    )
    for i, marker in enumerate(markers):
        start = _to_clean(doc, marker.end)
        limit = _to_clean(doc, markers[i + 1].start) if i + 1 < len(markers) else len(doc.text)
        end = doc.text.find("\n\n", start, limit)
        end = limit if end < 0 else end
        speech = doc.text[start:end].strip()
        if len(speech.split()) < MIN_WORDS:
            continue
        first = start + (len(doc.text[start:end]) - len(doc.text[start:end].lstrip()))
        speaker = marker.text.strip().rstrip(":").strip()
        for at, words, who in _voices(speech, speaker):
            yield QuoteMention(
                doc.id, first + at, first + at + len(words), words, who, None, -1, first + at, transcript=True
            )


def _voices(speech: str, speaker: str) -> list[tuple[int, str, str]]:
    """A turn's speech by speaker, as (offset, words, speaker): the turn's own speaker's, then, after the
    sentence that names someone the speaker spoke to ("I spoke to one fan, Tomas Brennick, who was in that
    queue."), that person's words when they follow in the first person."""
    named = INTERVIEWEE.search(speech)
    stop = _SENTENCE_END.search(speech, named.end()) if named else None
    if named is None or stop is None or not _FIRST_PERSON.match(speech, stop.end()):
        return [(0, speech, speaker)] if len(speech.split()) >= MIN_WORDS else []
    who = name_case(f"{named.group(1)} {named.group(2)}")
    parts = [(0, speech[: stop.start() + 1], speaker), (stop.end(), speech[stop.end() :].strip(), who)]
    return [p for p in parts if len(p[1].split()) >= MIN_WORDS]


_SENTENCE_END = re.compile(r"[.?!]\s+")
_FIRST_PERSON = re.compile(r"(?:I|We|My|Our|i|we|my|our)\b")


def _to_clean(doc: Document, raw_offset: int) -> int:
    """The cleaned-text offset of a raw offset (the first cleaned character at or after it)."""
    for clean_start, clean_end, raw_start, raw_end in doc.offsets.pieces:
        if raw_end > raw_offset:
            return (
                clean_start + max(0, raw_offset - raw_start)
                if clean_end - clean_start == raw_end - raw_start
                else clean_start
            )
    return len(doc.text)
