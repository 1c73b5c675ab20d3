import Foundation
import Testing
import TestSupport
import AutoSwiftML

/// Files written by `ExperimentLogger` in MLflow's file-store layout. The layout and field values
/// follow what MLflow 3.17's own `FileStore` writes (see docs/experiment-log.md);
/// scripts/check-mlflow-log.sh reads the same files with MLflow's Python client.
@Suite("Experiment log (MLflow file store)")
struct ExperimentLogTests {
    /// A fresh, empty folder.
    static func temporaryFolder() throws -> URL {
        try makeTemporaryFolder("autoswiftml-mlflow")
    }

    /// Titanic with 3 stratified folds (the seed-123 defaults otherwise).
    static func titanicExperiment(folds: Int = 3) throws -> Experiment {
        var config = ExperimentConfig()
        config.folds.count = folds
        config.threadCount = 2
        let table = try CSVReader.readTable(at: RepositoryPaths.dataset("titanic.csv"))
        return try Experiment(table: table, targetColumn: "Survived", config: config)
    }

    static func text(_ url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    static func meta(_ folder: URL) throws -> [String: String] {
        MLflowYAML.parseFlatMapping(try text(folder.appendingPathComponent("meta.yaml")))
    }

    /// The run folders of an experiment folder (32 hex digits).
    static func runFolders(_ experiment: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(atPath: experiment.path)
            .filter { isRunID($0) }.sorted().map { experiment.appendingPathComponent($0) }
    }

    static func isRunID(_ s: String) -> Bool {
        s.count == 32 && s.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }

    /// The (timestamp, value, step) triples of a metric file; every line must have that form.
    static func metricLines(_ run: URL, _ key: String) throws -> [(Int64, Double, Int)] {
        let body = try text(run.appendingPathComponent("metrics").appendingPathComponent(key))
        #expect(body.hasSuffix("\n"))
        return try body.split(separator: "\n").map { line in
            let parts = line.split(separator: " ", omittingEmptySubsequences: false)
            #expect(parts.count == 3, "metric line '\(line)'")
            let ts = try #require(Int64(parts[0])), value = try #require(Double(parts[1])), step = try #require(Int(parts[2]))
            return (ts, value, step)
        }
    }

    @Test func compareWritesParentAndOneChildPerModel() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let experiment = try Self.titanicExperiment()
        let options = CompareOptions(include: ["lr", "dummy"])
        let board = try compare(experiment, options: options)
        let started = Date(timeIntervalSince1970: 1_764_072_000.25)   // a fixed start: the test must not read the clock
        var logger = try ExperimentLogger(directory: root, seed: 123)
        let logged = try logger.logCompare(board, experiment: experiment, options: options,
                                           context: RunContext(command: "compare", dataFile: RepositoryPaths.dataset("titanic.csv").path,
                                                               startTime: started, commandLine: ["automl", "compare", "x y.csv"], userID: "tester"))

        // Experiment 0, Default.
        #expect(logged.experimentID == "0")
        let exp = try Self.meta(root.appendingPathComponent("0"))
        #expect(exp["name"] == "Default")
        #expect(exp["experiment_id"] == "0")
        #expect(exp["lifecycle_stage"] == "active")
        #expect(exp["artifact_location"] == root.appendingPathComponent("0").standardizedFileURL.absoluteString.trimmingSlash)
        #expect(try Self.text(root.appendingPathComponent("0/meta.yaml")).contains("experiment_id: '0'\n"))

        // Three runs: the parent and two children.
        let runs = try Self.runFolders(root.appendingPathComponent("0"))
        #expect(runs.count == 3)
        #expect(Set(runs.map(\.lastPathComponent)) == Set([logged.runID] + logged.childRunIDs))

        // Parent meta.yaml.
        let parentDir = root.appendingPathComponent("0").appendingPathComponent(logged.runID)
        let parentMetaText = try Self.text(parentDir.appendingPathComponent("meta.yaml"))
        let pm = MLflowYAML.parseFlatMapping(parentMetaText)
        #expect(pm["run_id"] == logged.runID)
        #expect(pm["run_name"] == "compare")
        #expect(pm["experiment_id"] == "0")
        #expect(parentMetaText.contains("experiment_id: '0'\n"))
        #expect(pm["status"] == "3")
        #expect(pm["lifecycle_stage"] == "active")
        #expect(pm["source_type"] == "4")
        #expect(pm["user_id"] == "tester")
        #expect(pm["tags"] == "[]")
        #expect(pm["artifact_uri"] == parentDir.appendingPathComponent("artifacts").standardizedFileURL.absoluteString.trimmingSlash)
        let start = try #require(pm["start_time"].flatMap { Int64($0) })
        let end = try #require(pm["end_time"].flatMap { Int64($0) })
        #expect(start == ExperimentLogger.milliseconds(started))
        #expect(end >= start)

        // Parent params and tags.
        func param(_ run: URL, _ key: String) throws -> String { try Self.text(run.appendingPathComponent("params").appendingPathComponent(key)) }
        func tag(_ run: URL, _ key: String) throws -> String { try Self.text(run.appendingPathComponent("tags").appendingPathComponent(key)) }
        #expect(try param(parentDir, "command") == "compare")
        #expect(try param(parentDir, "target") == "Survived")
        #expect(try param(parentDir, "task") == "binary")
        #expect(try param(parentDir, "seed") == "123")
        #expect(try param(parentDir, "folds") == "3")
        #expect(try param(parentDir, "models") == "lr,dummy")
        #expect(try param(parentDir, "sort_metric") == "accuracy")
        #expect(try param(parentDir, "preprocessing.scaling") == "none")
        #expect(try param(parentDir, "preprocessing.numericImputation") == "mean")
        #expect(try param(parentDir, "file").hasSuffix("datasets/titanic.csv"))
        #expect(try tag(parentDir, "mlflow.runName") == "compare")
        #expect(try tag(parentDir, "mlflow.source.name") == "automl compare")
        #expect(try tag(parentDir, "mlflow.source.type") == "LOCAL")
        #expect(try tag(parentDir, "mlflow.user") == "tester")
        #expect(try tag(parentDir, "automl.commandLine") == "automl compare 'x y.csv'")
        #expect(try tag(parentDir, "automl.bestModel") == board.best?.modelID)
        #expect(try tag(parentDir, "automl.file.sha256").count == 64)
        let holdout = try Self.metricLines(parentDir, "holdout_accuracy")
        #expect(holdout.count == 1 && holdout[0].1 == board.holdout?.scores[0] && holdout[0].2 == 0)
        #expect(holdout[0].0 == end)
        let leaderboard = try JSONDecoder().decode(Leaderboard.self, from: Data(contentsOf: parentDir.appendingPathComponent("artifacts/leaderboard.json")))
        #expect(leaderboard.withoutTimings == board.withoutTimings)

        // Children: parent pointer, per-fold metrics as steps, means, hyperparameters.
        for (rank, row) in board.rows.enumerated() {
            let childDir = parentDir.deletingLastPathComponent().appendingPathComponent(logged.childRunIDs[rank])
            let cm = try Self.meta(childDir)
            #expect(cm["run_name"] == row.modelID)
            #expect(cm["status"] == "3")
            #expect(try tag(childDir, "mlflow.parentRunId") == logged.runID)
            #expect(try tag(childDir, "mlflow.runName") == row.modelID)
            #expect(try tag(childDir, "automl.rank") == String(rank + 1))
            #expect(try param(childDir, "model_id") == row.modelID)
            #expect(try param(childDir, "model_name") == row.displayName)
            let accuracy = try Self.metricLines(childDir, "accuracy")
            #expect(accuracy.map(\.2) == [0, 1, 2])
            #expect(accuracy.map(\.1) == row.score(.accuracy)?.folds.compactMap { $0 })
            let mean = try Self.metricLines(childDir, "accuracy_mean")
            #expect(mean.count == 1 && mean[0].1 == row.mean(.accuracy))
            #expect(try Self.metricLines(childDir, "auc").count == 3)
            #expect(try Self.metricLines(childDir, "accuracy_std").count == 1)
            #expect(try Self.metricLines(childDir, "fit_seconds").count == 1)
            let spec = try #require(ModelRegistry.spec(id: row.modelID, kind: .classification))
            for (key, value) in try spec.defaultHyperparameters() where !value.isObject {
                #expect(try param(childDir, key) == LoggedParameters.text(value), "\(row.modelID).\(key)")
            }
        }
    }

