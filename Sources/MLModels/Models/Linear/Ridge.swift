import MLCore

/// Ridge regression (PyCaret "ridge", scikit-learn `Ridge(solver="cholesky")`).
///
/// Minimises Σ sᵢ(yᵢ − xᵢ·w − b)² + α‖w‖² (not averaged, intercept not penalised) by solving
/// (XcᵀSXc + αI)·w = XcᵀS·yc with a Cholesky factorisation of the Gram matrix (`dsyrk`, `dpotrf`).
/// Defaults: `alpha = 1`, `fitsIntercept = true`.
///
///     let model = try Ridge(alpha: 0.5).fit(data, using: &rng)
public struct Ridge: Estimator {
    /// The L2 strength α (default 1).
    public var alpha: Double
    /// Whether to fit an intercept (default true).
    public var fitsIntercept: Bool

    /// PyCaret's ID.
    public static let id = "ridge"
    /// The leaderboard name.
    public static let displayName = "Ridge Regression"
    /// Regression only.
    public static let supportedTasks: Set<Task> = [.regression]
    /// `alpha ≥ 0`.
    public static let constraints: [ParameterConstraint<Ridge>] = [.real("alpha", \.alpha, .atLeast(0))]

    /// The defaults: `alpha = 1`, `fitsIntercept = true`.
    public init() { self.init(alpha: 1) }

    /// A ridge regression with the given strength.
    public init(alpha: Double, fitsIntercept: Bool = true) {
        self.alpha = alpha
        self.fitsIntercept = fitsIntercept
    }

    /// The fitted model.
    public typealias Model = LinearRegressorModel

    /// Solves the normal equations.
    /// - Throws: `MLError.invalidParameter`, `MLError.invalidInput`, or `MLError.numerical`.
    /// - Complexity: O(rows × features² + features³).
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try validate()
        try checkTrainingData(data)
        let y = try data.valueTarget(for: Self.displayName)
        let targets = Matrix(rowCount: y.count, columnCount: 1).with(column: y)
        let design = CentredDesign(features: data.features, targets: targets,
                                   weights: effectiveSampleWeights(data), fitsIntercept: fitsIntercept)
        let w = try ridgeSolve(design, alpha: alpha)
        return Model(coefficients: w.storage, intercept: design.intercepts(for: w)[0])
    }
}

/// Solves (XᵀX + αI)W = XᵀY for the centred, √w-scaled design; falls back to `dgelsd` when the
/// Gram matrix is singular (α = 0 on a rank-deficient design).
/// - Complexity: O(rows × features² + features³ + rows × features × outputs).
func ridgeSolve(_ design: CentredDesign, alpha: Double) throws -> Matrix {
    let p = design.features.columnCount
    var gram = BLAS.gram(design.features)
    for j in 0..<p { gram[j, j] += alpha }
    let rhs = BLAS.gemm(design.features, design.targets, transposeA: true)
    if let w = try? LAPACK.choleskySolve(gram, rhs) { return w }
    if alpha == 0 { return try LAPACK.leastSquares(design.features, design.targets).solution }
    return try LAPACK.leastSquares(gram, rhs).solution
}
