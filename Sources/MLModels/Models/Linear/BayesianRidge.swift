import MLCore

/// Bayesian ridge regression (PyCaret "br", scikit-learn `BayesianRidge`).
///
/// Evidence maximisation (MacKay): alternates the posterior mean
/// w = (XᵀX + λ/α·I)⁻¹Xᵀy with the updates γ = Σ αeᵢ/(λ + αeᵢ), λ = (γ + 2λ₁)/(‖w‖² + 2λ₂),
/// α = (Σs − γ + 2α₁)/(SSE + 2α₂), where eᵢ are the eigenvalues of XᵀX (centred, √w-scaled X),
/// until Σ|Δw| < `tolerance`. scikit-learn uses an SVD of X; this uses the eigen-decomposition of
/// XᵀX (`dsyevd`), which has the same eigenvalues and right singular vectors.
/// Defaults: `maxIterations = 300`, `tolerance = 1e-3`, `alpha1 = alpha2 = lambda1 = lambda2 = 1e-6`,
/// initial α = 1/Var(y), initial λ = 1, `fitsIntercept = true`.
public struct BayesianRidge: Estimator {
    /// Maximum evidence iterations (default 300).
    public var maxIterations: Int
    /// Stop when Σ|Δw| falls below this (default 1e-3).
    public var tolerance: Double
    /// Gamma prior shape on the noise precision α (default 1e-6).
    public var alpha1: Double
    /// Gamma prior rate on α (default 1e-6).
    public var alpha2: Double
    /// Gamma prior shape on the weight precision λ (default 1e-6).
    public var lambda1: Double
    /// Gamma prior rate on λ (default 1e-6).
    public var lambda2: Double
    /// Whether to fit an intercept (default true).
    public var fitsIntercept: Bool

    /// PyCaret's ID.
    public static let id = "br"
    /// The leaderboard name.
    public static let displayName = "Bayesian Ridge"
    /// Regression only.
    public static let supportedTasks: Set<Task> = [.regression]
    /// Iterations ≥ 1; tolerance > 0; the four prior parameters ≥ 0.
    public static let constraints: [ParameterConstraint<BayesianRidge>] = [
        .integer("maxIterations", \.maxIterations, 1...Int.max),
        .real("tolerance", \.tolerance, .greaterThan(0)),
        .real("alpha1", \.alpha1, .atLeast(0)),
        .real("alpha2", \.alpha2, .atLeast(0)),
        .real("lambda1", \.lambda1, .atLeast(0)),
        .real("lambda2", \.lambda2, .atLeast(0)),
    ]

    /// The defaults listed on the type.
    public init() {
        maxIterations = 300
        tolerance = 1e-3
        alpha1 = 1e-6; alpha2 = 1e-6; lambda1 = 1e-6; lambda2 = 1e-6
        fitsIntercept = true
    }

    /// The fitted model: coefficients and intercept (the posterior mean).
    public typealias Model = LinearRegressorModel

    /// Runs the evidence iterations.
    /// - Throws: `MLError.invalidParameter`, `MLError.invalidInput` or `MLError.numerical`.
    /// - Complexity: O(rows × features² + features³ + iterations × features²).
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try validate()
        try checkTrainingData(data)
        let y = try data.valueTarget(for: Self.displayName)
        let weights = effectiveSampleWeights(data)
        var total = 0.0
        for w in weights { total += w }
        // Variance of y (weighted) for the initial α, computed before any intercept choice, as scikit-learn.
        var yMean = 0.0
        for i in y.indices { yMean += weights[i] * y[i] }
        yMean /= total
        var yVariance = 0.0
        for i in y.indices { yVariance += weights[i] * (y[i] - yMean) * (y[i] - yMean) }
        yVariance /= total
        let fitted = CentredDesign(features: data.features, targets: Matrix(rowCount: y.count, columnCount: 1).with(column: y),
                                   weights: weights, fitsIntercept: fitsIntercept)
        let x = fitted.features
        let yc = fitted.targets.storage
        let p = x.columnCount
        let xty = BLAS.gemv(x, yc, transpose: true)
        let (eigenvalues, vectors) = try LAPACK.symmetricEigen(BLAS.gram(x))
        let e = eigenvalues.map { Swift.max($0, 0) }
        let vty = BLAS.gemv(vectors, xty, transpose: true)

        func posteriorMean(alpha: Double, lambda: Double) -> (w: [Double], sse: Double) {
            var scaled = vty
            for i in 0..<p { scaled[i] /= e[i] + lambda / alpha }
            let w = BLAS.gemv(vectors, scaled)
            var residual = yc
            BLAS.gemv(x, w, alpha: -1, beta: 1, into: &residual)
            return (w, BLAS.dot(residual, residual))
        }
        var alpha = 1 / (yVariance + Double.ulpOfOne)
        var lambda = 1.0
        var previous: [Double]? = nil
        var iterations = 0
        var converged = false
        for iteration in 0..<maxIterations {
            iterations = iteration + 1
            let (w, sse) = posteriorMean(alpha: alpha, lambda: lambda)
            var gamma = 0.0
            for v in e { gamma += alpha * v / (lambda + alpha * v) }
            lambda = (gamma + 2 * lambda1) / (BLAS.dot(w, w) + 2 * lambda2)
            alpha = (total - gamma + 2 * alpha1) / (sse + 2 * alpha2)
            if let old = previous {
                var change = 0.0
                for j in 0..<p { change += Swift.abs(old[j] - w[j]) }
                if change < tolerance { converged = true; break }
            }
            previous = w
        }
        let w = posteriorMean(alpha: alpha, lambda: lambda).w
        var coefficients = Matrix(rowCount: p, columnCount: 1)
        coefficients.storage = w
        return Model(coefficients: w, intercept: fitted.intercepts(for: coefficients)[0],
                     iterations: iterations, converged: converged)
    }
}
