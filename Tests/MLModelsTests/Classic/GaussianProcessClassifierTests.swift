import MLCore
@testable import MLModels
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

@Suite struct GaussianProcessClassifierTests {
    struct Ref: Decodable {
        let theta: [[Double]]
        let lml: [Double]
        let proba: [[Double]]
        let predict: [Int]
        let accuracy: Double
    }

    static func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1e-12) }

    /// Fits on a fixture's training rows and compares with scikit-learn's `GaussianProcessClassifier`.
    func compare(_ name: String, optimised: Bool) throws {
        let data = try ClassicDataFixture.load(name)
        let refs: [String: [String: Ref]] = try loadClassic("gpc.json")
        let ref = try #require(refs[name]?[optimised ? "optimised" : "default"])
        var rng = RandomStream(seed: 0)
        let model = try GaussianProcessClassifier(optimizesKernel: optimised).fit(try data.trainingData(classification: true), using: &rng)
        #expect(model.binaries.count == ref.lml.count)
        for (b, binary) in model.binaries.enumerated() {
            let lmlClose = Self.relative(binary.logMarginalLikelihood, ref.lml[b]) < 1e-4
            #expect(lmlClose, "\(name) binary \(b): lml \(binary.logMarginalLikelihood) vs \(ref.lml[b])")
            if optimised {
                let theta = [log(binary.constant), log(binary.lengthScale)]
                let thetaClose = zip(theta, ref.theta[b]).allSatisfy { Self.relative($0, $1) < 1e-3 }
                #expect(thetaClose || lmlClose, "\(name) binary \(b): θ \(theta) vs \(ref.theta[b])")
            } else {   // nothing is optimised: the same arithmetic as scikit-learn
                #expect(binary.constant == 1 && binary.lengthScale == 1)
                #expect(Self.relative(binary.logMarginalLikelihood, ref.lml[b]) < 1e-10)
            }
        }
        let test = try data.testFeatures
        let proba = try model.predictProbabilities(test)
        let error = maxAbsoluteError(proba.rowMajor, ref.proba.flatMap { $0 })
        #expect(error < (optimised ? 1e-4 : 1e-9), "\(name): probabilities differ by \(error)")
        guard case let .classes(predicted) = try model.predict(test) else { Issue.record("not classes"); return }
        let accuracy = Double(zip(predicted, data.testClasses).filter { $0 == $1 }.count) / Double(predicted.count)
        #expect(abs(accuracy - ref.accuracy) <= 0.01 + 1e-12, "\(name): accuracy \(accuracy) vs \(ref.accuracy)")
        let agree = zip(predicted, ref.predict).filter { Int($0) == $1 }.count
        #expect(agree >= predicted.count - 1)
    }

    @Test func defaultKernelMatchesScikitLearnOnTitanic() throws { try compare("titanic", optimised: false) }
    @Test func defaultKernelMatchesScikitLearnOnWine() throws { try compare("wine", optimised: false) }
    @Test func optimisedKernelMatchesScikitLearnOnTitanic() throws { try compare("titanic", optimised: true) }
    @Test func optimisedKernelMatchesScikitLearnOnWine() throws { try compare("wine", optimised: true) }

    static func randomMatrix(_ rows: Int, _ columns: Int, seed: UInt64) throws -> Matrix {
        var rng = RandomStream(seed: seed)
        return try Matrix(rows: (0..<rows).map { _ in (0..<columns).map { _ in rng.nextNormal() } })
    }

    /// Naive twin of the kernel: `c · exp(−Σ(a−b)² / 2ℓ²)` by loops.
    @Test func kernelMatchesNaiveFormula() throws {
        let a = try Self.randomMatrix(7, 3, seed: 1), b = try Self.randomMatrix(5, 3, seed: 2)
        let kernel = GaussianProcessKernel(constant: 2.5, lengthScale: 0.8)
        let k = kernel.matrix(a, b)
        let self_ = kernel.matrix(fromSquaredDistances: GaussianProcessKernel.squaredDistances(a))
        for i in 0..<7 {
            for j in 0..<5 {
                var s = 0.0
                for f in 0..<3 { s += (a[i, f] - b[j, f]) * (a[i, f] - b[j, f]) }
                #expect(abs(k[i, j] - 2.5 * exp(-s / (2 * 0.64))) < 1e-12)
            }
            #expect(self_[i, i] == 2.5)
            for j in 0..<7 { #expect(self_[i, j] == self_[j, i]) }
        }
    }

    /// Naive twin of the triangular solves: LAPACK's Cholesky solve.
    @Test func factorSolveMatchesCholeskySolve() throws {
        let x = try Self.randomMatrix(9, 9, seed: 3)
        var spd = BLAS.gemm(x, x, transposeB: true)
        for i in 0..<9 { spd[i, i] += 1 }
        let rhs = (0..<9).map { Double($0) - 4 }
        let u = try LAPACK.cholesky(spd)
        let mine = LaplaceBinaryGP.solveWithFactor(u, rhs)
        #expect(maxAbsoluteError(mine, try LAPACK.choleskySolve(spd, rhs)) < 1e-9)
    }

    /// The analytic gradient (GPML Algorithm 5.1) against central differences of the likelihood.
    @Test func gradientMatchesFiniteDifferences() throws {
        let x = try Self.randomMatrix(30, 2, seed: 4)
        let y = (0..<30).map { x[$0, 0] + 0.5 * x[$0, 1] > 0.2 ? 1.0 : 0.0 }
        let d = GaussianProcessKernel.squaredDistances(x)
        for theta in [[0.0, 0.0], [1.2, -0.4], [-0.7, 0.9]] {
            let (_, gradient) = try LaplaceBinaryGP.logMarginalLikelihood(theta: theta, squaredDistances: d, y: y, maxIterations: 1000)
            for j in 0..<2 {
                let h = 1e-5
                var up = theta, down = theta
                up[j] += h; down[j] -= h
                let fUp = try LaplaceBinaryGP.logMarginalLikelihood(theta: up, squaredDistances: d, y: y, maxIterations: 1000).value
                let fDown = try LaplaceBinaryGP.logMarginalLikelihood(theta: down, squaredDistances: d, y: y, maxIterations: 1000).value
                let numeric = (fUp - fDown) / (2 * h)
                #expect(abs(numeric - gradient[j]) < 1e-4 * max(1, abs(numeric)), "θ \(theta), j \(j): \(gradient[j]) vs \(numeric)")
            }
        }
    }

    /// The five-erf approximation against a quadrature of `∫σ(z) N(z | μ, v) dz`.
    @Test func predictiveProbabilityApproximatesLogisticGaussianIntegral() {
        for (mean, variance) in [(0.0, 1.0), (1.5, 0.3), (-2.0, 4.0), (0.7, 0.0), (3.0, 25.0)] {
            var integral = 0.0
            if variance == 0 { integral = 1 / (1 + exp(-mean)) } else {
                let sd = variance.squareRoot(), steps = 20_000
                let h = 16 * sd / Double(steps)
                for s in 0...steps {
                    let z = mean - 8 * sd + Double(s) * h
                    let weight = (s == 0 || s == steps) ? 0.5 : 1.0
                    integral += weight * h * exp(-0.5 * (z - mean) * (z - mean) / variance) / (sd * (2 * Double.pi).squareRoot()) / (1 + exp(-z))
                }
            }
            #expect(abs(LaplaceBinaryGP.predictiveProbability(mean: mean, variance: variance) - integral) < 2e-3)
        }
        // scikit-learn's coefficients sum to 0.99999999, so a zero mean gives 0.5 − 5e-9.
        #expect(abs(LaplaceBinaryGP.predictiveProbability(mean: 0, variance: 3) - 0.5) < 1e-8)
    }

    /// A class listed in the target without rows gets probability 0; one present class wins every row.
    @Test func absentAndSingleClasses() throws {
        let x = try Self.randomMatrix(12, 2, seed: 5)
        let y: [Int32] = (0..<12).map { x[$0, 0] > 0 ? 2 : 0 }
        var rng = RandomStream(seed: 1)
        let model = try GaussianProcessClassifier().fit(TrainingData(features: x, target: .classes(indices: y, names: ["a", "b", "c"])), using: &rng)
        let p = try model.predictProbabilities(x)
        for i in 0..<12 {
            #expect(p[i, 1] == 0)
            #expect(abs(p[i, 0] + p[i, 2] - 1) < 1e-12)
        }
        let single = try GaussianProcessClassifier().fit(
            TrainingData(features: x, target: .classes(indices: [Int32](repeating: 1, count: 12), names: ["a", "b"])), using: &rng)
        #expect(try single.predict(x) == .classes([Int32](repeating: 1, count: 12)))
        #expect(try single.predictProbabilities(x).column(1) == [Double](repeating: 1, count: 12))
    }

    @Test func nonFiniteInputThrows() throws {
        var x = try Self.randomMatrix(6, 2, seed: 6)
        let target = Target.classes(indices: [0, 1, 0, 1, 0, 1], names: ["a", "b"])
        var rng = RandomStream(seed: 1)
        let model = try GaussianProcessClassifier().fit(TrainingData(features: x, target: target), using: &rng)
        x[2, 1] = .nan
        #expect(throws: MLError.self) { try GaussianProcessClassifier().fit(TrainingData(features: x, target: target), using: &rng) }
        #expect(throws: MLError.self) { try model.predict(x) }
        #expect(throws: MLError.self) { try GaussianProcessClassifier(lengthScale: 0).fit(TrainingData(features: x, target: target), using: &rng) }
    }
}

