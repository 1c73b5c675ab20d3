import MLCore
@testable import MLModels
import Testing
import TestSupport

@Suite("Lars vs scikit-learn 1.9.1")
struct LarsTests {
    @Test(arguments: [("lar", 500), ("lar_1", 1), ("lar_3", 3), ("lar_6", 6)])
    func pathPointsMatch(reference: String, nonzero: Int) throws {
        let set = try LinearFixtures.load().diabetes
        var rng = RandomStream(seed: 0)
        let model = try Lars(nonzeroCoefficients: nonzero).fit(try set.training(classification: false), using: &rng)
        let ref = try set.fit(reference)
        let error = maxRelativeError(model.coefficients, ref.coef?[0] ?? [], floor: 1e-2)
        #expect(error < 1e-6, "\(reference): max relative error \(error)")
        #expect(maxRelativeError([model.intercept], ref.intercept ?? [], floor: 1e-2) < 1e-6)
        #expect(model.coefficients.filter { $0 != 0 }.count <= nonzero)
    }

    @Test func weightTwoEqualsDuplicatedRows() throws {
        let base = try LinearFixtures.load().diabetes.training(classification: false)
        let n = base.features.rowCount
        var weighted = base
        weighted.sampleWeights = (0..<n).map { $0 % 3 == 0 ? 2.0 : 1.0 }
        let duplicated = base.gatheringRows(Array(0..<n) + (0..<n).filter { $0 % 3 == 0 })
        var rng = RandomStream(seed: 0)
        let a = try Lars(nonzeroCoefficients: 4).fit(weighted, using: &rng)
        let b = try Lars(nonzeroCoefficients: 4).fit(duplicated, using: &rng)
        #expect(maxRelativeError(a.coefficients, b.coefficients, floor: 1e-2) < 1e-8)
    }
}
