"""Every stage on the same ladder of inputs: none, one document, two near-duplicates, a realistic set.

Each rung checks the invariants every stage promises: offsets point at the text they claim, nothing is
dropped silently, copies count once, and the budget holds.
"""

import pytest

from newsfuse.align import align_facts
from newsfuse.briefing import brief_documents
from newsfuse.clean import clean_documents
from newsfuse.model import Document
from newsfuse.provenance import find_copies
from newsfuse.represent import represent
from newsfuse.segment import segment_documents
from newsfuse.settings import Settings

from .conftest import parse_docs

STORY = (
    "Firefighters contained the warehouse blaze on Tuesday after 19 hours, Fire Chief Daniel Marsh said.\n\n"
    "About 1,200 residents were evacuated from the Eastquay neighbourhood overnight, officials said.\n"
)


def ladder(sample_raw: list[Document]) -> dict[str, list[Document]]:
    return {
        "empty": [],
        "one document": parse_docs(f"=== a.txt\nFire contained after 19 hours\n\n{STORY}"),
        "two near-duplicates": parse_docs(
            f"=== a.txt\nFire contained after 19 hours\n\n{STORY}\n"
            f"=== b.txt\n- Advertisement -\n\nFire contained after 19 hours\n\n{STORY}\nLeave a Comment\n"
        ),
        "realistic set": sample_raw,
    }


@pytest.mark.parametrize("rung", ["empty", "one document", "two near-duplicates", "realistic set"])
def test_every_stage_on_the_ladder(rung, sample_raw):
    settings = Settings(words=80)
    raw = ladder(sample_raw)[rung]
    docs = clean_documents(raw, settings)
    assert [d.id for d in docs] == [d.id for d in raw]
    for doc in docs:
        for removed in doc.removed:
            assert doc.raw[removed.start : removed.end] == removed.text

    provenance = find_copies(docs, settings)
    if rung == "two near-duplicates":
        assert [(link.doc_id, link.of) for link in provenance.links] == [("b.txt", "a.txt")]

    live = [d for d in docs if not d.rejected and d.id not in provenance.duplicates]
    sentences = segment_documents(live, settings)
    texts = {d.id: d.text for d in live}
    assert all(texts[s.doc_id][s.start : s.end] == s.text for s in sentences)

    alignment = align_facts(sentences, represent(sentences, settings), provenance, settings)
    assert sum(len(f.support) for f in alignment.facts) == len(
        sentences
    )  # every sentence in exactly one fact

    briefing = brief_documents(raw, settings)
    assert len(briefing.sources) == len(raw)
    assert sum(len(s.text.split()) for s in briefing.summary) <= 80
    if raw:
        assert briefing.summary
