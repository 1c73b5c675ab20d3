import Foundation
import Testing
@testable import AutoSwiftML
import MLCore

/// The Gaussian-process searcher's parts: start-up design, output warping, priors, local
/// candidates, kriging believer, determinism.
@Suite struct GaussianProcessSearchTests {
    static let mixedSpace = [
        SearchDimensionInfo(name: "x", domain: .uniform(lower: -1, upper: 2)),
        SearchDimensionInfo(name: "n", domain: .integer(lower: 1, upper: 40)),
        SearchDimensionInfo(name: "kind", domain: .categorical(["a", "b", "c"])),
        SearchDimensionInfo(name: "rate", domain: .logUniform(lower: 1e-4, upper: 1)),
    ]

    /// Every coordinate's k-th stratum [k/n, (k+1)/n) holds exactly one of the n points.
    static func isLatinHypercube(_ points: [[Double]]) -> Bool {
        let n = points.count
        guard let width = points.first?.count else { return false }
        for d in 0..<width {
            let strata = points.map { Int(($0[d] * Double(n)).rounded(.down)) }
            if strata.sorted() != Array(0..<n) { return false }
            if points.contains(where: { $0[d] < 0 || $0[d] >= 1 }) { return false }
        }
        return true
    }

    @Test func latinHypercubeHasOnePointPerStratumOnEveryCoordinate() throws {
        let geometry = try SearchGeometry(Self.mixedSpace)
        for count in [1, 5, 7] {
            var rng = RandomStream(seed: UInt64(count))
            let points = geometry.latinHypercube(count: count, using: &rng)
            #expect(points.count == count)
            #expect(Self.isLatinHypercube(points))
        }
        var rng = RandomStream(seed: 1)
        #expect(geometry.latinHypercube(count: 0, using: &rng).isEmpty)
    }

    /// The start-up trials of `gp` are one Latin hypercube (one search-wide design stream), for
    /// any batch size, and the model takes over after them.
    @Test func gpStartupTrialsFormALatinHypercube() throws {
        for batch in [1, 2, 3] {
            let options = SearchOptions(method: .gp, trials: 7, batchSize: batch, threadCount: 1)
            let outcome = try minimize(Self.mixedSpace, options: options, using: RandomStream(seed: 4)) { v in
                (v[0]!.number! * v[0]!.number! + v[3]!.number!, ())
            }
            let startup = outcome.trials.prefix(5).map(\.unit)
            #expect(Self.isLatinHypercube(Array(startup)), "batch \(batch)")
        }
        // Start-up trials set explicitly: a hypercube of that size.
        let options = SearchOptions(method: .gp, trials: 8, batchSize: 2, threadCount: 1, startupTrials: 8)
        let outcome = try minimize(Self.mixedSpace, options: options, using: RandomStream(seed: 5)) { v in (v[0]!.number!, ()) }
        #expect(Self.isLatinHypercube(outcome.trials.map(\.unit)))
    }

    /// Same seed, same history, whatever the thread count; another seed, another history.
    @Test func gpHistoryDependsOnTheSeedOnly() throws {
        func units(seed: UInt64, threads: Int) throws -> [[Double]] {
            let options = SearchOptions(method: .gp, trials: 12, batchSize: 2, threadCount: threads)
            return try minimize(Self.mixedSpace, options: options, using: RandomStream(seed: seed)) { v in
                let x = v[0]!.number!, n = v[1]!.number!
                return ((x - 0.3) * (x - 0.3) + abs(n - 20) / 40 + (v[2]! == .category("b") ? 0 : 0.5), ())
            }.trials.map(\.unit)
        }
        let one = try units(seed: 9, threads: 1)
        #expect(one == (try units(seed: 9, threads: 2)))
        #expect(one == (try units(seed: 9, threads: 1)))
        #expect(one != (try units(seed: 10, threads: 1)))
    }

