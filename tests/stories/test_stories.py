"""Stories: stream reading, online clustering, the DuckDB store (idempotence, resume, schema), Dask."""

import gzip
import io
import json

import duckdb
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import newsfuse.stories as stories
from newsfuse.errors import InputError
from newsfuse.settings import Settings
from newsfuse.stories import brief_stories, ingest
from newsfuse.stories.store import SCHEMA_VERSION, Store
from newsfuse.stories.stream import Skipped, stream_documents

from ..conftest import ROOT

STREAM = ROOT / "samples" / "stream"


def truth(doc_id: str) -> str:
    """The sample stream's ids begin with their cluster's name; WARC pages carry it in their host."""
    return doc_id.split("/")[0] if "://" not in doc_id else doc_id.split("://")[1].split(".")[0]


def assignments(store: Store) -> dict[str, str]:
    return {d: s["id"] for s in store.stories() for d in s["documents"]}


def test_sample_stream_makes_one_story_per_event(tmp_path):
    store = Store(tmp_path / "news.duckdb")
    report = ingest([STREAM], store)
    assert report.added == 22 and report.copies >= 3
    groups: dict[str, set[str]] = {}
    for doc_id, story in assignments(store).items():
        groups.setdefault(story, set()).add(truth(doc_id))
    assert sorted(len(v) for v in groups.values()) == [1, 1, 1]  # no story mixes two events
    assert len(groups) == 3
    listed = store.stories()
    assert all(isinstance(s["documents"], list) for s in listed)
    assert "port-alder-fire/01-harbor-herald.txt" in {d for s in listed for d in s["documents"]}


def test_running_again_adds_nothing_twice(tmp_path):
    store = Store(tmp_path / "news.duckdb")
    ingest([STREAM], store)
    before = assignments(store)
    again = ingest([STREAM], store)
    assert again.added == 0 and again.skipped["already in the store"] == 22
    assert assignments(store) == before


def test_a_killed_run_resumes_without_loss_or_duplication(tmp_path, monkeypatch):
    monkeypatch.setattr(stories, "BATCH", 5)
    reference = Store(tmp_path / "reference.duckdb")
    ingest([STREAM], reference)
    store = Store(tmp_path / "news.duckdb")
    batches = 0

    def kill_after_two(_: int) -> None:
        nonlocal batches
        batches += 1
        if batches == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest([STREAM], store, progress=kill_after_two)
    assert len(assignments(store)) == 10  # two whole batches, nothing half-written
    store.close()
    resumed = Store(tmp_path / "news.duckdb")
    report = ingest([STREAM], resumed)
    assert report.added == 12
    assert assignments(resumed) == assignments(reference)  # the same stories as an uninterrupted run


def test_bad_inputs_are_counted_by_reason_and_the_run_goes_on(tmp_path):
    good = {"id": "g1", "text": (ROOT / "samples/port-alder-fire/01-harbor-herald.txt").read_text()}
    (tmp_path / "feed.jsonl").write_text(
        json.dumps(good) + "\n{broken json\n" + json.dumps({"id": "x"}) + "\n"
    )
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    html = (
        b"<html><body><article><p>"
        + b"The harbour reopened on Monday after repairs, officials said. " * 5
        + b"</p></article></body></html>"
    )
    for url, kind, body in (
        ("https://a.example/story", "text/html", html),
        ("https://a.example/logo.png", "image/png", b"\x89PNG"),
    ):
        headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
        )
    (tmp_path / "crawl.warc.gz").write_bytes(buffer.getvalue())
    (tmp_path / "broken.warc.gz").write_bytes(
        gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\ntruncated")
    )
    items = list(stream_documents([tmp_path], Settings()))
    reasons = sorted(i.reason for i in items if isinstance(i, Skipped))
    assert "malformed JSONL line" in reasons and "no 'text' field" in reasons
    assert any(r.startswith("non-HTML payload (image/png)") for r in reasons)
    assert any(r.startswith("corrupt WARC") for r in reasons)
    store = Store(tmp_path / "news.duckdb")
    report = ingest([tmp_path], store)
    assert report.added == 2  # the JSONL story and the WARC page
    assert report.skipped["malformed JSONL line"] == 1
    assert store.skipped_counts()["malformed JSONL line"] == 1
    again = ingest([tmp_path], store)
    assert again.added == 0 and again.skipped["malformed JSONL line"] == 1  # reported by this run too
    assert store.skipped_counts()["malformed JSONL line"] == 1  # but stored once


def test_stories_are_briefed_and_refreshed_when_they_grow(tmp_path):
    store = Store(tmp_path / "news.duckdb")
    ingest([STREAM / "articles.jsonl"], store)
    assert brief_stories(store) == 3
    assert brief_stories(store) == 0  # all up to date
    ingest([STREAM / "crawl.warc.gz"], store)
    assert brief_stories(store) == 3  # each story gained a page
    story = store.stories()[0]
    count, _, briefing = store.briefing(story["id"])
    assert count == story["size"] and briefing["schema"] == "newsfuse.briefing/1"


