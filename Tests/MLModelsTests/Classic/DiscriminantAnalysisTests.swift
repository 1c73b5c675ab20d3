import MLCore
import MLModels
import Testing
import TestSupport

@Suite struct DiscriminantAnalysisTests {
    struct LDARef: Decodable {
        let coef: [[Double]]
        let intercept: [Double]
        let decision: DecisionValues
        let proba: [[Double]]
    }

    /// scikit-learn's decision function: a vector for two classes, rows otherwise.
    enum DecisionValues: Decodable {
        case binary([Double]), multi([[Double]])
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let v = try? c.decode([Double].self) { self = .binary(v) } else { self = .multi(try c.decode([[Double]].self)) }
        }
    }

    /// Element-wise relative error, with entries far below the largest one judged against it.
    static func scaledError(_ a: [Double], _ b: [Double]) -> Double {
        let scale = b.map(abs).max() ?? 1
        return maxRelativeError(a, b, floor: 1e-3 * scale)
    }

    static func check(_ model: LinearDiscriminantAnalysis.Model, _ ref: LDARef, _ data: ClassicDataFixture) throws {
        let scores = try model.decisionScores(data.testFeatures)
        let c = model.coefficients
        switch ref.decision {
        case let .binary(d):
            let ours = (0..<scores.rowCount).map { scores[$0, 1] - scores[$0, 0] }
            #expect(scaledError(ours, d) < 1e-4)
            let coef = (0..<c.columnCount).map { c[1, $0] - c[0, $0] }
            #expect(scaledError(coef, ref.coef[0]) < 1e-4)
            #expect(isClose(model.intercepts[1] - model.intercepts[0], ref.intercept[0], rel: 1e-4))
        case let .multi(d):
            #expect(scaledError(scores.rowMajor, d.flatMap { $0 }) < 1e-4)
            #expect(scaledError(c.rowMajor, ref.coef.flatMap { $0 }) < 1e-4)
            #expect(scaledError(model.intercepts, ref.intercept) < 1e-4)
        }
        let proba = try model.predictProbabilities(data.testFeatures)
        #expect(maxAbsoluteError(proba.rowMajor, ref.proba.flatMap { $0 }) < 1e-6)
    }

    @Test(arguments: ["titanic", "wine"])
    func ldaMatchesScikitLearn(_ name: String) throws {
        let data = try ClassicDataFixture.load(name)
        let refs = try loadClassic("lda.json", as: [String: [String: LDARef]].self)[name]!
        let train = try data.trainingData(classification: true)
        var rng = RandomStream(seed: 0)
        try Self.check(try LinearDiscriminantAnalysis().fit(train, using: &rng), refs["svd"]!, data)
        // Titanic's training rows all have an Embarked value, so the three one-hot columns sum to a
        // constant and the unshrunk within-class covariance is exactly singular: any solver returns
        // arbitrary coefficients along that direction, so only wine is compared without shrinkage.
        if name == "wine" {
            try Self.check(try LinearDiscriminantAnalysis(solver: .eigen).fit(train, using: &rng), refs["eigen"]!, data)
        }
        try Self.check(try LinearDiscriminantAnalysis(solver: .eigen, shrinkage: .fixed(0.3)).fit(train, using: &rng),
                       refs["eigen_shrinkage_0.3"]!, data)
        try Self.check(try LinearDiscriminantAnalysis(solver: .eigen, shrinkage: .auto).fit(train, using: &rng),
                       refs["eigen_shrinkage_auto"]!, data)
        try Self.check(try LinearDiscriminantAnalysis(solver: .lsqr, shrinkage: .auto).fit(train, using: &rng),
                       refs["lsqr_shrinkage_auto"]!, data)
        if name == "wine" {
            try Self.check(try LinearDiscriminantAnalysis(solver: .lsqr).fit(train, using: &rng), refs["lsqr_shrinkage_None"]!, data)
        }
    }

    struct QDARef: Decodable {
        let rank_deficient: Bool
        let proba: [[Double]]?
        let accuracy: Double?
        let reg_0_1_proba: [[Double]]
        let reg_0_1_accuracy: Double
        /// Rank-deficient data only: sklearn's QDA with the redundant last one-hot column dropped,
        /// which ours must equal on the test rows that lie in the shared subspace.
        let drop_last_proba: [[Double]]?
        let drop_last_accuracy: Double?
        let on_subspace: [Bool]?
        let majority_rate: Double?
        enum CodingKeys: String, CodingKey {
            case rank_deficient, proba, accuracy, drop_last_proba, drop_last_accuracy, on_subspace, majority_rate
            case reg_0_1_proba = "reg_0.1_proba", reg_0_1_accuracy = "reg_0.1_accuracy"
        }
    }

    @Test(arguments: ["titanic", "wine"])
    func qdaMatchesScikitLearn(_ name: String) throws {
        let data = try ClassicDataFixture.load(name)
        let ref = try loadClassic("qda.json", as: [String: QDARef].self)[name]!
        let train = try data.trainingData(classification: true)
        var rng = RandomStream(seed: 0)
        if ref.rank_deficient {
            // sklearn raises LinAlgError here; ours fits with the pseudo-inverse (see rank-deficient test).
            let model = try QuadraticDiscriminantAnalysis().fit(train, using: &rng)
            #expect(!model.rankDeficientClasses.isEmpty)
        } else {
            let model = try QuadraticDiscriminantAnalysis().fit(train, using: &rng)
            #expect(model.rankDeficientClasses.isEmpty && model.warnings.isEmpty)
            #expect(abs(accuracy(try model.predict(data.testFeatures), data.testClasses) - ref.accuracy!) <= 0.02)
            let p = try model.predictProbabilities(data.testFeatures)
            #expect(maxAbsoluteError(p.rowMajor, ref.proba!.flatMap { $0 }) < 1e-6)
        }
        let reg = try QuadraticDiscriminantAnalysis(regParam: 0.1).fit(train, using: &rng)
        #expect(abs(accuracy(try reg.predict(data.testFeatures), data.testClasses) - ref.reg_0_1_accuracy) <= 0.02)
        let p = try reg.predictProbabilities(data.testFeatures)
        #expect(maxAbsoluteError(p.rowMajor, ref.reg_0_1_proba.flatMap { $0 }) < 1e-6)
    }

    /// Titanic's one-hot Embarked columns sum to 1, so with `regParam = 0` both class covariances
    /// are singular (sklearn raises). Ours fits, records the classes, scores finite probabilities
    /// that equal sklearn's QDA without the redundant column on every test row in that subspace,
    /// and beats the majority rate by a wide margin.
    @Test func qdaFitsRankDeficientTitanic() throws {
        let data = try ClassicDataFixture.load("titanic")
        let ref = try #require(try loadClassic("qda.json", as: [String: QDARef].self)["titanic"])
        #expect(ref.rank_deficient)
        let onSubspace = try #require(ref.on_subspace), sklearn = try #require(ref.drop_last_proba)
        var rng = RandomStream(seed: 0)
        let model = try QuadraticDiscriminantAnalysis(regParam: 0).fit(try data.trainingData(classification: true), using: &rng)
        #expect(model.rankDeficientClasses == [0, 1])
        #expect(model.scalings.map(\.count) == [8, 8])
        #expect(model.warnings.count == 2 && model.warnings[0].contains("rank 8 < 9"))
        let p = try model.predictProbabilities(data.testFeatures)
        #expect(p.storage.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 })
        var checked = 0
        for i in 0..<p.rowCount where onSubspace[i] {
            #expect(abs(p[i, 0] - sklearn[i][0]) < 1e-6 && abs(p[i, 1] - sklearn[i][1]) < 1e-6, "test row \(i)")
            checked += 1
        }
        #expect(checked >= 260)
        let acc = accuracy(try model.predict(data.testFeatures), data.testClasses)
        #expect(abs(acc - (ref.drop_last_accuracy ?? 0)) <= 0.01)
        #expect(acc > (ref.majority_rate ?? 1) + 0.15)
    }

    /// The conformance suite's degenerate shapes: a constant feature, fewer rows than features.
    @Test func qdaHandlesConstantFeatureAndTinyClasses() throws {
        var rng = RandomStream(seed: 0)
        let x = try Matrix(rows: [[0, 3], [1, 3], [0.5, 3], [4, 3], [5, 3], [6, 3]])
        let data = TrainingData(features: x, target: .classes(indices: [0, 0, 0, 1, 1, 1], names: ["a", "b"]))
        let model = try QuadraticDiscriminantAnalysis().fit(data, using: &rng)
        #expect(model.rankDeficientClasses == [0, 1] && model.scalings.map(\.count) == [1, 1])
        // Only the first feature counts: identical to a fit on it alone (up to the shared constant).
        let alone = try QuadraticDiscriminantAnalysis().fit(TrainingData(features: x.gatheringColumns([0]), target: data.target), using: &rng)
        #expect(alone.rankDeficientClasses.isEmpty)
        let p = try model.predictProbabilities(x), q = try alone.predictProbabilities(x.gatheringColumns([0]))
        #expect(maxAbsoluteError(p.storage, q.storage) < 1e-12)
        #expect(try model.predict(x) == .classes([0, 0, 0, 1, 1, 1]))
        // Two rows per class in two dimensions: rank 1 each; regParam fills the missing direction.
        let tiny = TrainingData(features: try Matrix(rows: [[0, 1], [0.2, 0.8], [2, -1], [2.3, -0.7]]),
                                target: .classes(indices: [0, 0, 1, 1], names: ["a", "b"]))
        let rank1 = try QuadraticDiscriminantAnalysis().fit(tiny, using: &rng)
        #expect(rank1.scalings.map(\.count) == [1, 1])
        #expect(try rank1.predict(tiny.features) == .classes([0, 0, 1, 1]))
        let regularised = try QuadraticDiscriminantAnalysis(regParam: 0.1).fit(tiny, using: &rng)
        #expect(regularised.rankDeficientClasses.isEmpty && regularised.scalings.map(\.count) == [2, 2])
        #expect(abs(regularised.scalings[0][1] - 0.1) < 1e-12)
        // A class of identical rows keeps no direction and scores its prior alone.
        let flat = TrainingData(features: try Matrix(rows: [[1, 1], [1, 1], [0, 0], [0.5, 1], [2, 0]]),
                                target: .classes(indices: [0, 0, 1, 1, 1], names: ["a", "b"]))
        let flatModel = try QuadraticDiscriminantAnalysis().fit(flat, using: &rng)
        #expect(flatModel.scalings[0].isEmpty && flatModel.rankDeficientClasses == [0])
        #expect(try flatModel.predictProbabilities(flat.features).storage.allSatisfy { $0.isFinite })
    }

    @Test func absentClassAndBadSettings() throws {
        let x = try Matrix(rows: [[0, 1], [1, 0.5], [0.2, 0.1], [5, 6], [6, 5.5], [5.5, 7]])
        let data = TrainingData(features: x, target: .classes(indices: [0, 0, 0, 2, 2, 2], names: ["a", "b", "c"]))
        var rng = RandomStream(seed: 0)
        for model in [try LinearDiscriminantAnalysis().fit(data, using: &rng) as any ProbabilisticModel,
                      try QuadraticDiscriminantAnalysis(regParam: 0.01).fit(data, using: &rng)] {
            let p = try model.predictProbabilities(x)
            for i in 0..<6 {
                #expect(p[i, 1] == 0)
                #expect(abs(p[i, 0] + p[i, 2] - 1) < 1e-12)
            }
            #expect(try model.predict(x) == .classes([0, 0, 0, 2, 2, 2]))
        }
        #expect(throws: MLError.self) { try LinearDiscriminantAnalysis(solver: .svd, shrinkage: .fixed(0.5)).fit(data, using: &rng) }
        #expect(throws: MLError.self) { try LinearDiscriminantAnalysis(solver: .eigen, shrinkage: .fixed(2)).fit(data, using: &rng) }
        #expect(throws: MLError.self) { try QuadraticDiscriminantAnalysis(regParam: -0.1).fit(data, using: &rng) }
        let one = TrainingData(features: x, target: .classes(indices: [0, 0, 0, 0, 0, 1], names: ["a", "b"]))
        #expect(throws: MLError.self) { try QuadraticDiscriminantAnalysis().fit(one, using: &rng) }
    }
}
