import Foundation
import MLCore
import MLModels

extension ExperimentLogger {
    /// Logs a `tune` run: a parent run named `tune <model id>` with the search settings, the chosen
    /// hyperparameters and scores, the trial history (`tune_history.csv`) and the summary
    /// (`tune_summary.json`), and one child run per trial (trial order, named `trial <i>`).
    ///
    /// Parent parameters: the experiment's (`target`, `seed`, `folds`, …), `model_id`, `search`,
    /// `trials`, `batch_size`, `budget_seconds`, `patience`, `metric`, `overrides`,
    /// `choose_better` and the chosen estimator's hyperparameters. Parent metrics (with `m` the
    /// metric's raw value): `default_<m>_mean`, `best_<m>_mean`, `holdout_<m>`, `trials_run`.
    /// Tags `automl.bestTrial`, `automl.keptDefault`, `automl.stopReason`.
    ///
    /// Child runs (tag `mlflow.parentRunId`): parameters `trial`, `resource` and the trial's
    /// searched values; metrics `<m>` at steps 0…k−1 (one per fold), `<m>_mean` and `seconds`.
    /// A failed trial is a FAILED run with tag `automl.error`. With `savedModel` (`tune --save`), that
    /// file is the parent's artifact `model/model.json`.
    /// - Throws: `ExperimentLogError` when a file cannot be written.
    @discardableResult
    public mutating func logTune(_ result: TuneResult, experiment: Experiment, options: TuneOptions,
                                 context: RunContext, savedModel: URL? = nil) throws -> LoggedRun {
        let parentID = try reserveRunID()
        let now = Self.milliseconds(Date())
        let key = result.metric.rawValue
        var children: [String] = []
        for trial in result.history {
            let childID = try reserveRunID()
            var child = record(runID: childID, name: "trial \(trial.index)", context: context, endTime: now)
            child.tags["mlflow.parentRunId"] = parentID
            child.params["model_id"] = result.modelID
            child.params["trial"] = String(trial.index)
            child.params["resource"] = "\(trial.resource)"
            var searched: [String: String] = [:]
            for p in trial.parameters { searched[p.name] = p.value.description }
            child.params = LoggedParameters.merging(child.params, searched)
            for (fold, value) in trial.foldScores.enumerated() { child.addMetric(key, value, step: fold) }
            child.addMetric(key + "_mean", trial.mean)
            child.addMetric("seconds", trial.seconds)
            if trial.mean == nil || trial.error != nil {
                child.status = .failed
                child.tags["automl.error"] = trial.error ?? "no score"
            }
            if trial.index == result.bestTrialIndex { child.tags["automl.best"] = "true" }
            try store.write(child)
            children.append(childID)
        }

        var parent = record(runID: parentID, name: "\(context.command) \(result.modelID)", context: context, endTime: now)
        parent.params = LoggedParameters.merging(parent.params, Self.experimentParameters(experiment))
        let search = options.search
        parent.params = LoggedParameters.merging(parent.params, [
            "model_id": result.modelID,
            "model_name": result.displayName,
            "search": search.method.rawValue,
            "trials": String(search.trials),
            "batch_size": String(search.batchSize),
            "budget_seconds": search.budgetSeconds.map { "\($0)" } ?? "none",
            "patience": search.patience.map(String.init) ?? "none",
            "metric": key,
            "overrides": options.overrides.map(\.description).joined(separator: "; "),
            "choose_better": options.choosesBetter ? "true" : "false",
        ])
        if let hyper = try? LoggedParameters.flatten(result.bestEstimator) {
            parent.params = LoggedParameters.merging(parent.params, hyper)
        }
        parent.addMetric("default_\(key)_mean", result.defaultScore)
        parent.addMetric("best_\(key)_mean", result.bestScore)
        parent.addMetric("holdout_\(key)", result.holdoutScore)
        parent.addMetric("trials_run", Double(result.history.count))
        parent.tags["automl.bestTrial"] = result.bestTrialIndex.map(String.init) ?? "none"
        parent.tags["automl.keptDefault"] = result.keptDefault ? "true" : "false"
        parent.tags["automl.stopReason"] = result.stopReason.rawValue
        if !result.bestParameters.isEmpty {
            parent.tags["mlflow.note.content"] = "Best parameters: " + result.bestParameters.map(\.description).joined(separator: ", ")
        }
        parent.artifacts.append(MLflowArtifact(path: "tune_history.csv", data: Data(result.historyCSV().utf8)))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        if let summary = try? encoder.encode(result.summary) {
            parent.artifacts.append(MLflowArtifact(path: "tune_summary.json", data: summary))
        }
        if let data = try Self.modelFileBytes(savedAt: savedModel, model: nil) {
            parent.artifacts.append(MLflowArtifact(path: "model/model.json", data: data))
        }
        try store.write(parent)
        return LoggedRun(experimentID: experimentID, experimentName: experimentName, runID: parentID,
                         childRunIDs: children, directory: store.runDirectory(experimentID: experimentID, runID: parentID))
    }
}
