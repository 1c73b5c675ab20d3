import Foundation
import MLCore
@testable import MLModels
import Testing
import TestSupport

/// The estimator contract, checked over every registry entry of the linear family.
@Suite("Linear family: estimator contract")
struct LinearFamilyConformanceTests {
    static func data(for kind: ProblemKind, classes: Int = 3, rows: Int = 60, weights: [Double]? = nil) -> TrainingData {
        var rng = RandomStream(seed: 11)
        var x = Matrix(rowCount: rows, columnCount: 4)
        for i in 0..<x.storage.count { x.storage[i] = rng.nextNormal() }
        switch kind {
        case .classification:
            let y = (0..<rows).map { i in Int32((x[i, 0] + 0.5 * x[i, 1] > 0 ? 1 : 0) + (classes > 2 && x[i, 2] > 0.5 ? 1 : 0)) }
            return TrainingData(features: x, target: .classes(indices: y, names: (0..<classes).map { "c\($0)" }), sampleWeights: weights)
        case .regression:
            let y = (0..<rows).map { i in 3 * x[i, 0] - x[i, 1] + 0.1 * rng.nextNormal() }
            return TrainingData(features: x, target: .values(y), sampleWeights: weights)
        }
    }

    static func predictions(_ p: Prediction) -> [Double] {
        switch p {
        case let .classes(c): return c.map(Double.init)
        case let .values(v): return v
        }
    }

    static func check<E: Estimator>(_ estimator: E, _ spec: ModelSpec) throws {
        try estimator.validate()
        let data = Self.data(for: spec.kind)
        var rng = RandomStream(seed: 5)
        let model = try estimator.fit(data, using: &rng)
        let base = try model.predict(data.features)
        #expect(base.count == data.features.rowCount)
        // A JSON round trip keeps predictions.
        let decoded = try JSONDecoder().decode(E.Model.self, from: try JSONEncoder().encode(model))
        #expect(try decoded.predict(data.features) == base, "\(spec.displayName): JSON round trip")
        // The same seed gives the same model.
        var rng2 = RandomStream(seed: 5)
        let again = try estimator.fit(data, using: &rng2)
        #expect(try again.predict(data.features) == base, "\(spec.displayName): same seed")
        // All-ones weights equal no weights.
        if spec.capabilities.supportsSampleWeights {
            var rng3 = RandomStream(seed: 5)
            let weighted = try estimator.fit(Self.data(for: spec.kind, weights: [Double](repeating: 1, count: 60)), using: &rng3)
            #expect(allClose(Self.predictions(try weighted.predict(data.features)), Self.predictions(base), rel: 1e-8, abs: 1e-8),
                    "\(spec.displayName): unit weights")
        }
        // Weight 2 equals the row twice (deterministic solvers; the randomized ones visit rows in another order).
        if spec.capabilities.supportsSampleWeights && !spec.capabilities.isRandomized {
            let weights = (0..<60).map { $0 % 5 == 0 ? 2.0 : 1.0 }
            var rng4 = RandomStream(seed: 5)
            let weighted = try estimator.fit(Self.data(for: spec.kind, weights: weights), using: &rng4)
            let duplicated = try estimator.fit(data.gatheringRows(Array(0..<60) + (0..<60).filter { $0 % 5 == 0 }), using: &rng4)
            #expect(allClose(Self.predictions(try weighted.predict(data.features)),
                             Self.predictions(try duplicated.predict(data.features)), rel: 1e-6, abs: 1e-8),
                    "\(spec.displayName): weight 2 vs duplicated rows")
        }
        // Probabilities: rows sum to 1, argmax equals predict; an absent class gets a zero column.
        if let probabilistic = model as? any ProbabilisticModel {
            let p = try probabilistic.predictProbabilities(data.features)
            #expect(p.columnCount == 3)
            for row in p.rows { #expect(abs(row.reduce(0, +) - 1) < 1e-12) }
            #expect(probabilistic.argmaxClasses(p) == { if case let .classes(c) = base { return c } else { return [] } }())
            let fourClasses = Self.data(for: .classification, classes: 4)
            var four = fourClasses
            four.target = .classes(indices: { if case let .classes(c, _) = fourClasses.target { return c } else { return [] } }(),
                                   names: ["a", "b", "c", "d"])
            let m4 = try estimator.fit(four, using: &rng)
            if let p4 = try (m4 as? any ProbabilisticModel)?.predictProbabilities(four.features) {
                #expect(p4.columnCount == 4)
                #expect(p4.column(3).allSatisfy { $0 == 0 })
            }
        }
        // Importances: one non-negative number per feature.
        if spec.capabilities.providesImportances {
            let importances = try #require(model as? any FeatureImportanceModel).featureImportances
            #expect(importances.count == data.features.columnCount && importances.allSatisfy { $0 >= 0 })
        }
        // One sample and one feature work; NaN features and wrong widths are rejected.
        let one = TrainingData(features: try Matrix(rows: [[1.5]]),
                               target: spec.kind == .classification ? .classes(indices: [1], names: ["a", "b"]) : .values([2]))
        do {   // handled, or refused with a named MLError (RANSAC and TheilSen need p + 1 rows)
            let oneModel = try estimator.fit(one, using: &rng)
            #expect(try oneModel.predict(try Matrix(rows: [[0.5], [2]])).count == 2)
        } catch is MLError {}
        var bad = data
        bad.features[0, 0] = .nan
        #expect(throws: MLError.self) { try estimator.fit(bad, using: &rng) }
        #expect(throws: MLError.self) { try model.predict(try Matrix(rows: [[1, 2]])) }
        // Every declared constraint rejects its invalid values.
        for constraint in E.constraints {
            for invalid in constraint.invalidVariants(estimator) {
                #expect(throws: MLError.self, "\(spec.displayName).\(constraint.name)") { try invalid.fit(data, using: &rng) }
            }
        }
    }

    @Test(arguments: ModelRegistry.linearModels.map(\.typeName))
    func conforms(_ typeName: String) throws {
        let spec = try #require(ModelRegistry.linearModels.first { $0.typeName == typeName })
        try Self.check(spec.make(), spec)
    }
}

@Suite("Linear models: damaged model files")
struct LinearModelDecodingTests {
    @Test func inconsistentClassifierIsRejected() throws {
        let good = #"{"coefficients":{"rowCount":2,"columnCount":1,"storage":[1,2]},"intercepts":[0.5],"presentClasses":[0,1],"classCount":2,"iterations":3,"converged":true}"#
        let model = try JSONDecoder().decode(LinearClassifierModel.self, from: Data(good.utf8))
        #expect(model.featureCount == 2)
        for bad in [
            good.replacingOccurrences(of: #""intercepts":[0.5]"#, with: #""intercepts":[]"#),
            good.replacingOccurrences(of: #""presentClasses":[0,1]"#, with: #""presentClasses":[0,5]"#),
            good.replacingOccurrences(of: #""storage":[1,2]"#, with: #""storage":[1]"#),
            good.replacingOccurrences(of: #""presentClasses":[0,1]"#, with: #""presentClasses":[0,1,2]"#)
                .replacingOccurrences(of: #""classCount":2"#, with: #""classCount":3"#),
        ] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(LinearClassifierModel.self, from: Data(bad.utf8)) }
        }
    }
}
