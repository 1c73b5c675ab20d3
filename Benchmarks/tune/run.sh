#!/bin/sh
# Benchmarks/tune/run.sh — AutoSwiftML's searchers (random, tpe, gp) against Optuna 5.0.0
# (RandomSampler, default TPESampler) on Branin, Hartmann-6 and a quadratic with a categorical
# dimension: the median best value over SEEDS seeded runs of TRIALS trials, and the median time of a
# whole run (the objectives are analytic, so this is the searcher's own time), with the time ratio.
# Usage: Benchmarks/tune/run.sh [trials] [seeds]   (default 50 trials, 10 seeds)
set -e
cd "$(dirname "$0")"
TRIALS="${1:-50}"
SEEDS="${2:-10}"
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c "import optuna" 2>/dev/null; then
  python3 -m venv .venv
  .venv/bin/pip install --quiet optuna==5.0.0
fi
OUT="$(mktemp -d)"
.venv/bin/python bench_optuna.py "$TRIALS" "$SEEDS" > "$OUT/optuna.txt"
(cd BenchTune && swift build -c release --product BenchTune >/dev/null)
BenchTune/.build/release/BenchTune "$TRIALS" "$SEEDS" > "$OUT/swift.txt"
echo "$TRIALS trials, medians over $SEEDS seeds (lower best value is better)"
echo "function   searcher          median best   median run (s)   time ratio (Optuna TPE / ours)"
for f in branin hartmann6 quadratic; do
  for side in "optuna random" "optuna tpe" "swift random" "swift tpe" "swift gp"; do
    set -- $side
    file="$OUT/$1.txt"
    best=$(awk -v f=$f -v m=$2 '$1==f && $2==m {print $4}' "$file" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
    secs=$(awk -v f=$f -v m=$2 '$1==f && $2==m {print $5}' "$file" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
    tpe=$(awk -v f=$f '$1==f && $2=="tpe" {print $5}' "$OUT/optuna.txt" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
    awk -v f=$f -v s="$1 $2" -v b="$best" -v t="$secs" -v o="$tpe" 'BEGIN { printf "%-10s %-16s %12.4f   %14.4f   %8.2fx\n", f, s, b, t, o / t }'
  done
done
rm -rf "$OUT"
