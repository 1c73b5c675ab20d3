import Foundation
import Testing
import TestSupport
@testable import AutoSwiftML

/// A 60-row table: "x" numeric with gaps, "c" 3 levels, "h" 30 levels (target encoded), "b" boolean.
func leakTable(extremeRows: Set<Int> = []) throws -> (DataTable, Target) {
    let n = 60
    var x: [Double?] = [], c: [String?] = [], h: [String?] = [], b: [Bool] = [], y: [Int32] = []
    for i in 0..<n {
        let extreme = extremeRows.contains(i)
        x.append(extreme ? 1e6 + Double(i) : (i % 7 == 3 ? nil : Double((i * 37) % 11)))
        c.append(extreme ? "LEAK-c\(i)" : ["a", "b", "c"][i % 3])
        h.append(extreme ? "LEAK-h\(i)" : "h\((i * 13) % 30)")
        b.append(extreme ? true : i % 4 == 0)
        y.append(extreme ? 1 : Int32((i / 2) % 2))
    }
    let table = try makeTable([
        ("x", numeric(x)), ("c", categorical(c)), ("h", categorical(h)),
        ("b", .boolean(values: b, missing: b.map { _ in false })),
    ])
    return (table, .classes(indices: y, names: ["no", "yes"]))
}

@Suite("Cross-validation")
struct CrossValidationTests {
    /// Extreme values and one-sided targets only in validation rows: no fitted statistic may see them.
    @Test func validationRowsNeverReachThePreprocessingFit() throws {
        let validation = Array(40..<60)
        let (table, target) = try leakTable(extremeRows: Set(validation))
        let folds = [
            Fold(train: Array(0..<40), validation: validation),
            Fold(train: Array(0..<30), validation: validation),
            Fold(train: Array(10..<40), validation: validation),
        ]
        let rng = RandomStream(seed: 11)
        for scaling in [Scaling.none, .standard, .minMax, .robust] {
            let config = PreprocessingConfig(scaling: scaling)
            // LeakDetector.fit throws if a training feature is ≥ 1e5.
            let cv = try crossValidate(estimator: LeakDetector(), preprocessing: config, table: table, target: target,
                                       folds: folds, metrics: [.accuracy, .auc], rng: rng)
            for (f, pipeline) in cv.pipelines.enumerated() {
                for encoding in pipeline.encodings {
                    switch encoding {
                    case let .numeric(_, fill): #expect(abs(fill) < 100)
                    case let .binary(_, levels, fill), let .oneHot(_, levels, fill):
                        #expect(!levels.contains { $0.hasPrefix("LEAK") })
                        #expect(!fill.hasPrefix("LEAK"))
                    case let .target(_, levels, _, _, defaults, _):
                        #expect(!levels.contains { $0.hasPrefix("LEAK") })
                        // Validation targets are all "yes"; the training prior is about one half.
                        let trainTarget = target.gathering(folds[f].train)
                        guard case let .classes(t, _) = trainTarget else { continue }
                        #expect(defaults == [Double(t.filter { $0 == 1 }.count) / Double(t.count)])
                    case .boolean: break
                    }
                }
                #expect(pipeline.scaler.offsets.allSatisfy { abs($0) < 100 })
                #expect(pipeline.scaler.scales.allSatisfy { abs($0) < 100 })
                // The same pipeline as fitting on the training rows alone.
                let alone = try config.fit(table.gatheringRows(folds[f].train), target: target.gathering(folds[f].train),
                                           using: rng.split(RandomKeys.preprocessing).split(UInt64(f)))
                #expect(alone == pipeline)
            }
        }
    }

