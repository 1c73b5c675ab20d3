import MLCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Quadratic discriminant analysis: one Gaussian with its own covariance per class.
///
/// Matches scikit-learn `QuadraticDiscriminantAnalysis()` (solver `svd`) whenever every class
/// covariance has full rank: per class, an SVD of the centred rows gives rotations `V` and scalings
/// `S²/n_c`, regularised as `(1 − regParam)·S²/n_c + regParam`. The score of class `c` is
/// `−½(‖(x − μ_c)·V·S^{-½}‖² + Σ log S) + log π_c`, and probabilities are its softmax.
///
/// **Rank-deficient classes.** Where scikit-learn raises `LinAlgError` (a constant or collinear
/// feature, one-hot columns that sum to 1, fewer rows than features in a class), this model keeps
/// going: scalings at or below `max(tol, ε·max(n_c, d)·max S)` span the class's null space and are
/// dropped, so the score uses the pseudo-inverse (distance measured only inside the retained
/// directions) and the pseudo-determinant (`Σ log S` over the retained scalings). The fitted model
/// lists those classes in `Model.rankDeficientClasses` (and explains them in `Model.warnings`).
/// When all classes share the null space (the one-hot case), this equals scikit-learn's QDA on the
/// data with the redundant column removed. `tol` is absolute on the scalings, as scikit-learn's
/// rank estimate; the `ε` floor only catches rounding noise on large-valued features. (A purely
/// relative `tol` would throw away genuine low-variance directions, such as a one-hot column next
/// to an unscaled fare.) A class of identical rows keeps no direction and scores `log π_c` alone.
/// With `regParam > 0` no scaling falls below `regParam`, so `tol < regParam` means full rank; a
/// class with fewer rows than features then also gets `regParam` along its missing directions.
///
/// A class listed in the target but absent from the training rows gets probability 0. A class with
/// a single training row is refused (its covariance is undefined), as in scikit-learn.
/// Sample weights are not used (scikit-learn has none either).
///
/// Defaults: `regParam = 0`, `priors = nil`, `tol = 1e-4`.
/// PyCaret ID `"qda"`, "Quadratic Discriminant Analysis".
public struct QuadraticDiscriminantAnalysis: Estimator {
    /// Shrinks each class covariance toward the identity, in [0, 1].
    public var regParam: Double
    /// Fixed class priors; `nil` learns the class frequencies.
    public var priors: [Double]?
    /// Scalings (covariance eigenvalues) at or below this are treated as the class's null space.
    public var tol: Double

    /// The defaults: `regParam = 0`, learned priors, `tol = 1e-4`.
    public init() {
        regParam = 0
        priors = nil
        tol = 1e-4
    }

    /// A QDA with the given settings.
    public init(regParam: Double = 0, priors: [Double]? = nil, tol: Double = 1e-4) {
        self.regParam = regParam
        self.priors = priors
        self.tol = tol
    }

    /// `"qda"`.
    public static let id = "qda"
    /// `"Quadratic Discriminant Analysis"`.
    public static let displayName = "Quadratic Discriminant Analysis"
    /// Binary and multiclass classification.
    public static let supportedTasks: Set<Task> = [.binary, .multiclass]
    /// `regParam` in [0, 1]; `tol ≥ 0`.
    public static let constraints: [ParameterConstraint<QuadraticDiscriminantAnalysis>] = [
        .real("regParam", \.regParam, .closed(0, 1)),
        .real("tol", \.tol, .atLeast(0)),
    ]

