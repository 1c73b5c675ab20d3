import Testing
import TestSupport
import AutoSwiftML

@Suite("ROC and precision-recall curves")
struct ClassificationCurveTests {
    // scores 0.9 (pos), 0.8 (neg), 0.8 (pos, tied), 0.3 (neg): P = 2, N = 2.
    // Thresholds 0.9 → tp 1 fp 0; 0.8 → tp 2 fp 1 (the tie moves together); 0.3 → tp 2 fp 2.
    let scores = [0.9, 0.8, 0.8, 0.3]
    let positives = [true, false, true, false]

    @Test func rocPointsWithTies() throws {
        let roc = try #require(ClassificationCurve.roc(scores: scores, positives: positives))
        #expect(roc.points.map(\.x) == [0, 0, 0.5, 1])
        #expect(roc.points.map(\.y) == [0, 0.5, 1, 1])
        // Trapezoids: 0 + 0.5 × (0.5 + 1)/2 + 0.5 × 1 = 0.875; Mann–Whitney: (1 + 1 + 0.5 + 1) / 4.
        #expect(isClose(roc.area, 0.875))
    }

    @Test func precisionRecallPointsWithTies() throws {
        let pr = try #require(ClassificationCurve.precisionRecall(scores: scores, positives: positives))
        #expect(pr.points.map(\.x) == [0, 0.5, 1, 1])
        #expect(isClose(pr.points[2].y, 2.0 / 3.0))
        #expect(pr.points.map(\.y)[0] == 1 && pr.points[1].y == 1 && pr.points[3].y == 0.5)
        // Average precision (scikit-learn): 0.5 × 1 + 0.5 × 2/3 + 0 × 0.5 = 0.8333…
        #expect(isClose(pr.area, 0.5 + 1.0 / 3.0))
    }

    @Test func undefinedCurvesAreNil() {
        #expect(ClassificationCurve.roc(scores: [0.1, 0.2], positives: [true, true]) == nil)
        #expect(ClassificationCurve.roc(scores: [0.1, .nan], positives: [true, false]) == nil)
        #expect(ClassificationCurve.precisionRecall(scores: [0.1], positives: [false]) == nil)
        #expect(ClassificationCurve.roc(scores: [0.1], positives: [true, false]) == nil)
    }

    @Test func perfectAndReversedScores() throws {
        let perfect = try #require(ClassificationCurve.roc(scores: [0.9, 0.8, 0.2, 0.1], positives: [true, true, false, false]))
        #expect(perfect.area == 1)
        let reversed = try #require(ClassificationCurve.roc(scores: [0.1, 0.2, 0.8, 0.9], positives: [true, true, false, false]))
        #expect(reversed.area == 0)
    }
}
