#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MLCore

/// Bayesian optimisation with a Gaussian process (`GaussianProcess`, Matérn 5/2, ARD, hyperparameters
/// by maximum a posteriori with a dimension-scaled lengthscale prior, `GaussianProcess.logPrior`)
/// and expected improvement with ξ = 0.01 (in standardised units of the loss).
///
/// - Start-up: `startupTrials` points of a Latin hypercube (every coordinate's strata each hold one
///   point), drawn from a stream shared by the whole search.
/// - Targets: the losses are standardised and pass through the Yeo–Johnson power transform with
///   the λ of maximum likelihood (HEBO's output warping, `yeoJohnsonWarped`), so a few disastrous
///   trials (a learning rate that learns nothing) do not flatten the model everywhere else;
///   expected improvement is computed on that scale. The prior mean is the worst warped loss
///   (`pessimisticScaling`), not the average.
/// - Candidates: `randomCandidates` uniform points plus `localCandidates` Gaussian perturbations of
///   each of the best observed points (as Optuna's `GPSampler` starts its local search at the best
///   trial); the best `refinedCount` are refined locally by Gaussian steps of shrinking size.
/// - Categories enter the process one-hot and integers at their bin centre.
/// - Batches: pending points of a batch are added at the model's posterior mean with the
///   hyperparameters kept (kriging believer, a constant liar whose lie is the believed value), so
///   they only remove the uncertainty around themselves. Failed trials are left out.
struct GaussianProcessSearch: Sendable {
    /// Start-up trials (a Latin hypercube) before the model is used.
    var startupTrials = 5
    /// Exploration margin of expected improvement (standardised units).
    var xi = 0.01
    /// Uniform random candidates scored per proposal.
    var randomCandidates = 256
    /// Perturbations scored around each of the best observed points.
    var localCandidates = 8
    /// Candidates refined locally.
    var refinedCount = 3
    /// Adam steps per optimiser start.
    var iterations = 40
    /// The stream of the start-up design, the same for every trial of a search (`nil`: uniform
    /// random start-up points from the trial's own stream).
    var design: RandomStream?

    /// The next point to evaluate, given finished trials and `pending` points (proposed but not yet
    /// evaluated).
    func propose(geometry: SearchGeometry, observations: [SearchObservation], pending: [[Double]],
                 using rng: inout RandomStream) -> [Double] {
        let finished = observations.filter { $0.loss != nil }
        guard finished.count >= startupTrials else {
            let index = observations.count + pending.count
            if var stream = design, index < startupTrials {
                return geometry.latinHypercube(count: startupTrials, using: &stream)[index]
            }
            return geometry.randomPoint(using: &rng)
        }
        let inputs = finished.map { geometry.features($0.unit) }
        let targets = yeoJohnsonWarped(finished.map { $0.loss! })
        let width = geometry.featureCount
        var startStream = rng.split("starts")
        var starts = [GaussianProcess.Hyperparameters(logLengthscales: [Double](repeating: log(0.3), count: width),
                                                      logSignalVariance: 0, logNoiseVariance: log(1e-3))]
        for _ in 0..<2 {
            starts.append(GaussianProcess.Hyperparameters(
                logLengthscales: (0..<width).map { _ in log(0.05) + startStream.nextUniform() * (log(2.0) - log(0.05)) },
                logSignalVariance: log(0.5) + startStream.nextUniform() * (log(2.0) - log(0.5)),
                logNoiseVariance: log(1e-5) + startStream.nextUniform() * (log(1e-1) - log(1e-5))))
        }
        guard var gp = try? GaussianProcess(inputs: inputs, targets: targets, starts: starts, iterations: iterations,
                                            scaling: GaussianProcessSearch.pessimisticScaling(targets)) else {
            return geometry.randomPoint(using: &rng)
        }
        if !pending.isEmpty {
            // Kriging believer: the pending points at their posterior means, same hyperparameters
            // and scaling.
            let pendingInputs = pending.map { geometry.features($0) }
            let beliefs = pendingInputs.map { gp.predict($0).mean }
            if let conditioned = try? GaussianProcess(inputs: inputs + pendingInputs, targets: targets + beliefs,
                                                      starts: [gp.hyperparameters], iterations: 0,
                                                      scaling: (gp.yMean, gp.yScale)) {
                gp = conditioned
            }
        }
        let best = targets.min() ?? 0
        let margin = xi * gp.yScale
        func acquisition(_ u: [Double]) -> Double {
            let (mu, sd) = gp.predict(geometry.features(u))
            let improvement = best - mu - margin
            guard sd > 1e-12 else { return max(improvement, 0) }
            let z = improvement / sd
            return improvement * normalCDF(z) + sd * normalPDF(z)
        }

        var candidateStream = rng.split("candidates")
        var candidates = (0..<randomCandidates).map { _ in geometry.randomPoint(using: &candidateStream) }
        var localStream = rng.split("local")
        candidates += GaussianProcessSearch.localCandidates(around: finished, count: localCandidates, using: &localStream)
        var scored = candidates.map { (point: $0, value: acquisition($0)) }
        // Stable order on ties: the earlier candidate first.
        scored = scored.enumerated().sorted { a, b in
            a.element.value != b.element.value ? a.element.value > b.element.value : a.offset < b.offset
        }.map(\.element)
        var refineStream = rng.split("refine")
        var bestPoint = scored[0].point, bestValue = scored[0].value
        for r in 0..<min(refinedCount, scored.count) {
            var current = scored[r].point, currentValue = scored[r].value
            for step in [0.1, 0.05, 0.02, 0.01] {
                for _ in 0..<8 {
                    let trial = current.map { min(max($0 + step * refineStream.nextNormal(), 0), 1) }
                    let v = acquisition(trial)
                    if v > currentValue { current = trial; currentValue = v }
                }
            }
            if currentValue > bestValue { bestPoint = current; bestValue = currentValue }
        }
        return geometry.snapped(bestPoint)
    }

