import MLCore
import TestSupport

/// The scikit-learn reference cases in Fixtures/metrics/metrics.json (null means NaN).
struct MetricFixtures: Decodable {
    struct ClassificationCase: Decodable {
        let name: String
        let classCount: Int
        let truth: [Int32]
        let predicted: [Int32]
        let probabilities: [[Double]]
        let weights: [Double]?
        let expected: [String: Double?]

        func value(_ key: String) -> Double { (expected[key] ?? nil) ?? .nan }
        func probabilityMatrix() throws -> Matrix { try Matrix(rows: probabilities) }
    }

    struct RegressionCase: Decodable {
        let name: String
        let truth: [Double]
        let predicted: [Double]
        let weights: [Double]?
        let expected: [String: Double?]

        func value(_ key: String) -> Double { (expected[key] ?? nil) ?? .nan }
    }

    let classification: [ClassificationCase]
    let regression: [RegressionCase]

    static func load() throws -> MetricFixtures {
        try loadFixture("MLModelsTests/Fixtures/metrics/metrics.json")
    }
}
