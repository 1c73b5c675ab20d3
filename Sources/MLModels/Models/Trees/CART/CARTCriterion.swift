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
    /// Absolute error (regression): a node's impurity is `Σ w |y − median| / W` with the weighted
    /// median, its value is that median, and a split minimises the children's summed deviations
    /// (scikit-learn's MAE criterion; see `CARTAbsoluteErrorScan`).
    case absoluteError = "absolute_error"
    /// Friedman's improvement score (regression). scikit-learn 1.9 maps it to squared error ("both
    /// were always equivalent": `w_l w_r (mean_l − mean_r)² / (w_l + w_r)` is the variance
    /// reduction), so it grows the same trees as `squaredError`.
    case friedmanMSE = "friedman_mse"

    /// Whether this criterion is for classification (gini, entropy) rather than regression.
    public var isClassification: Bool { self == .gini || self == .entropy }

    /// The rule the builder runs: `friedmanMSE` is `squaredError` (scikit-learn 1.9's mapping).
    var splitRule: CARTCriterion { self == .friedmanMSE ? .squaredError : self }

    /// The "proxy" of a node: `−W × impurity` up to a constant, so the best split maximises
    /// `proxy(left) + proxy(right)` and `proxy(left) + proxy(right) − proxy(parent)` is the
    /// weighted impurity decrease (in nats for entropy).
    ///
    /// `stats` points at a node's channels after the count: class weights `w_0…w_{K−1}` for
    /// classification, `(W, Σ w y)` for regression.
    @inline(__always)
    func proxy(_ stats: UnsafePointer<Double>, classes: Int) -> Double {
        switch self {
        case .squaredError, .friedmanMSE:
            let w = stats[0]
            return w > 0 ? stats[1] * stats[1] / w : 0
        case .absoluteError:
            // Not a function of the channel sums: the builder scans it with CARTAbsoluteErrorScan.
            return 0
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

extension ParameterConstraint {
    /// `criterion` of a tree classifier: gini or entropy (a regression criterion is rejected).
    static func classificationCriterion(_ path: WritableKeyPath<E, CARTCriterion>) -> Self {
        Self(name: "criterion", expected: "gini or entropy",
             isSatisfied: { $0[keyPath: path].isClassification }, describeValue: { $0[keyPath: path].rawValue },
             invalidVariants: { e in
                 CARTCriterion.allCases.filter { !$0.isClassification }.map { var c = e; c[keyPath: path] = $0; return c }
             })
    }

    /// `criterion` of a tree regressor: squared_error, absolute_error or friedman_mse (gini and
    /// entropy are rejected).
    static func regressionCriterion(_ path: WritableKeyPath<E, CARTCriterion>) -> Self {
        Self(name: "criterion", expected: "squared_error, absolute_error or friedman_mse",
             isSatisfied: { !$0[keyPath: path].isClassification }, describeValue: { $0[keyPath: path].rawValue },
             invalidVariants: { e in
                 CARTCriterion.allCases.filter(\.isClassification).map { var c = e; c[keyPath: path] = $0; return c }
             })
    }
}
