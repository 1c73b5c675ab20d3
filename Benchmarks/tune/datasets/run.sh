#!/bin/sh
# Benchmarks/tune/datasets/run.sh — our searchers against each other and against Optuna's TPE on
# public datasets: for each (dataset, model) below and each seed, the best cross-validated score
# after TRIALS trials of gp and tpe, after TRIALS and RANDOM_TRIALS trials of random, and after TRIALS
# trials of Optuna 5.0.0's default TPESampler driving OUR evaluation through a JSON-lines pipe (same
# space, same folds, same preprocessing and model; only the sampler differs). Prints the medians
# over seeds and whether the Bayesian searchers at TRIALS reach random at RANDOM_TRIALS, then the
# median holdout score of each of our searchers' chosen configuration (refitted on the training part).
#
# Usage: Benchmarks/tune/datasets/run.sh [seeds] [trials] [random_trials] [folds]
#        (default 10 seeds, 20 trials, 60 random trials, 5 folds; about 6 minutes on 2 cores)
# More seeds: Benchmarks/tune/datasets/run.sh 30   (time grows linearly with the seed count)
# The seed sets the experiment (split, folds, model streams) and every searcher's stream, so each
# seed is a different split too; within a seed all searchers see the same folds.
# FIRST_SEED=K runs seeds K .. K+seeds-1 instead of 1 .. seeds: check a change to a searcher on
# seeds other than the ones it is judged on (FIRST_SEED=31 run.sh 40 and FIRST_SEED=71 run.sh 60 are
# the later sets of docs/tune.md; run.sh 130 pools every seed docs/tune.md reports, in about an hour).
# RAW=FILE keeps the per-seed lines (dataset model seed method trials best_cv [holdout]) in FILE.
set -e
cd "$(dirname "$0")"
SEEDS="${1:-10}"
TRIALS="${2:-20}"
RANDOM_TRIALS="${3:-60}"
FOLDS="${4:-5}"
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c "import optuna, sklearn, pandas" 2>/dev/null; then
  python3 -m venv .venv
  .venv/bin/pip install --quiet optuna==5.0.0 scikit-learn==1.9.1 pandas
fi
(cd BenchTuneData && swift build -c release --product BenchTuneData >/dev/null)
BIN="$(pwd)/BenchTuneData/.build/release/BenchTuneData"
DATA="$(cd ../../../datasets && pwd)"
OUT="$(mktemp)"

# dataset  csv  target  model
CASES="titanic titanic.csv Survived rf
breast_cancer breast_cancer.csv diagnosis lightgbm
diabetes diabetes.csv progression en
diabetes diabetes.csv progression lightgbm"

FIRST="${FIRST_SEED:-1}"
LAST=$((FIRST + SEEDS - 1))
echo "$CASES" | while read -r name csv target model; do
  seed=$FIRST
  while [ "$seed" -le "$LAST" ]; do
    "$BIN" search "$DATA/$csv" "$target" "$model" "$seed" "$FOLDS" "$TRIALS" "$RANDOM_TRIALS" |
      sed "s/^/$name $model $seed /" >> "$OUT"
    .venv/bin/python optuna_pipe.py "$BIN" "$DATA/$csv" "$target" "$model" "$seed" "$FOLDS" "$TRIALS" |
      sed "s/^/$name $model $seed /" >> "$OUT"
    echo "  $name $model seed $seed done" >&2
    seed=$((seed + 1))
  done
done

if [ -n "$RAW" ]; then cp "$OUT" "$RAW"; fi
.venv/bin/python - "$OUT" "$SEEDS" "$TRIALS" "$RANDOM_TRIALS" "$FOLDS" <<'EOF'
import statistics, sys
# Scores equal up to rounding (the same fold accuracies summed in another order) count as equal.
path, seeds, trials, rtrials, folds = sys.argv[1:6]
rows, holdout = {}, {}
for line in open(path):
    name, model, seed, method, n, best, *rest = line.split()
    rows.setdefault((name, model), {}).setdefault(f"{method}@{n}", {})[seed] = float(best)
    if rest:
        holdout.setdefault((name, model), {}).setdefault(f"{method}@{n}", {})[seed] = float(rest[0])
cols = [f"gp@{trials}", f"tpe@{trials}", f"random@{trials}", f"random@{rtrials}", f"optuna-tpe@{trials}"]
print(f"Best {folds}-fold CV score (Accuracy; R2 for diabetes): median over {seeds} seeds")
print(f"{'dataset':<14}{'model':<10}" + "".join(f"{c:>15}" for c in cols)
      + f"   median: Bayesian@{trials} >= random@{rtrials}   seeds with gp, tpe @{trials} >= random@{rtrials}")
for (name, model), by in rows.items():
    med = {c: statistics.median(by[c].values()) for c in cols}
    verdict = f"gp {'yes' if med[cols[0]] >= med[cols[3]] - 1e-9 else 'no'}, tpe {'yes' if med[cols[1]] >= med[cols[3]] - 1e-9 else 'no'}"
    base = by[cols[3]]
    wins = [sum(by[c][s] >= base[s] - 1e-9 for s in base) for c in cols[:2]]
    print(f"{name:<14}{model:<10}" + "".join(f"{med[c]:>15.4f}" for c in cols)
          + f"   {verdict:<34}   {wins[0]}/{len(base)}, {wins[1]}/{len(base)}")
print()
print(f"Holdout score of the best trial's configuration refitted on the training part: median over {seeds} seeds")
print(f"{'dataset':<14}{'model':<10}" + "".join(f"{c:>15}" for c in cols[:4]))
for (name, model), by in holdout.items():
    print(f"{name:<14}{model:<10}" + "".join(f"{statistics.median(by[c].values()):>15.4f}" for c in cols[:4]))
EOF
rm -f "$OUT"
