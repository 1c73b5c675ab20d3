"""Reads an AutoSwiftML experiment log with MLflow's own Python client and checks what it finds.

Usage: MLFLOW_ALLOW_FILE_STORE=true python scripts/check_mlflow_log.py STORE_DIR [--cli-experiment NAME]
       [--library-experiment NAME] [--server]

STORE_DIR is what `automl ... --log-dir` wrote (an MLflow file store). The library experiment is
written by the Swift test `ExperimentLogScriptHelper` (compare lr+dummy with 3 folds, train lr,
tune lr with 4 trials); its run IDs are listed in STORE_DIR/library-runs.txt. The CLI experiment
(when given) is written by `automl compare/train/tune --log-dir`. With --server, `mlflow server`
is started on the store (the backend `mlflow ui` uses) and its REST API is queried too.
Exits non-zero on the first failed check.
"""

import argparse
import json
import math
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import mlflow
from mlflow import MlflowClient

CHECKS = 0


def check(condition, message):
    global CHECKS
    if not condition:
        print(f"FAILED: {message}")
        sys.exit(1)
    CHECKS += 1


def runs_of(experiment_id):
    return mlflow.search_runs(experiment_ids=[experiment_id], output_format="list", max_results=1000)


def check_compare(client, parent, runs, folds=3, models=("lr", "dummy")):
    p = parent.data.params
    check(parent.info.status == "FINISHED", f"compare run status {parent.info.status}")
    check(parent.info.run_name == "compare", f"compare run name {parent.info.run_name}")
    check(p.get("command") == "compare", f"command param {p.get('command')}")
    check(p.get("target") == "Survived", f"target param {p.get('target')}")
    check(p.get("seed") == "123", f"seed param {p.get('seed')}")
    check(p.get("folds") == str(folds), f"folds param {p.get('folds')}")
    check(set(p.get("models", "").split(",")) == set(models), f"models param {p.get('models')}")
    check(parent.data.tags.get("mlflow.source.name") == "automl compare", "mlflow.source.name tag")
    check("holdout_accuracy" in parent.data.metrics, "holdout_accuracy metric on the compare run")
    names = [a.path for a in client.list_artifacts(parent.info.run_id)]
    check("leaderboard.json" in names, f"compare artifacts {names}")
    board = json.load(open(client.download_artifacts(parent.info.run_id, "leaderboard.json", tempfile.mkdtemp())))
    children = [r for r in runs if r.data.tags.get("mlflow.parentRunId") == parent.info.run_id]
    check(sorted(c.info.run_name for c in children) == sorted(models), f"child runs {[c.info.run_name for c in children]}")
    filtered = mlflow.search_runs(experiment_ids=[parent.info.experiment_id], output_format="list",
                                  filter_string=f"tags.mlflow.parentRunId = '{parent.info.run_id}'")
    check(len(filtered) == len(models), f"search_runs by parent id found {len(filtered)}")
    for child in children:
        model_id = child.data.params.get("model_id")
        check(model_id == child.info.run_name, f"model_id param {model_id}")
        history = client.get_metric_history(child.info.run_id, "accuracy")
        steps = sorted(m.step for m in history)
        check(steps == list(range(folds)), f"{model_id}: accuracy steps {steps}")
        values = [m.value for m in sorted(history, key=lambda m: m.step)]
        mean = child.data.metrics.get("accuracy_mean")
        check(mean is not None and math.isclose(sum(values) / len(values), mean, rel_tol=1e-12),
              f"{model_id}: mean of fold accuracies {values} vs accuracy_mean {mean}")
        row = next(r for r in board["rows"] if r["modelID"] == model_id)
        accuracy = next(s for s in row["scores"] if s["metric"] == "accuracy")
        check(values == accuracy["folds"], f"{model_id}: fold accuracies {values} vs leaderboard {accuracy['folds']}")
        check("fit_seconds" in child.data.metrics, f"{model_id}: fit_seconds metric")
        if model_id == "lr":
            check("maxIterations" in child.data.params, f"lr hyperparameters in params: {sorted(child.data.params)}")
        print(f"  child {child.info.run_id} {model_id:6s} accuracy per fold {[round(v, 4) for v in values]}"
              f" mean {mean:.4f}; {len(child.data.params)} params")
    return children


def check_train(client, run):
    check(run.info.status == "FINISHED", f"train run status {run.info.status}")
    check(run.data.params.get("model_id") == "lr", f"train model_id {run.data.params.get('model_id')}")
    check("holdout_accuracy" in run.data.metrics, f"train metrics {sorted(run.data.metrics)}")
    check("fit_seconds" in run.data.metrics, "train fit_seconds")
    names = [a.path for a in client.list_artifacts(run.info.run_id, "model")]
    check(names == ["model/model.json"], f"train model artifacts {names}")
    local = client.download_artifacts(run.info.run_id, "model/model.json", tempfile.mkdtemp())
    model = json.load(open(local))
    check(model.get("format") == "autoswiftml-model", f"model file format {model.get('format')}")
    print(f"  train {run.info.run_id}: holdout accuracy {run.data.metrics['holdout_accuracy']:.4f},"
          f" artifact model/model.json ({os.path.getsize(local)} bytes)")


