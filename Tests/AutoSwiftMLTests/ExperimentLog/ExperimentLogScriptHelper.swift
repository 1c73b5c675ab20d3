import Foundation
import Testing
import TestSupport
import AutoSwiftML

/// Writes `compare`, `train` and `tune` runs on titanic into the MLflow store named by the
/// environment variable `AUTOML_MLFLOW_LOG_DIR`, for scripts/check-mlflow-log.sh to read with
/// MLflow's Python client. Skipped (not failed) when the variable is unset, as in `swift test`.
@Suite("Experiment log script helper")
struct ExperimentLogScriptHelper {
    static let directory = ProcessInfo.processInfo.environment["AUTOML_MLFLOW_LOG_DIR"]
    static let experimentName = ProcessInfo.processInfo.environment["AUTOML_MLFLOW_EXPERIMENT"] ?? "automl-library"

    @Test(.enabled(if: directory != nil, "set AUTOML_MLFLOW_LOG_DIR to write runs for scripts/check-mlflow-log.sh"))
    func writeRunsForTheCheckScript() throws {
        let root = URL(fileURLWithPath: try #require(Self.directory))
        let file = RepositoryPaths.dataset("titanic.csv")
        let table = try CSVReader.readTable(at: file)
        var config = ExperimentConfig()
        config.folds.count = 3
        config.threadCount = 2
        let experiment = try Experiment(table: table, targetColumn: "Survived", config: config)
        var logger = try ExperimentLogger(directory: root, experimentName: Self.experimentName, seed: config.seed)
        var lines: [String] = []

        let options = CompareOptions(include: ["lr", "dummy"])
        let board = try compare(experiment, options: options)
        let compared = try logger.logCompare(board, experiment: experiment, options: options,
                                             context: RunContext(command: "compare", dataFile: file.path))
        lines.append("compare \(compared.runID) children \(compared.childRunIDs.joined(separator: ","))")

        let report = try train(experiment, modelID: "lr")
        let trained = try logger.logTrain(report.model, evaluation: report.holdout, fitSeconds: report.fitSeconds,
                                          context: RunContext(command: "train", dataFile: file.path),
                                          extraParameters: ["holdout": "0.3"])
        lines.append("train \(trained.runID)")

        var tuneOptions = TuneOptions(search: SearchOptions(method: .random, trials: 4, threadCount: 2))
        tuneOptions.metric = .accuracy
        let result = try tune(modelID: "lr", experiment: experiment, options: tuneOptions)
        let tuned = try logger.logTune(result, experiment: experiment, options: tuneOptions,
                                       context: RunContext(command: "tune", dataFile: file.path))
        lines.append("tune \(tuned.runID) children \(tuned.childRunIDs.joined(separator: ","))")

        try Data((lines.joined(separator: "\n") + "\n").utf8)
            .write(to: root.appendingPathComponent("library-runs.txt"))
    }
}
