import MLCore

/// Orthogonal matching pursuit (PyCaret "omp", scikit-learn `OrthogonalMatchingPursuit`).
///
/// Greedy: the feature most correlated with the residual joins the active set, then the
/// coefficients of the active set are refitted by least squares (Cholesky on the Gram block),
/// until `nonzeroCoefficients` features are active (default: max(⌊0.1·p⌋, 1), as scikit-learn)
/// or the next pick adds nothing. Works on the centred data (`fitsIntercept = true` by default).
/// Sample weights, which scikit-learn's estimator does not take, scale rows by √wᵢ.
public struct OrthogonalMatchingPursuit: Estimator {
    /// The number of active features; `nil` means max(⌊0.1·features⌋, 1) (default `nil`).
    public var nonzeroCoefficients: Int?
    /// Whether to fit an intercept (default true).
    public var fitsIntercept: Bool

    /// PyCaret's ID.
    public static let id = "omp"
    /// The leaderboard name.
    public static let displayName = "Orthogonal Matching Pursuit"
    /// Regression only.
    public static let supportedTasks: Set<Task> = [.regression]
    /// `nonzeroCoefficients` is nil or ≥ 1.
    public static let constraints: [ParameterConstraint<OrthogonalMatchingPursuit>] = [
        .optionalInteger("nonzeroCoefficients", \.nonzeroCoefficients, 1...Int.max),
    ]

    /// The defaults listed on the type.
    public init() { self.init(nonzeroCoefficients: nil) }

    /// OMP with a given number of active features.
    public init(nonzeroCoefficients: Int?, fitsIntercept: Bool = true) {
        self.nonzeroCoefficients = nonzeroCoefficients
        self.fitsIntercept = fitsIntercept
    }

    /// The fitted model.
    public typealias Model = LinearRegressorModel

    /// Runs the greedy selection.
    /// - Throws: `MLError.invalidParameter` or `MLError.invalidInput`.
    /// - Complexity: O(rows × features² + steps × (features² + steps³)).
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try validate()
        try checkTrainingData(data)
        let y = try data.valueTarget(for: Self.displayName)
        let p = data.features.columnCount
        let design = CentredDesign(features: data.features, targets: Matrix(rowCount: y.count, columnCount: 1).with(column: y),
                                   weights: effectiveSampleWeights(data), fitsIntercept: fitsIntercept)
        let target = Swift.min(nonzeroCoefficients ?? Swift.max(Int(0.1 * Double(p)), 1), p)
        let gram = BLAS.gram(design.features)
        let xty = BLAS.gemv(design.features, design.targets.storage, transpose: true)
        var beta = [Double](repeating: 0, count: p)
        var active: [Int] = []
        var isActive = [Bool](repeating: false, count: p)
        var correlation = xty
        while active.count < target {
            var pick = 0
            for j in 1..<max(p, 1) where Swift.abs(correlation[j]) > Swift.abs(correlation[pick]) { pick = j }
            if p == 0 || isActive[pick] || xty[pick] * xty[pick] < Double.ulpOfOne { break }
            active.append(pick)
            var block = Matrix(rowCount: active.count, columnCount: active.count)
            for (a, ja) in active.enumerated() { for (b, jb) in active.enumerated() { block[a, b] = gram[ja, jb] } }
            guard let gamma = try? LAPACK.choleskySolve(block, active.map { xty[$0] }) else {
                active.removeLast()   // the new feature depends on the active ones
                break
            }
            isActive[pick] = true
            beta = [Double](repeating: 0, count: p)
            for (a, ja) in active.enumerated() { beta[ja] = gamma[a] }
            // Xᵀr = Xᵀy − G·β
            correlation = xty
            for j in 0..<p { for ja in active { correlation[j] -= gram[j, ja] * beta[ja] } }
        }
        var coefficients = Matrix(rowCount: p, columnCount: 1)
        coefficients.storage = beta
        return Model(coefficients: beta, intercept: design.intercepts(for: coefficients)[0])
    }
}
