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
// IN:  the binary `LogisticLoss` (features rows × p, labels 0/1, normalised weights, λ), whether
//      to fit b, caps.
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

/// Binary L2-penalised logistic regression by Newton–Cholesky with Armijo backtracking on `loss`
/// (one output; its value and gradient come from `LogisticLoss.evaluate`); `nil` when the Hessian
/// is not positive definite.
func logisticNewton(_ loss: LogisticLoss, fitsIntercept: Bool, maxIterations: Int,
                    tolerance: Double) -> LogisticNewtonResult? {
    let x = loss.features, s = loss.normalisedWeights, lambda = loss.l2Strength
    let n = x.rowCount, p = x.columnCount
    let d = p + (fitsIntercept ? 1 : 0)
    var theta = [Double](repeating: 0, count: p + 1)
    var fullGradient = [Double](repeating: 0, count: p + 1)   // ∇f, the intercept's entry last
    var z = [Double](repeating: 0, count: n)
    var curvature = [Double](repeating: 0, count: n)

    var f = loss.evaluate(theta, gradient: &fullGradient)
    var iterations = 0
    while true {
        let gradient = fitsIntercept ? fullGradient : Array(fullGradient[0..<p])
        let largest = gradient.reduce(0) { Swift.max($0, Swift.abs($1)) }
        if largest <= tolerance { return LogisticNewtonResult(theta: theta, iterations: iterations, converged: true) }
        if iterations >= maxIterations || Interruption.current?.isInterrupted == true {
            return LogisticNewtonResult(theta: theta, iterations: iterations, converged: false)
        }
        // Curvature weights sᵢσᵢ(1 − σᵢ) at zᵢ = w·xᵢ + b.
        for i in 0..<n { z[i] = theta[p] }
        BLAS.gemv(x, Array(theta[0..<p]), alpha: 1, beta: 1, into: &z)
        for i in 0..<n {
            let sigmoid = logisticSigmoid(z[i])
            curvature[i] = s[i] * sigmoid * (1 - sigmoid)
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
        var candidateGradient = fullGradient
        for _ in 0..<50 {
            for j in 0..<p { candidate[j] = theta[j] - t * step[j] }
            candidate[p] = fitsIntercept ? theta[p] - t * step[p] : 0
            let fc = loss.evaluate(candidate, gradient: &candidateGradient)
            if fc <= f + 1e-4 * t * slope {
                let decrease = f - fc
                theta = candidate
                fullGradient = candidateGradient
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
