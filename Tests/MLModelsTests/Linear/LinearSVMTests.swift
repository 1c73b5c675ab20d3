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

    /// ½‖w‖² + Σ Uᵢ·max(0, 1 − yᵢ(w·xᵢ + b)) with the bias penalised, as both solvers define it.
    private func hingeObjective(coefficients w: [Double], intercept b: Double, _ data: TrainingData, alpha: Double) -> Double {
        guard case .classes(let indices, _) = data.target else { return .nan }
        let c = 1 / (alpha * Double(data.features.rowCount))
        var loss = 0.0
        for i in 0..<data.features.rowCount {
            var s = b
            for j in 0..<w.count { s += w[j] * data.features[i, j] }
            loss += max(0, 1 - (indices[i] == 1 ? 1 : -1) * s)
        }
        return 0.5 * (w.reduce(0) { $0 + $1 * $1 } + b * b) + c * loss
    }

    @Test func unscaledFeaturesReachTheExactOptimum() throws {
        // Dual coordinate descent needs about 10⁶ epochs here; the primal Newton solver is exact.
        let set = try LinearFixtures.load().titanic_unscaled
        let data = try set.training(classification: true)
        var rng = RandomStream(seed: 7)
        let model = try LinearSVMClassifier().fit(data, using: &rng)
        #expect(model.converged)
        let reference = try set.fit("svm_exact")
        let refW = reference.coef?.first ?? [], refB = reference.intercept?.first ?? .nan
        let ours = (0..<refW.count).map { model.coefficients[$0, 0] }
        let ourObjective = hingeObjective(coefficients: ours, intercept: model.intercepts[0], data, alpha: 1e-4)
        let refObjective = hingeObjective(coefficients: refW, intercept: refB, data, alpha: 1e-4)
        #expect(ourObjective <= refObjective * (1 + 1e-6), "objective \(ourObjective) vs LinearSVC \(refObjective)")
        for j in 0..<refW.count { #expect(abs(ours[j] - refW[j]) <= 1e-3, "coefficient \(j): \(ours[j]) vs \(refW[j])") }
        #expect(abs(model.intercepts[0] - refB) <= 1e-3)
        let accuracyOurs = accuracy(try model.predict(try set.testFeatures), set.testClasses)
        #expect(abs(accuracyOurs - (reference.test_accuracy ?? 0)) < 1e-12)
    }

    @Test func newtonAgreesWithDualCoordinateDescent() throws {
        // Standardised features, where dual coordinate descent converges: both solvers minimise the
        // same objective, so they reach the same weights.
        let set = try LinearFixtures.load().titanic
        let data = try set.training(classification: true)
        guard case .classes(let indices, _) = data.target else { return }
        let n = data.features.rowCount, d = data.features.columnCount + 1
        let rows = rowMajorWithBias(data.features, bias: 1)
        let labels = indices.map { $0 == 1 ? 1.0 : -1.0 }
        for c in [0.01, 1.0, 1 / (1e-4 * Double(n))] {
            let bounds = [Double](repeating: c, count: n)
            var rng = RandomStream(seed: 1)
            let dual = hingeDualCoordinateDescent(rows: rows, rowCount: n, dimension: d, labels: labels, bounds: bounds,
                                                  maxEpochs: 200_000, tolerance: 1e-10, using: &rng)
            let newton = smoothedHingeNewton(rows: rows, rowCount: n, dimension: d, labels: labels, bounds: bounds,
                                             maxSteps: 1000, tolerance: 1e-10)
            #expect(dual.converged && newton.converged)
            for j in 0..<d {
                #expect(abs(dual.weights[j] - newton.weights[j]) <= 1e-5 * max(1, abs(dual.weights[j])),
                        "C \(c), weight \(j): \(newton.weights[j]) vs \(dual.weights[j])")
            }
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
