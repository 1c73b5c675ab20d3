#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Probability estimates for SVMs, as libsvm computes them.
///
/// - `fitSigmoid`: Platt's sigmoid `P(+1 | f) = 1 / (1 + exp(A·f + B))`, fitted by libsvm's
///   `sigmoid_train` (Newton's method with backtracking, on Platt's smoothed targets).
/// - `coupledProbabilities`: libsvm's `multiclass_probability` (Wu, Lin & Weng 2004, method 2),
///   which turns pairwise probabilities into one distribution over the classes.
enum PlattScaling {
    /// Fits `(A, B)` to decision values and their ±1 labels.
    static func fitSigmoid(decisions: [Double], labels: [Double]) -> (a: Double, b: Double) {
        let n = decisions.count
        let prior1 = Double(labels.filter { $0 > 0 }.count)
        let prior0 = Double(n) - prior1
        let maxIterations = 100, minStep = 1e-10, sigma = 1e-12, eps = 1e-5
        let hiTarget = (prior1 + 1) / (prior1 + 2), loTarget = 1 / (prior0 + 2)
        let t = labels.map { $0 > 0 ? hiTarget : loTarget }
        var a = 0.0, b = log((prior0 + 1) / (prior1 + 1))

        func objective(_ a: Double, _ b: Double) -> Double {
            var f = 0.0
            for i in 0..<n {
                let z = decisions[i] * a + b
                f += z >= 0 ? t[i] * z + log(1 + exp(-z)) : (t[i] - 1) * z + log(1 + exp(z))
            }
            return f
        }

        var value = objective(a, b)
        for _ in 0..<maxIterations {
            var h11 = sigma, h22 = sigma, h21 = 0.0, g1 = 0.0, g2 = 0.0
            for i in 0..<n {
                let z = decisions[i] * a + b
                let p: Double, q: Double
                if z >= 0 {
                    p = exp(-z) / (1 + exp(-z)); q = 1 / (1 + exp(-z))
                } else {
                    p = 1 / (1 + exp(z)); q = exp(z) / (1 + exp(z))
                }
                let d2 = p * q
                h11 += decisions[i] * decisions[i] * d2
                h22 += d2
                h21 += decisions[i] * d2
                let d1 = t[i] - p
                g1 += decisions[i] * d1
                g2 += d1
            }
            if abs(g1) < eps && abs(g2) < eps { break }
            let det = h11 * h22 - h21 * h21
            let dA = -(h22 * g1 - h21 * g2) / det
            let dB = -(-h21 * g1 + h11 * g2) / det
            let gd = g1 * dA + g2 * dB
            var step = 1.0
            while step >= minStep {
                let newA = a + step * dA, newB = b + step * dB
                let newValue = objective(newA, newB)
                if newValue < value + 0.0001 * step * gd {
                    a = newA; b = newB; value = newValue
                    break
                }
                step /= 2
            }
            if step < minStep { break }
        }
        return (a, b)
    }

    /// `P(+1 | f)` under the sigmoid `(A, B)`.
    static func sigmoid(_ f: Double, a: Double, b: Double) -> Double {
        let z = f * a + b
        return z >= 0 ? exp(-z) / (1 + exp(-z)) : 1 / (1 + exp(z))
    }

    /// One distribution over `k` classes from pairwise probabilities `r[i][j] = P(i | i or j)`.
    static func coupledProbabilities(_ r: [[Double]]) -> [Double] {
        let k = r.count
        var q = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for t in 0..<k {
            for j in 0..<k where j != t {
                q[t][t] += r[j][t] * r[j][t]
                q[t][j] = -r[j][t] * r[t][j]
            }
        }
        var p = [Double](repeating: 1 / Double(k), count: k)
        var qp = [Double](repeating: 0, count: k)
        let maxIterations = max(100, k), eps = 0.005 / Double(k)
        for _ in 0..<maxIterations {
            var pqp = 0.0
            for t in 0..<k {
                qp[t] = 0
                for j in 0..<k { qp[t] += q[t][j] * p[j] }
                pqp += p[t] * qp[t]
            }
            var maxError = 0.0
            for t in 0..<k { maxError = max(maxError, abs(qp[t] - pqp)) }
            if maxError < eps { break }
            for t in 0..<k {
                let diff = (-qp[t] + pqp) / q[t][t]
                p[t] += diff
                pqp = (pqp + diff * (diff * q[t][t] + 2 * qp[t])) / (1 + diff) / (1 + diff)
                for j in 0..<k {
                    qp[j] = (qp[j] + diff * q[t][j]) / (1 + diff)
                    p[j] /= 1 + diff
                }
            }
        }
        return p
    }
}
