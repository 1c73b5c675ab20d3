import MLCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Linear discriminant analysis: Gaussian classes sharing one covariance matrix.
///
/// Matches scikit-learn `LinearDiscriminantAnalysis()`:
/// - `.svd` (the default) follows `_solve_svd`: an SVD of the within-class-centred, per-feature
///   scaled data, then an SVD of the weighted class centres; no covariance matrix is formed.
/// - `.eigen` and `.lsqr` use the prior-weighted within-class covariance `Sw` (ddof 0), optionally
///   shrunk per class by a fixed amount (`shrunk_covariance`) or by Ledoit–Wolf on the
///   standardised class rows (`shrinkage="auto"`). The coefficients `means · Sw⁻¹` equal
///   scikit-learn's `means · V·Vᵀ` from `eigh(Sb, Sw)`; `.eigen` computes them by a Cholesky solve
///   and `.lsqr` by an SVD least-squares solve (`_solve_lstsq`), which also copes with a singular
///   `Sw`.
///
/// Priors are the class frequencies unless given. Sample weights are not supported (nor are they
/// in scikit-learn). A class listed in the target but absent from the training rows gets
/// probability 0.
///
/// Defaults: `solver = .svd`, `shrinkage = nil`, `priors = nil`, `tol = 1e-4`.
/// PyCaret ID `"lda"`, "Linear Discriminant Analysis".
public struct LinearDiscriminantAnalysis: Estimator {
    /// How the discriminant is computed.
    public enum Solver: String, Codable, Sendable, Hashable, CaseIterable {
        /// scikit-learn's default SVD solver (no shrinkage).
        case svd
        /// The covariance solver through a Cholesky solve; supports shrinkage.
        case eigen
        /// The covariance solver through least squares; supports shrinkage.
        case lsqr
    }

    /// How the within-class covariance is shrunk (`.eigen` and `.lsqr` only).
    public enum Shrinkage: Codable, Sendable, Hashable {
        /// Ledoit–Wolf, computed from the data (scikit-learn `shrinkage="auto"`).
        case auto
        /// A fixed amount in [0, 1].
        case fixed(Double)
    }

    /// The solver (default `.svd`).
    public var solver: Solver
    /// Covariance shrinkage for `.eigen` / `.lsqr`; `nil` for none.
    public var shrinkage: Shrinkage?
    /// Fixed class priors; `nil` learns the class frequencies.
    public var priors: [Double]?
    /// Singular values below this count as zero (`.svd` only).
    public var tol: Double

    /// The defaults: SVD solver, no shrinkage, learned priors, `tol = 1e-4`.
    public init() {
        solver = .svd
        shrinkage = nil
        priors = nil
        tol = 1e-4
    }

    /// An LDA with the given settings.
    public init(solver: Solver = .svd, shrinkage: Shrinkage? = nil, priors: [Double]? = nil, tol: Double = 1e-4) {
        self.solver = solver
        self.shrinkage = shrinkage
        self.priors = priors
        self.tol = tol
    }

    /// `"lda"`.
    public static let id = "lda"
    /// `"Linear Discriminant Analysis"`.
    public static let displayName = "Linear Discriminant Analysis"
    /// Binary and multiclass classification.
    public static let supportedTasks: Set<Task> = [.binary, .multiclass]
    /// A fixed `shrinkage` in [0, 1]; `tol ≥ 0`.
    public static let constraints: [ParameterConstraint<LinearDiscriminantAnalysis>] = [
        ParameterConstraint(name: "shrinkage", expected: "nil, auto or a number in [0, 1]",
                            isSatisfied: { if case let .fixed(s)? = $0.shrinkage { return Interval.closed(0, 1).contains(s) }; return true },
                            describeValue: { "\($0.shrinkage.map { "\($0)" } ?? "nil")" },
                            invalidVariants: { e in [-0.5, 1.5, .nan].map { var c = e; c.shrinkage = .fixed($0); return c } }),
        .real("tol", \.tol, .atLeast(0)),
    ]

