import Foundation
import MLCore
import MLModels
import TestSupport

/// One train/test split stored in the trees fixture.
struct TreeDataset: Decodable {
    let X_train: [[Double]]
    let y_train: [Double]
    let X_test: [[Double]]
    let y_test: [Double]

    func training(classes: Int?) throws -> TrainingData {
        try TrainingData(features: Matrix(rows: X_train), target: target(y_train, classes))
    }
    func testFeatures() throws -> Matrix { try Matrix(rows: X_test) }
    func target(_ y: [Double], _ classes: Int?) -> Target {
        if let k = classes { return .classes(indices: y.map { Int32($0) }, names: (0..<k).map { "c\($0)" }) }
        return .values(y)
    }
}

/// A fitted sklearn tree, as arrays.
struct SklearnTree: Decodable {
    let feature: [Int]
    let threshold: [Double]
    let left: [Int]
    let right: [Int]
    let value: [[Double]]
}

struct SmallTreeCase: Decodable {
    let X: [[Double]]
    let y: [Double]
    let gini: SklearnTree
    let entropy: SklearnTree
}

struct RegressionTreeCase: Decodable {
    let X: [[Double]]
    let y: [Double]
    let tree: SklearnTree
}

struct AdaCase: Decodable {
    let X: [[Double]]
    let y: [Double]
    let estimator_weights: [Double]
    let proba: [[Double]]
}

/// `trees_reference.json`, produced by `make_trees.py` (scikit-learn 1.9.1, LightGBM 4.7.0).
struct TreesReference: Decodable {
    let breast_cancer: TreeDataset
    let penguins: TreeDataset
    let diabetes: TreeDataset
    let scores: [String: Double]
    let dt_small: SmallTreeCase
    let dt_regression: RegressionTreeCase
    let ada_small: AdaCase

    static let shared: TreesReference? = try? loadFixture("MLModelsTests/Fixtures/trees/trees_reference.json")
    static func load() throws -> TreesReference {
        guard let r = shared else { throw MLError.invalidInput("trees_reference.json could not be loaded") }
        return r
    }
}

/// Accuracy of class predictions against fixture labels.
func accuracy(_ p: Prediction, _ y: [Double]) -> Double {
    guard case let .classes(c) = p else { return 0 }
    return Double(zip(c, y).filter { Int($0) == Int($1) }.count) / Double(y.count)
}

/// R² of value predictions.
func r2(_ p: Prediction, _ y: [Double]) -> Double {
    guard case let .values(v) = p else { return -.infinity }
    let m = y.reduce(0, +) / Double(y.count)
    let ssr = zip(v, y).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    let sst = y.reduce(0) { $0 + ($1 - m) * ($1 - m) }
    return 1 - ssr / sst
}

/// Sorted-keys JSON of any encodable value (for byte-identical comparisons).
func canonicalJSON<T: Encodable>(_ value: T) throws -> Data {
    let e = JSONEncoder()
    e.outputFormatting = [.sortedKeys]
    return try e.encode(value)
}
