#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MLCore

/// A Gaussian process regressor with a Matérn 5/2 kernel and one lengthscale per input (ARD):
///
///     k(x, x') = s² (1 + √5 r + 5r²/3) exp(−√5 r),   r² = Σ_d (x_d − x'_d)² / ℓ_d²
///
/// plus noise σ² on the diagonal. The hyperparameters (log ℓ, log s², log σ²) maximise the log
/// marginal likelihood plus the log prior of `logPrior` (a dimension-scaled log-normal prior on the
/// lengthscales, Optuna's `GPSampler` priors on the variances; they keep the fit to a dozen noisy
/// points away from extreme lengthscales and noise) by gradient ascent
/// (Adam) in log space from several starts; the Cholesky factorisation and solves go through
/// `LAPACK.cholesky` / `LAPACK.choleskySolve`. Targets are standardised before fitting.
struct GaussianProcess: Sendable {
    /// The kernel hyperparameters, in log space.
    struct Hyperparameters: Sendable, Equatable {
        var logLengthscales: [Double]
        var logSignalVariance: Double
        var logNoiseVariance: Double
    }

    /// The mean of the log-lengthscale prior for `inputCount` inputs: √2 + ½ log p.
    static func lengthscalePriorLocation(inputCount: Int) -> Double {
        2.0.squareRoot() + 0.5 * log(Double(max(inputCount, 1)))
    }
    /// The variance of the log-lengthscale prior (standard deviation √3).
    static let lengthscalePriorVariance = 3.0

    /// Log-space bounds of the hyperparameters.
    static let lengthscaleBounds = (log(0.01), log(100.0))
    static let signalBounds = (log(0.05), log(20.0))
    static let noiseBounds = (log(1e-6), log(0.5))

    let inputs: [[Double]]
    let hyperparameters: Hyperparameters
    let yMean: Double
    let yScale: Double
    /// K⁻¹ y (standardised).
    let alpha: [Double]
    /// K⁻¹, column-major n × n.
    let inverse: Matrix

    /// Fits to `inputs` (n points of equal width) and `targets`, starting the optimiser from
    /// `starts` (plus nothing else: the caller decides the starts). `iterations` 0 keeps the first
    /// start as it is (conditioning on more points with known hyperparameters); `usesPrior` false
    /// maximises the marginal likelihood alone; `scaling` replaces the targets' own mean and
    /// standard deviation.
    /// - Throws: `MLError.numerical` when no start gives a positive-definite kernel matrix.
    init(inputs: [[Double]], targets: [Double], starts: [Hyperparameters], iterations: Int, usesPrior: Bool = true,
         scaling: (mean: Double, scale: Double)? = nil) throws {
        let n = targets.count
        var mean = targets.reduce(0, +) / Double(max(n, 1))
        var variance = 0.0
        for t in targets { variance += (t - mean) * (t - mean) }
        variance /= Double(max(n, 1))
        var scale = variance > 1e-18 ? variance.squareRoot() : 1
        if let fixed = scaling { (mean, scale) = fixed }
        let y = targets.map { ($0 - mean) / scale }

        let diffs = SquaredDifferences(inputs)
        var best: (Hyperparameters, Double)?
        for start in starts {
            guard let fitted = GaussianProcess.maximise(diffs, y: y, start: start, iterations: iterations,
                                                                usesPrior: usesPrior) else { continue }
            if best == nil || fitted.1 > best!.1 { best = fitted }
        }
        guard let (theta, _) = best, let state = GaussianProcess.factor(diffs, y: y, theta: theta) else {
            throw MLError.numerical(routine: "dpotrf (Gaussian process)", info: -1)
        }
        self.inputs = inputs
        self.hyperparameters = theta
        self.yMean = mean
        self.yScale = scale
        self.alpha = state.alpha
        self.inverse = state.inverse
    }

