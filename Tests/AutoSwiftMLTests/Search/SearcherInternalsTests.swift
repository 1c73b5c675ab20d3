import Foundation
import Testing
@testable import AutoSwiftML

@Suite struct SearcherInternalsTests {
    /// Optuna's `default_gamma` and `default_weights` values.
    @Test func tpeGammaAndWeightsFollowOptuna() {
        #expect(TreeParzenEstimator.gamma(1) == 1)
        #expect(TreeParzenEstimator.gamma(10) == 1)
        #expect(TreeParzenEstimator.gamma(11) == 2)
        #expect(TreeParzenEstimator.gamma(100) == 10)
        #expect(TreeParzenEstimator.gamma(1000) == 25)
        #expect(TreeParzenEstimator.weights(3) == [1, 1, 1])
        let w = TreeParzenEstimator.weights(30)   // numpy: linspace(1/30, 1, 5) + ones(25)
        #expect(w.count == 30)
        #expect(abs(w[0] - 1.0 / 30) < 1e-15)
        #expect(abs(w[2] - (1.0 / 30 + (1 - 1.0 / 30) / 2)) < 1e-15)
        #expect(w[4] == 1 && w[29] == 1)
    }

    /// Bandwidths as Optuna 5.0 computes them for observations [0.2, 0.3, 0.9] on [0, 1]: sorted
    /// with the end points [0, 0.2, 0.3, 0.9, 1] → larger neighbour gaps, the outermost use their
    /// inner gap: [0.1, 0.6, 0.6]; the magic clip floor is 1 / (1 + 4 kernels) = 0.2.
    @Test func parzenBandwidthsFollowOptuna() {
        let sigmas = ParzenMixture.bandwidths([0.9, 0.2, 0.3])
        for (a, b) in zip(sigmas, [0.6, 0.2, 0.6]) { #expect(abs(a - b) < 1e-12) }
        #expect(ParzenMixture.bandwidths([0.3]) == [0.7])
        let p = ParzenMixture(observations: [[0.2], [0.3], [0.9]], domains: [.uniform(lower: 0, upper: 1)], priorWeight: 1)
        #expect(abs(p.weights.reduce(0, +) - 1) < 1e-12)
        #expect(p.weights.count == 4)
        // The density integrates to 1 on [0, 1].
        var integral = 0.0
        for i in 0..<2000 { integral += exp(p.logDensity([(Double(i) + 0.5) / 2000])) / 2000 }
        #expect(abs(integral - 1) < 1e-3)
        // Categorical kernels: probabilities sum to 1 and favour observed categories.
        let domain = ParameterDomain.categorical(["a", "b", "c"])
        let c = ParzenMixture(observations: [[0.1], [0.1], [0.9]], domains: [domain], priorWeight: 1)
        let probabilities = [0.1, 0.5, 0.9].map { exp(c.logDensity([$0])) }
        #expect(abs(probabilities.reduce(0, +) - 1) < 1e-12)
        #expect(probabilities[0] > probabilities[2] && probabilities[2] > probabilities[1])
    }

    /// The analytic gradient of the log marginal likelihood against central finite differences
    /// (the naive twin of the gradient kernel).
    @Test func gaussianProcessGradientMatchesFiniteDifferences() throws {
        var rng = RandomStream(seed: 3)
        let inputs = (0..<12).map { _ in [rng.nextUniform(), rng.nextUniform(), rng.nextUniform()] }
        let y = inputs.map { sin(3 * $0[0]) + $0[1] * $0[1] - 0.5 * $0[2] }
        let theta = GaussianProcess.Hyperparameters(logLengthscales: [log(0.4), log(0.7), log(1.3)],
                                                    logSignalVariance: log(1.2), logNoiseVariance: log(0.01))
        let (_, grad) = try #require(GaussianProcess.logMarginalLikelihood(inputs: inputs, y: y, theta: theta))
        func value(_ flat: [Double]) -> Double {
            let t = GaussianProcess.Hyperparameters(logLengthscales: Array(flat[0..<3]), logSignalVariance: flat[3],
                                                    logNoiseVariance: flat[4])
            return GaussianProcess.logMarginalLikelihood(inputs: inputs, y: y, theta: t)!.0
        }
        let flat = theta.logLengthscales + [theta.logSignalVariance, theta.logNoiseVariance]
        expectGradientMatchesFiniteDifferences(value, at: flat, gradient: grad, step: 1e-5, tolerance: 1e-4)
    }

    /// The kernel matrix from precomputed differences against the naive pairwise Matérn kernel.
    @Test func kernelMatrixMatchesTheNaiveKernel() {
        var rng = RandomStream(seed: 8)
        let inputs = (0..<9).map { _ in (0..<4).map { _ in rng.nextUniform() } }
        let theta = GaussianProcess.Hyperparameters(logLengthscales: [log(0.3), log(0.5), log(1.1), log(2)],
                                                    logSignalVariance: log(1.7), logNoiseVariance: log(0.01))
        let (kernel, _) = GaussianProcess.kernelMatrix(SquaredDifferences(inputs), theta: theta)
        let lengthscales = theta.logLengthscales.map { exp($0) }
        for j in 0..<9 {
            for i in 0..<9 {
                let naive = GaussianProcess.matern(inputs[i], inputs[j], lengthscales, 1.7).value
                #expect(abs(kernel[j * 9 + i] - naive) < 1e-12)
            }
        }
    }

    /// The fitted process interpolates a smooth function and is confident near the data.
    @Test func gaussianProcessFitsASmoothFunction() throws {
        let xs = (0..<15).map { [Double($0) / 14] }
        let ys = xs.map { sin(6 * $0[0]) }
        let start = GaussianProcess.Hyperparameters(logLengthscales: [log(0.3)], logSignalVariance: 0, logNoiseVariance: log(1e-3))
        let gp = try GaussianProcess(inputs: xs, targets: ys, starts: [start], iterations: 60)
        for x in [0.1, 0.45, 0.8] {
            let (mu, sd) = gp.predict([x])
            #expect(abs(mu - sin(6 * x)) < 0.05)
            #expect(sd < 0.1)
        }
    }

    @Test func budgetStopsAfterTheFirstBatch() throws {
        let space = [SearchDimensionInfo(name: "x", domain: .uniform(lower: 0, upper: 1))]
        let options = SearchOptions(method: .random, trials: 50, budgetSeconds: 1e-9, batchSize: 3, threadCount: 1)
        let outcome = try minimize(space, options: options, using: RandomStream(seed: 1)) { v -> (loss: Double?, payload: Void) in
            (v[0]!.number!, ())
        }
        #expect(outcome.trials.count == 3)
        #expect(outcome.stopReason == .budget)
    }

    @Test func failedTrialsAreKeptAndSkippedByTheModels() throws {
        let space = [SearchDimensionInfo(name: "x", domain: .uniform(lower: 0, upper: 1))]
        for method in SearchMethod.allCases {
            let options = SearchOptions(method: method, trials: 16, batchSize: 2, threadCount: 1, startupTrials: 4)
            let outcome = try minimize(space, options: options, using: RandomStream(seed: 2)) { v -> (loss: Double?, payload: Void) in
                let x = v[0]!.number!
                return (x < 0.3 ? nil : (x - 0.6) * (x - 0.6), ())
            }
            #expect(outcome.trials.count == (method == .halving ? 16 + 6 + 2 : 16))
            #expect(outcome.trials.contains { $0.loss == nil } || method != .random)
            #expect(abs(outcome.best!.values[0]!.number! - 0.6) < 0.2, "\(method)")
        }
    }

    @Test func valuesAndDomainsRoundTripThroughJSON() throws {
        let values: [ParameterValue] = [.real(0.25), .integer(7), .category("l2")]
        let data = try JSONEncoder().encode(values)
        #expect(String(decoding: data, as: UTF8.self) == "[0.25,7,\"l2\"]")
        #expect(try JSONDecoder().decode([ParameterValue].self, from: data) == values)
        let domains: [ParameterDomain] = [.uniform(lower: 0, upper: 1.5), .logUniform(lower: 1e-9, upper: 1),
                                          .integer(lower: -2, upper: 16), .categorical(["a", "b"])]
        let encoded = try JSONEncoder().encode(domains)
        #expect(try JSONDecoder().decode([ParameterDomain].self, from: encoded) == domains)
    }
}
