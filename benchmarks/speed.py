"""Per-cluster latency, throughput and peak memory of newsfuse and its peers, side by side in one run.

    python benchmarks/speed.py [--limit K] [--docs D] [--repeat R] [--systems newsfuse,lexrank,...] DATA...

Each system summarizes the same clusters in this process, one after the other (one warm-up cluster
first, not timed); a cluster's latency is the median of ``--repeat`` runs, which steadies numbers taken
on a shared machine. ``--docs D`` keeps the first D documents of each cluster (e.g. 10-document clusters
cut from DUC's 25-document ones). "vs newsfuse" compares median latency, "mean ratio" total time.
Peak memory is the largest Python heap growth (tracemalloc, including NumPy buffers) while one of the
first five clusters is summarized, measured in a separate untimed pass; the interpreter and the loaded
libraries are not counted.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
import tracemalloc
from pathlib import Path

from newsfuse.batch import brief_cluster
from newsfuse.evaluate.peers import PEERS
from newsfuse.settings import Settings

MEMORY_SAMPLE = 5  # clusters whose peak memory is traced


def run_system(name: str, clusters: list[dict], words: int, repeat: int) -> tuple[list[float], int]:
    settings = Settings(words=words)

    def summarize(cluster: dict) -> None:
        if name == "newsfuse":
            brief_cluster(cluster, settings)
        else:
            PEERS[name]([d.get("text") or "" for d in cluster["documents"]], words)

    summarize(clusters[0])  # warm-up: imports and caches
    latencies = []
    for cluster in clusters:
        runs = []
        for _ in range(repeat):
            start = time.perf_counter()
            summarize(cluster)
            runs.append(time.perf_counter() - start)
        latencies.append(statistics.median(runs))
    peak = 0
    for cluster in clusters[:MEMORY_SAMPLE]:  # traced separately: tracing slows Python code several-fold
        tracemalloc.start()
        summarize(cluster)
        peak = max(peak, tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    return latencies, peak


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("datasets", nargs="+")
    parser.add_argument("--limit", type=int, default=50)
    parser.add_argument("--words", type=int, default=250)
    parser.add_argument("--docs", type=int, default=0, help="keep the first D documents of each cluster")
    parser.add_argument("--repeat", type=int, default=3, help="runs per cluster; latency is their median")
    parser.add_argument("--systems", default="newsfuse,lead,lexrank,textrank,lsa,luhn,sumbasic")
    args = parser.parse_args()
    for path in args.datasets:
        with Path(path).open(encoding="utf-8") as handle:
            clusters = [json.loads(line) for _, line in zip(range(args.limit), handle, strict=False)]
        if args.docs:
            clusters = [{**c, "documents": c["documents"][: args.docs]} for c in clusters]
        docs = statistics.mean(len(c["documents"]) for c in clusters)
        words = statistics.mean(
            sum(len((d.get("text") or "").split()) for d in c["documents"]) for c in clusters
        )
        print(f"\n{path}: {len(clusters)} clusters, {docs:.1f} documents and {words:.0f} words per cluster")
        print(
            f"{'system':10} {'median s':>9} {'p95 s':>8} {'clusters/s':>11} {'peak MB':>8} {'vs newsfuse':>12}"
            f" {'mean ratio':>11}"
        )
        rows = {name: run_system(name, clusters, args.words, args.repeat) for name in args.systems.split(",")}
        ours = statistics.median(rows["newsfuse"][0]) if "newsfuse" in rows else None
        our_total = sum(rows["newsfuse"][0]) if "newsfuse" in rows else None
        for name, (latencies, peak) in rows.items():
            median = statistics.median(latencies)
            p95 = statistics.quantiles(latencies, n=20)[-1] if len(latencies) > 1 else latencies[0]
            ratio = f"{median / ours:10.1f}x" if ours else ""
            mean_ratio = f"{sum(latencies) / our_total:10.1f}x" if our_total else ""
            rate = len(latencies) / sum(latencies)
            print(
                f"{name:10} {median:9.4f} {p95:8.4f} {rate:11.1f} {peak / 1e6:8.1f} {ratio:>12} {mean_ratio:>11}"
            )


if __name__ == "__main__":
    main()
