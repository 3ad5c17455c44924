"""The evaluation table, as printed by ``newsfuse evaluate``."""

from __future__ import annotations

from newsfuse.evaluate.harness import Report
from newsfuse.evaluate.rouge import MEASURES

_LABEL = {"rouge1": "R1", "rouge2": "R2", "rougeL": "RL"}


def format_report(report: Report, clusters: int) -> str:
    metric = "recall" if report.metric == "recall" else "F1"
    lines = [
        f"{report.dataset}: {clusters} clusters · ROUGE {metric} (rouge-score, stemmed), summaries cut at "
        f"{report.words} words, mean over references · 95% bootstrap intervals",
        "",
        f"{'system':10} "
        + " ".join(f"{_LABEL[m] + ' [95% CI]':>20}" for m in MEASURES)
        + f" {'s/cluster':>10}",
    ]
    ranked = sorted(report.systems.values(), key=lambda s: -s.interval("rouge2").mean)
    for system in ranked:
        cells = []
        for measure in MEASURES:
            ci = system.interval(measure)
            cells.append(f"{ci.mean:6.2f} [{ci.low:5.2f},{ci.high:6.2f}]")
        errors = f"  ({system.errors} clusters failed)" if system.errors else ""
        lines.append(
            f"{system.name:10} "
            + " ".join(f"{c:>20}" for c in cells)
            + f" {system.seconds_per_cluster:10.3f}{errors}"
        )
    for measure in ("rouge1", "rouge2"):
        test = report.significance(measure)
        if test:
            peer, p = test
            ours = report.systems["newsfuse"].interval(measure).mean
            theirs = report.systems[peer].interval(measure).mean
            lines.append(
                f"newsfuse vs best peer on {_LABEL[measure]} ({peer}): {ours - theirs:+.2f} points, "
                f"p = {p:.4f} (one-sided paired bootstrap over clusters)"
            )
    return "\n".join(lines)
