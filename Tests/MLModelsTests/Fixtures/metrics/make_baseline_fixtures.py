"""Reference values for the baseline (dummy) models, from scikit-learn 1.9.1.

Run through make_metric_fixtures.sh (its own venv), or:  python make_baseline_fixtures.py
Writes baseline.json beside this file.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.dummy import DummyClassifier, DummyRegressor

assert sklearn.__version__ == "1.9.1", sklearn.__version__
HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    rng = np.random.default_rng(1234)
    X = np.zeros((1, 1))
    cls = []
    for name, n, k in [("three_classes", 25, 3), ("binary", 14, 2)]:
        y = rng.integers(0, k, size=n)
        for weighted in (False, True):
            w = rng.uniform(0.1, 2.0, size=n) if weighted else None
            Xn = np.zeros((n, 2))
            prior = DummyClassifier(strategy="prior").fit(Xn, y, sample_weight=w)
            mf = DummyClassifier(strategy="most_frequent").fit(Xn, y, sample_weight=w)
            cls.append({
                "name": name + ("_weighted" if weighted else ""),
                "classCount": k,
                "y": y.tolist(),
                "weights": None if w is None else w.tolist(),
                "classPrior": prior.class_prior_.tolist(),
                "priorProbabilities": prior.predict_proba(Xn[:1])[0].tolist(),
                "mostFrequent": int(mf.predict(Xn[:1])[0]),
            })
    reg = []
    for name, n in [("odd", 21), ("even", 16)]:
        y = np.round(rng.normal(5, 3, size=n), 1)  # rounded: ties
        for weighted in (False, True):
            w = rng.uniform(0.1, 2.0, size=n) if weighted else None
            Xn = np.zeros((n, 1))
            expected = {
                "mean": DummyRegressor(strategy="mean").fit(Xn, y, sample_weight=w).constant_.item(),
                "median": DummyRegressor(strategy="median").fit(Xn, y, sample_weight=w).constant_.item(),
            }
            for q in (0.0, 0.1, 0.3, 0.75, 1.0):
                expected[f"quantile_{q}"] = DummyRegressor(strategy="quantile", quantile=q).fit(
                    Xn, y, sample_weight=w).constant_.item()
            reg.append({"name": name + ("_weighted" if weighted else ""), "y": y.tolist(),
                        "weights": None if w is None else w.tolist(), "expected": expected})
    with open(os.path.join(HERE, "baseline.json"), "w") as f:
        json.dump({"sklearn": sklearn.__version__, "classifier": cls, "regressor": reg}, f, indent=1, allow_nan=False)
        f.write("\n")


if __name__ == "__main__":
    main()
