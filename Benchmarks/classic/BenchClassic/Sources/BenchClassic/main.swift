// Times AutoSwiftML's classic models on synthetic data and prints one median per task.
//
//   BenchClassic knn <repeats>   KNeighborsClassifier(k=5) predict: 10 000 queries vs 100 000 × 50 rows
//   BenchClassic mlp <repeats>   MLPClassifier((100,)) fit: 100 000 × 50 rows, exactly 5 epochs
//
// Output: `<task> median_seconds=<s> runs=<s,s,…>`.
import AutoSwiftML
import Foundation

func syntheticClassification(rows: Int, columns: Int, seed: UInt64) throws -> TrainingData {
    var rng = RandomStream(seed: seed)
    var storage = [Double](repeating: 0, count: rows * columns)
    for i in 0..<storage.count { storage[i] = rng.nextNormal() }
    let x = try Matrix(rowCount: rows, columnCount: columns, columnMajor: storage)
    var y = [Int32](repeating: 0, count: rows)
    for i in 0..<rows {
        var s = 0.0
        for j in 0..<min(columns, 5) { s += x[i, j] }
        y[i] = s > 0 ? 1 : 0
    }
    return TrainingData(features: x, target: .classes(indices: y, names: ["0", "1"]))
}

func median(_ v: [Double]) -> Double {
    let s = v.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func time(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

BLAS.setThreadCount(1)
let arguments = CommandLine.arguments
let task = arguments.count > 1 ? arguments[1] : "knn"
let repeats = arguments.count > 2 ? Int(arguments[2]) ?? 3 : 3
var runs: [Double] = []
switch task {
case "knn":
    let train = try syntheticClassification(rows: 100_000, columns: 50, seed: 1)
    let queries = try syntheticClassification(rows: 10_000, columns: 50, seed: 2).features
    var rng = RandomStream(seed: 0)
    let model = try KNeighborsClassifier().fit(train, using: &rng)
    for _ in 0..<repeats { runs.append(try time { _ = try model.predict(queries) }) }
case "mlp":
    let train = try syntheticClassification(rows: 100_000, columns: 50, seed: 1)
    var estimator = MLPClassifier()
    estimator.maxIterations = 5
    estimator.iterationsWithoutChange = 1_000
    for r in 0..<repeats {
        var rng = RandomStream(seed: UInt64(r))
        runs.append(try time { _ = try estimator.fit(train, using: &rng) })
    }
default:
    FileHandle.standardError.write("unknown task \(task); use knn or mlp\n".data(using: .utf8)!)
    exit(2)
}
print("\(task) median_seconds=\(median(runs)) runs=\(runs.map { String(format: "%.3f", $0) }.joined(separator: ","))")
