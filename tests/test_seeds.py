"""The foundation's promises on the five real seed documents (read from ../shared, never copied here)."""

import re

import pytest

from newsfuse import brief
from newsfuse.render import to_json, to_markdown

from .conftest import seeds

# Lines of the seeds that are site chrome or metadata, by their start: none may appear in any output.
CHROME = (
    "- Advertisement -",
    "Bloomberg | Bloomberg | Getty Images",
    "A prospects wears a protecting face masks",
    "Source link",
    "Related Articles",
    "Leave a Comment",
    "Thursday , March 23 2023",
    "About admin",
    "Check Also",
    "Photos: World",
    "Water is the lifeblood",
    "Leave a Reply",
    "Your email address will not be published",
    "Tensions are high on Ukraine",
    "You may also like",
    "by time news",
    "Russian Deputy Foreign Minister Alexander Grushko, right,",
)


@pytest.fixture(scope="module")
def briefing():
    return brief(seeds(), words=250)


def test_no_boilerplate_line_appears_anywhere(briefing):
    text = "\n".join(s.text for s in briefing.summary) + "\n".join(f.text for f in briefing.facts)
    for chrome in CHROME:
        assert chrome not in text


def test_every_summary_sentence_cites_a_document_that_contains_it(briefing):
    docs = {p.name: p.read_text() for p in seeds()}
    for sentence in briefing.summary:
        own = sentence.citations[0]
        words = re.findall(r"\w+", sentence.text.lower())
        source = " ".join(re.findall(r"\w+", docs[own].lower()))
        assert " ".join(words) in source, sentence.text


def test_transcript_comes_out_readable():
    from newsfuse.clean import clean_documents
    from newsfuse.ingest import load_documents
    from newsfuse.segment import segment_documents
    from newsfuse.settings import Settings

    docs = clean_documents(load_documents(seeds()), Settings())
    transcript = next(d for d in docs if d.kind == "transcript")
    assert " s " not in transcript.text and " don t " not in transcript.text
    assert "[inaudible]" not in transcript.text
    sentences = [s.text for s in segment_documents([transcript], Settings())]
    assert len(sentences) > 40
    assert sum(s[:1].isupper() for s in sentences) >= 0.95 * len(sentences)
    for name in ("Peskov", "NATO", "Russia", "Ukraine", "Putin"):
        assert name in transcript.text


def test_source_table_lists_all_five_with_plausible_outlets(briefing):
    records = {r.doc_id[:3]: r for r in briefing.sources}
    assert len(records) == 5 and all(r.status == "used" for r in records.values())
    assert records["002"].source.lower() == "politico"
    assert records["003"].source == "CNN"
    assert records["004"].source == "time news"
    assert records["001"].source == "CNBC"
    assert records["000"].kind == "transcript"
    assert records["003"].date is None  # the scraper's 2023 line is not a publication date
    assert all(r.date is None or r.date.startswith("2022") for r in records.values())


def test_renders(briefing):
    assert to_markdown(briefing).startswith("# ")
    assert '"schema": "newsfuse.briefing/1"' in to_json(briefing)


def test_one_person_is_named_as_the_untranslated_source_spells_it(briefing):
    psaki = next(a for a in briefing.actors if "Psaki" in {a.name, *(x.name for x in a.aliases)})
    assert psaki.name == "Jen Psaki"
    assert "Jen Saki" in {x.name for x in psaki.aliases}
