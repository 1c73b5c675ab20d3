"""Reference values for Tests/MLModelsTests/Metrics, computed the way PyCaret 3.3 scores models.

Run with scikit-learn==1.9.1 (see make_metric_fixtures.sh, which builds its own venv):
    python make_metric_fixtures.py   # writes metrics.json beside this file

PyCaret 3.3 (pycaret/containers/metrics/{classification,regression}.py):
- Recall / Precision / F1: average="weighted", replaced by average="binary" (pos_label = the class
  encoded last, i.e. index 1) when the target has two classes.
- AUC: roc_auc_score(average="weighted", multi_class="ovr") on predict_proba; binary uses column 1.
- Kappa: cohen_kappa_score; MCC: matthews_corrcoef; Accuracy: accuracy_score.
- RMSLE: sqrt(mean_squared_log_error(|y|, |y_pred|)).
- MAPE: mean of |y_pred - y| / |y| over rows with y != 0 (weights masked the same way).
Undefined values (NaN) are written as null.
"""
import json
import math
import os

import numpy as np
import sklearn
from sklearn import metrics

assert sklearn.__version__ == "1.9.1", sklearn.__version__

HERE = os.path.dirname(os.path.abspath(__file__))


def clean(x):
    x = float(x)
    return None if math.isnan(x) else x


def classification_case(name, y, pred, proba, k, weights=None):
    y = np.asarray(y, dtype=np.int64)
    pred = np.asarray(pred, dtype=np.int64)
    proba = np.asarray(proba, dtype=np.float64)
    w = None if weights is None else np.asarray(weights, dtype=np.float64)
    avg = "binary" if k == 2 else "weighted"
    labels = list(range(k))
    expected = {
        "accuracy": metrics.accuracy_score(y, pred, sample_weight=w),
        "recall": metrics.recall_score(y, pred, average=avg, pos_label=1, sample_weight=w),
        "precision": metrics.precision_score(y, pred, average=avg, pos_label=1, sample_weight=w),
        "f1": metrics.f1_score(y, pred, average=avg, pos_label=1, sample_weight=w),
        "recall_macro": metrics.recall_score(y, pred, average="macro", sample_weight=w),
        "precision_macro": metrics.precision_score(y, pred, average="macro", sample_weight=w),
        "f1_macro": metrics.f1_score(y, pred, average="macro", sample_weight=w),
        "recall_weighted": metrics.recall_score(y, pred, average="weighted", sample_weight=w),
        "precision_weighted": metrics.precision_score(y, pred, average="weighted", sample_weight=w),
        "f1_weighted": metrics.f1_score(y, pred, average="weighted", sample_weight=w),
        "kappa": metrics.cohen_kappa_score(y, pred, sample_weight=w),
        "mcc": metrics.matthews_corrcoef(y, pred, sample_weight=w),
        "logLoss": metrics.log_loss(y, proba, labels=labels, sample_weight=w),
    }
    if k == 2:  # one class in the truth: scikit-learn warns and returns NaN
        expected["auc"] = metrics.roc_auc_score(y, proba[:, 1], sample_weight=w)
    else:
        expected["auc"] = metrics.roc_auc_score(y, proba, average="weighted", multi_class="ovr",
                                                labels=labels, sample_weight=w)
    return {
        "name": name,
        "classCount": k,
        "truth": y.tolist(),
        "predicted": pred.tolist(),
        "probabilities": proba.tolist(),
        "weights": None if w is None else w.tolist(),
        "expected": {key: clean(v) for key, v in expected.items()},
    }


def pycaret_rmsle(y, p, w):
    return np.sqrt(metrics.mean_squared_log_error(np.abs(y), np.abs(p), sample_weight=w))


def pycaret_mape(y, p, w):
    mask = y != 0
    if not mask.any():
        return np.nan
    ape = np.abs(p[mask] - y[mask]) / np.abs(y[mask])
    return np.average(ape, weights=None if w is None else w[mask])


def regression_case(name, y, p, weights=None):
    y = np.asarray(y, dtype=np.float64)
    p = np.asarray(p, dtype=np.float64)
    w = None if weights is None else np.asarray(weights, dtype=np.float64)
    expected = {
        "mae": metrics.mean_absolute_error(y, p, sample_weight=w),
        "mse": metrics.mean_squared_error(y, p, sample_weight=w),
        "rmse": metrics.root_mean_squared_error(y, p, sample_weight=w),
        "r2": metrics.r2_score(y, p, sample_weight=w),
        "rmsle": pycaret_rmsle(y, p, w),
        "mape": pycaret_mape(y, p, w),
    }
    return {
        "name": name,
        "truth": y.tolist(),
        "predicted": p.tolist(),
        "weights": None if w is None else w.tolist(),
        "expected": {key: clean(v) for key, v in expected.items()},
    }