    /// With ordinary K-fold folds, changing a fold's validation rows (features and targets) must not
    /// change that fold's fitted pipeline.
    @Test func pipelinesDoNotDependOnTheirValidationRows() throws {
        let (table, target) = try leakTable()
        var foldStream = RandomStream(seed: 2)
        let folds = try KFold(foldCount: 3).folds(rowCount: table.rowCount, using: &foldStream)
        let config = PreprocessingConfig(scaling: .standard)
        let rng = RandomStream(seed: 5)
        let base = try crossValidate(estimator: CentroidClassifier(), preprocessing: config, table: table,
                                     target: target, folds: folds, metrics: [.accuracy], rng: rng)
        for (f, fold) in folds.enumerated() {
            let (changed, changedTarget) = try leakTable(extremeRows: Set(fold.validation))
            let cv = try crossValidate(estimator: CentroidClassifier(), preprocessing: config, table: changed,
                                       target: changedTarget, folds: folds, metrics: [.accuracy], rng: rng)
            #expect(cv.pipelines[f] == base.pipelines[f])
            for g in folds.indices where g != f { #expect(cv.pipelines[g] != base.pipelines[g]) }
        }
    }

    @Test func resultsDoNotDependOnThreadsAndSummariesUsePopulationStd() throws {
        let (table, target) = try leakTable()
        var foldStream = RandomStream(seed: 3)
        let folds = try StratifiedKFold(foldCount: 4).folds(classes: { if case let .classes(i, _) = target { return i }; return [] }(),
                                                             using: &foldStream)
        let rng = RandomStream(seed: 8)
        let metrics: [Metric] = [.accuracy, .auc, .f1]
        let one = try crossValidate(estimator: CentroidClassifier(), preprocessing: PreprocessingConfig(), table: table,
                                    target: target, folds: folds, metrics: metrics, rng: rng, threads: 1)
        let two = try crossValidate(estimator: CentroidClassifier(), preprocessing: PreprocessingConfig(), table: table,
                                    target: target, folds: folds, metrics: metrics, rng: rng, threads: 2)
        #expect(one.folds.map(\.scores) == two.folds.map(\.scores))
        #expect(one.pipelines == two.pipelines)
        let acc = one.values(of: .accuracy).compactMap { $0 }
        #expect(acc.count == 4)
        let mean = acc.reduce(0, +) / 4
        let std = (acc.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 4).squareRoot()
        #expect(isClose(one.mean(.accuracy) ?? .nan, mean))
        #expect(isClose(one.standardDeviation(.accuracy) ?? .nan, std))
        #expect(one.values(of: .mcc).isEmpty)
    }

    @Test func probabilityMetricsOfNonProbabilisticModelsAreNil() throws {
        let (table, target) = try leakTable()
        let folds = [Fold(train: Array(0..<40), validation: Array(40..<60))]
        let cv = try crossValidate(estimator: CoinClassifier(), preprocessing: PreprocessingConfig(), table: table,
                                   target: target, folds: folds, metrics: [.accuracy, .auc], rng: RandomStream(seed: 1))
        #expect(cv.folds[0].scores[0] != nil)
        #expect(cv.folds[0].scores[1] == nil)
        #expect(cv.mean(.auc) == nil)
    }

    @Test func modelStreamIsSplitByModelAndFold() throws {
        let (table, target) = try leakTable()
        let folds = [Fold(train: Array(0..<40), validation: Array(40..<60)),
                     Fold(train: Array(0..<40), validation: Array(40..<60))]
        let a = try crossValidate(estimator: CoinClassifier(), preprocessing: PreprocessingConfig(), table: table,
                                  target: target, folds: folds, metrics: [.accuracy], rng: RandomStream(seed: 1))
        let b = try crossValidate(estimator: CoinClassifier(), preprocessing: PreprocessingConfig(), table: table,
                                  target: target, folds: folds, metrics: [.accuracy], rng: RandomStream(seed: 1))
        let c = try crossValidate(estimator: CoinClassifier(), preprocessing: PreprocessingConfig(), table: table,
                                  target: target, folds: folds, metrics: [.accuracy], rng: RandomStream(seed: 2))
        #expect(a.folds.map(\.scores) == b.folds.map(\.scores))
        // Same rows in both folds, but each fold draws from its own stream.
        #expect(a.folds[0].scores != a.folds[1].scores)
        #expect(a.folds.map(\.scores) != c.folds.map(\.scores))
    }

    @Test func badFoldsAndFailingModelsThrow() throws {
        let (table, target) = try leakTable()
        let rng = RandomStream(seed: 1)
        #expect(throws: MLError.self) {
            try crossValidate(estimator: CentroidClassifier(), preprocessing: PreprocessingConfig(), table: table,
                              target: target, folds: [Fold(train: [0, 1, 99], validation: [2])], metrics: [.accuracy], rng: rng)
        }
        #expect(throws: MLError.self) {
            try crossValidate(estimator: CentroidClassifier(), preprocessing: PreprocessingConfig(), table: table,
                              target: target, folds: [], metrics: [.accuracy], rng: rng)
        }
        #expect(throws: MLError.invalidInput("boom: this model always fails")) {
            try crossValidate(estimator: ExplodingClassifier(), preprocessing: PreprocessingConfig(), table: table,
                              target: target, folds: [Fold(train: Array(0..<40), validation: Array(40..<60))],
                              metrics: [.accuracy], rng: rng)
        }
    }
}
