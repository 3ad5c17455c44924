"""Actors: mentions grouped into people, organisations and places, each under one canonical name.

People are matched across spellings in three steps. Full names join when they are nearly the same string
(rapidfuzz ratio >= 85: "Jen Saki" / "Jen Psaki", "Teresa Okonko Lind" / "Teresa Okonkwo-Lind"; >= 80 for a
transcript's spelling by ear, "Cormack Haldein" / "Cormac Haldane"), or when
they share a first name and a role ("fire chief Daniel Swamp" / "Fire Chief Daniel Marsh": a
machine-translated surname). A surname alone joins the person whose surname it is or nearly is
("Marsch" -> Marsh); a garbled one ("Brov" for Lavrov) only when the same document names that person and
the spellings end alike. A first name alone joins the person its document names in full ("Dana"); a
one-word "person" that is part of one place's or organisation's name joins it ("Halvorsen" for Halvorsen
Chemicals, "Vessen" for the River Vessen). The canonical name is the full name most independent sources
use, one an original document writes before a translation's or a spinner's.

Places and bodies join by one key for their spellings (``name_key``), whatever type each document's tagger
gave them; an acronym joins the one body whose initials it is, a short form or a reordering of a body's
name joins that body. Last, a name written only in a spun or translated copy joins the name of the original
it stands for, read off the copy's sentences aligned with the original's ("Harriet Kueyl" in a machine
translation for Harriet Quayle).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from newsfuse.clean.patterns import OUTLET_WORDS
from newsfuse.clean.transcripts import MISHEARD_FIRST_NAME, MISHEARD_NAME
from newsfuse.extract.entities import initials, is_body_word
from newsfuse.model import Actor, Alias, Mention, Sentence, Span
from newsfuse.provenance import SENTENCE_MATCH, Provenance, dice
from newsfuse.represent import content_terms, stem

SAME_NAME = 85  # rapidfuzz ratio for two spellings of one full name
SAME_SURNAME = 80  # for a surname written alone
GARBLED_SURNAME = 60  # for a surname alone, with the same-document and same-ending evidence
COPIED_ALIKE = 50  # rapidfuzz ratio (or token-sort ratio) for a copy's name and the original's it stands for


@dataclass
class _Group:
    type: str
    names: Counter[str] = field(default_factory=Counter)
    mentions: list[Mention] = field(default_factory=list)
    roles: Counter[str] = field(default_factory=Counter)

    def add(self, mention: Mention) -> None:
        self.names[mention.text] += 1
        self.mentions.append(mention)
        if mention.role:
            self.roles[mention.role] += 1

    @property
    def full_names(self) -> list[str]:
        return [n for n in self.names if len(n.split()) >= 2]

    def surnames(self) -> set[str]:
        return {n.split()[-1].lower() for n in self.full_names}


def resolve_actors(
    mentions: Sequence[Mention],
    provenance: Provenance,
    copied: Mapping[int, int] | None = None,
    misheard: frozenset[str] = frozenset(),
    outlets: frozenset[str] = frozenset(),
) -> tuple[list[Actor], dict[int, str]]:
    """Actors, most mentioned first, and for each mention (by position in ``mentions``) its actor id.
    ``copied`` maps a mention in a rewritten copy to the mention of its original it stands for
    (``copied_names``); ``misheard`` are the documents that spell names by ear (broadcast transcripts);
    ``outlets`` are the names of the sources' outlets, which a text may call by their last word ("the
    Chronicle")."""
    people = [i for i, m in enumerate(mentions) if m.type == "PERSON"]
    groups: list[_Group] = []
    member: dict[int, int] = {}
    part_of = _names_with_parts(mentions)
    within: dict[int, tuple[str, str]] = {}  # one-word "people" that are part of a place's or body's name
    # Full names first, a hyphenated one before a transcript's spelling of its parts ("Adebayo Strand"), a
    # name spelled by ear after every written spelling it may sound like
    for i in sorted(
        people, key=lambda i: (-len(re.split(r"[\s-]+", mentions[i].text)), mentions[i].doc_id in misheard)
    ):
        m = mentions[i]
        if len(m.text.split()) >= 2:
            g = _match_person(m, groups, heard=m.doc_id in misheard)
        else:
            outlet = _outlet_called(m.text, outlets)
            if outlet:  # "the Chronicle reported": the outlet, not a person
                within[i] = ("ORG", name_key(outlet))
                continue
            g = _match_surname(m, groups)
            if g is None and m.text in part_of:
                within[i] = part_of[m.text]
                continue
            g = _match_first_name(m, groups) if g is None else g
        if g is None:
            groups.append(_Group("PERSON"))
            g = len(groups) - 1
        groups[g].add(m)
        member[i] = g
    by_name: dict[tuple[str, str], int] = {}
    for i, m in enumerate(mentions):
        if m.type == "PERSON" and i not in within:
            continue
        # "Okonkwo-Lind" tagged ORG; a transcript's "Olu Brackley" tagged ORG
        person = _person_named(m, groups, heard=m.doc_id in misheard) if i not in within else None
        if person is not None:
            groups[person].add(m)
            member[i] = person
            continue
        outlet = _outlet_called(m.text, outlets)
        key = within.get(i) or (("ORG", name_key(outlet)) if outlet else None)
        if key is None and m.type == "ORG":
            key = part_of.get(m.text)  # "Halvorsen" for "Halvorsen Chemicals"
        key = key or (m.type, name_key(m.text))
        if key not in by_name:
            by_name[key] = len(groups)
            groups.append(_Group(key[0]))  # a one-word "person" in a body's name is of the body's type
            if outlet:
                groups[-1].names[outlet] += 0  # named in full though the text says "the Chronicle"
        groups[by_name[key]].add(m)
        member[i] = by_name[key]
    _join_types(groups, member, by_name)
    _join_acronyms(groups, member)
    _join_short_forms(groups, member)
    _join_copied(groups, member, copied or {}, mentions, provenance)
    _join_misheard(groups, member, misheard)
    order = {id(m): i for i, m in enumerate(mentions)}
    for group in groups:  # each actor's mentions in reading order, whichever order they were matched in
        group.mentions.sort(key=lambda m: order[id(m)])
    groups_used = sorted(set(member.values()))
    ranked = sorted(groups_used, key=lambda g: _weight(groups[g], provenance), reverse=True)
    ids = {g: f"a{rank + 1}" for rank, g in enumerate(ranked)}
    actors = [_actor(ids[g], groups[g], provenance, misheard) for g in ranked]
    return actors, {i: ids[g] for i, g in member.items()}


