#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MLCore

/// The tree-structured Parzen estimator (Bergstra et al. 2011) with Optuna's `TPESampler`
/// defaults: 10 random start-up trials, 24 expected-improvement candidates, γ(n) = min(⌈0.1 n⌉, 25)
/// trials in the "good" group, Optuna's weights (recent-first ramp past 25 observations), a prior
/// component of weight 1, the magic clip on bandwidths, independent (univariate) estimators per
/// dimension in the unit cube.
///
/// A dimension's estimators use only the trials in which it was active. Failed and pending
/// (constant liar) trials count in the "bad" group.
struct TreeParzenEstimator: Sendable {
    /// Random trials before the model is used.
    var startupTrials = 10
    /// Candidates drawn from l(x) per dimension; the one maximising l(x)/g(x) is kept.
    var candidateCount = 24
    /// Weight of the prior component.
    var priorWeight = 1.0

    /// Optuna's `default_gamma`: min(⌈0.1 n⌉, 25).
    static func gamma(_ n: Int) -> Int { min(Int((0.1 * Double(n)).rounded(.up)), 25) }

    /// Optuna's `default_weights`: all ones below 25 observations, else a ramp from 1/n to 1 over
    /// the older ones followed by 25 ones (observations in trial order).
    static func weights(_ n: Int) -> [Double] {
        if n == 0 { return [] }
        if n < 25 { return [Double](repeating: 1, count: n) }
        let rampCount = n - 25
        var ramp: [Double] = []
        if rampCount == 1 {
            ramp = [1.0 / Double(n)]
        } else if rampCount > 1 {
            let lo = 1.0 / Double(n)
            for i in 0..<rampCount { ramp.append(lo + (1 - lo) * Double(i) / Double(rampCount - 1)) }
        }
        return ramp + [Double](repeating: 1, count: 25)
    }

    /// The next point to evaluate, given finished trials and `pending` points (proposed but not yet
    /// evaluated, treated as the worst).
    func propose(geometry: SearchGeometry, observations: [SearchObservation], pending: [[Double]],
                 using rng: inout RandomStream) -> [Double] {
        let finished = observations.filter { $0.loss != nil }
        guard finished.count >= startupTrials else { return geometry.randomPoint(using: &rng) }

        // Rank: by loss ascending (failed and pending last), ties by trial index.
        var all = observations
        for (j, p) in pending.enumerated() {
            all.append(SearchObservation(index: Int.max - pending.count + j, unit: p, active: geometry.activeMask(p), loss: nil))
        }
        let ranked = all.sorted { a, b in
            switch (a.loss, b.loss) {
            case let (x?, y?): return x != y ? x < y : a.index < b.index
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.index < b.index
            }
        }
        let belowCount = TreeParzenEstimator.gamma(all.count)
        let below = Array(ranked[..<belowCount]).sorted { $0.index < $1.index }
        let above = Array(ranked[belowCount...]).sorted { $0.index < $1.index }

        var point = [Double](repeating: 0.5, count: geometry.count)
        for d in 0..<geometry.count {
            var stream = rng.split(UInt64(d))
            let xb = below.filter { $0.active[d] }.map { $0.unit[d] }
            let xa = above.filter { $0.active[d] }.map { $0.unit[d] }
            let domain = geometry.dimensions[d].domain
            if let k = domain.categoryCount {
                let lb = CategoricalParzen(observations: xb.map { domain.categoryIndex(atUnit: $0) }, choices: k,
                                           priorWeight: priorWeight)
                let la = CategoricalParzen(observations: xa.map { domain.categoryIndex(atUnit: $0) }, choices: k,
                                           priorWeight: priorWeight)
                var best = 0, bestScore = -Double.infinity
                for _ in 0..<candidateCount {
                    let c = lb.sample(using: &stream)
                    let score = log(lb.probabilities[c]) - log(la.probabilities[c])
                    if score > bestScore { bestScore = score; best = c }
                }
                point[d] = (Double(best) + 0.5) / Double(k)
            } else {
                let lb = NumericParzen(observations: xb, priorWeight: priorWeight)
                let la = NumericParzen(observations: xa, priorWeight: priorWeight)
                var best = 0.5, bestScore = -Double.infinity
                for _ in 0..<candidateCount {
                    let x = lb.sample(using: &stream)
                    let score = lb.logDensity(x) - la.logDensity(x)
                    if score > bestScore { bestScore = score; best = x }
                }
                point[d] = best
            }
        }
        return point
    }
}

