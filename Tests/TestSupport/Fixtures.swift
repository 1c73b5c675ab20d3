import Foundation
import MLCore

/// Errors raised while loading test fixtures.
public struct FixtureError: Error, CustomStringConvertible {
    /// What went wrong.
    public let description: String
}

/// Loads a JSON fixture (relative to `Tests/`) as any `Decodable` type.
///
///     struct Ref: Decodable { let X: [[Double]]; let y: [Double] }
///     let ref: Ref = try loadFixture("MLModelsTests/Fixtures/linear/ridge.json")
public func loadFixture<T: Decodable>(_ relativePath: String, as type: T.Type = T.self) throws -> T {
    let url = RepositoryPaths.tests.appendingPathComponent(relativePath)
    guard let data = FileManager.default.contents(atPath: url.path) else {
        throw FixtureError(description: "fixture not found: \(url.path)")
    }
    return try JSONDecoder().decode(T.self, from: data)
}

extension Matrix {
    /// A matrix from the row arrays of a fixture; throws when rows are ragged.
    public static func fromFixtureRows(_ rows: [[Double]]) throws -> Matrix { try Matrix(rows: rows) }
}
