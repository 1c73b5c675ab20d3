#!/usr/bin/env python3
"""Reference raw predictions of LightGBM with L1 regularisation (reg_alpha).

Run on its own:  bash Tests/MLModelsTests/Fixtures/lightgbm/make_lightgbm_l1.sh
(creates .venv-fixtures with lightgbm==4.7.0 and numpy, then runs this file).
Writes lightgbm_l1.json beside this script.

The data are chosen so that our binning and split search see exactly what LightGBM sees:
features take a few positive integer values (one bin each, min_data_in_bin=1, no zeros or
missing values), the task is L2 regression (constant hessians, so LightGBM's hessian-based row
counts are exact), and nothing is random (no bagging, all features). Labels are multiples of 1/8
with a mean that is exact in binary, so the first iteration's float32 gradients are exact.
"""
import json
import os

import lightgbm
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))

rng = np.random.RandomState(3)
n = 48
X = rng.randint(1, 6, size=(n, 3)).astype(float)
y = np.round(8 * (1.5 * X[:, 0] - X[:, 1] * (X[:, 2] > 3) + rng.normal(0, 1.0, n))) / 8
y[-1] += (np.round(np.mean(y) * 4) / 4 - np.mean(y)) * n  # mean a multiple of 1/4
assert float(np.mean(y)) * 4 == round(float(np.mean(y)) * 4)

cases = []
for n_estimators in (1, 6):
    for reg_alpha, reg_lambda in ((0.0, 0.0), (3.0, 0.0), (8.0, 1.5), (40.0, 0.0)):
        params = dict(objective="regression", num_iterations=n_estimators, learning_rate=0.3, num_leaves=6,
                      min_data_in_leaf=3, min_sum_hessian_in_leaf=1e-3, lambda_l1=reg_alpha, lambda_l2=reg_lambda,
                      min_data_in_bin=1, max_bin=255, bagging_fraction=1.0, bagging_freq=0, feature_fraction=1.0,
                      deterministic=True, force_row_wise=True, num_threads=1, verbose=-1, seed=0)
        model = lightgbm.train(params, lightgbm.Dataset(X, y))
        raw = model.predict(X, raw_score=True)
        leaves = [int(t["num_leaves"]) for t in model.dump_model()["tree_info"]]
        cases.append({"n_estimators": n_estimators, "reg_alpha": reg_alpha, "reg_lambda": reg_lambda,
                      "learning_rate": 0.3, "num_leaves": 6, "min_child_samples": 3,
                      "raw": [float(v) for v in raw], "tree_leaves": leaves})

out = {"lightgbm_version": lightgbm.__version__, "X": X.tolist(), "y": [float(v) for v in y], "cases": cases}
with open(os.path.join(HERE, "lightgbm_l1.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
