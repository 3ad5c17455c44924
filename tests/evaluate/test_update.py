from newsfuse import brief
from newsfuse.evaluate.update import score_update

from ..conftest import ROOT

UPDATE = ROOT / "tests" / "data" / "update"


def test_update_summary_reports_what_is_new_and_not_what_was_seen():
    update, plain = score_update(UPDATE, words=60)
    assert update.staleness == 0.0 and plain.staleness > 0.3
    assert update.new_fact_recall >= 0.6 > plain.new_fact_recall
    assert update.words <= 60


def test_since_marks_older_documents_as_seen():
    briefing = brief([UPDATE / "day1", UPDATE / "day2"], words=60, since="2026-05-05")
    statuses = {s.doc_id: s.status for s in briefing.sources}
    assert list(statuses.values()).count("seen") == 2
    assert all("40,000 tonnes" not in s.text for s in briefing.summary)
