#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MLCore

/// The tree-structured Parzen estimator (Bergstra et al. 2011) with the defaults of Optuna's
/// `TPESampler` (5.0): 10 random start-up trials, 24 expected-improvement candidates,
/// γ(n) = min(⌈0.1 n⌉, 25) finished trials in the "good" group, Optuna's weights (a recent-first ramp
/// past 25 observations), a prior kernel of weight 1, Optuna's bandwidths with the magic clip, and
/// the multivariate TPE Optuna uses by default for one objective: the always-active dimensions
/// are modelled by one mixture of product kernels and drawn jointly. Conditional dimensions (not
/// in every trial) fall back to independent TPE over the trials where they were active, as Optuna
/// samples parameters outside its intersection search space. Everything runs in the unit cube.
///
/// As in Optuna, failed trials are left out and pending trials of a batch join the "bad" group
/// without counting in γ (constant liar).
struct TreeParzenEstimator: Sendable {
    /// Random trials before the model is used.
    var startupTrials = 10
    /// Candidates drawn from l(x); the one maximising l(x)/g(x) is kept.
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
    /// evaluated).
    func propose(geometry: SearchGeometry, observations: [SearchObservation], pending: [[Double]],
                 using rng: inout RandomStream) -> [Double] {
        let finished = observations.filter { $0.loss != nil }
        guard finished.count >= startupTrials else { return geometry.randomPoint(using: &rng) }

        // Split: the γ(n) best finished trials (ties by index) are "below"; the rest and the pending
        // ones are "above"; both in trial order.
        let ranked = finished.sorted { a, b in a.loss! != b.loss! ? a.loss! < b.loss! : a.index < b.index }
        let belowCount = TreeParzenEstimator.gamma(finished.count)
        let below = ranked[..<belowCount].sorted { $0.index < $1.index }.map { ($0.unit, $0.active) }
        var above = ranked[belowCount...].sorted { $0.index < $1.index }.map { ($0.unit, $0.active) }
        for p in pending { above.append((p, geometry.activeMask(p))) }

        var point = geometry.randomPoint(using: &rng)
        let domains = geometry.dimensions.map(\.domain)
        let joint = (0..<geometry.count).filter { geometry.parents[$0] == nil }
        let single = (0..<geometry.count).filter { geometry.parents[$0] != nil }

        // The always-active dimensions: one mixture of product kernels, drawn jointly.
        if !joint.isEmpty {
            let jointDomains = joint.map { domains[$0] }
            let l = ParzenMixture(observations: below.map { o in joint.map { o.0[$0] } }, domains: jointDomains,
                                  priorWeight: priorWeight)
            let g = ParzenMixture(observations: above.map { o in joint.map { o.0[$0] } }, domains: jointDomains,
                                  priorWeight: priorWeight)
            var stream = rng.split("joint")
            var best: [Double] = [], bestScore = -Double.infinity
            for _ in 0..<candidateCount {
                let x = l.sample(using: &stream)
                let score = l.logDensity(x) - g.logDensity(x)
                if score > bestScore { bestScore = score; best = x }
            }
            for (j, d) in joint.enumerated() { point[d] = best[j] }
        }
        // Conditional dimensions: independent estimators over the trials where they were active.
        for d in single {
            let l = ParzenMixture(observations: below.filter { $0.1[d] }.map { [$0.0[d]] }, domains: [domains[d]],
                                  priorWeight: priorWeight)
            let g = ParzenMixture(observations: above.filter { $0.1[d] }.map { [$0.0[d]] }, domains: [domains[d]],
                                  priorWeight: priorWeight)
            var stream = rng.split(UInt64(d))
            var best = 0.5, bestScore = -Double.infinity
            for _ in 0..<candidateCount {
                let x = l.sample(using: &stream)
                let score = l.logDensity(x) - g.logDensity(x)
                if score > bestScore { bestScore = score; best = x[0] }
            }
            point[d] = best
        }
        return point
    }
}

/// Optuna's Parzen estimator on the unit cube: a mixture with one product kernel per observation
/// plus a prior kernel, weighted by `TreeParzenEstimator.weights` and the prior weight.
///
/// A real or integer dimension has truncated normal kernels on [0, 1] at the observations, each
/// with the larger gap to its sorted neighbours (0 and 1 are the outer neighbours; the outermost
/// observations use their inner gap), clipped to [1 / min(100, 1 + kernels), 1]; the prior kernel
/// is N(0.5, 1). A categorical dimension's kernel puts 1 on the observed category plus
/// `priorWeight / kernels` on every category (normalised); the prior kernel is uniform.
struct ParzenMixture: Sendable {
    /// One dimension's kernels.
    enum Kernels: Sendable {
        case numeric(mus: [Double], sigmas: [Double], logNormalizers: [Double])
        case categorical(domain: ParameterDomain, probabilities: [[Double]])
    }

