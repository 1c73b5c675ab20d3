import MLCore

/// Least angle regression (PyCaret "lar", scikit-learn `Lars`).
///
/// Runs the LARS path on the centred data until `nonzeroCoefficients` features are active (or
/// all of them, where the path ends at the least-squares fit) and keeps its last point.
/// Sample weights, which scikit-learn's `Lars` does not take, scale rows by √wᵢ (weight 2 = the
/// row twice). Defaults: `nonzeroCoefficients = 500`, `fitsIntercept = true`.
public struct Lars: Estimator {
    /// The most features the path may activate (default 500).
    public var nonzeroCoefficients: Int
    /// Whether to fit an intercept (default true).
    public var fitsIntercept: Bool

    /// PyCaret's ID.
    public static let id = "lar"
    /// The leaderboard name.
    public static let displayName = "Least Angle Regression"
    /// Regression only.
    public static let supportedTasks: Set<Task> = [.regression]
    /// `nonzeroCoefficients ≥ 1`.
    public static let constraints: [ParameterConstraint<Lars>] = [
        .integer("nonzeroCoefficients", \.nonzeroCoefficients, 1...Int.max),
    ]

    /// The defaults listed on the type.
    public init() { self.init(nonzeroCoefficients: 500) }

    /// LARS limited to `nonzeroCoefficients` active features.
    public init(nonzeroCoefficients: Int, fitsIntercept: Bool = true) {
        self.nonzeroCoefficients = nonzeroCoefficients
        self.fitsIntercept = fitsIntercept
    }

    /// The fitted model.
    public typealias Model = LinearRegressorModel

    /// Runs the path.
    /// - Throws: `MLError.invalidParameter` or `MLError.invalidInput`.
    /// - Complexity: O(rows × features² + steps × features³).
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try validate()
        try checkTrainingData(data)
        let y = try data.valueTarget(for: Self.displayName)
        let design = CentredDesign(features: data.features, targets: Matrix(rowCount: y.count, columnCount: 1).with(column: y),
                                   weights: effectiveSampleWeights(data), fitsIntercept: fitsIntercept)
        let beta = leastAngleRegression(design.features, design.targets.storage, maxActive: nonzeroCoefficients)
        var coefficients = Matrix(rowCount: beta.count, columnCount: 1)
        coefficients.storage = beta
        return Model(coefficients: beta, intercept: design.intercepts(for: coefficients)[0])
    }
}
