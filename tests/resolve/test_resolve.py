import math

import pytest

from newsfuse import brief
from newsfuse.model import CopyLink, Mention
from newsfuse.provenance import Provenance
from newsfuse.resolve.actors import name_key, place_key, resolve_actors
from newsfuse.resolve.disagreements import _days, _negates, clock_time, counted, counts
from newsfuse.resolve.quotes import _differences

NO_COPIES = Provenance((), {}, {})


def mention(doc: str, text: str, type_: str = "PERSON", role: str | None = None) -> Mention:
    return Mention(doc, 0, len(text), text, type_, role)


def test_spellings_of_one_person_become_one_actor():
    mentions = [
        mention("a", "Jen Psaki", role="spokeswoman"),
        mention("a", "Psaki"),
        mention("b", "Jen Saki", role="spokeswoman"),
        mention("c", "Daniel Marsh", role="fire chief"),
        mention("d", "Daniel Swamp", role="fire chief"),
        mention("d", "Marsch"),
        mention("e", "Sergei Lavrov"),
        mention("e", "Brov"),
        mention("e", "Sergei Ryabkov", role="deputy foreign minister"),
    ]
    actors, actor_of = resolve_actors(mentions, NO_COPIES)
    by_name = {a.name: {x.name for x in a.aliases} for a in actors}
    assert by_name["Jen Psaki"] == {"Psaki", "Jen Saki"}
    assert by_name["Daniel Marsh"] == {"Daniel Swamp", "Marsch"}
    assert "Brov" in by_name["Sergei Lavrov"] and "Sergei Ryabkov" not in by_name["Sergei Lavrov"]
    assert len(set(actor_of.values())) == len(actors)


def test_two_people_sharing_a_surname_stay_apart_when_ambiguous():
    mentions = [mention("a", "Anna Reyes"), mention("b", "Tom Reyes"), mention("c", "Reyes")]
    actors, _ = resolve_actors(mentions, NO_COPIES)
    assert {a.name for a in actors} >= {"Anna Reyes", "Tom Reyes"}
    assert all(a.name != "Anna Reyes" or "Reyes" not in {x.name for x in a.aliases} for a in actors)


def test_a_first_name_alone_is_the_person_its_document_names_in_full():
    mentions = [
        mention("t", "Dana whitfield"),
        mention("t", "Dana"),
        mention("u", "Dana Reyes"),
        mention("v", "Dana"),
    ]
    actors, actor_of = resolve_actors(mentions, NO_COPIES)
    assert actor_of[0] == actor_of[1] != actor_of[3]  # the third document never says which Dana
    assert actors[0].name == "Dana Whitfield"  # a transcript's half-recased name, written as a name


def test_a_one_word_person_that_is_part_of_a_place_or_body_joins_it():
    mentions = [
        mention("a", "Halvorsen Chemicals", "ORG"),
        mention("b", "Halvorsen"),  # "Halvorsen will cooperate fully", tagged as a person
        mention("c", "River Vessen", "GPE"),
        mention("c", "Vessen Valley Radio", "ORG"),
        mention("d", "Vessen"),
        mention("e", "Halvorsen Chemicals Warehouse", "ORG"),  # a longer name that extends the first
        mention("d", "Maddox"),
    ]
    actors, actor_of = resolve_actors(mentions, NO_COPIES)
    assert actor_of[0] == actor_of[1] and actor_of[2] == actor_of[4]
    assert {a.name: a.type for a in actors} == {
        "Halvorsen Chemicals": "ORG",
        "River Vessen": "GPE",
        "Vessen Valley Radio": "ORG",
        "Halvorsen Chemicals Warehouse": "ORG",
        "Maddox": "PERSON",
    }


@pytest.mark.parametrize("ner", ["rules", "auto"])
def test_a_pronoun_speaker_is_the_person_the_story_just_introduced(ner):
    text = (
        "The tram left the rails on Canal Row on Tuesday morning, injuring 14 people.\n\n"
        '"There was a bang, then everybody was on the floor," said Noor Halabi, a nursing student.\n\n'
        "Chief executive Ilse Vandermeer met investigators at the cordon. She said the driver was hurt.\n\n"
        '"He has a clean record, and he is devastated," she said.\n\n'
        "Dilys Carrow, who has run the bakery on Canal Row for 22 years, watched the cranes arrive.\n\n"
        '"I moved what I could upstairs, but the ovens do not float," she said.\n\n'
        '"It is far too early to say what happened," lead investigator Corinne Lachapelle told reporters.\n'
    )
    speakers = {q.text[:12]: q.speaker_name for q in brief([{"text": text}], ner=ner).quotes}
    assert speakers == {
        "There was a ": "Noor Halabi",
        "He has a cle": "Ilse Vandermeer",
        "I moved what": "Dilys Carrow",
        "It is far to": "Corinne Lachapelle",
    }


