import Foundation
import AutoSwiftML

/// Builds a table from named columns (test convenience; throws on ragged input).
func makeTable(_ columns: [(String, ColumnData)]) throws -> DataTable {
    try DataTable(columns: columns.map { Column(name: $0.0, data: $0.1) })
}

/// A numeric column without missing values.
func numeric(_ v: [Double]) -> ColumnData { .numeric(values: v, missing: v.map { _ in false }) }

/// A numeric column where `nil` is missing.
func numeric(_ v: [Double?]) -> ColumnData {
    .numeric(values: v.map { $0 ?? .nan }, missing: v.map { $0 == nil })
}

/// A categorical column where `nil` is missing; levels in first-seen order.
func categorical(_ v: [String?]) -> ColumnData {
    var levels: [String] = []
    var index: [String: Int32] = [:]
    let codes: [Int32] = v.map { s in
        guard let s else { return -1 }
        if let i = index[s] { return i }
        index[s] = Int32(levels.count)
        levels.append(s)
        return Int32(levels.count - 1)
    }
    return .categorical(codes: codes, levels: levels)
}

/// Nearest-centroid classifier with softmax(−distance²) probabilities: a tiny deterministic
/// estimator for testing the cross-validation machinery without the model branches.
struct CentroidClassifier: Estimator {
    static let id = "centroid"
    static let displayName = "Centroid Classifier"
    static let supportedTasks: Set<Task> = [.binary, .multiclass]
    static let constraints: [ParameterConstraint<CentroidClassifier>] = []
    init() {}

    struct Model: ProbabilisticModel {
        let centroids: [[Double]]
        var featureCount: Int { centroids.first?.count ?? 0 }
        var classCount: Int { centroids.count }

        func predictProbabilities(_ x: Matrix) throws -> Matrix {
            try checkPredictionInput(x)
            var p = Matrix(rowCount: x.rowCount, columnCount: classCount)
            for i in 0..<x.rowCount {
                let d = centroids.map { c in zip(x.row(i), c).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } }
                let m = d.min() ?? 0
                let e = d.map { exp(-($0 - m)) }
                let s = e.reduce(0, +)
                for k in 0..<classCount { p[i, k] = e[k] / s }
            }
            return p
        }

        func predict(_ x: Matrix) throws -> Prediction {
            .classes(argmaxClasses(try predictProbabilities(x)))
        }
    }

    func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try validate()
        try checkTrainingData(data)
        guard case let .classes(y, names) = data.target else { throw MLError.invalidInput("classes needed") }
        let x = data.features
        var sums = [[Double]](repeating: [Double](repeating: 0, count: x.columnCount), count: names.count)
        var counts = [Double](repeating: 0, count: names.count)
        for i in 0..<x.rowCount {
            counts[Int(y[i])] += 1
            for j in 0..<x.columnCount { sums[Int(y[i])][j] += x[i, j] }
        }
        // A class without training rows sits far away.
        let centroids = sums.indices.map { k in counts[k] > 0 ? sums[k].map { $0 / counts[k] } : sums[k].map { _ in 1e6 } }
        return Model(centroids: centroids)
    }
}

/// Predicts a random class drawn from the model stream: shows the seed path reaches models.
struct CoinClassifier: Estimator {
    static let id = "coin"
    static let displayName = "Coin Classifier"
    static let supportedTasks: Set<Task> = [.binary, .multiclass]
    static let constraints: [ParameterConstraint<CoinClassifier>] = []
    init() {}

    struct Model: FittedModel {
        let featureCount: Int
        let classCount: Int
        let seed: UInt64
        func predict(_ x: Matrix) throws -> Prediction {
            var rng = RandomStream(seed: seed)
            return .classes((0..<x.rowCount).map { _ in Int32(rng.nextInt(below: classCount)) })
        }
    }

    func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try checkTrainingData(data)
        return Model(featureCount: data.features.columnCount, classCount: data.target.classCount, seed: rng.next())
    }
}

/// Always fails: a model that throws must become a leaderboard row with its message.
struct ExplodingClassifier: Estimator {
    static let id = "boom"
    static let displayName = "Exploding Classifier"
    static let supportedTasks: Set<Task> = [.binary, .multiclass]
    static let constraints: [ParameterConstraint<ExplodingClassifier>] = []
    init() {}
    typealias Model = CentroidClassifier.Model
    func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        throw MLError.invalidInput("boom: this model always fails")
    }
}

/// Least squares on the first feature only (closed form): a tiny regressor.
struct FirstFeatureRegressor: Estimator {
    static let id = "first"
    static let displayName = "First Feature Regressor"
    static let supportedTasks: Set<Task> = [.regression]
    static let constraints: [ParameterConstraint<FirstFeatureRegressor>] = []
    init() {}

    struct Model: FittedModel {
        let featureCount: Int
        let slope: Double
        let intercept: Double
        func predict(_ x: Matrix) throws -> Prediction {
            try checkPredictionInput(x)
            return .values((0..<x.rowCount).map { intercept + slope * x[$0, 0] })
        }
    }

    func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try checkTrainingData(data)
        guard case let .values(y) = data.target else { throw MLError.invalidInput("values needed") }
        let x = data.features.column(0)
        let mx = Stats.mean(x), my = Stats.mean(y)
        var sxy = 0.0, sxx = 0.0
        for i in x.indices { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) * (x[i] - mx) }
        let slope = sxx > 0 ? sxy / sxx : 0
        return Model(featureCount: data.features.columnCount, slope: slope, intercept: my - slope * mx)
    }
}

/// Throws when its training features contain a value of magnitude ≥ 1e5: validation rows in the
/// leakage tests carry such values, so a leak of rows into training makes `fit` fail.
struct LeakDetector: Estimator {
    static let id = "leak"
    static let displayName = "Leak Detector"
    static let supportedTasks: Set<Task> = [.binary, .multiclass]
    static let constraints: [ParameterConstraint<LeakDetector>] = []
    init() {}
    typealias Model = CentroidClassifier.Model
    func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        if data.features.storage.contains(where: { abs($0) >= 1e5 }) {
            throw MLError.invalidInput("validation values reached the training features")
        }
        return try CentroidClassifier().fit(data, using: &rng)
    }
}

/// Registry entries for the test estimators.
let testClassifiers: [ModelSpec] = [
    ModelSpec(CoinClassifier.self, kind: .classification, capabilities: Capabilities(isRandomized: true)),
    ModelSpec(ExplodingClassifier.self, kind: .classification, capabilities: Capabilities()),
    ModelSpec(CentroidClassifier.self, kind: .classification, capabilities: Capabilities(providesProbabilities: true)),
]