# The few abbreviations news uses for the same country or body as its full name.
_SAME_PLACE = {
    "us": "united states",
    "usa": "united states",
    "uk": "united kingdom",
    "eu": "european union",
    "un": "united nations",
    "uae": "united arab emirates",
}


def place_key(name: str) -> str:
    """ "the U.S." and "US" and "United States" are one key; possessives go."""
    key = name.lower().removesuffix("'s").removesuffix("’s").replace(".", "").strip()
    key = key.removeprefix("the ")
    return _SAME_PLACE.get(key, key)


_ISLE_OF = re.compile(r"^(?:isle|island) of ")
_WATER_AFTER = re.compile(r" (river|lake)$")


def name_key(name: str) -> str:
    """One key for the ways sources write one place or body: "Isle of Vesk" and "Vesk"; "Department of
    Justice" and "Justice Department" (a machine translation's "coast guard of Northmoor" and "Northmoor
    Coastguard"); "Strathey Island Ferry" and "… Ferries"; "Caddon River" and "River Caddon". Words are
    stemmed and joined without spaces."""
    key = _ISLE_OF.sub("", place_key(name))
    water = _WATER_AFTER.search(key)
    if water:  # "Caddon River" is the "River Caddon"
        key = f"{water[1]} {key[: water.start()]}"
    head, of, tail = key.rpartition(" of ")
    if of and head and " " not in tail:
        key = f"{tail} {head}"
    return "".join(stem(word) for word in key.split())


