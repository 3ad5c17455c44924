"""Date expressions, resolved against each document's date the way news is written.

Each document gets an anchor: its publication date; else a full date its own text gives (a caption's
"January 12, 2022"); else the cluster's date, borrowed from the other documents. Then:
- a weekday ("on Monday", "Wednesday's talks") against a publication date is the most recent such day on
  or before it in a past-tense sentence, the next one on or after it in a sentence about the future
  ("will meet on Thursday"), and the nearest one otherwise ("schools reopen on Thursday");
  against an inferred or borrowed anchor, the document's own day is unknown, so it is the such day
  nearest the anchor;
- "last"/"next"/"this" weekday, "March 3", "last week", "last month", "in December", "last year",
  "in 2014" follow the calendar from the anchor; "two days ago" and the like go to dateparser;
- "today", "yesterday", "last night", "tomorrow" need the document's own date: without one they stay unresolved.
An expression that cannot be resolved keeps its wording, with ``date`` None and a note saying why.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsfuse.datetext import MONTHS, ORDINAL_DAY, WEEKDAYS, find_date
from newsfuse.model import DateRef, Document

_MONTH_NAMES = (
    r"Jan(?:uary)?|Feb(?:ruary)?|March|Mar|April|Apr|May|June|Jun|July|Jul|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
_DAY_NAMES = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# A calendar date comes first, with its weekday if it has one ("Monday 21 September 2037" is one date).
EXPRESSION = re.compile(
    rf"\b(?P<md>(?:(?:{_DAY_NAMES}),?\s+)?(?:(?:{_MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}\.?\s+(?:{_MONTH_NAMES})(?:\s+\d{{4}})?"
    rf"|the\s+{ORDINAL_DAY}\s+of\s+(?:{_MONTH_NAMES})(?:,?\s+\d{{4}})?))\b"
    rf"|\b(?:(?P<mod>[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming|[Pp]revious|[Ff]inal)\s+)?(?P<wd>{_DAY_NAMES})(?:['’]s)?"
    rf"(?:\s+(?:morning|afternoon|evening|night))?\b"
    rf"|\b(?P<rel>today|tonight|yesterday|tomorrow|last night|this (?:morning|afternoon|evening))\b"
    rf"|\b(?P<pmod>last|next|this|past|coming)\s+(?P<unit>week|weekend|month|year)\b"
    rf"|\b(?P<ago>(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:days?|weeks?|months?|years?)\s+ago)\b"
    rf"|\bin (?P<month>{_MONTH_NAMES})(?:\s+(?P<my>\d{{4}}))?\b"
    rf"|\bin (?P<year>(?:19|20)\d\d)\b",
)
_FUTURE = re.compile(
    r"\b(?:will|would|shall|(?:is|are|was|were) (?:due|set|scheduled|expected)|"
    r"(?:plans?|planned|hoped?|hopes|aim(?:s|ed)?|intend(?:s|ed)?|expect(?:s|ed)?) to|"
    r"expect(?:s|ed)? (?:[\w-]+ ){1,4}(?=by\b)|"  # "expected the first results by Friday": a deadline ahead
    r"upcoming|next|until|"
    r"warned of|forecasts?)\b",
    re.IGNORECASE,
)
_FROM_BEFORE = re.compile(r"\bfrom\s+$")
_PERMITTED = re.compile(r"\b(?:can|could|may|might)\b", re.IGNORECASE)
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|told|began|broke|went|came|took|left|met|held|found|fell|gave|got|made|sank|"
    r"ran|spoke|stood|tore|wrote|drove|flew|threw|knew|sent|spent|built|brought|bought|caught|fought|thought|"
    r"kept|paid|sold|became|chose|froze|shook|stole|swept|woke|lost|won|\w{3,}ed)\b",
    re.IGNORECASE,
)
# A sentence; a full stop after a day's number ("on the 5. May", a translation's date) ends none.
_DAY_STOP = rf"(?<=\b\d)\.(?= (?:{_MONTH_NAMES})\b)|(?<=\b\d\d)\.(?= (?:{_MONTH_NAMES})\b)"
_SENTENCE = re.compile(rf"(?:[^.!?\n]|{_DAY_STOP})*(?:[.!?]+|$)")
# Where a clause ends: "Rain eased on Sunday, but showers are forecast for Monday, officials said."
_CLAUSE_BREAK = re.compile(r"[,;:—–]|\bbut\b")


@dataclass(frozen=True)
class Anchor:
    date: dt.date
    kind: str  # "published", "inferred" or "borrowed"
    note: str


def document_anchors(docs: Sequence[Document]) -> dict[str, Anchor]:
    """The day each document's relative dates count from (see the module docstring)."""
    anchors: dict[str, Anchor] = {}
    for doc in docs:
        if doc.filed or doc.date:
            day = dt.date.fromisoformat((doc.filed or doc.date or "")[:10])
            anchors[doc.id] = Anchor(
                day, "published", "the dateline's day" if doc.filed else "publication date"
            )
            continue
        written = _latest_full_date(doc)
        if written:
            anchors[doc.id] = Anchor(
                written[0], "inferred", f"the latest full date the document writes ({written[1]!r})"
            )
    known = sorted(a.date for a in anchors.values())
    if known:
        middle = known[len(known) // 2]
        for doc in docs:
            if doc.id not in anchors:
                anchors[doc.id] = Anchor(
                    middle, "borrowed", "the other documents' date (this one gives none)"
                )
    return anchors


def extract_dates(docs: Sequence[Document]) -> list[DateRef]:
    live = [d for d in docs if not d.rejected]
    anchors = document_anchors(live)
    return [ref for doc in live for ref in _refs(doc, anchors.get(doc.id))]


def _refs(doc: Document, anchor: Anchor | None) -> Iterator[DateRef]:
    for sentence in _SENTENCE.finditer(doc.text):
        for m in EXPRESSION.finditer(sentence.group()):
            clause = _without_reporting_verb(_clause(sentence.group(), m.start(), m.end()), m.group())
            tense = _tense_at(clause, clause.find(m.group())) or _tense(_QUOTED.sub(" ", sentence.group()))
            if _FROM_BEFORE.search(sentence.group(), 0, m.start()) and _PERMITTED.search(clause):
                tense = "future"  # "residents could return home from Saturday": a start still ahead
            start = sentence.start() + m.start()
            written = m.group()
            date, note = _resolve(m, anchor, tense) if anchor else (None, "unresolved: no date to count from")
            yield DateRef(
                doc.id,
                start,
                start + len(written),
                written,
                date,
                anchor.date.isoformat() if anchor else None,
                note,
            )


def _without_reporting_verb(clause: str, written: str) -> str:
    """The clause without a reporting verb and its "that" before what is reported ("Brightwing said that
    most flights on Monday…" is about Monday's flights, not the saying); a date before the "that" is the
    saying's own ("officials said on Monday that…", "Quimby said at a briefing on Sunday")."""
    m = _REPORTED.match(clause)
    at = clause.find(written)
    if not m or at < m.end() or len(clause[m.end() : at].split()) < 2:
        return clause
    return clause[m.end() :]


# A quotation inside the sentence: its tense is the speaker's, not the date's ('"There will be an inquiry,"
# the minister told MPs on Monday').
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”')
_REPORTED = re.compile(r"^.*?\b(?:said|says|told \w+|announced|added|stated|confirmed)\s+that\b")


def _clause(sentence: str, start: int, end: int) -> str:
    """The clause around ``sentence[start:end]``: the tense that matters is its own, not the reporting
    verb's ("Assessors are expected from Wednesday, the council said")."""
    before = [m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start)]
    after = _CLAUSE_BREAK.search(sentence, end)
    return sentence[before[-1] if before else 0 : after.start() if after else len(sentence)]