    /// Posterior mean and standard deviation at `x`, in the targets' units.
    func predict(_ x: [Double]) -> (mean: Double, standardDeviation: Double) {
        let n = inputs.count
        var kStar = [Double](repeating: 0, count: n)
        let lengthscales = hyperparameters.logLengthscales.map { exp($0) }
        let s2 = exp(hyperparameters.logSignalVariance)
        for i in 0..<n { kStar[i] = GaussianProcess.matern(x, inputs[i], lengthscales, s2).value }
        var mu = 0.0
        for i in 0..<n { mu += kStar[i] * alpha[i] }
        var quad = 0.0
        inverse.storage.withUnsafeBufferPointer { inv in
            for j in 0..<n {
                var col = 0.0
                let base = j &* n
                for i in 0..<n { col += inv[base &+ i] * kStar[i] }
                quad += kStar[j] * col
            }
        }
        let variance = max(s2 - quad, 1e-12)
        return (yMean + yScale * mu, yScale * variance.squareRoot())
    }

    /// The Matérn 5/2 kernel value and its factor (5/3) s² (1 + √5 r) e^{−√5 r}, which times
    /// Δ_d²/ℓ_d² is the derivative with respect to log ℓ_d.
    static func matern(_ a: [Double], _ b: [Double], _ lengthscales: [Double], _ s2: Double) -> (value: Double, factor: Double) {
        var r2 = 0.0
        for d in 0..<a.count {
            let z = (a[d] - b[d]) / lengthscales[d]
            r2 += z * z
        }
        let r = r2.squareRoot()
        let sqrt5r = 5.0.squareRoot() * r
        let e = exp(-sqrt5r)
        return (s2 * (1 + sqrt5r + 5 * r2 / 3) * e, (5.0 / 3.0) * s2 * (1 + sqrt5r) * e)
    }

    /// The factorised kernel matrix at `theta`: α = K⁻¹y, K⁻¹, log|K|, the noise-free kernel
    /// matrix and the pairwise distances r (both column-major n × n).
    static func factor(_ diffs: SquaredDifferences, y: [Double], theta: Hyperparameters)
        -> (alpha: [Double], inverse: Matrix, logDeterminant: Double, kernel: [Double], distances: [Double])? {
        let n = diffs.n
        let (kernel, distances) = kernelMatrix(diffs, theta: theta)
        let noise = exp(theta.logNoiseVariance)
        var jitter = 1e-10
        for _ in 0..<4 {
            var kj = Matrix(rowCount: n, columnCount: n)
            kj.storage = kernel
            for i in 0..<n { kj.storage[i &* n &+ i] += noise + jitter }
            if let u = try? LAPACK.cholesky(kj),
               let inv = try? LAPACK.choleskySolve(kj, Matrix.identity(n)) {
                var logDet = 0.0
                for i in 0..<n { logDet += 2 * log(u.storage[i &* n &+ i]) }
                var alpha = [Double](repeating: 0, count: n)
                inv.storage.withUnsafeBufferPointer { a in
                    for j in 0..<n {
                        let yj = y[j], base = j &* n
                        for i in 0..<n { alpha[i] += a[base &+ i] * yj }
                    }
                }
                return (alpha, inv, logDet, kernel, distances)
            }
            jitter *= 100
        }
        return nil
    }

    /// The noise-free Matérn 5/2 kernel matrix and the distances r, column-major n × n.
    /// - Complexity: O(n² · p).
    static func kernelMatrix(_ diffs: SquaredDifferences, theta: Hyperparameters) -> (kernel: [Double], distances: [Double]) {
        let n = diffs.n, p = diffs.p, nn = n &* n
        let s2 = exp(theta.logSignalVariance)
        var r2 = [Double](repeating: 0, count: nn)
        diffs.values.withUnsafeBufferPointer { dv in
            r2.withUnsafeMutableBufferPointer { out in
                for d in 0..<p {
                    let inv = exp(-2 * theta.logLengthscales[d])
                    let base = d &* nn
                    for k in 0..<nn { out[k] += dv[base &+ k] * inv }
                }
            }
        }
        var kernel = [Double](repeating: 0, count: nn)
        var distances = [Double](repeating: 0, count: nn)
        let sqrt5 = 5.0.squareRoot()
        for k in 0..<nn {
            let r = r2[k].squareRoot()
            distances[k] = r
            kernel[k] = s2 * (1 + sqrt5 * r + 5 * r2[k] / 3) * exp(-sqrt5 * r)
        }
        return (kernel, distances)
    }