def test_a_pronoun_speaker_is_the_one_person_the_paragraph_before_names_even_by_surname_alone():
    text = (
        "Detective Superintendent Ines Vallorca-Brandt led the search of the museum on Monday.\n\n"
        "Detective Superintendent Vallorca-Brandt called the arrests a good start.\n\n"
        '"They knew exactly which cases to open," she told a news conference in Tarnholt. '
        '"We have not finished with the people who helped them."\n'
    )
    speakers = {q.text[:12]: q.speaker_name for q in brief([{"text": text}], ner="rules").quotes}
    assert speakers == {"They knew ex": "Ines Vallorca-Brandt", "We have not ": "Ines Vallorca-Brandt"}
    # A one-word name the story never gives in full says nothing of who "he" is.
    thanked = (
        "The rapper thanked his friend, Warren, and the producers who signed him.\n\n"
        '"I want to thank me for believing in me," he said.\n'
    )
    assert [q.speaker_name for q in brief([{"text": thanked}], ner="rules").quotes] == [None]


@pytest.mark.parametrize("ner", ["rules", "auto"])
def test_a_pronoun_speaker_is_the_one_who_speaks_not_the_last_one_named(ner):
    text = (
        "The ferry ran aground on Tuesday evening.\n\n"
        "Rowena Tallis, managing director of the operator, said every passenger was safe.\n\n"
        "Tallis said the master, Captain Marta Solheim, had reported a loss of steering. "
        '"We will not speculate beyond that until the investigators have done their work," she said.\n'
    )
    quotes = brief([{"text": text}], ner=ner).quotes
    assert [q.speaker_name for q in quotes] == ["Rowena Tallis"]


def test_one_body_or_place_under_its_different_spellings():
    assert name_key("Department of Justice") == name_key("Justice Department")
    assert name_key("coast guard of Northmoor") == name_key("Northmoor Coastguard")  # a machine translation
    assert name_key("Isle of Vesk") == name_key("Vesk")
    assert name_key("Strathey Island Ferry") == name_key("Strathey Island Ferries")
    assert name_key("North Korea") != name_key("South Korea")
    mentions = [
        mention("a", "Marine Casualty Investigation Branch", "ORG"),
        mention("b", "MCIB", "ORG"),
        mention("a", "ARDROSSIL", "ORG"),  # a dateline
        mention("a", "Ardrossil", "GPE"),
        mention("b", "Ardrossil", "GPE"),
        mention("b", "NATO", "ORG"),  # no body here has those initials
        mention("a", "U.S", "GPE"),
        mention("b", "U.S", "GPE"),
        mention("b", "United States", "GPE"),  # fewer uses, but no abbreviation
    ]
    actors, _ = resolve_actors(mentions, NO_COPIES)
    named = {a.name: (a.type, sorted(x.name for x in a.aliases)) for a in actors}
    assert named == {
        "Marine Casualty Investigation Branch": ("ORG", ["MCIB"]),
        "Ardrossil": ("GPE", ["ARDROSSIL"]),
        "NATO": ("ORG", []),
        "United States": ("GPE", ["U.S"]),
    }


@pytest.mark.parametrize("ner", ["rules", "auto"])
def test_an_acronym_a_document_defines_is_found_wherever_it_is_used(ner):
    docs = [
        {
            "id": "a",
            "text": "The Marine Casualty Investigation Branch (MCIB) said it would send a team on Wednesday.",
        },
        {
            "id": "b",
            "text": "Inspectors from the MCIB boarded the ferry on Wednesday and recovered its data recorder.",
        },
    ]
    actors = brief(docs, ner=ner).actors
    branch = next(a for a in actors if a.name == "Marine Casualty Investigation Branch")
    assert {s.doc_id for s in branch.mentions} == {"a", "b"}


def test_a_body_under_a_shorter_name_or_its_words_reordered_is_one_actor():
    mentions = [
        mention("a", "St Brennan's Hospital", "ORG"),
        mention("b", "St Brennan", "ORG"),  # "at St Brennan's"
        mention("c", "St Brennan", "ORG"),
        mention("a", "Wrenmouth Valley Health Group", "ORG"),
        mention("b", "Wrenmouth Valley Health", "ORG"),
        mention("a", "National Digital Defence Office", "ORG"),
        mention("c", "National Office for Digital Defence", "ORG"),  # a machine translation
        mention("a", "Wrenmouth Police", "ORG"),
        mention("b", "Wrenmouth", "GPE"),  # the town is no short form of its police
        mention("b", "Wrenmouth Valley Health", "GPE"),  # "chief executive of …": typed a place by a rule
        mention("c", "New York", "GPE"),
        mention("c", "New York Times", "ORG"),
    ]
    actors, _ = resolve_actors(mentions, NO_COPIES)
    named = {a.name: sorted(x.name for x in a.aliases) for a in actors}
    assert named["St Brennan's Hospital"] == ["St Brennan"]  # the whole name, though fewer sources write it
    spellings = [{a.name, *(x.name for x in a.aliases)} for a in actors]
    assert {"Wrenmouth Valley Health Group", "Wrenmouth Valley Health"} in spellings
    assert {"National Digital Defence Office", "National Office for Digital Defence"} in spellings
    assert named["Wrenmouth Police"] == [] and named["Wrenmouth"] == []
    assert named["New York"] == [] and named["New York Times"] == []


