from newsfuse.clean.transcripts import case_vocabulary, introduced_names, misheard_names, transcript_evidence

from ..conftest import cleaned

ARTICLE = (
    "Foreign Minister Sergei Lavrov said on Friday that NATO had ignored Moscow's proposals for the talks in "
    "Geneva. The Organization for Security and Co-operation in Europe will meet in Vienna, Lavrov added.\n"
)
TRANSCRIPT = (
    "and then lavrov said it s over. that s what we heard from geneva tonight, and we don t expect more. "
    "anna: the organization for security and co-operation in europe meets thursday in vienna. "
    "the u.s. team [inaudible] was there. i m told the nato side said no. and the talks will contin\n"
)


def test_detects_transcripts_not_articles():
    assert transcript_evidence(TRANSCRIPT).is_transcript
    assert not transcript_evidence(ARTICLE).is_transcript
    lower_article = "the council met on monday. the mayor said the budget would pass by friday, aides said."
    assert not transcript_evidence(lower_article).is_transcript  # lower case alone is not a transcript


def test_repairs_with_the_cluster_as_vocabulary():
    article, transcript = cleaned(f"=== a.txt\n{ARTICLE}\n=== t.txt\n{TRANSCRIPT}")
    assert transcript.kind == "transcript" and article.kind == "article"
    text = transcript.text
    assert "Lavrov said it's over." in text  # capital from the other document, apostrophe restored
    assert "That's what we heard from Geneva tonight, and we don't expect more." in text
    assert "The Organization for Security and Co-operation in Europe meets Thursday in Vienna." in text
    assert "The u.s. team was there." in text  # no sentence break after an abbreviation
    assert "I'm told the NATO side said no." in text
    assert "[inaudible]" not in text and "anna:" not in text
    assert "contin" not in text  # the clip's cut-off end is dropped
    reasons = {r.reason for r in transcript.removed}
    assert {"transcript:artefact", "transcript:speaker-marker", "transcript:cut-off"} <= reasons


def test_offsets_point_back_into_the_raw_transcript():
    [doc] = cleaned(f"=== t.txt\n{TRANSCRIPT}")
    for word in ("geneva", "vienna", "told", "don't"):
        at = doc.text.lower().index(word)
        raw_at = doc.offsets.to_raw(at)
        assert doc.raw[raw_at : raw_at + len(word)] == word.replace("'", " ")


def test_common_words_are_never_recased_as_names():
    vocabulary = case_vocabulary(
        ["Officials from the US and the EU met. It may rain, the US envoy said in May."]
    )
    assert "us" not in vocabulary and "may" not in vocabulary
    assert vocabulary.get("eu") == "EU"


def test_one_transcript_alone_still_gets_sentence_capitals():
    [doc] = cleaned(f"=== t.txt\n{TRANSCRIPT}")
    assert doc.text.startswith("And then lavrov said it's over.")


def test_speakers_introduced_by_full_name_keep_their_surname():
    clip = (
        "good evening, i m dana whitfield. our reporter rick sandoval is at the cordon. rick? "
        "rick: dana, it s a tense scene here and the road is closed. dana: thank you rick, stay safe out there.\n"
    )
    [doc] = cleaned(f"=== t.txt\n{clip}")
    assert "I'm Dana Whitfield." in doc.text and "Our reporter Rick Sandoval is at the cordon." in doc.text
    assert "thank you Rick" in doc.text.replace("Thank", "thank")
    assert "Tense" not in doc.text  # only the words after an introduced speaker's name


def test_a_name_spelled_by_ear_is_capitalized_as_heard():
    vocabulary = case_vocabulary(
        ["Mayor Cormac Haldane opened the hall. Residents such as Elspeth Marwood stayed. The river rose."]
    )
    heard = (
        "the mayor, cormack haldein, was there. i spoke to elsbeth marwood. the river rose and carried on."
    )
    assert misheard_names(heard, vocabulary) == {
        "cormack haldein": "Cormack Haldein",
        "elsbeth marwood": "Elsbeth Marwood",
    }
    shift = case_vocabulary(["Technician Ruairi Petrakis was on shift at the Saltings Industrial Park."])
    clip = "one of the men on shift, rory petrakis, works at the industrial park."
    assert misheard_names(clip, shift) == {"rory petrakis": "Rory Petrakis"}  # the park is no name heard


def test_a_guest_introduced_with_a_description_is_a_name():
    clip = "okay, thank you. joining us now is michael bosser, a global affairs analyst. michael, welcome."
    assert introduced_names(clip) == {"michael bosser": "Michael Bosser"}
    assert introduced_names("joining us now is the mayor, who spoke earlier.") == {}


def test_a_possessive_name_is_recased_where_a_transcript_lost_its_apostrophe():
    vocabulary = case_vocabulary(["Eleven people remain at St Aldric's General Hospital, doctors said."])
    assert vocabulary["aldrics"] == "Aldrics"
    assert vocabulary["st aldrics general hospital"] == "St Aldrics General Hospital"


def test_a_turn_the_next_speaker_takes_over_keeps_its_last_words_unless_they_stop_short():
    raw = (
        "anchor: police were back all day and a little while ago i heard from the officer leading the inquiry\n"
        "dorn: there is no sign anyone inside helped them. we are looking at the river side and the\n"
        "anchor: and the travel now. the ring road is closed after a littl\n"
        "anchor: that is all from us tonight, we will be back at ten with the latest on the museum.\n"
    )
    [t] = cleaned(f"=== t.txt\n{raw}")
    assert "the officer leading the inquiry" in t.text  # the next speaker took over: nothing was cut
    assert "river side and the" not in t.text  # a function word: the clip stopped short
    assert "closed after a" not in t.text  # "littl": "little" is written elsewhere, a word cut in two


def test_someone_talked_to_whose_surname_then_speaks_is_a_full_name():
    raw = (
        "anchor: ive also been talking to hester okafor whos volunteered on the desk for years. okafor: i "
        "never felt unsafe. anchor: and talking to local residents who live nearby, the mood is grim."
    )
    names = introduced_names(raw)
    assert names["hester okafor"] == "Hester Okafor"
    assert "local residents" not in names  # "residents" never speaks as a turn's marker