def check_tune(client, parent, runs, folds=3):
    check(parent.info.status == "FINISHED", f"tune run status {parent.info.status}")
    check(parent.data.params.get("command") == "tune", "tune command param")
    trials = [r for r in runs if r.data.tags.get("mlflow.parentRunId") == parent.info.run_id]
    check(len(trials) >= 1, "tune has trial runs")
    check(int(parent.data.metrics.get("trials_run", -1)) == len(trials), "one child run per trial")
    names = [a.path for a in client.list_artifacts(parent.info.run_id)]
    check("tune_history.csv" in names and "tune_summary.json" in names, f"tune artifacts {names}")
    for trial in trials:
        if trial.info.status == "FINISHED":
            steps = sorted(m.step for m in client.get_metric_history(trial.info.run_id, "accuracy"))
            check(steps == list(range(folds)), f"trial accuracy steps {steps}")
    print(f"  tune {parent.info.run_id}: {len(trials)} trial runs,"
          f" best accuracy {parent.data.metrics.get('best_accuracy_mean', float('nan')):.4f}")


def check_experiment(client, name, expect_tune=True):
    experiment = mlflow.get_experiment_by_name(name)
    check(experiment is not None, f"experiment '{name}' found by name")
    check(experiment.lifecycle_stage == "active", "experiment is active")
    runs = runs_of(experiment.experiment_id)
    print(f"experiment '{name}' (id {experiment.experiment_id}): {len(runs)} runs")
    parents = [r for r in runs if "mlflow.parentRunId" not in r.data.tags]
    by_command = {}
    for r in parents:
        by_command.setdefault(r.data.params.get("command"), []).append(r)
    check("compare" in by_command, f"a compare run in '{name}'")
    check("train" in by_command, f"a train run in '{name}'")
    for parent in by_command["compare"]:
        check_compare(client, parent, runs)
    for run in by_command["train"]:
        check_train(client, run)
    if expect_tune:
        check("tune" in by_command, f"a tune run in '{name}'")
        for parent in by_command["tune"]:
            check_tune(client, parent, runs)
    return experiment, runs


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def check_server(store, experiment_id, run_count):
    """Starts `mlflow server` (the backend of `mlflow ui`) on the store and asks its REST API."""
    port = free_port()
    log = open(os.path.join(tempfile.mkdtemp(), "server.log"), "w")
    server = subprocess.Popen([sys.executable, "-m", "mlflow", "server", "--backend-store-uri", "file:" + store,
                               "--host", "127.0.0.1", "--port", str(port), "--workers", "1"],
                              stdout=log, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}/api/2.0/mlflow"
        for _ in range(120):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        body = json.dumps({"experiment_ids": [experiment_id], "max_results": 1000}).encode()
        request = urllib.request.Request(f"{base}/runs/search", data=body, headers={"Content-Type": "application/json"})
        answer = json.load(urllib.request.urlopen(request, timeout=30))
        found = len(answer.get("runs", []))
        check(found == run_count, f"mlflow server lists {found} runs, the client {run_count}")
        print(f"mlflow server (port {port}) lists the {found} runs of experiment {experiment_id} over REST")
    finally:
        server.terminate()
        server.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("store")
    parser.add_argument("--library-experiment", default="automl-library")
    parser.add_argument("--cli-experiment")
    parser.add_argument("--cli-saved-model", help="the file `automl train --save` wrote: must equal the train artifact")
    parser.add_argument("--cli-best-model", help="the file `compare --save-best` wrote: must equal the compare artifact")
    parser.add_argument("--server", action="store_true")
    args = parser.parse_args()
    store = os.path.abspath(args.store)
    mlflow.set_tracking_uri("file:" + store)
    client = MlflowClient()
    print(f"mlflow {mlflow.__version__}, tracking URI {mlflow.get_tracking_uri()}")

    experiments = mlflow.search_experiments()
    print("experiments:", ", ".join(f"{e.name} (id {e.experiment_id})" for e in experiments))
    check(any(e.experiment_id == "0" and e.name == "Default" for e in experiments), "experiment 0 is Default")

    library, runs = check_experiment(client, args.library_experiment)
    listed = open(os.path.join(store, "library-runs.txt")).read().split()
    logged_ids = {w for w in listed if len(w) == 32}
    for w in listed:
        if "," in w:
            logged_ids.update(w.split(","))
    check(logged_ids == {r.info.run_id for r in runs}, "the runs MLflow lists are the runs the library logged")
    if args.cli_experiment:
        _, cli_runs = check_experiment(client, args.cli_experiment)
        for command, path in (("train", args.cli_saved_model), ("compare", args.cli_best_model)):
            if path:
                run = next(r for r in cli_runs if r.data.params.get("command") == command
                           and "mlflow.parentRunId" not in r.data.tags)
                local = client.download_artifacts(run.info.run_id, "model/model.json", tempfile.mkdtemp())
                same = open(local, "rb").read() == open(path, "rb").read()
                check(same, f"the {command} run's model/model.json is the file the CLI saved ({path})")
                print(f"  {command} artifact model/model.json is byte-identical to {os.path.basename(path)}")
    if args.server:
        check_server(store, library.experiment_id, len(runs))
    print(f"{CHECKS} passed, 0 failed")


if __name__ == "__main__":
    main()