def _join_acronyms(groups: list[_Group], member: dict[int, int]) -> None:
    """An organisation written as an acronym ("MCIB") joins the one organisation whose initials it is
    ("Marine Casualty Investigation Branch")."""
    owners_of: dict[str, list[int]] = defaultdict(list)
    for g, group in enumerate(groups):
        if group.type == "ORG":
            for name in group.full_names:
                letters = initials(name)
                if len(letters) >= 2 and g not in owners_of[letters]:
                    owners_of[letters].append(g)
    for g, group in enumerate(groups):
        if group.type != "ORG" or group.full_names or not all(n.isupper() for n in group.names):
            continue
        owners = {o for n in group.names for o in owners_of.get(n, [])}
        if len(owners) == 1:
            _move(groups, member, g, owners.pop())


def _join_short_forms(groups: list[_Group], member: dict[int, int]) -> None:
    """Bodies whose names have the same words in another order ("National Office for Digital Defence", a
    translation's "National Digital Defence Office") are one; then a body written without its last words
    ("St Brennan's" for St Brennan's Hospital, "Wrenmouth Valley Health" for … Health Group, even where a
    tagger took it for a place) joins the one organisation with that fuller name."""
    by_words: dict[frozenset[str], set[int]] = defaultdict(set)
    for g, group in enumerate(groups):
        if group.type == "ORG":
            for name in group.full_names:
                by_words[_content_words(name)].add(g)
    for same in by_words.values():
        alive = sorted((g for g in same if groups[g].names), key=lambda g: -len(groups[g].mentions))
        for g in alive[1:]:
            _move(groups, member, g, alive[0])
    for g, group in enumerate(groups):
        if group.type not in ("ORG", "GPE") or not group.names:
            continue
        owners = {
            h
            for name in group.names
            if len(_words(name)) >= 2  # "Wrenmouth" is the town, not Wrenmouth Police
            for h, other in enumerate(groups)
            if h != g and other.type in ("ORG", "GPE")
            for full in other.full_names
            if _extends(full, name, group.type, other.type)
        }
        if len(owners) == 1:
            _move(groups, member, g, owners.pop())
    # A body called by its last word alone ("Athletic" for Brannock Athletic), when one body ends with it.
    for g, group in enumerate(groups):
        if group.type != "ORG" or not group.names or any(len(_words(n)) != 1 for n in group.names):
            continue
        last = {_words(n)[0] for n in group.names}
        owners = {
            h
            for h, other in enumerate(groups)
            if h != g and other.type == "ORG"
            for full in other.full_names
            if len(_words(full)) >= 2 and _words(full)[-1] in last
        }
        if len(owners) == 1:
            _move(groups, member, g, owners.pop())


def _extends(full: str, name: str, name_type: str, full_type: str) -> bool:
    """The fuller name is the name and a body's words ("St Brennan" + "'s Hospital", "St Aldric" + "'s
    General Hospital"), or a place's name and a venue's word ("Ashcombe Road" + "Stadium"). A place of two
    words is no short form of a body ("New York" of the New York Times)."""
    words, longer = _words(name), _words(full)
    added = [w.lower() for w in full.split()[len(words) :]]
    if not (len(longer) > len(words) and longer[: len(words)] == words and added):
        return False
    if added in (["stadium"], ["arena"]):
        return True
    if len(added) > 2 or (len(added) == 2 and added[0] not in _DESCRIPTORS):
        return False  # "Brannock Athletic" is a club, not the Brannock Athletic Supporters' Trust
    return full_type == "ORG" and is_body_word(added[-1]) and (name_type == "ORG" or len(words) >= 3)


# Words between a body's name and its kind ("St Aldric's General Hospital").
_DESCRIPTORS = frozenset(
    "general memorial community royal national regional district county university teaching central".split()
)


