import Foundation
import Testing
import TestSupport
@testable import AutoSwiftML

/// 120 rows: "label" (yes/no, 3 missing), "signal" separates the classes, "noise", "color", "id".
func syntheticClassification(seed: UInt64 = 1) throws -> DataTable {
    var rng = RandomStream(seed: seed)
    let n = 120
    var label: [String?] = [], signal: [Double?] = [], noise: [Double] = [], color: [String?] = []
    for i in 0..<n {
        let yes = rng.nextUniform() < 0.4
        label.append(i % 40 == 7 ? nil : (yes ? "yes" : "no"))
        signal.append(i % 9 == 4 ? nil : (yes ? 2 : 0) + rng.nextNormal())
        noise.append(rng.nextNormal())
        color.append(i % 11 == 5 ? nil : ["red", "green", "blue"][rng.nextInt(below: 3)])
    }
    return try makeTable([
        ("id", numeric((1...n).map(Double.init))), ("signal", numeric(signal)), ("noise", numeric(noise)),
        ("color", categorical(color)), ("label", categorical(label)),
    ])
}

func smallConfig(seed: UInt64 = 123, threads: Int = 1) -> ExperimentConfig {
    ExperimentConfig(seed: seed, folds: FoldConfig(count: 3), threadCount: threads)
}

@Suite("Experiment and compare")
struct CompareTests {
    @Test func experimentSplitsAndFolds() throws {
        let e = try Experiment(table: syntheticClassification(), targetColumn: "label", config: smallConfig())
        #expect(e.task == .binary)
        #expect(e.classNames == ["no", "yes"])
        #expect(e.droppedTargetRowCount == 3)
        #expect(e.trainTable.rowCount == 81)        // floor(0.7 × 117)
        #expect(e.holdoutTable.rowCount == 36)
        #expect(!e.trainTable.columnNames.contains("label"))
        #expect(Set(e.trainRows).isDisjoint(with: e.holdoutRows))
        #expect(e.folds.count == 3)
        #expect(e.folds.allSatisfy { $0.train.count + $0.validation.count == 81 })
    }