    @Test func trainRunCarriesHoldoutMetricsAndTheModelFile() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let experiment = try Self.titanicExperiment(folds: 2)
        let report = try train(experiment, modelID: "lr")
        var logger = try ExperimentLogger(directory: root, experimentName: "titanic", seed: 123)
        let logged = try logger.logTrain(report.model, evaluation: report.holdout, fitSeconds: report.fitSeconds,
                                         context: RunContext(command: "train", dataFile: "titanic.csv"),
                                         extraParameters: ["holdout": "0.3"])
        #expect(logged.experimentID == "1")
        #expect(logged.childRunIDs.isEmpty)
        let dir = logged.directory
        #expect(try Self.meta(dir)["run_name"] == "train lr")
        #expect(try Self.meta(dir)["experiment_id"] == "1")
        let accuracy = try Self.metricLines(dir, "holdout_accuracy")
        #expect(accuracy.count == 1 && accuracy[0].1 == report.holdout?.score(.accuracy))
        #expect(try Self.text(dir.appendingPathComponent("params/model_id")) == "lr")
        #expect(try Self.text(dir.appendingPathComponent("params/holdout")) == "0.3")
        #expect(try Self.text(dir.appendingPathComponent("params/evaluated_on")) == "holdout")
        let model = try ModelFile.decode(Data(contentsOf: dir.appendingPathComponent("artifacts/model/model.json")))
        #expect(model.entry.id == "lr")
        #expect(model.fingerprint == report.model.fingerprint)
    }

    /// A `tune` run: one child per trial, the history and summary as artifacts, and with
    /// `savedModel` (`tune --save`) that file's bytes as `model/model.json`.
    @Test func tuneRunCarriesTheTrialsAndTheSavedModelFile() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let experiment = try Self.titanicExperiment(folds: 2)
        let options = TuneOptions(search: SearchOptions(method: .random, trials: 3, threadCount: 1))
        let result = try tune(modelID: "lr", experiment: experiment, options: options)
        let saved = root.appendingPathComponent("tuned.json")
        try ModelFile.save(try finalize(experiment, estimator: result.bestEstimator), to: saved)
        var logger = try ExperimentLogger(directory: root, experimentName: "titanic", seed: 123)
        let logged = try logger.logTune(result, experiment: experiment, options: options,
                                        context: RunContext(command: "tune", dataFile: "titanic.csv"), savedModel: saved)
        #expect(logged.childRunIDs.count == 3)
        let dir = logged.directory
        #expect(try Self.meta(dir)["run_name"] == "tune lr")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("artifacts/tune_history.csv").path))
        #expect(try Data(contentsOf: dir.appendingPathComponent("artifacts/model/model.json")) == Data(contentsOf: saved))

        let unsaved = try logger.logTune(result, experiment: experiment, options: options,
                                         context: RunContext(command: "tune", dataFile: "titanic.csv"))
        #expect(!FileManager.default.fileExists(atPath: unsaved.directory.appendingPathComponent("artifacts/model/model.json").path))
    }

    @Test func experimentsAreReusedByName() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = MLflowFileStore(root: root)
        #expect(try store.experimentID(named: "titanic", now: 1) == "1")
        #expect(try store.experimentID(named: "titanic", now: 2) == "1")
        #expect(try store.experimentID(named: nil, now: 3) == "0")
        #expect(try store.experimentID(named: "Default", now: 3) == "0")
        #expect(try store.experimentID(named: "penguins: it's odd", now: 4) == "2")
        #expect(try store.experimentID(named: "penguins: it's odd", now: 5) == "2")
        #expect(try store.experiments().map(\.name) == ["Default", "titanic", "penguins: it's odd"])
        #expect(try Self.meta(root.appendingPathComponent("1"))["creation_time"] == "1")

        // An experiment MLflow made (large random ID, long name folded by PyYAML) is found by name.
        let made = root.appendingPathComponent("347581165152523517")
        try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true)
        try Data("""
        artifact_location: file://\(made.path)
        creation_time: 1795618161194
        experiment_id: '347581165152523517'
        last_update_time: 1795618161194
        lifecycle_stage: active
        name: a very long experiment name a very long experiment name a very long experiment
          name made by mlflow
        workspace: default

        """.utf8).write(to: made.appendingPathComponent("meta.yaml"))
        let longName = "a very long experiment name a very long experiment name a very long experiment name made by mlflow"
        #expect(try store.experimentID(named: longName, now: 6) == "347581165152523517")
        // A deleted experiment is not reused.
        let deleted = root.appendingPathComponent("7")
        try FileManager.default.createDirectory(at: deleted, withIntermediateDirectories: true)
        try Data("experiment_id: '7'\nlifecycle_stage: deleted\nname: gone\n".utf8).write(to: deleted.appendingPathComponent("meta.yaml"))
        #expect(try store.experimentID(named: "gone", now: 7) == "347581165152523518")
        #expect(throws: ExperimentLogError.self) { try store.experimentID(named: "  ", now: 8) }
    }

    @Test func failedRunsAndOddKeysAndValues() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = MLflowFileStore(root: root)
        let id = try store.experimentID(named: "odd", now: 10)
        var run = MLflowRunRecord(runID: String(repeating: "ab", count: 16), experimentID: id, name: "it's: a\nrun",
                                  userID: "u", startTime: 100, endTime: 250, status: .failed)
        run.params["a/b:c"] = "x"
        run.params[".."] = String(repeating: "v", count: 7000)
        run.tags["note"] = "multi\nline"
        run.addMetric("loss", 0.5, step: 0)
        run.addMetric("loss", .nan, step: 1)
        run.addMetric("loss", nil, step: 1)
        run.addMetric("loss", 1e-7, step: 2)
        run.artifacts.append(MLflowArtifact(path: "sub/dir/f.txt", data: Data("hi".utf8)))
        try store.write(run)
        let dir = store.runDirectory(experimentID: id, runID: run.runID)
        let meta = try Self.meta(dir)
        #expect(meta["status"] == "4")
        #expect(meta["end_time"] == "250")
        #expect(meta["run_name"] == "it's: a\nrun")
        #expect(try Self.text(dir.appendingPathComponent("params/a_b_c")) == "x")
        #expect(try Self.text(dir.appendingPathComponent("params/_")).count == MLflowFileStore.maxParamValueLength)
        #expect(try Self.text(dir.appendingPathComponent("tags/note")) == "multi\nline")
        #expect(try Self.text(dir.appendingPathComponent("tags/mlflow.runName")) == "it's: a\nrun")
        #expect(try Self.text(dir.appendingPathComponent("metrics/loss")) == "250 0.5 0\n250 1e-07 2\n")
        #expect(try Self.text(dir.appendingPathComponent("artifacts/sub/dir/f.txt")) == "hi")
        #expect(MLflowFileStore.safeKey("ok key-1.x_y") == "ok key-1.x_y")
        #expect(MLflowFileStore.safeKey("é/θ") == "___")
        #expect(MLflowFileStore.safeKey(".") == "_")
        // Reserving an existing run folder fails, so a clash picks another ID.
        #expect(try store.reserveRun(experimentID: id, runID: run.runID) == false)
    }

    @Test func runIDsAre32HexDigitsAndDependOnlyOnSeedClockAndProcess() {
        var a = RunIDGenerator(seed: 123, clockNanoseconds: 42, processID: 7)
        var b = RunIDGenerator(seed: 123, clockNanoseconds: 42, processID: 7)
        var c = RunIDGenerator(seed: 123, clockNanoseconds: 43, processID: 7)
        let ids = (0..<5).map { _ in a.next() }
        #expect(ids == (0..<5).map { _ in b.next() })
        #expect(Set(ids).count == 5)
        #expect(c.next() != ids[0])
        #expect(ids.allSatisfy(Self.isRunID))
    }

    @Test func flattenedParametersUseDotsForNestedKeys() {
        let json = JSONValue.object(["a": .integer(1), "b": .object(["c": .bool(true), "d": .null]),
                                     "e": .array([.integer(1), .integer(2)]), "f": .number(0.5), "g": .string("x y")])
        #expect(LoggedParameters.flatten(json, prefix: "p.") == ["p.a": "1", "p.b.c": "true", "p.b.d": "null",
                                                                  "p.e": "[1,2]", "p.f": "0.5", "p.g": "x y"])
        let config = JSONValue.object(["numericImputation": .object(["mean": .object([:])]),
                                       "fill": .object(["constant": .object(["_0": .number(1.5)])]),
                                       "pair": .object(["range": .object(["_1": .integer(9), "_0": .integer(2)])]),
                                       "none": .object([:])])
        #expect(LoggedParameters.flatten(config) == ["numericImputation": "mean", "fill": "constant(1.5)",
                                                     "pair": "range(2, 9)", "none": "{}"])
        // One setting at the top stays a setting, also under a prefix.
        #expect(LoggedParameters.flatten(.object(["mode": .object([:])]), prefix: "p.") == ["p.mode": "{}"])
        #expect(LoggedParameters.merging(["seed": "1"], ["seed": "2", "c": "3"]) == ["seed": "1", "model.seed": "2", "c": "3"])
    }
}

extension JSONValue {
    /// True for a JSON object (flattened into dotted keys, not one parameter).
    var isObject: Bool { if case .object = self { return true } else { return false } }
}

extension String {
    /// The text without one trailing `/`.
    var trimmingSlash: String { hasSuffix("/") ? String(dropLast()) : self }
}
