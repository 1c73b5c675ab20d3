import Foundation
import MLCore
@testable import MLModels
import Testing
import TestSupport

@Suite("AdaBoost")
struct AdaBoostTests {
    @Test func sammeMatchesScikitLearnWeightsAndProbabilities() throws {
        let ref = try TreesReference.load().ada_small
        var ada = AdaBoostClassifier()
        ada.estimatorCount = 10
        var rng = RandomStream(seed: 0)
        let x = try Matrix(rows: ref.X)
        let model = try ada.fit(TrainingData(features: x, target: .classes(indices: ref.y.map { Int32($0) }, names: ["a", "b"])),
                                using: &rng)
        #expect(allClose(model.estimatorWeights, ref.estimator_weights, rel: 1e-9, abs: 1e-9),
                "\(model.estimatorWeights) vs \(ref.estimator_weights)")
        let p = try model.predictProbabilities(x)
        #expect(allClose(p.rows.flatMap { $0 }, ref.proba.flatMap { $0 }, rel: 1e-9, abs: 1e-9))
    }

    @Test func accuracyMatchesScikitLearn() throws {
        let ref = try TreesReference.load()
        // Penguins has < 255 distinct values per feature, so bins are exact and so is the match.
        // Breast cancer has up to 455 distinct values: quantile bins move stump thresholds, and
        // 50 reweighted stumps amplify that (measured: 0.965 vs 0.988), hence the wider band.
        for (d, k, key, tolerance) in [(ref.breast_cancer, 2, "breast_cancer_ada", 0.03), (ref.penguins, 3, "penguins_ada", 0.0)] {
            var rng = RandomStream(seed: 0)
            let model = try AdaBoostClassifier().fit(d.training(classes: k), using: &rng)
            let acc = accuracy(try model.predict(d.testFeatures()), d.y_test)
            print("ada", key, acc, ref.scores[key]!)
            #expect(abs(acc - ref.scores[key]!) <= tolerance + 1e-9, "\(key): \(acc)")
        }
    }

    @Test func regressorIsCloseToScikitLearn() throws {
        let ref = try TreesReference.load()
        var total = 0.0
        for s in 0..<3 {
            var rng = RandomStream(seed: UInt64(s))
            let model = try AdaBoostRegressor().fit(ref.diabetes.training(classes: nil), using: &rng)
            total += r2(try model.predict(ref.diabetes.testFeatures()), ref.diabetes.y_test)
        }
        print("ada r2", total / 3, ref.scores["diabetes_ada_r2"]!)
        #expect(abs(total / 3 - ref.scores["diabetes_ada_r2"]!) < 0.05)
    }
}
