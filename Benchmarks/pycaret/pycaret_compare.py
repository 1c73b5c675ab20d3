"""PyCaret's side of the compare benchmark: the same file, target and fold count as `automl compare`.

Prints PyCaret's leaderboard as CSV on stdout (between markers) so run.sh can show both side by side.
"""
import sys
import time

start = time.perf_counter()
import pandas as pd
from pycaret.classification import setup, compare_models, pull

path, target, folds = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = pd.read_csv(path)
setup(data, target=target, session_id=123, fold=folds, verbose=False, html=False, n_jobs=-1)
compare_models(verbose=False)
board = pull()
elapsed = time.perf_counter() - start
print("=== PYCARET LEADERBOARD ===")
print(board.to_csv(index=True))
print(f"=== PYCARET SECONDS {elapsed:.3f} ===")