    /// The log marginal likelihood at `theta` and its gradient with respect to
    /// (log ℓ_1…log ℓ_p, log s², log σ²), for inputs given as points.
    static func logMarginalLikelihood(inputs: [[Double]], y: [Double], theta: Hyperparameters) -> (Double, [Double])? {
        logMarginalLikelihood(SquaredDifferences(inputs), y: y, theta: theta)
    }

    /// The log marginal likelihood and its gradient: dL/dθ = ½ tr(W ∂K/∂θ) with W = ααᵀ − K⁻¹,
    /// ∂k/∂log ℓ_d = (5/3) s² (1 + √5 r) e^{−√5 r} Δ_d²/ℓ_d², ∂K/∂log s² = K, ∂K/∂log σ² = σ² I.
    /// - Complexity: O(n³ + n² · p).
    static func logMarginalLikelihood(_ diffs: SquaredDifferences, y: [Double], theta: Hyperparameters) -> (Double, [Double])? {
        guard let f = factor(diffs, y: y, theta: theta) else { return nil }
        let n = diffs.n, p = diffs.p, nn = n &* n
        var fit = 0.0
        for i in 0..<n { fit += y[i] * f.alpha[i] }
        let value = -0.5 * fit - 0.5 * f.logDeterminant - 0.5 * Double(n) * log(2 * Double.pi)
        let s2 = exp(theta.logSignalVariance)
        let sqrt5 = 5.0.squareRoot()
        // c_ij = W_ij · (5/3) s² (1 + √5 r) e^{−√5 r} (both triangles: the ½ cancels the symmetry).
        var coefficients = [Double](repeating: 0, count: nn)
        var traceSignal = 0.0, traceNoise = 0.0
        f.inverse.storage.withUnsafeBufferPointer { inv in
            for j in 0..<n {
                let base = j &* n
                for i in 0..<n {
                    let w = f.alpha[i] * f.alpha[j] - inv[base &+ i]
                    traceSignal += w * f.kernel[base &+ i]
                    if i == j { traceNoise += w }
                    let r = f.distances[base &+ i]
                    coefficients[base &+ i] = 0.5 * w * (5.0 / 3.0) * s2 * (1 + sqrt5 * r) * exp(-sqrt5 * r)
                }
            }
        }
        var grad = [Double](repeating: 0, count: p + 2)
        diffs.values.withUnsafeBufferPointer { dv in
            coefficients.withUnsafeBufferPointer { c in
                for d in 0..<p {
                    let base = d &* nn
                    var acc = 0.0
                    for k in 0..<nn { acc += c[k] * dv[base &+ k] }
                    grad[d] = acc * exp(-2 * theta.logLengthscales[d])
                }
            }
        }
        grad[p] = 0.5 * traceSignal
        grad[p + 1] = 0.5 * traceNoise * exp(theta.logNoiseVariance)
        return (value, grad)
    }

