"""Reference values for the RBF SVC with class_weight="balanced", from scikit-learn.

Run through make_svc_balanced.sh (it creates its own venv with scikit-learn==1.9.1), or directly
with any Python that has scikit-learn and numpy:

    python make_svc_balanced.py

Reads the fixed, preprocessed splits data_titanic.json and data_wine.json that
make_classic_fixtures.py wrote beside this script, and writes svc_balanced.json in svc.json's
layout (PyCaret's rbfsvm settings, C=1, gamma="auto" and "scale", plus class_weight="balanced").
"""
import json
import os

import numpy as np
from sklearn.metrics import accuracy_score
from sklearn.svm import SVC

HERE = os.path.dirname(os.path.abspath(__file__))


def parts(name):
    with open(os.path.join(HERE, f"data_{name}.json")) as f:
        d = json.load(f)
    X, y = np.asarray(d["X"], dtype=float), np.asarray(d["y"])
    return X[d["train"]], y[d["train"]], X[d["test"]], y[d["test"]]


def tolist(a):
    return np.asarray(a).tolist()


svc = {}
for name in ["titanic", "wine"]:
    Xtr, ytr, Xte, yte = parts(name)
    entry = {}
    for gamma in ["auto", "scale"]:
        m = SVC(C=1.0, kernel="rbf", gamma=gamma, class_weight="balanced", decision_function_shape="ovo").fit(Xtr, ytr)
        p = SVC(C=1.0, kernel="rbf", gamma=gamma, class_weight="balanced", probability=True, random_state=0).fit(Xtr, ytr)
        entry[gamma] = {"gamma_value": float(m._gamma), "decision": tolist(m.decision_function(Xte)),
                        "intercept": tolist(m.intercept_), "n_support": tolist(m.n_support_),
                        "predict": tolist(m.predict(Xte)), "accuracy": accuracy_score(yte, m.predict(Xte)),
                        "proba": tolist(p.predict_proba(Xte)),
                        "proba_accuracy": accuracy_score(yte, p.predict(Xte))}
    svc[name] = entry
with open(os.path.join(HERE, "svc_balanced.json"), "w") as f:
    json.dump(svc, f, separators=(",", ":"))
    f.write("\n")
