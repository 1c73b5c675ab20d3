import MLCore
@testable import MLModels
import Testing
import TestSupport

@Suite("LogisticRegression vs scikit-learn 1.9.1")
struct LogisticRegressionTests {
    func check(_ set: LinearFixtures.DataSet, _ estimator: LogisticRegression, _ reference: String,
               weighted: Bool = false, tolerance: Double = 1e-4) throws {
        var rng = RandomStream(seed: 0)
        let model = try estimator.fit(try set.training(classification: true, weighted: weighted), using: &rng)
        let ref = try set.fit(reference)
        let error = maxRelativeError(sklearnLayout(model), (ref.coef ?? []).flatMap { $0 }, floor: 1e-2)
        #expect(error < tolerance, "\(reference) coefficients: max relative error \(error)")
        let interceptError = maxRelativeError(model.intercepts, ref.intercept ?? [], floor: 1e-2)
        #expect(interceptError < tolerance, "\(reference) intercepts: max relative error \(interceptError)")
    }

    static let tight = LogisticRegression(c: 1, maxIterations: 10_000, tolerance: 1e-10)

    @Test func binaryCoefficientsMatch() throws {
        let f = try LinearFixtures.load()
        try check(f.titanic, Self.tight, "lr_tight")
        var c01 = Self.tight; c01.c = 0.1
        try check(f.titanic, c01, "lr_tight_c01")
        try check(f.titanic, Self.tight, "lr_tight_weighted", weighted: true)
        var balanced = Self.tight; balanced.classWeight = .balanced
        try check(f.titanic, balanced, "lr_tight_balanced")
        var none = Self.tight; none.penalty = .none
        try check(f.titanic, none, "lr_tight_none")
    }

    @Test func multinomialCoefficientsMatch() throws {
        let f = try LinearFixtures.load()
        try check(f.wine, Self.tight, "lr_tight")
        var c01 = Self.tight; c01.c = 0.1
        try check(f.wine, c01, "lr_tight_c01")
        try check(f.wine, Self.tight, "lr_tight_weighted", weighted: true)
        var balanced = Self.tight; balanced.classWeight = .balanced
        try check(f.wine, balanced, "lr_tight_balanced")
    }

    @Test func l1CoefficientsMatch() throws {
        let f = try LinearFixtures.load()
        var l1 = Self.tight; l1.penalty = .l1
        try check(f.titanic, l1, "lr_tight_l1", tolerance: 1e-3)
        try check(f.wine, l1, "lr_tight_l1", tolerance: 1e-3)
    }