def _tense(sentence: str) -> str:
    """ "future" with a future marker, else "past" with a past-tense verb, else "" (present or unclear:
    "Schools reopen on Thursday")."""
    if _FUTURE.search(sentence):
        return "future"
    return "past" if _PAST.search(sentence) else ""


def _tense_at(clause: str, at: int) -> str:
    """The tense of the verb nearest before the date in its clause ("will examine why the system failed
    early on Saturday": failed, past; "said it hoped to run … by Monday": future), else of the first one
    after it ("On Monday the council will meet"); "present" for a plain "is on" ("the earliest seat is on
    Tuesday"); "" when the clause has no verb to tell."""
    # "until", "next" and "upcoming" point at the time after them ("closed until further notice"), not
    # at a date before them.
    future = [
        (m.start(), m.end())
        for m in _FUTURE.finditer(clause)
        if m.start() < at or m.group().lower() not in ("until", "next", "upcoming")
    ]
    found = dict.fromkeys((a for a, _ in future), "future")
    for pattern, kind in ((_PAST, "past"), (_PRESENT, "present")):
        for m in pattern.finditer(clause):
            if any(a <= m.start() < b for a, b in future):  # "are expected", "hoped to": future
                continue
            # A word in -ed may be an adjective ("evacuated people … on Friday") or part of another verb
            # ("will stay closed"); it tells the date's tense only right before it, on its own ("the system
            # failed early on Saturday").
            # A verb joined right after the date shares its tense ("inspected the kitchens on Monday and
            # issued a notice").
            joined = m.start() > at and re.fullmatch(r"(?:\S+\s+){1,3}and\s+", clause[at : m.start()])
            far = (m.start() > at and not joined) or len(clause[m.end() : at].split()) > 3
            auxiliary = _AUXILIARY_BEFORE.search(clause, 0, m.start())  # "will stay closed on Wednesday"
            if kind == "past" and m.group().lower().endswith("ed") and (far or auxiliary):
                continue
            found.setdefault(m.start(), kind)
    before = [found[k] for k in sorted(found) if k < at]
    after = [found[k] for k in sorted(found) if k >= at]
    return before[-1] if before else after[0] if after else ""


