import MLCore

/// Ordinary least squares (PyCaret "lr" for regression, scikit-learn `LinearRegression`).
///
/// Centres X and y with the (weighted) means, scales rows by √wᵢ and solves the least-squares
/// problem with LAPACK `dgelsd` (SVD based, so rank-deficient designs get the minimum-norm
/// solution, as scikit-learn's `scipy.linalg.lstsq`). Defaults: `fitsIntercept = true`.
///
///     let model = try LinearRegression().fit(data, using: &rng)
public struct LinearRegression: Estimator {
    /// Whether to fit an intercept (default true).
    public var fitsIntercept: Bool

    /// PyCaret's ID.
    public static let id = "lr"
    /// The leaderboard name.
    public static let displayName = "Linear Regression"
    /// Regression only.
    public static let supportedTasks: Set<Task> = [.regression]
    /// No numeric hyperparameters.
    public static let constraints: [ParameterConstraint<LinearRegression>] = []

    /// The defaults: `fitsIntercept = true`.
    public init() { self.fitsIntercept = true }

    /// OLS with or without an intercept.
    public init(fitsIntercept: Bool) { self.fitsIntercept = fitsIntercept }

    /// The fitted model.
    public typealias Model = LinearRegressorModel

    /// Solves the (weighted) least-squares problem.
    /// - Throws: `MLError.invalidInput` for bad data, `MLError.numerical` if LAPACK fails.
    /// - Complexity: O(rows × features²).
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try validate()
        try checkTrainingData(data)
        let y = try data.valueTarget(for: Self.displayName)
        let design = CentredDesign(features: data.features, targets: Matrix(rowCount: y.count, columnCount: 1).with(column: y),
                                   weights: effectiveSampleWeights(data), fitsIntercept: fitsIntercept)
        let (solution, _) = try LAPACK.leastSquares(design.features, design.targets)
        return Model(coefficients: solution.storage, intercept: design.intercepts(for: solution)[0])
    }
}
