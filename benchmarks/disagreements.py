"""How many disagreements of each kind newsfuse reports on a benchmark dataset, with examples to read.

    python benchmarks/disagreements.py ../shared/benchmarks/multi_news_test_sample250/data.jsonl
        [--ner rules|spacy] [--show "how many"] [--limit 10]

The benchmark clusters carry no annotated disagreements, so this measures no recall. It is a precision
check: most clusters are one story told by a few outlets, so a count that jumps after a change deserves a
look at its examples (``--show`` prints the claims of the kinds whose topic starts with the given text).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from newsfuse import brief
from newsfuse.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("dataset", type=Path, help="a benchmark JSONL file (one cluster per line)")
    parser.add_argument("--ner", default="rules", choices=["rules", "spacy"], help="the names backend")
    parser.add_argument("--show", default=None, help="print examples whose topic starts with this")
    parser.add_argument("--limit", type=int, default=10, help="examples to print at most")
    args = parser.parse_args()
    settings = Settings.load(ner=args.ner)
    kinds: Counter[str] = Counter()
    shown = clusters = 0
    with args.dataset.open(encoding="utf-8") as lines:
        for line in lines:
            cluster = json.loads(line)
            clusters += 1
            docs = [{"id": d["id"], "text": d["text"], "date": d.get("date")} for d in cluster["documents"]]
            for found in brief(docs, settings=settings).disagreements:
                kinds[_kind(found.topic)] += 1
                if args.show and found.topic.startswith(args.show) and shown < args.limit:
                    shown += 1
                    print(f"== {found.topic}")
                    for claim in found.claims:
                        print(f"   - {claim.text[:200]}")
    print(f"\n{clusters} clusters, {sum(kinds.values())} disagreements")
    for kind, count in kinds.most_common():
        print(f"{kind:16s} {count:5d}")


def _kind(topic: str) -> str:
    """ "how many people: 2, 3" -> "how many"; "who said “…”" -> "who said"."""
    for kind in ("how many", "how much", "what time", "who said", "when", "opposite claims"):
        if topic.startswith(kind):
            return kind
    return topic.split(":")[0]


if __name__ == "__main__":
    main()