    @Test func defaultsGiveScikitLearnsHeldOutScores() throws {
        let f = try LinearFixtures.load()
        for set in [f.titanic, f.wine] {
            var rng = RandomStream(seed: 0)
            let model = try LogisticRegression().fit(try set.training(classification: true), using: &rng)
            let ref = try set.fit("lr_default")
            #expect(abs(accuracy(try model.predict(try set.testFeatures), set.testClasses) - (ref.test_accuracy ?? 0)) < 1e-9)
            let proba = try model.predictProbabilities(try set.rows(Array(set.test.prefix(5))))
            #expect(allClose(proba.rows.flatMap { $0 }, (ref.test_proba_head ?? []).flatMap { $0 }, rel: 1e-3, abs: 1e-4))
            for row in proba.rows { #expect(abs(row.reduce(0, +) - 1) < 1e-12) }
        }
    }

    @Test func weightTwoEqualsDuplicatedRows() throws {
        let f = try LinearFixtures.load()
        for set in [f.titanic, f.wine] {
            let base = try set.training(classification: true)
            let n = base.features.rowCount
            let weights = (0..<n).map { $0 % 4 == 0 ? 2.0 : 1.0 }
            let duplicated = base.gatheringRows(Array(0..<n) + (0..<n).filter { $0 % 4 == 0 })
            var weighted = base
            weighted.sampleWeights = weights
            var rng = RandomStream(seed: 0)
            let a = try Self.tight.fit(weighted, using: &rng)
            let b = try Self.tight.fit(duplicated, using: &rng)
            #expect(maxRelativeError(sklearnLayout(a), sklearnLayout(b), floor: 1e-2) < 1e-6)
        }
    }

    @Test func absentAndSingleClassesAreHandled() throws {
        let x = try Matrix(rows: [[0], [1], [2], [3]])
        var rng = RandomStream(seed: 0)
        let data = TrainingData(features: x, target: .classes(indices: [0, 0, 2, 2], names: ["a", "b", "c"]))
        let model = try LogisticRegression().fit(data, using: &rng)
        let p = try model.predictProbabilities(x)
        #expect(p.columnCount == 3)
        for i in 0..<4 { #expect(p[i, 1] == 0); #expect(abs(p[i, 0] + p[i, 2] - 1) < 1e-12) }
        let single = TrainingData(features: x, target: .classes(indices: [1, 1, 1, 1], names: ["a", "b"]))
        let constant = try LogisticRegression().fit(single, using: &rng)
        #expect(try constant.predict(x) == .classes([1, 1, 1, 1]))
    }

    @Test func newtonAgreesWithLBFGSOnUnscaledFeatures() throws {
        // Binary L2 fits go through Newton–Cholesky; L-BFGS on the same objective must agree.
        let data = try LinearFixtures.load().titanic_unscaled.training(classification: true)
        guard case .classes(let indices, _) = data.target else { return }
        let n = data.features.rowCount, p = data.features.columnCount
        let weights = [Double](repeating: 1 / Double(n), count: n)
        let labels = indices.map { Int($0) }
        let loss = LogisticLoss(features: data.features, labels: labels, normalisedWeights: weights,
                                l2Strength: 1 / Double(n), outputCount: 1)
        let newton = try #require(logisticNewton(loss, fitsIntercept: true, maxIterations: 100, tolerance: 1e-10))
        #expect(newton.converged && newton.iterations < 20)
        let lbfgs = LBFGS(maxIterations: 100_000, gradientTolerance: 1e-10).minimize(from: [Double](repeating: 0, count: p + 1)) {
            loss.evaluate($0, gradient: &$1)
        }
        // L-BFGS stops on its relative-decrease rule first here; Newton reaches a lower objective
        // with a gradient below 1e-10, and both give the same model to three digits.
        var g = [Double](repeating: 0, count: p + 1)
        let fNewton = loss.evaluate(newton.theta, gradient: &g)
        #expect(g.allSatisfy { abs($0) <= 1e-10 })
        #expect(fNewton <= lbfgs.value + 1e-15, "Newton \(fNewton) vs L-BFGS \(lbfgs.value)")
        #expect(maxRelativeError(newton.theta, lbfgs.x, floor: 1e-2) < 1e-2)
    }

    @Test func separableDataWithoutPenaltyFallsBackWithoutCrashing() throws {
        // No penalty on separable data: the Hessian degenerates, Newton gives up and L-BFGS runs.
        let x = try Matrix(rows: [[0, 0], [0, 0], [1, 1], [1, 1]])
        let data = TrainingData(features: x, target: .classes(indices: [0, 0, 1, 1], names: ["a", "b"]))
        var rng = RandomStream(seed: 0)
        let model = try LogisticRegression(penalty: .none, maxIterations: 50).fit(data, using: &rng)
        #expect(try model.predict(x) == .classes([0, 0, 1, 1]))
        for row in try model.predictProbabilities(x).rows { #expect(abs(row.reduce(0, +) - 1) < 1e-12) }
    }

    @Test func badHyperparametersAreRejected() throws {
        let data = TrainingData(features: try Matrix(rows: [[0], [1]]), target: .classes(indices: [0, 1], names: ["a", "b"]))
        for constraint in LogisticRegression.constraints {
            for bad in constraint.invalidVariants(LogisticRegression()) {
                var rng = RandomStream(seed: 0)
                #expect(throws: MLError.self) { try bad.fit(data, using: &rng) }
            }
        }
        var rng = RandomStream(seed: 0)
        #expect(throws: MLError.self) {
            try LogisticRegression().fit(TrainingData(features: try Matrix(rows: [[0]]), target: .values([1])), using: &rng)
        }
    }
}
