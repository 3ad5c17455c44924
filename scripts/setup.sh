#!/usr/bin/env bash
# Install newsfuse and everything it needs into ./.venv. Safe to run again.
#   bash scripts/setup.sh          the product (and its evaluation extra)
#   bash scripts/setup.sh --dev    plus tests, linters, benchmark peers and the spaCy NER backend
set -euo pipefail
cd "$(dirname "$0")/.."

extras="eval,web,stories"
if [[ "${1:-}" == "--dev" ]]; then
  extras="eval,web,stories,dask,dev,bench,ner"
fi

# Browser tests drive Debian's Chromium (Playwright never downloads its own).
if [[ "${1:-}" == "--dev" ]] && ! command -v chromium >/dev/null; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "setup: install chromium (Debian: apt-get install chromium chromium-driver) for the browser tests" >&2
  fi
fi

if [[ ! -x .venv/bin/python ]]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[${extras}]"
echo "newsfuse installed in .venv ($(.venv/bin/newsfuse --version))" >&2