    /// Fits one Gaussian per class; rank-deficient class covariances are kept on their retained
    /// directions (see the type's documentation) instead of refused.
    /// - Throws: `MLError.invalidInput` when a class has one row; `MLError.invalidParameter` for
    ///   bad settings or priors.
    /// - Complexity: O(rows × features²).
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try validate()
        try checkTrainingData(data)
        let (y, k) = try ClassicSupport.classTarget(data, estimator: Self.displayName)
        let x = data.features
        let n = x.rowCount, d = x.columnCount
        let (present, groups) = DiscriminantSupport.groups(y, classCount: k)
        let fixed = try DiscriminantSupport.checkPriors(priors, classCount: k, estimator: Self.displayName)
        let means = DiscriminantSupport.means(x, groups: groups)
        var rotations: [Matrix] = []
        var scalings: [[Double]] = []
        var logPriors: [Double] = []
        var rankDeficient: [Int] = []
        for (g, rows) in groups.enumerated() {
            let c = present[g]
            guard rows.count > 1 else {
                throw MLError.invalidInput("\(Self.displayName): class \(c) has only 1 training row; its covariance is undefined.")
            }
            let prior = fixed.map { $0[c] } ?? Double(rows.count) / Double(n)
            guard prior > 0 else {
                throw MLError.invalidParameter(estimator: Self.displayName, name: "priors", value: "0 for class \(c)",
                                               expected: "a positive prior for every class with training rows")
            }
            let (rotation, scaling) = try classDecomposition(x, rows: rows, mean: g, means: means)
            if scaling.count < d { rankDeficient.append(c) }
            rotations.append(rotation)
            scalings.append(scaling)
            logPriors.append(log(prior))
        }
        return Model(featureCount: d, classCount: k, presentClasses: present, means: means,
                     rotations: rotations, scalings: scalings, logPriors: logPriors,
                     rankDeficientClasses: rankDeficient)
    }

    /// The retained directions of one class: `V` restricted to the kept columns (features × rank)
    /// and their regularised scalings, largest first.
    ///
    /// A class with fewer rows than features is padded with zero rows, which changes neither the
    /// SVD's nonzero part nor `V`, but yields all `d` directions (so `regParam` reaches the missing
    /// ones).
    func classDecomposition(_ x: Matrix, rows: [Int], mean g: Int, means: Matrix) throws -> (Matrix, [Double]) {
        let d = x.columnCount, m = rows.count
        var centred = Matrix(rowCount: max(m, d), columnCount: d)
        for j in 0..<d { for (i, r) in rows.enumerated() { centred[i, j] = x[r, j] - means[g, j] } }
        let svd = try LAPACK.svd(centred)
        let scaling = svd.s.map { (1 - regParam) * ($0 * $0) / Double(m) + regParam }
        let largest = scaling.max() ?? 0
        let threshold = max(tol, largest * Double.ulpOfOne * Double(max(m, d)))
        let kept = (0..<scaling.count).filter { scaling[$0] > threshold }
        var rotation = Matrix(rowCount: d, columnCount: kept.count)
        for (r, s) in kept.enumerated() { for j in 0..<d { rotation[j, r] = svd.vt[s, j] } }
        return (rotation, kept.map { scaling[$0] })
    }

    /// A fitted quadratic discriminant.
    public struct Model: ProbabilisticModel, Equatable {
        /// Number of feature columns.
        public let featureCount: Int
        /// Number of classes in the target.
        public let classCount: Int
        /// Classes with training rows; the per-class arrays follow this order.
        public let presentClasses: [Int]
        /// Class means (present classes × features).
        public let means: Matrix
        /// Per class, the retained rotation columns of `V` (features × rank).
        public let rotations: [Matrix]
        /// Per class, the retained regularised covariance eigenvalues (rank values, largest first).
        public let scalings: [[Double]]
        /// Per class, `log π_c`.
        public let logPriors: [Double]
        /// Classes (indices into all classes) whose covariance was rank deficient, so their scores
        /// use the pseudo-inverse and pseudo-determinant. Empty when every covariance has full rank.
        public let rankDeficientClasses: [Int]

        /// One human-readable line per rank-deficient class (empty when there are none).
        public var warnings: [String] {
            rankDeficientClasses.map { c in
                let rank = presentClasses.firstIndex(of: c).map { scalings[$0].count } ?? 0
                return "Quadratic Discriminant Analysis: the covariance of class \(c) has rank \(rank) < \(featureCount) "
                    + "features (collinear or constant features); its scores use the pseudo-inverse. "
                    + "Increase regParam to regularise instead."
            }
        }

        /// Log-posterior scores up to a constant (rows × present classes).
        /// - Complexity: O(rows × features² × classes).
        public func decisionScores(_ features: Matrix) throws -> Matrix {
            try checkPredictionInput(features)
            let n = features.rowCount, d = featureCount
            var scores = Matrix(rowCount: n, columnCount: presentClasses.count)
            for g in 0..<presentClasses.count {
                let rank = scalings[g].count
                let logDet = scalings[g].reduce(0) { $0 + log($1) }
                var distance = [Double](repeating: 0, count: n)
                if rank > 0 {
                    var centred = features
                    for j in 0..<d { for i in 0..<n { centred[i, j] -= means[g, j] } }
                    var scaledRotation = rotations[g]
                    for r in 0..<rank {
                        let f = 1 / scalings[g][r].squareRoot()
                        for j in 0..<d { scaledRotation[j, r] *= f }
                    }
                    let z = BLAS.gemm(centred, scaledRotation)
                    for r in 0..<rank { for i in 0..<n { distance[i] += z[i, r] * z[i, r] } }
                }
                for i in 0..<n { scores[i, g] = -0.5 * (distance[i] + logDet) + logPriors[g] }
            }
            return scores
        }

        /// Class probabilities (softmax of the scores; classes without training rows get 0).
        public func predictProbabilities(_ features: Matrix) throws -> Matrix {
            DiscriminantSupport.probabilities(scores: try decisionScores(features), present: presentClasses, classCount: classCount)
        }

        /// The class with the highest score.
        public func predict(_ features: Matrix) throws -> Prediction {
            .classes(DiscriminantSupport.argmax(scores: try decisionScores(features), present: presentClasses))
        }
    }
}