    /// Fits the discriminant.
    /// - Throws: `MLError.invalidParameter` for bad settings (shrinkage with `.svd`, bad priors),
    ///   `MLError.invalidInput` when the rows do not outnumber the classes, `MLError.numerical` when
    ///   the within-class covariance is singular for `.eigen`.
    /// - Complexity: O(rows × features²).
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try validate()
        try checkTrainingData(data)
        if solver == .svd, shrinkage != nil {
            throw MLError.invalidParameter(estimator: Self.displayName, name: "shrinkage", value: "\(shrinkage.map { "\($0)" } ?? "nil")",
                                           expected: "nil with solver svd (use solver eigen or lsqr for shrinkage)")
        }
        let (y, k) = try ClassicSupport.classTarget(data, estimator: Self.displayName)
        let x = data.features
        let n = x.rowCount, d = x.columnCount
        let (present, groups) = DiscriminantSupport.groups(y, classCount: k)
        guard n > present.count else {
            throw MLError.invalidInput("\(Self.displayName): the number of rows (\(n)) must exceed the number of classes (\(present.count)).")
        }
        let fixed = try DiscriminantSupport.checkPriors(priors, classCount: k, estimator: Self.displayName)
        let p = groups.enumerated().map { g, rows in fixed.map { $0[present[g]] } ?? Double(rows.count) / Double(n) }
        guard p.allSatisfy({ $0 > 0 }) else {
            throw MLError.invalidParameter(estimator: Self.displayName, name: "priors", value: "\(priors ?? [])",
                                           expected: "a positive prior for every class with training rows")
        }
        let means = DiscriminantSupport.means(x, groups: groups)

