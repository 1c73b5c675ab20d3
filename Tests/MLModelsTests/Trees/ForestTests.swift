import Foundation
import MLCore
@testable import MLModels
import Testing
import TestSupport

@Suite("Forests")
struct ForestTests {
    /// Mean test accuracy over a few seeds (the fixture averages scikit-learn over 5 seeds).
    func meanAccuracy<E: Estimator>(_ e: E, _ d: TreeDataset, classes: Int, seeds: Int = 3) throws -> Double {
        var total = 0.0
        for s in 0..<seeds {
            var rng = RandomStream(seed: UInt64(s))
            let model = try e.fit(d.training(classes: classes), using: &rng)
            total += accuracy(try model.predict(d.testFeatures()), d.y_test)
        }
        return total / Double(seeds)
    }

    @Test func randomForestMatchesScikitLearn() throws {
        let ref = try TreesReference.load()
        let bc = try meanAccuracy(RandomForestClassifier(), ref.breast_cancer, classes: 2)
        let pg = try meanAccuracy(RandomForestClassifier(), ref.penguins, classes: 3)
        print("rf accuracy", bc, pg, "sklearn", ref.scores["breast_cancer_rf"]!, ref.scores["penguins_rf"]!)
        #expect(abs(bc - ref.scores["breast_cancer_rf"]!) <= 0.01 + 1e-9)
        #expect(abs(pg - ref.scores["penguins_rf"]!) <= 0.01 + 1e-9)
    }

    @Test func extraTreesMatchScikitLearn() throws {
        let ref = try TreesReference.load()
        let bc = try meanAccuracy(ExtraTreesClassifier(), ref.breast_cancer, classes: 2)
        let pg = try meanAccuracy(ExtraTreesClassifier(), ref.penguins, classes: 3)
        print("et accuracy", bc, pg, "sklearn", ref.scores["breast_cancer_et"]!, ref.scores["penguins_et"]!)
        #expect(abs(bc - ref.scores["breast_cancer_et"]!) <= 0.01 + 1e-9)
        #expect(abs(pg - ref.scores["penguins_et"]!) <= 0.01 + 1e-9)
    }

    @Test func randomForestRegression() throws {
        let ref = try TreesReference.load()
        var rng = RandomStream(seed: 0)
        let model = try RandomForestRegressor().fit(ref.diabetes.training(classes: nil), using: &rng)
        let score = r2(try model.predict(ref.diabetes.testFeatures()), ref.diabetes.y_test)
        print("rf r2", score, ref.scores["diabetes_rf_r2"]!)
        #expect(abs(score - ref.scores["diabetes_rf_r2"]!) < 0.03)
        #expect(abs(model.featureImportances.reduce(0, +) - 1) < 1e-9)
    }

    @Test func threadCountDoesNotChangeTheForest() throws {
        let ref = try TreesReference.load()
        var e = RandomForestClassifier()
        e.estimatorCount = 8
        var one = e, two = e
        one.threads = 1
        two.threads = 2
        let data = try ref.penguins.training(classes: 3)
        var r1 = RandomStream(seed: 4), r2 = RandomStream(seed: 4)
        #expect(try canonicalJSON(one.fit(data, using: &r1)) == canonicalJSON(two.fit(data, using: &r2)))
        var et = ExtraTreesRegressor()
        et.estimatorCount = 6
        var a = et, b = et
        a.threads = 1
        b.threads = 2
        let reg = try ref.diabetes.training(classes: nil)
        var r3 = RandomStream(seed: 4), r4 = RandomStream(seed: 4)
        #expect(try canonicalJSON(a.fit(reg, using: &r3)) == canonicalJSON(b.fit(reg, using: &r4)))
    }

    @Test func seedDeterminesTheForest() throws {
        let ref = try TreesReference.load()
        var e = RandomForestClassifier()
        e.estimatorCount = 5
        let data = try ref.breast_cancer.training(classes: 2)
        var r1 = RandomStream(seed: 1), r2 = RandomStream(seed: 1), r3 = RandomStream(seed: 2)
        let a = try canonicalJSON(e.fit(data, using: &r1))
        #expect(try a == canonicalJSON(e.fit(data, using: &r2)))
        #expect(try a != canonicalJSON(e.fit(data, using: &r3)))
    }

    @Test func weightsAreHonoured() throws {
        // Doubling every weight changes nothing; zero weights drop rows.
        let ref = try TreesReference.load()
        var e = RandomForestClassifier()
        e.estimatorCount = 4
        e.bootstrap = false
        var data = try ref.penguins.training(classes: 3)
        var r1 = RandomStream(seed: 1), r2 = RandomStream(seed: 1)
        let plain = try e.fit(data, using: &r1)
        data.sampleWeights = [Double](repeating: 2, count: data.features.rowCount)
        let doubled = try e.fit(data, using: &r2)
        let x = try ref.penguins.testFeatures()
        #expect(try plain.predictProbabilities(x) == doubled.predictProbabilities(x))
    }
}
