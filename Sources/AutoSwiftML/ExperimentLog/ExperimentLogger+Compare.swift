import Foundation
import MLCore
import MLModels

extension ExperimentLogger {
    /// Logs a `compare` run: a parent run with the experiment's settings, the best model's holdout
    /// scores and the leaderboard (`leaderboard.json`), and one child run per model (leaderboard
    /// order) with the model's default hyperparameters and its cross-validation metrics.
    ///
    /// Parent parameters: `command`, `file`, `target`, `task`, `seed`, `folds`, `fold_strategy`,
    /// `fold_shuffle`, `train_size`, `stratified_split`, `models`, `sort_metric`, `turbo`,
    /// `preprocessing.*`. Parent metrics: `holdout_<metric>` of the best model. Tag
    /// `automl.bestModel`. With `savedModel` (`--save-best`), that file is the artifact
    /// `model/model.json`.
    ///
    /// Child runs (named by model ID, tag `mlflow.parentRunId`): parameters `model_id`,
    /// `model_name` and the hyperparameters; metrics `<metric>` at steps 0…k−1 (one per fold),
    /// `<metric>_mean`, `<metric>_std` and `fit_seconds` (mean fit time per fold); tag
    /// `automl.rank`. A model that failed is a FAILED run with tag `automl.error`.
    /// Metric keys are `Metric.rawValue` (`accuracy`, `auc`, `f1`, `r2`, …).
    /// - Throws: `ExperimentLogError` when a file cannot be written.
    @discardableResult
    public mutating func logCompare(_ board: Leaderboard, experiment: Experiment, options: CompareOptions,
                                    context: RunContext, savedModel: URL? = nil) throws -> LoggedRun {
        let parentID = try reserveRunID()
        let now = Self.milliseconds(Date())
        var children: [String] = []
        for (rank, row) in board.rows.enumerated() {
            let childID = try reserveRunID()
            var child = record(runID: childID, name: row.modelID, context: context, endTime: now)
            child.tags["mlflow.parentRunId"] = parentID
            child.tags["automl.rank"] = String(rank + 1)
            child.tags["automl.model"] = row.displayName
            if let spec = ModelRegistry.spec(id: row.modelID, kind: experiment.kind),
               let hyper = try? spec.defaultHyperparameters() {
                child.params = LoggedParameters.merging(child.params, LoggedParameters.flatten(.object(hyper)))
            }
            child.params["model_id"] = row.modelID
            child.params["model_name"] = row.displayName
            for score in row.scores {
                let key = score.metric.rawValue
                for (fold, value) in score.folds.enumerated() { child.addMetric(key, value, step: fold) }
                child.addMetric(key + "_mean", score.mean)
                child.addMetric(key + "_std", score.standardDeviation)
            }
            child.addMetric("fit_seconds", row.fitSeconds)
            if let error = row.error {
                child.status = .failed
                child.tags["automl.error"] = error
            }
            try store.write(child)
            children.append(childID)
        }

        var parent = record(runID: parentID, name: "compare", context: context, endTime: now)
        parent.params = LoggedParameters.merging(parent.params, Self.experimentParameters(experiment))
        parent.params["models"] = board.rows.map(\.modelID).joined(separator: ",")
        parent.params["sort_metric"] = board.sortMetric.rawValue
        parent.params["turbo"] = options.turbo ? "true" : "false"
        parent.params["scores_holdout"] = options.scoresHoldout ? "true" : "false"
        if let best = board.best {
            parent.tags["automl.bestModel"] = best.modelID
            let mean = best.mean(board.sortMetric).map { String(format: "%.4f", $0) } ?? "-"
            parent.tags["mlflow.note.content"] = "Best model: \(best.displayName) (\(best.modelID)), mean \(board.sortMetric.displayName) \(mean) over \(board.foldCount) folds."
            parent.addMetric("best_\(board.sortMetric.rawValue)_mean", best.mean(board.sortMetric))
        }
        if let holdout = board.holdout {
            parent.tags["automl.holdoutModel"] = holdout.modelID
            for (metric, value) in zip(board.metrics, holdout.scores) { parent.addMetric("holdout_" + metric.rawValue, value) }
            parent.addMetric("holdout_fit_seconds", holdout.fitSeconds)
        }
        if board.rows.allSatisfy({ !$0.succeeded }) { parent.status = .failed }
        parent.artifacts.append(MLflowArtifact(path: "leaderboard.json", data: try board.jsonData()))
        if let data = try Self.modelFileBytes(savedAt: savedModel, model: nil) {
            parent.artifacts.append(MLflowArtifact(path: "model/model.json", data: data))
        }
        try store.write(parent)
        return LoggedRun(experimentID: experimentID, experimentName: experimentName, runID: parentID,
                         childRunIDs: children, directory: store.runDirectory(experimentID: experimentID, runID: parentID))
    }

    /// The parameters every experiment-based run shares: target, task, seed, split, folds and the
    /// preprocessing settings (`preprocessing.*`).
    static func experimentParameters(_ experiment: Experiment) -> [String: String] {
        let config = experiment.config
        var params: [String: String] = [
            "target": experiment.targetName,
            "task": experiment.task.rawValue,
            "seed": String(config.seed),
            "folds": String(experiment.folds.count),
            "fold_strategy": config.folds.strategy.rawValue,
            "fold_shuffle": config.folds.shuffles ? "true" : "false",
            "train_size": "\(config.split.trainFraction)",
            "stratified_split": config.split.isStratified ? "true" : "false",
            "train_rows": String(experiment.trainTable.rowCount),
            "holdout_rows": String(experiment.holdoutTable.rowCount),
        ]
        if let pre = try? LoggedParameters.flatten(config.preprocessing, prefix: "preprocessing.") {
            params = LoggedParameters.merging(params, pre)
        }
        return params
    }
}
