import MLCore

/// Lasso fitted by least angle regression (PyCaret "llar", scikit-learn `LassoLars`).
///
/// Minimises (1/(2·Σs))·Σ sᵢ(yᵢ − xᵢ·w − b)² + α‖w‖₁ — the `Lasso` objective — by following the
/// LARS-lasso path (features leave when their coefficient crosses zero) down to α, which gives the
/// exact solution without an iteration tolerance. Sample weights, which scikit-learn's estimator
/// does not take, scale rows by √wᵢ. Defaults: `alpha = 1`, `maxIterations = 500` (path steps),
/// `fitsIntercept = true`.
public struct LassoLars: Estimator {
    /// The L1 strength α (default 1).
    public var alpha: Double
    /// The most path steps (default 500).
    public var maxIterations: Int
    /// Whether to fit an intercept (default true).
    public var fitsIntercept: Bool

    /// PyCaret's ID.
    public static let id = "llar"
    /// The leaderboard name.
    public static let displayName = "Lasso Least Angle Regression"
    /// Regression only.
    public static let supportedTasks: Set<Task> = [.regression]
    /// `alpha ≥ 0`, `maxIterations ≥ 1`.
    public static let constraints: [ParameterConstraint<LassoLars>] = [
        .real("alpha", \.alpha, .atLeast(0)),
        .integer("maxIterations", \.maxIterations, 1...Int.max),
    ]

    /// The defaults listed on the type.
    public init() { self.init(alpha: 1) }

    /// A LARS lasso with the given strength.
    public init(alpha: Double, maxIterations: Int = 500, fitsIntercept: Bool = true) {
        self.alpha = alpha
        self.maxIterations = maxIterations
        self.fitsIntercept = fitsIntercept
    }

    /// The fitted model.
    public typealias Model = LinearRegressorModel

    /// Follows the path down to α.
    /// - Throws: `MLError.invalidParameter` or `MLError.invalidInput`.
    /// - Complexity: O(rows × features² + steps × features³).
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try validate()
        try checkTrainingData(data)
        let y = try data.valueTarget(for: Self.displayName)
        let weights = effectiveSampleWeights(data)
        var total = 0.0
        for w in weights { total += w }
        let design = CentredDesign(features: data.features, targets: Matrix(rowCount: y.count, columnCount: 1).with(column: y),
                                   weights: weights, fitsIntercept: fitsIntercept)
        let beta = leastAngleRegression(design.features, design.targets.storage, maxActive: Int.max,
                                        lassoPenalty: alpha * total, maxSteps: maxIterations)
        var coefficients = Matrix(rowCount: beta.count, columnCount: 1)
        coefficients.storage = beta
        return Model(coefficients: beta, intercept: design.intercepts(for: coefficients)[0])
    }
}
