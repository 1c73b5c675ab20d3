"""Reference numbers for AutoSwiftML preprocessing and splits, from scikit-learn 1.9.1.

Run through make_preprocessing_fixtures.sh (it creates its own venv). Writes JSON to stdout.
Missing values are written as null.
"""
import json

import numpy as np
import sklearn
from sklearn.impute import SimpleImputer
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import MinMaxScaler, RobustScaler, StandardScaler, TargetEncoder

rng = np.random.default_rng(20261125)
out = {"sklearn_version": sklearn.__version__}

# Numeric imputation: one column with gaps (rounded values so most_frequent has a winner).
x = np.round(rng.normal(5, 2, size=40), 1)
x[rng.choice(40, size=7, replace=False)] = np.nan
x[[3, 9, 17]] = 4.2  # a clear mode (unless one of them was NaN'd: set after)
out["imputer"] = {
    "x": [None if np.isnan(v) else float(v) for v in x],
    "mean": float(SimpleImputer(strategy="mean").fit(x[:, None]).statistics_[0]),
    "median": float(SimpleImputer(strategy="median").fit(x[:, None]).statistics_[0]),
    "most_frequent": float(SimpleImputer(strategy="most_frequent").fit(x[:, None]).statistics_[0]),
}

# Scalers on a matrix with a heavy tail.
m = np.column_stack([rng.normal(0, 1, 50), rng.exponential(3, 50), rng.integers(0, 4, 50).astype(float)])
out["scalers"] = {
    "columns": [m[:, j].tolist() for j in range(m.shape[1])],
    "standard": StandardScaler().fit_transform(m).T.tolist(),
    "minmax": MinMaxScaler().fit_transform(m).T.tolist(),
    "robust": RobustScaler().fit_transform(m).T.tolist(),
}

# Target encoding (full-fit encodings_, i.e. what transform uses for new rows).
levels = [f"L{i:02d}" for i in range(12)]
cats = rng.choice(levels[:11], size=80, p=np.r_[np.full(10, 0.09), 0.1])  # L11 never appears
yb = (rng.random(80) < 0.4).astype(int)
yc = rng.choice(["a", "b", "c"], size=80)
yr = np.round(rng.normal(10, 3, 80), 3)
te = {"categories": cats.tolist(), "binary": yb.tolist(), "multiclass": yc.tolist(), "continuous": yr.tolist()}
for smooth in ["auto", 2.5]:
    key = "auto" if smooth == "auto" else "fixed2.5"
    enc = {}
    for target_type, y in [("binary", yb), ("multiclass", yc), ("continuous", yr)]:
        e = TargetEncoder(smooth=smooth, target_type=target_type).fit(cats[:, None], y)
        cats_seen = list(e.categories_[0])
        enc[target_type] = {
            "categories": [str(c) for c in cats_seen],
            "encodings": [list(map(float, v)) for v in e.encodings_],
            "target_mean": np.atleast_1d(e.target_mean_).astype(float).tolist(),
        }
    te[key] = enc
out["target_encoder"] = te

# StratifiedKFold: validation counts per fold and class (classes in order of first appearance).
skf = []
for seed, sizes, k in [(1, [13, 7, 22], 5), (2, [30, 11], 4), (3, [9, 9, 9, 5], 3)]:
    y = np.repeat(np.arange(len(sizes)), sizes)
    y = rng.permutation(y)
    counts = []
    for _, val in StratifiedKFold(n_splits=k, shuffle=True, random_state=seed).split(np.zeros(len(y)), y):
        counts.append([int(np.sum(y[val] == c)) for c in range(len(sizes))])
    skf.append({"y": y.tolist(), "k": k, "counts": counts})
out["stratified_kfold"] = skf

print(json.dumps(out, indent=1, sort_keys=True))
