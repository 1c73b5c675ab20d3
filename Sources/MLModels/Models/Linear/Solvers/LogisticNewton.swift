#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MLCore

// Newton's method for binary logistic regression with an L2 (or no) penalty, as scikit-learn's
// `solver="newton-cholesky"`:
//
//   f(w, b) = Σ sᵢ·(log(1 + e^{zᵢ}) − yᵢzᵢ) + (λ/2)‖w‖²,   zᵢ = w·xᵢ + b,   Σ sᵢ = 1
//
// Each step solves (XᵀDX + λI) Δ = −∇f by Cholesky (D = diag(sᵢσᵢ(1 − σᵢ)), the bias row and
// column included and unpenalised) and backtracks on f (Armijo). Few steps reach the optimum
// whatever the feature scales, where L-BFGS takes hundreds on unscaled data.
//
// IN:  features (rows × p), labels 0/1, normalised weights, λ, whether to fit b, caps.
// OUT: θ = (w, b), the step count and whether max|∇f| ≤ tolerance was reached (or, as scipy's
//      `ftol` in L-BFGS, the relative decrease fell to 64ε); nil when the
//      Hessian is singular (no penalty on separable or collinear data): the caller falls back
//      to L-BFGS.
// Complexity: O(steps × (rows × p² + p³)); meant for p up to a few hundred.

/// The largest feature count for which `logisticNewton` is used.
let logisticNewtonMaxFeatures = 256

/// The outcome of `logisticNewton`.
struct LogisticNewtonResult {
    /// The coefficients followed by the intercept.
    var theta: [Double]
    /// Newton steps taken.
    var iterations: Int
    /// Whether max |∇f| ≤ tolerance.
    var converged: Bool
}

/// Binary L2-penalised logistic regression by Newton–Cholesky with Armijo backtracking; `nil`
/// when the Hessian is not positive definite.
func logisticNewton(features x: Matrix, labels: [Int], normalisedWeights s: [Double], l2Strength lambda: Double,
                    fitsIntercept: Bool, maxIterations: Int, tolerance: Double) -> LogisticNewtonResult? {
    let n = x.rowCount, p = x.columnCount
    let d = p + (fitsIntercept ? 1 : 0)
    var theta = [Double](repeating: 0, count: p + 1)
    var z = [Double](repeating: 0, count: n)
    var curvature = [Double](repeating: 0, count: n)
    var residual = [Double](repeating: 0, count: n)

    /// f at θ with its linear predictor `zOut`.
    func objective(_ t: [Double], _ zOut: inout [Double]) -> Double {
        for i in 0..<n { zOut[i] = t[p] }
        BLAS.gemv(x, Array(t[0..<p]), alpha: 1, beta: 1, into: &zOut)
        var loss = 0.0
        for i in 0..<n {
            let zi = zOut[i]
            loss += s[i] * (Swift.max(zi, 0) + log1p(exp(-Swift.abs(zi))) - Double(labels[i]) * zi)
        }
        var norm = 0.0
        for j in 0..<p { norm += t[j] * t[j] }
        return loss + 0.5 * lambda * norm
    }

    var f = objective(theta, &z)
    var iterations = 0
    while true {
        // Gradient and the curvature weights.
        for i in 0..<n {
            let zi = z[i]
            let e = exp(-Swift.abs(zi))
            let sigmoid = zi >= 0 ? 1 / (1 + e) : e / (1 + e)
            residual[i] = s[i] * (sigmoid - Double(labels[i]))
            curvature[i] = s[i] * sigmoid * (1 - sigmoid)
        }
        var gw = Array(theta[0..<p])
        BLAS.gemv(x, residual, transpose: true, alpha: 1, beta: lambda, into: &gw)
        var gradient = gw
        if fitsIntercept { gradient.append(residual.reduce(0, +)) }
        let largest = gradient.reduce(0) { Swift.max($0, Swift.abs($1)) }
        if largest <= tolerance { return LogisticNewtonResult(theta: theta, iterations: iterations, converged: true) }
        if iterations >= maxIterations || Interruption.current?.isInterrupted == true {
            return LogisticNewtonResult(theta: theta, iterations: iterations, converged: false)
        }
        // Hessian: [XᵀDX + λI, XᵀD1; 1ᵀDX, 1ᵀD1].
        var scaled = x
        scaled.storage.withUnsafeMutableBufferPointer { sb in
            for j in 0..<p {
                let base = j &* n
                for i in 0..<n { sb[base &+ i] *= curvature[i] }
            }
        }
        var hessian = Matrix(rowCount: d, columnCount: d)
        var block = Matrix(rowCount: p, columnCount: p)
        BLAS.gemm(x, scaled, transposeA: true, into: &block)
        for j in 0..<p {
            for l in 0..<p { hessian[l, j] = block[l, j] }
            hessian[j, j] += lambda
        }
        if fitsIntercept {
            let cross = BLAS.gemv(x, curvature, transpose: true)   // XᵀD1
            hessian[p, p] = curvature.reduce(0, +)
            for j in 0..<p {
                hessian[p, j] = cross[j]
                hessian[j, p] = cross[j]
            }
        }
        guard let step = try? LAPACK.choleskySolve(hessian, gradient), step.allSatisfy({ $0.isFinite }) else { return nil }
        var slope = 0.0
        for j in 0..<d { slope -= gradient[j] * step[j] }
        if !(slope < 0) { return nil }
        // Armijo backtracking along −step.
        var t = 1.0
        var accepted = false
        var candidate = theta
        var zCandidate = z
        for _ in 0..<50 {
            for j in 0..<p { candidate[j] = theta[j] - t * step[j] }
            candidate[p] = fitsIntercept ? theta[p] - t * step[p] : 0
            let fc = objective(candidate, &zCandidate)
            if fc <= f + 1e-4 * t * slope {
                let decrease = f - fc
                theta = candidate; z = zCandidate
                accepted = true
                // scipy's `ftol` rule, as L-BFGS: a relative decrease at rounding level ends the run.
                if decrease <= 64 * Double.ulpOfOne * Swift.max(Swift.abs(f), Swift.abs(fc), 1) {
                    return LogisticNewtonResult(theta: theta, iterations: iterations + 1, converged: true)
                }
                f = fc
                break
            }
            t *= 0.5
        }
        iterations += 1
        if !accepted {
            // No decrease at machine precision: the optimum is reached as closely as f can tell.
            return LogisticNewtonResult(theta: theta, iterations: iterations, converged: largest <= tolerance * 10)
        }
    }
}