def copied_names(
    sentences: Sequence[Sentence], mentions: Sequence[Mention], provenance: Provenance
) -> dict[int, int]:
    """For the names in a spun or translated copy, the names of its original they stand for ("Harriet
    Kueyl" in a machine translation for Harriet Quayle): the copy's sentences are aligned with the
    original's as provenance aligns them, and in each aligned pair the names are paired in order when the
    two sentences hold as many, else each with the original's most alike name."""
    rewritten = {link.doc_id: link.of for link in provenance.links if link.status == "derivative"}
    if not rewritten:
        return {}
    by_doc: dict[str, list[Sentence]] = defaultdict(list)
    for sentence in sentences:
        by_doc[sentence.doc_id].append(sentence)
    named: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        named[m.doc_id].append(i)

    def inside(doc_id: str, s: Sentence) -> list[int]:
        return [i for i in named[doc_id] if s.start <= mentions[i].start and mentions[i].end <= s.end]

    out: dict[int, int] = {}
    for copy, original in rewritten.items():
        originals = by_doc.get(original, [])
        terms = [set(content_terms(s.text)) for s in originals]
        for s in by_doc.get(copy, []):
            own = set(content_terms(s.text))
            scores = [dice(own, t) for t in terms]
            if not scores or max(scores) < SENTENCE_MATCH:
                continue
            theirs, ours = inside(original, originals[scores.index(max(scores))]), inside(copy, s)
            if len(ours) == len(theirs):
                out.update(zip(ours, theirs, strict=True))
                continue
            for i in ours:  # a name the copy split or ran together: the original's most alike, if alike
                text = mentions[i].text.lower()
                best = max(theirs, key=lambda j: fuzz.ratio(text, mentions[j].text.lower()), default=None)
                if best is not None:
                    out[i] = best
    return out


def _join_copied(
    groups: list[_Group],
    member: dict[int, int],
    copied: Mapping[int, int],
    mentions: Sequence[Mention],
    provenance: Provenance,
) -> None:
    """A name written only in rewritten copies joins the actor of the original's name it stands for, when
    the two are of one type (or both places or bodies) and alike enough to be one name garbled."""
    for i, j in copied.items():
        if i not in member or j not in member or member[i] == member[j]:
            continue
        source = groups[member[i]]
        if not all(m.doc_id in provenance.rewritten for m in source.mentions):
            continue  # the name is the copy's own as well: not a garbling
        same_kind = mentions[i].type == mentions[j].type or "PERSON" not in (
            mentions[i].type,
            mentions[j].type,
        )
        if same_kind and _alike(mentions[i].text, mentions[j].text):
            _move(groups, member, member[i], member[j])  # a place and a body are often told apart wrongly


def _outlet_called(name: str, outlets: frozenset[str]) -> str | None:
    """The one outlet of the cluster's sources this name is, in full or by its last word when that is an
    outlet's word ("Chronicle" for the Corvenhithe Chronicle, not "Kellsport" for K8 News Kellsport), named
    without its "The"."""
    text = name.lower().removeprefix("the ")
    hits = set()
    for outlet in outlets:
        full = outlet.removeprefix("The ").removeprefix("THE ")
        last = full.split()[-1]
        if text == full.lower() or (
            " " not in text and " " in full and text == last.lower() and OUTLET_WORDS.fullmatch(last)
        ):
            hits.add(full)
    return hits.pop() if len(hits) == 1 else None


def _join_misheard(groups: list[_Group], member: dict[int, int], misheard: frozenset[str]) -> None:
    """A place or body named only in transcripts, by ear, joins the one written name it is nearly spelled as
    ("Brusk Chemicals" for Brask Chemicals)."""
    for g, group in enumerate(groups):
        if group.type == "PERSON" or not group.names or any(m.doc_id not in misheard for m in group.mentions):
            continue
        heard = [n.lower() for n in group.names if len(n.split()) >= 2]
        written = [
            h
            for h, other in enumerate(groups)
            if h != g
            and other.type == group.type
            and any(m.doc_id not in misheard for m in other.mentions)
            and any(fuzz.ratio(a, b.lower()) >= MISHEARD_BODY for a in heard for b in other.names)
        ]
        if len(written) == 1:
            _move(groups, member, g, written[0])


