import MLCore

/// How the RBF kernel's `γ` is chosen.
public enum SVCGamma: Codable, Sendable, Hashable {
    /// `1 / (features × Var(X))` over all training values (scikit-learn's default `"scale"`).
    case scale
    /// `1 / features` (scikit-learn `"auto"`, which PyCaret's `rbfsvm` uses).
    case auto
    /// A fixed positive value.
    case value(Double)
}

/// A support vector classifier with the RBF kernel `exp(−γ‖a − b‖²)`.
///
/// Follows scikit-learn `SVC(kernel="rbf")` (libsvm): each pair of classes gets its own binary
/// C-SVC, solved by SMO with libsvm's second-order working-set selection (`SMOSolver`) over an LRU
/// cache of kernel rows; a multiclass prediction is the one-vs-one vote (ties to the lower class).
///
/// Probabilities (`estimatesProbabilities`, on in PyCaret) follow libsvm too: for each pair, a
/// Platt sigmoid is fitted on decision values from an internal 5-fold cross-validation whose folds
/// are drawn from the `RandomStream` (so they differ from libsvm's, as its own seed does), and
/// the pairwise probabilities are coupled into one distribution (Wu, Lin & Weng). When
/// probabilities are on, `predict` returns their argmax, so the two always agree (libsvm's
/// `predict` uses the votes, which can disagree on a few borderline rows). When off,
/// `predictProbabilities` returns the vote's class with probability 1.
///
/// Class weights (`classWeight = .balanced`, scikit-learn `class_weight="balanced"`) multiply `C`
/// per class, as libsvm's `Cp`/`Cn` in each pair's problem and its probability folds; the weights
/// are n / (present classes × rows of the class) over the whole training set. Sample weights are
/// not used.
///
/// Differences from libsvm: no shrinking heuristic (same optimum, more kernel rows); the kernel is
/// computed in double precision throughout. A class listed in the target but absent from the
/// training rows gets probability 0.
///
/// Defaults (PyCaret's `rbfsvm`): `c = 1`, `gamma = .auto`, `tol = 1e-3`, `cacheMegabytes = 200`,
/// `maxIterations = nil` (libsvm's 10⁷ cap), `estimatesProbabilities = true`, `classWeight = .none`.
/// PyCaret ID `"rbfsvm"`, "SVM - Radial Kernel".
public struct SVC: Estimator {
    /// Per-class multipliers of `C`.
    public enum ClassWeight: String, Codable, Sendable, Hashable, CaseIterable {
        /// Every class weighs 1 (scikit-learn `class_weight=None`).
        case none
        /// n / (present classes × rows of the class), scikit-learn's `"balanced"`.
        case balanced
    }

    /// The box constraint `C`.
    public var c: Double
    /// The kernel width rule.
    public var gamma: SVCGamma
    /// The stopping tolerance on the KKT violation.
    public var tol: Double
    /// Size of the kernel-row cache, in MB.
    public var cacheMegabytes: Double
    /// A cap on SMO steps per binary problem; `nil` means 10 000 000.
    public var maxIterations: Int?
    /// Fit Platt sigmoids for `predictProbabilities`.
    public var estimatesProbabilities: Bool
    /// Per-class weights of `C` (default `.none`).
    public var classWeight: ClassWeight

    /// PyCaret's `rbfsvm` defaults.
    public init() {
        c = 1
        gamma = .auto
        tol = 1e-3
        cacheMegabytes = 200
        maxIterations = nil
        estimatesProbabilities = true
        classWeight = .none
    }

    /// An RBF SVC with the given settings.
    public init(c: Double = 1, gamma: SVCGamma = .auto, tol: Double = 1e-3, estimatesProbabilities: Bool = true,
                classWeight: ClassWeight = .none) {
        self.init()
        self.c = c
        self.gamma = gamma
        self.tol = tol
        self.estimatesProbabilities = estimatesProbabilities
        self.classWeight = classWeight
    }

