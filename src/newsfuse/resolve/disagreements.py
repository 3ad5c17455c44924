"""Disagreements in what sources state: different numbers for the same thing, and opposite claims.

Only sentences from different independent sources that are about the same thing are compared (cosine
>= ``RELATED``, or at least ``RELATED_SHARED`` content words in common besides the counted noun).
Numbers are compared per counted noun ("1,200 residents" vs "1,500 residents", "two firefighters" vs
"three firefighters"); a claim and its negation need closer sentences (``OPPOSITE``),
since "did not" in one of two loosely related sentences proves nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from newsfuse.align import Alignment
from newsfuse.model import Claim, Disagreement, Sentence
from newsfuse.provenance import Provenance
from newsfuse.represent import STOPWORDS, SentenceVectors, stem

RELATED, OPPOSITE = 0.3, 0.5
RELATED_SHARED = 2  # or this many content words shared besides the counted noun...
MIN_RELATED = 0.15  # ...with at least this cosine
# Two counts of one thing that differ more than this many times over are counts of different things
# ("300 employees" vs "a city of 85,000 people"), not a disagreement.
MAX_RATIO = 5.0
_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "thousand": 1000,
}
_COUNT = re.compile(
    r"\b(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|"
    + "|".join(_WORDS)
    + r")(?:\s+(?P<scale>hundred|thousand|million|billion))?\s+(?:(?:more|fewer|other|of|the|extra|additional)\s+)?"
    r"(?P<unit>[a-z][a-z-]+)",
    re.IGNORECASE,
)
_NOT_UNITS = frozenset(
    "point percent per times years year months month weeks week days day hours hour minutes am pm a.m p.m "
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_NEGATION = re.compile(r"\b(?:not|no|never|nobody|nothing|none|neither|nor)\b|n[’']t\b", re.IGNORECASE)


def counts(text: str) -> dict[str, float]:
    """Counted nouns (stemmed) and their numbers: "about 1,200 residents" -> {"resid": 1200.0}."""
    return {key: value for key, (value, _) in counted(text).items()}


def counted(text: str) -> dict[str, tuple[float, str]]:
    """Counted nouns (stemmed) -> (number, the noun as written)."""
    out = {}
    for m in _COUNT.finditer(text):
        if text[max(0, m.start() - 6) : m.start()].lower().endswith("point "):
            continue  # "two point five million": spoken decimals are not counts
        unit = m.group("unit").lower()
        if unit in STOPWORDS or unit in _NOT_UNITS:
            continue
        raw = m.group("num").lower()
        value = float(_WORDS[raw]) if raw in _WORDS else float(raw.replace(",", ""))
        scale = {"hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9}.get(
            (m.group("scale") or "").lower(), 1
        )
        if 1900 <= value <= 2100 and scale == 1 and raw.isdigit():
            continue  # a year, not a count
        out[stem(unit)] = (value * scale, unit)
    return out


def find_disagreements(
    sentences: Sequence[Sentence], vectors: SentenceVectors, alignment: Alignment, provenance: Provenance
) -> list[Disagreement]:
    similarity = vectors.similarity().tocsr()
    shared = vectors.shared_terms().tocoo()
    written = [counted(s.text) for s in sentences]
    numbers = [{k: v for k, (v, _) in w.items()} for w in written]
    nouns = {k: noun for w in written for k, (_, noun) in w.items()}
    by_unit: dict[str, dict[float, set[int]]] = defaultdict(lambda: defaultdict(set))
    opposite: list[tuple[int, int]] = []
    # Only pairs of sentences from two different documents can disagree: filter those first, in bulk, so a
    # single long document (thousands of sentences sharing words) costs nothing here.
    doc_of = np.array([s.doc_id for s in sentences], dtype=object)
    pairs = (shared.row < shared.col) & (doc_of[shared.row] != doc_of[shared.col])
    rows, cols, commons = shared.row[pairs], shared.col[pairs], shared.data[pairs]
    values = np.asarray(similarity[rows, cols]).ravel() if len(rows) else np.zeros(0)
    related = (values >= RELATED) | (commons >= RELATED_SHARED + 1)
    independent: dict[tuple[str, str], bool] = {}
    for i, j, value in zip(
        rows[related].tolist(), cols[related].tolist(), values[related].tolist(), strict=True
    ):
        a, b = sentences[i], sentences[j]
        key = (a.doc_id, b.doc_id)
        if key not in independent:
            independent[key] = provenance.independent({a.doc_id, b.doc_id}) >= 2
        if not independent[key]:
            continue
        for unit in numbers[i].keys() & numbers[j].keys():
            low, high = sorted((numbers[i][unit], numbers[j][unit]))
            if low != high and value >= MIN_RELATED and high <= MAX_RATIO * low:
                by_unit[unit][numbers[i][unit]].add(i)
                by_unit[unit][numbers[j][unit]].add(j)
        if value >= OPPOSITE and alignment.same[i, j] and _negates(a.text, b.text):
            opposite.append((i, j))
    out = [_number_conflict(nouns[unit], values, sentences) for unit, values in by_unit.items()]
    unique = {frozenset((sentences[i].text, sentences[j].text)): (i, j) for i, j in opposite}
    out += [_opposite(i, j, sentences) for i, j in unique.values()]
    return out


_WEAK = frozenset("think know want go going get see say make seem expect believe sure clear".split())


def _negates(a: str, b: str) -> bool:
    """One sentence negates a content word the other states plainly: "the dam was not damaged" /
    "engineers found the dam was damaged"."""
    if bool(_NEGATION.search(a)) == bool(_NEGATION.search(b)):
        return False  # both negate, or neither: no opposition to read off
    return bool(_negated(a) & _plain(b)) or bool(_negated(b) & _plain(a))


def _negated(text: str) -> set[str]:
    """The first content word after each negation (within three words)."""
    words = re.findall(r"[a-z’']+", text.lower())
    out = set()
    for k, word in enumerate(words):
        if _NEGATION.fullmatch(word) or word.endswith(("n't", "n’t")):
            following = [w for w in words[k + 1 : k + 4] if w not in STOPWORDS and w not in _WEAK]
            if following:
                out.add(stem(following[0]))
    return out


def _plain(text: str) -> set[str]:
    words = re.findall(r"[a-z’']+", text.lower())
    return {stem(w) for w in words if w not in STOPWORDS} - _negated(text)


def _number_conflict(unit: str, values: dict[float, set[int]], sentences: Sequence[Sentence]) -> Disagreement:
    claims = []
    for _, indices in sorted(values.items()):
        ordered = sorted(indices)
        claims.append(
            Claim(
                sentences[ordered[0]].text,
                tuple(sentences[k].span for k in ordered),
                tuple(dict.fromkeys(sentences[k].doc_id for k in ordered)),
            )
        )
    shown = ", ".join(f"{v:,.0f}" if v == int(v) else f"{v:,}" for v in sorted(values))
    return Disagreement(f"how many {unit}: {shown}", "number", tuple(claims))


def _opposite(i: int, j: int, sentences: Sequence[Sentence]) -> Disagreement:
    claims = tuple(Claim(sentences[k].text, (sentences[k].span,), (sentences[k].doc_id,)) for k in (i, j))
    return Disagreement("opposite claims", "negation", claims)
