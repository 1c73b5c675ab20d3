import MLCore
@testable import MLModels
import Testing
import TestSupport

@Suite("LassoLars vs scikit-learn 1.9.1")
struct LassoLarsTests {
    @Test(arguments: [("llar", 1.0), ("llar_0.1", 0.1), ("llar_0.01", 0.01)])
    func coefficientsMatch(reference: String, alpha: Double) throws {
        let set = try LinearFixtures.load().diabetes
        var rng = RandomStream(seed: 0)
        let model = try LassoLars(alpha: alpha).fit(try set.training(classification: false), using: &rng)
        let ref = try set.fit(reference)
        let error = maxRelativeError(model.coefficients, ref.coef?[0] ?? [])
        #expect(error < 1e-6, "\(reference): max relative error \(error)")
        #expect(maxRelativeError([model.intercept], ref.intercept ?? []) < 1e-6)
    }

    @Test func equalsCoordinateDescentLasso() throws {
        let data = try LinearFixtures.load().diabetes.training(classification: false)
        var rng = RandomStream(seed: 0)
        let lars = try LassoLars(alpha: 0.1).fit(data, using: &rng)
        let cd = try Lasso(alpha: 0.1, maxIterations: 100_000, tolerance: 1e-12).fit(data, using: &rng)
        #expect(maxRelativeError(lars.coefficients, cd.coefficients) < 1e-6)
    }
}
