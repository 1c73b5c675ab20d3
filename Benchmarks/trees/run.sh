#!/usr/bin/env bash
# Tree benchmarks: AutoSwiftML gbm vs LightGBM / XGBoost (hist), and rf vs scikit-learn.
#
#   bash Benchmarks/trees/run.sh [runs=3] [threads=2] [all|ours]
#
# "ours" re-runs only the AutoSwiftML side and keeps the Python results already in results/.
# Creates .venv-bench (lightgbm, xgboost, scikit-learn==1.9.1), writes the data once to data/
# (make_classification(1_000_000, 50, n_informative=20, random_state=0); rows 0..800k train,
# the last 200k test; rf trains on the first 200k rows), builds BenchTrees in release mode, then
# runs every implementation `runs` times under /usr/bin/time -v and prints medians and ratios.
set -euo pipefail
cd "$(dirname "$0")"
RUNS=${1:-3}
THREADS=${2:-2}
ONLY=${3:-all}
if [ ! -x .venv-bench/bin/python ]; then
  python3 -m venv .venv-bench
  .venv-bench/bin/pip install -q lightgbm xgboost scikit-learn==1.9.1
fi
PY=.venv-bench/bin/python
$PY gen_data.py data
(cd BenchTrees && swift build -c release 2>&1 | tail -1)
BIN=BenchTrees/.build/release/BenchTrees
mkdir -p results
OUT=results/runs.jsonl
if [ "$ONLY" = ours ] && [ -f "$OUT" ]; then
  grep -v '"name": "ours-' "$OUT" > results/keep.jsonl || true
  mv results/keep.jsonl "$OUT"
else
  : > "$OUT"
fi

run() {  # name, command...   (one run; the caller interleaves implementations run by run)
  local name=$1; shift
  for i in 1; do
    /usr/bin/time -v "$@" > results/last.json 2> results/last.time
    local rss cpu
    rss=$(grep "Maximum resident set size" results/last.time | awk '{print $NF}')
    cpu=$(grep -E "(User|System) time" results/last.time | awk '{s+=$NF} END {print s}')
    $PY -c "import json,sys; d=json.load(open('results/last.json')); d['name']='$name'; d['rss_mb']=$rss/1024; d['cpu_s']=$cpu; d['load']=float(open('/proc/loadavg').read().split()[0]); print(json.dumps(d))" >> "$OUT"
    tail -1 "$OUT"
  done
}

# Implementations alternate within each round, so a change in machine load hits all of them.
for round in $(seq "$RUNS"); do
  run ours-gbm "$BIN" gbm data "$THREADS"
  [ "$ONLY" = ours ] || run lightgbm $PY bench_py.py lightgbm data "$THREADS"
  [ "$ONLY" = ours ] || run xgboost $PY bench_py.py xgboost data "$THREADS"
  run ours-rf "$BIN" rf data "$THREADS"
  [ "$ONLY" = ours ] || run sklearn-rf $PY bench_py.py rf data "$THREADS"
done

$PY - "$OUT" <<'PYEOF'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
by = {}
for r in rows:
    by.setdefault(r["name"], []).append(r)
med = {k: {m: statistics.median(x[m] for x in v) for m in ("fit", "predict", "auc", "rss_mb", "cpu_s", "load")} for k, v in by.items()}
print("medians of", len(rows) // max(1, len(by)), "runs; cpu = user+sys seconds of the whole process; load = 1-min load average after the run")
print(f"{'name':12} {'fit s':>9} {'predict s':>10} {'AUC':>8} {'peak RSS MB':>12} {'cpu s':>8} {'load':>6}")
for k, m in med.items():
    print(f"{k:12} {m['fit']:9.2f} {m['predict']:10.2f} {m['auc']:8.5f} {m['rss_mb']:12.0f} {m['cpu_s']:8.1f} {m['load']:6.1f}")
def ratio(a, b):
    A, B = med[a], med[b]
    print(f"{a} / {b}: fit {A['fit']/B['fit']:.2f}x, predict {A['predict']/B['predict']:.2f}x, "
          f"RSS {A['rss_mb']/B['rss_mb']:.2f}x, process CPU {A['cpu_s']/B['cpu_s']:.2f}x, AUC diff {A['auc']-B['auc']:+.5f}")
ratio("ours-gbm", "lightgbm")
ratio("ours-gbm", "xgboost")
ratio("ours-rf", "sklearn-rf")
PYEOF
