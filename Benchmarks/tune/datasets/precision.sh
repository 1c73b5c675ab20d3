#!/bin/sh
# Benchmarks/tune/datasets/precision.sh — where the guided trials land, against what random@60 needs.
#
# For each case of run.sh and each seed it traces random@RANDOM_TRIALS, gp@TRIALS and tpe@TRIALS
# (`BenchTuneData trace`) and prints, per case and searcher:
#   median best − median random@60 best, the mean per-seed difference, the seeds at least as good,
#   and the share of GUIDED trials (after gp's 5 and tpe's 10 start-up trials) scoring at least the
#   90th and 75th percentile of the same seed's random@60 trials.
# Then it prints the order-statistics bar: if a searcher's start-up trials are uninformed (uniform
# draws; gp's Latin hypercube is one too, coordinate by coordinate) and its guided trials
# independent draws from the top fraction q of the space's scores, its best of TRIALS
# reaches random's best of RANDOM_TRIALS in the median only when q ≤ q*; such draws reach random's
# 90th percentile with probability 0.1 / q*. (Correlated guided trials need more than that.)
#
# Usage: Benchmarks/tune/datasets/precision.sh [first_seed] [last_seed] [folds]
#        (default seeds 11..70, the development seeds of docs/tune.md, 5 folds; about 10 minutes on
#        2 cores). Traces are kept in $TRACES (default: a temporary folder, removed afterwards).
set -e
cd "$(dirname "$0")"
FIRST="${1:-11}"
LAST="${2:-70}"
FOLDS="${3:-5}"
TRIALS=20
RANDOM_TRIALS=60
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
(cd BenchTuneData && swift build -c release --product BenchTuneData >/dev/null)
BIN="$(pwd)/BenchTuneData/.build/release/BenchTuneData"
DATA="$(cd ../../../datasets && pwd)"
if [ -n "$TRACES" ]; then OUT="$TRACES"; mkdir -p "$OUT"; else OUT="$(mktemp -d)"; fi

CASES="titanic titanic.csv Survived rf
breast_cancer breast_cancer.csv diagnosis lightgbm
diabetes diabetes.csv progression en
diabetes diabetes.csv progression lightgbm"

trace() { # name csv target model seed method trials
  f="$OUT/$1-$4-$5-$6$7.txt"
  [ -s "$f" ] || "$BIN" trace "$DATA/$2" "$3" "$4" "$5" "$FOLDS" "$6" "$7" > "$f"
}
echo "$CASES" | while read -r name csv target model; do
  seed=$FIRST
  while [ "$seed" -le "$LAST" ]; do
    # Two traces at a time: the searches are single-threaded enough to share the two cores.
    trace "$name" "$csv" "$target" "$model" "$seed" random "$RANDOM_TRIALS" &
    trace "$name" "$csv" "$target" "$model" "$seed" gp "$TRIALS"
    trace "$name" "$csv" "$target" "$model" "$seed" tpe "$TRIALS"
    wait
    seed=$((seed + 1))
  done
  echo "  $name $model done" >&2
done

python3 - "$OUT" "$FIRST" "$LAST" "$TRIALS" "$RANDOM_TRIALS" <<'EOF'
import statistics as st, sys
out, first, last, trials, rtrials = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
startup = {"gp": 5, "tpe": 10}

def scores(path):
    values = []
    for line in open(path).read().splitlines()[1:]:   # first line: the untuned model's score
        s = line.split()[1]
        values.append(float(s) if s != "nil" else None)
    return values

cases = [("titanic", "rf"), ("breast_cancer", "lightgbm"), ("diabetes", "en"), ("diabetes", "lightgbm")]
print(f"Seeds {first}..{last}: best of {trials} against random@{rtrials}, and where the guided trials land")
print(f"{'dataset':<14}{'model':<10}{'searcher':<9}{'median diff':>12}{'mean diff':>11}{'seeds >=':>10}"
      f"{'guided >= q90':>15}{'guided >= q75':>15}")
for name, model in cases:
    for method in ("gp", "tpe"):
        best, base, q90, q75 = [], [], [], []
        for seed in range(first, last + 1):
            r = [v for v in scores(f"{out}/{name}-{model}-{seed}-random{rtrials}.txt") if v is not None]
            g = scores(f"{out}/{name}-{model}-{seed}-{method}{trials}.txt")
            r.sort()
            p90, p75 = r[int(0.9 * len(r))], r[int(0.75 * len(r))]
            guided = [v for v in g[startup[method]:] if v is not None]
            best.append(max(v for v in g if v is not None))
            base.append(r[-1])
            q90.append(sum(v >= p90 for v in guided) / max(len(guided), 1))
            q75.append(sum(v >= p75 for v in guided) / max(len(guided), 1))
        n = len(best)
        wins = sum(b >= r - 1e-9 for b, r in zip(best, base))
        print(f"{name:<14}{model:<10}{method:<9}{st.median(best) - st.median(base):>+12.4f}"
              f"{st.mean(b - r for b, r in zip(best, base)):>+11.4f}{f'{wins}/{n}':>10}"
              f"{st.mean(q90):>15.2f}{st.mean(q75):>15.2f}")

# The bar: random's best of R is below the (1 - e) quantile with probability (1 - e)^R; its median
# is at e = 1 - 0.5^(1/R). A searcher with S uninformed start-up draws and T - S draws from the top q
# has its best below that quantile with probability (1 - e)^S (1 - e/q)^(T - S); it reaches random's
# median when that is at most 0.5.
e = 1 - 0.5 ** (1 / rtrials)
print()
for method, s in startup.items():
    rest = 0.5 / (1 - e) ** s
    qstar = e / (1 - rest ** (1 / (trials - s)))
    print(f"{method}: {s} uninformed start-up trials, {trials - s} guided; random@{rtrials}'s median is reached when the "
          f"guided trials are independent draws from the top {qstar:.1%} of the scores, "
          f"i.e. {min(0.1 / qstar, 1):.0%} of them at or above random's 90th percentile")
EOF
if [ -z "$TRACES" ]; then rm -rf "$OUT"; fi
