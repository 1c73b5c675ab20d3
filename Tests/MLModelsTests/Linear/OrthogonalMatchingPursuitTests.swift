import MLCore
@testable import MLModels
import Testing
import TestSupport

@Suite("OrthogonalMatchingPursuit vs scikit-learn 1.9.1")
struct OrthogonalMatchingPursuitTests {
    @Test(arguments: [("omp", nil), ("omp_3", 3), ("omp_7", 7)] as [(String, Int?)])
    func coefficientsMatch(reference: String, nonzero: Int?) throws {
        let set = try LinearFixtures.load().diabetes
        var rng = RandomStream(seed: 0)
        let model = try OrthogonalMatchingPursuit(nonzeroCoefficients: nonzero).fit(try set.training(classification: false), using: &rng)
        let ref = try set.fit(reference)
        let error = maxRelativeError(model.coefficients, ref.coef?[0] ?? [])
        #expect(error < 1e-8, "\(reference): max relative error \(error)")
        #expect(maxRelativeError([model.intercept], ref.intercept ?? []) < 1e-8)
        if let r2 = ref.test_r2 { #expect(abs(r2Score(try model.predict(try set.testFeatures), set.testValues) - r2) < 1e-8) }
    }
}
