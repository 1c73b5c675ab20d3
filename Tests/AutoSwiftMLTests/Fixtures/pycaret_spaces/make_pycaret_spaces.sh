#!/usr/bin/env bash
# Regenerates pycaret_3.3.2_spaces.json, PyCaret 3.3.2's tune distributions, in a private venv.
# Usage: bash Tests/AutoSwiftMLTests/Fixtures/pycaret_spaces/make_pycaret_spaces.sh
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x .venv-fixtures/bin/python ]; then
    python3 -m venv .venv-fixtures
    .venv-fixtures/bin/pip install --quiet pycaret==3.3.2
fi
.venv-fixtures/bin/python make_pycaret_spaces.py > pycaret_3.3.2_spaces.json
