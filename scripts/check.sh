#!/usr/bin/env bash
# The whole test suite: lint, format, types, then tests. Fails on the first failing step.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PATH"

ruff check src tests benchmarks
ruff format --check src tests benchmarks
mypy
python -m pytest -q "$@"
