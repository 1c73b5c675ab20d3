import Foundation
import Testing
import TestSupport
@testable import AutoSwiftML

/// Sleeps in 10 ms steps for about 2 s, checking `data.interruption` each step: a slow model that
/// stops as soon as a time limit passes.
struct SleepyClassifier: Estimator {
    static let id = "sleepy"
    static let displayName = "Sleepy Classifier"
    static let supportedTasks: Set<Task> = [.binary, .multiclass]
    static let constraints: [ParameterConstraint<SleepyClassifier>] = []
    init() {}
    typealias Model = CentroidClassifier.Model
    func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        for _ in 0..<200 {
            try data.interruption?.check()
            usleep(10_000)
        }
        return try CentroidClassifier().fit(data, using: &rng)
    }
}

/// Fails unless its sample weights are scikit-learn's balanced weights of its training target.
struct BalancedWeightChecker: Estimator {
    static let id = "weights"
    static let displayName = "Balanced Weight Checker"
    static let supportedTasks: Set<Task> = [.binary, .multiclass]
    static let constraints: [ParameterConstraint<BalancedWeightChecker>] = []
    init() {}
    typealias Model = CentroidClassifier.Model
    func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        guard case let .classes(y, _) = data.target, let w = data.sampleWeights else {
            throw MLError.invalidInput("no sample weights")
        }
        var counts: [Int32: Double] = [:]
        for c in y { counts[c, default: 0] += 1 }
        for (i, c) in y.enumerated() {
            let expected = Double(y.count) / (Double(counts.count) * (counts[c] ?? 1))
            guard abs(w[i] - expected) < 1e-12 else { throw MLError.invalidInput("weight \(w[i]) ≠ \(expected)") }
        }
        return try CentroidClassifier().fit(data, using: &rng)
    }
}

/// 60 rows in 12 groups of 5 ("g"), a signal column and a binary label; rows are in time order.
func groupedTable() throws -> DataTable {
    var rng = RandomStream(seed: 9)
    var g: [String?] = [], x: [Double] = [], label: [String?] = []
    for i in 0..<60 {
        let yes = i % 3 == 0
        g.append("g\(i % 12)")
        x.append((yes ? 2 : 0) + rng.nextNormal())
        label.append(yes ? "yes" : "no")
    }
    return try makeTable([("g", categorical(g)), ("x", numeric(x)), ("label", categorical(label))])
}

