"""Segment: cleaned text to sentences with offsets.

Needs: cleaned documents. Adds: ``Sentence`` objects (document id, index, paragraph, offsets into the
cleaned text and into the raw text). Sentence boundaries come from Blingfire (a compiled finite-state
segmenter, fast enough for the largest clusters); paragraphs are split first so no sentence spans two.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import blingfire

from newsfuse.model import Document, Sentence
from newsfuse.settings import Settings

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]*)*")
# A piece that cannot stand as a sentence: only closing quotes/brackets, or a lone list marker.
_STUB = re.compile(r"^[\W\d]{0,3}$")


def segment_documents(docs: Sequence[Document], settings: Settings) -> list[Sentence]:
    sentences: list[Sentence] = []
    for doc in docs:
        if not doc.rejected:
            sentences.extend(split_sentences(doc))
    return sentences


def split_sentences(doc: Document) -> list[Sentence]:
    out: list[Sentence] = []
    for paragraph, m in enumerate(_PARAGRAPH.finditer(doc.text)):
        base = m.start()
        spans: list[list[int]] = []
        for a, b in blingfire.text_to_sentences_and_offsets(m.group())[1]:
            piece = m.group()[a:b]
            if spans and (_STUB.match(piece.strip()) or _opens_lowercase_continuation(piece)):
                spans[-1][1] = b  # glue a stray closing quote or a false split back on
            else:
                spans.append([a, b])
        for a, b in spans:
            start, end = _trim(doc.text, base + a, base + b)
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
