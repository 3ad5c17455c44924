"""HTML report: one self-contained page (inline CSS, JS and SVG; no request leaves it).

Every summary sentence, fact, quote and timeline event carries an id; every span of document text that
supports it is a ``<mark>`` listing those ids, so hovering or clicking an item lights up its evidence in
the documents below. All document-derived text goes through ``html.escape``; ids are generated here.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise
from typing import TypeVar

from newsfuse.model import Briefing, DocumentText, SourceRecord, Span

T = TypeVar("T")

_CSS = """
body{font:16px/1.55 system-ui,sans-serif;margin:0;color:#1d2430;background:#f6f7f9}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:1.6em;margin:.2em 0} h2{margin-top:1.8em;border-bottom:1px solid #d5d9e0;padding-bottom:.2em}
.meta{color:#5b6472;font-size:.9em} .cite{font-size:.75em;vertical-align:super;margin-left:2px}
.cite a{color:#2a5db0;text-decoration:none} [data-ev]{cursor:pointer;border-radius:3px}
[data-ev]:hover,[data-ev].selected{background:#fff3c4}
.summary p{margin:.4em 0} ul{padding-left:1.2em} li{margin:.3em 0}
mark{background:transparent;color:inherit} mark.hit{background:#ffd666;outline:2px solid #f0a500}
.doc{background:#fff;border:1px solid #d5d9e0;border-radius:6px;padding:12px 16px;margin:12px 0;white-space:pre-wrap}
.doc h3{margin:0 0 .4em;white-space:normal} table{border-collapse:collapse;width:100%;font-size:.9em;background:#fff}
th,td{border:1px solid #d5d9e0;padding:4px 6px;vertical-align:top;text-align:left}
.rejected{color:#a11} .variant{color:#5b6472;font-size:.92em} details{font-size:.9em}
.flag{color:#a11;font-weight:600} svg text{font-size:11px;fill:#1d2430}
"""

_JS = """
function light(id){
  document.querySelectorAll('mark.hit').forEach(function(m){m.classList.remove('hit')});
  document.querySelectorAll('.selected').forEach(function(m){m.classList.remove('selected')});
  var first=null;
  document.querySelectorAll('mark[data-ids]').forEach(function(m){
    if(m.dataset.ids.split(' ').indexOf(id)>=0){m.classList.add('hit'); if(!first){first=m}}
  });
  document.querySelectorAll('[data-ev="'+id+'"]').forEach(function(e){e.classList.add('selected')});
  return first;
}
document.querySelectorAll('[data-ev]').forEach(function(el){
  el.addEventListener('mouseenter',function(){light(el.dataset.ev)});
  el.addEventListener('click',function(){var m=light(el.dataset.ev); if(m){m.scrollIntoView({block:'center'})}});
});
"""


def to_html(briefing: Briefing) -> str:
    number = {s.doc_id: i for i, s in enumerate(briefing.sources, start=1)}
    evidence: dict[str, list[tuple[Span, str]]] = defaultdict(list)
    body: list[str] = [
        f"<h1>{_e(briefing.title or 'Briefing')}</h1>",
        f"<p class='meta'>{_e(_counts(briefing))}</p>",
    ]

    body.append("<h2>Summary</h2><div class='summary'>")
    for i, s in enumerate(briefing.summary, start=1):
        key = f"s{i}"
        _collect(evidence, key, s.support)
        body.append(f"<p><span data-ev='{key}'>{_e(s.text)}</span>{_cites(s.citations, number)}</p>")
    if not briefing.summary:
        body.append("<p>No usable text: see the sources below.</p>")
    body.append("</div>")

    body += _listing(
        "Key facts",
        briefing.facts,
        "f",
        evidence,
        number,
        lambda f: (
            f"{_e(f.text)} <span class='meta'>— {f.independent_sources} independent source"
            f"{'s' if f.independent_sources != 1 else ''}</span>",
            f.sources,
            f.support,
        ),
    )
    body += _disagreements(briefing, number)
    body += _quotes(briefing, evidence, number)
    body += _timeline(briefing, evidence, number)
    body += _actors(briefing)
    body += _listing(
        "Only one source says",
        briefing.single_source,
        "o",
        evidence,
        number,
        lambda f: (_e(f.text), f.sources, f.support),
    )
    body += _sources(briefing.sources, number)
    body += _documents(briefing.documents, evidence, number)
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width,initial-scale=1'>"
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "script-src 'unsafe-inline'; img-src data:\">"
        f"<title>{_e(briefing.title or 'Briefing')} — newsfuse</title><style>{_CSS}</style></head>"
        f"<body><main>{''.join(body)}</main><script>{_JS}</script></body></html>\n"
    )


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _collect(evidence: dict[str, list[tuple[Span, str]]], key: str, support: Iterable[Span]) -> None:
    for span in support:
        evidence[span.doc_id].append((span, key))


def _cites(doc_ids: Iterable[str], number: dict[str, int]) -> str:
    links = "".join(
        f"<a href='#doc-{number[d]}'>[{number[d]}]</a>" for d in dict.fromkeys(doc_ids) if d in number
    )
    return f"<span class='cite'>{links}</span>"


def _counts(b: Briefing) -> str:
    statuses = [s.status for s in b.sources]
    parts = [
        f"{statuses.count(k)} {k}"
        for k in ("used", "duplicate", "derivative", "rejected", "seen")
        if k in statuses
    ]
    words = sum(len(s.text.split()) for s in b.summary)
    return f"{len(b.sources)} documents ({', '.join(parts)}) · {words}-word summary · newsfuse {b.version}"


def _listing(
    title: str,
    items: Sequence[T],
    prefix: str,
    evidence: dict[str, list[tuple[Span, str]]],
    number: dict[str, int],
    describe: Callable[[T], tuple[str, Sequence[str], Sequence[Span]]],
) -> list[str]:
    if not items:
        return []
    out = [f"<h2>{_e(title)}</h2><ul>"]
    for i, item in enumerate(items, start=1):
        text, sources, support = describe(item)
        key = f"{prefix}{i}"
        _collect(evidence, key, support)
        out.append(f"<li><span data-ev='{key}'>{text}</span>{_cites(sources, number)}</li>")
    return [*out, "</ul>"]


def _disagreements(b: Briefing, number: dict[str, int]) -> list[str]:
    if not b.disagreements:
        return []
    out = ["<h2>Where sources disagree</h2><ul>"]
    for d in b.disagreements:
        claims = "".join(f"<li>{_e(c.text)}{_cites(c.sources, number)}</li>" for c in d.claims)
        out.append(
            f"<li><strong>{_e(d.topic)}</strong> <span class='meta'>({_e(d.kind)})</span><ul>{claims}</ul></li>"
        )
    return [*out, "</ul>"]


def _quotes(b: Briefing, evidence: dict[str, list[tuple[Span, str]]], number: dict[str, int]) -> list[str]:
    if not b.quotes:
        return []
    out = ["<h2>Quotes</h2><ul>"]
    for i, q in enumerate(b.quotes, start=1):
        key = f"q{i}"
        _collect(evidence, key, q.support)
        docs = [s.doc_id for s in q.support]
        speaker = _e(q.speaker_name) if q.speaker_name else "<em>speaker unknown</em>"
        variants = "".join(
            f"<div class='variant'>variant: “{_e(v.text)}”"
            + (f" <span class='flag'>differs: {_e('; '.join(v.differs_in))}</span>" if v.differs_in else "")
            + f"{_cites([s.doc_id for s in v.support], number)}</div>"
            for v in q.variants
        )
        out.append(
            f"<li><span data-ev='{key}'>“{_e(q.text)}”</span> — {speaker}{_cites(docs, number)}{variants}</li>"
        )
    return [*out, "</ul>"]


def _timeline(b: Briefing, evidence: dict[str, list[tuple[Span, str]]], number: dict[str, int]) -> list[str]:
    if not b.timeline:
        return []
    days = sorted({e.date for e in b.timeline if e.date})
    first, last = dt.date.fromisoformat(days[0]), dt.date.fromisoformat(days[-1])
    span = max((last - first).days, 1)
    width, height = 1000, 60
    ticks = []
    for day in days:
        x = 30 + (dt.date.fromisoformat(day) - first).days / span * (width - 60)
        count = sum(1 for e in b.timeline if e.date == day)
        ticks.append(
            f"<circle cx='{x:.1f}' cy='25' r='{4 + 2 * min(count, 4)}' fill='#2a5db0'><title>{_e(day)}: "
            f"{count} event(s)</title></circle><text x='{x:.1f}' y='52' text-anchor='middle'>{_e(day[5:])}</text>"
        )
    svg = (
        f"<svg viewBox='0 0 {width} {height}' width='100%' role='img' aria-label='timeline'>"
        f"<line x1='20' y1='25' x2='{width - 20}' y2='25' stroke='#8a94a6'/>{''.join(ticks)}</svg>"
    )
    out = ["<h2>Timeline</h2>", svg, "<ul>"]
    for i, event in enumerate(b.timeline, start=1):
        key = f"t{i}"
        _collect(evidence, key, event.support)
        out.append(
            f"<li><strong>{_e(event.date)}</strong> <span class='meta'>({_e(event.as_written)})</span> "
            f"<span data-ev='{key}'>{_e(event.text)}</span>{_cites(event.sources, number)}</li>"
        )
    return [*out, "</ul>"]


def _actors(b: Briefing) -> list[str]:
    if not b.actors:
        return []
    people = [a for a in b.actors if a.type == "PERSON"] + [a for a in b.actors if a.type != "PERSON"]
    rows = "".join(
        f"<tr><td>{_e(a.name)}</td><td>{_e(a.kind)}</td><td>{_e(', '.join(a.roles))}</td>"
        f"<td>{_e(', '.join(x.name for x in a.aliases))}</td><td>{len(a.mentions)}</td></tr>"
        for a in people
    )
    return [
        "<h2>Actors</h2><table><tr><th>Name</th><th>Type</th><th>Role</th><th>Also written</th>"
        f"<th>Mentions</th></tr>{rows}</table>"
    ]


def _sources(sources: Sequence[SourceRecord], number: dict[str, int]) -> list[str]:
    rows = []
    for r in sources:
        status = _e(r.status) + (f" of [{number.get(r.of, '?')}]" if r.of else "")
        removed = "".join(f"<li><code>{_e(x.reason)}</code> {_e(x.text[:200])}</li>" for x in r.removed)
        details = (
            f"<details><summary>removed {len(r.removed)}</summary><ul>{removed}</ul></details>"
            if r.removed
            else ""
        )
        notes = "; ".join([*([r.reason] if r.reason else []), *r.notes])
        rows.append(
            f"<tr id='source-{number[r.doc_id]}' class='{'rejected' if r.status == 'rejected' else ''}'>"
            f"<td>{number[r.doc_id]}</td><td>{_e(r.doc_id)}</td><td>{_e(r.source or '—')}</td>"
            f"<td>{_e(r.date or '—')}</td><td>{_e(r.kind)}</td><td>{status}</td><td>{r.words_in} → {r.words_kept}</td>"
            f"<td>{_e(notes)}{details}</td></tr>"
        )
    return [
        "<h2>Sources</h2><table><tr><th>#</th><th>Document</th><th>Outlet</th><th>Date</th><th>Kind</th>"
        f"<th>Status</th><th>Words in → kept</th><th>Notes</th></tr>{''.join(rows)}</table>"
    ]


def _documents(
    documents: Sequence[DocumentText], evidence: dict[str, list[tuple[Span, str]]], number: dict[str, int]
) -> list[str]:
    out = ["<h2>Documents</h2>"]
    for doc in documents:
        out.append(
            f"<article class='doc' id='doc-{number.get(doc.doc_id, 0)}'><h3>[{number.get(doc.doc_id, '?')}] "
            f"{_e(doc.doc_id)}</h3>{_marked(doc.text, evidence.get(doc.doc_id, []))}</article>"
        )
    return out


def _marked(text: str, spans: list[tuple[Span, str]]) -> str:
    """The text cut at every span boundary; each piece inside spans is a mark listing their ids."""
    cuts = sorted({0, len(text), *(max(0, min(len(text), p)) for s, _ in spans for p in (s.start, s.end))})
    out = []
    for a, b in pairwise(cuts):
        ids = sorted({key for s, key in spans if s.start <= a and b <= s.end})
        piece = _e(text[a:b])
        out.append(f"<mark data-ids='{' '.join(ids)}'>{piece}</mark>" if ids else piece)
    return "".join(out)
