#!/usr/bin/env bash
# Regenerates preprocessing.json with a pinned scikit-learn in a private venv.
# Usage: bash Tests/AutoSwiftMLTests/Fixtures/preprocessing/make_preprocessing_fixtures.sh
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x .venv-fixtures/bin/python ]; then
    python3 -m venv .venv-fixtures
    .venv-fixtures/bin/pip install --quiet scikit-learn==1.9.1 pandas
fi
.venv-fixtures/bin/python make_preprocessing_fixtures.py > preprocessing.json
