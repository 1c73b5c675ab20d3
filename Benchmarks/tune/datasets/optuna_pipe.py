"""Optuna side of Benchmarks/tune/datasets/run.sh: Optuna's default TPESampler drives OUR evaluation.

Usage: optuna_pipe.py BINARY CSV TARGET MODEL SEED FOLDS TRIALS

`BINARY space CSV TARGET MODEL` gives the model's default search space (the one our searchers use);
`BINARY serve CSV TARGET MODEL SEED FOLDS` cross-validates each proposed candidate on the same folds,
with the same preprocessing and model stream as `tune`, and answers its mean score. So space, folds
and model are identical and only the sampler differs. Prints one line:
    optuna-tpe TRIALS best_cv_score
"""
import json
import math
import subprocess
import sys

import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)


def main():
    binary, csv, target, model, seed, folds, trials = sys.argv[1:8]
    seed, trials = int(seed), int(trials)
    space = json.loads(subprocess.run([binary, "space", csv, target, model], check=True,
                                      capture_output=True, text=True).stdout)
    server = subprocess.Popen([binary, "serve", csv, target, model, str(seed), folds],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)

    def objective(trial):
        params = {}
        for d in space:
            if d["kind"] == "uniform":
                params[d["name"]] = trial.suggest_float(d["name"], d["lower"], d["upper"])
            elif d["kind"] == "log":
                params[d["name"]] = trial.suggest_float(d["name"], d["lower"], d["upper"], log=True)
            elif d["kind"] == "int":
                params[d["name"]] = trial.suggest_int(d["name"], int(d["lower"]), int(d["upper"]))
            else:
                params[d["name"]] = trial.suggest_categorical(d["name"], d["labels"])
        server.stdin.write(json.dumps(params) + "\n")
        server.stdin.flush()
        answer = json.loads(server.stdout.readline())
        score = answer["score"]
        return math.nan if score is None else score   # NaN: Optuna records a failed trial

    study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=seed))
    study.optimize(objective, n_trials=trials)
    server.stdin.close()
    server.wait()
    done = [t.value for t in study.trials if t.value is not None and not math.isnan(t.value)]
    print(f"optuna-tpe {trials} {max(done) if done else math.nan}")


if __name__ == "__main__":
    main()
