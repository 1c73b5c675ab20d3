import Foundation
import MLCore
@testable import MLModels
import Testing
import TestSupport

/// `lightgbm_l1.json`, produced by `Fixtures/lightgbm/make_lightgbm_l1.py` (LightGBM 4.7.0).
private struct L1Reference: Decodable {
    struct Case: Decodable {
        let n_estimators: Int
        let reg_alpha: Double
        let reg_lambda: Double
        let learning_rate: Double
        let num_leaves: Int
        let min_child_samples: Int
        let raw: [Double]
        let tree_leaves: [Int]
    }
    let X: [[Double]]
    let y: [Double]
    let cases: [Case]

    static func load() throws -> L1Reference { try loadFixture("MLModelsTests/Fixtures/lightgbm/lightgbm_l1.json") }
}

@Suite("LightGBM regularisation and bagging frequency")
struct LightGBMRegularisationTests {
    // MARK: reg_alpha

    /// Raw scores against LightGBM's on data whose bins and row counts are exactly LightGBM's.
    /// One iteration agrees to rounding (its float32 gradients are exact); later iterations carry
    /// LightGBM's float32 gradient rounding (about 2e-8 here), hence the looser bound there.
    /// With `reg_alpha` 40 the root's children cannot split on a feature that could not split the
    /// root, which LightGBM's `FindBestSplits` enforces and our grower follows (two leaves, not three).
    @Test func rawScoresMatchLightGBMWithL1() throws {
        let ref = try L1Reference.load()
        let x = try Matrix(rows: ref.X)
        let data = TrainingData(features: x, target: .values(ref.y))
        for c in ref.cases {
            var e = LightGBM()
            e.estimatorCount = c.n_estimators
            e.learningRate = c.learning_rate
            e.leafCount = c.num_leaves
            e.minChildSamples = c.min_child_samples
            e.regAlpha = c.reg_alpha
            e.regLambda = c.reg_lambda
            e.threads = 1
            var rng = RandomStream(seed: 0)
            let model = try e.fit(data, using: &rng)
            #expect(model.trees.map(\.leafCount) == c.tree_leaves, "leaves, alpha \(c.reg_alpha) lambda \(c.reg_lambda)")
            let raw = model.rawScores(x)
            let tolerance = c.n_estimators == 1 ? 1e-12 : 2e-7
            let worst = zip(raw, c.raw).map { abs($0 - $1) }.max() ?? .infinity
            #expect(worst < tolerance, "alpha \(c.reg_alpha) lambda \(c.reg_lambda) trees \(c.n_estimators): max |diff| \(worst)")
        }
    }

    @Test func l1ChangesTheModel() throws {
        let ref = try L1Reference.load()
        let data = TrainingData(features: try Matrix(rows: ref.X), target: .values(ref.y))
        var e = LightGBM()
        e.estimatorCount = 3
        e.minChildSamples = 3
        var withL1 = e
        withL1.regAlpha = 3
        var r1 = RandomStream(seed: 0), r2 = RandomStream(seed: 0)
        #expect(try canonicalJSON(e.fit(data, using: &r1)) != canonicalJSON(withL1.fit(data, using: &r2)))
    }

    @Test func thresholdL1AndLeafFormulas() {
        #expect(GradientSplitFinder.thresholdL1(5, 2) == 3)
        #expect(GradientSplitFinder.thresholdL1(-5, 2) == -3)
        #expect(GradientSplitFinder.thresholdL1(1.5, 2) == 0)
        #expect(GradientSplitFinder.thresholdL1(-1.5, 2) == 0)
        #expect(GradientSplitFinder.thresholdL1(0, 0) == 0)
        #expect(GradientSplitFinder.thresholdL1(-4, 0) == -4)
        let p = GradientSplitParameters(lambda: 1, alpha: 2, minCount: 1, minHessian: 0)
        // −T(G)/(H+λ) and T(G)²/(H+λ) with T(−7) = −5, H + λ = 4.
        #expect(GradientSplitFinder.leafOutput(-7, 3, p) == 1.25)
        #expect(GradientSplitFinder.score(-7, 3, p) == 6.25)
        #expect(GradientSplitFinder.leafOutput(1, 3, p) == 0)
        #expect(GradientSplitFinder.score(1, 3, p) == 0)
    }

    // MARK: bagging frequency

    private func breastCancer() throws -> TrainingData { try TreesReference.load().breast_cancer.training(classes: 2) }

