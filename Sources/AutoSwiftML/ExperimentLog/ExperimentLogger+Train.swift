import Foundation
import MLCore
import MLModels

extension ExperimentLogger {
    /// Logs a `train` run: one run named `train <model id>` with the model's hyperparameters, its
    /// scores on the evaluated rows, the fit time, and the model file as the artifact
    /// `model/model.json`.
    ///
    /// Parameters: `command`, `file`, `target`, `task`, `seed`, `model_id`, `model_name`,
    /// `rows_fitted`, `evaluated_on`, every hyperparameter (a name clashing with these gets a
    /// `model.` prefix) and `extraParameters` (command options such as `holdout`). Metrics:
    /// `<evaluatedOn>_<metric>` (`holdout_accuracy`, `test_r2`) and `fit_seconds`.
    /// - Parameters:
    ///   - evaluation: the holdout or test scores (`nil`: none).
    ///   - evaluatedOn: the metric prefix, `holdout` or `test`.
    ///   - savedModel: the model file the command wrote; its bytes are the artifact. Without it,
    ///     `model` is encoded as a model file.
    /// - Throws: `ExperimentLogError` when a file cannot be written; `ModelFile.encode`'s errors.
    @discardableResult
    public mutating func logTrain(_ model: TrainedModel, evaluation: Evaluation?, evaluatedOn: String = "holdout",
                                  fitSeconds: Double?, context: RunContext, savedModel: URL? = nil,
                                  extraParameters: [String: String] = [:]) throws -> LoggedRun {
        let runID = try reserveRunID()
        let now = Self.milliseconds(Date())
        var run = record(runID: runID, name: "\(context.command) \(model.entry.id)", context: context, endTime: now)
        run.params["target"] = model.targetName
        run.params["task"] = model.task.rawValue
        run.params["seed"] = String(model.fingerprint.seed)
        run.params["model_id"] = model.entry.id
        run.params["model_name"] = model.entry.spec?.displayName ?? model.entry.typeName
        run.params["rows_fitted"] = String(model.fingerprint.rowCount)
        run.params["evaluated_on"] = evaluation == nil ? "none" : evaluatedOn
        run.params = LoggedParameters.merging(run.params, extraParameters, clashPrefix: "option.")
        if let hyper = try? LoggedParameters.flatten(model.estimator) {
            run.params = LoggedParameters.merging(run.params, hyper)
        }
        if let evaluation {
            for (metric, value) in zip(evaluation.metrics, evaluation.scores) {
                run.addMetric(evaluatedOn + "_" + metric.rawValue, value)
            }
            run.params["evaluated_rows"] = String(evaluation.rowCount)
        }
        run.addMetric("fit_seconds", fitSeconds)
        run.tags["automl.model"] = model.entry.spec?.displayName ?? model.entry.typeName
        run.tags["automl.table.sha256"] = model.fingerprint.tableSHA256
        if let data = try Self.modelFileBytes(savedAt: savedModel, model: model) {
            run.artifacts.append(MLflowArtifact(path: "model/model.json", data: data))
        }
        try store.write(run)
        return LoggedRun(experimentID: experimentID, experimentName: experimentName, runID: runID,
                         childRunIDs: [], directory: store.runDirectory(experimentID: experimentID, runID: runID))
    }
}
