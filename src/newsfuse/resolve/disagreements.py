"""Disagreements in what sources state: different numbers for the same thing, different clock times for
the same event, and opposite claims.

Only sentences from different independent sources that are about the same thing are compared (cosine
>= ``RELATED``, or at least ``RELATED_SHARED`` content words in common besides the counted noun).
Numbers are compared per counted noun ("1,200 residents" vs "1,500 residents", "two firefighters" vs
"three firefighters"; loosely related sentences only when the two numbers are within a factor of two, or
when the words after the noun say one thing of it: "63 guests fell ill" / "71 guests … falling ill"), a
sentence's one sum of money per currency and what it is for ("demanding $6 million" vs "demanded a ransom
of $2.5 million"); so are clock times, when each of the two sentences gives just one ("struck the rocks at
about 6:40 p.m." / "ran aground … at about 7:15 p.m."), as windows the words before them allow ("about",
"shortly before"). Counts of people harmed compare by harm ("37 people were injured" / "more than 40 people
were hurt", never with "four people were killed"); a part of a whole compares with parts of a whole of that
size ("four / six of the 12 turnstiles"). A claim and its negation need closer sentences (``OPPOSITE``),
since "did not" in one of two loosely related sentences proves nothing.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

import numpy as np

from newsfuse.align import Alignment
from newsfuse.datetext import find_date
from newsfuse.model import Claim, Disagreement, Sentence
from newsfuse.provenance import Provenance
from newsfuse.represent import STOPWORDS, SentenceVectors, content_terms, stem
from newsfuse.resolve.timeline import LEAD_IN

RELATED, OPPOSITE = 0.3, 0.5
RELATED_SHARED = 2  # or this many content words shared besides the counted noun...
MIN_RELATED = 0.15  # ...with at least this cosine
# Or, for two counts of one noun within a factor of two, this many shared content words with the noun
# ("destroying 37 homes" in a wildfire's wire story / "52 homes … had been destroyed by the Cutler Canyon
# Fire" in a paper's report share five and a cosine of only 0.13).
SAME_COUNT_SHARED, SAME_COUNT_RATIO = 5, 2.0
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
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
}
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
# A number in words is whole: "Seventy-one guests" is 71, never "one guests". The counted noun comes after
# an adjective that only qualifies it ("678 new homes", "two positive tests", "175,000 teen-age girls").
_QUALIFIERS = (
    "more|fewer|other|of|the|extra|additional|new|old|young|positive|negative|confirmed|suspected|known|"
    "registered|reported|full-time|part-time|teen-age|teenage|square|cubic|total|local|foreign|child|former"
)
COUNT = re.compile(
    rf"(?<![\w/-])(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:{_TENS})[- ](?:{_ONES})\b|"
    + "|".join(sorted(_WORDS, key=len, reverse=True))
    + rf")(?:\s+(?P<scale>hundred|thousand|million|billion|dozen))?\s+(?:(?:{_QUALIFIERS})\s+)?"
    rf"(?P<unit>(?!(?:{_TENS}|{_ONES})\b)[a-z][a-z-]+)",
    re.IGNORECASE,
)
# A sum of money: "$6 million", "£2.5m", "€400,000". Sums in one currency compare like counts of one noun
# ("demanding $6 million" / "demanded a ransom of $2.5 million").
_MONEY = re.compile(
    r"(?P<currency>[$€£])\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|k|m|bn|tn)\b)?",
    re.IGNORECASE,
)
_SCALES = {"hundred": 100, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}
_SCALES |= {"dozen": 12}
_SCALES |= {"trillion": 1e12, "tn": 1e12}
_CURRENCIES = "$€£"
# A span of time ("for eleven hours") compares like a count, unless it is part of a longer one ("2 hours and
# 15 minutes"), a rate ("42 minutes a day") or one of two in the sentence ("95 minutes… 110 minutes").
_DURATIONS = frozenset("hours hour minutes minute".split())  # days are stopwords: never counted
_JOINED = re.compile(r"\s*(?:,|and|,\s*and)?\s*")  # "16 hours and 23 minutes", "23,226 days, 16 hours"
# After a count: a rate ("42 minutes a day", "2 inches of snow per hour").
# After a count: a rate ("42 minutes a day", "2 inches of snow per hour", "24 miles to the gallon"). A rate
# compares only with the same rate ("900 / 1,200 cubic metres per second").
_RATE = re.compile(
    r"(?:\s+of\s+[a-z]+)?\s+(?:(?:a|an|each|every|per)\s+(?P<per>second|minute|hour|day|week|month|year|night|shift)\b"
    r"|(?:per|to\s+the)\s+(?P<per_thing>[a-z]+))"
)
# Before a count: the first number of a range ("18 to 34", "between 18 and 34", "one to three feet"), or a
# month's name: "the May 19 release" is a date.
_RANGE_BEFORE = re.compile(
    rf"(?:(?:\b\d[\d,.]*|\b(?:{'|'.join(_WORDS)}))\s*(?:to|-|–|or)"
    rf"|\bbetween\s+(?:\d[\d,.]*|{'|'.join(_WORDS)})\s+and"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)\s*$",
    re.IGNORECASE,
)
# After a count's number: a fraction ("2 1/2 hours").
_FRACTION_AFTER = re.compile(r"\s+\d+/\d+")
# After a count's noun: another number, so a measure in two units ("5 feet 8").
_NUMBER_NEXT = re.compile(r"\s+\d+\b(?![,.]?\d)")
# After a count's number: an increment, not a whole ("13 other states", "600 more homes").
_INCREMENT = re.compile(r"\s+(?:more|other|extra|additional|fewer)\b", re.IGNORECASE)
_NOT_UNITS = frozenset(
    "hundred thousand million billion trillion dozen point percent per times years year months month weeks week "
    "am pm a.m p.m worth each apiece total overall annually "
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_ZONES = r"(?:GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT)"
_HOURS = "one two three four five six seven eight nine ten eleven twelve".split()
_PAST = {"five": 5, "ten": 10, "quarter": 15, "twenty": 20, "twenty-five": 25, "twenty five": 25, "half": 30}
# A clock time: "6:40 p.m.", "7 pm", "11.15am", a 24-hour time with its zone ("09:30 GMT", "18.40 CET"),
# midnight or noon, or a time as said aloud ("twenty past seven", "quarter to eight"), which leaves
# morning or evening to the listener.
_CLOCK = re.compile(
    r"(?<![\d.,:])(?P<hour>\d{1,2})(?:[:.](?P<minute>[0-5]\d))?\s?(?P<half>[ap])\.?m\b\.?"
    rf"|(?<![\d.,:])(?P<hour24>[01]?\d|2[0-3])[:.](?P<minute24>[0-5]\d)\s?{_ZONES}\b"
    r"|\b(?P<word>midnight|noon|midday)\b"
    rf"|\b(?P<spoken>{'|'.join(sorted(_PAST, key=len, reverse=True))})\s+(?P<way>past|to)\s+"
    rf"(?P<spoken_hour>{'|'.join(_HOURS)})\b",
    re.IGNORECASE,
)
# Two sentences tell of one moment when they are this alike and share this many content words ("shot his
# son around 6:15 p.m. Sunday" / "shot his son at 6:34 p.m."), not of two moments of one story ("the road
# was closed at 8 a.m." / "reopened at 4 p.m.").
TIME_RELATED, TIME_SHARED = 0.2, 4
# Reports of one moment differ by minutes or an hour or two (6:40 / 7:15 p.m., 9:45 / 11:20 p.m.); times
# further apart are two moments the sentences both mention ("first reported at 2:30 p.m." / "the order went
# out at 11:20 p.m., nine hours after smoke was first spotted").
MAX_TIME_GAP = 4 * 60
_DAY = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2})\b",
    re.IGNORECASE,
)
_ZONE = re.compile(rf"\b{_ZONES}\b")
_BOUND = re.compile(r"\b(nearly|almost|up to|as many as)\s+$")
_AT_LEAST = re.compile(r"\b(?:at least|more than|over|upwards of|in excess of)\s+$")
# "nearly 200", "up to 200" and "as many as 200" report about 200, a little under at most: "196" agrees.
# A lower bound ("at least 38", "more than 600") set against a count is read as its number: a source that
# writes "at least 38" where another counts 52 is a discrepancy a reader wants shown. Two lower bounds
# ("more than 5,400" / "more than 5,500") both hold.
_BOUND_KINDS = dict.fromkeys(("nearly", "almost", "up to", "as many as"), "nearly")
_NEGATION = re.compile(r"\b(?:not|no|never|nobody|nothing|none|neither|nor)\b|n[’']t\b", re.IGNORECASE)


_NUMBER_WORD = rf"(?:(?:{_TENS})[- ](?:{_ONES})|{'|'.join(sorted(_WORDS, key=len, reverse=True))})"
NUMBER_WORDS = re.compile(rf"(?<![\w-]){_NUMBER_WORD}(?![\w-])", re.IGNORECASE)
# After a count: what shows it is a total ("five counts: bribery, …", "four counts, including bribery").
_TOTAL_AFTER = re.compile(r"\s*(?::|,?\s+including\b)")
# A number, then "of (the)": a part of the whole counted after it.
_PART_OF = re.compile(
    rf"(?P<part>\b\d+|{NUMBER_WORDS.pattern})\s+(?:out\s+)?of\s+(?:the\s+)?$", re.IGNORECASE
)


def number_value(written: str) -> float:
    """ "71", "1,200", "seventy-one", "nine" as a number."""
    raw = written.lower()
    if raw[:1].isdigit():
        return float(raw.replace(",", ""))
    return float(sum(_WORDS[w] for w in re.split(r"[- ]", raw)))


def counts(text: str) -> dict[str, float]:
    """Counted nouns (stemmed) and their numbers: "about 1,200 residents" -> {"resid": 1200.0}."""
    return {key: value for key, (value, _, _) in counted(text).items()}


def counted(text: str) -> dict[str, tuple[float, str, tuple[float, float]]]:
    """Counted nouns (stemmed) -> (number, the noun as written, the range the words allow: "nearly 200" or
    "up to 200" is a little under 200, anything else the number itself)."""
    out: dict[str, tuple[float, str, tuple[float, float]]] = {}
    counts = list(COUNT.finditer(text))
    durations = [m for m in counts if m.group("unit").lower() in _DURATIONS]
    several: set[str] = set()
    totals: dict[str, bool] = {}
    for m in counts:
        before = text[max(0, m.start() - 14) : m.start()].lower()
        if before.endswith("point ") or before.rstrip().endswith(("$", "€", "£")):
            continue  # "two point five million": spoken decimals; "$400 fine": a sum (see _MONEY)
        part = _PART_OF.search(text[max(0, m.start() - 24) : m.start()])
        bound = _BOUND.search(before)
        unit = m.group("unit").lower()
        if unit in STOPWORDS or unit in _NOT_UNITS or not m.group("unit")[:1].islower():
            continue  # "…fulness of times.”5 Ancient principles": a footnote mark, then a new sentence
        if (
            _RANGE_BEFORE.search(before)
            or _INCREMENT.match(text, m.end("num"))
            or _FRACTION_AFTER.match(text, m.end("num"))
        ):
            continue  # "ages 18 to 34", "13 other states", "2 inches of snow per hour": no count of a whole
        compound = any(
            _JOINED.fullmatch(
                text[m.end() : o.start()] if o.start() >= m.end() else text[o.end() : m.start()]
            )
            for o in durations
            if o is not m
        )
        twice = sum(stem(o.group("unit").lower()) == stem(unit) for o in durations) > 1
        if unit in _DURATIONS and (compound or twice):
            continue  # "2 hours and 15 minutes", "95 … 110 minutes": no one span of time
        if _NUMBER_NEXT.match(text, m.end()):
            continue  # "5 feet 8": a height in two units
        value = number_value(m.group("num"))
        scale = _SCALES.get((m.group("scale") or "").lower(), 1)
        if 1900 <= value <= 2100 and scale == 1 and m.group("num").isdigit():
            continue  # a year, not a count
        value *= scale
        kind = _BOUND_KINDS.get(bound.group(1), "") if bound else ""
        span = (0.85 * value, value) if kind == "nearly" else (value, value)
        if _AT_LEAST.search(before):
            span = (value, math.inf)
        if part:  # "14 of the 27 patients", "one of two people arrested": any count from the part up
            span = (min(number_value(part.group("part")), value), value)
        rate = _RATE.match(text, m.end())
        thing = _THINGS.get(stem(unit), stem(unit))  # "14 objects" / "nineteen pieces" / "17 items"
        key = f"{thing}/{rate['per'] or rate['per_thing']}" if rate else thing
        written = f"{unit} per {rate['per'] or rate['per_thing']}" if rate else unit
        harmed = None if rate else _casualty(text, m.start(), m.end(), unit)
        if harmed:  # "37 people were injured", "killing four people", "four dead": a count of the harmed
            harm, who = harmed
            who = "people" if stem(who) in _ANYONE else who
            key, written = f"{stem(who)}:{harm}", f"{who} {harm}"
        if key in out:
            several.add(key)
            continue
        out[key] = (value, written, span)
        totals[key] = bool(_TOTAL_AFTER.match(text, m.end()))
        if part:  # a count of its own among wholes of one size: "four / six of the 12 turnstiles"
            share = number_value(part.group("part"))
            out[f"{key}/of {value:g}"] = (share, f"{written} (of {value:,.0f})", (share, share))
    # A noun counted twice is a breakdown, no claim of one count ("six counts of murder and five counts of
    # attempted murder"), unless the first count is the total the rest break down ("guilty on five counts:
    # bribery, …, two counts of official misconduct and one count of money laundering").
    for key in several - {k for k, total in totals.items() if total}:
        del out[key]
    for m in _LENGTH_OF.finditer(text):  # "a 12-year, $62 million contract" / "the ten-year contract"
        noun = next(
            (w for w in _LOWER_WORD.findall(text, m.end(), m.end() + 40) if w not in _NOT_NOUNS), None
        )
        if noun:
            value = number_value(m.group("num"))
            out[f"{m.group('unit')}:{stem(noun)}"] = (value, f"{m.group('unit')}s ({noun})", (value, value))
    sums = list(_MONEY.finditer(text))
    for m in sums:
        bound = _BOUND.search(text[max(0, m.start() - 14) : m.start()].lower())
        value = float(m.group("num").replace(",", "")) * _SCALES.get((m.group("scale") or "").lower(), 1)
        kind = _BOUND_KINDS.get(bound.group(1), "") if bound else ""
        span = (0.85 * value, value) if kind else (value, value)
        currency = m.group("currency")
        noun = _NOUN_AFTER.match(text, m.end())
        named = noun and noun[1].lower() not in STOPWORDS and noun[1].lower() not in _NOT_UNITS
        if noun and named:
            out[f"{currency} {stem(noun[1].lower())}"] = (value, currency, span)  # "a $96 million contract"
        if len(sums) == 1:  # several sums: a range, a list, a breakdown, two people's sums
            words = _what_is_paid(text, m.start(), m.end())
            if noun and named:  # "a $62 million contract" / "the contract … swelled to $71 million"
                words.add(stem(noun[1].lower()))
            for word in words:
                out[f"{currency}~{word}"] = (value, currency, span)
    return out


# Words that say a count is of people harmed, and how: "killed", "died" and "dead" count the dead; "injured",
# "hurt" and "wounded" the injured. Counts of one harm compare with each other and with nothing else: "four
# people were killed and 37 people were injured" holds two counts, and neither disagrees with "52 people
# were injured" elsewhere, or with the 31,500 people in the crowd.
_CASUALTIES = {
    **dict.fromkeys(
        "killed died dead death deaths perished drowned fatalities killing dying".split(), "killed"
    ),
    **dict.fromkeys("injured hurt wounded injuries injuring wounding hospitalised".split(), "injured"),
    "hospitalized": "injured",
    **dict.fromkeys("missing unaccounted".split(), "missing"),
}
_ANYONE = frozenset({"peopl", "person", "individu", "other"})  # stems of nouns that say only "people"
# Between a harm verb and its count: "killed well more than 10,000 people", "injuring at least 12".
_HEDGES = frozenset(
    "at least more than well over about around some nearly almost roughly approximately up to as many an "
    "estimated likely".split()
)


# Nouns that count things without saying what they are: a heist's "14 objects", "nineteen pieces", "17 items".
_THINGS = dict.fromkeys(map(stem, "objects items pieces artefacts artifacts".split()), "item")


def _casualty(text: str, start: int, end: int, unit: str) -> tuple[str, str] | None:
    """The harm a count counts and who suffered it, if any: told by the count's word ("four dead", "three
    wounded protesters"), by the verb before it ("killing four people") or by its clause right after it, up
    to the next count or "and" ("were killed and 37…")."""
    if unit.lower() in _CASUALTIES:
        noun = re.match(r"\s+([a-z]+)\b", text[end : end + 30])
        who = noun[1] if noun and noun[1] not in STOPWORDS and noun[1] not in _CASUALTIES else "people"
        return _CASUALTIES[unit.lower()], who
    before = [w.lower() for w in re.findall(r"[A-Za-z]+", text[max(0, start - 40) : start])]
    while before and before[-1] in _HEDGES:
        before.pop()
    if before and before[-1] in _CASUALTIES:
        return _CASUALTIES[before[-1]], unit
    clause = _CLAUSE_END.split(text[end : end + 120], maxsplit=1)[0]
    clause = re.split(r"\band\b|\d", clause, maxsplit=1)[0]
    said = [w for w in _LOWER_WORD.findall(clause) if w not in STOPWORDS and w not in _VAGUE][:3]
    return next(((_CASUALTIES[w], unit) for w in said if w in _CASUALTIES), None)


# A length of time or a measure as an adjective: "12-year contract", "ten-day strike", "a 30-metre section"
# (not an age: "57-year-old").
_LENGTH_OF = re.compile(
    rf"(?<![\w-])(?P<num>\d+|{_NUMBER_WORD})-(?P<unit>year|month|week|day|hour|metre|meter|kilometre|kilometer|"
    r"mile|foot|yard|inch|tonne|ton|acre|hectare|storey|story)(?![\w-])",
    re.IGNORECASE,
)


# The noun a sum qualifies ("a $96 million contract", "a $2.5m ransom").
_NOUN_AFTER = re.compile(r"[ -](?:in )?([A-Za-z]+)\b")


def _what_is_paid(text: str, start: int, end: int) -> set[str]:
    """What a sum with no noun of its own is for, as stems: the content words among the four words before it
    ("demanded a ransom of $2.5 million", "demanding $6 million"; names say whose sum, not what for) and the
    noun after "in", "of" or "for" right after it ("$41 million in stock awards"). Such sums compare only in
    closely related sentences that share one of these words: "$4.9 million from his stake" and "$5 million
    in salary" are two sums."""
    before = [w for w in re.findall(r"[A-Za-z]+", text[max(0, start - 60) : start])[-4:] if w.islower()]
    after = re.match(r"\s+(?:in|of|for)\s+(?:the\s+|a\s+|an\s+)?([a-z]+)", text[end : end + 40])
    words = [*before, *([after.group(1)] if after else [])]
    return {
        stem(w) for w in words if w not in STOPWORDS and w not in _VAGUE and w not in _SCALES and len(w) > 2
    }


