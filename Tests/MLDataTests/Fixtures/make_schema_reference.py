#!/usr/bin/env python3
"""Reference column statistics from pandas.read_csv for the MLData schema tests.

Writes schema_reference.json beside this file: for each dataset, per column, the number of missing
cells (isna().sum()) and distinct present values (nunique()), plus row and column counts.

Run on its own (creates its own venv):
    cd Tests/MLDataTests/Fixtures && python3 -m venv .venv-fixtures \
        && .venv-fixtures/bin/pip install pandas==3.1.1 \
        && .venv-fixtures/bin/python make_schema_reference.py
"""
import json
import pathlib

import pandas as pd

here = pathlib.Path(__file__).resolve().parent
datasets = here.parents[2] / "datasets"
reference = {}
for name in ["titanic.csv", "penguins.csv", "diabetes.csv"]:
    frame = pd.read_csv(datasets / name)
    reference[name] = {
        "rows": int(frame.shape[0]),
        "columns": [str(c) for c in frame.columns],
        "missing": {str(c): int(v) for c, v in frame.isna().sum().items()},
        "distinct": {str(c): int(v) for c, v in frame.nunique().items()},
        "numeric": [str(c) for c in frame.select_dtypes("number").columns],
    }
(here / "schema_reference.json").write_text(json.dumps(reference, indent=1, sort_keys=True) + "\n")
