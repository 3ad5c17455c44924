"""A stream of documents: JSONL files (one document per line), folders, and WARC archives (HTML responses
extracted by trafilatura). What cannot be read is reported with its reason and the stream goes on."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsfuse.ingest import load_documents
from newsfuse.ingest.decode import NotText, decode
from newsfuse.ingest.html import read_html
from newsfuse.ingest.records import read_jsonl
from newsfuse.model import Document
from newsfuse.settings import Settings

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


@dataclass(frozen=True)
class Skipped:
    """An input the stream could not turn into a document, and why."""

    origin: str
    reason: str


StreamItem = Document | Skipped


def stream_documents(inputs: Iterable[str | Path], settings: Settings) -> Iterator[StreamItem]:
    for item in inputs:
        path = Path(item)
        files = (
            sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            if path.is_dir()
            else [path]
        )
        for file in files:
            yield from _read(file, settings)


def _read(path: Path, settings: Settings) -> Iterator[StreamItem]:
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        yield from _warc(path, settings)
    elif name.endswith(".jsonl"):
        try:
            text = decode(path.read_bytes())
        except (OSError, NotText) as exc:
            yield Skipped(str(path), f"unreadable JSONL file: {exc}")
            return
        for doc in read_jsonl(text, path.name, str(path)):
            yield _skip_if_rejected(doc)
    else:
        for doc in load_documents([path], settings):
            yield _skip_if_rejected(doc)


def _skip_if_rejected(doc: Document) -> StreamItem:
    if doc.rejected:
        reason = "malformed JSONL line" if doc.rejected.startswith("invalid JSON") else doc.rejected
        return Skipped(doc.origin or doc.id, reason)
    return doc


def _warc(path: Path, settings: Settings) -> Iterator[StreamItem]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type != "response":
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or record.rec_headers.get_header(
                    "WARC-Record-ID"
                )
                origin = f"{path.name} {url}"
                content_type = (
                    record.http_headers.get_header("Content-Type") if record.http_headers else ""
                ) or ""
                if "html" not in content_type.lower():
                    yield Skipped(
                        origin, f"non-HTML payload ({content_type.split(';')[0] or 'no content type'})"
                    )
                    continue
                try:
                    payload = record.content_stream().read(settings.max_input_bytes + 1)
                    html = decode(payload)
                except (NotText, OSError, ValueError, EOFError) as exc:
                    yield Skipped(origin, f"corrupt WARC record: {exc}")
                    continue
                doc = read_html(url, html, origin=origin, url=url)
                date = record.rec_headers.get_header("WARC-Date")
                if not doc.date and date:
                    doc = dataclasses.replace(
                        doc, notes=(*doc.notes, f"crawl date {date[:10]}, not a publication date")
                    )
                yield _skip_if_rejected(doc)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, AttributeError, KeyError, TypeError) as exc:
        # warcio raises assorted errors on malformed archives; the records read so far are kept
        yield Skipped(str(path), f"corrupt WARC file: {type(exc).__name__}: {exc}")
