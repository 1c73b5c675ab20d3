#!/bin/sh
# Classic-model benchmark: AutoSwiftML vs scikit-learn 1.9.1 on the same shapes.
#
#   Benchmarks/classic/run.sh [repeats]        (default 3; run from anywhere)
#
# Tasks: knn predict (10 000 queries against 100 000 x 50 training rows, k = 5) and mlp fit
# (100 000 x 50 rows, one hidden layer of 100, exactly 5 epochs of Adam). Both sides are pinned to
# one core (taskset -c 0) with one BLAS thread, so the ratio compares implementations, not thread
# counts. Prints each side's median and the ratio ours / scikit-learn (< 1 means faster).
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"
REPEATS="${1:-3}"
VENV="$HERE/.venv-bench"
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet scikit-learn==1.9.1 numpy
fi
(cd "$HERE/BenchClassic" && swift build -c release --product BenchClassic >/dev/null)
BIN="$HERE/BenchClassic/.build/release/BenchClassic"
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
for task in knn mlp; do
    ours=$(taskset -c 0 "$BIN" "$task" "$REPEATS")
    theirs=$(taskset -c 0 "$VENV/bin/python" "$HERE/bench_sklearn.py" "$task" "$REPEATS")
    o=$(echo "$ours" | sed 's/.*median_seconds=\([^ ]*\).*/\1/')
    t=$(echo "$theirs" | sed 's/.*median_seconds=\([^ ]*\).*/\1/')
    echo "AutoSwiftML  $ours"
    echo "scikit-learn $theirs"
    python3 -c "print('$task ratio ours/sklearn = %.2f' % ($o / $t))"
done
