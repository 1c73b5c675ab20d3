import MLCore

/// A fitted linear regressor `ŷ = X·w + b`.
public struct LinearRegressorModel: FittedModel, Codable, Sendable, Hashable {
    /// One coefficient per feature.
    public let coefficients: [Double]
    /// The intercept.
    public let intercept: Double
    /// Solver iterations (0 for closed-form fits).
    public let iterations: Int
    /// Whether the solver met its tolerance.
    public let converged: Bool

    /// The number of feature columns expected at prediction.
    public var featureCount: Int { coefficients.count }

    /// Creates a model from fitted parameters.
    public init(coefficients: [Double], intercept: Double, iterations: Int = 0, converged: Bool = true) {
        self.coefficients = coefficients
        self.intercept = intercept
        self.iterations = iterations
        self.converged = converged
    }

    /// `X·w + b`, one `dgemv`.
    /// - Complexity: O(rows × features).
    public func predict(_ features: Matrix) throws -> Prediction {
        try checkPredictionInput(features)
        var y = [Double](repeating: intercept, count: features.rowCount)
        BLAS.gemv(features, coefficients, alpha: 1, beta: 1, into: &y)
        return .values(y)
    }
}

extension LinearRegressorModel: FeatureImportanceModel {
    /// |wⱼ| per feature (meaningful as importances when the features share a scale, e.g. standardised).
    public var featureImportances: [Double] { coefficients.map { Swift.abs($0) } }
}
