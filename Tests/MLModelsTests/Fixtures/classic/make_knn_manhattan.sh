#!/bin/sh
# Regenerates knn_manhattan.json in its own venv (scikit-learn 1.9.1).
# Usage: Tests/MLModelsTests/Fixtures/classic/make_knn_manhattan.sh
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"
VENV="$HERE/.venv-fixtures"
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet scikit-learn==1.9.1 pandas
fi
"$VENV/bin/python" "$HERE/make_knn_manhattan.py"