    /// The process's constant prior mean and scale: the worst (largest) target and the targets'
    /// standard deviation. Far from every trial the model then expects the worst loss seen rather
    /// than the average, so expected improvement looks for gains near good trials instead of in the
    /// empty corners of the cube (De Ath, Fieldsend & Everson 2020, "What do you mean? The role of
    /// the mean function in Bayesian optimisation": the maximum of the data as the constant mean did
    /// best in more than a few dimensions).
    static func pessimisticScaling(_ targets: [Double]) -> (mean: Double, scale: Double) {
        let n = Double(max(targets.count, 1))
        let mean = targets.reduce(0, +) / n
        var variance = 0.0
        for t in targets { variance += (t - mean) * (t - mean) }
        variance /= n
        return (targets.max() ?? 0, variance > 1e-18 ? variance.squareRoot() : 1)
    }

    /// `count` Gaussian perturbations (standard deviations 0.02, 0.05, 0.1, 0.2 in turn, clamped to
    /// the unit cube) of each of the best max(1, min(5, n/4)) of the `n` finished trials (lowest loss
    /// first, earlier index on ties).
    static func localCandidates(around finished: [SearchObservation], count: Int,
                                using rng: inout RandomStream) -> [[Double]] {
        let ranked = finished.filter { $0.loss != nil }
            .sorted { a, b in a.loss! != b.loss! ? a.loss! < b.loss! : a.index < b.index }
        guard !ranked.isEmpty, count > 0 else { return [] }
        let steps = [0.02, 0.05, 0.1, 0.2]
        var out: [[Double]] = []
        for o in ranked.prefix(max(1, min(5, ranked.count / 4))) {
            for c in 0..<count {
                let step = steps[c % steps.count]
                out.append(o.unit.map { min(max($0 + step * rng.nextNormal(), 0), 1) })
            }
        }
        return out
    }
}

/// `values` standardised, then through the Yeo–Johnson power transform whose λ ∈ [−3, 3] (on a
/// grid of step 0.01, the first on ties) maximises the normal log-likelihood of the result
/// (HEBO's output warping): a monotone map that shrinks a long tail of bad losses and keeps the
/// spacing of the good ones.
func yeoJohnsonWarped(_ values: [Double]) -> [Double] {
    let n = Double(values.count)
    guard values.count > 1 else { return values.map { _ in 0 } }
    let mean = Stats.mean(values)
    let sd = Stats.standardDeviation(values)
    guard sd > 1e-300 else { return values.map { _ in 0 } }
    let z = values.map { ($0 - mean) / sd }
    var jacobian = 0.0
    for v in z { jacobian += (v >= 0 ? 1 : -1) * log(abs(v) + 1) }
    var bestLambda = 1.0, bestLikelihood = -Double.infinity
    for step in 0...600 {
        let lambda = -3 + Double(step) * 0.01
        let t = z.map { yeoJohnson($0, lambda) }
        let m = t.reduce(0, +) / n
        var v = 0.0
        for x in t { v += (x - m) * (x - m) }
        v /= n
        guard v > 1e-300, v.isFinite else { continue }
        let likelihood = -0.5 * n * log(v) + (lambda - 1) * jacobian
        if likelihood > bestLikelihood { bestLikelihood = likelihood; bestLambda = lambda }
    }
    return z.map { yeoJohnson($0, bestLambda) }
}

/// The Yeo–Johnson transform of `x` with parameter `lambda`.
func yeoJohnson(_ x: Double, _ lambda: Double) -> Double {
    if x >= 0 {
        return abs(lambda) < 1e-12 ? log1p(x) : (pow(x + 1, lambda) - 1) / lambda
    }
    return abs(lambda - 2) < 1e-12 ? -log1p(-x) : -(pow(1 - x, 2 - lambda) - 1) / (2 - lambda)
}
