"""How well story clustering recovers known stories: B-cubed precision/recall/F1 and story counts.

Benchmark clusters become one shuffled stream (each cluster's documents are one true story), which goes
through the real path: a JSONL file -> ``newsfuse.stories.ingest`` -> a DuckDB store -> assignments.
``--sweep`` also re-clusters the same features at other join thresholds, to show how the default was
chosen (calibrated on the first 1,000 Multi-News clusters; ML-Crisis only served to check that bounding a
story's state for speed did not cost recall).

    python benchmarks/stories_eval.py                       # both benchmark streams
    python benchmarks/stories_eval.py --sweep 0.15,0.2,0.25,0.3,0.4 --limit 1000

Truth caveat: Multi-News clusters are small (2-3 articles about one event), ML-Crisis "stories" are whole
crises followed for months or years in one language, so a story engine that splits a crisis into its
events loses recall there by design; the date-ordered row shows the stream as it would really arrive.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from newsfuse.model import Document
from newsfuse.stories import ingest
from newsfuse.stories.cluster import ClusterSettings, StoryIndex
from newsfuse.stories.features import prepare
from newsfuse.stories.store import Store

BENCHMARKS = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"
DATASETS = {"multi_news_plus_test": "shuffled", "ml_crisis_tls": "shuffled,date"}


def stream(dataset: Path, order: str, limit: int | None, seed: int) -> list[dict[str, str | None]]:
    """Every document of the first ``limit`` clusters, as stream records whose id names its true story."""
    records = []
    with dataset.open(encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if limit is not None and n >= limit:
                break
            cluster = json.loads(line)
            for i, doc in enumerate(cluster["documents"]):
                records.append(
                    {
                        "id": f"{cluster['id']}|{i}",
                        "title": doc.get("title"),
                        "source": doc.get("source"),
                        "date": doc.get("date"),
                        "text": doc.get("text") or "",
                    }
                )
    random.Random(seed).shuffle(records)
    if order == "date":  # a feed arrives in time order; same-day order stays shuffled
        records.sort(key=lambda r: r["date"] or "")
    return records


def truth_of(doc_id: str) -> str:
    return doc_id.rsplit("|", 1)[0]


def bcubed(predicted: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision and recall averaged over documents (Bagga & Baldwin 1998; Amigó et al. 2009)."""
    by_story: dict[str, Counter[str]] = {}
    truth_size: Counter[str] = Counter()
    for doc_id, story in predicted.items():
        by_story.setdefault(story, Counter())[truth_of(doc_id)] += 1
        truth_size[truth_of(doc_id)] += 1
    precision = recall = 0.0
    for members in by_story.values():
        size = sum(members.values())
        for truth, together in members.items():
            precision += together * together / size
            recall += together * together / truth_size[truth]
    n = len(predicted)
    precision, recall = precision / n, recall / n
    return precision, recall, 2 * precision * recall / (precision + recall)


def run_ingest(records: list[dict[str, str | None]]) -> tuple[dict[str, str], float, Counter[str]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "stream.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        store = Store(Path(folder) / "stories.duckdb")
        start = time.perf_counter()
        report = ingest([path], store)
        seconds = time.perf_counter() - start
        predicted = {doc_id: story["id"] for story in store.stories() for doc_id in story["documents"]}
        store.close()
    return predicted, seconds, report.skipped


def sweep(records: list[dict[str, str | None]], thresholds: Iterable[float]) -> None:
    features = [
        prepare(Document(id=str(r["id"]), raw=str(r["text"]), title=r["title"], date=r["date"]))
        for r in records
    ]
    features = [f for f in features if not f.rejected]
    for threshold in thresholds:
        index = StoryIndex(replace(ClusterSettings(), join_threshold=threshold))
        predicted = {f.doc_id: index.assign(f).story_id for f in features}
        p, r, f1 = bcubed(predicted)
        stories = len(set(predicted.values()))
        print(f"  join_threshold {threshold:.2f}: P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  stories {stories}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--benchmarks", type=Path, default=BENCHMARKS)
    parser.add_argument("--datasets", default=",".join(DATASETS))
    parser.add_argument("--limit", type=int, help="only the first N clusters of each dataset")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--sweep", help="comma-separated join thresholds to compare on the same features")
    args = parser.parse_args(argv)

    print(
        f"{'stream':<34} {'docs':>6} {'true':>6} {'found':>6} {'P':>6} {'R':>6} {'F1':>6} {'docs/s':>7}  skipped"
    )
    for name in args.datasets.split(","):
        dataset = args.benchmarks / name / "data.jsonl"
        if not dataset.exists():
            print(f"{name}: {dataset} not found", file=sys.stderr)
            return 2
        for order in DATASETS.get(name, "shuffled").split(","):
            records = stream(dataset, order, args.limit, args.seed)
            predicted, seconds, skipped = run_ingest(records)
            p, r, f1 = bcubed(predicted)
            true_stories = len({truth_of(str(rec["id"])) for rec in records})
            found = len(set(predicted.values()))
            print(
                f"{name + ' (' + order + ')':<34} {len(records):>6} {true_stories:>6} {found:>6} "
                f"{p:>6.3f} {r:>6.3f} {f1:>6.3f} {len(records) / seconds:>7.0f}  {dict(skipped) or '-'}"
            )
            if args.sweep:
                sweep(records, (float(t) for t in args.sweep.split(",")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
