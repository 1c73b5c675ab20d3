import Foundation
import MLCore
@testable import MLModels
import Testing
import TestSupport

@Suite("LightGBM")
struct LightGBMTests {
    @Test func breastCancerMatchesLightGBM() throws {
        let ref = try TreesReference.load()
        var rng = RandomStream(seed: 1)
        let model = try LightGBM().fit(ref.breast_cancer.training(classes: 2), using: &rng)
        let acc = accuracy(try model.predict(ref.breast_cancer.testFeatures()), ref.breast_cancer.y_test)
        let target = try #require(ref.scores["breast_cancer_lightgbm"])
        print("gbm accuracy", acc, "LightGBM", target)
        #expect(abs(acc - target) <= 0.01 + 1e-9, "accuracy \(acc) vs LightGBM \(target)")
        let proba = try model.predictProbabilities(ref.breast_cancer.testFeatures())
        for i in 0..<proba.rowCount { #expect(abs(proba[i, 0] + proba[i, 1] - 1) < 1e-12) }
        #expect(model.featureImportances.reduce(0, +) > 0)
    }

    @Test func penguinsMulticlass() throws {
        let ref = try TreesReference.load()
        var rng = RandomStream(seed: 1)
        let model = try LightGBM().fit(ref.penguins.training(classes: 3), using: &rng)
        #expect(model.trees.count == 300)
        let acc = accuracy(try model.predict(ref.penguins.testFeatures()), ref.penguins.y_test)
        let target = try #require(ref.scores["penguins_lightgbm"])
        print("gbm accuracy", acc, "LightGBM", target)
        #expect(abs(acc - target) <= 0.01 + 1e-9, "accuracy \(acc) vs LightGBM \(target)")
    }

    @Test func diabetesRegression() throws {
        let ref = try TreesReference.load()
        var rng = RandomStream(seed: 1)
        let model = try LightGBM().fit(ref.diabetes.training(classes: nil), using: &rng)
        let score = r2(try model.predict(ref.diabetes.testFeatures()), ref.diabetes.y_test)
        let target = try #require(ref.scores["diabetes_lightgbm_r2"])
        print("gbm r2", score, target)
        #expect(abs(score - target) < 0.05, "R² \(score) vs LightGBM \(target)")
    }

    /// Bagging every iteration, and every second one (bags reused in between).
    @Test(arguments: [1, 2])
    func threadCountDoesNotChangeTheModel(baggingFrequency: Int) throws {
        let ref = try TreesReference.load()
        var e = LightGBM()
        e.estimatorCount = 10
        e.baggingFraction = 0.8
        e.baggingFrequency = baggingFrequency
        e.featureFraction = 0.7
        var one = e, two = e
        one.threads = 1
        two.threads = 2
        var r1 = RandomStream(seed: 5), r2 = RandomStream(seed: 5)
        let data = try ref.breast_cancer.training(classes: 2)
        let a = try canonicalJSON(one.fit(data, using: &r1))
        let b = try canonicalJSON(two.fit(data, using: &r2))
        #expect(a == b)
    }

    @Test func parallelHistogramsAreThreadCountInvariant() throws {
        // 8,000 rows × 30 features is above the size at which histograms are built in parallel.
        var rng = RandomStream(seed: 77)
        let n = 8000, p = 30
        var cols: [[Double]] = []
        for _ in 0..<p { cols.append((0..<n).map { _ in rng.nextNormal() }) }
        var y = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            let s: Double = cols[0][i] + 0.5 * cols[1][i] - cols[2][i] * cols[3][i]
            y[i] = s > 0 ? 1 : 0
        }
        let data = TrainingData(features: try Matrix(columns: cols), target: .classes(indices: y, names: ["n", "y"]))
        var e = LightGBM()
        e.estimatorCount = 3
        var one = e, two = e
        one.threads = 1
        two.threads = 2
        var r1 = RandomStream(seed: 1), r2 = RandomStream(seed: 1)
        #expect(try canonicalJSON(one.fit(data, using: &r1)) == canonicalJSON(two.fit(data, using: &r2)))
    }

    @Test func seedDeterminesTheModel() throws {
        let ref = try TreesReference.load()
        var e = LightGBM()
        e.estimatorCount = 10
        e.baggingFraction = 0.7
        e.baggingFrequency = 1
        let data = try ref.penguins.training(classes: 3)
        var r1 = RandomStream(seed: 9), r2 = RandomStream(seed: 9), r3 = RandomStream(seed: 10)
        let a = try canonicalJSON(e.fit(data, using: &r1))
        let b = try canonicalJSON(e.fit(data, using: &r2))
        let c = try canonicalJSON(e.fit(data, using: &r3))
        #expect(a == b)
        #expect(a != c)
    }

    @Test func earlyStoppingKeepsTheBestIteration() throws {
        let ref = try TreesReference.load()
        var e = LightGBM()
        e.estimatorCount = 300
        e.earlyStoppingRounds = 10
        var rng = RandomStream(seed: 2)
        let model = try e.fit(ref.diabetes.training(classes: nil), using: &rng)
        #expect(model.iterationCount < 300)
        #expect(model.trees.count == model.iterationCount)
    }

    @Test func rejectsBadParameters() throws {
        var e = LightGBM()
        e.leafCount = 1
        var rng = RandomStream(seed: 1)
        let data = TrainingData(features: try Matrix(rows: [[0], [1]]), target: .values([0, 1]))
        #expect(throws: MLError.self) { try e.fit(data, using: &rng) }
    }

    @Test func jsonRoundTripKeepsPredictions() throws {
        let ref = try TreesReference.load()
        var e = LightGBM()
        e.estimatorCount = 5
        var rng = RandomStream(seed: 1)
        let model = try e.fit(ref.penguins.training(classes: 3), using: &rng)
        let back = try JSONDecoder().decode(LightGBM.Model.self, from: canonicalJSON(model))
        let x = try ref.penguins.testFeatures()
        #expect(try back.predictProbabilities(x) == model.predictProbabilities(x))
    }
}
