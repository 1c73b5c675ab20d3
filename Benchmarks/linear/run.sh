#!/bin/sh
# Benchmarks/linear/run.sh — times LogisticRegression ("lr") and ElasticNet ("en") fits on
# 100k × 50 synthetic data, AutoSwiftML against scikit-learn 1.9.1, both single-threaded.
#
# Usage: Benchmarks/linear/run.sh [repeats] [rounds]     (defaults 5 and 3)
# The two sides run alternately for `rounds` rounds of `repeats` fits each, so a change in
# machine load hits both; the table reports the median over all rounds × repeats fits.
set -e
cd "$(dirname "$0")"
REPEATS="${1:-5}"
ROUNDS="${2:-3}"
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
  .venv/bin/pip install --quiet scikit-learn==1.9.1 pandas
fi
mkdir -p data
# A path dependency that gained source files can fail its first incremental build with a stale
# file list; the second attempt re-plans and succeeds.
(cd BenchLinear && { swift build -c release --product BenchLinear || swift build -c release --product BenchLinear; })
: > data/sklearn.txt
: > data/swift.txt
round=0
while [ "$round" -lt "$ROUNDS" ]; do
  .venv/bin/python bench_sklearn.py data "$REPEATS" >> data/sklearn.txt
  BenchLinear/.build/release/BenchLinear data/classification.csv data/regression.csv "$REPEATS" >> data/swift.txt
  round=$((round + 1))
done
.venv/bin/python summarize.py data/sklearn.txt data/swift.txt
