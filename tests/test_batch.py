"""Bad clusters still get a summary or a clear per-cluster error, and never more words than asked."""

import random

from newsfuse.batch import brief_cluster, query_text
from newsfuse.settings import Settings

from .conftest import SAMPLE

TEXT = (SAMPLE / "01-harbor-herald.txt").read_text()


def test_one_document_cluster():
    result = brief_cluster({"id": "one", "documents": [{"text": TEXT}]}, Settings(words=60))
    assert "error" not in result and 0 < len(result["summary"].split()) <= 60


def test_empty_documents_give_a_clear_error():
    result = brief_cluster({"id": "e", "documents": [{"text": ""}, {"text": "  "}]}, Settings(words=60))
    assert result["summary"] == "" and "no usable text in 2 document(s): empty 'text'" in result["error"]


def test_no_sentence_within_the_budget_is_said_so():
    text = "The council met on Monday and voted to close the old bridge for repairs after engineers found cracks."
    result = brief_cluster({"id": "b", "documents": [{"text": text}]}, Settings(words=5))
    assert (
        result["summary"] == ""
        and result["error"] == "no sentence of the usable documents fits the 5-word budget"
    )


def test_no_sentence_longer_than_five_words_still_summarized():
    result = brief_cluster(
        {"id": "s", "documents": [{"text": "Fire. Smoke rose. Roads shut. Wind fell."}]}, Settings(words=6)
    )
    assert result["summary"] and len(result["summary"].split()) <= 6


def test_a_fifty_thousand_word_document():
    rng = random.Random(7)
    sentences = [s.strip() + "." for s in TEXT.replace("\n", " ").split(". ") if len(s.split()) > 4]
    paragraphs = []
    while sum(len(p.split()) for p in paragraphs) < 50_000:
        paragraphs.append(" ".join(rng.sample(sentences, 5)))
    result = brief_cluster(
        {"id": "big", "documents": [{"text": "\n\n".join(paragraphs)}]}, Settings(words=200)
    )
    assert "error" not in result and 0 < len(result["summary"].split()) <= 200


def test_duc_style_queries_are_joined():
    assert (
        query_text({"title": "Reservations", "narrative": "Discuss conditions."})
        == "Reservations Discuss conditions."
    )
    assert query_text(None) == ""
