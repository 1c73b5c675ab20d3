"""scikit-learn side of Benchmarks/linear: writes the data once, times the same fits.

Usage: python bench_sklearn.py <data dir> <repeats>
Prints one line per model: "<id> <median seconds> iterations=<n_iter_> runs=<…>".
"""
import os
import statistics
import sys
import time

import numpy as np
import pandas as pd
from sklearn.datasets import make_classification, make_regression
from sklearn.linear_model import ElasticNet, LogisticRegression

N_SAMPLES, N_FEATURES = 100_000, 50


def write_data(directory):
    cls = os.path.join(directory, "classification.csv")
    reg = os.path.join(directory, "regression.csv")
    if not os.path.exists(cls):
        X, y = make_classification(n_samples=N_SAMPLES, n_features=N_FEATURES, n_informative=20, random_state=0)
        pd.DataFrame(np.column_stack([X, y])).to_csv(cls, index=False, float_format="%.17g")
    if not os.path.exists(reg):
        X, y = make_regression(n_samples=N_SAMPLES, n_features=N_FEATURES, n_informative=20, noise=10.0, random_state=0)
        pd.DataFrame(np.column_stack([X, y])).to_csv(reg, index=False, float_format="%.17g")
    return cls, reg


def load(path):
    a = pd.read_csv(path).values
    return np.asfortranarray(a[:, :-1]), a[:, -1]


def bench(repeats, make, X, y):
    runs, model = [], None
    for _ in range(repeats):
        model = make()
        t = time.perf_counter()
        model.fit(X, y)
        runs.append(time.perf_counter() - t)
    return runs, model


def main():
    directory, repeats = sys.argv[1], int(sys.argv[2])
    cls, reg = write_data(directory)
    Xc, yc = load(cls)
    Xr, yr = load(reg)
    for name, make, X, y in [("lr", lambda: LogisticRegression(max_iter=1000), Xc, yc.astype(int)),
                             ("en", lambda: ElasticNet(), Xr, yr)]:
        runs, model = bench(repeats, make, X, y)
        n_iter = int(np.max(model.n_iter_))
        print(f"{name} {statistics.median(runs)} iterations={n_iter} runs={','.join(f'{r:.4f}' for r in runs)}")


if __name__ == "__main__":
    main()