_VAGUE = frozenset(
    "about around roughly some nearly almost likely reportedly estimated just under over than".split()
)
_NOT_NOUNS = STOPWORDS | _VAGUE | frozenset(_SCALES)


def predicates(text: str) -> dict[str, frozenset[str]]:
    """Per counted noun (stemmed), what its clause says of it right after it, as content stems: "312
    flights were cancelled" -> {"flight": {"cancel"}}, "63 guests fell ill" -> {"guest": {"fell", "ill"}}.
    Two counts of one noun with a word of this in common count one thing ("71 guests have now reported
    falling ill"), however differently the rest of the two sentences reads."""
    out = {}
    for m in COUNT.finditer(text):
        if m.group("unit").lower() in STOPWORDS:
            continue
        clause = _CLAUSE_END.split(text[m.end() : m.end() + 200], maxsplit=1)[0]
        words = [w for w in _LOWER_WORD.findall(clause) if w not in STOPWORDS and w not in _VAGUE][:3]
        said = {stem(w) for w in words}
        if said:
            out[stem(m.group("unit").lower())] = frozenset(said)
    return out


# After a counted noun: its clause's words up to a comma or the end ("were cancelled", "fell ill"); its
# first three lower-case content words tell what is said of it (names and days tell nothing).
_CLAUSE_END = re.compile(r"[,.;:()“”\"]")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")