/// Optuna's univariate Parzen estimator on [0, 1]: truncated normal kernels at the observations
/// plus a prior kernel N(0.5, 1); each bandwidth is the larger gap to a sorted neighbour (the
/// outermost use their inner gap), clipped to [1 / min(100, 1 + kernels), 1].
struct NumericParzen: Sendable {
    let mus: [Double]
    let sigmas: [Double]
    let weights: [Double]
    private let logNormalizers: [Double]

    init(observations: [Double], priorWeight: Double) {
        let n = observations.count
        var mus = observations + [0.5]
        let order = mus.indices.sorted { mus[$0] != mus[$1] ? mus[$0] < mus[$1] : $0 < $1 }
        let sorted = order.map { mus[$0] }
        let withEnds: [Double] = [0.0] + sorted + [1.0]
        var sortedSigmas: [Double] = []
        for i in 0..<sorted.count {
            let left: Double = withEnds[i + 1] - withEnds[i]
            let right: Double = withEnds[i + 2] - withEnds[i + 1]
            sortedSigmas.append(max(left, right))
        }
        if sorted.count >= 2 {
            sortedSigmas[0] = withEnds[2] - withEnds[1]
            sortedSigmas[sorted.count - 1] = withEnds[sorted.count] - withEnds[sorted.count - 1]
        }
        var sigmas = [Double](repeating: 0, count: mus.count)
        for (rank, original) in order.enumerated() { sigmas[original] = sortedSigmas[rank] }
        sigmas[n] = 1.0
        let minSigma = 1.0 / Double(min(100, 1 + mus.count))
        sigmas = sigmas.map { min(max($0, minSigma), 1.0) }
        var w = TreeParzenEstimator.weights(n) + [priorWeight]
        let total = w.reduce(0, +)
        w = w.map { $0 / total }
        mus[n] = 0.5
        self.mus = mus
        self.sigmas = sigmas
        self.weights = w
        self.logNormalizers = zip(mus, sigmas).map { mu, s in
            log(max(normalCDF((1 - mu) / s) - normalCDF((0 - mu) / s), 1e-300))
        }
    }

    /// A draw: a component by weight, then its truncated normal (by rejection, clamped after 64
    /// tries).
    func sample(using rng: inout RandomStream) -> Double {
        let u = rng.nextUniform()
        var acc = 0.0, k = weights.count - 1
        for (i, w) in weights.enumerated() {
            acc += w
            if u < acc { k = i; break }
        }
        for _ in 0..<64 {
            let x = mus[k] + sigmas[k] * rng.nextNormal()
            if x >= 0, x <= 1 { return x }
        }
        return min(max(mus[k], 0), 1)
    }

    /// log of the mixture density at `x`.
    func logDensity(_ x: Double) -> Double {
        var terms: [Double] = []
        terms.reserveCapacity(mus.count)
        for k in 0..<mus.count {
            let z = (x - mus[k]) / sigmas[k]
            terms.append(log(weights[k]) - 0.5 * z * z - log(sigmas[k]) - 0.5 * log(2 * Double.pi) - logNormalizers[k])
        }
        return logSumExp(terms)
    }
}

/// Optuna's categorical Parzen estimator: each observation's kernel puts weight 1 on its category
/// plus `priorWeight / kernels` on every category; the prior kernel is uniform.
struct CategoricalParzen: Sendable {
    let probabilities: [Double]

    init(observations: [Int], choices: Int, priorWeight: Double) {
        let kernels = observations.count + 1
        let w = TreeParzenEstimator.weights(observations.count) + [priorWeight]
        let total = w.reduce(0, +)
        var p = [Double](repeating: 0, count: choices)
        for k in 0..<kernels {
            var row = [Double](repeating: priorWeight / Double(kernels), count: choices)
            if k < observations.count { row[observations[k]] += 1 }
            let rowSum = row.reduce(0, +)
            for c in 0..<choices { p[c] += (w[k] / total) * row[c] / rowSum }
        }
        probabilities = p
    }

    /// A draw by probability.
    func sample(using rng: inout RandomStream) -> Int {
        let u = rng.nextUniform()
        var acc = 0.0
        for (c, p) in probabilities.enumerated() {
            acc += p
            if u < acc { return c }
        }
        return probabilities.count - 1
    }
}

/// Φ(z).
func normalCDF(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }

/// φ(z).
func normalPDF(_ z: Double) -> Double { exp(-0.5 * z * z) / (2 * Double.pi).squareRoot() }

/// log Σ exp(xᵢ), stably.
func logSumExp(_ xs: [Double]) -> Double {
    guard let m = xs.max(), m.isFinite else { return xs.max() ?? -Double.infinity }
    var s = 0.0
    for x in xs { s += exp(x - m) }
    return m + log(s)
}
