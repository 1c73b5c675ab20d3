import MLCore
import MLModels
import Testing
import TestSupport

@Suite struct ClassicEdgeCaseTests {
    /// One row, one feature, constant data: every classic model fits or names the problem, and
    /// never returns NaN.
    @Test func tinyAndConstantData() throws {
        var rng = RandomStream(seed: 0)
        let constant = try Matrix(rows: [[1], [1], [1], [1]])
        let twoClasses = TrainingData(features: constant, target: .classes(indices: [0, 1, 0, 1], names: ["a", "b"]))
        for smoothing in [1e-9, 0] {
            let nb = try GaussianNaiveBayes(varSmoothing: smoothing).fit(twoClasses, using: &rng)
            let p = try nb.predictProbabilities(try Matrix(rows: [[1], [2]]))
            #expect(p.storage.allSatisfy { $0.isFinite })
        }
        let oneRow = TrainingData(features: try Matrix(rows: [[0.5]]), target: .classes(indices: [1], names: ["a", "b"]))
        #expect(try GaussianNaiveBayes().fit(oneRow, using: &rng).predict(try Matrix(rows: [[3]])) == .classes([1]))
        #expect(try KNeighborsClassifier(neighborCount: 1).fit(oneRow, using: &rng).predict(try Matrix(rows: [[3]])) == .classes([1]))
        #expect(try SVC().fit(oneRow, using: &rng).predict(try Matrix(rows: [[3]])) == .classes([1]))
        #expect(throws: MLError.self) { try LinearDiscriminantAnalysis().fit(oneRow, using: &rng) }
        #expect(try KNeighborsClassifier().fit(oneRow, using: &rng).predict(try Matrix(rows: [[3]])) == .classes([1]))
        let svc = try SVC().fit(twoClasses, using: &rng)
        #expect(try svc.predictProbabilities(constant).storage.allSatisfy { $0.isFinite })
    }
}
