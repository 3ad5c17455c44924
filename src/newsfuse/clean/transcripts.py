"""Broadcast transcripts: detect them, then repair what captioning loses.

Captions arrive lower-cased, with apostrophes turned into spaces ("that s", "don t"), speaker markers run
into the text ("dana: ..."), artefacts ("[inaudible]") and clips cut mid-word. The repair restores
apostrophes, drops artefacts and cut-off ends, and restores capitals: at sentence starts, for "I", and for
names, using how the other documents of the same cluster write each word ("lavrov" -> "Lavrov").

Every edit keeps the text length except removals, so offsets into the raw text stay exact.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from newsfuse.model import Removed

_N_T = r"don|doesn|didn|isn|wasn|aren|weren|can|couldn|won|wouldn|shouldn|haven|hasn|hadn|ain|mustn|needn"
_PRONOUN = r"we|you|they|who|what|there|that|where|how|he|she|it|i|let|would|could|should|might|must"
APOSTROPHE_LOSS = re.compile(
    rf"\b(?:(?:{_N_T}) (?=t\b)|i (?=m\b)|(?:{_PRONOUN}) (?=(?:re|ve|ll|d)\b)|[a-z]{{2,}} (?=s\b)|o (?=clock\b))"
)
_STRONG_LOSS = re.compile(rf"\b(?:(?:{_N_T}) t|(?:that|it|there|here|what|let) s|(?:we|you|they) re|i m)\b")
_ARTEFACT = (
    r"(?:\[(?:inaudible|crosstalk|unintelligible|indiscernible|laughter|laughs|applause|music|silence|"
    r"no audio|audio gap|break in audio|foreign language)[^\]]{0,30}\]|\((?:inaudible|crosstalk|"
    r"unintelligible)\)|>>+)"
)
ARTEFACT = re.compile(r"\s*" + _ARTEFACT, re.IGNORECASE)  # with the space before it, for removal
_ARTEFACT_ONLY = re.compile(_ARTEFACT, re.IGNORECASE)  # for counting: same matches, several times faster
SPEAKER_MARKER = re.compile(
    r"(?:(?<=^)|(?<=[.?!,]\s)|(?<=[.?!]\s\s))([a-z][a-z'-]{1,20}(?: [a-z][a-z'-]{1,20})?):\s+"
)
_TURN_START = re.compile(r"[a-z][a-z'-]{1,20}(?: [a-z][a-z'-]{1,20})?:\s")  # the next line's speaker
# A full stop ends a sentence unless it closes an abbreviation ("u.s.", "mr.", "p.m.").
SENTENCE_END = re.compile(
    r"(?<!\b[a-z]\.[a-z]\.)(?<!\b[a-z]\.[a-z])(?<!\bmr)(?<!\bmrs)(?<!\bms)(?<!\bdr)(?<!\bst)(?<!\bjr)(?<!\bsr)"
    r"(?<!\bgov)(?<!\bsen)(?<!\brep)(?<!\bgen)(?<!\bvs)[.?!][\"”’')\]]*(?=\s|$)",
    re.IGNORECASE,
)
_LETTER = re.compile(r"[^\W\d_]")
_UPPER = re.compile(r"[A-ZÀ-ÖØ-Þ]")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’.-]*[A-Za-z0-9]|[A-Za-z]")
_NAME_RUN = re.compile(r"[A-Z][\w.'’-]*(?:\s+(?:(?:of|for|and|in|the|on|de|al)\s+)?[A-Z][\w.'’-]*)+")
_POSSESSIVE = re.compile(r"['’]s\b")
_FUNCTION_WORDS = frozenset(
    "a an the and or but if of for in on at to by from with as is are was were be been it its us we you they "
    "he she i me him her them my our your their this that these those who what when where why how may will "
    "can could would should might must shall do does did not no so up out over all any some one new now".split()
)
_ALWAYS_CAPITALIZED = {
    d: d.capitalize()
    for d in (
        "monday tuesday wednesday thursday friday saturday sunday january february march april june july "
        "august september october november december"
    ).split()
}


@dataclass(frozen=True)
class Evidence:
    lowercase: bool
    apostrophe_losses: int
    artefacts: int
    speaker_markers: int

    @property
    def is_transcript(self) -> bool:
        signals = (self.apostrophe_losses >= 2) + (self.artefacts >= 1) + (self.speaker_markers >= 1)
        return (self.lowercase and signals >= 1) or self.artefacts >= 3

    def describe(self) -> str:
        found = [
            "lower-cased text" if self.lowercase else "",
            f"{self.apostrophe_losses} lost apostrophes" if self.apostrophe_losses else "",
            f"{self.artefacts} caption artefacts" if self.artefacts else "",
            f"{self.speaker_markers} speaker markers" if self.speaker_markers else "",
        ]
        return ", ".join(f for f in found if f)


def transcript_evidence(text: str) -> Evidence:
    """What marks ``text`` as captioned speech. Mixed-case text without caption artefacts is an article,
    which is decided from the cheap counts alone."""
    upper = len(_UPPER.findall(text))
    # letters <= len(text), so a text with this many capitals is mixed-case without counting its letters
    lowercase = upper < 0.01 * len(text) and upper < 0.01 * len(_LETTER.findall(text))
    artefacts = len(_ARTEFACT_ONLY.findall(text))
    if not lowercase and artefacts < 3:
        return Evidence(False, 0, artefacts, 0)
    return Evidence(
        lowercase=lowercase,
        apostrophe_losses=len(_STRONG_LOSS.findall(text)),
        artefacts=artefacts,
        speaker_markers=len(SPEAKER_MARKER.findall(text)),
    )


def case_vocabulary(texts: Iterable[str]) -> dict[str, str]:
    """How a cluster writes names: lower-case form -> capitalized form, for single words capitalized more
    often than not when they do not open a sentence, and for multi-word names ("organization for security
    and co-operation in europe"). Common function words ("us", "may") are never recased."""
    capitalized: dict[str, Counter[str]] = defaultdict(Counter)
    lower: Counter[str] = Counter()
    for text in texts:
        for m in _WORD.finditer(text):
            word = m.group()
            key = word.lower()
            if key in _FUNCTION_WORDS or _opens_sentence(text, m.start()):
                continue
            if word == key:
                lower[key] += 1
            elif not word.isupper() or len(word) <= 6 or "." in word:
                capitalized[key][word] += 1
                if _POSSESSIVE.search(word):  # a transcript loses the apostrophe: "aldrics" is "Aldric's"
                    capitalized[_POSSESSIVE.sub("s", key)][_POSSESSIVE.sub("s", word)] += 1
        for m in _NAME_RUN.finditer(text):
            words = m.group().split()
            if words[0].lower() in _FUNCTION_WORDS:
                words = words[1:]
            if len(words) >= 2:
                phrase = " ".join(words)
                capitalized[phrase.lower()][phrase] += 1
                if _POSSESSIVE.search(phrase):
                    capitalized[_POSSESSIVE.sub("s", phrase.lower())][_POSSESSIVE.sub("s", phrase)] += 1
    return {
        k: forms.most_common(1)[0][0] for k, forms in capitalized.items() if sum(forms.values()) > lower[k]
    }


def introduced_names(raw: str) -> dict[str, str]:
    """Full names a transcript's speakers are introduced by ("i m dana whitfield", "our reporter rick
    sandoval", then "dana:" / "rick:" turns), and guests introduced with what they are ("joining us now is
    michael bosser, a global affairs analyst"): lower-case form -> capitalized."""
    speakers = {m.group(1) for m in SPEAKER_MARKER.finditer(raw) if " " not in m.group(1)} - _FUNCTION_WORDS
    names: dict[str, str] = {}
    for m in _INTRODUCTION.finditer(raw):
        first, last = m.group(1), m.group(2)
        if first in speakers and last not in _FUNCTION_WORDS:
            names[f"{first} {last}"] = f"{first.capitalize()} {last.capitalize()}"
            names[last] = last.capitalize()
    guests = (*_GUEST.finditer(raw), *INTERVIEWEE.finditer(raw))
    for m in guests:  # a guest is named with what they are: no turn marker needed
        first, last = m.group(1).lower(), m.group(2).lower()
        if first not in _FUNCTION_WORDS and last not in _FUNCTION_WORDS:
            names[f"{first} {last}"] = name_case(f"{first} {last}")
    for m in _TALKED_TO.finditer(raw):  # "talking to hester okafor whos …", then "okafor:" speaks
        first, last = m.group(1), m.group(2)
        if last in speakers and first not in _FUNCTION_WORDS:
            names[f"{first} {last}"] = f"{first.capitalize()} {last.capitalize()}"
            names[last] = last.capitalize()
    return names


def misheard_names(raw: str, vocabulary: Mapping[str, str]) -> dict[str, str]:
    """Two lower-case words of a transcript that sound like a two-word name the cluster writes: captioning
    spells a name by ear ("cormack haldein" for Cormac Haldane, "elsbeth marwood" for Elspeth Marwood).
    Each word begins as the name's word does and is like it, and the pair is within a few letters of the
    name (rapidfuzz ratio >= 80): lower-case form -> the same words capitalized, spelled as heard."""
    by_initials: dict[tuple[str, str], set[str]] = defaultdict(set)
    for form in vocabulary.values():
        words = form.split()[-2:]  # a name after its title ("Mayor Cormac Haldane")
        if len(words) == 2 and all(_NAME_WORD.fullmatch(w) for w in words):
            first, second = (w.lower() for w in words)
            by_initials[(first[0], second[0])].add(f"{first} {second}")
    found: dict[str, str] = {}
    for m in _WORD_PAIR.finditer(raw):
        first, second = m.group(1), m.group(2)
        phrase = f"{first} {second}"
        if phrase in vocabulary or phrase in found or first in _FUNCTION_WORDS or second in _FUNCTION_WORDS:
            continue
        for name in sorted(by_initials.get((first[0], second[0]), ())):
            name_first, name_second = name.split()
            alike = (
                fuzz.ratio(phrase, name) >= MISHEARD_NAME
                and fuzz.ratio(first, name_first) >= MISHEARD_WORD
                and fuzz.ratio(second, name_second) >= MISHEARD_WORD
            )
            # the surname as written and a first name only half caught ("rory petrakis" for Ruairi Petrakis)
            surname_caught = (
                second == name_second
                and first[0] == name_first[0]
                and fuzz.ratio(first, name_first) >= MISHEARD_FIRST_NAME
            )
            if phrase != name and (alike or surname_caught):  # "leisure centre" is no name by ear
                found[phrase] = f"{first.capitalize()} {second.capitalize()}"
                break
    return found


MISHEARD_NAME = 80  # rapidfuzz ratio of a name heard ("cormack haldein") and a name written (Cormac Haldane)
MISHEARD_WORD = 60  # and of each of its two words
MISHEARD_FIRST_NAME = 40  # of a first name heard beside a surname heard right, with the same initial
_NAME_WORD = re.compile(r"[A-Z][a-z]{2,}")  # a hyphenated surname is heard as two words: see entities
_WORD_PAIR = re.compile(r"\b(?=([a-z][a-z-]{2,}) ([a-z][a-z-]{2,})\b)")


_INTRODUCTION = re.compile(
    r"\b(?:i m|i am|this is|reporter|correspondent|anchor|host|presenter|editor)\s+([a-z]{2,})\s+([a-z]{2,})\b"
)
# A guest introduced with a description: "joining us now is michael bosser, a global affairs analyst".
_GUEST = re.compile(
    r"\b(?:joining us(?: now)?(?: is)?|joined (?:now )?by|with me (?:now )?is|welcome(?: back)?,?)\s+"
    r"([a-z]{2,})\s+([a-z]{2,})(?=,\s+(?:a|an|the|who|our)\b)"
)


# Someone a reporter spoke to, named between commas after what they are: "i spoke to one fan, tomas brennick,
# who was in that queue", "one of them, dominic farrow-hale, went to the wedding with his wife". What follows
# in the reporter's turn, in the first person, is theirs.
INTERVIEWEE = re.compile(
    r"\b(?:(?i:spoke|talked|speaking|talking) (?i:to|with) (?i:one|a|an|another) [a-z]+(?: [a-z]+)?"
    r"|(?i:one of them)),\s+([A-Za-z][a-z]+)\s+([A-Za-z][a-z]+(?:-[A-Za-z][a-z]+)?),\s+[a-z]+\b"
)


# Someone a reporter talked to, named and then described ("ive also been talking to hester okafor whos
# volunteered here for twenty years"): a name when the surname then speaks as a turn's marker.
_TALKED_TO = re.compile(
    r"\b(?:spoke|talked|speaking|talking) (?:to|with) ([a-z]{2,}) ([a-z]{2,}),? (?:who|whos|who's|who is)\b"
)


def name_case(name: str) -> str:
    """ "dominic farrow-hale" -> "Dominic Farrow-Hale"."""
    return " ".join("-".join(part.capitalize() for part in word.split("-")) for word in name.split())


def _opens_sentence(text: str, pos: int) -> bool:
    """At a sentence or quotation start: words there are capitalized whatever they are."""
    before = text[max(0, pos - 4) : pos].rstrip(" ")
    return not before or before[-1] in ".?!:\n\"“‘'("


@dataclass(frozen=True)
class Repaired:
    """A transcript line after repair: kept ``(raw_start, raw_end, text)`` pieces and removed spans."""

    pieces: tuple[tuple[int, int, str], ...]
    removed: tuple[Removed, ...]


def repair_line(raw: str, start: int, end: int, vocabulary: Mapping[str, str]) -> Repaired:
    """Repair one transcript line ``raw[start:end]`` (one clip or turn)."""
    chars = list(raw[start:end])  # this line's characters only: chars[i - start] is raw[i]
    removals: list[tuple[int, int, str]] = []
    starts: set[int] = set()
    line = raw[start:end]
    for m in ARTEFACT.finditer(line):
        removals.append((start + m.start(), start + m.end(), "transcript:artefact"))
    speakers = {}
    for m in SPEAKER_MARKER.finditer(line):
        removals.append((start + m.start(), start + m.end(), "transcript:speaker-marker"))
        starts.add(start + m.end())
        for name in re.split(r"[\s-]+", m.group(1)):
            if name not in _FUNCTION_WORDS:
                speakers[name] = name.capitalize()
    vocabulary = {**speakers, **vocabulary}
    for m in APOSTROPHE_LOSS.finditer(line):
        chars[m.end() - 1] = "'"
    handed_over = bool(_TURN_START.match(raw, end + len(raw[end:]) - len(raw[end:].lstrip())))
    _cut_fragments(line, start, removals, _word_counts(raw) if handed_over else None)
    removals = _merge(removals)
    kept = _kept_ranges(raw, start, end, removals)
    starts.update(a for a, _ in kept[:1])
    for m in SENTENCE_END.finditer(line):
        starts.add(start + m.end())
    _recase(raw, chars, start, kept, starts, vocabulary)
    pieces = tuple((a, b, "".join(chars[a - start : b - start])) for a, b in kept)
    removed = tuple(Removed(a, b, reason, raw[a:b]) for a, b, reason in removals)
    return Repaired(pieces, removed)


def _cut_fragments(
    line: str, offset: int, removals: list[tuple[int, int, str]], words: Mapping[str, int] | None
) -> None:
    """A clip cut off at its end, and a stub of at most 4 words before its first full stop. A turn the next
    line's speaker takes over (``words``: the transcript's word counts) only lacks its full stop when it
    ends on a whole word ("… of the lesk valley constabulary", then "abodarin fairweather: …"); it stops
    short on a function word ("… and the ones with the") or a word cut in two ("… and a littl", where the
    transcript writes "little")."""
    ends = list(SENTENCE_END.finditer(line))
    if not ends:
        return
    tail_start = ends[-1].end()
    tail = re.findall(r"[a-z]+", line[tail_start:].lower())
    if tail and (words is None or _stops_short(tail[-1], words)):
        removals.append((offset + tail_start, offset + len(line), "transcript:cut-off"))
    head = line[: ends[0].end()]
    if len(head.split()) <= 4 and len(ends) > 1:
        removals.append((offset, offset + ends[0].end(), "transcript:clip-fragment"))


def _stops_short(last: str, words: Mapping[str, int]) -> bool:
    return last in _FUNCTION_WORDS or (
        words.get(last, 0) <= 1 and any(w.startswith(last) and w != last for w in words)
    )


@lru_cache(maxsize=8)
def _word_counts(raw: str) -> Counter[str]:
    return Counter(re.findall(r"[a-z]+", raw.lower()))


def _merge(removals: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    merged: list[tuple[int, int, str]] = []
    for a, b, reason in sorted(removals):
        if merged and a <= merged[-1][1]:
            pa, pb, preason = merged[-1]
            merged[-1] = (pa, max(pb, b), preason)
        else:
            merged.append((a, b, reason))
    return merged


def _kept_ranges(
    raw: str, start: int, end: int, removals: list[tuple[int, int, str]]
) -> list[tuple[int, int]]:
    """The parts of ``raw[start:end]`` between removals, without spaces left at the line's two ends."""
    kept, pos = [], start
    for a, b, _ in removals:
        if a > pos:
            kept.append((pos, a))
        pos = max(pos, b)
    if pos < end:
        kept.append((pos, end))
    if kept:
        a, b = kept[0]
        kept[0] = (a + len(raw[a:b]) - len(raw[a:b].lstrip()), b)
        a, b = kept[-1]
        kept[-1] = (a, b - (len(raw[a:b]) - len(raw[a:b].rstrip())))
    return [(a, b) for a, b in kept if b > a]


def _recase(
    raw: str,
    chars: list[str],
    base: int,
    kept: list[tuple[int, int]],
    starts: set[int],
    vocabulary: Mapping[str, str],
) -> None:
    """Recase the kept ranges in ``chars``, which holds ``raw`` from offset ``base`` on."""
    ordered = sorted(starts)
    names = _name_pattern(vocabulary)
    for a, b in kept:
        current = "".join(chars[a - base : b - base]).lower()
        if names is not None:
            for m in names.finditer(current):
                form = vocabulary[m.group()]
                if len(form) == len(m.group()):
                    chars[a - base + m.start() : a - base + m.end()] = list(form)
        segment = "".join(chars[a - base : b - base])
        for m in _WORD.finditer(segment):
            word, at = m.group(), a + m.start()
            cased = _case_word(word, vocabulary) if word.islower() else word
            i = bisect.bisect_right(ordered, at) - 1
            if i >= 0 and not raw[ordered[i] : at].strip(" \"“‘'("):
                cased = cased[:1].upper() + cased[1:]
            if len(cased) == len(word):
                chars[at - base : at - base + len(word)] = list(cased)


def _name_pattern(vocabulary: Mapping[str, str]) -> re.Pattern[str] | None:
    phrases = sorted((k for k in vocabulary if " " in k), key=len, reverse=True)
    if not phrases:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")


def _case_word(word: str, vocabulary: Mapping[str, str]) -> str:
    lower = word.lower()
    base, suffix = (lower[:-2], word[-2:]) if lower.endswith(("'s", "’s")) else (lower, "")
    if base == "i" or base.startswith(("i'", "i’")):
        return "I" + word[1:]
    if base in _FUNCTION_WORDS:
        return word
    if base in vocabulary:
        return vocabulary[base] + suffix
    if base in _ALWAYS_CAPITALIZED:
        return _ALWAYS_CAPITALIZED[base] + suffix
    if "-" in base:
        parts = word.split("-")
        return "-".join(vocabulary.get(p.lower(), p) for p in parts)
    return word