MISHEARD_BODY = 88  # rapidfuzz ratio of a body's or place's name heard and written (two words or more)


def _alike(a: str, b: str) -> bool:
    """Alike enough to be one name garbled ("Harriet Kueyl" / "Harriet Quayle", "Transport Authority of
    Brekenford" / "Brackenford Transit Authority"), not two names a translation put in another order."""
    a, b = a.lower(), b.lower()
    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b)) >= COPIED_ALIKE


def _words(name: str) -> list[str]:
    return name.lower().replace("’", "'").replace("'s", "").split()


def _content_words(name: str) -> frozenset[str]:
    """The stems of a body's words, an agency's generic word ("Authority", "Agency", "Office") made one, so
    that a translation's "Agency for Air Navigation Services" is the "Air Navigation Services Authority"."""
    words = {stem(w) for w in _words(name) if w not in ("of", "for", "the", "and")}
    generic = {w for w in words if w in _AGENCY_WORDS}
    return frozenset(words - generic | ({"*agency*"} if generic and len(words - generic) >= 2 else generic))


_AGENCY_WORDS = frozenset(
    stem(w) for w in "agency authority office administration bureau directorate commission service".split()
)


def _join_types(groups: list[_Group], member: dict[int, int], by_name: dict[tuple[str, str], int]) -> None:
    """One name typed a place in one document and a body in another ("ARDROSSIL" in a dateline) is one
    actor, of the type most of its mentions have."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for (_, key), g in by_name.items():
        by_key[key].append(g)
    for same in by_key.values():
        if len(same) < 2:
            continue
        same.sort(key=lambda g: -len(groups[g].mentions))
        for g in same[1:]:
            _move(groups, member, g, same[0])
        groups[same[0]].type = Counter(m.type for m in groups[same[0]].mentions).most_common(1)[0][0]


def _move(groups: list[_Group], member: dict[int, int], source: int, target: int) -> None:
    for m in groups[source].mentions:
        groups[target].add(m)
    groups[source] = _Group(groups[source].type)  # emptied: no names left to match
    for i, owner in member.items():
        if owner == source:
            member[i] = target


def _match_person(m: Mention, groups: list[_Group], heard: bool) -> int | None:
    same_name = MISHEARD_NAME if heard else SAME_NAME
    first = m.text.split()[0].lower()
    text = m.text.lower()
    for g, group in enumerate(groups):
        if group.type != "PERSON":
            continue
        for name in group.full_names:
            tail = name.split(maxsplit=1)[-1]  # "Okonko Lind" is the surname part of "Teresa Okonkwo-Lind"
            if max(fuzz.ratio(text, name.lower()), fuzz.ratio(text, tail.lower())) >= same_name:
                return g
            if heard and _first_name_half_caught(text, name.lower()):
                return g
        if any(n.split()[0].lower() == first for n in group.full_names) and _same_role(m, group):
            return g
    return None


def _first_name_half_caught(heard: str, written: str) -> bool:
    """A transcript's two-word name with the surname right and the first name only half caught ("Rory
    Petrakis" for Ruairi Petrakis): same initial, rapidfuzz ratio >= 40."""
    a, b = heard.split(), written.split()
    return (
        len(a) == len(b) == 2
        and a[1] == b[1]
        and a[0][:1] == b[0][:1]
        and fuzz.ratio(a[0], b[0]) >= MISHEARD_FIRST_NAME
    )


