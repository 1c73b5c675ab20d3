#!/usr/bin/env bash
# Whole-process timing of `automl compare` against PyCaret 3.3.2 (`setup` + `compare_models`) on the
# same CSV file, target and fold count, side by side in one run. Prints both leaderboards, the
# median wall time of each over the repeats, and the ratio.
#
#   Benchmarks/pycaret/run.sh [FILE] [TARGET] [FOLDS] [REPEATS]
#   Benchmarks/pycaret/run.sh datasets/titanic.csv Survived 10 3      (the defaults)
#
# The Python side lives in its own virtual environment (Benchmarks/pycaret/.venv-pycaret), made on
# first use from PyPI. The machine is shared and noisy: quote medians.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
file="${1:-datasets/titanic.csv}"
target="${2:-Survived}"
folds="${3:-10}"
repeats="${4:-3}"
cd "$root"

venv="$here/.venv-pycaret"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "pycaret==3.3.2" "six"
fi

./scripts/bootstrap
# A self-contained binary, as one ships a command-line tool: the Swift runtime linked statically
# (about 10 ms less start-up than resolving libswiftCore and Foundation at load time). Its own
# build folder, so the usual `.build` is not rebuilt with other flags.
swift build -c release --static-swift-stdlib --build-path .build-static --product automl >/dev/null
automl="$(swift build -c release --static-swift-stdlib --build-path .build-static --show-bin-path)/automl"

results="$(mktemp -d)"
abs_file="$(realpath "$file")"
ours=()
theirs=()
for i in $(seq 1 "$repeats"); do
    start=$EPOCHREALTIME
    OPENBLAS_NUM_THREADS=1 "$automl" compare "$file" --target "$target" --folds "$folds" --seed 123 \
        --format csv --output "$results/ours.csv"
    end=$EPOCHREALTIME
    ours+=("$start:$end")

    start=$EPOCHREALTIME
    # PyCaret writes logs.log into its working folder: run it in the scratch folder.
    (cd "$results" && "$venv/bin/python" "$here/pycaret_compare.py" "$abs_file" \
        "$target" "$folds" > "$results/pycaret.txt" 2>/dev/null)
    end=$EPOCHREALTIME
    theirs+=("$start:$end")
done

"$venv/bin/python" "$here/report.py" "$results/ours.csv" "$results/pycaret.txt" \
    --ours-seconds "${ours[@]}" --pycaret-seconds "${theirs[@]}"