    let logWeights: [Double]
    let weights: [Double]
    let dimensions: [Kernels]

    /// - Parameter observations: one unit-cube point per observation (aligned with `domains`), in
    ///   trial order.
    init(observations: [[Double]], domains: [ParameterDomain], priorWeight: Double) {
        let n = observations.count
        var w = n == 0 ? [1.0] : TreeParzenEstimator.weights(n) + [priorWeight]
        let total = w.reduce(0, +)
        w = w.map { $0 / total }
        weights = w
        logWeights = w.map { log($0) }
        dimensions = domains.enumerated().map { d, domain in
            let xs = observations.map { $0[d] }
            if let k = domain.categoryCount {
                var rows: [[Double]] = []
                let kernels = n + 1
                for x in xs {
                    var row = [Double](repeating: priorWeight / Double(kernels), count: k)
                    row[domain.categoryIndex(atUnit: x)] += 1
                    let sum = row.reduce(0, +)
                    rows.append(row.map { $0 / sum })
                }
                rows.append([Double](repeating: 1 / Double(k), count: k))
                return .categorical(domain: domain, probabilities: rows)
            }
            let sigmas = ParzenMixture.bandwidths(xs) + [1.0]
            let mus = xs + [0.5]
            let logNormalizers = zip(mus, sigmas).map { mu, s in
                log(max(normalCDF((1 - mu) / s) - normalCDF((0 - mu) / s), 1e-300))
            }
            return .numeric(mus: mus, sigmas: sigmas, logNormalizers: logNormalizers)
        }
    }

    /// Optuna's bandwidths for observations in [0, 1] (the prior's is added by the caller).
    static func bandwidths(_ xs: [Double]) -> [Double] {
        let n = xs.count
        guard n > 0 else { return [] }
        let order = xs.indices.sorted { xs[$0] != xs[$1] ? xs[$0] < xs[$1] : $0 < $1 }
        var withEnds: [Double] = [0]
        for i in order { withEnds.append(xs[i]) }
        withEnds.append(1)
        var sorted: [Double] = []
        for i in 0..<n {
            let left: Double = withEnds[i + 1] - withEnds[i]
            let right: Double = withEnds[i + 2] - withEnds[i + 1]
            sorted.append(max(left, right))
        }
        if n >= 2 {
            sorted[0] = withEnds[2] - withEnds[1]
            sorted[n - 1] = withEnds[n] - withEnds[n - 1]
        }
        let minSigma = 1.0 / min(100.0, 1.0 + Double(n + 1))
        var sigmas = [Double](repeating: 0, count: n)
        for (rank, original) in order.enumerated() { sigmas[original] = min(max(sorted[rank], minSigma), 1.0) }
        return sigmas
    }

    /// A draw: a component by weight, then each dimension from that component (truncated normals by
    /// rejection, clamped after 64 tries; categories at their bin centre).
    func sample(using rng: inout RandomStream) -> [Double] {
        let u = rng.nextUniform()
        var acc = 0.0, k = weights.count - 1
        for (i, w) in weights.enumerated() {
            acc += w
            if u < acc { k = i; break }
        }
        return dimensions.map { kernels in
            switch kernels {
            case let .numeric(mus, sigmas, _):
                for _ in 0..<64 {
                    let x = mus[k] + sigmas[k] * rng.nextNormal()
                    if x >= 0, x <= 1 { return x }
                }
                return min(max(mus[k], 0), 1)
            case let .categorical(_, rows):
                let v = rng.nextUniform()
                var a = 0.0
                for (c, p) in rows[k].enumerated() {
                    a += p
                    if v < a { return (Double(c) + 0.5) / Double(rows[k].count) }
                }
                return (Double(rows[k].count) - 0.5) / Double(rows[k].count)
            }
        }
    }

    /// log of the mixture density at `x` (a unit-cube point aligned with the dimensions).
    func logDensity(_ x: [Double]) -> Double {
        var terms = logWeights
        for (d, kernels) in dimensions.enumerated() {
            switch kernels {
            case let .numeric(mus, sigmas, logNormalizers):
                for k in 0..<terms.count {
                    let z = (x[d] - mus[k]) / sigmas[k]
                    terms[k] += -0.5 * z * z - log(sigmas[k]) - 0.5 * log(2 * Double.pi) - logNormalizers[k]
                }
            case let .categorical(domain, rows):
                let c = domain.categoryIndex(atUnit: x[d])
                for k in 0..<terms.count { terms[k] += log(max(rows[k][c], 1e-300)) }
            }
        }
        return logSumExp(terms)
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