    private func fit(_ e: LightGBM, _ data: TrainingData, seed: UInt64 = 4) throws -> Data {
        var rng = RandomStream(seed: seed)
        return try canonicalJSON(e.fit(data, using: &rng))
    }

    @Test func fractionWithoutFrequencyDoesNotBag() throws {
        let data = try breastCancer()
        var e = LightGBM()
        e.estimatorCount = 5
        var half = e
        half.baggingFraction = 0.5
        #expect(half.baggingFrequency == 0)
        #expect(try fit(half, data) == fit(e, data))
        half.baggingFrequency = 1
        #expect(try fit(half, data) != fit(e, data))
    }

    /// Frequency k draws bags at iterations 0, k, 2k, …: two frequencies give the same model over
    /// n iterations exactly when they draw at the same iterations below n.
    @Test func frequencyRedrawsEveryKIterations() throws {
        let data = try breastCancer()
        func model(frequency: Int, iterations: Int) throws -> Data {
            var e = LightGBM()
            e.estimatorCount = iterations
            e.baggingFraction = 0.6
            e.baggingFrequency = frequency
            return try fit(e, data)
        }
        // Draws at {0} for both: one bag for all three trees.
        #expect(try model(frequency: 3, iterations: 3) == model(frequency: 7, iterations: 3))
        // {0, 3} against {0}: the fourth tree sees a new bag.
        #expect(try model(frequency: 3, iterations: 4) != model(frequency: 7, iterations: 4))
        // {0, 2} against {0, 3}, and {0, 2, 4} against {0, 3} over five.
        #expect(try model(frequency: 2, iterations: 3) != model(frequency: 3, iterations: 3))
        #expect(try model(frequency: 2, iterations: 5) != model(frequency: 3, iterations: 5))
        // {0, 1} against {0}: frequency 1 redraws every iteration.
        #expect(try model(frequency: 1, iterations: 2) != model(frequency: 2, iterations: 2))
    }

    /// The bag of iteration t under frequency k is the one drawn at t − t mod k.
    @Test func bagsAreReusedBetweenDraws() {
        let rows = Array(0..<50)
        let stream = RandomStream(seed: 8).split(2)
        let b0 = LightGBM.drawBag(20, from: rows, iteration: 0, rng: stream)
        let b3 = LightGBM.drawBag(20, from: rows, iteration: 3, rng: stream)
        #expect(b0 != b3)
        #expect(b0.count == 20 && Set(b0).count == 20 && b0 == b0.sorted())
        #expect(LightGBM.drawBag(20, from: rows, iteration: 0, rng: stream) == b0)
    }

    // MARK: validation and decoding

    @Test func rejectsNegativeRegAlphaAndFrequency() throws {
        let data = TrainingData(features: try Matrix(rows: [[0], [1], [2]]), target: .values([0, 1, 2]))
        var alpha = LightGBM()
        alpha.regAlpha = -0.5
        var frequency = LightGBM()
        frequency.baggingFrequency = -1
        for (e, name) in [(alpha, "reg_alpha"), (frequency, "subsample_freq")] {
            var rng = RandomStream(seed: 1)
            do {
                _ = try e.fit(data, using: &rng)
                Issue.record("\(name) < 0 was accepted")
            } catch let MLError.invalidParameter(_, parameter, _, _) {
                #expect(parameter == name)
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test func decodesHyperparametersWrittenBeforeTheNewFields() throws {
        var e = LightGBM()
        e.regLambda = 0.25
        var object = try #require(JSONSerialization.jsonObject(with: canonicalJSON(e)) as? [String: Any])
        #expect(object["regAlpha"] != nil && object["baggingFrequency"] != nil)
        object["regAlpha"] = nil
        object["baggingFrequency"] = nil
        let old = try JSONSerialization.data(withJSONObject: object)
        let back = try JSONDecoder().decode(LightGBM.self, from: old)
        #expect(back == e)
        // Files that subsampled before bagged every iteration, and still do.
        object["baggingFraction"] = 0.8
        let bagged = try JSONDecoder().decode(LightGBM.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(bagged.baggingFrequency == 1 && bagged.baggingFraction == 0.8)
        // A round trip keeps both new fields.
        var f = LightGBM()
        f.regAlpha = 0.5
        f.baggingFrequency = 3
        #expect(try JSONDecoder().decode(LightGBM.self, from: canonicalJSON(f)) == f)
        // Older fields stay required.
        object["leafCount"] = nil
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(LightGBM.self, from: JSONSerialization.data(withJSONObject: object))
        }
    }
}
