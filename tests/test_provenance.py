import dataclasses

from newsfuse import brief
from newsfuse.model import Document, Removed
from newsfuse.provenance import ALL_PAIRS_UP_TO, find_copies
from newsfuse.settings import Settings

from .conftest import ROOT

STORY = (
    "Firefighters contained a blaze at a chemical warehouse on the Port Alder waterfront on Tuesday after 19 hours, "
    "the fire chief said. About 1,200 residents of the Eastquay neighbourhood were evacuated overnight. Two "
    "firefighters were treated for smoke inhalation and released from hospital on Tuesday morning. The mayor said "
    "the evacuation order would remain in place until at least Wednesday while air quality was tested. "
)
OTHER = (
    "The state environment office opened an inquiry on Thursday into what was stored in the building, a spokeswoman "
    "told reporters at city hall. The company said it would cooperate fully and apologised to residents. The city "
    "council voted for an emergency fund of 2.5 million dollars for families and shops hit by the closure. "
)


CHROME = (
    Removed(0, 9, "boilerplate:related", "Check Also"),
    Removed(10, 20, "boilerplate:comment-form", "Leave a Reply"),
)


def doc(doc_id: str, text: str, **kw) -> Document:
    return Document(id=doc_id, raw=text, text=text, **kw)


def test_empty_and_single():
    assert find_copies([], Settings()).links == ()
    assert find_copies([doc("a", STORY)], Settings()).links == ()


def test_exact_and_near_duplicates_point_at_the_original():
    docs = [
        doc("a", STORY + OTHER),
        doc("b", STORY + OTHER),
        doc("c", "Advertisement. " + STORY + OTHER + " Leave a comment below.", removed=CHROME),
        doc("d", OTHER + " An unrelated closing paragraph about the weather this weekend in the city."),
        doc(
            "e", "A new bakery opened on the high street, selling bread baked overnight. Queues formed early."
        ),
    ]
    provenance = find_copies(docs, Settings())
    links = {link.doc_id: link for link in provenance.links}
    assert links["b"].of == "a" and links["b"].how == "exact copy" and links["b"].status == "duplicate"
    assert links["c"].of == "a" and links["c"].similarity >= 0.8
    assert (links["d"].of, links["d"].status) == ("a", "derivative")  # reprints half of a, word for word
    assert "e" not in links
    assert provenance.independent(["a", "b", "c", "d", "e"]) == 2


def test_truncated_reprint_is_contained():
    docs = [doc("full", STORY + OTHER), doc("short", STORY)]
    [link] = find_copies(docs, Settings()).links
    assert (link.doc_id, link.of, link.how) == ("short", "full", "truncated")


def test_earlier_date_is_the_original():
    docs = [doc("late", STORY + OTHER, date="2026-03-05"), doc("early", STORY + OTHER, date="2026-03-03")]
    [link] = find_copies(docs, Settings()).links
    assert (link.doc_id, link.of) == ("late", "early")


def test_a_copy_that_credits_the_original_by_its_short_name_points_at_it():
    original = doc("echo", STORY + OTHER, date="2026-03-03", source="Wrenmouth Echo")
    copy = doc("copy", STORY + OTHER + " The Echo could not check the material.", date="2026-03-03")
    for docs in ([original, copy], [copy, original]):
        [link] = find_copies(docs, Settings()).links
        assert (link.doc_id, link.of) == ("copy", "echo"), link.why


def test_independent_reports_are_not_copies():
    docs = [doc("a", STORY), doc("b", OTHER)]
    assert find_copies(docs, Settings()).links == ()


def test_large_clusters_use_lsh_candidates_and_find_the_same_copies():
    filler = [
        doc(f"n{i}", f"Report number {i} about topic {i * 7} with words {i} {i + 1} {i + 2} and more. " * 6)
        for i in range(ALL_PAIRS_UP_TO)
    ]
    docs = [*filler, doc("orig", STORY + OTHER), doc("copy", STORY + OTHER)]
    links = find_copies(docs, Settings()).links
    assert [(link.doc_id, link.of) for link in links] == [("copy", "orig")]


def test_rejected_documents_are_ignored():
    docs = [doc("a", STORY), dataclasses.replace(doc("b", STORY), rejected="not English")]
    assert find_copies(docs, Settings()).links == ()


def test_spun_rewrite_is_a_derivative_of_its_original(sample_docs):
    provenance = find_copies(sample_docs, Settings())
    link = provenance.link("04-market-daily-spun.txt")
    assert link is not None and (link.of, link.status, link.how) == (
        "01-harbor-herald.txt",
        "derivative",
        "spun",
    )
    assert "credits it" in link.why or "spun" in link.why
    assert provenance.link("06-nordvik-translated.txt") is None  # independent reporting, however stilted
    assert provenance.independent([d.id for d in sample_docs]) == 6


THIRD = (
    "Residents of Eastquay returned home on Thursday after the evacuation order over the waterfront warehouse "
    "fire was lifted. The fire chief said tests found no harmful smoke in the air, and the mayor thanked the "
    "firefighters who worked through the night at the burning warehouse."
)
LOGIN_WALL = (
    "Just one more step. We have sent a verification link to your inbox. Please open it to activate your "
    "account, then sign in again to keep reading unlimited stories on any device."
)


def test_a_page_that_shares_nothing_with_a_coherent_cluster_is_off_topic():
    docs = [doc("a", STORY), doc("b", OTHER + STORY[:200]), doc("c", THIRD), doc("w", LOGIN_WALL)]
    provenance = find_copies(docs, Settings())
    assert set(provenance.off_topic) == {"w"}
    assert provenance.off_topic["w"].startswith("off-topic: shares almost no content words")
    copies = [*docs, doc("w2", LOGIN_WALL + " Thank you.")]  # a copy goes with its original
    assert set(find_copies(copies, Settings()).off_topic) == {"w", "w2"}


def test_no_document_is_off_topic_when_there_is_no_story_to_compare_with():
    assert find_copies([doc("a", STORY), doc("w", LOGIN_WALL)], Settings()).off_topic == {}
    unrelated = (
        "The county fair opens on Saturday with a new livestock hall, a pie contest and free parking for "
        "families who arrive before ten in the morning."
    )
    assert (
        find_copies([doc("a", STORY), doc("w", LOGIN_WALL), doc("u", unrelated)], Settings()).off_topic == {}
    )


def test_how_a_copy_was_made_is_told_apart():
    """The shipped clusters' copies: a spinner keeps the function words in place, a translation does not."""
    for cluster, copy, how in (
        ("hospital-cyberattack", "07-trendpulsehub-spun.txt", "spun"),
        ("hospital-cyberattack", "08-rheintal-anzeiger-translated.txt", "translated"),
        ("airport-shutdown", "08-savski-obzornik-translated.txt", "translated"),
    ):
        record = next(s for s in brief([ROOT / "samples" / cluster]).sources if s.doc_id == copy)
        assert (record.reason or "").startswith(how), record.reason
