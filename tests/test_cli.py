"""End-to-end tests of the installed ``newsfuse`` command."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SAMPLE, seeds

NEWSFUSE = Path(sys.executable).parent / "newsfuse"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(NEWSFUSE), *args], capture_output=True, text=True, input=stdin, timeout=120)


def test_brief_sample_prints_markdown_and_exits_0():
    result = run("brief", str(SAMPLE))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# ")
    assert "## Summary" in result.stdout and "## Sources" in result.stdout
    assert "duplicate of [1]" in result.stdout


def test_json_to_a_file(tmp_path):
    out = tmp_path / "b.json"
    result = run("brief", str(SAMPLE), "--format", "json", "-o", str(out), "--words", "60")
    assert result.returncode == 0 and result.stdout == ""
    data = json.loads(out.read_text())
    assert sum(len(s["text"].split()) for s in data["summary"]) <= 60


def test_rejected_input_exits_1_and_says_why(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = run("brief", str(SAMPLE / "01-harbor-herald.txt"), str(tmp_path / "empty.txt"))
    assert result.returncode == 1
    assert "rejected empty.txt: empty file" in result.stderr
    assert "| rejected" not in result.stdout and "**rejected**" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("brief", "no/such/file.txt"), "input not found: 'no/such/file.txt'"),
        (("brief", "x.txt", "--words", "0"), "'words' expects a positive integer"),
        (("brief", "https://example.com/a"), "--allow-network"),
    ],
)
def test_usage_errors_exit_2_without_traceback(args, message):
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_stdin():
    text = "Firefighters contained the blaze on Tuesday after 19 hours, the fire chief said at a briefing."
    result = run("brief", "-", stdin=text)
    assert result.returncode == 0 and "Firefighters contained the blaze" in result.stdout


def test_batch_writes_one_line_per_cluster_and_survives_bad_ones(tmp_path):
    dataset = tmp_path / "data.jsonl"
    good = {"id": "c1", "documents": [{"id": "d1", "text": (SAMPLE / "01-harbor-herald.txt").read_text()}]}
    lines = [json.dumps(good), "{not json", json.dumps({"id": "c3", "documents": []})]
    dataset.write_text("\n".join(lines) + "\n")
    out = tmp_path / "pred.jsonl"
    result = run("batch", str(dataset), "-o", str(out), "--words", "50", "--jobs", "2")
    assert result.returncode == 1, result.stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["c1", "line-2", "c3"]
    assert rows[0]["summary"] and "error" not in rows[0] and rows[0]["seconds"] >= 0
    assert len(rows[0]["summary"].split()) <= 50
    assert "invalid JSON" in rows[1]["error"] and "no documents" in rows[2]["error"]
    assert "clusters" in result.stderr  # the progress bar


def test_info_lists_backends():
    result = run("info")
    assert result.returncode == 0 and "centroid-mmr.v1" in result.stdout and "lexical" in result.stdout


def test_seeds_brief_in_one_command():
    paths = [str(p) for p in seeds()]
    result = run("brief", *paths, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["sources"]) == 5


def test_evaluate_prints_the_table_and_refuses_mismatched_predictions(tmp_path):
    text = (SAMPLE / "01-harbor-herald.txt").read_text()
    cluster = {
        "id": "c1",
        "documents": [{"text": text}],
        "references": ["Firefighters contained the fire after 19 hours."],
    }
    dataset = tmp_path / "data.jsonl"
    dataset.write_text(json.dumps(cluster) + "\n")
    per_cluster = tmp_path / "scores.jsonl"
    result = run(
        "evaluate",
        str(dataset),
        "--words",
        "30",
        "--systems",
        "newsfuse,lead",
        "--per-cluster",
        str(per_cluster),
    )
    assert result.returncode == 0, result.stderr
    assert "newsfuse" in result.stdout and "lead" in result.stdout and "vs best peer" in result.stdout
    assert json.loads(per_cluster.read_text())["id"] == "c1"
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"id": "other", "summary": "x"}) + "\n")
    result = run("evaluate", str(dataset), "--words", "30", "--pred", str(pred))
    assert result.returncode == 2 and "missing 1: c1" in result.stderr


def test_update_summary_flags():
    update = Path(__file__).parent / "data" / "update"
    result = run("brief", str(update / "day2"), "--seen", str(update / "day1"), "--words", "60")
    assert result.returncode == 0, result.stderr
    assert "seen before" in result.stdout and "40,000 tonnes" not in result.stdout.split("## Key facts")[0]
    result = run("brief", str(update), "--since", "yesterday")
    assert result.returncode == 2 and "'since' expects an ISO day" in result.stderr


def test_stories_commands(tmp_path):
    store = str(tmp_path / "news.duckdb")
    stream = Path(__file__).parent.parent / "samples" / "stream"
    result = run("stories", "ingest", str(stream), "--store", store)
    assert result.returncode == 0, result.stderr
    assert "added 22 documents" in result.stderr
    listed = json.loads(run("stories", "list", "--store", store, "--format", "json").stdout)
    assert len(listed["stories"]) == 3
    ids = {d for s in listed["stories"] for d in s["documents"]}
    assert "tram-derailment/01-meridian-press.txt" in ids  # documents keep the ids their lines gave them
    table = run("stories", "list", "--store", store).stdout
    assert "Harrowmere" in table
    story = listed["stories"][0]["id"]
    shown = run("stories", "show", story, "--store", store)
    assert shown.returncode == 0 and shown.stdout.startswith("# ")
    html = run("stories", "show", story, "--store", store, "--format", "html")
    assert html.stdout.startswith("<!doctype html>")
    assert run("stories", "brief", "--all", "--store", store).returncode == 0
    missing = run("stories", "show", "s999999", "--store", store)
    assert missing.returncode == 2 and "no story 's999999'" in missing.stderr
    assert run("stories", "list", "--store", str(tmp_path / "none.duckdb")).returncode == 2
