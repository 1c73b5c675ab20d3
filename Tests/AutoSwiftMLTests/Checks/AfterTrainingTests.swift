@testable import AutoSwiftML
import Testing
import TestSupport

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

    @Test func oneHotDummiesAreSummedBackOntoTheirColumn() throws {
        let names = ["Sex_female", "Sex_male", "Age"], importances = [0.6, 0.38, 0.02]
        #expect(try DataChecks.afterTraining(featureNames: names, importances: importances, bestScore: 1, metric: .auc).isEmpty)
        let found = try DataChecks.afterTraining(featureNames: names, importances: importances,
                                                 sourceColumns: ["Sex", "Sex", "Age"], bestScore: 1, metric: .auc)
        #expect(found.map(\.column) == ["Sex"] && found.first?.hint == "--drop Sex")
        #expect(found.first.map { isClose($0.score ?? 0, 0.98, rel: 1e-12) } == true)
        #expect(throws: MLError.self) {
            try DataChecks.afterTraining(featureNames: names, importances: [1], bestScore: 1, metric: .auc)
        }
        #expect(throws: MLError.self) {
            try DataChecks.afterTraining(featureNames: names, importances: importances, sourceColumns: ["Sex"],
                                         bestScore: 1, metric: .auc)
        }
    }
}
