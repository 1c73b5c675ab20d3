import MLCore
@testable import MLModels
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

@Suite struct SVCTests {
    struct Ref: Decodable {
        let gamma_value: Double
        let decision: DecisionValues
        let n_support: [Int]
        let predict: [Int]
        let accuracy: Double
        let proba: [[Double]]
        let proba_accuracy: Double
    }

    enum DecisionValues: Decodable {
        case binary([Double]), multi([[Double]])
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let v = try? c.decode([Double].self) { self = .binary(v) } else { self = .multi(try c.decode([[Double]].self)) }
        }
    }

    @Test func kernelCacheMatchesNaiveKernel() throws {
        var rng = RandomStream(seed: 2)
        let x = try Matrix(rows: (0..<40).map { _ in (0..<3).map { _ in rng.nextNormal() } })
        var cache = RBFKernelCache(x: x, gamma: 0.7, megabytes: 40.0 * 8 * 3 / 1_048_576)   // room for 3 rows
        #expect(cache.capacity == 3)
        for i in [0, 5, 0, 7, 9, 5, 0, 39, 5] {
            let row = cache.row(i)
            for t in 0..<40 {
                var s = 0.0
                for j in 0..<3 { s += (x[i, j] - x[t, j]) * (x[i, j] - x[t, j]) }
                #expect(abs(row[t] - exp(-0.7 * s)) < 1e-12)
            }
        }
        #expect(cache.computedRows == 7)   // hits: the second 0; with LRU over 3 slots, later 5 and 0 were evicted
        let cross = RBFKernelCache.crossKernel(x, x, gamma: 0.7)
        #expect(maxAbsoluteError(cross.column(5), RBFKernelCache.kernelRow(x: x, squaredNorms: cache.squaredNorms, i: 5, gamma: 0.7)) < 1e-12)
    }

    /// The naive twin of `SMOSolver`: the full kernel matrix and the maximal violating pair
    /// (first-order selection), each step solved and clipped by plain formulas.
    static func naiveSMO(_ x: Matrix, _ y: [Double], cPositive: Double, cNegative: Double, gamma: Double, tol: Double) -> [Double] {
        func c(_ t: Int) -> Double { y[t] > 0 ? cPositive : cNegative }
        let n = y.count
        var k = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n { for j in 0..<n {
            var s = 0.0
            for f in 0..<x.columnCount { s += (x[i, f] - x[j, f]) * (x[i, f] - x[j, f]) }
            k[i][j] = exp(-gamma * s)
        } }
        var alpha = [Double](repeating: 0, count: n)
        for _ in 0..<100_000 {
            // gradient of the dual: G_t = Σ_s y_t y_s K_ts α_s − 1
            var g = [Double](repeating: -1, count: n)
            for t in 0..<n {
                for s in 0..<n { g[t] += y[t] * y[s] * k[t][s] * alpha[s] }
            }
            var i = -1, j = -1, up = -Double.infinity, low = Double.infinity
            for t in 0..<n {
                let v = -y[t] * g[t]
                let inUp = (y[t] > 0 && alpha[t] < c(t)) || (y[t] < 0 && alpha[t] > 0)
                let inLow = (y[t] > 0 && alpha[t] > 0) || (y[t] < 0 && alpha[t] < c(t))
                if inUp && v > up { up = v; i = t }
                if inLow && v < low { low = v; j = t }
            }
            if up - low < tol { break }
            // Move along y_i·e_i − y_j·e_j by the unconstrained optimum, clipped to the box.
            let eta = max(1e-12, k[i][i] + k[j][j] - 2 * k[i][j])
            var step = (up - low) / eta
            step = min(step, y[i] > 0 ? c(i) - alpha[i] : alpha[i])
            step = min(step, y[j] > 0 ? alpha[j] : c(j) - alpha[j])
            alpha[i] += y[i] * step
            alpha[j] -= y[j] * step
        }
        return alpha
    }

    @Test func smoMatchesNaiveTwin() throws {
        var rng = RandomStream(seed: 4)
        let x = try Matrix(rows: (0..<30).map { _ in (0..<2).map { _ in rng.nextNormal() } })
        let y: [Double] = (0..<30).map { x[$0, 0] + 0.5 * x[$0, 1] + 0.4 * rng.nextNormal() > 0 ? 1 : -1 }
        // One box for both classes, then per-class boxes (class weights), some of them active.
        for (cp, cn) in [(2.0, 2.0), (2.0, 0.3), (0.25, 3.0)] {
            var cache = RBFKernelCache(x: x, gamma: 0.5, megabytes: 1)
            let fast = SMOSolver.solve(y: y, cPositive: cp, cNegative: cn, tol: 1e-8, maxIterations: 1_000_000, kernel: &cache)
            let naive = Self.naiveSMO(x, y, cPositive: cp, cNegative: cn, gamma: 0.5, tol: 1e-8)
            #expect(fast.converged)
            #expect(maxAbsoluteError(fast.alpha, naive) < 1e-5, "Cp = \(cp), Cn = \(cn)")
            #expect(abs(zip(fast.alpha, y).reduce(0) { $0 + $1.0 * $1.1 }) < 1e-9)   // yᵀα = 0
            for t in 0..<y.count { #expect(fast.alpha[t] >= 0 && fast.alpha[t] <= (y[t] > 0 ? cp : cn) + 1e-12) }
            if cp != cn { #expect(fast.alpha.indices.contains { fast.alpha[$0] == (y[$0] > 0 ? cp : cn) }) }
        }
    }

    @Test(arguments: ["titanic", "wine"])
    func matchesScikitLearn(_ name: String) throws {
        try checkAgainstScikitLearn(name, fixture: "svc.json", classWeight: .none)
    }

    /// `class_weight="balanced"`: C times n / (classes × class rows), per class (svc_balanced.json).
    @Test(arguments: ["titanic", "wine"])
    func balancedClassWeightMatchesScikitLearn(_ name: String) throws {
        try checkAgainstScikitLearn(name, fixture: "svc_balanced.json", classWeight: .balanced)
    }

    /// Decision values, support counts, accuracy and probabilities against one fixture file.
    func checkAgainstScikitLearn(_ name: String, fixture: String, classWeight: SVC.ClassWeight) throws {
        let data = try ClassicDataFixture.load(name)
        let refs = try loadClassic(fixture, as: [String: [String: Ref]].self)[name]!
        let train = try data.trainingData(classification: true)
        let test = try data.testFeatures
        var rng = RandomStream(seed: 0)
        for (key, gamma) in [("auto", SVCGamma.auto), ("scale", SVCGamma.scale)] {
            let ref = refs[key]!
            let plain = try SVC(gamma: gamma, estimatesProbabilities: false, classWeight: classWeight).fit(train, using: &rng)
            #expect(isClose(plain.gamma, ref.gamma_value, rel: 1e-12))
            let d = try plain.decisionValues(test)
            // libsvm stops at the same tolerance, so decision values agree to about tol.
            switch ref.decision {
            case let .binary(v): #expect(maxAbsoluteError((0..<d.rowCount).map { -d[$0, 0] }, v) < 5e-3)
            case let .multi(v): #expect(maxAbsoluteError(d.rowMajor, v.flatMap { $0 }) < 5e-3)
            }
            // Rows whose α sits within tol of 0 may or may not count as support vectors.
            let supportCount = ref.n_support.reduce(0, +)
            #expect(abs(plain.supportVectors.rowCount - supportCount) <= max(1, supportCount / 50))
            #expect(abs(accuracy(try plain.predict(test), data.testClasses) - ref.accuracy) <= 0.02)

            let model = try SVC(gamma: gamma, classWeight: classWeight).fit(train, using: &rng)
            #expect(abs(accuracy(try model.predict(test), data.testClasses) - ref.proba_accuracy) <= 0.02)
            let p = try model.predictProbabilities(test)
            var meanDifference = 0.0
            for i in 0..<p.rowCount {
                #expect(abs(p.row(i).reduce(0, +) - 1) < 1e-9)
                meanDifference += maxAbsoluteError(p.row(i), ref.proba[i]) / Double(p.rowCount)
            }
            // The internal cross-validation folds differ from libsvm's, so the sigmoids differ a little.
            #expect(meanDifference < 0.03, "mean |Δp| = \(meanDifference)")
        }
    }

    @Test func absentClassAndBadSettings() throws {
        var rng = RandomStream(seed: 1)
        var rows: [[Double]] = []
        var classes: [Int32] = []
        for i in 0..<30 {
            let shift: Double = i < 15 ? 0 : 3
            rows.append([Double(i % 10) / 10 + shift, Double(i % 3)])
            classes.append(i < 15 ? 0 : 2)
        }
        let x = try Matrix(rows: rows)
        let data = TrainingData(features: x, target: .classes(indices: classes, names: ["a", "b", "c"]))
        let model = try SVC().fit(data, using: &rng)
        let p = try model.predictProbabilities(x)
        for i in 0..<30 { #expect(p[i, 1] == 0) }
        #expect(try model.predict(x) == .classes(classes))
        #expect(throws: MLError.self) { try SVC(c: 0).fit(data, using: &rng) }
        #expect(throws: MLError.self) { try SVC(gamma: .value(-1)).fit(data, using: &rng) }
    }
}