def _same_role(m: Mention, group: _Group) -> bool:
    """The same first name and the same role ("fire chief") is evidence for a translated surname, unless
    the document names both people: then they are two people who share a first name."""
    if not m.role or any(x.doc_id == m.doc_id and len(x.text.split()) >= 2 for x in group.mentions):
        return False
    return any(fuzz.ratio(m.role, role) >= 90 for role in group.roles)


def _names_with_parts(mentions: Sequence[Mention]) -> dict[str, tuple[str, str]]:
    """One-word names that stand for a longer name of a place or body in the cluster: the last word of a
    place ("Vessen" for "River Vessen") or the first or last word of an organisation ("Halvorsen" for
    "Halvorsen Chemicals", "Rescue" for "Kellsport Fire and Rescue"), when only one such name has it, or
    one that all the others extend; a place's name goes first ("Vessen" is the river, not "Vessen Valley
    Radio")."""
    places: dict[str, set[tuple[str, str]]] = defaultdict(set)
    bodies: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for m in mentions:
        words = m.text.split()
        if m.type == "PERSON" or len(words) < 2:
            continue
        key = (m.type, name_key(m.text))
        if m.type == "ORG":  # an acronym is a name of its own ("NATO" is not "NATO summit")
            bodies[words[0]].add(key)
            bodies[words[-1]].add(key)
        else:
            places[words[-1]].add(key)
    out = {word: name for word, keys in bodies.items() if (name := _shortest(keys)) and not word.isupper()}
    out.update({word: name for word, keys in places.items() if (name := _shortest(keys))})
    return out


def _shortest(keys: set[tuple[str, str]]) -> tuple[str, str] | None:
    """The one name all the others begin with ("Halvorsen Chemicals" of "… Chemicals Warehouse"), if any."""
    first = min(keys, key=lambda k: len(k[1]))
    return first if all(k[1].startswith(first[1]) for k in keys) else None


def _match_first_name(m: Mention, groups: list[_Group]) -> int | None:
    """A first name alone ("Dana") is the person its document names in full ("Dana Whitfield"), when only
    one person of that first name is named there."""
    word = m.text.lower()
    hits = [
        g
        for g, group in enumerate(groups)
        if group.type == "PERSON"
        and any(
            x.doc_id == m.doc_id and len(x.text.split()) >= 2 and x.text.split()[0].lower() == word
            for x in group.mentions
        )
    ]
    return hits[0] if len(hits) == 1 else None


def _person_named(m: Mention, groups: list[_Group], heard: bool) -> int | None:
    """A name tagged a place or a body that is a person's surname or name, hyphens aside ("Okonkwo-Lind";
    a transcript's "Adebayo Strand"), or a full name with no body's word in it that is nearly a person's
    (a transcript's "Olu Brackley" for Oluwaseun Brackley)."""
    text = _unhyphenated(m.text.lower().removesuffix("'s").removesuffix("’s"))
    people = [(g, group) for g, group in enumerate(groups) if group.type == "PERSON" and group.full_names]
    hits = [
        g
        for g, group in people
        if text in {_unhyphenated(n) for n in group.surnames() | {n.lower() for n in group.names}}
    ]
    if not hits and len(text.split()) >= 2 and not any(is_body_word(w) for w in m.text.split()):
        hits = [
            g
            for g, group in people
            if any(
                fuzz.ratio(text, n.lower()) >= (MISHEARD_NAME if heard else SAME_NAME)
                for n in group.full_names
            )
        ]
    return hits[0] if len(hits) == 1 else None


def _unhyphenated(name: str) -> str:
    return name.replace("-", " ")


