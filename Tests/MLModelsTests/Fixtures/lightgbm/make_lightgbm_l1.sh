#!/usr/bin/env bash
# Regenerates lightgbm_l1.json with pinned LightGBM in a private venv.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x .venv-fixtures/bin/python ]; then
  python3 -m venv .venv-fixtures
  .venv-fixtures/bin/pip install -q lightgbm==4.7.0 numpy
fi
.venv-fixtures/bin/python make_lightgbm_l1.py
