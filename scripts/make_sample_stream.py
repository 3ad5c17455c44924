"""Build samples/stream/ from the shipped sample clusters: a JSONL stream of their text documents and a
small WARC crawl of their HTML pages, the demo input for `newsfuse stories ingest`.

    .venv/bin/python scripts/make_sample_stream.py
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
CLUSTERS = ("port-alder-fire", "tram-derailment", "dam-spill")
OUT = ROOT / "samples" / "stream"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    lines, pages = [], []
    for cluster in CLUSTERS:
        for path in sorted((ROOT / "samples" / cluster).iterdir()):
            doc_id = f"{cluster}/{path.name}"
            if path.suffix == ".html":
                pages.append((f"https://{cluster}.example/{path.stem}", path.read_bytes()))
            elif path.suffix == ".json":
                record = json.loads(path.read_text(encoding="utf-8"))
                lines.append({"id": doc_id, **record})
            else:
                lines.append({"id": doc_id, "text": path.read_text(encoding="utf-8")})
    with (OUT / "articles.jsonl").open("w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    with (OUT / "crawl.warc.gz").open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, body in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2026-09-20T12:00:00Z"},
            )
            writer.write_record(record)
    print(f"wrote {len(lines)} JSONL documents and {len(pages)} WARC pages to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
