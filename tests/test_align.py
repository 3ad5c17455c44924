from newsfuse.align import align_facts
from newsfuse.model import Document
from newsfuse.provenance import find_copies
from newsfuse.represent import represent
from newsfuse.segment import segment_documents
from newsfuse.settings import Settings

from .conftest import cleaned


def run(docs: list[Document]):
    settings = Settings()
    provenance = find_copies(docs, settings)
    live = [d for d in docs if d.id not in provenance.duplicates]
    sentences = segment_documents(live, settings)
    return sentences, align_facts(sentences, represent(sentences, settings), provenance, settings)


def test_empty():
    sentences, alignment = run([])
    assert sentences == [] and alignment.facts == ()


def test_one_document_gives_single_source_facts():
    _, alignment = run(
        cleaned("=== a.txt\nThe bridge closed on Monday. Repairs will take eight months, engineers said.\n")
    )
    assert alignment.facts and all(f.independent_sources == 1 for f in alignment.facts)


def test_paraphrases_across_documents_form_one_fact_and_copies_count_once():
    docs = cleaned(
        """
        === a.txt
        Two firefighters were treated for smoke inhalation at Alder General Hospital on Tuesday.

        The mayor thanked volunteers who handed out water at the shelter.
        === b.txt
        Two firefighters were treated for smoke inhalation and released from Alder General Hospital.

        Bus services to the harbour will resume on Friday, the operator said.
        === c.txt
        Two firefighters were treated for smoke inhalation and released from Alder General Hospital.

        Bus services to the harbour will resume on Friday, the operator said.
        """
    )
    _, alignment = run(docs)
    fact = alignment.facts[alignment.fact_of[0]]
    assert set(fact.sources) == {"a.txt", "b.txt"}  # c.txt is an exact copy of b.txt: not even read
    assert fact.independent_sources == 2
    unrelated = alignment.facts[alignment.fact_of[1]]
    assert unrelated.sources == ("a.txt",)


def test_one_shared_word_is_not_the_same_statement():
    docs = cleaned("=== a.txt\nPeople may not know.\n\n=== b.txt\nI do not know.\n")
    _, alignment = run(docs)
    assert all(f.independent_sources == 1 for f in alignment.facts)


def test_a_fact_is_worded_by_a_source_that_reads_like_no_spun_rewrite():
    docs = cleaned(
        """
        === a.txt
        The security talks going down Monday are the first round in a collection of meetings with Russia.

        "We will listen," the envoy instructed reporters. The final week was calm, the ministry mentioned.
        === b.txt
        The security talks on Monday are the first round in a series of meetings with Russia.

        Officials expect a second round of talks in Vienna later in the month.
        """
    )
    _, alignment = run(docs)
    fact = next(f for f in alignment.facts if f.independent_sources == 2)
    assert fact.text.startswith("The security talks on Monday")
