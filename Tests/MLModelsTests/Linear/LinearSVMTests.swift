import MLCore
@testable import MLModels
import Testing
import TestSupport

@Suite("Linear SVMs vs scikit-learn 1.9.1")
struct LinearSVMTests {
    @Test func classifierHeldOutAccuracyWithinTwoPoints() throws {
        let f = try LinearFixtures.load()
        for set in [f.titanic, f.wine] {
            var rng = RandomStream(seed: 7)
            let model = try LinearSVMClassifier().fit(try set.training(classification: true), using: &rng)
            let ours = accuracy(try model.predict(try set.testFeatures), set.testClasses)
            // The reference is the same objective solved exactly (LinearSVC, hinge, C = 1/(α n)).
            let exact = try set.fit("svm_exact").test_accuracy ?? 0
            #expect(abs(ours - exact) <= 0.02, "accuracy \(ours) vs LinearSVC \(exact)")
            for row in try model.predictProbabilities(try set.testFeatures).rows { #expect(abs(row.reduce(0, +) - 1) < 1e-12) }
        }
    }

    @Test func regressorHeldOutR2WithinTwoPoints() throws {
        let set = try LinearFixtures.load().diabetes
        var rng = RandomStream(seed: 7)
        let model = try LinearSVMRegressor().fit(try set.training(classification: false), using: &rng)
        let ours = r2Score(try model.predict(try set.testFeatures), set.testValues)
        let reference = try set.fit("svm").test_r2 ?? 0
        #expect(abs(ours - reference) <= 0.02, "R² \(ours) vs LinearSVR \(reference)")
    }

    @Test func sameSeedSameModel() throws {
        let data = try LinearFixtures.load().wine.training(classification: true)
        var a = RandomStream(seed: 3), b = RandomStream(seed: 3)
        let m1 = try LinearSVMClassifier().fit(data, using: &a)
        let m2 = try LinearSVMClassifier().fit(data, using: &b)
        #expect(m1 == m2)
    }

    @Test func badHyperparametersAreRejected() throws {
        let cls = TrainingData(features: try Matrix(rows: [[0], [1]]), target: .classes(indices: [0, 1], names: ["a", "b"]))
        for bad in LinearSVMClassifier.constraints.flatMap({ $0.invalidVariants(LinearSVMClassifier()) }) {
            var rng = RandomStream(seed: 0)
            #expect(throws: MLError.self) { try bad.fit(cls, using: &rng) }
        }
        let reg = TrainingData(features: try Matrix(rows: [[0], [1]]), target: .values([0, 1]))
        for bad in LinearSVMRegressor.constraints.flatMap({ $0.invalidVariants(LinearSVMRegressor()) }) {
            var rng = RandomStream(seed: 0)
            #expect(throws: MLError.self) { try bad.fit(reg, using: &rng) }
        }
    }
}
