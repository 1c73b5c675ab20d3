"""scikit-learn side of Benchmarks/classic: the same tasks and shapes as BenchClassic.

    python bench_sklearn.py knn 3    KNeighborsClassifier(k=5) predict: 10 000 queries vs 100 000 x 50
    python bench_sklearn.py mlp 3    MLPClassifier((100,)) fit on 100 000 x 50, exactly 5 epochs
"""
import sys
import time
import warnings

import numpy as np
from sklearn.neighbors import KNeighborsClassifier
from sklearn.neural_network import MLPClassifier

warnings.filterwarnings("ignore")


def synthetic(rows, columns, seed):
    X = np.random.RandomState(seed).standard_normal((rows, columns))
    y = (X[:, :5].sum(axis=1) > 0).astype(int)
    return X, y


task = sys.argv[1] if len(sys.argv) > 1 else "knn"
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
runs = []
if task == "knn":
    X, y = synthetic(100_000, 50, 1)
    Q, _ = synthetic(10_000, 50, 2)
    model = KNeighborsClassifier(n_neighbors=5).fit(X, y)
    for _ in range(repeats):
        t = time.perf_counter()
        model.predict(Q)
        runs.append(time.perf_counter() - t)
elif task == "mlp":
    X, y = synthetic(100_000, 50, 1)
    for r in range(repeats):
        m = MLPClassifier(max_iter=5, tol=0.0, n_iter_no_change=1000, random_state=r)
        t = time.perf_counter()
        m.fit(X, y)
        runs.append(time.perf_counter() - t)
else:
    sys.exit(f"unknown task {task}; use knn or mlp")
print(f"{task} median_seconds={float(np.median(runs))} runs={','.join(f'{r:.3f}' for r in runs)}")