    @Test func localCandidatesPerturbTheBestTrialsInsideTheCube() {
        var rng = RandomStream(seed: 3)
        // Twelve trials at the corners and edges; the best three (12 / 4) are 0, 1 and 2.
        let observations = (0..<12).map { i in
            SearchObservation(index: i, unit: [i % 2 == 0 ? 0 : 1, i % 3 == 0 ? 1 : 0.5],
                              active: [true, true], loss: Double(i))
        } + [SearchObservation(index: 12, unit: [0.5, 0.5], active: [true, true], loss: nil)]
        let candidates = GaussianProcessSearch.localCandidates(around: observations, count: 8, using: &rng)
        #expect(candidates.count == 3 * 8)
        #expect(candidates.allSatisfy { $0.allSatisfy { $0 >= 0 && $0 <= 1 } })
        // Each block of eight stays near its centre (the largest step is 0.2).
        for (block, centre) in [[0.0, 1.0], [1.0, 0.5], [0.0, 0.5]].enumerated() {
            for c in candidates[(block * 8)..<(block * 8 + 8)] {
                #expect(abs(c[0] - centre[0]) < 0.9 && abs(c[1] - centre[1]) < 0.9)
            }
            let spread = candidates[(block * 8)..<(block * 8 + 8)].map { abs($0[1] - centre[1]) }.max()!
            #expect(spread > 0)
        }
        var empty = RandomStream(seed: 1)
        #expect(GaussianProcessSearch.localCandidates(around: [], count: 8, using: &empty).isEmpty)
    }

