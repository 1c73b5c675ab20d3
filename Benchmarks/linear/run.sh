#!/bin/sh
# Benchmarks/linear/run.sh — times LogisticRegression ("lr") and ElasticNet ("en") fits on
# 100k × 50 synthetic data, AutoSwiftML against scikit-learn 1.9.1, both single-threaded.
# Usage: Benchmarks/linear/run.sh [repeats]   (default 5; medians are reported)
set -e
cd "$(dirname "$0")"
REPEATS="${1:-5}"
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
  .venv/bin/pip install --quiet scikit-learn==1.9.1 pandas
fi
mkdir -p data
.venv/bin/python bench_sklearn.py data "$REPEATS" > data/sklearn.txt
(cd BenchLinear && swift build -c release --product BenchLinear >/dev/null)
BenchLinear/.build/release/BenchLinear data/classification.csv data/regression.csv "$REPEATS" > data/swift.txt
echo "model  scikit-learn(s)  AutoSwiftML(s)  ratio(sklearn/ours)   [median of $REPEATS runs]"
for m in lr en; do
  s=$(awk -v m=$m '$1==m {print $2}' data/sklearn.txt)
  o=$(awk -v m=$m '$1==m {print $2}' data/swift.txt)
  si=$(awk -v m=$m '$1==m {print $3}' data/sklearn.txt)
  oi=$(awk -v m=$m '$1==m {print $3}' data/swift.txt)
  awk -v m=$m -v s="$s" -v o="$o" -v si="$si" -v oi="$oi" 'BEGIN { printf "%-5s  %14.4f  %14.4f  %8.2fx   sklearn %s, ours %s\n", m, s, o, s / o, si, oi }'
done
