"""Times the Python reference models on the benchmark data: lightgbm | xgboost | rf."""
import json
import sys
import time

import numpy as np
from sklearn.metrics import roc_auc_score

mode, d = sys.argv[1], sys.argv[2]
threads = int(sys.argv[3]) if len(sys.argv) > 3 else 2
meta = json.load(open(f"{d}/meta.json"))
n, p, nt = meta["n"], meta["p"], meta["n_train"]
X = np.fromfile(f"{d}/X.f64").reshape(n, p)
y = np.fromfile(f"{d}/y.f64").astype(int)
tr = slice(0, meta["rf_train"]) if mode == "rf" else slice(0, nt)
Xtr, ytr, Xte, yte = X[tr], y[tr], X[nt:], y[nt:]

if mode == "lightgbm":
    import lightgbm
    m = lightgbm.LGBMClassifier(n_estimators=100, num_leaves=31, max_bin=255, learning_rate=0.1,
                                n_jobs=threads, verbose=-1)
elif mode == "xgboost":
    import xgboost
    m = xgboost.XGBClassifier(n_estimators=100, tree_method="hist", grow_policy="lossguide", max_leaves=31,
                              max_depth=0, max_bin=255, learning_rate=0.1, n_jobs=threads)
else:
    from sklearn.ensemble import RandomForestClassifier
    m = RandomForestClassifier(n_estimators=100, n_jobs=threads, random_state=0)
t0 = time.perf_counter()
m.fit(Xtr, ytr)
fit = time.perf_counter() - t0
t0 = time.perf_counter()
proba = m.predict_proba(Xte)[:, 1]
pred = time.perf_counter() - t0
print(json.dumps({"impl": mode, "model": "rf" if mode == "rf" else "gbm", "fit": fit, "predict": pred,
                  "auc": roc_auc_score(yte, proba)}))
