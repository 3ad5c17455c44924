"""Calendar dates as news metadata writes them ("March 3, 2026", "3 Mar 2026", "2026-03-03",
"Saturday, January 8, 2005", "25.05.2030"). Relative expressions ("on Monday") are the timeline's business, not this."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: i
    for i, names in enumerate(
        (
            ("mon", "monday"),
            ("tue", "tues", "tuesday"),
            ("wed", "wednesday"),
            ("thu", "thur", "thurs", "thursday"),
            ("fri", "friday"),
            ("sat", "saturday"),
            ("sun", "sunday"),
        )
    )
    for name in names
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
ORDINALS = {word: n for n, word in enumerate(_ORDINAL_WORDS, start=1)}
ORDINALS |= {f"twenty-{word}": 20 + n for n, word in enumerate(_ORDINAL_WORDS[:9], start=1)}
ORDINALS |= {"thirtieth": 30, "thirty-first": 31}
# "the first of June", "the 21st of March 2031"
ORDINAL_DAY = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{'|'.join(sorted(ORDINALS, key=len, reverse=True))})"
_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_PATTERNS = (
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    re.compile(
        rf"(?:(?P<wd>{_WEEKDAY})\.?\s*,?\s*)?(?P<mn>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
        rf"(?:\s*,?\s*(?P<y>\d{{4}}))?",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?:(?P<wd>{_WEEKDAY})\.?\s*,?\s*)?(?P<d>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?P<mn>{_MONTH})\.?"
        rf"(?:\s*,?\s*(?P<y>\d{{4}}))?",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\bthe\s+(?P<od>{ORDINAL_DAY})\s+of\s+(?P<mn>{_MONTH})\.?(?:\s*,?\s*(?P<y>\d{{4}}))?",
        re.IGNORECASE,
    ),
    # "25.05.2030" and "12.03.2038" are day first (nobody writes a month first with full stops); "5/25/2030"
    # only when one number cannot be a month, or a weekday written beside the date fits one reading only
    # ("12/05/2030 Thursday"); "05/06/2030" alone is left alone.
    re.compile(
        rf"\b(?P<na>\d{{1,2}})(?P<sep>[./])(?P<nb>\d{{1,2}})(?P=sep)(?P<y>\d{{4}})\b(?:,?\s*(?P<wd>{_WEEKDAY})\b)?",
        re.IGNORECASE,
    ),
)


@dataclass(frozen=True)
class CalendarDate:
    """A date as written: the year may be missing; the weekday, when written, checks a guessed year."""

    month: int
    day: int
    year: int | None = None
    weekday: int | None = None

    def iso(self, year: int | None = None) -> str | None:
        year = self.year or year
        if year is None:
            return None
        try:
            return dt.date(year, self.month, self.day).isoformat()
        except ValueError:
            return None

    def fits_year(self, year: int) -> bool:
        """Whether this date exists in ``year`` and falls on the written weekday, if any."""
        try:
            day = dt.date(year, self.month, self.day)
        except ValueError:
            return False
        return self.weekday is None or day.weekday() == self.weekday


def find_date(text: str) -> CalendarDate | None:
    """The first calendar date written in ``text``."""
    best: tuple[int, CalendarDate] | None = None
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            found = _from_match(m)
            if found and (best is None or m.start() < best[0]):
                best = (m.start(), found)
            if found:
                break
    return best[1] if best else None


def _from_match(m: re.Match[str]) -> CalendarDate | None:
    groups = m.groupdict()
    if groups.get("na"):
        first, second = int(groups["na"]), int(groups["nb"])
        dotted = (
            groups["sep"] == "." and len(groups["na"]) == len(groups["nb"]) == 2
        )  # not "version 1.2.2030"
        orders = ((second, first),) if dotted else ((first, second), (second, first))
        readings = [(m, d) for m, d in orders if _real(int(groups["y"]), m, d)]
        weekday = WEEKDAYS.get((groups.get("wd") or "").lower())
        if weekday is not None:
            readings = [(m, d) for m, d in readings if dt.date(int(groups["y"]), m, d).weekday() == weekday]
        if len(set(readings)) != 1:
            return None  # day-first or month-first: the text does not say
        groups = {**groups, "m": str(readings[0][0]), "d": str(readings[0][1])}
    month = MONTHS[groups["mn"].lower()] if groups.get("mn") else int(groups["m"])
    ordinal = (groups.get("od") or "").lower()
    day = ORDINALS.get(ordinal) or int(ordinal[:-2]) if ordinal else int(groups["d"])
    year = int(groups["y"]) if groups.get("y") else None
    weekday = WEEKDAYS.get((groups.get("wd") or "").lower())
    if not (1 <= month <= 12 and 1 <= day <= 31) or (year is not None and not 1900 <= year <= 2100):
        return None
    return CalendarDate(month, day, year, weekday)


def _real(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def parse_iso_or_text(value: str) -> str | None:
    """An ISO day from a metadata field in any of the forms above, if it names a full date."""
    found = find_date(value)
    return found.iso() if found else None
