"""Outlet, title and publication date from what the text itself shows, with a note saying where each came
from. Metadata from HTML or JSON wins; text signals fill the gaps; when unsure we say so."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsfuse.clean.boilerplate import BYLINE_REASON, MASTHEAD, TITLE, pattern_reason
from newsfuse.clean.lines import Line
from newsfuse.clean.patterns import (
    BYLINE,
    CONTRIBUTOR_OUTLET,
    DATELINE,
    MASTHEAD_SECTION,
    OUTLET_SELF_REFERENCE,
    OUTLET_WORDS,
    TITLE_OUTLET,
)
from newsfuse.datetext import CalendarDate, find_date
from newsfuse.model import Document

_FOR_OUTLET = re.compile(r"\b(?:for|from|of) (?:the )?(?P<outlet>[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,3})")


@dataclass(frozen=True)
class Metadata:
    title: str | None
    source: str | None
    date: str | None
    partial_date: CalendarDate | None
    filed: str | None
    dateline: tuple[int, int] | None
    notes: tuple[str, ...]


def infer_metadata(doc: Document, lines: Sequence[Line], reasons: Sequence[str | None]) -> Metadata:
    notes: list[str] = []
    title, title_outlet = _title(doc, lines, reasons)
    first_body = next((i for i, r in enumerate(reasons) if r is None), None)
    dateline = DATELINE.match(lines[first_body].text) if first_body is not None else None
    if dateline and not any(dateline.group(g) for g in ("place", "date", "outlet")):
        dateline = None
    candidates = [
        (doc.source, None),
        (title_outlet, "outlet from the headline's suffix"),
        (_masthead(lines, reasons, doc.raw), "outlet from the masthead line"),  # the publisher of this copy
        (_folio(lines, reasons)[1], "outlet from the folio line"),
        (dateline.group("outlet") if dateline else None, "outlet from the dateline's credit"),
        (_byline_outlet(lines, reasons), "outlet from the byline"),
        (_copyright_outlet(lines, reasons, doc.raw), "outlet from the copyright line"),
        (_chrome_outlet(lines, reasons), "outlet from a credit line"),
        (_masthead(lines, reasons, doc.raw, recurring=True), "outlet from the masthead line"),
        (_masthead(lines, reasons, doc.raw, single_word=True), "outlet from a menu's outlet word"),
        (self_reference(doc.raw), "outlet from the text's reference to itself"),
    ]
    source = next(((name, note) for name, note in candidates if name), (None, None))
    if source[1]:
        notes.append(source[1])
    elif source[0] is None:
        notes.append("outlet unknown: no metadata, credit or masthead names it")

    date, partial, filed = doc.date, None, None
    if not date:
        date, partial, note, filed = _date(lines, reasons, dateline.group("date") if dateline else None)
        notes.append(note)
    span = None
    if dateline and first_body is not None:
        start = lines[first_body].start
        span = (start, start + dateline.end())
    return Metadata(title, source[0], date, partial, filed, span, tuple(notes))


def _title(
    doc: Document, lines: Sequence[Line], reasons: Sequence[str | None]
) -> tuple[str | None, str | None]:
    title = doc.title or next((lines[i].text.strip() for i, r in enumerate(reasons) if r == TITLE), None)
    if not title:
        return None, None
    m = TITLE_OUTLET.match(title)
    if m and (m.group("outlet").isupper() or OUTLET_WORDS.search(m.group("outlet"))):
        return m.group("title").strip(), _display_case(m.group("outlet"), doc.raw)
    return title, None


def _masthead(
    lines: Sequence[Line],
    reasons: Sequence[str | None],
    raw: str,
    recurring: bool = False,
    single_word: bool = False,
) -> str | None:
    """A short capitalized line (or one part of a line split by "|", "—" or "·") outside the article body
    that names an outlet: it has an outlet word ("Gazette", "News"), or (weaker evidence, tried after the
    credits) its name recurs in the document."""
    title = next((i for i, r in enumerate(reasons) if r == TITLE), 0)
    single: str | None = None
    for i, line in enumerate(lines[:20]):
        reason = reasons[i] or ""
        if not (reason.startswith("structure:") or reason == "boilerplate:menu" or (i < title and reason)):
            continue
        if reason == MASTHEAD:
            m = MASTHEAD_SECTION.match(line.text.strip())
            return _display_case(m.group("outlet").strip(), raw) if m else None
        for part in _PARTS.split(line.text):
            name = part.strip()
            words = name.split()
            if not 1 <= len(words) <= 4 or len(name) < 3 or name.endswith(TERMINALS):
                continue
            if name.islower() and OUTLET_WORDS.search(name):  # a lower-case wordmark ("the lanmore review")
                name, words = name.title(), name.title().split()
            if not all(w[:1].isupper() or w[:1].isdigit() or w in _NAME_JOINERS for w in words):
                continue
            if _DATED.search(name):  # "Sun 02 Jun 2030" is the page's date, not "The Sun"
                continue
            if _SECTION.match(name):  # "My News", "Trending News", "NEWS RELEASE": a section or a label
                continue
            if not recurring and OUTLET_WORDS.search(name):
                if len(words) > 1:
                    return _display_case(name, raw)
                single = single or _display_case(name, raw)  # "Register" in a menu: only if nothing better
            recurs = len(re.findall(rf"\b{re.escape(name)}\b", raw, re.IGNORECASE)) > 1
            brand = len(words) == 1 and any(c.isupper() for c in name[1:])  # "FennickNow", "HuffPost"
            if recurring and recurs and (name.isupper() or len(words) > 1 or brand):
                return _display_case(name, raw)
    return single if single_word else None


TERMINALS = (".", "!", "?", ":")
_SECTION = re.compile(
    r"^(?:(?:my|latest|breaking|top|trending|world|local|national|more|live|daily)\s+news|news\s+releases?"
    r"|press\s+releases?|media\s+releases?)$",
    re.IGNORECASE,
)
_PARTS = re.compile(r"\s[|—–·•-]\s|\s{2,}")  # "The Public Purse - governance, procurement and …"
_DATED = re.compile(
    r"\b(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d"
    r"|\d\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.IGNORECASE,
)
_NAME_JOINERS = frozenset(("&", "and", "of", "the"))  # inside an outlet's name: "Plant & Process Review"
# "© 2030 The Harbour Ledger. All rights reserved.", "Copyright 2029 Valley Sentinel Media Group",
# "© Circuitry Media 2030": the name, without the company words that follow a brand.
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|(?i:copyright))\s*(?:(?:©|\(c\))\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s+)?"
    r"(?P<name>(?:The )?[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,4}?)"
    r"(?: (?i:Media(?: Group)?|Group|Inc\.?|Ltd\.?|LLC|plc|Company|Co\.|Publishing|Holdings))*"
    r"(?:,?\s+\d{4})?\s*(?:[.,]|$)"
)


def _copyright_outlet(lines: Sequence[Line], reasons: Sequence[str | None], raw: str) -> str | None:
    for i, line in enumerate(lines):
        if reasons[i] == "boilerplate:copyright":
            m = _COPYRIGHT.match(line.text.strip())
            if m and not m.group("name").startswith(("All ", "The Author")):
                return _display_case(m.group("name"), raw)
    return None


def _byline_outlet(lines: Sequence[Line], reasons: Sequence[str | None]) -> str | None:
    for i, line in enumerate(lines):
        if reasons[i] != BYLINE_REASON:
            continue
        m = BYLINE.match(line.text.strip())
        who = m.group("who").strip() if m else ""
        if "," in who:
            tail = who.rsplit(",", 1)[1].strip()
            if OUTLET_WORDS.search(tail) or tail.isupper():
                return tail
        elif who and (who.islower() or OUTLET_WORDS.search(who)):
            return who
    return None


def _chrome_outlet(lines: Sequence[Line], reasons: Sequence[str | None]) -> str | None:
    """Credit lines and related-story headers often name the site: "X's Ana Reyes contributed", "More from X"."""
    for i, line in enumerate(lines):
        reason = reasons[i] or ""
        text = line.text.strip()
        if reason == "boilerplate:contributors":
            m = CONTRIBUTOR_OUTLET.match(text)
            if m:
                return m.group("outlet")
        if reason.startswith(("boilerplate:", "caption:")):
            for m in _FOR_OUTLET.finditer(text):
                if OUTLET_WORDS.search(m.group("outlet")):
                    return m.group("outlet")
        if reason.startswith(("boilerplate:", "caption:", "structure:")):
            credit = _CREDIT_FOR.search(text) or _MORE_FROM.match(text)
            if credit:
                return credit.group("outlet")
    return None


# "Illustration: Nadia Ferro for Quarkline": a picture made for the publication; "More from The Lantern".
_CREDIT_FOR = re.compile(
    r"\b(?i:photograph|photo|illustration|image|graphic|video|credit)s?:\s*[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}"
    r" for (?:[Tt]he )?(?P<outlet>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3})\s*\.?$"
)
_MORE_FROM = re.compile(r"^(?i:more from) (?P<outlet>The [A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3})\s*:?$")


def self_reference(raw: str) -> str | None:
    for pattern in OUTLET_SELF_REFERENCE:
        m = pattern.search(raw)
        if m:
            name = m.group("outlet").strip()
            if name.islower():
                return " ".join(
                    w.upper() if len(w) <= 3 and w.isalpha() else w.capitalize() for w in name.split()
                )
            return _display_case(name, raw)
    return None


def _display_case(name: str, raw: str) -> str:
    """An all-caps masthead ("TECHLEDGER") in the case the text uses elsewhere ("TechLedger"), if it does."""
    if not name.isupper():
        return name
    for m in re.finditer(rf"\b{re.escape(name)}\b", raw, re.IGNORECASE):
        if not m.group().isupper():
            return m.group()
    return name if len(name) <= 5 else name.title()


def _date(
    lines: Sequence[Line], reasons: Sequence[str | None], dateline_date: str | None
) -> tuple[str | None, CalendarDate | None, str, str | None]:
    """The publication date, how it was found, and the day the story was filed when that is earlier: the
    dateline's, else the first date or timestamp line under the headline (a date above it is the site's
    clock when the page also dates the article below it), else one above it unless it is a "today" widget.
    A dateline without a year takes the year of a line with the same day; a copy posted a few days after
    its dateline is dated when it was posted, and filed on the dateline's day."""
    partial = find_date(dateline_date) if dateline_date else None
    if partial and partial.year:
        return partial.iso(), None, "date from the dateline", None
    title_at = next((i for i, r in enumerate(reasons) if r == TITLE), -1)
    dated = [
        (i, found, found.year)
        for i, line in enumerate(lines)
        if (
            reasons[i] in ("boilerplate:timestamp", "boilerplate:date-line", BYLINE_REASON)
            or (reasons[i] == "boilerplate:menu" and _POSTED.match(line.text.strip()))
        )
        and (found := find_date(line.text))
        and found.year
    ]
    below = [(i, found, year) for i, found, year in dated if i > title_at]
    ignored = next((lines[i].text.strip() for i, _, _ in dated if i < title_at), None) if below else None
    for i, found, year in below or dated:
        if i == 0 and reasons[i] == "boilerplate:date-line" and _date_widget(lines[i].text, year, lines):
            ignored = lines[i].text.strip()
            continue
        if partial and (found.month, found.day) != (partial.month, partial.day):
            continue
        kind = {"boilerplate:date-line": "date line", BYLINE_REASON: "byline"}.get(
            reasons[i] or "", "timestamp line"
        )
        return found.iso(), None, f"date from a {kind}", None
    if partial:
        for i, found, year in dated:
            story = partial.iso(year)
            if story and _POSTED.match(lines[i].text.strip()):
                gap = (dt.date.fromisoformat(found.iso() or "") - dt.date.fromisoformat(story)).days
                if 0 < gap <= REPUBLISHED_WITHIN:
                    return (
                        found.iso(),
                        None,
                        f"date from a posted line; the story was filed on {story}",
                        story,
                    )
        return None, partial, f"date unsure: the dateline gives {dateline_date!r} without a year", None
    folio = _folio(lines, reasons)[0]
    if folio:
        return folio.iso(), None, "date from the folio line", None
    if ignored:
        return (
            None,
            None,
            f"date unknown: ignored {ignored!r}, a site's current-date line, not a publication date",
            None,
        )
    return None, None, "date unknown: no metadata, dateline or timestamp gives one", None


