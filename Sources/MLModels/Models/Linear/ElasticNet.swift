import MLCore

/// Elastic net regression (PyCaret "en", scikit-learn `ElasticNet`).
///
/// Minimises (1/(2·Σs))·Σ sᵢ(yᵢ − xᵢ·w − b)² + α·ρ·‖w‖₁ + ½·α·(1 − ρ)·‖w‖² (ρ = `l1Ratio`) by
/// cyclic coordinate descent on the centred data, stopping on scikit-learn's duality-gap test
/// (gap ≤ `tolerance`·‖y‖²). Defaults: `alpha = 1`, `l1Ratio = 0.5`, `maxIterations = 1000`,
/// `tolerance = 1e-4`, `fitsIntercept = true`.
///
///     let model = try ElasticNet(alpha: 0.1, l1Ratio: 0.7).fit(data, using: &rng)
public struct ElasticNet: Estimator {
    /// The overall penalty strength α (default 1).
    public var alpha: Double
    /// The L1 share ρ of the penalty, in [0, 1] (default 0.5).
    public var l1Ratio: Double
    /// Maximum coordinate-descent sweeps (default 1000).
    public var maxIterations: Int
    /// Duality-gap tolerance, relative to ‖y‖² (default 1e-4).
    public var tolerance: Double
    /// Whether to fit an intercept (default true).
    public var fitsIntercept: Bool

    /// PyCaret's ID.
    public static let id = "en"
    /// The leaderboard name.
    public static let displayName = "Elastic Net"
    /// Regression only.
    public static let supportedTasks: Set<Task> = [.regression]
    /// `alpha ≥ 0`, `l1Ratio ∈ [0, 1]`, `maxIterations ≥ 1`, `tolerance > 0`.
    public static let constraints: [ParameterConstraint<ElasticNet>] = [
        .real("alpha", \.alpha, .atLeast(0)),
        .real("l1Ratio", \.l1Ratio, .closed(0, 1)),
        .integer("maxIterations", \.maxIterations, 1...Int.max),
        .real("tolerance", \.tolerance, .greaterThan(0)),
    ]

    /// The defaults listed on the type.
    public init() { self.init(alpha: 1) }

    /// An elastic net with the given hyperparameters.
    public init(alpha: Double, l1Ratio: Double = 0.5, maxIterations: Int = 1000, tolerance: Double = 1e-4,
                fitsIntercept: Bool = true) {
        self.alpha = alpha
        self.l1Ratio = l1Ratio
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
        return fitElasticNet(data.features, y, weights: data.sampleWeights, alpha: alpha, l1Ratio: l1Ratio,
                             maxIterations: maxIterations, tolerance: tolerance, fitsIntercept: fitsIntercept)
    }
}

/// The shared elastic-net fit of `ElasticNet` and `Lasso`: weights rescaled to sum to n, weighted
/// centring, rows scaled by √w, then `elasticNetCoordinateDescent` with α·ρ·n and α·(1−ρ)·n.
func fitElasticNet(_ x: Matrix, _ y: [Double], weights: [Double]?, alpha: Double, l1Ratio: Double,
                   maxIterations: Int, tolerance: Double, fitsIntercept: Bool) -> LinearRegressorModel {
    let n = x.rowCount
    var w = weights ?? [Double](repeating: 1, count: n)
    var total = 0.0
    for v in w { total += v }
    for i in w.indices { w[i] *= Double(n) / total }
    let design = CentredDesign(features: x, targets: Matrix(rowCount: n, columnCount: 1).with(column: y),
                               weights: w, fitsIntercept: fitsIntercept)
    let result = elasticNetCoordinateDescent(design.features, design.targets.storage,
                                             l1: alpha * l1Ratio * Double(n), l2: alpha * (1 - l1Ratio) * Double(n),
                                             maxIterations: maxIterations, tolerance: tolerance)
    var coefficients = Matrix(rowCount: x.columnCount, columnCount: 1)
    coefficients.storage = result.coefficients
    return LinearRegressorModel(coefficients: result.coefficients, intercept: design.intercepts(for: coefficients)[0],
                                iterations: result.iterations, converged: result.converged)
}