def test_a_person_is_named_as_the_original_writes_the_name_not_its_translation():
    mentions = [mention("copy", "Baptiste Onjekatschi"), mention("orig", "Baptiste Onyekachi")]
    link = CopyLink("copy", "orig", "derivative", 0.6, "translated")
    actors, _ = resolve_actors(mentions, Provenance((link,), {"copy": "orig", "orig": "orig"}, {}))
    assert [a.name for a in actors] == ["Baptiste Onyekachi"]


def test_a_spun_page_keeps_a_persons_name():
    # A spun page (a spinner's tells, no original in the set) spells people as its source did.
    mentions = [mention("spun", "Jen Psaki"), mention("spun", "Psaki"), mention("mt", "Jen Saki")]
    provenance = Provenance((), {}, {"spun": "reads like a synonym-spun rewrite"})
    assert [a.name for a in resolve_actors(mentions, provenance)[0]] == ["Jen Psaki"]


def test_places_match_their_abbreviations():
    assert place_key("the U.S.") == place_key("US") == place_key("United States")


def test_counts_and_negations():
    assert counts("About 1,200 residents left; two firefighters were hurt in 2014.") == {
        "resid": 1200.0,
        "firefight:injured": 2.0,
    }
    assert counts("a two point five million dollar fund") == {}
    assert counted("up to 40 mph")["mph"][2] == (34.0, 40.0)
    assert counted("nearly 200 lapel pins")["lapel"][2] == (170.0, 200.0)
    assert counted("more than 600 firefighters")["firefight"][2] == (600.0, math.inf)
    assert counted("about 200 lapel pins")["lapel"][2] == (200.0, 200.0)


def test_sums_of_money_disagree_when_they_are_for_the_same_thing():
    docs = [
        {
            "id": "a",
            "text": "The attackers behind the hospital outage are demanding $6 million, one of the people "
            "said.\n\nThe board paid $40,000 for new laptops.",
        },
        {
            "id": "b",
            "text": "The attackers behind the hospital outage have demanded a ransom of $2.5 million, people "
            "said.\n\nThe hospital outage cost the board $90,000 in overtime, people said.",
        },
    ]
    topics = [d.topic for d in brief(docs).disagreements if d.topic.startswith("how much")]
    assert topics == ["how much: $2.5 million, $6 million"]
    assert counted("worth between $1 million and $5 million") == {}  # a range is no claim of one sum
    # what a sum is "in" names it, beside another sum: "$487,000 in cash … the $84 million contract"
    assert "$ cash" in counted(
        "The firm paid him $487,000 in cash and perks while he steered it the $84 million deal."
    )


def test_two_counts_of_one_noun_with_one_verb_disagree_however_unlike_their_sentences():
    docs = [
        {
            "id": "a",
            "text": "In all, 312 flights were cancelled at the airport and 58 were diverted, said ANSA.",
        },
        {
            "id": "b",
            "text": "According to figures the airport gave the paper this evening, 287 flights were cancelled.",
        },
    ]
    topics = [d.topic for d in brief(docs).disagreements]
    assert topics == ["how many flights: 287, 312"]


def test_a_count_in_words_is_whole_and_a_whole_with_its_part_allows_any_count_between():
    assert counts("Seventy-one guests fell ill.") == {"guest": 71.0}
    assert counted("It was found in samples from 14 of the 27 patients tested.")["patient"][2] == (14.0, 27.0)
    assert counted("He is one of two people arrested so far.")["peopl"][2] == (1.0, 2.0)


def test_a_sentence_with_several_sums_claims_none_by_its_context():
    several = counted("He made $4.9 million from his stake and $5 million in salary.")
    assert list(several) == ["$ salari"]  # only what a sum is named by: "in salary"
    assert counted("The deal is worth between $1 million and $5 million.") == {}


def test_counts_of_one_noun_with_one_thing_said_of_them_disagree_but_loose_far_apart_ones_do_not():
    def topics(a: str, b: str) -> list[str]:
        other = "The wedding at Larkspur Barn was the largest outbreak in the region in a decade."
        docs = [{"id": "a", "text": a}, {"id": "b", "text": b}, {"id": "c", "text": other}]
        return [d.topic for d in brief(docs).disagreements if d.kind == "number"]

    ill = "Health officials are investigating an outbreak after 63 guests fell ill following a wedding at a barn."
    now = "Seventy-one guests have now reported falling ill after the wedding at Larkspur Barn."
    assert topics(ill, now) == ["how many guests: 63, 71"]
    venue = "The reception, for about 180 guests, was held at Larkspur Barn, a wedding venue near the town."
    assert topics(venue, now) == []  # how many came, not how many fell ill


