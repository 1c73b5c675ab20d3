// Usage: BenchTune TRIALS SEEDS
// For each function (branin, hartmann6, quadratic) and searcher (random, tpe, gp), runs SEEDS
// seeded searches of TRIALS trials (batch size 1, one thread) and prints one line per run:
//   function method seed best_value seconds
// The objective is an analytic function, so `seconds` is the searcher's own time.
import AutoSwiftML
import Dispatch
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3, let trials = Int(arguments[1]), let seeds = Int(arguments[2]), trials > 0, seeds > 0 else {
    FileHandle.standardError.write("usage: BenchTune TRIALS SEEDS\n".data(using: .utf8)!)
    exit(2)
}

func number(_ v: ParameterValue?) -> Double { v?.number ?? .nan }

let functions: [(String, [SearchDimensionInfo], @Sendable ([ParameterValue?]) -> Double)] = [
    ("branin", [SearchDimensionInfo(name: "x1", domain: .uniform(lower: -5, upper: 10)),
                SearchDimensionInfo(name: "x2", domain: .uniform(lower: 0, upper: 15))], { v in
        let x1 = number(v[0]), x2 = number(v[1])
        let b = 5.1 / (4 * Double.pi * Double.pi), c = 5 / Double.pi, t = 1 / (8 * Double.pi)
        let q = x2 - b * x1 * x1 + c * x1 - 6
        return q * q + 10 * (1 - t) * cos(x1) + 10
    }),
    ("hartmann6", (1...6).map { SearchDimensionInfo(name: "x\($0)", domain: .uniform(lower: 0, upper: 1)) }, { v in
        let x = v.map(number)
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
    }),
    ("quadratic", [SearchDimensionInfo(name: "kind", domain: .categorical(["a", "b", "c"])),
                   SearchDimensionInfo(name: "x", domain: .uniform(lower: -2, upper: 2)),
                   SearchDimensionInfo(name: "y", domain: .uniform(lower: -2, upper: 2))], { v in
        guard case let .category(kind)? = v[0] else { return .nan }
        let (curvature, offset): (Double, Double) = kind == "a" ? (1, 0.5) : kind == "b" ? (1, 0) : (2, 1)
        let x = number(v[1]), y = number(v[2])
        return curvature * ((x - 0.5) * (x - 0.5) + (y + 0.5) * (y + 0.5)) + offset
    }),
]

for (name, space, f) in functions {
    for method in [SearchMethod.random, .tpe, .gp] {
        for seed in 0..<seeds {
            let options = SearchOptions(method: method, trials: trials, batchSize: 1, threadCount: 1)
            let start = DispatchTime.now().uptimeNanoseconds
            let outcome = try minimize(space, options: options, using: RandomStream(seed: UInt64(seed))) { v in (f(v), ()) }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            print("\(name) \(method.rawValue) \(seed) \(outcome.best?.loss ?? .nan) \(seconds)")
        }
    }
}
