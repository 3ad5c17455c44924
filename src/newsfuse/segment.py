"""Segment: cleaned text to sentences with offsets.

Needs: cleaned documents. Adds: ``Sentence`` objects (document id, index, paragraph, offsets into the
cleaned text and into the raw text). Sentence boundaries come from Blingfire (a compiled finite-state
segmenter, fast enough for the largest clusters); paragraphs are split first so no sentence spans two.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import blingfire

from newsfuse.clean.patterns import DATELINE
from newsfuse.clean.transcripts import SENTENCE_END
from newsfuse.model import Document, Sentence
from newsfuse.settings import Settings

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]*)*")
# A piece that cannot stand as a sentence: only closing quotes/brackets, or a lone list marker.
_STUB = re.compile(r"^[\W\d]{0,3}$")
_CAPITAL = re.compile(r"[A-Z]")
# Capitals per character below which a text counts as lower-cased: English prose runs at 2-4%, the
# lower-cased Multi-News copies and caption transcripts under 0.3%.
CASED_CAPITALS = 0.005
# Two sentences glued where a scraper dropped the space or line break between them ("…public
# records.The house sits…", "…he said.“We will…"): a word of two or more lower-case letters, the end mark
# (and perhaps a quote), then a capitalized word. Abbreviations ("U.S.", "Ph.D.") have no such word before
# their full stop. The pattern opens with the end mark so the regex engine can skip ahead to one.
_GLUED = re.compile(r"[.!?](?<=[a-z]{2}[.!?])([\"”’]?)(?=[“\"]?[A-Z][a-z])")


def segment_documents(docs: Sequence[Document], settings: Settings) -> list[Sentence]:
    sentences: list[Sentence] = []
    for doc in docs:
        if not doc.rejected:
            sentences.extend(split_sentences(doc))
    return sentences


def split_sentences(doc: Document) -> list[Sentence]:
    out: list[Sentence] = []
    # Blingfire finds sentences by their capitals; lower-cased text is split at full stops instead, and
    # there a lower-case opening is no sign of a false split.
    cased = len(_CAPITAL.findall(doc.text)) >= CASED_CAPITALS * len(doc.text)
    for paragraph, m in enumerate(_PARAGRAPH.finditer(doc.text)):
        base = m.start()
        spans: list[list[int]] = []
        pieces = _sentence_offsets(m.group()) if cased else _uncased_sentence_offsets(m.group())
        for a, b in _unglued(m.group(), pieces) if cased else pieces:
            piece = m.group()[a:b]
            if spans and (_STUB.match(piece.strip()) or (cased and _opens_lowercase_continuation(piece))):
                spans[-1][1] = b  # glue a stray closing quote or a false split back on
            else:
                spans.append([a, b])
        spans = _join_open_quotes(m.group(), spans)
        for k, (a, b) in enumerate(spans):
            start, end = _trim(doc.text, base + a, base + b)
            if k == 0:
                start = _after_dateline(doc.text, start, end)
            if end > start:
                out.append(
                    Sentence(
                        doc_id=doc.id,
                        index=len(out),
                        start=start,
                        end=end,
                        raw_start=doc.offsets.to_raw(start),
                        raw_end=doc.offsets.to_raw_end(end),
                        paragraph=paragraph,
                        text=doc.text[start:end],
                    )
                )
    return out


def _after_dateline(text: str, start: int, end: int) -> int:
    """Where a paragraph's first sentence starts once a dateline or wire slug is set aside ("PHOENIX (AP)
    — ", "DALLAS, May 10 — ", "CUBA-ELIAN _ MIAMI _ "): it is metadata, not something the story says. A
    bare "WORD:" is left alone, since in a transcript it names the speaker."""
    for _ in range(2):  # a slug, then the place
        m = DATELINE.match(text[start:end])  # sliced: "^" does not match inside the text
        if m is None or start + m.end() >= end:
            break
        if not (m["date"] or m["outlet"] or m.group().rstrip()[-1] != ":"):
            break
        start += m.end()
    return start


def _sentence_offsets(paragraph: str) -> list[tuple[int, int]]:
    """Blingfire's sentences located in the paragraph. Its fast splitter returns text, not offsets; each
    sentence is found in order, and if Blingfire ever rewrote one (it may normalise spaces) the slower
    offset-returning call is used for the whole paragraph."""
    offsets, position = [], 0
    for sentence in blingfire.text_to_sentences(paragraph).split("\n"):
        if not sentence:
            continue
        at = paragraph.find(sentence, position)
        if at < 0:
            return list(blingfire.text_to_sentences_and_offsets(paragraph)[1])
        offsets.append((at, at + len(sentence)))
        position = at + len(sentence)
    return offsets


def _unglued(paragraph: str, offsets: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each sentence split again where two were glued together without a space. A straight quote after
    the end mark may close this sentence or open the next, so the cut is made where the quotes before it
    pair up."""
    cuts = []
    for m in _GLUED.finditer(paragraph):
        if m[1] == '"':
            cuts.append(m.start(1))  # before the quote: it opens the next sentence
        cuts.append(m.end())
    if not cuts:
        return offsets
    out = []
    for a, b in offsets:
        for cut in cuts:
            if a < cut < b and paragraph.count('"', a, cut) % 2 == 0:
                out.append((a, cut))
                a = cut
        out.append((a, b))
    return out


def _uncased_sentence_offsets(paragraph: str) -> list[tuple[int, int]]:
    """Sentences of lower-cased text: each ends at a full stop, question or exclamation mark that closes
    no abbreviation ("u.s.", "mr.")."""
    offsets, start = [], 0
    for m in SENTENCE_END.finditer(paragraph):
        offsets.append((start, m.end()))
        start = m.end()
    if paragraph[start:].strip():
        offsets.append((start, len(paragraph)))
    return offsets


def _join_open_quotes(paragraph: str, spans: list[list[int]]) -> list[list[int]]:
    """A quotation that runs over several sentences is one unit: "“We are ready. We are prepared,” he said."
    Sentences are joined while a curly or straight quote stays open, up to four of them."""
    out: list[list[int]] = []
    open_for = 0
    for span in spans:
        if open_for and open_for < 4:
            out[-1][1] = span[1]
            open_for += 1
        else:
            out.append(list(span))
            open_for = 0
        text = paragraph[out[-1][0] : out[-1][1]]
        quote_open = text.count("“") > text.count("”") or text.count('"') % 2 == 1
        open_for = max(open_for, 1) if quote_open else 0
    return out


def _opens_lowercase_continuation(piece: str) -> bool:
    """Blingfire sometimes splits after an abbreviation it does not know ("Gov. Jones" is safe, "approx. 40"
    is not); a piece that starts with a lower-case word continues the previous sentence."""
    stripped = piece.lstrip("\"“‘'( ")
    return bool(stripped) and stripped[0].islower()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
