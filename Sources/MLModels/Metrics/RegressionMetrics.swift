import Foundation
import MLCore

/// Regression metrics computed as PyCaret 3.3 computes them (scikit-learn 1.9.1 plus PyCaret's own
/// RMSLE and MAPE).
///
/// Optional sample weights weight each row, as scikit-learn's `sample_weight`. Every function
/// throws `MLError` for empty input, mismatched lengths, non-finite values or bad weights.
///
///     let rmse = try RegressionMetrics.rmse(truth: [1, 2, 3], predicted: [1, 2, 4])
public enum RegressionMetrics {
    /// Mean absolute error (`mean_absolute_error`).
    /// - Complexity: O(n).
    public static func mae(truth: [Double], predicted: [Double], sampleWeights: [Double]? = nil) throws -> Double {
        try check("MAE", truth, predicted, sampleWeights)
        return weightedMean(truth.count, sampleWeights) { abs(truth[$0] - predicted[$0]) }
    }

    /// Mean squared error (`mean_squared_error`).
    /// - Complexity: O(n).
    public static func mse(truth: [Double], predicted: [Double], sampleWeights: [Double]? = nil) throws -> Double {
        try check("MSE", truth, predicted, sampleWeights)
        return weightedMean(truth.count, sampleWeights) { let d = truth[$0] - predicted[$0]; return d * d }
    }

    /// Root mean squared error (`root_mean_squared_error`): the square root of `mse`.
    /// - Complexity: O(n).
    public static func rmse(truth: [Double], predicted: [Double], sampleWeights: [Double]? = nil) throws -> Double {
        try check("RMSE", truth, predicted, sampleWeights)
        return weightedMean(truth.count, sampleWeights) { let d = truth[$0] - predicted[$0]; return d * d }.squareRoot()
    }

    /// The coefficient of determination (`r2_score`, `force_finite=True`): 1 − SSres / SStot
    /// around the weighted mean. A constant truth gives 1 when the fit is perfect and 0 otherwise;
    /// fewer than two rows give NaN (scikit-learn warns and returns NaN).
    /// - Complexity: O(n).
    public static func r2(truth: [Double], predicted: [Double], sampleWeights: [Double]? = nil) throws -> Double {
        try check("R2", truth, predicted, sampleWeights)
        if truth.count < 2 { return .nan }
        let mean = weightedMean(truth.count, sampleWeights) { truth[$0] }
        var residual = 0.0, total = 0.0
        for i in 0..<truth.count {
            let w = MetricInputChecks.weight(sampleWeights, i)
            let r = truth[i] - predicted[i], t = truth[i] - mean
            residual += w * r * r
            total += w * t * t
        }
        if total == 0 { return residual == 0 ? 1 : 0 }
        return 1 - residual / total
    }

    /// PyCaret's RMSLE: `sqrt(mean_squared_log_error(|y|, |ŷ|))`, i.e. the root of the (weighted)
    /// mean of `(log1p|y| − log1p|ŷ|)²`. Taking absolute values is PyCaret's way of accepting
    /// negative targets and predictions.
    /// - Complexity: O(n).
    public static func rmsle(truth: [Double], predicted: [Double], sampleWeights: [Double]? = nil) throws -> Double {
        try check("RMSLE", truth, predicted, sampleWeights)
        return weightedMean(truth.count, sampleWeights) {
            let d = log1p(abs(truth[$0])) - log1p(abs(predicted[$0]))
            return d * d
        }.squareRoot()
    }

    /// PyCaret's MAPE: the (weighted) mean of `|ŷ − y| / |y|` over the rows where `y ≠ 0`
    /// (rows with `y = 0` are dropped, with their weights), as a fraction, not a percentage.
    /// - Returns: NaN when every true value is 0 (numpy's mean of nothing).
    /// - Complexity: O(n).
    public static func mape(truth: [Double], predicted: [Double], sampleWeights: [Double]? = nil) throws -> Double {
        try check("MAPE", truth, predicted, sampleWeights)
        var sum = 0.0, total = 0.0
        for i in 0..<truth.count where truth[i] != 0 {
            let w = MetricInputChecks.weight(sampleWeights, i)
            sum += w * (abs(predicted[i] - truth[i]) / abs(truth[i]))
            total += w
        }
        return total > 0 ? sum / total : .nan
    }

    // MARK: - Internals

    static func check(_ metric: String, _ truth: [Double], _ predicted: [Double], _ weights: [Double]?) throws {
        try MetricInputChecks.checkLengths(metric: metric, truthCount: truth.count, otherCount: predicted.count,
                                           otherName: "predictions")
        try MetricInputChecks.checkFinite(metric: metric, truth, what: "true")
        try MetricInputChecks.checkFinite(metric: metric, predicted, what: "predicted")
        try MetricInputChecks.checkWeights(metric: metric, weights, count: truth.count)
    }

    /// Σ w·f(i) / Σ w over rows `0..<n`; inputs already validated.
    @inline(__always)
    static func weightedMean(_ n: Int, _ weights: [Double]?, _ f: (Int) -> Double) -> Double {
        var sum = 0.0, total = 0.0
        for i in 0..<n {
            let w = MetricInputChecks.weight(weights, i)
            sum += w * f(i)
            total += w
        }
        return sum / total
    }
}
