import json

from newsfuse import brief
from newsfuse.briefing import brief_documents
from newsfuse.model import Document
from newsfuse.render import to_json, to_markdown
from newsfuse.settings import Settings

from .conftest import ROOT, SAMPLE

GOLDEN = ROOT / "tests" / "golden"


def test_empty_documents_are_accounted_for():
    briefing = brief_documents([Document(id="a", raw="", rejected="empty file")], Settings())
    assert briefing.summary == () and briefing.facts == ()
    assert [(s.doc_id, s.status, s.reason) for s in briefing.sources] == [("a", "rejected", "empty file")]


def test_every_input_of_the_sample_is_accounted_for():
    briefing = brief([SAMPLE])
    statuses = {s.doc_id: (s.status, s.of) for s in briefing.sources}
    assert len(statuses) == len(list(SAMPLE.iterdir()))
    assert statuses["08-harbor-herald-copy.txt"] == ("duplicate", "01-harbor-herald.txt")
    assert statuses["05-dailytrendz24-copy.txt"] == ("duplicate", "02-coastline-wire.html")
    used = [s for s in briefing.sources if s.status == "used"]
    assert all(s.words_kept > 0 and s.words_kept <= s.words_in for s in used)
    assert all(s.reason for s in briefing.sources if s.status != "used")


def test_an_off_topic_page_is_rejected_with_its_reason(tmp_path):
    page = tmp_path / "zz-login-wall.txt"
    page.write_text(
        "Your free trial has ended. Subscribe today for unlimited digital access on every device, or sign in "
        "with your existing subscriber account. Questions about billing? Our customer care team is here 24/7.\n"
    )
    briefing = brief([SAMPLE, page])
    record = next(s for s in briefing.sources if s.doc_id == "zz-login-wall.txt")
    assert record.status == "rejected" and record.reason.startswith("off-topic:")
    assert all("zz-login-wall.txt" not in s.citations for s in briefing.summary)
    assert sum(s.status == "rejected" for s in briefing.sources) == 1  # the sample's own reports stay


def test_facts_count_independent_sources():
    briefing = brief([SAMPLE])
    assert briefing.facts, "the sample's outlets agree on several facts"
    for fact in briefing.facts:
        assert 2 <= fact.independent_sources <= len(fact.sources)
        assert (
            "05-dailytrendz24-copy.txt" not in fact.sources
        )  # duplicates are counted once, via their original


def test_a_crashing_document_does_not_stop_the_run(monkeypatch):
    import newsfuse.clean as clean

    real = clean._clean_article

    def explode(doc, *args):
        if doc.id == "bad":
            raise RuntimeError("boom")
        return real(doc, *args)

    monkeypatch.setattr(clean, "_clean_article", explode)
    docs = [
        Document(id="bad", raw="Some text here."),
        Document(id="good", raw="The bridge reopened on Monday, officials said."),
    ]
    briefing = brief_documents(docs, Settings())
    reasons = {s.doc_id: s.reason for s in briefing.sources}
    assert "internal error in clean: RuntimeError: boom" in reasons["bad"]
    assert briefing.summary and briefing.summary[0].citations == ("good",)


def _stable(data: dict) -> dict:
    data = dict(data)
    data.pop("timings")
    return data


def test_golden_markdown_and_json(update_golden, monkeypatch):
    monkeypatch.chdir(ROOT)  # origins are recorded as given: keep them relative
    briefing = brief(["samples/port-alder-fire"])
    outputs = {
        "port-alder-fire.md": to_markdown(briefing),
        "port-alder-fire.json": json.dumps(
            _stable(json.loads(to_json(briefing))), indent=2, ensure_ascii=False
        )
        + "\n",
    }
    for name, text in outputs.items():
        path = GOLDEN / name
        if update_golden:
            path.write_text(text, encoding="utf-8")
        assert path.read_text(encoding="utf-8") == text, (
            f"{name} changed: review, then run pytest --update-golden"
        )


def test_a_fact_read_out_of_its_story_points_back_to_nothing():
    from newsfuse.briefing import _stands_alone
    from newsfuse.model import Sentence
    from newsfuse.settings import Settings

    def sentence(text: str) -> Sentence:
        return Sentence("a", 0, 0, len(text), 0, len(text), 0, text)

    settings = Settings()
    assert _stands_alone(sentence("The council closed the bridge to traffic on Monday."), settings)
    assert not _stands_alone(sentence("The Russians will do the same."), settings)
    assert not _stands_alone(sentence('"I know people want to go home," she said.'), settings)
