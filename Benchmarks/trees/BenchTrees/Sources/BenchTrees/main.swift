// Times AutoSwiftML's tree models on the benchmark data written by gen_data.py.
//
//   BenchTrees gbm <data-dir> [threads]     LightGBM-style GBM on the 800k-row train split
//   BenchTrees rf  <data-dir> [threads]     random forest on the first 200k train rows
//   (an optional 4th argument sets the number of trees, for profiling)
//
// Prints one JSON line: fit and predict seconds and the test AUC.
import AutoSwiftML
import Foundation

func readDoubles(_ path: String) -> [Double] {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write("cannot read \(path)\n".data(using: .utf8)!)
        exit(2)
    }
    return data.withUnsafeBytes { Array($0.bindMemory(to: Double.self)) }
}

/// Column-major matrix of rows `range` from a row-major buffer with `p` columns.
func matrix(_ rowMajor: [Double], p: Int, rows range: Range<Int>) -> Matrix {
    let n = range.count
    var storage = [Double](repeating: 0, count: n * p)
    rowMajor.withUnsafeBufferPointer { src in
        storage.withUnsafeMutableBufferPointer { dst in
            for (k, i) in range.enumerated() {
                let base = i * p
                for j in 0..<p { dst[k + j * n] = src[base + j] }
            }
        }
    }
    return try! Matrix(rowCount: n, columnCount: p, columnMajor: storage)
}

/// ROC AUC with ties averaged (Mann–Whitney).
func auc(_ scores: [Double], _ labels: [Int32]) -> Double {
    let order = scores.indices.sorted { scores[$0] < scores[$1] }
    var rankSum = 0.0
    var i = 0
    var positives = 0.0
    while i < order.count {
        var j = i
        while j + 1 < order.count && scores[order[j + 1]] == scores[order[i]] { j += 1 }
        let rank = Double(i + j + 2) / 2
        for k in i...j where labels[order[k]] == 1 { rankSum += rank; positives += 1 }
        i = j + 1
    }
    let negatives = Double(order.count) - positives
    return (rankSum - positives * (positives + 1) / 2) / (positives * negatives)
}

let args = CommandLine.arguments
guard args.count >= 3 else {
    print("usage: BenchTrees gbm|rf <data-dir> [threads]")
    exit(2)
}
let mode = args[1], dir = args[2]
let threads = args.count > 3 ? Int(args[3]) ?? 2 : 2
let treeCount = args.count > 4 ? Int(args[4]) ?? 100 : 100  // fewer trees for profiling runs
let meta = try! JSONSerialization.jsonObject(with: FileManager.default.contents(atPath: dir + "/meta.json")!) as! [String: Int]
let n = meta["n"]!, p = meta["p"]!, nTrain = meta["n_train"]!
/// The train and test matrices; the row-major file buffer is freed on return, so the process
/// holds the data once (as the Python side holds its one array).
func load() -> (Matrix, Matrix, [Int32], [Int32]) {
    let xAll = readDoubles(dir + "/X.f64")
    let yAll = readDoubles(dir + "/y.f64").map { Int32($0) }
    let trainRange = mode == "rf" ? 0..<meta["rf_train"]! : 0..<nTrain
    return (matrix(xAll, p: p, rows: trainRange), matrix(xAll, p: p, rows: nTrain..<n),
            Array(yAll[trainRange]), Array(yAll[nTrain..<n]))
}
let (xTrain, xTest, yTrain, yTest) = load()
let data = TrainingData(features: xTrain, target: .classes(indices: yTrain, names: ["0", "1"]))
var rng = RandomStream(seed: 0)

let t0 = Date()
let probabilities: Matrix
let fitSeconds: Double
if mode == "gbm" {
    var e = LightGBM()
    e.estimatorCount = treeCount; e.leafCount = 31; e.maxBins = 255; e.learningRate = 0.1; e.threads = threads
    let model = try! e.fit(data, using: &rng)
    fitSeconds = Date().timeIntervalSince(t0)
    let t1 = Date()
    probabilities = try! model.predictProbabilities(xTest)
    let predictSeconds = Date().timeIntervalSince(t1)
    print("{\"impl\":\"autoswiftml\",\"model\":\"gbm\",\"fit\":\(fitSeconds),\"predict\":\(predictSeconds),\"auc\":\(auc(probabilities.column(1), yTest))}")
} else {
    var e = RandomForestClassifier()
    e.estimatorCount = treeCount; e.threads = threads
    let model = try! e.fit(data, using: &rng)
    fitSeconds = Date().timeIntervalSince(t0)
    let t1 = Date()
    probabilities = try! model.predictProbabilities(xTest)
    let predictSeconds = Date().timeIntervalSince(t1)
    print("{\"impl\":\"autoswiftml\",\"model\":\"rf\",\"fit\":\(fitSeconds),\"predict\":\(predictSeconds),\"auc\":\(auc(probabilities.column(1), yTest))}")
}
