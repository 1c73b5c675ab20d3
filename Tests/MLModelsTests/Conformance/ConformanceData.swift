import MLCore
import MLModels

/// Small seeded data sets for the conformance suite (rows ≤ 200, features ≤ 5, so the whole suite
/// over every registered model stays fast in debug builds).
enum ConformanceData {
    /// A learnable data set for `task`: 40 rows (binary, regression) or 60 rows (three classes)
    /// with `featureCount` standard-normal features, shifted by class for classification, and a
    /// linear target plus a little noise for regression.
    static func make(_ task: Task, featureCount: Int = 3, seed: UInt64 = 11) -> TrainingData {
        var rng = RandomStream(seed: seed)
        switch task {
        case .binary, .multiclass:
            let k = task == .binary ? 2 : 3
            let n = 20 * k
            let labels = (0..<n).map { Int32($0 % k) }
            let x = features(n, featureCount, &rng) { i, j in
                let c = Double(labels[i])
                return j == 0 ? 1.5 * c : (j == 1 && labels[i] == 1 ? 2 : 0)
            }
            return TrainingData(features: x, target: .classes(indices: labels, names: (0..<k).map { "class\($0)" }))
        case .regression:
            let n = 40
            let x = features(n, featureCount, &rng) { _, _ in 0 }
            let coefficients: [Double] = [2, -1, 0.5, 0.25, -0.75]
            let y = (0..<n).map { i -> Double in
                var v = 1.0
                for j in 0..<featureCount { v += coefficients[j % coefficients.count] * x[i, j] }
                return v + 0.1 * rng.nextNormal()
            }
            return TrainingData(features: x, target: .values(y))
        }
    }

    /// The smallest data set the suite asks every model to handle: two rows per class
    /// (four rows for regression), two features.
    static func twoRowsPerClass(_ task: Task) -> TrainingData {
        switch task {
        case .binary:
            let x = try? Matrix(rows: [[0, 1], [0.2, 0.8], [2, -1], [2.3, -0.7]])
            return TrainingData(features: x ?? Matrix(rowCount: 4, columnCount: 2), target: .classes(indices: [0, 0, 1, 1], names: ["a", "b"]))
        case .multiclass:
            let x = try? Matrix(rows: [[0, 1], [0.2, 0.8], [2, -1], [2.3, -0.7], [-2, 0], [-2.2, 0.3]])
            return TrainingData(features: x ?? Matrix(rowCount: 6, columnCount: 2),
                                target: .classes(indices: [0, 0, 1, 1, 2, 2], names: ["a", "b", "c"]))
        case .regression:
            let x = try? Matrix(rows: [[0, 1], [1, 0.5], [2, -1], [3, 0]])
            return TrainingData(features: x ?? Matrix(rowCount: 4, columnCount: 2), target: .values([1, 2.5, 3, 4.5]))
        }
    }

    /// `data` with feature `column` replaced by a constant.
    static func withConstantColumn(_ data: TrainingData, column: Int = 1, value: Double = 3) -> TrainingData {
        var d = data
        d.features.setColumn(column, [Double](repeating: value, count: data.features.rowCount))
        return d
    }

    /// `data` with only its first feature.
    static func firstFeatureOnly(_ data: TrainingData) -> TrainingData {
        TrainingData(features: data.features.gatheringColumns([0]), target: data.target,
                     sampleWeights: data.sampleWeights)
    }

    /// `data` with `value` written into row `row`, column 0.
    static func withValue(_ data: TrainingData, _ value: Double, row: Int = 3) -> TrainingData {
        var d = data
        d.features[row, 0] = value
        return d
    }

    private static func features(_ n: Int, _ p: Int, _ rng: inout RandomStream,
                                 shift: (Int, Int) -> Double) -> Matrix {
        var m = Matrix(rowCount: n, columnCount: p)
        for j in 0..<p { for i in 0..<n { m[i, j] = rng.nextNormal() + shift(i, j) } }
        return m
    }
}
