#!/bin/sh
# Regenerates linear_fixtures.json with a pinned scikit-learn in a private venv.
set -e
cd "$(dirname "$0")"
if [ ! -x .venv-fixtures/bin/python ]; then
  python3 -m venv .venv-fixtures
  .venv-fixtures/bin/pip install --quiet scikit-learn==1.9.1 pandas
fi
.venv-fixtures/bin/python make_linear_fixtures.py