@Suite("Compare options: folds, holdout-only, weights, selection")
struct CompareOptionsTests {
    @Test func groupFoldsNeverSplitAGroup() throws {
        let table = try groupedTable()
        var config = smallConfig()
        config.folds = FoldConfig(count: 3, strategy: .group, groupColumn: "g")
        let e = try Experiment(table: table, targetColumn: "label", config: config)
        #expect(!e.trainTable.columnNames.contains("g"))
        guard case let .categorical(codes, _) = try #require(table.column(named: "g")).data else {
            Issue.record("g is categorical"); return
        }
        let trainGroups = e.trainRows.map { codes[$0] }
        #expect(Set(trainGroups).isDisjoint(with: Set(e.holdoutRows.map { codes[$0] })))
        for fold in e.folds {
            #expect(Set(fold.train.map { trainGroups[$0] }).isDisjoint(with: Set(fold.validation.map { trainGroups[$0] })))
        }
        #expect(Set(e.folds.flatMap(\.validation)).count == e.trainTable.rowCount)
        let board = try compare(e, models: testClassifiers)
        #expect(board.best != nil)
    }

    @Test func groupKFoldBalancesAndValidates() throws {
        let folds = try GroupKFold(foldCount: 2).folds(groups: ["a", "a", "a", "b", "b", "c", "d"])
        // a (3 rows) → fold 0, b (2) → fold 1, c (1) → fold 1 (lighter), d (1) → fold 0 (tie: lowest)
        #expect(folds[0].validation == [0, 1, 2, 6])
        #expect(folds[1].validation == [3, 4, 5])
        #expect(throws: MLError.self) { try GroupKFold(foldCount: 3).folds(groups: ["a", "a", "b"]) }
        var config = smallConfig()
        config.folds = FoldConfig(count: 3, strategy: .group)
        #expect { try Experiment(table: groupedTable(), targetColumn: "label", config: config) } throws: {
            "\($0)".contains("group column")
        }
        config.folds.groupColumn = "nope"
        #expect { try Experiment(table: groupedTable(), targetColumn: "label", config: config) } throws: {
            "\($0)".contains("'nope'")
        }
    }

    @Test func timeSeriesFoldsTrainBeforeValidation() throws {
        // scikit-learn: TimeSeriesSplit(n_splits=3).split(range(10)) →
        // train [0..3] test [4,5]; train [0..5] test [6,7]; train [0..7] test [8,9]
        let folds = try TimeSeriesSplit(foldCount: 3).folds(rowCount: 10)
        #expect(folds.map(\.train) == [Array(0..<4), Array(0..<6), Array(0..<8)])
        #expect(folds.map(\.validation) == [[4, 5], [6, 7], [8, 9]])
        var config = smallConfig()
        config.folds = FoldConfig(count: 3, strategy: .timeSeries)
        let e = try Experiment(table: groupedTable(), targetColumn: "label", config: config)
        #expect(e.trainRows == Array(0..<42))
        #expect(e.holdoutRows == Array(42..<60))
        for fold in e.folds {
            #expect((fold.train.max() ?? -1) < (fold.validation.min() ?? 0))
        }
    }

    @Test func holdoutOnlyLeaderboard() throws {
        let e = try Experiment(table: syntheticClassification(), targetColumn: "label", config: smallConfig())
        var options = CompareOptions(crossValidates: false)
        options.selectCount = 2
        let result = try compareModels(e, models: testClassifiers, options: options)
        let board = result.leaderboard
        #expect(board.isHoldoutOnly == true)
        #expect(board.foldCount == 0)
        #expect(board.holdout == nil)
        let best = try #require(board.best)
        #expect(best.modelID == "centroid")
        #expect(best.score(.accuracy)?.folds.count == 1)
        // The row is the holdout score of the model fitted on the whole training part.
        let selected = try #require(result.selected.first)
        #expect(selected.spec.id == "centroid")
        let x = try selected.pipeline.transform(e.holdoutTable)
        let direct = try predictAndScore(selected.model, features: x, truth: e.holdoutTarget, metrics: [.accuracy])
        #expect(direct[0] == best.mean(.accuracy))
        #expect(result.selected.map(\.spec.id) == ["centroid", "coin"])
    }

    @Test func selectedModelsAreRefittedTopRows() throws {
        let e = try Experiment(table: syntheticClassification(), targetColumn: "label", config: smallConfig())
        let result = try compareModels(e, models: testClassifiers, options: CompareOptions(selectCount: 3))
        #expect(result.selected.map(\.spec.id) == ["centroid", "coin"])    // boom failed
        let holdout = try #require(result.leaderboard.holdout)
        let x = try result.selected[0].pipeline.transform(e.holdoutTable)
        let scores = try predictAndScore(result.selected[0].model, features: x, truth: e.holdoutTarget,
                                         metrics: result.leaderboard.metrics)
        #expect(scores == holdout.scores)
        // Adding selection does not change the leaderboard.
        let plain = try compare(e, models: testClassifiers)
        #expect(try plain.jsonData(includingTimings: false) == result.leaderboard.jsonData(includingTimings: false))
        #expect(throws: MLError.self) { try compareModels(e, models: testClassifiers, options: CompareOptions(selectCount: -1)) }
    }

    @Test func balancedWeightsAreScikitLearns() throws {
        let expected: [Double] = [4.0 / 6, 4.0 / 6, 4.0 / 6, 2]
        #expect(balancedSampleWeights(classes: [0, 0, 0, 1]) == expected)
        let e = try Experiment(table: syntheticClassification(), targetColumn: "label", config: smallConfig())
        let specs = [ModelSpec(BalancedWeightChecker.self, kind: .classification,
                               capabilities: Capabilities(supportsSampleWeights: true)),
                     ModelSpec(CentroidClassifier.self, kind: .classification, capabilities: Capabilities())]
        let weighted = try compare(e, models: specs, options: CompareOptions(classWeights: .balanced))
        #expect(weighted.rows.allSatisfy { $0.succeeded })
        #expect(weighted.notes.contains { $0.contains("ignored") && $0.contains("centroid") })
        let plain = try compare(e, models: specs)
        #expect(plain.rows.first { $0.modelID == "weights" }?.succeeded == false)
    }

    @Test func balancedWeightsChangeAWeightedModel() throws {
        var rng = RandomStream(seed: 4)
        var x: [Double] = [], label: [String?] = []
        for i in 0..<90 {
            let yes = i % 6 == 0                        // 1 in 6: imbalanced
            x.append((yes ? 1 : 0) + 1.2 * rng.nextNormal())
            label.append(yes ? "yes" : "no")
        }
        let table = try makeTable([("x", numeric(x)), ("label", categorical(label))])
        let e = try Experiment(table: table, targetColumn: "label", config: smallConfig())
        let lr = ModelRegistry.models(for: .classification).filter { $0.id == "lr" }
        let plain = try compare(e, models: lr, options: CompareOptions(scoresHoldout: false))
        let weighted = try compare(e, models: lr, options: CompareOptions(scoresHoldout: false, classWeights: .balanced))
        let a = try #require(plain.rows.first?.mean(.recall)), b = try #require(weighted.rows.first?.mean(.recall))
        #expect(b > a)                                   // balancing finds more of the rare class
    }

    @Test func classWeightsNeedClassification() throws {
        let e = try Experiment(table: syntheticClassification(), targetColumn: "noise", config: smallConfig())
        #expect { try compare(e, options: CompareOptions(classWeights: .balanced)) } throws: {
            "\($0)".contains("classification")
        }
    }
}

