"""Raw text to paragraph lines with offsets, and cleaned text built back from kept pieces."""

from __future__ import annotations

from dataclasses import dataclass

from newsfuse.clean.patterns import TERMINAL
from newsfuse.model import OffsetMap


@dataclass(frozen=True)
class Line:
    """A paragraph of raw text: one line, or several hard-wrapped lines read as one.

    ``parts`` are the raw ranges (stripped) that make it up; ``text`` joins them with single spaces.
    """

    parts: tuple[tuple[int, int], ...]
    text: str
    block_end: bool  # followed by a blank line (or the end): a paragraph break in the raw layout

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    @property
    def words(self) -> int:
        return len(self.text.split())


def split_lines(raw: str) -> list[Line]:
    """Split raw text into paragraphs: non-blank lines, joining hard-wrapped runs (e.g. 72-column text)."""
    lines: list[Line] = []
    block: list[tuple[int, int]] = []
    pos = 0
    for row in raw.split("\n"):
        start, end = pos, pos + len(row)
        pos = end + 1
        content = row.strip()
        if content:
            lead = len(row) - len(row.lstrip())
            block.append((start + lead, start + lead + len(content)))
        elif block:
            lines.extend(_block_to_lines(raw, block))
            block = []
    if block:
        lines.extend(_block_to_lines(raw, block))
    return lines


def _block_to_lines(raw: str, block: list[tuple[int, int]]) -> list[Line]:
    texts = [raw[a:b] for a, b in block]
    if _hard_wrapped(texts):
        return [Line(tuple(block), " ".join(texts), True)]
    return [Line(((a, b),), raw[a:b], i == len(block) - 1) for i, (a, b) in enumerate(block)]


def _hard_wrapped(texts: list[str]) -> bool:
    """Lines of one block wrapped at a fixed width: all but the last long-ish, most not ending a sentence,
    none split by " | " or " · " as menus, folio and footer lines are, none a copyright line (a menu over a
    date line, or a footer's copyright and links, are lines of their own)."""
    if len(texts) < 2 or any(" | " in t or " · " in t or t.startswith(("©", "Copyright")) for t in texts):
        return False
    body = texts[:-1]
    if not all(40 <= len(t) <= 100 for t in body):
        return False
    open_ended = sum(1 for t in body if not t.endswith(TERMINAL))
    return open_ended * 2 >= len(body)


class TextBuilder:
    """Assembles cleaned text from raw ranges (copied or rewritten) and records the offset map."""

    def __init__(self, raw: str) -> None:
        self._raw = raw
        self._chunks: list[str] = []
        self._pieces: list[tuple[int, int, int, int]] = []
        self._length = 0

    def add(self, raw_start: int, raw_end: int, replacement: str | None = None) -> None:
        text = self._raw[raw_start:raw_end] if replacement is None else replacement
        if not text:
            return
        self._pieces.append((self._length, self._length + len(text), raw_start, raw_end))
        self._chunks.append(text)
        self._length += len(text)

    def separate(self, separator: str, raw_at: int) -> None:
        """Add text that stands for a gap in the raw text (a paragraph break, a joined line end)."""
        if self._length == 0:
            return
        self._pieces.append((self._length, self._length + len(separator), raw_at, raw_at))
        self._chunks.append(separator)
        self._length += len(separator)

    @property
    def ends_with_space(self) -> bool:
        return not self._chunks or self._chunks[-1][-1:].isspace()

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self._chunks), OffsetMap(tuple(self._pieces))
