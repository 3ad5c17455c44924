import pytest

from newsfuse import brief
from newsfuse.errors import BackendUnavailable
from newsfuse.represent import content_terms, embeddings_available, represent
from newsfuse.segment import segment_documents
from newsfuse.settings import Settings

from .conftest import SAMPLE, cleaned


def test_content_terms_are_stemmed_and_skip_function_words():
    assert content_terms("The firefighters were treated for 1,200 burns, officials said.") == [
        "firefight",
        "treat",
        "1,200",
        "burn",
        "offici",
    ]


def test_lexical_vectors_are_unit_length():
    docs = cleaned("=== a.txt\nThe bridge closed on Monday. Repairs will take months, engineers said.\n")
    vectors = represent(segment_documents(docs, Settings()), Settings())
    norms = vectors.matrix.multiply(vectors.matrix).sum(axis=1)
    assert vectors.backend == "lexical" and vectors.dense is None
    assert all(abs(n - 1.0) < 1e-9 for n in norms.A1)


def test_auto_falls_back_to_lexical_and_says_so():
    briefing = brief([SAMPLE], similarity="auto")
    assert briefing.settings["similarity_used"] == ("embeddings" if embeddings_available() else "lexical")


@pytest.mark.skipif(embeddings_available(), reason="the embeddings extra is installed")
def test_asking_for_embeddings_without_the_extra_names_the_install():
    with pytest.raises(BackendUnavailable, match=r"pip install 'newsfuse\[embeddings\]'"):
        brief([SAMPLE], similarity="embeddings")


@pytest.mark.skipif(not embeddings_available(), reason="the embeddings extra is not installed")
def test_embeddings_link_paraphrases_the_words_do_not_show():
    lexical = brief([SAMPLE])
    dense = brief([SAMPLE], similarity="embeddings")
    assert dense.settings["similarity_used"] == "embeddings"
    top = lambda b: max(f.independent_sources for f in b.facts)  # noqa: E731
    assert top(dense) >= top(lexical)
