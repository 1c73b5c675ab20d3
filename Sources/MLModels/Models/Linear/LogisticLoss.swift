#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import MLCore

// The logistic-regression objective of scikit-learn's `LinearModelLoss`, with its gradient:
//
//   f(θ) = Σᵢ sᵢ·ℓᵢ(θ) / Σᵢ sᵢ  +  ½·λ·‖W‖²,   λ = 1 / (C · Σᵢ sᵢ),  intercepts not penalised,
//
// which has the same minimiser as scikit-learn's documented C·Σ sᵢℓᵢ + ½‖W‖² and the same
// gradient scale, so `gtol` means the same thing. Binary: ℓ = log(1 + e^z) − y·z with one output;
// multinomial: ℓ = logsumexp(z) − z_y with one output per class.
//
// IN:  θ = [W (features × outputs, column-major), b (outputs)].
// OUT: f(θ) and ∇f(θ) (same layout).
// Complexity: O(rows × features × outputs) per evaluation: one dgemv/dgemm forward, one back.

/// Loss and gradient of (multinomial) logistic regression on a dense design matrix.
struct LogisticLoss {
    /// The design matrix, rows × features.
    let features: Matrix
    /// Per row, the class position (0/1 for binary; 0..<outputs for multinomial).
    let labels: [Int]
    /// Per row, sᵢ / Σ s.
    let normalisedWeights: [Double]
    /// 1 / (C Σ s), or 0 without an L2 penalty.
    let l2Strength: Double
    /// 1 for binary (sigmoid), the class count for multinomial (softmax).
    let outputCount: Int

    /// The length of θ.
    var parameterCount: Int { (features.columnCount + 1) * outputCount }

    /// f(θ), writing ∇f(θ) into `gradient`.
    func evaluate(_ theta: [Double], gradient: inout [Double]) -> Double {
        outputCount == 1 ? binary(theta, gradient: &gradient) : multinomial(theta, gradient: &gradient)
    }

    private func binary(_ theta: [Double], gradient: inout [Double]) -> Double {
        let n = features.rowCount, p = features.columnCount
        let w = Array(theta[0..<p])
        let b = theta[p]
        var z = [Double](repeating: b, count: n)
        BLAS.gemv(features, w, alpha: 1, beta: 1, into: &z)
        var loss = 0.0
        z.withUnsafeMutableBufferPointer { zb in
            normalisedWeights.withUnsafeBufferPointer { sw in
                labels.withUnsafeBufferPointer { y in
                    for i in 0..<n {
                        let zi = zb[i]
                        let yi = Double(y[i])
                        // one exp serves both: e = e^(−|z|), log(1 + e^z) = max(z, 0) + log1p(e)
                        let e = exp(-Swift.abs(zi))
                        let softplus = Swift.max(zi, 0) + log1p(e)
                        let sigmoid = zi >= 0 ? 1 / (1 + e) : e / (1 + e)
                        loss += sw[i] * (softplus - yi * zi)
                        zb[i] = sw[i] * (sigmoid - yi)   // reuse z as the residual
                    }
                }
            }
        }
        var gw = w
        BLAS.gemv(features, z, transpose: true, alpha: 1, beta: l2Strength, into: &gw)
        var gb = 0.0
        for r in z { gb += r }
        var norm2 = 0.0
        for v in w { norm2 += v * v }
        for j in 0..<p { gradient[j] = gw[j] }
        gradient[p] = gb
        return loss + 0.5 * l2Strength * norm2
    }

    private func multinomial(_ theta: [Double], gradient: inout [Double]) -> Double {
        let n = features.rowCount, p = features.columnCount, k = outputCount
        var weights = Matrix(rowCount: p, columnCount: k)
        weights.storage = Array(theta[0..<(p * k)])
        var z = Matrix(rowCount: n, columnCount: k)
        BLAS.gemm(features, weights, into: &z)
        var loss = 0.0
        z.storage.withUnsafeMutableBufferPointer { zb in
            normalisedWeights.withUnsafeBufferPointer { sw in
                labels.withUnsafeBufferPointer { y in
                    for c in 0..<k {
                        let b = theta[p * k + c]
                        for i in 0..<n { zb[c &* n &+ i] += b }
                    }
                    for i in 0..<n {
                        var m = -Double.infinity
                        for c in 0..<k { m = Swift.max(m, zb[c &* n &+ i]) }
                        let yi = y[i]
                        let zy = zb[yi &* n &+ i]
                        var s = 0.0
                        for c in 0..<k {
                            let e = exp(zb[c &* n &+ i] - m)
                            zb[c &* n &+ i] = e
                            s += e
                        }
                        loss += sw[i] * (log(s) + m - zy)   // logsumexp − z_y
                        for c in 0..<k {
                            let pc = zb[c &* n &+ i] / s
                            zb[c &* n &+ i] = sw[i] * (pc - (c == yi ? 1 : 0))   // residual
                        }
                    }
                }
            }
        }
        var g = weights
        BLAS.gemm(features, z, transposeA: true, alpha: 1, beta: l2Strength, into: &g)
        var norm2 = 0.0
        for v in weights.storage { norm2 += v * v }
        for j in 0..<(p * k) { gradient[j] = g.storage[j] }
        for c in 0..<k {
            var s = 0.0
            for i in 0..<n { s += z.storage[c * n + i] }
            gradient[p * k + c] = s
        }
        return loss + 0.5 * l2Strength * norm2
    }
}
