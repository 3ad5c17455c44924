"""Markdown output: summary with numbered citations, key facts, and the source table."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newsfuse.model import Briefing, SourceRecord

_STATUS = {
    "used": "used",
    "duplicate": "duplicate",
    "derivative": "derivative",
    "rejected": "**rejected**",
    "seen": "seen before",
}


def to_markdown(briefing: Briefing) -> str:
    number = {s.doc_id: i for i, s in enumerate(briefing.sources, start=1)}
    cite = lambda ids: "".join(f"[{number[d]}]" for d in ids)  # noqa: E731
    counts = _counts(briefing.sources)
    out = [f"# {_md(briefing.title or 'Briefing')}", ""]
    out.append(
        f"*{counts} · {sum(len(s.text.split()) for s in briefing.summary)}-word summary · newsfuse "
        f"{briefing.version}*"
    )
    out += ["", "## Summary", ""]
    if briefing.summary:
        out += [f"{_md(s.text)} {cite(s.citations)}" for s in briefing.summary]
    else:
        out.append("_No usable text: see the sources below._")
    out += ["", "## Key facts", ""]
    if not briefing.facts:
        out.append("_No fact is reported by two independent sources._")
    else:
        for fact in briefing.facts:
            n = fact.independent_sources
            out.append(
                f"- {_md(fact.text)} — {n} independent source{'s' if n != 1 else ''} {cite(fact.sources)}"
            )
    out += _analysis(briefing, cite)
    out += [
        "",
        "## Sources",
        "",
        "| # | Document | Outlet | Date | Kind | Status | Words in → kept | Notes |",
    ]
    out.append("|---|---|---|---|---|---|---|---|")
    for i, record in enumerate(briefing.sources, start=1):
        out.append(_source_row(i, record, number))
    return "\n".join(out) + "\n"


QUOTES_SHOWN, ACTORS_SHOWN, SINGLE_SHOWN = 10, 20, 5


def _analysis(b: Briefing, cite: Callable[[Sequence[str]], str]) -> list[str]:
    """Disagreements, quotes, timeline, actors and single-source facts, when the briefing has them."""
    out: list[str] = []
    if b.disagreements:
        out += ["", "## Where sources disagree", ""]
        for d in b.disagreements:
            out.append(f"- **{_md(d.topic)}**")
            out += [f"  - {_md(c.text)} {cite(c.sources)}" for c in d.claims]
    if b.quotes:
        out += ["", "## Quotes", ""]
        for q in b.quotes[:QUOTES_SHOWN]:
            docs = list(dict.fromkeys(s.doc_id for s in q.support))
            out.append(f"- “{_md(q.text)}” — {_md(q.speaker_name or 'speaker unknown')} {cite(docs)}")
            for v in q.variants:
                flag = f" (differs: {_md('; '.join(v.differs_in))})" if v.differs_in else ""
                out.append(
                    f"  - variant: “{_md(v.text)}”{flag} {cite(list(dict.fromkeys(s.doc_id for s in v.support)))}"
                )
    if b.timeline:
        out += ["", "## Timeline", ""]
        out += [f"- **{e.date}** ({_md(e.as_written)}): {_md(e.text)} {cite(e.sources)}" for e in b.timeline]
    # The most reported actors (the briefing ranks them), people first.
    shown = sorted(b.actors[:ACTORS_SHOWN], key=lambda a: a.type != "PERSON")
    if shown:
        out += ["", "## Actors", ""]
        for a in shown:
            role = f", {_md(a.roles[0])}" if a.roles else ""
            also = f" — also written: {_md(', '.join(x.name for x in a.aliases))}" if a.aliases else ""
            out.append(f"- **{_md(a.name)}** ({a.kind}{role}){also}")
    if b.single_source:
        out += ["", "## Only one source says", ""]
        out += [f"- {_md(f.text)} {cite(f.sources)}" for f in b.single_source[:SINGLE_SHOWN]]
    return out


def _source_row(i: int, r: SourceRecord, number: dict[str, int]) -> str:
    status = _STATUS[r.status]
    if r.of:
        status += f" of [{number.get(r.of, '?')}]"
    notes = [r.reason] if r.reason else []
    if r.removed:
        reasons = sorted({x.reason.split(":", 1)[-1] for x in r.removed})
        notes.append(f"removed {len(r.removed)} span(s): {', '.join(reasons)}")
    notes += [n for n in r.notes if n.startswith(("date un", "outlet unknown", "broadcast"))]
    cells = [
        str(i),
        _md(r.doc_id),
        _md(r.source or "—"),
        r.date or "—",
        r.kind,
        status,
        f"{r.words_in} → {r.words_kept}",
        _md("; ".join(notes)),
    ]
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


def _counts(sources: Sequence[SourceRecord]) -> str:
    statuses = [s.status for s in sources]
    parts = [f"{statuses.count(k)} {k}" for k in _STATUS if k in statuses]
    return f"{len(sources)} documents ({', '.join(parts)})"


def _md(text: str) -> str:
    """Keep document text from being read as Markdown structure (headings, HTML, links)."""
    return (
        text.replace("\\", "\\\\")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("[", "\\[")
        .replace("]", "\\]")
        .replace("\n", " ")
        .replace("*", "\\*")
        .replace("_", "\\_")
        .replace("`", "\\`")
    )
