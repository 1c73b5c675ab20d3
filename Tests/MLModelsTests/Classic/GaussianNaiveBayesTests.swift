import MLCore
import MLModels
import Testing
import TestSupport

@Suite struct GaussianNaiveBayesTests {
    struct Reference: Decodable {
        let theta: [[Double]]
        let `var`: [[Double]]
        let class_prior: [Double]
        let epsilon: Double
        let proba: [[Double]]
        let predict: [Int]
        let weighted_theta: [[Double]]
        let weighted_var: [[Double]]
        let weighted_class_prior: [Double]
    }

    @Test(arguments: ["titanic", "wine"])
    func matchesScikitLearn(_ name: String) throws {
        let data = try ClassicDataFixture.load(name)
        let ref = try loadClassic("nb.json", as: [String: Reference].self)[name]!
        var rng = RandomStream(seed: 0)
        let model = try GaussianNaiveBayes().fit(data.trainingData(classification: true), using: &rng)
        #expect(maxRelativeError(model.means.rowMajor, ref.theta.flatMap { $0 }) < 1e-10)
        #expect(maxRelativeError(model.variances.rowMajor, ref.var.flatMap { $0 }) < 1e-10)
        #expect(maxRelativeError(model.classPriors, ref.class_prior) < 1e-10)
        #expect(isClose(model.epsilon, ref.epsilon, rel: 1e-10))
        let proba = try model.predictProbabilities(data.testFeatures)
        #expect(maxAbsoluteError(proba.rowMajor, ref.proba.flatMap { $0 }) < 1e-9)
        #expect(try model.predict(data.testFeatures) == .classes(ref.predict.map { Int32($0) }))
    }

    @Test(arguments: ["titanic", "wine"])
    func weightedMatchesScikitLearn(_ name: String) throws {
        let data = try ClassicDataFixture.load(name)
        let ref = try loadClassic("nb.json", as: [String: Reference].self)[name]!
        var train = try data.trainingData(classification: true)
        let n = train.features.rowCount
        train.sampleWeights = (0..<n).map { 0.5 + 1.5 * Double($0) / Double(n - 1) }   // np.linspace(0.5, 2, n)
        var rng = RandomStream(seed: 0)
        let model = try GaussianNaiveBayes().fit(train, using: &rng)
        #expect(maxRelativeError(model.means.rowMajor, ref.weighted_theta.flatMap { $0 }) < 1e-9)
        #expect(maxRelativeError(model.variances.rowMajor, ref.weighted_var.flatMap { $0 }) < 1e-9)
        #expect(maxRelativeError(model.classPriors, ref.weighted_class_prior) < 1e-10)
    }

    @Test func absentClassGetsZeroProbability() throws {
        let x = try Matrix(rows: [[0], [1], [5], [6]])
        let data = TrainingData(features: x, target: .classes(indices: [0, 0, 2, 2], names: ["a", "b", "c"]))
        var rng = RandomStream(seed: 0)
        let model = try GaussianNaiveBayes().fit(data, using: &rng)
        let p = try model.predictProbabilities(try Matrix(rows: [[0.5], [5.5]]))
        #expect(p[0, 1] == 0 && p[1, 1] == 0)
        #expect(abs(p[0, 0] + p[0, 2] - 1) < 1e-12)
        #expect(try model.predict(try Matrix(rows: [[0.5], [5.5]])) == .classes([0, 2]))
    }

    @Test func rejectsBadParametersAndInput() throws {
        let data = TrainingData(features: try Matrix(rows: [[0], [1]]), target: .classes(indices: [0, 1], names: ["a", "b"]))
        var rng = RandomStream(seed: 0)
        #expect(throws: MLError.self) { try GaussianNaiveBayes(varSmoothing: -1).fit(data, using: &rng) }
        #expect(throws: MLError.self) { try GaussianNaiveBayes(priors: [0.2, 0.2]).fit(data, using: &rng) }
        #expect(throws: MLError.self) { try GaussianNaiveBayes(priors: [1]).fit(data, using: &rng) }
        let reg = TrainingData(features: try Matrix(rows: [[0], [1]]), target: .values([0, 1]))
        #expect(throws: MLError.self) { try GaussianNaiveBayes().fit(reg, using: &rng) }
        let model = try GaussianNaiveBayes().fit(data, using: &rng)
        #expect(throws: MLError.self) { try model.predict(try Matrix(rows: [[0, 1]])) }
    }
}
