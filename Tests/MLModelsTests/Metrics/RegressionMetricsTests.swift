import MLCore
import MLModels
import Testing
import TestSupport

@Suite("Regression metrics against scikit-learn 1.9.1 / PyCaret 3.3")
struct RegressionMetricsTests {
    typealias RM = RegressionMetrics

    func expectClose(_ got: Double, _ want: Double, _ what: String, _ name: String) {
        #expect(isClose(got, want, rel: 1e-12, abs: 1e-14), "\(what) of \(name): got \(got), reference \(want)")
    }

    @Test func everyMetricMatches() throws {
        #expect(try MetricFixtures.load().regression.count >= 6)
        for c in try MetricFixtures.load().regression {
            let w = c.weights
            expectClose(try RM.mae(truth: c.truth, predicted: c.predicted, sampleWeights: w), c.value("mae"), "mae", c.name)
            expectClose(try RM.mse(truth: c.truth, predicted: c.predicted, sampleWeights: w), c.value("mse"), "mse", c.name)
            expectClose(try RM.rmse(truth: c.truth, predicted: c.predicted, sampleWeights: w), c.value("rmse"), "rmse", c.name)
            expectClose(try RM.r2(truth: c.truth, predicted: c.predicted, sampleWeights: w), c.value("r2"), "r2", c.name)
            expectClose(try RM.rmsle(truth: c.truth, predicted: c.predicted, sampleWeights: w), c.value("rmsle"), "rmsle", c.name)
            expectClose(try RM.mape(truth: c.truth, predicted: c.predicted, sampleWeights: w), c.value("mape"), "mape", c.name)
        }
    }

    @Test func metricEvaluateDispatches() throws {
        for c in try MetricFixtures.load().regression {
            let keys: [Metric: String] = [.mae: "mae", .mse: "mse", .rmse: "rmse", .r2: "r2", .rmsle: "rmsle", .mape: "mape"]
            for (metric, key) in keys {
                let got = try metric.evaluate(truth: .values(c.truth), prediction: .values(c.predicted), probabilities: nil,
                                              sampleWeights: c.weights)
                expectClose(got, c.value(key), "Metric.\(metric)", c.name)
                if c.weights == nil {
                    let unweighted = try metric.evaluate(truth: .values(c.truth), prediction: .values(c.predicted), probabilities: nil)
                    expectClose(unweighted, c.value(key), "Metric.\(metric) (no weights argument)", c.name)
                }
            }
        }
    }

    @Test func r2OfOneRowIsNaNLikeScikitLearn() throws {
        #expect(try RM.r2(truth: [3], predicted: [2]).isNaN)
    }

    @Test func badInputThrowsInsteadOfTrapping() {
        #expect(throws: MLError.self) { try RM.mae(truth: [], predicted: []) }
        #expect(throws: MLError.self) { try RM.mse(truth: [1, 2], predicted: [1]) }
        #expect(throws: MLError.self) { try RM.rmse(truth: [1, .nan], predicted: [1, 2]) }
        #expect(throws: MLError.self) { try RM.r2(truth: [1, 2], predicted: [1, .infinity]) }
        #expect(throws: MLError.self) { try RM.rmsle(truth: [1, 2], predicted: [1, 2], sampleWeights: [1, .nan]) }
        #expect(throws: MLError.self) { try RM.mape(truth: [1, 2], predicted: [1, 2], sampleWeights: [0, 0]) }
    }

    @Test func summaryUsesPopulationStandardDeviation() {
        let s = MetricSummary(scores: [0.8, 0.9, 0.85, 0.75])
        // numpy: np.mean = 0.825, np.std (ddof 0) = 0.05590169943749474
        #expect(isClose(s.mean, 0.825, rel: 1e-14))
        #expect(isClose(s.standardDeviation, 0.05590169943749474, rel: 1e-12))
        #expect(MetricSummary(scores: []).mean.isNaN)
        #expect(MetricSummary(scores: [0.5, .nan]).mean.isNaN)
        #expect(MetricSummary(scores: [0.5]).standardDeviation == 0)
    }
}
