"""Quotes: speakers resolved to actors, the same quotation merged across documents, variants flagged.

A speaker written as a name is the actor that name belongs to. "he"/"she"/"they" is the person the
paragraph names last before the quote; else the person the paragraph just before has say something,
directly or through a pronoun ("Gwen Halloran, who runs the post office, said …" / "Ilse Vandermeer met
investigators. She said …", then "“…,” she said."), or else opens with ("Dilys Carrow, who has run the
bakery, watched …"); else the speaker of the previous quotation in the same document when it is at most
two paragraphs back. "the chief" is the one actor whose
role is a chief. Anything else ambiguous stays unknown rather than guessed.

Two quotations are the same when their content words overlap enough (Jaccard >= 0.5, or the shorter one
mostly inside the longer: a partial quote). Wordings that differ in meaning-bearing words — numbers, negation,
names — are flagged, and one quotation attributed to different people by independent sources is a
disagreement.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from newsfuse.extract.quotes import QuoteMention
from newsfuse.model import Actor, Claim, Disagreement, Document, Mention, Quote, QuoteVariant, Span
from newsfuse.provenance import Provenance
from newsfuse.represent import STOPWORDS

SAME_QUOTE, PART_OF_QUOTE, PART_CONTENT = 0.5, 0.7, 0.5
_WORD = re.compile(r"[a-z0-9]+(?:[’'][a-z]+)?")
_NUMBER = re.compile(
    r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"hundred|thousand|million|billion)\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(r"\b(?:not|no|never|nobody|nothing|none|cannot)\b|n[’']t\b", re.IGNORECASE)
_PRONOUNS = {"he", "she", "they"}
_SPEECH = r"(?:said|says|told|added|explained|announced|stated|insisted|wrote|warned|argued|asked)"
# After a name: it speaks in its own sentence, or the next sentence has a pronoun speak ("Ilse Vandermeer met
# the investigators. She said…").
_SPEAKS = re.compile(
    rf"[^.!?“”\"]{{0,80}}?\b{_SPEECH}\b|[^.!?“”\"]{{0,160}}[.!?]\s+(?:He|She|They)\s+{_SPEECH}\b"
)


def resolve_quotes(
    quotes: Sequence[QuoteMention],
    mentions: Sequence[Mention],
    actor_of: dict[int, str],
    actors: Sequence[Actor],
    docs: Sequence[Document],
    provenance: Provenance,
) -> tuple[list[Quote], list[Disagreement]]:
    speakers = _speakers(quotes, mentions, actor_of, actors, {d.id: d.text for d in docs})
    names = {a.id: a.name for a in actors}
    order = {d.id: i for i, d in enumerate(docs)}
    groups = _merge(quotes)
    merged, conflicts = [], []
    for members in groups:
        merged.append(_quote(members, quotes, speakers, names, provenance, order))
        conflict = _speaker_conflict(members, quotes, speakers, names, provenance)
        if conflict:
            conflicts.append(conflict)

    def rank(q: Quote) -> tuple[int, int, int]:
        first = min(order.get(s.doc_id, 0) for s in q.support)
        return (-provenance.independent({s.doc_id for s in q.support}), q.speaker is None, first)

    return sorted(merged, key=rank), conflicts


def _speakers(
    quotes: Sequence[QuoteMention],
    mentions: Sequence[Mention],
    actor_of: dict[int, str],
    actors: Sequence[Actor],
    texts: dict[str, str],
) -> list[str | None]:
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        by_doc[m.doc_id].append(i)
    people = [a for a in actors if a.type == "PERSON"]
    out: list[str | None] = []
    last: dict[str, tuple[int, str]] = {}  # doc -> (paragraph, speaker) of the previous attributed quote
    for q in quotes:
        who = (q.who or "").strip()
        speaker: str | None = None
        if not who:
            speaker = None
        elif who.lower() in _PRONOUNS:
            previous = last.get(q.doc_id)
            text = texts.get(q.doc_id, "")
            speaker = _last_person_in_paragraph(q, text, by_doc[q.doc_id], mentions, actor_of, people)
            if speaker is None and text:
                speaker = _speaker_just_before(q, text, by_doc[q.doc_id], mentions, actor_of, people)
            if speaker is None and previous and 0 <= q.paragraph - previous[0] <= 2:
                speaker = previous[1]
        elif who.lower().startswith("the ") and who[4:5].islower():
            speaker = _by_role(who[4:], actors)
        else:
            speaker = _named_in_span(q, by_doc[q.doc_id], mentions, actor_of) or _by_name(who, actors)
        if speaker and not q.transcript:
            last[q.doc_id] = (q.paragraph, speaker)
        out.append(speaker)
    return out


def _named_in_span(
    q: QuoteMention, candidates: list[int], mentions: Sequence[Mention], actor_of: dict[int, str]
) -> str | None:
    """The actor of the last name inside the written attribution, a person if there is one ("U.S.
    National Security Adviser Jake Sullivan" -> the actor of "Jake Sullivan")."""
    if q.who_start is None or not q.who:
        return None
    end = q.who_start + len(q.who)
    inside = [i for i in candidates if q.who_start <= mentions[i].start < end and i in actor_of]
    people = [i for i in inside if mentions[i].type == "PERSON"]
    chosen = people or inside
    return actor_of[chosen[-1]] if chosen else None


def _last_person_in_paragraph(
    q: QuoteMention,
    text: str,
    candidates: list[int],
    mentions: Sequence[Mention],
    actor_of: dict[int, str],
    people: Sequence[Actor],
) -> str | None:
    """ "Mayor Okonkwo-Lind said … “…,” she said.": of the people named before the quote in its paragraph,
    the last one who says something there ("Tallis said the master, Captain Solheim, had reported a fault.
    “We will not speculate,” she said." is Tallis), else the last one named."""
    ids = {p.id for p in people}
    before = [
        i for i in candidates if q.paragraph_start <= mentions[i].start < q.start and actor_of.get(i) in ids
    ]
    speaking = [i for i in before if _SPEAKS.match(text, mentions[i].end, q.start)]
    chosen = speaking or before
    return actor_of[chosen[-1]] if chosen else None


def _speaker_just_before(
    q: QuoteMention,
    text: str,
    candidates: list[int],
    mentions: Sequence[Mention],
    actor_of: dict[int, str],
    people: Sequence[Actor],
) -> str | None:
    """When the quote opens its paragraph: the last person the previous paragraph has saying something, else
    the person that paragraph opens with ("Dilys Carrow, who has run the bakery for 22 years, watched…"),
    else the one person it names ("Its chief executive, Marguerite Ollerenshaw, asked the board…",
    "Detective Superintendent Aboderin-Fairweather called the arrests …")."""
    if text[q.paragraph_start : q.start].strip(" “\"'‘"):
        return None
    end = len(text[: q.paragraph_start].rstrip())
    start = text.rfind("\n", 0, end) + 1
    ids = {p.id for p in people}
    named = [i for i in candidates if start <= mentions[i].start < end and actor_of.get(i) in ids]
    speaking = [i for i in named if _SPEAKS.match(text, mentions[i].end, end)]
    if speaking:
        return actor_of[speaking[-1]]
    opening = [i for i in named if not text[start : mentions[i].start].strip()]
    if opening:
        return actor_of[opening[0]]
    full = {p.id for p in people if " " in p.name}  # "Aboderin-Fairweather" is Constant's, "Warren" no one's
    people_named = {actor_of[i] for i in named if actor_of[i] in full}
    return people_named.pop() if len(people_named) == 1 else None


def _by_role(role: str, actors: Sequence[Actor]) -> str | None:
    head = role.split()[-1].lower()
    matches = [a.id for a in actors if any(head in r.split() for r in a.roles)]
    if not matches and head in {"company", "firm", "office", "agency", "department", "ministry"}:
        matches = [a.id for a in actors if a.type == "ORG" and head in a.name.lower()]
    return matches[0] if len(matches) == 1 else None


def _by_name(who: str, actors: Sequence[Actor]) -> str | None:
    """A written name (or a transcript's lower-case marker) matched to one actor's name or aliases."""
    text = who.lower().replace("-", " ")
    hits = set()
    for actor in actors:
        spellings = [actor.name, *(a.name for a in actor.aliases)]
        for spelling in spellings:
            low = spelling.lower().replace("-", " ")  # a transcript writes "Adebayo-Strand" "adebayo strand"
            surname = low.split(maxsplit=1)[-1]
            if (
                low == text
                or text in low.split()
                or fuzz.ratio(low, text) >= 90
                or fuzz.ratio(surname, text) >= 90
            ):
                hits.add(actor.id)
    return next(iter(hits)) if len(hits) == 1 else None


def _merge(quotes: Sequence[QuoteMention]) -> list[list[int]]:
    # A partial quotation ("climbed back into a wrecked tram car") is mostly inside the longer one, and at
    # least half its content words too: "It was a camera" is no part of "It was almost like a huge party".
    every = [set(_WORD.findall(q.text.lower())) for q in quotes]
    words = [w - STOPWORDS for w in every]
    parent = list(range(len(quotes)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(quotes)):
        for j in range(i + 1, len(quotes)):
            a, b = words[i], words[j]
            shared = len(a & b)
            if not shared:
                continue
            short = min((i, j), key=lambda k: len(every[k]))
            inside = len(every[i] & every[j]) / len(every[short])
            if shared / len(a | b) >= SAME_QUOTE or (
                inside >= PART_OF_QUOTE and shared >= 2 and shared / len(words[short]) >= PART_CONTENT
            ):
                parent[root(i)] = root(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(quotes)):
        groups[root(i)].append(i)
    return list(groups.values())


def _quote(
    members: list[int],
    quotes: Sequence[QuoteMention],
    speakers: list[str | None],
    names: dict[str, str],
    provenance: Provenance,
    order: dict[str, int],
) -> Quote:
    def preference(i: int) -> tuple[bool, bool, int]:
        q = quotes[i]
        return (q.doc_id in provenance.derivatives, q.transcript, order.get(q.doc_id, 0))

    lead = min(members, key=preference)
    votes = Counter(speakers[i] for i in members if speakers[i])
    speaker = votes.most_common(1)[0][0] if votes else None
    wordings: dict[str, list[int]] = defaultdict(list)
    for i in members:
        wordings[" ".join(_WORD.findall(quotes[i].text.lower()))].append(i)
    lead_key = " ".join(_WORD.findall(quotes[lead].text.lower()))
    variants = tuple(
        QuoteVariant(
            quotes[ids[0]].text,
            tuple(_span(quotes[i]) for i in ids),
            _differences(quotes[lead].text, quotes[ids[0]].text),
        )
        for key, ids in wordings.items()
        if key != lead_key
    )
    support = tuple(_span(quotes[i]) for i in sorted(members, key=preference))
    return Quote(quotes[lead].text, speaker, names.get(speaker) if speaker else None, support, variants)


def _differences(a: str, b: str) -> tuple[str, ...]:
    """The meaning-bearing ways wording ``b`` differs from ``a`` where the two overlap: words replaced
    or dropped inside the shared stretch, not the parts a shorter, partial quote leaves out."""
    words_a, words_b = a.split(), b.split()
    key = lambda w: re.sub(r"\W", "", w.lower())  # noqa: E731
    matcher = SequenceMatcher(None, [key(w) for w in words_a], [key(w) for w in words_b], autojunk=False)
    ops = matcher.get_opcodes()
    changed_a: list[str] = []
    changed_b: list[str] = []
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal" or (
            tag != "replace" and k in (0, len(ops) - 1)
        ):  # a longer quote, not a different one
            continue
        changed_a += words_a[i1:i2]
        changed_b += words_b[j1:j2]
    text_a, text_b = " ".join(changed_a), " ".join(changed_b)
    out = []
    numbers_a, numbers_b = set(_NUMBER.findall(text_a.lower())), set(_NUMBER.findall(text_b.lower()))
    if numbers_a | numbers_b == {"one"} and re.search(r"\b(?:a|an)\b", f"{text_a} {text_b}", re.IGNORECASE):
        numbers_a = numbers_b = set()  # "not one penny" / "not a penny": no number said differently
    if numbers_a != numbers_b:
        out.append(
            f"numbers: {', '.join(sorted(numbers_a)) or 'none'} vs {', '.join(sorted(numbers_b)) or 'none'}"
        )
    if bool(_NEGATION.search(text_a)) != bool(_NEGATION.search(text_b)):
        out.append("negation")
    names_a, names_b = (set(re.findall(r"\b[A-Z][a-z]+", t)) - _CAPITALIZED_WORDS for t in (text_a, text_b))
    if names_a != names_b:
        out.append(f"names: {', '.join(sorted(names_a ^ names_b))}")
    return tuple(out)


# Words capitalized by their place at a sentence's start, not names ("That is…" / "This is…").
_CAPITALIZED_WORDS = frozenset(
    "A An The This That These Those It Its He She They We I You Our Their His Her There Here And But So Or "
    "If When While As Now Then What Who How Why Not No Yes Every Everyone Nobody Some Many".split()
)


def _speaker_conflict(
    members: list[int],
    quotes: Sequence[QuoteMention],
    speakers: list[str | None],
    names: dict[str, str],
    provenance: Provenance,
) -> Disagreement | None:
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for i in members:
        if speakers[i]:
            by_speaker[speakers[i]].append(i)  # type: ignore[index]
    _join_one_persons_names(by_speaker, names)
    # Two or three people credited: a real dispute. More: our merge or attribution went wrong somewhere.
    if not 2 <= len(by_speaker) <= MAX_DISPUTED_SPEAKERS:
        return None
    groups = [provenance.independent({quotes[i].doc_id for i in ids}) for ids in by_speaker.values()]
    all_groups = provenance.independent({quotes[i].doc_id for ids in by_speaker.values() for i in ids})
    if all_groups < 2 or min(groups) < 1:
        return None
    text = quotes[members[0]].text
    claims = tuple(
        Claim(
            f"{names.get(speaker, speaker)} said it",
            tuple(_span(quotes[i]) for i in ids),
            tuple(dict.fromkeys(quotes[i].doc_id for i in ids)),
        )
        for speaker, ids in by_speaker.items()
    )
    short = " ".join(text.split()[:10]) + ("…" if len(text.split()) > 10 else "")
    return Disagreement(f"who said “{short}”", "speaker", claims)


MAX_DISPUTED_SPEAKERS = 3


def _join_one_persons_names(by_speaker: dict[str, list[int]], names: dict[str, str]) -> None:
    """Speakers whose names one contains the other's are one person the actors kept apart ("Chuck Rosenberg"
    and "DEA Acting Administrator Chuck Rosenberg", "Mohammed" and "Mohammad Bin Salman", "Powell Sr" and
    "Todd Powell")."""

    def words(speaker: str) -> list[str]:
        return [w for w in names.get(speaker, speaker).lower().split() if w.rstrip(".,") not in _GENERATIONS]

    for a in list(by_speaker):
        for b in list(by_speaker):
            if a == b or a not in by_speaker or b not in by_speaker or len(words(a)) > len(words(b)):
                continue
            if all(any(fuzz.ratio(w, x) >= SAME_WORD for x in words(b)) for w in words(a)):
                by_speaker[b].extend(by_speaker.pop(a))


SAME_WORD = 85
_GENERATIONS = frozenset("sr jr ii iii iv".split())


def _span(q: QuoteMention) -> Span:
    return Span(q.doc_id, q.start, q.end)