@Suite struct BoxedLBFGSTests {
    /// Interior optimum (Rosenbrock), an optimum outside the box (ends on the bound), and scipy's
    /// first move: the projected steepest-descent point with step 1.
    @Test func minimisesWithinTheBox() {
        let solver = BoxedLBFGS(lower: -5, upper: 5)
        let rosenbrock = solver.minimize(from: [-1.2, 1]) { x, g in
            g[0] = -400 * x[0] * (x[1] - x[0] * x[0]) - 2 * (1 - x[0])
            g[1] = 200 * (x[1] - x[0] * x[0])
            return 100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]) + (1 - x[0]) * (1 - x[0])
        }
        #expect(abs(rosenbrock.x[0] - 1) < 1e-3 && abs(rosenbrock.x[1] - 1) < 1e-3)
        let bounded = solver.minimize(from: [0, 0]) { x, g in
            g[0] = 2 * (x[0] - 8); g[1] = 2 * (x[1] + 1)
            return (x[0] - 8) * (x[0] - 8) + (x[1] + 1) * (x[1] + 1)
        }
        #expect(bounded.x[0] == 5 && abs(bounded.x[1] + 1) < 1e-6)
        var visited: [[Double]] = []
        _ = solver.minimize(from: [0, 0]) { x, g in
            visited.append(x)
            g[0] = 2 * (x[0] - 3) * 0.1; g[1] = 2 * (x[1] - 40)
            return 0.1 * (x[0] - 3) * (x[0] - 3) + (x[1] - 40) * (x[1] - 40)
        }
        #expect(visited.count > 1 && abs(visited[1][0] - 0.6) < 1e-12 && visited[1][1] == 5)   // P(x − g) = P([0.6, 80])
    }

    @Test func restartsNeverLowerTheLikelihood() throws {
        let x = try GaussianProcessClassifierTests.randomMatrix(24, 2, seed: 8)
        let y: [Int32] = (0..<24).map { x[$0, 0] * x[$0, 1] > 0 ? 1 : 0 }
        let data = TrainingData(features: x, target: .classes(indices: y, names: ["a", "b"]))
        var r1 = RandomStream(seed: 3), r2 = RandomStream(seed: 3), r3 = RandomStream(seed: 3)
        let plain = try GaussianProcessClassifier(optimizesKernel: true).fit(data, using: &r1)
        let restarted = try GaussianProcessClassifier(optimizesKernel: true, restarts: 2).fit(data, using: &r2)
        let again = try GaussianProcessClassifier(optimizesKernel: true, restarts: 2).fit(data, using: &r3)
        #expect(restarted.binaries[0].logMarginalLikelihood >= plain.binaries[0].logMarginalLikelihood - 1e-9)
        #expect(restarted.binaries == again.binaries)
        #expect(plain.binaries[0].logMarginalLikelihood > (try GaussianProcessClassifier().fit(data, using: &r1)).binaries[0].logMarginalLikelihood)
    }
}
