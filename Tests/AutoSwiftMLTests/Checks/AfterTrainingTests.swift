@testable import AutoSwiftML
import Testing

@Suite("Data checks after training: one dominant feature with a near-perfect score")
struct AfterTrainingTests {
    @Test func dominantFeatureWithPerfectScoreFires() {
        let found = DataChecks.afterTraining(featureImportances: [("Age", 0.02), ("Sex", -0.95), ("Fare", 0.03)],
                                             bestScore: 1.0, metric: .auc)
        #expect(found.count == 1)
        #expect(found.first?.kind == .dominantFeature && found.first?.column == "Sex")
        #expect(found.first?.severity == .warning && found.first?.hint == "--drop Sex")
        #expect(found.first?.message.hasPrefix("Feature 'Sex' holds 95.0% of the model's importance") == true)
        #expect(found.first?.message.contains("AUC 1.000") == true)
        var strict = DataCheckOptions()
        strict.isStrict = true
        #expect(DataChecks.afterTraining(featureImportances: [("y2", 5)], bestScore: 0.995, metric: .r2,
                                         options: strict).first?.severity == .error)
    }

    @Test func staysSilentOtherwise() {
        let dominant: [(name: String, value: Double)] = [("a", 0.95), ("b", 0.05)]
        #expect(DataChecks.afterTraining(featureImportances: dominant, bestScore: 0.9, metric: .accuracy).isEmpty)
        #expect(DataChecks.afterTraining(featureImportances: [("a", 0.6), ("b", 0.4)], bestScore: 1, metric: .auc).isEmpty)
        #expect(DataChecks.afterTraining(featureImportances: dominant, bestScore: 0.001, metric: .mae).isEmpty)
        #expect(DataChecks.afterTraining(featureImportances: [("a", 0), ("b", .nan)], bestScore: 1, metric: .auc).isEmpty)
        #expect(DataChecks.afterTraining(featureImportances: [], bestScore: 1, metric: .auc).isEmpty)
    }
}
