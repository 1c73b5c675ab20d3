"""Dumps PyCaret's tune distributions (the default `tune_model` search spaces) as JSON.

For each task ("classification", "regression") and PyCaret model ID, each parameter is listed with
its kind: "uniform", "log" (UniformDistribution(log=True)), "int" (IntUniformDistribution) or
"categorical". Numeric kinds carry "lower" and "upper"; categorical ones carry "values", written as
strings: booleans as "true"/"false" and PyCaret's empty dict (no class weights) as "{}".

The containers need a set-up experiment, so one is made on the repository's titanic.csv
(classification) and diabetes.csv (regression), read by path relative to this script.
Run through make_pycaret_spaces.sh, which pins pycaret==3.3.2.
"""
import json
import os
import sys
import warnings

warnings.filterwarnings("ignore")

import pandas as pd
import pycaret
from pycaret.classification import ClassificationExperiment
from pycaret.containers.models.classification import get_all_model_containers as classification_containers
from pycaret.containers.models.regression import get_all_model_containers as regression_containers
from pycaret.internal.distributions import (CategoricalDistribution, IntUniformDistribution,
                                            UniformDistribution)
from pycaret.regression import RegressionExperiment

HERE = os.path.dirname(os.path.abspath(__file__))
DATASETS = os.path.join(HERE, "..", "..", "..", "..", "datasets")


def label(value):
    """A categorical value as a string label."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return json.dumps(value)  # PyCaret's {} means "no class weights"
    return str(value)


def describe(distribution):
    """One distribution as a JSON object."""
    if isinstance(distribution, IntUniformDistribution):
        if distribution.log:
            raise ValueError(f"log int distribution not expected: {distribution}")
        return {"kind": "int", "lower": int(distribution.lower), "upper": int(distribution.upper)}
    if isinstance(distribution, UniformDistribution):
        return {"kind": "log" if distribution.log else "uniform",
                "lower": float(distribution.lower), "upper": float(distribution.upper)}
    if isinstance(distribution, CategoricalDistribution):
        return {"kind": "categorical", "values": [label(v) for v in distribution.values]}
    raise ValueError(f"unknown distribution {distribution!r}")


def dump(containers):
    """Every container's tune distribution, by model ID."""
    return {model_id: {name: describe(d) for name, d in container.tune_distribution.items()}
            for model_id, container in containers.items()}


def main():
    titanic = pd.read_csv(os.path.join(DATASETS, "titanic.csv"))
    classification = ClassificationExperiment()
    classification.setup(titanic, target="Survived", verbose=False, session_id=1, html=False)
    diabetes = pd.read_csv(os.path.join(DATASETS, "diabetes.csv"))
    regression = RegressionExperiment()
    regression.setup(diabetes, target="progression", verbose=False, session_id=1, html=False)
    result = {
        "pycaret": pycaret.__version__,
        "classification": dump(classification_containers(classification)),
        "regression": dump(regression_containers(regression)),
    }
    json.dump(result, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