    /// The log prior density of the hyperparameters (up to a constant) and its gradient in the
    /// same log coordinates (inputs in the unit cube, standardised targets):
    /// - each log lengthscale ~ N(√2 + ½ log p, 3) for p inputs, the dimension-scaled prior of
    ///   Hvarfner, Hellsten & Nardi (2024, "Vanilla Bayesian optimization performs great in high
    ///   dimensions"; BoTorch's default): its mode grows like √p, so the more inputs, the smoother
    ///   the function a dozen trials are assumed to come from, and ARD shortens only the
    ///   lengthscales the data insist on;
    /// - the signal variance s² ~ Gamma(2, 1) and the noise variance σ² ~ Gamma(1.1, 30), as
    ///   Optuna's `GPSampler`.
    static func logPrior(_ theta: Hyperparameters) -> (Double, [Double]) {
        let p = theta.logLengthscales.count
        var value = 0.0
        var grad = [Double](repeating: 0, count: p + 2)
        let location = lengthscalePriorLocation(inputCount: p)
        for d in 0..<p {
            let z = theta.logLengthscales[d] - location
            value -= z * z / (2 * lengthscalePriorVariance)
            grad[d] = -z / lengthscalePriorVariance
        }
        let s2 = exp(theta.logSignalVariance)
        value += theta.logSignalVariance - s2
        grad[p] = 1 - s2
        let noise = exp(theta.logNoiseVariance)
        value += 0.1 * theta.logNoiseVariance - 30 * noise
        grad[p + 1] = 0.1 - 30 * noise
        return (value, grad)
    }

    /// Adam ascent on the log marginal likelihood, with the log parameters clamped to their bounds.
    static func maximise(_ diffs: SquaredDifferences, y: [Double], start: Hyperparameters, iterations: Int,
                         usesPrior: Bool = true) -> (Hyperparameters, Double)? {
        func objective(_ theta: Hyperparameters) -> (Double, [Double])? {
            guard var (value, grad) = logMarginalLikelihood(diffs, y: y, theta: theta) else { return nil }
            if usesPrior {
                let (pv, pg) = logPrior(theta)
                value += pv
                for i in grad.indices { grad[i] += pg[i] }
            }
            return (value, grad)
        }
        let p = start.logLengthscales.count
        var theta = start
        var m = [Double](repeating: 0, count: p + 2), v = m
        let rate = 0.1, beta1 = 0.9, beta2 = 0.999
        var best: (Hyperparameters, Double)?
        if iterations == 0 { return objective(start).map { (start, $0.0) } }
        for t in 1...max(1, iterations) {
            guard let (value, grad) = objective(theta) else { break }
            if best == nil || value > best!.1 { best = (theta, value) }
            var flat = theta.logLengthscales + [theta.logSignalVariance, theta.logNoiseVariance]
            for i in 0..<(p + 2) {
                m[i] = beta1 * m[i] + (1 - beta1) * grad[i]
                v[i] = beta2 * v[i] + (1 - beta2) * grad[i] * grad[i]
                let mHat = m[i] / (1 - pow(beta1, Double(t)))
                let vHat = v[i] / (1 - pow(beta2, Double(t)))
                flat[i] += rate * mHat / (vHat.squareRoot() + 1e-8)
            }
            for d in 0..<p { flat[d] = min(max(flat[d], lengthscaleBounds.0), lengthscaleBounds.1) }
            flat[p] = min(max(flat[p], signalBounds.0), signalBounds.1)
            flat[p + 1] = min(max(flat[p + 1], noiseBounds.0), noiseBounds.1)
            theta = Hyperparameters(logLengthscales: Array(flat[..<p]), logSignalVariance: flat[p],
                                    logNoiseVariance: flat[p + 1])
        }
        if let (value, _) = objective(theta), best == nil || value > best!.1 {
            best = (theta, value)
        }
        return best
    }
}

/// The squared coordinate differences of a Gaussian process's training inputs, computed once per
/// fit: (x_i,d − x_j,d)² at `values[d·n² + j·n + i]`.
struct SquaredDifferences: Sendable {
    /// The number of points.
    let n: Int
    /// The input width.
    let p: Int
    /// p slabs of n × n, column-major.
    let values: [Double]

    /// - Complexity: O(n² · p).
    init(_ inputs: [[Double]]) {
        let n = inputs.count, p = inputs.first?.count ?? 0
        var v = [Double](repeating: 0, count: n &* n &* p)
        for d in 0..<p {
            let column = inputs.map { $0[d] }
            let base = d &* n &* n
            for j in 0..<n {
                for i in 0..<n {
                    let delta = column[i] - column[j]
                    v[base &+ j &* n &+ i] = delta * delta
                }
            }
        }
        self.n = n
        self.p = p
        self.values = v
    }
}
