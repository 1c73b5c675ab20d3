import Foundation
import MLCore
@testable import MLModels
import Testing
import TestSupport

/// A few conformance-style checks over every tree entry of the registry (the shared conformance
/// suite lives elsewhere; these keep the tree family honest on its own branch).
@Suite("Tree registry")
struct TreeRegistryTests {
    static let specs = ModelRegistry.treeModels

    static func smallData(_ kind: ProblemKind, classes: Int = 3) throws -> TrainingData {
        var rng = RandomStream(seed: 42)
        let n = 60
        var rows: [[Double]] = []
        var labels: [Int32] = []
        var values: [Double] = []
        for i in 0..<n {
            let c = i % classes
            rows.append([Double(c) + 0.3 * rng.nextNormal(), rng.nextNormal(), Double(i % 7)])
            labels.append(Int32(c))
            values.append(2 * rows[i][0] + 0.1 * rng.nextNormal())
        }
        let target: Target = kind == .classification
            ? .classes(indices: labels, names: (0..<classes).map { "k\($0)" }) : .values(values)
        return TrainingData(features: try Matrix(rows: rows), target: target)
    }

    @Test func idsAndNames() {
        let ids = Self.specs.map { "\($0.kind.rawValue):\($0.id)" }
        #expect(Set(ids).count == ids.count)
        #expect(Set(Self.specs.map(\.id)) == ["dt", "rf", "et", "ada", "lightgbm"])
        #expect(ModelRegistry.spec(id: "lightgbm", kind: .classification)?.displayName == "Light Gradient Boosting Machine")
        #expect(ModelRegistry.spec(id: "rf", kind: .regression)?.displayName == "Random Forest Regressor")
    }

    @Test(arguments: ModelRegistry.treeModels.map(\.typeName).indices)
    func fitsPredictsAndRoundTrips(_ index: Int) throws {
        let spec = Self.specs[index]
        let data = try Self.smallData(spec.kind)
        var rng = RandomStream(seed: 3)
        let model = try spec.make().fitErased(data, using: &rng)
        let prediction = try model.predict(data.features)
        #expect(prediction.count == data.features.rowCount)
        if spec.capabilities.providesProbabilities, let pm = model as? any ProbabilisticModel {
            let p = try pm.predictProbabilities(data.features)
            for i in 0..<p.rowCount { #expect(abs(p.row(i).reduce(0, +) - 1) < 1e-9) }
            #expect(pm.argmaxClasses(p) == { if case let .classes(c) = prediction { return c }; return [] }())
        }
        if spec.capabilities.providesImportances {
            #expect((model as? any FeatureImportanceModel)?.featureImportances.count == 3)
        }
        // A wrong column count throws.
        #expect(throws: MLError.self) { try model.predict(Matrix(rowCount: 2, columnCount: 2)) }
        // Same seed, same model.
        var rng2 = RandomStream(seed: 3)
        let again = try spec.make().fitErased(data, using: &rng2)
        #expect(try canonicalJSON(AnyEncodable(model)) == canonicalJSON(AnyEncodable(again)))
    }

    @Test(arguments: ModelRegistry.treeModels.map(\.typeName).indices)
    func edgeCases(_ index: Int) throws {
        let spec = Self.specs[index]
        var rng = RandomStream(seed: 1)
        // One sample, one feature.
        let one = TrainingData(features: try Matrix(rows: [[1.5]]),
                               target: spec.kind == .classification ? .classes(indices: [0], names: ["a", "b"]) : .values([2]))
        let m = try spec.make().fitErased(one, using: &rng)
        #expect(try m.predict(Matrix(rows: [[0], [3]])).count == 2)
        // A single-class target.
        if spec.kind == .classification {
            let single = TrainingData(features: try Matrix(rows: [[1], [2], [3]]), target: .classes(indices: [0, 0, 0], names: ["only"]))
            let s = try spec.make().fitErased(single, using: &rng)
            #expect(try s.predict(Matrix(rows: [[5]])) == .classes([0]))
        }
        // NaN input is rejected.
        let bad = TrainingData(features: try Matrix(rows: [[.nan], [1]]),
                               target: spec.kind == .classification ? .classes(indices: [0, 1], names: ["a", "b"]) : .values([1, 2]))
        #expect(throws: MLError.self) { try spec.make().fitErased(bad, using: &rng) }
    }
}

/// Type-erased encoding of a fitted model.
struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: Encoder) throws { try value.encode(to: encoder) }
}
