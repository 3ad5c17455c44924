"""Decide, line by line, what is site chrome in already-extracted text.

Named patterns (``patterns.py``) make common chrome certain; structure catches the rest: short lines
that end no sentence outside the reporting, runs of headline-like lines, captions next to credits,
everything after an end-of-article marker, lines repeated in one document or across one site's documents.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from newsfuse.clean.lines import Line
from newsfuse.clean.patterns import (
    BYLINE,
    CAPTION_CUES,
    LINE_PATTERNS,
    MASTHEAD_SECTION,
    OUTLET_WORDS,
    SECTION_LABEL,
    TERMINAL,
    LinePattern,
)
from newsfuse.represent import content_terms

TITLE = "metadata:title"
MASTHEAD = "structure:masthead"
BYLINE_REASON = "metadata:byline"


def normalize_line(text: str) -> str:
    return " ".join(text.split()).lower()


def pattern_reason(text: str) -> tuple[str, bool] | None:
    """The named pattern a line matches, as (reason, ends_article), or None."""
    lowered = text.lower()
    for pattern in _patterns_for(min(len(text.split()), _LONGEST + 1)):
        if pattern.cues and not any(cue in lowered for cue in pattern.cues):
            continue
        if pattern.regex.match(text):
            return f"boilerplate:{pattern.name}", pattern.ends_article
    return None


_LONGEST = max(p.max_words for p in LINE_PATTERNS)


@cache
def _patterns_for(words: int) -> tuple[LinePattern, ...]:
    """The patterns that may claim a line of this many words, in order (none for long reporting)."""
    return tuple(p for p in LINE_PATTERNS if words <= p.max_words)


def is_sentence_like(line: Line) -> bool:
    return line.text.rstrip().endswith(TERMINAL)


def is_reporting(line: Line, reason: str | None) -> bool:
    """A long line that ends a sentence and no pattern claims: the body of the article."""
    return reason is None and line.words >= 10 and is_sentence_like(line)


def headline_like(line: Line) -> bool:
    text = line.text.rstrip()
    return 2 <= line.words <= 30 and not text.endswith((".", ";", ",", ":"))


def classify_lines(
    lines: Sequence[Line], known_title: str | None = None, site_lines: frozenset[str] = frozenset()
) -> list[str | None]:
    """The removal reason for each line (None = reporting to keep).

    ``known_title`` is a title already known from metadata; ``site_lines`` are normalized lines that this
    document's site repeats across otherwise different documents.
    """
    reasons: list[str | None] = [None] * len(lines)
    ends_article = [False] * len(lines)
    for i, line in enumerate(lines):
        match = pattern_reason(line.text)
        if match:
            reasons[i], ends_article[i] = match
    _mark_title(lines, reasons, known_title)
    _mark_above_title(lines, reasons)
    _mark_repeats(lines, reasons, known_title, site_lines)
    _mark_bylines(lines, reasons)
    _mark_captions(lines, reasons)
    _mark_after_end(lines, reasons, ends_article)
    _mark_unpunctuated(lines, reasons)
    return reasons


def _mark_title(lines: Sequence[Line], reasons: list[str | None], known_title: str | None) -> None:
    """The headline: the known title repeated in the text, or else a headline-like line of three or more
    words among the first twenty, before any reporting, that is no section label or masthead. Where the
    page has a byline or date block, the headline is the first such line at most three lines above it (a
    standfirst or an author line may sit between; taglines and menus sit further up); else the first such
    line; else a page title with the site's name after a bar ("… | Riverline Times"). A label is never the
    title: none beats a wrong one."""
    candidates: list[int] = []
    with_bar: int | None = None
    for i, line in enumerate(lines[:20]):
        if reasons[i] is not None:
            continue
        text = line.text.strip()
        if MASTHEAD_SECTION.match(text):
            reasons[i] = MASTHEAD
            continue
        if known_title:
            if normalize_line(text) == normalize_line(known_title):
                reasons[i] = TITLE
                return
        elif is_reporting(line, None):
            break
        elif (
            headline_like(line)
            and line.words >= 3
            and len(lines) > 1
            and not _label(text)
            and _opens_with_a_word(text)
        ):
            if " | " not in text:
                candidates.append(i)
            elif with_bar is None:
                with_bar = i
    if not candidates:
        if with_bar is not None:
            reasons[with_bar] = TITLE
        return
    block = next(
        (i for i in range(candidates[0] + 1, min(len(lines), 24)) if _dates_or_signs(lines[i], reasons[i])),
        None,
    )
    near = [c for c in candidates if block is not None and block - 3 <= c < block]
    chosen = _about_the_story(near or candidates, lines)
    # A standfirst under the headline is as long or longer ("Eastgate and Millbrook branches to shut Sept. 30
    # as city plugs a $7.4 million hole" under "Council closes two libraries, …"): the line above is the title.
    above = chosen - 1
    if above in candidates and lines[above].words <= lines[chosen].words and _tells_the_story(above, lines):
        chosen = above
    reasons[chosen] = TITLE


def _about_the_story(candidates: list[int], lines: Sequence[Line]) -> int:
    """The first candidate that shares two content words with the story below it; a tagline ("Your news,
    all in one place") or a consent button ("Yes, that's fine") shares none. The first, if none does."""
    return next((c for c in candidates if _tells_the_story(c, lines, below=candidates[-1])), candidates[0])


def _tells_the_story(i: int, lines: Sequence[Line], below: int | None = None) -> bool:
    """The line shares two content words with the reporting below it (below line ``below``, if given)."""
    body = {
        term
        for line in lines[(i if below is None else below) + 1 :]
        if is_reporting(line, None)
        for term in content_terms(line.text)
    }
    return len(body.intersection(content_terms(lines[i].text))) >= 2


def _opens_with_a_word(text: str) -> bool:
    """Not an emoji or symbol first: "🔴 LIVE: Cup quarter-finals" is a promotion, not the headline."""
    return text[0].isalnum() or text[0] in "\"'“‘("


def _dates_or_signs(line: Line, reason: str | None) -> bool:
    """A byline or a date line (with a number in it: "Posted in Roads & Transport" names no time): what
    follows a headline on a news page."""
    dated = reason in ("boilerplate:timestamp", "boilerplate:date-line") and any(
        c.isdigit() for c in line.text
    )
    return dated or (line.words <= 12 and bool(BYLINE.match(line.text.strip())))


def _mark_above_title(lines: Sequence[Line], reasons: list[str | None]) -> None:
    """Nothing above the headline is reporting: taglines and slogans there ("Your city. Your paper.") go."""
    title = next((i for i, r in enumerate(reasons) if r == TITLE), 0)
    for i in range(title):
        if reasons[i] is None and not is_reporting(lines[i], None):
            reasons[i] = "structure:outside-article"


def _label(text: str) -> bool:
    """A section label, breadcrumb or masthead rather than a headline."""
    words = text.split()
    # Written as a name: "The Harbour Ledger", or a lower-case wordmark: "the lanmore review".
    styled = text.islower() or all(w[:1].isupper() for w in words)
    outlet_name = len(words) <= 4 and styled and OUTLET_WORDS.search(text)
    shouted = text.isupper() and len(words) <= 5  # "TRANSPORT & SHIPPING", "NORTHMOOR EVENING POST"
    return bool(SECTION_LABEL.search(text) or outlet_name or shouted)


def _mark_repeats(
    lines: Sequence[Line], reasons: list[str | None], known_title: str | None, site_lines: frozenset[str]
) -> None:
    seen: set[str] = set()
    title = next((lines[i].text for i, r in enumerate(reasons) if r == TITLE), known_title)
    if title:
        seen.add(normalize_line(title))
    for i, line in enumerate(lines):
        key = normalize_line(line.text)
        if reasons[i] is None and key in seen and line.words <= 40:
            reasons[i] = "structure:repeated-line"
        elif reasons[i] is None and key in site_lines:
            reasons[i] = "structure:repeated-across-documents"
        seen.add(key)


def _mark_bylines(lines: Sequence[Line], reasons: list[str | None]) -> None:
    edge = set(range(min(6, len(lines)))) | set(range(max(0, len(lines) - 3), len(lines)))
    for i in edge:
        if reasons[i] is None and lines[i].words <= 12 and BYLINE.match(lines[i].text.strip()):
            reasons[i] = BYLINE_REASON


def _mark_captions(lines: Sequence[Line], reasons: list[str | None]) -> None:
    for i, line in enumerate(lines):
        if reasons[i] is not None or line.words > 60:
            continue
        near_credit = (
            i + 1 < len(lines) and reasons[i + 1] == "boilerplate:photo-credit" and not _reports(line)
        )
        credit = _CREDIT_AFTER.search(line.text)
        credited = (
            (
                (credit is not None and bool(OUTLET_WORDS.search(credit.group(1))))
                or bool(_PHOTOGRAPHER_CREDIT.search(line.text))
            )
            and line.words <= 40
            and not _REPORTING_VERB.search(line.text)
        )
        if near_credit or credited or CAPTION_CUES.search(line.text):
            reasons[i] = "caption:photo"


def _reports(line: Line) -> bool:
    """A paragraph of reporting, not a caption, though a credit follows it (a picture without caption)."""
    return line.words >= 20 and bool(_REPORTING_VERB.search(line.text))


_REPORTING_VERB = re.compile(r"\b(?:said|says|told|according to)\b")
# A picture's credit after its caption: "Jars of … on a supermarket shelf in Doverel. (The Corley Standard)".
_CREDIT_AFTER = re.compile(r"\.\s*\(((?:[Tt]he )?[A-Z][\w'’&.-]*(?: [A-Z][\w'’&.-]*){0,4})\)\s*$")
# Or the photographer's name and the outlet or agency: "… against the Rapids. (Marisol Tern/Baseline Report)".
_PHOTOGRAPHER_CREDIT = re.compile(
    r"\.\s*\((?:[A-Z][\w'’.-]*\s){1,3}[A-Z][\w'’.-]*\s*/\s*[A-Z][\w'’&.-]*(?: [A-Z][\w'’&.-]*){0,4}\)\s*$"
)


def _mark_after_end(lines: Sequence[Line], reasons: list[str | None], ends_article: list[bool]) -> None:
    """After an end-of-article marker in the second half, the rest is chrome unless reporting resumes."""
    half = len(lines) // 2
    for i in range(half, len(lines)):
        if not ends_article[i]:
            continue
        rest = range(i + 1, len(lines))
        resumed = sum(1 for j in rest if is_reporting(lines[j], reasons[j]) and lines[j].words >= 20)
        if resumed >= 2:
            continue
        for j in rest:
            if reasons[j] is None:
                reasons[j] = "structure:after-article-end"
        return


def _mark_unpunctuated(lines: Sequence[Line], reasons: list[str | None]) -> None:
    """Short lines that end no sentence: chrome outside the reporting, runs of headlines, or subheads."""
    reporting = [i for i, line in enumerate(lines) if is_reporting(line, reasons[i])]
    first, last = (reporting[0], reporting[-1]) if reporting else (len(lines), -1)
    # After the reporting, a label or a counter ends no sentence either, whatever its language ("Pročitajte
    # još:", "Komentari (2)").
    short = [
        reasons[i] is None
        and lines[i].words <= 16
        and (
            not is_sentence_like(lines[i])
            or (i > last and lines[i].words <= 4 and bool(_LABEL_END.search(lines[i].text)))
        )
        for i in range(len(lines))
    ]
    for i in [*_list_items(lines, short, first, last), *_bullet_sentences(lines, reasons)]:
        short[i] = False
    for i, line in enumerate(lines):
        if not short[i]:
            continue
        in_run = (i > 0 and short[i - 1]) or (i + 1 < len(lines) and short[i + 1])
        if i < first or i > last:
            reasons[i] = "structure:outside-article"
        elif in_run:
            reasons[i] = "structure:headline-list"
        elif line.words <= 12:
            reasons[i] = "structure:subhead"


_LABEL_END = re.compile(r"(?::|\(\d+\))\s*$")
_BULLET = re.compile(r"^[•▪◦*–-]\s+\w")


def _bullet_sentences(lines: Sequence[Line], reasons: list[str | None]) -> list[int]:
    """Lines of eight words or more in a run of unpunctuated lines that has one too long for a headline (over
    16 words): a summary's bullet points, sentences without their full stops ("The coastguard says the vessel
    is stable but holed below the waterline")."""
    out: list[int] = []
    run: list[int] = []
    for i, line in enumerate([*lines, None]):
        if line is not None and reasons[i] is None and not is_sentence_like(line):
            run.append(i)
            continue
        if any(lines[j].words > 16 for j in run):
            out.extend(j for j in run if lines[j].words >= 8)
        run = []
    return out


def _list_items(lines: Sequence[Line], short: list[bool], first: int, last: int) -> list[int]:
    """Short lines inside the reporting that form a list of the article's own: bulleted, or consecutive
    lines that open alike ("Model TP-1700, …", "Model TP-1750, …"). Related headlines do neither."""
    items = [i for i in range(first, last + 1) if short[i] and _BULLET.match(lines[i].text.strip())]
    opening = [line.text.split()[0].lower() if line.text.split() else "" for line in lines]
    for i in range(first, last):
        if short[i] and short[i + 1] and opening[i] == opening[i + 1]:
            items.extend((i, i + 1))
    return sorted(set(items))