_AUXILIARY_BEFORE = re.compile(
    r"\b(?:will|would|be|been|being|stay|stays|remain|remains|is|are)\s+(?:\w+\s+)?$", re.IGNORECASE
)
_PRESENT = re.compile(r"\b(?:is|are)\s+(?:on|for|set for|scheduled for|due)\b", re.IGNORECASE)


def _resolve(m: re.Match[str], anchor: Anchor, tense: str) -> tuple[str | None, str]:
    day = anchor.date
    relative = m.group("rel") or m.group("ago") or m.group("pmod") in ("last", "past", "next", "coming")
    if (relative or (m.group("mod") or "").lower() not in ("", "this")) and anchor.kind != "published":
        return None, "unresolved: relative to the document's own date, which is unknown"
    if m.group("wd"):
        weekday = WEEKDAYS[m.group("wd").lower()]
        modifier = (m.group("mod") or "").lower()
        if modifier in ("last", "past", "previous", "final"):
            back = (day.weekday() - weekday) % 7 or 7
            return (day - dt.timedelta(days=back)).isoformat(), f"the {m.group('wd')} before {day}"
        if modifier in ("next", "coming"):
            ahead = (weekday - day.weekday()) % 7 or 7
            return (day + dt.timedelta(days=ahead)).isoformat(), f"the {m.group('wd')} after {day}"
        if modifier == "this" or anchor.kind != "published":
            offset = (weekday - day.weekday()) % 7
            offset = offset - 7 if offset > 3 else offset
            return (
                day + dt.timedelta(days=offset)
            ).isoformat(), f"the {m.group('wd')} nearest {day} ({anchor.note})"
        if tense == "future":
            ahead = (weekday - day.weekday()) % 7
            return (
                day + dt.timedelta(days=ahead)
            ).isoformat(), f"the {m.group('wd')} on or after {day} (future)"
        if tense == "past":
            back = (day.weekday() - weekday) % 7
            return (
                day - dt.timedelta(days=back)
            ).isoformat(), f"the {m.group('wd')} on or before {day} (past)"
        offset = (weekday - day.weekday()) % 7
        offset = offset - 7 if offset > 3 else offset
        return (day + dt.timedelta(days=offset)).isoformat(), f"the {m.group('wd')} nearest {day} (no tense)"
    if m.group("md"):
        found = find_date(m.group("md"))
        if not found:
            return None, "unresolved: not a calendar date"
        if found.year:
            iso = found.iso()
            return iso, "a full date" if iso else "unresolved: no such day"
        year = (
            day.year
            if dt.date(day.year, found.month, min(found.day, 28)) <= day + dt.timedelta(days=60)
            else day.year - 1
        )
        return found.iso(year), f"year {year} from {day}"
    if m.group("rel"):
        shift = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(m.group("rel").lower(), 0)
        return (day + dt.timedelta(days=shift)).isoformat(), f"relative to the publication date {day}"
    if m.group("unit"):
        return _period(m.group("pmod").lower(), m.group("unit"), day)
    if m.group("ago"):
        import dateparser  # slow to import; only needed for these

        parsed = dateparser.parse(
            m.group("ago"), settings={"RELATIVE_BASE": dt.datetime.combine(day, dt.time())}
        )
        if not parsed:
            return None, "unresolved"
        unit = m.group("ago").split()[-2]  # "two years ago": a year, not a day two years back to the day
        iso = parsed.date().isoformat()
        precision = 4 if unit.startswith("year") else 7 if unit.startswith("month") else 10
        return iso[:precision], f"counted back from {day}"
    if m.group("month"):
        month = MONTHS[
            m.group("month").lower().rstrip(".")[:3] if m.group("month").lower()[:3] != "sep" else "sep"
        ]
        year = int(m.group("my")) if m.group("my") else (day.year if month <= day.month else day.year - 1)
        return f"{year:04d}-{month:02d}", f"the most recent {m.group('month')} by {day}"
    if m.group("year"):
        return m.group("year"), "a year"
    return None, "unresolved"


