"""Reference values for the classic models (nb, lda, qda, knn, mlp, rbfsvm, gpc) from scikit-learn.

Run through make_classic_fixtures.sh (it creates its own venv with scikit-learn==1.9.1 and pandas),
or directly with any Python that has them:

    python make_classic_fixtures.py /path/to/datasets

Writes, next to this script:
  data_titanic.json, data_wine.json, data_diabetes.json  -- X (rows), y, a fixed 70/30 split by index
  nb.json, lda.json, qda.json, knn.json, mlp.json, svc.json, gpc.json -- fitted parameters, predictions, scores
  knn_manhattan.json -- knn.json's layout with metric="manhattan"
  svc_balanced.json  -- svc.json's layout with class_weight="balanced"

Preprocessing is FIXED here (fitted on all rows, which is fine for reference values):
  titanic: Pclass, Sex (male 0 / female 1), Age (median-imputed), SibSp, Parch, Fare,
           Embarked one-hot (C, Q, S; missing -> all zero); every column standardised.
  wine:    13 numeric columns standardised; target cultivar 0/1/2.
  diabetes: the 10 (already scaled) columns standardised; target progression (raw).
"""
import json
import os
import sys

import numpy as np
import pandas as pd
import sklearn
from sklearn.gaussian_process import GaussianProcessClassifier
from sklearn.gaussian_process.kernels import RBF, ConstantKernel
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis, QuadraticDiscriminantAnalysis
from sklearn.metrics import accuracy_score, r2_score
from sklearn.naive_bayes import GaussianNB
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.svm import SVC

HERE = os.path.dirname(os.path.abspath(__file__))
DATASETS = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/datasets"


def standardise(X):
    X = np.asarray(X, dtype=float)
    mu = X.mean(axis=0)
    sd = X.std(axis=0)
    sd[sd == 0] = 1
    return (X - mu) / sd


def split(n, seed):
    perm = np.random.RandomState(seed).permutation(n)
    cut = int(round(0.7 * n))
    return sorted(perm[:cut].tolist()), sorted(perm[cut:].tolist())


def load_titanic():
    df = pd.read_csv(os.path.join(DATASETS, "titanic.csv"))
    out = pd.DataFrame()
    out["Pclass"] = df["Pclass"].astype(float)
    out["Sex"] = (df["Sex"] == "female").astype(float)
    out["Age"] = df["Age"].fillna(df["Age"].median())
    out["SibSp"] = df["SibSp"].astype(float)
    out["Parch"] = df["Parch"].astype(float)
    out["Fare"] = df["Fare"].astype(float)
    for e in ["C", "Q", "S"]:
        out["Embarked_" + e] = (df["Embarked"] == e).astype(float)
    return list(out.columns), standardise(out.values), df["Survived"].astype(int).values, out.values


def load_wine():
    df = pd.read_csv(os.path.join(DATASETS, "wine.csv"))
    cols = [c for c in df.columns if c != "cultivar"]
    return cols, standardise(df[cols].values), df["cultivar"].astype(int).values, df[cols].values


def load_diabetes():
    df = pd.read_csv(os.path.join(DATASETS, "diabetes.csv"))
    cols = [c for c in df.columns if c != "progression"]
    return cols, standardise(df[cols].values), df["progression"].astype(float).values, df[cols].values


def dump(name, obj):
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(obj, f, separators=(",", ":"))
        f.write("\n")


def tolist(a):
    return np.asarray(a).tolist()


datasets = {}
for name, loader, seed in [("titanic", load_titanic, 0), ("wine", load_wine, 1), ("diabetes", load_diabetes, 2)]:
    cols, X, y, raw = loader()
    train, test = split(len(y), seed)
    datasets[name] = (X, y, train, test, raw)
    dump(f"data_{name}.json", {"feature_names": cols, "X": tolist(X), "y": tolist(y), "train": train, "test": test,
                               "sklearn_version": sklearn.__version__})

CLASSIFICATION = ["titanic", "wine"]


def parts(name):
    X, y, tr, te, _ = datasets[name]
    return X[tr], y[tr], X[te], y[te]


# Gaussian naive Bayes
nb = {}
for name in CLASSIFICATION:
    Xtr, ytr, Xte, yte = parts(name)
    m = GaussianNB().fit(Xtr, ytr)
    w = np.linspace(0.5, 2.0, len(ytr))
    mw = GaussianNB().fit(Xtr, ytr, sample_weight=w)
    nb[name] = {"theta": tolist(m.theta_), "var": tolist(m.var_), "class_prior": tolist(m.class_prior_),
                "epsilon": float(m.epsilon_), "proba": tolist(m.predict_proba(Xte)), "predict": tolist(m.predict(Xte)),
                "weighted_theta": tolist(mw.theta_), "weighted_var": tolist(mw.var_),
                "weighted_class_prior": tolist(mw.class_prior_)}