def test_a_breakdown_counts_nothing_but_its_total_and_a_length_of_time_is_a_count():
    assert counts("He was charged with four counts of bribery and one count of misconduct.") == {}
    assert counts("Guilty on five counts: bribery, two counts of misconduct and one count of fraud.") == {
        "count": 5.0
    }
    assert counted("It holds a 12-year, $62 million contract.")["year:contract"][0] == 12.0
    assert counted("the city's ten-year contract")["year:contract"][0] == 10.0
    assert counted("Quintrell, a 57-year-old lawyer") == {}
    assert counted("A 30-metre section of the deck fell.")["metre:section"][0] == 30.0


def test_sums_disagree_when_said_of_one_thing_whoever_is_named_beside_them():
    docs = [
        {"id": "a", "text": "Prosecutors allege that $340,000 was paid to the deputy mayor by the firm."},
        {"id": "b", "text": "The deputy mayor is alleged to have received $410,000 while the contract grew."},
        {"id": "c", "text": "The city has already paid Hennigan & Rusk $61 million for the depot."},
        {"id": "d", "text": "Hennigan & Rusk won the $96 million contract for the depot in 2030."},
    ]
    topics = [d.topic for d in brief(docs).disagreements if d.kind == "number"]
    assert topics == ["how much: $340,000, $410,000"]  # names say whose sum, not what it is for


def test_counts_disagree_only_when_their_ranges_cannot_both_hold():
    def topics(a: str, b: str) -> list[str]:
        docs = [{"id": "a", "text": a}, {"id": "b", "text": b}]
        return [d.topic for d in brief(docs).disagreements if d.kind == "number"]

    pins = "Police found {} lapel pins bearing the leader's image in a flowerbed near the hotel on Monday."
    assert topics(pins.format("196"), pins.format("nearly 200")) == []  # both can hold
    assert topics(pins.format("at least 38"), pins.format("52")) == ["how many lapel: 38, 52"]
    assert _negates("The dam was not damaged.", "Engineers found the dam was damaged.")
    assert not _negates("We will not reopen the line.", "No trams will run on the line.")
    appeal = "The authorities now have 14 days to lodge an appeal at the court."
    assert not _negates("It has 14 days to decide whether or not to appeal to the court.", appeal)
    hired = "Vekselberg was involved in the decision to hire Cohen, the reports said."
    assert not _negates(
        "Neither Vekselberg nor anyone else was involved in the decision to hire Cohen.", hired
    )
    jeans = "Her son, who was wearing faded black jeans, was disqualified."
    assert not _negates(
        "Grayson was wearing faded black jeans, which were evidently not black enough.", jeans
    )


def test_clock_times():
    assert clock_time("It struck the rocks at about 6:40 p.m. on Tuesday.") == (18 * 60 + 40, "6:40 p.m.")
    assert clock_time("The line reopened at 7 pm.") == (19 * 60, "7 pm")
    assert clock_time("Contact was lost at 22:42 GMT.") == (22 * 60 + 42, "22:42 GMT")
    assert clock_time("The stores open from midnight to 2 a.m.") is None  # two moments
    assert clock_time("The fund grew by 2.5 million, to 3:21 in the final.") is None


def test_different_clock_times_for_one_moment_disagree():
    first = (
        "The ferry Loma Kestrel struck the Mallet Rocks at about 6:40 p.m. on the last stretch of its "
        "crossing, the operator said. The last passengers reached the quay shortly after 11 p.m."
    )
    second = (
        "The ferry Loma Kestrel ran aground on the Mallet Rocks at the harbour entrance at about 7:15 p.m., "
        "leaving its passengers stranded.\n\n1:43 a.m. -- Crew leave the ferry.\n\nThe tide turned at 2 a.m."
    )
    b = brief([{"id": "a", "text": first}, {"id": "b", "text": second}])
    times = [d for d in b.disagreements if d.kind == "time"]
    assert [d.topic for d in times] == ["what time: 6:40 p.m., 7:15 p.m."]
    assert {c.sources for c in times[0].claims} == {("a",), ("b",)}
    zones = [
        {
            "id": "c",
            "text": "The probe's last signal reached the tracking station at 5:42 p.m. EST on Sunday.",
        },
        {"id": "d", "text": "The probe's last signal reached the tracking station at 22:42 GMT on Sunday."},
        {"id": "e", "text": "The probe's first signal reached the tracking station at 9:10 p.m. on Monday."},
    ]
    assert not [d for d in brief(zones).disagreements if d.kind == "time"]
    hours_apart = [
        {
            "id": "f",
            "text": "The fire in Cutler Canyon was first reported at about 2:30 p.m. on Saturday, officials said.",
        },
        {
            "id": "g",
            "text": "The evacuation order went out at 11:20 p.m. on Saturday, nine hours after smoke was first "
            "reported in Cutler Canyon, officials said.",
        },
    ]
    assert not [d for d in brief(hours_apart).disagreements if d.kind == "time"]  # two moments


