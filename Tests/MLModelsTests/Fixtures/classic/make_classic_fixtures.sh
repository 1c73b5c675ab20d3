#!/bin/sh
# Regenerates the classic-model fixtures in its own venv (scikit-learn 1.9.1 + pandas).
# Usage: Tests/MLModelsTests/Fixtures/classic/make_classic_fixtures.sh [datasets-dir]
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"
VENV="$HERE/.venv-fixtures"
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet scikit-learn==1.9.1 pandas
fi
"$VENV/bin/python" "$HERE/make_classic_fixtures.py" "${1:-$HERE/../../../../datasets}"
