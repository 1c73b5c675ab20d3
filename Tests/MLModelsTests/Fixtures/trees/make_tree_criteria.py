#!/usr/bin/env python3
"""Reference trees for the regression criteria `absolute_error` and `friedman_mse`.

Run on its own:  bash Tests/MLModelsTests/Fixtures/trees/make_tree_criteria.sh
(creates .venv-fixtures with scikit-learn==1.9.1 and pandas, then runs this file).
Writes tree_criteria_reference.json beside this script.

Data: a tiny one-feature set with tied targets and weights chosen so that some nodes' cumulative
weight hits half the total exactly (the weighted median is then a midpoint), and the first 150 rows
of diabetes.csv (10 features, targets plus k/16, fewer than 255 distinct values per feature, so our
bins are exact). Every decision tree here does not depend on scikit-learn's random feature order
(checked over ten seeds) and no split is a near tie between features, so ours must be the same
node for node. Forests are compared by test R² (mean over five seeds): bootstrap streams differ.

scikit-learn 1.9 maps `friedman_mse` to `squared_error` ("both were always equivalent", with a
FutureWarning); the friedman cases record that mapping.
"""
import json
import os
import warnings

import numpy as np
import pandas as pd
import sklearn
from sklearn.ensemble import ExtraTreesRegressor, RandomForestRegressor
from sklearn.metrics import r2_score
from sklearn.tree import DecisionTreeRegressor

from tree_fixture_tools import DATA, HERE, fit_stable, same_tree, tree_dict


out = {"sklearn_version": sklearn.__version__, "tree_cases": [], "forest_cases": []}

# A tiny one-feature set: tied x values, tied targets, weights 1-3 (whole numbers, so every sum is
# exact) whose halves are hit exactly in some nodes.
x_tiny = np.array([0, 0, 1, 1, 1, 2, 3, 3, 4, 5, 5, 6, 7, 8, 8, 9], float)
y_tiny = np.array([3, 5, 4, 4, 10, 2, 7, 7, 1, 6, 6, 12, 0, 9, 3, 8], float)
w_tiny = np.array([1, 3, 2, 2, 1, 1, 3, 1, 2, 2, 1, 1, 3, 1, 1, 2], float)
tiny_test = np.arange(-0.5, 10, 0.5)
out["data"] = {"tiny": {"X": x_tiny[:, None].tolist(), "y": y_tiny.tolist(), "sample_weight": w_tiny.tolist(),
                        "X_test": tiny_test[:, None].tolist()}}

db = pd.read_csv(os.path.join(DATA, "diabetes.csv"))
Xd = db.drop(columns=["progression"]).to_numpy(float)
# Targets plus a dyadic fraction k/16: whole-number sums would tie absolute errors between
# features too often; with sixteenths every sum is still exact in binary floating point.
yd = db["progression"].to_numpy(float) + np.array([(i * 7) % 16 for i in range(len(db))]) / 16
wd = np.array([1.0 + (i % 3) for i in range(150)])
out["data"]["diabetes"] = {"X": Xd[:150].tolist(), "y": yd[:150].tolist(), "sample_weight": wd.tolist(),
                           "X_test": Xd[150:250].tolist()}
sets = {"tiny": (x_tiny[:, None], y_tiny, w_tiny, tiny_test[:, None]),
        "diabetes": (Xd[:150], yd[:150], wd, Xd[150:250])}

# (data, criterion, max_depth, min_samples_leaf, min_impurity_decrease, weighted)
cases = [
    ("tiny", "absolute_error", None, 1, 0.0, False),
    ("tiny", "absolute_error", None, 1, 0.0, True),
    ("tiny", "absolute_error", 2, 1, 0.0, True),
    ("tiny", "absolute_error", None, 2, 0.0, True),
    ("tiny", "absolute_error", None, 1, 0.1, True),
    ("diabetes", "absolute_error", 3, 5, 0.0, False),
    ("diabetes", "absolute_error", 3, 5, 0.0, True),
    ("diabetes", "absolute_error", 5, 10, 0.0, True),
    ("diabetes", "absolute_error", None, 5, 2.0, False),
    ("diabetes", "absolute_error", None, 5, 2.0, True),
    ("diabetes", "friedman_mse", 4, 5, 0.0, True),
    ("diabetes", "friedman_mse", None, 1, 50.0, False),
]
for data, crit, depth, leaf, mid, weighted in cases:
    X, y, w, X_test = sets[data]
    sw = w if weighted else None
    def make(seed, crit=crit, mid=mid):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)
            return DecisionTreeRegressor(criterion=crit, max_depth=depth, min_samples_leaf=leaf,
                                         min_impurity_decrease=mid, random_state=seed)
    rule = "squared_error" if crit == "friedman_mse" else crit
    dt = fit_stable(make, X, y, sw, criterion=rule, min_leaf=leaf)
    if crit == "friedman_mse":
        # scikit-learn 1.9: friedman_mse is squared_error.
        assert dt.criterion == "squared_error"
        assert same_tree(dt, make(0, crit="squared_error").fit(X, y, sample_weight=sw))
    if mid > 0:
        full = make(0, mid=0.0).fit(X, y, sample_weight=sw)
        assert 2 < dt.tree_.n_leaves < full.tree_.n_leaves, (dt.tree_.n_leaves, full.tree_.n_leaves)
    out["tree_cases"].append({
        "data": data, "criterion": crit, "max_depth": depth, "min_samples_leaf": leaf,
        "min_impurity_decrease": mid, "weighted": weighted, "tree": tree_dict(dt),
        "leaf_count": int(dt.tree_.n_leaves), "predict_test": dt.predict(X_test).tolist()})

# Forests with absolute error: test R² on the rest of diabetes, mean over five seeds.
train, test = np.arange(0, 300), np.arange(300, len(yd))
out["data"]["diabetes_split"] = {"X": Xd[train].tolist(), "y": yd[train].tolist(),
                                 "X_test": Xd[test].tolist(), "y_test": yd[test].tolist()}
for name, make in [("rf", RandomForestRegressor), ("et", ExtraTreesRegressor)]:
    for depth in [None, 6]:
        scores = [r2_score(yd[test], make(n_estimators=30, criterion="absolute_error", max_depth=depth,
                                          random_state=s).fit(Xd[train], yd[train]).predict(Xd[test]))
                  for s in range(5)]
        out["forest_cases"].append({"model": name, "criterion": "absolute_error", "n_estimators": 30,
                                    "max_depth": depth, "r2_mean": float(np.mean(scores)),
                                    "r2_std": float(np.std(scores))})

with open(os.path.join(HERE, "tree_criteria_reference.json"), "w") as f:
    json.dump(out, f, sort_keys=True)
print([(c["data"], c["criterion"], c["leaf_count"]) for c in out["tree_cases"]])
print([(c["model"], c["max_depth"], round(c["r2_mean"], 4), round(c["r2_std"], 4)) for c in out["forest_cases"]])