def test_sample_briefing_has_every_section():
    b = brief(["samples/port-alder-fire"])
    assert any(q.speaker_name == "Daniel Marsh" and len({s.doc_id for s in q.support}) >= 2 for q in b.quotes)
    marsh = next(a for a in b.actors if a.name == "Daniel Marsh")
    assert "Daniel Swamp" in {x.name for x in marsh.aliases}
    assert {"2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"} <= {e.date for e in b.timeline}
    kinds = {d.kind for d in b.disagreements}
    assert "number" in kinds
    assert b.single_source


def test_a_document_with_no_quotes_dates_or_names_gives_empty_sections():
    b = brief([{"text": "the weather was mild and calm for most of the afternoon across the area."}])
    assert (b.quotes, b.timeline, b.disagreements) == ((), (), ())


def test_a_timeline_event_is_told_in_the_words_of_a_source_that_was_not_spun():
    spun = (
        "The harbour wall collapsed on Monday after a final week of storms, officials mentioned. "
        '"We are safe," the mayor instructed reporters. The council mentioned repairs.'
    )
    plain = "The harbour wall collapsed on Monday after a week of storms, officials said. Repairs will take a month."
    b = brief(
        [
            {"id": "spun", "date": "2031-05-14", "text": spun},
            {"id": "plain", "date": "2031-05-14", "text": plain},
        ]
    )
    [event] = [e for e in b.timeline if e.date == "2031-05-12"]
    assert set(event.sources) == {"spun", "plain"}
    assert event.text.startswith("The harbour wall collapsed on Monday after a week of storms")


@pytest.mark.parametrize("ner", ["rules", "auto"])
def test_a_body_the_model_missed_is_found_with_its_acronym(ner):
    docs = [
        {
            "id": "a",
            "text": "The fire had burned 14,600 acres, according to the Interior Wildland Fire Service (IWFS).",
        },
        {"id": "b", "text": "Crews from the IWFS cut a firebreak above the town on Monday, officials said."},
    ]
    service = next(a for a in brief(docs, ner=ner).actors if a.name == "Interior Wildland Fire Service")
    assert service.type == "ORG" and [x.name for x in service.aliases] == ["IWFS"]


def test_two_counts_of_one_noun_far_apart_in_wording_still_disagree():
    docs = [
        {
            "id": "a",
            "text": "A wildfire swept into Hollin Ridge over the weekend, destroying 37 homes, officials said.",
        },
        {
            "id": "b",
            "text": "The sheriff said on Sunday night that 52 homes in and around Hollin Ridge had been destroyed "
            "by the Cutler Canyon Fire, along with at least 30 barns.",
        },
    ]
    topics = [d.topic for d in brief(docs).disagreements]
    assert "how many homes: 37, 52" in topics


def test_a_quotes_wording_variant_names_what_changed_in_meaning():
    assert _differences("We saw 12 boats near Vesk", "We saw 14 boats near Vask") == (
        "numbers: 12 vs 14",
        "names: Vask, Vesk",
    )
    assert _differences("That is the usual pattern", "This is the usual pattern") == ()  # no names
    assert _differences("Not one penny should go to criminals", "Not a penny should go to criminals") == ()


def test_the_days_two_sentences_name_are_compared_as_days_of_the_week():
    assert _days("It was detected at 3:40 a.m. on Tuesday.", "2033-03-15") == {"tuesday"}
    assert _days("It was detected at 1:15 a.m. yesterday.", "2033-03-16") == {"tuesday"}
    assert _days("It was detected on Mar. 15 at 1:15 a.m.", "2033-03-16") == {"tuesday"}
    assert _days("It was detected at 1:15 a.m. yesterday.", None) == {"yesterday"}


def test_a_translations_garbled_name_joins_the_name_it_stands_for():
    original = [
        "Mayor Harriet Quayle ordered an outside review of every transit contract on Wednesday.",
        "The review will cover five years of contracts, bids and payments to the depot builder.",
        "State auditors will lead the review and report to the council before the summer recess.",
        "The council voted nine to two to pay for the review from its reserve fund.",
    ]
    copy = [
        "The mayor Harriet Kueyl ordered on Wednesday an outside review of every transit contract.",
        "The review will cover five years of the contracts, the bids and payments to the depot builder.",
        "Auditors of the state will lead the review and report to the council before the summer recess.",
        "The council voted with nine to two to pay the review from its reserve fund.",
    ]
    docs = [
        {"id": "orig", "text": "\n\n".join(original), "date": "2034-06-14"},
        {"id": "copy", "text": "\n\n".join(copy), "date": "2034-06-15"},
    ]
    b = brief(docs, ner="rules")
    assert any(x.doc_id == "copy" and x.of == "orig" for x in b.sources)
    [quayle] = [a for a in b.actors if a.name == "Harriet Quayle"]
    assert "Harriet Kueyl" in {x.name for x in quayle.aliases}


