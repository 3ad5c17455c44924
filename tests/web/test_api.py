"""The web app's HTTP API and upload form, through FastAPI's test client (no network, no browser)."""

import json

import jsonschema
import pytest
from fastapi.testclient import TestClient

from newsfuse.render.json import schema
from newsfuse.web import create_app
from newsfuse.web.app import Limits

from ..conftest import SAMPLE

DOC = {"text": "The council voted on Monday to approve the harbour plan, officials said. The vote was 5-2."}


@pytest.fixture
def client() -> TestClient:
    return TestClient(create_app())


def test_api_brief_returns_the_cli_schema(client):
    response = client.post("/api/brief", json={"documents": [DOC, {**DOC, "id": "second"}], "words": 30})
    assert response.status_code == 200
    data = response.json()
    jsonschema.validate(data, schema())
    assert [s["status"] for s in data["sources"]] == ["used", "duplicate"]


def test_api_brief_html_and_markdown(client):
    hostile = {"text": "<script>alert(1)</script>" + DOC["text"], "title": "<img src=x onerror=alert(1)>"}
    html = client.post("/api/brief?format=html", json={"documents": [hostile]})
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert "<script>alert(1)" not in html.text and "<img src=x" not in html.text
    md = client.post("/api/brief?format=md", json={"documents": [DOC]})
    assert md.text.startswith("# ")


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"documents": []}, 422, "at least 1 item"),
        ({"documents": [{"title": "no text"}]}, 422, "text"),
        ({"documents": [DOC], "words": 99999}, 400, "words must be between 1 and 2000"),
    ],
)
def test_api_brief_refuses_bad_requests_clearly(client, body, status, message):
    response = client.post("/api/brief", json=body)
    assert response.status_code == status and message in response.text


def test_limits_on_count_and_size():
    client = TestClient(create_app(limits=Limits(max_documents=2, max_file_bytes=200)))
    too_many = client.post("/api/brief", json={"documents": [DOC, DOC, DOC]})
    assert too_many.status_code == 413 and "limit of 2" in too_many.json()["detail"]
    too_big = client.post("/api/brief", json={"documents": [{"text": "word " * 100}]})
    assert too_big.status_code == 413 and "200-byte limit" in too_big.json()["detail"]
    upload = client.post(
        "/api/upload",
        files=[("files", ("big.txt", b"word " * 100, "text/plain"))],
        data={"text": DOC["text"]},
    )
    rejected = [s for s in upload.json()["briefing"]["sources"] if s["status"] == "rejected"]
    assert (
        upload.status_code == 200
        and rejected[0]["doc_id"] == "big.txt"
        and "200-byte limit" in rejected[0]["reason"]
    )


def test_upload_files_and_pasted_text(client):
    files = [
        ("files", (p.name, p.read_bytes(), "application/octet-stream")) for p in sorted(SAMPLE.iterdir())
    ]
    pasted = DOC["text"] + "\n---\nA second pasted report says the harbour plan passed on Monday evening."
    response = client.post("/api/upload", files=files, data={"text": pasted, "words": "80"})
    assert response.status_code == 200, response.text
    body = response.json()
    ids = [s["doc_id"] for s in body["briefing"]["sources"]]
    assert {"pasted-1", "pasted-2", "01-harbor-herald.txt"} <= set(ids)
    assert body["markdown"].startswith("# ") and body["html"].startswith("<!doctype html>")


def test_upload_names_are_ids_never_paths(client, tmp_path):
    files = [("files", ("../../../../tmp/evil.txt", DOC["text"].encode(), "text/plain"))]
    response = client.post("/api/upload", files=files)
    assert [s["doc_id"] for s in response.json()["briefing"]["sources"]] == ["evil.txt"]


def test_urls_need_the_network_flag_and_private_addresses_are_refused(client):
    off = client.post("/api/upload", data={"urls": "https://example.com/story"})
    assert off.status_code == 400 and "--allow-network" in off.json()["detail"]
    on = TestClient(create_app(allow_network=True)).post(
        "/api/upload", data={"urls": "http://127.0.0.1:9/x\nfile:///etc/passwd"}
    )
    reasons = [s["reason"] for s in on.json()["briefing"]["sources"]]
    assert "refused: 127.0.0.1 is a local or private address" in reasons
    assert "not an http(s) URL" in reasons


def test_requests_share_nothing(client):
    first = client.post("/api/brief", json={"documents": [DOC]}).json()
    other = {"text": "A storm closed the ferry terminal on Friday, the port authority said in a statement."}
    second = client.post("/api/brief", json={"documents": [other]}).json()
    assert json.dumps(first) != json.dumps(second)
    assert [s["doc_id"] for s in second["sources"]] == ["doc1"]
    assert "council" not in json.dumps(second)


def test_the_page_is_served_and_says_when_urls_are_off(client):
    page = client.get("/")
    assert page.status_code == 200 and "var network = false" in page.text
    assert "var network = true" in TestClient(create_app(allow_network=True)).get("/").text
