import MLCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Small helpers shared by the classic models (naive Bayes, discriminant analysis, neighbours,
/// kernel SVM, MLP). Namespaced so they cannot clash with other families' internals.
enum ClassicSupport {
    /// The class indices and class count of a classification target.
    /// - Throws: `MLError.invalidInput` for a regression target.
    static func classTarget(_ data: TrainingData, estimator: String) throws -> (indices: [Int32], classCount: Int) {
        guard case let .classes(indices, names) = data.target else {
            throw MLError.invalidInput("\(estimator) needs a class target, got real values.")
        }
        return (indices, names.count)
    }

    /// The real-valued target of a regression problem.
    /// - Throws: `MLError.invalidInput` for a class target.
    static func valueTarget(_ data: TrainingData, estimator: String) throws -> [Double] {
        guard case let .values(v) = data.target else {
            throw MLError.invalidInput("\(estimator) needs a real-valued target, got classes.")
        }
        return v
    }

    /// Turns rows of unnormalised log-probabilities (rows × classes, column-major) into
    /// probabilities in place: `p = exp(l − logsumexp(l))`. Entries equal to −∞ become 0.
    /// - Complexity: O(rows × classes).
    static func softmaxRows(_ logits: inout Matrix) {
        let n = logits.rowCount, k = logits.columnCount
        if n == 0 || k == 0 { return }
        logits.storage.withUnsafeMutableBufferPointer { p in
            for i in 0..<n {
                var m = -Double.infinity
                for c in 0..<k where p[i &+ c &* n] > m { m = p[i &+ c &* n] }
                if !m.isFinite {
                    // No finite log-probability at all: fall back to a uniform row.
                    for c in 0..<k { p[i &+ c &* n] = 1 / Double(k) }
                    continue
                }
                var s = 0.0
                for c in 0..<k {
                    let e = exp(p[i &+ c &* n] - m)
                    p[i &+ c &* n] = e
                    s += e
                }
                for c in 0..<k { p[i &+ c &* n] /= s }
            }
        }
    }

    /// Weighted per-class totals (weights default to 1).
    static func classWeights(_ indices: [Int32], classCount: Int, weights: [Double]?) -> [Double] {
        var out = [Double](repeating: 0, count: classCount)
        for (i, c) in indices.enumerated() { out[Int(c)] += weights?[i] ?? 1 }
        return out
    }
}
