import ArgumentParser
import AutoSwiftML
import Foundation

/// `--log-dir` and `--experiment-name`: record the run in an MLflow file store, read by
/// `mlflow ui --backend-store-uri DIR` and MLflow's Python client. Shared by `compare`, `train` and
/// `tune` through `@OptionGroup var log: LogOptions`; every method does nothing without `--log-dir`.
struct LogOptions: ParsableArguments {
    @Option(name: .customLong("log-dir"),
            help: ArgumentHelp("Record this run in an MLflow file store at DIR (parameters, per-fold metrics, times, the model file); view it with `mlflow ui --backend-store-uri DIR`.",
                               valueName: "DIR"))
    var logDir: String?

    @Option(name: .customLong("experiment-name"),
            help: ArgumentHelp("The MLflow experiment to record into (default: Default); created when missing, reused by name.",
                               valueName: "NAME"))
    var experimentName: String?

    func validate() throws {
        if experimentName != nil && logDir == nil {
            throw ValidationError("--experiment-name needs --log-dir.")
        }
        if let experimentName {
            do { try MLflowFileStore.validateExperimentName(experimentName) } catch {
                throw ValidationError("--experiment-name: \(error)")
            }
        }
    }

    /// A logger for `seed`, or `nil` without `--log-dir`.
    func logger(seed: UInt64) throws -> ExperimentLogger? {
        guard let logDir else { return nil }
        return try ExperimentLogger(directory: URL(fileURLWithPath: logDir), experimentName: experimentName, seed: seed)
    }

    /// Logs a `compare` run (parent + one child per model); `savedModel` is `--save-best`'s file.
    func logCompare(_ board: Leaderboard, experiment: Experiment, options: CompareOptions, dataFile: String,
                    started: Date, savedModel: String? = nil) throws {
        guard var logger = try logger(seed: experiment.config.seed) else { return }
        let run = try logger.logCompare(board, experiment: experiment, options: options,
                                        context: RunContext(command: "compare", dataFile: dataFile, startTime: started),
                                        savedModel: savedModel.map { URL(fileURLWithPath: $0) })
        AutoMLMain.writeError(run.summary)
    }

    /// Logs a `train` run with the model file as an artifact (`savedModel` is `--save`'s file;
    /// without it the model is encoded); `test` is `--test`'s file, `holdout` the `--holdout` fraction.
    func logTrain(_ model: TrainedModel, evaluation: Evaluation?, fitSeconds: Double, dataFile: String,
                  started: Date, savedModel: String? = nil, test: String? = nil, holdout: Double? = nil) throws {
        guard var logger = try logger(seed: model.fingerprint.seed) else { return }
        var extra: [String: String] = [:]
        if let test { extra["test_file"] = test } else { extra["holdout"] = "\(holdout ?? 0.3)" }
        let run = try logger.logTrain(model, evaluation: evaluation, evaluatedOn: test == nil ? "holdout" : "test",
                                      fitSeconds: fitSeconds,
                                      context: RunContext(command: "train", dataFile: dataFile, startTime: started),
                                      savedModel: savedModel.map { URL(fileURLWithPath: $0) }, extraParameters: extra)
        AutoMLMain.writeError(run.summary)
    }

    /// Logs a `tune` run (parent + one child per trial); `savedModel` is `--save`'s file.
    func logTune(_ result: TuneResult, experiment: Experiment, options: TuneOptions, dataFile: String,
                 started: Date, savedModel: String? = nil) throws {
        guard var logger = try logger(seed: experiment.config.seed) else { return }
        let run = try logger.logTune(result, experiment: experiment, options: options,
                                     context: RunContext(command: "tune", dataFile: dataFile, startTime: started),
                                     savedModel: savedModel.map { URL(fileURLWithPath: $0) })
        AutoMLMain.writeError(run.summary)
    }
}
