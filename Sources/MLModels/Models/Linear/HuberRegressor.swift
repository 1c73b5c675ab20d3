import MLCore

/// Huber regression (PyCaret "huber", scikit-learn `HuberRegressor`).
///
/// Minimises scikit-learn's joint objective in (w, b, σ):
/// Σ sᵢ·(σ + H_ε((yᵢ − xᵢ·w − b)/σ)·σ) + α‖w‖², with H_ε(z) = z² for |z| ≤ ε and 2ε|z| − ε²
/// beyond, by L-BFGS from w = 0, b = 0, σ = 1 (σ is kept positive: steps that make it
/// non-positive are rejected by the line search, where scikit-learn uses an L-BFGS-B bound).
/// Defaults: `epsilon = 1.35`, `alpha = 1e-4`, `maxIterations = 100`, `tolerance = 1e-5`,
/// `fitsIntercept = true`.
public struct HuberRegressor: Estimator {
    /// The threshold ε between squared and absolute loss, ≥ 1 (default 1.35).
    public var epsilon: Double
    /// The L2 strength α (default 1e-4).
    public var alpha: Double
    /// Maximum L-BFGS iterations (default 100).
    public var maxIterations: Int
    /// Gradient tolerance (default 1e-5).
    public var tolerance: Double
    /// Whether to fit an intercept (default true).
    public var fitsIntercept: Bool

    /// PyCaret's ID.
    public static let id = "huber"
    /// The leaderboard name.
    public static let displayName = "Huber Regressor"
    /// Regression only.
    public static let supportedTasks: Set<Task> = [.regression]
    /// `epsilon ≥ 1`, `alpha ≥ 0`, `maxIterations ≥ 1`, `tolerance > 0`.
    public static let constraints: [ParameterConstraint<HuberRegressor>] = [
        .real("epsilon", \.epsilon, .atLeast(1)),
        .real("alpha", \.alpha, .atLeast(0)),
        .integer("maxIterations", \.maxIterations, 1...Int.max),
        .real("tolerance", \.tolerance, .greaterThan(0)),
    ]

    /// The defaults listed on the type.
    public init() {
        epsilon = 1.35
        alpha = 1e-4
        maxIterations = 100
        tolerance = 1e-5
        fitsIntercept = true
    }

    /// The fitted model.
    public typealias Model = LinearRegressorModel

    /// Fits by L-BFGS on (w, b, σ).
    /// - Throws: `MLError.invalidParameter` or `MLError.invalidInput`.
    /// - Complexity: O(iterations × rows × features).
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try validate()
        try checkTrainingData(data)
        let y = try data.valueTarget(for: Self.displayName)
        let x = data.features
        let n = x.rowCount, p = x.columnCount
        let weights = effectiveSampleWeights(data)
        var total = 0.0
        for w in weights { total += w }
        let eps = epsilon, penalty = alpha, withIntercept = fitsIntercept
        let minimumScale = 10 * Double.ulpOfOne
        var start = [Double](repeating: 0, count: p + 2)
        start[p + 1] = 1
        let solver = LBFGS(maxIterations: maxIterations, gradientTolerance: tolerance)
        let result = solver.minimize(from: start) { theta, gradient in
            let sigma = theta[p + 1]
            guard sigma > minimumScale else { return .infinity }
            let w = Array(theta[0..<p])
            let b = withIntercept ? theta[p] : 0
            var r = y   // residual y − Xw − b
            BLAS.gemv(x, w, alpha: -1, beta: 1, into: &r)
            var loss = 0.0, outlierWeight = 0.0, squared = 0.0, interceptGradient = 0.0
            var d = [Double](repeating: 0, count: n)   // ∂loss/∂(Xw)ᵢ
            for i in 0..<n {
                let ri = r[i] - b
                let a = Swift.abs(ri)
                if a > eps * sigma {
                    loss += 2 * eps * weights[i] * a
                    outlierWeight += weights[i]
                    d[i] = -2 * eps * weights[i] * (ri < 0 ? -1 : 1)
                } else {
                    squared += weights[i] * ri * ri
                    d[i] = -2 * weights[i] * ri / sigma
                }
                interceptGradient += d[i]
            }
            loss += -sigma * outlierWeight * eps * eps + squared / sigma + total * sigma + penalty * BLAS.dot(w, w)
            var gw = w
            BLAS.gemv(x, d, transpose: true, alpha: 1, beta: 2 * penalty, into: &gw)
            for j in 0..<p { gradient[j] = gw[j] }
            gradient[p] = withIntercept ? interceptGradient : 0
            gradient[p + 1] = total - outlierWeight * eps * eps - squared / (sigma * sigma)
            return loss
        }
        return Model(coefficients: Array(result.x[0..<p]), intercept: fitsIntercept ? result.x[p] : 0,
                     iterations: result.iterations, converged: result.converged)
    }
}
