import MLCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The binary Laplace-approximation Gaussian process classifier of Rasmussen & Williams (GPML),
/// as scikit-learn's `_BinaryGaussianProcessClassifierLaplace`.
///
/// IN: a kernel matrix `K` (n × n) and 0/1 targets `y`. OUT: the posterior mode (Algorithm 3.1,
/// Newton's method from `f = 0`, stopped when the approximate log marginal likelihood grows by
/// less than 1e-10 or after `maxIterations` steps), that likelihood and its gradient by the
/// kernel hyperparameters (Algorithm 5.1), and what prediction needs (Algorithm 3.2).
/// Like scikit-learn, the returned temporaries (`π`, `√W`, the factor of `B`, `a`) are those of the
/// last Newton step and the returned likelihood is that of the step before a converged one.
/// - Complexity: O(n³) per Newton step (one Cholesky factorisation of `B = I + √W K √W`).
enum LaplaceBinaryGP {
    /// The state at the posterior mode.
    struct Mode {
        /// The approximate log marginal likelihood `log q(y | X, θ)`.
        var logMarginalLikelihood: Double
        /// `σ(f)` at the start of the last Newton step.
        var pi: [Double]
        /// `√W = √(π(1 − π))`.
        var wSqrt: [Double]
        /// `B = I + √W K √W`.
        var b: Matrix
        /// The upper Cholesky factor `U` of `B` (`B = UᵀU`).
        var factor: Matrix
        /// `a` of Algorithm 3.1 (`f = K a`).
        var a: [Double]
    }

    /// The logistic function.
    @inline(__always) static func sigmoid(_ z: Double) -> Double {
        z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
    }

    /// `log(1 + exp(z))` without overflow.
    @inline(__always) static func softplus(_ z: Double) -> Double {
        z > 0 ? z + log1p(exp(-z)) : log1p(exp(z))
    }

    /// Solves `UᵀU z = c` with the upper triangular `U` (column-major): forward then back substitution.
    /// - Complexity: O(n²).
    static func solveWithFactor(_ u: Matrix, _ c: [Double]) -> [Double] {
        let n = c.count
        var z = c
        u.storage.withUnsafeBufferPointer { p in
            z.withUnsafeMutableBufferPointer { t in
                // Uᵀ t = c: t_i = (c_i − Σ_{k<i} U_ki t_k) / U_ii, column i of U is contiguous.
                for i in 0..<n {
                    var s = t[i]
                    let column = i &* n
                    for k in 0..<i { s -= p[k &+ column] * t[k] }
                    t[i] = s / p[i &+ column]
                }
                // U z = t, column by column from the right.
                var i = n &- 1
                while i >= 0 {
                    let column = i &* n
                    t[i] /= p[i &+ column]
                    let zi = t[i]
                    for k in 0..<i { t[k] -= p[k &+ column] * zi }
                    i &-= 1
                }
            }
        }
        return z
    }

    /// Newton's method for the posterior mode (GPML Algorithm 3.1).
    /// - Throws: `MLError.numerical` if `B` is not positive definite (only for a non-finite kernel).
    static func posteriorMode(kernel k: Matrix, y: [Double], maxIterations: Int) throws -> Mode {
        let n = y.count
        var f = [Double](repeating: 0, count: n)
        var mode = Mode(logMarginalLikelihood: -.infinity, pi: [], wSqrt: [], b: Matrix(rowCount: 0, columnCount: 0),
                        factor: Matrix(rowCount: 0, columnCount: 0), a: [])
        var previous = -Double.infinity
        for _ in 0..<max(1, maxIterations) {
            var pi = [Double](repeating: 0, count: n), w = pi, wSqrt = pi
            for i in 0..<n {
                pi[i] = sigmoid(f[i])
                w[i] = pi[i] * (1 - pi[i])
                wSqrt[i] = w[i].squareRoot()
            }
            var b = k
            b.storage.withUnsafeMutableBufferPointer { p in
                for j in 0..<n {
                    let sj = wSqrt[j]
                    for i in 0..<n { p[i &+ j &* n] *= wSqrt[i] * sj }
                    p[j &+ j &* n] += 1
                }
            }
            let u = try LAPACK.cholesky(b)
            var rhs = [Double](repeating: 0, count: n)
            for i in 0..<n { rhs[i] = w[i] * f[i] + (y[i] - pi[i]) }
            var kb = BLAS.gemv(k, rhs)
            for i in 0..<n { kb[i] *= wSqrt[i] }
            let z = solveWithFactor(u, kb)
            var a = rhs
            for i in 0..<n { a[i] -= wSqrt[i] * z[i] }
            f = BLAS.gemv(k, a)
            var lml = -0.5 * BLAS.dot(a, f)
            for i in 0..<n {
                lml -= softplus(-(2 * y[i] - 1) * f[i])
                lml -= log(u.storage[i &+ i &* n])
            }
            mode.pi = pi
            mode.wSqrt = wSqrt
            mode.b = b
            mode.factor = u
            mode.a = a
            if lml - previous < 1e-10 { break }
            previous = lml
        }
        mode.logMarginalLikelihood = previous
        return mode
    }

