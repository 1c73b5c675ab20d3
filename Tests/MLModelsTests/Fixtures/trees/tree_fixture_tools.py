"""What the tree fixture scripts beside this file share (imported from the script's own folder, so
each script still runs on its own through its .sh wrapper).

- `tree_dict`: a fitted scikit-learn tree as the arrays the Swift tests decode (`SklearnTree`).
- `same_tree`: equal structure and features, thresholds and values equal up to summation order.
- `fit_stable`: fits with random_state 0, checks that seeds 1-9 give the same tree and that no
  split is a near tie between features, so our tree must be the same node for node.
"""
import os

import numpy as np
from sklearn.utils.class_weight import compute_sample_weight

HERE = os.path.dirname(os.path.abspath(__file__))
# The repository's datasets/ (breast_cancer.csv and diabetes.csv), else the shared copy.
DATA = os.path.join(HERE, "..", "..", "..", "..", "datasets")
if not os.path.isfile(os.path.join(DATA, "diabetes.csv")):
    DATA = "/work/shared/datasets"


def tree_dict(tree):
    t = tree.tree_
    return {
        "feature": [int(f) for f in t.feature],
        "threshold": [float(x) for x in t.threshold],
        "left": [int(x) for x in t.children_left],
        "right": [int(x) for x in t.children_right],
        "value": [[float(v) for v in row.ravel()] for row in t.value],
    }


def same_tree(a, b):
    """Same structure and features; thresholds and values equal up to summation order."""
    a, b = tree_dict(a), tree_dict(b)
    return (a["feature"] == b["feature"] and a["left"] == b["left"] and a["right"] == b["right"]
            and np.allclose(a["threshold"], b["threshold"], rtol=1e-12, atol=0)
            and np.allclose(a["value"], b["value"], rtol=1e-12, atol=1e-15))


def weighted_median(y, w):
    """scikit-learn's: the smallest value whose cumulative weight exceeds half the total; the
    midpoint with the next value when the cumulative weight equals half exactly."""
    order = np.argsort(y, kind="stable")
    y, w = y[order], w[order]
    cum = np.cumsum(w)
    half = 0.5 * cum[-1]
    i = int(np.argmax(cum > half))
    if i > 0 and cum[i - 1] == half:
        return (y[i - 1] + y[i]) / 2
    return y[i]


def node_impurity(y, w, criterion):
    """A node's impurity: gini or entropy (in bits) of the classes, the weighted mean absolute
    deviation from the weighted median, or the weighted variance (squared_error)."""
    total = w.sum()
    if criterion in ("gini", "entropy"):
        p = np.array([w[y == c].sum() for c in np.unique(y)]) / total
        p = p[p > 0]
        return 1 - (p * p).sum() if criterion == "gini" else -(p * np.log2(p)).sum()
    if criterion == "absolute_error":
        return (w * np.abs(y - weighted_median(y, w))).sum() / total
    mean = (w * y).sum() / total
    return (w * (y - mean) ** 2).sum() / total


def assert_no_ties(tree, X, y, w, criterion, min_leaf=1):
    """At every split the best feature's decrease (over splits keeping min_leaf rows a side) beats
    every other feature's by a margin, so the tree does not hinge on rounding (two features that
    tie exactly are resolved by rounding); with absolute_error every node's value is its median."""
    t = tree.tree_
    def visit(node, mask):
        Xn, yn, wn = X[mask], y[mask], w[mask]
        if criterion == "absolute_error":
            assert t.value[node].ravel()[0] == weighted_median(yn, wn), node
        if t.children_left[node] < 0:
            return
        parent = node_impurity(yn, wn, criterion)
        best = []
        for f in range(X.shape[1]):
            values = np.unique(Xn[:, f])
            gains = [-np.inf]
            for a, b in zip(values[:-1], values[1:]):
                left = Xn[:, f] <= (a + b) / 2
                if min(left.sum(), (~left).sum()) < min_leaf:
                    continue
                wl, wr = wn[left].sum(), wn[~left].sum()
                gains.append(parent * (wl + wr) - wl * node_impurity(yn[left], wn[left], criterion)
                             - wr * node_impurity(yn[~left], wn[~left], criterion))
            best.append(max(gains))
        order = np.argsort(best)[::-1]
        assert order[0] == t.feature[node], (node, best)
        if len(best) > 1:
            assert best[order[0]] - best[order[1]] > 1e-9 * abs(best[order[0]]), f"near tie at node {node}: {best}"
        f, threshold = t.feature[node], t.threshold[node]
        visit(t.children_left[node], mask & (X[:, f] <= threshold))
        visit(t.children_right[node], mask & (X[:, f] > threshold))
    visit(0, np.ones(len(y), bool))


def fit_stable(make, X, y, sample_weight=None, criterion="squared_error", class_weight=None, min_leaf=1):
    """Fits make(0), checks that make(1)…make(9) give the same tree and that no split is a tie
    (with the class weights folded into the sample weights, as scikit-learn does)."""
    first = make(0).fit(X, y, sample_weight=sample_weight)
    for seed in range(1, 10):
        other = make(seed).fit(X, y, sample_weight=sample_weight)
        assert same_tree(other, first), f"tree depends on the feature order: {first}"
    w = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, float)
    if class_weight == "balanced":
        w = w * compute_sample_weight("balanced", y)
    assert_no_ties(first, X, y, w, criterion, min_leaf)
    return first