def _folio(lines: Sequence[Line], reasons: Sequence[str | None]) -> tuple[CalendarDate | None, str | None]:
    """A folio line in the page's header (the lines before the article body): parts split by "|" or "·",
    one of them a whole date, another often the outlet ("THE CORRAN EXAMINER · WEDNESDAY, MARCH 5, 2031 ·
    $2.50", "Rheintal-Anzeiger | 16.03.2033 | Health desk", "Published: March 17, 2033 | PulseHub Staff").
    The outlet is the first other part that reads as a name: with an outlet word, in capitals, or a
    brand's inner capital; else a name of two to four capitalized words that opens the line."""
    body = next((i for i, r in enumerate(reasons) if r is None), len(lines))
    for line in lines[:body]:
        parts = [p.strip() for p in _PARTS.split(line.text.strip())]
        if len(parts) < 2:
            continue
        dated = [
            found
            for part in parts
            if (pattern_reason(part) or ("", False))[0] in ("boilerplate:date-line", "boilerplate:timestamp")
            and (found := find_date(part))
            and found.year
        ]
        if not dated:
            continue
        names = [_STAFF.sub("", p) for p in parts if not find_date(p)]
        outlet = next((n for n in names if _reads_as_outlet(n)), None)
        first = parts[0].split()
        if (
            outlet is None
            and not find_date(parts[0])
            and 2 <= len(first) <= 4
            and all(w[:1].isupper() for w in first)
        ):
            outlet = parts[0]  # "Savski Obzornik | 6. May 2035 | Section Traffic": a name with no outlet word
        return dated[0], outlet
    return None, None


_STAFF = re.compile(r"\s+(?:Staff|Reporters?|Newsroom|Editors?)$")


def _reads_as_outlet(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 4 or not all(w[:1].isupper() or w in _NAME_JOINERS for w in words):
        return False
    brand = len(words) == 1 and any(c.isupper() for c in name[1:])  # "PulseHub", "Rheintal-Anzeiger"
    return bool(OUTLET_WORDS.search(name)) or brand or (name.isupper() and len(name) >= 3)


# A scraped copy's own date is a day or so after the story's dateline ("TARNHOLT, April 20 (Corvant Press)"
# under "Posted by Newsroom • April 21, 2043").
REPUBLISHED_WITHIN = 7
_POSTED = re.compile(r"^(?:posted|published|written|filed)\b", re.IGNORECASE)


def _date_widget(text: str, year: int, lines: Sequence[Line]) -> bool:
    """A bare date atop a page is a site's "today" widget when it has the widget's telltale " , " or
    names a year later than any the article mentions."""
    years = [int(y) for line in lines[1:] for y in re.findall(r"\b(?:19|20)\d\d\b", line.text)]
    return " , " in text or (bool(years) and year > max(years))