    /// `"rbfsvm"`.
    public static let id = "rbfsvm"
    /// `"SVM - Radial Kernel"`.
    public static let displayName = "SVM - Radial Kernel"
    /// Binary and multiclass classification.
    public static let supportedTasks: Set<Task> = [.binary, .multiclass]
    /// `c > 0`, `tol > 0`, `cacheMegabytes > 0`, a positive fixed `gamma`, `maxIterations ≥ 1`.
    public static let constraints: [ParameterConstraint<SVC>] = [
        .real("c", \.c, .greaterThan(0)),
        .real("tol", \.tol, .greaterThan(0)),
        .real("cacheMegabytes", \.cacheMegabytes, .greaterThan(0)),
        .optionalInteger("maxIterations", \.maxIterations, 1...Int.max),
        ParameterConstraint(name: "gamma", expected: "scale, auto or a positive number",
                            isSatisfied: { if case let .value(g) = $0.gamma { return g.isFinite && g > 0 }; return true },
                            describeValue: { "\($0.gamma)" },
                            invalidVariants: { e in [0.0, -1.0, .nan].map { var c = e; c.gamma = .value($0); return c } }),
    ]

    /// The numeric `γ` for training rows `x`.
    func gammaValue(for x: Matrix) -> Double {
        switch gamma {
        case let .value(g): return g
        case .auto: return 1 / Double(max(1, x.columnCount))
        case .scale:
            let v = Stats.standardDeviation(x.storage)
            let variance = v * v
            return variance != 0 ? 1 / (Double(x.columnCount) * variance) : 1
        }
    }

    /// Trains one binary SVC per pair of classes (and, when asked, their Platt sigmoids).
    /// - Throws: `MLError.invalidParameter` / `MLError.invalidInput` for bad settings or data.
    /// - Complexity: about O(iterations × rows) per pair plus the kernel rows computed, each
    ///   O(rows × features); probabilities multiply the training work by about 5.
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try validate()
        try checkTrainingData(data)
        let (y, k) = try ClassicSupport.classTarget(data, estimator: Self.displayName)
        let x = data.features
        let g = gammaValue(for: x)
        var rowsOfClass = [[Int]](repeating: [], count: k)
        for (i, cl) in y.enumerated() { rowsOfClass[Int(cl)].append(i) }
        let present = (0..<k).filter { !rowsOfClass[$0].isEmpty }
        let cap = maxIterations ?? 10_000_000
        let boxes = classBoxes(rowsOfClass: rowsOfClass, presentCount: present.count)

