"""Evaluate: ROUGE on benchmark datasets and annotated quality gates for the fuzzy stages."""