def clock_time(text: str) -> tuple[int, str] | None:
    """The one clock time a sentence gives, as minutes after midnight and as written; None when it gives
    none or several (a sentence with two times tells of two moments, not one)."""
    found = list(_CLOCK.finditer(text))
    if len(found) != 1:
        return None
    m = found[0]
    written = m.group().strip()
    if written.endswith("m.") and written[-3:-2] != ".":
        written = written[:-1]  # "7 pm." at a sentence's end: the full stop is the sentence's
    if m["word"] is not None:
        return (0 if m["word"].lower() == "midnight" else 720), written
    if m["hour24"] is not None:
        return int(m["hour24"]) * 60 + int(m["minute24"]), written
    if m["spoken"] is not None:  # minutes after midnight or after noon: see ``_minutes_apart``
        past = _PAST[" ".join(m["spoken"].lower().replace("-", " ").split())]
        hour = _HOURS.index(m["spoken_hour"].lower()) + 1
        return ((hour % 12) * 60 + (past if m["way"].lower() == "past" else -past)) % 720, written
    hour = int(m["hour"])
    if not 1 <= hour <= 12:
        return None
    minutes = (hour % 12 + (12 if m["half"].lower() == "p" else 0)) * 60 + int(m["minute"] or 0)
    return minutes, written


