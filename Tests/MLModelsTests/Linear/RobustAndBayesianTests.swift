import MLCore
@testable import MLModels
import Testing
import TestSupport

@Suite("BayesianRidge, ARDRegression and HuberRegressor vs scikit-learn 1.9.1")
struct RobustAndBayesianTests {
    @Test func bayesianRidgeMatches() throws {
        let set = try LinearFixtures.load().diabetes
        var rng = RandomStream(seed: 0)
        let model = try BayesianRidge().fit(try set.training(classification: false), using: &rng)
        let ref = try set.fit("br")
        let error = maxRelativeError(model.coefficients, ref.coef?[0] ?? [], floor: 1e-2)
        #expect(error < 1e-4, "coefficients: max relative error \(error)")
        #expect(maxRelativeError([model.intercept], ref.intercept ?? [], floor: 1e-2) < 1e-4)
        #expect(abs(r2Score(try model.predict(try set.testFeatures), set.testValues) - (ref.test_r2 ?? 0)) < 1e-4)
    }

    @Test func ardRegressionMatches() throws {
        let set = try LinearFixtures.load().diabetes
        var rng = RandomStream(seed: 0)
        let model = try ARDRegression().fit(try set.training(classification: false), using: &rng)
        let ref = try set.fit("ard")
        let error = maxRelativeError(model.coefficients, ref.coef?[0] ?? [])
        #expect(error < 1e-4, "coefficients: max relative error \(error)")
        #expect(maxRelativeError([model.intercept], ref.intercept ?? []) < 1e-4)
    }

    @Test func huberHeldOutR2WithinTwoPoints() throws {
        let set = try LinearFixtures.load().diabetes
        var rng = RandomStream(seed: 0)
        let model = try HuberRegressor().fit(try set.training(classification: false), using: &rng)
        let ref = try set.fit("huber")
        let ours = r2Score(try model.predict(try set.testFeatures), set.testValues)
        #expect(abs(ours - (ref.test_r2 ?? 0)) < 0.02, "held-out R² \(ours) vs \(ref.test_r2 ?? 0)")
        // Converged fits of the same objective agree closely in the coefficients too.
        #expect(maxRelativeError(model.coefficients, ref.coef?[0] ?? [], floor: 1) < 0.05)
    }

    @Test func huberResistsAnOutlier() throws {
        var rows: [[Double]] = []
        var y: [Double] = []
        for i in 0..<30 { rows.append([Double(i)]); y.append(2 * Double(i) + 1) }
        y[29] = 1000
        var rng = RandomStream(seed: 0)
        var huber = HuberRegressor()
        huber.maxIterations = 1000
        let model = try huber.fit(TrainingData(features: try Matrix(rows: rows), target: .values(y)), using: &rng)
        #expect(abs(model.coefficients[0] - 2) < 0.05)
    }

    @Test func badHyperparametersAreRejected() throws {
        let data = TrainingData(features: try Matrix(rows: [[0], [1]]), target: .values([0, 1]))
        for bad in HuberRegressor.constraints.flatMap({ $0.invalidVariants(HuberRegressor()) }) {
            var rng = RandomStream(seed: 0)
            #expect(throws: MLError.self) { try bad.fit(data, using: &rng) }
        }
        for bad in BayesianRidge.constraints.flatMap({ $0.invalidVariants(BayesianRidge()) }) {
            var rng = RandomStream(seed: 0)
            #expect(throws: MLError.self) { try bad.fit(data, using: &rng) }
        }
    }
}
