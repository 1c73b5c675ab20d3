import MLCore

/// Lasso regression (PyCaret "lasso", scikit-learn `Lasso`): the elastic net with `l1Ratio = 1`.
///
/// Minimises (1/(2·Σs))·Σ sᵢ(yᵢ − xᵢ·w − b)² + α·‖w‖₁ by cyclic coordinate descent.
/// Defaults: `alpha = 1`, `maxIterations = 1000`, `tolerance = 1e-4`, `fitsIntercept = true`.
public struct Lasso: Estimator {
    /// The L1 strength α (default 1).
    public var alpha: Double
    /// Maximum coordinate-descent sweeps (default 1000).
    public var maxIterations: Int
    /// Duality-gap tolerance, relative to ‖y‖² (default 1e-4).
    public var tolerance: Double
    /// Whether to fit an intercept (default true).
    public var fitsIntercept: Bool

    /// PyCaret's ID.
    public static let id = "lasso"
    /// The leaderboard name.
    public static let displayName = "Lasso Regression"
    /// Regression only.
    public static let supportedTasks: Set<Task> = [.regression]
    /// `alpha ≥ 0`, `maxIterations ≥ 1`, `tolerance > 0`.
    public static let constraints: [ParameterConstraint<Lasso>] = [
        .real("alpha", \.alpha, .atLeast(0)),
        .integer("maxIterations", \.maxIterations, 1...Int.max),
        .real("tolerance", \.tolerance, .greaterThan(0)),
    ]

    /// The defaults listed on the type.
    public init() { self.init(alpha: 1) }

    /// A lasso with the given hyperparameters.
    public init(alpha: Double, maxIterations: Int = 1000, tolerance: Double = 1e-4, fitsIntercept: Bool = true) {
        self.alpha = alpha
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.fitsIntercept = fitsIntercept
    }

    /// The fitted model.
    public typealias Model = LinearRegressorModel

    /// Fits by coordinate descent.
    /// - Throws: `MLError.invalidParameter` or `MLError.invalidInput`.
    /// - Complexity: O(sweeps × rows × features).
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try validate()
        try checkTrainingData(data)
        let y = try data.valueTarget(for: Self.displayName)
        return fitElasticNet(data.features, y, weights: data.sampleWeights, alpha: alpha, l1Ratio: 1,
                             maxIterations: maxIterations, tolerance: tolerance, fitsIntercept: fitsIntercept)
    }
}
