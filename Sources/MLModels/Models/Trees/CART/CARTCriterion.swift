#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The impurity a CART split minimises (scikit-learn's `criterion`).
public enum CARTCriterion: String, Codable, Sendable, Hashable, CaseIterable {
    /// Gini impurity `1 − Σ p_k²` (classification).
    case gini
    /// Shannon entropy `−Σ p_k log p_k` (classification).
    case entropy
    /// Squared error / variance (regression).
    case squaredError = "squared_error"

    /// The "proxy" of a node: `−W × impurity` up to a constant, so the best split maximises
    /// `proxy(left) + proxy(right)` and `proxy(left) + proxy(right) − proxy(parent)` is the
    /// weighted impurity decrease (in nats for entropy).
    ///
    /// `stats` points at a node's channels after the count: class weights `w_0…w_{K−1}` for
    /// classification, `(W, Σ w y)` for regression.
    @inline(__always)
    func proxy(_ stats: UnsafePointer<Double>, classes: Int) -> Double {
        switch self {
        case .squaredError:
            let w = stats[0]
            return w > 0 ? stats[1] * stats[1] / w : 0
        case .gini:
            var w = 0.0, sq = 0.0
            for k in 0..<classes { let v = stats[k]; w += v; sq += v * v }
            return w > 0 ? sq / w : 0
        case .entropy:
            var w = 0.0
            for k in 0..<classes { w += stats[k] }
            if w <= 0 { return 0 }
            var s = 0.0
            for k in 0..<classes { let v = stats[k]; if v > 0 { s += v * log(v / w) } }
            return s
        }
    }
}
