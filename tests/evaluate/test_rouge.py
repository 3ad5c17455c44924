import json

import pytest

from newsfuse.errors import InputError
from newsfuse.evaluate.harness import evaluate, read_predictions
from newsfuse.evaluate.peers import PEERS, lead
from newsfuse.evaluate.rouge import bootstrap, cut, paired_bootstrap_p, score
from newsfuse.settings import Settings

from ..conftest import SAMPLE


def test_score_is_rouge_against_each_reference_averaged():
    perfect = score("the fire was put out on tuesday", ["The fire was put out on Tuesday."], 50, "recall")
    assert perfect["rouge1"] == pytest.approx(100.0) and perfect["rouge2"] == pytest.approx(100.0)
    half = score("the fire was put out", ["the fire was put out", "nothing in common here"], 50, "recall")
    assert half["rouge1"] == pytest.approx(50.0)


def test_summaries_are_cut_at_the_word_budget():
    assert cut("one two three four", 2) == "one two"
    long = score("fire " * 10 + "smoke", ["smoke"], 10, "recall")
    assert long["rouge1"] == 0.0


def test_bootstrap_interval_and_paired_test():
    ci = bootstrap([10.0, 12.0, 11.0, 13.0, 9.0])
    assert ci.low <= ci.mean <= ci.high and ci.mean == pytest.approx(11.0)
    better = [v + 2 for v in range(30)]
    assert paired_bootstrap_p(better, list(range(30))) < 0.01
    assert paired_bootstrap_p(list(range(30)), better) > 0.99


def test_predictions_must_match_the_dataset(tmp_path):
    pred = tmp_path / "pred.jsonl"
    pred.write_text(
        json.dumps({"id": "a", "summary": "x", "seconds": 0.5})
        + "\n"
        + json.dumps({"id": "z", "summary": "y"})
    )
    with pytest.raises(InputError, match=r"missing 1: b.*not in the dataset 1: z"):
        read_predictions(pred, ["a", "b"])
    assert read_predictions(pred, ["a", "z"])["a"] == ("x", 0.5)


def test_lead_takes_first_sentences_in_turn():
    docs = ["First of one. Second of one.", "First of two. Second of two."]
    assert lead(docs, 6) == "First of one. First of two."


def test_every_peer_and_newsfuse_run_on_the_same_clusters():
    text = (SAMPLE / "01-harbor-herald.txt").read_text()
    other = (SAMPLE / "07-bayside-post.txt").read_text()
    cluster = {
        "id": "c1",
        "documents": [{"id": "d1", "text": text}, {"id": "d2", "text": other}],
        "references": [
            "Firefighters contained the warehouse fire after 19 hours; the council approved a fund."
        ],
    }
    *_, (row, report) = evaluate([cluster], ["newsfuse", *PEERS], 40, "f1", Settings())
    assert set(row["systems"]) == {"newsfuse", *PEERS}
    assert all(0 < r["rouge1"] <= 100 and "error" not in r for r in row["systems"].values())
    assert report.systems["newsfuse"].ids == ["c1"]