def find_disagreements(
    sentences: Sequence[Sentence],
    vectors: SentenceVectors,
    alignment: Alignment,
    provenance: Provenance,
    dates: Mapping[str, str | None] | None = None,
) -> list[Disagreement]:
    """``dates``: each document's publication date, to read "yesterday" in one and "Tuesday" in another
    as one day."""
    dates = dates or {}
    similarity = vectors.similarity().tocsr()
    shared = vectors.shared_terms().tocoo()
    written = [counted(s.text) for s in sentences]
    numbers = [{k: v for k, (v, _, _) in w.items()} for w in written]
    spans = [{k: span for k, (_, _, span) in w.items()} for w in written]
    nouns = {k: noun for w in written for k, (_, noun, _) in w.items()}
    done = [predicates(s.text) for s in sentences]
    times = [clock_time(s.text) for s in sentences]
    days = [_days(s.text, dates.get(s.doc_id)) if t else set() for s, t in zip(sentences, times, strict=True)]
    time_pairs: list[tuple[int, int]] = []
    count_pairs: dict[str, list[tuple[int, int]]] = defaultdict(list)
    opposite: list[tuple[int, int]] = []
    # Only pairs of sentences from two different documents can disagree: filter those first, in bulk, so a
    # single long document (thousands of sentences sharing words) costs nothing here.
    doc_of = np.array([s.doc_id for s in sentences], dtype=object)
    pairs = (shared.row < shared.col) & (doc_of[shared.row] != doc_of[shared.col])
    rows, cols, commons = shared.row[pairs], shared.col[pairs], shared.data[pairs]
    values = np.asarray(similarity[rows, cols]).ravel() if len(rows) else np.zeros(0)
    # Parts of wholes of one size ("four / six of the 12 turnstiles") need less: the whole says what is counted.
    parted = np.array([any("/of " in key for key in n) for n in numbers], dtype=bool)
    loose = (values >= MIN_RELATED) & parted[rows] & parted[cols] if len(rows) else np.zeros(0, dtype=bool)
    # Two clock times need only a little in common to be compared (see ``_other_time_same_moment``).
    timed = np.array([t is not None for t in times], dtype=bool)
    loose |= timed[rows] & timed[cols] & (commons >= 2) if len(rows) else np.zeros(0, dtype=bool)
    related = (values >= RELATED) | (commons >= RELATED_SHARED + 1) | loose
    independent: dict[tuple[str, str], bool] = {}
    for i, j, value, common in zip(
        rows[related].tolist(),
        cols[related].tolist(),
        values[related].tolist(),
        commons[related].tolist(),
        strict=True,
    ):
        a, b = sentences[i], sentences[j]
        key = (a.doc_id, b.doc_id)
        if key not in independent:
            independent[key] = provenance.independent({a.doc_id, b.doc_id}) >= 2
        if not independent[key]:
            continue
        loosely = value < RELATED and common < RELATED_SHARED + 1
        for unit in numbers[i].keys() & numbers[j].keys():
            if loosely and "/of " not in unit:
                continue
            low, high = sorted((numbers[i][unit], numbers[j][unit]))
            # Loosely related sentences give one count only when the two numbers are near each other.
            near = high <= SAME_COUNT_RATIO * low
            close = value >= RELATED or (near and (value >= MIN_RELATED or common >= SAME_COUNT_SHARED))
            same_verb = bool(
                done[i].get(unit, set()) & done[j].get(unit, set())
            )  # "312 / 287 flights were cancelled"
            close = close or same_verb
            if unit[1:2] == "~":  # a sum named only by its context ("demanding $6 million")
                close = value >= RELATED
            (a_low, a_high), (b_low, b_high) = spans[i][unit], spans[j][unit]
            if (a_high == math.inf) != (b_high == math.inf):  # "at least 38" against "52": read as 38
                a_high, b_high = min(a_high, a_low), min(b_high, b_low)
            compatible = max(a_low, b_low) <= min(a_high, b_high)  # "above 40 mph" / "up to 45 mph"
            if low != high and close and high <= MAX_RATIO * low and not compatible:
                count_pairs[unit].append((i, j))
        if value >= OPPOSITE and alignment.same[i, j] and _negates(a.text, b.text):
            opposite.append((i, j))
        if _other_time_same_moment(a.text, b.text, times[i], times[j], value, common, (days[i], days[j])):
            time_pairs.append((i, j))
    # One disagreement per group of sentences that disagree with one another: "7,000 / 10,000 people killed"
    # and "390,000 / 452,000 people homeless" are two.
    conflicts = (
        _number_conflict(nouns[unit], _values(group, unit, numbers), sentences)
        for unit, pairs in count_pairs.items()
        for group in _connected(pairs)
    )
    out = list({c.topic: c for c in conflicts}.values())  # a sum compared under two of its words is one
    out += [_time_conflict(group, sentences, times) for group in _connected(time_pairs)]
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
    """The first content word after each negation (within three words): not a name ("Neither Vekselberg
    nor…" denies nothing of Vekselberg's name), nor a word the sentence also states plainly ("faded black
    jeans, which were evidently not black enough"); "or not", "if not", "not only" negate nothing."""
    words = re.findall(r"[A-Za-z’']+", text)
    lower = [w.lower() for w in words]
    out = set()
    for k, word in enumerate(lower):
        if not (_NEGATION.fullmatch(word) or word.endswith(("n't", "n’t"))):
            continue
        if word == "not" and (
            lower[k - 1 : k] in (["or"], ["if"]) or lower[k + 1 : k + 2] in (["only"], ["just"])
        ):
            continue
        following = [
            (w, lw)
            for w, lw in zip(words[k + 1 : k + 4], lower[k + 1 : k + 4], strict=True)
            if lw not in STOPWORDS and lw not in _WEAK
        ]
        if following and not following[0][0][:1].isupper():
            first = lower.index(following[0][1], k + 1)
            complement = lower[first + 1 : first + 3]
            if complement[:1] == ["as"] and len(complement) == 2 and complement[1] not in STOPWORDS:
                out.add(stem(complement[1]))  # "not classed as high-risk" denies "high", not "classed"
            else:
                out.add(stem(following[0][1]))
    plainly = [stem(w) for w in lower if w not in STOPWORDS]
    return {w for w in out if plainly.count(w) < 2}