def test_a_newer_store_is_refused_and_an_older_one_migrated(tmp_path):
    newer = tmp_path / "newer.duckdb"
    with duckdb.connect(str(newer)) as db:
        db.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        db.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION + 1)])
    with pytest.raises(InputError, match="newer than this newsfuse"):
        Store(newer)
    older = tmp_path / "older.duckdb"
    with duckdb.connect(str(older)) as db:  # version 0: documents only, no meta
        db.execute(
            "CREATE TABLE documents (id VARCHAR PRIMARY KEY, seq BIGINT, source VARCHAR, url VARCHAR, "
            "title VARCHAR, date VARCHAR, raw VARCHAR, origin VARCHAR, ingested_at TIMESTAMP)"
        )
    migrated = Store(older)
    assert migrated.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(
        SCHEMA_VERSION
    )
    assert ingest([STREAM / "articles.jsonl"], migrated).added == 19


def test_dask_gives_the_same_stories_as_one_process(tmp_path):
    pytest.importorskip("dask.distributed")
    from newsfuse.stories.engine import DaskEngine

    local = Store(tmp_path / "local.duckdb")
    ingest([STREAM], local)
    engine = DaskEngine("local", workers=2)
    try:
        assert len(engine.client.scheduler_info()["workers"]) == 2
        distributed = Store(tmp_path / "dask.duckdb")
        ingest([STREAM], distributed, engine)
        assert brief_stories(distributed, engine) == 3
    finally:
        engine.close()
    assert assignments(distributed) == assignments(local)
    assert distributed.stories() == local.stories()


def test_story_terms_leave_out_the_function_words_of_any_language():
    from newsfuse.model import Document
    from newsfuse.stories.features import prepare

    spanish = (
        "El puerto de Valdemora cerró el martes después de que un incendio destruyera dos almacenes. "
        "Los bomberos de la ciudad dijeron que el fuego comenzó en una grúa y que no hubo heridos."
    )
    french = (
        "Le port de Valdemora a fermé mardi après qu'un incendie a détruit deux entrepôts. "
        "Les pompiers de la ville ont dit que le feu avait commencé dans une grue et qu'il n'y a pas de blessés."
    )
    for text, function_words in (
        (spanish, {"de", "la", "que", "el", "los"}),
        (french, {"de", "la", "le", "les"}),
    ):
        terms = prepare(Document(id="d", raw=text)).terms
        assert not function_words & terms.keys()
        assert "valdemora" in terms


def test_a_late_document_finds_its_story_and_a_much_later_one_starts_a_new_story():
    from newsfuse.model import Document
    from newsfuse.stories.cluster import ClusterSettings, StoryIndex
    from newsfuse.stories.features import prepare

    flood = (
        "Floodwater from the Vessen river reached the centre of Harrowmere on {day}, and the Harrowmere dam "
        "operators opened four floodgates. About 3,000 residents of the lower town were evacuated to the "
        "Harrowmere sports hall, the regional flood office said. Dam engineer Ilse Maren said the spillway "
        "was working as designed and that levels would fall by the weekend."
    )
    election = (
        "Voters in Kellsport chose a new harbour council on {day}. Turnout rose to 61 percent, the election "
        "office said, and the Greens took four of the eleven seats. Council leader Pia Arnsted conceded and "
        "said the harbour budget vote would go ahead in the spring."
    )
    year_on = (
        "A year after the Vessen river flood, the Harrowmere dam operators finished repairs to the four "
        "floodgates, the regional flood office said. Dam engineer Ilse Maren said the Harrowmere spillway was "
        "rebuilt and residents of the lower town were told the evacuation plan had been updated."
    )
    stream = [
        ("flood-1", flood.format(day="Tuesday"), "2026-09-15"),
        *((f"election-{m}", election.format(day=f"day {m}"), f"2027-0{m}-01") for m in range(3, 9)),
        ("flood-2", flood.format(day="Wednesday") + " Roads reopened.", "2026-09-16"),  # late, out of order
        ("flood-3", year_on, "2027-09-20"),
    ]

    def run(settings: ClusterSettings) -> dict[str, str]:
        index = StoryIndex(settings)
        return {i: index.assign(prepare(Document(id=i, raw=t, date=d))).story_id for i, t, d in stream}

    stories = run(ClusterSettings())
    assert stories["flood-2"] == stories["flood-1"]
    assert stories["flood-3"] not in {stories["flood-1"], stories["election-8"]}  # a year on: a new story
    assert run(ClusterSettings(window_days=1000))["flood-3"] == stories["flood-1"]  # the window decided it


def test_an_existing_dask_cluster_is_reached_by_its_scheduler_address(tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    from newsfuse.stories.engine import DaskEngine

    with distributed.LocalCluster(
        n_workers=1, processes=False, protocol="tcp://", dashboard_address=None
    ) as cluster:
        assert cluster.scheduler_address.startswith("tcp://")
        engine = DaskEngine(cluster.scheduler_address)
        try:
            store = Store(tmp_path / "remote.duckdb")
            assert ingest([STREAM / "articles.jsonl"], store, engine).added == 19
        finally:
            engine.close()
    local = Store(tmp_path / "local.duckdb")
    ingest([STREAM / "articles.jsonl"], local)
    assert assignments(store) == assignments(local)
