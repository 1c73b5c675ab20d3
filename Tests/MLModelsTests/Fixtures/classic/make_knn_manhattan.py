"""Reference values for k nearest neighbours under the Manhattan distance, from scikit-learn.

Run through make_knn_manhattan.sh (it creates its own venv with scikit-learn==1.9.1), or directly
with any Python that has scikit-learn and numpy:

    python make_knn_manhattan.py

Reads the fixed, preprocessed splits data_titanic.json, data_wine.json and data_diabetes.json that
make_classic_fixtures.py wrote beside this script, and writes knn_manhattan.json in knn.json's
layout: per dataset, "k{k}_{weights}" results of KNeighborsClassifier / KNeighborsRegressor with
metric="manhattan" and algorithm="brute", and "k{k}_ties", the test rows whose k-th and (k+1)-th
Manhattan distances tie (any tie rule may pick either neighbour there).
"""
import json
import os

import numpy as np
from sklearn.metrics import accuracy_score, r2_score
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor

HERE = os.path.dirname(os.path.abspath(__file__))


def parts(name):
    with open(os.path.join(HERE, f"data_{name}.json")) as f:
        d = json.load(f)
    X, y = np.asarray(d["X"], dtype=float), np.asarray(d["y"])
    return X[d["train"]], y[d["train"]], X[d["test"]], y[d["test"]]


def boundary_ties(Xtr, Xte, k):
    d = np.abs(Xte[:, None, :] - Xtr[None, :, :]).sum(-1)
    s = np.sort(d, axis=1)
    return [i for i in range(len(Xte)) if abs(s[i, k - 1] - s[i, k]) <= 1e-9 * max(1.0, s[i, k])]


def tolist(a):
    return np.asarray(a).tolist()


knn = {}
for name in ["titanic", "wine", "diabetes"]:
    Xtr, ytr, Xte, yte = parts(name)
    entry = {}
    for k in [1, 5, 15]:
        for weights in ["uniform", "distance"]:
            if name == "diabetes":
                m = KNeighborsRegressor(n_neighbors=k, weights=weights, metric="manhattan", algorithm="brute").fit(Xtr, ytr)
                entry[f"k{k}_{weights}"] = {"predict": tolist(m.predict(Xte)), "r2": r2_score(yte, m.predict(Xte))}
            else:
                m = KNeighborsClassifier(n_neighbors=k, weights=weights, metric="manhattan", algorithm="brute").fit(Xtr, ytr)
                entry[f"k{k}_{weights}"] = {"predict": tolist(m.predict(Xte)), "proba": tolist(m.predict_proba(Xte)),
                                            "accuracy": accuracy_score(yte, m.predict(Xte))}
        entry[f"k{k}_ties"] = boundary_ties(Xtr, Xte, k)
    knn[name] = entry
with open(os.path.join(HERE, "knn_manhattan.json"), "w") as f:
    json.dump(knn, f, separators=(",", ":"))
    f.write("\n")
