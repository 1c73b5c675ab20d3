import Foundation

/// AdaBoost.R2's loss (scikit-learn's `AdaBoostRegressor(loss=…)`): how a row's absolute error,
/// divided by the round's largest error, becomes the loss in [0, 1] that weighs the round's tree and
/// the row's next weight.
public enum AdaBoostRegressionLoss: String, Codable, Sendable, Hashable, CaseIterable {
    /// `e` (the default).
    case linear
    /// `e²`.
    case square
    /// `1 − exp(−e)`.
    case exponential

    /// The loss of an error `e` already scaled to [0, 1].
    @inlinable
    public func callAsFunction(_ e: Double) -> Double {
        switch self {
        case .linear: return e
        case .square: return e * e
        case .exponential: return 1 - exp(-e)
        }
    }
}

/// One round of AdaBoost.R2 after its tree is fitted (scikit-learn's `AdaBoostRegressor._boost`).
struct AdaBoostR2Round: Equatable {
    /// What the round decided.
    enum Outcome: Equatable {
        /// A perfect tree: keep it with weight 1 and stop.
        case perfect
        /// Weighted loss ≥ 0.5: stop (the tree is kept only if it is the first).
        case tooWeak
        /// Keep the tree with this weight; `β = ε / (1 − ε)`.
        case kept(estimatorWeight: Double, beta: Double)
    }

    /// The weighted loss ε of the round.
    let error: Double
    /// What the round decided.
    let outcome: Outcome
    /// The row losses in [0, 1] (zero-weight rows included).
    let losses: [Double]

    /// Scales `absoluteErrors` by their largest value over rows of positive weight, applies `loss`,
    /// and decides the round from the weighted loss ε = Σ wᵢ Lᵢ (the weights sum to 1).
    init(absoluteErrors: [Double], weights: [Double], loss: AdaBoostRegressionLoss, learningRate: Double) {
        var maxError = 0.0
        for (e, w) in zip(absoluteErrors, weights) where w > 0 { maxError = Swift.max(maxError, e) }
        losses = absoluteErrors.map { loss(maxError > 0 ? $0 / maxError : $0) }
        var total = 0.0
        for (l, w) in zip(losses, weights) where w > 0 { total += w * l }
        error = total
        if total <= 0 {
            outcome = .perfect
        } else if total >= 0.5 {
            outcome = .tooWeak
        } else {
            let beta = total / (1 - total)
            outcome = .kept(estimatorWeight: learningRate * log(1 / beta), beta: beta)
        }
    }

    /// The next weights, `wᵢ β^((1 − Lᵢ) × learning rate)`, normalised; `nil` when they no longer sum
    /// to a positive finite number.
    func nextWeights(_ weights: [Double], beta: Double, learningRate: Double) -> [Double]? {
        var next = weights
        for i in next.indices where next[i] > 0 { next[i] *= pow(beta, (1 - losses[i]) * learningRate) }
        let sum = next.reduce(0, +)
        guard sum > 0, sum.isFinite else { return nil }
        return next.map { $0 / sum }
    }
}
