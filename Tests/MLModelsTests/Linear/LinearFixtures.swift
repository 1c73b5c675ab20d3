import MLCore
import MLModels
import TestSupport

/// The scikit-learn reference values written by Fixtures/linear/make_linear_fixtures.py.
struct LinearFixtures: Decodable {
    struct Fit: Decodable {
        let coef: [[Double]]?
        let intercept: [Double]?
        let test_accuracy: Double?
        let test_r2: Double?
        let test_proba_head: [[Double]]?
    }
    struct DataSet: Decodable {
        let X: [[Double]]
        let y: [Double]
        let train: [Int]
        let test: [Int]
        let models: [String: Fit?]

        func fit(_ name: String) throws -> Fit {
            guard let f = models[name] ?? nil else { throw MLError.invalidInput("no fixture model \(name)") }
            return f
        }
        var classNames: [String] { Array(Set(y.map { Int($0) })).sorted().map { "c\($0)" } }

        func rows(_ idx: [Int]) throws -> Matrix { try Matrix(rows: idx.map { X[$0] }) }

        /// Training data for the training rows, with a class or value target.
        func training(classification: Bool, weighted: Bool = false) throws -> TrainingData {
            let x = try rows(train)
            let target: Target = classification
                ? .classes(indices: train.map { Int32(y[$0]) }, names: classNames)
                : .values(train.map { y[$0] })
            let w: [Double]? = weighted ? (0..<train.count).map { 1 + Double($0 % 3) } : nil
            return TrainingData(features: x, target: target, sampleWeights: w)
        }
        var testFeatures: Matrix { get throws { try rows(test) } }
        var testClasses: [Int32] { test.map { Int32(y[$0]) } }
        var testValues: [Double] { test.map { y[$0] } }
    }
    let sklearn_version: String
    let titanic: DataSet
    let wine: DataSet
    let diabetes: DataSet
    /// Titanic without standardising (Fare up to 512): the hinge SVM's exact optimum only.
    let titanic_unscaled: DataSet

    /// Loaded once.
    static let shared: Result<LinearFixtures, Error> = Result {
        try loadFixture("MLModelsTests/Fixtures/linear/linear_fixtures.json")
    }
    static func load() throws -> LinearFixtures { try shared.get() }
}

/// Our classifier's coefficients in scikit-learn's layout (outputs × features, flattened row by row).
func sklearnLayout(_ m: LinearClassifierModel) -> [Double] {
    var out: [Double] = []
    for k in 0..<m.coefficients.columnCount { out += m.coefficients.column(k) }
    return out
}
