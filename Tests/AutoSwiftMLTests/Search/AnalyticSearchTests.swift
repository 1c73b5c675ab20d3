import Foundation
import Testing
@testable import AutoSwiftML

/// Analytic test functions, written on decoded search values.
enum AnalyticFunctions {
    /// Branin on x1 ∈ [−5, 10], x2 ∈ [0, 15]; minimum 0.397887 at three points.
    static let braninSpace = [
        SearchDimensionInfo(name: "x1", domain: .uniform(lower: -5, upper: 10)),
        SearchDimensionInfo(name: "x2", domain: .uniform(lower: 0, upper: 15)),
    ]

    static func branin(_ v: [ParameterValue?]) -> Double {
        let x1 = v[0]!.number!, x2 = v[1]!.number!
        let b = 5.1 / (4 * Double.pi * Double.pi), c = 5 / Double.pi, t = 1 / (8 * Double.pi)
        let q = x2 - b * x1 * x1 + c * x1 - 6
        return q * q + 10 * (1 - t) * cos(x1) + 10
    }

    /// Hartmann-6 on [0, 1]⁶; minimum −3.32237.
    static let hartmannSpace = (1...6).map { SearchDimensionInfo(name: "x\($0)", domain: .uniform(lower: 0, upper: 1)) }

    static func hartmann6(_ v: [ParameterValue?]) -> Double {
        let x = v.map { $0!.number! }
        let alpha = [1.0, 1.2, 3.0, 3.2]
        let a: [[Double]] = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14],
                             [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
        let p: [[Double]] = [[0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886],
                             [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
                             [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650],
                             [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381]]
        var f = 0.0
        for i in 0..<4 {
            var s = 0.0
            for j in 0..<6 { s += a[i][j] * (x[j] - p[i][j]) * (x[j] - p[i][j]) }
            f -= alpha[i] * exp(-s)
        }
        return f
    }

    /// A quadratic in (x, y) ∈ [−2, 2]² centred at (0.5, −0.5) whose curvature and offset depend on
    /// a category; minimum 0 at kind b.
    static let quadraticSpace = [
        SearchDimensionInfo(name: "kind", domain: .categorical(["a", "b", "c"])),
        SearchDimensionInfo(name: "x", domain: .uniform(lower: -2, upper: 2)),
        SearchDimensionInfo(name: "y", domain: .uniform(lower: -2, upper: 2)),
    ]

    static func quadratic(_ v: [ParameterValue?]) -> Double {
        guard case let .category(kind)? = v[0] else { return .nan }
        let x = v[1]!.number!, y = v[2]!.number!
        let (curvature, offset): (Double, Double) = kind == "a" ? (1, 0.5) : kind == "b" ? (1, 0) : (2, 1)
        return curvature * ((x - 0.5) * (x - 0.5) + (y + 0.5) * (y + 0.5)) + offset
    }

    static func bestLoss(_ space: [SearchDimensionInfo], _ f: @escaping @Sendable ([ParameterValue?]) -> Double,
                         method: SearchMethod, trials: Int, seed: UInt64) throws -> Double {
        let options = SearchOptions(method: method, trials: trials, batchSize: 1, threadCount: 1)
        let outcome = try minimize(space, options: options, using: RandomStream(seed: seed)) { v in (f(v), ()) }
        return outcome.best?.loss ?? .infinity
    }
}

@Suite struct AnalyticSearchTests {
    /// Counts the seeds (of 10) on which `method` finds a strictly lower minimum than random search
    /// with the same number of trials.
    static func wins(_ method: SearchMethod, _ space: [SearchDimensionInfo],
                     _ f: @escaping @Sendable ([ParameterValue?]) -> Double, trials: Int) throws -> Int {
        var wins = 0
        for seed in UInt64(1)...10 {
            let random = try AnalyticFunctions.bestLoss(space, f, method: .random, trials: trials, seed: seed)
            let model = try AnalyticFunctions.bestLoss(space, f, method: method, trials: trials, seed: seed)
            if model < random { wins += 1 }
        }
        return wins
    }

    @Test(arguments: [SearchMethod.tpe, .gp])
    func beatsRandomOnBranin(_ method: SearchMethod) throws {
        #expect(try Self.wins(method, AnalyticFunctions.braninSpace, { AnalyticFunctions.branin($0) }, trials: method == .gp ? 30 : 60) >= 8)
    }

    @Test(arguments: [SearchMethod.tpe, .gp])
    func beatsRandomOnHartmann6(_ method: SearchMethod) throws {
        #expect(try Self.wins(method, AnalyticFunctions.hartmannSpace, { AnalyticFunctions.hartmann6($0) }, trials: method == .gp ? 40 : 80) >= 8)
    }

    @Test(arguments: [SearchMethod.tpe, .gp])
    func beatsRandomOnQuadraticWithCategory(_ method: SearchMethod) throws {
        #expect(try Self.wins(method, AnalyticFunctions.quadraticSpace, { AnalyticFunctions.quadratic($0) }, trials: method == .gp ? 30 : 60) >= 8)
    }
}
