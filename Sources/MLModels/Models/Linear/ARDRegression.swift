import MLCore

/// Automatic relevance determination regression (PyCaret "ard", scikit-learn `ARDRegression`).
///
/// Like `BayesianRidge`, but with one precision λⱼ per coefficient. Each iteration computes the
/// posterior covariance Σ = (diag(λ_A) + α·X_AᵀX_A)⁻¹ and mean w_A = α·Σ·X_Aᵀy over the kept
/// features A, then updates γⱼ = 1 − λⱼΣⱼⱼ, λⱼ = (γⱼ + 2λ₁)/(wⱼ² + 2λ₂),
/// α = (Σs − Σγ + 2α₁)/(SSE + 2α₂), and prunes features whose λⱼ reaches `thresholdLambda`;
/// it stops when Σ|Δw| < `tolerance`. Sample weights, which scikit-learn's estimator does not
/// take, scale rows by √wᵢ. Defaults (scikit-learn's): `maxIterations = 300`, `tolerance = 1e-3`,
/// `alpha1 = alpha2 = lambda1 = lambda2 = 1e-6`, `thresholdLambda = 1e4`, `fitsIntercept = true`.
public struct ARDRegression: Estimator {
    /// Maximum iterations (default 300).
    public var maxIterations: Int
    /// Stop when Σ|Δw| falls below this (default 1e-3).
    public var tolerance: Double
    /// Gamma prior shape on the noise precision α (default 1e-6).
    public var alpha1: Double
    /// Gamma prior rate on α (default 1e-6).
    public var alpha2: Double
    /// Gamma prior shape on each weight precision λⱼ (default 1e-6).
    public var lambda1: Double
    /// Gamma prior rate on each λⱼ (default 1e-6).
    public var lambda2: Double
    /// Features whose precision reaches this are pruned (default 1e4).
    public var thresholdLambda: Double
    /// Whether to fit an intercept (default true).
    public var fitsIntercept: Bool

    /// PyCaret's ID.
    public static let id = "ard"
    /// The leaderboard name.
    public static let displayName = "Automatic Relevance Determination"
    /// Regression only.
    public static let supportedTasks: Set<Task> = [.regression]
    /// Iterations ≥ 1; tolerance, threshold > 0; priors ≥ 0.
    public static let constraints: [ParameterConstraint<ARDRegression>] = [
        .integer("maxIterations", \.maxIterations, 1...Int.max),
        .real("tolerance", \.tolerance, .greaterThan(0)),
        .real("alpha1", \.alpha1, .atLeast(0)),
        .real("alpha2", \.alpha2, .atLeast(0)),
        .real("lambda1", \.lambda1, .atLeast(0)),
        .real("lambda2", \.lambda2, .atLeast(0)),
        .real("thresholdLambda", \.thresholdLambda, .greaterThan(0)),
    ]

    /// The defaults listed on the type.
    public init() {
        maxIterations = 300
        tolerance = 1e-3
        alpha1 = 1e-6; alpha2 = 1e-6; lambda1 = 1e-6; lambda2 = 1e-6
        thresholdLambda = 1e4
        fitsIntercept = true
    }

    /// The fitted model.
    public typealias Model = LinearRegressorModel

    /// Runs the evidence iterations with pruning.
    /// - Throws: `MLError.invalidParameter`, `MLError.invalidInput` or `MLError.numerical`.
    /// - Complexity: O(rows × features² + iterations × features³).
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try validate()
        try checkTrainingData(data)
        let y = try data.valueTarget(for: Self.displayName)
        let weights = effectiveSampleWeights(data)
        var total = 0.0
        for w in weights { total += w }
        var yMean = 0.0
        for i in y.indices { yMean += weights[i] * y[i] }
        yMean /= total
        var yVariance = 0.0
        for i in y.indices { yVariance += weights[i] * (y[i] - yMean) * (y[i] - yMean) }
        yVariance /= total
        let design = CentredDesign(features: data.features, targets: Matrix(rowCount: y.count, columnCount: 1).with(column: y),
                                   weights: weights, fitsIntercept: fitsIntercept)
        let x = design.features, yc = design.targets.storage
        let p = x.columnCount
        let gram = BLAS.gram(x)
        let xty = BLAS.gemv(x, yc, transpose: true)
        var alpha = 1 / (yVariance + Double.ulpOfOne)
        var lambda = [Double](repeating: 1, count: p)
        var keep = [Bool](repeating: true, count: p)
        var coef = [Double](repeating: 0, count: p)

        /// Σ over the kept features and the matching posterior mean (written into `coef`).
        func posterior() throws -> (kept: [Int], sigma: Matrix) {
            let kept = (0..<p).filter { keep[$0] }
            var precision = Matrix(rowCount: kept.count, columnCount: kept.count)
            for (a, ja) in kept.enumerated() {
                for (b, jb) in kept.enumerated() { precision[a, b] = alpha * gram[ja, jb] }
                precision[a, a] += lambda[ja]
            }
            let sigma = try LAPACK.choleskySolve(precision, Matrix.identity(kept.count))
            let mean = BLAS.gemv(sigma, kept.map { alpha * xty[$0] })
            for (a, ja) in kept.enumerated() { coef[ja] = mean[a] }
            return (kept, sigma)
        }
        var previous: [Double]? = nil
        var iterations = 0
        var converged = false
        for iteration in 0..<maxIterations {
            iterations = iteration + 1
            let (kept, sigma) = try posterior()
            var residual = yc
            BLAS.gemv(x, coef, alpha: -1, beta: 1, into: &residual)
            let sse = BLAS.dot(residual, residual)
            var gammaSum = 0.0
            for (a, ja) in kept.enumerated() {
                let gamma = 1 - lambda[ja] * sigma[a, a]
                gammaSum += gamma
                lambda[ja] = (gamma + 2 * lambda1) / (coef[ja] * coef[ja] + 2 * lambda2)
            }
            alpha = (total - gammaSum + 2 * alpha1) / (sse + 2 * alpha2)
            for j in 0..<p {
                keep[j] = lambda[j] < thresholdLambda
                if !keep[j] { coef[j] = 0 }
            }
            if let old = previous {
                var change = 0.0
                for j in 0..<p { change += Swift.abs(old[j] - coef[j]) }
                if change < tolerance { converged = true; break }
            }
            previous = coef
            if !keep.contains(true) { break }
        }
        if keep.contains(true) { _ = try posterior() }
        var coefficients = Matrix(rowCount: p, columnCount: 1)
        coefficients.storage = coef
        return Model(coefficients: coef, intercept: design.intercepts(for: coefficients)[0],
                     iterations: iterations, converged: converged)
    }
}
