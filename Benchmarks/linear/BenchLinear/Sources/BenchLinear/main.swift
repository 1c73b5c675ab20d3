// Usage: BenchLinear <classification.csv> <regression.csv> <repeats>
// Each CSV: numeric columns, the last one the target, one header line.
// Prints one line per model: "<id> <median seconds> <all runs…>".
import AutoSwiftML
import Foundation

func readCSV(_ path: String) throws -> (Matrix, [Double]) {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
    lines.removeFirst()
    let width = lines[0].split(separator: ",").count
    var columns = [[Double]](repeating: [], count: width)
    for line in lines {
        for (j, field) in line.split(separator: ",").enumerated() { columns[j].append(Double(field) ?? .nan) }
    }
    let y = columns.removeLast()
    return (try Matrix(columns: columns), y)
}

func median(_ x: [Double]) -> Double {
    let s = x.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : 0.5 * (s[s.count / 2 - 1] + s[s.count / 2])
}

func time(_ repeats: Int, _ body: () throws -> Void) rethrows -> [Double] {
    var out: [Double] = []
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        out.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return out
}

let arguments = CommandLine.arguments
guard arguments.count == 4, let repeats = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: BenchLinear <classification.csv> <regression.csv> <repeats>\n".utf8))
    exit(2)
}
BLAS.setThreadCount(1)
let (xc, yc) = try readCSV(arguments[1])
let classification = TrainingData(features: xc, target: .classes(indices: yc.map { Int32($0) }, names: ["0", "1"]))
let (xr, yr) = try readCSV(arguments[2])
let regression = TrainingData(features: xr, target: .values(yr))
var rng = RandomStream(seed: 0)
var lrIterations = 0
let lr = try time(repeats) { lrIterations = try LogisticRegression().fit(classification, using: &rng).iterations }
var enIterations = 0
let en = try time(repeats) { enIterations = try ElasticNet().fit(regression, using: &rng).iterations }
print("lr \(median(lr)) iterations=\(lrIterations) runs=\(lr.map { String(format: "%.4f", $0) }.joined(separator: ","))")
print("en \(median(en)) iterations=\(enIterations) runs=\(en.map { String(format: "%.4f", $0) }.joined(separator: ","))")