def _plain(text: str) -> set[str]:
    words = re.findall(r"[a-z’']+", text.lower())
    return {stem(w) for w in words if w not in STOPWORDS} - _negated(text)


def _number_conflict(unit: str, values: dict[float, set[int]], sentences: Sequence[Sentence]) -> Disagreement:
    if unit in _CURRENCIES:
        shown = ", ".join(unit + _amount(v) for v in sorted(values))
        return Disagreement(f"how much: {shown}", "number", _claims(values, sentences))
    shown = ", ".join(f"{v:,.0f}" if v == int(v) else f"{v:,}" for v in sorted(values))
    return Disagreement(f"how many {unit}: {shown}", "number", _claims(values, sentences))


def _amount(value: float) -> str:
    """6000000.0 -> "6 million", 2500000.0 -> "2.5 million", 400000.0 -> "400,000"."""
    for scale, word in ((1e9, "billion"), (1e6, "million")):
        if value >= scale:
            return f"{value / scale:g} {word}"
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


# Words before a clock time that make it approximate, and the minutes they allow before and after it:
# "about 9:30 p.m." allows 9:32; "shortly before 7.30pm" is no "about 7:40 p.m.".
_APPROXIMATE = re.compile(
    r"\b(about|around|approximately|roughly|nearly|almost|shortly (?:after|before)|just (?:after|before))\s+"
    r"(?:at\s+)?$",
    re.IGNORECASE,
)
APPROXIMATE_MINUTES = 5
_LEEWAY = {"before": (15, 0), "nearly": (15, 0), "almost": (15, 0), "after": (0, 15)}
# What happened at a time, as the words right before it say ("the crush began at about 7:40 p.m." / "the
# crush started shortly before 7.30pm"): two sentences that say so much alike tell of one moment, however
# different the rest of them.
_STARTED = dict.fromkeys("began begun begin begins beginning started start starts starting".split(), "start")