@Suite("Compare time limits")
struct CompareBudgetTests {
    @Test func interruptionChecks() throws {
        let free = Interruption(seconds: nil, reason: "time budget")
        try free.check()
        free.cancel()
        #expect(throws: MLError.budgetExceeded("time budget (cancelled)")) { try free.check() }
        let parent = Interruption(seconds: 0, reason: "time budget")
        let child = Interruption(seconds: 100, reason: "model timeout", parent: parent)
        #expect(throws: MLError.budgetExceeded("time budget")) { try child.check() }
        #expect(Interruption.current == nil)
        child.bind { #expect(Interruption.current === child) }
    }

    @Test func tinyBudgetCutsAndSkips() throws {
        let e = try Experiment(table: syntheticClassification(), targetColumn: "label", config: smallConfig())
        let sleepy = ModelSpec(SleepyClassifier.self, kind: .classification, capabilities: Capabilities())
        let specs = [sleepy] + testClassifiers
        let board = try compare(e, models: specs, options: CompareOptions(budgetSeconds: 1.0))
        #expect(board.cutModels == ["sleepy"])
        #expect(board.skippedModels == ["coin", "boom", "centroid"])
        #expect(board.rows.first { $0.modelID == "sleepy" }?.error == "cut: time budget")
        #expect(board.rows.first { $0.modelID == "coin" }?.error == "skipped: time budget")
        #expect(board.notes.contains { $0.hasPrefix("Skipped") && $0.contains("coin") })
        #expect(board.holdout == nil)
    }

    @Test func modelTimeoutCutsOnlyThatModel() throws {
        let e = try Experiment(table: syntheticClassification(), targetColumn: "label", config: smallConfig())
        let sleepy = ModelSpec(SleepyClassifier.self, kind: .classification, capabilities: Capabilities())
        let board = try compare(e, models: [sleepy] + testClassifiers,
                                options: CompareOptions(modelTimeoutSeconds: 0.2))
        #expect(board.cutModels == ["sleepy"])
        #expect(board.skippedModels == nil)
        #expect(board.rows.first { $0.modelID == "sleepy" }?.error == "cut: model timeout (0.2 s)")
        #expect(board.best?.modelID == "centroid")
    }

    @Test func mlpIsCutMidFitByItsTimeout() throws {
        // Would run 10⁶ epochs; the per-epoch check inside MLPTrainer stops it.
        var mlp = MLPClassifier()
        mlp.maxIterations = 1_000_000
        mlp.tolerance = 0
        mlp.iterationsWithoutChange = 1_000_000
        mlp.hiddenLayerSizes = [4]
        let x = try Matrix(rowCount: 4, columnCount: 1, columnMajor: [0, 1, 2, 3])
        let cancelled = Interruption(seconds: nil, reason: "test")
        cancelled.cancel()
        var rng = RandomStream(seed: 1)
        let data = TrainingData(features: x, target: .classes(indices: [0, 0, 1, 1], names: ["a", "b"]),
                                interruption: cancelled)
        #expect(throws: MLError.budgetExceeded("test (cancelled)")) { try mlp.fit(data, using: &rng) }

        let e = try Experiment(table: syntheticClassification(), targetColumn: "label", config: smallConfig())
        let tuned = mlp
        let spec = ModelSpec(MLPClassifier.self, kind: .classification, capabilities: Capabilities(),
                             make: { tuned })
        let board = try compare(e, models: [spec], options: CompareOptions(modelTimeoutSeconds: 0.5))
        #expect(board.cutModels == ["mlp"])
        #expect(board.rows[0].error == "cut: model timeout (0.5 s)")
    }

    @Test func noBudgetIsDeterministic() throws {
        let e = try Experiment(table: syntheticClassification(), targetColumn: "label", config: smallConfig())
        let a = try compare(e, models: testClassifiers)
        let b = try compare(e, models: testClassifiers, options: CompareOptions(budgetSeconds: 3600, modelTimeoutSeconds: 3600))
        #expect(try a.jsonData(includingTimings: false) == b.jsonData(includingTimings: false))
        #expect(a.cutModels == nil && a.skippedModels == nil)
    }
}

@Suite("Compare memory guard")
struct CompareMemoryGuardTests {
    /// 60 rows: a 12-level and a 4-level categorical, a number, a binary label.
    func wideTable() throws -> DataTable {
        var rng = RandomStream(seed: 3)
        var wide: [String?] = [], narrow: [String?] = [], x: [Double] = [], label: [String?] = []
        for i in 0..<60 {
            wide.append("w\(i % 12)")
            narrow.append("n\(i % 4)")
            x.append(rng.nextNormal())
            label.append(i % 2 == 0 ? "yes" : "no")
        }
        return try makeTable([("wide", categorical(wide)), ("narrow", categorical(narrow)), ("x", numeric(x)),
                              ("label", categorical(label))])
    }

