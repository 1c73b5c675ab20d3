import MLCore

/// The mean and spread of one metric over cross-validation folds, as PyCaret's "Mean" and "Std"
/// rows compute them (numpy `mean` and `std` with `ddof=0`).
///
///     let s = MetricSummary(scores: [0.8, 0.9, 0.85])   // s.mean == 0.85
public struct MetricSummary: Sendable, Hashable, Codable {
    /// The fold scores, in fold order.
    public let scores: [Double]
    /// Their arithmetic mean (NaN if any score is NaN or there are no scores).
    public let mean: Double
    /// Their population standard deviation, ddof 0 (NaN if any score is NaN or there are no scores).
    public let standardDeviation: Double

    /// Summarises fold scores.
    /// - Complexity: O(n).
    public init(scores: [Double]) {
        self.scores = scores
        if scores.isEmpty {
            mean = .nan
            standardDeviation = .nan
        } else {
            mean = Stats.mean(scores)
            standardDeviation = Stats.standardDeviation(scores, ddof: 0)
        }
    }
}