def _other_time_same_moment(
    a: str,
    b: str,
    time_a: tuple[int, str] | None,
    time_b: tuple[int, str] | None,
    value: float,
    common: float,
    days: tuple[set[str], set[str]],
) -> bool:
    """Two sentences give different clock times for what reads as one moment: they are close, name the
    same day if both name one, use the same time zone (else "5:42 p.m. EST" and "22:42 GMT" may be one
    instant), and neither is a line of a chronology that opens with its time ("1:43 a.m. -- Pilots…")."""
    if time_a is None or time_b is None:
        return False
    gap = _minutes_apart(time_a, time_b)
    if not 0 < abs(gap) <= MAX_TIME_GAP:
        return False
    before_a, before_b = a[: a.find(time_a[1])], b[: b.find(time_b[1])]
    (a_early, a_late), (b_early, b_late) = _leeway(before_a), _leeway(before_b)
    if max(-a_early, gap - b_early) <= min(a_late, gap + b_late):
        return False  # the times the two allow overlap: "at about 9:30 p.m." allows "9:32 p.m."
    alike = value >= TIME_RELATED and common >= TIME_SHARED
    if not alike and len(_what_happened(before_a) & _what_happened(before_b)) < 2:
        return False
    if a.startswith(time_a[1]) or b.startswith(time_b[1]):
        return False
    days_a, days_b = days
    if days_a and days_b and not days_a & days_b:
        return False
    return set(_ZONE.findall(a)) == set(_ZONE.findall(b))