def test_spans_of_time_disagree_but_rates_and_compound_spans_do_not():
    assert counts("The jury deliberated for about 14 hours over two days.") == {"hour": 14.0}
    assert counts("Babies cry for around 2 hours a day.") == {"hour/day": 2.0}  # a rate: no span of time
    assert counts("She reigned for 23,226 days, 16 hours and 30 minutes.") == {}
    assert counts("It runs 95 minutes; the sequel ran 110 minutes.") == {}


def test_quotations_sharing_only_small_words_stay_apart_but_a_paraphrased_part_joins():
    docs = [
        {
            "id": "a",
            "text": '"It was a camera," Chris White told reporters on Monday.\n\n'
            '"People climbed back into a wrecked carriage to help strangers," the mayor said.',
        },
        {
            "id": "b",
            "text": '"It was almost like a huge party on the deck," Cassandra Riini said on Monday.\n\n'
            'The mayor said bystanders had "climbed back into a wrecked tram car to help total strangers".',
        },
    ]
    quotes = brief(docs).quotes
    camera = next(q for q in quotes if q.text.startswith("It was a camera"))
    assert {s.doc_id for s in camera.support} == {"a"}
    climbed = next(q for q in quotes if "climbed back" in q.text)
    assert {s.doc_id for s in climbed.support} == {"a", "b"}


def test_one_person_under_a_shorter_name_is_no_dispute_about_who_said_it():
    quote = "I think by 2020, if oil stops, we can survive without it"
    docs = [
        {"id": "a", "text": f'"{quote}," Mohammad Bin Salman said in an interview with the channel.'},
        {"id": "b", "text": f'"{quote}," Mohammed said on Monday.'},
    ]
    assert [d for d in brief(docs).disagreements if d.kind == "speaker"] == []
    line = "If this is what sport is about when it comes to children, I want no part of it"
    father = [
        {"id": "a", "text": f'"{line}," Todd Powell said after the match.'},
        {"id": "b", "text": f'"{line}," said Powell Sr. on Sunday.'},
    ]
    assert [d for d in brief(father).disagreements if d.kind == "speaker"] == []


def test_an_approximate_time_allows_a_few_minutes_and_a_date_conflict_is_days_not_years():
    prom = [
        {
            "id": "a",
            "text": "Kristian Perez left the school prom at about 9:30 p.m. on Friday, his family said.",
        },
        {
            "id": "b",
            "text": "Kristian Perez had last been heard from at 9:32 p.m. on Friday, after he left the prom.",
        },
    ]
    assert not [d for d in brief(prom).disagreements if d.kind == "time"]
    heist = [
        {
            "id": "a",
            "date": "2015-03-18",
            "text": "Thieves posing as police officers stole 13 works from the Gardner museum in Boston on "
            "Thursday, the museum said.",
        },
        {
            "id": "b",
            "date": "1990-03-20",
            "text": "Two thieves dressed as police officers stole 13 works of art from the Gardner museum in "
            "Boston on Thursday, police said.",
        },
    ]
    assert not [d for d in brief(heist).disagreements if d.kind == "date"]


def test_ranges_increments_and_footnote_marks_are_no_counts_and_a_rate_is_its_own():
    assert counts("Employees aged 18 to 34 spend 70 minutes on their phones.") == {"minut": 70.0}
    assert counts("Attorneys general from California, New York and 13 other states signed it.") == {}
    assert counts("Up to 2 inches of snow per hour may fall around Boston.") == {"inch/hour": 2.0}
    assert (
        counts("It released 900 cubic metres per second.")
        == counts("900 cubic metres a second")
        == {"metr/second": 900.0}
    )
    assert counts("The May 19 release drew 2 1/2 hours of queues, one to three feet deep.") == {}
    assert counts("the “dispensation of the fulness of times.”5 Ancient principles were restored") == {}


def test_two_pairs_of_counts_of_one_noun_are_two_disagreements():
    docs = [
        {
            "id": "a",
            "text": "Nearly 7,000 people have been confirmed killed in the earthquake and tsunami.\n\n"
            "Some 390,000 people are homeless and sleeping in shelters after the earthquake and tsunami.",
        },
        {
            "id": "b",
            "text": "The earthquake and tsunami likely killed well more than 10,000 people, officials said.\n\n"
            "More than 452,000 people made homeless by the earthquake and tsunami are staying in shelters.",
        },
    ]
    topics = sorted(d.topic for d in brief(docs).disagreements if d.kind == "number")
    assert topics == ["how many people killed: 7,000, 10,000", "how many people: 390,000, 452,000"]