    @Test func unknownTargetListsTheColumns() throws {
        let table = try syntheticClassification()
        #expect { try Experiment(table: table, targetColumn: "Label") } throws: {
            "\($0)".contains("'Label'") && "\($0)".contains("id, signal, noise, color, label")
        }
    }

    @Test func leaderboardRanksModelsAndKeepsFailures() throws {
        let e = try Experiment(table: syntheticClassification(), targetColumn: "label", config: smallConfig())
        let board = try compare(e, models: testClassifiers)
        #expect(board.rows.map(\.modelID) == ["centroid", "coin", "boom"])
        #expect(board.sortMetric == .accuracy)
        #expect(board.metrics == Metric.leaderboardMetrics(for: .classification))
        let best = try #require(board.best)
        #expect((best.mean(.accuracy) ?? 0) > 0.75)
        #expect(best.score(.accuracy)?.folds.count == 3)
        #expect(best.mean(.auc) != nil)
        #expect(board.rows[1].mean(.auc) == nil)          // the coin gives no probabilities
        #expect(board.rows[2].error?.contains("boom: this model always fails") == true)
        #expect(board.rows[2].scores.isEmpty)
        let holdout = try #require(board.holdout)
        #expect(holdout.modelID == "centroid")
        #expect(holdout.scores.count == board.metrics.count)
        #expect((holdout.scores[0] ?? 0) > 0.7)
        #expect(board.droppedColumns == [DroppedColumn(name: "id", reason: .idLike)])
        #expect(board.droppedTargetRowCount == 3)
        #expect(board.notes.contains("Dropped 3 row(s) with a missing target 'label'."))
        #expect(board.notes.contains("Dropped column 'id': ID-like: every value distinct."))
        #expect(board.featureNames == ["signal", "noise", "color_blue", "color_green", "color_red"])
        #expect(board.trainRowCount == 81 && board.holdoutRowCount == 36 && board.foldCount == 3)
    }

    @Test func sameSeedGivesIdenticalJSONAndThreadsDoNotMatter() throws {
        let table = try syntheticClassification()
        let one = try compare(Experiment(table: table, targetColumn: "label", config: smallConfig(threads: 1)),
                              models: testClassifiers)
        let again = try compare(Experiment(table: table, targetColumn: "label", config: smallConfig(threads: 1)),
                                models: testClassifiers)
        let two = try compare(Experiment(table: table, targetColumn: "label", config: smallConfig(threads: 2)),
                              models: testClassifiers)
        let a = try one.jsonData(includingTimings: false)
        #expect(a == (try again.jsonData(includingTimings: false)))
        #expect(a == (try two.jsonData(includingTimings: false)))
        #expect(!String(decoding: a, as: UTF8.self).contains("fitSeconds"))
        #expect(String(decoding: try one.jsonData(), as: UTF8.self).contains("fitSeconds"))
        #expect(one.rows[0].fitSeconds != nil)
    }

    @Test func anotherSeedGivesOtherFolds() throws {
        let table = try syntheticClassification()
        let a = try Experiment(table: table, targetColumn: "label", config: smallConfig(seed: 123))
        let b = try Experiment(table: table, targetColumn: "label", config: smallConfig(seed: 124))
        #expect(a.trainRows != b.trainRows)
        #expect(a.folds != b.folds)
        let ja = try compare(a, models: testClassifiers).jsonData(includingTimings: false)
        let jb = try compare(b, models: testClassifiers).jsonData(includingTimings: false)
        #expect(ja != jb)
    }

    @Test func includeExcludeAndOptionErrors() throws {
        let e = try Experiment(table: syntheticClassification(), targetColumn: "label", config: smallConfig())
        let only = try compare(e, models: testClassifiers, options: CompareOptions(include: ["coin", "centroid"]))
        #expect(only.rows.map(\.modelID) == ["centroid", "coin"])
        let without = try compare(e, models: testClassifiers, options: CompareOptions(exclude: ["boom"], scoresHoldout: false))
        #expect(without.rows.count == 2)
        #expect(without.holdout == nil)
        #expect { try compare(e, models: testClassifiers, options: CompareOptions(include: ["rf"])) } throws: {
            "\($0)".contains("'rf'") && "\($0)".contains("coin, boom, centroid")
        }
        #expect(throws: MLError.self) { try compare(e, models: testClassifiers, options: CompareOptions(sortMetric: .r2)) }
        #expect(throws: MLError.self) { try compare(e, models: testClassifiers, options: CompareOptions(exclude: ["coin", "boom", "centroid"])) }
    }

    @Test func sortMetricDirectionAndTies() {
        func row(_ id: String, _ v: Double?, error: String? = nil) -> LeaderboardRow {
            LeaderboardRow(modelID: id, displayName: id,
                           scores: error == nil ? [MetricScore(metric: .mae, mean: v, standardDeviation: 0, folds: [v])] : [],
                           fitSeconds: nil, error: error)
        }
        let rows = [row("a", 2), row("fail", nil, error: "x"), row("b", 1), row("none", nil), row("c", 1)]
        #expect(rankRows(rows, by: .mae).map(\.modelID) == ["b", "c", "a", "none", "fail"])
        let r2 = rows.map { r in
            LeaderboardRow(modelID: r.modelID, displayName: r.displayName,
                           scores: r.scores.map { MetricScore(metric: .r2, mean: $0.mean, standardDeviation: 0, folds: $0.folds) },
                           fitSeconds: nil, error: r.error)
        }
        #expect(rankRows(r2, by: .r2).map(\.modelID) == ["a", "b", "c", "none", "fail"])
    }

    @Test func regressionCompareSortsByR2() throws {
        var rng = RandomStream(seed: 4)
        let n = 90
        let x = (0..<n).map { _ in rng.nextNormal() }
        let y = x.map { 3 * $0 + 1 + 0.1 * rng.nextNormal() }
        let table = try makeTable([("x", numeric(x)), ("z", numeric((0..<n).map { _ in rng.nextNormal() })), ("y", numeric(y))])
        let e = try Experiment(table: table, targetColumn: "y", config: smallConfig())
        #expect(e.task == .regression)
        let models = [ModelSpec(FirstFeatureRegressor.self, kind: .regression, capabilities: Capabilities())]
            + ModelRegistry.models(for: .regression)
        let board = try compare(e, models: models)
        #expect(board.sortMetric == .r2)
        #expect(board.rows.first?.modelID == "first")
        #expect((board.rows.first?.mean(.r2) ?? 0) > 0.99)
        #expect(board.metrics == Metric.leaderboardMetrics(for: .regression))
    }

    @Test func registryModelsRunThroughCompare() throws {
        let e = try Experiment(table: syntheticClassification(), targetColumn: "label", config: smallConfig())
        let board = try compare(e)
        #expect(!board.rows.isEmpty)
        #expect(board.rows.allSatisfy { $0.succeeded })
        #expect(board.rows.contains { $0.modelID == "dummy" })
    }

    @Test func leaderboardRoundTripsThroughJSON() throws {
        let e = try Experiment(table: syntheticClassification(), targetColumn: "label", config: smallConfig())
        let board = try compare(e, models: testClassifiers)
        let back = try JSONDecoder().decode(Leaderboard.self, from: board.jsonData())
        #expect(back == board)
    }
}