def binary_probabilities(rng, y, decimals=None):
    p1 = np.clip(0.35 * y + 0.65 * rng.uniform(size=len(y)), 0, 1)
    if decimals is not None:
        p1 = np.round(p1, decimals)
    return np.column_stack([1 - p1, p1])


def multiclass_probabilities(rng, y, k, tied=False):
    if tied:
        # few distinct rows, so many exact ties in every column
        base = np.array([[0.5, 0.25, 0.25], [0.25, 0.5, 0.25], [0.25, 0.25, 0.5], [0.5, 0.5, 0.0]])
        base = np.hstack([base, np.zeros((4, k - 3))]) if k > 3 else base
        rows = base[rng.integers(0, 4, size=len(y))]
        for i, c in enumerate(y):
            if rng.uniform() < 0.4:
                rows[i] = np.roll(rows[i], c - int(np.argmax(rows[i])))
        return rows
    a = rng.dirichlet(np.ones(k), size=len(y))
    a[np.arange(len(y)), y] += rng.uniform(0, 1.5, size=len(y))
    return a / a.sum(axis=1, keepdims=True)


def main():
    rng = np.random.default_rng(20260415)
    cases = []

    y = rng.integers(0, 2, size=60)
    P = binary_probabilities(rng, y)
    cases.append(classification_case("binary", y, (P[:, 1] > 0.5).astype(int), P, 2))
    cases.append(classification_case("binary_weighted", y, (P[:, 1] > 0.5).astype(int), P, 2,
                                     rng.uniform(0.1, 3.0, size=60)))

    y = rng.integers(0, 2, size=80)
    P = binary_probabilities(rng, y, decimals=1)
    P[0] = [1.0, 0.0]
    P[1] = [0.0, 1.0]
    cases.append(classification_case("binary_ties", y, (P[:, 1] >= 0.5).astype(int), P, 2))
    cases.append(classification_case("binary_ties_integer_weights", y, (P[:, 1] >= 0.5).astype(int), P, 2,
                                     rng.integers(0, 4, size=80).astype(float) + (np.arange(80) == 0)))

    y = rng.integers(0, 2, size=30)
    P = binary_probabilities(rng, y)
    cases.append(classification_case("binary_all_predicted_negative", y, np.zeros(30, dtype=int), P, 2))

    y = np.zeros(12, dtype=int)
    P = binary_probabilities(rng, y)
    cases.append(classification_case("binary_one_class_in_truth", y, (P[:, 1] > 0.3).astype(int), P, 2))
    cases.append(classification_case("binary_truth_and_prediction_one_class", np.ones(8, dtype=int),
                                     np.ones(8, dtype=int), binary_probabilities(rng, np.ones(8, dtype=int)), 2))

    for k in (3, 4):
        y = rng.integers(0, k, size=90)
        P = multiclass_probabilities(rng, y, k)
        pred = np.argmax(P, axis=1)
        cases.append(classification_case(f"multiclass_{k}", y, pred, P, k))
        cases.append(classification_case(f"multiclass_{k}_weighted", y, pred, P, k, rng.uniform(0.2, 2.0, size=90)))
        Pt = multiclass_probabilities(rng, y, k, tied=True)
        cases.append(classification_case(f"multiclass_{k}_ties", y, np.argmax(Pt, axis=1), Pt, k))

    y = np.array([0, 0, 1, 1, 2, 2, 2, 0, 1, 2])
    P = multiclass_probabilities(rng, y, 3)
    cases.append(classification_case("multiclass_never_predicts_class_2", y, np.minimum(np.argmax(P, axis=1), 1), P, 3))

    reg = []
    y = rng.normal(10, 4, size=50)
    p = y + rng.normal(0, 2, size=50)
    reg.append(regression_case("regression", y, p))
    reg.append(regression_case("regression_weighted", y, p, rng.uniform(0.1, 3, size=50)))
    y = rng.normal(0, 3, size=40)
    y[::7] = 0.0
    p = y + rng.normal(0, 1, size=40)
    reg.append(regression_case("regression_zeros_and_negatives", y, p))
    reg.append(regression_case("regression_zeros_and_negatives_weighted", y, p, rng.uniform(0.1, 3, size=40)))
    reg.append(regression_case("regression_constant_truth_perfect", [2.5] * 5, [2.5] * 5))
    reg.append(regression_case("regression_constant_truth", [2.5] * 5, [2.0, 2.5, 3.0, 2.5, 1.0]))
    reg.append(regression_case("regression_all_zero_truth", [0.0] * 4, [0.5, -1.0, 0.0, 2.0]))

    out = {"sklearn": sklearn.__version__, "classification": cases, "regression": reg}
    with open(os.path.join(HERE, "metrics.json"), "w") as f:
        json.dump(out, f, indent=1, allow_nan=False)
        f.write("\n")


if __name__ == "__main__":
    main()
