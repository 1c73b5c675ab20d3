import MLCore
@testable import MLModels
import Testing
import TestSupport

@Suite("Lasso and ElasticNet vs scikit-learn 1.9.1")
struct ElasticNetTests {
    func check<E: Estimator>(_ estimator: E, _ reference: String, weighted: Bool = false, tolerance: Double = 1e-4)
        throws where E.Model == LinearRegressorModel {
        let set = try LinearFixtures.load().diabetes
        var rng = RandomStream(seed: 0)
        let model = try estimator.fit(try set.training(classification: false, weighted: weighted), using: &rng)
        let ref = try set.fit(reference)
        let error = maxRelativeError(model.coefficients, ref.coef?[0] ?? [], floor: 1e-2)
        #expect(error < tolerance, "\(reference) coefficients: max relative error \(error)")
        #expect(maxRelativeError([model.intercept], ref.intercept ?? [], floor: 1e-2) < tolerance, "\(reference) intercept")
        if let r2 = ref.test_r2 {
            let ours = r2Score(try model.predict(try set.testFeatures), set.testValues)
            #expect(abs(ours - r2) < 1e-3, "\(reference) held-out R² \(ours) vs \(r2)")
        }
    }

    @Test func lassoMatches() throws {
        try check(Lasso(alpha: 1, maxIterations: 100_000, tolerance: 1e-12), "lasso_tight")
        try check(Lasso(alpha: 0.1, maxIterations: 100_000, tolerance: 1e-12), "lasso_a01_tight")
        try check(Lasso(), "lasso", tolerance: 1e-2)
        try check(Lasso(alpha: 0.1), "lasso_a01", tolerance: 1e-2)
    }

    @Test func elasticNetMatches() throws {
        try check(ElasticNet(alpha: 1, maxIterations: 100_000, tolerance: 1e-12), "en_tight")
        try check(ElasticNet(alpha: 0.1, maxIterations: 100_000, tolerance: 1e-12), "en_tight_a01")
        try check(ElasticNet(alpha: 0.1, maxIterations: 100_000, tolerance: 1e-12), "en_tight_weighted", weighted: true)
        try check(ElasticNet(), "en", tolerance: 1e-2)
    }

    @Test func weightTwoEqualsDuplicatedRows() throws {
        let base = try LinearFixtures.load().diabetes.training(classification: false)
        let n = base.features.rowCount
        var weighted = base
        weighted.sampleWeights = (0..<n).map { $0 % 3 == 0 ? 2.0 : 1.0 }
        let duplicated = base.gatheringRows(Array(0..<n) + (0..<n).filter { $0 % 3 == 0 })
        let tight = ElasticNet(alpha: 0.1, maxIterations: 100_000, tolerance: 1e-12)
        var rng = RandomStream(seed: 0)
        let a = try tight.fit(weighted, using: &rng), b = try tight.fit(duplicated, using: &rng)
        #expect(maxRelativeError(a.coefficients, b.coefficients, floor: 1e-2) < 1e-7)
    }

    @Test func badHyperparametersAreRejected() throws {
        let data = TrainingData(features: try Matrix(rows: [[0], [1]]), target: .values([0, 1]))
        for bad in ElasticNet.constraints.flatMap({ $0.invalidVariants(ElasticNet()) }) {
            var rng = RandomStream(seed: 0)
            #expect(throws: MLError.self) { try bad.fit(data, using: &rng) }
        }
        for bad in Lasso.constraints.flatMap({ $0.invalidVariants(Lasso()) }) {
            var rng = RandomStream(seed: 0)
            #expect(throws: MLError.self) { try bad.fit(data, using: &rng) }
        }
    }
}