def _match_surname(m: Mention, groups: list[_Group]) -> int | None:
    word = m.text.lower().removesuffix("'s").removesuffix("’s")
    alone = [
        g
        for g, group in enumerate(groups)
        if group.type == "PERSON" and not group.full_names and word in {n.lower() for n in group.names}
    ]
    candidates = [g for g, group in enumerate(groups) if group.type == "PERSON" and group.full_names]
    exact = [g for g in candidates if word in groups[g].surnames()]
    if not exact and alone:
        return alone[0]
    if exact:
        return _prefer_same_document(exact, m, groups)
    close = [g for g in candidates if max(fuzz.ratio(word, s) for s in groups[g].surnames()) >= SAME_SURNAME]
    if close:
        return _prefer_same_document(close, m, groups)
    garbled = [
        g
        for g in candidates
        if any(x.doc_id == m.doc_id for x in groups[g].mentions)
        and any(fuzz.ratio(word, s) >= GARBLED_SURNAME and word[-3:] == s[-3:] for s in groups[g].surnames())
    ]
    return garbled[0] if len(garbled) == 1 else None


def _prefer_same_document(options: list[int], m: Mention, groups: list[_Group]) -> int | None:
    if len(options) == 1:
        return options[0]
    here = [g for g in options if any(x.doc_id == m.doc_id for x in groups[g].mentions)]
    return here[0] if len(here) == 1 else None  # ambiguous: two people share the surname


def _weight(group: _Group, provenance: Provenance) -> tuple[int, int]:
    return (provenance.independent({m.doc_id for m in group.mentions}), len(group.mentions))


def _actor(actor_id: str, group: _Group, provenance: Provenance, misheard: frozenset[str]) -> Actor:
    spellings: dict[str, set[str]] = defaultdict(set)
    for m in group.mentions:
        spellings[m.text].add(m.doc_id)
    # People and bodies are named by a full name, a place by the spelling most sources use ("Vesk" over one
    # wire's "Isle of Vesk") that is no abbreviation ("United States", not "U.S").
    if group.type == "GPE":
        candidates = [n for n in group.names if "." not in n and not n.isupper()] or list(group.names)
    else:
        candidates = group.full_names or list(group.names)

    # The spellings that count: a translation garbles any name, a transcript spells people's by ear; a
    # spinner keeps people's names but swaps the words of a body's ("Halvering Metropolis Council").
    garbled = provenance.translated | misheard if group.type == "PERSON" else provenance.rewritten
    own = [m for m in group.mentions if m.doc_id not in garbled]
    if group.type in ("ORG", "GPE"):
        # A body or venue by its whole name ("Hennigan & Rusk Construction", not "Hennigan & Rusk"), unless
        # most sources call it by the shorter one (four say "Saltmarsh Kitchen", one "Saltmarsh Kitchen
        # Catering").
        sources = {n: provenance.independent(spellings[n]) for n in candidates}
        candidates = [
            n
            for n in candidates
            if not any(
                _extends(o, n, group.type, group.type) and 2 * sources[o] >= sources[n] for o in candidates
            )
        ] or candidates

    def support(name: str) -> tuple[int, bool, int, int, int]:
        surname = name.split()[-1].lower()
        surname_uses = sum(1 for m in own if m.text.split()[-1].lower() == surname)
        original = not spellings[name] <= garbled
        uses = sum(1 for m in own if m.text == name)
        return (provenance.independent(spellings[name]), original, surname_uses, uses, len(name))

    written = max(candidates, key=support)
    name = _capitalized(written) if group.type == "PERSON" else written
    aliases = tuple(Alias(n, tuple(sorted(docs))) for n, docs in sorted(spellings.items()) if n != name)
    roles = tuple(r for r, _ in group.roles.most_common(3)) if group.type == "PERSON" else ()
    return Actor(actor_id, name, group.type, aliases, tuple(_span(m) for m in group.mentions), roles)


# Lower-case particles that belong inside a person's name ("Ursula von der Leyen").
_PARTICLES = frozenset("al bin da de del della den der di dos du la le ten ter van von".split())


def _capitalized(name: str) -> str:
    """A transcript's half-recased name ("Dana whitfield") written as a name."""
    return " ".join(w[:1].upper() + w[1:] if w.islower() and w not in _PARTICLES else w for w in name.split())


def _span(m: Mention) -> Span:
    return Span(m.doc_id, m.start, m.end)