    /// `R = √W B⁻¹ √W` (n × n), the matrix both the gradient and the predictive variance use.
    static func rMatrix(_ mode: Mode) throws -> Matrix {
        let n = mode.wSqrt.count
        var diagonal = Matrix(rowCount: n, columnCount: n)
        for i in 0..<n { diagonal.storage[i &+ i &* n] = mode.wSqrt[i] }
        var r = try LAPACK.choleskySolve(mode.b, diagonal)
        r.storage.withUnsafeMutableBufferPointer { p in
            for j in 0..<n { for i in 0..<n { p[i &+ j &* n] *= mode.wSqrt[i] } }
        }
        return r
    }

    /// The approximate log marginal likelihood and its gradient by `θ = [log c, log ℓ]`
    /// (GPML Algorithm 5.1), for training rows with squared distances `d`.
    /// - Complexity: the Newton steps plus O(n³) for `R` and `R·K`.
    static func logMarginalLikelihood(theta: [Double], squaredDistances d: Matrix, y: [Double],
                                      maxIterations: Int) throws -> (value: Double, gradient: [Double]) {
        let kernel = GaussianProcessKernel(theta: theta)
        let k = kernel.matrix(fromSquaredDistances: d)
        let mode = try posteriorMode(kernel: k, y: y, maxIterations: maxIterations)
        let n = y.count
        let r = try rMatrix(mode)
        let rk = BLAS.gemm(r, k)
        // s₂ = −½ (diag K − diag(K R K)) ⊙ π(1 − π)(1 − 2π)
        var s2 = [Double](repeating: 0, count: n)
        k.storage.withUnsafeBufferPointer { kp in
            rk.storage.withUnsafeBufferPointer { rp in
                for j in 0..<n {
                    var s = 0.0
                    let column = j &* n
                    for i in 0..<n { s += kp[i &+ column] * rp[i &+ column] }
                    let p = mode.pi[j]
                    s2[j] = -0.5 * (kp[j &+ column] - s) * (p * (1 - p) * (1 - 2 * p))
                }
            }
        }
        var residual = [Double](repeating: 0, count: n)
        for i in 0..<n { residual[i] = y[i] - mode.pi[i] }
        let derivatives = [k, kernel.lengthScaleGradient(kernel: k, squaredDistances: d)]
        var gradient = [Double](repeating: 0, count: 2)
        for (j, c) in derivatives.enumerated() {
            let ca = BLAS.gemv(c, mode.a)
            var trace = 0.0
            r.storage.withUnsafeBufferPointer { rp in
                c.storage.withUnsafeBufferPointer { cp in
                    for i in 0..<rp.count { trace += rp[i] * cp[i] }
                }
            }
            let s1 = 0.5 * BLAS.dot(mode.a, ca) - 0.5 * trace
            let bj = BLAS.gemv(c, residual)
            let kr = BLAS.gemv(k, BLAS.gemv(r, bj))
            var total = s1
            for i in 0..<n { total += s2[i] * (bj[i] - kr[i]) }
            gradient[j] = total
        }
        return (mode.logMarginalLikelihood, gradient)
    }

    /// The scikit-learn approximation of `∫σ(z) N(z | μ, v) dz` (Williams & Barber, appendix A):
    /// the logistic function as a combination of five error functions.
    static func predictiveProbability(mean: Double, variance: Double) -> Double {
        let lambdas = [0.41, 0.4, 0.37, 0.44, 0.39]
        let coefficients = [-1854.8214151, 3516.89893646, 221.29346712, 128.12323805, -2010.49422654]
        let v = max(variance, 0)
        var s = 0.0, total = 0.0
        for l in 0..<5 {
            // √(α/(α+λ²)) with α = 1/(2v), written to stay finite as v → 0.
            let ratio = 1 / (1 + 2 * v * lambdas[l] * lambdas[l]).squareRoot()
            s += coefficients[l] * 0.5 * erf(lambdas[l] * mean * ratio)
            total += coefficients[l]
        }
        return s + 0.5 * total
    }
}
