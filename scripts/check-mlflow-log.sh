#!/usr/bin/env bash
# Proves that MLflow reads AutoSwiftML's experiment log (`--log-dir`, docs/experiment-log.md).
#
#   scripts/check-mlflow-log.sh [OUT_DIR]
#
# 1. builds `automl`; when its commands have --log-dir, runs compare (titanic, 3 folds, lr+dummy),
#    train (lr, with --save; compare with --save-best) and tune (lr, 4 trials) into OUT_DIR/mlruns, experiment "automl-cli";
# 2. runs the Swift test ExperimentLogScriptHelper, which logs the same three kinds of run through
#    the library into OUT_DIR/mlruns, experiment "automl-library";
# 3. makes its own venv (.venv-mlflow) with mlflow from PyPI (MLFLOW_SPEC, default mlflow==3.17.2)
#    and reads everything with MLflow's client (search_experiments, search_runs, get_metric_history,
#    list_artifacts) and through `mlflow server`'s REST API (scripts/check_mlflow_log.py).
#
# MLflow 3.x keeps the file store in maintenance mode and refuses it unless
# MLFLOW_ALLOW_FILE_STORE=true; this script sets it. Set SKIP_SERVER=1 to skip the server check.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="${1:-$(mktemp -d /tmp/automl-mlflow-check.XXXXXX)}"
STORE="$OUT/mlruns"
rm -rf "$STORE"
mkdir -p "$OUT"
MLFLOW_SPEC="${MLFLOW_SPEC:-mlflow==3.17.2}"
VENV="${MLFLOW_VENV:-$ROOT/.venv-mlflow}"

echo "== building automl"
swift build --product automl >/dev/null
AUTOML="$(swift build --show-bin-path)/automl"

CLI_ARGS=()
if "$AUTOML" compare --help 2>&1 | grep -q -- "--log-dir"; then
    echo "== automl compare/train/tune --log-dir $STORE --experiment-name automl-cli"
    LOG=(--log-dir "$STORE" --experiment-name automl-cli)
    "$AUTOML" compare datasets/titanic.csv --target Survived --folds 3 --include lr,dummy \
        --save-best "$OUT/best.json" "${LOG[@]}" >/dev/null
    "$AUTOML" train datasets/titanic.csv --target Survived --model lr --save "$OUT/model.json" "${LOG[@]}" >/dev/null
    "$AUTOML" tune datasets/titanic.csv --target Survived --model lr --folds 3 --trials 4 "${LOG[@]}" >/dev/null
    CLI_ARGS=(--cli-experiment automl-cli --cli-saved-model "$OUT/model.json" --cli-best-model "$OUT/best.json")
else
    echo "== automl has no --log-dir yet (LogOptions not wired into the commands); checking the library runs only"
fi

echo "== library runs (swift test --filter ExperimentLogScriptHelper)"
AUTOML_MLFLOW_LOG_DIR="$STORE" AUTOML_MLFLOW_EXPERIMENT=automl-library OPENBLAS_NUM_THREADS=1 \
    swift test --filter ExperimentLogScriptHelper 2>&1 | grep -E "✔|✘|passed|failed|error" | tail -3
test -s "$STORE/library-runs.txt" || { echo "the library helper wrote no runs"; exit 1; }

echo "== venv with $MLFLOW_SPEC"
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install --quiet "$MLFLOW_SPEC"

echo "== reading $STORE with MLflow"
SERVER_ARGS=()
[ "${SKIP_SERVER:-0}" = "1" ] || SERVER_ARGS=(--server)
MLFLOW_ALLOW_FILE_STORE=true "$VENV/bin/python" scripts/check_mlflow_log.py "$STORE" \
    --library-experiment automl-library "${CLI_ARGS[@]}" "${SERVER_ARGS[@]}"
echo "== view it with: MLFLOW_ALLOW_FILE_STORE=true $VENV/bin/mlflow ui --backend-store-uri $STORE"
