#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MLCore

/// Bayesian optimisation with a Gaussian process (`GaussianProcess`, Matérn 5/2, ARD) and
/// expected improvement with ξ = 0.01 (in standardised units of the loss).
///
/// The acquisition is maximised over `randomCandidates` uniform points, then the best
/// `refinedCount` are refined locally by Gaussian steps of shrinking size; categories enter the
/// process one-hot and integers at their bin centre. Pending points of a batch are added with the
/// worst observed loss (constant liar); failed trials are left out of the model.
struct GaussianProcessSearch: Sendable {
    /// Random trials before the model is used.
    var startupTrials = 10
    /// Exploration margin of expected improvement (standardised units).
    var xi = 0.01
    /// Random candidates scored per proposal.
    var randomCandidates = 256
    /// Candidates refined locally.
    var refinedCount = 3
    /// Adam steps per optimiser start.
    var iterations = 40

    func propose(geometry: SearchGeometry, observations: [SearchObservation], pending: [[Double]],
                 using rng: inout RandomStream) -> [Double] {
        let finished = observations.filter { $0.loss != nil }
        guard finished.count >= startupTrials else { return geometry.randomPoint(using: &rng) }
        var inputs = finished.map { geometry.features($0.unit) }
        var targets = finished.map { $0.loss! }
        let worst = targets.max() ?? 0
        for p in pending {
            inputs.append(geometry.features(p))
            targets.append(worst)
        }
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
        guard let gp = try? GaussianProcess(inputs: inputs, targets: targets, starts: starts, iterations: iterations) else {
            return geometry.randomPoint(using: &rng)
        }
        let best = finished.map { $0.loss! }.min() ?? 0
        let margin = xi * gp.yScale
        func acquisition(_ u: [Double]) -> Double {
            let (mu, sd) = gp.predict(geometry.features(u))
            let improvement = best - mu - margin
            guard sd > 1e-12 else { return max(improvement, 0) }
            let z = improvement / sd
            return improvement * normalCDF(z) + sd * normalPDF(z)
        }

        var candidateStream = rng.split("candidates")
        var scored: [(point: [Double], value: Double)] = []
        for _ in 0..<randomCandidates {
            let u = geometry.randomPoint(using: &candidateStream)
            scored.append((u, acquisition(u)))
        }
        scored.sort { $0.value > $1.value }
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
}