def test_a_transcripts_spelling_by_ear_joins_the_written_name():
    mentions = [
        mention("a", "Cormac Haldane"),
        mention("t", "Cormack Haldein"),
        mention("t", "Tobias Krasnicki"),
        mention("b", "Tobiah Krasniqi"),
        mention("c", "Tobias Krasniki"),
    ]
    actors, _ = resolve_actors(mentions, NO_COPIES, misheard=frozenset({"t"}))
    by_name = {a.name: {x.name for x in a.aliases} for a in actors}
    assert by_name["Cormac Haldane"] == {"Cormack Haldein"}
    assert by_name["Tobiah Krasniqi"] == {"Tobias Krasnicki", "Tobias Krasniki"}
    written, _ = resolve_actors(mentions, NO_COPIES)
    assert len(written) == 4  # an article's "Cormack Haldein" is someone else
    half_caught = [mention("a", "Ruairi Petrakis"), mention("t", "Rory Petrakis")]
    [ruairi], _ = resolve_actors(half_caught, NO_COPIES, misheard=frozenset({"t"}))
    assert [x.name for x in ruairi.aliases] == ["Rory Petrakis"]
    bodies = [mention("a", "Brask Chemicals", "ORG"), mention("t", "Brusk Chemicals", "ORG")]
    [brask], _ = resolve_actors(bodies, NO_COPIES, misheard=frozenset({"t"}))
    assert (brask.name, [x.name for x in brask.aliases]) == ("Brask Chemicals", ["Brusk Chemicals"])
    tagged_a_body = [mention("a", "Oluwaseun Brackley"), mention("t", "Olu Brackley", "ORG")]
    [olu], _ = resolve_actors(tagged_a_body, NO_COPIES, misheard=frozenset({"t"}))
    assert (olu.name, olu.type, [x.name for x in olu.aliases]) == (
        "Oluwaseun Brackley",
        "PERSON",
        ["Olu Brackley"],
    )


def test_a_river_is_one_place_whichever_side_its_word_is_on():
    assert name_key("the Caddon River") == name_key("River Caddon")


def test_a_height_is_no_count_and_a_dozen_is_twelve():
    assert counts("She stands about 5 feet 8 and weighs about 120 pounds.") == {"pound": 120.0}
    assert counts("He tapped two dozen members of the team, and four former officials agreed.") == {
        "member": 24.0,
        "offici": 4.0,
    }


def test_an_outlet_the_text_calls_by_its_last_word_is_the_sources_outlet():
    mentions = [
        mention("a", "Chronicle", "ORG"),
        mention("b", "Chronicle"),
        mention("a", "Kellsport", "GPE"),
    ]
    outlets = frozenset({"The Corvenhithe Chronicle", "K8 News Kellsport"})
    actors, _ = resolve_actors(mentions, NO_COPIES, outlets=outlets)
    by_name = {a.name: (a.type, [x.name for x in a.aliases]) for a in actors}
    assert by_name["Corvenhithe Chronicle"] == ("ORG", ["Chronicle"])
    assert by_name["Kellsport"] == ("GPE", [])  # a place, though an outlet's name ends with it


def test_counts_of_the_harmed_compare_by_harm_and_parts_of_one_whole_compare_as_parts():
    assert counts("Three people were killed and 19 people were injured when the roof fell.") == {
        "peopl:killed": 3.0,
        "peopl:injured": 19.0,
    }
    assert counts("The gas leak killed two workers, and five dead cattle were found.") == {
        "worker:killed": 2.0,
        "cattl:killed": 5.0,
    }
    docs = [
        {
            "id": "a",
            "text": "Three people were killed and 19 people were injured when the market roof at Veltby "
            "collapsed on Friday.\n\nOnly three of the eight doors of the Veltby market hall were unlocked, "
            "traders said.",
        },
        {
            "id": "b",
            "text": "Three people died and 26 people were hurt when part of the roof of Veltby's covered market "
            "fell in on Friday.\n\nFive of the eight doors were open, the market's manager insisted.",
        },
    ]
    topics = sorted(d.topic for d in brief(docs).disagreements if d.kind == "number")
    assert topics == ["how many doors (of 8): 3, 5", "how many people injured: 19, 26"]


def test_two_lower_bounds_both_hold_but_a_lower_bound_against_a_count_disagrees():
    def topics(a: str, b: str) -> list[str]:
        return [d.topic for d in brief([{"id": "a", "text": a}, {"id": "b", "text": b}]).disagreements]

    flooded = "More than {} homes in the Ressel valley were flooded when the river burst its banks on Sunday."
    assert topics(flooded.format("300"), flooded.format("400")) == []
    assert topics(flooded.format("300"), flooded.replace("More than {}", "Exactly 250")) == [
        "how many homes: 250, 300"
    ]


