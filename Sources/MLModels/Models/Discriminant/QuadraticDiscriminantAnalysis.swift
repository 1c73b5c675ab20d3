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
/// Matches scikit-learn `QuadraticDiscriminantAnalysis()` (solver `svd`): per class, an SVD of the
/// centred rows gives rotations `V` and scalings `S²/n_c`, regularised as
/// `(1 − regParam)·S²/n_c + regParam`; a class whose scalings are not all above `tol` is refused
/// (scikit-learn raises `LinAlgError` there too — raise `regParam`). The score of class `c` is
/// `−½(‖(x − μ_c)·V·S^{-½}‖² + Σ log S) + log π_c`, and probabilities are its softmax.
/// A class listed in the target but absent from the training rows gets probability 0.
///
/// Defaults: `regParam = 0`, `priors = nil`, `tol = 1e-4`.
/// PyCaret ID `"qda"`, "Quadratic Discriminant Analysis".
public struct QuadraticDiscriminantAnalysis: Estimator {
    /// Shrinks each class covariance toward the identity, in [0, 1].
    public var regParam: Double
    /// Fixed class priors; `nil` learns the class frequencies.
    public var priors: [Double]?
    /// Scalings at or below this make a class covariance rank deficient.
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

    /// Fits one Gaussian per class.
    /// - Throws: `MLError.invalidInput` when a class has one row, or its covariance is rank
    ///   deficient (raise `regParam`); `MLError.invalidParameter` for bad settings.
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
        for (g, rows) in groups.enumerated() {
            let c = present[g]
            guard rows.count > 1 else {
                throw MLError.invalidInput("\(Self.displayName): class \(c) has only 1 training row; its covariance is undefined.")
            }
            var centred = x.gatheringRows(rows)
            for j in 0..<d { for i in 0..<rows.count { centred[i, j] -= means[g, j] } }
            let svd = try LAPACK.svd(centred)
            let scaling = svd.s.map { (1 - regParam) * ($0 * $0) / Double(rows.count) + regParam }
            guard scaling.filter({ $0 > tol }).count == d else {
                throw MLError.invalidInput("\(Self.displayName): the covariance of class \(c) is not full rank "
                    + "(\(rows.count) rows, \(d) features); increase regParam to reduce the collinearity.")
            }
            rotations.append(svd.vt.transposed)
            scalings.append(scaling)
            let prior = fixed.map { $0[c] } ?? Double(rows.count) / Double(n)
            guard prior > 0 else {
                throw MLError.invalidParameter(estimator: Self.displayName, name: "priors", value: "0 for class \(c)",
                                               expected: "a positive prior for every class with training rows")
            }
            logPriors.append(log(prior))
        }
        return Model(featureCount: d, classCount: k, presentClasses: present, means: means,
                     rotations: rotations, scalings: scalings, logPriors: logPriors)
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
        /// Per class, the rotation `V` (features × features).
        public let rotations: [Matrix]
        /// Per class, the regularised covariance eigenvalues.
        public let scalings: [[Double]]
        /// Per class, `log π_c`.
        public let logPriors: [Double]

        /// Log-posterior scores up to a constant (rows × present classes).
        /// - Complexity: O(rows × features² × classes).
        public func decisionScores(_ features: Matrix) throws -> Matrix {
            try checkPredictionInput(features)
            let n = features.rowCount, d = featureCount
            var scores = Matrix(rowCount: n, columnCount: presentClasses.count)
            for g in 0..<presentClasses.count {
                var centred = features
                for j in 0..<d { for i in 0..<n { centred[i, j] -= means[g, j] } }
                var scaledRotation = rotations[g]
                for r in 0..<d {
                    let f = 1 / scalings[g][r].squareRoot()
                    for j in 0..<d { scaledRotation[j, r] *= f }
                }
                let z = BLAS.gemm(centred, scaledRotation)
                let logDet = scalings[g].reduce(0) { $0 + log($1) }
                for i in 0..<n {
                    var s = 0.0
                    for r in 0..<d { s += z[i, r] * z[i, r] }
                    scores[i, g] = -0.5 * (s + logDet) + logPriors[g]
                }
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
