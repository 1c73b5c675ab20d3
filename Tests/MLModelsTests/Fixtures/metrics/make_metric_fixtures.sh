#!/bin/sh
# Regenerates metrics.json and baseline.json with a pinned scikit-learn in a private venv.
set -eu
cd "$(dirname "$0")"
if [ ! -x .venv-fixtures/bin/python ]; then
    python3 -m venv .venv-fixtures
    .venv-fixtures/bin/pip install --quiet scikit-learn==1.9.1 numpy
fi
.venv-fixtures/bin/python make_metric_fixtures.py
.venv-fixtures/bin/python make_baseline_fixtures.py