def _period(modifier: str, unit: str, day: dt.date) -> tuple[str | None, str]:
    step = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}[modifier]
    if unit in ("week", "weekend"):
        monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=step)
        start, end = (
            (monday + dt.timedelta(days=5), monday + dt.timedelta(days=6))
            if unit == "weekend"
            else (
                monday,
                monday + dt.timedelta(days=6),
            )
        )
        return f"{start.isoformat()}/{end.isoformat()}", f"the {modifier} {unit} from {day}"
    if unit == "month":
        month_index = day.year * 12 + day.month - 1 + step
        return f"{month_index // 12:04d}-{month_index % 12 + 1:02d}", f"the {modifier} month from {day}"
    return f"{day.year + step:04d}", f"the {modifier} year from {day}"


def _latest_full_date(doc: Document) -> tuple[dt.date, str] | None:
    """The latest full date (with a year) the document's text or its removed captions write."""
    texts = [
        doc.text,
        *(r.text for r in doc.removed if r.reason.startswith(("caption", "metadata:dateline"))),
    ]
    best: tuple[dt.date, str] | None = None
    for text in texts:
        for m in re.finditer(
            rf"(?:{_MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+(?:{_MONTH_NAMES})\s+\d{{4}}",
            text,
        ):
            found = find_date(m.group())
            iso = found.iso() if found else None
            if iso and (best is None or iso > best[0].isoformat()):
                best = (dt.date.fromisoformat(iso), m.group())
    return best
