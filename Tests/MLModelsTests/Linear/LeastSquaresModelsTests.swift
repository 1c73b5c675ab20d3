import MLCore
@testable import MLModels
import Testing
import TestSupport

@Suite("LinearRegression, Ridge and RidgeClassifier vs scikit-learn 1.9.1")
struct LeastSquaresModelsTests {
    func regression<E: Estimator>(_ estimator: E, _ reference: String, weighted: Bool = false)
        throws -> LinearRegressorModel where E.Model == LinearRegressorModel {
        let set = try LinearFixtures.load().diabetes
        var rng = RandomStream(seed: 0)
        let model = try estimator.fit(try set.training(classification: false, weighted: weighted), using: &rng)
        let ref = try set.fit(reference)
        #expect(maxRelativeError(model.coefficients, ref.coef?[0] ?? [], floor: 1e-2) < 1e-6, "\(reference) coefficients")
        #expect(maxRelativeError([model.intercept], ref.intercept ?? [], floor: 1e-2) < 1e-6, "\(reference) intercept")
        if let r2 = ref.test_r2 {
            #expect(abs(r2Score(try model.predict(try set.testFeatures), set.testValues) - r2) < 1e-6)
        }
        return model
    }

    @Test func ordinaryLeastSquaresMatches() throws {
        _ = try regression(LinearRegression(), "ols")
        _ = try regression(LinearRegression(), "ols_weighted", weighted: true)
    }

    @Test func ridgeMatches() throws {
        _ = try regression(Ridge(), "ridge")
        _ = try regression(Ridge(), "ridge_weighted", weighted: true)
    }

    @Test func ridgeClassifierMatches() throws {
        let f = try LinearFixtures.load()
        for set in [f.titanic, f.wine] {
            for (name, weighted) in [("ridge", false), ("ridge_weighted", true)] {
                var rng = RandomStream(seed: 0)
                let model = try RidgeClassifier().fit(try set.training(classification: true, weighted: weighted), using: &rng)
                let ref = try set.fit(name)
                #expect(maxRelativeError(sklearnLayout(model), (ref.coef ?? []).flatMap { $0 }, floor: 1e-2) < 1e-6)
                #expect(maxRelativeError(model.intercepts, ref.intercept ?? [], floor: 1e-2) < 1e-6)
                if let acc = ref.test_accuracy {
                    #expect(abs(accuracy(try model.predict(try set.testFeatures), set.testClasses) - acc) < 1e-9)
                }
                for row in try model.predictProbabilities(try set.testFeatures).rows { #expect(abs(row.reduce(0, +) - 1) < 1e-12) }
            }
        }
    }

    @Test func weightTwoEqualsDuplicatedRows() throws {
        let base = try LinearFixtures.load().diabetes.training(classification: false)
        let n = base.features.rowCount
        var weighted = base
        weighted.sampleWeights = (0..<n).map { $0 % 3 == 0 ? 2.0 : 1.0 }
        let duplicated = base.gatheringRows(Array(0..<n) + (0..<n).filter { $0 % 3 == 0 })
        var rng = RandomStream(seed: 0)
        for pair in [(try LinearRegression().fit(weighted, using: &rng), try LinearRegression().fit(duplicated, using: &rng)),
                     (try Ridge().fit(weighted, using: &rng), try Ridge().fit(duplicated, using: &rng))] {
            #expect(maxRelativeError(pair.0.coefficients, pair.1.coefficients, floor: 1e-2) < 1e-9)
            #expect(isClose(pair.0.intercept, pair.1.intercept, rel: 1e-9))
        }
    }

    @Test func rankDeficientDesignGivesMinimumNorm() throws {
        // Two identical columns: OLS splits the weight evenly, as lstsq does.
        let x = try Matrix(rows: [[1, 1], [2, 2], [3, 3], [4, 4]])
        var rng = RandomStream(seed: 0)
        let model = try LinearRegression().fit(TrainingData(features: x, target: .values([3, 5, 7, 9])), using: &rng)
        #expect(allClose(model.coefficients, [1, 1], rel: 1e-9, abs: 1e-9))
        #expect(isClose(model.intercept, 1, rel: 1e-9, abs: 1e-9))
    }

    @Test func badInputIsRejected() throws {
        var rng = RandomStream(seed: 0)
        var bad = Ridge(); bad.alpha = -1
        let data = TrainingData(features: try Matrix(rows: [[0], [1]]), target: .values([0, 1]))
        #expect(throws: MLError.self) { try bad.fit(data, using: &rng) }
        #expect(throws: MLError.self) { try Ridge().fit(TrainingData(features: try Matrix(rows: [[0], [.nan]]), target: .values([0, 1])), using: &rng) }
        let model = try Ridge().fit(data, using: &rng)
        #expect(throws: MLError.self) { try model.predict(try Matrix(rows: [[0, 1]])) }
    }
}
