import Foundation
import MLCore
import MLModels
import TestSupport

/// A data set written by `Fixtures/classic/make_classic_fixtures.py`.
struct ClassicDataFixture: Decodable {
    let feature_names: [String]
    let X: [[Double]]
    let y: [Double]
    let train: [Int]
    let test: [Int]

    static func load(_ name: String) throws -> ClassicDataFixture {
        try loadFixture("MLModelsTests/Fixtures/classic/data_\(name).json")
    }

    var features: Matrix { get throws { try Matrix(rows: X) } }
    var classNames: [String] { Set(y.map { Int($0) }).sorted().map { String($0) } }

    /// Training rows as class (or value) training data.
    func trainingData(classification: Bool) throws -> TrainingData {
        let x = try Matrix(rows: train.map { X[$0] })
        let target: Target = classification
            ? .classes(indices: train.map { Int32(y[$0]) }, names: classNames)
            : .values(train.map { y[$0] })
        return TrainingData(features: x, target: target)
    }

    var testFeatures: Matrix { get throws { try Matrix(rows: test.map { X[$0] }) } }
    var testClasses: [Int32] { test.map { Int32(y[$0]) } }
    var testValues: [Double] { test.map { y[$0] } }
}

func loadClassic<T: Decodable>(_ file: String, as type: T.Type = T.self) throws -> T {
    try loadFixture("MLModelsTests/Fixtures/classic/\(file)")
}

func maxAbsoluteError(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count)
    return zip(a, b).map { abs($0 - $1) }.max() ?? 0
}

extension Matrix {
    /// Row-major flattening, to compare with fixture rows.
    var rowMajor: [Double] { rows.flatMap { $0 } }
}