    /// The Yeo–Johnson transform against its closed forms.
    @Test func yeoJohnsonMatchesItsDefinition() {
        #expect(abs(yeoJohnson(1, 0.5) - (2.0.squareRoot() - 1) / 0.5) < 1e-12)
        #expect(abs(yeoJohnson(-1, 0.5) - -(pow(2, 1.5) - 1) / 1.5) < 1e-12)
        #expect(abs(yeoJohnson(2, 0) - log(3)) < 1e-12)
        #expect(abs(yeoJohnson(-2, 2) - -log(3)) < 1e-12)
        for x in [-2.0, -0.3, 0, 0.7, 3] { #expect(abs(yeoJohnson(x, 1) - x) < 1e-12) }
    }

    /// The warping keeps the order, and a long tail of bad losses is pulled in: the gap between the
    /// two best losses grows relative to the spread of the rest.
    @Test func outputWarpingKeepsTheOrderAndShrinksTheBadTail() {
        let losses = [0.55, 0.56, 0.58, 0.6, 0.62, 0.65, 0.7, 1.0, 1.01, 1.4]
        let warped = yeoJohnsonWarped(losses)
        for i in 1..<losses.count { #expect(warped[i] > warped[i - 1]) }
        let rawShare = (losses[1] - losses[0]) / (losses[9] - losses[0])
        let warpedShare = (warped[1] - warped[0]) / (warped[9] - warped[0])
        #expect(warpedShare > rawShare)
        #expect(yeoJohnsonWarped([0.3, 0.3, 0.3]) == [0, 0, 0])
        #expect(yeoJohnsonWarped([0.3]) == [0])
    }

    /// The prior's gradient against central finite differences, and its modes (log ℓ = √2 + ½ log p
    /// for p inputs, s² = 1, σ² = 0.1 / 30).
    @Test func hyperparameterPriorGradientAndModes() {
        let theta = GaussianProcess.Hyperparameters(logLengthscales: [log(0.2), log(3)], logSignalVariance: log(0.4),
                                                    logNoiseVariance: log(0.05))
        let (_, grad) = GaussianProcess.logPrior(theta)
        let flat = theta.logLengthscales + [theta.logSignalVariance, theta.logNoiseVariance]
        func value(_ f: [Double]) -> Double {
            GaussianProcess.logPrior(GaussianProcess.Hyperparameters(logLengthscales: Array(f[0..<2]), logSignalVariance: f[2],
                                                                     logNoiseVariance: f[3])).0
        }
        expectGradientMatchesFiniteDifferences(value, at: flat, gradient: grad, step: 1e-6, tolerance: 1e-6)
        let m = 2.0.squareRoot() + 0.5 * log(2.0)
        let mode = GaussianProcess.Hyperparameters(logLengthscales: [m, m], logSignalVariance: 0, logNoiseVariance: log(0.1 / 30))
        #expect(GaussianProcess.logPrior(mode).1.allSatisfy { abs($0) < 1e-12 })
        // More inputs, longer lengthscales a priori: the prior's mode moves by ½ log(p'/p).
        let wide = GaussianProcess.lengthscalePriorLocation(inputCount: 8) - GaussianProcess.lengthscalePriorLocation(inputCount: 2)
        #expect(abs(wide - 0.5 * log(4.0)) < 1e-12)
    }

    /// Kriging believer: conditioning on a point at its posterior mean with the hyperparameters
    /// kept leaves the mean there and removes most of its uncertainty.
    @Test func krigingBelieverKeepsTheMeanAndShrinksTheUncertainty() throws {
        var rng = RandomStream(seed: 6)
        let xs = (0..<10).map { _ in [rng.nextUniform(), rng.nextUniform()] }
        let ys = xs.map { sin(4 * $0[0]) + $0[1] }
        let start = GaussianProcess.Hyperparameters(logLengthscales: [log(0.3), log(0.3)], logSignalVariance: 0,
                                                    logNoiseVariance: log(1e-3))
        let gp = try GaussianProcess(inputs: xs, targets: ys, starts: [start], iterations: 30)
        let pending = [0.5, 0.9]
        let before = gp.predict(pending)
        let believer = try GaussianProcess(inputs: xs + [pending], targets: ys + [before.mean], starts: [gp.hyperparameters],
                                           iterations: 0, scaling: (gp.yMean, gp.yScale))
        #expect(believer.hyperparameters == gp.hyperparameters)
        let after = believer.predict(pending)
        #expect(abs(after.mean - before.mean) < 1e-6)
        #expect(after.standardDeviation < 0.5 * before.standardDeviation)
    }

    /// The pessimistic prior mean: far from every trial the model predicts the worst target, and
    /// near a trial it still follows the data.
    @Test func pessimisticMeanRevertsToTheWorstTargetFarFromTheData() throws {
        var rng = RandomStream(seed: 8)
        let xs = (0..<12).map { _ in [0.3 * rng.nextUniform(), 0.3 * rng.nextUniform()] }
        let ys = xs.map { cos(5 * $0[0]) - $0[1] }
        let scaling = GaussianProcessSearch.pessimisticScaling(ys)
        #expect(scaling.mean == ys.max())
        let m = ys.reduce(0, +) / 12
        #expect(abs(scaling.scale - (ys.map { ($0 - m) * ($0 - m) }.reduce(0, +) / 12).squareRoot()) < 1e-12)
        let start = GaussianProcess.Hyperparameters(logLengthscales: [log(0.05), log(0.05)], logSignalVariance: 0,
                                                    logNoiseVariance: log(1e-4))
        let pessimistic = try GaussianProcess(inputs: xs, targets: ys, starts: [start], iterations: 0, scaling: scaling)
        let average = try GaussianProcess(inputs: xs, targets: ys, starts: [start], iterations: 0)
        let far = [1.0, 1.0]
        #expect(abs(pessimistic.predict(far).mean - ys.max()!) < 1e-6)
        #expect(abs(average.predict(far).mean - m) < 1e-6)
        for (x, y) in zip(xs, ys) { #expect(abs(pessimistic.predict(x).mean - y) < 0.05) }
        // A constant target: unit scale, and the prediction is that constant.
        #expect(GaussianProcessSearch.pessimisticScaling([2, 2, 2]) == (mean: 2, scale: 1))
    }
}
