import MLCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A Gaussian process classifier with the Laplace approximation and the kernel
/// `c · exp(−‖a − b‖² / (2ℓ²))` (scikit-learn `GaussianProcessClassifier`, kernel `1.0 * RBF(1.0)`).
///
/// Each binary problem finds the posterior mode of the latent function by Newton's method (GPML
/// Algorithm 3.1) and predicts with the latent mean and variance of Algorithm 3.2; the class
/// probability is scikit-learn's five-error-function approximation of the logistic-Gaussian
/// integral. More than two classes are one-vs-rest (scikit-learn's default): one binary GP per
/// class, probabilities divided by their row sum. A binary `predict` uses the sign of the latent
/// mean, a multiclass one the most probable class (as scikit-learn).
///
/// Kernel hyperparameters: scikit-learn's default kernel (`kernel=None`, which PyCaret's `gpc`
/// uses) is `1.0 * RBF(1.0)` with FIXED hyperparameters, so by default nothing is tuned
/// (`optimizesKernel = false`). With `optimizesKernel = true` this is `ConstantKernel(1.0) *
/// RBF(1.0)`: `[log c, log ℓ]` maximise the approximate log marginal likelihood (gradient by GPML
/// Algorithm 5.1) by a projected L-BFGS (`BoxedLBFGS`) with scipy's L-BFGS-B tolerances, each kept
/// within `[1e-5, 1e5]` (projection in log space), separately for every binary problem;
/// `restarts` further runs start from log-uniform points drawn from the `RandomStream`.
///
/// A class listed in the target without training rows gets probability 0; with a single present
/// class every row gets that class. Sample weights are not supported (as scikit-learn).
///
/// Defaults (PyCaret's `gpc`): `constant = 1`, `lengthScale = 1`, `optimizesKernel = false`,
/// `restarts = 0`, `maxIterationsPredict = 100`. PyCaret ID `"gpc"`, "Gaussian Process Classifier".
/// - Complexity: O(n³) time and O(n²) memory per binary problem (n training rows), times the number
///   of likelihood evaluations when the kernel is optimised.
public struct GaussianProcessClassifier: Estimator {
    /// The kernel's constant factor `c` (its starting value when optimised).
    public var constant: Double
    /// The RBF length scale `ℓ` (its starting value when optimised).
    public var lengthScale: Double
    /// Fit `c` and `ℓ` by maximising the approximate log marginal likelihood.
    public var optimizesKernel: Bool
    /// Extra optimiser runs from random starting points (scikit-learn `n_restarts_optimizer`).
    public var restarts: Int
    /// Newton steps allowed for the posterior mode (scikit-learn `max_iter_predict`).
    public var maxIterationsPredict: Int

    /// The hyperparameter bounds of scikit-learn's kernels, `1e-5 … 1e5`, in log space.
    static let logBounds = (lower: log(1e-5), upper: log(1e5))

    /// PyCaret's `gpc` defaults.
    public init() {
        constant = 1
        lengthScale = 1
        optimizesKernel = false
        restarts = 0
        maxIterationsPredict = 100
    }

    /// A classifier with the given settings.
    public init(constant: Double = 1, lengthScale: Double = 1, optimizesKernel: Bool = false,
                restarts: Int = 0, maxIterationsPredict: Int = 100) {
        self.init()
        self.constant = constant
        self.lengthScale = lengthScale
        self.optimizesKernel = optimizesKernel
        self.restarts = restarts
        self.maxIterationsPredict = maxIterationsPredict
    }

    /// `"gpc"`.
    public static let id = "gpc"
    /// `"Gaussian Process Classifier"`.
    public static let displayName = "Gaussian Process Classifier"
    /// Binary and multiclass classification.
    public static let supportedTasks: Set<Task> = [.binary, .multiclass]
    /// `constant` and `lengthScale` in `[1e-5, 1e5]`, `restarts ≥ 0`, `maxIterationsPredict ≥ 1`.
    public static let constraints: [ParameterConstraint<GaussianProcessClassifier>] = [
        .real("constant", \.constant, .closed(1e-5, 1e5)),
        .real("lengthScale", \.lengthScale, .closed(1e-5, 1e5)),
        .integer("restarts", \.restarts, 0...1_000),
        .integer("maxIterationsPredict", \.maxIterationsPredict, 1...100_000),
    ]

