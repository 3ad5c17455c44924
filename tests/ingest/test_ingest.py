import io
import json
import sys

import pytest

from newsfuse.errors import InputError
from newsfuse.ingest import load_documents
from newsfuse.settings import Settings

from ..conftest import SAMPLE


def test_plain_text_and_markdown(tmp_path):
    (tmp_path / "a.txt").write_text("Headline\n\nThe council met on Monday and voted.\n")
    (tmp_path / "b.md").write_text("# Notes\n\nThe mayor spoke on Tuesday.\n")
    docs = load_documents([tmp_path])
    assert [d.id for d in docs] == ["a.txt", "b.md"]
    assert docs[0].raw.startswith("Headline") and not docs[0].rejected


def test_html_through_trafilatura():
    [doc] = load_documents([SAMPLE / "02-coastline-wire.html"])
    assert doc.source == "Coastline Wire"
    assert doc.date == "2026-03-04"
    assert doc.title and "evacuation order" in doc.title
    assert "cookies" not in doc.raw.lower()  # the consent banner is not article text
    assert "Raman" in doc.raw


def test_html_dated_after_the_machine_clock_keeps_its_date(tmp_path):
    page = tmp_path / "future.html"
    body = " ".join(["The island ferry ran aground on rocks outside the harbour on Tuesday night."] * 6)
    page.write_text(
        '<html><head><meta property="article:published_time" content="2091-11-20T09:30:00Z">'
        f"<title>Ferry aground</title></head><body><article><p>{body}</p></article></body></html>"
    )
    [doc] = load_documents([page])
    assert doc.date == "2091-11-20"


def test_json_single_list_and_jsonl(tmp_path):
    (tmp_path / "one.json").write_text(
        json.dumps({"text": "A fire broke out.", "source": "Radio", "date": "2026-03-04"})
    )
    (tmp_path / "many.json").write_text(json.dumps([{"id": "x1", "text": "First."}, {"text": "Second."}]))
    (tmp_path / "lines.jsonl").write_text('{"text": "Line one."}\nnot json\n{"title": "no text"}\n')
    docs = {d.id: d for d in load_documents([tmp_path])}
    assert docs["one.json"].source == "Radio" and docs["one.json"].date == "2026-03-04"
    assert "x1" in docs and docs["many.json#2"].raw == "Second."
    assert not docs["lines.jsonl:1"].rejected
    assert "invalid JSON on line 2" in docs["lines.jsonl:2"].rejected
    assert docs["lines.jsonl:3"].rejected == "no 'text' field"


def test_non_iso_dates_in_records_are_parsed(tmp_path):
    (tmp_path / "d.json").write_text(json.dumps({"text": "Body.", "date": "Saturday, January 8, 2005"}))
    [doc] = load_documents([tmp_path / "d.json"])
    assert doc.date == "2005-01-08"


def test_folders_recurse_and_skip_hidden(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "deeper" / "c.txt").write_text("Deep text.")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("hidden")
    assert [d.id for d in load_documents([tmp_path])] == ["sub/deeper/c.txt"]


def test_globs(tmp_path):
    for name in ("a.txt", "b.txt", "c.md"):
        (tmp_path / name).write_text(f"Text of {name}.")
    assert [d.id for d in load_documents([str(tmp_path / "*.txt")])] == ["a.txt", "b.txt"]
    with pytest.raises(InputError, match="no files match"):
        load_documents([str(tmp_path / "*.html")])


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Piped text about the fire.\n")))
    [doc] = load_documents(["-"])
    assert doc.id == "stdin" and doc.raw.startswith("Piped")


def test_encodings_are_detected(tmp_path):
    text = "Le maire a déclaré que la situation était grave à Zürich, selon les témoins présents sur place."
    (tmp_path / "latin.txt").write_bytes(text.encode("latin-1"))
    (tmp_path / "utf16.txt").write_bytes(text.encode("utf-16"))
    docs = load_documents([tmp_path])
    assert all(d.raw.strip() == text for d in docs), [d.raw for d in docs]


def test_bad_files_are_rejected_with_reasons(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 2)
    (tmp_path / "big.txt").write_text("word " * 400)
    docs = {d.id: d for d in load_documents([tmp_path], Settings(max_input_bytes=1500))}
    assert docs["empty.txt"].rejected == "empty file"
    assert "binary file" in docs["image.png"].rejected
    assert "over the 1,500-byte limit" in docs["big.txt"].rejected


def test_missing_path_is_an_error():
    with pytest.raises(InputError, match=r"input not found: 'no/such/file\.txt'"):
        load_documents(["no/such/file.txt"])


def test_urls_need_permission():
    with pytest.raises(InputError, match="--allow-network"):
        load_documents(["https://example.com/story"])


def test_duplicate_names_get_unique_ids(tmp_path):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"Story from {folder}.")
    docs = load_documents([tmp_path / "x" / "story.txt", tmp_path / "y" / "story.txt"])
    assert [d.id for d in docs] == ["story.txt", "story.txt#2"]


def test_documents_and_dicts_pass_through():
    docs = load_documents([{"text": "From a dict.", "title": "T"}])
    assert docs[0].title == "T" and docs[0].raw == "From a dict."
