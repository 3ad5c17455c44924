from newsfuse.segment import segment_documents
from newsfuse.settings import Settings

from .conftest import cleaned


def test_empty_input():
    assert segment_documents([], Settings()) == []


def test_one_document_offsets_round_trip():
    [doc] = cleaned(
        """
        === a.txt
        Talks end without a deal

        GENEVA (Coastline Wire) — The U.S. and Russia met on Jan. 10 in Geneva. Talks ran 7 hours, Sen. Ray Cole said.

        “We will not wait forever,” the minister said. “Our patience is running out.”
        """
    )
    sentences = segment_documents([doc], Settings())
    assert [s.text for s in sentences] == [
        "The U.S. and Russia met on Jan. 10 in Geneva.",
        "Talks ran 7 hours, Sen. Ray Cole said.",
        "“We will not wait forever,” the minister said.",
        "“Our patience is running out.”",
    ]
    assert [s.paragraph for s in sentences] == [0, 0, 1, 1]
    for s in sentences:
        assert doc.text[s.start : s.end] == s.text
        assert doc.raw[s.raw_start : s.raw_end] == s.text  # verbatim text maps exactly


def test_no_sentence_spans_two_paragraphs():
    [doc] = cleaned(
        "=== a.txt\nFirst paragraph without a stop\n\nSecond paragraph ends here.\n\nThird one too.\n"
    )
    sentences = segment_documents([doc], Settings())
    assert all("\n" not in s.text for s in sentences)


def test_rejected_documents_have_no_sentences():
    docs = cleaned(
        "=== a.txt\nLeave a Comment\n\n=== b.txt\nThe fire was put out on Tuesday, the chief said.\n"
    )
    assert docs[0].rejected
    assert {s.doc_id for s in segment_documents(docs, Settings())} == {"b.txt"}


def test_a_dateline_opening_a_later_paragraph_is_set_aside():
    [doc] = cleaned(
        """
        === a.txt
        The harbour fire is out after 19 hours, and residents are going home.

        HARBOURTON, March 3 (Coastline Wire) — Firefighters put out the warehouse fire on Tuesday.

        TRAM-CRASH _ KELLSPORT _ Investigators reached the crash site on Wednesday morning.

        DANA: we are live at the harbour this morning.
        """
    )
    texts = [s.text for s in segment_documents([doc], Settings())]
    assert "Firefighters put out the warehouse fire on Tuesday." in texts
    assert "Investigators reached the crash site on Wednesday morning." in texts
    assert "DANA: we are live at the harbour this morning." in texts  # a speaker label, not a dateline
    for s in segment_documents([doc], Settings()):
        assert doc.text[s.start : s.end] == s.text


def test_lower_cased_text_is_split_at_full_stops():
    [doc] = cleaned(
        "=== a.txt\nthe harbour fire is out, officials said on tuesday. residents of the u.s. base went home at"
        " 5 p.m. on wednesday. schools reopen thursday!\n"
    )
    texts = [s.text for s in segment_documents([doc], Settings())]
    assert texts == [
        "the harbour fire is out, officials said on tuesday.",
        "residents of the u.s. base went home at 5 p.m. on wednesday.",
        "schools reopen thursday!",
    ]


def test_sentences_glued_without_a_space_are_split():
    [doc] = cleaned(
        "=== a.txt\nThe ferry left at noon, the harbour office said.The U.S. Coast Guard escorted it out."
        '“We were ready,” the captain said."It was calm," a passenger said.She went home.\n'
    )
    texts = [s.text for s in segment_documents([doc], Settings())]
    assert texts == [
        "The ferry left at noon, the harbour office said.",
        "The U.S. Coast Guard escorted it out.",
        "“We were ready,” the captain said.",
        '"It was calm," a passenger said.',
        "She went home.",
    ]
