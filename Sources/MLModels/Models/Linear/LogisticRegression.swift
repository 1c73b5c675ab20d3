import MLCore

/// Logistic regression (PyCaret "lr", scikit-learn `LogisticRegression`).
///
/// Minimises scikit-learn's objective `C·Σ sᵢ·ℓᵢ + penalty(W)` (intercepts not penalised) with
/// Newton–Cholesky (two classes, `.l2` or `.none`, up to 256 features, as scikit-learn's
/// `newton-cholesky`; L-BFGS when the Hessian is singular), L-BFGS (`.l2`, `.none` otherwise)
/// or OWL-QN (`.l1`). Every solver stops when max |∇f| ≤ `tolerance`. Two present classes give one sigmoid output (the
/// second class is positive); more give a multinomial softmax with one output per class, as
/// scikit-learn ≥ 1.5 does by default.
///
/// Defaults (PyCaret's `LogisticRegression(max_iter=1000)`, scikit-learn 1.9.1 otherwise):
/// `c = 1`, `penalty = .l2`, `maxIterations = 1000`, `tolerance = 1e-4`, `fitsIntercept = true`,
/// `classWeight = .none`.
///
///     let model = try LogisticRegression().fit(data, using: &rng)
///     let p = try model.predictProbabilities(test)
///
/// Classes of `Target.names` without training rows get probability 0. One present class gives a
/// constant model. Sample weights multiply the per-row loss (weight 2 = the row twice).
public struct LogisticRegression: Estimator {
    /// The penalty on the coefficients.
    public enum Penalty: String, Codable, Sendable, Hashable, CaseIterable {
        /// ½‖W‖² (scikit-learn `l1_ratio=0`).
        case l2
        /// ‖W‖₁ (scikit-learn `l1_ratio=1`), solved by OWL-QN.
        case l1
        /// No penalty (scikit-learn `C=np.inf`); may not converge on separable data.
        case none
    }

    /// Per-class weights multiplied into the sample weights.
    public enum ClassWeight: String, Codable, Sendable, Hashable, CaseIterable {
        /// All classes weigh 1.
        case none
        /// n / (classes × count of the class), scikit-learn's `"balanced"`.
        case balanced
    }

    /// Inverse regularisation strength `C` (default 1); larger means less regularisation.
    public var c: Double
    /// The penalty (default `.l2`).
    public var penalty: Penalty
    /// Maximum solver iterations (default 1000, as PyCaret sets it).
    public var maxIterations: Int
    /// Stop when the largest gradient component is below this (default 1e-4, scikit-learn's `tol`).
    public var tolerance: Double
    /// Whether to fit intercepts (default true).
    public var fitsIntercept: Bool
    /// Class weighting (default `.none`).
    public var classWeight: ClassWeight

    /// PyCaret's ID.
    public static let id = "lr"
    /// The leaderboard name.
    public static let displayName = "Logistic Regression"
    /// Binary and multiclass targets.
    public static let supportedTasks: Set<Task> = [.binary, .multiclass]
    /// `C > 0`, `maxIterations ≥ 1`, `tolerance > 0`.
    public static let constraints: [ParameterConstraint<LogisticRegression>] = [
        .real("C", \.c, .greaterThan(0)),
        .integer("maxIterations", \.maxIterations, 1...Int.max),
        .real("tolerance", \.tolerance, .greaterThan(0)),
    ]

    /// The defaults listed on the type.
    public init() {
        self.init(c: 1)
    }

    /// A logistic regression with the given hyperparameters.
    public init(c: Double = 1, penalty: Penalty = .l2, maxIterations: Int = 1000, tolerance: Double = 1e-4,
                fitsIntercept: Bool = true, classWeight: ClassWeight = .none) {
        self.c = c
        self.penalty = penalty
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.fitsIntercept = fitsIntercept
        self.classWeight = classWeight
    }

    /// The fitted model: coefficients, intercepts and the present classes.
    public typealias Model = LinearClassifierModel

    /// Fits by Newton–Cholesky (binary, small), L-BFGS, or OWL-QN for `.l1`.
    /// - Throws: `MLError.invalidParameter` for a bad hyperparameter, `MLError.invalidInput` for bad data.
    /// - Complexity: O(iterations × rows × features × outputs).
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try validate()
        try checkTrainingData(data)
        let (indices, names) = try data.classTarget(for: Self.displayName)
        let classes = PresentClasses(indices: indices, classCount: names.count)
        let p = data.features.columnCount
        if classes.present.count < 2 {
            return Model(coefficients: Matrix(rowCount: p, columnCount: 0), intercepts: [],
                         presentClasses: classes.present, classCount: names.count)
        }
        var weights = effectiveSampleWeights(data)
        if classWeight == .balanced {
            let cw = classes.balancedRowWeights()
            for i in weights.indices { weights[i] *= cw[i] }
        }
        var total = 0.0
        for w in weights { total += w }
        let outputs = classes.present.count == 2 ? 1 : classes.present.count
        let loss = LogisticLoss(features: data.features, labels: classes.rowPositions,
                                normalisedWeights: weights.map { $0 / total },
                                l2Strength: penalty == .l2 ? 1 / (c * total) : 0, outputCount: outputs)
        if outputs == 1 && penalty != .l1 && p <= logisticNewtonMaxFeatures,
           let result = logisticNewton(loss, fitsIntercept: fitsIntercept, maxIterations: maxIterations,
                                       tolerance: tolerance) {
            var coefficients = Matrix(rowCount: p, columnCount: 1)
            coefficients.storage = Array(result.theta[0..<p])
            return Model(coefficients: coefficients, intercepts: [result.theta[p]], presentClasses: classes.present,
                         classCount: names.count, iterations: result.iterations, converged: result.converged)
        }
        var solver = LBFGS(maxIterations: maxIterations, gradientTolerance: tolerance)
        if penalty == .l1 {
            solver.l1Strength = 1 / (c * total)
            solver.l1Count = p * outputs
        }
        let start = [Double](repeating: 0, count: loss.parameterCount)
        let result: LBFGS.Result
        if fitsIntercept {
            result = solver.minimize(from: start) { loss.evaluate($0, gradient: &$1) }
        } else {
            result = solver.minimize(from: start) { theta, g in
                let f = loss.evaluate(theta, gradient: &g)
                for k in 0..<outputs { g[p * outputs + k] = 0 }   // intercepts stay at 0
                return f
            }
        }
        var coefficients = Matrix(rowCount: p, columnCount: outputs)
        coefficients.storage = Array(result.x[0..<(p * outputs)])
        return Model(coefficients: coefficients, intercepts: Array(result.x[(p * outputs)...]),
                     presentClasses: classes.present, classCount: names.count,
                     iterations: result.iterations, converged: result.converged)
    }
}
