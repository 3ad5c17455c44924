"""Quality gate for the cross-source stages, scored against annotated invented clusters.

For each cluster the annotation lists: copies and their originals; quotes (a snippet, the speaker, the
documents that print it); actors (canonical name, type, every other spelling); date expressions with
the day they mean; and the conflicts between sources. The score card reports, per cluster:
- copies: precision and recall of (copy, original) pairs;
- quotes: share found, share with the right speaker, share of their documents merged into the quote;
- actors: share found under the annotated canonical name, share of annotated spellings mapped to it;
- dates: share of annotated expressions resolved to the annotated day (in the text, or as the date line
  that dates the document);
- conflicts: share of annotated conflicts reported, and how many reported ones match none.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsfuse import brief
from newsfuse.clean import clean_documents
from newsfuse.datetext import find_date
from newsfuse.extract.dates import extract_dates
from newsfuse.extract.entities import _strip_title
from newsfuse.ingest import load_documents
from newsfuse.model import Briefing, Document
from newsfuse.resolve.disagreements import NUMBER_WORDS, number_value
from newsfuse.settings import Settings


@dataclass
class CrossSourceScore:
    cluster: str
    copies: tuple[float, float] = (1.0, 1.0)  # precision, recall
    quotes_found: float = 1.0
    speakers_right: float = 1.0
    quote_docs_merged: float = 1.0
    actors_canonical: float = 1.0
    aliases_mapped: float = 1.0
    dates_right: float = 1.0
    conflicts_found: float = 1.0
    conflicts_unmatched: int = 0
    errors: list[str] = field(default_factory=list)


def score_cluster(annotation: Path, samples: Path, settings: Settings | None = None) -> CrossSourceScore:
    spec = json.loads(annotation.read_text(encoding="utf-8"))
    folder = samples / spec["cluster"]
    settings = settings or Settings()
    briefing = brief([folder], settings=settings)
    score = CrossSourceScore(spec["cluster"])
    _score_copies(score, spec, briefing)
    _score_quotes(score, spec, briefing)
    _score_actors(score, spec, briefing)
    _score_dates(score, spec, folder, settings)
    _score_conflicts(score, spec, briefing)
    return score


def _norm(text: str) -> str:
    """Case, quote marks and a transcript's lost apostrophes aside ("haven t" is "haven't")."""
    text = re.sub(r"[“”\"'’]", "", text).lower()
    return " ".join(_SPLIT_CONTRACTION.sub(r"\1\2", text).split())


_SPLIT_CONTRACTION = re.compile(r"\b(\w+) (t|s|ve|re|ll|d|m)\b")


def _digits(text: str) -> str:
    """Counts written in words as digits, as a disagreement's topic gives them ("seventy-one guests" is
    "71 guests")."""
    return NUMBER_WORDS.sub(lambda m: f"{number_value(m.group()):g}", text)


def _score_copies(score: CrossSourceScore, spec: dict[str, Any], b: Briefing) -> None:
    want = {(c["doc"], c["of"]) for c in spec["copies"]}
    got = {(s.doc_id, s.of) for s in b.sources if s.of}
    hit = len(want & got)
    score.copies = (hit / len(got) if got else 1.0, hit / len(want) if want else 1.0)
    score.errors += [f"copy missed: {d} of {o}" for d, o in want - got]
    score.errors += [f"copy wrongly claimed: {d} of {o}" for d, o in got - want]


def _score_quotes(score: CrossSourceScore, spec: dict[str, Any], b: Briefing) -> None:
    original = {s.doc_id: s.of for s in b.sources if s.status == "duplicate"}
    found = right = 0
    merged: list[float] = []
    for q in spec["quotes"]:
        snippet = _norm(q["contains"])
        match = next(
            (x for x in b.quotes if snippet in _norm(" ".join([x.text, *(v.text for v in x.variants)]))), None
        )
        if match is None:
            score.errors.append(f"quote not found: {q['contains']!r}")
            continue
        found += 1
        if match.speaker_name and _same_person(match.speaker_name, q["speaker"], b):
            right += 1
        else:
            score.errors.append(
                f"speaker of {q['contains'][:40]!r}: {match.speaker_name!r}, expected {q['speaker']!r}"
            )
        support = {s.doc_id for s in match.support}
        covered = [d for d in q["docs"] if d in support or original.get(d) in support]
        merged.append(len(covered) / len(q["docs"]))
    total = len(spec["quotes"]) or 1
    score.quotes_found, score.speakers_right = found / total, right / total
    score.quote_docs_merged = sum(merged) / len(merged) if merged else 1.0


