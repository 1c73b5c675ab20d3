"""Reference values for the linear model family (AutoSwiftML Tests/MLModelsTests/Linear).

Run through make_linear_fixtures.sh (creates its own venv with scikit-learn==1.9.1 and pandas).
Writes linear_fixtures.json next to this file: the numeric X/y of three data sets after a fixed
preprocessing, a fixed 70/30 split by index, and scikit-learn's coefficients, intercepts and
held-out scores. Coefficient references are fitted with a tight tolerance (the exact optimum of the
same objective); held-out scores use PyCaret's defaults.
"""
import json
import os
import warnings

import numpy as np
import pandas as pd
import sklearn
from sklearn import linear_model as lm
from sklearn.svm import LinearSVC, LinearSVR

warnings.filterwarnings("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
DATASETS = os.environ.get("AUTOSWIFTML_DATASETS", "/work/shared/datasets")


def find(name):
    for d in (os.path.join(ROOT, "datasets"), DATASETS):
        p = os.path.join(d, name)
        if os.path.exists(p):
            return p
    raise FileNotFoundError(name)


def standardise(X):
    X = np.asarray(X, dtype=float)
    sd = X.std(axis=0)
    sd[sd == 0] = 1
    return (X - X.mean(axis=0)) / sd


def split(n, seed):
    perm = np.random.RandomState(seed).permutation(n)
    k = int(round(0.7 * n))
    return sorted(perm[:k].tolist()), sorted(perm[k:].tolist())


def titanic(scaled=True):
    df = pd.read_csv(find("titanic.csv"))
    X = pd.DataFrame({
        "Pclass": df["Pclass"].astype(float),
        "Sex": (df["Sex"] == "male").astype(float),
        "Age": df["Age"].fillna(df["Age"].median()),
        "SibSp": df["SibSp"].astype(float),
        "Parch": df["Parch"].astype(float),
        "Fare": df["Fare"].astype(float),
    })
    emb = df["Embarked"].fillna("S")
    for c in ["C", "Q", "S"]:
        X["Embarked_" + c] = (emb == c).astype(float)
    return (standardise(X.values) if scaled else X.values.astype(float)), df["Survived"].values.astype(int)


def wine():
    df = pd.read_csv(find("wine.csv"))
    return standardise(df.drop(columns=["cultivar"]).values), df["cultivar"].values.astype(int)


def diabetes():
    df = pd.read_csv(find("diabetes.csv"))
    return standardise(df.drop(columns=["progression"]).values), df["progression"].values.astype(float)


def lin(m):
    coef = np.atleast_2d(m.coef_)
    return {"coef": coef.tolist(), "intercept": np.atleast_1d(m.intercept_).tolist()}


def acc(m, X, y):
    return float((m.predict(X) == y).mean())


def r2(m, X, y):
    return float(m.score(X, y))


def weights(n):
    return [1.0 + (i % 3) for i in range(n)]


TIGHT = dict(tol=1e-12, max_iter=100000)


def classification(X, y, tr, te):
    Xtr, ytr, Xte, yte = X[tr], y[tr], X[te], y[te]
    sw = np.array(weights(len(tr)))
    out = {}
    m = lm.LogisticRegression(C=1.0, max_iter=1000)
    m.fit(Xtr, ytr)
    out["lr_default"] = {**lin(m), "test_accuracy": acc(m, Xte, yte),
                         "test_proba_head": m.predict_proba(Xte[:5]).tolist()}
    out["lr_tight"] = lin(lm.LogisticRegression(C=1.0, **TIGHT).fit(Xtr, ytr))
    out["lr_tight_c01"] = lin(lm.LogisticRegression(C=0.1, **TIGHT).fit(Xtr, ytr))
    out["lr_tight_weighted"] = lin(lm.LogisticRegression(C=1.0, **TIGHT).fit(Xtr, ytr, sample_weight=sw))
    out["lr_tight_balanced"] = lin(lm.LogisticRegression(C=1.0, class_weight="balanced", **TIGHT).fit(Xtr, ytr))
    out["lr_tight_none"] = lin(lm.LogisticRegression(C=np.inf, **TIGHT).fit(Xtr, ytr)) if len(np.unique(ytr)) == 2 and X.shape[1] < 12 else None
    l1 = lm.LogisticRegression(C=1.0, l1_ratio=1.0, solver="saga", tol=1e-12, max_iter=200000).fit(Xtr, ytr)
    out["lr_tight_l1"] = lin(l1)
    m = lm.RidgeClassifier(alpha=1.0).fit(Xtr, ytr)
    out["ridge"] = {**lin(m), "test_accuracy": acc(m, Xte, yte)}
    out["ridge_weighted"] = lin(lm.RidgeClassifier(alpha=1.0).fit(Xtr, ytr, sample_weight=sw))
    m = lm.SGDClassifier(loss="hinge", penalty="l2", alpha=0.0001, random_state=0, max_iter=1000, tol=0.001).fit(Xtr, ytr)
    out["svm"] = {"test_accuracy": acc(m, Xte, yte)}
    # The same objective as SGDClassifier(hinge, alpha) solved exactly: C = 1 / (alpha * n).
    m = LinearSVC(loss="hinge", C=1.0 / (0.0001 * len(tr)), max_iter=100000, random_state=0).fit(Xtr, ytr)
    out["svm_exact"] = {**lin(m), "test_accuracy": acc(m, Xte, yte)}
    return out


def regression(X, y, tr, te):
    Xtr, ytr, Xte, yte = X[tr], y[tr], X[te], y[te]
    sw = np.array(weights(len(tr)))
    out = {}
    m = lm.LinearRegression().fit(Xtr, ytr)
    out["ols"] = {**lin(m), "test_r2": r2(m, Xte, yte)}
    out["ols_weighted"] = lin(lm.LinearRegression().fit(Xtr, ytr, sample_weight=sw))
    m = lm.Ridge(alpha=1.0).fit(Xtr, ytr)
    out["ridge"] = {**lin(m), "test_r2": r2(m, Xte, yte)}
    out["ridge_weighted"] = lin(lm.Ridge(alpha=1.0).fit(Xtr, ytr, sample_weight=sw))
    for name, alpha in [("lasso", 1.0), ("lasso_a01", 0.1)]:
        m = lm.Lasso(alpha=alpha).fit(Xtr, ytr)
        out[name] = {**lin(m), "test_r2": r2(m, Xte, yte)}
        out[name + "_tight"] = lin(lm.Lasso(alpha=alpha, **TIGHT).fit(Xtr, ytr))
    m = lm.ElasticNet(alpha=1.0, l1_ratio=0.5).fit(Xtr, ytr)
    out["en"] = {**lin(m), "test_r2": r2(m, Xte, yte)}
    out["en_tight"] = lin(lm.ElasticNet(alpha=1.0, l1_ratio=0.5, **TIGHT).fit(Xtr, ytr))
    out["en_tight_a01"] = lin(lm.ElasticNet(alpha=0.1, l1_ratio=0.5, **TIGHT).fit(Xtr, ytr))
    out["en_tight_weighted"] = lin(lm.ElasticNet(alpha=0.1, l1_ratio=0.5, **TIGHT).fit(Xtr, ytr, sample_weight=sw))
    m = lm.BayesianRidge().fit(Xtr, ytr)
    out["br"] = {**lin(m), "test_r2": r2(m, Xte, yte), "alpha": float(m.alpha_), "lambda": float(m.lambda_)}
    m = lm.ARDRegression().fit(Xtr, ytr)
    out["ard"] = {**lin(m), "test_r2": r2(m, Xte, yte)}
    scores = [lm.RANSACRegressor(random_state=s).fit(Xtr, ytr).score(Xte, yte) for s in range(21)]
    out["ransac"] = {"test_r2": float(np.median(scores)), "test_r2_seeds": [float(v) for v in scores]}
    m = lm.TheilSenRegressor(random_state=0).fit(Xtr, ytr)
    out["tr"] = {**lin(m), "test_r2": r2(m, Xte, yte)}
    m = lm.HuberRegressor(epsilon=1.35, alpha=0.0001, max_iter=100).fit(Xtr, ytr)
    out["huber"] = {**lin(m), "test_r2": r2(m, Xte, yte), "scale": float(m.scale_)}
    m = lm.Lars().fit(Xtr, ytr)
    out["lar"] = {**lin(m), "test_r2": r2(m, Xte, yte)}
    for k in (1, 3, 6):
        out[f"lar_{k}"] = lin(lm.Lars(n_nonzero_coefs=k).fit(Xtr, ytr))
    m = lm.LassoLars().fit(Xtr, ytr)
    out["llar"] = {**lin(m), "test_r2": r2(m, Xte, yte)}
    for a in (0.1, 0.01):
        out[f"llar_{a}"] = lin(lm.LassoLars(alpha=a).fit(Xtr, ytr))
    m = lm.OrthogonalMatchingPursuit().fit(Xtr, ytr)
    out["omp"] = {**lin(m), "test_r2": r2(m, Xte, yte)}
    for k in (3, 7):
        out[f"omp_{k}"] = lin(lm.OrthogonalMatchingPursuit(n_nonzero_coefs=k).fit(Xtr, ytr))
    m = LinearSVR(random_state=0).fit(Xtr, ytr)
    out["svm"] = {"test_r2": r2(m, Xte, yte)}
    m = LinearSVR(random_state=0, max_iter=100000).fit(Xtr, ytr)
    out["svm_exact"] = {**lin(m), "test_r2": r2(m, Xte, yte)}
    return out


def unscaled_svm(X, y, tr, te):
    """The hinge SVM on unscaled features (Fare up to 512), where dual coordinate descent needs
    about 10^6 epochs: the exact optimum to check a solver that does not depend on scaling."""
    Xtr, ytr, Xte, yte = X[tr], y[tr], X[te], y[te]
    m = LinearSVC(loss="hinge", C=1.0 / (0.0001 * len(tr)), max_iter=3_000_000, tol=1e-9, random_state=0).fit(Xtr, ytr)
    return {"svm_exact": {**lin(m), "test_accuracy": acc(m, Xte, yte)}}


def main():
    fixtures = {"sklearn_version": sklearn.__version__, "weights_rule": "1 + (i % 3) over training rows"}
    for name, (X, y), task, seed in [("titanic", titanic(), "classification", 0),
                                     ("wine", wine(), "classification", 1),
                                     ("diabetes", diabetes(), "regression", 2)]:
        tr, te = split(len(y), seed)
        entry = {"X": X.tolist(), "y": y.tolist(), "train": tr, "test": te}
        entry["models"] = classification(X, y, tr, te) if task == "classification" else regression(X, y, tr, te)
        fixtures[name] = entry
    X, y = titanic(scaled=False)
    tr, te = split(len(y), 0)
    fixtures["titanic_unscaled"] = {"X": X.tolist(), "y": y.tolist(), "train": tr, "test": te,
                                    "models": unscaled_svm(X, y, tr, te)}
    with open(os.path.join(HERE, "linear_fixtures.json"), "w") as f:
        json.dump(fixtures, f)


if __name__ == "__main__":
    main()