    @Test func estimateCountsOneHotLevels() throws {
        let e = try Experiment(table: wideTable(), targetColumn: "label", config: smallConfig())
        let est = MemoryGuard.estimate(table: e.trainTable, preprocessing: e.config.preprocessing, classCount: 2,
                                       matrixCount: 5)
        #expect(est.featureCount == 12 + 4 + 1)
        #expect(est.bytes == e.trainTable.rowCount * 17 * 8 * 5)
        #expect(est.oneHotColumns.map(\.name) == ["wide", "narrow"])
    }

    @Test func switchesWideColumnsToTargetEncoding() throws {
        let e = try Experiment(table: wideTable(), targetColumn: "label", config: smallConfig())
        let rows = e.trainTable.rowCount
        // Room for 4 + 1 + 1 = 6 features × (3 folds + 2) matrices: only 'wide' must switch.
        let limit = rows * 6 * 8 * 5
        let board = try compare(e, models: testClassifiers, options: CompareOptions(memoryLimitBytes: limit))
        #expect(board.notes.contains { $0.hasPrefix("Memory guard") && $0.contains("wide") && !$0.contains("narrow") })
        #expect(board.featureNames.contains("wide"))
        #expect(board.featureNames.contains { $0.hasPrefix("narrow_") })
        let unguarded = try compare(e, models: testClassifiers)
        #expect(!unguarded.notes.contains { $0.hasPrefix("Memory guard") })
    }

    @Test func refusesWhenNothingFits() throws {
        let e = try Experiment(table: wideTable(), targetColumn: "label", config: smallConfig())
        #expect { try compare(e, models: testClassifiers, options: CompareOptions(memoryLimitBytes: 100)) } throws: {
            "\($0)".contains("memory limit") && "\($0)".contains("'wide' (12 levels)")
        }
    }
}

