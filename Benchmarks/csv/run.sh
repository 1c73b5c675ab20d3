#!/usr/bin/env bash
# CSVReader vs pandas.read_csv on a generated numeric CSV (1 integer + 9 decimal columns).
#
#   Benchmarks/csv/run.sh [rows=1000000] [repeats=5]
#
# Builds the Swift side in release (only MLCore + MLData), generates the file once under $TMPDIR,
# creates .venv-bench with pandas for the Python side (or uses $PYTHON if set), runs each reader
# `repeats` times and prints the medians and their ratio.
set -euo pipefail
cd "$(dirname "$0")"
ROWS=${1:-1000000}
REPEATS=${2:-5}
FILE="${TMPDIR:-/tmp}/autoswiftml-csv-bench-${ROWS}.csv"

swift build -c release --product csv-bench >/dev/null
BIN=.build/release/csv-bench
[ -f "$FILE" ] || "$BIN" generate "$FILE" "$ROWS" 10

PY=${PYTHON:-}
if [ -z "$PY" ]; then
    if [ ! -x .venv-bench/bin/python ]; then
        python3 -m venv .venv-bench
        .venv-bench/bin/pip install --quiet "pandas==3.1.1"
    fi
    PY=.venv-bench/bin/python
fi

SWIFT=$("$BIN" read "$FILE" "$REPEATS")
PANDAS=$("$PY" bench_pandas.py "$FILE" "$REPEATS")
swift_s=$(sed -n 's/.*median_seconds=\([0-9.]*\).*/\1/p' <<<"$SWIFT")
pandas_s=$(sed -n 's/.*median_seconds=\([0-9.]*\).*/\1/p' <<<"$PANDAS")
echo "file:            $FILE ($(du -h "$FILE" | cut -f1))"
echo "swift CSVReader: $SWIFT"
echo "pandas.read_csv: $PANDAS"
python3 -c "print(f'ratio pandas/swift time: {float(\"$pandas_s\") / float(\"$swift_s\"):.2f}x (above 1 means Swift is faster)')"
