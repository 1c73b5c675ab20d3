#!/usr/bin/env python3
"""Reference trees for `min_impurity_decrease` and `class_weight="balanced"` (CART).

Run on its own:  bash Tests/MLModelsTests/Fixtures/trees/make_tree_pruning.sh
(creates .venv-fixtures with scikit-learn==1.9.1 and pandas, then runs this file).
Writes tree_pruning_reference.json beside this script.

Every case is a tree that does not depend on scikit-learn's random feature order (checked over
ten seeds below), so our tree must be the same node for node. Data: the first 150 rows of
breast_cancer.csv (8 features), an imbalanced 177-row subset of it, and the first 150 rows of
diabetes.csv (10 features): fewer than 255 distinct values per feature, so our bins are exact.
"""
import json
import math
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

from tree_fixture_tools import DATA, HERE, fit_stable, same_tree, tree_dict


bc = pd.read_csv(os.path.join(DATA, "breast_cancer.csv"))
Xb = bc.drop(columns=["diagnosis"]).to_numpy(float)
yb = pd.Categorical(bc["diagnosis"]).codes.astype(int)
db = pd.read_csv(os.path.join(DATA, "diabetes.csv"))
Xd = db.drop(columns=["progression"]).to_numpy(float)
yd = db["progression"].to_numpy(float)

X, y = Xb[:150, :8], yb[:150]
X_test = Xb[150:250, :8]
# An imbalanced set for class_weight (57 malignant, 120 benign): every 4th class-0 row of the
# first 400 and the first 120 class-1 rows.
first = np.arange(400)
chosen = np.sort(np.concatenate([first[yb[:400] == 0][::4], first[yb[:400] == 1][:120]]))
Xi, yi = Xb[chosen, :8], yb[chosen]
Xi_test = Xb[400:500, :8]
sets = {
    "main": (X, y, X_test, np.array([1.0 + (i % 3) for i in range(len(y))])),
    "imbalanced": (Xi, yi, Xi_test, np.array([1.0 + (i % 3) for i in range(len(yi))])),
}
out = {"sklearn_version": sklearn.__version__, "classifier_cases": [], "regression_cases": [],
       "classifier_data": {name: {"X": a.tolist(), "y": b.tolist(), "X_test": c.tolist(), "sample_weight": w.tolist()}
                           for name, (a, b, c, w) in sets.items()}}

# (data, criterion, min_impurity_decrease, class_weight, max_depth, weighted)
classifier_cases = [
    ("main", "gini", 0.01, None, None, False),
    ("main", "entropy", 0.03, None, None, False),
    ("main", "gini", 0.01, "balanced", None, False),
    ("main", "gini", 0.015, None, None, True),
    ("main", "entropy", 0.03, None, None, True),
    ("main", "entropy", 0.03, "balanced", None, True),
    ("imbalanced", "entropy", 0.05, "balanced", None, False),
    ("imbalanced", "entropy", 0.05, "balanced", None, True),
    ("imbalanced", "gini", 0.02, "balanced", None, True),
    ("imbalanced", "entropy", 0.0, "balanced", 2, False),
]
telling_bits, telling_weights = [], []
for data, crit, mid, cw, depth, weighted in classifier_cases:
    Xc, yc, Xc_test, wc = sets[data]
    sw = wc if weighted else None
    def make(seed, mid=mid, cw=cw):
        return DecisionTreeClassifier(criterion=crit, min_impurity_decrease=mid, class_weight=cw,
                                      max_depth=depth, random_state=seed)
    dt = fit_stable(make, Xc, yc, sw, criterion=crit, class_weight=cw)
    if mid > 0:
        unpruned = make(0, 0.0).fit(Xc, yc, sample_weight=sw)
        # The value prunes some splits but not all.
        assert 2 < dt.tree_.n_leaves < unpruned.tree_.n_leaves
        # The test tells bits from nats (entropy) and Σw from the row count (normalisation).
        if crit == "entropy":
            telling_bits.append(not same_tree(make(0, mid / math.log(2)).fit(Xc, yc, sample_weight=sw), dt))
        if weighted:
            # Normalised by the row count instead of Σw (twice as large) the decreases would double.
            telling_weights.append(not same_tree(make(0, mid / 2).fit(Xc, yc, sample_weight=sw), dt))
    if cw is not None and data == "imbalanced":
        # Balancing changes the tree.
        assert not same_tree(make(0, cw=None).fit(Xc, yc, sample_weight=sw), dt)
    out["classifier_cases"].append({
        "data": data, "criterion": crit, "min_impurity_decrease": mid, "class_weight": cw or "none",
        "max_depth": depth, "weighted": weighted, "tree": tree_dict(dt), "leaf_count": int(dt.tree_.n_leaves),
        "proba_test": dt.predict_proba(Xc_test).tolist(), "predict_test": dt.predict(Xc_test).tolist()})

assert any(telling_bits) and any(telling_weights)

Xr, yr = Xd[:150], yd[:150]
out["X_regression"] = Xr.tolist()
out["y_regression"] = yr.tolist()
out["X_regression_test"] = Xd[150:250].tolist()
out["sample_weight_regression"] = [1.0 + (i % 3) for i in range(len(yr))]
for mid, weighted in [(50.0, False), (100.0, False), (100.0, True)]:
    sw = np.array(out["sample_weight_regression"]) if weighted else None
    dt = fit_stable(lambda s: DecisionTreeRegressor(min_impurity_decrease=mid, random_state=s), Xr, yr, sw)
    assert dt.tree_.n_leaves > 2
    full = DecisionTreeRegressor(random_state=0).fit(Xr, yr, sample_weight=sw)
    assert 2 < dt.tree_.n_leaves < full.tree_.n_leaves
    if weighted:
        half = DecisionTreeRegressor(min_impurity_decrease=mid / 2, random_state=0).fit(Xr, yr, sample_weight=sw)
        assert not same_tree(half, dt)
    out["regression_cases"].append({
        "min_impurity_decrease": mid, "weighted": weighted, "tree": tree_dict(dt),
        "leaf_count": int(dt.tree_.n_leaves), "predict_test": dt.predict(Xd[150:250]).tolist()})

with open(os.path.join(HERE, "tree_pruning_reference.json"), "w") as f:
    json.dump(out, f, sort_keys=True)
print([c["leaf_count"] for c in out["classifier_cases"]], [c["leaf_count"] for c in out["regression_cases"]])
