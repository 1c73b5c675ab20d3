#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The loss a gradient-boosted model minimises, with LightGBM's gradients, hessians and initial
/// scores (`boost_from_average`).
enum BoostingObjective: Codable, Sendable, Hashable {
    /// Binary log loss on one raw score (`objective=binary`).
    case binary
    /// Softmax over `classes` raw scores, one tree per class per iteration (`multiclass`).
    case multiclass(classes: Int)
    /// Squared error (`regression`).
    case squaredError

    /// Raw scores per row.
    var outputs: Int {
        if case let .multiclass(k) = self { return k }
        return 1
    }

    static let probabilityFloor = 1e-15

    /// The initial score of each output: log-odds, log class frequency, or the weighted mean.
    func initialScores(labels: [Double], classes: [Int32], weights: [Double]?, rows: [Int]) -> [Double] {
        var total = 0.0
        switch self {
        case .squaredError:
            var s = 0.0
            for r in rows { let w = weights?[r] ?? 1; s += w * labels[r]; total += w }
            return [total > 0 ? s / total : 0]
        case .binary:
            var pos = 0.0
            for r in rows { let w = weights?[r] ?? 1; if classes[r] == 1 { pos += w }; total += w }
            let p = Swift.min(Swift.max(pos / Swift.max(total, .leastNormalMagnitude), BoostingObjective.probabilityFloor),
                              1 - BoostingObjective.probabilityFloor)
            return [log(p / (1 - p))]
        case let .multiclass(k):
            var counts = [Double](repeating: 0, count: k)
            for r in rows { let w = weights?[r] ?? 1; counts[Int(classes[r])] += w; total += w }
            return counts.map { log(Swift.max(BoostingObjective.probabilityFloor, $0 / Swift.max(total, .leastNormalMagnitude))) }
        }
    }

    /// Writes interleaved `(gradient, hessian)` of output `k` for every row into `gh`.
    /// `probabilities` holds softmax outputs for multiclass (row-major), scores otherwise.
    func gradients(output k: Int, scores: [Double], probabilities: [Double], labels: [Double], classes: [Int32],
                   weights: [Double]?, into gh: inout [Double]) {
        let n = gh.count / 2
        switch self {
        case .squaredError:
            for i in 0..<n {
                let w = weights?[i] ?? 1
                gh[2 * i] = (scores[i] - labels[i]) * w
                gh[2 * i + 1] = w
            }
        case .binary:
            for i in 0..<n {
                let w = weights?[i] ?? 1
                let p = 1 / (1 + exp(-scores[i]))
                gh[2 * i] = (p - (classes[i] == 1 ? 1 : 0)) * w
                gh[2 * i + 1] = Swift.max(p * (1 - p), 1e-16) * w
            }
        case let .multiclass(c):
            let factor = Double(c) / Double(c - 1)
            for i in 0..<n {
                let w = weights?[i] ?? 1
                let p = probabilities[i * c + k]
                gh[2 * i] = (p - (Int(classes[i]) == k ? 1 : 0)) * w
                gh[2 * i + 1] = Swift.max(factor * p * (1 - p), 1e-16) * w
            }
        }
    }

    /// Softmax of each row of `scores` (`outputs` per row) into `out`.
    static func softmax(_ scores: [Double], outputs k: Int, into out: inout [Double]) {
        let n = scores.count / k
        for i in 0..<n {
            var m = -Double.infinity
            for j in 0..<k { m = Swift.max(m, scores[i * k + j]) }
            var s = 0.0
            for j in 0..<k { let e = exp(scores[i * k + j] - m); out[i * k + j] = e; s += e }
            for j in 0..<k { out[i * k + j] /= s }
        }
    }

    /// The mean loss over `rows` (validation metric for early stopping).
    func loss(scores: [Double], labels: [Double], classes: [Int32], weights: [Double]?, rows: [Int]) -> Double {
        var s = 0.0, total = 0.0
        let k = outputs
        for r in rows {
            let w = weights?[r] ?? 1
            total += w
            switch self {
            case .squaredError:
                let d = scores[r] - labels[r]; s += w * d * d
            case .binary:
                let p = 1 / (1 + exp(-scores[r]))
                let q = classes[r] == 1 ? p : 1 - p
                s -= w * log(Swift.max(q, BoostingObjective.probabilityFloor))
            case .multiclass:
                var m = -Double.infinity
                for j in 0..<k { m = Swift.max(m, scores[r * k + j]) }
                var z = 0.0
                for j in 0..<k { z += exp(scores[r * k + j] - m) }
                s -= w * (scores[r * k + Int(classes[r])] - m - log(z))
            }
        }
        return total > 0 ? s / total : 0
    }
}
