import MLCore
import MLModels
import Testing
import TestSupport

@Suite("Classification metrics against scikit-learn 1.9.1")
struct ClassificationMetricsTests {
    typealias CM = ClassificationMetrics

    func expectClose(_ got: Double, _ want: Double, _ what: String, _ name: String) {
        #expect(isClose(got, want, rel: 1e-12, abs: 1e-14), "\(what) of \(name): got \(got), scikit-learn \(want)")
    }

    @Test func labelMetricsMatch() throws {
        #expect(try MetricFixtures.load().classification.count >= 10)
        for c in try MetricFixtures.load().classification {
            let k = c.classCount, w = c.weights
            expectClose(try CM.accuracy(truth: c.truth, predicted: c.predicted, classCount: k, sampleWeights: w),
                        c.value("accuracy"), "accuracy", c.name)
            expectClose(try CM.recall(truth: c.truth, predicted: c.predicted, classCount: k, sampleWeights: w),
                        c.value("recall"), "recall", c.name)
            expectClose(try CM.precision(truth: c.truth, predicted: c.predicted, classCount: k, sampleWeights: w),
                        c.value("precision"), "precision", c.name)
            expectClose(try CM.f1(truth: c.truth, predicted: c.predicted, classCount: k, sampleWeights: w),
                        c.value("f1"), "f1", c.name)
            expectClose(try CM.kappa(truth: c.truth, predicted: c.predicted, classCount: k, sampleWeights: w),
                        c.value("kappa"), "kappa", c.name)
            expectClose(try CM.mcc(truth: c.truth, predicted: c.predicted, classCount: k, sampleWeights: w),
                        c.value("mcc"), "mcc", c.name)
        }
    }

    @Test func explicitAveragingMatches() throws {
        for c in try MetricFixtures.load().classification {
            let k = c.classCount, w = c.weights
            for (avg, suffix) in [(CM.Averaging.macro, "macro"), (.weighted, "weighted")] {
                expectClose(try CM.recall(truth: c.truth, predicted: c.predicted, classCount: k, averaging: avg, sampleWeights: w),
                            c.value("recall_\(suffix)"), "recall_\(suffix)", c.name)
                expectClose(try CM.precision(truth: c.truth, predicted: c.predicted, classCount: k, averaging: avg, sampleWeights: w),
                            c.value("precision_\(suffix)"), "precision_\(suffix)", c.name)
                expectClose(try CM.f1(truth: c.truth, predicted: c.predicted, classCount: k, averaging: avg, sampleWeights: w),
                            c.value("f1_\(suffix)"), "f1_\(suffix)", c.name)
            }
        }
    }

    @Test func probabilityMetricsMatch() throws {
        for c in try MetricFixtures.load().classification {
            let p = try c.probabilityMatrix()
            expectClose(try CM.auc(truth: c.truth, probabilities: p, sampleWeights: c.weights), c.value("auc"), "auc", c.name)
            expectClose(try CM.logLoss(truth: c.truth, probabilities: p, sampleWeights: c.weights),
                        c.value("logLoss"), "logLoss", c.name)
        }
    }

    @Test func metricEvaluateDispatches() throws {
        for c in try MetricFixtures.load().classification {
            let names = (0..<c.classCount).map { "class\($0)" }
            let truth = Target.classes(indices: c.truth, names: names)
            let p = try c.probabilityMatrix()
            let keys: [Metric: String] = [.accuracy: "accuracy", .auc: "auc", .recall: "recall", .precision: "precision",
                                          .f1: "f1", .kappa: "kappa", .mcc: "mcc", .logLoss: "logLoss"]
            for (metric, key) in keys {
                let got = try metric.evaluate(truth: truth, prediction: .classes(c.predicted), probabilities: p,
                                              sampleWeights: c.weights)
                expectClose(got, c.value(key), "Metric.\(metric)", c.name)
                if c.weights == nil {
                    let unweighted = try metric.evaluate(truth: truth, prediction: .classes(c.predicted), probabilities: p)
                    expectClose(unweighted, c.value(key), "Metric.\(metric) (no weights argument)", c.name)
                }
            }
        }
    }

    @Test func aucEqualsPairCountingTwin() throws {
        // The naive O(n²) twin: fraction of (positive, negative) pairs ordered correctly, ties count ½.
        var rng = RandomStream(seed: 7)
        for trial in 0..<20 {
            let n = 5 + rng.nextInt(below: 40)
            let positive = (0..<n).map { _ in rng.nextInt(below: 2) == 1 }
            let scores = (0..<n).map { _ in Double(rng.nextInt(below: 6)) / 5 }
            let weights = (0..<n).map { _ in 0.1 + rng.nextUniform() }
            var num = 0.0, den = 0.0
            for i in 0..<n where positive[i] {
                for j in 0..<n where !positive[j] {
                    let w = weights[i] * weights[j]
                    den += w
                    num += scores[i] > scores[j] ? w : (scores[i] == scores[j] ? 0.5 * w : 0)
                }
            }
            let naive = den > 0 ? num / den : .nan
            let fast = try CM.rocAUC(isPositive: positive, scores: scores, sampleWeights: weights)
            #expect(isClose(fast, naive, rel: 1e-12), "trial \(trial): \(fast) vs \(naive)")
        }
    }

