#!/usr/bin/env python3
"""Reference values for the tree models (dt splits, gbm/rf/et/ada scores).

Run on its own:  bash Tests/MLModelsTests/Fixtures/trees/make_trees.sh
(creates .venv-fixtures with scikit-learn==1.9.1, lightgbm and pandas, then runs this file).
Writes trees_reference.json beside this script.
"""
import json
import os

import numpy as np
import pandas as pd
import lightgbm
import sklearn
from sklearn.ensemble import (AdaBoostClassifier, ExtraTreesClassifier, RandomForestClassifier,
                              RandomForestRegressor)
from sklearn.metrics import accuracy_score, r2_score
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

from tree_fixture_tools import tree_dict

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "..", "..", "..", "..", "shared", "datasets")
if not os.path.isdir(DATA):
    DATA = "/work/shared/datasets"


def split(n, seed, test_fraction=0.3):
    perm = np.random.RandomState(seed).permutation(n)
    n_test = int(round(n * test_fraction))
    return np.sort(perm[n_test:]), np.sort(perm[:n_test])


def dataset(X, y, train, test):
    return {"X_train": X[train].tolist(), "y_train": y[train].tolist(),
            "X_test": X[test].tolist(), "y_test": y[test].tolist()}


out = {"sklearn_version": sklearn.__version__, "lightgbm_version": lightgbm.__version__}

# Breast cancer: binary.
bc = pd.read_csv(os.path.join(DATA, "breast_cancer.csv"))
Xb = bc.drop(columns=["diagnosis"]).to_numpy(float)
yb = pd.Categorical(bc["diagnosis"]).codes.astype(int)
tr, te = split(len(yb), 0)
out["breast_cancer"] = dataset(Xb, yb, tr, te)

# Penguins: three species from the four numeric measurements.
pg = pd.read_csv(os.path.join(DATA, "penguins.csv"))
num = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]
pg = pg.dropna(subset=num)
Xp = pg[num].to_numpy(float)
yp = pd.Categorical(pg["species"]).codes.astype(int)
trp, tep = split(len(yp), 1)
out["penguins"] = dataset(Xp, yp, trp, tep)

# Diabetes: regression.
db = pd.read_csv(os.path.join(DATA, "diabetes.csv"))
Xd = db.drop(columns=["progression"]).to_numpy(float)
yd = db["progression"].to_numpy(float)
trd, ted = split(len(yd), 2)
out["diabetes"] = dataset(Xd, yd, trd, ted)

scores = {}
for name, X, y, a, b in [("breast_cancer", Xb, yb, tr, te), ("penguins", Xp, yp, trp, tep)]:
    lgb = lightgbm.LGBMClassifier(verbose=-1, random_state=0).fit(X[a], y[a])
    scores[f"{name}_lightgbm"] = accuracy_score(y[b], lgb.predict(X[b]))
    accs = []
    for seed in range(5):
        rf = RandomForestClassifier(n_estimators=100, random_state=seed, n_jobs=1).fit(X[a], y[a])
        accs.append(accuracy_score(y[b], rf.predict(X[b])))
    scores[f"{name}_rf"] = float(np.mean(accs))
    accs = []
    for seed in range(5):
        et = ExtraTreesClassifier(n_estimators=100, random_state=seed, n_jobs=1).fit(X[a], y[a])
        accs.append(accuracy_score(y[b], et.predict(X[b])))
    scores[f"{name}_et"] = float(np.mean(accs))
    ada = AdaBoostClassifier(random_state=0).fit(X[a], y[a])
    scores[f"{name}_ada"] = accuracy_score(y[b], ada.predict(X[b]))
    scores[f"{name}_dt"] = accuracy_score(y[b], DecisionTreeClassifier(random_state=0).fit(X[a], y[a]).predict(X[b]))
lgbr = lightgbm.LGBMRegressor(verbose=-1, random_state=0).fit(Xd[trd], yd[trd])
scores["diabetes_lightgbm_r2"] = r2_score(yd[ted], lgbr.predict(Xd[ted]))
scores["diabetes_rf_r2"] = float(np.mean([r2_score(yd[ted], RandomForestRegressor(random_state=s).fit(Xd[trd], yd[trd]).predict(Xd[ted])) for s in range(5)]))
from sklearn.ensemble import AdaBoostRegressor
scores["diabetes_ada_r2"] = float(np.mean([r2_score(yd[ted], AdaBoostRegressor(random_state=s).fit(Xd[trd], yd[trd]).predict(Xd[ted])) for s in range(5)]))
for loss in ["square", "exponential"]:
    scores[f"diabetes_ada_{loss}_r2"] = float(np.mean([r2_score(yd[ted], AdaBoostRegressor(loss=loss, random_state=s).fit(Xd[trd], yd[trd]).predict(Xd[ted])) for s in range(5)]))
out["scores"] = {k: float(v) for k, v in scores.items()}

# AdaBoost SAMME on a tiny set: every estimator weight and the probabilities.
small = slice(0, 80)
ada = AdaBoostClassifier(n_estimators=10, random_state=0).fit(Xb[small, :6], yb[small])
out["ada_small"] = {"X": Xb[small, :6].tolist(), "y": yb[small].tolist(),
                    "estimator_weights": [float(w) for w in ada.estimator_weights_],
                    "proba": ada.predict_proba(Xb[small, :6]).tolist()}

# Depth-3 CART on small data: the exact splits.
Xs, ys = Xb[:150, :8], yb[:150]
out["dt_small"] = {"X": Xs.tolist(), "y": ys.tolist()}
for crit in ["gini", "entropy"]:
    dt = DecisionTreeClassifier(max_depth=3, criterion=crit, random_state=0).fit(Xs, ys)
    out["dt_small"][crit] = tree_dict(dt)
    # No ties: every feature order (random_state) gives the same tree.
    for seed in range(1, 10):
        assert tree_dict(DecisionTreeClassifier(max_depth=3, criterion=crit, random_state=seed).fit(Xs, ys)) == tree_dict(dt)
Xr, yr = Xd[:150], yd[:150]
dtr = DecisionTreeRegressor(max_depth=3, min_samples_leaf=5, random_state=0).fit(Xr, yr)
for seed in range(1, 10):
    assert tree_dict(DecisionTreeRegressor(max_depth=3, min_samples_leaf=5, random_state=seed).fit(Xr, yr)) == tree_dict(dtr)
out["dt_regression"] = {"X": Xr.tolist(), "y": yr.tolist(), "tree": tree_dict(dtr), "min_samples_leaf": 5}

with open(os.path.join(HERE, "trees_reference.json"), "w") as f:
    json.dump(out, f, sort_keys=True)
print(json.dumps(out["scores"], indent=1, sort_keys=True))
