import MLCore

/// A linear support vector regressor (PyCaret "svm" for regression, scikit-learn `LinearSVR`).
///
/// Minimises ½‖w‖² + C·Σ sᵢ·max(0, |yᵢ − w·xᵢ − b| − ε) by liblinear's dual coordinate descent;
/// the intercept is the weight of a constant feature (penalised, as liblinear with
/// `intercept_scaling=1`). The per-epoch visiting order comes from the stream.
/// Defaults (scikit-learn's): `c = 1`, `epsilon = 0`, `maxIterations = 1000`, `tolerance = 1e-4`,
/// `fitsIntercept = true`.
public struct LinearSVMRegressor: Estimator {
    /// The loss weight C (default 1).
    public var c: Double
    /// The half-width ε of the insensitive tube (default 0).
    public var epsilon: Double
    /// Maximum epochs (default 1000).
    public var maxIterations: Int
    /// Stop when the summed violation falls to this fraction of the first epoch's (default 1e-4).
    public var tolerance: Double
    /// Whether to learn an intercept (default true).
    public var fitsIntercept: Bool

    /// PyCaret's ID.
    public static let id = "svm"
    /// The leaderboard name.
    public static let displayName = "Support Vector Regression"
    /// Regression only.
    public static let supportedTasks: Set<Task> = [.regression]
    /// `c > 0`, `epsilon ≥ 0`, `maxIterations ≥ 1`, `tolerance > 0`.
    public static let constraints: [ParameterConstraint<LinearSVMRegressor>] = [
        .real("C", \.c, .greaterThan(0)),
        .real("epsilon", \.epsilon, .atLeast(0)),
        .integer("maxIterations", \.maxIterations, 1...Int.max),
        .real("tolerance", \.tolerance, .greaterThan(0)),
    ]

    /// The defaults listed on the type.
    public init() {
        c = 1
        epsilon = 0
        maxIterations = 1000
        tolerance = 1e-4
        fitsIntercept = true
    }

    /// The fitted model.
    public typealias Model = LinearRegressorModel

    /// Fits by dual coordinate descent.
    /// - Throws: `MLError.invalidParameter` or `MLError.invalidInput`.
    /// - Complexity: O(epochs × rows × features).
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try validate()
        try checkTrainingData(data)
        let y = try data.valueTarget(for: Self.displayName)
        let n = data.features.rowCount, p = data.features.columnCount
        let bounds = effectiveSampleWeights(data).map { c * $0 }
        let rows = rowMajorWithBias(data.features, bias: fitsIntercept ? 1 : nil)
        var stream = rng.split(0)
        _ = rng.next()
        let result = epsilonInsensitiveDualCoordinateDescent(
            rows: rows, rowCount: n, dimension: p + (fitsIntercept ? 1 : 0), targets: y, bounds: bounds,
            epsilon: epsilon, maxEpochs: maxIterations, tolerance: tolerance, using: &stream)
        return Model(coefficients: Array(result.weights[0..<p]), intercept: fitsIntercept ? result.weights[p] : 0,
                     iterations: result.epochs, converged: result.converged)
    }
}