        var pairs: [Model.Pair] = []
        var supportIndexOfRow: [Int: Int] = [:]
        var supportRows: [Int] = []
        let probabilityStream = rng.split(1)
        _ = rng.next()
        for a in 0..<present.count {
            for b in (a + 1)..<max(a + 1, present.count) {
                let rows = rowsOfClass[present[a]] + rowsOfClass[present[b]]
                let labels = rowsOfClass[present[a]].map { _ in 1.0 } + rowsOfClass[present[b]].map { _ in -1.0 }
                let sub = x.gatheringRows(rows)
                let (cp, cn) = (boxes[present[a]], boxes[present[b]])
                let solution = trainBinary(sub, labels: labels, gamma: g, cPositive: cp, cNegative: cn, maxIterations: cap)
                var svs: [Int] = [], coefs: [Double] = []
                for (r, alpha) in solution.alpha.enumerated() where alpha > 0 {
                    let row = rows[r]
                    let idx: Int
                    if let existing = supportIndexOfRow[row] { idx = existing } else {
                        idx = supportRows.count
                        supportIndexOfRow[row] = idx
                        supportRows.append(row)
                    }
                    svs.append(idx)
                    coefs.append(alpha * labels[r])
                }
                var sigmoid: [Double]? = nil
                if estimatesProbabilities {
                    var pairStream = probabilityStream.split(UInt64(present[a] * k + present[b]))
                    let cv = crossValidatedDecisions(sub, labels: labels, gamma: g, cPositive: cp, cNegative: cn,
                                                     maxIterations: cap, using: &pairStream)
                    let (pa, pb) = PlattScaling.fitSigmoid(decisions: cv, labels: labels)
                    sigmoid = [pa, pb]
                }
                pairs.append(Model.Pair(positiveClass: present[a], negativeClass: present[b], supportIndices: svs,
                                        coefficients: coefs, rho: solution.rho, sigmoid: sigmoid))
            }
        }
        return Model(featureCount: x.columnCount, classCount: k, presentClasses: present, gamma: g,
                     supportVectors: x.gatheringRows(supportRows), pairs: pairs)
    }

    /// `C` times each class's weight (libsvm's per-class `C`); entries of absent classes are unused.
    func classBoxes(rowsOfClass: [[Int]], presentCount: Int) -> [Double] {
        let n = rowsOfClass.reduce(0) { $0 + $1.count }
        return rowsOfClass.map { rows in
            switch classWeight {
            case .none: return c
            case .balanced: return rows.isEmpty ? c : c * (Double(n) / (Double(presentCount) * Double(rows.count)))
            }
        }
    }

    /// One binary problem on rows `x` with ±1 `labels` and boxes `cPositive` (+1), `cNegative` (−1).
    func trainBinary(_ x: Matrix, labels: [Double], gamma g: Double, cPositive: Double, cNegative: Double,
                     maxIterations cap: Int) -> SMOSolver.Solution {
        var cache = RBFKernelCache(x: x, gamma: g, megabytes: cacheMegabytes)
        return SMOSolver.solve(y: labels, cPositive: cPositive, cNegative: cNegative, tol: tol, maxIterations: cap, kernel: &cache)
    }

    /// Decision values from libsvm's internal 5-fold cross-validation (`svm_binary_svc_probability`).
    func crossValidatedDecisions(_ x: Matrix, labels: [Double], gamma g: Double, cPositive: Double, cNegative: Double,
                                 maxIterations cap: Int, using rng: inout RandomStream) -> [Double] {
        let n = labels.count, folds = 5
        let perm = rng.permutation(n)
        var out = [Double](repeating: 0, count: n)
        for f in 0..<folds {
            let begin = f * n / folds, end = (f + 1) * n / folds
            let held = Array(perm[begin..<end])
            if held.isEmpty { continue }
            let kept = Array(perm[0..<begin]) + Array(perm[end..<n])
            let keptLabels = kept.map { labels[$0] }
            let positives = keptLabels.filter { $0 > 0 }.count
            if positives == 0 || positives == kept.count {
                let v: Double = positives > 0 ? 1 : (kept.isEmpty ? 0 : -1)
                for i in held { out[i] = v }
                continue
            }
            let sub = x.gatheringRows(kept)
            let solution = trainBinary(sub, labels: keptLabels, gamma: g, cPositive: cPositive, cNegative: cNegative,
                                       maxIterations: cap)
            let svRows = solution.alpha.indices.filter { solution.alpha[$0] > 0 }
            let kernel = RBFKernelCache.crossKernel(x.gatheringRows(held), sub.gatheringRows(svRows), gamma: g)
            for (r, i) in held.enumerated() {
                var s = -solution.rho
                for (c, sv) in svRows.enumerated() { s += solution.alpha[sv] * keptLabels[sv] * kernel[r, c] }
                out[i] = s
            }
        }
        return out
    }

    /// A fitted RBF support vector classifier.
    public struct Model: ProbabilisticModel {
        /// One binary classifier of the one-vs-one scheme.
        public struct Pair: Codable, Sendable, Equatable {
            /// The class on the positive side (`decision > 0`).
            public let positiveClass: Int
            /// The class on the negative side.
            public let negativeClass: Int
            /// Rows of `supportVectors` this pair uses.
            public let supportIndices: [Int]
            /// `α_i·y_i` for each of them.
            public let coefficients: [Double]
            /// The offset: `decision = Σ coef·K − rho`.
            public let rho: Double
            /// Platt's `(A, B)`, when probabilities were fitted.
            public let sigmoid: [Double]?
        }

        /// Number of feature columns.
        public let featureCount: Int
        /// Number of classes in the target.
        public let classCount: Int
        /// Classes with training rows.
        public let presentClasses: [Int]
        /// The kernel's `γ`.
        public let gamma: Double
        /// The support vectors of all pairs.
        public let supportVectors: Matrix
        /// The pairs, in (lower class, higher class) order.
        public let pairs: [Pair]

        /// Each pair's decision value for every row (rows × pairs); scikit-learn's
        /// `decision_function_shape="ovo"` values, except that for two classes scikit-learn
        /// reports the negation.
        /// - Complexity: O(rows × support vectors × features), by `gemm` in blocks of 4096 rows.
        public func decisionValues(_ features: Matrix) throws -> Matrix {
            try checkPredictionInput(features)
            let n = features.rowCount
            var out = Matrix(rowCount: n, columnCount: pairs.count)
            var start = 0
            while start < n {
                let rows = Array(start..<min(n, start + 4096))
                let kernel = RBFKernelCache.crossKernel(features.gatheringRows(rows), supportVectors, gamma: gamma)
                for (p, pair) in pairs.enumerated() {
                    for (r, i) in rows.enumerated() {
                        var s = -pair.rho
                        for (c, sv) in pair.supportIndices.enumerated() { s += pair.coefficients[c] * kernel[r, sv] }
                        out[i, p] = s
                    }
                }
                start += 4096
            }
            return out
        }

        /// The one-vs-one vote winner of each row (ties to the lower class index).
        public func votes(_ decisions: Matrix) -> [Int32] {
            (0..<decisions.rowCount).map { i in
                if pairs.isEmpty { return Int32(presentClasses.first ?? 0) }
                var count = [Int](repeating: 0, count: classCount)
                for (p, pair) in pairs.enumerated() {
                    count[decisions[i, p] > 0 ? pair.positiveClass : pair.negativeClass] += 1
                }
                var best = presentClasses[0]
                for c in presentClasses where count[c] > count[best] { best = c }
                return Int32(best)
            }
        }

        /// Class probabilities: Platt sigmoids coupled across pairs (or the vote, with probability 1,
        /// when no sigmoids were fitted).
        public func predictProbabilities(_ features: Matrix) throws -> Matrix {
            let d = try decisionValues(features)
            var out = Matrix(rowCount: features.rowCount, columnCount: classCount)
            guard !pairs.isEmpty, pairs.allSatisfy({ $0.sigmoid != nil }) else {
                for (i, c) in votes(d).enumerated() { out[i, Int(c)] = 1 }
                return out
            }
            let m = presentClasses.count
            var position = [Int](repeating: 0, count: classCount)
            for (g, c) in presentClasses.enumerated() { position[c] = g }
            let minProbability = 1e-7
            for i in 0..<features.rowCount {
                var r = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
                for (p, pair) in pairs.enumerated() {
                    let s = pair.sigmoid ?? [0, 0]
                    let v = min(max(PlattScaling.sigmoid(d[i, p], a: s[0], b: s[1]), minProbability), 1 - minProbability)
                    r[position[pair.positiveClass]][position[pair.negativeClass]] = v
                    r[position[pair.negativeClass]][position[pair.positiveClass]] = 1 - v
                }
                let probabilities = m == 2 ? [r[0][1], r[1][0]] : PlattScaling.coupledProbabilities(r)
                for (g, c) in presentClasses.enumerated() { out[i, c] = probabilities[g] }
            }
            return out
        }

        /// The argmax of the probabilities when sigmoids were fitted, else the one-vs-one vote.
        public func predict(_ features: Matrix) throws -> Prediction {
            if !pairs.isEmpty, pairs.allSatisfy({ $0.sigmoid != nil }) {
                return .classes(argmaxClasses(try predictProbabilities(features)))
            }
            return .classes(votes(try decisionValues(features)))
        }
    }
}
