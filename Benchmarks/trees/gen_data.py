"""Writes the benchmark data once: make_classification(1_000_000, 50, 20 informative, random_state=0).

data/X.f64 (row-major float64), data/y.f64, data/meta.json. Rows 0..800k are train, the rest test;
the random forest uses the first 200k train rows.
"""
import json
import os
import sys

import numpy as np
from sklearn.datasets import make_classification

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
if not os.path.exists(os.path.join(out, "meta.json")):
    X, y = make_classification(n_samples=1_000_000, n_features=50, n_informative=20, random_state=0)
    np.ascontiguousarray(X, dtype=np.float64).tofile(os.path.join(out, "X.f64"))
    y.astype(np.float64).tofile(os.path.join(out, "y.f64"))
    with open(os.path.join(out, "meta.json"), "w") as f:
        json.dump({"n": 1_000_000, "p": 50, "n_train": 800_000, "rf_train": 200_000}, f)
