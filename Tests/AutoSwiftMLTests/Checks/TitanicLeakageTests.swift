@testable import AutoSwiftML
import Testing
import TestSupport

/// The case PyCaret users meet on Kaggle: Titanic's test file joined with the gender-based sample
/// submission, where Survived equals Sex, so every model scores 100%.
@Suite("Titanic: a gender-submission target leaks through Sex; the real one does not")
struct TitanicLeakageTests {
    func run(_ table: DataTable, options: DataCheckOptions = DataCheckOptions(), seed: UInt64 = 42) throws -> DataCheckReport {
        var rng = RandomStream(seed: seed).split(RandomKeys.checks)
        return try DataChecks.run(table: table, target: "Survived", task: .binary, idLikeColumns: ["PassengerId"],
                                  options: options, using: &rng)
    }

    @Test func genderSubmissionTargetIsFlaggedThroughSex() throws {
        let report = try run(CheckTables.leakyTitanic())
        let leaks = report.warnings(of: .leakingColumn)
        #expect(leaks.map(\.column) == ["Sex"], "\(report.rendered)")
        #expect(leaks.first?.score == 1.0)
        #expect(leaks.first?.message.hasPrefix("Column 'Sex' alone predicts 'Survived' with a cross-validated AUC of 1.000") == true)
        #expect(report.columns(flaggedAs: .targetCopy) == ["Sex"])
        #expect(report.warnings(of: .targetCopy).first?.message.contains("male → 0, female → 1") == true)
        #expect(report.columns(flaggedAs: .idLikeColumn) == ["PassengerId"])
        #expect(report.renderedLines.contains { $0.hasPrefix("WARNING: Column 'Sex' alone predicts") && $0.hasSuffix("(hint: --drop Sex)") })
        #expect(!report.hasErrors)
    }

    @Test func strictModeMakesTheLeakAnError() throws {
        var options = DataCheckOptions()
        options.isStrict = true
        let report = try run(CheckTables.leakyTitanic(), options: options)
        #expect(report.hasErrors)
        #expect(report.warnings.filter { $0.severity == .error }.map(\.column) == ["Sex", "Sex"])
    }

    @Test func realTitanicDoesNotFlagSex() throws {
        let report = try run(CheckTables.titanic())
        #expect(report.warnings(of: .leakingColumn).isEmpty, "\(report.rendered)")
        #expect(report.warnings(of: .targetCopy).isEmpty, "\(report.rendered)")
        #expect(report.warnings.map(\.kind) == [.idLikeColumn])
        // With the bar lowered, Sex shows its honest single-feature AUC of about 0.77.
        var options = DataCheckOptions()
        options.leakageAUCThreshold = 0.7
        let lowered = try run(CheckTables.titanic(), options: options)
        let sex = lowered.warnings(of: .leakingColumn).first { $0.column == "Sex" }
        #expect(sex != nil)
        #expect(abs((sex?.score ?? 0) - 0.7669) < 0.01, "Sex AUC \(sex?.score ?? .nan); scikit-learn roc_auc_score gives 0.7669")
    }

    @Test func sameSeedSameReport() throws {
        var options = DataCheckOptions()
        options.leakageAUCThreshold = 0.6
        let table = try CheckTables.titanic()
        let a = try run(table, options: options, seed: 7), b = try run(table, options: options, seed: 7)
        #expect(a == b)
        #expect(a.warnings(of: .leakingColumn).count >= 3)
    }
}
