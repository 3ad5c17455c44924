"""Throughput of story ingest (cleaning, features, online clustering, store writes) as the stream grows.

Streams of 1k, 10k and 100k documents are synthesised from the Multi-News texts in ../shared/benchmarks:
each benchmark cluster is one story; later rounds reuse a cluster's articles as a new story with a quarter of
their sentences dropped (so they are not copies of the first round), dated 20 stories a day, and the stream
runs in date order, as a feed does. Each configuration runs in its own process, on its own store, and peak
memory is the largest total resident memory of that process and its Dask workers (sampled with psutil).

    python benchmarks/stories_speed.py                      # 1k, 10k, 100k x one process, Dask (2 workers)
    python benchmarks/stories_speed.py --sizes 1000,10000 --engines local

Linear growth shows as flat documents per second across sizes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"
SOURCE = "multi_news_plus_test"
STORIES_PER_DAY = 20


def synthesise(dataset: Path, size: int, path: Path, seed: int = 5) -> None:
    """Write a date-ordered stream of ``size`` documents to ``path`` (JSONL)."""
    clusters = [json.loads(line)["documents"] for line in dataset.open(encoding="utf-8")]
    rng = random.Random(seed)
    rng.shuffle(clusters)
    start = dt.date(2020, 1, 1)
    written, story, day_records = 0, 0, []
    with path.open("w", encoding="utf-8") as out:
        while written < size:
            for docs in clusters:
                round_, date = story // len(clusters), start + dt.timedelta(days=story // STORIES_PER_DAY)
                for i, doc in enumerate(docs):
                    sentences = (doc.get("text") or "").split(". ")
                    if round_:
                        kept = [s for s in sentences if rng.random() >= 0.25]
                        sentences = kept or sentences[:1]
                    day_records.append(
                        {
                            "id": f"r{round_}-{story}-{i}",
                            "date": date.isoformat(),
                            "text": ". ".join(sentences),
                        }
                    )
                story += 1
                if story % STORIES_PER_DAY == 0:  # a day's articles arrive in no particular order
                    rng.shuffle(day_records)
                    for record in day_records[: size - written]:
                        out.write(json.dumps(record) + "\n")
                    written += min(len(day_records), size - written)
                    day_records = []
                if written >= size:
                    return


def run_one(stream: Path, engine_name: str) -> dict[str, float]:
    """Ingest ``stream`` into a fresh store with one engine (runs in a child process)."""
    import psutil

    from newsfuse.stories import ingest
    from newsfuse.stories.engine import make_engine
    from newsfuse.stories.store import Store

    me = psutil.Process()
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            try:
                rss = me.memory_info().rss + sum(c.memory_info().rss for c in me.children(recursive=True))
            except psutil.Error:
                continue
            peak[0] = max(peak[0], rss)

    threading.Thread(target=sample, daemon=True).start()
    engine = make_engine("local" if engine_name == "dask" else None)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "news.duckdb")
        started = time.perf_counter()
        report = ingest([stream], store, engine)
        seconds = time.perf_counter() - started
        stories = len(store.stories())
        store.close()
    engine.close()
    done.set()
    return {"seconds": seconds, "added": report.added, "stories": stories, "peak_mb": peak[0] / 2**20}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--benchmarks", type=Path, default=BENCHMARKS)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--engines", default="local,dask", help="local (one process) and/or dask (2 workers)")
    parser.add_argument("--child", nargs=2, metavar=("STREAM", "ENGINE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(run_one(Path(args.child[0]), args.child[1])))
        return 0

    dataset = args.benchmarks / SOURCE / "data.jsonl"
    if not dataset.exists():
        print(f"{dataset} not found", file=sys.stderr)
        return 2
    print(f"{'documents':>9} {'engine':<14} {'seconds':>8} {'docs/s':>7} {'stories':>8} {'peak MB':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            stream = Path(folder) / f"stream-{size}.jsonl"
            synthesise(dataset, size, stream)
            for engine in args.engines.split(","):
                child = [sys.executable, __file__, "--child", str(stream), engine]
                result = json.loads(subprocess.run(child, capture_output=True, text=True, check=True).stdout)
                label = "one process" if engine == "local" else "Dask, 2 workers"
                print(
                    f"{size:>9} {label:<14} {result['seconds']:>8.1f} {result['added'] / result['seconds']:>7.0f} "
                    f"{result['stories']:>8} {result['peak_mb']:>8.0f}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
