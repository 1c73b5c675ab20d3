"""Optuna side of Benchmarks/tune/run.sh.

Usage: bench_optuna.py TRIALS SEEDS
Runs Optuna's default TPESampler and its RandomSampler on the same analytic functions as BenchTune
(Branin, Hartmann-6, a quadratic with a categorical dimension), one line per run:
    function method seed best_value seconds
"""
import math
import sys
import time

import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)

A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
P = [[0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886], [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
     [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650], [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381]]
ALPHA = [1.0, 1.2, 3.0, 3.2]


def branin(trial):
    x1 = trial.suggest_float("x1", -5, 10)
    x2 = trial.suggest_float("x2", 0, 15)
    b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10


def hartmann6(trial):
    x = [trial.suggest_float(f"x{i + 1}", 0, 1) for i in range(6)]
    return -sum(ALPHA[i] * math.exp(-sum(A[i][j] * (x[j] - P[i][j]) ** 2 for j in range(6))) for i in range(4))


def quadratic(trial):
    kind = trial.suggest_categorical("kind", ["a", "b", "c"])
    x = trial.suggest_float("x", -2, 2)
    y = trial.suggest_float("y", -2, 2)
    curvature, offset = {"a": (1, 0.5), "b": (1, 0), "c": (2, 1)}[kind]
    return curvature * ((x - 0.5) ** 2 + (y + 0.5) ** 2) + offset


def main():
    trials, seeds = int(sys.argv[1]), int(sys.argv[2])
    for name, f in [("branin", branin), ("hartmann6", hartmann6), ("quadratic", quadratic)]:
        for method in ["random", "tpe"]:
            for seed in range(seeds):
                sampler = optuna.samplers.RandomSampler(seed=seed) if method == "random" else optuna.samplers.TPESampler(seed=seed)
                study = optuna.create_study(sampler=sampler)
                start = time.perf_counter()
                study.optimize(f, n_trials=trials)
                print(name, method, seed, study.best_value, time.perf_counter() - start)


if __name__ == "__main__":
    main()