def _same_person(got: str, want: str, b: Briefing) -> bool:
    if _norm(got) == _norm(want):
        return True
    actor = next((a for a in b.actors if _norm(a.name) == _norm(got)), None)
    return actor is not None and any(_norm(x.name) == _norm(want) for x in actor.aliases)


def _spellings(name: str) -> set[str]:
    """The name, without a title, without a possessive (the extractors drop both: "St Brennan's" is
    found as "St Brennan")."""
    forms = {name, _strip_title(name, 0)[0]}
    forms |= {f.removesuffix("'s").removesuffix("’s") for f in forms}
    return {_norm(f) for f in forms}


def _score_actors(score: CrossSourceScore, spec: dict[str, Any], b: Briefing) -> None:
    canonical = mapped = aliases = 0
    for want in spec["actors"]:
        names = _spellings(want["name"])
        actor = next((a for a in b.actors if _norm(a.name) in names), None)
        if actor is None:
            actor = next((a for a in b.actors if names & {_norm(x.name) for x in a.aliases}), None)
            score.errors.append(
                f"actor {want['name']!r}: " + (f"named {actor.name!r}" if actor else "not found")
            )
        else:
            canonical += 1
        known = (
            set()
            if actor is None
            else {_norm(actor.name), *(n for x in actor.aliases for n in _spellings(x.name))}
        )
        for alias in want["aliases"]:
            aliases += 1
            if _spellings(alias) & known:
                mapped += 1
            else:
                score.errors.append(f"alias {alias!r} not mapped to {want['name']!r}")
    score.actors_canonical = canonical / (len(spec["actors"]) or 1)
    score.aliases_mapped = mapped / (aliases or 1)


def _score_dates(score: CrossSourceScore, spec: dict[str, Any], folder: Path, settings: Settings) -> None:
    docs = clean_documents(load_documents([folder], settings), settings)
    refs = extract_dates(docs)
    right = 0
    for want in spec["dates"]:
        written = _LEADING_PREPOSITION.sub("", _norm(want["as_written"]))
        candidates = [
            r
            for r in refs
            if r.doc_id == want["doc"] and (_norm(r.as_written) in written or written in _norm(r.as_written))
        ]
        if any(r.date == want["date"] for r in candidates) or _dates_document(docs, want):
            right += 1
        else:
            got = [r.date for r in candidates]
            score.errors.append(f"date {want['doc']} {want['as_written']!r}: {got}, expected {want['date']}")
    score.dates_right = right / (len(spec["dates"]) or 1)


# An annotation may write a date with its preposition ("on Saturday") where the extractor takes the date
# and a time of day ("Saturday evening"): the preposition is no part of the date.
_LEADING_PREPOSITION = re.compile(r"^(?:on|by|since|from|until|at)\s+")


def _dates_document(docs: list[Document], want: dict[str, Any]) -> bool:
    """An expression in a line the cleaner took out as the page's date line or dateline ("WRENMOUTH,
    March 15 (Carrick Wire) -") is resolved when it gave the document its date, or the day it was filed."""
    doc = next((d for d in docs if d.id == want["doc"]), None)
    if (
        doc is None
        or want["date"] not in (doc.date, doc.filed)
        or _norm(want["as_written"]) in _norm(doc.text)
    ):
        return False
    found = find_date(want["as_written"])
    return found is not None and (found.month, found.day) == (int(want["date"][5:7]), int(want["date"][8:10]))


def _score_conflicts(score: CrossSourceScore, spec: dict[str, Any], b: Briefing) -> None:
    texts = [_digits(_norm(d.topic + " " + " ".join(c.text for c in d.claims))) for d in b.disagreements]
    matched: set[int] = set()
    found = 0
    for conflict in spec["conflicts"]:
        values = [_digits(_norm(v)) for v in conflict["values"]]
        hit = next((k for k, t in enumerate(texts) if all(v in t for v in values)), None)
        if hit is None:
            score.errors.append(f"conflict not reported: {conflict['topic']}")
        else:
            found += 1
            matched.add(hit)
    score.conflicts_found = found / len(spec["conflicts"]) if spec["conflicts"] else 1.0
    score.conflicts_unmatched = len(texts) - len(matched)
