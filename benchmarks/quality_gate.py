"""Print the score cards: cleaning (removed-line precision/recall, metadata accuracy per annotated set) and
the cross-source stages (copies, quotes and speakers, actors, dates, conflicts per annotated cluster).

    python benchmarks/quality_gate.py [-v]

`tests/data/cleaning-heldout8` is the blind set: it was written by someone who had not read the cleaner, and
it is never used to tune the cleaner and `-v` does not print its misses: its numbers are the
honest estimate of how the cleaner does on chrome it has not seen. `-heldout7`, `-heldout6` and `-heldout5`
(also written blind) played that part before; they now play the "seen" role, and their misses may be used for
tuning.
`-heldout4` was never tuned on either, but its misses were once printed during stop 12.
`tests/data/cleaning-heldout`, `-heldout2` and `-heldout3` played the blind part until stop 12, when their
misses were used to tune the cleaner.

`tests/data/crosssource-blind/*.cross.json` are the blind cross-source clusters: written by someone who had not
read the extractors, resolvers, cleaner, alignment or provenance code, and never used to tune them. They are scored
once with the default settings, one row each under "blind cross-source", and their errors are never
printed, not even with `-v`: their numbers are the honest estimate of the cross-source stages on unseen coverage.
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsfuse.evaluate.cleaning import score_cleaning
from newsfuse.evaluate.crosssource import score_cluster

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "sample cluster (port-alder-fire)": (
        "samples/annotations/port-alder-fire.json",
        "samples/port-alder-fire",
    ),
    "chrome set (tests/data/cleaning)": ("tests/data/cleaning/annotations.json", "tests/data/cleaning"),
    "second chrome set (tests/data/cleaning-heldout)": (
        "tests/data/cleaning-heldout/annotations.json",
        "tests/data/cleaning-heldout",
    ),
    "third chrome set (tests/data/cleaning-heldout2)": (
        "tests/data/cleaning-heldout2/annotations.json",
        "tests/data/cleaning-heldout2",
    ),
    "fourth chrome set (tests/data/cleaning-heldout3)": (
        "tests/data/cleaning-heldout3/annotations.json",
        "tests/data/cleaning-heldout3",
    ),
    "seen held-out set (tests/data/cleaning-heldout4)": (
        "tests/data/cleaning-heldout4/annotations.json",
        "tests/data/cleaning-heldout4",
    ),
    "seen held-out set (tests/data/cleaning-heldout5)": (
        "tests/data/cleaning-heldout5/annotations.json",
        "tests/data/cleaning-heldout5",
    ),
    "seen held-out set (tests/data/cleaning-heldout6)": (
        "tests/data/cleaning-heldout6/annotations.json",
        "tests/data/cleaning-heldout6",
    ),
    "seen held-out set (tests/data/cleaning-heldout7)": (
        "tests/data/cleaning-heldout7/annotations.json",
        "tests/data/cleaning-heldout7",
    ),
    "blind held-out set (tests/data/cleaning-heldout8)": (
        "tests/data/cleaning-heldout8/annotations.json",
        "tests/data/cleaning-heldout8",
    ),
}


def main() -> None:
    verbose = "-v" in sys.argv
    print(f"{'set':50} {'lines':>6} {'precision':>9} {'recall':>7} {'metadata':>8}")
    for name, (annotation_file, folder) in SETS.items():
        score = score_cleaning(ROOT / annotation_file, ROOT / folder)
        chrome = score.true_positives + score.false_negatives
        print(
            f"{name:50} {chrome:>6} {score.precision:>9.3f} {score.recall:>7.3f} {score.metadata_accuracy:>8.3f}"
        )
        if verbose and not name.startswith("blind"):  # the blind set's misses stay unread
            for error in score.errors:
                print(f"    {error}")
    print()
    print(
        f"{'cross-source cluster':20} {'copies P/R':>11} {'quotes':>7} {'speaker':>8} {'merged':>7} "
        f"{'actors':>7} {'aliases':>8} {'dates':>6} {'conflicts':>10} {'extra':>6}"
    )
    for annotation_file in sorted((ROOT / "samples" / "annotations").glob("*.cross.json")):
        card = score_cluster(annotation_file, ROOT / "samples")
        print(
            f"{card.cluster:20} {card.copies[0]:5.2f}/{card.copies[1]:<5.2f} {card.quotes_found:7.2f} "
            f"{card.speakers_right:8.2f} {card.quote_docs_merged:7.2f} {card.actors_canonical:7.2f} "
            f"{card.aliases_mapped:8.2f} {card.dates_right:6.2f} {card.conflicts_found:10.2f} "
            f"{card.conflicts_unmatched:6d}"
        )
        if verbose:
            for error in card.errors:
                print(f"    {error}")
    print()
    print(
        f"{'blind cross-source':20} {'copies P/R':>11} {'quotes':>7} {'speaker':>8} {'merged':>7} "
        f"{'actors':>7} {'aliases':>8} {'dates':>6} {'conflicts':>10} {'extra':>6}"
    )
    blind = ROOT / "tests" / "data" / "crosssource-blind"
    for annotation_file in sorted(blind.glob("*.cross.json")):
        card = score_cluster(annotation_file, blind)
        print(
            f"{card.cluster:20} {card.copies[0]:5.2f}/{card.copies[1]:<5.2f} {card.quotes_found:7.2f} "
            f"{card.speakers_right:8.2f} {card.quote_docs_merged:7.2f} {card.actors_canonical:7.2f} "
            f"{card.aliases_mapped:8.2f} {card.dates_right:6.2f} {card.conflicts_found:10.2f} "
            f"{card.conflicts_unmatched:6d}"
        )
        # Never print card.errors here, even with -v: these clusters were written by someone who had not read
        # the extractors and are never used to tune them; reading their misses would spoil them as a blind test.


if __name__ == "__main__":
    main()
