"""Time per stage for one very long document, the full briefing included (quotes, actors, disagreements).

    python benchmarks/long_document.py [--words 10000,20000,50000]

The document is invented here: paragraphs of 20 words drawn from a small council-news vocabulary, so its
sentences share many words, which is the worst case for the stages that compare sentences pairwise. The
printed times should grow about linearly with the length; a stage that grows faster is a regression.
"""

from __future__ import annotations

import argparse
import random
import time

from newsfuse import brief

VOCABULARY = (
    "the council said residents would vote on the budget plan after weeks of debate over taxes and schools"
).split()


def invented_document(words: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    paragraphs = [
        " ".join(rng.choice(VOCABULARY) for _ in range(20)).capitalize() + "." for _ in range(words // 20)
    ]
    return "\n\n".join(paragraphs)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--words", default="10000,20000,50000", help="document lengths, comma-separated")
    args = parser.parse_args()
    brief([{"text": invented_document(200)}])  # warm-up: loads the models
    for words in (int(w) for w in args.words.split(",")):
        start = time.perf_counter()
        briefing = brief([{"text": invented_document(words)}], words=230)
        total = time.perf_counter() - start
        stages = "  ".join(f"{stage} {seconds:.2f}" for stage, seconds in briefing.timings.items())
        print(f"{words:>7} words  total {total:6.2f} s  |  {stages}")


if __name__ == "__main__":
    main()
