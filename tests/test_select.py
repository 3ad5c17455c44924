import pytest

from newsfuse.briefing import brief_documents
from newsfuse.model import Document, Sentence
from newsfuse.represent import analyze, content_of
from newsfuse.select import eligible
from newsfuse.select.coverage import concepts_of
from newsfuse.settings import Settings

from .conftest import parse_docs


def words(briefing) -> int:
    return sum(len(s.text.split()) for s in briefing.summary)


@pytest.mark.parametrize("budget", [10, 40, 75, 150, 400])
def test_budget_is_never_exceeded(sample_raw, budget):
    briefing = brief_documents(sample_raw, Settings(words=budget))
    assert words(briefing) <= budget


def test_summary_is_extractive_and_cites_its_own_document_first(sample_raw):
    briefing = brief_documents(sample_raw, Settings(words=200))
    texts = {d.id: d for d in briefing_docs(sample_raw)}
    for sentence in briefing.summary:
        own = sentence.support[0]
        assert sentence.citations[0] == own.doc_id
        assert texts[own.doc_id].text[own.start : own.end] == sentence.text
        assert len(sentence.citations) == len(set(sentence.citations))


def briefing_docs(docs):
    from newsfuse.clean import clean_documents

    return clean_documents(docs, Settings())


def test_eligibility_rules():
    settings = Settings()

    def make(text: str) -> Sentence:
        return Sentence("d", 0, 0, len(text), 0, len(text), 0, text)

    assert eligible(make("The council approved the budget on Monday by five votes to two."), settings)
    assert not eligible(make("Will the council approve the budget on Monday this week?"), settings)
    assert not eligible(make("“We will stay on that site until every hot spot is gone,"), settings)
    assert not eligible(make("Short one."), settings)
    assert not eligible(make("and then the council approved the budget on Monday night."), settings)
    assert not eligible(
        make("WE ARE GOING TO BE ON TRAVERSE CREEK, A WELL-KNOWN AREA TO FIND GOLD."), settings
    )
    assert eligible(make("NASA and the FAA said the UK and EU approved the NATO plan on Monday."), settings)
    # photo captions describe a picture the reader cannot see
    assert not eligible(
        make("In this March 3, 2026 file photo, firefighters spray water on the warehouse."), settings
    )
    assert not eligible(make("This undated photo provided by the family shows the missing hiker."), settings)
    assert eligible(
        make("This week the council voted to rebuild the warehouse after a photo finish."), settings
    )
    assert not eligible(
        make("Mayor Lena Okafor walks past reporters at City Hall in Harbourton, Tuesday, March 3, 2026."),
        settings,
    )
    assert not eligible(
        make("A firefighter sprays water on the warehouse in Harbourton March 3, 2026."), settings
    )
    assert eligible(make("The new harbour rules will come into force on March 3, 2026."), settings)
    # widget labels glued to a sentence, and pointers to media the summary cannot show
    assert not eligible(make("CLOSE Mayor Okafor explains why the shelter will close on Friday."), settings)
    assert not eligible(make("Enlarge Family photo Ana Reyes holds her son at the harbour."), settings)
    assert not eligible(make("The council streamed the whole meeting, and you can watch it below."), settings)
    assert not eligible(make("Read more about the shelter's long history here."), settings)
    assert eligible(make("The shelter will close on Friday, and the families will move here."), settings)
    assert eligible(make("Nobody has fished the bay since the spill of January 9, 2019."), settings)
    assert not eligible(
        make("Rescuers reached the two hikers stranded on the ridge late Monday, more..."), settings
    )
    assert not eligible(make("“We kept walking and walking until the lights of the farm …”"), settings)
    assert eligible(make("“If this is what it takes... so be it,” the mayor told the council."), settings)
    # links and page debris
    assert not eligible(
        make("Tickets for the benefit concert are on sale at www.example-arena.test today."), settings
    )
    assert not eligible(
        make("March 3, 2026, 4:40 PM |Mayor Okafor said the shelter will close on Friday."), settings
    )


def test_concepts_are_word_bigrams_and_content_bigrams():
    words, stems = analyze("The bridge will close to traffic for the repairs.")
    concepts = concepts_of(words, stems, content_of(words, stems))
    assert {
        ("the", "bridg"),
        ("bridg", "will"),
        ("close", "to"),
        ("to", "traffic"),
        ("traffic", "for"),
    } <= concepts
    assert ("bridg", "close") in concepts  # content words with the function word between them skipped
    assert ("traffic", "repair") in concepts
    assert ("for", "the") not in concepts  # two function words say nothing


def test_query_focuses_the_summary():
    docs = parse_docs(
        """
        === a.txt
        The city council approved a new budget for schools on Monday after a long debate.

        Separately, the harbour ferry will run a reduced timetable during repairs to the pier.
        === b.txt
        Council members voted for the schools budget on Monday, adding money for teachers.

        The ferry operator said pier repairs would last three weeks and cut some sailings.
        """
    )
    about_ferry = brief_documents(docs, Settings(words=20, query="ferry pier repairs timetable"))
    assert "ferry" in about_ferry.summary_text.lower() or "pier" in about_ferry.summary_text.lower()


def test_no_eligible_sentence_still_gives_a_summary():
    docs = [Document(id="a", raw="Fire. Smoke rose. Roads shut. Wind fell.")]
    briefing = brief_documents(docs, Settings(words=10))
    assert briefing.summary and words(briefing) <= 10


def test_sentences_that_point_back_lean_on_context():
    from newsfuse.select.candidates import leans_on_context

    assert leans_on_context("The ones with NATO and the ones with the OSCE in Vienna.")
    assert leans_on_context("But the council did not say when the bridge would reopen.")
    assert leans_on_context("“We will rebuild the pier before the summer,” she said.")
    assert not leans_on_context("The council did not say when the bridge would reopen.")
    assert not leans_on_context("Theresa Lund said the pier would be rebuilt before the summer.")