@Suite("Compare resume log")
struct CompareResumeTests {
    func temporaryDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("compare-resume-\(UUID().uuidString)").path
    }

    @Test func rerunReadsCellsBackAndGivesTheSameLeaderboard() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let e = try Experiment(table: syntheticClassification(), targetColumn: "label", config: smallConfig())
        let options = CompareOptions(outputDirectory: dir)
        let first = try compareModels(e, models: testClassifiers, options: options)
        #expect(first.reusedCellCount == 0)
        #expect(first.fittedCellCount == 9)
        let log = dir + "/cells.jsonl"
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1 + 6)                       // header + the 6 finished cells (boom fails)
        #expect(lines[0].contains("\"run\""))

        let second = try compareModels(e, models: testClassifiers, options: options)
        #expect(second.reusedCellCount == 6)
        #expect(second.fittedCellCount == 3)                // only the failing model runs again
        #expect(second.logNote?.hasPrefix("Resumed") == true)
        #expect(try first.leaderboard.jsonData(includingTimings: false) == second.leaderboard.jsonData(includingTimings: false))
        #expect(try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").count == 7)
        // Without an output directory the result is the same too.
        let plain = try compare(e, models: testClassifiers)
        #expect(try plain.jsonData(includingTimings: false) == second.leaderboard.jsonData(includingTimings: false))
    }

    @Test func truncatedLastLineIsIgnored() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let e = try Experiment(table: syntheticClassification(), targetColumn: "label", config: smallConfig())
        let models = [testClassifiers[2]]                  // centroid: 3 cells
        let first = try compare(e, models: models, options: CompareOptions(outputDirectory: dir))
        let log = dir + "/cells.jsonl"
        var text = try String(contentsOfFile: log, encoding: .utf8)
        text.removeLast(20)                                 // a crash in the middle of the last line
        try text.write(toFile: log, atomically: true, encoding: .utf8)
        let second = try compareModels(e, models: models, options: CompareOptions(outputDirectory: dir))
        #expect(second.reusedCellCount == 2)
        #expect(second.fittedCellCount == 1)
        #expect(try first.jsonData(includingTimings: false) == second.leaderboard.jsonData(includingTimings: false))
        let third = try compareModels(e, models: models, options: CompareOptions(outputDirectory: dir))
        #expect(third.reusedCellCount == 3)
        #expect(third.fittedCellCount == 0)
    }

    @Test func differentRunMovesTheOldLogAside() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let e = try Experiment(table: syntheticClassification(), targetColumn: "label", config: smallConfig())
        _ = try compare(e, models: testClassifiers, options: CompareOptions(outputDirectory: dir))
        let other = try Experiment(table: syntheticClassification(), targetColumn: "label", config: smallConfig(seed: 7))
        let r = try compareModels(other, models: testClassifiers, options: CompareOptions(outputDirectory: dir))
        #expect(r.reusedCellCount == 0)
        #expect(r.logNote?.contains("cells.previous-1.jsonl") == true)
        #expect(FileManager.default.fileExists(atPath: dir + "/cells.previous-1.jsonl"))
    }
}

/// Collects progress reports from worker threads.
final class ProgressRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [CompareProgress] = []
    func add(_ p: CompareProgress) { lock.lock(); items.append(p); lock.unlock() }
    var reports: [CompareProgress] { lock.lock(); defer { lock.unlock() }; return items }
}

@Suite("Compare interruption inside models and progress")
struct CompareInterruptionTests {
    @Test func linearSolverStopsAtTheBoundInterruption() throws {
        var rng = RandomStream(seed: 2)
        let x = try Matrix(rowCount: 40, columnCount: 1, columnMajor: (0..<40).map { Double($0) / 10 + rng.nextNormal() })
        let y: [Int32] = (0..<40).map { $0 < 20 ? 0 : 1 }
        let data = TrainingData(features: x, target: .classes(indices: y, names: ["a", "b"]))
        let stopped = Interruption(seconds: nil, reason: "test")
        stopped.cancel()
        var r1 = RandomStream(seed: 1), r2 = RandomStream(seed: 1)
        let cut = try stopped.bind { try LogisticRegression().fit(data, using: &r1) }
        let full = try LogisticRegression().fit(data, using: &r2)
        let p = try cut.predictProbabilities(x)
        #expect(p.storage.allSatisfy { abs($0 - 0.5) < 1e-12 })      // L-BFGS never moved from zero
        #expect(try full.predictProbabilities(x).storage != p.storage)
    }

    @Test func progressIsReportedPerCellModelMajor() throws {
        let e = try Experiment(table: syntheticClassification(), targetColumn: "label", config: smallConfig())
        let recorder = ProgressRecorder()
        _ = try compareModels(e, models: testClassifiers, progress: { recorder.add($0) })
        let reports = recorder.reports
        #expect(reports.count == 9)
        #expect(reports.map(\.modelID) == ["coin", "coin", "coin", "boom", "boom", "boom", "centroid", "centroid", "centroid"])
        #expect(reports.map(\.foldIndex) == [0, 1, 2, 0, 1, 2, 0, 1, 2])
        #expect(reports.map(\.finishedCells) == Array(0..<9))
        #expect(reports[0].estimatedSecondsRemaining == nil)
        #expect(reports[1].estimatedSecondsRemaining != nil)
    }
}
