#!/usr/bin/env bash
# Regenerates tree_criteria_reference.json with pinned scikit-learn in a private venv.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x .venv-fixtures/bin/python ]; then
  python3 -m venv .venv-fixtures
  .venv-fixtures/bin/pip install -q scikit-learn==1.9.1 pandas
fi
.venv-fixtures/bin/python make_tree_criteria.py