dump("nb.json", nb)

# Linear / quadratic discriminant analysis
lda, qda = {}, {}
for name in CLASSIFICATION:
    Xtr, ytr, Xte, yte = parts(name)
    svd = LinearDiscriminantAnalysis(solver="svd").fit(Xtr, ytr)
    eig = LinearDiscriminantAnalysis(solver="eigen").fit(Xtr, ytr)
    shr = LinearDiscriminantAnalysis(solver="eigen", shrinkage=0.3).fit(Xtr, ytr)
    lda[name] = {
        "svd": {"coef": tolist(svd.coef_), "intercept": tolist(svd.intercept_),
                "decision": tolist(svd.decision_function(Xte)), "proba": tolist(svd.predict_proba(Xte)),
                "predict": tolist(svd.predict(Xte))},
        "eigen": {"coef": tolist(eig.coef_), "intercept": tolist(eig.intercept_),
                  "decision": tolist(eig.decision_function(Xte)), "proba": tolist(eig.predict_proba(Xte))},
        "eigen_shrinkage_0.3": {"coef": tolist(shr.coef_), "intercept": tolist(shr.intercept_),
                                "decision": tolist(shr.decision_function(Xte)), "proba": tolist(shr.predict_proba(Xte))},
    }
    for solver, shrinkage in [("eigen", "auto"), ("lsqr", None), ("lsqr", "auto")]:
        m = LinearDiscriminantAnalysis(solver=solver, shrinkage=shrinkage).fit(Xtr, ytr)
        lda[name][f"{solver}_shrinkage_{shrinkage}"] = {
            "coef": tolist(m.coef_), "intercept": tolist(m.intercept_),
            "decision": tolist(m.decision_function(Xte)), "proba": tolist(m.predict_proba(Xte))}
    q2 = QuadraticDiscriminantAnalysis(reg_param=0.1).fit(Xtr, ytr)
    qda[name] = {"reg_0.1_proba": tolist(q2.predict_proba(Xte)),
                 "reg_0.1_accuracy": accuracy_score(yte, q2.predict(Xte))}
    try:  # titanic's one-hot Embarked columns make a class covariance singular: sklearn refuses
        q = QuadraticDiscriminantAnalysis().fit(Xtr, ytr)
        qda[name].update({"rank_deficient": False, "proba": tolist(q.predict_proba(Xte)),
                          "predict": tolist(q.predict(Xte)), "accuracy": accuracy_score(yte, q.predict(Xte))})
    except np.linalg.LinAlgError:
        qda[name]["rank_deficient"] = True
        # Our QDA keeps going with the pseudo-inverse. The one-hot columns sum to 1 in every
        # training row, so both classes share that null space, and on test rows that also satisfy
        # it this equals sklearn's QDA with the redundant last one-hot column dropped.
        r = QuadraticDiscriminantAnalysis().fit(Xtr[:, :-1], ytr)
        raw = datasets[name][4]
        on_subspace = [bool(abs(raw[i, -3:].sum() - 1) < 1e-12) for i in datasets[name][3]]
        qda[name].update({"drop_last_proba": tolist(r.predict_proba(Xte[:, :-1])),
                          "drop_last_accuracy": accuracy_score(yte, r.predict(Xte[:, :-1])),
                          "on_subspace": on_subspace,
                          "majority_rate": float(max(np.mean(yte == c) for c in np.unique(ytr)))})
dump("lda.json", lda)
dump("qda.json", qda)


# k nearest neighbours (brute force so the reference is exact), under the Euclidean (knn.json) and
# the Manhattan distance (knn_manhattan.json); rows whose k-th and (k+1)-th training distances tie
# are flagged, since any tie rule may pick either neighbour there.
def boundary_ties(Xtr, Xte, k, metric):
    diff = Xte[:, None, :] - Xtr[None, :, :]
    d = np.abs(diff).sum(-1) if metric == "manhattan" else np.sqrt((diff ** 2).sum(-1))
    s = np.sort(d, axis=1)
    return [i for i in range(len(Xte)) if abs(s[i, k - 1] - s[i, k]) <= 1e-9 * max(1.0, s[i, k])]