    @Test func badInputThrowsInsteadOfTrapping() throws {
        #expect(throws: MLError.self) { try CM.accuracy(truth: [], predicted: [], classCount: 2) }
        #expect(throws: MLError.self) { try CM.f1(truth: [0, 1], predicted: [0], classCount: 2) }
        #expect(throws: MLError.self) { try CM.recall(truth: [0, 2], predicted: [0, 1], classCount: 2) }
        #expect(throws: MLError.self) { try CM.recall(truth: [0, -1], predicted: [0, 1], classCount: 2) }
        #expect(throws: MLError.self) { try CM.mcc(truth: [0, 1], predicted: [0, 1], classCount: 2, sampleWeights: [1, -1]) }
        #expect(throws: MLError.self) { try CM.kappa(truth: [0, 1], predicted: [0, 1], classCount: 2, sampleWeights: [0, 0]) }
        #expect(throws: MLError.self) { try CM.kappa(truth: [0, 1], predicted: [0, 1], classCount: 2, sampleWeights: [1]) }
        #expect(throws: MLError.self) { try CM.f1(truth: [0, 1], predicted: [0, 1], classCount: 2, averaging: .binary(positiveClass: 5)) }
        let p = try Matrix(rows: [[0.5, 0.5], [1.2, -0.2]])
        #expect(throws: MLError.self) { try CM.logLoss(truth: [0, 1], probabilities: p) }
        let q = try Matrix(rows: [[0.5, 0.5], [.nan, 0.5]])
        #expect(throws: MLError.self) { try CM.auc(truth: [0, 1], probabilities: q) }
        let r = try Matrix(rows: [[0.5, 0.5]])
        #expect(throws: MLError.self) { try CM.auc(truth: [0, 1], probabilities: r) }
        #expect(throws: MLError.self) { try CM.auc(truth: [0, 2], probabilities: try Matrix(rows: [[0.5, 0.5], [0.5, 0.5]])) }
        #expect(throws: MLError.self) { try CM.auc(truth: [], probabilities: Matrix(rowCount: 0, columnCount: 2)) }
        #expect(throws: MLError.self) { try CM.rocAUC(isPositive: [true, false], scores: [0.5]) }
        #expect(throws: MLError.self) { try CM.rocAUC(isPositive: [true, false], scores: [0.5, .nan]) }
        #expect(throws: MLError.self) { try CM.rocAUC(isPositive: [], scores: []) }
    }

    @Test func evaluateRejectsMismatchedKinds() throws {
        let truth = Target.classes(indices: [0, 1], names: ["a", "b"])
        #expect(throws: MLError.self) { try Metric.mae.evaluate(truth: truth, prediction: .classes([0, 1]), probabilities: nil) }
        #expect(throws: MLError.self) { try Metric.accuracy.evaluate(truth: truth, prediction: .values([0, 1]), probabilities: nil) }
        #expect(throws: MLError.self) { try Metric.auc.evaluate(truth: truth, prediction: .classes([0, 1]), probabilities: nil) }
        let threeColumns = try Matrix(rows: [[0.2, 0.3, 0.5], [0.2, 0.3, 0.5]])
        #expect(throws: MLError.self) {
            try Metric.logLoss.evaluate(truth: truth, prediction: .classes([0, 1]), probabilities: threeColumns)
        }
        #expect(throws: MLError.self) {
            try Metric.r2.evaluate(truth: .values([1, 2]), prediction: .classes([0, 1]), probabilities: nil)
        }
        #expect(throws: MLError.self) {
            try Metric.kappa.evaluate(truth: .values([1, 2]), prediction: .values([1, 2]), probabilities: nil)
        }
    }

    @Test func aSingleListedClassDoesNotThrow() throws {
        let truth = Target.classes(indices: [0, 0, 0], names: ["only"])
        for metric in Metric.allCases where metric.kind == .classification {
            let p = Matrix(rowCount: 3, columnCount: 1, repeating: 1)
            let v = try metric.evaluate(truth: truth, prediction: .classes([0, 0, 0]), probabilities: p)
            #expect(metric == .auc || metric == .kappa ? v.isNaN : v.isFinite, "\(metric): \(v)")
        }
    }

    @Test func classAbsentFromTruthIsSkippedInMulticlassAUC() throws {
        // Class 2 is listed but never true: it gets weight 0, so AUC equals the two-class OVR average.
        let p = try Matrix(rows: [[0.7, 0.2, 0.1], [0.3, 0.6, 0.1], [0.6, 0.3, 0.1], [0.2, 0.5, 0.3]])
        let auc = try CM.auc(truth: [0, 1, 0, 1], probabilities: p)
        #expect(auc == 1.0)
        #expect(try CM.logLoss(truth: [0, 1, 0, 1], probabilities: p).isFinite)
    }
}
