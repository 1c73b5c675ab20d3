import MLCore
import MLModels
import Testing
import TestSupport

/// scikit-learn 1.9.1 reference values from Fixtures/metrics/make_baseline_fixtures.py.
private struct BaselineFixtures: Decodable {
    struct ClassifierCase: Decodable {
        let name: String
        let classCount: Int
        let y: [Int32]
        let weights: [Double]?
        let classPrior: [Double]
        let priorProbabilities: [Double]
        let mostFrequent: Int32
    }
    struct RegressorCase: Decodable {
        let name: String
        let y: [Double]
        let weights: [Double]?
        let expected: [String: Double]
    }
    let classifier: [ClassifierCase]
    let regressor: [RegressorCase]

    static func load() throws -> BaselineFixtures { try loadFixture("MLModelsTests/Fixtures/metrics/baseline.json") }
}

@Suite("Dummy models against scikit-learn 1.9.1")
struct DummyModelsTests {
    func features(_ n: Int, columns: Int = 2) -> Matrix { Matrix(rowCount: n, columnCount: columns, repeating: 1) }

    @Test func classifierPriorMatchesScikitLearn() throws {
        for c in try BaselineFixtures.load().classifier {
            // One extra listed class with no rows: it must get a probability column with prior 0.
            let names = (0...c.classCount).map { "c\($0)" }
            let data = TrainingData(features: features(c.y.count), target: .classes(indices: c.y, names: names),
                                    sampleWeights: c.weights)
            var rng = RandomStream(seed: 1)
            let model = try DummyClassifier().fit(data, using: &rng)
            #expect(model.classCount == names.count, "\(c.name)")
            #expect(allClose(model.classPrior, c.classPrior + [0], rel: 1e-12), "\(c.name): \(model.classPrior)")
            let p = try model.predictProbabilities(features(3))
            for i in 0..<3 {
                #expect(allClose(p.row(i), c.priorProbabilities + [0], rel: 1e-12), "\(c.name) row \(i)")
            }
            #expect(try model.predict(features(4)) == .classes([Int32](repeating: c.mostFrequent, count: 4)), "\(c.name)")
            let mf = try DummyClassifier(strategy: .mostFrequent).fit(data, using: &rng)
            #expect(try mf.predict(features(2)) == .classes([c.mostFrequent, c.mostFrequent]), "\(c.name)")
            let oneHot = try mf.predictProbabilities(features(1)).row(0)
            #expect(oneHot == (0..<names.count).map { $0 == Int(c.mostFrequent) ? 1.0 : 0.0 }, "\(c.name)")
        }
    }

    @Test func regressorMatchesScikitLearn() throws {
        for c in try BaselineFixtures.load().regressor {
            let data = TrainingData(features: features(c.y.count, columns: 1), target: .values(c.y), sampleWeights: c.weights)
            var rng = RandomStream(seed: 1)
            var settings: [(String, DummyRegressor)] = [("mean", DummyRegressor()), ("median", DummyRegressor(strategy: .median))]
            for q in [0.0, 0.1, 0.3, 0.75, 1.0] {
                settings.append(("quantile_\(q)", DummyRegressor(strategy: .quantile, quantile: q)))
            }
            for (key, estimator) in settings {
                let want = try #require(c.expected[key], "missing \(key)")
                let model = try estimator.fit(data, using: &rng)
                #expect(isClose(model.constant, want, rel: 1e-12), "\(c.name) \(key): got \(model.constant), scikit-learn \(want)")
                #expect(try model.predict(features(3, columns: 1)) == .values([model.constant, model.constant, model.constant]))
            }
        }
    }

    @Test func constantStrategyAndItsConstraints() throws {
        let data = TrainingData(features: features(3), target: .values([1, 2, 3]))
        var rng = RandomStream(seed: 1)
        #expect(try DummyRegressor(strategy: .constant, constant: -4.5).fit(data, using: &rng).constant == -4.5)
        #expect(throws: MLError.invalidParameter(estimator: "Dummy Regressor", name: "quantile", value: "1.5",
                                                 expected: "a number in [0, 1]")) {
            try DummyRegressor(strategy: .quantile, quantile: 1.5).fit(data, using: &rng)
        }
        #expect(throws: MLError.self) { try DummyRegressor(strategy: .constant, constant: .nan).fit(data, using: &rng) }
    }

    @Test func stratifiedDrawsFollowThePriorAndAgreeWithProbabilities() throws {
        let y: [Int32] = Array(repeating: 0, count: 10) + Array(repeating: 1, count: 30) + Array(repeating: 2, count: 60)
        let data = TrainingData(features: features(y.count), target: .classes(indices: y, names: ["a", "b", "c", "unseen"]))
        var rng = RandomStream(seed: 42)
        let model = try DummyClassifier(strategy: .stratified).fit(data, using: &rng)
        let x = features(4000)
        guard case let .classes(predicted) = try model.predict(x) else { Issue.record("not classes"); return }
        let p = try model.predictProbabilities(x)
        #expect(model.argmaxClasses(p) == predicted)
        var counts = [0, 0, 0, 0]
        for c in predicted { counts[Int(c)] += 1 }
        #expect(counts[3] == 0)
        // Seeded, so this is deterministic; the bounds are ±5 standard deviations of a binomial.
        #expect(abs(counts[0] - 400) < 100 && abs(counts[1] - 1200) < 150 && abs(counts[2] - 2400) < 160, "\(counts)")
        // Same seed, same model; another seed, other draws.
        var same = RandomStream(seed: 42)
        #expect(try DummyClassifier(strategy: .stratified).fit(data, using: &same).predict(x) == .classes(predicted))
        var other = RandomStream(seed: 43)
        #expect(try DummyClassifier(strategy: .stratified).fit(data, using: &other).predict(x) != .classes(predicted))
    }

    @Test func uniformDrawsOnlySeenClasses() throws {
        let y: [Int32] = [0, 0, 0, 0, 0, 0, 0, 0, 2, 2]
        let data = TrainingData(features: features(y.count), target: .classes(indices: y, names: ["a", "b", "c"]))
        var rng = RandomStream(seed: 3)
        let model = try DummyClassifier(strategy: .uniform).fit(data, using: &rng)
        let p = try model.predictProbabilities(features(2))
        #expect(p.row(0) == [0.5, 0, 0.5])
        guard case let .classes(predicted) = try model.predict(features(400)) else { Issue.record("not classes"); return }
        let zeros = predicted.filter { $0 == 0 }.count, twos = predicted.filter { $0 == 2 }.count
        #expect(zeros + twos == 400 && zeros > 150 && twos > 150, "\(zeros) / \(twos)")
    }

    @Test func priorStrategyDoesNotDrawFromTheStream() throws {
        let data = TrainingData(features: features(4), target: .classes(indices: [0, 1, 1, 1], names: ["a", "b"]))
        var rng = RandomStream(seed: 9)
        let before = rng
        _ = try DummyClassifier().fit(data, using: &rng)
        #expect(rng == before)
    }

    @Test func registryListsBothDummies() {
        #expect(ModelRegistry.spec(id: "dummy", kind: .classification)?.displayName == "Dummy Classifier")
        #expect(ModelRegistry.spec(id: "dummy", kind: .regression)?.displayName == "Dummy Regressor")
    }
}
