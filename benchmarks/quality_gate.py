"""Print the cleaning score card: removed-line precision/recall and metadata accuracy per annotated set.

    python benchmarks/quality_gate.py [-v]

`tests/data/cleaning-heldout` was written after the cleaner and never used to tune it: its numbers are the
honest estimate of how the cleaner does on chrome it has not seen.
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsfuse.evaluate.cleaning import score_cleaning

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "sample cluster (port-alder-fire)": (
        "samples/annotations/port-alder-fire.json",
        "samples/port-alder-fire",
    ),
    "chrome set (tests/data/cleaning)": ("tests/data/cleaning/annotations.json", "tests/data/cleaning"),
    "held-out set (tests/data/cleaning-heldout)": (
        "tests/data/cleaning-heldout/annotations.json",
        "tests/data/cleaning-heldout",
    ),
}


def main() -> None:
    verbose = "-v" in sys.argv
    print(f"{'set':44} {'lines':>6} {'precision':>9} {'recall':>7} {'metadata':>8}")
    for name, (annotation_file, folder) in SETS.items():
        score = score_cleaning(ROOT / annotation_file, ROOT / folder)
        chrome = score.true_positives + score.false_negatives
        print(
            f"{name:44} {chrome:>6} {score.precision:>9.3f} {score.recall:>7.3f} {score.metadata_accuracy:>8.3f}"
        )
        if verbose:
            for error in score.errors:
                print(f"    {error}")


if __name__ == "__main__":
    main()