    /// Fits one binary GP (two present classes) or one per present class (one-vs-rest).
    /// - Throws: `MLError.invalidParameter` / `MLError.invalidInput` for bad settings or data.
    /// - Complexity: see the type.
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try validate()
        try checkTrainingData(data)
        let (y, k) = try ClassicSupport.classTarget(data, estimator: Self.displayName)
        let x = data.features
        var count = [Int](repeating: 0, count: k)
        for c in y { count[Int(c)] += 1 }
        let present = (0..<k).filter { count[$0] > 0 }
        let positives: [Int]
        switch present.count {
        case 0, 1: positives = []
        case 2: positives = [present[1]]
        default: positives = present
        }
        let distances = positives.isEmpty ? Matrix(rowCount: 0, columnCount: 0) : GaussianProcessKernel.squaredDistances(x)
        var binaries: [Model.Binary] = []
        for positive in positives {
            let target = y.map { Int($0) == positive ? 1.0 : 0.0 }
            var stream = rng.split(UInt64(positive))
            binaries.append(try fitBinary(squaredDistances: distances, y: target, positiveClass: positive, using: &stream))
        }
        _ = rng.next()
        return Model(featureCount: x.columnCount, classCount: k, presentClasses: present,
                     trainingFeatures: positives.isEmpty ? Matrix(rowCount: 0, columnCount: x.columnCount) : x,
                     binaries: binaries)
    }

    /// One binary GP on 0/1 targets: hyperparameters (when optimised), then the posterior mode.
    func fitBinary(squaredDistances d: Matrix, y: [Double], positiveClass: Int,
                   using rng: inout RandomStream) throws -> Model.Binary {
        var theta = GaussianProcessKernel(constant: constant, lengthScale: lengthScale).theta
        if optimizesKernel {
            var best = try optimise(from: theta, squaredDistances: d, y: y)
            for _ in 0..<restarts {
                let start = (0..<2).map { _ in
                    Self.logBounds.lower + (Self.logBounds.upper - Self.logBounds.lower) * rng.nextUniform()
                }
                let run = try optimise(from: start, squaredDistances: d, y: y)
                if run.value < best.value { best = run }
            }
            theta = best.theta
        }
        let kernel = GaussianProcessKernel(theta: theta)
        let mode = try LaplaceBinaryGP.posteriorMode(kernel: kernel.matrix(fromSquaredDistances: d), y: y,
                                                     maxIterations: maxIterationsPredict)
        var residual = y
        for i in 0..<y.count { residual[i] -= mode.pi[i] }
        return Model.Binary(positiveClass: positiveClass, constant: kernel.constant, lengthScale: kernel.lengthScale,
                            logMarginalLikelihood: mode.logMarginalLikelihood, residual: residual,
                            r: try LaplaceBinaryGP.rMatrix(mode))
    }

    /// Minimises the negative log marginal likelihood over `θ` in the bounds (`BoxedLBFGS`, which
    /// follows scipy's L-BFGS-B as scikit-learn calls it).
    func optimise(from start: [Double], squaredDistances d: Matrix, y: [Double]) throws -> (theta: [Double], value: Double) {
        var failure: Error? = nil
        let solver = BoxedLBFGS(lower: Self.logBounds.lower, upper: Self.logBounds.upper)
        let result = solver.minimize(from: start) { t, g in
            do {
                let (value, gradient) = try LaplaceBinaryGP.logMarginalLikelihood(
                    theta: t, squaredDistances: d, y: y, maxIterations: maxIterationsPredict)
                for i in 0..<2 { g[i] = -gradient[i] }
                return value.isFinite ? -value : .infinity
            } catch {
                failure = error
                for i in 0..<2 { g[i] = 0 }
                return .infinity
            }
        }
        if let failure, !result.value.isFinite { throw failure }
        return (result.x, result.value)
    }

    /// A fitted Gaussian process classifier.
    public struct Model: ProbabilisticModel {
        /// One binary GP: `positiveClass` against the rest (or against the other class).
        public struct Binary: Codable, Sendable, Equatable {
            /// The class this GP's positive side stands for.
            public let positiveClass: Int
            /// The fitted kernel constant `c`.
            public let constant: Double
            /// The fitted length scale `ℓ`.
            public let lengthScale: Double
            /// The approximate log marginal likelihood at the fitted hyperparameters.
            public let logMarginalLikelihood: Double
            /// `y − π` at the mode (the latent mean is `K*ᵀ(y − π)`).
            public let residual: [Double]
            /// `√W B⁻¹ √W` (the latent variance is `c − diag(K*ᵀ R K*)`).
            public let r: Matrix
        }

        /// Number of feature columns.
        public let featureCount: Int
        /// Number of classes in the target.
        public let classCount: Int
        /// Classes with training rows.
        public let presentClasses: [Int]
        /// The training rows (empty when fewer than two classes were present).
        public let trainingFeatures: Matrix
        /// The binary GPs: one for two present classes, one per present class otherwise.
        public let binaries: [Binary]

        /// The latent mean and variance of every row under each binary GP (GPML Algorithm 3.2).
        /// - Complexity: O(rows × n × (n + features)) per binary GP, by `gemm`.
        public func latentMeanAndVariance(_ features: Matrix) throws -> [(mean: [Double], variance: [Double])] {
            try checkPredictionInput(features)
            if binaries.isEmpty { return [] }
            let d = GaussianProcessKernel.squaredDistances(trainingFeatures, features)
            let n = trainingFeatures.rowCount, m = features.rowCount
            return binaries.map { binary in
                let kernel = GaussianProcessKernel(constant: binary.constant, lengthScale: binary.lengthScale)
                let kStar = kernel.matrix(fromSquaredDistances: d)   // n × m
                let mean = BLAS.gemv(kStar, binary.residual, transpose: true)
                let rk = BLAS.gemm(binary.r, kStar)
                var variance = [Double](repeating: binary.constant, count: m)
                kStar.storage.withUnsafeBufferPointer { kp in
                    rk.storage.withUnsafeBufferPointer { rp in
                        for j in 0..<m {
                            var s = 0.0
                            for i in 0..<n { s += kp[i &+ j &* n] * rp[i &+ j &* n] }
                            variance[j] -= s
                        }
                    }
                }
                return (mean, variance)
            }
        }

        /// Class probabilities (rows sum to 1; absent classes get 0).
        public func predictProbabilities(_ features: Matrix) throws -> Matrix {
            let latent = try latentMeanAndVariance(features)
            let m = features.rowCount
            var out = Matrix(rowCount: m, columnCount: classCount)
            if binaries.isEmpty {
                if let only = presentClasses.first { for i in 0..<m { out[i, only] = 1 } }
                return out
            }
            if binaries.count == 1 {
                let negative = presentClasses.first { $0 != binaries[0].positiveClass } ?? 0
                for i in 0..<m {
                    let p = LaplaceBinaryGP.predictiveProbability(mean: latent[0].mean[i], variance: latent[0].variance[i])
                    out[i, binaries[0].positiveClass] = p
                    out[i, negative] = 1 - p
                }
                return out
            }
            for i in 0..<m {
                var total = 0.0
                for (b, binary) in binaries.enumerated() {
                    let p = LaplaceBinaryGP.predictiveProbability(mean: latent[b].mean[i], variance: latent[b].variance[i])
                    out[i, binary.positiveClass] = p
                    total += p
                }
                if total > 0 && total.isFinite {
                    for binary in binaries { out[i, binary.positiveClass] /= total }
                } else {
                    for binary in binaries { out[i, binary.positiveClass] = 1 / Double(binaries.count) }
                }
            }
            return out
        }

        /// The sign of the latent mean for two classes, the most probable class otherwise.
        public func predict(_ features: Matrix) throws -> Prediction {
            if binaries.count == 1 {
                let latent = try latentMeanAndVariance(features)
                let positive = binaries[0].positiveClass
                let negative = presentClasses.first { $0 != positive } ?? 0
                return .classes(latent[0].mean.map { Int32($0 > 0 ? positive : negative) })
            }
            return .classes(argmaxClasses(try predictProbabilities(features)))
        }
    }
}
