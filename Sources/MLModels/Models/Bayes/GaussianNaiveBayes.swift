import MLCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Gaussian naive Bayes: each feature is normal within each class, features independent.
///
/// Matches scikit-learn `GaussianNB()`: class means and (biased, ddof 0) variances, weighted when
/// sample weights are given; every variance is increased by `varSmoothing × max feature variance`
/// (the variance of each column over all training rows, unweighted); class priors are the
/// (weighted) class frequencies unless `priors` is given. Probabilities come from a log-sum-exp of
/// the joint log-likelihoods. A class listed in the target but absent from the training rows gets
/// prior 0 and probability 0. Variances are floored at the smallest normal double, so constant
/// data with `varSmoothing = 0` gives finite scores instead of scikit-learn's NaN.
///
/// Defaults: `varSmoothing = 1e-9`, `priors = nil`.
/// PyCaret ID `"nb"`, "Naive Bayes".
public struct GaussianNaiveBayes: Estimator {
    /// Portion of the largest feature variance added to every variance, for stability.
    public var varSmoothing: Double
    /// Fixed class priors (one per class, non-negative, summing to 1); `nil` learns them.
    public var priors: [Double]?

    /// The defaults: `varSmoothing = 1e-9`, learned priors.
    public init() {
        varSmoothing = 1e-9
        priors = nil
    }

    /// A naive Bayes classifier with the given smoothing and priors.
    public init(varSmoothing: Double = 1e-9, priors: [Double]? = nil) {
        self.varSmoothing = varSmoothing
        self.priors = priors
    }

    /// `"nb"`.
    public static let id = "nb"
    /// `"Naive Bayes"`.
    public static let displayName = "Naive Bayes"
    /// Binary and multiclass classification.
    public static let supportedTasks: Set<Task> = [.binary, .multiclass]
    /// `varSmoothing ≥ 0`.
    public static let constraints: [ParameterConstraint<GaussianNaiveBayes>] = [
        .real("varSmoothing", \.varSmoothing, .atLeast(0)),
    ]

    /// Fits class means, variances and priors.
    /// - Throws: `MLError.invalidParameter` for a bad `varSmoothing` or `priors`;
    ///   `MLError.invalidInput` for unusable data.
    /// - Complexity: O(rows × features).
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try validate()
        try checkTrainingData(data)
        let (y, k) = try ClassicSupport.classTarget(data, estimator: Self.displayName)
        let x = data.features
        let n = x.rowCount, d = x.columnCount
        let w = data.sampleWeights

        // epsilon = varSmoothing × max_j Var(X[:, j]) (unweighted, as scikit-learn).
        var maxVariance = 0.0
        for j in 0..<d {
            let v = x.withColumn(j) { col -> Double in
                var s = 0.0
                for i in 0..<n { s += col[i] }
                let m = s / Double(n)
                var ss = 0.0
                for i in 0..<n { let t = col[i] - m; ss += t * t }
                return ss / Double(n)
            }
            maxVariance = max(maxVariance, v)
        }
        let epsilon = varSmoothing * maxVariance

        let classTotals = ClassicSupport.classWeights(y, classCount: k, weights: w)
        var means = Matrix(rowCount: k, columnCount: d)
        var variances = Matrix(rowCount: k, columnCount: d, repeating: epsilon)
        y.withUnsafeBufferPointer { yb in
            for j in 0..<d {
                x.withColumn(j) { col in
                    var sums = [Double](repeating: 0, count: k)
                    for i in 0..<n { sums[Int(yb[i])] += (w?[i] ?? 1) * col[i] }
                    for c in 0..<k where classTotals[c] > 0 { means[c, j] = sums[c] / classTotals[c] }
                    var squares = [Double](repeating: 0, count: k)
                    for i in 0..<n {
                        let c = Int(yb[i])
                        let t = col[i] - means[c, j]
                        squares[c] += (w?[i] ?? 1) * t * t
                    }
                    for c in 0..<k where classTotals[c] > 0 { variances[c, j] = squares[c] / classTotals[c] + epsilon }
                    // A zero variance (constant data and no smoothing) would divide by zero: floor it.
                    for c in 0..<k where variances[c, j] < .leastNormalMagnitude { variances[c, j] = .leastNormalMagnitude }
                }
            }
        }

        var classPriors: [Double]
        if let p = priors {
            guard p.count == k else {
                throw MLError.invalidParameter(estimator: Self.displayName, name: "priors", value: "\(p.count) values",
                                               expected: "one prior per class (\(k))")
            }
            let total = p.reduce(0, +)
            guard p.allSatisfy({ $0.isFinite && $0 >= 0 }), abs(total - 1) <= 1e-8 else {
                throw MLError.invalidParameter(estimator: Self.displayName, name: "priors", value: "\(p)",
                                               expected: "non-negative numbers summing to 1")
            }
            classPriors = p
        } else {
            let total = classTotals.reduce(0, +)
            classPriors = classTotals.map { $0 / total }
        }
        // A class without training rows has no Gaussian to score: keep it at probability 0.
        for c in 0..<k where classTotals[c] <= 0 { classPriors[c] = 0 }
        return Model(featureCount: d, means: means, variances: variances, classPriors: classPriors, epsilon: epsilon)
    }

    /// A fitted Gaussian naive Bayes classifier.
    public struct Model: ProbabilisticModel, Equatable {
        /// Number of feature columns.
        public let featureCount: Int
        /// Class means (`theta_`): classes × features.
        public let means: Matrix
        /// Class variances including the smoothing (`var_`): classes × features.
        public let variances: Matrix
        /// Class priors (`class_prior_`).
        public let classPriors: [Double]
        /// The smoothing added to every variance (`epsilon_`).
        public let epsilon: Double

        /// The number of classes.
        public var classCount: Int { classPriors.count }

        /// The joint log-likelihood `log P(c) + log P(x | c)` (rows × classes); −∞ for prior-0 classes.
        /// - Complexity: O(rows × features × classes).
        public func jointLogLikelihood(_ features: Matrix) throws -> Matrix {
            try checkPredictionInput(features)
            let n = features.rowCount, k = classCount, d = featureCount
            var out = Matrix(rowCount: n, columnCount: k)
            for c in 0..<k {
                guard classPriors[c] > 0 else {
                    for i in 0..<n { out[i, c] = -.infinity }
                    continue
                }
                var constant = log(classPriors[c])
                for j in 0..<d { constant -= 0.5 * log(2 * Double.pi * variances[c, j]) }
                out.storage.withUnsafeMutableBufferPointer { o in
                    let base = c &* n
                    for i in 0..<n { o[base &+ i] = constant }
                    for j in 0..<d {
                        let m = means[c, j]
                        let inv = 0.5 / variances[c, j]
                        features.withColumn(j) { col in
                            for i in 0..<n {
                                let t = col[i] - m
                                o[base &+ i] -= t * t * inv
                            }
                        }
                    }
                }
            }
            return out
        }

        /// Class probabilities (rows × classes), each row summing to 1.
        public func predictProbabilities(_ features: Matrix) throws -> Matrix {
            var l = try jointLogLikelihood(features)
            ClassicSupport.softmaxRows(&l)
            return l
        }

        /// The most probable class of each row.
        public func predict(_ features: Matrix) throws -> Prediction {
            .classes(argmaxClasses(try jointLogLikelihood(features)))
        }
    }
}