def test_times_said_aloud_and_across_midnight_and_approximate_times_as_windows():
    assert clock_time("police say it started around twenty past seven") == (7 * 60 + 20, "twenty past seven")
    assert clock_time("the alarm went at quarter to twelve") == (11 * 60 + 45, "quarter to twelve")

    def times(a: str, b: str) -> list[str]:
        docs = [{"id": "a", "text": a}, {"id": "b", "text": b}]
        return [d.topic for d in brief(docs).disagreements if d.kind == "time"]

    wire = "The fire at the Dunmere paper mill broke out at about 11:40 p.m., the fire service said."
    paper = "The fire at the Dunmere paper mill broke out shortly after midnight, workers told the paper."
    assert times(wire, paper) == ["what time: 11:40 p.m., midnight"]
    radio = "the fire at the dunmere paper mill broke out at about twenty to twelve our reporter says."
    assert times(wire, radio) == []  # one time, said two ways
    # The words right before the times say the same thing happened, though the sentences share little.
    began = "The stampede on Orvale pier began at about 7:40 p.m., when the gates were opened, police said."
    started = "Witnesses told us the stampede on the pier started shortly before 7.30pm as crowds swelled."
    assert times(began, started) == ["what time: 7.30pm, 7:40 p.m."]
    assert times(began, started.replace("shortly before 7.30pm", "at around 7.45pm")) == []


def test_a_denial_of_what_something_was_classed_as_is_no_denial_of_the_classing():
    assert not _negates(
        "The match was not classed as high-risk, police said.",
        "Police classed the match as a normal-risk fixture.",
    )
    assert _negates("The match was not classed as high-risk.", "Police had classed the match as high-risk.")


def test_a_short_form_joins_a_hospital_or_a_stadium_but_a_club_is_not_its_supporters_trust():
    mentions = [
        mention("a", "St Aldric's General Hospital", "ORG"),
        mention("b", "St Aldric", "ORG"),
        mention("a", "Ashcombe Road Stadium", "GPE"),
        mention("b", "Ashcombe Road", "GPE"),
        mention("c", "Ashcombe Road", "GPE"),
        mention("a", "Brannock Athletic", "ORG"),
        mention("b", "Brannock Athletic Supporters' Trust", "ORG"),
    ]
    actors, _ = resolve_actors(mentions, NO_COPIES)
    by_name = {a.name: [x.name for x in a.aliases] for a in actors}
    assert by_name == {
        "St Aldric's General Hospital": ["St Aldric"],
        "Ashcombe Road Stadium": ["Ashcombe Road"],
        "Brannock Athletic": [],
        "Brannock Athletic Supporters' Trust": [],
    }


def test_a_body_called_by_its_last_word_joins_the_one_body_with_that_word():
    mentions = [
        mention("a", "Brannock Athletic", "ORG"),
        mention("b", "Athletic", "ORG"),
        mention("a", "Tessmoor Police", "ORG"),
        mention("a", "Calvessa Police", "ORG"),
        mention("b", "Police", "ORG"),
    ]
    actors, _ = resolve_actors(mentions, NO_COPIES)
    by_name = {a.name: [x.name for x in a.aliases] for a in actors}
    assert by_name["Brannock Athletic"] == ["Athletic"]
    assert by_name["Police"] == []  # two forces end with it: which one is not said


def test_objects_pieces_and_items_are_one_count_of_things():
    docs = [
        {
            "id": "a",
            "text": "Thieves broke into the Orvale museum on Sunday night and escaped with 14 objects.",
        },
        {
            "id": "b",
            "text": "Thieves who broke into the Orvale museum on Sunday night took nineteen pieces, staff said.",
        },
    ]
    assert [d.topic for d in brief(docs).disagreements if d.kind == "number"] == ["how many pieces: 14, 19"]


def test_a_spun_copys_name_joins_the_original_it_stands_for_though_tagged_a_body_not_a_place():
    link = CopyLink("spun", "orig", "derivative", 0.6, "spun")
    provenance = Provenance((link,), {"spun": "orig", "orig": "orig"}, {})
    mentions = [mention("orig", "Quayside Walk", "GPE"), mention("spun", "Quayside Stroll", "ORG")]
    [walk], _ = resolve_actors(mentions, provenance, copied={1: 0})
    assert (walk.name, [x.name for x in walk.aliases]) == ("Quayside Walk", ["Quayside Stroll"])
    people = [mention("orig", "Quayside Walk", "GPE"), mention("spun", "Quayside Stroll", "PERSON")]
    assert len(resolve_actors(people, provenance, copied={1: 0})[0]) == 2  # a person is no street