def _minutes_apart(a: tuple[int, str], b: tuple[int, str]) -> int:
    """b's time minus a's, the nearer way round the clock ("11:40 p.m." and "shortly after midnight" are
    minutes apart); a time said aloud ("twenty to twelve") is taken in the half of the day nearer the other."""
    day = 720 if a[1].split()[-1].lower() in _HOURS or b[1].split()[-1].lower() in _HOURS else 1440
    gap = (b[0] - a[0]) % day
    return gap - day if gap > day // 2 else gap


def _leeway(before: str) -> tuple[int, int]:
    """Minutes a time allows before and after it, by the words before it ("about", "shortly before")."""
    found = _APPROXIMATE.search(before)
    if not found:
        return 0, 0
    word = found.group(1).lower().split()[-1]
    return _LEEWAY.get(word, (APPROXIMATE_MINUTES, APPROXIMATE_MINUTES))


def _what_happened(before: str) -> set[str]:
    """Content stems of the few lower-case words before a time, starting and beginning as one."""
    words = [w.lower() for w in before.split()[-LEAD_IN:] if not w[:1].isupper()]
    return set(content_terms(" ".join(_STARTED.get(w, w) for w in words)))


def _days(text: str, published: str | None) -> set[str]:
    """The days a sentence names, as weekdays where the publication date allows ("yesterday" in a story of
    Wednesday 16 March is "tuesday", as is "Mar. 15")."""
    out = set()
    for written in (d.lower() for d in _DAY.findall(text)):
        day = None
        if published and written in _RELATIVE_DAYS:
            day = dt.date.fromisoformat(published) + dt.timedelta(days=_RELATIVE_DAYS[written])
        elif published and written[:1].isalpha() and written.split()[-1].isdigit():
            found = find_date(written)
            iso = found.iso(int(published[:4])) if found else None
            day = dt.date.fromisoformat(iso) if iso else None
        out.add(day.strftime("%A").lower() if day else written)
    return out


_RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tonight": 0}


def _values(group: set[int], unit: str, numbers: Sequence[dict[str, float]]) -> dict[float, set[int]]:
    values: dict[float, set[int]] = defaultdict(set)
    for i in sorted(group):
        values[numbers[i][unit]].add(i)
    return values


def _connected(pairs: Sequence[tuple[int, int]]) -> list[set[int]]:
    """The groups of sentences linked by the pairs."""
    groups: list[set[int]] = []
    for i, j in pairs:
        touching = [g for g in groups if i in g or j in g]
        groups = [g for g in groups if not (i in g or j in g)] + [{i, j}.union(*touching)]
    return groups


def _time_conflict(
    group: set[int], sentences: Sequence[Sentence], times: Sequence[tuple[int, str] | None]
) -> Disagreement:
    """Times are placed around the group's first written one, so "twenty to twelve" beside "11:40 p.m." is
    one value and "shortly after midnight" comes after both."""
    given = [t for k in sorted(group) if (t := times[k]) is not None]
    anchor = next((t for t in given if t[1].split()[-1].lower() not in _HOURS), given[0])
    values: dict[float, set[int]] = defaultdict(set)
    written: dict[float, str] = {}
    for k in sorted(group):
        time = times[k]
        assert time is not None
        value = anchor[0] + _minutes_apart(anchor, time)
        values[value].add(k)
        written.setdefault(value, time[1])
    shown = ", ".join(written[v] for v in sorted(written))
    return Disagreement(f"what time: {shown}", "time", _claims(values, sentences))


def _claims(values: dict[float, set[int]], sentences: Sequence[Sentence]) -> tuple[Claim, ...]:
    """One claim per value: the first sentence giving it, citing every sentence that does."""
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
    return tuple(claims)


def _opposite(i: int, j: int, sentences: Sequence[Sentence]) -> Disagreement:
    claims = tuple(Claim(sentences[k].text, (sentences[k].span,), (sentences[k].doc_id,)) for k in (i, j))
    return Disagreement("opposite claims", "negation", claims)