for metric, file in [("minkowski", "knn.json"), ("manhattan", "knn_manhattan.json")]:
    knn = {}
    for name in ["titanic", "wine", "diabetes"]:
        Xtr, ytr, Xte, yte = parts(name)
        entry = {}
        for k in [1, 5, 15]:
            for weights in ["uniform", "distance"]:
                if name == "diabetes":
                    m = KNeighborsRegressor(n_neighbors=k, weights=weights, metric=metric, algorithm="brute").fit(Xtr, ytr)
                    entry[f"k{k}_{weights}"] = {"predict": tolist(m.predict(Xte)), "r2": r2_score(yte, m.predict(Xte))}
                else:
                    m = KNeighborsClassifier(n_neighbors=k, weights=weights, metric=metric, algorithm="brute").fit(Xtr, ytr)
                    entry[f"k{k}_{weights}"] = {"predict": tolist(m.predict(Xte)), "proba": tolist(m.predict_proba(Xte)),
                                                "accuracy": accuracy_score(yte, m.predict(Xte))}
            entry[f"k{k}_ties"] = boundary_ties(Xtr, Xte, k, metric)
        knn[name] = entry
    dump(file, knn)

# MLP (PyCaret defaults: max_iter=500); scores over several seeds since the init differs from ours.
mlp = {}
for name in ["titanic", "wine", "diabetes"]:
    Xtr, ytr, Xte, yte = parts(name)
    scores = []
    for seed in range(5):
        if name == "diabetes":
            m = MLPRegressor(max_iter=500, random_state=seed).fit(Xtr, ytr)
            scores.append(r2_score(yte, m.predict(Xte)))
        else:
            m = MLPClassifier(max_iter=500, random_state=seed).fit(Xtr, ytr)
            scores.append(accuracy_score(yte, m.predict(Xte)))
    mlp[name] = {"scores": scores, "mean": float(np.mean(scores))}
dump("mlp.json", mlp)

# RBF SVC (PyCaret: C=1, gamma='auto', probability=True), unweighted (svc.json) and with
# class_weight="balanced" (svc_balanced.json).
for class_weight, file in [(None, "svc.json"), ("balanced", "svc_balanced.json")]:
    svc = {}
    for name in CLASSIFICATION:
        Xtr, ytr, Xte, yte = parts(name)
        entry = {}
        for gamma in ["auto", "scale"]:
            m = SVC(C=1.0, kernel="rbf", gamma=gamma, class_weight=class_weight, decision_function_shape="ovo").fit(Xtr, ytr)
            p = SVC(C=1.0, kernel="rbf", gamma=gamma, class_weight=class_weight, probability=True,
                    random_state=0).fit(Xtr, ytr)
            entry[gamma] = {"gamma_value": float(m._gamma), "decision": tolist(m.decision_function(Xte)),
                            "intercept": tolist(m.intercept_), "n_support": tolist(m.n_support_),
                            "predict": tolist(m.predict(Xte)), "accuracy": accuracy_score(yte, m.predict(Xte)),
                            "proba": tolist(p.predict_proba(Xte)),
                            "proba_accuracy": accuracy_score(yte, p.predict(Xte))}
        svc[name] = entry
    dump(file, svc)
# Gaussian process classifier (PyCaret's gpc: defaults + random_state). scikit-learn's default
# kernel is 1.0 * RBF(1.0) with FIXED hyperparameters; "optimised" uses ConstantKernel(1.0) * RBF(1.0)
# with the default bounds 1e-5..1e5, fitted by L-BFGS-B on the Laplace log marginal likelihood.
gpc = {}
for name in CLASSIFICATION:
    Xtr, ytr, Xte, yte = parts(name)
    entry = {}
    for variant, kernel in [("default", None), ("optimised", ConstantKernel(1.0) * RBF(1.0))]:
        m = GaussianProcessClassifier(kernel=kernel, random_state=0).fit(Xtr, ytr)
        estimators = [m.base_estimator_] if len(m.classes_) == 2 else m.base_estimator_.estimators_
        entry[variant] = {"theta": [tolist(e.kernel_.theta) for e in estimators],
                          "lml": [float(e.log_marginal_likelihood_value_) for e in estimators],
                          "proba": tolist(m.predict_proba(Xte)), "predict": tolist(m.predict(Xte)),
                          "accuracy": accuracy_score(yte, m.predict(Xte))}
    gpc[name] = entry
dump("gpc.json", gpc)
print("fixtures written to", HERE)
