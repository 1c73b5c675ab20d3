import MLCore

/// A baseline regressor that predicts one constant (scikit-learn `DummyRegressor`, PyCaret "dummy").
///
/// Defaults: `strategy = .mean`, `quantile = 0.5`, `constant = 0`.
/// - `.mean`: the (sample-weighted) mean of the training target;
/// - `.median`, `.quantile`: numpy's linear-interpolation percentile without weights; with weights,
///   scikit-learn's inverted-CDF weighted percentile (so all-ones weights can differ from no
///   weights for an even row count, exactly as in scikit-learn);
/// - `.constant`: `constant`, whatever the data.
///
///     let model = try DummyRegressor(strategy: .median).fit(data, using: &rng)
public struct DummyRegressor: Estimator {
    /// Which constant is predicted.
    public enum Strategy: String, Codable, Sendable, Hashable, CaseIterable {
        /// The training mean.
        case mean
        /// The training median.
        case median
        /// The training `quantile`.
        case quantile
        /// The fixed value `constant`.
        case constant
    }

    /// The strategy (default `.mean`).
    public var strategy: Strategy
    /// The quantile predicted by `.quantile`, in [0, 1] (default 0.5).
    public var quantile: Double
    /// The value predicted by `.constant`; any finite number (default 0).
    public var constant: Double

    /// PyCaret's ID.
    public static let id = "dummy"
    /// The leaderboard name.
    public static let displayName = "Dummy Regressor"
    /// Regression targets only.
    public static let supportedTasks: Set<Task> = [.regression]
    /// `quantile` in [0, 1]; `constant` finite.
    public static let constraints: [ParameterConstraint<DummyRegressor>] = [
        .real("quantile", \.quantile, .closed(0, 1)),
        .real("constant", \.constant, Interval(lower: nil, lowerClosed: false, upper: nil, upperClosed: false)),
    ]

    /// The defaults: mean strategy, quantile 0.5, constant 0.
    public init() {
        self.strategy = .mean
        self.quantile = 0.5
        self.constant = 0
    }

    /// A regressor with the given settings.
    public init(strategy: Strategy, quantile: Double = 0.5, constant: Double = 0) {
        self.strategy = strategy
        self.quantile = quantile
        self.constant = constant
    }

    /// Computes the constant. Draws nothing from `rng`.
    /// - Throws: `MLError` for invalid parameters or data.
    /// - Complexity: O(n) for the mean and constant, O(n log n) for median and quantile.
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try validate()
        try checkTrainingData(data)
        guard case let .values(y) = data.target else {
            throw MLError.invalidInput("\(Self.displayName) needs a real-valued target.")
        }
        let w = data.sampleWeights
        let value: Double
        switch strategy {
        case .mean:
            var sum = 0.0, total = 0.0
            for i in y.indices { let wi = w?[i] ?? 1; sum += wi * y[i]; total += wi }
            value = sum / total
        case .median:
            value = w.map { Self.weightedPercentile(y, weights: $0, rank: 0.5) } ?? Stats.quantile(y, 0.5)
        case .quantile:
            value = w.map { Self.weightedPercentile(y, weights: $0, rank: quantile) } ?? Stats.quantile(y, quantile)
        case .constant:
            value = constant
        }
        return Model(constant: value, featureCount: data.features.columnCount)
    }

    /// scikit-learn's `_weighted_percentile(average=False)`: the smallest value whose cumulative
    /// weight reaches `rank × total` (numpy's "inverted_cdf"). Weights must be validated
    /// (non-negative, not all zero) and as many as `values`.
    /// - Complexity: O(n log n).
    static func weightedPercentile(_ values: [Double], weights: [Double], rank: Double) -> Double {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var total = 0.0
        for i in order { total += weights[i] }
        var target = rank * total
        if target == 0 { target = Double.leastNonzeroMagnitude }
        var cumulative = 0.0
        for i in order {
            cumulative += weights[i]
            if cumulative >= target { return values[i] }
        }
        return values[order[order.count - 1]]
    }

    /// A fitted dummy regressor: the same value for every row.
    public struct Model: FittedModel, Codable, Sendable, Hashable {
        /// The predicted value.
        public let constant: Double
        /// The number of feature columns expected at prediction.
        public let featureCount: Int

        /// `constant` for every row.
        /// - Throws: `MLError.shapeMismatch` for a wrong column count, `MLError.invalidInput` for NaN.
        /// - Complexity: O(rows).
        public func predict(_ features: Matrix) throws -> Prediction {
            try checkPredictionInput(features)
            return .values([Double](repeating: constant, count: features.rowCount))
        }
    }
}