        let (coef, intercept): (Matrix, [Double])
        switch solver {
        case .svd: (coef, intercept) = try solveSVD(x, groups: groups, means: means, priors: p)
        case .eigen, .lsqr: (coef, intercept) = try solveCovariance(x, groups: groups, means: means, priors: p)
        }
        return Model(featureCount: d, classCount: k, presentClasses: present, coefficients: coef, intercepts: intercept)
    }

    /// scikit-learn's `_solve_svd`.
    private func solveSVD(_ x: Matrix, groups: [[Int]], means: Matrix, priors: [Double]) throws -> (Matrix, [Double]) {
        let n = x.rowCount, d = x.columnCount, g = groups.count
        // Within-class centred data, each column scaled by its std and by 1/√n.
        var xc = Matrix(rowCount: n, columnCount: d)
        var std = [Double](repeating: 1, count: d)
        for j in 0..<d {
            x.withColumn(j) { col in
                var r = 0
                for (c, rows) in groups.enumerated() {
                    for i in rows { xc[r, j] = col[i] - means[c, j]; r += 1 }
                }
            }
            let column = xc.column(j)
            let s = Stats.standardDeviation(column)
            std[j] = s == 0 ? 1 : s
            let scale = 1 / (std[j] * Double(n).squareRoot())
            for i in 0..<n { xc[i, j] *= scale }
        }
        let first = try LAPACK.svd(xc)
        let rank = first.s.filter { $0 > tol }.count
        guard rank > 0 else { throw MLError.invalidInput("\(Self.displayName): the within-class variance is zero.") }
        // scalings (d × rank) = (Vt[:rank] / std)ᵀ / S[:rank]
        var scalings = Matrix(rowCount: d, columnCount: rank)
        for r in 0..<rank { for j in 0..<d { scalings[j, r] = first.vt[r, j] / std[j] / first.s[r] } }

        var xbar = [Double](repeating: 0, count: d)
        for c in 0..<g { for j in 0..<d { xbar[j] += priors[c] * means[c, j] } }
        let fac = g == 1 ? 1.0 : 1.0 / Double(g - 1)
        var centres = Matrix(rowCount: g, columnCount: d)
        for c in 0..<g {
            let w = (Double(n) * priors[c] * fac).squareRoot()
            for j in 0..<d { centres[c, j] = w * (means[c, j] - xbar[j]) }
        }
        let projected = BLAS.gemm(centres, scalings)                 // g × rank
        let second = try LAPACK.svd(projected)
        let top = second.s.first ?? 0
        let rank2 = second.s.filter { $0 > tol * top }.count
        // final scalings (d × rank2) = scalings · Vt2[:rank2]ᵀ
        var vt2 = Matrix(rowCount: rank2, columnCount: rank)
        for a in 0..<rank2 { for b in 0..<rank { vt2[a, b] = second.vt[a, b] } }
        let finalScalings = BLAS.gemm(scalings, vt2, transposeB: true)
        var centred = Matrix(rowCount: g, columnCount: d)
        for c in 0..<g { for j in 0..<d { centred[c, j] = means[c, j] - xbar[j] } }
        let projectedMeans = BLAS.gemm(centred, finalScalings)       // g × rank2
        var intercept = [Double](repeating: 0, count: g)
        for c in 0..<g {
            var s = 0.0
            for r in 0..<rank2 { s += projectedMeans[c, r] * projectedMeans[c, r] }
            intercept[c] = -0.5 * s + log(priors[c])
        }
        let coef = BLAS.gemm(projectedMeans, finalScalings, transposeB: true)   // g × d
        for c in 0..<g {
            var s = 0.0
            for j in 0..<d { s += xbar[j] * coef[c, j] }
            intercept[c] -= s
        }
        return (coef, intercept)
    }

    /// scikit-learn's `_solve_eigen` / `_solve_lstsq`, through `coef = means · Sw⁻¹`.
    private func solveCovariance(_ x: Matrix, groups: [[Int]], means: Matrix, priors: [Double]) throws -> (Matrix, [Double]) {
        let d = x.columnCount, g = groups.count
        var sw = Matrix(rowCount: d, columnCount: d)
        for (c, rows) in groups.enumerated() {
            let classRows = x.gatheringRows(rows)
            let cov: Matrix
            switch shrinkage {
            case nil: cov = CovarianceEstimate.empirical(classRows)
            case let .fixed(s)?: cov = CovarianceEstimate.shrunk(CovarianceEstimate.empirical(classRows), s)
            case .auto?: cov = CovarianceEstimate.ledoitWolfOnStandardized(classRows)
            }
            for e in 0..<sw.storage.count { sw.storage[e] += priors[c] * cov.storage[e] }
        }
        let solved: Matrix                                                // d × g = Sw⁻¹ meansᵀ
        if solver == .lsqr {
            solved = try LAPACK.leastSquares(sw, means.transposed).solution
        } else {
            do {
                solved = try LAPACK.choleskySolve(sw, means.transposed)
            } catch {
                throw MLError.invalidInput("\(Self.displayName): the within-class covariance is singular; use solver svd or lsqr, or set shrinkage.")
            }
        }
        let coef = solved.transposed
        var intercept = [Double](repeating: 0, count: g)
        for c in 0..<g {
            var s = 0.0
            for j in 0..<d { s += means[c, j] * coef[c, j] }
            intercept[c] = -0.5 * s + log(priors[c])
        }
        return (coef, intercept)
    }

    /// A fitted linear discriminant.
    public struct Model: ProbabilisticModel, Equatable {
        /// Number of feature columns.
        public let featureCount: Int
        /// Number of classes in the target (including any without training rows).
        public let classCount: Int
        /// The classes that had training rows; rows of `coefficients` follow this order.
        public let presentClasses: [Int]
        /// One row of coefficients per present class (scikit-learn's multiclass `coef_`).
        public let coefficients: Matrix
        /// One intercept per present class.
        public let intercepts: [Double]

        /// Per-present-class scores `x·coefᵀ + intercept` (rows × present classes). For two classes
        /// scikit-learn's `decision_function` is column 1 minus column 0.
        /// - Complexity: O(rows × features × classes), one `gemm`.
        public func decisionScores(_ features: Matrix) throws -> Matrix {
            try checkPredictionInput(features)
            var scores = Matrix(rowCount: features.rowCount, columnCount: presentClasses.count)
            for g in 0..<presentClasses.count {
                for i in 0..<features.rowCount { scores[i, g] = intercepts[g] }
            }
            BLAS.gemm(features, coefficients, transposeB: true, beta: 1, into: &scores)
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
