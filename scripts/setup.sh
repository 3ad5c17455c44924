#!/usr/bin/env bash
# Install newsfuse and everything it needs into ./.venv. Safe to run again.
#   bash scripts/setup.sh          the product (and its evaluation extra)
#   bash scripts/setup.sh --dev    plus tests, linters, benchmark peers and the spaCy NER backend
set -euo pipefail
cd "$(dirname "$0")/.."

extras="eval"
if [[ "${1:-}" == "--dev" ]]; then
  extras="dev,bench,ner"
fi

if [[ ! -x .venv/bin/python ]]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[${extras}]"
echo "newsfuse installed in .venv ($(.venv/bin/newsfuse --version))" >&2
